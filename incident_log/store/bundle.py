"""Bundles: one incident as a single encrypted file, to move it between workstations.

Layout: a magic line, then a small JSON header (format, KDF parameters, salt, nonce; nothing
about the incident), then AES-256-GCM ciphertext of the zlib-compressed incident and entries.
The header is authenticated as associated data. On import the chain is recomputed entry by entry
before anything is written, so a bundle changed in transit is refused.
"""

from __future__ import annotations

import json
import secrets
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from incident_log import errors
from incident_log.domain.entry import Entry, Incident, chain_hash, genesis_hash, iso_utc, parse_iso
from incident_log.fileio import write_atomically
from incident_log.store.keyslots import DEFAULT_SCRYPT_LOG_N, MIN_PASSPHRASE, _derive

MAGIC = b"INCIDENT-LOG-BUNDLE/1\n"
MAX_BUNDLE_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class Bundle:
    incident: Incident
    entries: list[Entry]


def _incident_json(incident: Incident) -> dict[str, Any]:
    return {
        "id": incident.id,
        "ref": incident.ref,
        "title": incident.title,
        "type": incident.type,
        "location": incident.location,
        "opened_at": iso_utc(incident.opened_at),
        "exercise": incident.exercise,
    }


def write_bundle(path: Path, passphrase: str, incident: Incident, entries: list[Entry]) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise errors.WeakPassphrase(MIN_PASSPHRASE)
    body = {
        "incident": _incident_json(incident),
        "entries": [{**e.canonical(), "prev_hash": e.prev_hash, "hash": e.hash} for e in entries],
    }
    plain = zlib.compress(json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    header = json.dumps(
        {"kdf": "scrypt", "log_n": DEFAULT_SCRYPT_LOG_N, "salt": salt.hex(), "nonce": nonce.hex()}
    ).encode("ascii")
    cipher = AESGCM(_derive(passphrase, salt, DEFAULT_SCRYPT_LOG_N)).encrypt(nonce, plain, MAGIC + header)
    write_atomically(Path(path), MAGIC + header + b"\n" + cipher)


def read_bundle(path: Path, passphrase: str) -> Bundle:
    try:
        size = path.stat().st_size
        if size > MAX_BUNDLE_BYTES:
            raise errors.BundleError(f"{path} is too large to be a bundle; nothing was imported.")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise errors.BundleError(f"No bundle at {path}.") from None
    except OSError as exc:
        raise errors.BundleError(f"{path} cannot be read ({exc.strerror}).") from None
    if not raw.startswith(MAGIC) or b"\n" not in raw[len(MAGIC) :]:
        raise errors.BundleError(f"{path} is not an Incident Log bundle; nothing was imported.")
    header_bytes, cipher = raw[len(MAGIC) :].split(b"\n", 1)
    try:
        header = json.loads(header_bytes)
        salt, nonce, log_n = bytes.fromhex(header["salt"]), bytes.fromhex(header["nonce"]), int(header["log_n"])
        if header["kdf"] != "scrypt" or not 10 <= log_n <= 22:
            raise ValueError
    except (ValueError, KeyError, TypeError):
        raise errors.BundleError(f"{path} has a damaged header; nothing was imported.") from None
    try:
        plain = AESGCM(_derive(passphrase, salt, log_n)).decrypt(nonce, cipher, MAGIC + header_bytes)
    except InvalidTag:
        raise errors.WrongBundlePassphrase() from None
    try:
        body = json.loads(zlib.decompress(plain))
        inc = body["incident"]
        incident = Incident(
            id=str(inc["id"]),
            ref=str(inc["ref"]),
            title=str(inc["title"]),
            type=str(inc["type"]),
            location=str(inc["location"]),
            opened_at=parse_iso(inc["opened_at"]),
            exercise=bool(inc["exercise"]),
        )
        entries = [
            Entry(
                incident_id=str(e["incident_id"]),
                seq=int(e["seq"]),
                kind=str(e["kind"]),
                occurred_at=parse_iso(e["occurred_at"]),
                recorded_at=parse_iso(e["recorded_at"]),
                author=str(e["author"]),
                text=str(e["text"]),
                fields=dict(e["fields"]),
                refs=e["refs"],
                delay_reason=e["delay_reason"],
                origin=str(e["origin"]),
                prev_hash=str(e["prev_hash"]),
                hash=str(e["hash"]),
            )
            for e in body["entries"]
        ]
    except (ValueError, KeyError, TypeError, zlib.error):
        raise errors.BundleError(f"{path} is damaged inside; nothing was imported.") from None
    _verify_chain(incident, entries)
    return Bundle(incident, entries)


def _verify_chain(incident: Incident, entries: list[Entry]) -> None:
    previous = genesis_hash(incident.id)
    for number, entry in enumerate(entries, start=1):
        if entry.incident_id != incident.id or entry.seq != number or entry.prev_hash != previous:
            raise errors.BundleError(f"The bundle's log is broken at entry #{number}; nothing was imported.")
        if chain_hash(previous, entry.canonical()) != entry.hash:
            raise errors.BundleError(f"The bundle's entry #{number} does not match its hash; nothing was imported.")
        previous = entry.hash
