"""Cell mode on a PostgreSQL server on loopback, against the targets of issue 11.

Run:  python benchmarks/bench_cell.py             (full sizes, a few minutes)
      python benchmarks/bench_cell.py --quick     (small sizes, a smoke run)
      python benchmarks/bench_cell.py --only record,notify   (some steps)
      python benchmarks/bench_cell.py --strict    (exit 1 when a target is missed)

It starts its own throwaway server (tests/pgserver.py: Debian's PostgreSQL in a temporary folder,
TLS with verify-full, fsync on), sets it up with `setup_server`, adds users with `add_user`, and
removes everything at the end. Steps:

  record   Workstation.record() into a shared incident (validation inside the head lock, the
           signed insert, the commit, and the fetch into the encrypted local mirror), p50/p99/max
           over N entries; beside it CellStore.append alone and a bare one-row INSERT + COMMIT over
           the same TLS connection (the floor). Target: record p99 < 10 ms.
  notify   A second workstation in its own process follows the incident; the first records an
           entry every 20 ms. Latency from the start of record() to (a) the NOTIFY arriving in the
           second process and (b) the entry being in the second process's mirror. Target: p99 < 200 ms.
  writers  4 writer processes x 1,000 entries on one incident: wall time, entries/s, forks (the
           chain recomputed: any break) and losses (acknowledged but not on the server). Target: 0 / 0.
  sync     The server stopped: 1,000 entries acknowledged into the queue (ack p50/p99), the server
           restarted, sync() timed. Reported: ack latency offline, sync time, entries/s.
  open     An incident of 100,000 entries on the server (people, then every board's kinds in turn):
           read every entry and fold every projection (what opening it costs from the server).
           Target: < 2 s.
  rtt      record() and the bare commit again, through a proxy on loopback that holds every
           packet 1 ms each way (--rtt-ms: a LAN's 2 ms round trip): what each round trip of the
           append costs when the server is not on the same machine. Reported, no target.

Privacy: synthetic text only, and nothing here prints entry text, names or keys: counts and timings.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

import psycopg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.pgserver: the same throwaway server the tests use

from incident_log.cell.connect import Secrets, parse_url  # noqa: E402
from incident_log.cell.interface import ChainTop, IncidentRow, Prepared  # noqa: E402
from incident_log.cell.localdb import open_local  # noqa: E402
from incident_log.cell.setup import add_user, setup_server  # noqa: E402
from incident_log.cell.signing import SigningKey  # noqa: E402
from incident_log.cell.store import CellStore  # noqa: E402
from incident_log.cell.witness import witness  # noqa: E402
from incident_log.cell.workstation import Workstation  # noqa: E402
from incident_log.domain.entry import (  # noqa: E402
    ORIGIN_IMPORT,
    ORIGIN_LIVE,
    NewEntry,
    chain_hash,
    entry_payload,
    iso_utc,
    utc_now,
)
from incident_log.domain.validation import IncidentFacts, validate_entry  # noqa: E402
from incident_log.store.keyslots import new_data_key  # noqa: E402
from incident_log.store.repository import fields_json  # noqa: E402
from tests.pgserver import PostgresServer  # noqa: E402

RESULTS: list[tuple[str, str, str, bool | None]] = []  # (figure, measured, target, passed)


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def report(figure: str, measured: str, target: str = "", passed: bool | None = None) -> None:
    RESULTS.append((figure, measured, target, passed))
    verdict = "" if passed is None else ("  PASS" if passed else "  FAIL")
    print(f"  {figure}: {measured}" + (f"  (target {target})" if target else "") + verdict, flush=True)


class Bench:
    def __init__(self, server: PostgresServer, workdir: Path) -> None:
        self.server = server
        self.workdir = workdir
        self.cell = "bench"

    def login(self, prefix: str) -> tuple[str, Secrets]:
        user = add_user(self.server.admin_url, f"{prefix}_{uuid.uuid4().hex[:6]}", cell=self.cell)
        assert user.password
        return self.server.url(user.role), Secrets(password=user.password)

    def workstation(self, prefix: str) -> Workstation:
        url, secrets = self.login(prefix)
        local = open_local(self.workdir / f"{prefix}-{uuid.uuid4().hex[:6]}.db", new_data_key())
        station = Workstation(url, secrets, local, signer=SigningKey.generate())
        assert station.connect()
        return station

    @staticmethod
    def new_incident(station: Workstation) -> str:
        row = IncidentRow(str(uuid.uuid4()), f"BENCH-{uuid.uuid4().hex[:8]}", "Benchmark", "other", "", utc_now(), True)
        station.create_incident(row)
        return row.id


def note(n: int) -> NewEntry:
    return NewEntry("note", f"benchmark entry {n}: subject asks about the car again", author="Loggist")


# --- the disk's own fsync (context for every durable figure) ------------------------------------------


def bench_fsync(workdir: Path, count: int = 200) -> None:
    """A commit cannot be faster than one fsync of the server's WAL: the disk's figure, for scale."""
    path = workdir / "fsync.probe"
    timings: list[float] = []
    with open(path, "wb") as probe:
        for _ in range(count):
            probe.write(b"x" * 4096)
            started = time.perf_counter()
            probe.flush()
            os.fsync(probe.fileno())
            timings.append(time.perf_counter() - started)
    path.unlink()
    report("disk fsync of 4 KiB, p50 / p99", f"{ms(statistics.median(timings))} / {ms(percentile(timings, 0.99))}")


# --- record -------------------------------------------------------------------------------------------


def bench_record(bench: Bench, count: int) -> None:
    print(f"record: {count} entries, interleaved with CellStore.append and a bare INSERT", flush=True)
    station = bench.workstation("rec")
    incident = bench.new_incident(station)
    store = station.store
    url, secrets = bench.login("bare")
    target = parse_url(url)
    # The floor: a durable one-row commit (a logged table, so the commit waits for the WAL flush
    # as an append does) over the same kind of TLS connection, with none of the chain's work.
    bench.server.superuser_sql(
        "CREATE TABLE IF NOT EXISTS public.bench_bare (id serial PRIMARY KEY, body text NOT NULL); "
        f"GRANT INSERT ON public.bench_bare TO {target.user}; GRANT USAGE ON SEQUENCE public.bench_bare_id_seq TO {target.user}"
    )
    bare = psycopg.connect(target.conninfo(), password=secrets.password)
    store_incident = bench.new_incident(station)

    def prepare_note(n: int) -> Callable[[ChainTop, IncidentFacts], Prepared]:
        def prepare(top: ChainTop, facts: IncidentFacts) -> Prepared:
            now = utc_now()
            return Prepared(validate_entry(note(n), facts, now=now), now, ORIGIN_LIVE)

        return prepare

    timings: dict[str, list[float]] = {"record": [], "append": [], "bare": []}
    for n in range(count):
        started = time.perf_counter()
        ack = station.record(incident, note(n))
        timings["record"].append(time.perf_counter() - started)
        assert not ack.waiting
        started = time.perf_counter()
        store.append(store_incident, prepare_note(n))
        timings["append"].append(time.perf_counter() - started)
        started = time.perf_counter()
        bare.execute("INSERT INTO public.bench_bare (body) VALUES (%s)", (f"bare {n}",))
        bare.commit()
        timings["bare"].append(time.perf_counter() - started)
    bare.close()
    for name, values in timings.items():
        label = {"record": "Workstation.record()", "append": "CellStore.append()", "bare": "bare INSERT + COMMIT (TLS)"}[name]
        p99 = percentile(values, 0.99)
        passed = p99 < 0.010 if name == "record" else None
        report(
            f"{label} p50 / p99 / max",
            f"{ms(statistics.median(values))} / {ms(p99)} / {ms(max(values))}",
            "p99 < 10 ms" if name == "record" else "",
            passed,
        )
    ratio = percentile(timings["record"], 0.99) / percentile(timings["bare"], 0.99)
    report("record() / bare commit, p99", f"{ratio:.1f}x")
    station.close()


# --- rtt: the same record through a delaying proxy ------------------------------------------------------


class DelayProxy:
    """A TCP proxy on 127.0.0.1 that holds every chunk ``delay`` seconds each way, in order.

    It forwards the bytes as they are (TLS stays end to end, so verify-full still checks the
    server's certificate for 127.0.0.1): a stand-in for a network between the workstation and the
    cell's server laptop. Threads only; it serves until the process ends.
    """

    def __init__(self, target_port: int, delay: float) -> None:
        import socket
        import threading

        self._target = ("127.0.0.1", target_port)
        self._delay = delay
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        import socket
        import threading

        while True:
            client, _address = self._listener.accept()
            server = socket.create_connection(self._target)
            for sock in (client, server):
                sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            for src, dst in ((client, server), (server, client)):
                threading.Thread(target=self._pump, args=(src, dst), daemon=True).start()

    def _pump(self, src: Any, dst: Any) -> None:
        import queue
        import threading

        held: queue.Queue[tuple[float, bytes]] = queue.Queue()

        def deliver() -> None:
            while True:
                due, data = held.get()
                wait = due - time.perf_counter()
                if wait > 0:
                    time.sleep(wait)
                if not data:
                    dst.close()
                    return
                try:
                    dst.sendall(data)
                except OSError:
                    return

        threading.Thread(target=deliver, daemon=True).start()
        while True:
            try:
                data = src.recv(65536)
            except OSError:
                data = b""
            held.put((time.perf_counter() + self._delay, data))
            if not data:
                return


def bench_rtt(bench: Bench, count: int, rtt_ms: float) -> None:
    print(f"rtt: {count} entries through a proxy adding {rtt_ms:g} ms per round trip", flush=True)
    proxy = DelayProxy(bench.server.port, rtt_ms / 2000)
    url, secrets = bench.login("rtt")
    url = url.replace(f":{bench.server.port}/", f":{proxy.port}/")
    local = open_local(bench.workdir / f"rtt-{uuid.uuid4().hex[:6]}.db", new_data_key())
    station = Workstation(url, secrets, local, signer=SigningKey.generate())
    assert station.connect()
    incident = bench.new_incident(station)
    target = parse_url(url)
    bare = psycopg.connect(target.conninfo(), password=secrets.password)
    bench.server.superuser_sql(
        "CREATE TABLE IF NOT EXISTS public.bench_bare (id serial PRIMARY KEY, body text NOT NULL); "
        f"GRANT INSERT ON public.bench_bare TO {target.user}; GRANT USAGE ON SEQUENCE public.bench_bare_id_seq TO {target.user}"
    )
    timings: dict[str, list[float]] = {"record": [], "bare": []}
    for n in range(count):
        started = time.perf_counter()
        ack = station.record(incident, note(n))
        timings["record"].append(time.perf_counter() - started)
        assert not ack.waiting
        started = time.perf_counter()
        bare.execute("INSERT INTO public.bench_bare (body) VALUES (%s)", (f"bare {n}",))  # BEGIN, INSERT, COMMIT
        bare.commit()
        timings["bare"].append(time.perf_counter() - started)
    bare.close()
    station.close()
    for name, label in (("record", "Workstation.record()"), ("bare", "bare INSERT + COMMIT (three round trips)")):
        values = timings[name]
        report(f"{label} at {rtt_ms:g} ms RTT, p50 / p99 / max",
               f"{ms(statistics.median(values))} / {ms(percentile(values, 0.99))} / {ms(max(values))}")


# --- notify -------------------------------------------------------------------------------------------

FOLLOWER = r"""
import sys, time
from incident_log.cell.connect import Secrets
from incident_log.cell.localdb import open_local
from incident_log.cell.signing import SigningKey
from incident_log.cell.workstation import Workstation
from incident_log.store.keyslots import new_data_key
url, password, incident, path, total = sys.argv[1:6]
station = Workstation(url, Secrets(password=password), open_local(path, new_data_key()), signer=SigningKey.generate())
assert station.connect()
station.follow(incident)
station.pump_live()
print("ready", flush=True)
store = station.store
listener = store.listener()
seen = 0
while seen < int(total):
    drained = listener.drain(timeout=5)
    arrived = time.monotonic()
    for change in drained.changes:
        print(f"notify {change.seq} {arrived!r}", flush=True)
    if drained.changes:
        got = station.fetch(incident)[0]
        visible = time.monotonic()
        for seq in range(seen + 1, seen + got + 1):
            print(f"visible {seq} {visible!r}", flush=True)
        seen += got
station.close()
"""


def bench_notify(bench: Bench, count: int) -> None:
    print(f"notify: {count} entries, one every 20 ms, seen by a second workstation process", flush=True)
    station = bench.workstation("tl")
    incident = bench.new_incident(station)
    url, secrets = bench.login("follow")
    follower = subprocess.Popen(
        [sys.executable, "-c", FOLLOWER, url, secrets.password or "", incident, str(bench.workdir / "follower.db"), str(count)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert follower.stdout is not None
    assert follower.stdout.readline().strip() == "ready", follower.stderr.read() if follower.stderr else ""
    started: dict[int, float] = {}
    for n in range(count):
        begin = time.monotonic()
        ack = station.record(incident, note(n))
        started[ack.number] = begin
        time.sleep(0.02)
    out, err = follower.communicate(timeout=120)
    assert follower.returncode == 0, err[-2000:]
    notify: list[float] = []
    visible: list[float] = []
    for line in out.splitlines():
        what, seq, moment = line.split()
        (notify if what == "notify" else visible).append(float(moment) - started[int(seq)])
    assert len(visible) == count, f"only {len(visible)} of {count} entries reached the second workstation"
    report("record() to NOTIFY in a second process, p50 / p99 / max",
           f"{ms(statistics.median(notify))} / {ms(percentile(notify, 0.99))} / {ms(max(notify))}",
           "p99 < 200 ms", percentile(notify, 0.99) < 0.2)
    report("record() to the entry in the second workstation's mirror, p50 / p99 / max",
           f"{ms(statistics.median(visible))} / {ms(percentile(visible, 0.99))} / {ms(max(visible))}",
           "p99 < 200 ms", percentile(visible, 0.99) < 0.2)
    station.close()


# --- writers ------------------------------------------------------------------------------------------


def bench_writers(bench: Bench, writers: int, per_writer: int) -> None:
    print(f"writers: {writers} processes x {per_writer} entries on one incident", flush=True)
    station = bench.workstation("owner")
    incident = bench.new_incident(station)
    logins = [bench.login(f"w{n}") for n in range(writers)]
    children = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.cell.writer_process", url, incident, str(per_writer), f"W{n}"],
            cwd=ROOT, env={**os.environ, "INCIDENT_LOG_TEST_CELL_PASSWORD": secrets.password or ""},
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for n, (url, secrets) in enumerate(logins)
    ]
    for child in children:  # each writer says "ready" once connected; then all start together
        assert child.stdout is not None and child.stdin is not None
        assert child.stdout.readline().strip() == "ready"
    began = time.perf_counter()
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    acknowledged: list[int] = []
    for child in children:
        out, err = child.communicate(timeout=900)
        assert child.returncode == 0, err[-2000:]
        acknowledged.extend(int(line) for line in out.split() if line != "done")
    elapsed = time.perf_counter() - began
    entries = station.store.read_range(incident)
    held = {e.seq for e in entries}
    losses = sum(1 for seq in acknowledged if seq not in held)
    doubles = len(acknowledged) - len(set(acknowledged))
    chain = witness(incident, [], [s.entry for s in station.store.read_signed(incident)])
    forks = 0 if chain.ok and [e.seq for e in entries] == list(range(1, len(entries) + 1)) else 1
    total = writers * per_writer
    report(f"{writers} x {per_writer} entries: wall time, throughput", f"{elapsed:.1f} s, {total / elapsed:.0f} entries/s")
    report("forks / losses / doubles / entries on the server",
           f"{forks} / {losses} / {doubles} / {len(entries)} of {total}", "0 / 0 / 0",
           forks == 0 and losses == 0 and doubles == 0 and len(entries) == total)
    station.close()


# --- sync ---------------------------------------------------------------------------------------------


def bench_sync(bench: Bench, count: int) -> None:
    print(f"sync: {count} entries acknowledged offline, then sent", flush=True)
    station = bench.workstation("offline")
    incident = bench.new_incident(station)
    station.record(incident, note(0))
    bench.server.stop()
    acks: list[float] = []
    try:
        for n in range(count):
            started = time.perf_counter()
            ack = station.record(incident, note(n + 1))
            acks.append(time.perf_counter() - started)
            assert ack.waiting
    finally:
        bench.server.start()
    report("record() while offline (queued, durable), first / p50 / p99",
           f"{ms(acks[0])} / {ms(statistics.median(acks))} / {ms(percentile(acks, 0.99))}")
    started = time.perf_counter()
    result = station.sync()
    elapsed = time.perf_counter() - started
    sent = len(result.replay.sent)
    on_server = station.store.chain_top(incident).head.count
    report(f"sync() of {count} queued entries (replay + mirror fetch)", f"{elapsed:.2f} s, {sent / elapsed:.0f} entries/s")
    report("sent / held / on the server", f"{sent} / {len(result.replay.held)} / {on_server} of {count + 1}",
           "all sent, none held", sent == count and on_server == count + 1)
    station.close()


# --- open ---------------------------------------------------------------------------------------------


def bench_open(bench: Bench, count: int) -> None:
    from incident_log.domain.projections import fold

    print(f"open: an incident of {count:,} entries on the server, read and folded", flush=True)
    station = bench.workstation("open")
    incident = bench.new_incident(station)
    load_incident(bench.server, incident, count)
    reader = CellStore.open(*bench.login("reader"))
    try:
        row = reader.find_incident(incident)
        assert row is not None
        started = time.perf_counter()
        described = reader.describe(row)
        entries = reader.read_range(incident)
        read = time.perf_counter() - started
        state = fold(described, entries, as_of=utc_now(), late_margin=timedelta(minutes=10))
        total = time.perf_counter() - started
        assert len(entries) == count and state.demands and state.offers and state.intelligence and state.roster.spells
        report(f"open {count:,} entries from the server: read / read + fold", f"{read:.2f} s / {total:.2f} s",
               "< 2 s", total < 2.0)
    finally:
        reader.close()
        station.close()


def _bench_entry(seq: int) -> tuple[str, dict[str, Any], str]:
    """Entry ``seq`` of the open step's incident: people first, then every board's kinds in turn
    (statements, notes, intelligence, hooks, risks, decisions, demands, offers and their updates,
    contacts, rotations), so the fold builds every projection as it does for a real incident."""
    person = f"p{seq % 20 + 1}"
    if seq <= 20:
        return "person", {"key": f"p{seq}", "role": "witness", "name": f"Person {seq}"}, ""
    words = f"benchmark entry {seq} about the subject and the car"
    slot = seq % 20
    if slot in (0, 5, 10, 15):
        return "statement", {"speaker": person, "channel": "phone"}, words
    if slot in (1, 6, 11):
        return "intel", {"source": "control room", "grading": "B2", "about": person}, words
    if slot == 2:
        return "hook", {"about": person}, words
    if slot == 3:
        return "risk", {"category": "weapon", "status": "reported"}, words
    if slot == 4:
        return "decision", {"decided_by": person, "rationale": "time"}, words
    if slot == 7:
        return "demand", {"by": person}, words
    if slot == 8:
        return "offer", {"to": person, "conditions": "calm"}, words
    if slot == 9:
        return "update", {"status": "refused"}, words  # refs: the demand two entries before (see below)
    if slot == 12:
        return "contact", {"channel": "phone", "event": "start", "with": person}, ""
    if slot == 13:
        return "rotation", {"role": "primary negotiator", "person": person}, ""
    return "note", {}, words


def load_incident(server: PostgresServer, incident: str, count: int) -> None:
    """Bulk-load a realistic chain (people, then every board's kinds: ``_bench_entry``) as the superuser, with COPY.

    Only the read side is measured, so the entries go in through COPY with the append trigger
    off (100,000 appends one by one would take minutes); the chain is computed exactly as the
    append path computes it, and the head row is set to its end.
    """
    target = parse_url(server.admin_url)
    start = utc_now() - timedelta(days=2)
    with psycopg.connect(target.conninfo()) as admin:
        cell = admin.execute("SELECT cell FROM incident_log.incident WHERE id = %s", (incident,)).fetchone()[0]
        previous = admin.execute(  # entry #0, the opening the workstation wrote
            "SELECT hash FROM incident_log.entry WHERE incident_id = %s AND seq = 0", (incident,)
        ).fetchone()[0]
        admin.execute("ALTER TABLE incident_log.entry DISABLE TRIGGER entry_link")
        with admin.cursor().copy(
            "COPY incident_log.entry (incident_id, seq, kind, occurred_at, recorded_at, author, text, fields, refs, "
            "delay_reason, origin, prev_hash, hash, entry_uid, cell, db_role, appended_at) FROM STDIN"
        ) as copy:
            for seq in range(1, count + 1):
                moment = start + timedelta(seconds=seq)
                kind, fields, text = _bench_entry(seq)
                refs = seq - 2 if kind == "update" else None
                payload = entry_payload(incident_id=incident, seq=seq, kind=kind, occurred_at=moment, recorded_at=moment,
                                        author="Loggist", text=text, fields=fields, refs=refs, delay_reason=None,
                                        origin=ORIGIN_IMPORT)
                digest = chain_hash(previous, payload)
                copy.write_row((incident, seq, kind, iso_utc(moment), iso_utc(moment), "Loggist", text, fields_json(fields),
                                refs, None, ORIGIN_IMPORT, previous, digest, str(uuid.uuid4()), cell, "bench", moment))
                previous = digest
        admin.execute("ALTER TABLE incident_log.entry ENABLE TRIGGER entry_link")
        admin.execute("ALTER TABLE incident_log.chain_head DISABLE TRIGGER chain_head_guard")
        admin.execute("UPDATE incident_log.chain_head SET seq = %s, hash = %s WHERE incident_id = %s", (count, previous, incident))
        admin.execute("ALTER TABLE incident_log.chain_head ENABLE TRIGGER chain_head_guard")
        admin.execute("ANALYZE incident_log.entry")


# --- main ---------------------------------------------------------------------------------------------

STEPS = ("record", "notify", "writers", "sync", "open", "rtt")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes, a smoke run")
    parser.add_argument("--only", default=",".join(STEPS), help=f"comma-separated steps: {', '.join(STEPS)}")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a target is missed")
    parser.add_argument("--rtt-ms", type=float, default=2.0, help="round trip the rtt step's proxy adds (ms)")
    args = parser.parse_args()
    chosen = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = sorted(set(chosen) - set(STEPS))
    if unknown:
        parser.error(f"unknown step(s): {', '.join(unknown)}")
    quick = args.quick
    server = PostgresServer()
    with tempfile.TemporaryDirectory(prefix="bench-cell-") as workdir:
        try:
            server.start()
            setup_server(server.admin_url)
            bench = Bench(server, Path(workdir))
            version = server.superuser_sql("SHOW server_version")
            print(f"PostgreSQL {version} on 127.0.0.1 (TLS verify-full, fsync on); {os.cpu_count()} CPUs", flush=True)
            bench_fsync(Path(workdir))
            if "record" in chosen:
                bench_record(bench, 200 if quick else 1000)
            if "notify" in chosen:
                bench_notify(bench, 50 if quick else 300)
            if "writers" in chosen:
                bench_writers(bench, 4, 100 if quick else 1000)
            if "sync" in chosen:
                bench_sync(bench, 100 if quick else 1000)
            if "open" in chosen:
                bench_open(bench, 10_000 if quick else 100_000)
            if "rtt" in chosen:
                bench_rtt(bench, 100 if quick else 300, args.rtt_ms)
        finally:
            server.destroy()
    missed = [figure for figure, _m, _t, passed in RESULTS if passed is False]
    print(f"{len(missed)} target(s) missed" + (f": {'; '.join(missed)}" if missed else ""))
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
