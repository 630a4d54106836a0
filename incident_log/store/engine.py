"""The SQLCipher engine: one encrypted SQLite file behind SQLAlchemy.

The key never appears in a URL: SQLAlchemy's plain ``sqlite`` dialect runs on the
``sqlcipher3`` module and a ``connect`` hook issues ``PRAGMA key`` before anything else.
Bound parameters (entry text) are kept out of logs and error messages with
``hide_parameters=True``.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import quote

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError

from incident_log import errors
from incident_log.store.keyslots import check_raw_key

BUSY_TIMEOUT_MS = 10_000
FULL_BELOW_BYTES = 256 * 1024  # less free space than this on the vault's disk counts as full


def vault_url(path: Path, *, create: bool) -> str:
    # mode=rw: opening a path that does not exist must fail, not create an empty vault.
    mode = "rwc" if create else "rw"
    resolved = str(path.resolve())
    try:
        resolved.encode("utf-8")
    except UnicodeEncodeError:  # a name that is not UTF-8 on disk: SQLite's API cannot be given it
        raise errors.VaultPathUnusable(path) from None
    return f"sqlite:///file:{quote(resolved)}?mode={mode}&uri=true"


def make_engine(path: Path, key: bytes, *, create: bool = False) -> Engine:
    key_hex = check_raw_key(key).hex()
    engine = create_engine(
        vault_url(path, create=create),
        module=sqlcipher3,
        hide_parameters=True,
        connect_args={"check_same_thread": False},
        pool_size=4,
        max_overflow=8,
    )

    @event.listens_for(engine, "connect")
    def _unlock(dbapi_connection: Any, _record: Any) -> None:
        # The driver's own transaction handling is turned off; _begin below issues BEGIN itself so
        # writers can take the write lock up front (BEGIN IMMEDIATE) and two processes never both
        # read the same head of the chain.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA cipher_log_level = NONE")
            cursor.execute(f"PRAGMA key = \"x'{key_hex}'\"")
            cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.execute("PRAGMA temp_store = MEMORY")  # no plaintext temp files for sorts or FTS merges
            cursor.execute("PRAGMA journal_mode = WAL")
            cursor.execute("PRAGMA synchronous = FULL")
            if sys.platform == "darwin":
                cursor.execute("PRAGMA fullfsync = ON")
                cursor.execute("PRAGMA checkpoint_fullfsync = ON")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(connection: Any) -> None:
        mode = connection.get_execution_options().get("begin", "DEFERRED")
        connection.exec_driver_sql(f"BEGIN {mode}")

    return engine


# --- classifying errors --------------------------------------------------------------------

SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_NOTADB = 26


def sqlite_code(exc: BaseException) -> int | None:
    original = exc.orig if isinstance(exc, DBAPIError) else exc
    code = getattr(original, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def _disk_facts(path: Path) -> tuple[bool, bool]:
    """(read-only?, full?) of the folder holding the vault, as the operating system tells."""
    folder = Path(path).parent
    try:
        stats = os.statvfs(folder)
    except (OSError, AttributeError):  # no statvfs on Windows
        return (not os.access(folder, os.W_OK), False)
    read_only = bool(stats.f_flag & getattr(os, "ST_RDONLY", 1)) or not os.access(folder, os.W_OK)
    return read_only, stats.f_bavail * stats.f_frsize < FULL_BELOW_BYTES


def raise_storage_error(exc: BaseException, path: Path, *, opening: bool = False) -> NoReturn:
    """Turn a driver error into the user's sentence, or re-raise it as the bug it is.

    SQLite's code alone misleads in three cases the user must tell apart, so the disk is asked too:
    a read-only disk reports CANTOPEN (not "no vault"), and a full disk can report an I/O error on
    the -shm or -wal file (not damage: restoring a backup would throw entries away).
    """
    code = sqlite_code(exc)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        raise errors.VaultInUse() from None
    if code in (SQLITE_FULL, SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_IOERR):
        read_only, full = _disk_facts(path)
        if code == SQLITE_FULL or (full and code in (SQLITE_IOERR, SQLITE_CANTOPEN)):
            raise errors.DiskFull(path, opening=opening) from None
        if code == SQLITE_READONLY or (read_only and code in (SQLITE_CANTOPEN, SQLITE_IOERR)):
            raise errors.VaultReadOnly(path, opening=opening) from None
        if code == SQLITE_CANTOPEN:
            raise errors.VaultNotFound(path) from None
        raise errors.VaultDamaged(path, "the disk reported a read or write error") from None
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        raise errors.VaultDamaged(path) from None
    raise exc


def guarded(path: Path, call: Callable[[], Any]) -> Any:
    try:
        return call()
    except (DBAPIError, sqlcipher3.Error) as exc:
        raise_storage_error(exc, path)
