"""`cell setup` and `cell add-user` on a real server: idempotent, least privilege, append-only."""

from __future__ import annotations

import subprocess

import psycopg
import pytest

from incident_log.cell import errors, schema
from incident_log.cell.connect import Secrets, parse_url
from incident_log.cell.setup import add_user, setup_server
from incident_log.cell.store import CellStore
from tests.cell.conftest import Login, append_note, incident_row, open_incident, unique
from tests.pgserver import PostgresServer


def catalog_fingerprint(server: PostgresServer, admin_url: str) -> str:
    """Everything setup can change: the schema dump (with privileges and policies) and the roles."""
    target = parse_url(admin_url)
    dump = subprocess.run(
        [str(server.bin / "pg_dump"), "--schema-only", "-h", str(server.socket_dir), "-p", str(server.port),
         "-U", "postgres", target.database],
        capture_output=True, text=True, check=True,
    ).stdout
    # pg_dump's \restrict lines carry a random key per run; everything else is the catalog.
    dump = "\n".join(line for line in dump.splitlines() if not line.startswith(("\\restrict", "\\unrestrict")))
    roles = server.superuser_sql(
        "SELECT string_agg(rolname || ':' || rolcanlogin::text || ':' || coalesce(array_to_string(rolconfig, ','), ''), ';' "
        "ORDER BY rolname) FROM pg_roles WHERE rolname LIKE 'incident_log%'",
        database=target.database,
    )
    return dump + "\n" + roles


def test_setup_creates_everything_and_a_second_run_changes_nothing(pg_server: PostgresServer, fresh_database: str) -> None:
    first = setup_server(fresh_database)
    assert first.changed
    assert {"table entry", "table chain_head", "policy entry.cell_reads", "triggers"} <= set(first.created)
    before = catalog_fingerprint(pg_server, fresh_database)
    second = setup_server(fresh_database)
    assert second.created == ()
    assert catalog_fingerprint(pg_server, fresh_database) == before


def test_the_tables_belong_to_a_role_that_cannot_log_in(pg_server: PostgresServer, cell_admin_url: str) -> None:
    owners = pg_server.superuser_sql(
        f"SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = '{schema.SCHEMA}'"
    )
    assert owners == schema.OWNER_ROLE
    assert pg_server.superuser_sql(f"SELECT rolcanlogin FROM pg_roles WHERE rolname = '{schema.OWNER_ROLE}'") == "f"
    forced = pg_server.superuser_sql(
        "SELECT string_agg(relname || '=' || relforcerowsecurity::text, ',' ORDER BY relname) FROM pg_class c "
        f"JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '{schema.SCHEMA}' AND c.relkind = 'r' "
        "AND relname <> 'meta'"
    )
    assert forced == "cell_member=true,chain_head=true,entry=true,incident=true,signing_key=true"


def test_a_workstation_may_select_and_insert_only(pg_server: PostgresServer, cell_admin_url: str) -> None:
    granted = pg_server.superuser_sql(
        "SELECT string_agg(DISTINCT privilege_type, ',' ORDER BY privilege_type) FROM information_schema.role_table_grants "
        f"WHERE grantee = '{schema.WORKSTATION_ROLE}' AND table_schema = '{schema.SCHEMA}'"
    )
    assert granted == "INSERT,SELECT"
    public = pg_server.superuser_sql(
        "SELECT count(*) FROM information_schema.role_table_grants "
        f"WHERE grantee = 'PUBLIC' AND table_schema = '{schema.SCHEMA}'"
    )
    assert public == "0"


