"""``verify`` on a SQLCipher vault: the file, every incident's chain, and the vault's ledger.

The rules are domain/chain.py's (shared with any other store); this module reads the rows, checks
that each stored value is in the one text form the hash was computed over, and asks SQLCipher to
check every page.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial

import sqlcipher3
from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from incident_log.domain.chain import ChainChecker, IncidentSummary, check_ledger, ledger_genesis
from incident_log.domain.entry import Entry
from incident_log.i18n import msg
from incident_log.store import ledger, repository

APPEND_ONLY_TRIGGERS = frozenset(
    {
        "entry_no_update",
        "entry_no_delete",
        "incident_no_update",
        "incident_no_delete",
        "incident_ledger_no_update",
        "incident_ledger_no_delete",
    }
)


@dataclass(frozen=True, slots=True)
class VerifyResult:
    ok: bool
    incidents_checked: int
    entries_checked: int
    first_bad: tuple[str, int] | None  # (ref, seq) of the first entry that does not match
    problems: tuple[str, ...] = ()
    head: dict[str, tuple[int, str]] = field(default_factory=dict)  # ref -> (count, head hash)
    warnings: tuple[str, ...] = ()  # not damage; worth knowing (the clock moved back)
    ledger: tuple[int, str] = (0, "")  # (records, head hash) of the vault's ledger of incidents
    # Cell mode: what could not be checked (offline: the shared log and its head; the result is
    # then about this workstation's copy only), and entries waiting in the queue, not in the copy.
    unchecked: tuple[str, ...] = ()
    waiting: int = 0


def _file_problems(connection: Connection) -> list[str]:
    problems: list[str] = []
    page_errors = [str(r[0]) for r in connection.exec_driver_sql("PRAGMA cipher_integrity_check")]
    if page_errors:
        problems.append(msg("{count} damaged page(s) in the vault file (SQLCipher page check)", count=len(page_errors)))
    try:
        quick = [str(r[0]) for r in connection.exec_driver_sql("PRAGMA quick_check")]
    except (DBAPIError, sqlcipher3.Error):
        quick = ["unreadable"]
    if quick != ["ok"]:
        problems.append(msg("the database structure is damaged (SQLite quick check)"))
    return problems


def _stored_entry(raw: Sequence[object]) -> Entry | None:
    """The entry a row holds, or None when a stored value is not in the form the program writes."""
    try:
        entry = repository.row_to_entry(raw)
        payload = entry.canonical()
    except (ValueError, TypeError):
        return None
    if raw[3] != payload["occurred_at"] or raw[4] != payload["recorded_at"]:
        return None
    return entry


def verify(
    connection: Connection,
    *,
    vault_id: str,
    rows: Sequence[repository.IncidentRow],
    whole_vault: bool,
    now: datetime,
    head: str | None = None,
    count: int | None = None,
) -> VerifyResult:
    problems = _file_problems(connection)
    if problems:
        # Reading entries from a damaged file would only fail further; say what was found.
        return VerifyResult(False, 0, 0, None, tuple(problems), {})
    triggers = {r[0] for r in connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))}
    if APPEND_ONLY_TRIGGERS - triggers:
        problems.append(msg("the append-only protection of the log has been removed (triggers missing)"))
    first_bad: tuple[str, int] | None = None
    checked = 0
    heads: dict[str, tuple[int, str]] = {}
    warnings: list[str] = []
    summaries: list[IncidentSummary] = []
    for row in rows:
        checker = ChainChecker(row.id, row.ref, row.details, now=now)
        for raw in repository.iter_rows(connection, row.id):
            checked += raw[1] != 0  # entry #0 (the opening) is checked too, but is not counted as an entry
            entry = _stored_entry(raw)
            if entry is None:
                checker.fail(int(raw[1]), msg("the stored entry cannot be read"))
                break
            if not checker.add(entry):
                break
        report = checker.finish()
        if report.problem:
            problems.append(report.problem)
            if first_bad is None and report.first_bad is not None:
                first_bad = (row.ref, report.first_bad)
        warnings.extend(report.warnings)
        heads[row.ref] = (report.count, report.head if report.count else "")
        summaries.append(
            IncidentSummary(
                row.id,
                row.ref,
                row.details,
                report.opening,
                partial(_hash_at, connection, row.id),
            )
        )
    raw_connection = repository.driver(connection)
    records = ledger.read_records(raw_connection)
    problems.extend(check_ledger(vault_id, records, summaries, whole_vault=whole_vault))
    ledger_head = (len(records), records[-1].hash if records else ledger_genesis(vault_id))
    if len(rows) == 1 and (head is not None or count is not None):
        problems.extend(_against_printed_copy(connection, rows[0], heads[rows[0].ref], head, count))
    return VerifyResult(not problems, len(rows), checked, first_bad, tuple(problems), heads, tuple(warnings), ledger_head)


def _against_printed_copy(
    connection: Connection,
    row: repository.IncidentRow,
    have: tuple[int, str],
    head: str | None,
    count: int | None,
) -> list[str]:
    """With the head and count printed on a report: prove no entry was removed or changed since.

    A chain alone cannot show that entries were removed from its end; the printed copy can.
    More entries since printing are fine when the printed head is still in the chain.
    """
    have_count, have_head = have
    printed = (head or "").strip().lower()
    if count is not None and have_count < count:
        return [
            msg(
                "{ref}: the printed copy had {count} entries, the vault has {have} (entries were removed)",
                ref=row.ref, count=count, have=have_count,
            )
        ]
    if count is not None and have_count > count:
        if head is None:
            return []
        at = _hash_at(connection, row.id, count)
        if at is None or at.lower() != printed:
            return [msg("{ref}: entry #{seq} does not match the printed head hash", ref=row.ref, seq=count)]
        return []
    if head is not None and have_head.lower() != printed:
        return [msg("{ref}: the head hash does not match the printed copy", ref=row.ref)]
    return []


def _hash_at(connection: Connection, incident_id: str, seq: int) -> str | None:
    found = connection.execute(
        text("SELECT hash FROM entry WHERE incident_id = :i AND seq = :s"), {"i": incident_id, "s": seq}
    ).first()
    return None if found is None else str(found[0])

