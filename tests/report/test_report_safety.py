"""The report refuses to leak: the self-check, the unredacted copy's reason, escaping, atomic writes."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from incident_log.domain.entry import NewEntry
from incident_log.logbook import Logbook
from incident_log.report import ReasonRequired, ReportLeak, ReportOptions, build_report, write_report
from incident_log.report.source import gather, make_redactor
from tests.report.conftest import read_pdf

T0 = datetime(2026, 3, 14, 20, 0, tzinfo=UTC)


def _incident(book: Logbook, ref: str = "NEG-2026-0500") -> str:
    book.create_incident(
        "Barricade at the garage", type="barricade", location="Garage, Elm Street", ref=ref, opened_at=T0
    )
    book.record(
        ref,
        NewEntry(
            "person",
            fields={
                "key": "s1",
                "role": "subject",
                "name": "Tomás Ibarra Ruiz",
                "aliases": ["Tomi"],
                "phones": ["+34 611 204 889"],
            },
            author="PC Hale",
        ),
    )
    return ref


def test_an_unknown_name_hidden_once_is_hidden_everywhere(book: Logbook, options: ReportOptions) -> None:
    ref = _incident(book)
    # Capitalised after a rank it is an unregistered name; typed in lowercase later it would not
    # be a candidate, but the report reads every text first and hides it there too.
    book.record(ref, NewEntry("note", "Insp Kowalski is Bronze tonight.", author="PC Hale"))
    book.record(ref, NewEntry("note", "spoke to kowalski again at 2310", author="PC Hale"))
    inputs = gather(book, ref)
    result = build_report(
        inputs.state, inputs.entries, redactor=make_redactor(inputs.state, inputs.entries),
        verification=inputs.verification, options=options,
    )
    pdf = read_pdf(result.pdf)
    assert not pdf.has_word("Kowalski")
    assert "Insp [NAME] is Bronze tonight." in pdf.text and "spoke to [NAME] again at 2310" in pdf.text


class _MissesOneEntry:
    """The real redactor, except that it lets one entry through as typed: a stand-in for a miss
    the redactor does not know it makes, which the independent check must still catch."""

    def __init__(self, real: object, marker: str) -> None:
        self._real, self._marker = real, marker

    def __getattr__(self, name: str) -> object:
        return getattr(self._real, name)

    def redact(self, text: str) -> str:
        return text if self._marker in text else self._real.redact(text)  # type: ignore[attr-defined]


def test_a_real_hit_writes_nothing_and_says_what_to_do(
    book: Logbook, options: ReportOptions, tmp_path: Path
) -> None:
    ref = _incident(book)
    missed = book.record(ref, NewEntry("note", "Ibarra stayed on the roof.", author="PC Hale"))
    inputs = gather(book, ref)
    folder = tmp_path / "reports"
    folder.mkdir()
    target = folder / "report.pdf"
    with pytest.raises(ReportLeak) as caught:
        write_report(
            target,
            inputs.state,
            inputs.entries,
            redactor=_MissesOneEntry(make_redactor(inputs.state, inputs.entries), "stayed on the roof"),
            verification=inputs.verification,
            options=options,
        )
    message = caught.value.message
    # The officer's own screen: it names the word, where it is and the decision that fixes it.
    assert "'Ibarra'" in message and "a name of Subject A" in message
    assert f"entry #{missed.seq}" in message
    assert f"incident-log report {ref} --redact 'Ibarra'" in message
    assert not target.exists()
    assert list(folder.iterdir()) == []  # no temporary file left behind either


@pytest.mark.parametrize("typed_ref", ["Ibarra-1", "TOMI-7", "OP-IBARRA-2"])
def test_a_reference_that_names_someone_is_printed_redacted(
    book: Logbook, options: ReportOptions, typed_ref: str
) -> None:
    # The ref is on every page (headers, footer, cover, verify command, PDF title). A ref someone
    # typed can name a person or a callsign: the redacted copy prints it redacted, and prints.
    ref = _incident(book, ref=typed_ref)
    inputs = gather(book, ref)
    result = build_report(
        inputs.state,
        inputs.entries,
        redactor=make_redactor(inputs.state, inputs.entries),
        verification=inputs.verification,
        options=options,
    )
    pdf = read_pdf(result.pdf)
    assert not pdf.has_word("Ibarra") and not pdf.has_word("Tomi") and not pdf.has_word("TOMI")
    assert "Subject A" in pdf.pages[0]
    assert "names someone and is redacted in this copy" in pdf.text
    title = PdfReader(io.BytesIO(result.pdf)).metadata.title
    assert "Ibarra" not in title and "TOMI" not in title


def test_alias_learned_later_is_redacted_in_earlier_entries(book: Logbook, options: ReportOptions) -> None:
    ref = _incident(book)
    first = book.record(ref, NewEntry("note", "Neighbours call him Flaco.", author="PC Hale"))
    book.amend(ref, 1, "", reason="alias learned", author="PC Hale", corrected={"aliases": ["Tomi", "Flaco"]})
    inputs = gather(book, ref)
    result = build_report(
        inputs.state,
        inputs.entries,
        redactor=make_redactor(inputs.state, inputs.entries),
        verification=inputs.verification,
        options=options,
    )
    pdf = read_pdf(result.pdf)
    assert first.seq == 2
    assert not pdf.has_word("Flaco")
    assert "Neighbours call him Subject A." in pdf.text


def test_unredacted_needs_a_reason(book: Logbook, options: ReportOptions) -> None:
    ref = _incident(book)
    inputs = gather(book, ref)
    with pytest.raises(ReasonRequired):
        build_report(
            inputs.state, inputs.entries, redactor=None, verification=inputs.verification, options=options
        )


def test_unredacted_copy_names_people_and_says_why(book: Logbook, options: ReportOptions) -> None:
    ref = _incident(book)
    inputs = gather(book, ref)
    opts = ReportOptions(
        generated_at=options.generated_at, tz=UTC, unredacted_reason="Coroner's request 4411"
    )
    result = build_report(
        inputs.state, inputs.entries, redactor=None, verification=inputs.verification, options=opts
    )
    pdf = read_pdf(result.pdf)
    assert pdf.has_word("Ibarra") and "PC Hale" in pdf.text  # the check above can fail
    assert "Coroner's request 4411" in pdf.pages[0]
    for page in pdf.pages:
        assert "UNREDACTED \u2014 RESTRICTED" in page
    assert "Redaction schedule" not in pdf.text


def test_authors_are_loggist_labels_in_the_redacted_copy(book: Logbook, options: ReportOptions) -> None:
    ref = _incident(book)
    book.record(ref, NewEntry("note", "PC Hale hands over to Sgt Okafor.", author="Sgt Okafor"))
    inputs = gather(book, ref)
    result = build_report(
        inputs.state,
        inputs.entries,
        redactor=make_redactor(inputs.state, inputs.entries),
        verification=inputs.verification,
        options=options,
    )
    pdf = read_pdf(result.pdf)
    assert not pdf.has_word("Hale") and not pdf.has_word("Okafor")
    assert "Loggist 1" in pdf.text and "Loggist 2" in pdf.text
    assert "Loggist 1 hands over to Loggist 2." in pdf.text


def test_markup_in_entry_text_is_printed_literally(book: Logbook, options: ReportOptions) -> None:
    ref = _incident(book)
    book.record(ref, NewEntry("note", 'He typed <b>stop</b> & "<font size=40>"', author="PC Hale"))
    inputs = gather(book, ref)
    result = build_report(
        inputs.state,
        inputs.entries,
        redactor=make_redactor(inputs.state, inputs.entries),
        verification=inputs.verification,
        options=options,
    )
    assert '<b>stop</b> & "<font size=40>"' in read_pdf(result.pdf).text


def test_amendment_shows_original_and_correction_and_flags_are_marked(
    book: Logbook, options: ReportOptions
) -> None:
    ref = _incident(book)
    wrong = book.record(ref, NewEntry("note", "Subject has a knife in the left hand.", author="PC Hale"))
    fix = book.amend(
        ref, wrong.seq, "Subject has a knife in the right hand.", reason="officer corrected", author="PC Hale"
    )
    book.flag(ref, wrong.seq, reason="check body-cam", author="PC Hale")
    inputs = gather(book, ref)
    result = build_report(
        inputs.state,
        inputs.entries,
        redactor=make_redactor(inputs.state, inputs.entries),
        verification=inputs.verification,
        options=options,
    )
    text = read_pdf(result.pdf).text
    assert "knife in the left hand" in text and "knife in the right hand" in text
    assert text.index("left hand") < text.index("right hand")
    assert f"corrected by #{fix.seq}: officer corrected" in text
    assert "FLAGGED FOR DEBRIEF: check body-cam" in text


def test_late_entry_shows_when_it_was_recorded(book: Logbook, options: ReportOptions) -> None:
    ref = _incident(book)
    late = datetime.now(UTC) - timedelta(hours=2)
    book.record(
        ref,
        NewEntry(
            "note", "Shots heard earlier.", occurred_at=late, author="PC Hale", delay_reason="radio relay"
        ),
    )
    inputs = gather(book, ref)
    result = build_report(
        inputs.state,
        inputs.entries,
        redactor=make_redactor(inputs.state, inputs.entries),
        verification=inputs.verification,
        options=options,
    )
    # "rec." and the recording time (on its own line: the pair is wider than the column).
    assert re.search(r"rec\.\s+\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}", read_pdf(result.pdf).text)


def test_write_replaces_an_existing_file_atomically(
    book: Logbook, options: ReportOptions, tmp_path: Path
) -> None:
    ref = _incident(book)
    folder = tmp_path / "reports"
    folder.mkdir()
    target = folder / "r.pdf"
    target.write_bytes(b"old")
    inputs = gather(book, ref)
    write_report(
        target,
        inputs.state,
        inputs.entries,
        redactor=make_redactor(inputs.state, inputs.entries),
        verification=inputs.verification,
        options=options,
    )
    assert target.read_bytes().startswith(b"%PDF")
    assert [p.name for p in folder.iterdir()] == ["r.pdf"]


def test_the_situation_summary_prints_a_naming_reference_redacted(book: Logbook, options: ReportOptions) -> None:
    from incident_log.report.summary import build_summary

    ref = _incident(book, ref="OP-IBARRA-2")
    inputs = gather(book, ref)
    head = inputs.entries[-1].seq
    result = build_summary(
        inputs.state, inputs.entries, redactor=make_redactor(inputs.state, inputs.entries),
        through=head, since=0, options=options,
    )
    pdf = read_pdf(result.pdf)
    assert not pdf.has_word("Ibarra") and not pdf.has_word("IBARRA") and "Subject A" in pdf.text


@pytest.mark.parametrize("name", ["FALSE", "Trapped False", "Page"])
def test_a_person_named_like_the_pdf_formats_own_flags_still_prints(book: Logbook, options: ReportOptions,
                                                                    name: str) -> None:
    # The PDF's metadata carries /Trapped /False, a name object no reader sees: not incident content.
    from incident_log.report.summary import build_summary

    ref = book.create_incident("Roof", ref="NEG-2026-0900", opened_at=T0).ref
    book.record(ref, NewEntry("person", fields={"key": "s1", "role": "subject", "name": name}, author="PC Hale"))
    inputs = gather(book, ref)
    redactor = make_redactor(inputs.state, inputs.entries)
    build_report(inputs.state, inputs.entries, redactor=redactor, verification=inputs.verification, options=options)
    build_summary(inputs.state, inputs.entries, redactor=redactor, through=inputs.entries[-1].seq, since=0, options=options)
