"""The entry kinds of the log and the fields each one carries.

This table is the single description of what an entry may hold: validation, the import
format, the composer's inline fields and the report all read it.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class FieldType(Enum):
    TEXT = "text"  # a short line of free text
    PERSON = "person"  # a key of a person registered in the same incident
    CHOICE = "choice"  # one of ``choices``
    DATETIME = "datetime"  # ISO 8601 with a zone; stored as UTC
    LIST = "list"  # a list of short strings (aliases, phones)
    INT = "int"
    MAPPING = "mapping"  # an amendment's corrected fields
    BOOL = "bool"  # true or false (the incident's exercise flag)


@dataclass(frozen=True, slots=True)
class FieldSpec:
    name: str
    type: FieldType
    required: bool = False
    choices: tuple[str, ...] = ()
    label: str = ""
    limit: int = 0  # the most characters a text value may have (0: MAX_FIELD_CHARS)

    @property
    def title(self) -> str:
        return self.label or self.name.replace("_", " ").capitalize()


@dataclass(frozen=True, slots=True)
class KindSpec:
    name: str
    title: str
    fields: tuple[FieldSpec, ...] = ()
    needs_ref: bool = False  # the entry names another entry (by seq) in ``refs``
    ref_kinds: tuple[str, ...] = ()  # kinds the ref may point at; empty means any
    text_required: bool = True
    system: bool = False  # written by the program (seal, review), not chosen in the composer

    def field(self, name: str) -> FieldSpec | None:
        for spec in self.fields:
            if spec.name == name:
                return spec
        return None


INCIDENT_TYPES = ("hostage", "barricade", "suicide intervention", "kidnap", "crisis", "other")
PERSON_ROLES = ("subject", "hostage", "negotiator", "family", "witness", "intermediary", "commander", "other")
ROTATION_ROLES = (
    "primary negotiator",
    "secondary/coach",
    "team leader",
    "loggist",
    "intelligence",
    "adviser",
)
CHANNELS = ("phone", "face to face", "throw phone", "text", "sign language", "intermediary")
CONTACT_EVENTS = ("attempt", "start", "end", "lost")
DEMAND_STATUSES = ("open", "met", "partly met", "refused", "withdrawn", "expired")
OFFER_STATUSES = ("made", "accepted", "rejected", "withdrawn", "delivered")
RISK_CATEGORIES = ("weapon", "self-harm", "medical", "other")
# keep a word as written, redact one more, attach a spelling to a person, or back to the default
REDACTION_ACTIONS = ("keep", "redact", "attach", "default")
RISK_STATUSES = ("reported", "rumoured", "confirmed", "cleared")

# Fields that hold a person key: the import format, validation and redaction all use this.
PERSON_FIELDS = ("by", "to", "speaker", "person", "with", "decided_by", "about")

_F = FieldSpec
_T = FieldType

KINDS: dict[str, KindSpec] = {
    spec.name: spec
    for spec in (
        KindSpec(
            "intel",
            "Intelligence",
            (
                _F("source", _T.TEXT, required=True),
                _F("grading", _T.TEXT, label="Grading (e.g. B2)"),
            ),
        ),
        KindSpec(
            "rotation",
            "Rotation",
            (
                _F("role", _T.CHOICE, required=True, choices=ROTATION_ROLES),
                _F("person", _T.PERSON, required=True),
            ),
            text_required=False,
        ),
        KindSpec(
            "demand",
            "Demand",
            (
                _F("by", _T.PERSON, required=True),
                _F("deadline", _T.DATETIME),
                _F("id", _T.TEXT, label="Import id"),
            ),
        ),
        KindSpec(
            "offer",
            "Offer",
            (
                _F("by", _T.PERSON, required=True),
                _F("to", _T.PERSON),
                _F("conditions", _T.TEXT),
                _F("id", _T.TEXT, label="Import id"),
            ),
        ),
        KindSpec(
            "update",
            "Status update",
            (
                _F("status", _T.CHOICE, required=True, choices=DEMAND_STATUSES + OFFER_STATUSES),
                _F("deadline", _T.DATETIME, label="New deadline"),
            ),
            needs_ref=True,
            ref_kinds=("demand", "offer"),
            text_required=False,
        ),
        KindSpec(
            "statement",
            "Statement",
            (
                _F("speaker", _T.PERSON, required=True),
                _F("channel", _T.CHOICE, choices=CHANNELS),
            ),
        ),
        KindSpec(
            "contact",
            "Contact",
            (
                _F("channel", _T.CHOICE, required=True, choices=CHANNELS),
                _F("event", _T.CHOICE, required=True, choices=CONTACT_EVENTS),
                _F("with", _T.PERSON),
            ),
            text_required=False,
        ),
        KindSpec(
            "decision",
            "Decision",
            (
                _F("decided_by", _T.PERSON),
                _F("rationale", _T.TEXT, required=True),
            ),
        ),
        KindSpec(
            "person",
            "Person",
            (
                _F("key", _T.TEXT, required=True),
                _F("role", _T.CHOICE, required=True, choices=PERSON_ROLES),
                _F("name", _T.TEXT, required=True, limit=200),
                _F("aliases", _T.LIST),
                _F("phones", _T.LIST),
                _F("notes", _T.TEXT),
            ),
            text_required=False,
        ),
        KindSpec("hook", "Hook", (_F("about", _T.PERSON), _F("source", _T.TEXT))),
        KindSpec("trigger", "Trigger", (_F("about", _T.PERSON), _F("source", _T.TEXT))),
        KindSpec(
            "risk",
            "Risk",
            (
                _F("category", _T.CHOICE, required=True, choices=RISK_CATEGORIES),
                _F("status", _T.CHOICE, required=True, choices=RISK_STATUSES),
                _F("about", _T.PERSON),
                _F("source", _T.TEXT),
            ),
        ),
        KindSpec("note", "Note"),
        KindSpec(
            "amendment",
            "Amendment",
            (
                _F("reason", _T.TEXT, required=True),
                _F("corrected", _T.MAPPING, label="Corrected fields"),
            ),
            needs_ref=True,
            text_required=False,
        ),
        KindSpec("flag", "Flag for debrief", (_F("reason", _T.TEXT, required=True),), needs_ref=True, text_required=False),
        KindSpec("review", "Reviewed", (_F("upto", _T.INT, required=True),), text_required=False, system=True),
        KindSpec("seal", "Sealed", (_F("head", _T.TEXT, required=True), _F("count", _T.INT, required=True)), text_required=False, system=True),
        KindSpec("reopen", "Reopened", (_F("reason", _T.TEXT, required=True),), text_required=False, system=True),
        # The incident's details, on the chain: entry #0 of every incident opened since 0.2, and a
        # ``details`` entry for each later change (domain/chain.py says what verify checks).
        KindSpec(
            "opening",
            "Incident opened",
            (
                _F("ref", _T.TEXT, required=True, limit=40),
                _F("title", _T.TEXT, required=True, limit=200),
                _F("type", _T.CHOICE, required=True, choices=INCIDENT_TYPES),
                _F("location", _T.TEXT, limit=300),
                _F("opened_at", _T.DATETIME, required=True),
                _F("exercise", _T.BOOL, required=True),
                _F("time_zone", _T.TEXT, required=True, limit=64),
                _F("ledger_head", _T.TEXT, required=True, limit=64),
            ),
            text_required=False,
            system=True,
        ),
        KindSpec(
            "details",
            "Incident details changed",
            (
                _F("title", _T.TEXT, limit=200),
                _F("type", _T.CHOICE, choices=INCIDENT_TYPES),
                _F("location", _T.TEXT, limit=300),
                _F("opened_at", _T.DATETIME),
                _F("exercise", _T.BOOL),
                _F("time_zone", _T.TEXT, limit=64),
                _F("reason", _T.TEXT, required=True),
            ),
            text_required=False,
            system=True,
        ),
        # The debrief officer's redaction decisions (issue 8): keep a word, redact one more, or
        # attach a spelling to a registered person. Every report reuses them.
        KindSpec(
            "redaction",
            "Redaction decision",
            (
                _F("action", _T.CHOICE, required=True, choices=REDACTION_ACTIONS),
                _F("value", _T.TEXT, required=True),
                _F("person", _T.PERSON),
                _F("reason", _T.TEXT),
            ),
            text_required=False,
            system=True,
        ),
        KindSpec(
            "audit",
            "Audit",
            (_F("action", _T.TEXT, required=True), _F("reason", _T.TEXT)),
            text_required=False,
            system=True,
        ),
        # Desktop client (issue 10): an alarm acknowledged with a keystroke (its text says which,
        # ``alarm`` carries the alarm's id), and the assessment part of a situation summary
        # (``through``: the last entry the summary covered).
        KindSpec("alarm", "Alarm acknowledged", (_F("alarm", _T.TEXT, required=True, label="Alarm id"),),
                 text_required=False),
        KindSpec("assessment", "Situation assessment", (_F("through", _T.INT, label="Summary through entry"),)),
    )
}

# What may still be recorded on a sealed incident: the debrief's annotations about the record
# (flags, reviews, an audit of who printed an unredacted copy), never new facts.
AFTER_SEAL_KINDS = frozenset({"flag", "review", "audit", "redaction"})

# Kinds the loggist picks in the composer, in the order of their shortcuts (Alt+1 … ).
COMPOSER_KINDS = (
    "note",
    "intel",
    "statement",
    "demand",
    "offer",
    "update",
    "contact",
    "rotation",
    "decision",
    "person",
    "hook",
    "trigger",
    "risk",
)

# Fields of the incident itself, as the opening and details entries carry them.
INCIDENT_DETAIL_FIELDS = ("title", "type", "location", "opened_at", "exercise", "time_zone")

MAX_TEXT_CHARS = 50_000  # about 25 pages of typing: a verbatim transcript fits, a runaway paste does not
MAX_FIELD_CHARS = 2_000
MAX_LIST_ITEMS = 50
MAX_SEQ = 10_000_000  # no incident has more entries: a bigger number is a typo, never a seq


def kind_spec(kind: str) -> KindSpec | None:
    return KINDS.get(kind)
