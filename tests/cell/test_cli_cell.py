"""The command line in cell mode, driven as a user would (``cli.main``) against the real test server.

Two workstations are two vaults on this machine, each with its own cell login; the server is the
session's PostgreSQL (TLS, verify-full), stopped and restarted where a test needs it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from incident_log import cli
from incident_log.logbook import Logbook
from tests.cell.conftest import unique
from tests.cell.test_witness import tamper
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.pgserver import PostgresServer

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    """``incident-log ARGS`` in this process: (exit code, stdout, stderr)."""
    monkeypatch.setenv("INCIDENT_LOG_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("INCIDENT_LOG_CELL", raising=False)
    monkeypatch.delenv("INCIDENT_LOG_CELL_PASSWORD", raising=False)

    def run_(*argv: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = cli.main(list(argv))
        out, err = capsys.readouterr()
        assert "Traceback" not in err
        return code, out, err

    return run_


@dataclass(frozen=True)
class Station:
    """One workstation: its vault and its cell URL, both given on every command."""

    vault: Path
    url: str
    role: str

    def args(self, *argv: str) -> list[str]:
        return ["--vault", str(self.vault), "--cell", self.url, *argv]


def password_of(output: str) -> str:
    found = re.findall(r"^\s+([0-9a-f]{64})$", output, re.MULTILINE)
    assert len(found) == 1, "the password is shown exactly once"
    return found[0]


@pytest.fixture
def make_station(
    run: Run, cell_admin_url: str, pg_server: PostgresServer, cell_name: str, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> Callable[..., Station]:
    def make(name: str, *, cell: str | None = None, keyring: bool = True) -> Station:
        role = unique(name)
        code, out, err = run("cell", "add-user", role, "--url", cell_admin_url, "--cell-name", cell or cell_name)
        assert code == 0, err
        vault = tmp_path / f"{name}.db"
        Logbook.create(vault, PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF).close()
        station = Station(vault, pg_server.url(role), role)
        monkeypatch.setenv("INCIDENT_LOG_CELL_PASSWORD", password_of(out))
        try:
            code, out, err = run(*station.args("cell", "login", *([] if keyring else ["--no-keyring"])))
        finally:
            monkeypatch.delenv("INCIDENT_LOG_CELL_PASSWORD")
        assert code == 0, err
        assert f"Connected as '{role}'" in out
        return station

    return make


def texts(run: Run, station: Station, ref: str) -> list[str]:
    code, out, err = run(*station.args("export", ref, "--format", "jsonl"))
    assert code == 0, err
    return [json.loads(line)["text"] for line in out.splitlines()]


def new_incident(run: Run, station: Station) -> str:
    code, out, err = run(*station.args("new", "--title", "Barricade, 3rd floor", "--type", "barricade"))
    assert code == 0, err
    return out.strip()


# --- setup and users -------------------------------------------------------------------------------


def test_setup_twice_creates_then_changes_nothing(run: Run, fresh_database: str) -> None:
    code, out, err = run("cell", "setup", "--url", fresh_database)
    assert code == 0, err
    assert out.startswith("Cell schema version 1 set up: created role") or "set up: created" in out
    code, out, err = run("cell", "setup", "--url", fresh_database)
    assert code == 0, err
    assert "was already set up; nothing was changed" in out


def test_add_user_says_how_to_connect_and_keeps_the_password_out_of_files(
    run: Run, make_station: Callable[..., Station], cell_admin_url: str, tmp_path: Path
) -> None:
    import subprocess
    import sys

    nobody = unique("nobody")
    into = tmp_path / "out.txt"
    with into.open("w") as handle:  # `incident-log cell add-user … > out.txt`: the password would stay there
        done = subprocess.run([sys.executable, "-m", "incident_log", "cell", "add-user", nobody, "--url", cell_admin_url],
                              stdout=handle, stderr=subprocess.PIPE, text=True, timeout=120, check=False)
    assert done.returncode == 1 and "goes to a file" in done.stderr and into.read_text() == ""
    assert "already exists" not in run("cell", "add-user", nobody, "--url", cell_admin_url)[1]  # none was made
    role = unique("ana")
    code, out, err = run("cell", "add-user", role, "--url", cell_admin_url)  # read by a script: shown
    assert code == 0, err
    assert f"incident-log --cell 'postgresql://{role}@" in out and "sslmode=verify-full" in out
    assert "cell login" in out and "password=" not in out
    password = password_of(out)
    code, out, err = run("cell", "add-user", role, "--url", cell_admin_url)
    assert code == 0 and "already exists" in out and password not in out

    station = make_station("loggist", keyring=False)  # the secrets in passphrase slots only
    ref = new_incident(run, station)
    assert run(*station.args("log", ref, "note", "kept in slots"))[0] == 0
    for path in tmp_path.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            assert password.encode() not in data and b"kept in slots" not in data, path


def test_a_wrong_password_is_one_sentence(run: Run, make_station: Callable[..., Station],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    station = make_station("loggist")
    monkeypatch.setenv("INCIDENT_LOG_CELL_PASSWORD", "0" * 64)
    code, out, err = run(*station.args("list"))
    assert code == 1 and not out
    assert err.strip() == (
        f"incident-log: error: The cell server refused the login of '{station.role}' (wrong password, certificate "
        "or user name). Check them with the cell's administrator; nothing was sent."
    )


def test_a_certificate_from_another_authority_is_refused(run: Run, make_station: Callable[..., Station],
                                                         pg_server: PostgresServer) -> None:
    station = make_station("loggist")
    wrong = Station(station.vault, station.url.replace(str(pg_server.ca_file), str(pg_server.foreign_authority_file())),
                    station.role)
    code, _out, err = run(*wrong.args("list"))
    assert code == 1 and "certificate could not be verified" in err and len(err.strip().splitlines()) == 1


# --- two workstations on one incident ------------------------------------------------------------------


def test_two_workstations_log_into_one_incident_and_see_each_other(run: Run, make_station: Callable[..., Station]) -> None:
    loggist, leader = make_station("loggist"), make_station("leader")
    ref = new_incident(run, loggist)
    code, out, _ = run(*leader.args("list"))
    assert code == 0 and out.startswith(f"{ref}\topen\t0 entries")
    assert run(*loggist.args("log", ref, "note", "Subject at the window"))[1].strip() == "1"
    assert run(*leader.args("log", ref, "decision", "Hold the perimeter", "--field", "rationale=safety"))[1].strip() == "2"
    assert run(*loggist.args("log", ref, "note", "Phone line open"))[1].strip() == "3"
    assert run(*leader.args("amend", ref, "1", "Subject at the east window", "--reason", "which window"))[1].strip() == "4"
    expected = ["Subject at the window", "Hold the perimeter", "Phone line open", "Subject at the east window"]
    for station in (loggist, leader):
        assert run(*station.args("cell", "sync"))[0] == 0
        assert texts(run, station, ref) == expected
        code, out, err = run(*station.args("verify", ref))
        assert code == 0, err
        assert "OK: 4 entries in 1 incident(s); shared chain, signatures" in out
    code, out, _ = run(*loggist.args("cell", "status"))
    assert code == 0 and out.startswith("connected — nothing waiting") and "(same)" in out
    code, out, err = run(*leader.args("seal", ref))
    assert code == 0 and out.startswith(f"{ref} sealed at entry #5"), err
    code, _out, err = run(*loggist.args("log", ref, "note", "too late"))
    assert code == 1 and "sealed" in err
    code, out, err = run(*loggist.args("reopen", ref, "--reason", "new information"))
    assert code == 0 and out.strip() == "6", err
    assert run(*loggist.args("verify"))[0] == 0


# --- the server goes away ----------------------------------------------------------------------------------


@pytest.mark.slow
def test_the_server_stopped_mid_incident_queues_and_sync_appends_exactly_once(
    run: Run, make_station: Callable[..., Station], pg_server: PostgresServer
) -> None:
    loggist, leader = make_station("loggist"), make_station("leader")
    ref = new_incident(run, loggist)
    assert run(*leader.args("log", ref, "note", "online 1"))[0] == 0
    pg_server.stop()
    try:
        # The loggist's copy has not seen the leader's #1 yet: the number is provisional indeed.
        code, out, err = run(*loggist.args("log", ref, "note", "offline 1"))
        assert code == 0 and out.strip() == "queued as provisional #1; 1 entry waiting"
        assert "offline" in err and "cannot be reached" in err
        code, out, _ = run(*loggist.args("log", ref, "note", "offline 2"))
        assert code == 0 and out.strip() == "queued as provisional #2; 2 entries waiting"
        code, out, _ = run(*loggist.args("cell", "status"))
        assert code == 0 and out.startswith("offline — 2 entries waiting") and "unknown (offline)" in out
        code, _out, err = run(*loggist.args("cell", "sync"))
        assert code == 1 and "not synced" in err and "cannot be reached" in err
        code, _out, err = run(*loggist.args("seal", ref))
        assert code == 1 and "Sealing needs the cell server" in err
        assert texts(run, loggist, ref) == []  # what the mirror holds; the queue is not the log yet
    finally:
        pg_server.start()
    code, out, err = run(*loggist.args("cell", "sync"))
    assert code == 0, err
    assert out.startswith("Sent 2 entries") and "connected — nothing waiting" in out
    assert run(*loggist.args("cell", "sync"))[1].startswith("Sent 0 entries")  # nothing twice
    expected = ["online 1", "offline 1", "offline 2"]
    for station in (loggist, leader):
        assert texts(run, station, ref) == expected
        assert run(*station.args("verify", ref))[0] == 0


def test_a_log_while_offline_is_sent_by_the_next_command(run: Run, make_station: Callable[..., Station],
                                                         pg_server: PostgresServer) -> None:
    """Every command syncs first when the server answers: no separate `cell sync` needed."""
    loggist = make_station("loggist")
    ref = new_incident(run, loggist)
    pg_server.stop()
    try:
        assert run(*loggist.args("log", ref, "note", "while down"))[1].startswith("queued as provisional #1")
    finally:
        pg_server.start()
    code, out, _ = run(*loggist.args("log", ref, "note", "after"))
    assert code == 0 and out.strip() == "2"
    assert texts(run, loggist, ref) == ["while down", "after"]


# --- tampering and other cells --------------------------------------------------------------------------------


def test_a_row_changed_by_a_superuser_fails_verify_naming_the_entry(
    run: Run, make_station: Callable[..., Station], pg_server: PostgresServer
) -> None:
    loggist = make_station("loggist")
    ref = new_incident(run, loggist)
    for n in range(5):
        assert run(*loggist.args("log", ref, "note", f"entry {n + 1}"))[0] == 0
    incident_id = pg_server.superuser_sql(  # refs are unique per cell, and every test has its own cell
        f"SELECT id FROM incident_log.incident WHERE ref = '{ref}' AND cell = "
        f"(SELECT cell FROM incident_log.cell_member WHERE role_name = '{loggist.role}')"
    )
    tamper(pg_server, f"UPDATE incident_log.entry SET text = 'nothing happened' WHERE incident_id = '{incident_id}' AND seq = 3")
    code, out, err = run(*loggist.args("verify", ref))
    assert code == 1 and not out.startswith("OK")
    assert f"DAMAGED: {ref} first bad entry #3" in err
    assert "#3" in err and "changed after it was recorded" in err
    assert "nothing happened" not in err + out  # never the entry's text


def test_a_user_of_another_cell_is_refused(run: Run, make_station: Callable[..., Station]) -> None:
    ours = make_station("loggist")
    ref = new_incident(run, ours)
    assert run(*ours.args("log", ref, "note", "ours only"))[0] == 0
    theirs = make_station("other", cell=unique("othercell").replace("_", "-"))
    code, out, _ = run(*theirs.args("list"))
    assert code == 0 and ref not in out  # row-level security: not even its ref
    for argv in (("log", ref, "note", "intruding"), ("export", ref, "--format", "jsonl"), ("verify", ref)):
        code, out, err = run(*theirs.args(*argv))
        assert code == 1 and not out
        assert ref in err and "intruding" not in err and len(err.strip().splitlines()) == 1
    assert texts(run, ours, ref) == ["ours only"]


def test_a_bundle_command_in_cell_mode_names_a_missing_file(run: Run, make_station: Callable[..., Station],
                                                             tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Bundles work in cell mode now (tests/cell/test_cell_bundles.py); a missing file is one sentence."""
    station = make_station("loggist")
    monkeypatch.setenv("INCIDENT_LOG_BUNDLE_PASSPHRASE", "bundle passphrase 2026")
    code, _out, err = run(*station.args("bundle", "import", str(tmp_path / "x.bundle")))
    assert code == 1 and f"No bundle at {tmp_path / 'x.bundle'}" in err and len(err.strip().splitlines()) == 1


