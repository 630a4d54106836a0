"""The one domain of valid values: what the log accepts, from every way in.

The composer, ``incident-log log``, a scenario import and a bundle import all pass their entries
through ``validate_entry`` and their incident details through ``validate_incident``; nothing
reaches the vault around them. A value accepted here is one every consumer (timeline, export,
bundle, report) can show: NFC text without surrogates or invisible control characters, bounded
sizes, whole numbers in range, and times between 1990 and now (plus a small clock skew).

Every refusal names the field to fix. Pure: what the check needs to know about the incident
(which person keys exist, what kind of entry a ref points at, when it opened) comes through a
small ``IncidentFacts`` protocol that the store answers from the database and the importer
answers from the file being imported.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Protocol

from incident_log.domain.entry import NewEntry, parse_iso
from incident_log.domain.kinds import (
    DEMAND_STATUSES,
    INCIDENT_TYPES,
    KINDS,
    MAX_FIELD_CHARS,
    MAX_LIST_ITEMS,
    MAX_SEQ,
    MAX_TEXT_CHARS,
    OFFER_STATUSES,
    FieldSpec,
    FieldType,
    KindSpec,
)
from incident_log.domain.late import DEFAULT_LATE_MARGIN, can_be_late, recorded_late
from incident_log.domain.zones import check_zone
from incident_log.errors import ValidationError
from incident_log.i18n import language_from_env, msg, number, translator

# The widest late margin a vault may be set to. verify re-checks the delay-reason rule against it,
# so no entry the program accepted can ever be reported, whatever the margin was at the time.
MAX_LATE_MARGIN = timedelta(minutes=60)
CLOCK_SKEW = timedelta(seconds=5)  # a time typed "now" on a second machine may run slightly ahead
# A clock stepped back by less than this (NTP corrections) is not worth a warning.
CLOCK_TOLERANCE = timedelta(seconds=2)
# No incident this program logs happened before 1990: an earlier year is a typo (0226 for 2026).
EARLIEST = datetime(1990, 1, 1, tzinfo=UTC)
DEADLINE_HORIZON = timedelta(days=366)  # a deadline further ahead than a year is a typo
# An entry that happened more than this before the incident opened needs a reason (it may belong
# to another incident, or its date is mistyped).
BEFORE_OPENING = timedelta(hours=24)

# Control characters other than tab and newline (C0, DEL, C1), line/paragraph separators, bidi
# overrides and isolates, the BOM/zero-width no-break space: invisible in a printed log and a way
# to hide text. Lone surrogates cannot be stored as UTF-8; noncharacters are not text.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff"
    "\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]"
)
_GRADING = re.compile(r"^[A-FX][1-6]$")
_PERSON_KEY = re.compile(r"^[A-Za-z0-9_.-]{1,40}$")
REF_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")
TITLE_CHARS = 200
LOCATION_CHARS = 300
AUTHOR_CHARS = 80


class IncidentFacts(Protocol):
    def has_person(self, key: str) -> bool: ...

    def kind_of(self, seq: int) -> str | None:
        """The kind of entry ``seq`` of the same incident, or None if there is none."""
        ...

    @property
    def opened_at(self) -> datetime | None:
        """When the incident opened (None while it is being created)."""
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
    """Text as stored: newlines normalised, NFC, nothing invisible, at most ``limit`` characters."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(name, msg("must be text"))
    if len(value) > 4 * limit + 16:  # refuse a runaway paste before normalising all of it
        raise ValidationError(name, _too_long(len(value), limit))
    bad = _INVISIBLE.search(value)
    if bad:
        code = ord(bad.group())
        if 0xD800 <= code <= 0xDFFF:
            reason = msg("contains a broken character (a lone surrogate) (U+{code}); remove it and try again", code=f"{code:04X}")
        else:
            reason = msg("contains an invisible control character (U+{code}); remove it and try again", code=f"{code:04X}")
        raise ValidationError(name, reason)
    value = unicodedata.normalize("NFC", normalise_newlines(value))
    if required and not value.strip():
        raise ValidationError(name, msg("is required and is empty"))
    if len(value) > limit:
        raise ValidationError(name, _too_long(len(value), limit))
    return value


