"""What the log means at a moment: the projections folded from its entries.

These frozen values are what the boards, the second screen and the debrief report show.
``incident_log.domain.projections.fold`` builds an ``IncidentState`` from the entries; the
log stays the single source of truth and nothing here is stored.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from incident_log.domain.entry import Incident
from incident_log.domain.late import DEFAULT_LATE_MARGIN


@dataclass(frozen=True, slots=True)
class Person:
    key: str
    role: str  # one of kinds.PERSON_ROLES
    name: str  # the current name (after amendments)
    label: str  # stable: "Subject A", "Hostage 1", "Negotiator 2"; never changes once given
    aliases: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    notes: str = ""
    seq: int = 0  # the entry that registered them
    # Every name, alias and phone this person has ever had in the log, including ones amended
    # away: the redactor must hide all of them.
    all_names: tuple[str, ...] = ()
    all_phones: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RoleSpell:
    """One person holding one rotation role from ``start`` until ``end`` (None: still holds it)."""

    role: str
    person: str  # person key
    start: datetime
    end: datetime | None
    seq: int


@dataclass(frozen=True, slots=True)
class Roster:
    current: dict[str, str]  # rotation role -> person key holding it now
    spells: tuple[RoleSpell, ...]  # every spell, in time order (the report's rotation chart)
    phone_seconds: dict[str, float]  # person key -> total seconds as primary negotiator up to ``as_of``
    on_phone: str | None  # person key of the current primary negotiator
    on_phone_since: datetime | None
    as_of: datetime


@dataclass(frozen=True, slots=True)
class StatusChange:
    seq: int
    at: datetime
    status: str
    text: str


@dataclass(frozen=True, slots=True)
class Demand:
    seq: int
    at: datetime
    by: str  # person key
    text: str
    status: str  # the latest: open, met, partly met, refused, withdrawn, expired
    deadline: datetime | None  # the latest deadline
    deadline_restated: int  # how many times a deadline was set again after the first
    history: tuple[StatusChange, ...]
    external_id: str = ""  # the import file's id, if any

    @property
    def is_open(self) -> bool:
        return self.status in ("open", "partly met")


@dataclass(frozen=True, slots=True)
class Offer:
    seq: int
    at: datetime
    by: str
    to: str | None
    text: str
    conditions: str
    status: str  # made, accepted, rejected, withdrawn, delivered
    history: tuple[StatusChange, ...]
    external_id: str = ""

    @property
    def owed(self) -> bool:
        """A promise accepted by the subject and not yet delivered: the cell owes it."""
        return self.status == "accepted"


@dataclass(frozen=True, slots=True)
class BoardItem:
    """A hook, trigger, risk, intelligence item or decision, as shown on its board."""

    seq: int
    at: datetime
    kind: str
    text: str
    about: str | None = None  # person key
    source: str = ""
    grading: str = ""  # intel
    category: str = ""  # risk
    status: str = ""  # risk: reported, rumoured, confirmed, cleared (latest)
    decided_by: str | None = None  # decision
    rationale: str = ""  # decision


@dataclass(frozen=True, slots=True)
class ContactEvent:
    seq: int
    at: datetime
    channel: str
    event: str  # attempt, start, end, lost
    with_person: str | None


@dataclass(frozen=True, slots=True)
class Flag:
    seq: int  # the flag entry
    target: int  # the flagged entry
    reason: str
    at: datetime
    author: str


@dataclass(frozen=True, slots=True)
class Statistics:
    entry_count: int
    counts_by_kind: dict[str, int]
    started_at: datetime | None  # the incident's opened_at
    ended_at: datetime | None  # the seal, if sealed
    duration_seconds: float  # to ended_at, or to ``as_of`` while open
    first_contact_at: datetime | None  # first contact entry with event "start"
    time_to_first_contact_seconds: float | None
    last_contact_at: datetime | None  # last contact entry of any event
    rotations: int
    demands_met: int
    demands_partly_met: int
    demands_refused: int
    demands_open: int
    late_entries: int  # recorded more than the late margin after they happened


@dataclass(frozen=True, slots=True)
class IncidentState:
    incident: Incident
    as_of: datetime
    people: tuple[Person, ...]  # in registration order
    roster: Roster
    demands: tuple[Demand, ...]
    offers: tuple[Offer, ...]
    hooks: tuple[BoardItem, ...]
    triggers: tuple[BoardItem, ...]
    risks: tuple[BoardItem, ...]
    intelligence: tuple[BoardItem, ...]
    decisions: tuple[BoardItem, ...]
    contacts: tuple[ContactEvent, ...]
    flags: tuple[Flag, ...]
    amendments: dict[int, tuple[int, ...]]  # amended seq -> the seqs of its amendments, in order
    reviewed_upto: int  # latest review entry's ``upto`` (0: never reviewed)
    reviewed_at: datetime | None
    authors: tuple[str, ...]  # every distinct author, in order of first entry (redaction labels them)
    statistics: Statistics
    head_hash: str
    sealed: bool
    extra: dict[str, object] = field(default_factory=dict)
    late_margin: timedelta = DEFAULT_LATE_MARGIN  # the vault's margin the fold used (domain.late)

    def person(self, key: str | None) -> Person | None:
        if key is None:
            return None
        for person in self.people:
            if person.key == key:
                return person
        return None
