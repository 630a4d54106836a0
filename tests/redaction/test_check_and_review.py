"""The independent check of a finished report's text, and the officer's review of findings.

The check is given text as a PDF reader would extract it; it must find every registered form
and every hidden value that is still printed, and must never match the report's own wording.
"""

from __future__ import annotations

from incident_log.redaction import Redactor
from incident_log.redaction.check import check
from tests.redaction.conftest import person, redactor_for

PEOPLE = (
    person("Subject A", "Tomás Ibarra Ruiz", aliases=("Tomi",), phones=("+34 611 204 889",)),
    person("Family 1", "Lucía Ibarra", phones=("611 557 302",)),
    person("Negotiator 2", "DS Sarah Page", aliases=("NEG2",)),
    person("Hostage 1", "Grace Head"),
)
FURNITURE = ("Page 1 of 9", "Head hash", "Entries by type", "REDACTED COPY \u00b7 EDITED VERSION")


def _redactor() -> Redactor:
    return redactor_for(*PEOPLE, authors={"PC Jane Smith": "Loggist 1"})


def _hits(redactor: Redactor, *pages: str) -> set[str]:
    return {hit.what for hit in check(list(pages), FURNITURE, redactor.check_targets())}


def test_registered_forms_in_any_case_and_accent_are_hits() -> None:
    found = _hits(_redactor(), "Page 3 of 9\nTOMAS spoke; IBARRA; tel 611-557-302; Jane Smith wrote it")
    assert found == {
        "a name of Subject A",
        "a name of Family 1 or Subject A",  # Ibarra: both of them
        "a phone number of Family 1",
        "a name of Loggist 1",
    }


def test_glued_words_and_split_phone_digits_are_hits() -> None:
    redactor = _redactor()
    assert _hits(redactor, "by TomásIbarraRuiz said") == {"a name of Subject A"}
    assert _hits(redactor, "6 1 1 2 0 4\n8 8 9") == {"a phone number of Subject A"}
    assert _hits(redactor, "+34 (611) 204.889") == {"a phone number of Subject A"}


def test_the_reports_own_wording_is_never_a_hit() -> None:
    # A DI called Page, a hostage called Head: the furniture is removed before searching.
    redactor = _redactor()
    assert _hits(redactor, "Page 3 of 9\nHead hash 3f5a\nEntries by type\nREDACTED COPY \u00b7 EDITED VERSION") == set()
    # Outside the furniture the same words are names again.
    assert _hits(redactor, "Page said no") == {"a name of Negotiator 2"}


def test_common_word_names_count_only_capitalised() -> None:
    redactor = _redactor()
    assert _hits(redactor, "she hit her head; by the grace of god; turn the page") == set()
    assert _hits(redactor, "then Grace said no") == {"a name of Hostage 1"}


def test_a_callsign_is_one_token_not_its_letters() -> None:
    redactor = _redactor()
    assert _hits(redactor, "NEG-2026-0142 and NEG 1") == set()
    assert _hits(redactor, "callsign NEG2 on the phone") == {"a name of Negotiator 2"}


def test_no_cry_wolf_inside_words() -> None:
    redactor = redactor_for(person("Witness 1", "Mark Long"), person("Family 2", "Ann Lee"))
    assert _hits(redactor, "a benchmark longer than the annual leeway; annleeway") == set()
    assert _hits(redactor, "MarkLong") == {"a name of Witness 1"}


def test_redacted_text_is_clean_and_hidden_values_are_looked_for() -> None:
    redactor = _redactor()
    text = "Tomás Ibarra Ruiz (Tomi), sister Lucía Ibarra on 611 557 302; Insp Kowalski; 1234 BCD"
    out = redactor.redact(text)
    assert _hits(redactor, out) == set()
    # What the redactor hid once (an unregistered name, a plate) is looked for everywhere.
    assert _hits(redactor, "later kowalski drove 1234-BCD") == {"a value hidden as candidate", "a value hidden as plate"}


def test_review_lists_every_finding_with_class_count_and_default() -> None:
    redactor = _redactor()
    texts = [
        "Tomi seen with Marco Bellini near the Gran Vía.",
        "Marco Bellini drove 1234 BCD; mail marco@bellini.it; Bellini's brother on 699 123 456.",
        "Hope is fading, says Grace. In March the Subject met Marco Bellini again, called Tomi.",
    ]
    result = redactor.review(texts)
    items = {(i.cls, i.text): i for i in result.items}
    assert items[("registered", "Tomi")].count == 2
    assert items[("registered", "Tomi")].replacement == "Subject A"
    assert items[("candidate", "Marco Bellini")].count == 3
    assert items[("candidate", "Marco Bellini")].replacement == "[NAME]"
    assert items[("plate", "1234 BCD")].replacement == "[PLATE]"
    assert items[("email", "marco@bellini.it")].replacement == "[EMAIL]"
    assert items[("phone", "699 123 456")].replacement == "[PHONE]"
    assert all(i.decision == "default" for i in result.items)
    found = [i.text for i in result.items]
    assert "In" not in found and "March" not in found and "Subject" not in found
    # Reviewing counts nothing: the schedule is for what the report replaced.
    assert sum(redactor.schedule().values()) == 0


def test_text_without_identities_is_returned_unchanged() -> None:
    redactor = _redactor()
    text = "Cell activated by control room.\n  Man on the ledge, approx. 25 m drop; B2 intel at 21:40 \u2014 «calm».\t"
    assert redactor.redact(text) == text
    assert redactor.redact("") == ""
    assert sum(redactor.schedule().values()) == 0
