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


def vault_at_0_1(path: Path) -> bytes:
    """A vault exactly as version 0.1 left it: schema 0002, incidents without an opening entry."""
    key = vault_at_first_revision(path)
    engine = make_engine(path, key)
    with engine.connect() as connection:
        command.upgrade(_config(connection), "0002")
        connection.commit()
    with engine.begin() as connection:
        write_0_1_incident(connection, "OLD-1", ["first", "second"], title="Old barricade", location="Calle Mayor")
        write_0_1_incident(connection, "OLD-2", ["only"])
    engine.dispose()
    return key


def test_a_0_1_vault_opens_upgrades_and_verifies(vault_path: Path) -> None:
    vault_at_0_1(vault_path)
    with Logbook.open(vault_path, passphrase=PASSPHRASE) as book:
        result = book.verify()
        assert result.ok, result.problems
        assert result.ledger[0] == 2  # both old incidents were entered in the ledger at the upgrade
        old = book.incident("OLD-1")
        assert (old.title, old.entry_count, old.time_zone) == ("Old barricade", 2, "Etc/UTC")
        book.record("OLD-1", NewEntry("note", "recorded after the upgrade", author="L1"))
        new = book.create_incident("New since the upgrade").ref
        assert book.entry(new, 0).kind == "opening"
        assert book.verify().ok
    key_file = keyslots.sidecar_path(vault_path).read_text(encoding="utf-8")
    assert '"format": "incident-log-keys/2"' in key_file  # the key file was upgraded too


def test_a_0_1_incident_is_covered_from_the_upgrade_on(vault_path: Path) -> None:
    key = vault_at_0_1(vault_path)
    Logbook.open(vault_path, passphrase=PASSPHRASE).close()  # the upgrade
    engine = make_engine(vault_path, key)
    with engine.begin() as connection:  # someone with the key changes the old incident's title
        connection.execute(text("DROP TRIGGER incident_no_update"))
        connection.execute(text("UPDATE incident SET title = 'Changed' WHERE ref = 'OLD-1'"))
        connection.execute(
            text("CREATE TRIGGER incident_no_update BEFORE UPDATE ON incident BEGIN SELECT RAISE(ABORT, 'x'); END")
        )
    engine.dispose()
    with Logbook.open(vault_path, passphrase=PASSPHRASE) as book:
        result = book.verify()
        assert not result.ok
        assert any(p.startswith("OLD-1: the incident's details") for p in result.problems)
