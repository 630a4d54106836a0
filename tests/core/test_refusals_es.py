"""The domain's refusals and the situation summary in Spanish (issue 12).

Real refusals, made the way a loggist meets them: ``Logbook.record`` on a real vault, the
composer's time box, and the command line in a second process under ``LANG=es_ES.UTF-8``. Each
Spanish sentence must differ from the English one and hold no English word of ours; values the
user typed or must type (choice values, kind names, in «quotes» or after "estos:", and a field's stored
name in brackets after its Spanish word: "por (by)") stay as they are.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from incident_log import errors
from incident_log.domain.entry import NewEntry, utc_now
from incident_log.domain.kinds import MAX_TEXT_CHARS
from incident_log.domain.timeparse import format_delay, parse_entry_time
from incident_log.domain.zones import check_zone
from incident_log.logbook import Logbook
from incident_log.report.options import ReportOptions
from incident_log.report.source import make_redactor
from incident_log.report.summary import build_summary
from tests.core.test_messages_es import _cli

# English words of our own sentences; none of them is Spanish (\b-bounded, case-insensitive).
_ENGLISH = re.compile(
    r"\b(the|is|not|must|entry|entries|field|fields|required|empty|and|characters|limit|split|several|"
    r"registered|add|first|there|happened|check|before|after|minutes|say|why|late|future|type|kind|deadline|"
    r"demand|offer|refers?|amended|person|key|time|zone|known|such|ago|week|unit|date|day|of|one|with|by|"
    r"summary|situation|phone|open|owed|risks?|hooks?|triggers?|decisions?|none|nobody|nothing|contact|"
    r"assessment|recommendations|prepared|covers|as|page|redacted|copy|edited|version|subject|rationale)\b",
    re.IGNORECASE,
)


def english_left(sentence: str) -> list[str]:
    """English words in a Spanish sentence, after removing what the user typed or must type."""
    without_values = re.sub(r"«[^»]*»", "", sentence)
    without_values = re.sub(r"\([a-z_]+(?:\[\d+\])?(?:\.[a-z_]+)*\)", "", without_values)  # "por (by)": the stored name
    without_values = re.sub(r"estos(?: valores)?: .*$", "", without_values)  # the list of allowed values
    return _ENGLISH.findall(without_values)


NOW = utc_now()


def _drafts(ref_person: str) -> dict[str, NewEntry]:
    """One draft per refusal a loggist can meet (ref_person: a key registered in the incident)."""
    return {
        "text too long": NewEntry("note", "x" * (MAX_TEXT_CHARS + 1), author="Loggist 1"),
        "text required": NewEntry("note", "   ", author="Loggist 1"),
        "invisible character": NewEntry("note", "ok\u202eko", author="Loggist 1"),
        "no author": NewEntry("note", "ok", author=""),
        "unknown person": NewEntry("demand", "A car", {"by": "nobody-here"}, author="Loggist 1"),
        "bad choice": NewEntry("risk", "x", {"category": "bomb", "status": "confirmed"}, author="Loggist 1"),
        "required field": NewEntry("demand", "A car", {}, author="Loggist 1"),
        "unknown field": NewEntry("note", "x", {"colour": "red"}, author="Loggist 1"),
        "unknown kind": NewEntry("gossip", "x", author="Loggist 1"),
        "system kind": NewEntry("seal", "x", author="Loggist 1"),
        "future time": NewEntry("note", "x", occurred_at=NOW + timedelta(hours=1), author="Loggist 1"),
        "year typo": NewEntry("note", "x", occurred_at=datetime(226, 3, 14, tzinfo=UTC), author="Loggist 1"),
        "late without reason": NewEntry("note", "x", occurred_at=NOW - timedelta(minutes=40), author="Loggist 1"),
        "update without refs": NewEntry("update", "", {"status": "met"}, author="Loggist 1"),
        "refs to nothing": NewEntry("flag", "", {"reason": "check"}, refs=999, author="Loggist 1"),
        "note with refs": NewEntry("note", "x", refs=1, author="Loggist 1"),
        "bad grading": NewEntry("intel", "x", {"source": "control", "grading": "Z9"}, author="Loggist 1"),
        "bad person key": NewEntry("person", "", {"key": "a b", "role": "subject", "name": "X"}, author="Loggist 1"),
        "update of a note": NewEntry("update", "", {"status": "met"}, refs=1, author="Loggist 1"),
        "deadline too far": NewEntry(
            "demand", "A car", {"by": ref_person, "deadline": NOW + timedelta(days=400)}, author="Loggist 1"
        ),
    }


def _refusals(book: Logbook, ref: str) -> dict[str, str]:
    out = {}
    for case, draft in _drafts("s1").items():
        with pytest.raises(errors.ValidationError) as caught:
            book.record(ref, draft)
        out[case] = caught.value.message
    return out


@pytest.fixture
def incident(logbook: Logbook) -> str:
    ref = logbook.create_incident("Viaducto").ref
    logbook.record(ref, NewEntry("note", "first", author="Loggist 1"))  # entry 1: a note
    logbook.record(ref, NewEntry("person", "", {"key": "s1", "role": "subject", "name": "José Núñez"}, author="L1"))
    return ref


def test_every_refusal_of_record_is_spanish_under_lang_es(
    logbook: Logbook, incident: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    english = _refusals(logbook, incident)
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    spanish = _refusals(logbook, incident)
    assert english.keys() == spanish.keys()
    for case in english:
        assert spanish[case] != english[case], case
        assert english_left(spanish[case]) == [], (case, spanish[case])
    # Word for word, for a few a loggist meets every shift; fields in the vocabulary's words.
    assert spanish["text too long"] == (
        "texto (text): tiene 50\u00a0001 caracteres; el máximo es 50\u00a0000. Divídalo en varias anotaciones."
    )
    assert spanish["unknown person"] == (
        "por (by): no hay ninguna persona con la clave «nobody-here» registrada en este incidente; regístrela primero"
    )
    assert spanish["bad choice"].startswith("categoría (category): «bomb» no es ninguno de estos valores: weapon, ")
    assert spanish["future time"].startswith("hora del suceso (occurred_at): está en el futuro")
    assert spanish["no author"] == "autor (author): es un campo obligatorio y está vacío"
    assert spanish["required field"] == "por (by): es obligatorio en una anotación de tipo «Demanda»"
    assert spanish["update of a note"].startswith("se refiere a (refs): la anotación n.º 1 es de tipo «")
    # And nothing was written by any of them.
    assert [e.kind for e in logbook.all_entries(incident)][-2:] == ["note", "person"]


def test_english_refusals_are_unchanged(logbook: Logbook, incident: str) -> None:
    english = _refusals(logbook, incident)
    assert english["text too long"] == "text: is 50,001 characters; the limit is 50,000. Split it into several entries."
    assert english["unknown person"] == (
        "by: no person with key 'nobody-here' is registered in this incident; add them first"
    )
    assert english["required field"] == "by: is required for a demand entry"
    assert english["update of a note"] == "refs: entry #1 is a note; a update must refer to a demand or offer"


@pytest.mark.parametrize("typed", ["25:99", "+10m", "10", "-3 fortnights", "-20000m", "2026-03-14", "2026-13-45T10:00"])
def test_the_time_box_refuses_in_spanish(typed: str, monkeypatch: pytest.MonkeyPatch) -> None:
    tz = UTC
    with pytest.raises(ValueError) as english:
        parse_entry_time(typed, now=NOW, tz=tz)
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    with pytest.raises(ValueError) as spanish:
        parse_entry_time(typed, now=NOW, tz=tz)
    assert str(spanish.value) != str(english.value)
    assert str(spanish.value).endswith("; escriba 21:40, -10m o déjelo vacío para ahora")
    assert english_left(str(spanish.value)) == [], str(spanish.value)


def test_late_badge_and_zone_refusal_in_spanish(monkeypatch: pytest.MonkeyPatch) -> None:
    assert format_delay(3900) == "late by 1 h 05 min"
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    assert format_delay(3900) == "con 1 h 05 min de retraso"
    assert format_delay(0) == "a tiempo"
    with pytest.raises(ValueError) as zone:
        check_zone("Mars/Olympus")
    assert str(zone.value) == "«Mars/Olympus» no es un huso horario conocido; use un nombre IANA como Europe/Madrid"


def test_cli_refusals_in_spanish_under_lang_es(tmp_path: Path) -> None:
    vault = str(tmp_path / "v.db")
    env = {"LANG": "es_ES.UTF-8", "INCIDENT_LOG_VAULT": vault}
    assert _cli("init", env=env, tmp_path=tmp_path).returncode == 0
    made = _cli("new", "--title", "Viaducto", env=env, tmp_path=tmp_path)
    assert made.returncode == 0, made.stderr
    ref = made.stdout.strip().splitlines()[-1]
    cases: dict[str, tuple[list[str], str]] = {
        "unknown person": (["demand", "Un coche", "--field", "by=zz"], "por (by): no hay ninguna persona con la clave «zz»"),
        "bad choice": (["risk", "x", "--field", "category=bomb", "--field", "status=confirmed"],
                       "categoría (category): «bomb» no es ninguno de estos valores"),
        "text too long": (["note", "x" * (MAX_TEXT_CHARS + 1)], "texto (text): tiene 50\u00a0001 caracteres"),
        "future time": (["note", "x", "--at", (NOW + timedelta(hours=2)).isoformat()], "está en el futuro"),
    }
    for case, (argv, expected) in cases.items():
        done = _cli("log", ref, *argv, "--author", "Loggist 1", env=env, tmp_path=tmp_path)
        assert done.returncode != 0, case
        assert expected in done.stderr, (case, done.stderr)
        line = next(li for li in done.stderr.splitlines() if expected in li)
        assert "Traceback" not in done.stderr
        assert english_left(line.split(":", 1)[1]) == [], (case, line)  # after "error:"


def _busy(book: Logbook) -> str:
    ref = book.create_incident("Viaducto de Segovia", location="Madrid").ref
    record: Callable[[str, NewEntry], object] = book.record
    record(ref, NewEntry("person", "", {"key": "s1", "role": "subject", "name": "José Núñez"}, author="Loggist 1"))
    record(ref, NewEntry("person", "", {"key": "n1", "role": "negotiator", "name": "Carmen Vidal"}, author="Loggist 1"))
    record(ref, NewEntry("rotation", "", {"role": "primary negotiator", "person": "n1"}, author="Loggist 1"))
    record(ref, NewEntry("rotation", "", {"role": "team leader", "person": "n1"}, author="Loggist 1"))
    record(ref, NewEntry("contact", "", {"channel": "phone", "event": "start", "with": "s1"}, author="Loggist 1"))
    record(ref, NewEntry("demand", "Quiere ver a su perro", {"by": "s1", "deadline": NOW + timedelta(minutes=20)},
                         author="Loggist 1"))
    offer = record(ref, NewEntry("offer", "Una llamada a la protectora", {"by": "n1", "to": "s1"}, author="Loggist 1"))
    record(ref, NewEntry("update", "", {"status": "accepted"}, refs=offer.seq, author="Loggist 1"))  # type: ignore[attr-defined]
    record(ref, NewEntry("risk", "Lleva una navaja", {"category": "weapon", "status": "confirmed", "about": "s1"},
                         author="Loggist 1"))
    record(ref, NewEntry("hook", "Su perro Toby", {"about": "s1"}, author="Loggist 1"))
    record(ref, NewEntry("trigger", "Su trabajo en el taller", {"about": "s1"}, author="Loggist 1"))
    record(ref, NewEntry("decision", "Vidal sigue al teléfono", {"decided_by": "n1", "rationale": "buena relación"},
                         author="Loggist 1"))
    return ref


def _summary_text(book: Logbook, ref: str, lang: str) -> str:
    entries = list(book.all_entries(ref))
    state = book.state(ref)
    result = build_summary(state, entries, redactor=make_redactor(state, entries), through=len(entries), since=0,
                           assessment="Seguir hablando.", prepared_by="Loggist 1",
                           options=ReportOptions(lang=lang, invariant=True))
    assert 1 <= result.pages <= 2
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(result.pdf)).pages)


def test_the_situation_summary_pdf_in_spanish(logbook: Logbook) -> None:
    ref = _busy(logbook)
    english = _summary_text(logbook, ref, "en")
    assert "Situation summary" in english and "Open demands and deadlines" in english and "Subject A" in english
    text = _summary_text(logbook, ref, "es")
    for wording in ("Resumen de situación", "Al teléfono y funciones", "Demandas pendientes y plazos",
                    "Ofrecimientos pendientes", "Riesgos vigentes", "arma, CONFIRMADO", "Enganches", "Temas a evitar",
                    "Valoración y recomendaciones", "Sujeto A", "DIFUSIÓN LIMITADA", "COPIA SEUDONIMIZADA",
                    "Página 1 de", "Coordinador / jefe del equipo", "por teléfono"):
        assert wording in text, wording
    assert "José" not in text and "Núñez" not in text  # the redacted copy, checked by the report's own check
    assert re.search(r"\d{2}/\d{2}/\d{4} \d{2}:\d{2}:\d{2}", text)  # dd/mm/aaaa, never a two-digit year
    # No English report wording: every line, with the incident's own (Spanish) content, read back.
    leftovers = [(line, english_left(line)) for line in text.splitlines() if english_left(line)]
    assert leftovers == []


def test_the_deadline_read_back_in_spanish(monkeypatch: pytest.MonkeyPatch) -> None:
    from incident_log.domain.deadline import read_deadline

    now = datetime(2026, 3, 14, 21, 0, tzinfo=UTC)  # a Saturday
    current = datetime(2026, 3, 14, 22, 0, tzinfo=UTC)
    english = read_deadline("+15m", now=now, tz=UTC, current=current).explanation
    assert english == "22:15 today: 15 min after the current deadline 22:00"
    assert read_deadline("2026-03-17T10:00", now=now, tz=UTC).explanation == "10:00 Tue 17 Mar, in 61 h 00 min"
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    assert read_deadline("+15m", now=now, tz=UTC, current=current).explanation == (
        "22:15 hoy: 15 min después del plazo actual, 22:00"
    )
    assert read_deadline("23:30", now=now, tz=UTC).explanation == "23:30 hoy, dentro de 2 h 30 min"
    assert read_deadline("2026-03-17T10:00", now=now, tz=UTC).explanation == "10:00 mar 17 mar, dentro de 61 h 00 min"
    earlier = read_deadline("21:30", now=now, tz=UTC, current=current)
    assert earlier.earlier_than_current and earlier.explanation.endswith("; ANTERIOR al plazo actual, 22:00")
    for typed in ("99:99", "+900h", "soon"):
        with pytest.raises(ValueError) as refused:
            read_deadline(typed, now=now, tz=UTC)
        assert str(refused.value).endswith("; escriba 23:00, +30m o una hora ISO")
        assert english_left(str(refused.value)) == [], str(refused.value)


def test_verify_reports_tampering_in_spanish(logbook: Logbook, incident: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlalchemy import text

    from incident_log.store import repository
    from tests.core.test_tamper import attacker

    with attacker(logbook) as sql:
        sql.execute(text("UPDATE entry SET text = 'changed' WHERE seq = 1"))
        repository.insert_incident(
            sql, repository.IncidentRow("intruder-id", "FAKE-1", "Fake", "other", "", utc_now(), False, "UTC"), utc_now()
        )
    english = logbook.verify().problems
    assert f"{incident} #1: content does not match its hash (changed after recording)" in english
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    spanish = logbook.verify().problems
    assert f"{incident} n.º 1: el contenido no coincide con su huella (modificado después de registrarse)" in spanish
    assert "FAKE-1: no figura en el libro de incidentes del almacén (añadido fuera del programa)" in spanish
    for problem in spanish:
        assert english_left(problem) == [], problem


def test_a_scenario_file_refused_in_spanish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import json

    from incident_log.domain.scenario import load_scenario

    bad = {"format": "incident-log/1", "incident": {"title": "Viaducto", "opened_at": "2026-03-14T21:00:00+01:00"},
           "people": [{"key": "s1", "role": "subject", "name": "X"}],
           "entries": [{"at": "2026-03-14T21:05:00+01:00", "kind": "demand", "author": "L1", "text": "Un coche",
                        "by": "zz"}]}
    path = tmp_path / "s.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(errors.ValidationError) as english:
        load_scenario(path)
    assert english.value.message == "entry 0: by: no person with key 'zz' is registered in this incident; add them first"
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    with pytest.raises(errors.ValidationError) as spanish:
        load_scenario(path)
    assert spanish.value.message == (
        "anotación 0: por (by): no hay ninguna persona con la clave «zz» registrada en este incidente; regístrela primero"
    )
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(errors.ImportError_) as broken:
        load_scenario(path)
    assert "no es un JSON válido (línea 1, columna 2:" in broken.value.message
    assert "No se ha importado nada." in broken.value.message


def test_alarms_in_spanish(logbook: Logbook, incident: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from incident_log.domain.alarms import AlarmPolicy, alarms

    logbook.record(incident, NewEntry("demand", "Un coche", {"by": "s1", "deadline": utc_now() + timedelta(minutes=5)},
                                      author="Loggist 1"))
    state = logbook.state(incident)
    deadline = state.demands[-1].deadline
    assert deadline is not None
    later = deadline - timedelta(minutes=4, seconds=30)
    policy = AlarmPolicy(deadline_warnings=(10,), silence_minutes=0)
    english = [a.text for a in alarms(state, later, policy)]
    assert len(english) == 1 and english[0].startswith("Deadline in 4 min: demand #3 by Subject A")
    monkeypatch.setenv("LANG", "es_ES.UTF-8")
    (soon,) = [a.text for a in alarms(state, later, policy)]
    assert soon.startswith("Plazo dentro de 4 min: demanda n.º 3 de Subject A — «Un coche» (a las ")
    (passed,) = [a.text for a in alarms(state, deadline + timedelta(minutes=6, seconds=30), policy)]
    assert passed.startswith("Plazo VENCIDO hace 6 min: demanda n.º 3 de ")
    silent = alarms(state, state.incident.opened_at + timedelta(minutes=125), AlarmPolicy(deadline_warnings=(), silence_minutes=30))
    assert any(a.text.startswith("Sin contacto desde hace 120 minutos") for a in silent)


def test_a_person_named_like_the_spanish_summary_wording_does_not_refuse_it(logbook: Logbook) -> None:
    ref = _busy(logbook)
    logbook.record(ref, NewEntry("person", "", {"key": "w1", "role": "witness", "name": "Contacto"}, author="Loggist 1"))
    text = _summary_text(logbook, ref, "es")  # the leak check ran on the Spanish PDF and found nothing
    assert "Contacto" in text and "Testigo 1" not in text  # the heading; the witness is not in any line


def test_a_real_leak_still_refuses_the_spanish_summary(logbook: Logbook) -> None:
    from incident_log.report.errors import ReportLeak

    ref = _busy(logbook)
    entries = list(logbook.all_entries(ref))
    state = logbook.state(ref)
    redactor = make_redactor(state, entries)
    with pytest.raises(ReportLeak):  # the redactor lets the name through: the independent check refuses
        build_summary(state, entries, redactor=_Leaky(redactor), through=len(entries), since=0,
                      assessment="Habla con José Núñez", options=ReportOptions(lang="es"))


class _Leaky:
    """A redactor that lets everything through but still names what to look for: the check must catch it."""

    def __init__(self, real: Any) -> None:
        self._real = real

    def schedule(self) -> Any:
        return self._real.schedule()

    def check_targets(self) -> Any:
        return self._real.check_targets()

    def redact(self, text: str) -> str:
        return text
