"""Names: whole words, any case and accents, possessives, parts, aliases, spacing."""

from __future__ import annotations

import unicodedata

import pytest

from tests.redaction.conftest import person, redactor_for

JOSE = person("Subject A", "José Núñez", aliases=("Pepe",))


@pytest.mark.parametrize(
    "written",
    ["José", "Jose", "JOSÉ", "josé", "JOSE", "jOsÉ", unicodedata.normalize("NFD", "José")],
)
def test_first_name_in_any_case_or_accent(written: str) -> None:
    assert redactor_for(JOSE).redact(f"Spoke to {written} at the door.") == "Spoke to Subject A at the door."


@pytest.mark.parametrize(
    "written", ["Núñez", "Nunez", "NÚÑEZ", "nunez", unicodedata.normalize("NFD", "Núñez")]
)
def test_surname_in_any_case_or_accent(written: str) -> None:
    assert redactor_for(JOSE).redact(f"Mr {written} refused.") == "Subject A refused."  # the title goes with the label


def test_nfd_full_name_leaves_no_stray_accent() -> None:
    text = unicodedata.normalize("NFD", "José Núñez, then José.")
    assert redactor_for(JOSE).redact(text) == "Subject A, then Subject A."


@pytest.mark.parametrize("apostrophe", ["'", "’"])
def test_possessive(apostrophe: str) -> None:
    out = redactor_for(JOSE).redact(f"Núñez{apostrophe}s dog and José Núñez{apostrophe}s car")
    assert out == f"Subject A{apostrophe}s dog and Subject A{apostrophe}s car"


def test_full_name_wins_over_parts_and_is_one_replacement() -> None:
    redactor = redactor_for(person("Subject A", "Tomás Ibarra Ruiz"))
    assert redactor.redact("Tomás Ibarra Ruiz is 34.") == "Subject A is 34."
    assert redactor.schedule()["names"] == 1


@pytest.mark.parametrize("written", ["Tomás", "Ibarra", "Ruiz", "Ibarra Ruiz", "Tomás Ibarra", "Tomás Ruiz"])
def test_each_part_and_pair_alone(written: str) -> None:
    redactor = redactor_for(person("Subject A", "Tomás Ibarra Ruiz"))
    assert redactor.redact(f"Saw {written} today") == "Saw Subject A today"


@pytest.mark.parametrize(
    "written",
    ["Tomás\nIbarra", "Tomás  Ibarra", "Tomás \n Ibarra\tRuiz", "TOMÁS\r\nIBARRA RUIZ", "Tomás\u00a0Ibarra"],
)
def test_name_split_across_lines_or_spaces(written: str) -> None:
    redactor = redactor_for(person("Subject A", "Tomás Ibarra Ruiz"))
    assert redactor.redact(f"Saw {written} today") == "Saw Subject A today"


def test_surname_first_with_comma_becomes_one_label() -> None:
    redactor = redactor_for(person("Subject A", "Tomás Ibarra Ruiz"))
    assert redactor.redact("IBARRA RUIZ, Tomás (34)") == "Subject A (34)"


@pytest.mark.parametrize(
    "name,title",
    [
        ("Inspector Carmen Vidal", "Inspector"),
        ("Subinspector Andrés Molina", "Subinspector"),
        ("Comisario Javier Otero", "Comisario"),
        ("Mr John Smith", "Mr"),
        ("Mrs Jane Smith", "Mrs"),
        ("Dr. Anna Berg", "Dr"),
        ("Sgt Paul Wood", "Sgt"),
        ("PC Jane Smith", "PC"),
        ("DS Amy Cole", "DS"),
        ("DI Rob Lane", "DI"),
        ("Officer Dan Ruiz", "Officer"),
    ],
)
def test_titles_are_not_redacted_alone(name: str, title: str) -> None:
    redactor = redactor_for(person("Negotiator 1", name))
    assert redactor.redact(f"The {title} arrived") == f"The {title} arrived"
    assert redactor.redact(f"{name} arrived") == "Negotiator 1 arrived"
    surname = name.split()[-1]
    # The title goes with the label: "Mrs Negotiator 1" would read as somebody else (issue 8).
    assert redactor.redact(f"{title} {surname} arrived") == "Negotiator 1 arrived"


def test_particles_and_single_letters_not_redacted_alone() -> None:
    redactor = redactor_for(person("Witness 1", "Juan de la Torre", aliases=("J. T.",)))
    assert redactor.redact("la casa de la playa") == "la casa de la playa"
    assert redactor.redact("Plan A and J.") == "Plan A and J."
    assert redactor.redact("Juan de la Torre and Torre") == "Witness 1 and Witness 1"


