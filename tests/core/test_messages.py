"""Each kind of trouble gets its own sentence that says what to do (issue 9, item 5).

The read-only and full disks are real: a tmpfs and a read-only bind mount in a private mount
namespace (``unshare``), so nothing outside the test is touched and no privileges are needed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from incident_log import errors
from incident_log.domain.entry import NewEntry
from incident_log.logbook import Logbook
from incident_log.store import engine as engine_module
from incident_log.store.keyslots import sidecar_path
from tests.conftest import FAST_KDF, PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
UNSHARE = shutil.which("unshare")


def make_vault(path: Path) -> str:
    with Logbook.create(path, PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF) as book:
        ref = book.create_incident("Messages").ref
        book.record(ref, NewEntry("note", "an entry", author="L1"))
    return ref


@pytest.mark.parametrize("part", ["salt", "key_check", "nonce", "vault_id", "log_n", "mac"])
def test_a_flipped_bit_in_the_key_file_is_damage_not_a_wrong_passphrase(vault_path: Path, part: str) -> None:
    make_vault(vault_path)
    keys = sidecar_path(vault_path)
    data = json.loads(keys.read_text())
    if part == "salt":
        value = data["kdf"]["salt"]
        data["kdf"]["salt"] = ("B" if value[0] != "B" else "C") + value[1:]
    elif part == "nonce":
        value = data["wrapped_key"]["nonce"]
        data["wrapped_key"]["nonce"] = ("B" if value[0] != "B" else "C") + value[1:]
    elif part == "log_n":
        data["kdf"]["log_n"] = 13
    else:
        value = data[part]
        data[part] = ("0" if value[0] != "0" else "1") + value[1:]
    keys.write_text(json.dumps(data))
    with pytest.raises(errors.SidecarDamaged, match="damaged"):
        Logbook.open(vault_path, passphrase=PASSPHRASE)
    with pytest.raises(errors.SidecarDamaged):
        Logbook.open(vault_path, passphrase="not the passphrase at all")


def test_a_key_file_edited_and_rechecksummed_is_still_caught(vault_path: Path) -> None:
    import hashlib

    from incident_log.store.keyslots import _canonical

    make_vault(vault_path)
    keys = sidecar_path(vault_path)
    data = json.loads(keys.read_text())
    data["key_check"] = "0" * 32
    fields = {name: data[name] for name in ("vault_id", "vault_salt", "kdf", "wrapped_key", "key_check", "mac")}
    data["checksum"] = hashlib.sha256(_canonical(fields)).hexdigest()
    keys.write_text(json.dumps(data))
    with pytest.raises(errors.SidecarDamaged):
        Logbook.open(vault_path, passphrase=PASSPHRASE)


def test_the_right_passphrase_on_a_sound_key_file_still_opens_and_a_wrong_one_says_so(vault_path: Path) -> None:
    make_vault(vault_path)
    with pytest.raises(errors.WrongPassphrase):
        Logbook.open(vault_path, passphrase="not the passphrase at all")
    Logbook.open(vault_path, passphrase=PASSPHRASE).close()


def test_a_busy_vault_says_try_again(vault_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ref = make_vault(vault_path)
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 200)
    book = Logbook.open(vault_path, passphrase=PASSPHRASE)
    holder = engine_module.make_engine(vault_path, book._vault.key)
    pooled = holder.raw_connection()
    other = pooled.driver_connection
    other.execute("BEGIN EXCLUSIVE")  # another process in the middle of a write
    with pytest.raises(errors.VaultInUse, match="busy.*Try again in a moment"):
        book.record(ref, NewEntry("note", "waits", author="L1"))
    other.execute("ROLLBACK")
    pooled.close()
    holder.dispose()
    book.record(ref, NewEntry("note", "now it goes in", author="L1"))
    assert book.verify().ok
    book.close()


def in_namespace(script: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    assert UNSHARE is not None, "util-linux's unshare is needed (Debian: util-linux)"
    env = {**os.environ, "INCIDENT_LOG_PASSPHRASE": PASSPHRASE, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
           "PY": sys.executable, "ROOT": str(ROOT), "DIR": str(tmp_path / "disk")}
    (tmp_path / "disk").mkdir(exist_ok=True)
    return subprocess.run(
        [UNSHARE, "--user", "--map-root-user", "--mount", "sh", "-ec", script],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=180,
    )


CREATE = '"$PY" -c "import sys; sys.path.insert(0, \'$ROOT\'); from tests.core.test_messages import make_vault; from pathlib import Path; make_vault(Path(\'$DIR/vault.db\'))"'
CLI = '"$PY" -m incident_log --vault "$DIR/vault.db"'


def test_a_read_only_disk_is_not_called_a_missing_vault(tmp_path: Path) -> None:
    done = in_namespace(
        f"""
        {CREATE}
        mount --bind "$DIR" "$DIR" && mount -o remount,ro,bind "$DIR"
        {CLI} list || echo "exit=$?"
        """,
        tmp_path,
    )
    assert "exit=1" in done.stdout, done.stderr
    assert "read-only disk" in done.stderr and "No vault at" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_a_full_disk_with_no_writer_is_not_called_damage(tmp_path: Path) -> None:
    done = in_namespace(
        f"""
        mount -t tmpfs -o size=4m tmpfs "$DIR"
        {CREATE}
        dd if=/dev/zero of="$DIR/filler" bs=4k 2>/dev/null || true
        {CLI} list || echo "full-exit=$?"
        rm "$DIR/filler"
        {CLI} verify && echo "verified-after-freeing"
        """,
        tmp_path,
    )
    assert "full-exit=1" in done.stdout, done.stdout + done.stderr
    assert "disk holding" in done.stderr and "is full" in done.stderr
    assert "is not damaged" in done.stderr and "restore from a backup" not in done.stderr
    assert "verified-after-freeing" in done.stdout
