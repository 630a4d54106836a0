"""A guard against losing the one-trie design: a big log must stay far below a second.

The figure itself comes from benchmarks/bench_redaction.py (~0.35 s CPU for 10,000 entries of
~200 characters and 50 people on this machine). The bound here is loose on purpose: the machine
is shared, and the test is there to catch a tenfold regression, not a few percent.
"""

from __future__ import annotations

import random
import time

from benchmarks.bench_redaction import make_people, make_texts
from incident_log.redaction import Redactor


def test_ten_thousand_entries_fifty_people() -> None:
    rng = random.Random(7)
    people = make_people(rng, 50)
    texts = make_texts(rng, people, 10_000)
    redactor = Redactor.from_people(people)
    started = time.process_time()
    out = [redactor.redact(text) for text in texts]
    elapsed = time.process_time() - started
    assert elapsed < 2.5, f"{elapsed:.2f} s CPU"
    assert redactor.schedule()["names"] >= 10_000
    assert redactor.find_leaks("\n".join(out[:500])) == []
