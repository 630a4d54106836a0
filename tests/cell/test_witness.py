"""Witnesses: a workstation's mirror names the first entry where the server's chain parted from it."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from incident_log.cell.witness import Link, links_of, witness
from incident_log.cell.workstation import Workstation
from incident_log.domain.entry import ORIGIN_LIVE, Entry, NewEntry, chain_hash, entry_payload, genesis_hash
from tests.cell.conftest import incident_row
from tests.pgserver import PostgresServer

INCIDENT = "2f0c4a0e-1111-4222-8333-444455556666"
T0 = datetime(2026, 3, 14, 21, 0, tzinfo=UTC)


def make_chain(count: int, *, incident: str = INCIDENT) -> list[Entry]:
    """A valid chain of notes, hashed exactly as the append path hashes them."""
    previous = genesis_hash(incident)
    out: list[Entry] = []
    for seq in range(1, count + 1):
        text = f"entry {seq}"
        moment = T0 + timedelta(minutes=seq)
        payload = entry_payload(incident_id=incident, seq=seq, kind="note", occurred_at=moment, recorded_at=moment,
                                author="L", text=text, fields={}, refs=None, delay_reason=None, origin=ORIGIN_LIVE)
        digest = chain_hash(previous, payload)
        out.append(Entry(incident, seq, "note", moment, moment, "L", text, {}, None, None, ORIGIN_LIVE, previous, digest))
        previous = digest
    return out


def rechain(entries: list[Entry], start: int) -> list[Entry]:
    """What a careful rogue administrator does after a change: recompute every hash from there on."""
    out = list(entries[: start - 1])
    previous = out[-1].hash if out else genesis_hash(entries[0].incident_id)
    for entry in entries[start - 1 :]:
        relinked = dataclasses.replace(entry, prev_hash=previous)
        relinked = dataclasses.replace(relinked, hash=chain_hash(previous, relinked.canonical()))
        out.append(relinked)
        previous = relinked.hash
    return out


def test_a_server_that_extends_the_mirror_is_a_good_witness() -> None:
    server = make_chain(10)
    assert witness(INCIDENT, links_of(server[:6]), server).ok
    assert witness(INCIDENT, [], server).ok
    assert witness(INCIDENT, links_of(server), server).ok


@settings(max_examples=200, deadline=None)
@given(count=st.integers(2, 30), data=st.data())
def test_every_kind_of_tampering_is_named_at_its_first_entry(count: int, data: st.DataObject) -> None:
    original = make_chain(count)
    mirror = links_of(original)
    target = data.draw(st.integers(1, count), label="tampered seq")
    how = data.draw(st.sampled_from(["edit", "edit+rechain", "drop tail", "drop one", "drop one+renumber"]), label="how")
    server = list(original)
    if how == "edit":
        server[target - 1] = dataclasses.replace(server[target - 1], text="rewritten")
    elif how == "edit+rechain":
        server[target - 1] = dataclasses.replace(server[target - 1], text="rewritten")
        server = rechain(server, target)
    elif how == "drop tail":
        server = server[: target - 1]
    elif how == "drop one":
        del server[target - 1]
    else:  # one removed and the rest renumbered and rechained, so no gap shows
        del server[target - 1]
        server = [dataclasses.replace(e, seq=n + 1) for n, e in enumerate(server)]
        if target <= len(server):
            server = rechain(server, target)
    report = witness(INCIDENT, mirror, server)
    assert not report.ok
    assert report.first_difference == target
    assert f"#{target}" in (report.problem or "")


def test_a_mirror_only_takes_in_a_tail_that_links_on() -> None:
    original = make_chain(8)
    tail_of_a_rewrite = rechain([dataclasses.replace(original[0], text="x"), *original[1:]], 1)[5:]
    report = witness(INCIDENT, [], tail_of_a_rewrite, server_prev=original[4].hash, start=6)
    assert not report.ok and report.first_difference == 6


def test_a_mirror_link_can_stand_alone() -> None:
    server = make_chain(3)
    assert not witness(INCIDENT, [Link(2, "0" * 64)], server).ok


# --- against the real server: a superuser with the triggers disabled ------------------------------------


def tamper(server: PostgresServer, statement: str) -> None:
    server.superuser_sql(
        "BEGIN; ALTER TABLE incident_log.entry DISABLE TRIGGER USER; ALTER TABLE incident_log.chain_head DISABLE TRIGGER USER; "
        f"{statement}; ALTER TABLE incident_log.entry ENABLE TRIGGER USER; "
        "ALTER TABLE incident_log.chain_head ENABLE TRIGGER USER; COMMIT"
    )


@pytest.fixture
def shared(make_login, make_workstation) -> tuple[Workstation, Workstation, str]:
    """The loggist's and the team leader's workstations following one incident with 8 entries."""
    loggist = make_workstation(make_login(prefix="loggist"), "loggist")
    leader = make_workstation(make_login(prefix="leader"), "leader")
    row = incident_row()
    loggist.create_incident(row)
    leader.follow(row.id)
    for n in range(8):
        loggist.record(row.id, NewEntry("note", f"entry {n + 1}", author="Loggist"))
    leader.sync()
    assert leader.mirror.head(row.id).count == 8
    return loggist, leader, row.id


def test_a_row_changed_by_a_superuser_is_named_by_every_witness(pg_server: PostgresServer, shared) -> None:
    loggist, leader, incident = shared
    tamper(pg_server, f"UPDATE incident_log.entry SET text = 'nothing happened' WHERE incident_id = '{incident}' AND seq = 5")
    for station in (loggist, leader):
        report = station.check(incident)
        assert not report.ok
        assert report.witness.first_difference == 5
        assert "#5" in (report.witness.problem or "") and "changed after it was recorded" in (report.witness.problem or "")


def test_a_rewrite_with_recomputed_hashes_is_named_and_its_signatures_fail(pg_server: PostgresServer, shared) -> None:
    loggist, leader, incident = shared
    entries = loggist.store.read_range(incident)
    rewritten = rechain([*entries[:3], dataclasses.replace(entries[3], text="nothing happened"), *entries[4:]], 4)
    statements = [
        f"UPDATE incident_log.entry SET text = '{e.text}', prev_hash = '{e.prev_hash}', hash = '{e.hash}' "
        f"WHERE incident_id = '{incident}' AND seq = {e.seq}"
        for e in rewritten[3:]
    ]
    statements.append(f"UPDATE incident_log.chain_head SET hash = '{rewritten[-1].hash}' WHERE incident_id = '{incident}'")
    tamper(pg_server, "; ".join(statements))
    report = leader.check(incident)
    assert report.witness.first_difference == 4
    assert "differs from the copy this workstation holds" in (report.witness.problem or "")
    assert report.signatures.bad == (4, 5, 6, 7, 8)  # nobody can re-sign: the authors' keys are not on the server
    # The leader's mirror refuses to take in entries appended on top of the rewritten chain.
    loggist.record(incident, NewEntry("note", "entry 9", author="Loggist"))
    synced = leader.sync()
    assert any("#4" in problem for problem in synced.problems)
    assert leader.mirror.head(incident).count == 8


def test_entries_removed_from_the_end_are_named(pg_server: PostgresServer, shared) -> None:
    _loggist, leader, incident = shared
    entries = leader.store.read_range(incident)
    tamper(
        pg_server,
        f"DELETE FROM incident_log.entry WHERE incident_id = '{incident}' AND seq > 6; "
        f"UPDATE incident_log.chain_head SET seq = 6, hash = '{entries[5].hash}' WHERE incident_id = '{incident}'",
    )
    report = leader.check(incident)
    assert report.witness.first_difference == 7 and "removed" in (report.witness.problem or "")
    synced = leader.sync()
    assert any("#7" in problem for problem in synced.problems)


def test_an_entry_removed_from_the_middle_is_named(pg_server: PostgresServer, shared) -> None:
    _loggist, leader, incident = shared
    tamper(pg_server, f"DELETE FROM incident_log.entry WHERE incident_id = '{incident}' AND seq = 3")
    report = leader.check(incident)
    assert report.witness.first_difference == 3 and "missing" in (report.witness.problem or "")


def test_an_unreadable_row_is_named_not_a_crash(pg_server: PostgresServer, shared) -> None:
    _loggist, leader, incident = shared
    tamper(
        pg_server,
        f"UPDATE incident_log.entry SET fields = 'not json' WHERE incident_id = '{incident}' AND seq = 2",
    )
    report = leader.check(incident)
    assert report.witness.first_difference == 2
    assert "#2" in (report.witness.problem or "")

