"""Keeping a 32-byte cell secret the way the vault's data key is kept: keyring and passphrase slot.

Two secrets of cell mode are exactly 32 bytes: a user's Ed25519 private key and the login
password ``cell add-user`` generates (32 random bytes, written in hex). Both go where the data
key goes (``incident_log/store/keyslots.py``, used through its public functions only):

1. the OS keyring, under ``incident-log`` / ``<purpose>:<name>``, when a secure one exists;
2. a passphrase slot: a small JSON file holding the secret wrapped with AES-256-GCM under a
   scrypt-derived key (the same ``Sidecar`` as the vault's key file, with the slot's identity
   as associated data, so a slot copied under another name does not open), plus public facts
   the caller wants kept with it (a signing key's public key).

Nothing is ever written in clear, and the slot file is written atomically, readable by its owner only.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from incident_log import errors as core_errors
from incident_log.fileio import write_atomically
from incident_log.store import keyslots

log = logging.getLogger(__name__)

SLOT_FORMAT = "incident-log-cell-secret/1"
MAX_SLOT_BYTES = 64 * 1024


class SlotMissing(Exception):
    pass


class SlotDamaged(Exception):
    pass


class SlotWrongPassphrase(Exception):
    pass


@dataclass(frozen=True, slots=True)
class SecretSlot:
    """One wrapped secret and the public facts kept with it."""

    purpose: str  # "signing-key" | "cell-password"
    name: str  # the key id, or ROLE@HOST:PORT/DB
    public: Mapping[str, str]
    sidecar: keyslots.Sidecar

    @property
    def identity(self) -> str:
        """Bound into the ciphertext (AES-GCM associated data) and the keyring entry's name."""
        return f"{self.purpose}:{self.name}"

    @classmethod
    def wrap(
        cls,
        secret: bytes,
        passphrase: str,
        *,
        purpose: str,
        name: str,
        public: Mapping[str, str] | None = None,
        kdf_cost: int = keyslots.DEFAULT_SCRYPT_LOG_N,
    ) -> SecretSlot:
        if len(passphrase) < keyslots.MIN_PASSPHRASE:
            raise core_errors.WeakPassphrase(keyslots.MIN_PASSPHRASE)
        identity = f"{purpose}:{name}"
        sidecar = keyslots.Sidecar.wrap(secret, passphrase, vault_id=identity, vault_salt="", log_n=kdf_cost)
        return cls(purpose, name, dict(public or {}), sidecar)

    def unwrap(self, passphrase: str) -> bytes:
        try:
            return self.sidecar.unwrap(passphrase)
        except core_errors.WrongPassphrase:
            raise SlotWrongPassphrase() from None

    def to_json(self) -> dict[str, Any]:
        return {
            "format": SLOT_FORMAT,
            "note": "Incident Log cell secret: wrapped under a passphrase; nothing in it is secret in clear.",
            "purpose": self.purpose,
            "name": self.name,
            "public": dict(self.public),
            "slot": self.sidecar.to_json(),
        }

    @classmethod
    def from_json(cls, data: Any) -> SecretSlot:
        if not isinstance(data, dict) or data.get("format") != SLOT_FORMAT:
            raise ValueError("not a cell secret slot")
        purpose, name, public = data["purpose"], data["name"], data.get("public", {})
        if not isinstance(purpose, str) or not isinstance(name, str) or not isinstance(public, dict):
            raise ValueError("malformed slot")
        sidecar = keyslots.Sidecar.from_json(data["slot"])
        if sidecar.vault_id != f"{purpose}:{name}":
            raise ValueError("the slot's identity does not match its wrapped key")
        return cls(purpose, name, {str(k): str(v) for k, v in public.items()}, sidecar)

    def save(self, path: Path) -> None:
        write_atomically(path, json.dumps(self.to_json(), indent=2).encode("utf-8"))

    @classmethod
    def load(cls, path: Path) -> SecretSlot:
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise SlotMissing(path) from None
        if len(raw) > MAX_SLOT_BYTES:
            raise SlotDamaged(path)
        try:
            return cls.from_json(json.loads(raw.decode("utf-8")))
        except (ValueError, KeyError, TypeError, UnicodeDecodeError):
            raise SlotDamaged(path) from None


def keyring_store(purpose: str, name: str, secret: bytes) -> str | None:
    """Put the secret in the OS keyring. Returns None, or why the keyring could not be used."""
    try:
        keyslots.keyring_set(f"{purpose}:{name}", secret)
    except keyslots.KeyringTrouble as trouble:
        return trouble.reason
    return None


def keyring_fetch(purpose: str, name: str) -> bytes | None:
    """The secret from the OS keyring, or None when it is not there or no keyring can be used."""
    try:
        return keyslots.keyring_get(f"{purpose}:{name}")
    except keyslots.KeyringTrouble:
        log.debug("keyring unavailable for a cell secret")
        return None


def keyring_drop(purpose: str, name: str) -> None:
    keyslots.keyring_forget(f"{purpose}:{name}")
