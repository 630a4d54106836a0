"""Reaching the cell server: the URL's rules, the connection's timeouts, and its errors in words.

A cell URL names the server, the database and the user; never a password (that would end up in
shell history and config files in clear: it comes from the keyring or the passphrase slot and is
handed to the driver directly). Over TCP the server's certificate is always checked
(``sslmode=verify-full``): a weaker mode is refused rather than silently accepted. A Unix socket
path (administration on the server itself) needs no TLS.

Timeouts are short and explicit because the loggist is waiting on ``record()``: a server that is
gone must turn into "queued" within seconds, not after the kernel's TCP timeout of minutes.
"""

from __future__ import annotations

import logging
import select
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import psycopg
from psycopg.conninfo import conninfo_to_dict, make_conninfo
from sqlalchemy import Engine, create_engine, event
from sqlalchemy import exc as sa_exc

from incident_log.cell import errors

log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 2  # libpq's minimum
# Keepalives and tcp_user_timeout make a dead peer (a pulled cable: no RST ever arrives) fail an
# established connection within seconds instead of hanging a commit.
CONNECTION_DEFAULTS: dict[str, Any] = {
    "connect_timeout": CONNECT_TIMEOUT_S,
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 3,
    "keepalives_count": 3,
    "tcp_user_timeout": 2500,  # ms: unacknowledged data for this long means the server is gone
    "application_name": "incident-log",
}
# Sent with every session: a writer waiting on another's head lock, or a statement on a server in
# trouble, gives up rather than freezing the window.
SESSION_OPTIONS = "-c lock_timeout=5s -c statement_timeout=15s -c idle_in_transaction_session_timeout=20s"
STRONG_SSLMODE = "verify-full"


@dataclass(frozen=True, slots=True)
class Secrets:
    """What a login needs besides the URL; kept out of every URL, log line and message."""

    password: str | None = None
    sslpassword: str | None = None  # the passphrase of an encrypted client-certificate key file

    def __repr__(self) -> str:  # never show a secret in a traceback or a debugger
        return "Secrets(<hidden>)"


@dataclass(frozen=True, slots=True)
class CellTarget:
    """A checked cell URL, as libpq connection parameters."""

    params: dict[str, str]

    @property
    def user(self) -> str:
        return self.params.get("user", "")

    @property
    def host(self) -> str:
        return self.params.get("host", "")

    @property
    def port(self) -> str:
        return self.params.get("port", "5432")

    @property
    def database(self) -> str:
        return self.params.get("dbname", "")

    @property
    def over_socket(self) -> bool:
        return self.host.startswith("/")

    def where(self) -> str:
        """Host and port, for messages (no user, no secret)."""
        return f"socket {self.host}" if self.over_socket else f"{self.host}:{self.port}"

    def conninfo(self) -> str:
        return make_conninfo(**{**{k: str(v) for k, v in CONNECTION_DEFAULTS.items()}, **self.params})


def parse_url(url: str) -> CellTarget:
    """Check a cell URL; raise CellUrlInvalid with what to change."""
    if not isinstance(url, str) or not url.strip():
        raise errors.CellUrlInvalid("it is empty")
    url = url.strip()
    if not url.startswith(("postgresql://", "postgres://")):
        raise errors.CellUrlInvalid("it must start with postgresql://")
    try:
        params = {k: str(v) for k, v in conninfo_to_dict(url).items()}
    except psycopg.ProgrammingError:
        raise errors.CellUrlInvalid("it cannot be read as a PostgreSQL URL") from None
    if "password" in params:
        raise errors.CellUrlInvalid(
            "it contains a password, which would be kept in clear in shell history and settings; remove it "
            "(Incident Log asks for the password and keeps it in the keyring)"
        )
    if not params.get("dbname"):
        raise errors.CellUrlInvalid("it names no database")
    if not params.get("user"):
        raise errors.CellUrlInvalid("it names no user")
    host = params.get("host", "")
    if not host:
        raise errors.CellUrlInvalid("it names no host")
    if "," in host:
        raise errors.CellUrlInvalid("it names several hosts; give one")
    if not host.startswith("/"):
        mode = params.get("sslmode", STRONG_SSLMODE)
        if mode != STRONG_SSLMODE:
            raise errors.CellUrlInvalid(
                f"sslmode={mode} does not check the server's certificate and host name; use sslmode=verify-full"
            )
        params["sslmode"] = STRONG_SSLMODE
    params.setdefault("options", SESSION_OPTIONS)
    return CellTarget(params)


