"""Registered phones in any spelling; detectors for unregistered e-mails, phones and plates."""

from __future__ import annotations

import pytest

from tests.redaction.conftest import person, redactor_for

SUBJECT = person("Subject A", "Tomás Ibarra", phones=("+34 611 204 889",))


@pytest.mark.parametrize(
    "written",
    [
        "+34 611 204 889",
        "611204889",
        "0034-611-204-889",
        "(611) 204 889",
        "611.204.889",
        "611 20 48 89",
        "+34611204889",
        "34611204889",
        "(+34) 611-204-889",
        "611\n204 889",
        "６１１２０４８８９",
        "611–204–889",
    ],
)
def test_registered_phone_in_any_spelling(written: str) -> None:
    out = redactor_for(SUBJECT).redact(f"Mobile {written}. Call back")
    assert out == "Mobile [phone of Subject A]. Call back"


def test_registered_phone_written_differently_in_register() -> None:
    redactor = redactor_for(person("Family 1", "Lucía", phones=("0034 (611) 557-302",)))
    assert redactor.redact("tel 611 557 302") == "tel [phone of Family 1]"


def test_short_registered_phone_matches_whole_number_only() -> None:
    redactor = redactor_for(person("Witness 1", "Ana", phones=("204 889",)))
    assert redactor.redact("ext 204889 or 204 889") == "ext [phone of Witness 1] or [phone of Witness 1]"
    assert redactor.redact("ref 12048891") == "ref 12048891"


def test_amended_away_phone_is_still_hidden() -> None:
    redactor = redactor_for(
        person("Subject A", "Tomás", phones=("611 204 889",), old_phones=("611 204 888",))
    )
    assert redactor.redact("first 611 204 888 then 611204889") == (
        "first [phone of Subject A] then [phone of Subject A]"
    )


def test_phone_shared_by_two_people_is_neutral() -> None:
    redactor = redactor_for(
        person("Subject A", "Tomás", phones=("611 204 889",)),
        person("Family 1", "Lucía", phones=("611204889",)),
    )
    assert redactor.redact("home 611 204 889") == "home [PHONE]"


@pytest.mark.parametrize(
    "written",
    [
        "+44 7700 900123",
        "07700 900 123",
        "555 1234",
        "555-12-34",
        "+33 1 23 45 67 89",
        "917 555 0100",
        "612345678",
    ],
)
def test_unregistered_phone_detected(written: str) -> None:
    redactor = redactor_for(SUBJECT)
    assert redactor.redact(f"friend on {written} today") == "friend on [PHONE] today"
    assert redactor.schedule()["phones"] == 1


@pytest.mark.parametrize(
    "written",
    [
        "tomas.ibarra@gmail.com",
        "T.I+neg@policia.es",
        "jose_nunez@correo.example.org",
        "ana@sub.dominio.co.uk",
    ],
)
def test_email_detected_whole(written: str) -> None:
    redactor = redactor_for(SUBJECT, person("Subject B", "José Núñez"))
    assert redactor.redact(f"wrote to {written}.") == "wrote to [EMAIL]."
    schedule = redactor.schedule()
    assert schedule["emails"] == 1 and sum(schedule.values()) == 1


@pytest.mark.parametrize(
    "plate",
    [
        "1234 BCD",  # Spanish plates have no vowels: "1234 ABC" is not one
        "1234-bcd",
        "1234 bcd",
        "E-1234-BCD",
        "4521KLM",
        "AB12 CDE",
        "AB12CDE",
        "AB-123-CD",
        "AB 123 CD",
        "M-1234-AB",
        "GR 1234 BC",
        "B-MW 1234",
        "12-ABC-3",
        "KX19 LMO",
        "kx19lmo",
        "191-D-12345",
        "m-5678-zb",
    ],
)
def test_plates_detected(plate: str) -> None:
    redactor = redactor_for(SUBJECT)
    assert redactor.redact(f"white van {plate} parked") == "white van [PLATE] parked"


@pytest.mark.parametrize(
    "text",
    [
        "Grading B2, then A1 and C3.",
        "Contact at 21:40, ended 23:02; visit at 09:00.",
        "Dated 2026-03-14 and 14/03/2026 and 14.03.2026.",
        "She signs (LSE); PNC/DNI check done.",
        "Ref NEG-2026-0031, about 25 m, 10,000 entries, 1500 EUR, 2300 HRS.",
        "Seq 1234567 and count 12345678.",
        "Room 101, floor 3, M-30 ring road, A-6 motorway, COVID-19.",
        "2026-03-14T21:05:00+01:00",
        "A ransom of 1.500.000 euros, or 1 500 000, at 40.416775, -3.703790.",
        "Hash 3f5a9c1234567890ab and 9f86d081884c7d659a2feaa0c55ad015.",
    ],
)
def test_detectors_leave_ordinary_text_alone(text: str) -> None:
    redactor = redactor_for(SUBJECT)
    assert redactor.redact(text) == text
    assert sum(redactor.schedule().values()) == 0
