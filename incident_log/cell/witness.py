"""Each workstation is a witness: does the server's chain still extend what my mirror holds?

A database superuser can disable the triggers and change, remove or rewrite rows, and recompute
every hash after the change. The chain alone cannot show a consistent rewrite; a copy held
elsewhere can. Each workstation's mirror keeps the hash of every entry it has seen, so:

- an entry changed on the server with its hash left alone fails its own hash;
- an entry changed and the chain recomputed from there no longer matches the mirror's hash at
  that seq;
- entries removed from the end leave the server shorter than the mirror;
- a row removed from the middle leaves a gap (or, renumbered, a hash mismatch).

``witness()`` names the first entry where the server and the mirror part, and also checks that
whatever the server holds beyond the mirror links on correctly (so the mirror never takes in a
broken tail). It is pure: entries in, a report out. Signatures are checked separately
(``check_signatures``) because they need the cell's public keys.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from incident_log.cell.signing import verify_signature
from incident_log.domain.entry import Entry, chain_hash, genesis_hash
from incident_log.store_interface import SignedEntry


@dataclass(frozen=True, slots=True)
class Link:
    """What a witness must keep of an entry: its place and its hash."""

    seq: int
    hash: str


@dataclass(frozen=True, slots=True)
class WitnessReport:
    incident_id: str
    mirror_count: int
    server_count: int
    first_difference: int | None  # the first seq where the server stops extending the mirror
    problem: str | None  # one sentence, naming that entry

    @property
    def ok(self) -> bool:
        return self.problem is None


def links_of(entries: Iterable[Entry]) -> list[Link]:
    return [Link(entry.seq, entry.hash) for entry in entries]


def witness(
    incident_id: str,
    mirror: Sequence[Link],
    server: Iterable[Entry],
    *,
    server_prev: str | None = None,
    start: int | None = None,
) -> WitnessReport:
    """Compare the server's entries (from seq ``start``, in order) with the mirror's links.

    ``mirror`` holds the links it has, in seq order. ``server_prev`` is the hash before ``start``
    (the incident's genesis hash for the whole chain). Without ``start`` the chain begins at #0,
    the opening, when either side has one, else at #1 (an incident from before entry #0 existed).
    """
    entries = list(server)
    mirror_by_seq = {link.seq: link.hash for link in mirror}
    if start is None:
        start = 0 if 0 in mirror_by_seq or (entries and entries[0].seq == 0) else 1
    server = entries
    expected_prev = server_prev if server_prev is not None else genesis_hash(incident_id)
    offset = start - 1
    mirror_count = max(mirror_by_seq, default=offset)
    seq = offset
    for entry in server:
        seq += 1
        if entry.seq != seq:
            return _report(
                incident_id, mirror_count, seq - 1, seq,
                f"entry #{seq} is missing on the server (it goes on at #{entry.seq})"
                + (": it was removed after this workstation saw it" if seq <= mirror_count else ""),
            )
        try:
            recomputed = chain_hash(expected_prev, entry.canonical())
        except (ValueError, TypeError):
            return _report(incident_id, mirror_count, seq, seq, f"entry #{seq} on the server cannot be read")
        if entry.prev_hash != expected_prev or recomputed != entry.hash:
            return _report(
                incident_id, mirror_count, seq, seq,
                f"entry #{seq} on the server does not match its hash: it was changed after it was recorded",
            )
        held = mirror_by_seq.get(seq)
        if held is not None and held != entry.hash:
            return _report(
                incident_id, mirror_count, seq, seq,
                f"entry #{seq} on the server differs from the copy this workstation holds: "
                "the log was rewritten on the server from there",
            )
        expected_prev = entry.hash
    if seq < mirror_count:
        return _report(
            incident_id, mirror_count, seq, seq + 1,
            f"the server has {seq} entries and this workstation holds {mirror_count}: "
            f"entries from #{seq + 1} were removed from the server",
        )
    return WitnessReport(incident_id, mirror_count, seq, None, None)


def _report(incident_id: str, mirror_count: int, server_count: int, first: int, problem: str) -> WitnessReport:
    return WitnessReport(incident_id, mirror_count, server_count, first, problem)


@dataclass(frozen=True, slots=True)
class SignatureReport:
    checked: int
    unsigned: tuple[int, ...]  # seqs with no signature (e.g. brought in from a vault bundle)
    bad: tuple[int, ...]  # seqs whose signature does not verify, or whose key the cell does not know

    @property
    def ok(self) -> bool:
        return not self.bad


def check_signatures(entries: Iterable[SignedEntry], public_keys: Mapping[str, bytes]) -> SignatureReport:
    checked = 0
    unsigned: list[int] = []
    bad: list[int] = []
    for signed in entries:
        checked += 1
        provenance, entry = signed.provenance, signed.entry
        if provenance.key_id is None or provenance.signature is None:
            unsigned.append(entry.seq)
            continue
        public = public_keys.get(provenance.key_id)
        if public is None or not verify_signature(public, entry.incident_id, entry.hash, provenance.signature):
            bad.append(entry.seq)
    return SignatureReport(checked, tuple(unsigned), tuple(bad))