def classify(exc: psycopg.Error, target: CellTarget) -> errors.CellError:
    """A connection-level failure as the sentence the user sees.

    libpq reports TLS and network failures without an SQLSTATE, so these few stable libpq
    phrases choose the sentence; anything unrecognised is "unreachable" (the safe reading: the
    entry goes to the queue, nothing is lost).
    """
    state = getattr(exc, "sqlstate", None)
    text = str(exc).lower()
    if (
        state in ("28P01", "28000")
        or "authentication failed" in text
        or "no pg_hba.conf entry" in text
        or "requires a valid client certificate" in text
        or "private key file" in text  # libpq: the client key is unreadable or its passphrase is wrong
    ):
        return errors.CellLoginRefused(target.user)
    if "certificate verify failed" in text or "does not match host name" in text or "root certificate file" in text:
        return errors.CellCertificateRefused()
    if state == "3D000":  # the database does not exist
        return errors.CellNotSetUp()
    return errors.CellUnreachable(target.where())


def connect(target: CellTarget, secrets: Secrets, **overrides: Any) -> psycopg.Connection[tuple[Any, ...]]:
    """One psycopg connection, or a CellError that says why not."""
    extra: dict[str, Any] = {k: v for k, v in (("password", secrets.password), ("sslpassword", secrets.sslpassword)) if v}
    try:
        return psycopg.connect(target.conninfo(), **extra, **overrides)
    except psycopg.Error as exc:
        raise classify(exc, target) from None


def make_engine(target: CellTarget, secrets: Secrets, *, pool_size: int = 2) -> Engine:
    """SQLAlchemy over psycopg 3 with the secret handed to the driver, never put in the URL.

    ``hide_parameters``: bound parameters (entry text) stay out of SQLAlchemy's messages.
    READ COMMITTED is what the head-row lock relies on (TRAPS.md: REPEATABLE READ forks).
    """

    def creator() -> Any:
        return connect(target, secrets)

    factory: Callable[[], Any] = creator
    engine = create_engine(
        "postgresql+psycopg://",
        creator=factory,
        hide_parameters=True,
        isolation_level="READ COMMITTED",
        pool_size=pool_size,
        max_overflow=2,
        pool_reset_on_return="rollback",
    )

    @event.listens_for(engine, "checkout")
    def _still_alive(dbapi_connection: Any, _record: Any, _proxy: Any) -> None:
        if looks_closed(dbapi_connection):
            raise sa_exc.DisconnectionError()  # the pool then opens a fresh connection

    return engine


def looks_closed(connection: psycopg.Connection[Any]) -> bool:
    """Has the server closed this idle connection (a restart, an administrator's terminate)?

    A ping would cost a round trip on every entry; this costs a ``select()``. An idle pooled
    connection (never used for LISTEN) has nothing to read unless the server said goodbye:
    PostgreSQL sends a FATAL message and hangs up. Such a connection is dropped. A dead network
    sends nothing, so that case is still found by the first statement (and its timeouts).
    """
    if connection.closed or connection.pgconn.status != psycopg.pq.ConnStatus.OK:
        return True
    try:
        readable, _w, _x = select.select([connection.fileno()], [], [], 0)
    except (OSError, ValueError):
        return True
    return bool(readable)
