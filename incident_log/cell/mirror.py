"""The workstation's encrypted mirror of the shared incidents it follows: a copy and a witness.

Every entry fetched from the server is checked before it is kept: it must extend the mirror's
head (seq + 1, prev_hash = the head's hash) and match its own hash. A server whose chain no
longer extends the mirror is reported (``WitnessReport``) and nothing of it is taken in, so the
mirror always holds the chain as this workstation saw it: the evidence a rewrite on the server
is measured against.

Phase one keeps the mirror in its own tables on an SQLite-family DB-API connection (a SQLCipher
file); phase two makes the vault itself the mirror (its ``entry`` table, with the provenance
columns added by a migration). The SQL is SQLite's.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from incident_log.cell.queue import OfflineQueue
from incident_log.cell.witness import Link, WitnessReport, witness
from incident_log.domain.entry import Entry, genesis_hash, iso_utc, thaw
from incident_log.store.repository import ENTRY_COLUMNS, fields_json, row_to_entry
from incident_log.store_interface import ChainTop, Head, IncidentRow, SignedEntry

MIRROR_SCHEMA = (
    """
    CREATE TABLE IF NOT EXISTS cell_mirror_incident (
        id TEXT PRIMARY KEY, ref TEXT NOT NULL, title TEXT NOT NULL, type TEXT NOT NULL,
        location TEXT NOT NULL, opened_at TEXT NOT NULL, exercise INTEGER NOT NULL, time_zone TEXT NOT NULL
    )
    """,
    """
    CREATE TABLE IF NOT EXISTS cell_mirror_entry (
        incident_id TEXT NOT NULL, seq INTEGER NOT NULL, kind TEXT NOT NULL, occurred_at TEXT NOT NULL,
        recorded_at TEXT NOT NULL, author TEXT NOT NULL, text TEXT NOT NULL, fields TEXT NOT NULL,
        refs INTEGER, delay_reason TEXT, origin TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL,
        clock_back INTEGER, entry_uid TEXT NOT NULL, key_id TEXT, signature BLOB, db_role TEXT NOT NULL, appended_at TEXT NOT NULL,
        PRIMARY KEY (incident_id, seq)
    )
    """,
    "CREATE INDEX IF NOT EXISTS cell_mirror_by_kind ON cell_mirror_entry (incident_id, kind, seq)",
)


class Mirror:
    def __init__(self, connection: Any) -> None:
        self._db = connection

    def ensure_schema(self) -> None:
        with self._transaction():
            for statement in MIRROR_SCHEMA:
                self._db.execute(statement)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        # The mirror can always be fetched again, so its commits need not wait for the disk
        # (NORMAL under WAL: never corrupt, at worst the last commits are lost with the power).
        # The queue on the same connection sets FULL again for its own: those are acknowledged.
        self._db.execute("PRAGMA synchronous = NORMAL")
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # -- incidents -------------------------------------------------------------------------------

    def keep_incident(self, row: IncidentRow) -> None:
        with self._transaction():
            self._db.execute(
                "INSERT OR IGNORE INTO cell_mirror_incident (id, ref, title, type, location, opened_at, exercise, "
                "time_zone) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (row.id, row.ref, row.title, row.type, row.location, iso_utc(row.opened_at), int(row.exercise),
                 row.time_zone),
            )

    def incident_ids(self) -> list[str]:
        return [row[0] for row in self._db.execute("SELECT id FROM cell_mirror_incident ORDER BY id")]

    def find_incident(self, ref_or_id: str) -> IncidentRow | None:
        row = self._db.execute(
            "SELECT id, ref, title, type, location, opened_at, exercise, time_zone FROM cell_mirror_incident "
            "WHERE id = ? OR ref = ?",
            (ref_or_id, ref_or_id),
        ).fetchone()
        if row is None:
            return None
        return IncidentRow(row[0], row[1], row[2], row[3], row[4], datetime.fromisoformat(row[5]), bool(row[6]), row[7])

    # -- the chain as this workstation saw it ---------------------------------------------------------

    def head(self, incident_id: str) -> Head:
        row = self._db.execute(
            "SELECT seq, hash, recorded_at FROM cell_mirror_entry WHERE incident_id = ? ORDER BY seq DESC LIMIT 1",
            (incident_id,),
        ).fetchone()
        if row is None:
            return Head(-1, genesis_hash(incident_id), None)  # nothing yet: the next entry is #0, the opening
        return Head(int(row[0]), str(row[1]), datetime.fromisoformat(row[2]))

    def chain_top(self, incident_id: str, queue: OfflineQueue | None = None) -> ChainTop:
        """Head and seal status as this workstation knows them (mirror, then what waits in the queue)."""
        events: list[tuple[int, str]] = [
            (int(seq), str(kind))
            for seq, kind in self._db.execute(
                "SELECT max(seq), kind FROM cell_mirror_entry WHERE incident_id = ? AND kind IN ('seal', 'reopen') "
                "GROUP BY kind",
                (incident_id,),
            )
        ]
        if queue is not None:
            events.extend(queue.seal_events(incident_id))
        last = max(events, default=None)
        return ChainTop(self.head(incident_id), last is not None and last[1] == "seal")

    def links(self, incident_id: str) -> list[Link]:
        rows = self._db.execute(
            "SELECT seq, hash FROM cell_mirror_entry WHERE incident_id = ? ORDER BY seq", (incident_id,)
        ).fetchall()
        return [Link(int(seq), str(digest)) for seq, digest in rows]

    def entries(self, incident_id: str, *, after: int = 0) -> list[Entry]:
        rows = self._db.execute(
            f"SELECT {ENTRY_COLUMNS} FROM cell_mirror_entry WHERE incident_id = ? AND seq > ? ORDER BY seq",
            (incident_id, after),
        ).fetchall()
        return [row_to_entry(tuple(row)) for row in rows]

    def has_person(self, incident_id: str, key: str) -> bool:
        row = self._db.execute(
            "SELECT 1 FROM cell_mirror_entry WHERE incident_id = ? AND kind = 'person' "
            "AND CASE WHEN kind = 'person' THEN json_extract(fields, '$.key') END = ? LIMIT 1",
            (incident_id, key),
        ).fetchone()
        return row is not None

    def kind_of(self, incident_id: str, seq: int) -> str | None:
        if not -(2**63) <= seq < 2**63:
            return None
        row = self._db.execute(
            "SELECT kind FROM cell_mirror_entry WHERE incident_id = ? AND seq = ?", (incident_id, seq)
        ).fetchone()
        return None if row is None else str(row[0])

    def extend(self, incident_id: str, fetched: Sequence[SignedEntry]) -> WitnessReport:
        """Keep entries fetched from the server, if (and only if) they extend what is held."""
        head = self.head(incident_id)
        report = witness(
            incident_id, [], (signed.entry for signed in fetched), server_prev=head.hash, start=head.count + 1
        )
        if not report.ok:
            return WitnessReport(incident_id, head.count, report.server_count, report.first_difference, report.problem)
        if fetched:
            with self._transaction():
                self._db.executemany(
                    f"INSERT INTO cell_mirror_entry ({ENTRY_COLUMNS}, entry_uid, key_id, signature, db_role, appended_at) "
                    f"VALUES ({', '.join('?' * (len(ENTRY_COLUMNS.split(',')) + 5))})",
                    [_mirror_row(signed) for signed in fetched],
                )
        return WitnessReport(incident_id, head.count, head.count + len(fetched), None, None)


def _mirror_row(signed: SignedEntry) -> tuple[Any, ...]:
    entry, provenance = signed.entry, signed.provenance
    # The stored forms of the times and fields, as entry.canonical() writes them (without building
    # the whole payload again: the witness just did, on the record path).
    return (
        entry.incident_id, entry.seq, entry.kind, iso_utc(entry.occurred_at), iso_utc(entry.recorded_at), entry.author,
        entry.text, fields_json(thaw(entry.fields)), entry.refs, entry.delay_reason, entry.origin, entry.prev_hash,
        entry.hash, entry.clock_back, provenance.entry_uid, provenance.key_id, provenance.signature, provenance.db_role,
        provenance.appended_at.isoformat(),
    )
