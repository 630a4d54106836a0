"""People whose names are ordinary words (May, June, Will, Hope) still get a report.

The report's leak check reads the whole finished PDF back. If the report's own fixed wording
used such a word (a date "14 May", "entries may follow"), the check would refuse every report of
an incident with that person in it, and redacting the word would itself give the name away
("14 Witness 1 2026"). So dates are numeric and the fixed wording avoids these words.
"""

from __future__ import annotations

import copy

from incident_log.logbook import Logbook
from incident_log.report import ReportOptions, build_report
from incident_log.report.source import gather, make_redactor
from tests.report.conftest import read_pdf

WORD_NAMES = {"w1": "May Serrano", "f1": "June Ibarra", "n2": "Will Hope"}


def test_an_incident_in_may_with_a_witness_called_may(logbook: Logbook, viaduct_data: dict) -> None:
    data = copy.deepcopy(viaduct_data)
    data["incident"]["opened_at"] = data["incident"]["opened_at"].replace("2026-03-14", "2026-05-14")
    for entry in data["entries"]:
        entry["at"] = entry["at"].replace("2026-03-14", "2026-05-14")
        if entry.get("deadline"):
            entry["deadline"] = entry["deadline"].replace("2026-03-14", "2026-05-14")
    for person in data["people"]:
        person["name"] = WORD_NAMES.get(person["key"], person["name"])
    ref = logbook.import_scenario(data).ref

    inputs = gather(logbook, ref)
    result = build_report(
        inputs.state,
        inputs.entries,
        redactor=make_redactor(inputs.state, inputs.entries),
        verification=inputs.verification,
        options=ReportOptions(),
    )
    text = " ".join(read_pdf(result.pdf).pages)
    words = {w.strip(".,:;()[]\"'").lower() for w in text.split()}
    assert not {"may", "june", "will", "hope", "serrano"} & words
    assert "Witness 1" in text and "Family 1" in text and "Negotiator 2" in text
    assert "2026-05-14" in text
