"""One workstation in a cell: the shared store when it answers, the local queue when it does not.

This is phase one's composition of the cell parts, and what the ``Logbook`` facade wraps in
phase two (``--cell URL``): the ``CellStore`` on the server, and on this machine the encrypted
``Mirror`` (copy and witness) and ``OfflineQueue``.

- ``record()`` sends the entry to the server (validated there, inside the head lock). If the
  server cannot be reached, or the connection drops mid-append, the same entry (same entry id,
  same times) is validated against the mirror and queue and acknowledged as queued with a
  provisional number. Once offline, ``record()`` does not try the server again (the loggist
  must not wait for a connect timeout per entry): ``sync()`` does, from a timer or a button.
  While entries wait, new ones queue behind them, so the order typed is the order appended.
- ``sync()`` reconnects, replays the queue exactly once, fetches what others appended into the
  mirror (each batch witnessed: it must extend what the mirror holds) and checks signatures.
- ``check()`` is the full witness: the whole server chain recomputed and compared with the
  mirror, naming the first differing entry.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from incident_log import errors as core_errors
from incident_log.cell import errors
from incident_log.cell.connect import Secrets
from incident_log.cell.mirror import Mirror
from incident_log.cell.queue import OfflineQueue, QueuedEntry, ReplayReport, replay
from incident_log.cell.signing import SigningKey
from incident_log.cell.store import CellStore, check_storable
from incident_log.cell.witness import SignatureReport, WitnessReport, check_signatures, witness
from incident_log.domain.append import Accepted, prepare_append
from incident_log.domain.chain import OPENING, ChainReport, check_chain, opening_fields
from incident_log.domain.entry import ORIGIN_LIVE, Entry, NewEntry, utc_now
from incident_log.domain.validation import DEFAULT_LATE_MARGIN, CleanEntry, IncidentFacts, validate_entry
from incident_log.store_interface import Appended, ChainTop, Head, IncidentRow, Prepare, Prepared, SignedEntry

log = logging.getLogger(__name__)

SYSTEM_AUTHOR = "incident-log"  # the author of the entries the program writes itself (as the vault does)
NO_LEDGER = "0" * 64  # an opening's ledger head in cell mode: the server keeps no vault ledger (phase two)

StoreOpener = Callable[[str, Secrets, SigningKey | None], CellStore]
# A draft that depends on the chain's head at the moment of the append (a seal carries the head
# hash and count): built inside the server's head lock, so it can only be recorded online.
DraftAtHead = Callable[[ChainTop], NewEntry]


def _open_store(url: str, secrets: Secrets, signer: SigningKey | None) -> CellStore:
    return CellStore.open(url, secrets, signer=signer)


@dataclass(frozen=True, slots=True)
class Acknowledgement:
    """What the loggist is told when an entry is recorded: its number, and whether it waits."""

    entry: Entry | None = None
    queued: QueuedEntry | None = None

    @property
    def waiting(self) -> bool:
        return self.queued is not None

    @property
    def seq(self) -> int:
        """The entry's number: its seq, or its provisional number while it waits (as ``number``)."""
        return self.number

    @property
    def clock_back(self) -> int | None:
        return self.entry.clock_back if self.entry is not None else None

    @property
    def number(self) -> int:
        if self.entry is not None:
            return self.entry.seq
        assert self.queued is not None
        return self.queued.provisional_seq


@dataclass(frozen=True, slots=True)
class CheckReport:
    witness: WitnessReport  # does the server still extend this workstation's copy?
    signatures: SignatureReport
    rules: ChainReport | None  # the chain rules verify applies (domain/chain.py), on the server's entries

    @property
    def ok(self) -> bool:
        return self.witness.ok and self.signatures.ok and (self.rules is None or self.rules.problem is None)

    @property
    def problems(self) -> list[str]:
        found = [p for p in (self.witness.problem, self.rules.problem if self.rules else None) if p]
        if self.signatures.bad:
            found.append(f"{len(self.signatures.bad)} signature(s) do not verify (first: #{self.signatures.bad[0]})")
        return found


