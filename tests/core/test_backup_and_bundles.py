"""``backup`` while the vault is in use, and bundles that come from outside (issue 9, items 4 and 6)."""

from __future__ import annotations

import json
import secrets
import zlib
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from incident_log import errors
from incident_log.domain.entry import NewEntry
from incident_log.logbook import Logbook
from incident_log.store import bundle as bundle_module
from incident_log.store.keyslots import _derive, sidecar_path
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.core.test_processes import writer

BUNDLE_PASS = "bundle passphrase 42"


def test_backup_of_a_vault_in_use_holds_what_the_wal_holds(logbook: Logbook, vault_path: Path, tmp_path: Path) -> None:
    ref = logbook.create_incident("Backup").ref
    for number in range(400):
        logbook.record(ref, NewEntry("note", f"entry {number}", author="L1"))
    wal = Path(f"{vault_path}-wal")
    assert wal.exists() and wal.stat().st_size > 0  # entries still only in the write-ahead log
    child = writer(vault_path, ref, 300, "other-window")  # and another process keeps writing
    done = logbook.backup(tmp_path / "copy.db")
    child.communicate(timeout=120)
    assert done.vault == tmp_path / "copy.db" and done.key_file == sidecar_path(tmp_path / "copy.db")
    assert not Path(f"{done.vault}-wal").exists()  # one file at rest, plus its key file
    with Logbook.open(done.vault, passphrase=PASSPHRASE, use_keyring=False) as copy:
        count = copy.head(ref)[0]
        assert 400 <= count <= 700 and count == done.entries
        assert copy.verify().ok
        assert [e.hash for e in copy.all_entries(ref)] == [e.hash for e in list(logbook.all_entries(ref))[:count]]
    (tmp_path / "old.db").write_bytes(b"an older backup")
    with pytest.raises(errors.OutputRefused, match="--force"):
        logbook.backup(tmp_path / "old.db")
    assert (tmp_path / "old.db").read_bytes() == b"an older backup"
    with pytest.raises(errors.OutputRefused, match="vault"):
        logbook.backup(vault_path, force=True)
    folder = tmp_path / "media"
    folder.mkdir()
    assert logbook.backup(folder).vault == folder / "vault.db"


def test_backup_command_line(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "INCIDENT_LOG_PASSPHRASE": PASSPHRASE, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
           "INCIDENT_LOG_VAULT": str(tmp_path / "vault.db")}

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "incident_log", *args], cwd=root, env=env, capture_output=True, text=True, timeout=120)

    assert run("init").returncode == 0
    assert run("new", "--title", "T").returncode == 0
    done = run("backup", str(tmp_path / "b.db"))
    assert done.returncode == 0 and "verified" in done.stdout, done.stderr
    again = run("backup", str(tmp_path / "b.db"))
    assert again.returncode == 1 and "--force" in again.stderr
    assert run("--vault", str(tmp_path / "b.db"), "verify").returncode == 0


def crafted(path: Path, body: dict, *, log_n: int = bundle_module.BUNDLE_LOG_N, header: dict | None = None) -> None:
    """A bundle made outside the program: the right passphrase, any content."""
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    head = json.dumps(header or {"kdf": "scrypt", "log_n": log_n, "salt": salt.hex(), "nonce": nonce.hex()}).encode()
    plain = zlib.compress(json.dumps(body).encode())
    key = _derive(BUNDLE_PASS, salt, min(log_n, 17))
    path.write_bytes(bundle_module.MAGIC + head + b"\n" + AESGCM(key).encrypt(nonce, plain, bundle_module.MAGIC + head))


