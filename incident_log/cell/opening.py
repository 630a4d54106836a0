"""Finding this workstation's cell secrets, for the command line and the desktop alike.

Beside the vault ``V`` live the cell's own files: ``V.cell`` (queue and mirror, encrypted under a
key derived from the vault's), ``V.signing`` (the signing key's passphrase slot) and
``V.cell-login`` (the cell password's passphrase slot). The order secrets are looked for:

- the cell password: ``INCIDENT_LOG_CELL_PASSWORD``, the system keyring, the passphrase slot
  (none with a client certificate: the certificate is the login);
- the signing key: the system keyring, the passphrase slot.

The slots' passphrase (the vault's, as ``cell login`` wraps them) comes from a callable, asked at
most once and only when a slot needs it: a terminal prompt on the command line, a dialog field
in the desktop app.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from incident_log.cell import errors, login, signing
from incident_log.cell.connect import CellTarget, Secrets
from incident_log.cell.signing import SigningKey

LOCAL_SUFFIX = ".cell"

Passphrase = Callable[[], str]


def local_path(vault: Path) -> Path:
    """The workstation's queue and mirror, beside its vault."""
    return vault.with_name(vault.name + LOCAL_SUFFIX)


def by_certificate(target: CellTarget) -> bool:
    return bool(target.params.get("sslcert"))


def cell_password(vault: Path, target: CellTarget, passphrase: Passphrase) -> str | None:
    """The login's password, or None when a client certificate logs in."""
    if by_certificate(target):
        return None  # the client certificate is the login (its key file: unencrypted, owner-only)
    found = login.password_from_env() or login.password_from_keyring(target)
    if found:
        return found
    slot = login.slot_for(vault, target)
    if slot is None:
        raise errors.CellPasswordMissing(target.user, login.PASSWORD_ENV)
    return login.password_from_slot(slot, passphrase())


def signing_key(vault: Path, passphrase: Passphrase) -> SigningKey:
    path = signing.slot_path(vault)
    if not path.exists():
        raise errors.CellLoginNeeded(path)
    try:
        return signing.unlock(path).key
    except errors.SigningPassphraseRequired:
        return signing.unlock(path, passphrase=passphrase()).key


@dataclass(frozen=True, slots=True)
class Credentials:
    secrets: Secrets
    signer: SigningKey


def credentials(vault: Path, target: CellTarget, passphrase: Passphrase) -> Credentials:
    return Credentials(Secrets(password=cell_password(vault, target, passphrase)), signing_key(vault, passphrase))


def needs_login(vault: Path, target: CellTarget) -> bool:
    """Has this workstation never logged in to this cell (no signing key, or no password kept)?"""
    if not signing.slot_path(vault).exists():
        return True
    if by_certificate(target):
        return False
    return not (login.password_from_env() or login.password_from_keyring(target) or login.slot_for(vault, target))


@dataclass(frozen=True, slots=True)
class LoggedIn:
    signer: SigningKey
    created_key: bool  # a new signing key was made (to be backed up with the vault)
    password_in_keyring: bool


def log_in(
    vault: Path, target: CellTarget, password: str | None, passphrase: str, *, remember_in_keyring: bool = True
) -> LoggedIn:
    """What ``cell login`` does, for a caller that has checked ``passphrase`` against the vault:
    keep the password (keyring + slot) and make the signing key if there is none."""
    in_keyring = False
    if password is not None and not by_certificate(target):
        login.check_password(password)
        kept = login.keep_password(vault, target, password, passphrase, remember_in_keyring=remember_in_keyring)
        in_keyring = kept.in_keyring
    key_path = signing.slot_path(vault)
    if key_path.exists():
        return LoggedIn(signing_key(vault, lambda: passphrase), False, in_keyring)
    made = signing.create_and_keep(key_path, passphrase, remember_in_keyring=remember_in_keyring)
    return LoggedIn(made.key, True, in_keyring)
