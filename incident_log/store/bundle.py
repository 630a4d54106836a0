"""Bundles: one incident as a single encrypted file, to move it between workstations.

Layout: a magic line, then a small JSON header (format, KDF parameters, salt, nonce; nothing
about the incident), then AES-256-GCM ciphertext of the zlib-compressed incident and entries.

A bundle comes from outside, so nothing in it is trusted before it has been checked:
- the header is parsed strictly (exact keys, lengths) and its scrypt cost must be one this
  program writes (``BUNDLE_LOG_N``): a crafted header cannot make the importer spend a GiB and
  seconds on key derivation. A key cannot be checked before it is derived, so the header is
  authenticated (as the cipher's associated data) right after that bounded derivation;
- the plaintext may not inflate past ``MAX_PLAIN_BYTES``;
- the logbook then runs every entry through the same domain checks as an import and the chain
  rules of ``verify`` before anything is written (``Logbook.import_bundle``).
"""

from __future__ import annotations

import json
import re
import secrets
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from incident_log import errors
from incident_log.domain.entry import Entry, parse_iso
from incident_log.fileio import write_output
from incident_log.i18n import msg
from incident_log.store.keyslots import MIN_PASSPHRASE, _derive

MAGIC = b"INCIDENT-LOG-BUNDLE/1\n"
MAX_BUNDLE_BYTES = 512 * 1024 * 1024
MAX_PLAIN_BYTES = 1024 * 1024 * 1024
MAX_HEADER_BYTES = 512
BUNDLE_LOG_N = 17  # scrypt N=2**17, r=8, p=1: ~128 MiB, ~0.3 s; the only cost accepted on import
_HEADER_KEYS = {"kdf", "log_n", "salt", "nonce"}
_HEX = re.compile(r"^[0-9a-f]+$")


@dataclass(frozen=True, slots=True)
class Bundle:
    incident: dict[str, Any]  # id, ref and the details as opened (title, type, ..., time_zone)
    entries: list[Entry]  # in seq order, #0 (the opening) first when the incident has one


def write_bundle(
    path: Path, passphrase: str, incident: dict[str, Any], entries: list[Entry], *, force: bool = False,
    protected: tuple[Path, ...] = (),
) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise errors.WeakPassphrase(MIN_PASSPHRASE)
    body = {
        "incident": incident,
        "entries": [{**e.canonical(), "prev_hash": e.prev_hash, "hash": e.hash} for e in entries],
    }
    plain = zlib.compress(json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    header = json.dumps({"kdf": "scrypt", "log_n": BUNDLE_LOG_N, "salt": salt.hex(), "nonce": nonce.hex()}).encode("ascii")
    cipher = AESGCM(_derive(passphrase, salt, BUNDLE_LOG_N)).encrypt(nonce, plain, MAGIC + header)
    write_output(Path(path), MAGIC + header + b"\n" + cipher, force=force, protected=protected)


def _header(header_bytes: bytes, path: Path) -> tuple[bytes, bytes]:
    damaged = errors.BundleError(msg("{path} has a damaged header; nothing was imported.", path=path))
    if len(header_bytes) > MAX_HEADER_BYTES:
        raise damaged
    try:
        header = json.loads(header_bytes.decode("ascii"))
    except (ValueError, UnicodeDecodeError):
        raise damaged from None
    if not isinstance(header, dict) or set(header) != _HEADER_KEYS or header["kdf"] != "scrypt":
        raise damaged
    salt, nonce, log_n = header["salt"], header["nonce"], header["log_n"]
    if not (isinstance(salt, str) and len(salt) == 32 and _HEX.match(salt)):
        raise damaged
    if not (isinstance(nonce, str) and len(nonce) == 24 and _HEX.match(nonce)):
        raise damaged
    if isinstance(log_n, bool) or log_n != BUNDLE_LOG_N:
        raise errors.BundleError(
            msg(
                "{path} asks for a key derivation this program does not use; it was not made by Incident Log. "
                "Nothing was imported.",
                path=path,
            )
        )
    return bytes.fromhex(salt), bytes.fromhex(nonce)


def read_bundle(path: Path, passphrase: str) -> Bundle:
    """Decrypt and parse a bundle; the caller checks its content before writing anything."""
    try:
        size = path.stat().st_size
        if size > MAX_BUNDLE_BYTES:
            raise errors.BundleError(msg("{path} is too large to be a bundle; nothing was imported.", path=path))
        raw = path.read_bytes()
    except FileNotFoundError:
        raise errors.BundleError(msg("No bundle at {path}.", path=path)) from None
    except IsADirectoryError:
        raise errors.BundleError(msg("{path} is a folder, not a bundle.", path=path)) from None
    except OSError as exc:
        raise errors.BundleError(msg("{path} cannot be read ({reason}).", path=path, reason=exc.strerror)) from None
    if not raw.startswith(MAGIC) or b"\n" not in raw[len(MAGIC) : len(MAGIC) + MAX_HEADER_BYTES + 1]:
        raise errors.BundleError(msg("{path} is not an Incident Log bundle; nothing was imported.", path=path))
    header_bytes, cipher = raw[len(MAGIC) :].split(b"\n", 1)
    salt, nonce = _header(header_bytes, path)
    try:
        packed = AESGCM(_derive(passphrase, salt, BUNDLE_LOG_N)).decrypt(nonce, cipher, MAGIC + header_bytes)
    except InvalidTag:
        raise errors.WrongBundlePassphrase() from None
    damaged = errors.BundleError(msg("{path} is damaged inside; nothing was imported.", path=path))
    try:
        inflater = zlib.decompressobj()
        plain = inflater.decompress(packed, MAX_PLAIN_BYTES)
        if inflater.unconsumed_tail:
            raise errors.BundleError(msg("{path} unpacks to more than a bundle may hold; nothing was imported.", path=path))
        body = json.loads(plain.decode("utf-8"))
        incident = body["incident"]
        if not isinstance(incident, dict) or not isinstance(body["entries"], list):
            raise damaged
        entries = [_entry(e) for e in body["entries"]]
    except errors.BundleError:
        raise
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError, zlib.error, UnicodeDecodeError):
        raise damaged from None
    return Bundle(incident, entries)


def _entry(e: Any) -> Entry:
    if not isinstance(e, dict):
        raise TypeError("an entry is an object")

    def text(name: str) -> str:
        value = e[name]
        if not isinstance(value, str):
            raise TypeError(name)
        return value

    refs, seq, delay, clock = e["refs"], e["seq"], e["delay_reason"], e.get("clock_back")
    for number in (refs, clock):
        if number is not None and (isinstance(number, bool) or not isinstance(number, int)):
            raise TypeError("a number")
    if isinstance(seq, bool) or not isinstance(seq, int) or not isinstance(e["fields"], dict):
        raise TypeError("seq")
    if delay is not None and not isinstance(delay, str):
        raise TypeError("delay_reason")
    return Entry(
        incident_id=text("incident_id"),
        seq=seq,
        kind=text("kind"),
        occurred_at=parse_iso(text("occurred_at")),
        recorded_at=parse_iso(text("recorded_at")),
        author=text("author"),
        text=text("text"),
        fields=e["fields"],
        refs=refs,
        delay_reason=delay,
        origin=text("origin"),
        prev_hash=text("prev_hash"),
        hash=text("hash"),
        clock_back=clock,
    )
