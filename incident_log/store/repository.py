"""The append-only log in SQL: writing entries onto the hash chain and reading them back.

Every function takes an open SQLAlchemy ``Connection`` so the caller decides the transaction;
none of them commits. Rows come back as frozen domain values, never ORM objects.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, text

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
)
from incident_log.domain.validation import CleanEntry, IncidentDetails

ENTRY_COLUMNS = (
    "incident_id, seq, kind, occurred_at, recorded_at, author, text, fields, refs, delay_reason, origin, prev_hash, "
    "hash, clock_back"
)
INSERT_ENTRY = (
    f"INSERT INTO entry ({ENTRY_COLUMNS}) VALUES (:incident_id, :seq, :kind, :occurred_at, :recorded_at, "
    ":author, :text, :fields, :refs, :delay_reason, :origin, :prev_hash, :hash, :clock_back)"
)


def driver(connection: Connection) -> Any:
    """The DB-API connection under ``connection``, in the same transaction.

    The write path runs its few statements here: SQLAlchemy's statement handling costs more than
    SQLite itself for one-row statements, and record() is the call the loggist waits on.
    """
    return connection.connection.driver_connection


def fields_json(fields: dict[str, Any]) -> str:
    return json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _time(value: str) -> datetime:
    return datetime.fromisoformat(value)


def row_to_entry(row: Sequence[Any]) -> Entry:
    return frozen_entry(
        row[0], row[1], row[2], _time(row[3]), _time(row[4]), row[5], row[6], fields_from_json(row[7]), row[8],
        row[9], row[10], row[11], row[12], row[13],
    )


# --- incidents ------------------------------------------------------------------------------

INCIDENT_COLUMNS = "id, ref, title, type, location, opened_at, exercise, time_zone"


@dataclass(frozen=True, slots=True)
class IncidentRow:
    """The incident as it was opened (the row never changes; later changes are ``details`` entries)."""

    id: str
    ref: str
    title: str
    type: str
    location: str
    opened_at: datetime
    exercise: bool
    time_zone: str = "UTC"

    @property
    def details(self) -> IncidentDetails:
        return IncidentDetails(
            self.ref, self.title, self.type, self.location, self.opened_at.astimezone(UTC), self.exercise, self.time_zone
        )


def _incident_row(row: Sequence[Any]) -> IncidentRow:
    return IncidentRow(row[0], row[1], row[2], row[3], row[4], _time(row[5]), bool(row[6]), row[7])


def insert_incident(connection: Connection, row: IncidentRow, created_at: datetime) -> None:
    connection.execute(
        text(
            "INSERT INTO incident (id, ref, title, type, location, opened_at, exercise, created_at, time_zone) "
            "VALUES (:id, :ref, :title, :type, :location, :opened_at, :exercise, :created_at, :time_zone)"
        ),
        {
            "id": row.id,
            "ref": row.ref,
            "title": row.title,
            "type": row.type,
            "location": row.location,
            "opened_at": iso_utc(row.opened_at),
            "exercise": int(row.exercise),
            "created_at": iso_utc(created_at),
            "time_zone": row.time_zone,
        },
    )


def find_incident(connection: Connection, ref_or_id: str) -> IncidentRow | None:
    row = connection.execute(
        text(f"SELECT {INCIDENT_COLUMNS} FROM incident WHERE ref = :key OR id = :key"), {"key": ref_or_id}
    ).first()
    return None if row is None else _incident_row(row)


def list_incident_rows(connection: Connection) -> list[IncidentRow]:
    rows = connection.execute(text(f"SELECT {INCIDENT_COLUMNS} FROM incident ORDER BY opened_at DESC, ref"))
    return [_incident_row(row) for row in rows]


def refs_like(connection: Connection, prefix: str) -> list[str]:
    rows = connection.execute(text("SELECT ref FROM incident WHERE ref LIKE :p"), {"p": prefix + "%"})
    return [row[0] for row in rows]


@dataclass(frozen=True, slots=True)
class Head:
    count: int
    hash: str
    recorded_at: datetime | None


def head(connection: Connection, incident_id: str) -> Head:
    row = connection.execute(
        text("SELECT seq, hash, recorded_at FROM entry WHERE incident_id = :i ORDER BY seq DESC LIMIT 1"),
        {"i": incident_id},
    ).first()
    if row is None:
        return Head(0, genesis_hash(incident_id), None)
    return Head(row[0], row[1], _time(row[2]))


@dataclass(frozen=True, slots=True)
class ChainTop:
    head: Head
    sealed: bool


_CHAIN_TOP = """
SELECT last.seq, last.hash, last.recorded_at,
       (SELECT max(seq) FROM entry WHERE incident_id = :i AND kind = 'seal'),
       (SELECT max(seq) FROM entry WHERE incident_id = :i AND kind = 'reopen')
