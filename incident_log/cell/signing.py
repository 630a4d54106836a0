"""Each user's Ed25519 signing key: every entry they append carries their signature of its hash.

The hash already covers everything of the entry that matters (incident, seq, kind, times, author,
text, fields, refs, delay reason, origin) and, through prev_hash, everything before it, so
signing the hash signs the whole entry in its place on the chain. The signed message is a fixed
context string followed by the incident id and the hash (the context keeps an entry signature
from ever being mistaken for a signature of anything else).

A key is named by its id, ``ed25519:`` + the first 16 bytes of SHA-256 of the raw public key in
hex; the server's ``signing_key`` table maps ids to public keys and to the login that registered
them. The private key is kept like the vault's data key (``cell/slots.py``): OS keyring and a
passphrase slot beside the vault.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from incident_log.cell import errors
from incident_log.cell.slots import (
    SecretSlot,
    SlotDamaged,
    SlotMissing,
    SlotWrongPassphrase,
    keyring_fetch,
    keyring_store,
)
from incident_log.store import keyslots

log = logging.getLogger(__name__)

PURPOSE = "signing-key"
CONTEXT = b"incident-log/entry-signature/1\x00"
KEY_ID_PREFIX = "ed25519:"
SLOT_SUFFIX = ".signing"


def slot_path(vault: Path) -> Path:
    """Where a vault's user keeps the passphrase slot of their signing key: beside the vault."""
    return vault.with_name(vault.name + SLOT_SUFFIX)


def key_id_of(public_raw: bytes) -> str:
    if len(public_raw) != 32:
        raise ValueError("an Ed25519 public key is 32 bytes")
    return KEY_ID_PREFIX + hashlib.sha256(public_raw).hexdigest()[:32]


def signed_message(incident_id: str, entry_hash: str) -> bytes:
    return CONTEXT + incident_id.encode("utf-8") + b"\x00" + entry_hash.encode("ascii")


@dataclass(frozen=True, slots=True)
class SigningKey:
    private: Ed25519PrivateKey

    @classmethod
    def generate(cls) -> SigningKey:
        return cls(Ed25519PrivateKey.generate())

    @classmethod
    def from_raw(cls, raw: bytes) -> SigningKey:
        return cls(Ed25519PrivateKey.from_private_bytes(raw))

    @property
    def public_raw(self) -> bytes:
        return self.private.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)

    @property
    def key_id(self) -> str:
        return key_id_of(self.public_raw)

    def private_raw(self) -> bytes:
        return self.private.private_bytes(
            serialization.Encoding.Raw, serialization.PrivateFormat.Raw, serialization.NoEncryption()
        )

    def sign(self, incident_id: str, entry_hash: str) -> bytes:
        return self.private.sign(signed_message(incident_id, entry_hash))

    def __repr__(self) -> str:  # a traceback or a debugger must never show the private key
        return f"SigningKey({self.key_id})"


def verify_signature(public_raw: bytes, incident_id: str, entry_hash: str, signature: bytes) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, signed_message(incident_id, entry_hash))
    except (InvalidSignature, ValueError):
        return False
    return True


# --- keeping the private key ----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class KeptKey:
    key: SigningKey
    unlocked_with: str  # "keyring" | "passphrase"
    keyring_note: str | None = None  # why the keyring was not used, when it was not


def create_and_keep(
    path: Path,
    passphrase: str,
    *,
    remember_in_keyring: bool = True,
    kdf_cost: int = keyslots.DEFAULT_SCRYPT_LOG_N,
) -> KeptKey:
    """A new signing key, written to its passphrase slot at ``path`` (and the keyring if asked)."""
    key = SigningKey.generate()
    slot = SecretSlot.wrap(
        key.private_raw(),
        passphrase,
        purpose=PURPOSE,
        name=key.key_id,
        public={"public_key": key.public_raw.hex()},
        kdf_cost=kdf_cost,
    )
    slot.save(path)
    note = keyring_store(PURPOSE, key.key_id, key.private_raw()) if remember_in_keyring else None
    return KeptKey(key, "passphrase", note)


def _slot(path: Path) -> SecretSlot:
    try:
        slot = SecretSlot.load(path)
    except SlotMissing:
        raise errors.SigningKeyMissing(path) from None
    except SlotDamaged:
        raise errors.SigningKeyDamaged(path) from None
    if slot.purpose != PURPOSE or "public_key" not in slot.public:
        raise errors.SigningKeyDamaged(path)
    return slot


def _checked(slot: SecretSlot, raw: bytes, path: Path) -> SigningKey:
    """The private key, after proving it is the one whose public half the slot names."""
    try:
        key = SigningKey.from_raw(raw)
    except ValueError:
        raise errors.SigningKeyDamaged(path) from None
    if key.key_id != slot.name or key.public_raw.hex() != slot.public["public_key"]:
        raise errors.SigningKeyDamaged(path)
    return key


def unlock(path: Path, *, passphrase: str | None = None, use_keyring: bool = True) -> KeptKey:
    """The user's signing key: from the keyring when it holds it, else from the passphrase slot."""
    slot = _slot(path)
    if use_keyring:
        stored = keyring_fetch(PURPOSE, slot.name)
        if stored is not None:
            try:
                return KeptKey(_checked(slot, stored, path), "keyring")
            except errors.SigningKeyDamaged:
                # The keyring holds something else under this key's name: not this key. The
                # passphrase slot is the authority; the keyring entry is simply not used.
                log.debug("the keyring's signing key does not match its slot")
    if passphrase is None:
        raise errors.SigningPassphraseRequired()
    try:
        raw = slot.unwrap(passphrase)
    except SlotWrongPassphrase:
        raise errors.WrongSigningPassphrase() from None
    return KeptKey(_checked(slot, raw, path), "passphrase")


def public_key_of_slot(path: Path) -> tuple[str, bytes]:
    """(key id, public key) from the slot, without unlocking anything."""
    slot = _slot(path)
    return slot.name, bytes.fromhex(slot.public["public_key"])
