"""Benchmark: the redacted debrief report of a 10,000-entry incident with 50 registered people.

Targets (issue 8): report under 15 s and 500 MB peak, including the independent check of the
finished PDF. Entries are realistic sentences of 12 to 40 words (names written in full, in
part, in capitals, possessive; times; phones), about 790 pages. They are built as values with
a real hash chain and folded by the real projections, so the figures are the report's own (no
vault I/O). Run:

    python benchmarks/bench_report.py [ENTRIES] [PEOPLE] [--profile]
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
# Clauses as loggists write them; {P} is a person (full name, a part, a possessive), {T} a time.
CLAUSES = (
    "{P} says he will not come out until his mum is at the door",
    "negotiator repeats the offer of water and a call with the family at {T}",
    "{P} is calmer now and asks about the dog, Bailey, who is with the neighbour",
    "cordon holds at both ends of the street, ARV in position since {T}",
    "Control report a second call from {P} on a withheld number",
    "he has been drinking since lunch according to the brother",
    "coach suggests slowing down and using his first name more",
    "there is no hope of a quick end, says Silver, keep talking",
    "{P}'s sister rang the cell and asked for an update",
    "ambulance on standby at the RVP, paramedics briefed at {T}",
    "subject heard shouting at the hostage, then silence for two minutes",
    "Bronze confirms the rear of the flat is covered",
    "{P} demands cigarettes and a pizza delivered to the landing",
    "offer accepted on condition that the hostage comes to the window",
    "intelligence from the neighbour: possible knife in the kitchen",
    "team leader reviews the log and flags the deadline for the debrief",
    "the rain is heavy and the phone line keeps dropping",
    "he talks about fishing at the lake with his granddad in the summer",
    "do not mention the custody hearing or the court order",
    "{P} is handed the phone and speaks to {P} for four minutes",
    "shift plan 0540-0615 agreed with Gold, handover at {T}",
    "Head injury to the hostage reported as minor by the paramedics",
    "he will talk to the imam if the police dogs are taken away",
    "a rose bush at the front was damaged by the van",
    "Grace period on the deadline granted by the commander",
    "the bar on the gate is broken and the door is open",
    "loggist notes that entries were recorded late because of the radio",
    "{P} reads out the demands again, slower this time",
)


def sentence(rnd: random.Random, people: list[tuple[str, str, str, list[str], list[str]]]) -> str:
    """One entry of 12 to 40 words: one to three clauses, names written several ways."""
    target = rnd.randint(12, 40)
    words: list[str] = []
    while len(words) < target:
        clause = rnd.choice(CLAUSES)
        while "{P}" in clause:
            name = rnd.choice(people)[2]
            form = rnd.choice((name, name.split()[0], name.split()[-1], name.upper()))
            clause = clause.replace("{P}", form, 1)
        clause = clause.replace("{T}", f"{rnd.randrange(24):02d}:{rnd.randrange(60):02d}")
        if words:
            words[-1] += ";"
        words.extend(clause.split())
    text = " ".join(words[:target]).rstrip(";,")
    return text[0].upper() + text[1:] + "."


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
        text = sentence(rnd, people)
        if rnd.random() < 0.05:
            text += f" Tel {person[4][0]}."
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
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    n_entries = int(args[0]) if args else 10_000
    n_people = int(args[1]) if len(args) > 1 else 50
    if "--profile" in sys.argv:
        import cProfile
        import pstats

        incident, entries, _names = synthetic(n_entries, n_people)
        state = fold(incident, entries, as_of=entries[-1].occurred_at)
        profiler = cProfile.Profile()
        profiler.enable()
        build_report(
            state,
            entries,
            redactor=make_redactor(state, entries),
            verification=VerifySummary(True, len(entries), state.head_hash),
            options=ReportOptions(),
        )
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)
        return
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
