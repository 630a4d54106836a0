"""Measuring one incident: import it, build the redacted report, read the PDF back, compare.

Shared by ``tests/redaction/test_incidents.py`` and ``benchmarks/measure_redaction.py``. The
comparison is deliberately simple and independent of the product: accents and case folded
with unicodedata, whole-word search with ``re``, and digits compared with any separators.
"""

from __future__ import annotations

import io
import re
import subprocess
import unicodedata
from pathlib import Path

from incident_log.logbook import Logbook
from incident_log.report import ReportLeak, ReportOptions, build_report
from incident_log.report.source import gather, make_redactor
from tests.redaction.incidents import Incident


def _fold(text: str, *, keep_case: bool = False) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").replace("\u00a0", " ")
    text = re.sub(r"\s+", " ", text)
    return text if keep_case else text.lower()


def _digit_runs(text: str) -> list[str]:
    return ["".join(ch for ch in m.group(0) if ch.isdigit()) for m in re.finditer(r"\d[\d\s.\-/()+]*\d", text)]


def _rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def _present(needle: str, haystack: str, *, keep_case: bool) -> bool:
    folded = _fold(needle, keep_case=keep_case)
    # Right-to-left text may be extracted in visual order: look for it reversed as well.
    forms = {folded, folded[::-1]} if _rtl(folded) else {folded}
    return any(re.search(r"(?<![\w])" + re.escape(f) + r"(?![\w])", haystack) is not None for f in forms)


def _survives(needle: str, cased: str) -> bool:
    folded = _fold(needle, keep_case=True)
    if not _rtl(folded):
        return folded in cased
    # Right-to-left words come out of the PDF in visual order, and in presentation forms
    # (folded back by NFKD): each word must be there, in either direction.
    return all(w in cased or w[::-1] in cased for w in folded.split())


def pdf_text(pdf: bytes) -> str:
    """pdftotext's text and pypdf's text, together: a leak seen by either counts."""
    from pypdf import PdfReader

    done = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    pypdf_text = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)
    return done.stdout.decode("utf-8") + "\n" + pypdf_text


def measure(incident: Incident, folder: Path) -> dict[str, object]:
    """{"entries", "pages", "leaks": [...], "lost": [...]} or {"entries", "refused": message}."""
    path = folder / f"{incident.name}.db"
    with Logbook.create(path, "measure-passphrase", remember_in_keyring=False, kdf_cost=12) as book:
        ref = book.import_scenario(incident.scenario).ref
        inputs = gather(book, ref)
        redactor = make_redactor(inputs.state, inputs.entries)
        try:
            result = build_report(
                inputs.state, inputs.entries, redactor=redactor, verification=inputs.verification,
                options=ReportOptions(),
            )
        except ReportLeak as exc:
            return {"entries": len(inputs.entries), "refused": exc.message}
    text = pdf_text(result.pdf)
    folded, cased = _fold(text), _fold(text, keep_case=True)
    runs = _digit_runs(text)
    leaks = []
    for needle in incident.truth.must_not_appear:
        digits = "".join(ch for ch in needle if ch.isdigit())
        if _present(needle, folded, keep_case=False) or (len(digits) >= 7 and any(digits in r for r in runs)):
            leaks.append(needle)
    for needle in incident.truth.must_not_appear_cased:
        if _present(needle, cased, keep_case=True):
            leaks.append(needle)
    lost = [needle for needle in incident.truth.must_survive if not _survives(needle, cased)]
    return {"entries": len(inputs.entries), "pages": result.pages, "leaks": leaks, "lost": lost}