FROM (SELECT 1) LEFT JOIN (
    SELECT seq, hash, recorded_at FROM entry WHERE incident_id = :i ORDER BY seq DESC LIMIT 1
) AS last
"""


def chain_top(raw: Any, incident_id: str) -> ChainTop:
    """The head of the chain and whether the incident is sealed: what every append needs, in one read.

    ``raw`` (here and in the other write-path functions) is the DB-API connection, inside the
    caller's write transaction.
    """
    seq, digest, recorded, sealed_seq, reopened_seq = raw.execute(_CHAIN_TOP, {"i": incident_id}).fetchone()
    head_ = Head(0, genesis_hash(incident_id), None) if seq is None else Head(seq, digest, _time(recorded))
    sealed = sealed_seq is not None and (reopened_seq is None or reopened_seq < sealed_seq)
    return ChainTop(head_, sealed)


def seal_status(connection: Connection, incident_id: str) -> tuple[bool, datetime | None]:
    """(sealed now?, when the last seal happened).

    One seek per kind on (incident_id, kind, seq): a single query with ``kind IN (...) ORDER BY
    seq DESC`` makes SQLite walk the whole log backwards when there is no seal (35 ms at 50,000).
    """
    row = connection.execute(
        text(
            "SELECT (SELECT max(seq) FROM entry WHERE incident_id = :i AND kind = 'seal'), "
            "(SELECT max(seq) FROM entry WHERE incident_id = :i AND kind = 'reopen')"
        ),
        {"i": incident_id},
    ).one()
    sealed_seq, reopened_seq = row[0], row[1]
    if sealed_seq is None or (reopened_seq is not None and reopened_seq > sealed_seq):
        return False, None
    when = connection.execute(
        text("SELECT occurred_at FROM entry WHERE incident_id = :i AND seq = :s"), {"i": incident_id, "s": sealed_seq}
    ).scalar_one()
    return True, _time(when)


def current_details(connection: Connection, row: IncidentRow) -> IncidentDetails:
    """The incident's details now: as opened, with every ``details`` entry applied in order."""
    details = row.details
    changes = connection.execute(
        text("SELECT fields FROM entry WHERE incident_id = :i AND kind = 'details' ORDER BY seq"), {"i": row.id}
    )
    for (fields,) in changes:
        details = apply_change(details, json.loads(fields))
    return details


def incident_value(connection: Connection, row: IncidentRow) -> Incident:
    top = head(connection, row.id)
    sealed, sealed_at = seal_status(connection, row.id)
    details = current_details(connection, row)
    return Incident(
        id=row.id,
        ref=row.ref,
        title=details.title,
        type=details.type,
        location=details.location,
        opened_at=details.opened_at,
        exercise=details.exercise,
        status="sealed" if sealed else "open",
        closed_at=sealed_at,
        entry_count=top.count,
        head_hash=top.hash if top.count else "",
        last_recorded_at=top.recorded_at,
        time_zone=details.time_zone,
    )


# --- appending ---------------------------------------------------------------------------------


