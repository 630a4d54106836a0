"""Someone with the data key rewrites the vault with raw SQL: verify reports each case.

Every attack is done for real on a real SQLCipher vault: a second connection with the data key,
the append-only triggers dropped and restored, and the hashes recomputed wherever an attacker
who knows the canonical form would recompute them.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import Connection, text

from incident_log.domain.chain import details_from_fields
from incident_log.domain.entry import NewEntry, chain_hash, entry_payload, genesis_hash, utc_now
from incident_log.logbook import Logbook
from incident_log.store import repository
from incident_log.store.engine import make_engine

TRIGGERS = {
    "entry_no_update": "CREATE TRIGGER entry_no_update BEFORE UPDATE ON entry BEGIN SELECT RAISE(ABORT, 'entry rows are append-only'); END",
    "entry_no_delete": "CREATE TRIGGER entry_no_delete BEFORE DELETE ON entry BEGIN SELECT RAISE(ABORT, 'entry rows are append-only'); END",
    "incident_no_update": "CREATE TRIGGER incident_no_update BEFORE UPDATE ON incident BEGIN SELECT RAISE(ABORT, 'incident rows are append-only'); END",
    "incident_no_delete": "CREATE TRIGGER incident_no_delete BEFORE DELETE ON incident BEGIN SELECT RAISE(ABORT, 'incident rows are append-only'); END",
    "incident_ledger_no_update": "CREATE TRIGGER incident_ledger_no_update BEFORE UPDATE ON incident_ledger BEGIN SELECT RAISE(ABORT, 'incident_ledger rows are append-only'); END",
    "incident_ledger_no_delete": "CREATE TRIGGER incident_ledger_no_delete BEFORE DELETE ON incident_ledger BEGIN SELECT RAISE(ABORT, 'incident_ledger rows are append-only'); END",
}


@contextmanager
def attacker(book: Logbook) -> Iterator[Connection]:
    """A raw connection with the data key, the triggers dropped for the attack and restored after."""
    engine = make_engine(book.path, book._vault.key)
    try:
        with engine.begin() as connection:
            for name in TRIGGERS:
                connection.execute(text(f"DROP TRIGGER {name}"))
            yield connection
            for sql in TRIGGERS.values():
                connection.execute(text(sql))
    finally:
        engine.dispose()
    book._rows.clear()
    book._cache.clear()


def rechain(connection: Connection, incident_id: str, from_seq: int) -> None:
    """Recompute every hash from ``from_seq`` on, as an attacker who read DESIGN §4 would."""
    rows = connection.execute(
        text(f"SELECT {repository.ENTRY_COLUMNS} FROM entry WHERE incident_id = :i ORDER BY seq"), {"i": incident_id}
    ).all()
    prev = genesis_hash(incident_id)
    for row in rows:
        entry = repository.row_to_entry(row)
        if entry.seq < from_seq:
            prev = entry.hash
            continue
        digest = chain_hash(prev, entry.canonical())
        connection.execute(
            text("UPDATE entry SET prev_hash = :p, hash = :h WHERE incident_id = :i AND seq = :s"),
            {"p": prev, "h": digest, "i": incident_id, "s": entry.seq},
        )
        prev = digest


@pytest.fixture
def incident(logbook: Logbook) -> str:
    ref = logbook.create_incident("Barricade at the bakery", type="barricade", location="Calle Mayor 4", time_zone="Europe/Madrid").ref
    logbook.record(ref, NewEntry("person", "", {"key": "s1", "role": "subject", "name": "Zacarías"}, author="L1"))
    for number in range(5):
        logbook.record(ref, NewEntry("note", f"note {number}", author="L1"))
    assert logbook.verify().ok
    return ref


def problems(book: Logbook, ref: str | None = None) -> str:
    result = book.verify(ref)
    assert not result.ok
    return "\n".join(result.problems)


@pytest.mark.parametrize(
    ("column", "value"),
    [("title", "Something else"), ("location", "Elsewhere"), ("type", "hostage"),
     ("opened_at", "2026-01-01T00:00:00.000000Z"), ("exercise", 1), ("time_zone", "Europe/London")],
)
def test_changing_an_incident_detail_is_detected(logbook: Logbook, incident: str, column: str, value: object) -> None:
    with attacker(logbook) as sql:
        sql.execute(text(f"UPDATE incident SET {column} = :v"), {"v": value})
    assert "details" in problems(logbook, incident)
    assert "details" in problems(logbook)


def test_changing_the_details_and_the_opening_entry_with_recomputed_hashes_is_detected(
    logbook: Logbook, incident: str
) -> None:
    """The attacker also rewrites entry #0 to match and rechains the whole incident: the ledger knows."""
    with attacker(logbook) as sql:
        incident_id = sql.execute(text("SELECT id FROM incident")).scalar_one()
        sql.execute(text("UPDATE incident SET title = 'Forged'"))
        fields = json.loads(sql.execute(text("SELECT fields FROM entry WHERE seq = 0")).scalar_one())
        fields["title"] = "Forged"
        sql.execute(text("UPDATE entry SET fields = :f WHERE seq = 0"), {"f": repository.fields_json(fields)})
        rechain(sql, incident_id, 0)
    assert "opening entry is not the one the vault's ledger recorded" in problems(logbook)


def test_a_details_change_through_the_program_verifies_and_is_shown(logbook: Logbook, incident: str) -> None:
    entry = logbook.change_details(incident, title="Barricade, bakery (corrected)", reason="typo", author="L1")
    assert entry.kind == "details"
    assert logbook.incident(incident).title == "Barricade, bakery (corrected)"
    opening = logbook.entry(incident, 0)
    assert details_from_fields(opening.fields).title == "Barricade at the bakery"
    assert logbook.verify().ok


