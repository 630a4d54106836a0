"""The classes an outside red team found (issue 8, second pass), one corpus per class.

Each case says what must not survive and what must survive, on the redactor's output; the
report-level checks (PDF read back) are in ``test_incidents.py`` and ``test_fonts_honest.py``.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from incident_log.redaction import detectors
from incident_log.redaction.check import CheckTargets, check
from tests.redaction.conftest import person, redactor_for


def _absent(needle: str, output: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(needle) + r"(?!\w)", output) is None


# --- leaks -------------------------------------------------------------------------------

PLATES = [
    ("Cab is a silver Skoda, reg LEZ 7821, outside.", "LEZ 7821"),
    ("Second car AXZ 4412 behind it.", "AXZ 4412"),
    ("Van IJZ 123 at the depot.", "IJZ 123"),
    ("La moto C-1234-BCD aparcada.", "C-1234-BCD"),
    ("Seat León 4821 KLM mal aparcado.", "4821 KLM"),
    ("furgoneta M-5678-ZB antigua", "M-5678-ZB"),
]


@pytest.mark.parametrize(("text", "plate"), PLATES)
def test_plates_of_every_form_are_tagged_as_plates(text: str, plate: str) -> None:
    output = redactor_for().redact(text)
    assert _absent(plate, output), output
    assert "[PLATE]" in output


SPOKEN = [
    "Her number is oh seven seven double oh, nine double oh, four eight three.",
    "Su móvil es seis nueve nueve, doce, treinta y cuatro, cincuenta y seis.",
    "Her phone: siedem siedem zero zero dziewięć zero zero.",
    "call him on zero one one seven four nine six oh five five five",
    "El teléfono del padre: 699 12 34 56.",
]


@pytest.mark.parametrize("text", SPOKEN)
def test_phones_said_in_words_or_split_are_hidden(text: str) -> None:
    output = redactor_for().redact(text)
    assert "[PHONE]" in output, output
    assert "dziewięć" not in output and "cincuenta" not in output and "double" not in output


@pytest.mark.parametrize(
    "text",
    ["Two boys and one girl, seven or eight years old.", "Met at 4 and 5 and 6 pm; ten minutes later one more."],
)
def test_ordinary_counts_are_not_phones(text: str) -> None:
    assert redactor_for().redact(text) == text


ADDRESSES = [
    ("Lives in Flat 4B, 12 Dixon Avenue.", ["Flat 4B", "Dixon"]),
    ("Door of 2/1 barricaded; the neighbour in Flat 2/2 called.", ["Flat 2/2"]),
    ("Vecino del 3º izq. ofrece su balcón.", ["3º izq"]),
    ("Neighbour at No. 16 Norglen Crescent says so.", ["Norglen"]),
]


@pytest.mark.parametrize(("text", "needles"), ADDRESSES)
def test_address_fragments_are_hidden(text: str, needles: list[str]) -> None:
    output = redactor_for().redact(text)
    for needle in needles:
        assert needle not in output, output


@pytest.mark.parametrize(
    "text",
    ["born 3 March 1987, of Belfast", "nacido el 3 de marzo de 1987", "DOB 14th February 1979", "born on March 3, 1987"],
)
def test_dates_of_birth_with_a_month_word(text: str) -> None:
    output = redactor_for(this_year=2026).redact(text)
    assert "1987" not in output and "1979" not in output, output


@pytest.mark.parametrize("text", ["PC 4471 at the cordon", "Sgt 2231 arrested him", "el agente 12345 corta la calle"])
def test_officer_numbers_after_a_rank(text: str) -> None:
    output = redactor_for().redact(text)
    assert not re.search(r"\d{4}", output), output


def test_arabic_script_names_registered_and_not() -> None:
    redactor = redactor_for(person("Subject A", "Yusuf Al-Amin", aliases=("يوسف الأمين",)))
    output = redactor.redact('In Arabic: "أنا يوسف، لا أريد" and her sister سارة خليل is with the boys.')
    for needle in ("يوسف", "سارة", "خليل"):
        assert needle not in output, output
    assert "لا أريد" in output  # ordinary Arabic words stay


def test_all_caps_names() -> None:
    redactor = redactor_for(person("Commander 1", "Supt Will Boyd"), person("Subject A", "Alasdair MacLeod"))
    output = redactor.redact("WILL BOYD: debrief at 1000. ALASDAIR MACLEOD, born 3 March 1987.")
    assert "BOYD" not in output and "MACLEOD" not in output and "ALASDAIR" not in output


def test_a_shared_alias_names_nobody_in_particular() -> None:
    redactor = redactor_for(
        person("Subject A", "Ciarán Mac Giolla Bhríde", aliases=("Mac",)),
        person("Family 1", "Siobhán Mac Giolla Bhríde", aliases=("Mac",)),
    )
    output = redactor.redact('"Mac will tell you. Ask Mac what they did to me."')
    assert "Mac" not in output
    assert "Subject A" not in output and "Family 1" not in output  # it could be either


# --- the report's own wording never refuses ------------------------------------------------


def test_a_callsign_in_the_reference_is_not_a_hit() -> None:
    targets = CheckTargets(names=(("Negotiator 1", "NEG"), ("Negotiator 2", "Alpha")))
    page = "NEG-2026-1121 REDACTED COPY\nDebrief report NEG-2026-1121 · 2026-11-21 03:00"
    assert check([page], ["NEG-2026-1121", "Debrief report NEG-2026-1121", "REDACTED COPY"], targets) == []
    # ... while the same callsign in the incident's own words still is one.
    assert check(["NEG said hello"], ["NEG-2026-1121"], targets) != []


# --- over-redaction --------------------------------------------------------------------------

WORDS_THAT_ARE_NAMES = [
    (person("Family 2", "Rosa Puig Ferrer"), "Ha bebido. Lleva un jersey rosa.", "jersey rosa"),
    (person("Negotiator 1", "Dolores Paz Cabrera"), "Le explico que la paz de la casa no depende solo de él.", "la paz de la casa"),
    (person("Witness 1", "Pau Batlle Serra"), "No vull parlar amb ningú. Deixeu-me en pau, si us plau.", "en pau"),
    (person("Hostage 1", "Patience Okafor"), "Please have patience with him, he is tired.", "have patience"),
    (person("Negotiator 2", "Amber Kaur"), "patience and amber lights on the stair", "amber lights"),
    (person("Commander 1", "Supt Will Boyd"), "Sister on the way. Will meet her at the car park.", "Will meet her"),
    (person("Family 1", "Grace Llewelyn"), "No promise. Grace period of one hour before review.", "Grace period"),
]


@pytest.mark.parametrize(("who", "text", "kept"), WORDS_THAT_ARE_NAMES)
def test_words_that_are_also_registered_names(who: object, text: str, kept: str) -> None:
    output = redactor_for(who).redact(text)  # type: ignore[arg-type]
    assert kept in output, output


@pytest.mark.parametrize(
    ("who", "text", "label"),
    [
        (person("Family 2", "Rosa Puig Ferrer"), "Quiere hablar con su hermana Rosa antes.", "Family 2"),
        (person("Hostage 1", "Patience Okafor"), "Patience on the phone briefly.", "Hostage 1"),
        (person("Commander 1", "Supt Will Boyd"), "Will rang the control room.", "Commander 1"),
        (person("Family 1", "Grace Llewelyn"), "Grace crying at the door.", "Family 1"),
        (person("Family 2", "Rosa Puig Ferrer"), "told rosa to wait at the door", "Family 2"),
    ],
)
def test_the_same_names_used_as_names_are_hidden(who: object, text: str, label: str) -> None:
    output = redactor_for(who).redact(text)  # type: ignore[arg-type]
    assert label in output, output


FOREIGN = [
    "No vull parlar amb ningú. Deixeu-me en pau, si us plau.",
    "La meva mare no m'entén. Ningú m'escolta en aquesta casa.",
    "Tôi không muốn nói chuyện với cảnh sát.",
    "Nic mi nie jest, ale on ma młotek. Proszę, pomóżcie nam.",
    "Ah'm no comin oot. Ah've hud enough, so ah have.",
    "Mae'r banc yn cymryd y fferm.",
]


@pytest.mark.parametrize("text", FOREIGN)
def test_sentences_in_other_languages_keep_their_words(text: str) -> None:
    assert redactor_for().redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Taken to the Royal Victoria Hospital for checks.",
        "Fare got in at the Kennedy Centre.",
        "Interpreter from the Language Line on the second phone.",
        "Meeting at Lloyd House at 1500.",
        "Won at the Royal Welsh Show. Chapel on Sundays.",
        "He used to fish at Edgbaston Reservoir.",
        "Trabaja en el Hospital Clínico; la Guardia Civil vino por él.",
        "Road closed both ways at the Tesco.",
        "URGENT: ARV to confirm. NO sighting yet.",
    ],
)
def test_places_institutions_and_capitals_are_words(text: str) -> None:
    assert "[NAME]" not in redactor_for().redact(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Says Mrs Pham has a new man.", "Says Family 1 has a new man."),
        ("Vecino (Sra. Ferrer) muy nerviosa.", "Vecino (Family 1) muy nerviosa."),
        ("CI Ferrer: no promise.", "Family 1: no promise."),
    ],
)
def test_a_title_is_absorbed_into_the_label(text: str, expected: str) -> None:
    redactor = redactor_for(person("Family 1", "Phạm Thị Lan Ferrer"))
    assert redactor.redact(text) == expected


def test_unregistered_names_in_those_sentences_still_hidden() -> None:
    output = redactor_for().redact("Marek Kowalczyk moved back. Mr Zając said Insp Brzęczyszczykiewicz was there.")
    for needle in ("Marek", "Kowalczyk", "Zając", "Brzęczyszczykiewicz"):
        assert needle not in output, output


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(list(detectors._DIGIT_WORDS)), min_size=7, max_size=12))
def test_any_run_of_seven_spoken_digits_is_a_phone(words: list[str]) -> None:
    digits = sum(2 if detectors._DIGIT_WORDS[w].endswith("_") else len(detectors._DIGIT_WORDS[w]) for w in words)
    text = "call " + " ".join(words) + " tonight"
    found = [d for d in detectors.detect(text) if d.kind == detectors.PHONE]
    if digits >= detectors.MIN_SPOKEN_DIGITS:
        assert found and text[found[0].start : found[0].end].split()[0] == words[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Spoke to Kowalczyk. Brzęczyszczykiewicz said no.", "Spoke to [NAME]. [NAME] said no."),
        ("Told Marek. Okonkwo left.", "Told [NAME]. [NAME] left."),
    ],
)
def test_a_name_span_never_crosses_a_sentence_end(text: str, expected: str) -> None:
    assert redactor_for().redact(text) == expected


@pytest.mark.parametrize(
    ("text", "kept", "hidden"),
    [
        ("Cab is a silver Skoda, reg LEZ 7821.", "silver Skoda", "7821"),
        ("Seat León gris matrícula 4821 KLM.", "Seat León gris", "4821"),
        ("told Kowalski red faced", None, "Kowalski"),
    ],
)
def test_a_colour_makes_a_vehicle_not_a_person(text: str, kept: str | None, hidden: str) -> None:
    output = redactor_for().redact(text)
    assert hidden not in output
    if kept:
        assert kept in output


@pytest.mark.parametrize(
    ("text", "hidden"),
    [
        ("Cst 4471 at the door", "4471"),
        ("Constable 4471 and DC 5512", "5512"),
        ("agent 12345 dels Mossos", "12345"),
        ("born March 1987 in Derry", "1987"),
        ("nacido en marzo de 1987", "1987"),
        ("living at number 40 with his mum", "40"),
    ],
)
def test_more_numbers_of_people(text: str, hidden: str) -> None:
    output = redactor_for(this_year=2026).redact(text)
    assert hidden not in output, output
