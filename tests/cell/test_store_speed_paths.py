"""The append's two round trips keep every guarantee of the four it replaced.

``CellStore.append`` sends BEGIN with the head lock and COMMIT with the INSERT, in psycopg
pipelines over a connection put in autocommit for the duration (``_two_trip_transaction``),
to cut the round trips per entry from four to two (benchmarks/bench_cell.py, "record"). These
tests hold it to what the old path promised: the protocol really makes two round trips; a refused
INSERT is never committed, the chain is unchanged and the connection comes back clean; an entry
id already on the chain returns without holding the head lock; writers on two connections still
make one gapless chain; and the workstation's record() still puts the entry in the mirror.
"""

from __future__ import annotations

import tempfile
import threading
import uuid
from pathlib import Path

import psycopg
import pytest
from psycopg import pq

from incident_log.cell import errors
from incident_log.cell.signing import SigningKey
from incident_log.cell.store import CellStore
from incident_log.cell.witness import witness
from incident_log.domain.entry import NewEntry, genesis_hash
from tests.cell.conftest import Login, append_note, incident_row, open_incident
from tests.pgserver import PostgresServer


@pytest.fixture
def store(login: Login, open_store) -> CellStore:
    return open_store(login)


@pytest.fixture
def incident(store: CellStore) -> str:
    row = incident_row()
    open_incident(store, row)
    return row.id


def _pooled(store: CellStore) -> psycopg.Connection:
    """The pool's connection (pool of one in use at a time here): how the append leaves it."""
    fairy = store._engine.raw_connection()
    try:
        raw = fairy.driver_connection
        assert isinstance(raw, psycopg.Connection)
        return raw
    finally:
        fairy.close()


def _messages(store: CellStore, work) -> list[str]:
    """The protocol messages of ``work`` on the pooled connection, by type (libpq's trace).

    The trace holds the statements' parameters too: it goes to a private temporary file that is
    read for message types only and removed.
    """
    raw = _pooled(store)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "protocol.trace"
        with path.open("w") as trace:
            raw.pgconn.trace(trace.fileno())
            raw.pgconn.set_trace_flags(pq.Trace.SUPPRESS_TIMESTAMPS)
            try:
                work()
            finally:
                raw.pgconn.untrace()
        kinds = []
        for line in path.read_text(errors="replace").splitlines():
            parts = line.split("\t")
            if len(parts) >= 3 and parts[0] in ("F", "B"):
                kinds.append(parts[0] + parts[2].split(" ")[0])
        return kinds


def test_an_append_is_two_round_trips(store: CellStore, incident: str) -> None:
    append_note(store, incident, "warm the pool")
    sent = _messages(store, lambda: append_note(store, incident, "two trips"))
    # Each round trip ends with the server's ReadyForQuery; the client never waits in between.
    assert sent.count("BReadyForQuery") == 2
    assert sent.count("FSync") == 2 and "FQuery" not in sent  # no stand-alone BEGIN or COMMIT
    assert store.chain_top(incident).head.count == 2
    raw = _pooled(store)
    assert raw.autocommit is False and raw.pgconn.transaction_status == pq.TransactionStatus.IDLE


def test_a_refused_insert_is_never_committed_and_the_connection_comes_back_clean(
    login: Login, open_store, store: CellStore, incident: str
) -> None:
    first = append_note(store, incident, "first")
    # A key the server has never seen: the INSERT's trigger refuses it, after the head lock.
    store._signer = SigningKey.generate()
    with pytest.raises(errors.SigningKeyRefused):
        append_note(store, incident, "refused")
    raw = _pooled(store)
    assert raw.autocommit is False and raw.pgconn.transaction_status == pq.TransactionStatus.IDLE
    # Nothing of it is on the server, and the head lock was released: another connection appends at once.
    other = open_store(login)
    assert [e.text for e in other.read_range(incident)] == ["first"]
    second = append_note(other, incident, "second")
    assert second.entry.seq == 2 and second.entry.prev_hash == first.entry.hash
    # The same store, with its own key back, appends on the same pooled connection.
    store.register_key(SigningKey.generate())
    assert append_note(store, incident, "third").entry.seq == 3


def test_an_entry_id_already_present_returns_without_holding_the_lock(
    login: Login, open_store, store: CellStore, incident: str
) -> None:
    uid = str(uuid.uuid4())
    first = append_note(store, incident, "once", uid=uid)
    again = append_note(store, incident, "once", uid=uid)
    assert again.already_present and again.entry == first.entry
    raw = _pooled(store)
    assert raw.autocommit is False and raw.pgconn.transaction_status == pq.TransactionStatus.IDLE
    other = open_store(login)
    other_raw = _pooled(other)
    other_raw.execute("SET lock_timeout = '2s'")
    other_raw.commit()
    assert append_note(other, incident, "next").entry.seq == 2


