"""The vault and its key slots: every way in, and every way of being refused without harm."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import keyring
import keyring.backends.fail
import pytest
from sqlalchemy import text

from incident_log import errors
from incident_log.domain.entry import NewEntry
from incident_log.logbook import Logbook
from incident_log.store import keyslots
from incident_log.store.engine import make_engine
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.keyring_memory import MemoryKeyring


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def make_vault(path: Path, **kwargs: object) -> None:
    book = Logbook.create(path, PASSPHRASE, kdf_cost=FAST_KDF, **kwargs)  # type: ignore[arg-type]
    ref = book.create_incident("Test", type="crisis").ref
    book.record(ref, NewEntry("note", "first entry", author="L1"))
    book.close()


def test_create_then_open_with_passphrase(vault_path: Path) -> None:
    make_vault(vault_path, remember_in_keyring=False)
    assert keyslots.sidecar_path(vault_path).exists()
    with Logbook.open(vault_path, passphrase=PASSPHRASE) as book:
        assert book.unlocked_with == "passphrase"
        assert [i.title for i in book.incidents()] == ["Test"]


def test_keyring_slot_unlocks_without_typing(vault_path: Path, memory_keyring: MemoryKeyring) -> None:
    make_vault(vault_path, remember_in_keyring=True)
    assert len(memory_keyring.secrets) == 1
    with Logbook.open(vault_path) as book:
        assert book.unlocked_with == "keyring"


def test_headless_keyring_falls_back_to_passphrase_and_says_so(
    vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())
    make_vault(vault_path, remember_in_keyring=True)
    with pytest.raises(errors.PassphraseRequired):
        Logbook.open(vault_path)
    monkeypatch.setenv("INCIDENT_LOG_PASSPHRASE", PASSPHRASE)
    with Logbook.open(vault_path) as book:
        assert book.unlocked_with == "passphrase"
        assert book.keyring_note is not None and "no system keyring" in book.keyring_note


def test_keyring_returning_nothing_never_makes_a_new_key(vault_path: Path, memory_keyring: MemoryKeyring) -> None:
    make_vault(vault_path, remember_in_keyring=True)
    memory_keyring.secrets.clear()  # e.g. a locked keychain answering "nothing"
    before = digest(keyslots.sidecar_path(vault_path))
    with pytest.raises(errors.PassphraseRequired):
        Logbook.open(vault_path)
    assert digest(keyslots.sidecar_path(vault_path)) == before
    assert memory_keyring.secrets == {}


def test_keyring_with_a_foreign_key_is_ignored(
    vault_path: Path, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_vault(vault_path, remember_in_keyring=True)
    (slot,) = memory_keyring.secrets
    memory_keyring.secrets[slot] = "00" * 32
    with pytest.raises(errors.PassphraseRequired):
        Logbook.open(vault_path)
    monkeypatch.setenv("INCIDENT_LOG_PASSPHRASE", PASSPHRASE)
    with Logbook.open(vault_path) as book:
        assert book.unlocked_with == "passphrase"
        assert book.keyring_note and "does not fit" in book.keyring_note


def test_passphrase_from_environment(vault_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_vault(vault_path, remember_in_keyring=False)
    monkeypatch.setenv("INCIDENT_LOG_PASSPHRASE", PASSPHRASE)
    with Logbook.open(vault_path) as book:
        assert book.unlocked_with == "passphrase"


def test_wrong_passphrase_is_told_apart_and_file_unchanged(vault_path: Path) -> None:
    make_vault(vault_path, remember_in_keyring=False)
    before = digest(vault_path)
    with pytest.raises(errors.WrongPassphrase) as caught:
        Logbook.open(vault_path, passphrase="not the passphrase")
    assert caught.value.message == errors.WrongPassphrase().message
    assert digest(vault_path) == before


def test_missing_vault_is_not_created(tmp_path: Path) -> None:
    path = tmp_path / "nothing.db"
    with pytest.raises(errors.VaultNotFound):
        Logbook.open(path, passphrase=PASSPHRASE)
    assert not path.exists()


def test_missing_sidecar(vault_path: Path) -> None:
    make_vault(vault_path, remember_in_keyring=False)
    keyslots.sidecar_path(vault_path).unlink()
    before = digest(vault_path)
    with pytest.raises(errors.SidecarMissing) as caught:
        Logbook.open(vault_path, passphrase=PASSPHRASE)
    assert "key file" in caught.value.message and "missing" in caught.value.message
    assert digest(vault_path) == before


def test_damaged_sidecar(vault_path: Path) -> None:
    make_vault(vault_path, remember_in_keyring=False)
    keyslots.sidecar_path(vault_path).write_text("{not json")
    with pytest.raises(errors.SidecarDamaged):
        Logbook.open(vault_path, passphrase=PASSPHRASE)


def test_plain_sqlite_file_is_not_a_vault(vault_path: Path, tmp_path: Path) -> None:
    make_vault(tmp_path / "real.db", remember_in_keyring=False)
    plain = sqlite3.connect(vault_path)
    plain.execute("CREATE TABLE t (x)")
    plain.commit()
    plain.close()
    keyslots.sidecar_path(vault_path).write_bytes(keyslots.sidecar_path(tmp_path / "real.db").read_bytes())
    before = digest(vault_path)
    with pytest.raises(errors.NotAVault):
        Logbook.open(vault_path, passphrase=PASSPHRASE)
    assert digest(vault_path) == before


def test_sidecar_of_another_vault(tmp_path: Path) -> None:
    make_vault(tmp_path / "a.db", remember_in_keyring=False)
    make_vault(tmp_path / "b.db", remember_in_keyring=False)
    keyslots.sidecar_path(tmp_path / "a.db").write_bytes(keyslots.sidecar_path(tmp_path / "b.db").read_bytes())
    with pytest.raises(errors.SidecarMismatch):
        Logbook.open(tmp_path / "a.db", passphrase=PASSPHRASE)


def test_damaged_first_page_is_reported_as_damage_not_wrong_key(vault_path: Path) -> None:
    make_vault(vault_path, remember_in_keyring=False)
    data = bytearray(vault_path.read_bytes())
    for offset in range(100, 200):  # inside page 1, after SQLCipher's salt
        data[offset] ^= 0xFF
    vault_path.write_bytes(bytes(data))
    with pytest.raises(errors.NotAVault) as caught:
        Logbook.open(vault_path, passphrase=PASSPHRASE)
    assert "key is right" in caught.value.message


def test_vault_from_a_newer_version_is_refused_untouched(vault_path: Path) -> None:
    make_vault(vault_path, remember_in_keyring=False)
    book = Logbook.open(vault_path, passphrase=PASSPHRASE)
    with book._engine.begin() as connection:  # a future release's migration, simulated
        connection.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    book.close()
    before = digest(vault_path)
    with pytest.raises(errors.VaultTooNew) as caught:
        Logbook.open(vault_path, passphrase=PASSPHRASE)
    assert "newer version" in caught.value.message
    assert digest(vault_path) == before


def test_existing_vault_is_never_overwritten(vault_path: Path) -> None:
    make_vault(vault_path, remember_in_keyring=False)
    before = digest(vault_path)
    with pytest.raises(errors.VaultExists):
        Logbook.create(vault_path, PASSPHRASE, kdf_cost=FAST_KDF)
    assert digest(vault_path) == before


def test_short_passphrase_refused(vault_path: Path) -> None:
    with pytest.raises(errors.WeakPassphrase):
        Logbook.create(vault_path, "short", kdf_cost=FAST_KDF)
    assert not vault_path.exists()


@pytest.mark.parametrize("bad", [b"", b"x" * 31, b"x" * 33, bytes.fromhex("ab" * 31)])
def test_raw_key_must_be_exactly_32_bytes(tmp_path: Path, bad: bytes) -> None:
    with pytest.raises(ValueError):
        make_engine(tmp_path / "k.db", bad, create=True)
    assert not (tmp_path / "k.db").exists()


def test_durability_settings_on_every_connection(logbook: Logbook) -> None:
    with logbook._engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert connection.exec_driver_sql("PRAGMA temp_store").scalar() == 2  # MEMORY: no temp files
        assert connection.exec_driver_sql("PRAGMA cipher_version").scalar().startswith("4.")


def test_key_stays_out_of_urls_and_parameters_out_of_errors(logbook: Logbook) -> None:
    assert logbook._engine.hide_parameters
    assert logbook._vault.key.hex() not in str(logbook._engine.url).lower()
    ref = logbook.create_incident("T").ref
    logbook.record(ref, NewEntry("note", "SECRET-TEXT-123", author="L1"))
    with pytest.raises(Exception) as caught, logbook._engine.begin() as connection:
        connection.execute(text("UPDATE entry SET text = :t"), {"t": "SECRET-TEXT-456"})
    assert "SECRET-TEXT" not in str(caught.value)


def test_check_passphrase_for_the_lock_screen(logbook: Logbook) -> None:
    assert logbook.check_passphrase(PASSPHRASE)
    assert not logbook.check_passphrase(PASSPHRASE + "x")


class HangingKeyring(MemoryKeyring):
    """A keychain that waits for a prompt nobody will ever answer."""

    def get_password(self, service: str, username: str) -> str | None:
        import time

        time.sleep(30)
        return None


def test_hanging_keyring_times_out_to_the_passphrase(
    vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    make_vault(vault_path, remember_in_keyring=False)
    monkeypatch.setattr(keyslots, "KEYRING_TIMEOUT_S", 0.3)
    keyring.set_keyring(HangingKeyring())
    monkeypatch.setenv("INCIDENT_LOG_PASSPHRASE", PASSPHRASE)
    with Logbook.open(vault_path) as book:
        assert book.unlocked_with == "passphrase"
        assert book.keyring_note and "did not answer" in book.keyring_note


def test_plaintext_keyring_backends_are_refused(vault_path: Path) -> None:
    class PlaintextKeyring(MemoryKeyring):
        pass

    PlaintextKeyring.__module__ = "keyrings.alt.file"
    keyring.set_keyring(PlaintextKeyring())
    book = Logbook.create(vault_path, PASSPHRASE, kdf_cost=FAST_KDF, remember_in_keyring=True)
    with book:
        assert book.unlocked_with == "passphrase"
        assert book.keyring_note and "unencrypted" in book.keyring_note
