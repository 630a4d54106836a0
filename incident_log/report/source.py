"""Gathering a report's inputs from an open logbook: shared by the command line and the GUI.

Typed against ``facade.Book`` (the vault's ``Logbook`` and cell mode's ``CellBook`` both meet it),
a ``Protocol``, so this package never imports the store, the logbook or the cell; the report
itself stays a pure function of values.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from incident_log.domain.entry import Entry
from incident_log.domain.state import IncidentState
from incident_log.report.options import VerifySummary

if TYPE_CHECKING:
    from incident_log.facade import Book


@dataclass(frozen=True, slots=True)
class ReportInputs:
    state: IncidentState
    entries: Sequence[Entry]
    verification: VerifySummary
    # Cell mode: entries recorded on this workstation still waiting in its queue. Not printed
    # (they have no place on the shared log yet), but the redactor learns from them: a person
    # registered, or a redaction decided, while the server was unreachable is hidden all the same.
    waiting: Sequence[Entry] = field(default_factory=tuple)

    def redaction_state(self) -> IncidentState:
        """The state the redactor reads: the printed entries' state, with the waiting ones folded in."""
        if not self.waiting:
            return self.state
        from incident_log.domain.projections import fold

        return fold(self.state.incident, [*self.entries, *self.waiting], as_of=self.state.as_of)

    def redaction_entries(self) -> list[Entry]:
        return [*self.entries, *self.waiting]


def report_authors(state: IncidentState, entries: Iterable[Entry]) -> dict[str, str]:
    """author -> the label the redacted copy prints (a person's label, or "Loggist N")."""
    from incident_log.redaction.authors import author_labels

    return author_labels([*state.authors, *(e.author for e in entries)], state.people)


def make_redactor(
    state: IncidentState, entries: Iterable[Entry] = (), extra_terms: Iterable[str] = ()
) -> Any:
    """The incident's redactor: every person (all names ever recorded), every author, the
    misspellings amendments corrected, and the officer's recorded decisions.

    Authors get the same label as in the author column, so an author's name found inside a
    text reads the same ("Loggist 2", or "Negotiator 1" for a negotiator who also logs).
    """
    from incident_log.redaction import Redactor
    from incident_log.redaction.amendments import amendment_variants
    from incident_log.redaction.decide import decisions_from_entries
    from incident_log.report.fonts import FontPlan

    entries = list(entries)
    authors = report_authors(state, entries)
    redactor = Redactor.from_people(
        state.people,
        authors=authors,
        extra_terms=tuple(extra_terms),
        decisions=decisions_from_entries(entries),
        variants=amendment_variants(state.people, entries),
        this_year=state.incident.opened_at.year,
        # The text as the report prints it: a character no font has ends the word on the page,
        # so it must for the redactor too. The report is laid out with this same plan.
        printed=FontPlan.create().printed_text,
    )
    # Every text the report will print, read once first: a name hidden in one entry is then
    # hidden in all of them, and the report's own pass reuses what this one found.
    return redactor.learn([*review_texts(state, entries), *authors])


def gather(logbook: Book, ref: str, *, verify: bool = True) -> ReportInputs:
    """State, entries and a fresh verification of ``ref`` (the integrity page prints all three).

    ``verify=False`` skips the full verification (for the review, which prints nothing): the
    summary then says the chain was not checked. In cell mode with the server unreachable the
    verification is of this workstation's copy, and the summary says the shared head was not checked.
    """
    entries = list(logbook.all_entries(ref))
    waiting = logbook.waiting_entries(ref)
    # Running totals (phone time, duration) of an open incident end at its last entry: a report
    # printed a week later must not say the negotiator was on the phone all week.
    as_of = max((e.occurred_at for e in entries), default=None)
    state = logbook.state(ref, as_of=as_of)
    if not verify:
        count, head = logbook.head(ref)
        return ReportInputs(state, entries, VerifySummary(False, count, head, ("not checked",)), waiting)
    result = logbook.verify(ref)
    count, head = logbook.head(ref)
    verification = VerifySummary(
        ok=bool(result.ok), count=count, head_hash=head, problems=tuple(result.problems),
        shared_unchecked=bool(result.unchecked), waiting=len(waiting),
    )
    return ReportInputs(state=state, entries=entries, verification=verification, waiting=waiting)


def review_texts(state: IncidentState, entries: Iterable[Entry]) -> list[str]:
    """Every text that reaches a report, for the officer's redaction review."""
    from incident_log.domain.kinds import KINDS, PERSON_FIELDS, FieldType

    texts = [state.incident.title, state.incident.location]
    for entry in entries:
        texts.append(entry.text)
        spec = KINDS.get(entry.kind)
        for name, value in entry.fields.items():
            if name in PERSON_FIELDS or entry.kind == "person":
                continue
            field = spec.field(name) if spec else None
            if field is not None and field.type in (FieldType.CHOICE, FieldType.INT, FieldType.DATETIME):
                continue
            if isinstance(value, str):
                texts.append(value)
            elif isinstance(value, tuple | list):
                texts.extend(str(v) for v in value)
            elif hasattr(value, "values"):
                texts.extend(str(v) for v in value.values())
    return [t for t in texts if t]
