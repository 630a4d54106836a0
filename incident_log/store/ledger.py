"""The vault's ledger of incidents in SQL (the rules are in domain/chain.py).

One append-only row per incident that entered the vault; each row hash-chained to the one before.
Functions take the DB-API connection inside the caller's write transaction, like the append path.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from incident_log.domain.chain import LedgerRecord, new_ledger_record
from incident_log.domain.entry import iso_utc

_COLUMNS = "seq, event, incident_id, ref, recorded_at, opening, details, head, prev_hash, hash"


def _json(value: Mapping[str, Any] | None) -> str | None:
    return None if value is None else json.dumps(dict(value), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def insert_record(raw: Any, record: LedgerRecord) -> None:
    raw.execute(
        f"INSERT INTO incident_ledger ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            record.seq,
            record.event,
            record.incident_id,
            record.ref,
            iso_utc(record.recorded_at),
            record.opening,
            _json(record.details),
            _json(record.head),
            record.prev_hash,
            record.hash,
        ),
    )


def _record(row: Any) -> LedgerRecord:
    seq, event, incident_id, ref, recorded_at, opening, details, head, prev_hash, digest = row
    return LedgerRecord(
        int(seq),
        str(event),
        str(incident_id),
        str(ref),
        datetime.fromisoformat(str(recorded_at).replace("Z", "+00:00")),
        opening,
        None if details is None else json.loads(details),
        None if head is None else json.loads(head),
        str(prev_hash),
        str(digest),
    )


def last_record(raw: Any) -> LedgerRecord | None:
    row = raw.execute(f"SELECT {_COLUMNS} FROM incident_ledger ORDER BY seq DESC LIMIT 1").fetchone()
    return None if row is None else _record(row)


def read_records(raw: Any) -> list[LedgerRecord]:
    return [_record(row) for row in raw.execute(f"SELECT {_COLUMNS} FROM incident_ledger ORDER BY seq").fetchall()]


def head_hash(raw: Any, vault_id: str) -> str:
    """The hash a new ledger record will follow."""
    from incident_log.domain.chain import ledger_genesis  # noqa: PLC0415

    last = last_record(raw)
    return ledger_genesis(vault_id) if last is None else last.hash


def append(
    raw: Any,
    vault_id: str,
    *,
    event: str,
    incident_id: str,
    ref: str,
    recorded_at: datetime,
    opening: str | None = None,
    details: Mapping[str, Any] | None = None,
    head: Mapping[str, Any] | None = None,
) -> LedgerRecord:
    record = new_ledger_record(
        last_record(raw), vault_id, event=event, incident_id=incident_id, ref=ref, recorded_at=recorded_at,
        opening=opening, details=details, head=head,
    )
    insert_record(raw, record)
    return record
