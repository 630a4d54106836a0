"""The shared incident store on PostgreSQL: the ``IncidentStore`` of cell mode.

The append path, one short READ COMMITTED transaction per entry:

1. ``lock_head(incident)``: ``SELECT ... FOR UPDATE`` of the incident's chain-head row. Writers
   of the same incident queue here; when the lock is granted, the row read is the newest one.
2. A second statement (so it sees what the previous lock holder committed: a statement's
   snapshot is taken when it starts, before any lock wait) reads the rest of the chain top: the
   last entry's recorded time, seal status, and whether this entry id is already on the chain.
3. The facade's ``prepare`` validates the entry against facts read in the same transaction.
4. Payload and hash from ``domain/entry.py``, the author's signature, INSERT (the server's
   trigger checks seq and prev_hash against the locked head and moves it), COMMIT; the server
   sends the NOTIFY at commit.

Measured in TRAPS.md and again in ``benchmarks/bench_cell.py``: this gives no forks with
concurrent writers, without retries. Errors come back as ``cell.errors`` sentences; a lost
connection is ``CellUnreachable``, which the workstation answers by queueing the entry.
"""

from __future__ import annotations

import gc
import json
import logging
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any

import psycopg
from sqlalchemy import Engine
from sqlalchemy import exc as sa_exc

from incident_log import errors as core_errors
from incident_log.cell import errors, schema
from incident_log.cell.connect import CellTarget, Secrets, classify, make_engine, parse_url
from incident_log.cell.live import Listener
from incident_log.cell.signing import SigningKey
from incident_log.domain.chain import apply_change
from incident_log.domain.entry import (
    Entry,
    Incident,
    chain_hash,
    entry_payload,
    fields_from_json,
    frozen_entry,
    genesis_hash,
    iso_utc,
    utc_now,
)
from incident_log.domain.kinds import KINDS, PERSON_FIELDS
from incident_log.domain.validation import CleanEntry
from incident_log.store.repository import ENTRY_COLUMNS, fields_json, row_to_entry
from incident_log.store_interface import (
    Appended,
    ChainTop,
    Change,
    Head,
    IncidentRow,
    Prepare,
    Prepared,
    Provenance,
    SeqFilter,
    SignedEntry,
)

log = logging.getLogger(__name__)

S = schema.SCHEMA
INCIDENT_COLUMNS = "id, ref, title, type, location, opened_at, exercise, time_zone"
_BULK_COLUMNS = "seq, kind, occurred_at, recorded_at, author, text, fields, refs, delay_reason, origin, hash, clock_back"
_SIGNED_COLUMNS = len(ENTRY_COLUMNS.split(","))
PROVENANCE_COLUMNS = "entry_uid::text, key_id, signature, db_role, appended_at"

_TOP = f"""
SELECT (SELECT recorded_at FROM {S}.entry WHERE incident_id = %(i)s AND seq = %(s)s),
       (SELECT max(seq) FROM {S}.entry WHERE incident_id = %(i)s AND kind = 'seal'),
       (SELECT max(seq) FROM {S}.entry WHERE incident_id = %(i)s AND kind = 'reopen')
"""
_INSERT = f"""
INSERT INTO {S}.entry ({ENTRY_COLUMNS}, entry_uid, key_id, signature, cell, db_role, appended_at)
VALUES (%(incident_id)s, %(seq)s, %(kind)s, %(occurred_at)s, %(recorded_at)s, %(author)s, %(text)s,
        %(fields)s, %(refs)s, %(delay_reason)s, %(origin)s, %(prev_hash)s, %(hash)s, %(clock_back)s, %(entry_uid)s,
        %(key_id)s, %(signature)s, NULL, NULL, NULL)
RETURNING db_role, appended_at
"""
# READ COMMITTED, as make_engine sets for every other transaction (TRAPS.md: the head lock needs it).
_BEGIN = "BEGIN ISOLATION LEVEL READ COMMITTED"

# Kinds whose fields can name a person (the timeline's person filter looks only at these).
PERSON_KINDS = tuple(sorted(name for name, spec in KINDS.items() if any(f.name in PERSON_FIELDS for f in spec.fields)))

