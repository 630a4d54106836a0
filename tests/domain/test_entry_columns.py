"""The entry's columns are declared once (``domain/entry.py``: ENTRY_FIELDS, HASHED_FIELDS).

Several stores still write the list out by hand in their SQL (the files are being tuned for
speed elsewhere; deriving them is left for then). Until every one is derived, this test names
each of them and fails the moment one of them parts from the declaration: a hashed column added
to ``Entry`` but not to the mirror, or a column reordered in one row builder only.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text

from incident_log.cell import schema as cell_schema
from incident_log.cell import store as cell_store
from incident_log.cell.localdb import open_local
from incident_log.cell.queue import QUEUE_SCHEMA
from incident_log.domain.entry import CHAIN_LINKS, ENTRY_FIELDS, HASHED_FIELDS, Entry, entry_payload
from incident_log.domain.validation import CleanEntry
from incident_log.logbook import Logbook
from incident_log.store import repository
from incident_log.store.keyslots import new_data_key

# What a bulk read leaves out because every row repeats it: the incident id is the query's own
# parameter, and an entry's prev_hash is the hash of the entry before it.
BULK_OMITS = ("incident_id", "prev_hash")


def names(columns: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in columns.split(","))


def test_the_declaration_is_the_entry_and_the_hash() -> None:
    assert tuple(f.name for f in dataclasses.fields(Entry)) == ENTRY_FIELDS
    assert HASHED_FIELDS == tuple(name for name in ENTRY_FIELDS if name not in CHAIN_LINKS)
    moment = datetime(2026, 3, 14, 21, 0, tzinfo=UTC)
    payload = entry_payload(incident_id="i", seq=1, kind="note", occurred_at=moment, recorded_at=moment, author="a",
                            text="t", fields={}, refs=None, delay_reason=None, origin="live", clock_back=3)
    assert tuple(sorted(payload)) == tuple(sorted(HASHED_FIELDS))
    # A validated entry carries what the loggist decides; the store and the rules add the rest.
    decided = {f.name for f in dataclasses.fields(CleanEntry)}
    assert decided <= set(HASHED_FIELDS)
    assert set(HASHED_FIELDS) - decided == {"incident_id", "seq", "recorded_at", "origin", "clock_back"}


def test_the_vaults_hand_written_lists_follow_it(logbook: Logbook) -> None:
    assert names(repository.ENTRY_COLUMNS) == ENTRY_FIELDS
    placeholders = re.search(r"VALUES \((.*)\)", repository.INSERT_ENTRY)
    assert placeholders is not None
    assert tuple(p.strip().lstrip(":") for p in placeholders.group(1).split(",")) == ENTRY_FIELDS
    assert names(repository._CHAIN_COLUMNS) == tuple(n for n in ENTRY_FIELDS if n not in BULK_OMITS)
    with logbook._engine.connect() as connection:  # the table the migrations made
        table = [row[1] for row in connection.execute(text("PRAGMA table_info(entry)"))]
    assert set(ENTRY_FIELDS) <= set(table)


def test_the_cells_hand_written_lists_follow_it(tmp_path: Path) -> None:
    server_table = tuple(column.name for column in cell_schema.entry.columns)
    assert server_table[: len(ENTRY_FIELDS)] == ENTRY_FIELDS  # then the columns outside the hash
    assert names(cell_store._BULK_COLUMNS) == tuple(n for n in ENTRY_FIELDS if n not in BULK_OMITS)
    assert cell_store._SIGNED_COLUMNS == len(ENTRY_FIELDS)
    inserted = re.search(r"\((.*?)\)", cell_store._INSERT)
    assert inserted is not None and names(inserted.group(1))[: len(ENTRY_FIELDS)] == ENTRY_FIELDS
    values = re.findall(r"%\((\w+)\)s", cell_store._INSERT.split("VALUES", 1)[1])
    assert tuple(values[: len(ENTRY_FIELDS)]) == ENTRY_FIELDS

    local = open_local(tmp_path / "ws.cell.db", new_data_key())
    try:
        mirror = tuple(row[1] for row in local.execute("PRAGMA table_info(cell_mirror_entry)"))
        queue = {row[1] for row in local.execute("PRAGMA table_info(cell_queue)")}
    finally:
        local.close()
    assert mirror[: len(ENTRY_FIELDS)] == ENTRY_FIELDS
    # The queue keeps a validated entry with its times and origin; the server decides the rest.
    assert set(HASHED_FIELDS) - queue == {"seq", "clock_back"}
    assert "cell_queue" in QUEUE_SCHEMA[0]