def test_alias_and_old_names_are_redacted() -> None:
    redactor = redactor_for(
        person("Subject A", "Tomás Ibarra", aliases=("Tomi",), old_names=("Tomás Ibarrra",))
    )
    assert redactor.redact("Tomi's dog") == "Subject A's dog"
    assert redactor.redact("typo Ibarrra in the first entry") == "typo Subject A in the first entry"


@pytest.mark.parametrize(
    "written",
    ["O'Brien", "O’Brien", "OBrien", "o'brien", "O'BRIEN", "Brien"],
)
def test_apostrophe_names(written: str) -> None:
    redactor = redactor_for(person("Subject A", "Seán O'Brien"))
    assert redactor.redact(f"asked {written} twice") == "asked Subject A twice"


@pytest.mark.parametrize(
    "written", ["Jean-Luc", "Jean Luc", "Jean", "Luc", "jean‑luc", "Jean-\nLuc", "Jean–Luc"]
)
def test_hyphenated_names(written: str) -> None:
    redactor = redactor_for(person("Negotiator 2", "Jean-Luc Moreau"))
    assert redactor.redact(f"then {written} spoke") == "then Negotiator 2 spoke"


def test_maria_jose_oneill() -> None:
    redactor = redactor_for(person("Family 1", "María-José O'Neill"))
    for written in [
        "María-José O'Neill",
        "Maria Jose ONeill",
        "MARÍA-JOSÉ",
        "José O’Neill",
        "Neill",
        "María",
    ]:
        assert redactor.redact(f"[{written}]") == "[Family 1]", written


@pytest.mark.parametrize(
    "name,written",
    [
        ("Łukasz Wróbel", "Lukasz Wrobel"),
        ("Łukasz Wróbel", "ŁUKASZ"),
        ("Łukasz Wróbel", "wrobel"),
        ("Zoë Hart", "Zoe"),
        ("Zoë Hart", "ZOË"),
        ("Søren Kierkegaard", "Soren"),
        ("Søren Kierkegaard", "SØREN"),
        ("Ελένη Παπαδοπούλου", "ελενη"),
        ("Ελένη Παπαδοπούλου", "ΕΛΈΝΗ"),
        ("Ελένη Παπαδοπούλου", "Παπαδοπουλου"),
        ("Дмитрий Иванов", "дмитрий"),
        ("Дмитрий Иванов", "ИВАНОВ"),
        ("Hans Weiß", "Weiss"),
        ("Hans Weiss", "Weiß"),
        ("Hans Weiß", "WEISS"),
    ],
)
def test_non_ascii_names(name: str, written: str) -> None:
    redactor = redactor_for(person("Subject A", name))
    assert redactor.redact(f"met {written}.") == "met Subject A."


def test_text_after_length_changing_fold_is_kept_exactly() -> None:
    redactor = redactor_for(person("Subject A", "Hans Weiß"))
    text = "the straße 5: Weiß said «grüße» to œdipus; Weiß\u0301 x"
    assert redactor.redact(text) == "the straße 5: Subject A said «grüße» to œdipus; Subject A x"


def test_shared_surname_is_neutral_but_full_names_keep_labels() -> None:
    redactor = redactor_for(person("Subject A", "Tomás Ibarra Ruiz"), person("Family 1", "Lucía Ibarra"))
    assert redactor.redact("Ibarra called") == "[NAME] called"
    assert redactor.redact("Lucía Ibarra called Tomás Ibarra") == "Family 1 called Subject A"
    assert redactor.redact("Lucía and Ruiz") == "Family 1 and Subject A"


def test_underscore_and_punctuation_are_word_edges() -> None:
    redactor = redactor_for(JOSE)
    assert redactor.redact("file jose_nunez.txt") == "file Subject A_Subject A.txt"
    assert redactor.redact("(José)/Núñez") == "(Subject A)/Subject A"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Other people's names are hidden as unregistered names, never as a registered label.
        ("Annual review of Anne and Annie; Hannah planned it.", "Annual review of [NAME] and [NAME]; [NAME] planned it."),
        ("vidalia onions, and the annual leeway", "vidalia onions, and the annual leeway"),
        ("Josefina and Joseph met", "[NAME] and [NAME] met"),
        ("josefina and joseph met", "josefina and joseph met"),
    ],
)
def test_no_over_redaction_inside_words(text: str, expected: str) -> None:
    redactor = redactor_for(
        person("Subject A", "Ann Lee"),
        person("Negotiator 1", "Carmen Vidal"),
        JOSE,
        person("Family 1", "Tomás Ruiz"),
    )
    assert redactor.redact(text) == expected


