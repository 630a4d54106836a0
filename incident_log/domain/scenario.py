"""Read an ``incident-log/1`` scenario file (DESIGN §7) into entries ready to record.

An import is all or nothing: every entry is checked here, with the same ``validate_entry``
the composer uses, before the logbook writes anything. A refusal names where in the file
the problem is ("entry 12: refs: ...", "people[3].role: ...", "incident.opened_at: ...") so
the author of the file can fix it without guessing.

People come first, as ``person`` entries, so every later entry can name them; a ``person``
entry may also appear anywhere in ``entries`` (someone learned late), and the entries after it
may name that person by key. Demands and
offers may carry an ``id`` that ``update`` entries name in ``refs``, resolved here to the seq
the demand or offer will get. Entries keep the file's order (information arrives out of
order, so times need not increase), but none may lie in the future.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from incident_log.domain.entry import NewEntry, parse_iso, parse_iso_keep_offset, utc_now
from incident_log.domain.kinds import INCIDENT_TYPES, KINDS, MAX_SEQ
from incident_log.domain.validation import (
    LOCATION_CHARS,
    TITLE_CHARS,
    CleanEntry,
    check_moment,
    check_text,
    validate_entry,
)
from incident_log.domain.zones import check_zone, infer_zone
from incident_log.errors import ImportError_, ValidationError
from incident_log.i18n import field_name, msg

FORMAT = "incident-log/1"
MAX_FILE_BYTES = 50 * 1024 * 1024
DEFAULT_AUTHOR = "import"

_ENTRY_META = ("at", "kind", "author", "text", "refs", "delay_reason")
_PERSON_KEYS = ("key", "role", "name", "aliases", "phones", "notes")


@dataclass(frozen=True, slots=True)
class Scenario:
    """An incident and its entries, checked, in the order they are to be recorded."""

    ref: str | None
    title: str
    type: str
    location: str
    opened_at: datetime  # UTC
    exercise: bool
    entries: tuple[NewEntry, ...]
    people_count: int = 0  # the first ``people_count`` entries are the people
    ids: Mapping[str, int] = field(default_factory=dict)  # the file's demand/offer id -> seq
    time_zone: str = "UTC"  # the file's own, or the zone its offsets fit (domain/zones.py)


class _Facts:
    """``IncidentFacts`` answered from the part of the file read so far."""

    def __init__(self, opened_at: datetime | None = None) -> None:
        self.keys: set[str] = set()
        self.kinds: list[str] = []  # kinds[seq - 1]
        self._opened_at = opened_at

    @property
    def opened_at(self) -> datetime | None:
        return self._opened_at

    def has_person(self, key: str) -> bool:
        return key in self.keys

    def kind_of(self, seq: int) -> str | None:
        return self.kinds[seq - 1] if 1 <= seq <= len(self.kinds) else None


def load_scenario(path: str | Path, *, now: datetime | None = None, default_zone: str = "UTC") -> Scenario:
    """Read and check a scenario file; any problem is an ``ImportError_`` naming the file."""
    return parse_scenario(read_scenario_file(path), now=now, default_zone=default_zone)


def read_scenario_file(path: str | Path) -> Any:
    """The decoded JSON of a scenario file (a BOM is allowed); any problem is an ``ImportError_``."""
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise ImportError_(
                msg(
                    "{path} is {size} MB; a scenario file may be at most {limit} MB. Check that it is the right file.",
                    path=path, size=f"{size / 1024 / 1024:.0f}", limit=MAX_FILE_BYTES // 1024 // 1024,
                )
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise ImportError_(
            msg("Cannot read {path}: {why}. Check the path and permissions.", path=path, why=exc.strerror or exc)
        ) from None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ImportError_(msg("{path} is not UTF-8 text; save it as UTF-8 JSON and import it again.", path=path)) from None
    except json.JSONDecodeError as exc:
        raise ImportError_(
            msg(
                "{path} is not valid JSON (line {line}, column {column}: {why}). Nothing was imported.",
                path=path, line=exc.lineno, column=exc.colno, why=exc.msg,
            )
        ) from None
    except (ValueError, RecursionError):  # a number too long to read, or nesting too deep
        raise ImportError_(
            msg("{path} is not a scenario this program can read (a value is too long or too deeply nested).", path=path)
        ) from None
    return data


def parse_scenario(data: Any, *, now: datetime | None = None, default_zone: str = "UTC") -> Scenario:
    """Check a decoded scenario and turn it into entries; raise on the first problem."""
    now = now or utc_now()
    if not isinstance(data, Mapping):
        raise ImportError_(msg("The file is not an incident-log/1 scenario: it must be a JSON object."))
    found = data.get("format")
    if found != FORMAT:
        shown = str(found)[:40] if found is not None else msg("nothing")
        raise ImportError_(
            msg("format: expected '{expected}', found '{found}'. This is not a scenario this version reads.",
                expected=FORMAT, found=shown)
        )
    incident = data.get("incident")
    if not isinstance(incident, Mapping):
        raise ImportError_(msg("incident: missing or not an object; it must hold at least a title and opened_at."))
    meta = _incident(incident, now=now)
    people = _list(data, "people", required=False)
    entries = _list(data, "entries", required=True)

    facts = _Facts(meta["opened_at"])
    out: list[NewEntry] = []
    author = _first_author(entries)
    for i, person in enumerate(people):
        out.append(_person(i, person, facts, author=author, opened_at=meta["opened_at"], now=now))
    ids: dict[str, int] = {}
    for i, item in enumerate(entries):
        out.append(_entry(i, item, facts, ids, now=now))
    zone = _time_zone(incident, entries, default_zone)
    return Scenario(entries=tuple(out), people_count=len(people), ids=ids, time_zone=zone, **meta)


def _time_zone(incident: Mapping[str, Any], entries: list[Any], default_zone: str) -> str:
    """The file's ``time_zone``, else the zone whose offsets fit every time the file wrote.

    Times written in UTC ("Z") say nothing about where the incident was; a file with none but
    those gets the machine's zone.
    """
    given = incident.get("time_zone")
    if given is not None:
        try:
            return check_zone(given)
        except ValueError as exc:
            raise ImportError_(_in_incident("time_zone", str(exc))) from None
    written = [incident.get("opened_at")] + [e.get("at") for e in entries if isinstance(e, Mapping)]
    samples = []
    for text in written:
        if isinstance(text, str) and not text.strip().upper().endswith("Z"):
            try:
                samples.append(parse_iso_keep_offset(text))
            except ValueError:
                continue
    zone = infer_zone(samples, prefer=default_zone)
    if zone is None:
        raise ImportError_(
            _in_incident(
                "time_zone",
                msg(
                    "no time zone has the UTC offsets this file's times were written with; "
                    'add the incident\'s zone, e.g. "time_zone": "Europe/Madrid"'
                ),
            )
        )
    return zone


# --- parts ------------------------------------------------------------------------------


def _in_incident(name: str, reason: str) -> str:
    """A refusal of the file's ``incident`` object: "incident.title: is required and is empty"."""
    return msg("{field}: {reason}", field=field_name(f"incident.{name}"), reason=reason)


