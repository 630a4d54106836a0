"""What the ``Logbook`` facade needs from wherever the log lives: a proposal, as ``Protocol``s.

Moved here, beside the facade, from ``cell/interface.py`` (issue 11 item 4). ``logbook.py`` still
holds the SQLCipher SQL itself; the split's next step is a thin typed facade over an
``IncidentStore``, implemented by the SQLCipher vault and by the PostgreSQL cell
(``incident_log/cell/store.py``, written against this already). An import-linter contract keeps
this module to values and protocols: no database driver, no Qt, neither store's implementation.

The division of work on an append, which both stores follow:

- the **store** takes the incident's write lock, reads the chain top and the facts validation
  needs, and afterwards computes the payload and hash with ``domain/entry.py``, inserts and
  commits. It knows nothing of entry kinds or rules;
- the **facade** (the ``prepare`` callback, run inside the lock) applies the domain: the seal
  rule, ``validate_entry``, duplicate person keys, and chooses ``recorded_at`` and ``origin``.

Search and the composer's drafts and preferences are not here: they stay in the workstation's
vault in both modes (in cell mode the vault is the mirror, with the full-text index).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, runtime_checkable

from incident_log.domain.entry import Entry, Incident
from incident_log.domain.validation import CleanEntry, IncidentFacts
from incident_log.store.repository import ChainTop, Head, IncidentRow

__all__ = [
    "Appended",
    "Change",
    "ChainTop",
    "Head",
    "IncidentRow",
    "IncidentStore",
    "Prepare",
    "Prepared",
    "Provenance",
    "SeqFilter",
    "SignedEntry",
    "SignedStore",
]


@dataclass(frozen=True, slots=True)
class Prepared:
    """The facade's answer inside the lock: a validated entry and the values the hash covers that
    the facade decides (when it was recorded, how it came in, the clock warning)."""

    clean: CleanEntry
    recorded_at: datetime
    origin: str
    clock_back: int | None = None  # seconds recorded_at is behind the entry before (domain/chain.py)


Prepare = Callable[[ChainTop, IncidentFacts], Prepared]


@dataclass(frozen=True, slots=True)
class Provenance:
    """What the cell store keeps beside an entry, outside the hash."""

    entry_uid: str
    key_id: str | None
    signature: bytes | None
    db_role: str
    appended_at: datetime


@dataclass(frozen=True, slots=True)
class Appended:
    entry: Entry
    already_present: bool = False  # the entry id was found on the chain: nothing was written
    provenance: Provenance | None = None  # what the store keeps beside it (a freshly written entry)


@dataclass(frozen=True, slots=True)
class Change:
    """Entries were committed elsewhere: the incident's head is now at ``seq`` (or later)."""

    incident_id: str
    seq: int


@dataclass(frozen=True, slots=True)
class SeqFilter:
    """The timeline's filters, as a store answers them (the facade's ``TimelineFilter`` maps 1:1)."""

    kinds: frozenset[str] = frozenset()
    person: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    flagged_only: bool = False


@dataclass(frozen=True, slots=True)
class SignedEntry:
    entry: Entry
    provenance: Provenance


@runtime_checkable
class IncidentStore(Protocol):
    """An append-only, hash-chained log of incidents. Every method is one short transaction."""

    # -- incidents
    def incidents(self) -> list[IncidentRow]: ...

    def find_incident(self, ref_or_id: str) -> IncidentRow | None: ...

    def create_incident(self, row: IncidentRow, *, created_at: datetime, opening: Prepare) -> Appended:
        """The incident's row and its entry #0 (the opening, prepared by the facade) in one
        transaction. Raises errors.DuplicateRef when the ref is taken (in the cell: by this cell)."""
        ...

    def describe(self, row: IncidentRow) -> Incident:
        """The incident with its count, head, status and last recorded time."""
        ...

    # -- the chain
    def heads(self) -> dict[str, Head]:
        """Every visible incident's head, by incident id (status, polling, witnesses)."""
        ...

    def chain_top(self, incident_id: str) -> ChainTop: ...

    def append(self, incident_id: str, prepare: Prepare, *, entry_uid: str | None = None) -> Appended:
        """Lock, call ``prepare``, hash, insert, commit. With ``entry_uid`` already on the chain,
        return that entry and write nothing (a queued entry sent twice is appended once)."""
        ...

    # -- reading (seq order, ascending; the timeline is #1 on: #0, the opening, is the incident)
    def entry(self, incident_id: str, seq: int) -> Entry | None: ...

    def entries(self, incident_id: str, seqs: Sequence[int]) -> list[Entry]: ...

    def latest(self, incident_id: str, limit: int) -> list[Entry]: ...

    def read_range(self, incident_id: str, *, after: int = 0, limit: int | None = None) -> list[Entry]: ...

    def filtered_seqs(self, incident_id: str, flt: SeqFilter) -> list[int]: ...

    # -- live updates
    def changes(self) -> list[Change]:
        """Non-blocking: heads that moved since the last call, by writers other than this object.

        A store that may have missed notifications (a reconnect) reports every incident it
        knows, so the caller re-reads from the last seq it holds: cheap, and never misses one.
        """
        ...

    def close(self) -> None: ...


@runtime_checkable
class SignedStore(IncidentStore, Protocol):
    """A store whose entries carry an entry id, the author's signature and server facts."""

    def read_signed(self, incident_id: str, *, after: int = -1, limit: int | None = None) -> list[SignedEntry]:
        """Stored entries as they are (prev_hash as stored), #0 included by default: for verifying."""
        ...

    def public_keys(self) -> dict[str, bytes]:
        """key id -> raw Ed25519 public key, for every key registered in this cell."""
        ...
