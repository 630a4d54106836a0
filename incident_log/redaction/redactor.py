"""The redactor: the three stages (find, decide, apply) behind one door.

Built once per report from the incident's people register (every name and phone ever
recorded, including amended-away ones), the entry authors and the officer's recorded
decisions. ``redact`` is what ``report.content.Scrub`` calls for every value before layout
sees it; what was hidden is counted for the schedule and remembered (in memory only) for the
independent check of the finished PDF (``redaction.check``), which shares no matching code with
the finder.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from incident_log.domain.state import Person
from incident_log.redaction import apply as apply_stage
from incident_log.redaction.check import CheckTargets
from incident_log.redaction.decide import CATEGORIES, Decisions, Replacement, decide
from incident_log.redaction.find import (
    CANDIDATE,
    REGISTERED,
    REGISTERED_PHONE,
    VARIANT,
    Finder,
    Finding,
    Identity,
)
from incident_log.redaction.names import can_stand_alone, key_of, parts

if TYPE_CHECKING:
    from incident_log.redaction.review import ReviewResult


class Redactor:
    """Replaces identities in texts and counts what it replaced (never what the values were)."""

    def __init__(
        self,
        identities: Sequence[Identity],
        extra_terms: Iterable[str] = (),
        *,
        decisions: Decisions | None = None,
        attached: Mapping[str, str] | None = None,
        this_year: int | None = None,
        printed: Callable[[str], str] | None = None,
    ) -> None:
        # ``printed``: the text as the document will print it (the report's font plan: a
        # character no font has becomes a stand-in). Names and texts are read in that form, so
        # a word boundary the page shows is one for the redactor too.
        self.printed = printed or _as_typed
        if printed is not None:
            identities = [replace(i, names=tuple(_unique(tuple(printed(n) for n in i.names)))) for i in identities]
            extra_terms = [printed(t) for t in extra_terms]
            attached = {printed(v): k for v, k in (attached or {}).items()}
        self.decisions = decisions or Decisions()
        terms = [*extra_terms, *(self.printed(v) for v in self.decisions.redacted.values())]
        self.finder = Finder(
            identities, extra_terms=terms, kept=self.decisions.kept, attached=attached, this_year=this_year
        )
        self._kept = frozenset(self.finder.kept)
        self._counts: Counter[str] = Counter({category: 0 for category in CATEGORIES})
        self._hidden: dict[tuple[str, str], None] = {}  # (class, text as written) of every replacement

    # -- construction ------------------------------------------------------------------------

    @classmethod
    def from_people(
        cls,
        people: Iterable[Person],
        authors: Mapping[str, str] | None = None,
        extra_terms: Iterable[str] = (),
        *,
        decisions: Decisions | None = None,
        variants: Mapping[str, Iterable[str]] | None = None,
        this_year: int | None = None,
        printed: Callable[[str], str] | None = None,
    ) -> Redactor:
        """Build from the register, the author -> label map and the officer's decisions.

        ``authors`` maps each author to the label the report prints for them (a person's label
        when the author is a registered person, else "Loggist N"); an author already written as
        its label is nothing to hide. ``variants`` adds spellings to a person (label -> names):
        misspellings that an amendment corrected. Attach decisions name a person key.
        """
        people = list(people)
        decisions = decisions or Decisions()
        by_key = {p.key: p.label for p in people}
        extra_names: dict[str, list[str]] = {label: list(names) for label, names in (variants or {}).items()}
        identities: list[Identity] = []
        for person in people:
            names = _unique((person.name, *person.all_names, *person.aliases, *extra_names.pop(person.label, ())))
            phones = _unique((*person.phones, *person.all_phones))
            identities.append(Identity(person.label, names, phones, person.key))
        for label, more in extra_names.items():
            identities.append(Identity(label, tuple(more)))
        from incident_log.redaction.authors import person_for_author

        for author, label in (authors or {}).items():
            if not author.strip() or key_of(author) == key_of(label):
                continue
            if person_for_author(author, people) is not None:
                continue  # the same human keeps the person's label (their names are registered)
            identities.append(Identity(label, (author,)))
        attached = {value: by_key[key] for value, key in decisions.attached.items() if key in by_key}
        return cls(identities, extra_terms, decisions=decisions, attached=attached, this_year=this_year, printed=printed)

    # -- redaction ---------------------------------------------------------------------------

    def replacements(self, text: str) -> list[Replacement]:
        """The replacements for ``text``, in order, without overlaps; counts nothing."""
        found = self.finder.find(text)
        if not found:
            return []
        found = _registered_phones_win(found)
        decided = [r for r in (decide(f, self._kept) for f in found) if r is not None]
        spans = apply_stage.resolve(decided)
        spans = apply_stage.absorb_particles(text, spans, self.finder.particles_of)
        spans = apply_stage.absorb_titles(text, spans)
        return apply_stage.merge_same_person(text, spans)

    def redact(self, text: str) -> str:
        """``text`` (as it will print) with every identity replaced; counts go to :meth:`schedule`."""
        if not text:
            return text
        text = self.printed(text)
        spans = self.replacements(text)
        if not spans:
            return text
        for span in spans:
            self._counts[span.category] += 1
            self._hidden.setdefault((span.finding.cls, text[span.start : span.end]), None)
        return apply_stage.write(text, spans)

    def schedule(self) -> dict[str, int]:
        """How many replacements of each category were made so far (the report's schedule)."""
        return {category: self._counts[category] for category in CATEGORIES}

    def findings(self, text: str) -> list[Finding]:
        return self.finder.find(self.printed(text))

    def learn(self, texts: Iterable[str]) -> Redactor:
        """Read every text of the report once first (see ``Finder.learn``); returns self."""
        self.finder.learn(self.printed(t) for t in texts)
        return self

    # -- the independent check ---------------------------------------------------------------

    def check_targets(self) -> CheckTargets:
        """What the finished PDF must not contain: every registered name and phone, and every
        value this redactor replaced; and what the officer decided to keep."""
        names = [(label, name) for label, name in self.finder.registered_names]
        phones = [(label, phone) for label, phone in self._registered_phones()]
        hidden = [(cls, value) for cls, value in self._hidden if cls not in (REGISTERED, REGISTERED_PHONE)]
        return CheckTargets(names=tuple(names), phones=tuple(phones), hidden=tuple(hidden), kept=tuple(self._kept))

    def _registered_phones(self) -> list[tuple[str, str]]:
        out = []
        for nsd, owners in self.finder._phones.items():  # noqa: SLF001 - same package
            for owner in owners:
                out.append((owner, nsd))
        return out

    # -- the officer's review before printing ---------------------------------------------

    def review(self, texts: Iterable[str]) -> ReviewResult:
        """Every finding with its class, count and decision (values shown: the officer's screen)."""
        from incident_log.redaction.review import review

        return review(self, texts)

    def display_of(self, finding: Finding) -> str:
        if finding.cls == REGISTERED_PHONE:
            return self.finder.phone_display(finding.value)
        return finding.display or self.finder.form_display(finding.value)


def _registered_phones_win(found: list[Finding]) -> list[Finding]:
    """A phone number found by libphonenumber that contains a registered phone ("34 611-204-889"
    around "611-204-889") is that person's phone: one span, their replacement."""
    registered = [f for f in found if f.cls == REGISTERED_PHONE]
    if not registered:
        return found
    out = []
    for finding in found:
        if finding.cls == "phone":
            inner = next((r for r in registered if r.start < finding.end and finding.start < r.end), None)
            if inner is not None:
                out.append(
                    Finding(
                        min(inner.start, finding.start), max(inner.end, finding.end), inner.cls, inner.value,
                        inner.owners, display=inner.display,
                    )
                )
                continue
        out.append(finding)
    return out


def _as_typed(text: str) -> str:
    return text


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v and v.strip()))


def core_key(name: str) -> str:
    """A name without its titles and particles: "PC Jane Smith" and "Jane Smith" are one person."""
    return key_of("".join(p for p in parts(name) if can_stand_alone(p)))


__all__ = ["CANDIDATE", "VARIANT", "Identity", "Redactor", "core_key"]