# SQLSTATEs that mean "try later; nothing was written": the entry goes to the queue.
_BUSY_STATES = {"55P03", "57014", "40P01", "53300", "57P01", "57P02", "57P03"}
_NOT_SET_UP_STATES = {"42501", "42P01", "3F000", "42883"}


def _translate(exc: Exception, target: CellTarget, role: str) -> Exception:
    orig = exc.orig if isinstance(exc, sa_exc.DBAPIError) else exc
    invalidated = isinstance(exc, sa_exc.DBAPIError) and exc.connection_invalidated
    state = getattr(orig, "sqlstate", None)
    if state == schema.STATE_CHAIN_MOVED:
        return errors.ChainMoved()
    if state == schema.STATE_NO_CELL:
        return errors.NotACellMember(role)
    if state == schema.STATE_FOREIGN_KEY_ID:
        return errors.SigningKeyRefused()
    if state in _NOT_SET_UP_STATES:
        return errors.CellNotSetUp()
    if state in _BUSY_STATES:
        return errors.CellUnreachable("the server is busy or shutting down")
    if invalidated or isinstance(orig, psycopg.OperationalError | psycopg.InterfaceError) or (state or "").startswith("08"):
        if isinstance(orig, psycopg.Error):
            return classify(orig, target)
        return errors.CellUnreachable(target.where())
    if state is None:  # the driver refused a value before sending it (a NUL character in text)
        return errors.CellRefused("text PostgreSQL cannot hold")
    if state.startswith(("22", "23")) or state == schema.STATE_APPEND_ONLY:
        diag = getattr(orig, "diag", None)
        return errors.CellRefused(getattr(diag, "constraint_name", None) or state)
    # A bug, or a server rule we do not know. PostgreSQL's message may quote the row ("Failing
    # row contains ..."): only the SQLSTATE goes on, never the driver's text.
    return RuntimeError(f"unexpected answer from the cell server (SQLSTATE {state})")


def check_storable(clean: CleanEntry) -> None:
    """Refuse what PostgreSQL cannot hold (a NUL character, a lone surrogate) with a sentence, not
    a driver error. The domain refuses both for every way in since issue 9; this holds for any
    caller of the store that skipped it."""
    values: list[tuple[str, str]] = [("text", clean.text), ("author", clean.author), ("delay_reason", clean.delay_reason or "")]
    values.append(("fields", fields_json(clean.fields)))  # written with ensure_ascii=False: a surrogate stays raw
    for name, value in values:
        if "\x00" in value:
            raise core_errors.ValidationError(name, "contains a NUL character, which cannot be stored; remove it")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise core_errors.ValidationError(
                name, "contains a broken character (a lone UTF-16 surrogate); delete it and type it again"
            ) from None


class CellFacts:
    """What validation asks about an incident, answered by the server inside the append's transaction."""

    def __init__(self, raw: psycopg.Connection[Any], incident_id: str, opened_at: datetime | None) -> None:
        self._raw = raw
        self._incident_id = incident_id
        self._opened_at = opened_at

    @property
    def opened_at(self) -> datetime | None:
        return self._opened_at

    def has_person(self, key: str) -> bool:
        row = self._raw.execute(
            f"SELECT 1 FROM {S}.entry WHERE incident_id = %s AND kind = 'person' AND {schema.PERSON_KEY} = %s LIMIT 1",
            (self._incident_id, key),
        ).fetchone()
        return row is not None

    def kind_of(self, seq: int) -> str | None:
        if not -(2**31) <= seq < 2**31:
            return None  # beyond the column's range: no such entry (and no overflow error)
        row = self._raw.execute(
            f"SELECT kind FROM {S}.entry WHERE incident_id = %s AND seq = %s", (self._incident_id, seq)
        ).fetchone()
        return None if row is None else str(row[0])


def _time(value: str) -> datetime:
    return datetime.fromisoformat(value)


def _entry(row: Sequence[Any]) -> Entry:
    """A server row as an entry; a row nobody could have written through the guards is named."""
    try:
        return row_to_entry(row)
    except (ValueError, TypeError):
        raise errors.CellRowUnreadable(int(row[1])) from None


def _incident_row(row: Sequence[Any]) -> IncidentRow:
    return IncidentRow(row[0], row[1], row[2], row[3], row[4], _time(row[5]), bool(row[6]), row[7])


