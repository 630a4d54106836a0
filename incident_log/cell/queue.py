"""The offline queue: entries acknowledged while the cell server could not be reached.

When the server is unreachable the loggist keeps typing: each entry is validated against what
the workstation holds (its mirror and the queue itself), written durably to the queue with its
own times, its entry id and a provisional number, and acknowledged as "queued". On reconnect,
``replay()`` appends the queue to the shared chain in order, exactly once:

- every queued entry has its entry id from the moment it is acknowledged, and the store's append
  with an id already on the chain writes nothing and returns that entry. So a crash (or a lost
  reply) between the server's commit and the queue's "sent" mark only makes the next replay find
  the entry and mark it, never append it twice;
- an entry that refers to another queued entry (an amendment of something typed offline) names
  it by entry id, and gets the real seq once its target has been sent;
- an entry the server refuses (the incident was sealed meanwhile from another workstation, a
  person key was taken) is **held**, never dropped, with the reason; later entries of the same
  incident wait behind it, so the order the loggist typed is kept.

The queue lives in the workstation's encrypted local database (a DB-API connection on SQLCipher:
the vault in phase two, through a migration; its own file in phase one). Its SQL is SQLite's.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from incident_log import errors as core_errors
from incident_log.cell import errors
from incident_log.domain.chain import OPENING
from incident_log.domain.entry import NewEntry, iso_utc, utc_now
from incident_log.domain.validation import CleanEntry
from incident_log.store_interface import Appended

QUEUE_SCHEMA = (
    """
    CREATE TABLE IF NOT EXISTS cell_queue (
        position INTEGER PRIMARY KEY AUTOINCREMENT,
        entry_uid TEXT NOT NULL UNIQUE,
        incident_id TEXT NOT NULL,
        provisional_seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        text TEXT NOT NULL,
        fields TEXT NOT NULL,
        occurred_at TEXT NOT NULL,
        recorded_at TEXT NOT NULL,
        author TEXT NOT NULL,
        refs INTEGER,
        refs_uid TEXT,
        delay_reason TEXT,
        origin TEXT NOT NULL,
        held TEXT
    )
    """,
    "CREATE INDEX IF NOT EXISTS cell_queue_by_incident ON cell_queue (incident_id, position)",
    """
    CREATE TABLE IF NOT EXISTS cell_sent (
        entry_uid TEXT PRIMARY KEY,
        incident_id TEXT NOT NULL,
        provisional_seq INTEGER NOT NULL,
        seq INTEGER NOT NULL,
        sent_at TEXT NOT NULL
    )
    """,
)

_COLUMNS = (
    "position, entry_uid, incident_id, provisional_seq, kind, text, fields, occurred_at, recorded_at, "
    "author, refs, refs_uid, delay_reason, origin, held"
)


@dataclass(frozen=True, slots=True)
class QueuedEntry:
    position: int  # the order it was acknowledged in (across incidents)
    entry_uid: str
    incident_id: str
    provisional_seq: int  # shown as "#N (waiting)": the seq it would get if nothing else came first
    clean: CleanEntry  # as validated when it was acknowledged; refs is a server seq or None
    refs_uid: str | None  # set when it refers to another queued entry
    recorded_at: datetime
    origin: str
    held: str | None = None  # why the server refused it (it stays in the queue)

    def draft(self, refs: int | None) -> NewEntry:
        """The entry as a draft for the server's validation, with its reference resolved."""
        clean = self.clean
        return NewEntry(
            kind=clean.kind, text=clean.text, fields=dict(clean.fields), occurred_at=clean.occurred_at,
            refs=refs, author=clean.author, delay_reason=clean.delay_reason,
        )


def _stamp(moment: datetime) -> str:
    """A time as the queue keeps it: ``isoformat`` (four-digit years always), so whatever was
    acknowledged reads back, even a time the chain's own text form cannot hold (year 226)."""
    return moment.astimezone(UTC).isoformat()


