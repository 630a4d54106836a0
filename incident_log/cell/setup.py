"""Preparing a PostgreSQL server for a cell, and adding its users.

``setup_server`` is idempotent: it creates what is missing (roles, schema, tables, functions,
triggers, policies, grants) in one transaction and leaves what is there; a second run changes
nothing (the tests compare the catalog before and after). ``add_user`` creates one login role per
person, in one cell, and returns the instructions to give them.

Both run as a PostgreSQL superuser (the administrator's URL): creating objects owned by a role
that cannot log in, and login roles, needs it. The application itself never connects that way.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from psycopg import sql
from sqlalchemy import Connection, text

from incident_log.cell import errors, schema
from incident_log.cell.connect import CellTarget, Secrets, make_engine, parse_url

_ROLE_NAME = re.compile(r"^[a-z][a-z0-9_]{1,47}$")
_RESERVED_PREFIXES = ("pg_", "incident_log")
SETUP_LOCK = 0x1C_E11  # advisory lock: two administrators running setup at once take turns

# Applied to every workstation login (ALTER ROLE ... SET applies to that role's own sessions,
# not to members of a group, so it is set per user). A workstation that vanishes in the middle of
# a transaction must not hold an incident's head lock for long.
USER_SETTINGS = {"idle_in_transaction_session_timeout": "20s", "lock_timeout": "5s"}


@dataclass(frozen=True, slots=True)
class SetupReport:
    created: tuple[str, ...]  # what this run created ("role incident_log_owner", "table entry" ...)
    schema_version: int

    @property
    def changed(self) -> bool:
        return bool(self.created)


@dataclass(frozen=True, slots=True)
class NewUser:
    role: str
    cell: str
    certificate: bool
    password: str | None  # generated for password logins; show it once, never store it in clear
    created: bool  # False when the user already existed in this cell (nothing was changed)

    def instructions(self, target: CellTarget) -> str:
        """How this user connects: the URL (never with the password) and what to put where."""
        host = target.host if not target.over_socket else "SERVER-NAME"
        port = target.port
        url = f"postgresql://{self.role}@{host}:{port}/{target.database}?sslmode=verify-full&sslrootcert=CA.crt"
        lines = [
            f"Cell user '{self.role}' in cell '{self.cell}'.",
            f"Connect with:  incident-log --cell '{url}'",
            "CA.crt is the certificate of the authority that signed the server's certificate (copy it to the workstation).",
        ]
        if self.certificate:
            lines.append(
                f"Log-in by client certificate: issue one with CN={self.role}, signed by the CA in the server's "
                "ssl_ca_file; add &sslcert=FILE.crt&sslkey=FILE.key to the URL (keep the key encrypted; its "
                "passphrase is asked once and kept in the keyring)."
            )
        else:
            lines.append(
                "Log-in by password: it is shown once, here, and never stored in clear. Type it when Incident Log "
                "asks; it is kept in the system keyring or the passphrase slot."
            )
        return "\n".join(lines)

    def __repr__(self) -> str:
        return f"NewUser(role={self.role!r}, cell={self.cell!r}, certificate={self.certificate}, created={self.created})"


def _require_superuser(connection: Connection) -> None:
    is_super = connection.execute(text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")).scalar()
    if not is_super:
        raise errors.CellSetupRefused("the URL's user must be a PostgreSQL superuser (for example postgres)")


def _role_exists(connection: Connection, name: str) -> bool:
    return bool(connection.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first())


def _exec(connection: Connection, statement: sql.Composable | str) -> None:
    raw = connection.connection.driver_connection
    assert raw is not None
    if isinstance(statement, str):
        statement = sql.SQL(statement)  # type: ignore[arg-type]  # our own constants, never user input
    raw.execute(statement)


def setup_server(admin_url: str, admin: Secrets | None = None) -> SetupReport:
    """Create (or complete) the cell schema on the database named by ``admin_url``."""
    target = parse_url(admin_url)
    engine = make_engine(target, admin or Secrets(), pool_size=1)
    created: list[str] = []
    try:
        with engine.begin() as connection:
            _require_superuser(connection)
            connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": SETUP_LOCK})
            for role in (schema.OWNER_ROLE, schema.WORKSTATION_ROLE, schema.CERT_ROLE):
                if not _role_exists(connection, role):
                    _exec(connection, sql.SQL("CREATE ROLE {} NOLOGIN").format(sql.Identifier(role)))
                    created.append(f"role {role}")
            has_schema = connection.execute(
                text("SELECT 1 FROM pg_namespace WHERE nspname = :s"), {"s": schema.SCHEMA}
            ).first()
            if not has_schema:
                _exec(
                    connection,
                    sql.SQL("CREATE SCHEMA {} AUTHORIZATION {}").format(
                        sql.Identifier(schema.SCHEMA), sql.Identifier(schema.OWNER_ROLE)
                    ),
                )
                created.append(f"schema {schema.SCHEMA}")
            else:
                _check_version(connection)
            # Everything inside the schema is made by (and so owned by) the owner role.
            _exec(connection, sql.SQL("SET LOCAL ROLE {}").format(sql.Identifier(schema.OWNER_ROLE)))
            existing = set(
                connection.execute(
                    text("SELECT tablename FROM pg_tables WHERE schemaname = :s"), {"s": schema.SCHEMA}
                ).scalars()
            )
            schema.metadata.create_all(connection, checkfirst=True)
            created.extend(f"table {t.name}" for t in schema.metadata.sorted_tables if t.name not in existing)
            created.extend(_create_missing_indexes(connection))
            functions_before = _definitions(connection, "functions")
            for statement in schema.FUNCTIONS:
                _exec(connection, statement)
            triggers_before = _definitions(connection, "triggers")
            for statement in schema.TRIGGERS:
                _exec(connection, statement)
            if _definitions(connection, "functions") != functions_before:
                created.append("functions")
            if _definitions(connection, "triggers") != triggers_before:
                created.append("triggers")
            for table in schema.RLS_TABLES:
                flags = connection.execute(
                    text(
                        "SELECT relrowsecurity, relforcerowsecurity FROM pg_class c JOIN pg_namespace n "
                        "ON n.oid = c.relnamespace WHERE n.nspname = :s AND c.relname = :t"
                    ),
                    {"s": schema.SCHEMA, "t": table},
                ).one()
                if not (flags[0] and flags[1]):
                    qualified = sql.Identifier(schema.SCHEMA, table)
                    _exec(connection, sql.SQL("ALTER TABLE {} ENABLE ROW LEVEL SECURITY").format(qualified))
                    _exec(connection, sql.SQL("ALTER TABLE {} FORCE ROW LEVEL SECURITY").format(qualified))
                    created.append(f"row-level security on {table}")
            created.extend(_create_missing_policies(connection))
            _exec(connection, "RESET ROLE")
            privileges_before = _definitions(connection, "privileges")
            for statement in schema.GRANTS:
                _exec(connection, statement)
            if _definitions(connection, "privileges") != privileges_before:
                created.append("privileges")
            inserted = connection.execute(
                text(
                    f"INSERT INTO {schema.SCHEMA}.meta (name, value) VALUES ('schema_version', :v) "
                    "ON CONFLICT (name) DO NOTHING RETURNING name"
                ),
                {"v": str(schema.SCHEMA_VERSION)},
            ).first()
            if inserted:
                created.append("schema version")
    finally:
        engine.dispose()
    return SetupReport(tuple(created), schema.SCHEMA_VERSION)


def _check_version(connection: Connection) -> None:
    has_meta = connection.execute(
        text("SELECT 1 FROM pg_tables WHERE schemaname = :s AND tablename = 'meta'"), {"s": schema.SCHEMA}
    ).first()
    if not has_meta:
        return
    found = connection.execute(
        text(f"SELECT value FROM {schema.SCHEMA}.meta WHERE name = 'schema_version'")
    ).scalar()
    if found is not None and int(found) > schema.SCHEMA_VERSION:
        raise errors.CellSchemaTooNew(int(found))


def _create_missing_indexes(connection: Connection) -> list[str]:
    before = set(
        connection.execute(text("SELECT indexname FROM pg_indexes WHERE schemaname = :s"), {"s": schema.SCHEMA}).scalars()
    )
    for statement in schema.INDEXES:
        _exec(connection, statement)
    after = set(
        connection.execute(text("SELECT indexname FROM pg_indexes WHERE schemaname = :s"), {"s": schema.SCHEMA}).scalars()
    )
    return [f"index {name}" for name in sorted(after - before)]


def _create_missing_policies(connection: Connection) -> list[str]:
    present = {
        (row[0], row[1])
        for row in connection.execute(
            text("SELECT tablename, policyname FROM pg_policies WHERE schemaname = :s"), {"s": schema.SCHEMA}
        )
    }
    made: list[str] = []
    for table, name, command, using, check in schema.POLICIES:
        if (table, name) in present:
            continue
        statement = sql.SQL("CREATE POLICY {} ON {} FOR {} TO PUBLIC").format(
            sql.Identifier(name), sql.Identifier(schema.SCHEMA, table), sql.SQL(command)  # type: ignore[arg-type]
        )
        if using:
            statement = statement + sql.SQL(" USING ({})").format(sql.SQL(using))  # type: ignore[arg-type]
        if check:
            statement = statement + sql.SQL(" WITH CHECK ({})").format(sql.SQL(check))  # type: ignore[arg-type]
        _exec(connection, statement)
        made.append(f"policy {table}.{name}")
    return made


_DEFINITION_QUERIES = {
    "functions": (
        "SELECT p.proname, md5(pg_get_functiondef(p.oid)) FROM pg_proc p JOIN pg_namespace n "
        "ON n.oid = p.pronamespace WHERE n.nspname = :s ORDER BY 1"
    ),
    "triggers": (
        "SELECT t.tgname, md5(pg_get_triggerdef(t.oid)) FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = :s AND NOT t.tgisinternal ORDER BY 1"
    ),
    "privileges": (
        "SELECT c.relname, coalesce(c.relacl::text, '') FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
        "WHERE n.nspname = :s UNION ALL SELECT p.proname, coalesce(p.proacl::text, '') FROM pg_proc p "
        "JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = :s "
        "UNION ALL SELECT nspname, coalesce(nspacl::text, '') FROM pg_namespace WHERE nspname = :s ORDER BY 1"
    ),
}


def _definitions(connection: Connection, what: str) -> list[tuple[str, str]]:
    rows = connection.execute(text(_DEFINITION_QUERIES[what]), {"s": schema.SCHEMA})
    return [(str(row[0]), str(row[1])) for row in rows]


# --- users ---------------------------------------------------------------------------------------


def check_role_name(name: str) -> str:
    """Lower-case letters, digits and '_' (a PostgreSQL role name that needs no quoting anywhere)."""
    if not isinstance(name, str):
        raise errors.CellUserInvalid(str(name), "it must be text")
    clean = name.strip().lower()
    if not _ROLE_NAME.match(clean):
        raise errors.CellUserInvalid(
            name, "use 2 to 48 lower-case letters, digits or '_', starting with a letter (e.g. loggist_ana)"
        )
    if clean.startswith(_RESERVED_PREFIXES) or clean in ("postgres", "public"):
        raise errors.CellUserInvalid(name, "that name is reserved")
    return clean


def check_cell_name(cell: str) -> str:
    clean = cell.strip().lower() if isinstance(cell, str) else ""
    if not re.match(r"^[a-z0-9][a-z0-9_.-]{0,62}$", clean):
        raise errors.CellUserInvalid(
            str(cell), "a cell name is 1 to 63 lower-case letters, digits, '.', '_' or '-' (e.g. madrid-1)"
        )
    return clean


def new_password() -> str:
    """A login password: 32 random bytes in hex (so it fits the 32-byte key slots unchanged)."""
    return secrets.token_bytes(32).hex()


def add_user(
    admin_url: str,
    name: str,
    *,
    cell: str = "main",
    certificate: bool = False,
    admin: Secrets | None = None,
) -> NewUser:
    """Create a workstation login in ``cell``. Running it again for the same user changes nothing."""
    role = check_role_name(name)
    cell = check_cell_name(cell)
    target = parse_url(admin_url)
    engine = make_engine(target, admin or Secrets(), pool_size=1)
    try:
        with engine.begin() as connection:
            _require_superuser(connection)
            if not connection.execute(text("SELECT 1 FROM pg_namespace WHERE nspname = :s"), {"s": schema.SCHEMA}).first():
                raise errors.CellSetupRefused("this database has no cell schema yet; run 'incident-log cell setup' first")
            connection.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": SETUP_LOCK})
            member = connection.execute(
                text(f"SELECT cell FROM {schema.SCHEMA}.cell_member WHERE role_name = :r"), {"r": role}
            ).scalar()
            if member is not None:
                if member != cell:
                    raise errors.CellUserInvalid(name, f"that user already belongs to cell '{member}'")
                return NewUser(role, cell, certificate, None, created=False)
            if _role_exists(connection, role):
                raise errors.CellUserInvalid(name, "a PostgreSQL role of that name exists and is not a cell user")
            password = None if certificate else new_password()
            identifier = sql.Identifier(role)
            if password is None:
                _exec(connection, sql.SQL("CREATE ROLE {} LOGIN").format(identifier))
                _exec(connection, sql.SQL("GRANT {} TO {}").format(sql.Identifier(schema.CERT_ROLE), identifier))
            else:
                # Hashed here (SCRAM-SHA-256, as psql's \password does): the password itself never
                # reaches the server, so no server log (log_statement = ddl) can ever hold it.
                raw = connection.connection.driver_connection
                assert raw is not None
                verifier = raw.pgconn.encrypt_password(password.encode(), role.encode(), b"scram-sha-256")
                _exec(
                    connection,
                    sql.SQL("CREATE ROLE {} LOGIN PASSWORD {}").format(identifier, sql.Literal(verifier.decode("ascii"))),
                )
            _exec(connection, sql.SQL("GRANT {} TO {}").format(sql.Identifier(schema.WORKSTATION_ROLE), identifier))
            for setting, value in USER_SETTINGS.items():
                _exec(
                    connection,
                    sql.SQL("ALTER ROLE {} SET {} = {}").format(identifier, sql.Identifier(setting), sql.Literal(value)),
                )
            connection.execute(
                text(f"INSERT INTO {schema.SCHEMA}.cell_member (role_name, cell) VALUES (:r, :c)"),
                {"r": role, "c": cell},
            )
    finally:
        engine.dispose()
    return NewUser(role, cell, certificate, password, created=True)
