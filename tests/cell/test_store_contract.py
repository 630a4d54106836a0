"""One store interface, two implementations: the SQLCipher vault's ``VaultStore`` and the cell's
``CellStore`` on the real test server answer the same calls the same way.

The same incident (same id, same times) with the same drafts is written through both; the chains
must come out hash for hash identical, refusals must write nothing in either, and every read the
facade uses must agree.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from incident_log import errors
from incident_log.cell.workstation import opening_prepare
from incident_log.domain.entry import ORIGIN_LIVE, NewEntry, utc_now
from incident_log.domain.validation import validate_entry
from incident_log.logbook import Logbook
from incident_log.store_interface import IncidentStore, Prepared, SeqFilter
from tests.cell.conftest import incident_row
from tests.conftest import FAST_KDF, PASSPHRASE

NOW = utc_now().replace(microsecond=0)
DRAFTS = [
    NewEntry("person", "", {"key": "s1", "role": "subject", "name": "Tomás Ibarra"}, author="Loggist"),
    NewEntry("note", "Subject at the window", author="Loggist"),
    NewEntry("statement", "I want to talk to my sister", {"speaker": "s1"}, author="Loggist"),
    NewEntry("demand", "A car at the door", {"by": "s1"}, author="Loggist"),
    NewEntry("note", "Lights on, third floor", author="TL García"),
]


def prepared(draft: NewEntry, n: int) -> Callable[..., Prepared]:
    def prepare(top: Any, facts: Any) -> Prepared:
        moment = NOW + timedelta(seconds=n)
        return Prepared(validate_entry(draft, facts, now=moment), moment, ORIGIN_LIVE)

    return prepare


@pytest.fixture(params=["vault", "cell"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[IncidentStore]:
    if request.param == "vault":
        book = Logbook.create(tmp_path / "v.db", PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF)
        yield book.store
        book.close()
    else:
        make_login, open_store = request.getfixturevalue("make_login"), request.getfixturevalue("open_store")
        yield open_store(make_login())


def opened_before_now() -> Any:
    """An incident opened five minutes before NOW (the drafts' clock), however late the test runs."""
    row = incident_row()
    return type(row)(row.id, row.ref, row.title, row.type, row.location, NOW - timedelta(minutes=5), False, "UTC")


def write(store: IncidentStore, row: Any) -> list[Any]:
    store.create_incident(row, created_at=NOW, opening=opening_prepare(row, now=NOW))
    return [store.append(row.id, prepared(draft, n)).entry for n, draft in enumerate(DRAFTS, start=1)]


def test_both_stores_meet_the_interface(store: IncidentStore) -> None:
    assert isinstance(store, IncidentStore)


def test_the_same_drafts_make_the_same_chain_in_both(request: pytest.FixtureRequest, tmp_path: Path) -> None:
    row = opened_before_now()
    book = Logbook.create(tmp_path / "v.db", PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF)
    try:
        in_vault = write(book.store, row)
        cell = request.getfixturevalue("open_store")(request.getfixturevalue("make_login")())
        in_cell = write(cell, row)
        assert [(e.seq, e.hash, e.prev_hash) for e in in_vault] == [(e.seq, e.hash, e.prev_hash) for e in in_cell]
        assert book.store.chain_top(row.id).head.hash == cell.chain_top(row.id).head.hash == in_cell[-1].hash
    finally:
        book.close()


def test_reads_agree_and_a_refusal_writes_nothing(store: IncidentStore) -> None:
    row = opened_before_now()
    written = write(store, row)
    top = store.chain_top(row.id)
    assert (top.head.count, top.head.hash, top.sealed) == (5, written[-1].hash, False)
    assert store.entry(row.id, 3) == written[2]
    assert store.entries(row.id, [2, 4]) == [written[1], written[3]]
    assert store.latest(row.id, 2) == written[-2:]
    assert store.read_range(row.id, after=1, limit=2) == written[1:3]
    assert store.filtered_seqs(row.id, SeqFilter(kinds=frozenset({"note"}))) == [2, 5]
    assert store.find_incident(row.ref) is not None and store.find_incident(row.id) is not None
    assert store.describe(store.find_incident(row.id)).entry_count == 5  # type: ignore[arg-type]
    assert store.heads()[row.id].count == 5

    duplicate = NewEntry("person", "", {"key": "s1", "role": "subject", "name": "Someone Else"}, author="Loggist")

    def refuse(top: Any, facts: Any) -> Prepared:
        if facts.has_person("s1"):
            raise errors.ValidationError("key", "a person with key 's1' is already registered")
        return prepared(duplicate, 9)(top, facts)

    with pytest.raises(errors.ValidationError):
        store.append(row.id, refuse)
    assert store.chain_top(row.id).head.count == 5  # nothing written, the lock released
    assert store.append(row.id, prepared(NewEntry("note", "after the refusal", author="Loggist"), 9)).entry.seq == 6