@pytest.mark.slow
def test_an_incident_opened_while_the_server_is_down_reaches_the_cell(
    run: Run, make_station: Callable[..., Station], pg_server: PostgresServer
) -> None:
    loggist, leader = make_station("loggist"), make_station("leader")
    pg_server.stop()
    try:
        code, out, err = run(*loggist.args("new", "--title", "Opened offline", "--type", "barricade"))
        assert code == 0, err
        ref = out.strip()
        assert re.fullmatch(r"NEG-\d{4}-0001-[0-9A-F]{4}", ref)  # a suffix: another workstation may take -0001
        assert "created on the server" in err
        code, out, _ = run(*loggist.args("log", ref, "note", "first words"))
        assert code == 0 and out.strip() == "queued as provisional #1; 2 entries waiting"  # the opening waits too
        code, out, _ = run(*loggist.args("list"))
        assert code == 0 and out.startswith(f"{ref}\topen\t0 entries")
    finally:
        pg_server.start()
    code, out, err = run(*loggist.args("cell", "sync"))
    assert code == 0 and out.startswith("Sent 2 entries"), err
    code, out, _ = run(*leader.args("list"))
    assert code == 0 and out.startswith(f"{ref}\topen\t1 entry")
    for station in (loggist, leader):
        assert texts(run, station, ref) == ["first words"]
        assert run(*station.args("verify", ref))[0] == 0