def raw_connection(who: Login) -> psycopg.Connection:
    target = parse_url(who.url)
    return psycopg.connect(target.conninfo(), password=who.secrets.password, autocommit=True)


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE incident_log.entry SET text = 'changed'",
        "DELETE FROM incident_log.entry",
        "TRUNCATE incident_log.entry",
        "UPDATE incident_log.incident SET title = 'changed'",
        "DELETE FROM incident_log.incident",
        "UPDATE incident_log.chain_head SET seq = 0",
        "DELETE FROM incident_log.chain_head",
        "DELETE FROM incident_log.signing_key",
    ],
)
def test_a_workstation_cannot_change_or_remove_anything(login: Login, open_store, statement: str) -> None:
    store = open_store(login)
    row = incident_row()
    open_incident(store, row)
    append_note(store, row.id, "first")
    with raw_connection(login) as connection, pytest.raises(psycopg.errors.InsufficientPrivilege):
        connection.execute(statement)
    assert [e.text for e in store.read_range(row.id)] == ["first"]


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE incident_log.entry SET text = 'changed'",
        "DELETE FROM incident_log.entry",
        "TRUNCATE incident_log.entry CASCADE",
        "UPDATE incident_log.incident SET title = 'changed'",
        "UPDATE incident_log.chain_head SET seq = 0",
        "DELETE FROM incident_log.chain_head",
    ],
)
def test_the_triggers_refuse_even_a_superuser(pg_server: PostgresServer, login: Login, open_store, statement: str) -> None:
    """Only a superuser who disables the triggers first can change rows (and the witnesses see it)."""
    store = open_store(login)
    row = incident_row()
    open_incident(store, row)
    append_note(store, row.id, "first")
    with pytest.raises(RuntimeError, match="append-only|moves only when"):
        pg_server.superuser_sql(statement)
    assert [e.text for e in store.read_range(row.id)] == ["first"]
    assert store.chain_top(row.id).head.count == 1


def test_setup_needs_a_superuser(fresh_database: str, login: Login) -> None:
    with pytest.raises(errors.CellSetupRefused, match="superuser"):
        setup_server(login.url, login.secrets)


def test_a_newer_server_schema_is_refused(pg_server: PostgresServer, fresh_database: str) -> None:
    setup_server(fresh_database)
    database = parse_url(fresh_database).database
    pg_server.superuser_sql(f"UPDATE {schema.SCHEMA}.meta SET value = '99' WHERE name = 'schema_version'", database=database)
    with pytest.raises(errors.CellSchemaTooNew, match="version 99"):
        setup_server(fresh_database)


def test_add_user_creates_a_login_in_its_cell_and_says_how_to_connect(pg_server: PostgresServer, cell_admin_url: str) -> None:
    name = unique("loggist")
    user = add_user(cell_admin_url, name, cell="madrid-1")
    assert user.created and user.password and len(user.password) == 64
    text = user.instructions(parse_url(pg_server.url(name)))
    assert f"postgresql://{name}@127.0.0.1:{pg_server.port}/" in text and "sslmode=verify-full" in text
    assert user.password not in text and user.password not in repr(user)
    # The server keeps a SCRAM verifier, never the password.
    stored = pg_server.superuser_sql(f"SELECT rolpassword FROM pg_authid WHERE rolname = '{name}'")
    assert stored.startswith("SCRAM-SHA-256$") and user.password not in stored
    store = CellStore.open(pg_server.url(name), Secrets(password=user.password))
    try:
        assert store.cell == "madrid-1"
    finally:
        store.close()


def test_add_user_again_changes_nothing(cell_admin_url: str) -> None:
    name = unique("tl")
    first = add_user(cell_admin_url, name, cell="north")
    again = add_user(cell_admin_url, name, cell="north")
    assert first.created and not again.created and again.password is None
    with pytest.raises(errors.CellUserInvalid, match="already belongs to cell 'north'"):
        add_user(cell_admin_url, name, cell="south")


@pytest.mark.parametrize("name", ["", "a", "Bob Smith", "x; DROP TABLE entry", "postgres", "incident_log_owner", "pg_monitor", "é" * 5, "1abc"])
def test_add_user_refuses_names_it_cannot_use_safely(cell_admin_url: str, name: str) -> None:
    with pytest.raises(errors.CellUserInvalid) as refused:
        add_user(cell_admin_url, name)
    assert "Nothing was changed" in refused.value.message


def test_add_user_will_not_take_over_an_existing_role(pg_server: PostgresServer, cell_admin_url: str) -> None:
    name = unique("dba")
    pg_server.superuser_sql(f"CREATE ROLE {name} LOGIN")
    with pytest.raises(errors.CellUserInvalid, match="exists and is not a cell user"):
        add_user(cell_admin_url, name)


def test_add_user_before_setup_says_to_run_setup(fresh_database: str) -> None:
    with pytest.raises(errors.CellSetupRefused, match="cell setup"):
        add_user(fresh_database, unique("early"))