class CellStore:
    """One workstation user's connection to the shared store. Thread-safe: a small pool."""

    kind = "cell"

    def __init__(
        self, engine: Engine, target: CellTarget, secrets: Secrets, *, cell: str, signer: SigningKey | None
    ) -> None:
        self._engine = engine
        self._target = target
        self._secrets = secrets
        self.cell = cell
        self.role = target.user
        self._signer = signer
        self._listener: Listener | None = None

    # -- opening ----------------------------------------------------------------------------

    @classmethod
    def open(cls, url: str, secrets: Secrets, *, signer: SigningKey | None = None, pool_size: int = 2) -> CellStore:
        """Connect, check the schema and this user's cell, and register the signing key."""
        target = parse_url(url)
        engine = make_engine(target, secrets, pool_size=pool_size)
        try:
            with _guarded(target, target.user), engine.begin() as connection:
                raw = _driver(connection)
                version = raw.execute(f"SELECT value FROM {S}.meta WHERE name = 'schema_version'").fetchone()
                if version is None:
                    raise errors.CellNotSetUp()
                if int(version[0]) > schema.SCHEMA_VERSION:
                    raise errors.CellSchemaTooNew(int(version[0]))
                found = raw.execute(f"SELECT {S}.my_cell()").fetchone()
                cell = found[0] if found else None
                if cell is None:
                    raise errors.NotACellMember(target.user)
        except BaseException:
            engine.dispose()
            raise
        store = cls(engine, target, secrets, cell=cell, signer=signer)
        if signer is not None:
            store.register_key(signer)
        return store

    def register_key(self, signer: SigningKey) -> None:
        """Publish this user's public key to the cell (once; the server records who registered it)."""
        with self._transaction() as raw:
            raw.execute(
                f"INSERT INTO {S}.signing_key (key_id, public_key, cell, db_role, registered_at) "
                "VALUES (%s, %s, NULL, NULL, NULL) ON CONFLICT (key_id) DO NOTHING",
                (signer.key_id, signer.public_raw),
            )
            owner = raw.execute(f"SELECT db_role FROM {S}.signing_key WHERE key_id = %s", (signer.key_id,)).fetchone()
            if owner is None or owner[0] != self.role:
                raise errors.SigningKeyRefused()
        self._signer = signer

    def close(self) -> None:
        if self._listener is not None:
            self._listener.close()
        self._engine.dispose()

    # -- plumbing ----------------------------------------------------------------------------

    @contextmanager
    def _transaction(self) -> Iterator[psycopg.Connection[Any]]:
        with _guarded(self._target, self.role), self._engine.begin() as connection:
            try:
                yield _driver(connection)
            except psycopg.OperationalError:
                # The statements run on the driver connection, where SQLAlchemy cannot see a
                # disconnect: drop this connection from the pool rather than hand it out again.
                # (No ping at checkout: it would cost a round trip on every entry.)
                connection.invalidate()
                raise

    # -- incidents ---------------------------------------------------------------------------

    def incidents(self) -> list[IncidentRow]:
        with self._transaction() as raw:
            rows = raw.execute(f"SELECT {INCIDENT_COLUMNS} FROM {S}.incident ORDER BY opened_at DESC, ref").fetchall()
        return [_incident_row(row) for row in rows]

    def find_incident(self, ref_or_id: str) -> IncidentRow | None:
        with self._transaction() as raw:
            row = raw.execute(
                f"SELECT {INCIDENT_COLUMNS} FROM {S}.incident WHERE ref = %(k)s OR id = %(k)s", {"k": ref_or_id}
            ).fetchone()
        return None if row is None else _incident_row(row)

    def create_incident(self, row: IncidentRow, *, created_at: datetime, opening: Prepare) -> Appended:
        uid = str(uuid.uuid4())
        with self._transaction() as raw:
            try:
                raw.execute(
                    f"INSERT INTO {S}.incident ({INCIDENT_COLUMNS}, created_at, genesis_hash, cell, created_by) "
                    "VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, NULL, NULL)",
                    (
                        row.id, row.ref, row.title, row.type, row.location, iso_utc(row.opened_at), row.exercise,
                        row.time_zone, iso_utc(created_at), genesis_hash(row.id),
                    ),
                )
            except psycopg.errors.UniqueViolation as exc:
                if exc.diag.constraint_name == "incident_ref_per_cell":
                    raise core_errors.DuplicateRef(row.ref) from None
                raise
            head = Head(-1, genesis_hash(row.id), None)  # the trigger made the head row: nothing yet
            prepared = opening(ChainTop(head, False), CellFacts(raw, row.id, None))
            return self._insert(raw, row.id, head, prepared, uid)

    def describe(self, row: IncidentRow) -> Incident:
        """The incident now: its row's details with every ``details`` entry applied (domain/chain.py)."""
        with self._transaction() as raw:
            found = raw.execute(f"SELECT seq, hash FROM {S}.chain_head WHERE incident_id = %s", (row.id,)).fetchone()
            if found is None:
                raise core_errors.UnknownIncident(row.ref)
            top = _chain_top(raw, row.id, found[0], found[1])
            changes = raw.execute(
                f"SELECT fields FROM {S}.entry WHERE incident_id = %s AND kind = 'details' ORDER BY seq", (row.id,)
            ).fetchall()
            sealed_at: datetime | None = None
            if top.sealed:
                when = raw.execute(
                    f"SELECT occurred_at FROM {S}.entry WHERE incident_id = %(i)s AND seq = "
                    f"(SELECT max(seq) FROM {S}.entry WHERE incident_id = %(i)s AND kind = 'seal')",
                    {"i": row.id},
                ).fetchone()
                sealed_at = _time(when[0]) if when else None
        details = row.details
        for (fields,) in changes:
            details = apply_change(details, json.loads(fields))
        count = max(top.head.count, 0)  # entries #1..count; #0 is the opening
        return Incident(
            id=row.id, ref=row.ref, title=details.title, type=details.type, location=details.location,
            opened_at=details.opened_at, exercise=details.exercise, status="sealed" if top.sealed else "open",
            closed_at=sealed_at, entry_count=count, head_hash=top.head.hash if count else "",
            last_recorded_at=top.head.recorded_at if count else None, time_zone=details.time_zone,
        )

    # -- the chain ---------------------------------------------------------------------------

    def heads(self) -> dict[str, Head]:
        with self._transaction() as raw:
            rows = raw.execute(f"SELECT incident_id, seq, hash FROM {S}.chain_head").fetchall()
        return {row[0]: Head(row[1], row[2], None) for row in rows}

    def chain_top(self, incident_id: str) -> ChainTop:
        with self._transaction() as raw:
            found = raw.execute(f"SELECT seq, hash FROM {S}.chain_head WHERE incident_id = %s", (incident_id,)).fetchone()
            if found is None:
                raise core_errors.UnknownIncident(incident_id)
            return _chain_top(raw, incident_id, found[0], found[1])

    @contextmanager
    def _two_trip_transaction(self) -> Iterator[psycopg.Connection[Any]]:
        """A transaction whose BEGIN and COMMIT the caller sends itself, inside pipelines.

        psycopg sends its implicit BEGIN as a round trip of its own (in pipeline mode too) and
        COMMIT as another, so an append cost four round trips. Here the connection is in
        autocommit for the duration and the caller writes BEGIN and COMMIT as statements: BEGIN
        travels with the head lock and COMMIT with the INSERT, two round trips in all. A
        transaction still open when the block ends (an early return, an error, a refused INSERT,
        after which the pipeline never ran the COMMIT) is rolled back here; the connection goes
        back to the pool out of autocommit, or is dropped if that cannot be done.
        """
        with _guarded(self._target, self.role), self._engine.connect() as connection:
            raw = _driver(connection)
            raw.autocommit = True
            try:
                yield raw
            except psycopg.OperationalError:
                connection.invalidate()  # as in _transaction: never hand a dead connection out again
                raise
            finally:
                if not raw.closed:
                    try:
                        if raw.pgconn.transaction_status != psycopg.pq.TransactionStatus.IDLE:
                            raw.execute("ROLLBACK")
                        raw.autocommit = False
                    except psycopg.Error:
                        connection.invalidate()

    def append(self, incident_id: str, prepare: Prepare, *, entry_uid: str | None = None) -> Appended:
        """One entry, in one READ COMMITTED transaction of two round trips (``_two_trip_transaction``)."""
        uid = entry_uid or str(uuid.uuid4())
        with self._two_trip_transaction() as raw:
            with raw.pipeline():
                raw.execute(_BEGIN)
                lock = raw.execute(f"SELECT * FROM {S}.lock_head(%s, %s)", (incident_id, uid))
            locked = lock.fetchone()
            if locked is None:
                raise core_errors.UnknownIncident(incident_id)
            seq, digest, recorded, sealed_seq, reopened_seq, existing_seq, opened_at = locked
            if existing_seq is not None:
                found = raw.execute(
                    f"SELECT {ENTRY_COLUMNS} FROM {S}.entry WHERE incident_id = %s AND seq = %s", (incident_id, existing_seq)
                ).fetchone()
                assert found is not None
                return Appended(_entry(found), already_present=True)
            sealed = sealed_seq is not None and (reopened_seq is None or reopened_seq < sealed_seq)
            top = ChainTop(Head(seq, digest, _time(recorded) if recorded else None), sealed)
            prepared = prepare(top, CellFacts(raw, incident_id, _time(opened_at)))
            return self._insert(raw, incident_id, top.head, prepared, uid, commit=True)

    def append_batch(self, incident_id: str, items: Sequence[tuple[str, Prepare]]) -> list[Appended]:
        """Several entries (entry id, prepare) in one transaction: one head lock, one commit.

        For sending a queue: all are appended, or none (any refusal rolls the whole batch back and
        propagates). Entry ids already on the chain are returned as they are, not appended again.
        """
        if not items:
            return []
        uids = [uid for uid, _prepare in items]
        with self._transaction() as raw:
            locked = raw.execute(f"SELECT * FROM {S}.lock_head(%s, %s)", (incident_id, uids[0])).fetchone()
            if locked is None:
                raise core_errors.UnknownIncident(incident_id)
            seq, digest, recorded, sealed_seq, reopened_seq, _existing, opened_at = locked
            present = {
                str(row[0]): row[1]
                for row in raw.execute(
                    f"SELECT entry_uid::text, seq FROM {S}.entry WHERE incident_id = %s AND entry_uid = ANY(%s::uuid[])",
                    (incident_id, uids),
                ).fetchall()
            }
            head = Head(seq, digest, _time(recorded) if recorded else None)
            sealed = sealed_seq is not None and (reopened_seq is None or reopened_seq < sealed_seq)
            facts = CellFacts(raw, incident_id, _time(opened_at))
            out: list[Appended] = []
            for uid, prepare in items:
                if uid in present:
                    found = raw.execute(
                        f"SELECT {ENTRY_COLUMNS} FROM {S}.entry WHERE incident_id = %s AND seq = %s",
                        (incident_id, present[uid]),
                    ).fetchone()
                    assert found is not None
                    out.append(Appended(_entry(found), already_present=True))
                    continue
                appended = self._insert(raw, incident_id, head, prepare(ChainTop(head, sealed), facts), uid)
                entry = appended.entry
                head = Head(entry.seq, entry.hash, entry.recorded_at)
                sealed = {"seal": True, "reopen": False}.get(entry.kind, sealed)
                out.append(appended)
        return out

    def _insert(
        self, raw: psycopg.Connection[Any], incident_id: str, head: Head, prepared: Prepared, uid: str, *,
        commit: bool = False,
    ) -> Appended:
        """INSERT the signed entry; with ``commit`` (``append``), the COMMIT statement goes in the same round trip."""
        clean = prepared.clean
        check_storable(clean)
        seq = head.count + 1
        payload = entry_payload(
            incident_id=incident_id, seq=seq, kind=clean.kind, occurred_at=clean.occurred_at,
            recorded_at=prepared.recorded_at, author=clean.author, text=clean.text, fields=clean.fields,
            refs=clean.refs, delay_reason=clean.delay_reason, origin=prepared.origin, clock_back=prepared.clock_back,
        )
        digest = chain_hash(head.hash, payload)
        signer = self._signer
        key_id = signer.key_id if signer else None
        signature = signer.sign(incident_id, digest) if signer else None
        values = {
            "clock_back": None,  # in the payload only when set (so older hashes stay as they were)
            **payload,
            "fields": fields_json(clean.fields),
            "prev_hash": head.hash,
            "hash": digest,
            "entry_uid": uid,
            "key_id": key_id,
            "signature": signature,
        }
        if commit:
            # A refused INSERT stops the pipeline: its error is raised as the block ends and the
            # COMMIT is never run (the transaction is rolled back by _two_trip_transaction).
            with raw.pipeline():
                inserted = raw.execute(_INSERT, values)
                raw.execute("COMMIT")
        else:
            inserted = raw.execute(_INSERT, values)
        db_role, appended_at = inserted.fetchone() or (self.role, utc_now())
        entry = Entry(
            incident_id=incident_id, seq=seq, kind=clean.kind, occurred_at=clean.occurred_at,
            recorded_at=prepared.recorded_at, author=clean.author, text=clean.text, fields=clean.fields,
            refs=clean.refs, delay_reason=clean.delay_reason, origin=prepared.origin, prev_hash=head.hash, hash=digest,
            clock_back=prepared.clock_back,
        )
        return Appended(entry, provenance=Provenance(uid, key_id, signature, db_role, appended_at))

    # -- reading -------------------------------------------------------------------------------

    def entry(self, incident_id: str, seq: int) -> Entry | None:
        found = self.entries(incident_id, [seq])
        return found[0] if found else None

    def entries(self, incident_id: str, seqs: Sequence[int]) -> list[Entry]:
        wanted = sorted({int(s) for s in seqs if 1 <= int(s) < 2**31})
        if not wanted:
            return []
        with self._transaction() as raw:
            rows = raw.execute(
                f"SELECT {ENTRY_COLUMNS} FROM {S}.entry WHERE incident_id = %s AND seq = ANY(%s) ORDER BY seq",
                (incident_id, wanted),
            ).fetchall()
        return [_entry(row) for row in rows]

    def latest(self, incident_id: str, limit: int) -> list[Entry]:
        with self._transaction() as raw:
            rows = raw.execute(
                f"SELECT {ENTRY_COLUMNS} FROM {S}.entry WHERE incident_id = %s AND seq >= 1 ORDER BY seq DESC LIMIT %s",
                (incident_id, max(0, limit)),
            ).fetchall()
        return [_entry(row) for row in reversed(rows)]

    def read_range(self, incident_id: str, *, after: int = 0, limit: int | None = None) -> list[Entry]:
        """Entries after ``after``, in seq order: the bulk path (opening a long incident).

        Like the vault's ``load_after``, it does not fetch what each row repeats (the incident id
        is the parameter; an entry's prev_hash is the hash of the one before it; ``read_signed``
        and the witness read the stored prev_hash) and pauses the garbage collector while it
        builds: 100,000 entries went from about 2 s to well under 1 s.
        """
        after = max(0, after)
        with self._transaction() as raw:
            before = raw.execute(
                f"SELECT hash FROM {S}.entry WHERE incident_id = %s AND seq = %s", (incident_id, after)
            ).fetchone()
            rows = raw.execute(
                f"SELECT {_BULK_COLUMNS} FROM {S}.entry WHERE incident_id = %s AND seq > %s ORDER BY seq LIMIT %s",
                (incident_id, after, limit),
            ).fetchall()
        previous = before[0] if before else genesis_hash(incident_id)
        out: list[Entry] = []
        add = out.append
        make = frozen_entry  # as the vault's load_after: fields decoded and frozen once (domain/entry.py)
        decode = fields_from_json
        parse_time = datetime.fromisoformat
        collecting = gc.isenabled()
        gc.disable()
        try:
            for seq, kind, occurred, recorded, author, text_, fields, refs, delay, origin, digest, clock_back in rows:
                try:
                    entry = make(
                        incident_id, seq, kind, parse_time(occurred), parse_time(recorded), author, text_,
                        decode(fields), refs, delay, origin, previous, digest, clock_back,
                    )
                except (ValueError, TypeError):
                    raise errors.CellRowUnreadable(int(seq)) from None
                add(entry)
                previous = digest
        finally:
            if collecting:
                gc.enable()
        return out

    def read_signed(self, incident_id: str, *, after: int = -1, limit: int | None = None) -> list[SignedEntry]:
        with self._transaction() as raw:
            rows = raw.execute(
                f"SELECT {ENTRY_COLUMNS}, {PROVENANCE_COLUMNS} FROM {S}.entry "
                "WHERE incident_id = %s AND seq > %s ORDER BY seq LIMIT %s",
                (incident_id, max(-1, after), limit),
            ).fetchall()
        out: list[SignedEntry] = []
        for row in rows:
            uid, key_id, signature, db_role, appended_at = row[_SIGNED_COLUMNS:]
            provenance = Provenance(uid, key_id, bytes(signature) if signature is not None else None, db_role, appended_at)
            out.append(SignedEntry(_entry(row[:_SIGNED_COLUMNS]), provenance))
        return out

    def public_keys(self) -> dict[str, bytes]:
        with self._transaction() as raw:
            rows = raw.execute(f"SELECT key_id, public_key FROM {S}.signing_key").fetchall()
        return {row[0]: bytes(row[1]) for row in rows}

    def filtered_seqs(self, incident_id: str, flt: SeqFilter) -> list[int]:
        clauses = ["e.incident_id = %(i)s", "e.seq >= 1"]  # #0 is the opening: the incident, not a timeline row
        params: dict[str, Any] = {"i": incident_id}
        if flt.kinds:
            clauses.append("e.kind = ANY(%(kinds)s)")
            params["kinds"] = sorted(flt.kinds)
        if flt.person:
            # Only kinds with person fields are parsed as JSON, and CASE makes that order certain:
            # an amendment's free-form "corrected" mapping may hold what jsonb refuses (NaN, \u0000).
            clauses.append(
                "CASE WHEN e.kind = ANY(%(person_kinds)s) THEN EXISTS (SELECT 1 FROM jsonb_each(e.fields::jsonb) AS f "
                "WHERE f.key = ANY(%(person_fields)s) AND jsonb_typeof(f.value) = 'string' "
                "AND f.value #>> '{}' = %(person)s) ELSE false END"
            )
            params["person_kinds"] = list(PERSON_KINDS)
            params["person_fields"] = list(PERSON_FIELDS)
            params["person"] = flt.person
        if flt.since is not None:
            clauses.append("e.occurred_at >= %(since)s")
            params["since"] = iso_utc(flt.since)
        if flt.until is not None:
            clauses.append("e.occurred_at <= %(until)s")
            params["until"] = iso_utc(flt.until)
        if flt.flagged_only:
            clauses.append(f"e.seq IN (SELECT refs FROM {S}.entry WHERE incident_id = %(i)s AND kind = 'flag')")
        query = f"SELECT e.seq FROM {S}.entry e WHERE {' AND '.join(clauses)} ORDER BY e.seq"
        with self._transaction() as raw:
            return [row[0] for row in raw.execute(query, params).fetchall()]  # type: ignore[arg-type]

    # -- live updates ----------------------------------------------------------------------------

    def listener(self) -> Listener:
        if self._listener is None:
            self._listener = Listener(self._target, self._secrets, schema.channel_for(self.cell))
        return self._listener

    def changes(self, timeout: float = 0.0) -> list[Change]:
        """Heads that moved (own appends included: the caller skips what it already holds).

        After the listener (re)connects, every incident's head is reported, so the caller
        re-reads from its last seq and nothing missed while disconnected stays missed.
        """
        drained = self.listener().drain(timeout)
        found = list(drained.changes)
        if drained.resync:
            try:
                found.extend(Change(incident_id, head.count) for incident_id, head in self.heads().items())
            except errors.CellUnreachable:
                self.listener().close()  # try the whole reconnection again next time
        return found


@contextmanager
def _guarded(target: CellTarget, role: str) -> Iterator[None]:
    try:
        yield
    except (sa_exc.DBAPIError, psycopg.Error) as exc:
        raise _translate(exc, target, role) from None


def _driver(connection: Any) -> psycopg.Connection[Any]:
    raw = connection.connection.driver_connection
    assert isinstance(raw, psycopg.Connection)
    return raw


def _chain_top(raw: psycopg.Connection[Any], incident_id: str, seq: int, digest: str) -> ChainTop:
    recorded, sealed_seq, reopened_seq = raw.execute(_TOP, {"i": incident_id, "s": seq}).fetchone() or (None, None, None)
    sealed = sealed_seq is not None and (reopened_seq is None or reopened_seq < sealed_seq)
    return ChainTop(Head(seq, digest, _time(recorded) if recorded else None), sealed)
