"""An incident received from elsewhere (a bundle today, a cell server later): checked before it is kept.

Nothing that arrives is trusted. Its details pass ``validate_incident``, each entry passes the
same ``validate_entry`` as an import (and must already be in the exact form this program stores),
and the whole chain passes the rules ``verify`` applies (domain/chain.py). The first problem is a
``BundleError`` naming the entry; nothing is written then.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from incident_log.domain.chain import OPENING, check_chain, details_from_fields
from incident_log.domain.entry import Entry, NewEntry, thaw
from incident_log.domain.validation import IncidentDetails, validate_entry, validate_incident
from incident_log.errors import BundleError, ValidationError
from incident_log.i18n import msg


@dataclass(frozen=True, slots=True)
class Received:
    incident_id: str
    details: IncidentDetails  # as the incident was opened
    entries: tuple[Entry, ...]  # checked, in seq order
    opening: Entry | None  # entry #0 (None: an incident begun before 0.2)


class _Facts:
    def __init__(self, opened_at: datetime) -> None:
        self.keys: set[str] = set()
        self.kinds: dict[int, str] = {}
        self._opened_at = opened_at

    @property
    def opened_at(self) -> datetime | None:
        return self._opened_at

    def has_person(self, key: str) -> bool:
        return key in self.keys

    def kind_of(self, seq: int) -> str | None:
        return self.kinds.get(seq)


def check_received(
    incident: Mapping[str, Any], entries: Sequence[Entry], *, now: datetime, default_zone: str
) -> Received:
    incident_id = incident.get("id")
    if not isinstance(incident_id, str) or not 1 <= len(incident_id) <= 64:
        raise BundleError(msg("The bundle's incident has no valid id; nothing was imported."))
    try:
        details = validate_incident(
            ref=incident.get("ref"),
            title=incident.get("title"),
            type=incident.get("type"),
            location=incident.get("location", ""),
            opened_at=incident.get("opened_at"),
            exercise=incident.get("exercise", False),
            time_zone=incident.get("time_zone") or _opening_zone(entries) or default_zone,
            now=now,
        )
    except ValidationError as exc:
        raise BundleError(msg("The bundle's incident: {problem}; nothing was imported.", problem=exc.message)) from None
    report = check_chain(incident_id, details.ref, details, entries, now=now, future_is_damage=True)
    if report.problem is not None:
        raise BundleError(msg("The bundle's log is broken: {problem}; nothing was imported.", problem=report.problem))
    facts = _Facts(details.opened_at)
    for entry in entries:
        try:
            _same_as_validated(entry, facts)
        except ValidationError as exc:
            raise BundleError(
                msg("The bundle's entry #{seq}: {problem}; nothing was imported.", seq=entry.seq, problem=exc.message)
            ) from None
        facts.kinds[entry.seq] = entry.kind
        if entry.kind == "person":
            facts.keys.add(str(entry.fields.get("key")))
    return Received(incident_id, details, tuple(entries), report.opening)


def _opening_zone(entries: Sequence[Entry]) -> str | None:
    if entries and entries[0].kind == OPENING:
        try:
            return details_from_fields(entries[0].fields).time_zone
        except ValueError:
            return None
    return None


def _same_as_validated(entry: Entry, facts: _Facts) -> None:
    """The entry passes validation unchanged: what another vault stored, this one would have stored."""
    draft = NewEntry(
        kind=entry.kind,
        text=entry.text,
        fields=thaw(entry.fields),
        occurred_at=entry.occurred_at,
        refs=entry.refs,
        author=entry.author,
        delay_reason=entry.delay_reason,
    )
    # Checked as of its own recording (the chain rules bound recorded_at by now); the late rule is
    # the chain's (verify's), as for any stored entry.
    clean = validate_entry(draft, facts, now=entry.recorded_at, allow_system=True, late_reason_exempt=True)
    if entry.kind == "person" and entry.fields.get("key") in facts.keys:
        raise ValidationError("key", msg("registers a person key twice"))
    stored = (entry.text, thaw(entry.fields), entry.author, entry.delay_reason, entry.refs, entry.occurred_at)
    cleaned = (clean.text, clean.fields, clean.author, clean.delay_reason, clean.refs, clean.occurred_at)
    if stored != cleaned:
        raise ValidationError("entry", msg("is not in the form this program records (changed or made outside it)"))