def _incident(incident: Mapping[str, Any], *, now: datetime) -> dict[str, Any]:
    def text(name: str, *, limit: int, required: bool) -> str:
        try:
            return check_text(name, incident.get(name), limit=limit, required=required).strip()
        except ValidationError as exc:
            raise ImportError_(_in_incident(name, exc.reason)) from None

    title = text("title", limit=TITLE_CHARS, required=True)
    location = text("location", limit=LOCATION_CHARS, required=False)
    ref = text("ref", limit=40, required=False) or None
    kind = text("type", limit=40, required=False).lower() or "other"
    if kind not in INCIDENT_TYPES:
        raise ImportError_(
            _in_incident("type", msg("'{value}' is not one of: {allowed}", value=kind, allowed=", ".join(INCIDENT_TYPES)))
        )
    exercise = incident.get("exercise", False)
    if not isinstance(exercise, bool):
        raise ImportError_(_in_incident("exercise", msg("must be true or false")))
    opened_raw = incident.get("opened_at")
    if not isinstance(opened_raw, str) or not opened_raw.strip():
        raise ImportError_(
            _in_incident("opened_at", msg("is required, as ISO 8601 with a zone, e.g. 2026-03-14T21:05:00+01:00"))
        )
    try:
        opened_at = check_moment("opened_at", parse_iso(opened_raw), now=now)
    except ValueError:
        raise ImportError_(
            _in_incident("opened_at", msg("is not a time with a zone; use ISO 8601 such as 2026-03-14T21:05:00+01:00"))
        ) from None
    except ValidationError as exc:
        raise ImportError_(_in_incident("opened_at", exc.reason)) from None
    return {"ref": ref, "title": title, "type": kind, "location": location, "opened_at": opened_at, "exercise": exercise}


def _list(data: Mapping[str, Any], name: str, *, required: bool) -> list[Any]:
    value = data.get(name)
    if value is None and not required:
        return []
    if not isinstance(value, list):
        reason = msg("missing or not a list") if value is None else msg("not a list")
        raise ImportError_(msg("{field}: {reason}", field=field_name(name), reason=reason))
    return value


