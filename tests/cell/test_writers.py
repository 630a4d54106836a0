"""Several workstations appending to one incident at once, each in its own process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from incident_log.cell.store import CellStore
from incident_log.cell.witness import check_signatures, witness
from tests.cell.conftest import Login, incident_row, open_incident

ROOT = Path(__file__).resolve().parents[2]


def start_writer(who: Login, incident_id: str, count: int, tag: str) -> subprocess.Popen[str]:
    env = {**os.environ, "INCIDENT_LOG_TEST_CELL_PASSWORD": who.secrets.password or ""}
    return subprocess.Popen(
        [sys.executable, "-m", "tests.cell.writer_process", who.url, incident_id, str(count), tag],
        cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


@pytest.mark.slow
@pytest.mark.parametrize("writers", [2, 4])
def test_concurrent_writer_processes_leave_one_gapless_verified_chain(
    make_login, open_store, writers: int
) -> None:
    per_writer = 150
    logins = [make_login(prefix=f"w{n}") for n in range(writers)]
    store: CellStore = open_store(logins[0])
    row = incident_row()
    open_incident(store, row)
    children = [start_writer(who, row.id, per_writer, f"W{n}") for n, who in enumerate(logins)]
    for child in children:  # every writer connected: release them together, so they really interleave
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    acknowledged: dict[str, list[int]] = {}
    for n, child in enumerate(children):
        out, err = child.communicate(timeout=300)
        assert child.returncode == 0, err[-2000:]
        lines = out.split()
        assert lines[-1] == "done"
        acknowledged[f"W{n}"] = [int(line) for line in lines[:-1]]
    entries = store.read_range(row.id)
    total = writers * per_writer
    # Gapless: seqs 1..N, each acknowledged seq held by exactly one writer (no fork, no loss).
    assert [e.seq for e in entries] == list(range(1, total + 1))
    all_acknowledged = sorted(seq for seqs in acknowledged.values() for seq in seqs)
    assert all_acknowledged == list(range(1, total + 1))
    for tag, seqs in acknowledged.items():
        assert [entries[s - 1].author for s in seqs] == [tag] * per_writer
        assert [entries[s - 1].text for s in seqs] == [f"{tag} entry {i}" for i in range(per_writer)]
    # Verified: the whole chain recomputes, and every entry's signature checks.
    whole = store.read_signed(row.id)  # with #0, the opening
    assert witness(row.id, [], [s.entry for s in whole]).ok
    signatures = check_signatures(whole, store.public_keys())
    assert signatures.checked == total + 1 and signatures.ok and not signatures.unsigned
    # The writers really interleaved (otherwise this test would prove nothing about concurrency).
    authors = [e.author for e in entries]
    switches = sum(1 for a, b in zip(authors, authors[1:], strict=False) if a != b)
    assert switches > writers