@pytest.mark.parametrize(
    ("written", "label"),
    [("Vidalx", "Negotiator 1"), ("Tomáso", "Family 1"), ("Ibarrra", "Subject A"), ("Kowalsky", "Witness 1")],
)
def test_one_letter_misspellings_get_the_persons_label(written: str, label: str) -> None:
    redactor = redactor_for(
        person("Negotiator 1", "Carmen Vidal"),
        person("Family 1", "Tomás Ruiz"),
        person("Subject A", "Luis Ibarra"),
        person("Witness 1", "Piotr Kowalski"),
    )
    assert redactor.redact(f"then {written} said no") == f"then {label} said no"


def test_common_word_names_are_case_aware() -> None:
    # A person called "Will" or "May": the capitalised name goes, the lowercase word stays; at
    # the start of a sentence the name is hidden (and the review lists it as ambiguous).
    redactor = redactor_for(person("Witness 1", "Will Turner"), person("Witness 2", "May Chen"))
    assert redactor.redact("Will said he will come in May.") == "Witness 1 said he will come in Witness 2."
    assert redactor.redact("he may come; ask WILL TURNER") == "he may come; ask Witness 1"
    assert redactor.redact("a willow, maybe") == "a willow, maybe"
    findings = redactor.findings("Will said he will come.")
    assert [(f.start, f.ambiguous) for f in findings] == [(0, True)]


def test_authors_get_their_labels_and_merge_with_registered_people() -> None:
    redactor = redactor_for(
        person("Negotiator 1", "Inspector Carmen Vidal"),
        authors={"PC Jane Smith": "Loggist 1", "Carmen Vidal": "Loggist 2", "Loggist 3": "Loggist 3"},
    )
    assert redactor.redact("Handed over by Jane Smith to Smith") == "Handed over by Loggist 1 to Loggist 1"
    # The same human keeps one label; a bare "Vidal" must not become ambiguous.
    assert redactor.redact("Vidal and Carmen Vidal") == "Negotiator 1 and Negotiator 1"
    # An author already written as a label hides nothing ("Loggist" is not a name).
    assert redactor.redact("Loggist 3 notes the loggist rota") == "Loggist 3 notes the loggist rota"


def test_extra_terms() -> None:
    redactor = redactor_for(JOSE, extra_terms=("Calle Mayor 12", "Bar El Sol", "91 555 12 34"))
    out = redactor.redact("Lives at calle mayor 12, drinks at BAR EL SOL, landline 915551234.")
    assert out == "Lives at [REDACTED], drinks at [REDACTED], landline [REDACTED]."
    assert redactor.schedule()["terms"] == 3


def test_names_glued_to_digits_are_redacted_and_label_stays_readable() -> None:
    redactor = redactor_for(person("Subject A", "Tomás Ibarra", aliases=("Tomi",)))
    assert redactor.redact("handle tomi89 and Ibarra2") == "handle [Subject A]89 and [Subject A]2"


@pytest.mark.parametrize(
    "written",
    [
        "Iba\u00adrra",
        "Iba\u200drra",
        "Ibarra\u2060",
        "ＩＢＡＲＲＡ",
        "Tomás\u200bIbarra",
        "Tomás\u200b\u200bIbarra",
    ],
)
def test_invisible_characters_and_fullwidth_do_not_hide_a_name(written: str) -> None:
    redactor = redactor_for(person("Subject A", "Tomás Ibarra"))
    assert redactor.redact(f"met {written} today") == "met Subject A today"
    # An invisible character before a name stays where it was; the name still goes.
    assert redactor.redact(f"met \ufeff{written}") == "met \ufeffSubject A"


def test_ligatures_fold() -> None:
    redactor = redactor_for(person("Subject A", "Rafik Ifﬂah"))
    assert redactor.redact("Raﬁk iffl ah") == "Subject A iffl ah"
    assert redactor.redact("RAFIK IFFLAH") == "Subject A"


def test_scripts_without_spaces_match_inside_text() -> None:
    redactor = redactor_for(person("Subject A", "王伟", aliases=("민준",)), person("Family 1", "王 芳"))
    assert redactor.redact("王伟说他很好。") == "[Subject A]说他很好。"
    assert redactor.redact("민준이 왔다") == "[Subject A]이 왔다"
    # One-character parts ("王", "芳") identify no one alone: left, like initials.
    assert redactor.redact("王 alone") == "王 alone"
    assert redactor.redact("王 芳 came") == "Family 1 came"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("T. Ibarra said no", "Subject A said no"),
        ("J.R. Ibarra", "Subject A"),
        ("signed t.ibarra", "signed Subject A"),
        ("Dr. Ibarra", "Subject A"),  # a title is not an initial; it goes with the label
        ("He said T. and then Ibarra", "He said T. and then Subject A"),  # not directly before
    ],
)
def test_initials_before_a_name_go_with_it(text: str, expected: str) -> None:
    assert redactor_for(person("Subject A", "Tomás Ibarra Ruiz")).redact(text) == expected
