"""Import: a person entry may appear anywhere in ``entries``; later entries name them by key,
and the redacted report hides them everywhere, in the entries before their registration too."""

from __future__ import annotations

import pytest

from incident_log import errors
from incident_log.logbook import Logbook
from incident_log.report import ReportOptions, build_report
from incident_log.report.source import gather, make_redactor
from tests.report.conftest import read_pdf

SCENARIO = {
    "format": "incident-log/1",
    "incident": {"title": "Late person", "opened_at": "2026-03-14T21:00:00+01:00", "type": "crisis"},
    "people": [{"key": "s1", "role": "subject", "name": "Tomás Ibarra"}],
    "entries": [
        {"at": "2026-03-14T21:05:00+01:00", "kind": "note", "author": "L1", "text": "A man called Benali is inside."},
        {"at": "2026-03-14T21:10:00+01:00", "kind": "person", "author": "L1", "key": "a1", "role": "other",
         "name": "Ahmed Benali", "aliases": ["el Moro"], "phones": ["633 12 98 76"]},
        {"at": "2026-03-14T21:12:00+01:00", "kind": "statement", "author": "L1", "speaker": "a1",
         "text": "Ahmed says he will come out. Call 633 12 98 76."},
    ],
}


def test_a_person_learned_late_is_named_by_key_and_hidden_everywhere(logbook: Logbook) -> None:
    ref = logbook.import_scenario(SCENARIO).ref
    inputs = gather(logbook, ref)
    assert [p.key for p in inputs.state.people] == ["s1", "a1"]
    result = build_report(
        inputs.state, inputs.entries, redactor=make_redactor(inputs.state, inputs.entries),
        verification=inputs.verification, options=ReportOptions(),
    )
    pdf = read_pdf(result.pdf)
    assert not pdf.has_word("Benali") and not pdf.has_word("Ahmed")
    assert "A man called Person 1 is inside." in pdf.text
    assert "speaker: Person 1" in pdf.text and "[phone of Person 1]" in pdf.text


def test_a_key_used_before_its_person_entry_is_refused(logbook: Logbook) -> None:
    bad = dict(SCENARIO, entries=[SCENARIO["entries"][2], SCENARIO["entries"][1]])
    with pytest.raises(errors.ValidationError) as caught:
        logbook.import_scenario(bad)
    assert "no person with key 'a1'" in str(caught.value.message)


def test_the_same_key_twice_is_refused(logbook: Logbook) -> None:
    twice = dict(SCENARIO, entries=[*SCENARIO["entries"], SCENARIO["entries"][1]])
    with pytest.raises(errors.ValidationError) as caught:
        logbook.import_scenario(twice)
    assert "'a1' is already registered" in str(caught.value.message)
