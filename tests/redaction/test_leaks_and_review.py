"""The leak check after the PDF is written, the variant list, and the officer's review."""

from __future__ import annotations

from incident_log.redaction import Redactor
from tests.redaction.conftest import person, redactor_for

PEOPLE = (
    person("Subject A", "Tomás Ibarra Ruiz", aliases=("Tomi",), phones=("+34 611 204 889",)),
    person("Family 1", "Lucía Ibarra", phones=("611 557 302",)),
)


def _redactor() -> Redactor:
    return redactor_for(*PEOPLE, authors={"PC Jane Smith": "Loggist 1"})


def test_find_leaks_reports_category_and_label_never_value() -> None:
    leaks = _redactor().find_leaks("Page 3\nTOMAS\nIBARRA spoke; tel 611-557-302; Jane Smith wrote it")
    assert sorted(leaks) == ["name of Loggist 1", "name of Subject A", "phone of Family 1"]
    for leak in leaks:
        for value in ("tom", "ibarra", "611", "jane", "smith"):
            assert value not in leak.lower()


def test_find_leaks_ambiguous_part_names_both() -> None:
    assert sorted(_redactor().find_leaks("Ibarra")) == ["name of Family 1", "name of Subject A"]


def test_find_leaks_glued_words_and_split_phone_digits() -> None:
    redactor = _redactor()
    assert redactor.find_leaks("by TomásIbarraRuiz said") == ["name of Subject A"]
    assert redactor.find_leaks("by TOMAS-\nIBARRA") == ["name of Subject A"]
    assert redactor.find_leaks("6 1 1 2 0 4\n8 8 9") == ["phone of Subject A"]
    assert redactor.find_leaks("+34 (611) 204.889") == ["phone of Subject A"]


def test_find_leaks_does_not_cry_wolf_inside_words() -> None:
    redactor = redactor_for(person("Witness 1", "Mark Long"), person("Family 2", "Ann Lee"))
    assert redactor.find_leaks("a benchmark longer than the annual leeway; annleeway") == []
    assert redactor.find_leaks("MarkLong and mark-long") == ["name of Witness 1"]


def test_find_leaks_clean_on_redacted_text() -> None:
    redactor = _redactor()
    text = "Tomás Ibarra Ruiz (Tomi), sister Lucía Ibarra on 611 557 302, +34 611 204 889; PC Jane Smith"
    out = redactor.redact(text)
    assert redactor.find_leaks(out) == []
    assert redactor.find_leaks("Annual report of Subject A, 21:40, B2, 2026-03-14") == []


def test_variants_cover_every_form() -> None:
    variants = _redactor().variants()
    for expected in (
        "Tomás Ibarra Ruiz",
        "Tomas Ibarra Ruiz",
        "Tomás",
        "Tomas",
        "Ibarra",
        "Ruiz",
        "Ibarra Ruiz",
        "Tomi",
        "Lucía Ibarra",
        "Lucia",
        "PC Jane Smith",
        "Jane Smith",
        "Smith",
        "+34 611 204 889",
        "34611204889",
        "611204889",
        "611557302",
    ):
        assert expected in variants, expected
    assert "PC" not in variants
    assert len(variants) == len(set(variants))
    assert [len(v) for v in variants] == sorted((len(v) for v in variants), reverse=True)


def test_review_lists_registered_values_and_candidates() -> None:
    redactor = _redactor()
    texts = [
        "Tomi seen with Marco Bellini near the Gran Vía.",
        "Marco Bellini drove 1234 BCD; mail marco@bellini.it; Bellini's brother on 699 123 456.",
        "In March the Subject met Marco Bellini again, called Tomi.",
    ]
    result = redactor.review(texts)
    registered = {(f.kind, f.text, f.label): f.count for f in result.registered}
    assert registered == {("name", "Tomi", "Subject A"): 2}
    candidates = [(f.kind, f.text, f.count) for f in result.candidates]
    # "Marco" starts a sentence once: that time only "Bellini" is proposed (with "Bellini's").
    assert candidates[:2] == [("name", "Bellini", 2), ("name", "Marco Bellini", 2)]
    assert ("name", "Gran Vía", 1) in candidates
    assert ("plate", "1234 BCD", 1) in candidates
    assert ("email", "marco@bellini.it", 1) in candidates
    assert ("phone", "699 123 456", 1) in candidates
    assert not any("'" in c[1] or "’" in c[1] for c in candidates)  # possessives are stripped
    texts_found = [c[1] for c in candidates]
    assert "In" not in texts_found and "March" not in texts_found and "Subject" not in texts_found
    assert [c[2] for c in candidates] == sorted((c[2] for c in candidates), reverse=True)
    assert not result.clean
    # Reviewing counts nothing: the schedule is for what the report replaced.
    assert redactor.schedule()["names"] == 0


def test_review_shows_ambiguous_part_with_both_labels() -> None:
    result = _redactor().review(["Ibarra was there"])
    assert [(f.text, f.label) for f in result.registered] == [("Ibarra", "Family 1 / Subject A")]


def test_text_without_identities_is_returned_unchanged() -> None:
    redactor = _redactor()
    text = "Cell activated by control room.\n  Man on the ledge, approx. 25 m drop; B2 intel at 21:40 — «calm».\t"
    assert redactor.redact(text) == text
    assert redactor.redact("") == ""
    assert sum(redactor.schedule().values()) == 0
