"""Bundles in cell mode on a PostgreSQL server on loopback: what moving an incident costs.

Run:  python benchmarks/bench_cell_bundle.py            (10,000 entries)
      python benchmarks/bench_cell_bundle.py --quick    (1,000 entries)

The same throwaway server as bench_cell.py (tests/pgserver.py: TLS verify-full, fsync on). Steps,
each timed once, wall clock:

  vault export    a vault's incident of N entries to a bundle (Logbook.export_bundle)
  cell import     that bundle as a new shared incident (CellBook.import_bundle: the checks a vault
                  makes, the incident with #0, the entries in one batch with the hash guard inside
                  the head lock, and the fetch into this workstation's mirror)
  re-import       the same bundle again (nothing new: the merge point found, nothing written)
  cell export     a second workstation follows the incident (fetch into its mirror, not timed) and
                  exports it (CellBook.export_bundle, from the mirror)
  vault import    that bundle into a fresh vault (Logbook.import_bundle), then its verify

Every bundle step includes one scrypt derivation at the bundle's cost (N=2**17, about 0.3 s here).
Privacy: synthetic text only; nothing printed but counts and timings.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_cell import Bench, note  # noqa: E402

from incident_log.cell.book import CellBook  # noqa: E402
from incident_log.cell.setup import setup_server  # noqa: E402
from incident_log.logbook import Logbook  # noqa: E402
from tests.pgserver import PostgresServer  # noqa: E402

PASSPHRASE = "benchmark vault passphrase"
BUNDLE_PASSPHRASE = "benchmark bundle passphrase"
T = TypeVar("T")


def timed(label: str, work: Callable[[], T], entries: int) -> T:
    started = time.perf_counter()
    result = work()
    seconds = time.perf_counter() - started
    print(f"  {label}: {seconds:.2f} s ({entries / seconds:,.0f} entries/s)", flush=True)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="1,000 entries instead of 10,000")
    args = parser.parse_args()
    count = 1_000 if args.quick else 10_000
    server = PostgresServer()
    with tempfile.TemporaryDirectory(prefix="bench-cell-bundle-") as folder:
        workdir = Path(folder)
        try:
            server.start()
            setup_server(server.admin_url)
            bench = Bench(server, workdir)
            version = server.superuser_sql("SHOW server_version")
            print(f"PostgreSQL {version} on 127.0.0.1 (TLS verify-full, fsync on); {os.cpu_count()} CPUs; "
                  f"{count:,} entries", flush=True)
            with Logbook.create(workdir / "field.db", PASSPHRASE, remember_in_keyring=False, kdf_cost=12) as field:
                ref = field.create_incident("Benchmark", type="other", exercise=True).ref
                for n in range(count):
                    field.record(ref, note(n))
                field_bundle = workdir / "field.bundle"
                timed("vault export", lambda: field.export_bundle(ref, field_bundle, BUNDLE_PASSPHRASE), count)
            with CellBook(bench.workstation("importer")) as importer:
                taken = timed("cell import (new shared incident)",
                              lambda: importer.import_bundle(field_bundle, BUNDLE_PASSPHRASE), count)
                assert taken.created and taken.incident.entry_count == count
                again = timed("re-import (nothing new)",
                              lambda: importer.import_bundle(field_bundle, BUNDLE_PASSPHRASE), count)
                assert not again.created and again.added == 0
            with CellBook(bench.workstation("reader")) as reader:
                reader.incident(ref)  # follows it: the whole log fetched into this mirror
                cell_bundle = workdir / "cell.bundle"
                done = timed("cell export (from the mirror)",
                             lambda: reader.export_bundle(ref, cell_bundle, BUNDLE_PASSPHRASE), count)
                assert done.count == count and done.waiting == 0
            with Logbook.create(workdir / "desk.db", PASSPHRASE, remember_in_keyring=False, kdf_cost=12) as desk:
                timed("vault import of the cell's bundle", lambda: desk.import_bundle(cell_bundle, BUNDLE_PASSPHRASE),
                      count)
                result = timed("its verify", lambda: desk.verify(ref), count)
                assert result.ok, result.problems
        finally:
            server.destroy()
    return 0


if __name__ == "__main__":
    sys.exit(main())
