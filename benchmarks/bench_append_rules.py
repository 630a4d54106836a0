"""What the one set of append rules costs per entry, beside ``validate_entry`` alone (CPU only).

Run:  python benchmarks/bench_append_rules.py [--n 20000]

``domain/append.prepare_append`` is what ``Logbook._append`` and the cell's ``Workstation`` call
inside their write lock: the seal rule, ``validate_entry``, the person-key check and the clock
warning. The disk's fsync is the rest of ``record()`` (``bench_core.py``); this times only the
rules, with the facts in memory, in interleaved blocks so noise from other processes falls on both
alike. Synthetic drafts; nothing of an incident is printed.
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import UTC, datetime, timedelta

from incident_log.domain.append import prepare_append
from incident_log.domain.entry import NewEntry
from incident_log.domain.validation import validate_entry
from incident_log.store.repository import ChainTop, Head

NOW = datetime(2026, 3, 14, 21, 0, tzinfo=UTC)


class Facts:
    opened_at = NOW - timedelta(hours=2)

    def has_person(self, key: str) -> bool:
        return key == "s1"

    def kind_of(self, seq: int) -> str | None:
        return "note" if seq < 100 else None


DRAFTS = {
    "note": NewEntry("note", "Subject asks for water and a phone charger.", author="Loggist A"),
    "person": NewEntry("person", "", {"key": "s2", "name": "Someone", "role": "hostage"}, author="Loggist A"),
    "amendment": NewEntry("amendment", "corrected", {"reason": "typo"}, refs=42, author="Loggist A"),
}


def per_call_us(work: object, n: int) -> float:
    assert callable(work)
    start = time.perf_counter()
    for _ in range(n):
        work()
    return (time.perf_counter() - start) / n * 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=20_000, help="calls per workload")
    args = parser.parse_args()
    top = ChainTop(Head(41, "0" * 64, NOW - timedelta(seconds=3)), False)
    facts = Facts()
    block = 500
    print(f"append rules, CPU only, {args.n:,} calls per workload, p50 of blocks of {block} (µs per entry)")
    for name, draft in DRAFTS.items():
        shared: list[float] = []
        alone: list[float] = []
        for _ in range(args.n // block):
            shared.append(per_call_us(lambda d=draft: prepare_append(d, top, facts, now=NOW, ref="NEG-1"), block))
            alone.append(per_call_us(lambda d=draft: validate_entry(d, facts, now=NOW), block))
        a, b = statistics.median(shared), statistics.median(alone)
        print(f"  {name:<10} prepare_append {a:6.1f} µs   validate_entry alone {b:6.1f} µs   rules beyond it {a - b:5.1f} µs")


if __name__ == "__main__":
    main()