@dataclass
class SyncReport:
    connected: bool
    replay: ReplayReport = field(default_factory=ReplayReport)
    fetched: int = 0
    problems: list[str] = field(default_factory=list)  # one sentence each (witness, signatures)


@dataclass(frozen=True, slots=True)
class IncidentStatus:
    incident_id: str
    mirror_count: int
    mirror_head: str
    server_count: int | None  # None when offline
    server_head: str | None
    waiting: int


@dataclass(frozen=True, slots=True)
class CellStatus:
    connected: bool
    waiting: int
    held: int
    incidents: tuple[IncidentStatus, ...]
    problem: str | None  # why it is offline, in the user's words

    def line(self) -> str:
        """The one line the window and ``cell status`` show."""
        noun = "entry" if self.waiting == 1 else "entries"
        if not self.connected:
            return f"offline — {self.waiting} {noun} waiting"
        if self.waiting:
            return f"connected — {self.waiting} {noun} waiting to be sent"
        return "connected — nothing waiting"


def opening_prepare(row: IncidentRow, *, now: datetime, author: str = SYSTEM_AUTHOR) -> Prepare:
    """Entry #0 of a new shared incident: its details, as the vault writes them (``Logbook``)."""

    def prepare(top: ChainTop, facts: IncidentFacts) -> Prepared:
        draft = NewEntry(OPENING, "", opening_fields(row.details, NO_LEDGER), occurred_at=row.opened_at, author=author)
        clean = validate_entry(draft, facts, now=now, allow_system=True, late_reason_exempt=True)
        return Prepared(clean, now, ORIGIN_LIVE)

    return prepare


class LocalFacts:
    """Validation's questions answered from what this workstation holds (mirror, then queue)."""

    def __init__(self, mirror: Mirror, queue: OfflineQueue, incident_id: str) -> None:
        self._mirror = mirror
        self._queue = queue
        self._incident_id = incident_id

    @property
    def opened_at(self) -> datetime | None:
        row = self._mirror.find_incident(self._incident_id)
        return row.opened_at if row else None

    def has_person(self, key: str) -> bool:
        return self._mirror.has_person(self._incident_id, key) or self._queue.queued_person(self._incident_id, key)

    def kind_of(self, seq: int) -> str | None:
        return self._mirror.kind_of(self._incident_id, seq) or self._queue.queued_kind(self._incident_id, seq)