def test_a_client_certificate_user_needs_no_password(
    run: Run, cell_admin_url: str, pg_server: PostgresServer, cell_name: str, tmp_path: Path
) -> None:
    role = unique("cert")
    code, out, err = run("cell", "add-user", role, "--url", cell_admin_url, "--cell-name", cell_name, "--certificate")
    assert code == 0 and "client certificate" in out and not re.search(r"[0-9a-f]{64}", out), err
    cert = pg_server.client_certificate(role)
    vault = tmp_path / "cert.db"
    Logbook.create(vault, PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF).close()
    station = Station(vault, f"{pg_server.url(role)}&sslcert={cert.cert_path}&sslkey={cert.key_path}", role)
    code, out, err = run(*station.args("cell", "login"))
    assert code == 0 and f"Connected as '{role}'" in out and "Cell password kept" not in out, err
    ref = new_incident(run, station)
    assert run(*station.args("log", ref, "note", "signed in by certificate"))[1].strip() == "1"
    assert run(*station.args("verify", ref))[0] == 0


def test_report_from_the_shared_log(run: Run, make_station: Callable[..., Station], tmp_path: Path) -> None:
    from pypdf import PdfReader

    loggist, leader = make_station("loggist"), make_station("leader")
    ref = new_incident(run, loggist)
    assert run(*loggist.args("log", ref, "note", "Negotiator on the phone"))[0] == 0
    assert run(*leader.args("log", ref, "note", "Perimeter holds"))[0] == 0
    pdf = tmp_path / "report.pdf"
    code, out, err = run(*leader.args("report", ref, "-o", str(pdf), "--unredacted", "--reason", "court copy"))
    assert code == 0 and "UNREDACTED copy, recorded in the log" in out, err
    text = "".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert ref in text and "Negotiator on the phone" in text and "Perimeter holds" in text
    code, out, _ = run(*loggist.args("export", ref, "--format", "jsonl"))
    kinds = [json.loads(line)["kind"] for line in out.splitlines()]
    assert kinds == ["note", "note", "audit"]  # the unredacted copy is on the shared log, for everyone


