"""The values the logbook hands out: incidents and entries, frozen.

Times are timezone-aware UTC ``datetime``s everywhere in the program; they are turned into
local time only when shown.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any

ORIGIN_LIVE = "live"  # typed by the loggist (GUI or `incident-log log`)
ORIGIN_IMPORT = "import"  # from a scenario file: the import is the reason for any delay
ORIGIN_BUNDLE = "bundle"  # copied verbatim from another vault's bundle

# An entry's stored columns, declared once, in the order every store reads and writes them: the
# vault's ``entry`` table, the cell server's and the workstation's mirror (each with its own
# columns after these), and ``Entry``'s own fields. All but the two chain links are what the hash
# covers (``entry_payload``; ``clock_back`` only when set). A new hashed column goes here first;
# ``tests/domain/test_entry_columns.py`` names every list written out by hand that must follow.
CHAIN_LINKS = ("prev_hash", "hash")
ENTRY_FIELDS = (
    "incident_id", "seq", "kind", "occurred_at", "recorded_at", "author", "text", "fields", "refs", "delay_reason",
    "origin", *CHAIN_LINKS, "clock_back",
)
HASHED_FIELDS = tuple(name for name in ENTRY_FIELDS if name not in CHAIN_LINKS)


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso_utc(moment: datetime) -> str:
    """ISO 8601 in UTC with microseconds: the one text form of a time in the chain."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime: every time in the log carries a zone")
    # isoformat, not strftime: strftime writes year 226 as "226", which fromisoformat cannot read.
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def parse_iso(text: str) -> datetime:
    """Parse an ISO 8601 time with a zone (``Z`` or an offset) into UTC. Raises ValueError only."""
    moment = parse_iso_keep_offset(text)
    try:
        return moment.astimezone(UTC)
    except OverflowError:  # 0001-01-01T00:00+01:00 is before the first representable UTC moment
        raise ValueError("the time is out of range") from None


def parse_iso_keep_offset(text: str) -> datetime:
    """Parse an ISO 8601 time with a zone, keeping the offset it was written with."""
    if not isinstance(text, str):
        raise ValueError("a time is ISO 8601 text")
    moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError("a time needs a zone, e.g. 2026-03-14T21:05:00+01:00 or ...Z")
    return moment


_SCALARS = (str, int, float, bool, type(None))
_EMPTY: Mapping[str, Any] = MappingProxyType({})


def _freeze(value: Any) -> Any:
    """Read-only copy of a JSON value: mappings become proxies, lists tuples.

    Nearly every entry's fields are flat (strings and numbers), so those take a single C-level
    copy; loading a 100,000-entry incident spent half its time here before.
    """
    if isinstance(value, Mapping):
        if not value:
            return _EMPTY
        if all(isinstance(v, _SCALARS) for v in value.values()):
            return MappingProxyType(dict(value))
        return MappingProxyType({k: _freeze(v) for k, v in value.items()})
    if isinstance(value, list | tuple):
        return tuple(_freeze(v) for v in value)
    return value


