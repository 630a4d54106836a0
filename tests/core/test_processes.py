"""Crashes, concurrent writers, a full disk and what the files hold at rest."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import event

from incident_log import errors
from incident_log.domain.entry import NewEntry
from incident_log.logbook import Logbook
from incident_log.store.keyslots import sidecar_path
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


def writer(vault: Path, ref: str, count: int, tag: str) -> subprocess.Popen[str]:
    env = {**os.environ, "INCIDENT_LOG_PASSPHRASE": PASSPHRASE, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.core.writer_process", str(vault), ref, str(count), tag],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.slow
def test_sigkill_never_loses_a_returned_entry(logbook: Logbook, vault_path: Path) -> None:
    ref = logbook.create_incident("Crash test").ref
    logbook.close()
    rng = random.Random(20261124)
    confirmed: set[int] = set()
    for _round in range(20):
        child = writer(vault_path, ref, 100_000, "crash")
        assert child.stdout is not None
        first = child.stdout.readline()  # the child is up and writing
        assert first.strip().isdigit(), child.stderr.read() if child.stderr else ""
        confirmed.add(int(first))
        time.sleep(rng.uniform(0.0, 0.25))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        confirmed.update(int(line) for line in out.split())
        with Logbook.open(vault_path, passphrase=PASSPHRASE) as book:
            count, _head = book.head(ref)
            missing = confirmed - set(range(1, count + 1))
            assert not missing, f"entries acknowledged but lost: {sorted(missing)[:5]}"
            assert book.verify(ref).ok
    assert len(confirmed) > 20


@pytest.mark.slow
def test_two_processes_appending_make_one_clean_chain(logbook: Logbook, vault_path: Path) -> None:
    ref = logbook.create_incident("Two windows").ref
    children = [writer(vault_path, ref, 150, tag) for tag in ("alpha", "bravo")]
    for _ in range(50):  # and this process writes at the same time
        logbook.record(ref, NewEntry("note", "charlie entry", author="charlie"))
    outputs = [child.communicate(timeout=120) for child in children]
    for child, (_out, err) in zip(children, outputs, strict=True):
        assert child.returncode == 0, err
    seqs = [int(s) for out, _ in outputs for s in out.split()]
    assert len(seqs) == len(set(seqs)) == 300
    entries = list(logbook.all_entries(ref))
    assert [e.seq for e in entries] == list(range(1, 351))
    assert {e.author for e in entries} == {"alpha", "bravo", "charlie"}
    assert logbook.verify(ref).ok


def test_disk_full_fails_clearly_and_keeps_the_vault_valid(logbook: Logbook) -> None:
    ref = logbook.create_incident("Full disk").ref
    logbook.record(ref, NewEntry("note", "before the disk filled", author="L1"))
    engine = logbook._engine
    engine.dispose()

    @event.listens_for(engine, "connect")
    def _cap(dbapi_connection, _record) -> None:  # the file may not grow past its current size
        cursor = dbapi_connection.cursor()
        pages = cursor.execute("PRAGMA page_count").fetchone()[0]
        cursor.execute(f"PRAGMA max_page_count = {pages}")
        cursor.close()

    text_ = "The subject says: " + "a long statement that will not fit. " * 1200
    draft = NewEntry("note", text_, author="L1")
    with pytest.raises(errors.DiskFull) as caught:
        for _ in range(20):
            logbook.record(ref, draft)
    assert "NOT recorded" in caught.value.message
    assert draft.text == text_  # the caller still holds every word
    event.remove(engine, "connect", _cap)
    engine.dispose()
    assert logbook.verify(ref).ok
    logbook.record(ref, NewEntry("note", "after space was freed", author="L1"))
    assert logbook.verify(ref).ok


SECRETS = ["Zacarías Quintanilla", "Wenceslao", "+34 699 123 457", "the blue Seat Ibiza behind the bakery"]


def test_nothing_readable_at_rest(logbook: Logbook, vault_path: Path) -> None:
    ref = logbook.create_incident("At rest", location="Calle del Pez 7").ref
    logbook.record(
        ref,
        NewEntry("person", "", {"key": "s1", "role": "subject", "name": SECRETS[0], "aliases": [SECRETS[1]], "phones": [SECRETS[2]]}, author="L1"),
    )
    for _ in range(20):
        logbook.record(ref, NewEntry("intel", SECRETS[3], {"source": SECRETS[1]}, author="L1"))
    logbook.save_draft(ref, "composer", {"text": SECRETS[3]})

    def scan() -> None:
        files = [vault_path, Path(f"{vault_path}-wal"), Path(f"{vault_path}-shm"), sidecar_path(vault_path)]
        for path in files:
            if not path.exists():
                continue
            data = path.read_bytes().lower()
            for secret in SECRETS + ["calle del pez", "at rest"]:
                for encoding in ("utf-8", "utf-16-le"):
                    assert secret.lower().encode(encoding) not in data, f"{secret!r} readable in {path.name}"

    scan()  # while open, with a live WAL
    logbook.close()
    scan()

