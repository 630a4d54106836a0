"""Gathering a report's inputs from an open logbook: shared by the command line and the GUI.

Duck-typed on the ``Logbook`` facade (state, all_entries, verify) so this package never
imports the store or the logbook module; the report itself stays a pure function of values.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from incident_log.domain.entry import Entry
from incident_log.domain.labels import author_labels
from incident_log.domain.state import IncidentState
from incident_log.report.options import VerifySummary


@dataclass(frozen=True, slots=True)
class ReportInputs:
    state: IncidentState
    entries: Sequence[Entry]
    verification: VerifySummary


def make_redactor(
    state: IncidentState, entries: Iterable[Entry] = (), extra_terms: Iterable[str] = ()
) -> Any:
    """The incident's redactor: every person (all names ever recorded) and every author.

    Authors are labelled in order of their first entry, exactly as the report labels them, so
    an author's name found inside a text becomes the same "Loggist N" as in the author column.
    """
    from incident_log.redaction import Redactor

    authors = author_labels([*state.authors, *(e.author for e in entries)])
    return Redactor.from_people(state.people, authors=authors, extra_terms=tuple(extra_terms))


def gather(logbook: Any, ref: str) -> ReportInputs:
    """State, entries and a fresh verification of ``ref`` (the integrity page prints all three)."""
    entries = list(logbook.all_entries(ref))
    # Running totals (phone time, duration) of an open incident end at its last entry: a report
    # printed a week later must not say the negotiator was on the phone all week.
    as_of = max((e.occurred_at for e in entries), default=None)
    state = logbook.state(ref, as_of=as_of)
    result = logbook.verify(ref)
    count, head = logbook.head(ref)
    verification = VerifySummary(
        ok=bool(result.ok), count=count, head_hash=head, problems=tuple(result.problems)
    )
    return ReportInputs(state=state, entries=entries, verification=verification)


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
