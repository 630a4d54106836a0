"""Row-level security between cells, TLS (verify-full, client certificates) and the URL's rules."""

from __future__ import annotations

import psycopg
import pytest

from incident_log import errors as core_errors
from incident_log.cell import errors, schema
from incident_log.cell.connect import Secrets, parse_url
from incident_log.cell.setup import add_user
from incident_log.cell.store import CellStore
from tests.cell.conftest import Login, append_note, incident_row, open_incident, unique
from tests.pgserver import PostgresServer


@pytest.fixture
def two_cells(make_login, open_store) -> tuple[CellStore, CellStore, str]:
    """A store in cell A with one incident and an entry, a store of a user of cell B, and the incident id."""
    ours = open_store(make_login(cell=unique("a").replace("_", "-")))
    theirs = open_store(make_login(cell=unique("b").replace("_", "-")))
    row = incident_row()
    open_incident(ours, row)
    append_note(ours, row.id, "only for cell A")
    return ours, theirs, row.id


def test_a_user_of_another_cell_sees_nothing(two_cells) -> None:
    ours, theirs, incident_id = two_cells
    assert [r.id for r in ours.incidents()] == [incident_id]
    assert theirs.incidents() == []
    assert theirs.find_incident(incident_id) is None
    assert theirs.read_range(incident_id) == []
    assert theirs.read_signed(incident_id) == []
    assert incident_id not in theirs.heads()
    with pytest.raises(core_errors.UnknownIncident):
        theirs.chain_top(incident_id)


def test_a_user_of_another_cell_cannot_append_or_take_the_lock(two_cells) -> None:
    ours, theirs, incident_id = two_cells
    with pytest.raises(core_errors.UnknownIncident):
        append_note(theirs, incident_id, "intruder")
    assert [e.text for e in ours.read_range(incident_id)] == ["only for cell A"]


def test_raw_sql_of_another_cell_is_refused_too(two_cells, make_login) -> None:
    """Not only our client: a user of cell B writing SQL by hand gets nothing from cell A."""
    ours, _theirs, incident_id = two_cells
    outsider: Login = make_login(cell=unique("c").replace("_", "-"))
    target = parse_url(outsider.url)
    with psycopg.connect(target.conninfo(), password=outsider.secrets.password, autocommit=True) as raw:
        assert raw.execute("SELECT count(*) FROM incident_log.entry").fetchone() == (0,)
        assert raw.execute("SELECT * FROM incident_log.lock_head(%s, NULL)", (incident_id,)).fetchall() == []
        head = ours.chain_top(incident_id).head
        with pytest.raises(psycopg.DatabaseError, match="no incident") as refused:
            raw.execute(
                "INSERT INTO incident_log.entry (incident_id, seq, kind, occurred_at, recorded_at, author, text, fields, "
                "origin, prev_hash, hash, entry_uid, cell, db_role, appended_at) VALUES (%s, %s, 'note', "
                "'2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z', 'x', 'x', '{}', 'live', %s, %s, "
                "gen_random_uuid(), %s, 'x', now())",
                (incident_id, head.count + 1, head.hash, "0" * 64, _theirs_cell(ours)),
            )
        assert refused.value.sqlstate == schema.STATE_UNKNOWN_INCIDENT
    assert ours.chain_top(incident_id).head.count == 1


def _theirs_cell(store: CellStore) -> str:
    return store.cell  # claiming cell A's name in the row does not help: the trigger sets it


def test_a_login_that_is_not_a_cell_member_is_told_so(pg_server: PostgresServer, cell_admin_url: str) -> None:
    name = unique("stray")
    pg_server.superuser_sql(f"CREATE ROLE {name} LOGIN PASSWORD 'a-long-test-password'; GRANT incident_log_workstation TO {name}")
    with pytest.raises(errors.NotACellMember, match=name):
        CellStore.open(pg_server.url(name), Secrets(password="a-long-test-password"))


def test_a_wrong_password_is_a_login_refusal(pg_server: PostgresServer, login: Login) -> None:
    with pytest.raises(errors.CellLoginRefused, match=login.role):
        CellStore.open(login.url, Secrets(password="not-the-password"))


