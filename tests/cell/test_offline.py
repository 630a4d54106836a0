"""The server goes away in the middle of an incident: recording goes on, nothing is lost or doubled."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest

from incident_log.cell.connect import Secrets
from incident_log.cell.interface import Appended, Prepare
from incident_log.cell.localdb import open_local
from incident_log.cell.queue import replay
from incident_log.cell.signing import SigningKey
from incident_log.cell.store import CellStore
from incident_log.cell.workstation import Workstation
from incident_log.domain.entry import NewEntry
from incident_log.domain.validation import CLOCK_TOLERANCE
from tests.cell.conftest import Login, incident_row
from tests.pgserver import PostgresServer


def note(text: str, **extra: Any) -> NewEntry:
    return NewEntry("note", text, author="Loggist", **extra)


@pytest.fixture
def cell(make_login, make_workstation) -> tuple[Workstation, Workstation, str]:
    loggist = make_workstation(make_login(prefix="loggist"), "loggist")
    leader = make_workstation(make_login(prefix="leader"), "leader")
    row = incident_row()
    loggist.create_incident(row)
    leader.follow(row.id)
    return loggist, leader, row.id


def server_texts(station: Workstation, incident: str) -> list[str]:
    return [e.text for e in station.store.read_range(incident)]


@pytest.mark.slow
def test_the_server_stopped_mid_incident_loses_nothing_and_doubles_nothing(pg_server: PostgresServer, cell) -> None:
    loggist, leader, incident = cell
    for n in range(5):
        assert not loggist.record(incident, note(f"online {n}")).waiting
    pg_server.stop()
    try:
        acks = [loggist.record(incident, note(f"offline {n}")) for n in range(10)]
        assert all(ack.waiting for ack in acks)
        assert [ack.number for ack in acks] == list(range(6, 16))  # provisional numbers, in order
        assert not loggist.online
        status = loggist.status()
        assert status.line() == "offline — 10 entries waiting"
        assert status.problem and "cannot be reached" in status.problem
        assert not loggist.sync().connected  # the server is still down: everything still waits
        assert loggist.queue.count() == 10
    finally:
        pg_server.start()
    report = loggist.sync()
    assert report.connected and len(report.replay.sent) == 10 and not report.replay.held
    assert loggist.status().line() == "connected — nothing waiting"
    assert leader.sync().connected
    expected = [f"online {n}" for n in range(5)] + [f"offline {n}" for n in range(10)]
    assert server_texts(loggist, incident) == expected  # exactly once, in the order typed
    for station in (loggist, leader):
        assert [e.text for e in station.mirror.entries(incident)] == expected
        assert station.check(incident).ok
    # The queued entries kept the times they were acknowledged at.
    entries = loggist.store.read_signed(incident, after=0)  # the timeline: #1 on
    for signed, ack in zip(entries[5:], acks, strict=True):
        assert ack.queued is not None and signed.entry.recorded_at == ack.queued.recorded_at
        assert signed.provenance.entry_uid == ack.queued.entry_uid
        assert signed.provenance.appended_at > signed.entry.recorded_at


def test_an_entry_sent_but_not_marked_is_not_sent_twice(pg_server: PostgresServer, cell) -> None:
    """A crash between the server's commit and the queue's "sent" mark: the entry id finds it."""
    loggist, _leader, incident = cell
    pg_server.stop()
    try:
        for n in range(3):
            loggist.record(incident, note(f"queued {n}"))
    finally:
        pg_server.start()
    assert loggist.connect()
    store = loggist.store

    class Crash(BaseException):
        pass

    def append_then_crash(queued, refs):  # type: ignore[no-untyped-def]
        done = store.append(queued.incident_id, _replayed(queued, refs), entry_uid=queued.entry_uid)
        if queued.clean.text == "queued 1":
            raise Crash  # the process dies here: the server has the entry, the queue does not know
        return done

    with pytest.raises(Crash):
        replay(loggist.queue, append_then_crash)
    assert loggist.queue.count() == 2  # "queued 1" and "queued 2" still wait
    report = loggist.sync()
    assert [seq for _uid, seq in report.replay.already_present] == [2]
    assert [seq for _uid, seq in report.replay.sent] == [3]
    assert server_texts(loggist, incident) == ["queued 0", "queued 1", "queued 2"]


def _replayed(queued, refs) -> Prepare:  # type: ignore[no-untyped-def]
    from incident_log.cell.interface import Prepared
    from incident_log.domain.validation import validate_entry

    def prepare(top, facts):  # type: ignore[no-untyped-def]
        return Prepared(validate_entry(queued.draft(refs), facts, now=queued.recorded_at), queued.recorded_at, queued.origin)

    return prepare


def test_the_queue_survives_the_workstation_closing(pg_server: PostgresServer, login: Login, local_factory, tmp_path) -> None:
    first = Workstation(login.url, login.secrets, local_factory("persist"), signer=SigningKey.generate())
    assert first.connect()
    row = incident_row()
    first.create_incident(row)
    pg_server.stop()
    try:
        first.record(row.id, note("typed while the server was down"))
    finally:
        first.close()
        pg_server.start()
    again = Workstation(login.url, login.secrets, local_factory("persist"), signer=SigningKey.generate())
    try:
        assert again.queue.count() == 1
        assert len(again.sync().replay.sent) == 1
        assert server_texts(again, row.id) == ["typed while the server was down"]
    finally:
        again.close()


def test_the_local_queue_is_encrypted_at_rest(pg_server: PostgresServer, login: Login, tmp_path) -> None:
    from incident_log.store.keyslots import new_data_key

    key = new_data_key()
    local = open_local(tmp_path / "secret.cell.db", key)
    station = Workstation(login.url, login.secrets, local, signer=SigningKey.generate())
    assert station.connect()
    row = incident_row()
    station.create_incident(row)
    pg_server.stop()
    try:
        station.record(row.id, note("Marker-Zebra-Quartz"))
    finally:
        pg_server.start()
        station.close()
        local.close()
    for path in tmp_path.glob("secret.cell.db*"):
        assert b"Marker-Zebra-Quartz" not in path.read_bytes()


def test_an_amendment_of_an_offline_entry_points_at_its_real_number(pg_server: PostgresServer, cell) -> None:
    loggist, leader, incident = cell
    loggist.record(incident, note("first"))
    pg_server.stop()
    try:
        typed = loggist.record(incident, note("the car is blue"))
        assert typed.number == 2
        amended = loggist.record(
            incident, NewEntry("amendment", "the car is green", {"reason": "misheard"}, refs=2, author="Loggist")
        )
        assert amended.waiting and amended.queued and amended.queued.refs_uid == typed.queued.entry_uid  # type: ignore[union-attr]
    finally:
        pg_server.start()
    assert leader.sync().connected
    time.sleep(CLOCK_TOLERANCE.total_seconds() + 0.5)  # the queued entries are now clearly older
    leader.record(incident, NewEntry("note", "from the team leader", author="TL"))
    leader.record(incident, NewEntry("note", "and again", author="TL"))
    assert len(loggist.sync().replay.sent) == 2
    entries = loggist.store.read_range(incident)
    assert [e.text for e in entries] == ["first", "from the team leader", "and again", "the car is blue", "the car is green"]
    assert entries[4].kind == "amendment" and entries[4].refs == 4
    # Typed before the team leader's entries, appended after them: the chain says so (clock_back),
    # and verify's rules accept it as the program wrote it.
    assert entries[3].clock_back is not None and entries[3].recorded_at < entries[2].recorded_at
    report = loggist.check(incident)
    assert report.ok, report.problems
    assert any("#4" in warning for warning in report.rules.warnings)  # type: ignore[union-attr]


def test_an_entry_the_server_refuses_is_held_not_lost(pg_server: PostgresServer, cell) -> None:
    loggist, leader, incident = cell
    loggist.record(incident, note("first"))
    pg_server.stop()
    try:
        loggist.record(incident, note("typed offline"))
        loggist.record(incident, note("typed offline, second"))
    finally:
        pg_server.start()
    assert leader.sync().connected
    head = leader.store.chain_top(incident).head
    leader.record(incident, NewEntry("seal", "", {"head": head.hash, "count": head.count}, author="TL"), allow_system=True)
    report = loggist.sync()
    assert report.connected and not report.replay.sent
    assert len(report.replay.held) == 1 and "sealed" in report.replay.held[0][1]
    assert report.replay.behind_held == 1  # the next one waits behind it: the order typed is kept
    assert loggist.queue.count() == 2  # kept, with the reason, for the loggist to resolve
    status = loggist.status()
    assert status.waiting == 2 and status.held >= 1
    assert [q.clean.text for q in loggist.queue.pending(incident)] == ["typed offline", "typed offline, second"]


def test_while_entries_wait_new_ones_queue_behind_them(pg_server: PostgresServer, cell) -> None:
    loggist, _leader, incident = cell
    pg_server.stop()
    try:
        loggist.record(incident, note("one"))
    finally:
        pg_server.start()
    assert loggist.connect()  # back online, but the queue has not been sent yet
    assert loggist.record(incident, note("two")).waiting
    loggist.sync()
    assert server_texts(loggist, incident) == ["one", "two"]


def test_a_bad_entry_offline_gets_the_same_refusal_and_is_not_queued(pg_server: PostgresServer, cell) -> None:
    from incident_log import errors as core_errors

    loggist, _leader, incident = cell
    loggist.record(incident, NewEntry("person", "", {"key": "s1", "role": "subject", "name": "Ana"}, author="L"))
    pg_server.stop()
    try:
        with pytest.raises(core_errors.ValidationError, match="no person with key 'ghost'"):
            loggist.record(incident, NewEntry("statement", "hello", {"speaker": "ghost"}, author="L"))
        with pytest.raises(core_errors.ValidationError, match="already registered"):
            loggist.record(incident, NewEntry("person", "", {"key": "s1", "role": "subject", "name": "Ana"}, author="L"))
        ok = loggist.record(incident, NewEntry("statement", "hello", {"speaker": "s1"}, author="L"))
        assert ok.waiting
    finally:
        pg_server.start()
    assert loggist.queue.count() == 1


class DroppingStore(CellStore):
    """A real store whose connection dies after the server validated the entry, before the insert."""

    drop_next = False
    kill: Callable[[int], None] = staticmethod(lambda pid: None)

    def append(self, incident_id: str, prepare: Prepare, *, entry_uid: str | None = None) -> Appended:
        if not type(self).drop_next:
            return super().append(incident_id, prepare, entry_uid=entry_uid)
        type(self).drop_next = False

        def prepare_then_drop(top, facts):  # type: ignore[no-untyped-def]
            prepared = prepare(top, facts)
            pid = facts._raw.info.backend_pid  # noqa: SLF001 - the test's fault injection only
            type(self).kill(pid)
            return prepared

        return super().append(incident_id, prepare_then_drop, entry_uid=entry_uid)


def test_a_connection_lost_during_the_append_queues_the_same_entry(pg_server: PostgresServer, login: Login, local_factory) -> None:
    DroppingStore.kill = staticmethod(lambda pid: pg_server.superuser_sql(f"SELECT pg_terminate_backend({pid})"))

    def opener(url: str, secrets: Secrets, signer: SigningKey | None) -> CellStore:
        store = DroppingStore.open(url, secrets, signer=signer)
        assert isinstance(store, DroppingStore)
        return store

    station = Workstation(login.url, login.secrets, local_factory("drop"), signer=SigningKey.generate(), opener=opener)
    try:
        assert station.connect()
        row = incident_row()
        station.create_incident(row)
        station.record(row.id, note("before"))
        DroppingStore.drop_next = True
        ack = station.record(row.id, note("in flight"))
        assert ack.waiting and not station.online
        assert station.sync().connected
        assert server_texts(station, row.id) == ["before", "in flight"]
        assert station.queue.count() == 0
        in_flight = station.store.read_signed(row.id, after=0)[1]
        assert ack.queued is not None and in_flight.provenance.entry_uid == ack.queued.entry_uid
        assert in_flight.entry.recorded_at == ack.queued.recorded_at  # the same entry, not a second copy
    finally:
        station.close()


def test_a_login_refused_later_keeps_entries_queued(pg_server: PostgresServer, login: Login, cell_admin_url: str, local_factory) -> None:
    station = Workstation(login.url, login.secrets, local_factory("revoked"), signer=SigningKey.generate())
    try:
        assert station.connect()
        row = incident_row()
        station.create_incident(row)
        pg_server.superuser_sql(f"ALTER ROLE {login.role} PASSWORD 'changed-by-the-administrator'")
        station.close()  # the pool is gone: the next connection needs the (now wrong) password
        ack = station.record(row.id, note("still recorded"))
        assert ack.waiting
        report = station.sync()
        assert not report.connected
        assert any("refused the login" in p for p in report.problems)
        assert station.queue.count() == 1
    finally:
        station.close()


def test_unreachable_is_reported_in_words(pg_server: PostgresServer, login: Login, local_factory) -> None:
    url = login.url.replace(f":{pg_server.port}/", ":1/")
    station = Workstation(url, login.secrets, local_factory("nowhere"), signer=SigningKey.generate())
    assert not station.connect()
    assert "cannot be reached (127.0.0.1:1)" in (station.status().problem or "")
    # A new incident no longer needs the server (phase two): it waits as provisional #0.
    opened = station.create_incident(incident_row())
    assert opened.waiting and opened.number == 0
    assert station.status().line() == "offline — 1 entry waiting"


def test_a_refused_entry_is_said_and_never_queued_online_or_offline(pg_server: PostgresServer, cell) -> None:
    from datetime import UTC, datetime

    from incident_log import errors as core_errors

    loggist, _leader, incident = cell
    typo = NewEntry("note", "year typo", author="L", occurred_at=datetime(226, 12, 1, tzinfo=UTC), delay_reason="late")
    with pytest.raises(core_errors.ValidationError, match="before 1990"):
        loggist.record(incident, typo)
    assert loggist.online and loggist.queue.count() == 0  # not the connection's fault: still online
    pg_server.stop()
    try:
        with pytest.raises(core_errors.ValidationError, match="before 1990"):
            loggist.record(incident, typo)
    finally:
        pg_server.start()
    assert loggist.queue.count() == 0


def test_a_person_key_taken_meanwhile_holds_the_queued_entry(pg_server: PostgresServer, cell) -> None:
    """Offline, the loggist registers s9; the team leader, online, registers s9 too: the loggist's
    entry is held with the server's reason (never dropped, never sent twice), and what follows it waits."""
    loggist, leader, incident = cell
    pg_server.stop()
    try:
        loggist.record(incident, NewEntry("person", "", {"key": "s9", "role": "subject", "name": "Ana"}, author="L"))
        loggist.record(incident, note("fine"))
    finally:
        pg_server.start()
    assert leader.sync().connected
    leader.record(incident, NewEntry("person", "", {"key": "s9", "role": "witness", "name": "Bea"}, author="TL"))
    report = loggist.sync()
    assert report.connected and len(report.replay.held) == 1 and "already registered" in report.replay.held[0][1]
    assert report.replay.behind_held == 1 and loggist.queue.count() == 2
    assert [e.fields.get("name") for e in loggist.store.read_range(incident)] == ["Bea"]
