"""Stage 2 of redaction, **decide**: what each finding becomes in the copy.

Every finding has a safe default: a registered person's name becomes their label, a detection
a tag ([PHONE], [ID], [ADDRESS], [DOB] ...), an unknown capitalised word [NAME]. The debrief
officer can change any of them, and each change is an entry in the log (kind ``redaction``:
who, when, what), so the next report reuses it and the debrief can see who decided what:

- ``keep``: the word is printed as written (a place, a pub, a word that is not a name);
- ``redact``: one more word or number is hidden ([REDACTED]);
- ``attach``: a spelling belongs to a registered person and gets that person's label;
- ``default``: the earlier decisions about the value no longer apply.

The latest decision about a value wins (values are compared folded: "Gil" = "GIL" = "gil").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from incident_log.redaction import detectors
from incident_log.redaction.find import CANDIDATE, REGISTERED, REGISTERED_PHONE, TERM, VARIANT, Finding
from incident_log.redaction.names import key_of

KEEP = "keep"
REDACT = "redact"
ATTACH = "attach"
DEFAULT = "default"  # withdraws the earlier decisions about a value
ACTIONS = (KEEP, REDACT, ATTACH, DEFAULT)

AMBIGUOUS_NAME = "[NAME]"
TERM_TAG = "[REDACTED]"
TAGS: dict[str, str] = {
    detectors.PHONE: "[PHONE]",
    detectors.ID: "[ID]",
    detectors.PLATE: "[PLATE]",
    detectors.EMAIL: "[EMAIL]",
    detectors.HANDLE: "[HANDLE]",
    detectors.LINK: "[LINK]",
    detectors.ADDRESS: "[ADDRESS]",
    detectors.POSTCODE: "[POSTCODE]",
    detectors.DOB: "[DOB]",
    CANDIDATE: AMBIGUOUS_NAME,
    TERM: TERM_TAG,
}
# The schedule's categories (counts only, never values), in the order the report prints them.
CATEGORY_OF: dict[str, str] = {
    REGISTERED: "names",
    VARIANT: "names",
    CANDIDATE: "unregistered names",
    REGISTERED_PHONE: "phones",
    detectors.PHONE: "phones",
    detectors.EMAIL: "emails",
    detectors.HANDLE: "handles and links",
    detectors.LINK: "handles and links",
    detectors.PLATE: "plates",
    detectors.ID: "identity numbers",
    detectors.ADDRESS: "addresses and postcodes",
    detectors.POSTCODE: "addresses and postcodes",
    detectors.DOB: "dates of birth",
    TERM: "terms",
}
CATEGORIES = (
    "names",
    "unregistered names",
    "phones",
    "emails",
    "handles and links",
    "plates",
    "identity numbers",
    "addresses and postcodes",
    "dates of birth",
    "terms",
)


@dataclass(frozen=True, slots=True)
class Decision:
    """One recorded decision of the officer (from a ``redaction`` entry of the log)."""

    action: str
    value: str
    person: str = ""  # person key, for ``attach``
    seq: int = 0  # the log entry that recorded it
    author: str = ""
    at: datetime | None = None
    reason: str = ""


@dataclass
class Decisions:
    """The decisions in force: the latest about each value."""

    kept: set[str] = field(default_factory=set)  # folded values printed as written
    redacted: dict[str, str] = field(default_factory=dict)  # folded value -> value as typed
    attached: dict[str, str] = field(default_factory=dict)  # value as typed -> person key
    history: list[Decision] = field(default_factory=list)

    @classmethod
    def of(cls, decisions: Iterable[Decision]) -> Decisions:
        latest: dict[str, Decision] = {}
        history = []
        for decision in decisions:
            key = key_of(decision.value)
            if not key or decision.action not in ACTIONS:
                continue
            latest[key] = decision
            history.append(decision)
        out = cls(history=history)
        for key, decision in latest.items():
            if decision.action == KEEP:
                out.kept.add(key)
            elif decision.action == REDACT:
                out.redacted[key] = decision.value
            elif decision.action == ATTACH and decision.person:
                out.attached[decision.value] = decision.person
        return out

    def decided(self, value: str) -> Decision | None:
        key = key_of(value)
        for decision in reversed(self.history):
            if key_of(decision.value) == key:
                return decision
        return None


@dataclass(frozen=True, slots=True)
class Replacement:
    start: int
    end: int
    text: str  # the label or tag
    category: str
    finding: Finding
    person_label: str = ""  # set when the replacement is one person's label


def default_replacement(finding: Finding) -> tuple[str, str]:
    """(replacement, label of the one person it names or "") for a finding, before decisions."""
    if finding.cls in (REGISTERED, VARIANT):
        if len(finding.owners) == 1:
            label = next(iter(finding.owners))
            return label, label
        return AMBIGUOUS_NAME, ""
    if finding.cls == REGISTERED_PHONE:
        if len(finding.owners) == 1:
            return f"[phone of {next(iter(finding.owners))}]", ""
        return TAGS[detectors.PHONE], ""
    return TAGS.get(finding.cls, TERM_TAG), ""


def decide(finding: Finding, kept: Iterable[str] | frozenset[str]) -> Replacement | None:
    """The replacement for one finding, or None when the officer decided to keep it."""
    if finding.value in kept:
        return None
    text, label = default_replacement(finding)
    return Replacement(finding.start, finding.end, text, CATEGORY_OF.get(finding.cls, "terms"), finding, label)


def decisions_from_entries(entries: Iterable[object]) -> Decisions:
    """The decisions recorded in the log (``redaction`` entries, in seq order)."""
    found = []
    for entry in entries:
        if getattr(entry, "kind", "") != "redaction":
            continue
        fields = getattr(entry, "fields", {})
        found.append(
            Decision(
                action=str(fields.get("action", "")),
                value=str(fields.get("value", "")),
                person=str(fields.get("person", "") or ""),
                seq=int(getattr(entry, "seq", 0)),
                author=str(getattr(entry, "author", "")),
                at=getattr(entry, "recorded_at", None),
                reason=str(fields.get("reason", "") or ""),
            )
        )
    return Decisions.of(found)