def thaw(value: Any) -> Any:
    """Plain JSON-able copy of a frozen field value (mappings -> dict, tuples -> list)."""
    if isinstance(value, Mapping):
        return {k: thaw(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [thaw(v) for v in value]
    return value


@dataclass(frozen=True, slots=True)
class Incident:
    id: str  # UUID, the incident's identity across vaults and bundles
    ref: str  # human reference, e.g. NEG-2026-0142; unique in a vault
    title: str
    type: str
    location: str
    opened_at: datetime
    exercise: bool
    status: str = "open"  # open | sealed
    closed_at: datetime | None = None
    entry_count: int = 0
    head_hash: str = ""
    last_recorded_at: datetime | None = None
    time_zone: str = "UTC"  # IANA zone the incident happened in: times are shown in it


@dataclass(frozen=True, slots=True)
class NewEntry:
    """What the loggist (or an import) asks to record. The logbook assigns seq, times and hashes."""

    kind: str
    text: str = ""
    fields: Mapping[str, Any] = field(default_factory=dict)
    occurred_at: datetime | None = None  # None: now
    refs: int | None = None  # the seq of the entry this one amends, updates or flags
    author: str = ""
    delay_reason: str | None = None  # needed when occurred_at is well before the record time


@dataclass(frozen=True, slots=True)
class Entry:
    incident_id: str
    seq: int
    kind: str
    occurred_at: datetime
    recorded_at: datetime
    author: str
    text: str
    fields: Mapping[str, Any]
    refs: int | None
    delay_reason: str | None
    origin: str
    prev_hash: str
    hash: str
    # Seconds the computer's clock was behind the previous entry's record time when this one was
    # recorded (None: it was not). Covered by the hash, shown as a warning.
    clock_back: int | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "fields", _freeze(self.fields))

    @property
    def delay(self) -> float:
        """Seconds between when it happened and when it was recorded."""
        return (self.recorded_at - self.occurred_at).total_seconds()

    def canonical(self) -> dict[str, Any]:
        return entry_payload(
            incident_id=self.incident_id,
            seq=self.seq,
            kind=self.kind,
            occurred_at=self.occurred_at,
            recorded_at=self.recorded_at,
            author=self.author,
            text=self.text,
            fields=thaw(self.fields),
            refs=self.refs,
            delay_reason=self.delay_reason,
            origin=self.origin,
            clock_back=self.clock_back,
        )


# --- the bulk load's constructors ------------------------------------------------------------
# Loading a long incident builds 100,000 entries: Entry(...) runs the dataclass __init__ (one
# object.__setattr__ by name per field) and then copies every fields mapping in _freeze. The load
# decodes each row's fields itself, so it can hand over a mapping nobody else holds, already frozen,
# and set the slots through their descriptors. The results are equal to Entry(...) in every field
# (tests/test_fast_load.py compares them on generated rows).

_scan_json: Any = getattr(json.JSONDecoder(), "scan_once")  # what json.loads calls, minus its wrapper  # noqa: B009


def fields_from_json(stored: str) -> Mapping[str, Any]:
    """The frozen value of a stored ``fields`` column: ``_freeze(json.loads(stored))``, faster.

    A text with no bracket and no brace after its first character is one flat object: its fresh
    dict is wrapped as it is. Anything else (nested values, leading blanks, bad JSON) takes the
    plain path, so errors are json.loads's own.
    """
    if stored == "{}":
        return _EMPTY
    try:
        value, end = _scan_json(stored, 0)
        if end != len(stored):
            raise StopIteration(end)
    except StopIteration:
        value = json.loads(stored)
    if type(value) is dict and "[" not in stored and stored.find("{", 1) < 0:
        return MappingProxyType(value) if value else _EMPTY
    return _freeze(value)  # type: ignore[no-any-return]


_new_object = object.__new__
if Entry.__slots__ != ENTRY_FIELDS:  # a field added to Entry must be set below too
    raise RuntimeError("frozen_entry does not set every field of Entry")
_SETTERS: Any = [Entry.__dict__[name].__set__ for name in ENTRY_FIELDS]  # the slots' member descriptors
(_set_incident_id, _set_seq, _set_kind, _set_occurred_at, _set_recorded_at, _set_author, _set_text, _set_fields,
 _set_refs, _set_delay_reason, _set_origin, _set_prev_hash, _set_hash, _set_clock_back) = _SETTERS


def frozen_entry(
    incident_id: str,
    seq: int,
    kind: str,
    occurred_at: datetime,
    recorded_at: datetime,
    author: str,
    text: str,
    fields: Mapping[str, Any],
    refs: int | None,
    delay_reason: str | None,
    origin: str,
    prev_hash: str,
    hash: str,  # noqa: A002 - the field's name
    clock_back: int | None = None,
) -> Entry:
    """``Entry(...)`` for a ``fields`` value that is already frozen (from ``fields_from_json``).

    Only for mappings nobody else holds: the entry keeps this one instead of a frozen copy.
    """
    entry: Entry = _new_object(Entry)
    _set_incident_id(entry, incident_id)
    _set_seq(entry, seq)
    _set_kind(entry, kind)
    _set_occurred_at(entry, occurred_at)
    _set_recorded_at(entry, recorded_at)
    _set_author(entry, author)
    _set_text(entry, text)
    _set_fields(entry, fields)
    _set_refs(entry, refs)
    _set_delay_reason(entry, delay_reason)
    _set_origin(entry, origin)
    _set_prev_hash(entry, prev_hash)
    _set_hash(entry, hash)
    _set_clock_back(entry, clock_back)
    return entry


def entry_payload(
    *,
    incident_id: str,
    seq: int,
    kind: str,
    occurred_at: datetime,
    recorded_at: datetime,
    author: str,
    text: str,
    fields: Mapping[str, Any],
    refs: int | None,
    delay_reason: str | None,
    origin: str,
    clock_back: int | None = None,
) -> dict[str, Any]:
    """Everything of an entry that the hash covers.

    ``clock_back`` is in the payload only when set, so every entry written before it existed
    keeps its hash.
    """
    payload = {
        "incident_id": incident_id,
        "seq": seq,
        "kind": kind,
        "occurred_at": iso_utc(occurred_at),
        "recorded_at": iso_utc(recorded_at),
        "author": author,
        "text": text,
        "fields": dict(fields),
        "refs": refs,
        "delay_reason": delay_reason,
        "origin": origin,
    }
    if clock_back is not None:
        payload["clock_back"] = clock_back
    return payload


def canonical_json(payload: Mapping[str, Any]) -> bytes:
    """Sorted keys, UTF-8, no spaces: the byte form the chain hashes (DESIGN §4)."""
    return json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def genesis_hash(incident_id: str) -> str:
    """The prev_hash of an incident's first entry."""
    return hashlib.sha256(incident_id.encode("utf-8")).hexdigest()


def chain_hash(prev_hash: str, payload: Mapping[str, Any]) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + canonical_json(payload)).hexdigest()
