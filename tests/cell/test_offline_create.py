"""An incident created while the server is down: kept here, created on the server by the next sync."""

from __future__ import annotations

import pytest

from incident_log.cell.queue import replay
from incident_log.cell.workstation import Workstation
from incident_log.domain.entry import NewEntry
from tests.cell.conftest import incident_row
from tests.pgserver import PostgresServer


def note(text: str) -> NewEntry:
    return NewEntry("note", text, author="Loggist")


@pytest.fixture
def pair(make_login, make_workstation) -> tuple[Workstation, Workstation]:
    return make_workstation(make_login(prefix="loggist"), "loggist"), make_workstation(make_login(prefix="leader"), "leader")


def test_an_incident_created_offline_reaches_the_server_with_its_entries(pg_server: PostgresServer, pair) -> None:
    loggist, leader = pair
    row = incident_row()
    pg_server.stop()
    try:
        opened = loggist.create_incident(row)
        assert opened.waiting and opened.number == 0  # the opening waits as provisional #0
        acks = [loggist.record(row.id, note(f"offline {n}")) for n in range(3)]
        assert [a.number for a in acks] == [1, 2, 3] and all(a.waiting for a in acks)
        assert loggist.status().line() == "offline — 4 entries waiting"
        assert not loggist.sync().connected and loggist.queue.count() == 4
    finally:
        pg_server.start()
    report = loggist.sync()
    assert report.connected and len(report.replay.sent) == 4 and not report.replay.held, report
    assert [seq for _uid, seq in report.replay.sent] == [0, 1, 2, 3]
    leader.follow(row.id)
    for station in (loggist, leader):
        assert [e.text for e in station.mirror.entries(row.id)] == ["offline 0", "offline 1", "offline 2"]
        assert station.check(row.id).ok
    assert loggist.store.find_incident(row.ref) is not None


def test_an_opening_created_but_not_marked_is_not_created_twice(pg_server: PostgresServer, pair) -> None:
    loggist, _leader = pair
    row = incident_row()
    pg_server.stop()
    try:
        loggist.create_incident(row)
        loggist.record(row.id, note("after the opening"))
    finally:
        pg_server.start()
    assert loggist.connect()

    class Crash(BaseException):
        pass

    def create_then_crash(queued, refs):  # type: ignore[no-untyped-def]
        loggist._append_queued(queued, refs)  # noqa: SLF001 - the replay's own step, then the crash
        raise Crash  # the server has the incident; the queue does not know

    with pytest.raises(Crash):
        replay(loggist.queue, create_then_crash)
    assert loggist.queue.count() == 2
    report = loggist.sync()
    assert [seq for _uid, seq in report.replay.already_present] == [0], report
    assert [seq for _uid, seq in report.replay.sent] == [1]
    assert [e.text for e in loggist.store.read_range(row.id)] == ["after the opening"]
    assert loggist.check(row.id).ok


def test_a_ref_taken_meanwhile_holds_the_incident_with_the_reason(pg_server: PostgresServer, pair) -> None:
    loggist, leader = pair
    row = incident_row()
    pg_server.stop()
    try:
        loggist.create_incident(row)
        loggist.record(row.id, note("mine"))
    finally:
        pg_server.start()
    assert leader.connect()
    leader.create_incident(incident_row(ref=row.ref))  # the same ref, created online meanwhile
    report = loggist.sync()
    assert report.connected and len(report.replay.held) == 1 and report.replay.behind_held == 1
    assert row.ref in report.replay.held[0][1]
    assert loggist.queue.count() == 2  # nothing lost: both still wait, the reason is shown