def _too_long(length: int, limit: int) -> str:
    return msg(
        "is {length} characters; the limit is {limit}. Split it into several entries.",
        length=number(length),
        limit=number(limit),
    )


def _kind(kind: str) -> str:
    """An entry kind inside a sentence: as stored in English ("demand"), its title in Spanish."""
    words = translator(language_from_env())
    spec = KINDS.get(kind)
    return words.word("kind", spec.title) if words.spanish and spec is not None else kind


def _kinds_or(kinds: tuple[str, ...] | frozenset[str]) -> str:
    return msg(" or ").join(_kind(k) for k in kinds)


def check_moment(name: str, value: datetime, *, now: datetime, latest: datetime | None = None) -> datetime:
    """A time of the log: with a zone, not before 1990, not after ``latest`` (default: now + skew)."""
    if not isinstance(value, datetime):
        raise ValidationError(name, msg("must be a time"))
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError(name, msg("needs a time zone"))
    latest = latest if latest is not None else now + CLOCK_SKEW
    try:
        moment = value.astimezone(UTC)
    except (OverflowError, ValueError):
        raise ValidationError(name, msg("is not a time this program can store; check the year")) from None
    if moment < EARLIEST:
        raise ValidationError(
            name, msg("is in {year}, before 1990; check the year (e.g. 2026, not 0226)", year=f"{moment.year:04d}")
        )
    if moment > latest:
        if latest <= now + CLOCK_SKEW:
            raise ValidationError(
                name,
                msg("is in the future; an entry records what has already happened (check the clock or the time typed)"),
            )
        raise ValidationError(name, msg("is too far in the future; check the date"))
    return moment


def parse_moment(name: str, value: Any, *, now: datetime, latest: datetime | None = None) -> datetime:
    """A time given as a datetime or as ISO 8601 text with a zone, checked by ``check_moment``."""
    if isinstance(value, datetime):
        return check_moment(name, value, now=now, latest=latest)
    text = check_text(name, value, limit=64, required=True)
    try:
        moment = parse_iso(text)
    except ValueError:
        raise ValidationError(name, msg("is not a time; use ISO 8601 such as 2026-03-14T23:00:00+01:00")) from None
    return check_moment(name, moment, now=now, latest=latest)


def check_int(name: str, value: Any, *, low: int = 0, high: int = MAX_SEQ) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        try:
            value = int(str(value).strip())
        except (ValueError, OverflowError):
            raise ValidationError(name, msg("must be a whole number")) from None
    if value < low:
        raise ValidationError(name, msg("must not be negative") if low == 0 else msg("must be at least {low}", low=low))
    if value > high:
        raise ValidationError(name, msg("is {value}; the largest allowed is {high}", value=value, high=number(high)))
    return int(value)


@dataclass(frozen=True, slots=True)
class IncidentDetails:
    """An incident's own details, as the opening entry carries them (and ``details`` entries change)."""

    ref: str
    title: str
    type: str
    location: str
    opened_at: datetime  # UTC
    exercise: bool
    time_zone: str  # IANA name


def validate_incident(
    *,
    ref: Any,
    title: Any,
    type: Any,
    location: Any,
    opened_at: Any,
    exercise: Any,
    time_zone: Any,
    now: datetime,
) -> IncidentDetails:
    """Refuse incident details the log cannot keep; ``ref`` must already be chosen."""
    title_ = check_text("title", title, limit=TITLE_CHARS, required=True).strip()
    location_ = check_text("location", location, limit=LOCATION_CHARS, required=False).strip()
    kind = check_text("type", type or "other", limit=40, required=True).strip().lower()
    if kind not in INCIDENT_TYPES:
        raise ValidationError(
            "type", msg("'{value}' is not an incident type; use one of: {allowed}", value=kind, allowed=", ".join(INCIDENT_TYPES))
        )
    ref_ = check_text("ref", ref, limit=40, required=True).strip()
    if not REF_PATTERN.match(ref_):
        raise ValidationError("ref", msg("use letters, digits, '-', '_' or '.' (e.g. NEG-2026-0142), at most 40"))
    if not isinstance(exercise, bool):
        raise ValidationError("exercise", msg("must be true or false"))
    opened = parse_moment("opened_at", opened_at, now=now)
    try:
        zone_ = check_zone(time_zone)
    except ValueError as exc:
        raise ValidationError("time_zone", str(exc)) from None
    return IncidentDetails(ref_, title_, kind, location_, opened, exercise, zone_)


