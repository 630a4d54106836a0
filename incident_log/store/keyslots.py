"""Key slots: where the vault's random data key is kept, never in clear.

The vault is encrypted with a random 32-byte data key used as a SQLCipher raw key, so opening
it costs no key derivation. That key lives in two slots:

1. the OS keyring (service ``incident-log``, one entry per vault id), which unlocks without typing
   where a secure keyring exists;
2. a passphrase slot in a sidecar file next to the vault (``vault.db.keys``): the data key wrapped
   with AES-256-GCM under a key derived from the passphrase with scrypt. The sidecar also holds a
   key-check value (so a wrong key is told apart from a damaged vault: SQLCipher reports both as
   "file is not a database") and the vault file's 16-byte salt (so a key file that belongs to
   another vault is recognised). Nothing in it is secret in clear.

Format 2 makes every field of the key file checkable, so damage is never taken for a wrong
passphrase: a SHA-256 checksum over all fields (checked before the key derivation: a flipped bit
in the salt or the key check is "damaged", not "wrong passphrase") and an HMAC under the data key
over all fields (checked once the key is known: a file edited and re-checksummed is caught too).
A format-1 file is still read, and rewritten as format 2 the first time it unlocks the vault.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import hmac
import json
import logging
import secrets
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from incident_log import errors
from incident_log.fileio import replace_key_file
from incident_log.i18n import msg

log = logging.getLogger(__name__)

KEY_BYTES = 32
SIDECAR_FORMAT = "incident-log-keys/2"
SIDECAR_FORMATS = ("incident-log-keys/1", SIDECAR_FORMAT)
SIDECAR_SUFFIX = ".keys"
KEYRING_SERVICE = "incident-log"
KEYRING_TIMEOUT_S = 5.0  # a locked keychain can block waiting for a prompt nobody sees
MIN_PASSPHRASE = 8
MAX_SIDECAR_BYTES = 64 * 1024

# scrypt cost: N=2**17, r=8, p=1 is ~128 MiB and ~0.3 s here: paid once per unlock.
DEFAULT_SCRYPT_LOG_N = 17
MAX_SCRYPT_LOG_N = 18  # a key file asking for more (a GiB and seconds) was not written by this program
SCRYPT_R = 8
SCRYPT_P = 1


def sidecar_path(vault: Path) -> Path:
    return vault.with_name(vault.name + SIDECAR_SUFFIX)


def new_data_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def check_raw_key(key: bytes) -> bytes:
    """SQLCipher silently treats a malformed raw key as a passphrase: refuse it before it gets there."""
    if not isinstance(key, bytes | bytearray) or len(key) != KEY_BYTES:
        raise ValueError(f"a vault data key is exactly {KEY_BYTES} bytes")
    return bytes(key)


def key_check_value(key: bytes, vault_id: str) -> str:
    return hmac.new(key, b"incident-log/key-check/" + vault_id.encode(), hashlib.sha256).hexdigest()[:32]


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def _canonical(value: Any) -> bytes:
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def _derive(passphrase: str, salt: bytes, log_n: int) -> bytes:
    return hashlib.scrypt(
        passphrase.encode("utf-8"),
        salt=salt,
        n=2**log_n,
        r=SCRYPT_R,
        p=SCRYPT_P,
        maxmem=2**log_n * SCRYPT_R * 128 + 64 * 1024 * 1024,
        dklen=32,
    )


@dataclass(frozen=True, slots=True)
class Sidecar:
    vault_id: str
    vault_salt: str  # hex of the vault file's first 16 bytes (SQLCipher's per-file salt)
    kdf_log_n: int
    kdf_salt: bytes
    nonce: bytes
    wrapped_key: bytes
    key_check: str
    mac: str = ""  # HMAC-SHA-256 under the data key over every other field ("" in a format-1 file)

    @classmethod
    def wrap(cls, key: bytes, passphrase: str, *, vault_id: str, vault_salt: str, log_n: int) -> Sidecar:
        check_raw_key(key)
        kdf_salt = secrets.token_bytes(16)
        nonce = secrets.token_bytes(12)
        wrapped = AESGCM(_derive(passphrase, kdf_salt, log_n)).encrypt(nonce, key, vault_id.encode())
        plain = cls(vault_id, vault_salt, log_n, kdf_salt, nonce, wrapped, key_check_value(key, vault_id))
        return plain.signed(key)

    def _fields(self) -> dict[str, Any]:
        return {
            "vault_id": self.vault_id,
            "vault_salt": self.vault_salt,
            "kdf": {"name": "scrypt", "log_n": self.kdf_log_n, "r": SCRYPT_R, "p": SCRYPT_P, "salt": _b64(self.kdf_salt)},
            "wrapped_key": {"cipher": "AES-256-GCM", "nonce": _b64(self.nonce), "ciphertext": _b64(self.wrapped_key)},
            "key_check": self.key_check,
        }

    def _mac(self, key: bytes) -> str:
        return hmac.new(key, b"incident-log/key-file/" + _canonical(self._fields()), hashlib.sha256).hexdigest()

    def signed(self, key: bytes) -> Sidecar:
        """The same slot with its MAC made under ``key`` (after a change of a field, e.g. a backup's salt)."""
        return dataclasses.replace(self, mac=self._mac(key))

    def check_mac(self, key: bytes, path: Path) -> None:
        """Once the key is known: every field is the one written with it (format 2)."""
        if self.mac and not hmac.compare_digest(self.mac, self._mac(key)):
            raise errors.SidecarDamaged(path)

    def unwrap(self, passphrase: str, path: Path | None = None) -> bytes:
        try:
            key = AESGCM(_derive(passphrase, self.kdf_salt, self.kdf_log_n)).decrypt(
                self.nonce, self.wrapped_key, self.vault_id.encode()
            )
        except InvalidTag:
            raise errors.WrongPassphrase() from None
        # The cipher accepted the passphrase: a key that then fails its checks means a damaged file.
        if not self.matches(key):
            raise errors.SidecarDamaged(path or "beside the vault")
        self.check_mac(key, path or Path("beside the vault"))
        return key

    def matches(self, key: bytes) -> bool:
        return len(key) == KEY_BYTES and hmac.compare_digest(key_check_value(key, self.vault_id), self.key_check)

    def to_json(self) -> dict[str, Any]:
        fields = self._fields()
        fields["mac"] = self.mac
        return {
            "format": SIDECAR_FORMAT,
            "note": "Incident Log key file: keep it with the vault. It holds no secret in clear.",
            **fields,
            "checksum": hashlib.sha256(_canonical(fields)).hexdigest(),
        }

    @classmethod
    def from_json(cls, data: Any) -> Sidecar:
        if not isinstance(data, dict) or data.get("format") not in SIDECAR_FORMATS:
            raise ValueError("not a key file")
        if data["format"] == SIDECAR_FORMAT:
            fields = {name: data[name] for name in ("vault_id", "vault_salt", "kdf", "wrapped_key", "key_check", "mac")}
            if not hmac.compare_digest(str(data["checksum"]), hashlib.sha256(_canonical(fields)).hexdigest()):
                raise ValueError("checksum")
        kdf = data["kdf"]
        log_n = kdf["log_n"]
        if kdf["name"] != "scrypt" or kdf["r"] != SCRYPT_R or kdf["p"] != SCRYPT_P:
            raise ValueError("unsupported key derivation")
        if isinstance(log_n, bool) or not isinstance(log_n, int) or not 10 <= log_n <= MAX_SCRYPT_LOG_N:
            raise ValueError("unsupported key derivation cost")
        wrapped = data["wrapped_key"]
        sidecar = cls(
            vault_id=str(data["vault_id"]),
            vault_salt=str(data["vault_salt"]),
            kdf_log_n=log_n,
            kdf_salt=_unb64(kdf["salt"]),
            nonce=_unb64(wrapped["nonce"]),
            wrapped_key=_unb64(wrapped["ciphertext"]),
            key_check=str(data["key_check"]),
            mac=str(data.get("mac", "")),
        )
        if len(sidecar.kdf_salt) != 16 or len(sidecar.nonce) != 12 or len(sidecar.wrapped_key) != KEY_BYTES + 16:
            raise ValueError("malformed key slot")
        return sidecar

    def to_bytes(self) -> bytes:
        return json.dumps(self.to_json(), indent=2).encode("utf-8")

    def save(self, path: Path) -> None:
        replace_key_file(path, self.to_bytes())

    @classmethod
    def load(cls, path: Path) -> Sidecar:
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            raise errors.SidecarMissing(path) from None
        if len(raw) > MAX_SIDECAR_BYTES:
            raise errors.SidecarDamaged(path)
        try:
            return cls.from_json(json.loads(raw.decode("utf-8")))
        except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError, RecursionError):
            raise errors.SidecarDamaged(path) from None