class Workstation:
    """``local`` is the encrypted local database's DB-API connection (queue and mirror live there)."""

    def __init__(
        self,
        url: str,
        secrets: Secrets,
        local: Any,
        *,
        signer: SigningKey | None,
        late_margin: timedelta = DEFAULT_LATE_MARGIN,
        opener: StoreOpener = _open_store,
    ) -> None:
        self._url = url
        self._secrets = secrets
        self._signer = signer
        self._opener = opener
        self.late_margin = late_margin
        self.mirror = Mirror(local)
        self.queue = OfflineQueue(local)
        self._store: CellStore | None = None
        self._problem: str | None = "not connected yet"
        self.trouble: errors.CellError | None = None  # why the last connect() failed
        self._public_keys: dict[str, bytes] = {}

    # -- the connection ---------------------------------------------------------------------------

    @property
    def online(self) -> bool:
        return self._store is not None

    @property
    def store(self) -> CellStore:
        if self._store is None:
            raise errors.CellUnreachable(self._problem or "")
        return self._store

    def connect(self) -> bool:
        """Try the server once. Unreachable, or refused, is not an exception here: it is the state."""
        if self._store is not None:
            return True
        try:
            self._store = self._opener(self._url, self._secrets, self._signer)
        except errors.CellError as trouble:
            self._problem = trouble.message
            self.trouble = trouble
            return False
        self._problem = None
        self.trouble = None
        return True

    def _went_offline(self, why: str) -> None:
        if self._store is not None:
            try:
                self._store.close()
            except Exception:  # noqa: BLE001 - the connection is already gone; nothing to tell
                log.debug("closing a dead cell connection failed")
        self._store = None
        self._problem = why

    def close(self) -> None:
        self._went_offline("closed")

    # -- incidents ----------------------------------------------------------------------------------

    def create_incident(self, row: IncidentRow, *, author: str = SYSTEM_AUTHOR) -> Acknowledgement:
        """A new shared incident with its opening entry #0. ``row`` holds details already checked
        by ``validate_incident``.

        Offline (or when the connection drops during the create), the incident is kept in the
        mirror and its opening waits in the queue as provisional #0; the replay creates it on the
        server first, idempotently by the incident's id, and then sends its entries. A ref another
        workstation took meanwhile holds it there, with the reason."""
        now = utc_now()
        if self._store is not None:
            try:
                opened = self._store.create_incident(row, created_at=now, opening=opening_prepare(row, now=now, author=author))
            except errors.CellError as gone:
                self._went_offline(gone.message)
            else:
                self.follow(row.id)
                return Acknowledgement(entry=opened.entry)
        self.mirror.keep_incident(row)
        facts = LocalFacts(self.mirror, self.queue, row.id)
        prepared = opening_prepare(row, now=now, author=author)(self.mirror.chain_top(row.id), facts)
        queued = self.queue.put(
            row.id, prepared.clean, entry_uid=str(uuid.uuid4()), recorded_at=now, origin=ORIGIN_LIVE, mirror_count=-1
        )
        return Acknowledgement(queued=queued)

    def _create_queued(self, queued: QueuedEntry) -> Appended:
        """Replay of an opening queued offline: the incident and its #0 (already there: found, not doubled)."""
        store = self.store
        present = store.find_incident(queued.incident_id)
        if present is not None:
            first = store.read_signed(queued.incident_id, after=-1, limit=1)
            if not first or first[0].entry.seq != 0:
                raise errors.ChainMoved()
            return Appended(first[0].entry, already_present=True)
        row = self.mirror.find_incident(queued.incident_id)
        if row is None:
            raise core_errors.UnknownIncident(queued.incident_id)

        def prepare(top: ChainTop, facts: IncidentFacts) -> Prepared:
            return Prepared(queued.clean, queued.recorded_at, queued.origin)

        return store.create_incident(row, created_at=queued.recorded_at, opening=prepare)

    def follow(self, incident_id: str) -> None:
        found = self.store.find_incident(incident_id)
        if found is None:
            raise core_errors.UnknownIncident(incident_id)
        self.mirror.keep_incident(found)
        self.fetch(found.id)

    # -- recording ------------------------------------------------------------------------------------

    def record(
        self, incident_id: str, draft: NewEntry | DraftAtHead, *, allow_system: bool = False
    ) -> Acknowledgement:
        now = utc_now()
        uid = str(uuid.uuid4())
        validated: list[CleanEntry] = []
        if not isinstance(draft, NewEntry) and (self._store is None or self.queue.count(incident_id)):
            # Its content depends on the final head, which only the server knows once the queue is in.
            raise errors.NeedsServer()
        if self._store is not None and self.queue.count(incident_id) == 0:
            try:
                appended = self._store.append(
                    incident_id, self._prepare(incident_id, draft, now, ORIGIN_LIVE, allow_system, validated),
                    entry_uid=uid,
                )
            except errors.CellError as gone:
                # Unreachable, or refused for a reason that is not the entry's (login, key): the
                # entry is kept in the queue all the same, and the status line says why.
                self._went_offline(gone.message)
                if not isinstance(draft, NewEntry):
                    raise errors.NeedsServer() from None
            else:
                self._keep_own(incident_id, appended)
                return Acknowledgement(entry=appended.entry)
        assert isinstance(draft, NewEntry)
        # Offline (or the connection dropped during the append: the server may or may not have the
        # entry; the entry id makes the replay find out). If the server had already validated it,
        # that result stands; otherwise it is validated against this workstation's copy.
        head = self.mirror.head(incident_id)
        if validated:
            clean, provisional_refs = validated[0], False
        else:
            clean, provisional_refs = self._validate_locally(incident_id, draft, now, allow_system), True
        queued = self.queue.put(
            incident_id, clean, entry_uid=uid, recorded_at=now, origin=ORIGIN_LIVE, mirror_count=head.count,
            refs_provisional=provisional_refs,
        )
        return Acknowledgement(queued=queued)

    def _ref(self, incident_id: str) -> str:
        found = self.mirror.find_incident(incident_id)
        return found.ref if found else incident_id

    def _prepare(
        self,
        incident_id: str,
        draft: NewEntry | DraftAtHead,
        now: datetime,
        origin: str,
        allow_system: bool,
        validated: list[CleanEntry],
    ) -> Prepare:
        def prepare(top: ChainTop, facts: IncidentFacts) -> Prepared:
            wanted = draft if isinstance(draft, NewEntry) else draft(top)
            # Recorded before the entry before it (a clock set back, or an entry that waited in a
            # queue while others were appended): the rules set clock_back, the chain says so.
            accepted = self._apply_rules(incident_id, wanted, top, facts, now, allow_system, origin)
            validated.append(accepted.clean)
            return Prepared(accepted.clean, accepted.recorded_at, accepted.origin, accepted.clock_back)

        return prepare

    def _apply_rules(
        self, incident_id: str, draft: NewEntry, top: ChainTop, facts: IncidentFacts, now: datetime, allow_system: bool,
        origin: str = ORIGIN_LIVE,
    ) -> Accepted:
        """The logbook's rules for an append: ``domain/append.py``, the very rules ``Logbook._append``
        applies, with the cell's own storable check (PostgreSQL holds no NUL)."""
        return prepare_append(
            draft, top, facts, now=now, ref=lambda: self._ref(incident_id), late_margin=self.late_margin,
            allow_system=allow_system, origin=origin, storable=check_storable,
        )

    def _validate_locally(self, incident_id: str, draft: NewEntry, now: datetime, allow_system: bool) -> CleanEntry:
        """Offline: the same rules, against what this workstation holds (mirror, then queue)."""
        top = self.mirror.chain_top(incident_id, self.queue)
        facts = LocalFacts(self.mirror, self.queue, incident_id)
        return self._apply_rules(incident_id, draft, top, facts, now, allow_system).clean

    # -- syncing -----------------------------------------------------------------------------------------

    def sync(self) -> SyncReport:
        """Reconnect if needed, send what waits (in order, exactly once), fetch what is new."""
        if not self.connect():
            return SyncReport(connected=False, problems=[self._problem or ""])
        replayed = replay(self.queue, self._append_queued, self._append_queued_batch)
        report = SyncReport(connected=True, replay=replayed)
        if replayed.stopped:
            self._went_offline(replayed.stopped)
            report.connected = False
            return report
        try:
            waiting = {q.incident_id for q in self.queue.pending() if q.clean.kind == OPENING}
            for incident_id in self.mirror.incident_ids():
                if incident_id in waiting:
                    continue  # created offline and not on the server yet (its opening is held)
                fetched, problems = self.fetch(incident_id)
                report.fetched += fetched
                report.problems.extend(problems)
        except errors.CellUnreachable as gone:
            self._went_offline(gone.message)
            report.connected = False
        return report

    def _append_queued(self, queued: QueuedEntry, refs: int | None) -> Appended:
        if queued.clean.kind == OPENING:
            return self._create_queued(queued)
        prepare = self._prepare(
            queued.incident_id, queued.draft(refs), queued.recorded_at, queued.origin, True, []
        )
        return self.store.append(queued.incident_id, prepare, entry_uid=queued.entry_uid)

    def _append_queued_batch(self, run: Sequence[QueuedEntry]) -> list[Appended]:
        items = [
            (queued.entry_uid, self._prepare(queued.incident_id, queued.draft(queued.clean.refs), queued.recorded_at,
                                             queued.origin, True, []))
            for queued in run
        ]
        return self.store.append_batch(run[0].incident_id, items)

    def pump_live(self, timeout: float = 0.0) -> int:
        """Fetch what the server's notifications say moved (``timeout``: wait that long for one)."""
        if self._store is None:
            return 0
        try:
            moved = {change.incident_id for change in self._store.changes(timeout)}
            followed = set(self.mirror.incident_ids())
            return sum(self.fetch(incident_id)[0] for incident_id in moved & followed)
        except errors.CellUnreachable as gone:
            self._went_offline(gone.message)
            return 0

    def _keep_own(self, incident_id: str, appended: Appended) -> None:
        """Put our own new entry in the mirror: directly when it follows on what the mirror holds
        (no round trip), else by fetching what others appended in between as well."""
        if appended.provenance is not None and appended.entry.seq == self.mirror.head(incident_id).count + 1:
            if self.mirror.extend(incident_id, [SignedEntry(appended.entry, appended.provenance)]).ok:
                return
        try:
            self.fetch(incident_id)
        except errors.CellUnreachable as gone:
            self._went_offline(gone.message)

    def fetch(self, incident_id: str) -> tuple[int, list[str]]:
        """New server entries into the mirror, witnessed and signature-checked. (count, problems)"""
        head = self.mirror.head(incident_id)
        try:
            fetched = self.store.read_signed(incident_id, after=head.count)
        except errors.CellRowUnreadable as unreadable:
            return 0, [unreadable.message]
        if not fetched:
            server = self.store.chain_top(incident_id).head
            if server.count < head.count or (server.count == head.count and server.hash != head.hash):
                return 0, [self.check(incident_id).witness.problem or "the server's log no longer matches this copy"]
            return 0, []
        report = self.mirror.extend(incident_id, fetched)
        if not report.ok:
            # Name the first entry where the server parted from this copy (it may be far back).
            return 0, [self.check(incident_id).witness.problem or report.problem or ""]
        problems: list[str] = []
        signatures = self._signatures(fetched)
        if signatures.bad:
            problems.append(
                f"{len(signatures.bad)} entr{'y' if len(signatures.bad) == 1 else 'ies'} fetched from the server "
                f"carry a signature that does not verify (first: #{signatures.bad[0]})"
            )
        return len(fetched), problems

    def _signatures(self, fetched: list[SignedEntry]) -> SignatureReport:
        unknown = {s.provenance.key_id for s in fetched if s.provenance.key_id and s.provenance.key_id not in self._public_keys}
        if unknown:
            self._public_keys.update(self.store.public_keys())
        return check_signatures(fetched, self._public_keys)

    # -- checking --------------------------------------------------------------------------------------

    def check(self, incident_id: str) -> CheckReport:
        """The full witness: the server's whole chain recomputed and compared with this copy."""
        links = self.mirror.links(incident_id)
        try:
            signed = self.store.read_signed(incident_id)
        except errors.CellRowUnreadable as unreadable:
            report = WitnessReport(incident_id, len(links), unreadable.seq - 1, unreadable.seq, unreadable.message)
            return CheckReport(report, SignatureReport(0, (), ()), None)
        entries = [s.entry for s in signed]
        report = witness(incident_id, links, entries)
        self._public_keys.update(self.store.public_keys())
        row = self.store.find_incident(incident_id)
        rules = None
        if row is not None:
            rules = check_chain(incident_id, row.ref, row.details, entries, now=utc_now(), future_is_damage=True)
        return CheckReport(report, check_signatures(signed, self._public_keys), rules)

    def status(self) -> CellStatus:
        server_heads: dict[str, Head] = {}
        if self._store is not None:
            try:
                server_heads = self._store.heads()
            except errors.CellUnreachable as gone:
                self._went_offline(gone.message)
        pending = self.queue.pending()
        rows = []
        for incident_id in self.mirror.incident_ids():
            mine = self.mirror.head(incident_id)
            theirs = server_heads.get(incident_id)
            rows.append(
                IncidentStatus(
                    incident_id, mine.count, mine.hash, theirs.count if theirs else None, theirs.hash if theirs else None,
                    sum(1 for q in pending if q.incident_id == incident_id),
                )
            )
        return CellStatus(
            self.online, len(pending), sum(1 for q in pending if q.held), tuple(rows), None if self.online else self._problem
        )
