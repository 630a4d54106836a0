"""A real PostgreSQL server for the cell tests, started once per test session.

The server (``tests/pgserver.py``) runs on 127.0.0.1 with TLS from a throwaway CA. One database
is set up with ``setup_server`` for the session; tests that need a pristine database (setup
itself) get their own. Roles are cluster-wide, so every user a test creates has a fresh name,
and every test gets its own cell unless it asks for two.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from incident_log.cell.connect import Secrets
from incident_log.cell.interface import Appended, ChainTop, IncidentRow, Prepared
from incident_log.cell.localdb import open_local
from incident_log.cell.setup import add_user, setup_server
from incident_log.cell.signing import SigningKey
from incident_log.cell.store import CellStore
from incident_log.cell.workstation import Workstation, opening_prepare
from incident_log.domain.entry import ORIGIN_LIVE, NewEntry, utc_now
from incident_log.domain.validation import IncidentFacts, validate_entry
from incident_log.store.keyslots import new_data_key
from tests.pgserver import DATABASE, PostgresServer


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PostgresServer]:
    server = PostgresServer()
    try:
        server.start()
        yield server
    finally:
        server.destroy()


@pytest.fixture(scope="session")
def cell_admin_url(pg_server: PostgresServer) -> str:
    setup_server(pg_server.admin_url)
    return pg_server.admin_url


@pytest.fixture
def fresh_database(pg_server: PostgresServer) -> Iterator[str]:
    """An empty database of its own (admin URL), dropped afterwards."""
    name = f"t_{secrets.token_hex(6)}"
    pg_server.superuser_sql(f"CREATE DATABASE {name}", database="postgres")
    yield pg_server.admin_url.replace(f"/{DATABASE}?", f"/{name}?")
    pg_server.superuser_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", database="postgres")


@dataclass(frozen=True)
class Login:
    role: str
    cell: str
    url: str
    secrets: Secrets


def unique(prefix: str) -> str:
    return f"{prefix}_{secrets.token_hex(4)}"


@pytest.fixture
def cell_name() -> str:
    return unique("cell").replace("_", "-")


@pytest.fixture
def make_login(pg_server: PostgresServer, cell_admin_url: str, cell_name: str) -> Callable[..., Login]:
    """A new workstation user (password login over verify-full TLS), in this test's cell by default."""

    def make(cell: str | None = None, prefix: str = "ws") -> Login:
        chosen = cell or cell_name
        user = add_user(cell_admin_url, unique(prefix), cell=chosen)
        assert user.password is not None
        return Login(user.role, chosen, pg_server.url(user.role), Secrets(password=user.password))

    return make


@pytest.fixture
def login(make_login: Callable[..., Login]) -> Login:
    return make_login()


@pytest.fixture
def open_store() -> Iterator[Callable[..., CellStore]]:
    opened: list[CellStore] = []

    def open_(who: Login, *, signer: SigningKey | None = None) -> CellStore:
        store = CellStore.open(who.url, who.secrets, signer=signer if signer is not None else SigningKey.generate())
        opened.append(store)
        return store

    yield open_
    for store in opened:
        store.close()


def incident_row(title: str = "Barricade, 3rd floor", ref: str | None = None) -> IncidentRow:
    return IncidentRow(
        id=str(uuid.uuid4()),
        ref=ref or unique("NEG").upper(),
        title=title,
        type="barricade",
        location="Calle Mayor 1",
        opened_at=utc_now(),
        exercise=False,
    )


def open_incident(store: CellStore, row: IncidentRow | None = None) -> IncidentRow:
    """A new shared incident with its opening entry #0, as a workstation creates it."""
    row = row or incident_row()
    now = utc_now()
    store.create_incident(row, created_at=now, opening=opening_prepare(row, now=now))
    return row


def prepare_draft(draft: NewEntry, *, now: datetime | None = None, allow_system: bool = False) -> Callable[..., Prepared]:
    """What the facade does inside the lock, minus its seal rule (enough to exercise the store)."""

    def prepare(top: ChainTop, facts: IncidentFacts) -> Prepared:
        moment = now or utc_now()
        return Prepared(validate_entry(draft, facts, now=moment, allow_system=allow_system), moment, ORIGIN_LIVE)

    return prepare


def append_note(store: CellStore, incident_id: str, text: str, *, author: str = "Loggist", uid: str | None = None) -> Appended:
    return store.append(incident_id, prepare_draft(NewEntry("note", text, author=author)), entry_uid=uid)


@pytest.fixture
def local_factory(tmp_path: Path) -> Iterator[Callable[[str], Any]]:
    """Encrypted local databases (queue and mirror) in tmp_path, one per name, closed afterwards."""
    opened: list[Any] = []
    keys: dict[str, bytes] = {}

    def make(name: str) -> Any:
        key = keys.setdefault(name, new_data_key())
        connection = open_local(tmp_path / f"{name}.cell.db", key)
        opened.append(connection)
        return connection

    yield make
    for connection in opened:
        connection.close()


@pytest.fixture
def make_workstation(local_factory: Callable[[str], Any]) -> Iterator[Callable[..., Workstation]]:
    made: list[Workstation] = []

    def make(who: Login, name: str = "ws", *, signer: SigningKey | None = None) -> Workstation:
        station = Workstation(who.url, who.secrets, local_factory(name), signer=signer or SigningKey.generate())
        made.append(station)
        assert station.connect(), station.status().problem
        return station

    yield make
    for station in made:
        station.close()
