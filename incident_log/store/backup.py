"""``incident-log backup``: a consistent copy of a vault in use, verified before it is kept.

Copying ``vault.db`` while the app runs misses what is still in the write-ahead log (and the copy
verifies OK, since those entries are simply absent). SQLite's online backup reads one snapshot,
WAL included, so the copy holds every entry committed when it started. SQLCipher re-encrypts the
pages under the same data key with the copy's own salt, so the copy gets its own key file (the
same wrapped key, the new file's salt).
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy.exc import DBAPIError

from incident_log import errors, fileio
from incident_log.domain.entry import utc_now
from incident_log.store import repository
from incident_log.store.engine import make_engine, raise_storage_error
from incident_log.store.keyslots import sidecar_path
from incident_log.store.verify import verify

SALT_BYTES = 16


def backup_targets(source: Path, dest: Path) -> tuple[Path, Path]:
    """(vault copy, key file copy) for DEST: a file name, or a folder to hold a copy named like the vault."""
    dest = Path(os.path.expanduser(str(dest)))
    if dest.is_dir():
        dest = dest / source.name
    return dest, sidecar_path(dest)


@dataclass(frozen=True, slots=True)
class BackupDone:
    """A verified copy of a vault and its key file (``Logbook.backup`` hands it out)."""

    vault: Path
    key_file: Path
    incidents: int
    entries: int


def backup_vault(unlocked: Any, dest: Path, *, force: bool = False) -> BackupDone:
    source = Path(unlocked.path)
    target, target_keys = backup_targets(source, dest)
    fileio.check_output(target, force=force)
    fileio.check_output(target_keys, force=force)
    folder = target.parent if str(target.parent) else Path(".")
    tmp = folder / f".{target.name[:80]}.{secrets.token_hex(4)}.part"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
        os.close(fd)
    except OSError as exc:
        raise errors.OutputRefused(f"{target} could not be written ({exc.strerror}); nothing was written.") from None
    try:
        _copy(unlocked, source, tmp)
        copy_engine = make_engine(tmp, unlocked.key)
        try:
            with copy_engine.connect() as connection:
                result = verify(
                    connection, vault_id=unlocked.vault_id, rows=repository.list_incident_rows(connection),
                    whole_vault=True, now=utc_now(),
                )
                connection.rollback()
        except (DBAPIError, sqlcipher3.Error) as exc:
            raise_storage_error(exc, tmp)
        finally:
            copy_engine.dispose()  # the last connection closes: SQLite folds the WAL into the file
        if not result.ok:
            raise errors.BackupFailed(target, "; ".join(result.problems[:3]))
        with open(tmp, "rb") as handle:
            salt = handle.read(SALT_BYTES).hex()
        sidecar = dataclasses.replace(unlocked.sidecar, vault_salt=salt).signed(unlocked.key)
        fileio.write_output(target_keys, sidecar.to_bytes(), force=True)
        os.replace(tmp, target)
        fileio.fsync_directory(folder)
    finally:
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            with contextlib.suppress(OSError):
                leftover.unlink()
    return BackupDone(target, target_keys, result.incidents_checked, result.entries_checked)


def _copy(unlocked: Any, source: Path, tmp: Path) -> None:
    key_hex = unlocked.key.hex()
    pooled = unlocked.engine.raw_connection()
    target = None
    try:
        target = sqlcipher3.connect(str(tmp), isolation_level=None)
        target.execute("PRAGMA cipher_log_level = NONE")
        target.execute(f"PRAGMA key = \"x'{key_hex}'\"")
        target.execute("PRAGMA synchronous = FULL")
        # One step (pages=-1): the whole snapshot under a single read transaction of the source.
        pooled.driver_connection.backup(target, pages=-1)
    except sqlcipher3.Error as exc:
        raise_storage_error(exc, source)
    finally:
        if target is not None:
            target.close()
        pooled.close()
