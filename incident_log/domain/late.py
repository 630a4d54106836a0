"""The one rule for "late": an entry recorded well after the moment it happened.

Validation (which asks for a reason), the fold (which counts late entries), the timeline, the
composer, the boards and the report all call this module; none of them compares times itself.
The margin is the vault's preference ``late_margin_minutes`` (default 10 minutes), which the
logbook reads once and hands to every caller (``Logbook.late_margin``, ``IncidentState.late_margin``).

Only entries the loggist recorded live can be late: an imported entry was written down
elsewhere, and the import itself is the reason it reached the vault after the fact. Entries that
describe the incident itself (its opening, a change of its details) carry the incident's own
time and are never late.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from incident_log.domain.entry import ORIGIN_LIVE, Entry

DEFAULT_LATE_MARGIN = timedelta(minutes=10)
NEVER_LATE_KINDS = frozenset({"opening", "details"})  # the incident's own entries: their time is the incident's


def recorded_late(occurred_at: datetime, recorded_at: datetime, margin: timedelta = DEFAULT_LATE_MARGIN) -> bool:
    """True when something that happened at ``occurred_at`` and is written at ``recorded_at`` is late."""
    return recorded_at - occurred_at > margin


def can_be_late(kind: str) -> bool:
    return kind not in NEVER_LATE_KINDS


def is_late(entry: Entry, margin: timedelta = DEFAULT_LATE_MARGIN) -> bool:
    """An entry of the log is late: recorded live, more than ``margin`` after it happened."""
    return (
        entry.origin == ORIGIN_LIVE
        and can_be_late(entry.kind)
        and recorded_late(entry.occurred_at, entry.recorded_at, margin)
    )


def minutes_late(entry: Entry) -> int:
    """Whole minutes between when it happened and when it was recorded (for "LATE +25 min")."""
    return max(0, int(entry.delay // 60))


def margin_from_minutes(value: str | float | None) -> timedelta:
    """The vault preference as a margin; empty or unreadable means the default."""
    if value is None or value == "":
        return DEFAULT_LATE_MARGIN
    try:
        minutes = float(value)
    except (TypeError, ValueError):
        return DEFAULT_LATE_MARGIN
    return timedelta(minutes=minutes) if minutes >= 0 else DEFAULT_LATE_MARGIN
