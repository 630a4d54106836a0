"""A vault written by an earlier schema opens, is upgraded in place, and keeps all it held."""

from __future__ import annotations

import uuid
from pathlib import Path

from alembic import command
from sqlalchemy import text

from incident_log.domain.entry import NewEntry, chain_hash, entry_payload, genesis_hash, iso_utc, utc_now
from incident_log.logbook import Logbook
from incident_log.store import keyslots
from incident_log.store.engine import make_engine
from incident_log.store.migrate import _config, current_revision, known_revisions
from tests.conftest import FAST_KDF, PASSPHRASE


def vault_at_first_revision(path: Path) -> bytes:
    """What version 0.1's first schema (0001: search index filled by a trigger) wrote."""
    key = keyslots.new_data_key()
    vault_id = str(uuid.uuid4())
    engine = make_engine(path, key, create=True)
    with engine.connect() as connection:
        command.upgrade(_config(connection), "0001")
        connection.commit()
    with engine.begin() as connection:
        connection.execute(text("INSERT INTO vault_meta (name, value) VALUES ('vault_id', :v)"), {"v": vault_id})
    engine.dispose()
    salt = path.read_bytes()[:16].hex()
    keyslots.Sidecar.wrap(key, PASSPHRASE, vault_id=vault_id, vault_salt=salt, log_n=FAST_KDF).save(
        keyslots.sidecar_path(path)
    )
    return key


def write_0_1_incident(connection, ref: str, notes: list[str], *, title: str = "Old", location: str = "") -> str:
    """An incident and its entries exactly as version 0.1 wrote them (its SQL, its chain: no entry #0)."""
    incident_id = str(uuid.uuid4())
    now = utc_now()
    connection.execute(
        text(
            "INSERT INTO incident (id, ref, title, type, location, opened_at, exercise, created_at) "
            "VALUES (:id, :ref, :title, 'crisis', :location, :at, 0, :at)"
        ),
        {"id": incident_id, "ref": ref, "title": title, "location": location, "at": iso_utc(now)},
    )
    prev = genesis_hash(incident_id)
    for seq, note in enumerate(notes, start=1):
        payload = entry_payload(
            incident_id=incident_id, seq=seq, kind="note", occurred_at=now, recorded_at=now, author="L1",
            text=note, fields={}, refs=None, delay_reason=None, origin="live",
        )
        digest = chain_hash(prev, payload)
        connection.execute(
            text(
                "INSERT INTO entry (incident_id, seq, kind, occurred_at, recorded_at, author, text, fields, refs, "
                "delay_reason, origin, prev_hash, hash) VALUES (:incident_id, :seq, :kind, :occurred_at, "
                ":recorded_at, :author, :text, '{}', NULL, NULL, :origin, :prev, :hash)"
            ),
            {**payload, "prev": prev, "hash": digest},
        )
        prev = digest
    return incident_id


def test_first_revision_vault_is_upgraded_and_keeps_its_log(vault_path: Path) -> None:
    vault_at_first_revision(vault_path)
    with Logbook.open(vault_path, passphrase=PASSPHRASE) as book:  # upgrades 0001 -> head
        ref = book.create_incident("Upgraded").ref
        old = book.record(ref, NewEntry("note", "written before the upgrade? no: right after it", author="L1"))
        with book._engine.connect() as connection:
            assert current_revision(connection) == known_revisions()[0]
        assert [e.seq for e in book.search(ref, "upgrade")] == [old.seq]
        assert book.verify(ref).ok


def test_entries_written_under_the_old_trigger_stay_searchable(vault_path: Path) -> None:
    key = vault_at_first_revision(vault_path)
    engine = make_engine(vault_path, key)  # the old program, writing through the 0001 schema
    with engine.begin() as connection:
        write_0_1_incident(connection, "OLD-1", ["dog at the shelter"])
        assert connection.execute(text("SELECT count(*) FROM entry_fts")).scalar() == 1  # the old trigger
    engine.dispose()
    first = type("First", (), {"seq": 1})
    with Logbook.open(vault_path, passphrase=PASSPHRASE) as book:
        second = book.record("OLD-1", NewEntry("note", "the dog is alive", author="L1"))
        assert [e.seq for e in book.search("OLD-1", "dog")] == [first.seq, second.seq]
        assert book.verify("OLD-1").ok


def test_search_index_catches_up_lazily(logbook: Logbook) -> None:
    ref = logbook.create_incident("Lazy").ref
    for i in range(5):
        logbook.record(ref, NewEntry("note", f"ladder number {i}", author="L1"))
    with logbook._engine.connect() as connection:
        indexed = connection.execute(text("SELECT count(*) FROM entry_fts")).scalar()
    assert indexed == 0  # recording did not wait for the index ...
    assert len(logbook.search(ref, "ladder")) == 5  # ... and a search never misses an entry
    logbook.record(ref, NewEntry("note", "another ladder", author="L1"))
    assert logbook.index_for_search(limit=100) == 1
    assert logbook.index_for_search() == 0


def test_schema_head_constant_is_alembics_head() -> None:
    from incident_log.store.migrate import SCHEMA_HEAD

    assert SCHEMA_HEAD == known_revisions()[0], "a migration was added: update SCHEMA_HEAD in store/migrate.py"