class DatabaseFacts:
    """What validation needs to know about an incident, answered from the vault."""

    def __init__(self, raw: Any, incident_id: str, opened_at: datetime | None = None) -> None:
        self._raw = raw
        self._incident_id = incident_id
        self._opened_at = opened_at

    @property
    def opened_at(self) -> datetime | None:
        return self._opened_at

    def has_person(self, key: str) -> bool:
        row = self._raw.execute(
            "SELECT 1 FROM entry_person p JOIN entry e ON e.incident_id = p.incident_id AND e.seq = p.seq "
            "WHERE p.incident_id = ? AND p.person_key = ? AND e.kind = 'person' LIMIT 1",
            (self._incident_id, key),
        ).fetchone()
        return row is not None

    def kind_of(self, seq: int) -> str | None:
        row = self._raw.execute(
            "SELECT kind FROM entry WHERE incident_id = ? AND seq = ?", (self._incident_id, seq)
        ).fetchone()
        return None if row is None else str(row[0])


def append(
    raw: Any,
    incident_id: str,
    clean: CleanEntry,
    *,
    origin: str,
    recorded_at: datetime,
    top: Head | None = None,
    clock_back: int | None = None,
) -> Entry:
    """Put one validated entry on the end of the chain. The caller holds the write lock."""
    top = top or chain_top(raw, incident_id).head
    seq = top.count + 1
    payload = entry_payload(
        incident_id=incident_id,
        seq=seq,
        kind=clean.kind,
        occurred_at=clean.occurred_at,
        recorded_at=recorded_at,
        author=clean.author,
        text=clean.text,
        fields=clean.fields,
        refs=clean.refs,
        delay_reason=clean.delay_reason,
        origin=origin,
        clock_back=clock_back,
    )
    digest = chain_hash(top.hash, payload)
    raw.execute(
        INSERT_ENTRY,
        {"clock_back": None, **payload, "fields": fields_json(clean.fields), "prev_hash": top.hash, "hash": digest},
    )
    return Entry(
        incident_id=incident_id,
        seq=seq,
        kind=clean.kind,
        occurred_at=clean.occurred_at,
        recorded_at=recorded_at,
        author=clean.author,
        text=clean.text,
        fields=clean.fields,
        refs=clean.refs,
        delay_reason=clean.delay_reason,
        origin=origin,
        prev_hash=top.hash,
        hash=digest,
        clock_back=clock_back,
    )


def append_opening(raw: Any, incident_id: str, clean: CleanEntry, *, origin: str, recorded_at: datetime) -> Entry:
    """Entry #0, the incident's opening: it follows the genesis hash; entry #1 follows it."""
    return append(raw, incident_id, clean, origin=origin, recorded_at=recorded_at, top=Head(-1, genesis_hash(incident_id), None))


def insert_verbatim(raw: Any, entry: Entry) -> None:
    """Copy an entry exactly as another vault wrote it (bundles). The chain is verified first."""
    payload = entry.canonical()
    raw.execute(
        INSERT_ENTRY,
        {"clock_back": None, **payload, "fields": fields_json(payload["fields"]), "prev_hash": entry.prev_hash,
         "hash": entry.hash},
    )


# --- reading ------------------------------------------------------------------------------------


def entry_at(connection: Connection, incident_id: str, seq: int) -> Entry | None:
    row = connection.execute(
        text(f"SELECT {ENTRY_COLUMNS} FROM entry WHERE incident_id = :i AND seq = :s"), {"i": incident_id, "s": seq}
    ).first()
    return None if row is None else row_to_entry(row)


