"""Creating and unlocking a vault: the file, its key slots and its schema."""

from __future__ import annotations

import logging
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3
from sqlalchemy import Engine, text
from sqlalchemy.exc import DBAPIError

from incident_log import errors, fileio
from incident_log.domain.entry import iso_utc, utc_now
from incident_log.store import keyslots
from incident_log.store.engine import SQLITE_NOTADB, make_engine, raise_storage_error, sqlite_code, vault_url
from incident_log.store.keyslots import KeyringTrouble, Sidecar, sidecar_path
from incident_log.store.migrate import bring_up_to_date

log = logging.getLogger(__name__)
PASSPHRASE_ENV = "INCIDENT_LOG_PASSPHRASE"
SALT_BYTES = 16
PLAIN_SQLITE_HEADER = b"SQLite format 3\x00".hex()  # an unencrypted database, never a vault


@dataclass
class UnlockedVault:
    path: Path
    engine: Engine
    vault_id: str
    key: bytes
    sidecar: Sidecar
    unlocked_with: str  # "keyring" | "passphrase"
    keyring_note: str | None  # why the keyring was not used, when it was not


def _file_salt(path: Path) -> str:
    with path.open("rb") as handle:
        return handle.read(SALT_BYTES).hex()


def create_vault(
    path: Path, passphrase: str, *, remember_in_keyring: bool = True, kdf_log_n: int | None = None
) -> UnlockedVault:
    path = Path(path)
    if os.path.lexists(path) or os.path.lexists(sidecar_path(path)):
        raise errors.VaultExists(path)
    if len(passphrase) < keyslots.MIN_PASSPHRASE:
        raise errors.WeakPassphrase(keyslots.MIN_PASSPHRASE)
    vault_url(path, create=True)  # a path SQLite cannot be given is refused before anything is made
    _make_folder(path.parent)
    key = keyslots.new_data_key()
    vault_id = str(uuid.uuid4())
    try:
        # Created owner-only before SQLite opens it: SQLite gives -wal and -shm the vault's own mode.
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600))
    except FileExistsError:
        raise errors.VaultExists(path) from None
    except OSError as exc:
        raise errors.VaultFolderUnusable(path.parent, exc.strerror or type(exc).__name__) from None
    engine = make_engine(path, key, create=True)
    try:
        bring_up_to_date(engine, path)
        with engine.begin() as connection:
            connection.execute(
                text("INSERT INTO vault_meta (name, value) VALUES ('vault_id', :id), ('created_at', :at)"),
                {"id": vault_id, "at": iso_utc(utc_now())},
            )
        sidecar = Sidecar.wrap(
            key,
            passphrase,
            vault_id=vault_id,
            vault_salt=_file_salt(path),
            log_n=kdf_log_n or keyslots.DEFAULT_SCRYPT_LOG_N,
        )
        sidecar.save(sidecar_path(path))
    except BaseException:
        engine.dispose()
        for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            leftover.unlink(missing_ok=True)
        raise
    note = None
    used = "passphrase"
    if remember_in_keyring:
        try:
            keyslots.keyring_set(vault_id, key)
            used = "keyring"
        except KeyringTrouble as trouble:
            note = errors.KeyringUnavailable(trouble.reason).message
    return UnlockedVault(path, engine, vault_id, key, sidecar, used, note)


def _make_folder(folder: Path) -> None:
    """The vault's folder, created owner-only (0700) when it does not exist yet."""
    folder = folder if str(folder) else Path(".")
    if folder.is_dir():
        return
    if os.path.lexists(folder) and not folder.is_dir():
        raise errors.VaultFolderUnusable(folder, "it is a file, not a folder")
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(folder, 0o700)  # whatever the umask
    except (NotADirectoryError, FileExistsError):
        raise errors.VaultFolderUnusable(folder, "part of the path is a file, not a folder") from None
    except OSError as exc:
        raise errors.VaultFolderUnusable(folder, exc.strerror or type(exc).__name__) from None


def _owner_only(path: Path) -> None:
    """Vault, -wal and -shm 0600 (a 0.1 vault was 0644); best effort on a read-only disk."""
    for file in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            fileio.owner_only(file)
        except OSError:
            log.debug("could not tighten a vault file's mode")


def unlock_vault(path: Path, *, passphrase: str | None = None, use_keyring: bool = True) -> UnlockedVault:
    """Find the key (keyring, then the passphrase or INCIDENT_LOG_PASSPHRASE) and open the vault.

    Nothing is written to the file unless its schema is older than this version's.
    """
    path = Path(path)
    if not path.is_file():
        raise errors.VaultNotFound(path)
    sidecar = Sidecar.load(sidecar_path(path))
    key: bytes | None = None
    used = "passphrase"
    note: str | None = None
    if passphrase is None and use_keyring:
        try:
            stored = keyslots.keyring_get(sidecar.vault_id)
        except KeyringTrouble as trouble:
            note = errors.KeyringUnavailable(trouble.reason).message
        else:
            if stored is not None and sidecar.matches(stored):
                key, used = stored, "keyring"
                sidecar.check_mac(key, sidecar_path(path))
            elif stored is not None:
                note = "The key in the system keyring does not fit this vault; it was ignored."
    if key is None:
        if passphrase is None:
            passphrase = os.environ.get(PASSPHRASE_ENV)
        if not passphrase:
            raise errors.PassphraseRequired()
        key = sidecar.unwrap(passphrase, sidecar_path(path))
    salt = _file_salt(path)
    if salt == PLAIN_SQLITE_HEADER:
        raise errors.NotAVault(path)
    if salt != sidecar.vault_salt:
        raise errors.SidecarMismatch(sidecar_path(path))
    engine = make_engine(path, key)
    try:
        with engine.connect() as connection:
            row = connection.execute(text("SELECT value FROM vault_meta WHERE name = 'vault_id'")).first()
            connection.rollback()
        if row is None or row[0] != sidecar.vault_id:
            raise errors.SidecarMismatch(sidecar_path(path))
        bring_up_to_date(engine, path)
        _owner_only(path)
        if not sidecar.mac:  # a format-1 key file: rewritten with every field checkable
            try:
                sidecar = sidecar.signed(key)
                sidecar.save(sidecar_path(path))
            except OSError:
                log.debug("the key file could not be upgraded (read-only folder?)")
    except (DBAPIError, sqlcipher3.Error) as exc:
        engine.dispose()
        if sqlite_code(exc) == SQLITE_NOTADB:
            # The key passed the key check, so the key is right and the file is not readable.
            raise errors.NotAVault(path) from None
        raise_storage_error(exc, path, opening=True)
    except BaseException:
        engine.dispose()
        raise
    return UnlockedVault(path, engine, sidecar.vault_id, key, sidecar, used, note)
