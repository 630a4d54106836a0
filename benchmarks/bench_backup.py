"""Backup of a large vault in use: `incident-log backup` on a 100,000-entry incident.

    python benchmarks/bench_backup.py [--entries 100000]

Builds a vault with one incident of N entries (imported in one transaction, then 200 more
recorded live so the write-ahead log is not empty), then times ``Logbook.backup`` — the online
backup, the full verification of the copy and the key file — and prints the figures.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")

from incident_log.domain.entry import NewEntry  # noqa: E402
from incident_log.logbook import Logbook  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-backup-") as scratch:
        folder = Path(scratch)
        vault = folder / "vault.db"
        book = Logbook.create(vault, "benchmark passphrase", remember_in_keyring=False, kdf_cost=12)
        scenario = {
            "format": "incident-log/1",
            "incident": {"ref": "BIG-1", "title": "Long incident", "type": "barricade", "opened_at": "2026-03-14T20:00:00+01:00",
                         "time_zone": "Europe/Madrid"},
            "entries": [
                {"at": f"2026-03-14T{20 + (i // 3600) % 4:02d}:{(i // 60) % 60:02d}:{i % 60:02d}+01:00", "kind": "note",
                 "author": "Loggist 1", "text": f"Routine observation number {i}: subject seen at the window, no change."}
                for i in range(args.entries - 200)
            ],
        }
        started = time.perf_counter()
        book.import_scenario(scenario)
        for i in range(200):
            book.record("BIG-1", NewEntry("note", f"live entry {i}", author="L1"))
        built = time.perf_counter() - started
        size = vault.stat().st_size / 1e6
        wal = Path(f"{vault}-wal").stat().st_size / 1e6
        started = time.perf_counter()
        done = book.backup(folder / "backup")  if (folder / "backup").mkdir() is None else None
        elapsed = time.perf_counter() - started
        assert done is not None
        book.close()
        print(f"vault: {done.entries:,} entries, {size:.1f} MB file + {wal:.1f} MB write-ahead log (built in {built:.1f} s)")
        print(f"backup (online copy + full verify of the copy + key file): {elapsed:.2f} s, "
              f"copy {done.vault.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
