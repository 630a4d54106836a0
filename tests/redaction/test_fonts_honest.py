"""Characters no font of the report has print as an honest stand-in, never as another character.

An emoji in a WhatsApp message copied into the log (U+1F622) used to come out of the PDF as
the Greek letter "ὢ" (U+1F62): reportlab writes a wrong text layer above U+FFFF. The report
now prints the replacement character U+FFFD in its place (one character for one, so that rows
keep the size the layout measured).
"""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from incident_log.report.fonts import FontPlan, stand_in
from tests.redaction.incidents import load
from tests.redaction.incidents.measure import measure, pdf_text


def test_stand_ins() -> None:
    assert stand_in("\U0001f622") == "\ufffd"
    assert stand_in("\ufe0f") == ""  # a variation selector belongs to the emoji before it
    assert stand_in("\u4e2d") == "\ufffd"


def test_a_covered_character_prints_itself() -> None:
    plan = FontPlan.create()
    for ch in "Łżćé€ΩЖ":
        assert plan.printable(ch, plan.font_for(ch)) == ch


@pytest.mark.slow
def test_emoji_and_unfonted_letters_in_a_real_report(tmp_path: Path) -> None:
    from incident_log.logbook import Logbook
    from incident_log.report import ReportOptions, build_report
    from incident_log.report.source import gather, make_redactor

    incident = load("barcelona_balcon")
    scenario = copy.deepcopy(incident.scenario)
    last = scenario["entries"][-1]
    scenario["entries"].append({**last, "text": "Mensaje: \U0001f622\U0001f64f\u2764\ufe0f y \u4e2d\u6587 ok"})
    with Logbook.create(tmp_path / "f.db", "measure-passphrase", remember_in_keyring=False, kdf_cost=12) as book:
        ref = book.import_scenario(scenario).ref
        inputs = gather(book, ref)
        redactor = make_redactor(inputs.state, inputs.entries)
        result = build_report(
            inputs.state, inputs.entries, redactor=redactor, verification=inputs.verification, options=ReportOptions()
        )
    text = pdf_text(result.pdf)
    plan = FontPlan.create()
    assert "\u1f62" not in text and "\u1f64" not in text  # the wrong letters of the old text layer
    assert "\ufffd" in text
    for ch in "\u4e2d\u6587":
        if plan.font_for(ch) is None:
            assert stand_in(ch) in text
        else:
            assert ch in text


@pytest.mark.slow
def test_the_incident_with_an_emoji_still_measures_clean(tmp_path: Path) -> None:
    figures = measure(load("barcelona_balcon"), tmp_path)
    assert "refused" not in figures and figures["leaks"] == []