# --- the OS keyring ---------------------------------------------------------------------

T = TypeVar("T")


class KeyringTrouble(Exception):
    """The keyring could not be used; ``reason`` is safe to show."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _with_timeout(call: Callable[[], T]) -> T:
    result: dict[str, Any] = {}

    def run() -> None:
        try:
            result["value"] = call()
        except BaseException as exc:  # noqa: BLE001 - carried to the caller's thread
            result["error"] = exc

    worker = threading.Thread(target=run, name="keyring-call", daemon=True)
    worker.start()
    worker.join(KEYRING_TIMEOUT_S)
    if worker.is_alive():
        raise KeyringTrouble(msg("the system keyring did not answer; it may be locked"))
    if "error" in result:
        raise result["error"]
    return result["value"]  # type: ignore[no-any-return]


def secure_keyring() -> Any:
    """The keyring backend if it is one we trust with a key, else raise KeyringTrouble."""
    import keyring  # noqa: PLC0415 - its backend discovery costs start-up time; load on use
    import keyring.errors  # noqa: PLC0415

    backend = keyring.get_keyring()
    module = type(backend).__module__
    name = type(backend).__name__
    if module.startswith("keyring.backends.fail") or module.startswith("keyring.backends.null"):
        raise KeyringTrouble(msg("no system keyring was found on this computer"))
    if module.startswith("keyrings.alt"):
        # keyrings.alt stores secrets base64-encoded in a plain file: that is a key in clear.
        raise KeyringTrouble(msg("the only keyring found ({name}) stores secrets unencrypted", name=name))
    if module.startswith("keyring.backends.chainer"):
        inner = getattr(backend, "backends", [])
        if not inner:
            raise KeyringTrouble(msg("no system keyring was found on this computer"))
    return backend


def keyring_get(vault_id: str) -> bytes | None:
    """The data key stored for this vault, or None. Raises KeyringTrouble when the keyring can't be used."""
    backend = secure_keyring()
    try:
        stored = _with_timeout(lambda: backend.get_password(KEYRING_SERVICE, vault_id))
    except KeyringTrouble:
        raise
    except Exception as exc:  # keyring backends raise many types (KeyringError, dbus, OSError)
        raise KeyringTrouble(msg("the system keyring refused the request ({name})", name=type(exc).__name__)) from None
    if stored is None:
        return None
    try:
        return check_raw_key(bytes.fromhex(stored))
    except ValueError:
        return None


def keyring_set(vault_id: str, key: bytes) -> None:
    backend = secure_keyring()
    try:
        _with_timeout(lambda: backend.set_password(KEYRING_SERVICE, vault_id, check_raw_key(key).hex()))
    except KeyringTrouble:
        raise
    except Exception as exc:
        raise KeyringTrouble(
            msg("the system keyring refused to store the key ({name})", name=type(exc).__name__)
        ) from None


def keyring_forget(vault_id: str) -> None:
    try:
        backend = secure_keyring()
        _with_timeout(lambda: backend.delete_password(KEYRING_SERVICE, vault_id))
    except Exception:  # noqa: BLE001 - forgetting is best effort; nothing to tell the user
        log.debug("keyring entry could not be removed")