def test_the_installed_command_with_the_environment(
    run: Run, make_station: Callable[..., Station], pg_server: PostgresServer, tmp_path: Path
) -> None:
    """A separate process, the cell and secrets from the environment (no keyring at all)."""
    import os
    import subprocess
    import sys

    station = make_station("loggist", keyring=False)
    ref = new_incident(run, station)
    env = {
        **os.environ, "INCIDENT_LOG_CELL": station.url, "INCIDENT_LOG_VAULT": str(station.vault),
        "INCIDENT_LOG_PASSPHRASE": PASSPHRASE, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
    }

    def incident_log(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "incident_log", *argv], env=env, capture_output=True,
                              text=True, timeout=120, check=False)

    done = incident_log("log", ref, "note", "from a script")
    assert done.returncode == 0 and done.stdout.strip() == "1", done.stderr
    pg_server.stop()
    try:
        done = incident_log("log", ref, "note", "from a script, offline")
        assert done.returncode == 0 and done.stdout.strip() == "queued as provisional #2; 1 entry waiting"
        done = incident_log("verify", ref)
        assert done.returncode == 1 and "Traceback" not in done.stderr
        # This workstation's copy is checked; the shared log could not be, and that fails verify.
        assert done.stderr.strip().splitlines()[-1].startswith("NOT VERIFIED: the cell server could not be reached")
        done = incident_log("backup", str(tmp_path / "copy.db"))  # the vault itself: works offline
        assert done.returncode == 0, done.stderr
    finally:
        pg_server.start()
    done = incident_log("export", ref, "--format", "jsonl")  # syncs first
    assert done.returncode == 0
    assert [json.loads(line)["text"] for line in done.stdout.splitlines()] == ["from a script", "from a script, offline"]


def test_the_queue_and_mirror_file_is_owner_only_and_protected(run: Run, make_station: Callable[..., Station]) -> None:
    station = make_station("loggist")
    ref = new_incident(run, station)
    local = station.vault.with_name(station.vault.name + ".cell")
    assert local.stat().st_mode & 0o777 == 0o600
    code, _out, err = run(*station.args("export", ref, "--format", "jsonl", "-o", str(local), "--force"))
    assert code == 1 and "Traceback" not in err
    assert run(*station.args("cell", "status"))[0] == 0  # still a working queue and mirror