def test_verify_full_refuses_a_server_certificate_from_another_ca(pg_server: PostgresServer, login: Login) -> None:
    url = login.url.replace(str(pg_server.ca_file), str(pg_server.foreign_authority_file()))
    with pytest.raises(errors.CellCertificateRefused):
        CellStore.open(url, login.secrets)


def test_verify_full_refuses_a_certificate_for_another_host_name(pg_server: PostgresServer, login: Login) -> None:
    """hostaddr connects to the real server; host is what the certificate must name."""
    url = login.url.replace("@127.0.0.1:", "@cell-server.example:") + "&hostaddr=127.0.0.1"
    with pytest.raises(errors.CellCertificateRefused):
        CellStore.open(url, login.secrets)


def test_the_connection_is_encrypted(pg_server: PostgresServer, login: Login) -> None:
    target = parse_url(login.url)
    with psycopg.connect(target.conninfo(), password=login.secrets.password) as raw:
        ssl, version = raw.execute("SELECT ssl, version FROM pg_stat_ssl WHERE pid = pg_backend_pid()").fetchone()
    assert ssl is True and version.startswith("TLSv1.")


def test_the_server_refuses_plain_tcp(pg_server: PostgresServer, login: Login) -> None:
    conninfo = f"host=127.0.0.1 port={pg_server.port} dbname={parse_url(login.url).database} user={login.role} sslmode=disable"
    with pytest.raises(psycopg.OperationalError, match="no pg_hba.conf entry|rejects connection"):
        psycopg.connect(conninfo, password=login.secrets.password, connect_timeout=3)


def test_a_client_certificate_logs_in_with_an_encrypted_key(pg_server: PostgresServer, cell_admin_url: str) -> None:
    name = unique("cert")
    user = add_user(cell_admin_url, name, cell="cert-cell", certificate=True)
    assert user.password is None and "client certificate" in user.instructions(parse_url(pg_server.url(name)))
    issued = pg_server.client_certificate(name, key_password="key passphrase 42")
    url = pg_server.url(name) + f"&sslcert={issued.cert_path}&sslkey={issued.key_path}"
    store = CellStore.open(url, Secrets(sslpassword="key passphrase 42"))
    try:
        assert store.cell == "cert-cell" and store.role == name
    finally:
        store.close()
    with pytest.raises(errors.CellLoginRefused):
        CellStore.open(url, Secrets(sslpassword="wrong passphrase"))


def test_a_certificate_user_cannot_log_in_without_a_certificate(pg_server: PostgresServer, cell_admin_url: str) -> None:
    name = unique("certonly")
    add_user(cell_admin_url, name, certificate=True)
    with pytest.raises(errors.CellLoginRefused):
        CellStore.open(pg_server.url(name), Secrets(password="anything at all"))


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("", "empty"),
        ("mysql://x@h/db", "postgresql://"),
        ("postgresql://ana:secret@host/db", "password"),
        ("postgresql://ana@host/db?sslmode=require", "verify-full"),
        ("postgresql://ana@host/db?sslmode=disable", "verify-full"),
        ("postgresql://ana@host", "no database"),
        ("postgresql://host/db", "no user"),
        ("postgresql://ana@h1,h2/db", "several hosts"),
    ],
)
def test_unusable_urls_are_refused_with_what_to_change(url: str, reason: str) -> None:
    with pytest.raises(errors.CellUrlInvalid, match=reason) as refused:
        parse_url(url)
    assert "secret" not in refused.value.message


def test_a_tcp_url_always_verifies_the_server() -> None:
    assert parse_url("postgresql://ana@cell.example:5432/cell").params["sslmode"] == "verify-full"


def test_an_unreachable_server_is_said_plainly(pg_server: PostgresServer, login: Login) -> None:
    url = login.url.replace(f":{pg_server.port}/", ":1/")
    with pytest.raises(errors.CellUnreachable, match="127.0.0.1:1") as gone:
        CellStore.open(url, login.secrets)
    assert login.secrets.password not in gone.value.message
