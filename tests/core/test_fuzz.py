"""Fuzzing import, bundle import and `log` through the real CLI entry point, with a fixed budget.

The longer run is ``python benchmarks/bench_fuzz.py --examples 5000`` (benchmarks/README.md).
Judged as tests/core/fuzzing.py says: no unhandled exception, no partial write.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from incident_log import errors
from incident_log.domain.entry import NewEntry
from incident_log.logbook import Logbook
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.core import fuzzing

BUDGET = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture], database=None)
BUNDLE_PASS = "bundle passphrase 42"


@pytest.fixture
def vault(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, viaduct_data: dict) -> Path:
    monkeypatch.setenv("INCIDENT_LOG_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("INCIDENT_LOG_BUNDLE_PASSPHRASE", BUNDLE_PASS)
    path = tmp_path / "vault.db"
    with Logbook.create(path, PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF) as book:
        ref = book.create_incident("Fuzzed", ref="FUZZ-LOG").ref
        book.record(ref, NewEntry("person", "", {"key": "s1", "role": "subject", "name": "Iker"}, author="L1"))
        book.record(ref, NewEntry("demand", "a car", {"by": "s1"}, author="L1"))
    return path


def _assert_clean(tally: fuzzing.Tally) -> None:
    assert (tally.unhandled, tally.partial) == (0, 0), tally.examples[:5]


@BUDGET
@given(seed=fuzzing.seeds)
def test_fuzzed_imports(vault: Path, viaduct_data: dict, tmp_path: Path, seed: int) -> None:
    tally = fuzzing.Tally()
    fuzzing.fuzz_import(tally, vault, PASSPHRASE, viaduct_data, seed, tmp_path)
    _assert_clean(tally)


@pytest.fixture
def body(vault: Path, viaduct_data: dict, tmp_path: Path) -> dict:
    with Logbook.open(vault, passphrase=PASSPHRASE) as book:
        ref = book.import_scenario(viaduct_data, ref="SOURCE-1").ref
        return fuzzing.bundle_body(book, ref, BUNDLE_PASS, tmp_path)


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture], database=None)
@given(seed=fuzzing.seeds)
def test_fuzzed_bundles(vault: Path, body: dict, tmp_path: Path, seed: int) -> None:
    body = {**body, "incident": {**body["incident"], "id": f"fuzz-{seed}", "ref": f"B-{seed}"}}
    tally = fuzzing.Tally()
    fuzzing.fuzz_bundle(tally, vault, PASSPHRASE, body, BUNDLE_PASS, seed, tmp_path)
    _assert_clean(tally)


@BUDGET
@given(seed=fuzzing.seeds)
def test_fuzzed_log_arguments(vault: Path, seed: int) -> None:
    tally = fuzzing.Tally()
    fuzzing.fuzz_log(tally, vault, PASSPHRASE, "FUZZ-LOG", seed)
    _assert_clean(tally)


@pytest.mark.parametrize(
    "argv",
    [
        [b"log", b"FUZZ-LOG", b"note", b"caf\xe9 latin-1"],
        [b"log", b"FUZZ-\xff", b"note", b"x"],
        [b"log", b"FUZZ-LOG", b"note", b"x", b"--author", b"\xc3\x28"],
        [b"log", b"FUZZ-LOG", b"note", b"x", b"--at", b"2026-03-14T21:40:00+01:00\xff"],
        [b"export", b"FUZZ-LOG", b"--format", b"jsonl", b"-o", b"/tmp/\xff/out.jsonl"],
    ],
)
def test_non_utf8_arguments_in_a_real_process(vault: Path, argv: list[bytes]) -> None:
    env = {**os.environ, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring", "LC_ALL": "C.UTF-8"}
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable.encode(), b"-m", b"incident_log", b"--vault", str(vault).encode(), *argv],
        cwd=root, env=env, capture_output=True, timeout=60,
    )
    assert done.returncode in (1, 2), done.stderr
    assert b"Traceback" not in done.stderr and b"internal error" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    with Logbook.open(vault, passphrase=PASSPHRASE) as book:
        assert book.incident("FUZZ-LOG").entry_count == 2 and book.verify().ok


def test_a_vault_path_that_is_not_utf8(tmp_path: Path) -> None:
    folder = os.fsdecode(os.fsencode(str(tmp_path)) + b"/caf\xe9")
    os.mkdir(folder)
    vault = Path(folder) / "vault.db"
    with pytest.raises(errors.VaultPathUnusable, match="not UTF-8.*nothing was changed"):
        Logbook.create(vault, PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF)
    assert os.listdir(folder) == []
