"""Live updates between workstations: NOTIFY as a hint, re-reading from the last seq as the truth."""

from __future__ import annotations

import time

from incident_log.cell.live import Follower, parse_payload
from incident_log.cell.workstation import Workstation
from incident_log.domain.entry import NewEntry
from tests.cell.conftest import append_note, incident_row, open_incident
from tests.pgserver import PostgresServer


def test_payloads_that_are_not_ours_are_ignored() -> None:
    assert parse_payload('{"incident": "a", "seq": 3}') is not None
    for junk in ("", "x", "[]", '{"incident": 1, "seq": 2}', '{"incident": "a", "seq": true}', '{"incident": "a", "seq": 0}'):
        assert parse_payload(junk) is None


def test_a_second_workstation_sees_a_new_entry_live(make_login, make_workstation) -> None:
    loggist: Workstation = make_workstation(make_login(prefix="loggist"), "loggist")
    leader: Workstation = make_workstation(make_login(prefix="leader"), "leader")
    row = incident_row()
    loggist.create_incident(row)
    leader.follow(row.id)
    leader.pump_live()  # starts listening
    loggist.record(row.id, NewEntry("note", "subject asks for water", author="Loggist"))
    arrived = 0
    deadline = time.monotonic() + 10
    while not arrived and time.monotonic() < deadline:
        arrived = leader.pump_live(timeout=1)
    assert arrived == 1
    assert [e.text for e in leader.mirror.entries(row.id)] == ["subject asks for water"]


def test_after_a_reconnect_the_follower_rereads_what_it_missed(pg_server: PostgresServer, login, open_store) -> None:
    writer = open_store(login)
    reader = open_store(login)
    row = incident_row()
    open_incident(writer, row)
    append_note(writer, row.id, "seen")
    seen: list[str] = []
    follower = Follower(reader, {}, on_entries=lambda _i, entries: seen.extend(e.text for e in entries))
    follower.follow(row.id)
    follower.pump()  # connects the listener (a resync: reads "seen")
    assert seen == ["seen"]
    pg_server.stop()
    pg_server.start()
    # The pooled connections died with the server: the next call gets a fresh one, not an error.
    append_note(writer, row.id, "missed while the listener was down")  # its NOTIFY goes to nobody
    pumps = 0
    while len(seen) < 2 and pumps < 5:
        follower.pump()  # first: finds the listener dead; then: reconnects, resyncs, re-reads
        pumps += 1
    assert seen == ["seen", "missed while the listener was down"]
    assert pumps <= 2
