"""The SQLCipher vault as an ``IncidentStore``: the same interface the cell's PostgreSQL store has.

``Logbook`` (the facade) appends through ``VaultStore.append`` exactly as ``Workstation`` appends
through ``CellStore.append``: the store takes the incident's write lock (SQLite's ``BEGIN
IMMEDIATE``), reads the chain top and hands it, with the facts validation needs, to the facade's
``prepare`` (``domain/append.py``'s rules); then it hashes, inserts and commits. The store knows
nothing of entry kinds or rules. Reads are short transactions on a pooled connection.

What only a vault has stays beside it in the facade and ``store/``: the ledger of incidents (an
incident is opened by ``Logbook``, with its ledger record, in one transaction), full-text search,
drafts, preferences, bundles and backups. A vault has no entry ids (its entries are all its own):
``append`` with an ``entry_uid`` is refused.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlcipher3  # type: ignore[import-untyped]
from sqlalchemy import Connection, Engine
from sqlalchemy.exc import DBAPIError

from incident_log import errors
from incident_log.domain.entry import Entry, Incident
from incident_log.store import repository
from incident_log.store.engine import raise_storage_error
from incident_log.store_interface import Appended, ChainTop, Change, Head, IncidentRow, Prepare, SeqFilter


class VaultStore:
    """One vault's incidents and chains. Thread-safe: each call checks a connection out of the pool."""

    def __init__(self, engine: Engine, path: Path) -> None:
        self._engine = engine
        self._path = path
        self._known: dict[str, int] = {}

    # -- transactions ------------------------------------------------------------------------------

    def read(self, work: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``work(connection, ...)`` in a read transaction, rolled back after."""
        try:
            with self._engine.connect() as connection:
                result = work(connection, *args, **kwargs)
                connection.rollback()
                return result
        except (DBAPIError, sqlcipher3.Error) as exc:
            raise_storage_error(exc, self._path)

    def write(self, work: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """``work(connection, ...)`` in one ``BEGIN IMMEDIATE`` transaction, committed when it returns."""
        try:
            with self._engine.connect() as connection:
                connection.execution_options(begin="IMMEDIATE")
                with connection.begin():
                    return work(connection, *args, **kwargs)
        except (DBAPIError, sqlcipher3.Error) as exc:
            raise_storage_error(exc, self._path)

    @contextmanager
    def locked(self) -> Iterator[Any]:
        """The driver connection inside ``BEGIN IMMEDIATE``: committed when the block ends, rolled
        back when it raises. SQLAlchemy's layers are bypassed: for one small row they cost a tenth
        of a whole append."""
        pooled = self._engine.raw_connection()
        raw = pooled.driver_connection
        assert raw is not None  # a checked-out pooled connection always has its driver connection
        try:
            raw.execute("BEGIN IMMEDIATE")
            try:
                yield raw
                raw.execute("COMMIT")
            except BaseException:
                if raw.in_transaction:
                    raw.execute("ROLLBACK")
                raise
        except sqlcipher3.Error as exc:
            raise_storage_error(exc, self._path)
        finally:
            pooled.close()

    # -- incidents ------------------------------------------------------------------------------------

    def incidents(self) -> list[IncidentRow]:
        return self.read(repository.list_incident_rows)  # type: ignore[no-any-return]

    def find_incident(self, ref_or_id: str) -> IncidentRow | None:
        return self.read(repository.find_incident, ref_or_id)  # type: ignore[no-any-return]

    def create_incident(self, row: IncidentRow, *, created_at: datetime, opening: Prepare) -> Appended:
        """The row and its opening #0 in one transaction. (``Logbook`` opens its own incidents in a
        transaction of its own, which also writes the vault's ledger record.)"""

        def work(connection: Connection) -> Entry:
            if repository.find_incident(connection, row.ref) is not None:
                raise errors.DuplicateRef(row.ref)
            repository.insert_incident(connection, row, created_at)
            raw = repository.driver(connection)
            prepared = opening(ChainTop(Head(-1, "", None), False), repository.DatabaseFacts(raw, row.id, row.opened_at))
            return repository.append_opening(raw, row.id, prepared.clean, origin=prepared.origin,
                                             recorded_at=prepared.recorded_at)

        return Appended(self.write(work))

    def describe(self, row: IncidentRow) -> Incident:
        return self.read(repository.incident_value, row)  # type: ignore[no-any-return]

    # -- the chain --------------------------------------------------------------------------------------

    def heads(self) -> dict[str, Head]:
        def work(connection: Connection) -> dict[str, Head]:
            return {row.id: repository.head(connection, row.id) for row in repository.list_incident_rows(connection)}

        return self.read(work)  # type: ignore[no-any-return]

    def chain_top(self, incident_id: str) -> ChainTop:
        return self.read(lambda c: repository.chain_top(repository.driver(c), incident_id))  # type: ignore[no-any-return]

    def append(self, incident_id: str, prepare: Prepare, *, entry_uid: str | None = None) -> Appended:
        """Lock, ``prepare`` (the facade's rules, against this chain top and these facts), hash,
        insert, commit: one durable transaction. A refusal raised by ``prepare`` writes nothing."""
        if entry_uid is not None:
            raise ValueError("a vault keeps no entry ids: its entries are appended once, by itself")
        row = self.find_incident(incident_id)
        if row is None:
            raise errors.UnknownIncident(incident_id)
        return self.append_to(row, prepare)

    def append_to(self, row: IncidentRow, prepare: Prepare) -> Appended:
        """``append`` for an incident whose row the caller already holds (the facade caches rows)."""
        with self.locked() as raw:
            top = repository.chain_top(raw, row.id)
            prepared = prepare(top, repository.DatabaseFacts(raw, row.id, row.opened_at))
            entry = repository.append(
                raw, row.id, prepared.clean, origin=prepared.origin, recorded_at=prepared.recorded_at, top=top.head,
                clock_back=prepared.clock_back,
            )
        return Appended(entry)

    # -- reading ----------------------------------------------------------------------------------------

    def entry(self, incident_id: str, seq: int) -> Entry | None:
        return self.read(repository.entry_at, incident_id, seq)  # type: ignore[no-any-return]

    def entries(self, incident_id: str, seqs: Sequence[int]) -> list[Entry]:
        return self.read(repository.entries_at, incident_id, seqs)  # type: ignore[no-any-return]

    def latest(self, incident_id: str, limit: int) -> list[Entry]:
        return self.read(repository.latest, incident_id, limit)  # type: ignore[no-any-return]

    def read_range(self, incident_id: str, *, after: int = 0, limit: int | None = None) -> list[Entry]:
        if limit is None:
            return self.read(repository.load_after, incident_id, after)  # type: ignore[no-any-return]
        return self.read(repository.page_after, incident_id, after, limit)  # type: ignore[no-any-return]

    def filtered_seqs(self, incident_id: str, flt: SeqFilter) -> list[int]:
        return self.read(  # type: ignore[no-any-return]
            repository.filtered_seqs, incident_id, kinds=tuple(flt.kinds), person=flt.person, since=flt.since,
            until=flt.until, flagged_only=flt.flagged_only,
        )

    # -- live updates ----------------------------------------------------------------------------------

    def changes(self) -> list[Change]:
        """Heads that moved since the last call (the vault's own writes included: the caller
        skips what it already holds, as with the cell's notifications)."""
        moved = []
        for incident_id, (_ref, top) in self.read(repository.max_seqs).items():
            if top > self._known.get(incident_id, 0):
                moved.append(Change(incident_id, top))
                self._known[incident_id] = top
        return moved

    def close(self) -> None:
        """The engine belongs to the unlocked vault, which the facade closes."""