def _row(row: tuple[Any, ...]) -> QueuedEntry:
    (position, uid, incident_id, provisional, kind, text, fields, occurred, recorded, author, refs, refs_uid,
     delay_reason, origin, held) = row
    clean = CleanEntry(kind, text, json.loads(fields), datetime.fromisoformat(occurred), refs, author, delay_reason)
    return QueuedEntry(position, uid, incident_id, provisional, clean, refs_uid, datetime.fromisoformat(recorded), origin, held)


class OfflineQueue:
    """The durable queue on an SQLite-family DB-API connection (autocommit mode; it opens its own
    transactions). Every method that changes it commits before returning."""

    def __init__(self, connection: Any) -> None:
        self._db = connection

    def ensure_schema(self) -> None:
        with self._transaction():
            for statement in QUEUE_SCHEMA:
                self._db.execute(statement)

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self._db.execute("PRAGMA synchronous = FULL")  # acknowledged means on disk (the mirror may relax it)
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # -- acknowledging ---------------------------------------------------------------------------

    def next_provisional(self, incident_id: str, mirror_count: int) -> int:
        top = self._db.execute(
            "SELECT max(provisional_seq) FROM cell_queue WHERE incident_id = ?", (incident_id,)
        ).fetchone()[0]
        return max(mirror_count, top or 0, 0) + 1  # timeline entries are #1 on (#0 is the opening)

    def put(
        self,
        incident_id: str,
        clean: CleanEntry,
        *,
        entry_uid: str,
        recorded_at: datetime,
        origin: str,
        mirror_count: int,
        refs_provisional: bool = True,
    ) -> QueuedEntry:
        """Acknowledge one entry: durable when this returns.

        With ``refs_provisional`` (an entry validated against this workstation's copy), a
        ``clean.refs`` above ``mirror_count`` names a queued entry by its provisional number;
        without it (validated by the server before the connection dropped) refs is a server seq.
        """
        refs: int | None = clean.refs
        refs_uid: str | None = None
        with self._transaction():
            if refs_provisional and refs is not None and refs > mirror_count:
                target = self._db.execute(
                    "SELECT entry_uid FROM cell_queue WHERE incident_id = ? AND provisional_seq = ? "
                    "UNION ALL SELECT entry_uid FROM cell_sent WHERE incident_id = ? AND provisional_seq = ?",
                    (incident_id, refs, incident_id, refs),
                ).fetchone()
                if target is None:
                    raise core_errors.ValidationError("refs", f"there is no entry #{refs} in this incident")
                refs_uid, refs = target[0], None
            # An incident's opening (queued when it was created offline) is #0, as on the chain.
            provisional = 0 if clean.kind == OPENING else self.next_provisional(incident_id, mirror_count)
            cursor = self._db.execute(
                f"INSERT INTO cell_queue ({_COLUMNS.replace('position, ', '')}) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
                (
                    entry_uid, incident_id, provisional, clean.kind, clean.text,
                    json.dumps(clean.fields, sort_keys=True, ensure_ascii=False, separators=(",", ":")),
                    _stamp(clean.occurred_at), _stamp(recorded_at), clean.author, refs, refs_uid,
                    clean.delay_reason, origin,
                ),
            )
            position = int(cursor.lastrowid)
        stored = CleanEntry(
            clean.kind, clean.text, clean.fields, clean.occurred_at, refs, clean.author, clean.delay_reason
        )
        return QueuedEntry(position, entry_uid, incident_id, provisional, stored, refs_uid, recorded_at, origin)

    # -- reading -----------------------------------------------------------------------------------

    def pending(self, incident_id: str | None = None) -> list[QueuedEntry]:
        if incident_id is None:
            rows = self._db.execute(f"SELECT {_COLUMNS} FROM cell_queue ORDER BY position").fetchall()
        else:
            rows = self._db.execute(
                f"SELECT {_COLUMNS} FROM cell_queue WHERE incident_id = ? ORDER BY position", (incident_id,)
            ).fetchall()
        return [_row(tuple(row)) for row in rows]

    def count(self, incident_id: str | None = None) -> int:
        if incident_id is None:
            return int(self._db.execute("SELECT count(*) FROM cell_queue").fetchone()[0])
        return int(self._db.execute("SELECT count(*) FROM cell_queue WHERE incident_id = ?", (incident_id,)).fetchone()[0])

    def held_count(self) -> int:
        """Entries the server refused, all incidents (they stay here until released)."""
        return int(self._db.execute("SELECT count(*) FROM cell_queue WHERE held IS NOT NULL").fetchone()[0])

    def get(self, entry_uid: str) -> QueuedEntry | None:
        row = self._db.execute(f"SELECT {_COLUMNS} FROM cell_queue WHERE entry_uid = ?", (entry_uid,)).fetchone()
        return None if row is None else _row(tuple(row))

    def sent_seq(self, entry_uid: str) -> int | None:
        row = self._db.execute("SELECT seq FROM cell_sent WHERE entry_uid = ?", (entry_uid,)).fetchone()
        return None if row is None else int(row[0])

    def queued_kind(self, incident_id: str, provisional_seq: int) -> str | None:
        row = self._db.execute(
            "SELECT kind FROM cell_queue WHERE incident_id = ? AND provisional_seq = ?", (incident_id, provisional_seq)
        ).fetchone()
        return None if row is None else str(row[0])

    def seal_events(self, incident_id: str) -> list[tuple[int, str]]:
        """(provisional number, kind) of every queued seal and reopen of the incident."""
        rows = self._db.execute(
            "SELECT provisional_seq, kind FROM cell_queue WHERE incident_id = ? AND kind IN ('seal', 'reopen')",
            (incident_id,),
        ).fetchall()
        return [(int(seq), str(kind)) for seq, kind in rows]

    def queued_person(self, incident_id: str, key: str) -> bool:
        row = self._db.execute(
            "SELECT 1 FROM cell_queue WHERE incident_id = ? AND kind = 'person' AND CASE WHEN kind = 'person' THEN json_extract(fields, '$.key') END = ?",
            (incident_id, key),
        ).fetchone()
        return row is not None

    # -- after the server answered -----------------------------------------------------------------

    def mark_sent(self, entry_uid: str, seq: int) -> None:
        """The server holds the entry at ``seq``: move it from the queue to the sent map, atomically."""
        self.mark_sent_many([(entry_uid, seq)])

    def mark_sent_many(self, sent: Sequence[tuple[str, int]]) -> None:
        """Several entries the server now holds (entry id, seq), in one local transaction."""
        with self._transaction():
            for entry_uid, seq in sent:
                row = self._db.execute(
                    "SELECT incident_id, provisional_seq FROM cell_queue WHERE entry_uid = ?", (entry_uid,)
                ).fetchone()
                if row is None:
                    continue
                self._db.execute(
                    "INSERT OR REPLACE INTO cell_sent (entry_uid, incident_id, provisional_seq, seq, sent_at) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (entry_uid, row[0], row[1], seq, iso_utc(utc_now())),
                )
                self._db.execute("DELETE FROM cell_queue WHERE entry_uid = ?", (entry_uid,))

    def hold(self, entry_uid: str, reason: str) -> None:
        with self._transaction():
            self._db.execute("UPDATE cell_queue SET held = ? WHERE entry_uid = ?", (reason, entry_uid))

    def release(self, entry_uid: str) -> None:
        """Try a held entry again at the next replay (after the user resolved what blocked it)."""
        with self._transaction():
            self._db.execute("UPDATE cell_queue SET held = NULL WHERE entry_uid = ?", (entry_uid,))


