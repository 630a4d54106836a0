"""Ed25519 signing keys: ids, signatures, and keeping the private key like the vault's data key."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from incident_log.cell import errors
from incident_log.cell.signing import (
    SigningKey,
    create_and_keep,
    key_id_of,
    public_key_of_slot,
    slot_path,
    unlock,
    verify_signature,
)
from incident_log.cell.slots import SecretSlot
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.keyring_memory import MemoryKeyring

HASH = "ab" * 32
INCIDENT = "7d3c1a52-0000-4000-8000-000000000001"


def test_a_key_id_names_the_public_key() -> None:
    key = SigningKey.generate()
    assert re.fullmatch(r"ed25519:[0-9a-f]{32}", key.key_id)
    assert key.key_id == key_id_of(key.public_raw)
    assert SigningKey.from_raw(key.private_raw()).key_id == key.key_id
    assert SigningKey.generate().key_id != key.key_id
    assert key.private_raw().hex() not in repr(key)


def test_a_signature_verifies_for_its_entry_only() -> None:
    key = SigningKey.generate()
    signature = key.sign(INCIDENT, HASH)
    assert len(signature) == 64
    assert verify_signature(key.public_raw, INCIDENT, HASH, signature)
    assert not verify_signature(key.public_raw, INCIDENT, "cd" * 32, signature)
    assert not verify_signature(key.public_raw, INCIDENT.replace("1", "2"), HASH, signature)
    assert not verify_signature(SigningKey.generate().public_raw, INCIDENT, HASH, signature)
    assert not verify_signature(key.public_raw, INCIDENT, HASH, bytes(64))
    assert not verify_signature(key.public_raw, INCIDENT, HASH, b"short")


def test_the_key_is_kept_in_the_keyring_and_a_passphrase_slot(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    path = slot_path(tmp_path / "vault.db")
    kept = create_and_keep(path, PASSPHRASE, kdf_cost=FAST_KDF)
    assert kept.keyring_note is None
    assert ("incident-log", f"signing-key:{kept.key.key_id}") in memory_keyring.secrets
    from_keyring = unlock(path)
    assert from_keyring.unlocked_with == "keyring" and from_keyring.key.key_id == kept.key.key_id
    from_passphrase = unlock(path, passphrase=PASSPHRASE, use_keyring=False)
    assert from_passphrase.unlocked_with == "passphrase" and from_passphrase.key.key_id == kept.key.key_id
    assert public_key_of_slot(path) == (kept.key.key_id, kept.key.public_raw)


def test_the_slot_file_holds_no_secret_in_clear_and_only_its_owner_can_read_it(tmp_path: Path) -> None:
    path = tmp_path / "vault.db.signing"
    kept = create_and_keep(path, PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF)
    raw = path.read_bytes()
    private = kept.key.private_raw()
    assert private.hex().encode() not in raw and private not in raw
    import base64

    assert base64.b64encode(private) not in raw
    assert path.stat().st_mode & 0o077 == 0
    assert json.loads(raw)["public"]["public_key"] == kept.key.public_raw.hex()


def test_without_the_keyring_the_passphrase_is_needed_and_checked(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    path = tmp_path / "k.signing"
    create_and_keep(path, PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF)
    with pytest.raises(errors.SigningPassphraseRequired):
        unlock(path)
    with pytest.raises(errors.WrongSigningPassphrase):
        unlock(path, passphrase="not the passphrase")


def test_a_missing_or_damaged_slot_is_said_plainly(tmp_path: Path) -> None:
    path = tmp_path / "k.signing"
    with pytest.raises(errors.SigningKeyMissing, match="No signing key file"):
        unlock(path, passphrase=PASSPHRASE)
    create_and_keep(path, PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF)
    good = path.read_bytes()
    for damaged in (b"", b"{", good[:40], good.replace(b"incident-log-cell-secret/1", b"something-else/1")):
        path.write_bytes(damaged)
        with pytest.raises(errors.SigningKeyDamaged):
            unlock(path, passphrase=PASSPHRASE)


def test_a_slot_whose_public_key_was_swapped_is_refused(tmp_path: Path) -> None:
    """Someone replacing the public key beside the wrapped private key must not get a mismatched pair."""
    path = tmp_path / "k.signing"
    create_and_keep(path, PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF)
    data = json.loads(path.read_text())
    data["public"]["public_key"] = SigningKey.generate().public_raw.hex()
    path.write_text(json.dumps(data))
    with pytest.raises(errors.SigningKeyDamaged):
        unlock(path, passphrase=PASSPHRASE)


def test_a_slot_renamed_to_another_key_id_does_not_open(tmp_path: Path) -> None:
    path = tmp_path / "k.signing"
    create_and_keep(path, PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF)
    data = json.loads(path.read_text())
    other = SigningKey.generate().key_id
    data["name"] = other
    data["slot"]["vault_id"] = f"signing-key:{other}"
    path.write_text(json.dumps(data))
    # The key file's checksum covers every field, and the identity is the ciphertext's associated
    # data besides: a renamed slot never opens.
    with pytest.raises((errors.SigningKeyDamaged, errors.WrongSigningPassphrase)):
        unlock(path, passphrase=PASSPHRASE)


def test_a_wrong_key_in_the_keyring_is_not_used_the_slot_decides(tmp_path: Path, memory_keyring: MemoryKeyring) -> None:
    path = tmp_path / "k.signing"
    kept = create_and_keep(path, PASSPHRASE, kdf_cost=FAST_KDF)
    memory_keyring.secrets[("incident-log", f"signing-key:{kept.key.key_id}")] = SigningKey.generate().private_raw().hex()
    with pytest.raises(errors.SigningPassphraseRequired):
        unlock(path)
    assert unlock(path, passphrase=PASSPHRASE).key.key_id == kept.key.key_id


def test_a_short_passphrase_is_refused(tmp_path: Path) -> None:
    from incident_log import errors as core_errors

    with pytest.raises(core_errors.WeakPassphrase):
        create_and_keep(tmp_path / "k.signing", "short", kdf_cost=FAST_KDF)
    assert not (tmp_path / "k.signing").exists()


def test_a_cell_password_fits_the_same_slot(tmp_path: Path) -> None:
    password = "0f" * 32
    slot = SecretSlot.wrap(bytes.fromhex(password), PASSPHRASE, purpose="cell-password", name="ana@host:5432/cell", kdf_cost=FAST_KDF)
    slot.save(tmp_path / "cell.password")
    assert password.encode() not in (tmp_path / "cell.password").read_bytes()
    assert SecretSlot.load(tmp_path / "cell.password").unwrap(PASSPHRASE).hex() == password
