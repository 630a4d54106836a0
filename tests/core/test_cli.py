"""The command line as a user (or a script) meets it: real processes, real vaults."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from incident_log import errors
from incident_log.domain.entry import NewEntry
from incident_log.logbook import Logbook
from tests.conftest import PASSPHRASE, VIADUCT

ROOT = Path(__file__).resolve().parents[2]
SECRET_NAME = "Zacarías Quintanilla"
SECRET_TEXT = "hidden under the floorboards"


@pytest.fixture
def cli(tmp_path: Path):
    temp = tmp_path / "tmpdir"
    temp.mkdir()
    env = {
        **os.environ,
        "INCIDENT_LOG_VAULT": str(tmp_path / "vault.db"),
        "INCIDENT_LOG_PASSPHRASE": PASSPHRASE,
        "INCIDENT_LOG_BUNDLE_PASSPHRASE": "bundle passphrase",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "TMPDIR": str(temp),
    }

    def run(*args: str, ok: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [sys.executable, "-m", "incident_log", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
        )
        if ok:
            assert done.returncode == 0, done.stderr
        return done

    run.temp = temp  # type: ignore[attr-defined]
    return run


def test_a_whole_session_from_the_command_line(cli, tmp_path: Path) -> None:
    init = cli("init")
    assert "no secure system keyring" in init.stdout.lower()
    ref = cli("new", "--title", "Rooftop", "--type", "crisis").stdout.strip()
    assert ref.startswith("NEG-")
    assert cli("log", ref, "person", "", "--field", "key=s1", "--field", "role=subject", "--field", f"name={SECRET_NAME}").stdout.strip() == "1"
    assert cli("log", ref, "statement", SECRET_TEXT, "--field", "speaker=s1", "--field", "channel=phone").stdout.strip() == "2"
    demand = cli("log", ref, "demand", "wants a car", "--field", "by=s1", "--field", "deadline=2026-03-14T23:00:00Z").stdout.strip()
    assert cli("log", ref, "update", "", "--refs", demand, "--field", "status=refused").stdout.strip() == "4"
    assert cli("amend", ref, "2", SECRET_TEXT + " (corrected)", "--reason", "misheard").stdout.strip() == "5"
    listing = cli("list").stdout
    assert ref in listing and "5 entries" in listing
    verified = cli("verify", ref)
    assert verified.stdout.startswith("OK: 5 entries")
    head = verified.stdout.split("head ")[-1].strip()
    assert cli("verify", ref, "--head", head, "--count", "5").returncode == 0
    bad = cli("verify", ref, "--head", head, "--count", "6", ok=False)
    assert bad.returncode == 1 and "printed copy had 6 entries" in bad.stderr

    # Nothing of the incident reached the terminal except what was asked for, or a temp file.
    everything = "".join(c.stdout + c.stderr for c in (init, verified, bad))
    assert SECRET_NAME not in everything and SECRET_TEXT not in everything
    assert list(cli.temp.iterdir()) == []

    exported = cli("export", ref, "--format", "jsonl")
    rows = [json.loads(line) for line in exported.stdout.splitlines()]
    assert [r["seq"] for r in rows] == [1, 2, 3, 4, 5]
    assert "plain, unencrypted text" in exported.stderr
    csv_file = tmp_path / "out.csv"
    cli("export", ref, "--format", "csv", "-o", str(csv_file))
    assert csv_file.read_text(encoding="utf-8").startswith("seq,occurred_at,recorded_at,kind,author,text")
    assert oct(csv_file.stat().st_mode & 0o777) == "0o600"

    bundle = tmp_path / "rooftop.ilbundle"
    cli("bundle", "export", ref, "-o", str(bundle))
    other = tmp_path / "other.db"
    cli("--vault", str(other), "init")
    assert cli("--vault", str(other), "bundle", "import", str(bundle)).stdout.strip() == ref
    assert cli("bundle", "import", str(bundle), "--vault", str(other)).stdout.strip() == ref
    assert cli("--vault", str(other), "list").stdout.count(ref) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("log", "NOPE", "note", "x"), "No incident 'NOPE'"),
        (("log", "{ref}", "gossip", "x"), "kind: 'gossip' is not an entry kind"),
        (("log", "{ref}", "note", "x", "--at", "2020-01-01T00:00:00Z"), "delay_reason:"),
        (("log", "{ref}", "note", "x", "--at", "yesterday"), "is not a time"),
        (("import", "/nonexistent/file.json"), "file.json"),
        (("verify", "--head", "abc"), "give its REF"),
    ],
)
def test_errors_are_one_line_and_non_zero(cli, args: tuple[str, ...], message: str) -> None:
    cli("init")
    ref = cli("new", "--title", "T").stdout.strip()
    done = cli(*[a.format(ref=ref) for a in args], ok=False)
    assert done.returncode != 0
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_wrong_passphrase_and_missing_vault(cli, tmp_path: Path) -> None:
    missing = cli("--vault", str(tmp_path / "none.db"), "list", ok=False)
    assert missing.returncode == 1 and "No vault at" in missing.stderr
    assert not (tmp_path / "none.db").exists()
    cli("init")
    wrong = subprocess.run(
        [sys.executable, "-m", "incident_log", "--vault", str(tmp_path / "vault.db"), "list"],
        cwd=ROOT,
        env={**os.environ, "INCIDENT_LOG_PASSPHRASE": "wrong wrong wrong", "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert wrong.returncode == 1 and "Wrong passphrase" in wrong.stderr


def test_import_the_viaduct_scenario(cli) -> None:
    cli("init")
    assert cli("import", str(VIADUCT)).stdout.strip() == "NEG-2026-0031"
    bad = cli("import", str(VIADUCT), ok=False)
    assert "already exists" in bad.stderr
    assert cli("import", str(VIADUCT), "--ref", "NEG-COPY").stdout.strip() == "NEG-COPY"


def test_no_incident_content_in_log_records(logbook: Logbook, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    ref = logbook.create_incident("Logging").ref
    logbook.record(ref, NewEntry("person", "", {"key": "s1", "role": "subject", "name": SECRET_NAME}, author="L1"))
    logbook.record(ref, NewEntry("note", SECRET_TEXT, author="L1"))
    with pytest.raises(errors.ValidationError):
        logbook.record(ref, NewEntry("statement", SECRET_TEXT, {"speaker": "ghost"}, author="L1"))
    logbook.state(ref)
    logbook.verify(ref)
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert SECRET_NAME not in logged and SECRET_TEXT not in logged
