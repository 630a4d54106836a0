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
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.redaction.incidents import load, names  # noqa: E402
from tests.redaction.incidents.measure import measure  # noqa: E402


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
