"""How fast the logbook core is on this machine, against the targets of issue 2 ("Performance").

Run:  /tmp/venv/bin/python benchmarks/bench_core.py            (full sizes, a few minutes)
      /tmp/venv/bin/python benchmarks/bench_core.py --quick    (small sizes, a smoke run < 30 s)

Steps (each prints its figures, the target, PASS/FAIL and its peak memory):
  1. import    Logbook.import_scenario of a generated 10,000-entry incident-log/1 scenario.
  2. record    Logbook.record() latency (WAL, synchronous=FULL) into an incident already holding
               50,000 entries, 2,000 records, p50/p99; compared in the same run with
               - a bare one-row durable commit through sqlcipher3 (raw key, WAL, FULL, one small
                 table, the SHA-256 computed): the floor the target is relative to;
               - the same bare commit into a copy of the vault's own schema (indexes, FTS5 trigger);
               - the same Logbook.record() code path on plain SQLite (stdlib sqlite3, same schema
                 from the same migrations, same pragmas) and the bare commit on plain SQLite.
               The workloads run interleaved in blocks of 100 so that noise from other processes on
               a shared machine falls on all of them alike.
  3. unlock+fold  Logbook.open with the passphrase (scrypt at the product's default cost) and
               logbook.state(ref) of a 100,000-entry incident, separately and together.
  4. latest/search  logbook.latest(ref, 200) on a fresh Logbook (first call cold, p50 of 50) and
               logbook.search over the same 100,000 entries.

Memory: Python's tracemalloc peak is measured in a separate, untimed repeat of each step's work
(tracemalloc slows Python down, so it never runs while timing); the peak resident set size (VmHWM,
reset before each step through /proc/self/clear_refs on Linux) is taken during the timed run.

Privacy: the scenarios are synthetic, but the habit stays: nothing here prints entry text, names
or keys, only counts and timings. Vaults live in a temporary directory removed at the end, and the
OS keyring is never touched (remember_in_keyring=False, use_keyring=False).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import math
import os
import platform
import random
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
import tracemalloc
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event, text

from incident_log.domain.entry import NewEntry
from incident_log.logbook import Logbook
from incident_log.store import keyslots
from incident_log.store.migrate import bring_up_to_date, known_revisions
from incident_log.store.vault import UnlockedVault

PASSPHRASE = "benchmark passphrase, not a secret"
FAST_KDF = 14  # scrypt N=2**14 for vaults whose unlock is not what is measured

# --- the targets (issue 2, "Performance") ------------------------------------------------------

RECORD_P99_MS = 5.0
RECORD_VS_FLOOR = 3.0
UNLOCK_FOLD_S = 1.0
LATEST_MS = 10.0
SEARCH_MS = 100.0
IMPORT_S = 10.0


@dataclass(frozen=True)
class Sizes:
    import_entries: int
    prefill: int
    records: int
    big: int
    latest_runs: int
    search_runs: int


FULL = Sizes(import_entries=10_000, prefill=50_000, records=2_000, big=100_000, latest_runs=50, search_runs=20)
QUICK = Sizes(import_entries=1_000, prefill=5_000, records=300, big=10_000, latest_runs=20, search_runs=5)


# --- reporting -------------------------------------------------------------------------------

RESULTS: list[tuple[str, bool]] = []


def say(line: str = "") -> None:
    print(line, flush=True)


def verdict(name: str, ok: bool, figure: str, target: str) -> None:
    RESULTS.append((name, ok))
    say(f"  {'PASS' if ok else 'FAIL'}  {name}: {figure}   (target {target})")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile: p99 of 2,000 samples is the 20th slowest, not an interpolation."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(q / 100 * len(ordered))))
    return ordered[rank - 1]


def summary(values: list[float]) -> str:
    return (
        f"p50 {ms(percentile(values, 50))}  p99 {ms(percentile(values, 99))}  "
        f"max {ms(max(values))}  (n={len(values)})"
    )


class PeakRSS:
    """Peak resident memory of one step. Linux resets the high-water mark on request; elsewhere
    only the growth of the process-lifetime peak (ru_maxrss) can be reported."""

    def __init__(self) -> None:
        self.resettable = False
        self.before_kb = 0

    @staticmethod
    def _status_kb(field: str) -> int | None:
        try:
            for line in Path("/proc/self/status").read_text().splitlines():
                if line.startswith(field + ":"):
                    return int(line.split()[1])
        except OSError:
            return None
        return None

    @staticmethod
    def _maxrss_kb() -> int:
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak // 1024 if sys.platform == "darwin" else peak

    def __enter__(self) -> PeakRSS:
        gc.collect()
        try:
            Path("/proc/self/clear_refs").write_text("5")
            self.resettable = self._status_kb("VmHWM") is not None
        except OSError:
            self.resettable = False
        self.before_kb = (self._status_kb("VmRSS") or 0) if self.resettable else self._maxrss_kb()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.resettable:
            self.peak_kb = self._status_kb("VmHWM") or 0
        else:
            self.peak_kb = self._maxrss_kb()

    def text(self) -> str:
        if self.resettable:
            return (
                f"peak RSS {self.peak_kb / 1024:.0f} MiB "
                f"(+{(self.peak_kb - self.before_kb) / 1024:.0f} MiB over the {self.before_kb / 1024:.0f} MiB at the start)"
            )
        return f"ru_maxrss {self.peak_kb / 1024:.0f} MiB (+{(self.peak_kb - self.before_kb) / 1024:.0f} MiB)"


def traced_peak(work: Callable[[], Any]) -> str:
    """Python allocations of ``work`` at their peak (untimed: tracemalloc slows the code)."""
    gc.collect()
    tracemalloc.start()
    try:
        work()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return f"tracemalloc peak {peak / 2**20:.1f} MiB"


PROFILE = False  # --profile: print where the time of the slow calls goes (cProfile, untimed repeat)


def profile_top(label: str, work: Callable[[], Any], lines: int = 14) -> None:
    """cProfile of ``work``, top functions by cumulative time (names and counts only, no data)."""
    if not PROFILE:
        return
    import cProfile  # noqa: PLC0415
    import io  # noqa: PLC0415
    import pstats  # noqa: PLC0415

    profiler = cProfile.Profile()
    profiler.runcall(work)
    out = io.StringIO()
    # Our own functions and the driver calls under them: where a slow call spends its time.
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(
        r"incident_log/|execute' of|fetchone|commit' of|json/__init__", lines
    )
    say(f"  --- profile: {label} ---")
    for line in out.getvalue().splitlines():
        if line.strip() and not line.lstrip().startswith(("Ordered by", "List reduced")):
            say("  " + line)


# --- synthetic incidents -------------------------------------------------------------------------

WORDS = (
    "subject negotiator phone line cordon bridge railing ambulance standby sister brother mother "
    "dog workshop job money debt car keys window door roof stairs balcony knife bottle water "
    "cigarette coffee blanket medication doctor lawyer priest radio team leader commander tactical "
    "perimeter north south east west building floor flat landlord neighbour witness intel grading "
    "calm agitated shouting crying silent listening asked wants says refuses agrees promises later "
    "before after minutes hours tonight morning rain cold light dark noise helicopter press media "
    "children school football bus train station hospital police officer van street corner shop "
    "the a to and of in on for with at by from about his her their he she they we not no yes"
).split()

FIRST = "Tomás Lucía Carmen Andrés Javier Paula Ana Luis Marta Jorge Elena Pablo Sofía Diego Irene".split()
LAST = "Ibarra Ruiz Vidal Molina Otero Serrano Núñez García Ortega Romero Castro Delgado Navarro".split()

PEOPLE_ROLES = (
    ["subject"] * 2 + ["hostage"] * 4 + ["negotiator"] * 5 + ["commander"]
    + ["family"] * 4 + ["witness"] * 3 + ["intermediary"]
)  # 20 people
ROTATION_ROLES = ("primary negotiator", "secondary/coach", "team leader", "loggist", "intelligence")
CHANNELS = ("phone", "face to face", "throw phone", "text")

# A realistic mix for a long negotiation: mostly statements, intel and notes.
KIND_WEIGHTS = {
    "statement": 28,
    "intel": 18,
    "note": 20,
    "contact": 6,
    "rotation": 5,
    "demand": 4,
    "offer": 3,
    "update": 6,
    "decision": 3,
    "hook": 2,
    "trigger": 2,
    "risk": 3,
}


def sentence(rng: random.Random, names: list[str], low: int = 100, high: int = 300) -> str:
    target = rng.randint(low, high)
    words: list[str] = []
    size = 0
    while size < target:
        word = rng.choice(names) if rng.random() < 0.03 else rng.choice(WORDS)
        words.append(word)
        size += len(word) + 1
    return " ".join(words)[:target].strip().capitalize() + "."


def make_people(rng: random.Random) -> list[dict[str, Any]]:
    people = []
    for index, role in enumerate(PEOPLE_ROLES):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {rng.choice(LAST)}"
        people.append(
            {
                "key": f"{role[0]}{index}",
                "role": role,
                "name": name,
                "aliases": [f"{name.split()[0][:3]}{index}"] if rng.random() < 0.5 else [],
                "phones": [f"+34 6{rng.randrange(10**7, 10**8)}"] if rng.random() < 0.4 else [],
            }
        )
    return people


def make_scenario(entries: int, *, seed: int, ref: str) -> dict[str, Any]:
    """An incident-log/1 scenario with ~20 people and ``entries`` entries, one every ~2 seconds."""
    rng = random.Random(seed)
    people = make_people(rng)
    keys = [p["key"] for p in people]
    subjects = [p["key"] for p in people if p["role"] == "subject"]
    negotiators = [p["key"] for p in people if p["role"] == "negotiator"]
    names = [part for p in people for part in p["name"].split()]
    kinds = list(KIND_WEIGHTS)
    weights = list(KIND_WEIGHTS.values())
    # Every entry lies in the past, so none is "in the future" when validated.
    opened = datetime(2025, 1, 1, 8, 0, tzinfo=UTC) - timedelta(seconds=2 * entries)
    at = opened
    demands: list[str] = []
    offers: list[str] = []
    out: list[dict[str, Any]] = []
    for index in range(entries):
        at += timedelta(seconds=rng.randint(1, 3))
        kind = rng.choices(kinds, weights)[0]
        if kind == "update" and not (demands or offers):
            kind = "note"
        item: dict[str, Any] = {
            "at": at.isoformat(),
            "kind": kind,
            "author": rng.choice(("Loggist 1", "Loggist 2")),
            "text": sentence(rng, names),
        }
        if kind == "statement":
            item |= {"speaker": rng.choice(subjects + negotiators), "channel": rng.choice(CHANNELS)}
        elif kind == "intel":
            item |= {"source": "control room", "grading": rng.choice(("A1", "B2", "C3", "D4"))}
        elif kind == "contact":
            item |= {"channel": rng.choice(CHANNELS), "event": rng.choice(("attempt", "start", "end")),
                     "with": rng.choice(subjects)}
        elif kind == "rotation":
            item |= {"role": rng.choice(ROTATION_ROLES), "person": rng.choice(negotiators)}
        elif kind == "demand":
            item |= {"id": f"d{index}", "by": rng.choice(subjects)}
            if rng.random() < 0.3:
                item["deadline"] = (at + timedelta(minutes=rng.randint(10, 90))).isoformat()
            demands.append(item["id"])
        elif kind == "offer":
            item |= {"id": f"o{index}", "by": rng.choice(negotiators), "to": rng.choice(subjects),
                     "conditions": sentence(rng, names, 30, 80)}
            offers.append(item["id"])
        elif kind == "update":
            if offers and (not demands or rng.random() < 0.4):
                item |= {"refs": rng.choice(offers[-20:]), "status": rng.choice(("accepted", "rejected", "delivered"))}
            else:
                item |= {"refs": rng.choice(demands[-20:]), "status": rng.choice(("met", "partly met", "refused"))}
        elif kind == "decision":
            item |= {"decided_by": rng.choice(keys), "rationale": sentence(rng, names, 40, 120)}
        elif kind in ("hook", "trigger"):
            item |= {"about": rng.choice(subjects), "source": "family"}
        elif kind == "risk":
            item |= {"category": rng.choice(("weapon", "self-harm", "medical")),
                     "status": rng.choice(("reported", "rumoured", "confirmed")), "about": rng.choice(subjects)}
        out.append(item)
    return {
        "format": "incident-log/1",
        "incident": {
            "ref": ref,
            "title": "Synthetic benchmark incident",
            "type": "hostage",
            "location": "Benchmark street 1",
            "opened_at": opened.isoformat(),
            "exercise": True,
        },
        "people": people,
        "entries": out,
    }


def live_drafts(rng: random.Random, people: list[dict[str, Any]], count: int) -> Iterator[NewEntry]:
    """What a loggist types during the incident: notes, statements, intel, now."""
    subjects = [p["key"] for p in people if p["role"] == "subject"]
    names = [part for p in people for part in p["name"].split()]
    for _ in range(count):
        roll = rng.random()
        body = sentence(rng, names)
        if roll < 0.4:
            yield NewEntry("statement", body, {"speaker": rng.choice(subjects), "channel": "phone"}, author="Loggist 1")
        elif roll < 0.7:
            yield NewEntry("intel", body, {"source": "control room", "grading": "B2"}, author="Loggist 1")
        else:
            yield NewEntry("note", body, author="Loggist 1")


# --- plain SQLite and raw baselines ------------------------------------------------------------------


def plain_engine(path: Path, module: Any) -> Engine:
    """The product's engine settings (incident_log/store/engine.py) without a key.

    Mirrors make_engine: autocommit driver, BEGIN issued by a hook (IMMEDIATE for writers), the same
    pragmas. Kept in step by hand: if make_engine changes its pragmas, change them here too.
    """
    engine = create_engine(
        f"sqlite:///file:{path}?mode=rwc&uri=true",
        module=module,
        hide_parameters=True,
        connect_args={"check_same_thread": False},
        pool_size=4,
        max_overflow=8,
    )

    @event.listens_for(engine, "connect")
    def _setup(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        for pragma in (
            "busy_timeout = 10000",
            "foreign_keys = ON",
            "temp_store = MEMORY",
            "journal_mode = WAL",
            "synchronous = FULL",
        ):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        mode = connection.get_execution_options().get("begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


def plain_logbook(path: Path, module: Any, ddl: list[str] | None = None) -> Logbook:
    """The real Logbook (same record() code) over an unencrypted file.

    ``ddl`` None: the product's migrations create the schema (needs SQLCipher's newer SQLite);
    otherwise the given statements (the migrations' schema, adapted to an older stdlib SQLite).
    """
    engine = plain_engine(path, module)
    if ddl is None:
        bring_up_to_date(engine, path)
    else:
        with engine.begin() as connection:
            for statement in ddl:
                connection.exec_driver_sql(statement)
            connection.exec_driver_sql(f"INSERT INTO alembic_version VALUES ('{known_revisions()[0]}')")
    vault_id = str(uuid.uuid4())
    with engine.begin() as connection:
        connection.execute(
            text("INSERT INTO vault_meta (name, value) VALUES ('vault_id', :id), ('created_at', '2025-01-01')"),
            {"id": vault_id},
        )
    return Logbook(UnlockedVault(path, engine, vault_id, b"\0" * 32, None, "passphrase", None))  # type: ignore[arg-type]


def schema_ddl(plain_path: Path, *, for_stdlib: bool) -> list[str]:
    """The vault's own schema (tables, indexes, FTS5, triggers) as created by the migrations.

    The stdlib's SQLite may predate FTS5's ``contentless_delete`` option (3.43); its value 0 is
    the default, so leaving it out builds the same index.
    """
    connection = sqlcipher3.connect(str(plain_path))  # no key: a plain SQLite file
    try:
        rows = connection.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid").fetchall()
    finally:
        connection.close()
    # FTS5 creates its own shadow tables with the virtual table.
    ddl = [sql for name, sql in rows if not name.startswith("entry_fts_") and not name.startswith("sqlite_")]
    if for_stdlib and sqlite3.sqlite_version_info < (3, 43, 0):
        ddl = [sql.replace("contentless_delete=0, ", "") for sql in ddl]
    return ddl


class RawCommit:
    """One INSERT + COMMIT per call on a bare DB-API connection: the durable-commit floor."""

    BARE_DDL = (
        "CREATE TABLE bare (id INTEGER PRIMARY KEY, incident_id TEXT NOT NULL, seq INTEGER NOT NULL, "
        "text TEXT NOT NULL, fields TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL)"
    )

    def __init__(self, module: Any, path: Path, *, key: bytes | None, ddl: list[str] | None, prefill: int,
                 texts: list[str]) -> None:
        self.connection = module.connect(str(path), isolation_level=None)
        cursor = self.connection.cursor()
        if key is not None:
            cursor.execute("PRAGMA cipher_log_level = NONE")
            cursor.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA temp_store = MEMORY")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA synchronous = FULL")
        self.full_schema = ddl is not None
        self.incident_id = str(uuid.uuid4())
        for statement in ddl or [self.BARE_DDL]:
            cursor.execute(statement)
        if self.full_schema:
            cursor.execute(
                "INSERT INTO incident (id, ref, title, type, location, opened_at, exercise, created_at) "
                "VALUES (?, 'RAW-1', 't', 'other', '', '2025-01-01T00:00:00.000000+00:00', 1, "
                "'2025-01-01T00:00:00.000000+00:00')",
                (self.incident_id,),
            )
        self.seq = 0
        self.prev = hashlib.sha256(self.incident_id.encode()).hexdigest()
        self.texts = texts
        cursor.execute("BEGIN")
        for _ in range(prefill):
            self._insert(cursor)
        cursor.execute("COMMIT")
        cursor.close()

    def _insert(self, cursor: Any) -> None:
        self.seq += 1
        body = self.texts[self.seq % len(self.texts)]
        fields = json.dumps({"speaker": "s0", "channel": "phone"}, sort_keys=True, separators=(",", ":"))
        now = datetime.now(UTC).isoformat(timespec="microseconds")
        payload = json.dumps(
            {"incident_id": self.incident_id, "seq": self.seq, "kind": "statement", "occurred_at": now,
             "recorded_at": now, "author": "Loggist 1", "text": body, "fields": fields},
            sort_keys=True, ensure_ascii=False, separators=(",", ":"),
        )
        digest = hashlib.sha256((self.prev + payload).encode()).hexdigest()
        if self.full_schema:
            cursor.execute(
                "INSERT INTO entry (incident_id, seq, kind, occurred_at, recorded_at, author, text, fields, refs, "
                "delay_reason, origin, prev_hash, hash) VALUES (?, ?, 'statement', ?, ?, 'Loggist 1', ?, ?, NULL, "
                "NULL, 'live', ?, ?)",
                (self.incident_id, self.seq, now, now, body, fields, self.prev, digest),
            )
        else:
            cursor.execute(
                "INSERT INTO bare (incident_id, seq, text, fields, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?)",
                (self.incident_id, self.seq, body, fields, self.prev, digest),
            )
        self.prev = digest

    def commit_one(self) -> None:
        cursor = self.connection.cursor()
        cursor.execute("BEGIN IMMEDIATE")
        self._insert(cursor)
        cursor.execute("COMMIT")
        cursor.close()

    def close(self) -> None:
        self.connection.close()


def fsync_probe(folder: Path, count: int) -> list[float]:
    """The disk's own floor: os.fsync after a 4 KiB write, in the folder the vaults are in."""
    path = folder / "fsync-probe.bin"
    handle = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    times = []
    try:
        for _ in range(count):
            os.write(handle, b"\0" * 4096)
            started = time.perf_counter()
            os.fsync(handle)
            times.append(time.perf_counter() - started)
    finally:
        os.close(handle)
        path.unlink()
    return times


# --- the steps ------------------------------------------------------------------------------------


def step_import(work: Path, sizes: Sizes) -> None:
    n = sizes.import_entries
    say(f"\n[1] import_scenario of a {n:,}-entry scenario (20 people, mixed kinds, texts 100-300 chars)")
    data = make_scenario(n, seed=1, ref="BENCH-IMPORT")
    book = Logbook.create(work / "import.db", PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF)
    try:
        with PeakRSS() as rss:
            started = time.perf_counter()
            incident = book.import_scenario(data)
            took = time.perf_counter() - started
        assert incident.entry_count == n + len(data["people"]), incident.entry_count
        say(f"  {incident.entry_count:,} entries in {took:.2f} s ({incident.entry_count / took:,.0f} entries/s)")
        say(f"  memory: {rss.text()}; {traced_peak(lambda: book.import_scenario(data, ref='BENCH-IMPORT-2'))}")
        verdict("import", took < IMPORT_S * n / 10_000, f"{took:.2f} s",
                f"< {IMPORT_S * n / 10_000:g} s" + ("" if n == 10_000 else f" (10 s scaled to {n:,} entries)"))
    finally:
        book.close()


def step_record(work: Path, sizes: Sizes) -> None:
    n = sizes.records
    say(f"\n[2] record() into an incident holding {sizes.prefill:,} entries, {n:,} records, WAL + synchronous=FULL")
    data = make_scenario(sizes.prefill - 20, seed=2, ref="BENCH-REC")  # + 20 people = prefill
    setup = time.perf_counter()
    cipher = Logbook.create(work / "record.db", PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF)
    unkeyed = plain_logbook(work / "record-unkeyed.db", sqlcipher3)
    ddl = schema_ddl(work / "record-unkeyed.db", for_stdlib=False)
    stdlib_ddl = schema_ddl(work / "record-unkeyed.db", for_stdlib=True)
    plain = plain_logbook(work / "record-plain.db", sqlite3, stdlib_ddl)
    books = {
        "Logbook.record sqlcipher": cipher,
        "Logbook.record plain (stdlib sqlite3)": plain,
        "Logbook.record plain (sqlcipher3, no key)": unkeyed,
    }
    for book in books.values():
        assert book.import_scenario(data).entry_count == sizes.prefill
    texts = [sentence(random.Random(seed), ["x"]) for seed in range(500)]
    raw_key = keyslots.new_data_key()
    raws = {
        "bare sqlcipher3": RawCommit(sqlcipher3, work / "raw-cipher.db", key=raw_key, ddl=None,
                                     prefill=sizes.prefill, texts=texts),
        "bare sqlite3": RawCommit(sqlite3, work / "raw-plain.db", key=None, ddl=None, prefill=sizes.prefill,
                                  texts=texts),
        "schema sqlcipher3": RawCommit(sqlcipher3, work / "raw-cipher-schema.db", key=raw_key, ddl=ddl,
                                       prefill=sizes.prefill, texts=texts),
        "schema sqlite3": RawCommit(sqlite3, work / "raw-plain-schema.db", key=None, ddl=stdlib_ddl,
                                    prefill=sizes.prefill, texts=texts),
    }
    say(f"  setup (not timed): {time.perf_counter() - setup:.1f} s")
    people = data["people"]
    drafts = {name: live_drafts(random.Random(3), people, n) for name in books}
    times: dict[str, list[float]] = {name: [] for name in books} | {name: [] for name in raws}
    fsyncs: list[float] = []
    clock = time.perf_counter
    try:
        with PeakRSS() as rss:
            for block in range(0, n, 100):
                count = min(100, n - block)
                for name, book in books.items():
                    for _ in range(count):
                        draft = next(drafts[name])
                        started = clock()
                        book.record("BENCH-REC", draft)
                        times[name].append(clock() - started)
                fsyncs.extend(fsync_probe(work, min(count, 50)))
                for name, raw in raws.items():
                    for _ in range(count):
                        started = clock()
                        raw.commit_one()
                        times[name].append(clock() - started)
        assert cipher.head("BENCH-REC")[0] == sizes.prefill + n
        width = max(len(name) for name in times)
        for name, values in times.items():
            say(f"  {name:<{width}}  {summary(values)}")
        say(f"  {'os.fsync of 4 KiB (disk floor)':<{width}}  {summary(fsyncs)}")
        rec = times["Logbook.record sqlcipher"]
        floor = times["bare sqlcipher3"]
        p99, floor_p99 = percentile(rec, 99), percentile(floor, 99)
        p50, floor_p50 = percentile(rec, 50), percentile(floor, 50)
        plain_rec = times["Logbook.record plain (stdlib sqlite3)"]
        unkeyed_rec = times["Logbook.record plain (sqlcipher3, no key)"]
        say(f"  record / bare sqlcipher3 commit: p50 {p50 / floor_p50:.2f}x  p99 {p99 / floor_p99:.2f}x")
        say(f"  record / same-schema raw sqlcipher3 commit: p50 {p50 / percentile(times['schema sqlcipher3'], 50):.2f}x"
            f"  p99 {p99 / percentile(times['schema sqlcipher3'], 99):.2f}x")
        say(f"  SQLCipher / plain SQLite: Logbook.record p50 {p50 / percentile(plain_rec, 50):.2f}x "
            f"p99 {p99 / percentile(plain_rec, 99):.2f}x; bare commit p50 "
            f"{floor_p50 / percentile(times['bare sqlite3'], 50):.2f}x "
            f"p99 {floor_p99 / percentile(times['bare sqlite3'], 99):.2f}x")
        say(f"  SQLCipher / same library without a key: Logbook.record p50 {p50 / percentile(unkeyed_rec, 50):.2f}x "
            f"p99 {p99 / percentile(unkeyed_rec, 99):.2f}x")
        say(f"  memory (all seven workloads): {rss.text()}; Logbook.record x200 "
            f"{traced_peak(lambda: [cipher.record('BENCH-REC', d) for d in live_drafts(random.Random(4), people, 200)])}")
        profile_top(
            "Logbook.record x100 (sqlcipher)",
            lambda: [cipher.record("BENCH-REC", d) for d in live_drafts(random.Random(5), people, 100)],
        )
        verdict("record p99", p99 < RECORD_P99_MS / 1000, ms(p99), f"< {RECORD_P99_MS:g} ms")
        verdict("record p99 vs bare sqlcipher3 commit p99", p99 <= RECORD_VS_FLOOR * floor_p99,
                f"{p99 / floor_p99:.2f}x ({ms(p99)} vs {ms(floor_p99)})", f"<= {RECORD_VS_FLOOR:g}x")
        verdict("record p50 vs bare sqlcipher3 commit p50", p50 <= RECORD_VS_FLOOR * floor_p50,
                f"{p50 / floor_p50:.2f}x ({ms(p50)} vs {ms(floor_p50)})", f"<= {RECORD_VS_FLOOR:g}x")
    finally:
        for raw in raws.values():
            raw.close()
        for book in books.values():
            book.close()


def step_big(work: Path, sizes: Sizes) -> None:
    n = sizes.big
    path = work / "big.db"
    say(f"\n[3] unlock + fold all projections of a {n:,}-entry incident")
    setup = time.perf_counter()
    data = make_scenario(n - 20, seed=5, ref="BENCH-BIG")
    # Created at the product's default scrypt cost: unlocking it is what this step measures.
    book = Logbook.create(path, PASSPHRASE, remember_in_keyring=False)
    assert book.import_scenario(data).entry_count == n
    book.close()
    del data
    say(f"  setup (not timed): {time.perf_counter() - setup:.1f} s; vault file {path.stat().st_size / 2**20:.0f} MiB; "
        f"scrypt log2(N) = {keyslots.DEFAULT_SCRYPT_LOG_N} (product default)")
    with PeakRSS() as rss:
        started = time.perf_counter()
        book = Logbook.open(path, passphrase=PASSPHRASE, use_keyring=False)
        unlocked = time.perf_counter()
        book.state("BENCH-BIG")
        folded = time.perf_counter()
    try:
        again = time.perf_counter()
        book.state("BENCH-BIG")
        refold = time.perf_counter() - again
        say(f"  unlock (Logbook.open, passphrase, scrypt default cost): {ms(unlocked - started)}")
        say(f"  first state(): {ms(folded - unlocked)}  (load {n:,} entries + fold)")
        say(f"  second state(): {ms(refold)}  (entries cached: fold only)")
        fresh = Logbook.open(path, passphrase=PASSPHRASE, use_keyring=False)
        try:
            traced = traced_peak(lambda: fresh.state("BENCH-BIG"))
        finally:
            fresh.close()
        say(f"  memory (unlock + first state()): {rss.text()}; first state() {traced}")
        if PROFILE:
            fresh = Logbook.open(path, passphrase=PASSPHRASE, use_keyring=False)
            try:
                profile_top("first state() on a fresh Logbook", lambda: fresh.state("BENCH-BIG"), lines=20)
            finally:
                fresh.close()
        verdict("unlock + fold", folded - started < UNLOCK_FOLD_S, ms(folded - started), f"< {UNLOCK_FOLD_S:g} s")
        verdict("fold alone (first state())", folded - unlocked < UNLOCK_FOLD_S, ms(folded - unlocked),
                f"< {UNLOCK_FOLD_S:g} s")
    finally:
        book.close()

    say(f"\n[4] latest(ref, 200) and search on the {n:,}-entry incident (fresh Logbook)")
    book = Logbook.open(path, passphrase=PASSPHRASE, use_keyring=False)
    try:
        with PeakRSS() as rss:
            runs = []
            for _ in range(sizes.latest_runs):
                started = time.perf_counter()
                rows = book.latest("BENCH-BIG", 200)
                runs.append(time.perf_counter() - started)
            assert len(rows) == 200 and rows[-1].seq == n
        say(f"  latest 200: first (cold) {ms(runs[0])}; {summary(runs)}")
        say(f"  memory: {rss.text()}; {traced_peak(lambda: book.latest('BENCH-BIG', 200))}")
        verdict("latest 200 p50", percentile(runs, 50) < LATEST_MS / 1000, ms(percentile(runs, 50)), f"< {LATEST_MS:g} ms")
        verdict("latest 200 first call", runs[0] < LATEST_MS / 1000, ms(runs[0]), f"< {LATEST_MS:g} ms")
        queries = {
            "common word": "negotiator",
            "two words": "sister phone",
            "prefix": "helic",
            "name": FIRST[0],
            "no match": "zzzyx",
        }
        worst = 0.0
        for label, query in queries.items():
            runs = []
            for _ in range(sizes.search_runs):
                started = time.perf_counter()
                found = book.search("BENCH-BIG", query)
                runs.append(time.perf_counter() - started)
            worst = max(worst, percentile(runs, 50))
            say(f"  search ({label}, {len(found)} hits of at most 500): first {ms(runs[0])}; {summary(runs)}")
        say(f"  memory: {traced_peak(lambda: book.search('BENCH-BIG', queries['common word']))} (common word)")
        verdict("search p50 (slowest query)", worst < SEARCH_MS / 1000, ms(worst), f"< {SEARCH_MS:g} ms")
    finally:
        book.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run under 30 s")
    parser.add_argument("--only", choices=("import", "record", "big"), action="append",
                        help="run only this step (repeatable)")
    parser.add_argument("--strict", action="store_true", help="exit 1 if any figure misses its target")
    parser.add_argument("--profile", action="store_true",
                        help="also print cProfile summaries of record() and state() (untimed repeats)")
    parser.add_argument("--dir", type=Path, default=None, help="where the temporary vaults go (default: system temp)")
    args = parser.parse_args(argv)
    global PROFILE  # noqa: PLW0603 - a run-wide switch set once from the command line
    PROFILE = args.profile
    sizes = QUICK if args.quick else FULL
    steps = args.only or ["import", "record", "big"]
    say(f"Incident Log core benchmark ({'quick' if args.quick else 'full'}): Python {platform.python_version()}, "
        f"SQLCipher's SQLite {sqlcipher3.sqlite_version}, stdlib SQLite {sqlite3.sqlite_version}, "
        f"{os.cpu_count()} CPUs")
    say("Figures on a shared machine vary from run to run; the ratios are the portable part.")
    work = Path(tempfile.mkdtemp(prefix="incident-log-bench-", dir=args.dir))
    started = time.perf_counter()
    try:
        if "import" in steps:
            step_import(work, sizes)
        if "record" in steps:
            step_record(work, sizes)
        if "big" in steps:
            step_big(work, sizes)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    failed = [name for name, ok in RESULTS if not ok]
    say(f"\n{len(RESULTS) - len(failed)} of {len(RESULTS)} targets met in {time.perf_counter() - started:.0f} s"
        + (f"; missed: {', '.join(failed)}" if failed else ""))
    return 1 if failed and args.strict else 0


if __name__ == "__main__":
    sys.exit(main())
