"""Benchmark: the redacted debrief report of a 10,000-entry incident with 50 registered people.

Targets (issue 4): report under 15 s and 500 MB peak; redacting the text alone under 1 s.
Entries are built as values with a real hash chain and folded by the real projections, so the
figures are the report's own (no vault I/O). Run:

    /tmp/venv/bin/python benchmarks/bench_report.py [ENTRIES] [PEOPLE]
"""

from __future__ import annotations

import random
import resource
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta

from incident_log.domain.entry import ORIGIN_LIVE, Entry, Incident, chain_hash, entry_payload, genesis_hash
from incident_log.domain.kinds import CHANNELS, PERSON_ROLES, ROTATION_ROLES
from incident_log.domain.projections import fold
from incident_log.report import ReportOptions, VerifySummary, build_report
from incident_log.report.source import make_redactor

FIRST = [
    "Tomás",
    "Łukasz",
    "Ελένη",
    "Дмитрий",
    "Ana",
    "Jean-Luc",
    "Siobhán",
    "Mehmet",
    "Ingrid",
    "Paulo",
    "Zofia",
    "Kwame",
    "Marta",
    "Olu",
    "Henrik",
    "Inés",
    "Priya",
    "Yusuf",
    "Chloé",
    "Bjørn",
]
LAST = [
    "Ibarra",
    "Wróblewski",
    "Papadopoulou",
    "Sokolov",
    "Núñez",
    "O'Brien",
    "Müller",
    "Kowalski",
    "Rossi",
    "Dubois",
    "Nowak",
    "Haddad",
    "Silva",
    "Jansen",
    "Novák",
    "Eriksen",
    "García",
    "Murphy",
    "Kaya",
    "Lindqvist",
]
WORDS = (
    "subject says he wants to talk about the dog and the job at the workshop he is calm now the "
    "negotiator repeats the offer and asks about his sister the cordon holds both ends"
).split()


def synthetic(n_entries: int, n_people: int, seed: int = 7) -> tuple[Incident, list[Entry], list[str]]:
    rnd = random.Random(seed)
    incident_id = str(uuid.UUID(int=seed))
    t0 = datetime(2026, 3, 14, 20, 0, tzinfo=UTC)
    people = []
    for i in range(n_people):
        name = f"{FIRST[i % len(FIRST)]} {LAST[(i * 7) % len(LAST)]}"
        role = "subject" if i < 2 else ("negotiator" if i < 8 else PERSON_ROLES[i % len(PERSON_ROLES)])
        people.append((f"p{i}", role, name, [f"{FIRST[i % len(FIRST)][:3]}{i}"], [f"6{i:02d} 555 {i:03d}"]))
    negotiators = [p[0] for p in people if p[1] == "negotiator"]
    entries: list[Entry] = []
    prev = genesis_hash(incident_id)
    authors = [f"PC {LAST[i]}" for i in range(4)]

    def add(kind: str, text: str, fields: dict, at: datetime) -> None:
        nonlocal prev
        seq = len(entries) + 1
        payload = entry_payload(
            incident_id=incident_id,
            seq=seq,
            kind=kind,
            occurred_at=at,
            recorded_at=at,
            author=authors[seq % len(authors)],
            text=text,
            fields=fields,
            refs=None,
            delay_reason=None,
            origin=ORIGIN_LIVE,
        )
        digest = chain_hash(prev, payload)
        entries.append(
            Entry(
                incident_id,
                seq,
                kind,
                at,
                at,
                payload["author"],
                text,
                fields,
                None,
                None,
                ORIGIN_LIVE,
                prev,
                digest,
            )
        )
        prev = digest

    for key, role, name, aliases, phones in people:
        add("person", "", {"key": key, "role": role, "name": name, "aliases": aliases, "phones": phones}, t0)
    for i in range(n_entries - n_people):
        at = t0 + timedelta(seconds=20 * (i + 1))
        person = people[rnd.randrange(n_people)]
        words = [rnd.choice(WORDS) for _ in range(rnd.randint(6, 40))]
        if rnd.random() < 0.5:
            words.insert(rnd.randrange(len(words)), person[2] + "'s" if rnd.random() < 0.2 else person[2])
        if rnd.random() < 0.05:
            words.append(f"tel {person[4][0]}")
        text = " ".join(words).capitalize() + "."
        roll = rnd.random()
        if roll < 0.02:
            add(
                "rotation",
                text,
                {"role": rnd.choice(ROTATION_ROLES[:2]), "person": rnd.choice(negotiators)},
                at,
            )
        elif roll < 0.25:
            add("statement", text, {"speaker": people[0][0], "channel": rnd.choice(CHANNELS)}, at)
        elif roll < 0.35:
            add("intel", text, {"source": "control room", "grading": "B2"}, at)
        else:
            add("note", text, {}, at)
    incident = Incident(
        incident_id,
        "BENCH-0001",
        "Synthetic long incident",
        "hostage",
        "Somewhere",
        t0,
        False,
        entry_count=len(entries),
        head_hash=prev,
    )
    return incident, entries, [p[2] for p in people]


def main() -> None:
    n_entries = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    n_people = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    incident, entries, _names = synthetic(n_entries, n_people)
    t = time.perf_counter()
    state = fold(incident, entries, as_of=entries[-1].occurred_at)
    fold_s = time.perf_counter() - t

    redactor = make_redactor(state, entries)
    texts = [e.text for e in entries]
    t = time.perf_counter()
    for text in texts:
        redactor.redact(text)
    redact_s = time.perf_counter() - t

    verification = VerifySummary(True, len(entries), state.head_hash)
    t = time.perf_counter()
    cpu = time.process_time()
    result = build_report(
        state,
        entries,
        redactor=make_redactor(state, entries),
        verification=verification,
        options=ReportOptions(),
    )
    report_s = time.perf_counter() - t
    report_cpu = time.process_time() - cpu
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB

    print(f"entries={len(entries)} people={n_people}")
    print(f"fold:                 {fold_s:6.2f} s")
    print(f"redact text alone:    {redact_s:6.2f} s   (target < 1 s)")
    print(
        f"redacted report:      {report_s:6.2f} s   (target < 15 s), {result.pages} pages, "
        f"{len(result.pdf) / 1e6:.1f} MB, self-checked"
    )
    # Wall time depends on what else the machine runs; CPU time is the report's own cost.
    print(f"  of which CPU:       {report_cpu:6.2f} s   (wall minus waiting for a shared CPU)")
    print(f"peak memory (RSS):    {peak_mb:6.0f} MB  (target < 500 MB)")
    print(f"schedule: {dict(result.schedule)}")


if __name__ == "__main__":
    main()
