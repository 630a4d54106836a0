"""People whose names are ordinary words (May, June, Will, Hope, Page, Head) still get a report.

The independent check reads the finished PDF back, but never the report's own wording ("Page 3
of 9", "Head hash"), and a name that is also a word is case-aware: the capitalised name is
hidden, the lowercase word is kept. Dates are numeric, so "14 May" never names anybody.
"""

from __future__ import annotations

import copy

from incident_log.logbook import Logbook
from incident_log.report import ReportOptions, build_report
from incident_log.report.source import gather, make_redactor
from tests.report.conftest import read_pdf

WORD_NAMES = {"w1": "May Serrano", "f1": "June Ibarra", "n2": "Will Hope", "n1": "Andrés Page", "t1": "Javier Head"}


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
    pages = read_pdf(result.pdf).pages
    text = " ".join(pages)
    words = {w.strip(".,:;()[]\"'") for w in text.split()}
    # Capitalised, these are the people; the report's own "Page N of M" is furniture, not a name.
    assert not {"May", "June", "Will", "Hope", "Serrano", "HOPE", "WILL"} & words
    assert text.count("Head") == text.count("Head hash")  # only the report's own wording
    assert all(f"Page {n} of {len(pages)}" in page for n, page in enumerate(pages, start=1))
    assert "Head hash" in text
    assert "Witness 1" in text and "Family 1" in text and "Negotiator 2" in text
    assert "2026-05-14" in text