def test_rewriting_a_sealed_incident_and_recomputing_later_hashes_is_detected(logbook: Logbook, incident: str) -> None:
    seal = logbook.seal(incident, author="TL")
    with attacker(logbook) as sql:
        incident_id = sql.execute(text("SELECT id FROM incident")).scalar_one()
        sql.execute(text("UPDATE entry SET text = 'note rewritten' WHERE seq = 3"))
        rechain(sql, incident_id, 3)
    found = problems(logbook, incident)
    assert f"#{seal.seq}" in found and "seal's recorded head" in found


def test_deleting_a_whole_incident_is_reported_by_the_vault_wide_verify(logbook: Logbook, incident: str) -> None:
    other = logbook.create_incident("Second incident").ref
    logbook.record(other, NewEntry("note", "x", author="L1"))
    with attacker(logbook) as sql:
        victim = sql.execute(text("SELECT id FROM incident WHERE ref = :r"), {"r": incident}).scalar_one()
        sql.execute(text("DELETE FROM entry WHERE incident_id = :i"), {"i": victim})
        sql.execute(text("DELETE FROM entry_person WHERE incident_id = :i"), {"i": victim})
        sql.execute(text("DELETE FROM incident WHERE id = :i"), {"i": victim})
    assert f"{incident}: in the vault's ledger" in problems(logbook) and "deleted" in problems(logbook)
    assert logbook.verify(other).ok  # the other incident itself is intact


def test_deleting_an_incident_and_its_ledger_record_breaks_the_later_incidents(logbook: Logbook, incident: str) -> None:
    later = logbook.create_incident("Opened after").ref
    with attacker(logbook) as sql:
        victim = sql.execute(text("SELECT id FROM incident WHERE ref = :r"), {"r": incident}).scalar_one()
        for table in ("entry", "entry_person"):
            sql.execute(text(f"DELETE FROM {table} WHERE incident_id = :i"), {"i": victim})
        sql.execute(text("DELETE FROM incident WHERE id = :i"), {"i": victim})
        # Rewrite the ledger without the victim, recomputing every record's hash.
        from incident_log.domain.chain import new_ledger_record
        from incident_log.store import ledger

        records = [r for r in ledger.read_records(repository.driver(sql)) if r.incident_id != victim]
        sql.execute(text("DELETE FROM incident_ledger"))
        previous = None
        for record in records:
            previous = new_ledger_record(
                previous, logbook.vault_id, event=record.event, incident_id=record.incident_id, ref=record.ref,
                recorded_at=record.recorded_at, opening=record.opening, details=record.details, head=record.head,
            )
            ledger.insert_record(repository.driver(sql), previous)
    assert f"{later}: the vault's ledger before this incident was rewritten" in problems(logbook)


def test_an_incident_inserted_outside_the_program_is_reported(logbook: Logbook, incident: str) -> None:
    with attacker(logbook) as sql:
        repository.insert_incident(
            sql, repository.IncidentRow("intruder-id", "FAKE-1", "Fake", "other", "", utc_now(), False, "UTC"), utc_now()
        )
    assert "FAKE-1: not in the vault's ledger" in problems(logbook)


def test_a_backdated_live_entry_without_a_delay_reason_is_detected(logbook: Logbook, incident: str) -> None:
    with attacker(logbook) as sql:
        incident_id = sql.execute(text("SELECT id FROM incident")).scalar_one()
        top = repository.chain_top(repository.driver(sql), incident_id).head
        now = utc_now()
        payload = entry_payload(
            incident_id=incident_id, seq=top.count + 1, kind="note", occurred_at=now - timedelta(hours=3),
            recorded_at=now, author="L1", text="the subject was calm all along", fields={}, refs=None,
            delay_reason=None, origin="live",
        )
        sql.execute(
            text(repository.INSERT_ENTRY),
            {**payload, "fields": "{}", "prev_hash": top.hash, "hash": chain_hash(top.hash, payload), "clock_back": None},
        )
    assert "recorded late without the reason" in problems(logbook, incident)


def test_an_entry_after_the_seal_inserted_raw_is_detected(logbook: Logbook, incident: str) -> None:
    logbook.seal(incident, author="TL")
    with attacker(logbook) as sql:
        incident_id = sql.execute(text("SELECT id FROM incident")).scalar_one()
        top = repository.chain_top(repository.driver(sql), incident_id).head
        now = utc_now()
        payload = entry_payload(
            incident_id=incident_id, seq=top.count + 1, kind="note", occurred_at=now, recorded_at=now,
            author="L1", text="added after the seal", fields={}, refs=None, delay_reason=None, origin="live",
        )
        sql.execute(
            text(repository.INSERT_ENTRY),
            {**payload, "fields": "{}", "prev_hash": top.hash, "hash": chain_hash(top.hash, payload), "clock_back": None},
        )
    assert "after the seal" in problems(logbook, incident)


def test_dropping_the_triggers_is_reported(logbook: Logbook, incident: str) -> None:
    engine = make_engine(logbook.path, logbook._vault.key)
    with engine.begin() as sql:
        sql.execute(text("DROP TRIGGER incident_ledger_no_delete"))
    engine.dispose()
    assert "append-only protection" in problems(logbook)


def test_every_tampering_leaves_a_clean_vault_clean(logbook: Logbook, incident: str, tmp_path: Path) -> None:
    """The control case: the attacker helper itself changes nothing when it does nothing."""
    with attacker(logbook):
        pass
    assert logbook.verify().ok
