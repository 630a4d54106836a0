"""Checks an entry before anything is written. Every refusal names the field to fix.

Pure: what the check needs to know about the incident (which person keys exist, what kind
of entry a ref points at) comes through a small ``IncidentFacts`` protocol that the store
answers from the database and the importer answers from the file being imported.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from incident_log.domain.entry import NewEntry, parse_iso
from incident_log.domain.kinds import (
    DEMAND_STATUSES,
    KINDS,
    MAX_AUTHOR_CHARS,
    MAX_FIELD_CHARS,
    MAX_LIST_ITEMS,
    MAX_TEXT_CHARS,
    OFFER_STATUSES,
    FieldSpec,
    FieldType,
    KindSpec,
)
from incident_log.domain.late import DEFAULT_LATE_MARGIN, recorded_late
from incident_log.errors import ValidationError

CLOCK_SKEW = timedelta(seconds=5)  # a time typed "now" on a second machine may run slightly ahead

# Control characters other than tab and newline: invisible in a printed log and a way to hide text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_GRADING = re.compile(r"^[A-FX][1-6]$")
_PERSON_KEY = re.compile(r"^[A-Za-z0-9_.-]{1,40}$")


class IncidentFacts(Protocol):
    def has_person(self, key: str) -> bool: ...

    def kind_of(self, seq: int) -> str | None:
        """The kind of entry ``seq`` of the same incident, or None if there is none."""
        ...


@dataclass(frozen=True, slots=True)
class CleanEntry:
    """A validated entry: text with normalised newlines, fields in their stored JSON form."""

    kind: str
    text: str
    fields: dict[str, Any]
    occurred_at: datetime
    refs: int | None
    author: str
    delay_reason: str | None


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def check_text(name: str, value: Any, *, limit: int, required: bool) -> str:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(name, "must be text")
    value = normalise_newlines(value)
    if required and not value.strip():
        raise ValidationError(name, "is required and is empty")
    if len(value) > limit:
        raise ValidationError(
            name, f"is {len(value):,} characters; the limit is {limit:,}. Split it into several entries."
        )
    bad = _CONTROL.search(value)
    if bad:
        raise ValidationError(
            name, f"contains an invisible control character (U+{ord(bad.group()):04X}); remove it and try again"
        )
    return value


def _check_field(spec: FieldSpec, value: Any, facts: IncidentFacts) -> Any:
    name = spec.name
    if spec.type is FieldType.TEXT:
        return check_text(name, value, limit=MAX_FIELD_CHARS, required=spec.required)
    if spec.type is FieldType.PERSON:
        key = check_text(name, value, limit=80, required=True).strip()
        if not facts.has_person(key):
            raise ValidationError(name, f"no person with key '{key}' is registered in this incident; add them first")
        return key
    if spec.type is FieldType.CHOICE:
        text = check_text(name, value, limit=80, required=True).strip().lower()
        if text not in spec.choices:
            raise ValidationError(name, f"'{text}' is not one of: {', '.join(spec.choices)}")
        return text
    if spec.type is FieldType.DATETIME:
        if isinstance(value, datetime):
            if value.tzinfo is None:
                raise ValidationError(name, "needs a time zone")
            return value.astimezone(UTC).isoformat()
        try:
            return parse_iso(check_text(name, value, limit=64, required=True)).isoformat()
        except ValueError:
            raise ValidationError(name, "is not a time; use ISO 8601 such as 2026-03-14T23:00:00+01:00") from None
    if spec.type is FieldType.LIST:
        if value is None:
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list | tuple):
            raise ValidationError(name, "must be a list of text")
        if len(value) > MAX_LIST_ITEMS:
            raise ValidationError(name, f"has {len(value)} items; the limit is {MAX_LIST_ITEMS}")
        items = [check_text(name, item, limit=200, required=False).strip() for item in value]
        return [item for item in items if item]
    if spec.type is FieldType.INT:
        if isinstance(value, bool) or not isinstance(value, int):
            try:
                value = int(str(value).strip())
            except ValueError:
                raise ValidationError(name, "must be a whole number") from None
        if value < 0:
            raise ValidationError(name, "must not be negative")
        return value
    if spec.type is FieldType.MAPPING:
        if value is None:
            return {}
        if not isinstance(value, Mapping):
            raise ValidationError(name, "must be a mapping of field names to values")
        return {str(k): v for k, v in value.items()}
    raise AssertionError(f"unhandled field type {spec.type}")  # pragma: no cover


def validate_entry(
    draft: NewEntry,
    facts: IncidentFacts,
    *,
    now: datetime,
    late_margin: timedelta = DEFAULT_LATE_MARGIN,
    allow_system: bool = False,
    late_reason_exempt: bool = False,
) -> CleanEntry:
    """Refuse anything that should not enter the log; return the entry in stored form.

    ``late_reason_exempt`` is for imports: their entries are marked as imported and the import
    itself explains why they were recorded after the fact.
    """
    spec: KindSpec | None = KINDS.get(draft.kind)
    if spec is None:
        raise ValidationError("kind", f"'{draft.kind}' is not an entry kind; use one of: {', '.join(KINDS)}")
    if spec.system and not allow_system:
        raise ValidationError("kind", f"'{draft.kind}' entries are written by the program, not recorded by hand")

    text = check_text("text", draft.text, limit=MAX_TEXT_CHARS, required=spec.text_required)
    author = check_text("author", draft.author, limit=MAX_AUTHOR_CHARS, required=True).strip()

    if not isinstance(draft.fields, Mapping):
        raise ValidationError("fields", "must be a mapping of field names to values")
    unknown = sorted(set(draft.fields) - {f.name for f in spec.fields})
    if unknown:
        allowed = ", ".join(f.name for f in spec.fields) or "none"
        raise ValidationError(unknown[0], f"is not a field of a {draft.kind} entry (its fields: {allowed})")
    fields: dict[str, Any] = {}
    for field_spec in spec.fields:
        value = draft.fields.get(field_spec.name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if field_spec.required:
                raise ValidationError(field_spec.name, f"is required for a {draft.kind} entry")
            continue
        fields[field_spec.name] = _check_field(field_spec, value, facts)
    if draft.kind == "person" and not _PERSON_KEY.match(fields["key"]):
        raise ValidationError("key", "use letters, digits, '.', '_' or '-' only (e.g. s1, hostage-2)")
    if draft.kind == "intel" and "grading" in fields:
        grading = fields["grading"].strip().upper()
        if not _GRADING.match(grading):
            raise ValidationError("grading", f"'{grading}' is not a grading: a letter A-F and a digit 1-6, e.g. B2")
        fields["grading"] = grading

    refs = _check_refs(spec, draft, fields, facts)

    occurred_at = draft.occurred_at or now
    if occurred_at.tzinfo is None:
        raise ValidationError("occurred_at", "needs a time zone")
    if occurred_at > now + CLOCK_SKEW:
        raise ValidationError(
            "occurred_at", "is in the future; an entry records what has already happened (check the clock or the time typed)"
        )
    delay_reason = draft.delay_reason
    if delay_reason is not None:
        delay_reason = check_text("delay_reason", delay_reason, limit=MAX_FIELD_CHARS, required=False).strip() or None
    if recorded_late(occurred_at, now, late_margin) and not delay_reason and not late_reason_exempt:
        minutes = int(late_margin.total_seconds() // 60)
        raise ValidationError(
            "delay_reason",
            f"this entry happened more than {minutes} minutes before it is recorded; say why it is late "
            "(e.g. 'information received late from control')",
        )
    return CleanEntry(draft.kind, text, fields, occurred_at, refs, author, delay_reason)


def _check_refs(spec: KindSpec, draft: NewEntry, fields: dict[str, Any], facts: IncidentFacts) -> int | None:
    if not spec.needs_ref:
        if draft.refs is not None:
            raise ValidationError("refs", f"a {draft.kind} entry does not refer to another entry")
        return None
    if draft.refs is None:
        raise ValidationError("refs", f"a {draft.kind} entry must name the entry it refers to")
    if isinstance(draft.refs, bool) or not isinstance(draft.refs, int):
        raise ValidationError("refs", "must be an entry number")
    target_kind = facts.kind_of(draft.refs)
    if target_kind is None:
        raise ValidationError("refs", f"there is no entry #{draft.refs} in this incident")
    if spec.ref_kinds and target_kind not in spec.ref_kinds:
        raise ValidationError(
            "refs", f"entry #{draft.refs} is a {target_kind}; a {draft.kind} must refer to a {' or '.join(spec.ref_kinds)}"
        )
    if draft.kind == "update":
        allowed = DEMAND_STATUSES if target_kind == "demand" else OFFER_STATUSES
        if fields["status"] not in allowed:
            raise ValidationError("status", f"'{fields['status']}' is not {'an' if target_kind[0] in 'aeiou' else 'a'} {target_kind} status; use one of: {', '.join(allowed)}")
        if "deadline" in fields and target_kind != "demand":
            raise ValidationError("deadline", "only a demand has a deadline")
    if draft.kind == "amendment":
        if target_kind in ("seal", "reopen", "review"):
            raise ValidationError("refs", f"a {target_kind} entry cannot be amended")
        corrected = fields.get("corrected") or {}
        target_spec = KINDS[target_kind]
        for name in corrected:
            if target_spec.field(name) is None:
                raise ValidationError(f"corrected.{name}", f"is not a field of a {target_kind} entry")
    return draft.refs
