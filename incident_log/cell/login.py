"""This workstation's cell login: the password ``cell add-user`` generated, kept like a key.

The password is 32 random bytes written in hex (``setup.new_password``), so it fits the same
slots as the signing key (``slots.py``): the OS keyring under ``cell-password:ROLE@HOST:PORT/DB``
when a secure one exists, and a passphrase slot beside the vault (``VAULT.cell-login``), wrapped
under a passphrase (the vault's, by default). Scripts may give it in ``INCIDENT_LOG_CELL_PASSWORD``
instead. It is never written anywhere in clear.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from incident_log.cell import errors
from incident_log.cell.connect import CellTarget
from incident_log.cell.slots import (
    SecretSlot,
    SlotDamaged,
    SlotMissing,
    SlotWrongPassphrase,
    keyring_fetch,
    keyring_store,
)
from incident_log.store import keyslots

PURPOSE = "cell-password"
PASSWORD_ENV = "INCIDENT_LOG_CELL_PASSWORD"
SLOT_SUFFIX = ".cell-login"
_GENERATED = re.compile(r"^[0-9a-f]{64}$")


def login_name(target: CellTarget) -> str:
    """The login's identity: who, where. A slot or keyring entry for another server is not used."""
    return f"{target.user}@{target.host}:{target.port}/{target.database}"


def slot_path(vault: Path) -> Path:
    return vault.with_name(vault.name + SLOT_SUFFIX)


def check_password(password: str) -> bytes:
    clean = password.strip().lower()
    if not _GENERATED.match(clean):
        raise errors.CellPasswordInvalid()
    return bytes.fromhex(clean)


@dataclass(frozen=True, slots=True)
class Kept:
    in_keyring: bool
    keyring_note: str | None  # why the keyring was not used, when it was not
    slot: Path


def keep_password(
    vault: Path,
    target: CellTarget,
    password: str,
    passphrase: str,
    *,
    remember_in_keyring: bool = True,
    kdf_cost: int = keyslots.DEFAULT_SCRYPT_LOG_N,
) -> Kept:
    """Wrap the password into the slot beside the vault (replacing an older one) and the keyring."""
    secret = check_password(password)
    slot = SecretSlot.wrap(secret, passphrase, purpose=PURPOSE, name=login_name(target), kdf_cost=kdf_cost)
    path = slot_path(vault)
    slot.save(path)
    note = keyring_store(PURPOSE, login_name(target), secret) if remember_in_keyring else "not asked to"
    return Kept(note is None, note, path)


def password_from_env() -> str | None:
    given = os.environ.get(PASSWORD_ENV)
    return given.strip() if given and given.strip() else None


def password_from_keyring(target: CellTarget) -> str | None:
    stored = keyring_fetch(PURPOSE, login_name(target))
    return stored.hex() if stored is not None and len(stored) == 32 else None


def slot_for(vault: Path, target: CellTarget) -> SecretSlot | None:
    """The passphrase slot of this login, or None (no slot, or one kept for another login)."""
    try:
        slot = SecretSlot.load(slot_path(vault))
    except SlotMissing:
        return None
    except SlotDamaged:
        raise errors.CellLoginSlotDamaged(slot_path(vault)) from None
    if slot.purpose != PURPOSE or slot.name != login_name(target):
        return None
    return slot


def password_from_slot(slot: SecretSlot, passphrase: str) -> str:
    try:
        return slot.unwrap(passphrase).hex()
    except SlotWrongPassphrase:
        raise errors.WrongCellLoginPassphrase() from None
