"""Phase one's home for a workstation's queue and mirror: a SQLCipher file of its own.

Same settings as the vault (``store/engine.py``): a raw 32-byte key (no KDF per open), WAL,
``synchronous=FULL`` (an acknowledged queued entry is on disk), memory temp store, quiet
SQLCipher logging. Phase two puts the queue and mirror tables in the vault through a migration
and drops this module; nothing else depends on where the connection comes from.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import sqlcipher3  # type: ignore[import-untyped]

from incident_log.cell.mirror import Mirror
from incident_log.cell.queue import OfflineQueue
from incident_log.store.keyslots import check_raw_key

BUSY_TIMEOUT_MS = 10_000


def open_local(path: Path, key: bytes) -> Any:
    """Open (creating if needed) the encrypted local database; autocommit mode, schema ensured."""
    key_hex = check_raw_key(key).hex()
    if not os.path.lexists(path):
        # Owner-only before SQLite opens it: SQLite gives -wal and -shm the main file's mode.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600))
    connection = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(f"PRAGMA key = \"x'{key_hex}'\"")
        connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        connection.execute("PRAGMA temp_store = MEMORY")
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("PRAGMA synchronous = FULL")
        OfflineQueue(connection).ensure_schema()
        Mirror(connection).ensure_schema()
    except BaseException:
        connection.close()
        raise
    return connection
