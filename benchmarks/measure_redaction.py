"""Leaks and over-redactions of the redacted report on the hand-written incidents.

    python benchmarks/measure_redaction.py            # the incidents used while developing
    python benchmarks/measure_redaction.py --held-out # the ones written last, measured at the end
    python benchmarks/measure_redaction.py --all --show   # also print which strings (test data only)

Each incident (tests/redaction/incidents/*.incident) is imported into a real vault, its redacted
report is built with the default decisions, and the finished PDF is read back with pdftotext
and pypdf. The ground truth is the incident author's, written without the redactor:
a *leak* is a NOT/NOT_CASED string found in the PDF, an *over-redaction* a KEEP string missing.
A report that refuses to print counts as refused (its leaks then cannot be measured).
"""

from __future__ import annotations

import argparse
import io
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from incident_log.logbook import Logbook  # noqa: E402
from incident_log.report import ReportLeak, ReportOptions, build_report  # noqa: E402
from incident_log.report.source import gather, make_redactor  # noqa: E402
from tests.redaction.incidents import Incident, load, names  # noqa: E402


def _fold(text: str, *, keep_case: bool = False) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.replace("’", "'").replace("\u00a0", " ")
    text = re.sub(r"\s+", " ", text)
    return text if keep_case else text.lower()


def _digit_runs(text: str) -> list[str]:
    return ["".join(ch for ch in m.group(0) if ch.isdigit()) for m in re.finditer(r"\d[\d\s.\-/()+]*\d", text)]


def _present(needle: str, haystack: str, *, keep_case: bool) -> bool:
    pattern = r"(?<![\w])" + re.escape(_fold(needle, keep_case=keep_case)) + r"(?![\w])"
    return re.search(pattern, haystack) is not None


def pdf_text(pdf: bytes) -> str:
    """pdftotext's text and pypdf's text, together: a leak seen by either counts."""
    from pypdf import PdfReader

    done = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    pypdf_text = "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(pdf)).pages)
    return done.stdout.decode("utf-8") + "\n" + pypdf_text


def measure(incident: Incident, folder: Path) -> dict[str, object]:
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
    lost = [needle for needle in incident.truth.must_survive if _fold(needle, keep_case=True) not in cased]
    return {"entries": len(inputs.entries), "pages": result.pages, "leaks": leaks, "lost": lost}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--held-out", action="store_true", help="only the incidents written last")
    group.add_argument("--all", action="store_true", help="every incident")
    parser.add_argument("--show", action="store_true", help="print the leaked and lost strings (test data)")
    parser.add_argument("names", nargs="*", help="incident names (default: the development set)")
    args = parser.parse_args()
    chosen = args.names or names(None if args.all else args.held_out)
    total_leaks = total_lost = refused = 0
    print(f"{'incident':28s} {'entries':>7s} {'pages':>5s} {'leaks':>5s} {'over-redacted':>13s}")
    with tempfile.TemporaryDirectory() as tmp:
        for name in chosen:
            incident = load(name)
            figures = measure(incident, Path(tmp))
            if "refused" in figures:
                refused += 1
                print(f"{name:28s} {figures['entries']:7d}  REFUSED")
                if args.show:
                    print("    " + str(figures["refused"]))
                continue
            leaks, lost = figures["leaks"], figures["lost"]
            assert isinstance(leaks, list) and isinstance(lost, list)
            total_leaks += len(leaks)
            total_lost += len(lost)
            print(f"{name:28s} {figures['entries']:7d} {figures['pages']:5d} {len(leaks):5d} {len(lost):13d}")
            if args.show:
                for needle in leaks:
                    print(f"    leak: {needle}")
                for needle in lost:
                    print(f"    lost: {needle}")
    print(f"{'total':28s} {'':7s} {'':5s} {total_leaks:5d} {total_lost:13d}   refused: {refused}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
