"""Names in any script print as themselves (bundled font) or with a warning; the CLI commands."""

from __future__ import annotations

import argparse
import io
from datetime import UTC, datetime
from pathlib import Path

import pytest

from incident_log import cli
from incident_log.domain.entry import NewEntry
from incident_log.logbook import Logbook
from incident_log.report import ReportOptions, build_report
from incident_log.report.source import gather, make_redactor
from tests.conftest import PASSPHRASE
from tests.report.conftest import read_pdf

T0 = datetime(2026, 5, 2, 10, 0, tzinfo=UTC)
NAMES = {"p1": "Łukasz Wróblewski", "p2": "Ελένη Παπαδοπούλου", "p3": "Дмитрий Соколов"}


@pytest.fixture
def polyglot(book: Logbook) -> str:
    ref = "NEG-2026-0777"
    book.create_incident("Kidnap, Żółkiewskiego 3", type="kidnap", location="Kraków", ref=ref, opened_at=T0)
    for key, name in NAMES.items():
        book.record(ref, NewEntry("person", fields={"key": key, "role": "hostage", "name": name}, author="Sgt Nowak"))
    book.record(ref, NewEntry("note", "Łukasz says Ελένη and Дмитрий are unhurt; café déjà vu ß æ ø.",
                              author="Sgt Nowak"))
    return ref


def test_european_greek_cyrillic_names_use_the_bundled_font(book: Logbook, polyglot: str,
                                                            options: ReportOptions) -> None:
    inputs = gather(book, polyglot)
    opts = ReportOptions(generated_at=options.generated_at, tz=UTC, unredacted_reason="test of scripts")
    result = build_report(inputs.state, inputs.entries, redactor=None, verification=inputs.verification, options=opts)
    pdf = read_pdf(result.pdf)
    for name in NAMES.values():
        assert name in pdf.text
    assert "café déjà vu ß æ ø" in pdf.text
    assert any("DejaVuSans" in font for font in pdf.fonts())
    assert not any("Helvetica" in font for font in pdf.fonts())
    assert result.warnings == ()


def test_redacted_polyglot_copy_hides_every_part(book: Logbook, polyglot: str, options: ReportOptions) -> None:
    inputs = gather(book, polyglot)
    result = build_report(inputs.state, inputs.entries, redactor=make_redactor(inputs.state, inputs.entries),
                          verification=inputs.verification, options=options)
    pdf = read_pdf(result.pdf)
    for name in NAMES.values():
        for part in name.split():
            assert not pdf.has_word(part), part
    assert not pdf.has_word("Nowak")
    assert "Hostage 1 says Hostage 2 and Hostage 3 are unhurt" in pdf.text


def test_a_script_without_a_font_gives_a_warning_not_silent_boxes(book: Logbook, polyglot: str,
                                                                   options: ReportOptions) -> None:
    book.record(polyglot, NewEntry("note", "Message on the wall: 我们要离开", author="Sgt Nowak"))
    inputs = gather(book, polyglot)
    result = build_report(inputs.state, inputs.entries, redactor=make_redactor(inputs.state, inputs.entries),
                          verification=inputs.verification, options=options)
    # This machine has no CJK font: the report must say so; with one, it must name the font used.
    assert result.warnings, "CJK text was laid out without a word to the user"
    assert any("Cjk" in w for w in result.warnings)


def test_arabic_is_shaped(book: Logbook, polyglot: str, options: ReportOptions) -> None:
    """uharfbuzz is a dependency: Arabic is shaped (joined, right to left), with no warning."""
    from incident_log.report.fonts import shaping_available

    assert shaping_available()
    book.record(polyglot, NewEntry("note", "He wrote: سلام عليكم", author="Sgt Nowak"))
    inputs = gather(book, polyglot)
    result = build_report(inputs.state, inputs.entries, redactor=make_redactor(inputs.state, inputs.entries),
                          verification=inputs.verification, options=options)
    assert not [w for w in result.warnings if "Arabic" in w]
    text = "".join(read_pdf(result.pdf).pages)
    # Shaped Arabic is drawn with contextual glyphs, whose text maps back to Arabic letters.
    assert any("\u0600" <= ch <= "\u06ff" or "\ufe70" <= ch <= "\ufeff" for ch in text)


# --- command line ------------------------------------------------------------------------------


def _args(**kw: object) -> argparse.Namespace:
    base = {"review": False, "unredacted": False, "reason": None, "classification": "OFFICIAL-SENSITIVE",
            "author": None, "output": None}
    base.update(kw)
    return argparse.Namespace(**base)


def test_cli_unredacted_report_records_an_audit_entry(book: Logbook, viaduct: str, tmp_path: Path) -> None:
    from incident_log.cli_report import run_report

    before, _ = book.head(viaduct)
    out = io.StringIO()
    target = tmp_path / "u.pdf"
    run_report(_args(ref=viaduct, output=str(target), unredacted=True, reason="IOPC referral 77",
                     author="DS Kowalski"), book, out)
    assert "UNREDACTED" in out.getvalue()
    count, _ = book.head(viaduct)
    assert count == before + 1
    audit = book.entry(viaduct, count)
    assert audit.kind == "audit" and audit.author == "DS Kowalski"
    assert audit.fields["reason"] == "IOPC referral 77"
    assert read_pdf(target).has_word("Ibarra")


def test_cli_unredacted_without_reason_fails_and_writes_nothing(vault_path: Path, viaduct: str,
                                                                 tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("INCIDENT_LOG_PASSPHRASE", PASSPHRASE)
    target = tmp_path / "u.pdf"
    code = cli.main(["--vault", str(vault_path), "report", viaduct, "-o", str(target), "--unredacted"])
    assert code != 0
    assert "needs a reason" in capsys.readouterr().err
    assert not target.exists()


def test_cli_review_shows_values_and_writes_no_pdf(book: Logbook, viaduct: str, tmp_path: Path) -> None:
    from incident_log.cli_report import run_report

    out = io.StringIO()
    run_report(_args(ref=viaduct, review=True, output=str(tmp_path / "x.pdf")), book, out)
    text = out.getvalue()
    assert "Tomás Ibarra Ruiz" in text and "Subject A" in text  # the officer's own screen
    assert "candidate" in text and "[NAME]" in text  # unregistered capitalised names, hidden by default
    assert f"incident-log report {viaduct} --keep WORD" in text  # how to change a decision
    assert not (tmp_path / "x.pdf").exists()


def test_cli_report_with_classification(vault_path: Path, viaduct: str, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("INCIDENT_LOG_PASSPHRASE", PASSPHRASE)
    target = tmp_path / "r.pdf"
    code = cli.main(["--vault", str(vault_path), "report", viaduct, "-o", str(target), "--classification", "SECRET"])
    assert code == 0, capsys.readouterr().err
    pdf = read_pdf(target)
    assert all("SECRET" in page and "OFFICIAL-SENSITIVE" not in page for page in pdf.pages)


def test_demo_needs_no_vault_and_no_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    import keyring
    from keyring.backends.fail import Keyring as FailKeyring

    keyring.set_keyring(FailKeyring())  # a headless machine: the keyring raises on every call
    monkeypatch.chdir(tmp_path)
    code = cli.main(["demo"])
    assert code == 0, capsys.readouterr().err
    target = tmp_path / "incident-log-demo.pdf"
    assert capsys.readouterr().out.strip() == str(target)
    pdf = read_pdf(target)
    assert "NEG-2026-0031" in pdf.pages[0] and "REDACTED COPY" in pdf.pages[0]
    assert not pdf.has_word("Ibarra")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["incident-log-demo.pdf"]
