"""A workstation in its own process, appending notes to one shared incident (concurrency tests).

Usage: python -m tests.cell.writer_process URL INCIDENT_ID COUNT TAG
The password comes from INCIDENT_LOG_TEST_CELL_PASSWORD. Each appended seq is printed on its own
line only after the append has committed; a final line "done" follows the last. Before the
first append the writer prints "ready" and waits for a line on stdin, so that every writer starts
appending at the same moment however slowly the processes start.
"""

from __future__ import annotations

import os
import sys

from incident_log.cell.connect import Secrets
from incident_log.cell.interface import ChainTop, Prepared
from incident_log.cell.signing import SigningKey
from incident_log.cell.store import CellStore
from incident_log.domain.entry import ORIGIN_LIVE, NewEntry, utc_now
from incident_log.domain.validation import IncidentFacts, validate_entry


def main() -> None:
    url, incident_id, count, tag = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    store = CellStore.open(url, Secrets(password=os.environ["INCIDENT_LOG_TEST_CELL_PASSWORD"]), signer=SigningKey.generate())
    try:
        sys.stdout.write("ready\n")
        sys.stdout.flush()
        sys.stdin.readline()
        for number in range(count):
            draft = NewEntry("note", f"{tag} entry {number}", author=tag)

            def prepare(top: ChainTop, facts: IncidentFacts, draft: NewEntry = draft) -> Prepared:
                now = utc_now()
                return Prepared(validate_entry(draft, facts, now=now), now, ORIGIN_LIVE)

            appended = store.append(incident_id, prepare)
            sys.stdout.write(f"{appended.entry.seq}\n")
            sys.stdout.flush()
        sys.stdout.write("done\n")
    finally:
        store.close()


if __name__ == "__main__":
    main()
