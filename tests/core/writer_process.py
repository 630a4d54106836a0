"""A second process that records entries into a vault, for crash and concurrency tests.

Usage: python -m tests.core.writer_process VAULT REF COUNT TAG
Prints each seq on its own line only after record() has returned (i.e. after the commit).
"""

from __future__ import annotations

import sys
from pathlib import Path

from incident_log.domain.entry import NewEntry
from incident_log.logbook import Logbook


def main() -> None:
    vault, ref, count, tag = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    with Logbook.open(Path(vault)) as book:
        for number in range(count):
            entry = book.record(ref, NewEntry("note", f"{tag} entry {number}", author=tag))
            sys.stdout.write(f"{entry.seq}\n")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