def _check_field(spec: FieldSpec, value: Any, facts: IncidentFacts, now: datetime) -> Any:
    name = spec.name
    if spec.type is FieldType.TEXT:
        return check_text(name, value, limit=spec.limit or MAX_FIELD_CHARS, required=spec.required)
    if spec.type is FieldType.PERSON:
        key = check_text(name, value, limit=80, required=True).strip()
        if not facts.has_person(key):
            raise ValidationError(name, msg("no person with key '{key}' is registered in this incident; add them first", key=key))
        return key
    if spec.type is FieldType.CHOICE:
        text = check_text(name, value, limit=80, required=True).strip().lower()
        if text not in spec.choices:
            raise ValidationError(name, msg("'{value}' is not one of: {allowed}", value=text, allowed=", ".join(spec.choices)))
        return text
    if spec.type is FieldType.DATETIME:
        latest = now + DEADLINE_HORIZON if name == "deadline" else now + CLOCK_SKEW
        return parse_moment(name, value, now=now, latest=latest).isoformat()
    if spec.type is FieldType.LIST:
        if value is None:
            return []
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list | tuple):
            raise ValidationError(name, msg("must be a list of text"))
        if len(value) > MAX_LIST_ITEMS:
            raise ValidationError(name, msg("has {count} items; the limit is {limit}", count=len(value), limit=MAX_LIST_ITEMS))
        items = [check_text(name, item, limit=200, required=False).strip() for item in value]
        return [item for item in items if item]
    if spec.type is FieldType.INT:
        return check_int(name, value)
    if spec.type is FieldType.BOOL:
        if not isinstance(value, bool):
            raise ValidationError(name, msg("must be true or false"))
        return value
    if spec.type is FieldType.MAPPING:
        # Checked field by field against the amended entry's kind in _check_refs.
        if value is None:
            return {}
        if not isinstance(value, Mapping) or not all(isinstance(k, str) for k in value):
            raise ValidationError(name, msg("must be a mapping of field names to values"))
        if len(value) > 20:
            raise ValidationError(name, msg("corrects too many fields at once; amend in several steps"))
        return dict(value)
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
        raise ValidationError(
            "kind", msg("'{value}' is not an entry kind; use one of: {allowed}", value=draft.kind, allowed=", ".join(KINDS))
        )
    if spec.system and not allow_system:
        raise ValidationError("kind", msg("'{value}' entries are written by the program, not recorded by hand", value=draft.kind))

    text = check_text("text", draft.text, limit=MAX_TEXT_CHARS, required=spec.text_required)
    author = check_text("author", draft.author, limit=AUTHOR_CHARS, required=True).strip()
    if not author:
        raise ValidationError("author", msg("is required and is empty"))

    if not isinstance(draft.fields, Mapping):
        raise ValidationError("fields", msg("must be a mapping of field names to values"))
    unknown = sorted(set(draft.fields) - {f.name for f in spec.fields})
    if unknown:
        allowed = ", ".join(f.name for f in spec.fields) or msg("none")
        raise ValidationError(
            unknown[0], msg("is not a field of a {kind} entry (its fields: {allowed})", kind=_kind(draft.kind), allowed=allowed)
        )
    fields: dict[str, Any] = {}
    for field_spec in spec.fields:
        value = draft.fields.get(field_spec.name)
        if value is None or (isinstance(value, str) and not value.strip()):
            if field_spec.required:
                raise ValidationError(field_spec.name, msg("is required for a {kind} entry", kind=_kind(draft.kind)))
            continue
        fields[field_spec.name] = _check_field(field_spec, value, facts, now)
    if "time_zone" in fields:
        try:
            fields["time_zone"] = check_zone(fields["time_zone"])
        except ValueError as exc:
            raise ValidationError("time_zone", str(exc)) from None
    if draft.kind == "person" and not _PERSON_KEY.match(fields["key"]):
        raise ValidationError("key", msg("use letters, digits, '.', '_' or '-' only (e.g. s1, hostage-2)"))
    if draft.kind == "intel" and "grading" in fields:
        grading = fields["grading"].strip().upper()
        if not _GRADING.match(grading):
            raise ValidationError("grading", msg("'{value}' is not a grading: a letter A-F and a digit 1-6, e.g. B2", value=grading))
        fields["grading"] = grading

    refs = _check_refs(spec, draft, fields, facts, now)

    occurred_at = check_moment("occurred_at", draft.occurred_at or now, now=now)
    delay_reason = draft.delay_reason
    if delay_reason is not None:
        delay_reason = check_text("delay_reason", delay_reason, limit=MAX_FIELD_CHARS, required=False).strip() or None
    exempt = late_reason_exempt or not can_be_late(draft.kind)  # imports, and the incident's own times
    if recorded_late(occurred_at, now, late_margin) and not delay_reason and not exempt:
        minutes = int(late_margin.total_seconds() // 60)
        raise ValidationError(
            "delay_reason",
            msg(
                "this entry happened more than {minutes} minutes before it is recorded; say why it is late "
                "(e.g. 'information received late from control')",
                minutes=minutes,
            ),
        )
    opened_at = facts.opened_at
    about_incident = draft.kind in ("opening", "details")
    if opened_at is not None and occurred_at < opened_at - BEFORE_OPENING and not delay_reason and not about_incident:
        raise ValidationError(
            "delay_reason",
            msg(
                "this entry happened more than a day before the incident opened; check the date, or say why it "
                "belongs to this incident"
            ),
        )
    return CleanEntry(draft.kind, text, fields, occurred_at, refs, author, delay_reason)


def _check_refs(
    spec: KindSpec, draft: NewEntry, fields: dict[str, Any], facts: IncidentFacts, now: datetime
) -> int | None:
    if not spec.needs_ref:
        if draft.refs is not None:
            raise ValidationError("refs", msg("a {kind} entry does not refer to another entry", kind=_kind(draft.kind)))
        return None
    if draft.refs is None:
        raise ValidationError("refs", msg("a {kind} entry must name the entry it refers to", kind=_kind(draft.kind)))
    if isinstance(draft.refs, bool) or not isinstance(draft.refs, int):
        raise ValidationError("refs", msg("must be an entry number"))
    if not 1 <= draft.refs <= MAX_SEQ:
        raise ValidationError("refs", msg("there is no entry #{seq} in this incident", seq=draft.refs))
    target_kind = facts.kind_of(draft.refs)
    if target_kind is None:
        raise ValidationError("refs", msg("there is no entry #{seq} in this incident", seq=draft.refs))
    if spec.ref_kinds and target_kind not in spec.ref_kinds:
        raise ValidationError(
            "refs",
            msg(
                "entry #{seq} is a {target}; a {kind} must refer to a {allowed}",
                seq=draft.refs,
                target=_kind(target_kind),
                kind=_kind(draft.kind),
                allowed=_kinds_or(spec.ref_kinds),
            ),
        )
    if draft.kind == "update":
        allowed = DEMAND_STATUSES if target_kind == "demand" else OFFER_STATUSES
        if fields["status"] not in allowed:
            if target_kind == "demand":
                reason = msg("'{value}' is not a demand status; use one of: {allowed}", value=fields["status"], allowed=", ".join(allowed))
            else:
                reason = msg("'{value}' is not an offer status; use one of: {allowed}", value=fields["status"], allowed=", ".join(allowed))
            raise ValidationError("status", reason)
        if "deadline" in fields and target_kind != "demand":
            raise ValidationError("deadline", msg("only a demand has a deadline"))
    if draft.kind == "amendment":
        if KINDS[target_kind].system:
            raise ValidationError("refs", msg("a {kind} entry cannot be amended", kind=_kind(target_kind)))
        corrected = fields.get("corrected") or {}
        target_spec = KINDS[target_kind]
        checked: dict[str, Any] = {}
        for name, value in corrected.items():
            field_spec = target_spec.field(name)
            if field_spec is None:
                raise ValidationError(f"corrected.{name[:40]}", msg("is not a field of a {kind} entry", kind=_kind(target_kind)))
            try:
                checked[name] = _check_field(field_spec, value, facts, now)
            except ValidationError as exc:
                raise ValidationError(f"corrected.{name}", exc.reason) from None
        if corrected:
            fields["corrected"] = checked
    return draft.refs
