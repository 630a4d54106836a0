"""The viaduct incident end to end: every field that reaches a report comes out clean."""

from __future__ import annotations

from incident_log.domain.kinds import PERSON_FIELDS
from incident_log.redaction import CATEGORIES, Redactor
from incident_log.redaction.check import check
from incident_log.redaction.fold import fold


def _report_texts(data: dict) -> list[str]:
    texts = [data["incident"]["title"], data["incident"]["location"]]
    for entry in data["entries"]:
        for field, value in entry.items():
            if field in PERSON_FIELDS or field in ("at", "kind", "refs", "id", "deadline"):
                continue
            texts.append(str(value))
    return texts


def test_no_registered_value_survives(viaduct_data: dict, viaduct_redactor: Redactor) -> None:
    redacted = [viaduct_redactor.redact(text) for text in _report_texts(viaduct_data)]
    joined = "\n".join(redacted)
    assert check([joined], (), viaduct_redactor.check_targets()) == []
    folded = fold(joined)
    for p in viaduct_data["people"]:
        for value in [p["name"], *p["aliases"], *p["name"].split()]:
            if fold(value) in {"inspector", "subinspector", "comisario"}:
                continue
            assert f" {fold(value)} " not in f" {folded} ", p["key"]
        for phone in p["phones"]:
            digits = "".join(ch for ch in phone if ch.isdigit())[-9:]
            assert digits not in "".join(ch for ch in joined if ch.isdigit())


def test_expected_lines(viaduct_data: dict, viaduct_redactor: Redactor) -> None:
    by_text = {e["text"]: viaduct_redactor.redact(e["text"]) for e in viaduct_data["entries"]}
    assert by_text["Comisario Javier Otero takes command of the negotiation cell."] == (
        "Negotiator 3 takes command of the negotiation cell."
    )
    assert by_text[
        "Subject identified as Tomás Ibarra Ruiz, 34. Mobile +34 611 204 889. Sister Lucía Ibarra, tel 611 557 302."
    ] == (
        "Subject identified as Subject A, 34. Mobile [phone of Subject A]. "
        "Sister Family 1, tel [phone of Family 1]."
    )
    assert by_text[
        "Lucía Ibarra says Tomi's dog was taken to the shelter last week; he has talked of nothing else."
    ] == ("Family 1 says Subject A's dog was taken to the shelter last week; he has talked of nothing else.")
    # Gradings, the sign language acronym, times and distances are untouched.
    assert by_text["Inspector Carmen Vidal deployed as number one. She signs (LSE)."] == (
        "Negotiator 1 deployed as number one. She signs (LSE)."
    )
    assert by_text[
        "Subject back on the footway 23:02. Wrapped in blanket, walked to ambulance with Vidal."
    ] == ("Subject back on the footway 23:02. Wrapped in blanket, walked to ambulance with Negotiator 1.")


def test_sources_and_gradings_unchanged(viaduct_data: dict, viaduct_redactor: Redactor) -> None:
    for entry in viaduct_data["entries"]:
        for field in ("grading", "source", "channel", "role", "status"):
            if field in entry:
                assert viaduct_redactor.redact(entry[field]) == entry[field]


def test_schedule_counts_what_was_replaced(viaduct_data: dict, viaduct_redactor: Redactor) -> None:
    for text in _report_texts(viaduct_data):
        viaduct_redactor.redact(text)
    schedule = viaduct_redactor.schedule()
    assert schedule["phones"] == 2
    assert schedule["emails"] == 0 and schedule["plates"] == 0
    # Vidal alone appears in 9 entries; plus the full names, Tomi, Molina...: well over 15.
    assert schedule["names"] >= 20
    assert set(schedule) == set(CATEGORIES)
    assert all(isinstance(v, int) for v in schedule.values())


def test_review_of_viaduct(viaduct_data: dict, viaduct_redactor: Redactor) -> None:
    result = viaduct_redactor.review(_report_texts(viaduct_data))
    registered = {(f.cls, f.text, f.replacement): f.count for f in result.registered}
    assert registered[("registered", "Vidal", "Negotiator 1")] == 9
    assert registered[("registered", "Tomi", "Subject A")] == 2
    assert registered[("registered phone", "+34 611 204 889", "[phone of Subject A]")] == 1
    candidates = {f.text: f.count for f in result.candidates}
    # Places made of surnames are hidden by default ([NAME]); the officer can keep them.
    assert "Puente de Segovia" in candidates
    assert all(f.replacement == "[NAME]" and f.decision == "default" for f in result.candidates)
    # Sentence starts, role words and acronyms are not proposed.
    for word in ("Subject", "Cell", "Officers", "Vidal", "LSE", "Lucía", "Sister"):
        assert word not in candidates, word
    counts = [f.count for f in result.candidates]
    assert counts == sorted(counts, reverse=True)
    assert "Hospital Clínico" not in candidates  # ordinary words, not names


def test_redacting_twice_changes_nothing(viaduct_data: dict, viaduct_redactor: Redactor) -> None:
    for text in _report_texts(viaduct_data):
        once = viaduct_redactor.redact(text)
        assert viaduct_redactor.redact(once) == once
