"""Fold the log into what it means now: people, roster, boards, statistics.

The log is the single source of truth; everything a board shows is recomputed from it by
``fold``. One pass over the entries sorts them into small per-kind lists and notes which
entries were amended; a second, short pass over only those lists applies the amendments and
builds the frozen values. Amendments therefore never need to be "replayed" in place, and an
amendment recorded hours later corrects the board exactly as if the entry had been right.

Time order vs. record order: information reaches the cell out of order, so the roster,
status histories and boards follow ``occurred_at`` (ties broken by seq), while labels and
authors follow seq (the order things were written down, which never changes).

The fold is defensive about field values: amendments' ``corrected`` mappings are not
type-checked when written, and bundles may come from older versions, so a wrong-typed or
unknown value is ignored rather than allowed to break every board of an incident.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from operator import attrgetter
from typing import Any

from incident_log.domain.entry import Entry, Incident, parse_iso
from incident_log.domain.kinds import DEMAND_STATUSES, OFFER_STATUSES, PERSON_ROLES, RISK_STATUSES
from incident_log.domain.labels import LabelAllocator
from incident_log.domain.late import DEFAULT_LATE_MARGIN, is_late
from incident_log.domain.state import (
    BoardItem,
    ContactEvent,
    Demand,
    Flag,
    IncidentState,
    Offer,
    Person,
    RoleSpell,
    Roster,
    Statistics,
    StatusChange,
)

PRIMARY = "primary negotiator"

# Kinds whose entries the second pass needs; everything else is only counted.
_COLLECTED = (
    "person",
    "rotation",
    "demand",
    "offer",
    "update",
    "hook",
    "trigger",
    "risk",
    "intel",
    "decision",
    "contact",
    "statement",
    "flag",
)


# --- effective values -------------------------------------------------------------------


def effective(entry: Entry, amendments: Sequence[Entry] = ()) -> tuple[str, Mapping[str, Any]]:
    """The entry's text and fields as corrected by its amendments (in seq order).

    Text: the latest amendment that carries a non-empty text wins (an amendment may correct
    only a field and leave the words alone). Fields: the original ones, updated by each
    amendment's ``corrected`` mapping in turn.
    """
    if not amendments:
        return entry.text, entry.fields
    text = entry.text
    fields = dict(entry.fields)
    for amendment in amendments:
        if amendment.text.strip():
            text = amendment.text
        corrected = amendment.fields.get("corrected")
        if isinstance(corrected, Mapping):
            fields.update(corrected)
    return text, fields


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _key(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    return None


def _strings(value: Any) -> tuple[str, ...]:
    """A list field as a tuple of non-empty strings (a bare string counts as one item)."""
    if isinstance(value, str):
        return (value.strip(),) if value.strip() else ()
    if isinstance(value, list | tuple):
        return tuple(item.strip() for item in value if isinstance(item, str) and item.strip())
    return ()


def _time(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value.astimezone(UTC) if value.tzinfo is not None else None
    if isinstance(value, str) and value.strip():
        try:
            return parse_iso(value)
        except ValueError:
            return None
    return None


def _choice(value: Any, choices: Sequence[str], fallback: str) -> str:
    if isinstance(value, str) and value.strip().lower() in choices:
        return value.strip().lower()
    return fallback


Effective = Callable[[Entry], tuple[str, Mapping[str, Any]]]


def _time_order(entry: Entry) -> tuple[datetime, int]:
    return entry.occurred_at, entry.seq


# The same key as _time_order, computed in C: the boards sort 50,000 entries of a long incident.
_by_time = attrgetter("occurred_at", "seq")


# --- the fold ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Collected:
    """What the single pass over the entries gathers."""

    by_kind: dict[str, list[Entry]] = field(default_factory=lambda: {k: [] for k in _COLLECTED})
    amendments: dict[int, list[Entry]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    authors: dict[str, None] = field(default_factory=dict)
    late: int = 0
    sealed: bool = False
    seal_at: datetime | None = None
    reviewed_upto: int = 0
    reviewed_at: datetime | None = None
    head_hash: str = ""
    count: int = 0


def _collect(entries: Iterable[Entry], late_margin: timedelta) -> _Collected:
    items = entries if isinstance(entries, list) else list(entries)
    seqs = [entry.seq for entry in items]
    if seqs != sorted(seqs):  # not in seq order (a list sorted already costs one linear pass)
        items = sorted(items, key=lambda e: e.seq)
    out = _Collected()
    by_kind = out.by_kind
    amendments = out.amendments
    counts = out.counts
    authors = out.authors
    late = 0
    for entry in items:
        kind = entry.kind
        counts[kind] = counts.get(kind, 0) + 1
        if entry.author not in authors:
            authors[entry.author] = None
        if is_late(entry, late_margin):
            late += 1
        bucket = by_kind.get(kind)
        if bucket is not None:
            bucket.append(entry)
        elif kind == "amendment":
            if entry.refs is not None:
                amendments.setdefault(entry.refs, []).append(entry)
        elif kind == "seal":
            out.sealed = True
            out.seal_at = entry.occurred_at
        elif kind == "reopen":
            out.sealed = False
            out.seal_at = None
        elif kind == "review":
            upto = entry.fields.get("upto")
            if isinstance(upto, int) and not isinstance(upto, bool):
                out.reviewed_upto = upto
                out.reviewed_at = entry.occurred_at
    out.late = late
    out.count = len(items)
    if items:
        out.head_hash = items[-1].hash
    return out


def fold(
    incident: Incident,
    entries: Iterable[Entry],
    *,
    as_of: datetime,
    late_margin: timedelta = DEFAULT_LATE_MARGIN,
) -> IncidentState:
    """Everything the boards, the second screen and the report show, as of ``as_of``.

    ``as_of`` is the clock for running totals (time on the phone, duration of an open
    incident); it does not filter entries — pass only the entries that should count.
    """
    c = _collect(entries, late_margin)
    amended = c.amendments

    def eff(entry: Entry) -> tuple[str, Mapping[str, Any]]:
        found = amended.get(entry.seq)
        return effective(entry, found) if found else (entry.text, entry.fields)

    limit = c.seal_at if c.sealed and c.seal_at is not None else as_of
    people = _people(c.by_kind["person"], amended)
    roster = _roster(c.by_kind["rotation"], eff, as_of=as_of, limit=limit)
    demands, offers = _boards_of_promises(c.by_kind["demand"], c.by_kind["offer"], c.by_kind["update"], eff)
    contacts = _contacts(c.by_kind["contact"], eff)
    statistics = _statistics(incident, c, contacts, demands, as_of=as_of)
    return IncidentState(
        incident=incident,
        as_of=as_of,
        people=people,
        roster=roster,
        demands=demands,
        offers=offers,
        hooks=_items(c.by_kind["hook"], eff),
        triggers=_items(c.by_kind["trigger"], eff),
        risks=_items(c.by_kind["risk"], eff),
        intelligence=_items(c.by_kind["intel"], eff),
        decisions=_items(c.by_kind["decision"], eff),
        contacts=contacts,
        flags=tuple(
            Flag(seq=e.seq, target=e.refs or 0, reason=_text(eff(e)[1].get("reason")), at=e.occurred_at, author=e.author)
            for e in c.by_kind["flag"]
        ),
        amendments={target: tuple(a.seq for a in found) for target, found in amended.items()},
        reviewed_upto=c.reviewed_upto,
        reviewed_at=c.reviewed_at,
        authors=tuple(c.authors),
        statistics=statistics,
        head_hash=c.head_hash,
        sealed=c.sealed,
        extra={"sealed_at": c.seal_at} if c.sealed else {},
        late_margin=late_margin,
    )


# --- people -----------------------------------------------------------------------------


def _people(person_entries: list[Entry], amended: dict[int, list[Entry]]) -> tuple[Person, ...]:
    """People in registration order, labelled from the role they were registered with.

    A second ``person`` entry with a key already registered is read as new information about
    the same person (it updates the current values and keeps the first label and seq).
    """
    labels = LabelAllocator()
    found: dict[str, dict[str, Any]] = {}
    for entry in person_entries:
        key = _key(entry.fields.get("key"))
        if key is None:
            continue
        label = labels.label_for(key, _choice(entry.fields.get("role"), PERSON_ROLES, "other"))
        record = found.get(key)
        if record is None:
            record = found[key] = {"seq": entry.seq, "label": label, "names": {}, "phones": {}, "role": "other"}
        # Every version of the person's details, original first, then each correction.
        versions: list[Mapping[str, Any]] = [entry.fields]
        versions += [a.fields["corrected"] for a in amended.get(entry.seq, ()) if isinstance(a.fields.get("corrected"), Mapping)]
        for version in versions:
            if "name" in version and _text(version["name"]).strip():
                record["name"] = version["name"].strip()
                record["names"][record["name"]] = None
            if "aliases" in version:
                record["aliases"] = _strings(version["aliases"])
                record["names"].update(dict.fromkeys(record["aliases"]))
            if "phones" in version:
                record["phones_now"] = _strings(version["phones"])
                record["phones"].update(dict.fromkeys(record["phones_now"]))
            if "role" in version:
                record["role"] = _choice(version["role"], PERSON_ROLES, record["role"])
            if "notes" in version:
                record["notes"] = _text(version["notes"])
    return tuple(
        Person(
            key=key,
            role=r["role"],
            name=r.get("name", ""),
            label=r["label"],
            aliases=r.get("aliases", ()),
            phones=r.get("phones_now", ()),
            notes=r.get("notes", ""),
            seq=r["seq"],
            all_names=tuple(r["names"]),
            all_phones=tuple(r["phones"]),
        )
        for key, r in found.items()
    )


# --- roster -----------------------------------------------------------------------------


def _roster(rotations: list[Entry], eff: Effective, *, as_of: datetime, limit: datetime) -> Roster:
    """Who held which role when. A person holds one role at a time and a role one person.

    A new rotation into a role ends the previous holder's spell there, and ends whatever
    other role the incoming person held (the number two who becomes number one is no longer
    coach). Rotating someone into the role they already hold changes nothing.
    """
    spells: list[list[Any]] = []  # [role, person, start, end, seq]
    by_role: dict[str, int] = {}
    by_person: dict[str, int] = {}
    for entry in sorted(rotations, key=_by_time):
        _, fields = eff(entry)
        role, person = _key(fields.get("role")), _key(fields.get("person"))
        if role is None or person is None:
            continue
        at = entry.occurred_at
        held = by_role.get(role)
        if held is not None and spells[held][1] == person:
            continue
        if held is not None:
            spells[held][3] = at
            by_person.pop(spells[held][1], None)
        own = by_person.get(person)
        if own is not None:
            spells[own][3] = at
            by_role.pop(spells[own][0], None)
        spells.append([role, person, at, None, entry.seq])
        by_role[role] = by_person[person] = len(spells) - 1

    phone_seconds: dict[str, float] = {}
    for role, person, start, end, _seq in spells:
        if role != PRIMARY:
            continue
        stop = limit if end is None or end > limit else end
        phone_seconds[person] = phone_seconds.get(person, 0.0) + max(0.0, (stop - start).total_seconds())
    primary = by_role.get(PRIMARY)
    return Roster(
        current={role: spells[i][1] for role, i in by_role.items()},
        spells=tuple(RoleSpell(role=r, person=p, start=s, end=e, seq=q) for r, p, s, e, q in spells),
        phone_seconds=phone_seconds,
        on_phone=spells[primary][1] if primary is not None else None,
        on_phone_since=spells[primary][2] if primary is not None else None,
        as_of=as_of,
    )


# --- demands and offers -----------------------------------------------------------------


def _boards_of_promises(
    demand_entries: list[Entry], offer_entries: list[Entry], updates: list[Entry], eff: Effective
) -> tuple[tuple[Demand, ...], tuple[Offer, ...]]:
    """Demands and offers with their latest status, deadline and history of updates.

    Updates apply in the order they happened, so a late-recorded "refused" that happened
    before a "met" does not overwrite it.
    """
    demands: dict[int, dict[str, Any]] = {}
    for entry in sorted(demand_entries, key=_by_time):
        text, fields = eff(entry)
        deadline = _time(fields.get("deadline"))
        demands[entry.seq] = {
            "seq": entry.seq, "at": entry.occurred_at, "by": _key(fields.get("by")) or "", "text": text,
            "status": "open", "deadline": deadline, "settings": 1 if deadline else 0, "history": [],
            "external_id": _text(fields.get("id")),
        }
    offers: dict[int, dict[str, Any]] = {}
    for entry in sorted(offer_entries, key=_by_time):
        text, fields = eff(entry)
        offers[entry.seq] = {
            "seq": entry.seq, "at": entry.occurred_at, "by": _key(fields.get("by")) or "",
            "to": _key(fields.get("to")), "text": text, "conditions": _text(fields.get("conditions")),
            "status": "made", "history": [], "external_id": _text(fields.get("id")),
        }
    for entry in sorted(updates, key=_by_time):
        if entry.refs is None:
            continue
        statuses: tuple[str, ...] = DEMAND_STATUSES
        target = demands.get(entry.refs)
        if target is None:
            target, statuses = offers.get(entry.refs), OFFER_STATUSES
        if target is None:
            continue
        text, fields = eff(entry)
        status = _choice(fields.get("status"), statuses, "")
        if status:
            target["status"] = status
            target["history"].append(StatusChange(seq=entry.seq, at=entry.occurred_at, status=status, text=text))
        if statuses is DEMAND_STATUSES and "deadline" in fields:
            deadline = _time(fields.get("deadline"))
            if deadline is not None:
                target["deadline"] = deadline
                target["settings"] += 1
    return (
        tuple(
            Demand(
                seq=d["seq"], at=d["at"], by=d["by"], text=d["text"], status=d["status"], deadline=d["deadline"],
                deadline_restated=max(0, d["settings"] - 1), history=tuple(d["history"]),
                external_id=d["external_id"],
            )
            for d in demands.values()
        ),
        tuple(
            Offer(
                seq=o["seq"], at=o["at"], by=o["by"], to=o["to"], text=o["text"], conditions=o["conditions"],
                status=o["status"], history=tuple(o["history"]), external_id=o["external_id"],
            )
            for o in offers.values()
        ),
    )


# --- boards -----------------------------------------------------------------------------


def _items(entries: list[Entry], eff: Effective) -> tuple[BoardItem, ...]:
    """Hooks, triggers, risks, intelligence or decisions in time order, corrections applied.

    The field helpers (_key, _text, _choice) are written out in the loop: this builds tens of
    thousands of items for a long incident, and the calls were a third of its time. Each line does
    exactly what its helper does (tests/test_fast_load.py compares it with the helpers' version).
    """
    out: list[BoardItem] = []
    append = out.append
    make = _board_item
    for entry in sorted(entries, key=_by_time):
        text, f = eff(entry)
        get = f.get
        kind = entry.kind
        about, source, grading, category = get("about"), get("source"), get("grading"), get("category")
        decided_by, rationale = get("decided_by"), get("rationale")
        status = get("status") if kind == "risk" else None
        append(
            make(
                entry.seq,
                entry.occurred_at,
                kind,
                text,
                (about.strip() or None) if isinstance(about, str) else None,
                source if isinstance(source, str) else "",
                grading if isinstance(grading, str) else "",
                category if isinstance(category, str) else "",
                status.strip().lower() if isinstance(status, str) and status.strip().lower() in RISK_STATUSES else "",
                (decided_by.strip() or None) if isinstance(decided_by, str) else None,
                rationale if isinstance(rationale, str) else "",
            )
        )
    return tuple(out)


_BOARD_ITEM_SLOTS = (
    "seq", "at", "kind", "text", "about", "source", "grading", "category", "status", "decided_by", "rationale"
)
if BoardItem.__slots__ != _BOARD_ITEM_SLOTS:  # a field added to BoardItem must be set below too
    raise RuntimeError("_board_item does not set every field of BoardItem")
_new_object = object.__new__
_set_item = [getattr(BoardItem, name).__set__ for name in _BOARD_ITEM_SLOTS]
(_set_seq, _set_at, _set_kind, _set_text, _set_about, _set_source, _set_grading, _set_category, _set_status,
 _set_decided_by, _set_rationale) = _set_item


def _board_item(
    seq: int, at: datetime, kind: str, text: str, about: str | None, source: str, grading: str, category: str,
    status: str, decided_by: str | None, rationale: str,
) -> BoardItem:
    """``BoardItem(...)`` with every field given, without the frozen dataclass's per-name setattr.

    The boards of a long incident build tens of thousands of items; this sets the slots through
    their descriptors (the same values: tests/test_fast_load.py compares the two).
    """
    item: BoardItem = _new_object(BoardItem)
    _set_seq(item, seq)
    _set_at(item, at)
    _set_kind(item, kind)
    _set_text(item, text)
    _set_about(item, about)
    _set_source(item, source)
    _set_grading(item, grading)
    _set_category(item, category)
    _set_status(item, status)
    _set_decided_by(item, decided_by)
    _set_rationale(item, rationale)
    return item


def _contacts(entries: list[Entry], eff: Effective) -> tuple[ContactEvent, ...]:
    out = []
    for entry in sorted(entries, key=_by_time):
        _, f = eff(entry)
        out.append(
            ContactEvent(
                seq=entry.seq,
                at=entry.occurred_at,
                channel=_text(f.get("channel")),
                event=_text(f.get("event")),
                with_person=_key(f.get("with")),
            )
        )
    return tuple(out)


# --- statistics -------------------------------------------------------------------------


def _statistics(
    incident: Incident,
    c: _Collected,
    contacts: tuple[ContactEvent, ...],
    demands: tuple[Demand, ...],
    *,
    as_of: datetime,
) -> Statistics:
    started = incident.opened_at
    ended = c.seal_at if c.sealed else None
    first_contact = next((ev.at for ev in contacts if ev.event == "start"), None)
    if first_contact is None and c.by_kind["statement"]:
        first_contact = min(e.occurred_at for e in c.by_kind["statement"])
    statuses: dict[str, int] = {}
    for demand in demands:
        statuses[demand.status] = statuses.get(demand.status, 0) + 1
    return Statistics(
        entry_count=c.count,
        counts_by_kind=dict(c.counts),
        started_at=started,
        ended_at=ended,
        duration_seconds=max(0.0, ((ended or as_of) - started).total_seconds()),
        first_contact_at=first_contact,
        time_to_first_contact_seconds=(first_contact - started).total_seconds() if first_contact else None,
        last_contact_at=contacts[-1].at if contacts else None,
        rotations=c.counts.get("rotation", 0),
        demands_met=statuses.get("met", 0),
        demands_partly_met=statuses.get("partly met", 0),
        demands_refused=statuses.get("refused", 0),
        demands_open=statuses.get("open", 0),
        late_entries=c.late,
    )
