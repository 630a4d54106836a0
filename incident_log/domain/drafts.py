"""The drafts of the logbook's own actions, written once for the vault, the cell and the desktop.

An amendment, a flag, a review mark, an audit, a redaction decision, a change of the incident's
details and a reopening are entries like any other; what each carries is decided here, so that
``Logbook``, ``cell.book.CellBook`` and ``desk.CellDesk`` record the same entry for the same
action. The rules that accept or refuse them are ``domain/append.py``'s.
"""

from __future__ import annotations

from typing import Any

from incident_log import errors
from incident_log.domain.chain import DETAILS
from incident_log.domain.entry import NewEntry
from incident_log.domain.kinds import INCIDENT_DETAIL_FIELDS

REOPENED = "Incident reopened."
SEALED = "Incident closed and sealed."


def amendment(seq: int, text: str, *, reason: str, author: str, corrected: dict[str, Any] | None = None) -> NewEntry:
    fields: dict[str, Any] = {"reason": reason}
    if corrected:
        fields["corrected"] = corrected
    return NewEntry("amendment", text, fields, refs=seq, author=author)


def flag(seq: int, *, reason: str, author: str) -> NewEntry:
    return NewEntry("flag", "", {"reason": reason}, refs=seq, author=author)


def review(upto: int, *, author: str) -> NewEntry:
    return NewEntry("review", "", {"upto": upto}, author=author)


def audit(action: str, *, reason: str, author: str) -> NewEntry:
    return NewEntry("audit", "", {"action": action, "reason": reason}, author=author)


def seal(head: str, count: int, *, author: str) -> NewEntry:
    """The seal carries the head it closes (hash and count), so a later entry cannot hide behind it."""
    return NewEntry("seal", SEALED, {"head": head, "count": count}, author=author)


def reopening(reason: str, *, author: str) -> NewEntry:
    return NewEntry("reopen", REOPENED, {"reason": reason}, author=author)


def redaction_decision(action: str, value: str, *, author: str, person: str | None = None, reason: str = "") -> NewEntry:
    fields: dict[str, Any] = {"action": action, "value": value}
    if person:
        fields["person"] = person
    if reason:
        fields["reason"] = reason
    return NewEntry("redaction", "", fields, author=author)


def details_change(changes: dict[str, Any], *, reason: str, author: str) -> NewEntry:
    """A change of the incident's details; refuses a name that is not a detail, or no change."""
    unknown = sorted(set(changes) - set(INCIDENT_DETAIL_FIELDS))
    if unknown:
        raise errors.ValidationError(
            unknown[0], f"is not a detail of an incident (its details: {', '.join(INCIDENT_DETAIL_FIELDS)})"
        )
    given = {name: value for name, value in changes.items() if value is not None}
    if not given:
        raise errors.ValidationError("details", "nothing to change; give at least one new value")
    return NewEntry(DETAILS, "", {**given, "reason": reason}, author=author)
