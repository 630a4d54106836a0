"""The bundled viaduct incident makes a correct redacted report: checked by reading the PDF back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from incident_log.logbook import Logbook
from incident_log.report import ReportOptions, build_report, write_report
from incident_log.report.source import gather, make_redactor
from tests.report.conftest import VIADUCT_LABELS, VIADUCT_PHONES, VIADUCT_SECRETS, ReadBack, read_pdf


@pytest.fixture
def redacted(book: Logbook, viaduct: str, options: ReportOptions, tmp_path: Path) -> tuple[ReadBack, Path]:
    inputs = gather(book, viaduct)
    path = tmp_path / "out" / "viaduct.pdf"
    path.parent.mkdir()
    result = write_report(
        path,
        inputs.state,
        inputs.entries,
        redactor=make_redactor(inputs.state, inputs.entries),
        verification=inputs.verification,
        options=options,
    )
    assert result.path == path and result.redacted
    return read_pdf(path), path


def test_no_form_of_any_registered_name_or_phone_survives(redacted: tuple[ReadBack, Path]) -> None:
    pdf, _ = redacted
    assert len(pdf.text) > 3000  # the extraction really saw the document
    leaked = [word for word in VIADUCT_SECRETS if pdf.has_word(word)]
    assert leaked == []
    digits = pdf.digits()
    assert [phone for phone in VIADUCT_PHONES if phone in digits] == []


def test_every_label_appears(redacted: tuple[ReadBack, Path]) -> None:
    pdf, _ = redacted
    for label in VIADUCT_LABELS:
        assert label in pdf.text, label
    assert "[phone of Subject A]" in pdf.text or "[PHONE]" in pdf.text


def test_cover_ref_title_and_marking(redacted: tuple[ReadBack, Path]) -> None:
    pdf, _ = redacted
    cover = pdf.pages[0]
    assert "NEG-2026-0031" in cover
    # "Puente de Segovia": both words are also surnames, so by default the place is hidden too.
    assert "Man beyond the railing, [NAME]" in cover
    assert "REDACTED COPY" in cover and "EDITED VERSION" in cover
    assert "suicide intervention" in cover


def test_every_page_has_marking_ref_and_page_x_of_y(redacted: tuple[ReadBack, Path]) -> None:
    pdf, _ = redacted
    total = len(pdf.pages)
    assert total >= 5
    for number, page in enumerate(pdf.pages, start=1):
        assert f"Page {number} of {total}" in page
        assert page.count("OFFICIAL-SENSITIVE") >= 2  # header and footer
        assert "NEG-2026-0031" in page
        assert "REDACTED COPY" in page
        assert "EXERCISE" not in page  # viaduct is a real incident


def test_integrity_page_prints_the_vault_head(
    redacted: tuple[ReadBack, Path], book: Logbook, viaduct: str
) -> None:
    pdf, _ = redacted
    count, head = book.head(viaduct)
    integrity = next(page for page in pdf.pages if "Integrity" in page and "Head hash" in page)
    squashed = re.sub(r"\s+", "", integrity)
    assert head in squashed
    assert f"incident-logverify{viaduct}--head{head}--count{count}" in squashed
    assert "intact" in integrity
    assert "Incident Log test" in integrity  # the program version


def test_redacted_copy_ends_with_a_schedule_of_counts_not_values(redacted: tuple[ReadBack, Path]) -> None:
    pdf, _ = redacted
    last = pdf.pages[-1]
    assert "Redaction schedule" in last
    assert "Phone numbers" in last and "Names of people" in last
    assert re.search(r"Names of people[^\n]*\n?\s*\d+", last)


def test_metadata_carries_no_identity(redacted: tuple[ReadBack, Path]) -> None:
    pdf, _ = redacted
    assert pdf.metadata.get("/Title") == "NEG-2026-0031"
    assert pdf.metadata.get("/Author", "") == ""
    assert pdf.metadata.get("/Subject", "") == ""
    assert not pdf.reader.outline
    for page in pdf.reader.pages:
        assert not page.get("/Annots")


def test_sections_in_order(redacted: tuple[ReadBack, Path]) -> None:
    pdf, _ = redacted
    text = pdf.text
    headings = [
        "1. Summary",
        "2. People",
        "3. Negotiator rotation",
        "4. Demands and offers",
        "5. Hooks, triggers and risks",
        "6. Intelligence",
        "7. Decisions",
        "8. Full timeline",
        "9. Integrity",
        "10. Redaction schedule",
    ]
    positions = [text.find(h) for h in headings]
    assert -1 not in positions, [h for h, p in zip(headings, positions, strict=True) if p == -1]
    assert positions == sorted(positions)
    assert "Time to first contact" in text and "16 min 00 s" in text  # 21:05 opened, 21:21 first contact
    assert "B2" in text and "control room PNC/DNI check" in text  # intelligence with source and grading
    assert "Reduces pressure; cordon still holds both ends." in text  # decision rationale


def test_invariant_mode_is_byte_identical(book: Logbook, viaduct: str, options: ReportOptions) -> None:
    inputs = gather(book, viaduct)

    def make() -> bytes:
        return build_report(
            inputs.state,
            inputs.entries,
            redactor=make_redactor(inputs.state, inputs.entries),
            verification=inputs.verification,
            options=options,
        ).pdf

    assert make() == make()


def test_exercise_on_every_page(book: Logbook, viaduct_data: dict, options: ReportOptions) -> None:
    viaduct_data["incident"]["exercise"] = True
    ref = book.import_scenario(viaduct_data, ref="EX-2026-0001").ref
    inputs = gather(book, ref)
    result = build_report(
        inputs.state,
        inputs.entries,
        redactor=make_redactor(inputs.state, inputs.entries),
        verification=inputs.verification,
        options=options,
    )
    pdf = read_pdf(result.pdf)
    for page in pdf.pages:
        assert "EXERCISE" in page


def test_progress_reaches_the_end(book: Logbook, viaduct: str, options: ReportOptions) -> None:
    seen: list[tuple[int, int]] = []
    inputs = gather(book, viaduct)
    build_report(
        inputs.state,
        inputs.entries,
        redactor=make_redactor(inputs.state, inputs.entries),
        verification=inputs.verification,
        options=options,
        progress=lambda d, t: seen.append((d, t)),
    )
    assert seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