@pytest.fixture
def body(logbook: Logbook, viaduct: str, tmp_path: Path) -> dict:
    """The decrypted body of a real bundle of the viaduct incident, to be mutated."""
    real = tmp_path / "real.bundle"
    logbook.export_bundle(viaduct, real, BUNDLE_PASS)
    raw = real.read_bytes()[len(bundle_module.MAGIC):]
    head, cipher = raw.split(b"\n", 1)
    meta = json.loads(head)
    plain = AESGCM(_derive(BUNDLE_PASS, bytes.fromhex(meta["salt"]), meta["log_n"])).decrypt(
        bytes.fromhex(meta["nonce"]), cipher, bundle_module.MAGIC + head
    )
    return json.loads(zlib.decompress(plain))


@pytest.fixture
def other(tmp_path: Path):
    book = Logbook.create(tmp_path / "other.db", PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF)
    yield book
    book.close()


def _rechain(body: dict) -> None:
    from incident_log.domain.entry import chain_hash, genesis_hash

    prev = genesis_hash(body["incident"]["id"])
    for entry in body["entries"]:
        entry["prev_hash"] = prev
        payload = {k: v for k, v in entry.items() if k not in ("prev_hash", "hash")}
        entry["hash"] = prev = chain_hash(prev, payload)


@pytest.mark.parametrize(
    ("mutate", "words"),
    [
        (lambda b: b["entries"][9].update(kind="gossip"), "not an entry kind"),
        (lambda b: b["entries"][9].update(text="NUL \x00 inside"), "control character"),
        (lambda b: b["entries"][9].update(recorded_at="2030-01-01T00:00:00.000000Z"), "future"),
        (lambda b: b["entries"][9].update(occurred_at="0226-01-01T00:00:00.000000Z"), "1990"),
        (lambda b: b["entries"][9].update(author="  L1  "), "not in the form"),
        (lambda b: b["incident"].update(title="Changed in transit"), "details"),
        (lambda b: b["entries"].pop(5), "missing"),
    ],
)
def test_a_crafted_bundle_is_checked_like_an_import(body: dict, other: Logbook, tmp_path: Path, mutate, words: str) -> None:
    mutate(body)
    _rechain(body)  # the crafter recomputes the chain: only the domain checks can refuse it
    path = tmp_path / "crafted.bundle"
    crafted(path, body)
    with pytest.raises(errors.BundleError, match=words):
        other.import_bundle(path, BUNDLE_PASS)
    assert other.incidents() == [] and other.verify().ok


def test_an_untouched_crafted_bundle_imports(body: dict, other: Logbook, tmp_path: Path) -> None:
    path = tmp_path / "same.bundle"
    crafted(path, body)
    assert other.import_bundle(path, BUNDLE_PASS).ref == body["incident"]["ref"]
    assert other.verify().ok


@pytest.mark.parametrize("log_n", [20, 21, 22, 30, 16])
def test_the_kdf_cost_in_the_header_is_capped_before_any_derivation(body: dict, other: Logbook, tmp_path: Path, log_n: int) -> None:
    import time

    path = tmp_path / "costly.bundle"
    crafted(path, body, log_n=log_n)
    started = time.perf_counter()
    with pytest.raises(errors.BundleError, match="key derivation this program does not use"):
        other.import_bundle(path, BUNDLE_PASS)
    assert time.perf_counter() - started < 0.1  # refused before scrypt ran


@pytest.mark.parametrize(
    "header",
    [{"kdf": "scrypt", "log_n": 17, "salt": "00", "nonce": "00" * 12}, {"kdf": "argon2", "log_n": 17, "salt": "00" * 16, "nonce": "00" * 12},
     {"kdf": "scrypt", "log_n": 17, "salt": "00" * 16, "nonce": "00" * 12, "extra": 1}, {"kdf": "scrypt", "log_n": True, "salt": "00" * 16, "nonce": "00" * 12}],
)
def test_a_malformed_header_is_refused(body: dict, other: Logbook, tmp_path: Path, header: dict) -> None:
    path = tmp_path / "bad-header.bundle"
    crafted(path, body, header=header)
    with pytest.raises(errors.BundleError):
        other.import_bundle(path, BUNDLE_PASS)