def entries_at(connection: Connection, incident_id: str, seqs: Sequence[int]) -> list[Entry]:
    if not seqs:
        return []
    wanted = sorted(set(int(s) for s in seqs))
    out: list[Entry] = []
    # Contiguous runs (the usual case: a page of the timeline) are one seek each.
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        if chunk[-1] - chunk[0] + 1 == len(chunk):
            rows = connection.execute(
                text(f"SELECT {ENTRY_COLUMNS} FROM entry WHERE incident_id = :i AND seq BETWEEN :a AND :b ORDER BY seq"),
                {"i": incident_id, "a": chunk[0], "b": chunk[-1]},
            )
        else:
            rows = connection.execute(
                text(
                    f"SELECT {ENTRY_COLUMNS} FROM entry WHERE incident_id = :i AND seq IN "
                    f"({','.join(str(s) for s in chunk)}) ORDER BY seq"
                ),
                {"i": incident_id},
            )
        out.extend(row_to_entry(row) for row in rows)
    return out


def latest(connection: Connection, incident_id: str, limit: int) -> list[Entry]:
    rows = connection.execute(
        text(f"SELECT {ENTRY_COLUMNS} FROM entry WHERE incident_id = :i AND seq >= 1 ORDER BY seq DESC LIMIT :n"),
        {"i": incident_id, "n": limit},
    ).all()
    return [row_to_entry(row) for row in reversed(rows)]


def page_after(connection: Connection, incident_id: str, after: int, limit: int) -> list[Entry]:
    # A seek on (incident_id, seq), never OFFSET: constant cost at any depth. The rows are fetched
    # in one call on the driver's cursor: loading a long incident row by row through the result
    # wrapper cost a quarter of a second per 100,000 entries.
    cursor = driver(connection).cursor()
    try:
        cursor.execute(
            f"SELECT {ENTRY_COLUMNS} FROM entry WHERE incident_id = ? AND seq > ? ORDER BY seq LIMIT ?",
            (incident_id, after, limit),
        )
        rows = cursor.fetchall()
    finally:
        cursor.close()
    return [row_to_entry(row) for row in rows]


_CHAIN_COLUMNS = "seq, kind, occurred_at, recorded_at, author, text, fields, refs, delay_reason, origin, hash, clock_back"


def load_after(connection: Connection, incident_id: str, after: int) -> list[Entry]:
    """Every entry after ``after``, for folding: the bulk path, tuned for long incidents.

    It does not fetch what each row repeats: the incident id is the query's own parameter and an
    entry's prev_hash is the hash of the entry before it (``verify`` checks that the stored
    values agree). Fetching 200,000 fewer strings is a tenth of the load time at 100,000 entries.
    """
    cursor = driver(connection).cursor()
    try:
        cursor.execute("SELECT hash FROM entry WHERE incident_id = ? AND seq = ?", (incident_id, after))
        found = cursor.fetchone()
        prev = found[0] if found else genesis_hash(incident_id)
        cursor.execute(
            f"SELECT {_CHAIN_COLUMNS} FROM entry WHERE incident_id = ? AND seq > ? ORDER BY seq", (incident_id, after)
        )
        rows = cursor.fetchall()
    finally:
        cursor.close()
    out: list[Entry] = []
    append = out.append
    make = frozen_entry  # Entry(...) without re-freezing the fields it is handed (domain/entry.py)
    decode = fields_from_json
    parse_time = datetime.fromisoformat  # called twice per row: no wrapper in between
    for seq, kind, occurred, recorded, author, text_, fields, refs, delay, origin, digest, clock_back in rows:
        append(
            make(
                incident_id, seq, kind, parse_time(occurred), parse_time(recorded), author, text_, decode(fields),
                refs, delay, origin, prev, digest, clock_back,
            )
        )
        prev = digest
    return out


def iter_entries(connection: Connection, incident_id: str, chunk: int = 5000) -> Iterator[Entry]:
    after = 0
    while True:
        rows = page_after(connection, incident_id, after, chunk)
        if not rows:
            return
        yield from rows
        after = rows[-1].seq


def iter_rows(connection: Connection, incident_id: str) -> Iterator[Sequence[Any]]:
    """Raw rows in seq order (verification reads the stored text, not a re-encoding of it)."""
    yield from connection.execute(
        text(f"SELECT {ENTRY_COLUMNS} FROM entry WHERE incident_id = :i ORDER BY seq"), {"i": incident_id}
    )


