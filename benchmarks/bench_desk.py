"""The desktop's cell mode (``incident_log/desk.py``) on a PostgreSQL server on loopback.

Run:  python benchmarks/bench_desk.py             (full sizes, a few minutes)
      python benchmarks/bench_desk.py --quick     (small sizes, a smoke run)
      python benchmarks/bench_desk.py --only record,arrive,outage,open

What a window waits for, measured on two desks (two workstations: their own vault, local file,
login and sync thread) in this process, on a throwaway server (tests/pgserver.py, TLS verify-full,
fsync on). The second desk's window is modelled by a thread that polls every ``POLL_MS``, as the
window's timer does.

  record   CellDesk.record() while online: what Ctrl+Return waits for (a local durable commit; the
           server append happens on the sync thread). p50/p99/max. Target: p99 < 10 ms.
  arrive   From the start of record() on the first desk to the entry in the second desk's view.
           Target: p99 < 200 ms (the issue's second-workstation target).
  outage   The server stopped: record() p99 over N entries; the server started again: time until
           every entry is on the server and in the second desk's view (each exactly once).
  open     A second desk following an incident of N entries already in its local copy: opening it
           (the view loaded from the local file and every projection folded). Target: 100,000
           entries < 2 s (the issue's target from the server).

Privacy: synthetic text only; nothing here prints entry text, names or keys.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.pgserver: the same throwaway server the tests use

from incident_log.cell.connect import Secrets  # noqa: E402
from incident_log.cell.opening import Credentials  # noqa: E402
from incident_log.cell.setup import add_user, setup_server  # noqa: E402
from incident_log.cell.signing import SigningKey  # noqa: E402
from incident_log.desk import POLL_MS, CellDesk  # noqa: E402
from incident_log.domain.entry import NewEntry  # noqa: E402
from incident_log.logbook import Logbook  # noqa: E402
from tests.pgserver import PostgresServer  # noqa: E402

PASSPHRASE = "benchmark passphrase, not a secret"


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def say(figure: str, measured: str, target: str = "", passed: bool | None = None) -> None:
    verdict = "" if passed is None else ("  [met]" if passed else "  [MISSED]")
    print(f"  {figure:<58} {measured:<34} {target}{verdict}", flush=True)


def spread(name: str, values: list[float], target_ms: float | None = None) -> None:
    p99 = percentile(values, 0.99)
    say(name, f"p50 {ms(statistics.median(values))} · p99 {ms(p99)} · max {ms(max(values))}",
        f"target p99 < {target_ms:.0f} ms" if target_ms else "",
        None if target_ms is None else p99 * 1000 < target_ms)


def note(n: int) -> NewEntry:
    return NewEntry("note", f"synthetic entry {n}", author="Bench loggist")


def bare_commits(folder: Path, count: int) -> list[float]:
    """One-row INSERT + COMMIT on an encrypted local file like VAULT.cell (WAL, synchronous=FULL)."""
    from incident_log.cell.localdb import open_local  # noqa: PLC0415
    from incident_log.store.keyslots import new_data_key  # noqa: PLC0415

    connection = open_local(folder / "floor.cell", new_data_key())
    connection.execute("CREATE TABLE floor (n INTEGER)")
    times = []
    for n in range(count):
        started = time.perf_counter()
        connection.execute("BEGIN IMMEDIATE")
        connection.execute("INSERT INTO floor VALUES (?)", (n,))
        connection.execute("COMMIT")
        times.append(time.perf_counter() - started)
    connection.close()
    return times


class Bench:
    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.server = PostgresServer()  # its own folder, which the postgres account can enter
        self.server.start()
        setup_server(self.server.admin_url)
        self.desks: list[CellDesk] = []

    def desk(self, name: str) -> CellDesk:
        user = add_user(self.server.admin_url, f"{name}_{len(self.desks)}", cell="bench-cell")
        vault = Logbook.create(self.workdir / f"{name}{len(self.desks)}.db", PASSPHRASE, remember_in_keyring=False,
                               kdf_cost=12)
        desk = CellDesk(vault, self.server.url(user.role), Credentials(Secrets(password=user.password), SigningKey.generate()))
        self.desks.append(desk)
        wait(lambda: desk.connection().connected, 30, "the desk did not connect")
        return desk

    def close(self) -> None:
        for desk in self.desks:
            desk.close()
        self.server.destroy()


def wait(condition: Callable[[], bool], timeout: float, why: str) -> float:
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > timeout:
            raise SystemExit(why)
        time.sleep(0.002)
    return time.monotonic() - started


class Window(threading.Thread):
    """The second workstation's window: polls every POLL_MS and notes when each entry appeared."""

    def __init__(self, desk: CellDesk, ref: str) -> None:
        super().__init__(daemon=True)
        self.desk, self.ref = desk, ref
        self.seen_at: dict[str, float] = {}
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.is_set():
            self.desk.poll()
            try:
                entries = list(self.desk.all_entries(self.ref))
            except Exception:  # noqa: BLE001 - the incident has not reached this desk yet
                entries = []
            now = time.perf_counter()
            for entry in entries:
                if entry.hash:
                    self.seen_at.setdefault(entry.text, now)
            self.stop.wait(POLL_MS / 1000)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", default="record,arrive,outage,open")
    parser.add_argument("--entries", type=int, default=None, help="size of the incident opened (default 100,000)")
    args = parser.parse_args()
    steps = set(args.only.split(","))
    records = 100 if args.quick else 1000
    big = args.entries or (5_000 if args.quick else 100_000)
    with tempfile.TemporaryDirectory(prefix="bench-desk-") as folder:
        bench = Bench(Path(folder))
        try:
            loggist, leader = bench.desk("loggist"), bench.desk("leader")
            incident = loggist.create_incident("Synthetic incident", author="Bench loggist")
            wait(lambda: any(i.id == incident.id for i in leader.incidents()), 30, "the incident did not arrive")
            window = Window(leader, incident.ref)
            window.start()
            print(f"bench_desk: {records} entries per step, open {big:,}; poll every {POLL_MS} ms")
            spread("the floor: a bare durable one-row commit, same kind of file", bare_commits(Path(folder), records))
            if "record" in steps or "arrive" in steps:
                acks, arrivals = [], []
                for n in range(records):
                    started = time.perf_counter()
                    loggist.record(incident.ref, note(n))
                    acks.append(time.perf_counter() - started)
                    text = f"synthetic entry {n}"
                    wait(lambda t=text: t in window.seen_at, 30, "an entry did not reach the second desk")  # type: ignore[misc]
                    arrivals.append(window.seen_at[text] - started)
                    time.sleep(0.02)
                spread("record() while online (what Ctrl+Return waits for)", acks, 10)
                spread("record() on one desk -> in the other desk's view", arrivals, 200)
            if "outage" in steps:
                bench.server.stop()
                wait(lambda: not loggist.connection().connected, 60, "the desk did not notice the outage")
                acks = []
                for n in range(records):
                    started = time.perf_counter()
                    loggist.record(incident.ref, NewEntry("note", f"offline entry {n}", author="Bench loggist"))
                    acks.append(time.perf_counter() - started)
                spread("record() with the server stopped", acks, 10)
                bench.server.start()
                started = time.perf_counter()
                loggist.sync_now()
                wait(lambda: all(f"offline entry {n}" in window.seen_at for n in range(records)), 300,
                     "the queued entries did not all arrive")
                took = time.perf_counter() - started
                texts = [e.text for e in leader.all_entries(incident.ref) if e.text.startswith("offline entry")]
                say(f"server back -> {records} queued entries in the other view", f"{took:.2f} s "
                    f"({records / took:.0f} entries/s)", "each exactly once", len(texts) == len(set(texts)) == records)
            window.stop.set()
            if "open" in steps:
                bulk = bench.desk("bulk")
                other = bulk.create_incident("Long synthetic incident", author="Bench loggist")
                with bulk._net:  # the entries go to the server in batches, as a long import does
                    for start in range(0, big, 5000):
                        for n in range(start, min(big, start + 5000)):
                            bulk._front().record(other.id, note(n))
                        bulk.back.sync()
                reader = bench.desk("reader")
                wait(lambda: any(i.id == other.id and i.entry_count == big for i in reader.incidents()), 600,
                     "the long incident did not reach the reader")
                reader.close()
                vault = Logbook.open(reader.vault.path, passphrase=PASSPHRASE, use_keyring=False)
                started = time.perf_counter()
                fresh = CellDesk(vault, reader.url, Credentials(Secrets(), SigningKey.generate()), start=False)
                state = fresh.state(other.ref)
                took = time.perf_counter() - started
                bench.desks.append(fresh)
                say(f"open an incident of {big:,} entries (local copy + every projection)", f"{took:.2f} s",
                    "target < 2 s", took < 2.0 and state.statistics.entry_count == big)
        finally:
            bench.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