def _first_author(entries: list[Any]) -> str:
    if entries and isinstance(entries[0], Mapping):
        author = entries[0].get("author")
        if isinstance(author, str) and author.strip():
            return author.strip()
    return DEFAULT_AUTHOR


def _person(
    i: int, item: Any, facts: _Facts, *, author: str, opened_at: datetime, now: datetime
) -> NewEntry:
    where = f"people[{i}]"
    if not isinstance(item, Mapping):
        raise ValidationError(where, msg("must be an object with key, role and name"))
    unknown = sorted(set(item) - set(_PERSON_KEYS))
    if unknown:
        raise ValidationError(
            f"{where}.{unknown[0]}", msg("is not a field of a person (use: {allowed})", allowed=", ".join(_PERSON_KEYS))
        )
    draft = NewEntry(
        kind="person",
        fields={k: item[k] for k in _PERSON_KEYS if k in item},
        occurred_at=opened_at,
        author=author,
    )
    try:
        clean = validate_entry(draft, facts, now=now, late_reason_exempt=True)
    except ValidationError as exc:
        raise ValidationError(f"{where}.{exc.field}", exc.reason) from None
    key = clean.fields["key"]
    if key in facts.keys:
        raise ValidationError(f"{where}.key", msg("'{key}' is used twice; each person needs their own key", key=key))
    facts.keys.add(key)
    facts.kinds.append("person")
    return _new(clean)


def _entry(i: int, item: Any, facts: _Facts, ids: dict[str, int], *, now: datetime) -> NewEntry:
    if not isinstance(item, Mapping):
        raise ValidationError("entry", msg("must be an object with at, kind, author and text")).at_index(i)
    try:
        kind = item.get("kind")
        if not isinstance(kind, str) or kind not in KINDS:
            shown = str(kind)[:40] if kind is not None else msg("nothing")
            raise ValidationError(
                "kind", msg("'{value}' is not an entry kind; use one of: {allowed}", value=shown, allowed=", ".join(KINDS))
            )
        spec = KINDS[kind]
        at = item.get("at")
        if not isinstance(at, str) or not at.strip():
            raise ValidationError("at", msg("is required: when it happened, ISO 8601 with a zone"))
        try:
            occurred_at = parse_iso(at)
        except ValueError:
            raise ValidationError(
                "at", msg("is not a time with a zone; use ISO 8601 such as 2026-03-14T21:40:00+01:00")
            ) from None
        keep_id = spec.field("id") is not None
        fields = {k: v for k, v in item.items() if k not in _ENTRY_META and (k != "id" or keep_id)}
        draft = NewEntry(
            kind=kind,
            text=item.get("text", ""),
            fields=fields,
            occurred_at=occurred_at,
            refs=_refs(item.get("refs"), ids),
            author=item.get("author", ""),
            delay_reason=item.get("delay_reason"),
        )
        clean = validate_entry(draft, facts, now=now, late_reason_exempt=True)
        if kind == "person":
            # Someone learned late: a person entry may come anywhere, and later entries name them.
            key = clean.fields["key"]
            if key in facts.keys:
                raise ValidationError("key", msg("'{key}' is already registered; each person needs their own key", key=key))
            facts.keys.add(key)
        seq = len(facts.kinds) + 1
        external = clean.fields.get("id")
        if external is not None:
            external = external.strip()
            if external in ids:
                raise ValidationError(
                    "id", msg("'{id}' is used twice; each demand or offer needs its own id", id=external[:40])
                )
            ids[external] = seq
    except ValidationError as exc:
        name = "at" if exc.field == "occurred_at" else exc.field
        raise ValidationError(name, exc.reason).at_index(i) from None
    facts.kinds.append(kind)
    return _new(clean)


def _refs(value: Any, ids: Mapping[str, int]) -> int | None:
    """A seq given as a number stays; a demand/offer id from the file becomes its seq."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        if not 1 <= value <= MAX_SEQ:
            raise ValidationError("refs", msg("is not an entry number in this file (they start at 1, people first)"))
        return value
    if isinstance(value, str):
        found = ids.get(value.strip())
        if found is None:
            raise ValidationError(
                "refs",
                msg("no demand or offer with id '{id}' earlier in the file; give it an id first", id=value.strip()[:40]),
            )
        return found
    raise ValidationError("refs", msg("must be an entry number or the id of an earlier demand or offer"))


def _new(clean: CleanEntry) -> NewEntry:
    return NewEntry(
        kind=clean.kind,
        text=clean.text,
        fields=clean.fields,
        occurred_at=clean.occurred_at,
        refs=clean.refs,
        author=clean.author,
        delay_reason=clean.delay_reason,
    )