def filtered_seqs(
    connection: Connection,
    incident_id: str,
    *,
    kinds: Sequence[str] = (),
    person: str | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    flagged_only: bool = False,
    match: str | None = None,
    limit: int | None = None,
) -> list[int]:
    clauses = ["e.incident_id = :i", "e.seq >= 1"]  # #0 is the opening: the incident, not a timeline row
    params: dict[str, Any] = {"i": incident_id}
    if kinds:
        names = []
        for n, kind in enumerate(sorted(kinds)):
            params[f"k{n}"] = kind
            names.append(f":k{n}")
        clauses.append(f"e.kind IN ({', '.join(names)})")
    if person:
        params["p"] = person
        clauses.append(
            "e.seq IN (SELECT seq FROM entry_person WHERE incident_id = :i AND person_key = :p)"
        )
    if since is not None:
        params["since"] = iso_utc(since)
        clauses.append("e.occurred_at >= :since")
    if until is not None:
        params["until"] = iso_utc(until)
        clauses.append("e.occurred_at <= :until")
    if flagged_only:
        clauses.append("e.seq IN (SELECT refs FROM entry WHERE incident_id = :i AND kind = 'flag')")
    if match:
        params["q"] = match
        clauses.append("e.rowid IN (SELECT rowid FROM entry_fts WHERE entry_fts MATCH :q)")
    sql = f"SELECT e.seq FROM entry e WHERE {' AND '.join(clauses)} ORDER BY e.seq"
    if limit is not None:
        sql = f"SELECT seq FROM ({sql.replace('ORDER BY e.seq', 'ORDER BY e.seq DESC')} LIMIT {int(limit)}) ORDER BY seq"
    return [row[0] for row in connection.execute(text(sql), params)]


# --- the full-text index ------------------------------------------------------------------------
# Filled after the commit (migration 0002): search_backlog() says how far behind it is, and
# index_backlog() catches up, oldest first, inside the caller's write transaction.

_INDEX_ROWS = """
INSERT INTO entry_fts (rowid, text, fields)
SELECT rowid,
       text || CASE WHEN delay_reason IS NULL THEN '' ELSE ' ' || delay_reason END,
       (SELECT coalesce(group_concat(value, ' '), '') FROM json_tree(entry.fields) WHERE type = 'text')
FROM entry WHERE rowid > :upto AND rowid <= :until
"""


def search_backlog(connection: Connection) -> tuple[int, int]:
    """(last rowid indexed, last rowid written)."""
    raw = driver(connection)
    upto = raw.execute("SELECT value FROM vault_meta WHERE name = 'fts_indexed_upto'").fetchone()
    top = raw.execute("SELECT max(rowid) FROM entry").fetchone()[0] or 0
    return (int(upto[0]) if upto else 0), int(top)


def index_backlog(connection: Connection, *, limit: int | None = None) -> int:
    """Index entries written since the last catch-up (at most ``limit``); returns how many."""
    upto, top = search_backlog(connection)
    until = top if limit is None else min(top, upto + limit)
    if until <= upto:
        return 0
    raw = driver(connection)
    raw.execute(_INDEX_ROWS, {"upto": upto, "until": until})
    raw.execute(
        "INSERT INTO vault_meta (name, value) VALUES ('fts_indexed_upto', :v) "
        "ON CONFLICT (name) DO UPDATE SET value = excluded.value",
        {"v": str(until)},
    )
    return until - upto


def max_seqs(connection: Connection) -> dict[str, tuple[str, int]]:
    """incident id -> (ref, highest seq) for every incident."""
    rows = connection.execute(
        text("SELECT i.id, i.ref, (SELECT max(seq) FROM entry e WHERE e.incident_id = i.id) FROM incident i")
    )
    return {row[0]: (row[1], row[2] or 0) for row in rows}
