"""The debrief report in Spanish (issue 12), read back with pypdf and with poppler's pdftotext.

The incident is written in Spanish, so any English word found in the PDF is the report's own
wording left untranslated. The list of English words is built from the catalogue itself: every
word of every English source string (and of the domain's vocabulary) that no Spanish string
also uses. People are named after the Spanish report's own words ("Página", "Sujeto", "Hora",
"Plazo"): the independent check looks at the incident's content only, so a Spanish report must
never be refused because of its page numbers or column headers.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings

from incident_log.domain.entry import NewEntry
from incident_log.i18n.catalogue import read_po
from incident_log.logbook import Logbook
from incident_log.report import ReportOptions, build_report
from incident_log.report.source import gather, make_redactor
from tests.report.conftest import read_pdf
from tests.report.test_accepted_content import T0, _record, incident

FIXED = datetime(2026, 3, 15, 9, 30, tzinfo=UTC)
_WORD = re.compile(r"[^\W\d_]+")

# Registered names that are also the Spanish report's own words.
PEOPLE = [
    {"key": "s1", "role": "subject", "name": "Rafael Plazo Gil", "aliases": ["Rafa"], "phones": ["+34 622 418 907"]},
    {"key": "h1", "role": "hostage", "name": "Elena Sujeto Marín", "aliases": [], "phones": []},
    {"key": "f1", "role": "family", "name": "Marta Hora", "aliases": [], "phones": ["622 100 343"]},
    {"key": "n1", "role": "negotiator", "name": "Inspectora Nuria Página", "aliases": ["Página"], "phones": []},
    {"key": "w1", "role": "witness", "name": "Luis Cordero", "aliases": [], "phones": []},
]
SECRETS = ("Rafael", "Plazo", "Gil", "Rafa", "Elena", "Sujeto", "Marín", "Marta", "Hora", "Nuria", "Página", "Cordero")
AUTHOR = "Agente Beltrán"  # not a registered person: printed as Anotador 1
AT = "2026-05-09T{}:00+02:00"


def _entry(hm: str, kind: str, text: str = "", **fields: object) -> dict[str, object]:
    return {"at": AT.format(hm), "kind": kind, "author": AUTHOR, "text": text, **fields}


SCENARIO: dict[str, object] = {
    "format": "incident-log/1",
    "incident": {
        "ref": "NEG-2026-0107",
        "title": "Hombre atrincherado con su pareja en la vivienda",
        "type": "barricade",
        "location": "Barrio de la Viña, Cádiz",
        "opened_at": AT.format("03:10"),
        "exercise": False,
    },
    "people": PEOPLE,
    "entries": [
        _entry("03:10", "note", "Activación de la unidad por la sala del 091. Varón atrincherado en un tercer piso."),
        _entry("03:14", "rotation", "Página asume la coordinación.", role="team leader", person="n1"),
        # Every rotation role, so the chart's legend holds all six Spanish role names.
        _entry("03:15", "rotation", "Relevo.", role="primary negotiator", person="n1"),
        _entry("03:16", "rotation", "Relevo.", role="secondary/coach", person="w1"),
        _entry("03:17", "rotation", "Relevo.", role="loggist", person="f1"),
        _entry("03:18", "rotation", "Relevo.", role="intelligence", person="h1"),
        _entry("03:19", "rotation", "Relevo.", role="adviser", person="w1"),
        _entry("03:20", "intel", "Rafael Plazo tiene antecedentes por violencia de género.", source="sala", grading="B2"),
        _entry("03:25", "contact", "Primera llamada al móvil de Rafa.", channel="phone", event="start", **{"with": "s1"}),
        _entry("03:27", "statement", "\u00abQue se vayan todos o hago una locura.\u00bb", speaker="s1", channel="phone"),
        _entry("03:31", "demand", "Exige que retiren a los agentes del rellano.", by="s1", deadline=AT.format("04:00"), id="d1"),
        _entry("03:33", "decision", "Se retira el dispositivo al portal.", decided_by="n1", rationale="Rebajar la tensión."),
        _entry("03:34", "update", "Agentes retirados al portal.", refs="d1", status="met"),
        _entry("03:40", "offer", "Se le ofrece tabaco.", by="n1", to="s1", conditions="que deje salir a Elena", id="o1"),
        _entry("03:42", "hook", "Habla con cariño de su hija pequeña.", about="s1", source="Marta Hora"),
        _entry("03:43", "trigger", "No mencionar a su expareja.", about="s1", source="Luis Cordero"),
        _entry("03:45", "risk", "Puede tener un cuchillo de cocina.", about="s1", source="Luis Cordero", category="weapon", status="rumoured"),
        _entry("03:50", "note", "Marta Hora llama desde la calle; dice que Sujeto es el apellido de Elena."),
        _entry("03:52", "flag", "", refs=23, reason="revisar la amenaza"),
        _entry("04:05", "update", "Elena sale por su propio pie.", refs="o1", status="accepted"),
        _entry("04:20", "contact", "Fin de la llamada.", channel="phone", event="end", **{"with": "s1"}),
        _entry("04:30", "note", "Se entrega sin incidentes. Trasladado a comisaría."),
    ],
}


def _english_words() -> set[str]:
    """Words of the English source strings that no Spanish string uses.

    Allowed: the program's name and the verify command a reader types exactly as printed
    ("incident-log verify NEG-… --head … --count …").
    """
    _, messages = read_po()
    english: set[str] = set()
    spanish: set[str] = set()
    placeholder = re.compile(r"\{\w*\}")  # "{entries}" is a value filled in, not a word of either language
    for m in messages:
        english.update(w.lower() for w in _WORD.findall(placeholder.sub(" ", m.msgid)))
        spanish.update(w.lower() for w in _WORD.findall(placeholder.sub(" ", m.msgstr)))
    allowed = {"incident", "log", "verify", "head", "count", "vault"}
    return english - spanish - allowed


ENGLISH = _english_words()


def _scenario_words() -> set[str]:
    words: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, str):
            words.update(w.lower() for w in _WORD.findall(value))
        elif isinstance(value, dict):
            for k, v in value.items():
                if k not in ("kind", "role", "channel", "event", "category", "status", "type", "format"):
                    walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(SCENARIO)
    return words


@pytest.fixture(scope="module")
def spanish_book(tmp_path_factory: pytest.TempPathFactory) -> tuple[Logbook, str]:
    from tests.conftest import FAST_KDF, PASSPHRASE

    book = Logbook.create(
        tmp_path_factory.mktemp("es") / "vault.db", PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF
    )
    ref = book.import_scenario(SCENARIO).ref
    yield book, ref  # type: ignore[misc]
    book.close()


def _build(book: Logbook, ref: str, *, redacted: bool) -> bytes:
    inputs = gather(book, ref)
    options = ReportOptions(
        generated_at=FIXED,
        program_version="test",
        invariant=True,
        lang="es",
        unredacted_reason=None if redacted else "requerimiento del juzgado",
    )
    redactor = make_redactor(inputs.state, inputs.entries) if redacted else None
    return build_report(
        inputs.state, inputs.entries, redactor=redactor, verification=inputs.verification, options=options
    ).pdf


@pytest.fixture(scope="module")
def redacted_pdf(spanish_book: tuple[Logbook, str]) -> bytes:
    return _build(*spanish_book, redacted=True)


@pytest.fixture(scope="module")
def unredacted_pdf(spanish_book: tuple[Logbook, str]) -> bytes:
    return _build(*spanish_book, redacted=False)


def _pdftotext(pdf: bytes, tmp_path: Path) -> str:
    assert shutil.which("pdftotext"), "poppler's pdftotext is installed on this machine"
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True, capture_output=True, text=True).stdout


def test_the_check_words_are_meaningful() -> None:
    # The list really holds the report's English wording, and the incident uses none of it.
    assert {"page", "summary", "timeline", "redacted", "entries", "demand", "subject", "loggist"} <= ENGLISH
    assert _scenario_words() & ENGLISH == set()


@pytest.mark.parametrize("which", ["redacted_pdf", "unredacted_pdf"])
def test_no_english_word_of_the_report_is_left(which: str, request: pytest.FixtureRequest, tmp_path: Path) -> None:
    pdf: bytes = request.getfixturevalue(which)
    for reader, text in (("pypdf", read_pdf(pdf).text), ("pdftotext", _pdftotext(pdf, tmp_path))):
        assert len(text) > 3000, reader
        # The head hash is hex: its letter runs ("be", "add", "face") are not wording.
        text = re.sub(r"(?<![0-9a-f])[0-9a-f]{16,}(?![0-9a-f])", " ", text)
        found = sorted({w.lower() for w in _WORD.findall(text)} & ENGLISH)
        assert found == [], f"{reader}: {found}"


def _words(text: str) -> set[str]:
    text = re.sub(r"(?<![0-9a-f])[0-9a-f]{16,}(?![0-9a-f])", " ", text)  # the head hash
    text = re.sub(r"\w+\u2026", " ", text)  # a name cut short on the chart ("Inspector…")
    text = re.sub(r"\{\w*\}", " ", text)  # a catalogue placeholder ("{entries}") is a value, not a word
    return {w.lower() for w in _WORD.findall(text)}


@pytest.mark.parametrize("redacted", [True, False])
def test_no_word_of_the_english_report_is_left(spanish_book: tuple[Logbook, str], redacted: bool) -> None:
    """Catches wording that was never marked for the catalogue too: the English report of the
    same incident, less the incident's own words, is the report's English wording."""
    book, ref = spanish_book
    inputs = gather(book, ref)
    options = ReportOptions(
        generated_at=FIXED, program_version="test", invariant=True,
        unredacted_reason=None if redacted else "requerimiento del juzgado",
    )
    redactor = make_redactor(inputs.state, inputs.entries) if redacted else None
    english_pdf = build_report(
        inputs.state, inputs.entries, redactor=redactor, verification=inputs.verification, options=options
    ).pdf
    _, messages = read_po()
    spanish_words = set().union(*(_words(m.msgstr) for m in messages))
    # Shared by both copies and not English wording: the program's name and its verify command,
    # the IANA zone (Europe/Madrid), the version string ("test"), SI units (h, min, s).
    shared = {"incident", "log", "verify", "head", "count", "europe", "madrid", "test", "h", "min", "s"}
    content = _scenario_words() | _words("requerimiento del juzgado")
    wording = _words(read_pdf(english_pdf).text) - content - spanish_words - shared
    assert {"page", "timeline", "entries"} <= wording
    spanish_text = read_pdf(_build(book, ref, redacted=redacted)).text
    left = sorted(_words(spanish_text) & wording)
    assert left == [], left


def test_redacted_spanish_report_has_spanish_labels_and_no_names(redacted_pdf: bytes, tmp_path: Path) -> None:
    pdf = read_pdf(redacted_pdf)
    text = pdf.text
    for label in ("Sujeto A", "Rehén 1", "Familiar 1", "Negociador 1", "Testigo 1", "Anotador 1"):
        assert label in text, label
    assert "COPIA SEUDONIMIZADA" in pdf.pages[0] and "DIFUSIÓN LIMITADA" in pdf.pages[0]
    assert "10. Relación de supresiones" in text
    assert "[teléfono de Sujeto A]" in text or "[TELÉFONO]" in text
    # Names that are the report's own words are hidden in the content and the report still built:
    # outside the report's wording none of them is printed.
    body = " ".join(row for row in text.splitlines() if not re.search(r"Página \d+ de \d+", row))
    for secret in ("Rafael", "Rafa", "Elena", "Marta", "Nuria", "Cordero", "Marín", "Gil"):
        assert not re.search(rf"(?<!\w){secret}(?!\w)", body), secret
    assert "622418907" not in pdf.digits() and "622100343" not in pdf.digits()


def test_a_label_is_the_same_person_everywhere(redacted_pdf: bytes) -> None:
    text = read_pdf(redacted_pdf).text
    # The negotiator who coordinates is Negociador 1 in the people table, the chart and the text.
    assert text.count("Negociador 1") >= 4
    assert "Subject" not in text and "Negotiator" not in text and "Loggist" not in text


def test_unredacted_spanish_report_names_people_with_spanish_labels(unredacted_pdf: bytes) -> None:
    text = read_pdf(unredacted_pdf).text
    assert "Sujeto A (Rafael Plazo Gil)" in text
    assert "COPIA ÍNTEGRA" in text and "requerimiento del juzgado" in text


def test_dates_are_written_dd_mm_yyyy_and_never_with_two_digit_years(redacted_pdf: bytes, tmp_path: Path) -> None:
    for text in (read_pdf(redacted_pdf).text, _pdftotext(redacted_pdf, tmp_path)):
        assert "09/05/2026 03:10:00" in text  # the incident's start, in its own zone
        assert re.findall(r"\b\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2}\b", text)
        assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text)  # no ISO date left
        assert not re.search(r"\b\d{1,2}/\d{1,2}/\d{2}(?![\d/])", text)  # no two-digit year


def test_every_page_says_pagina_n_de_m(redacted_pdf: bytes) -> None:
    pdf = read_pdf(redacted_pdf)
    total = len(pdf.pages)
    for number, page in enumerate(pdf.pages, start=1):
        assert f"Página {number} de {total}" in page
        assert "DIFUSIÓN LIMITADA" in page


def test_field_vocabulary_not_word_for_word(redacted_pdf: bytes) -> None:
    text = read_pdf(redacted_pdf).text
    for term in ("coordinador / jefe del equipo", "Enganches", "Temas a evitar", "Riesgos", "Plazo", "Ofrecimiento",
                 "Demanda", "Inteligencia", "Decisiones y motivación", "Motivación"):
        assert term in text, term


def test_the_chart_legend_shows_every_spanish_role_inside_the_page(redacted_pdf: bytes) -> None:
    import pypdfium2

    document = pypdfium2.PdfDocument(redacted_pdf)
    try:
        page = document[2]  # the rotation page
        width = page.get_width()
        textpage = page.get_textpage()
        text = textpage.get_text_bounded()
        # Nothing runs to the page's edge (the last axis time may stand a little into the margin).
        beyond = textpage.get_text_bounded(left=width - 10 * 72 / 25.4, right=width)
        textpage.close()
        page.close()
    finally:
        document.close()
    for role in ("negociador principal", "negociador secundario / de apoyo", "coordinador / jefe del equipo",
                 "anotador", "inteligencia", "asesor"):
        assert role in text, role
    assert beyond.strip() == ""


def test_english_report_of_the_same_incident_is_unchanged(spanish_book: tuple[Logbook, str]) -> None:
    book, ref = spanish_book
    inputs = gather(book, ref)
    options = ReportOptions(generated_at=FIXED, program_version="test", invariant=True)  # lang="en"
    pdf = build_report(
        inputs.state, inputs.entries, redactor=make_redactor(inputs.state, inputs.entries),
        verification=inputs.verification, options=options,
    ).pdf
    text = read_pdf(pdf).text
    assert "Subject A" in text and "OFFICIAL-SENSITIVE" in text and "Page 1 of" in text
    assert "2026-05-09 03:10:00" in text and "Sujeto A" not in text


# --- property: whatever the vault accepts, the Spanish report prints ---------------------------


_SPANISH = ReportOptions(generated_at=FIXED, program_version="t", tz=UTC, lang="es")
_count = iter(range(1, 10_000))


@pytest.fixture(scope="module")
def property_vault(tmp_path_factory: pytest.TempPathFactory) -> Logbook:
    from tests.conftest import FAST_KDF, PASSPHRASE

    book = Logbook.create(
        tmp_path_factory.mktemp("es-prop") / "vault.db", PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF
    )
    yield book  # type: ignore[misc]
    book.close()


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
@given(case=incident())
def test_an_accepted_incident_still_builds_a_spanish_report(property_vault: Logbook, case: tuple) -> None:
    people, entries = case
    ref = f"ES-{next(_count)}"
    property_vault.create_incident("Incidente de prueba", ref=ref, opened_at=T0)
    for person in people:
        _record(property_vault, ref, NewEntry("person", fields=person, author="Agente Beltrán"))
    recorded = [
        e for kind, text, fields in entries
        if (e := _record(property_vault, ref, NewEntry(kind, text, fields, author="Agente Beltrán")))
    ]
    assume(recorded)
    inputs = gather(property_vault, ref)
    result = build_report(
        inputs.state, inputs.entries, redactor=make_redactor(inputs.state, inputs.entries),
        verification=inputs.verification, options=_SPANISH,
    )
    text = read_pdf(result.pdf).text
    assert f"8. Cronología completa ({len(inputs.entries)} anotaciones)" in text
    assert f"Página 1 de {result.pages}" in text


# --- the Spanish wording never hides a real leak ----------------------------------------------


def test_a_real_leak_is_still_refused_when_the_name_is_a_spanish_report_word(
    book: Logbook, monkeypatch: pytest.MonkeyPatch
) -> None:
    """"Hora" is the column header of every board; an entry the redactor let through with the
    person "Marta Hora" in it must still refuse the copy, with the message in Spanish."""
    from incident_log.report import ReportLeak
    from tests.report.test_report_safety import _MissesOneEntry

    monkeypatch.setenv("INCIDENT_LOG_LANG", "es")  # the officer's message in Spanish too
    ref = book.create_incident("Prueba", ref="NEG-2026-0007", opened_at=T0).ref
    book.record(ref, NewEntry("person", fields={"key": "f1", "role": "family", "name": "Marta Hora"}, author="Agente Beltrán"))
    book.record(ref, NewEntry("note", "Marta Hora llama a las 22:10.", author="Agente Beltrán"))
    inputs = gather(book, ref)
    with pytest.raises(ReportLeak) as caught:
        build_report(
            inputs.state, inputs.entries,
            redactor=_MissesOneEntry(make_redactor(inputs.state, inputs.entries), "llama a las"),
            verification=inputs.verification, options=ReportOptions(generated_at=FIXED, lang="es"),
        )
    message = caught.value.message
    assert message.startswith("El informe seudonimizado NO se ha escrito: su comprobación independiente encontró 'Marta' "
                              "(un nombre de Familiar 1) en la anotación n.º 2")
    assert f"incident-log report {ref} --redact 'Marta'" in message


def test_every_label_has_its_spanish_word_and_non_labels_stay_as_written() -> None:
    from incident_log.domain.labels import author_labels, person_labels, translate_label

    labels = person_labels(
        [("a", "subject"), ("b", "subject"), ("c", "hostage"), ("d", "negotiator"), ("e", "negotiator"),
         ("f", "family"), ("g", "witness"), ("h", "intermediary"), ("i", "commander"), ("j", "other"),
         ("k", "a future role")]
    )
    spanish = {key: translate_label(label, "es") for key, label in labels.items()}
    assert spanish == {
        "a": "Sujeto A", "b": "Sujeto B", "c": "Rehén 1", "d": "Negociador 1", "e": "Negociador 2",
        "f": "Familiar 1", "g": "Testigo 1", "h": "Intermediario 1", "i": "Mando 1", "j": "Persona 1",
        "k": "Persona 2",
    }
    assert translate_label(author_labels(["PC Hale", "PC Hale", "DC Ames"])["DC Ames"], "es") == "Anotador 2"
    assert translate_label("Subject AB", "es") == "Sujeto AB"
    for not_a_label in ("Subject", "Tomás Ibarra", "Subject A.", "subject a", "Loggist"):
        assert translate_label(not_a_label, "es") == not_a_label
    assert translate_label("Subject A", "en") == "Subject A"