@dataclass
class ReplayReport:
    sent: list[tuple[str, int]] = field(default_factory=list)  # (entry id, seq) newly appended
    already_present: list[tuple[str, int]] = field(default_factory=list)  # found on the chain: marked, not re-sent
    held: list[tuple[str, str]] = field(default_factory=list)  # (entry id, reason) still waiting
    behind_held: int = 0  # entries not tried because an earlier one of the same incident is held
    stopped: str | None = None  # why the replay stopped early (server gone, login refused); the rest waits


AppendQueued = Callable[[QueuedEntry, int | None], Appended]
# Several queued entries of one incident, none referring to another queued entry, appended in one
# server transaction (one head lock, one commit): all of them, or none and an exception.
AppendQueuedBatch = Callable[[Sequence[QueuedEntry]], list[Appended]]
BATCH = 100


def replay(
    queue: OfflineQueue, append: AppendQueued, append_batch: AppendQueuedBatch | None = None, *, batch: int = BATCH
) -> ReplayReport:
    """Send every waiting entry in order, exactly once.

    ``append(entry, refs)`` appends one entry to the shared chain idempotently by its entry id
    (``IncidentStore.append(..., entry_uid=...)``); ``append_batch`` (optional) appends a run of
    them in one transaction, so a long queue costs one commit per run instead of one per entry.
    A run the server refuses is rolled back whole and sent again one by one, so that exactly the
    refused entry is held.
    """
    report = ReplayReport()
    blocked: set[str] = set()
    pending = queue.pending()
    index = 0
    while index < len(pending):
        queued = pending[index]
        if append_batch is not None and queued.incident_id not in blocked:
            run = _run_from(pending, index, batch)
            if len(run) > 1:
                try:
                    results = append_batch(run)
                except errors.CellError as trouble:
                    report.stopped = trouble.message
                    return report
                except core_errors.IncidentLogError:
                    results = []  # one of them was refused: find which, one by one
                if results:
                    queue.mark_sent_many([(q.entry_uid, a.entry.seq) for q, a in zip(run, results, strict=True)])
                    for q, appended in zip(run, results, strict=True):
                        bucket = report.already_present if appended.already_present else report.sent
                        bucket.append((q.entry_uid, appended.entry.seq))
                    index += len(run)
                    continue
                for one in run:
                    if not _replay_one(queue, one, append, blocked, report):
                        return report
                index += len(run)
                continue
        if not _replay_one(queue, queued, append, blocked, report):
            return report
        index += 1
    return report


