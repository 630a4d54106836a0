"""How long ``fold`` takes over 100,000 synthetic entries (not a test: timings depend on the machine).

Run: ``python -m tests.domain.bench_fold``. On the 2-core build box it prints ~0.2-0.3 s.
"""

from __future__ import annotations

import random
import time
from datetime import UTC, datetime, timedelta
from typing import Any

from incident_log.domain.entry import Entry, Incident
from incident_log.domain.projections import fold

OPENED = datetime(2026, 3, 14, 20, tzinfo=UTC)
ROLES = ["primary negotiator", "secondary/coach", "team leader"]


def synthetic(count: int = 100_000, seed: int = 1) -> list[Entry]:
    rng = random.Random(seed)
    entries: list[Entry] = []
    demands: list[int] = []
    offers: list[int] = []
    people = [f"p{i}" for i in range(40)]

    def add(kind: str, fields: dict[str, Any] | None = None, refs: int | None = None, text: str = "words") -> int:
        seq = len(entries) + 1
        at = OPENED + timedelta(seconds=seq)
        entries.append(
            Entry(
                incident_id="x", seq=seq, kind=kind, occurred_at=at,
                recorded_at=at + timedelta(seconds=rng.randint(0, 1200)), author=f"L{seq % 3}", text=text,
                fields=fields or {}, refs=refs, delay_reason=None, origin="live", prev_hash="p", hash=f"h{seq}",
            )
        )
        return seq

    for key in people:
        role = rng.choice(["subject", "hostage", "witness", "other"])
        add("person", {"key": key, "role": role, "name": f"Name {key}", "aliases": ["a"], "phones": ["1"]})
    later = (OPENED + timedelta(hours=6)).isoformat()
    makers = [
        (0.30, lambda: add("note")),
        (0.40, lambda: add("statement", {"speaker": rng.choice(people), "channel": "phone"})),
        (0.45, lambda: add("rotation", {"role": rng.choice(ROLES), "person": rng.choice(people)})),
        (0.50, lambda: demands.append(add("demand", {"by": rng.choice(people), "deadline": later}))),
        (0.55, lambda: offers.append(add("offer", {"by": rng.choice(people), "to": rng.choice(people)}))),
        (0.62, lambda: add("update", {"status": "met", "deadline": later}, refs=rng.choice(demands))),
        (0.66, lambda: add("update", {"status": "accepted"}, refs=rng.choice(offers))),
        (0.72, lambda: add("amendment", {"reason": "r", "corrected": {"name": "N"}}, refs=rng.randint(1, len(entries)))),
        (0.76, lambda: add("contact", {"channel": "phone", "event": rng.choice(["start", "end", "attempt"])})),
        (0.80, lambda: add("intel", {"source": "s", "grading": "B2"})),
        (0.84, lambda: add("risk", {"category": "weapon", "status": "reported"})),
        (0.88, lambda: add("hook", {"about": rng.choice(people)})),
        (0.92, lambda: add("flag", {"reason": "x"}, refs=rng.randint(1, len(entries)))),
        (0.94, lambda: add("review", {"upto": len(entries)})),
        (1.00, lambda: add("decision", {"rationale": "why"})),
    ]
    add("demand", {"by": people[0]})
    demands.append(len(entries))
    add("offer", {"by": people[0]})
    offers.append(len(entries))
    while len(entries) < count:
        r = rng.random()
        next(make for limit, make in makers if r < limit)()
    return entries


def main() -> None:
    entries = synthetic()
    incident = Incident(id="x", ref="R", title="t", type="other", location="", opened_at=OPENED, exercise=False)
    as_of = OPENED + timedelta(days=2)
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        state = fold(incident, entries, as_of=as_of)
        best = min(best, time.perf_counter() - start)
    print(f"{len(entries):,} entries: best of 5 {best * 1000:.0f} ms ({len(state.demands)} demands, "
          f"{len(state.roster.spells)} spells)")


if __name__ == "__main__":
    main()