def test_a_refusal_by_validation_inside_the_lock_leaves_nothing_open(store: CellStore, incident: str) -> None:
    append_note(store, incident, "first")
    with pytest.raises(Exception, match="kind"):
        from tests.cell.conftest import prepare_draft

        store.append(incident, prepare_draft(NewEntry("gossip", "x", author="Loggist")))
    raw = _pooled(store)
    assert raw.autocommit is False and raw.pgconn.transaction_status == pq.TransactionStatus.IDLE
    assert append_note(store, incident, "second").entry.seq == 2


def test_two_connections_appending_at_once_make_one_gapless_chain(login: Login, open_store, incident: str) -> None:
    stores = [open_store(login), open_store(login)]
    failures: list[BaseException] = []

    def write(store: CellStore, n: int) -> None:
        try:
            for i in range(40):
                append_note(store, incident, f"writer {n} entry {i}")
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)

    threads = [threading.Thread(target=write, args=(s, n)) for n, s in enumerate(stores)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures
    entries = stores[0].read_range(incident)
    assert [e.seq for e in entries] == list(range(1, 81))
    opening = stores[0].read_signed(incident, after=-1, limit=1)[0].entry
    assert opening.prev_hash == genesis_hash(incident)
    assert witness(incident, [], [opening, *entries], server_prev=genesis_hash(incident), start=0).ok


def test_a_lost_server_during_the_two_trips_is_unreachable(pg_server: PostgresServer, login: Login, open_store) -> None:
    store = open_store(login)
    row = incident_row()
    open_incident(store, row)
    append_note(store, row.id, "before")
    pg_server.stop("immediate")
    try:
        with pytest.raises(errors.CellUnreachable):
            append_note(store, row.id, "while down")
    finally:
        pg_server.start()
    assert append_note(store, row.id, "after").entry.seq == 2


def test_the_workstation_still_keeps_its_own_entry_in_the_mirror(login: Login, make_workstation) -> None:
    station = make_workstation(login)
    row = incident_row()
    station.create_incident(row)
    for n in range(3):
        ack = station.record(row.id, NewEntry("note", f"entry {n}", author="Loggist"))
        assert ack.entry is not None and not ack.waiting
    assert [e.seq for e in station.mirror.entries(row.id)] == [1, 2, 3]
    assert station.mirror.head(row.id).hash == station.store.chain_top(row.id).head.hash


def test_the_bulk_read_builds_exactly_the_plain_entries(login: Login, store: CellStore, incident: str) -> None:
    """read_range builds entries as the vault's load_after does (fields decoded and frozen once):
    the same values as Entry(...) over json.loads of the stored row, nested fields and all."""
    import json
    from datetime import datetime

    from incident_log.cell.connect import parse_url
    from incident_log.domain.entry import Entry
    from tests.cell.conftest import prepare_draft

    store.append(incident, prepare_draft(NewEntry("person", "", {"key": "s1", "role": "subject", "name": "S",
                                                                 "aliases": ["Al", "[x]"]}, author="L")))
    store.append(incident, prepare_draft(NewEntry("intel", "brackets", {"source": "{not} [nested]"}, author="L")))
    store.append(incident, prepare_draft(NewEntry("amendment", "", {"reason": "r", "corrected": {"name": "T"}}, refs=1,
                                                  author="L")))
    append_note(store, incident, "flat")
    with psycopg.connect(parse_url(login.url).conninfo(), password=login.secrets.password) as raw:
        rows = raw.execute(
            "SELECT incident_id, seq, kind, occurred_at, recorded_at, author, text, fields, refs, delay_reason, origin, "
            "prev_hash, hash, clock_back FROM incident_log.entry WHERE incident_id = %s AND seq >= 1 ORDER BY seq",
            (incident,),
        ).fetchall()
    plain = [
        Entry(r[0], r[1], r[2], datetime.fromisoformat(r[3]), datetime.fromisoformat(r[4]), r[5], r[6], json.loads(r[7]),
              r[8], r[9], r[10], r[11], r[12], r[13])
        for r in rows
    ]
    assert store.read_range(incident) == plain == [s.entry for s in store.read_signed(incident, after=0)]
    assert [repr(e) for e in store.read_range(incident)] == [repr(e) for e in plain]


def test_the_mirror_row_is_the_stored_form_of_the_canonical_payload(store: CellStore, incident: str) -> None:
    from incident_log.cell.mirror import _mirror_row
    from incident_log.store.repository import fields_json
    from tests.cell.conftest import prepare_draft

    store.append(incident, prepare_draft(NewEntry("person", "", {"key": "s1", "role": "subject", "name": "Ñ",
                                                                 "aliases": ["Al", "[x]"]}, author="L")))
    append_note(store, incident, "flat")
    for signed in store.read_signed(incident, after=-1):
        payload = signed.entry.canonical()
        row = _mirror_row(signed)
        assert row[3:5] == (payload["occurred_at"], payload["recorded_at"])
        assert row[7] == fields_json(payload["fields"])