def _run_from(pending: Sequence[QueuedEntry], start: int, limit: int) -> list[QueuedEntry]:
    """Consecutive entries of one incident from ``start`` that can go in one transaction."""
    first = pending[start]
    run: list[QueuedEntry] = []
    for queued in pending[start : start + limit]:
        if (
            queued.incident_id != first.incident_id or queued.held is not None or queued.refs_uid is not None
            or queued.clean.kind == OPENING  # creates the incident: sent on its own, before its entries
        ):
            break
        run.append(queued)
    return run


def _replay_one(
    queue: OfflineQueue, queued: QueuedEntry, append: AppendQueued, blocked: set[str], report: ReplayReport
) -> bool:
    """Send one entry; False when the replay must stop (the connection, not the entry, failed)."""
    if queued.incident_id in blocked:
        report.behind_held += 1
        return True
    if queued.held is not None:
        blocked.add(queued.incident_id)
        report.held.append((queued.entry_uid, queued.held))
        return True
    refs = queued.clean.refs
    if queued.refs_uid is not None:
        refs = queue.sent_seq(queued.refs_uid)
        if refs is None:
            reason = "it refers to an entry that has not reached the server"
            queue.hold(queued.entry_uid, reason)
            blocked.add(queued.incident_id)
            report.held.append((queued.entry_uid, reason))
            return True
    try:
        appended = append(queued, refs)
    except errors.CellError as trouble:
        # The connection, not the entry, is the problem (unreachable, login or key refused):
        # stop here and keep everything for the next attempt.
        report.stopped = trouble.message
        return False
    except core_errors.IncidentLogError as refusal:  # the entry itself was refused
        queue.hold(queued.entry_uid, refusal.message)
        blocked.add(queued.incident_id)
        report.held.append((queued.entry_uid, refusal.message))
        return True
    queue.mark_sent(queued.entry_uid, appended.entry.seq)
    bucket = report.already_present if appended.already_present else report.sent
    bucket.append((queued.entry_uid, appended.entry.seq))
    return True
