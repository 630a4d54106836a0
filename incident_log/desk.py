"""The desktop's logbook in cell mode: typing never waits for the network.

A facade, beside ``logbook.py`` (the vault's): the windows hold a ``CellDesk`` where they would
hold a ``Logbook``, with the same methods, over the cell's parts (``incident_log/cell/``).

The command line's ``CellBook`` sends each entry to the server and waits for its answer. A
window cannot: a pulled cable would freeze the loggist's keyboard for the seconds the TCP
keepalives take to notice. So the desktop splits a workstation in two halves that share the
encrypted local file (``VAULT.cell``: queue and mirror), each on its own SQLCipher connection:

- the **front** (the GUI thread, and the background fold): every entry is validated against
  this workstation's copy and written durably to the queue, exactly as offline. That is a local
  commit, a few milliseconds, whatever the network does. Reads come from the mirror plus what
  waits in the queue: the loggist sees every entry they typed, numbered where it will land;
- the **back** (one thread, ``cell-sync``): connects (and reconnects), sends the queue in order,
  exactly once (the entry id makes a resend find the entry), takes what other workstations
  append (LISTEN/NOTIFY as a hint, then re-reads from the last seq held), and follows every
  incident of the cell, so the home window lists them all, offline too.

A sent entry is put in the mirror before it leaves the queue, and the view skips a queued entry
whose id the mirror holds, so an entry is never missing from the timeline between the two.

``poll()`` (the window's timer) compares the mirror's and the queue's heads with what it last
announced and publishes ``EntriesAdded``: the new numbers, or ``renumbered`` when entries that
waited landed after entries from another workstation and the waiting ones moved down.

Actions whose content depends on the shared head (a seal), an import of a scenario and
``verify`` go to the server through the back (under its lock); offline they say so.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from incident_log import errors as core_errors
from incident_log.cell import errors
from incident_log.cell.book import CellBook, next_free_ref
from incident_log.cell.connect import Secrets
from incident_log.cell.localdb import open_local
from incident_log.cell.opening import Credentials, local_path
from incident_log.cell.queue import QueuedEntry
from incident_log.cell.store import CellStore
from incident_log.cell.workstation import SYSTEM_AUTHOR, StoreOpener, Workstation
from incident_log.domain import drafts
from incident_log.domain.chain import DETAILS, OPENING, apply_change
from incident_log.domain.entry import Entry, Incident, NewEntry, utc_now
from incident_log.domain.kinds import MAX_SEQ, PERSON_FIELDS
from incident_log.domain.state import IncidentState
from incident_log.events import EntriesAdded, Subscriber
from incident_log.store.repository import ENTRY_COLUMNS, row_to_entry
from incident_log.store.verify import VerifyResult
from incident_log.store_interface import Appended, IncidentRow, SignedEntry

if TYPE_CHECKING:
    from incident_log.logbook import Logbook, TimelineFilter

log = logging.getLogger(__name__)

POLL_MS = 100  # the window's poll: local reads only (two small queries)
RETRY_S = 1.0  # offline: how often the back tries the server again (a dead host costs the sync thread only)
LIVE_WAIT_S = 0.05  # online: how long one wait for a notification lasts (a new entry is sent after it)
LIST_EVERY_S = 5.0  # online: how often the back looks for incidents created by other workstations


def _store_opener(url: str, secrets: Secrets, signer: Any) -> CellStore:
    return CellStore.open(url, secrets, signer=signer)


def _never(url: str, secrets: Secrets, signer: Any) -> CellStore:
    raise errors.CellUnreachable("the window's half never connects")


class DeskStation(Workstation):
    """The back: a sent entry goes into the mirror at once, before the queue lets go of it."""

    def _append_queued(self, queued: QueuedEntry, refs: int | None) -> Appended:
        appended = super()._append_queued(queued, refs)
        self._keep_own(queued.incident_id, appended)
        return appended

    def _append_queued_batch(self, run: Sequence[QueuedEntry]) -> list[Appended]:
        appended = super()._append_queued_batch(run)
        incident_id = run[0].incident_id
        head = self.mirror.head(incident_id).count
        fresh = [a for a in appended if a.provenance is not None]
        if len(fresh) == len(appended) and [a.entry.seq for a in fresh] == list(range(head + 1, head + 1 + len(fresh))):
            signed = [SignedEntry(a.entry, a.provenance) for a in fresh if a.provenance is not None]
            if self.mirror.extend(incident_id, signed).ok:
                return appended
        self.fetch(incident_id)
        return appended

    def pump_all(self, timeout: float) -> None:
        """What the server's notifications say moved: fetched, and incidents new to us followed."""
        if self._store is None:
            return
        try:
            moved = {change.incident_id for change in self._store.changes(timeout)}
            followed = set(self.mirror.incident_ids())
            for incident_id in sorted(moved - followed):
                self._follow_quietly(incident_id)
            for incident_id in sorted(moved & followed):
                self.fetch(incident_id)
        except errors.CellUnreachable as gone:
            self._went_offline(gone.message)

    def follow_all(self) -> None:
        """Every incident of the cell, so the home window lists them (and they read offline)."""
        if self._store is None:
            return
        try:
            followed = set(self.mirror.incident_ids())
            for row in self._store.incidents():
                if row.id not in followed:
                    self._follow_quietly(row.id)
        except errors.CellUnreachable as gone:
            self._went_offline(gone.message)

    def _follow_quietly(self, incident_id: str) -> None:
        try:
            self.follow(incident_id)
        except core_errors.UnknownIncident:
            log.debug("an incident named by a notification is not visible to this login")


@dataclass(slots=True)
class _View:
    """One incident as the window sees it: the mirror's entries #1.., then what waits."""

    row: IncidentRow
    settled: list[Entry] = field(default_factory=list)  # settled[i].seq == i + 1
    waiting: list[Entry] = field(default_factory=list)  # numbered after settled, in queue order
    waiting_uids: tuple[str, ...] = ()
    provisional: dict[int, int] = field(default_factory=dict)  # shown seq -> the queue's provisional number
    opening: Entry | None = None
    settled_uids: set[str] = field(default_factory=set)  # entry ids in the mirror: a sent entry is not shown twice

    @property
    def count(self) -> int:
        return len(self.settled) + len(self.waiting)

    def get(self, seq: int) -> Entry | None:
        if 1 <= seq <= len(self.settled):
            return self.settled[seq - 1]
        index = seq - len(self.settled) - 1
        return self.waiting[index] if 0 <= index < len(self.waiting) else None

    def all(self) -> list[Entry]:
        return [*self.settled, *self.waiting]


@dataclass(frozen=True, slots=True)
class Connection:
    """What the window's connection line shows."""

    connected: bool
    waiting: int
    held: int
    problem: str | None  # why it is offline (the server's or the network's words)
    warnings: tuple[str, ...] = ()  # the witness or the signatures found something wrong


def _fold_words(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _searchable(entry: Entry) -> str:
    parts = [entry.text, entry.delay_reason or ""]

    def walk(value: Any) -> None:
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, tuple | list):
            for item in value:
                walk(item)
        elif hasattr(value, "values"):
            for item in value.values():
                walk(item)

    walk(entry.fields)
    return _fold_words(" ".join(parts))


def _word_starts(haystack: str, word: str) -> bool:
    """``word`` appears as a word or a word's start (as the vault's full-text search matches)."""
    start = haystack.find(word)
    while start != -1:
        if start == 0 or not haystack[start - 1].isalnum():
            return True
        start = haystack.find(word, start + 1)
    return False


class CellDesk:
    """The logbook the desktop app holds in cell mode (the vault's ``Logbook`` surface)."""

    kind = "cell"
    poll_interval_ms = POLL_MS

    def __init__(
        self,
        vault: Logbook,
        url: str,
        credentials: Credentials,
        *,
        opener: StoreOpener = _store_opener,
        start: bool = True,
    ) -> None:
        self.vault = vault
        self.url = url
        self.late_margin: timedelta = vault.late_margin
        self._local_path = local_path(Path(vault.path))
        self._local_key = vault.derived_key("cell-local")
        self._connections: list[Any] = []
        self._connections_lock = threading.Lock()
        self._per_thread = threading.local()
        self.back = DeskStation(url, credentials.secrets, self._open_local(), signer=credentials.signer,
                                late_margin=self.late_margin, opener=opener)
        self._back_book = CellBook(self.back, prefs=vault.get_pref, late_margin=self.late_margin)
        self._net = threading.RLock()  # every use of the back (its thread, and the few actions that need the server)
        self._views: dict[str, _View] = {}
        self._rows: dict[str, IncidentRow] = {}  # ref or id -> its row (immutable)
        self._views_lock = threading.RLock()
        self._poll_lock = threading.Lock()
        self._announced: dict[str, tuple[int, tuple[int, int, int]]] = {}
        self._subscribers: list[Subscriber] = []
        self._warnings: tuple[str, ...] = ()
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="cell-sync", daemon=True)
        self._closed = False
        self._polled = False
        self.poll()  # what this workstation holds is announced as known, not as new
        if start:
            self._thread.start()

    # --- the vault's part, unchanged -----------------------------------------------------------

    @property
    def path(self) -> Path:
        return Path(self.vault.path)

    @property
    def keyring_note(self) -> str | None:
        return self.vault.keyring_note

    @property
    def unlocked_with(self) -> str:
        return self.vault.unlocked_with

    def check_passphrase(self, passphrase: str) -> bool:
        return self.vault.check_passphrase(passphrase)

    def check_keyring(self) -> bool:
        return self.vault.check_keyring()

    def get_pref(self, name: str, default: str | None = None) -> str | None:
        return self.vault.get_pref(name, default)

    def set_pref(self, name: str, value: str) -> None:
        self.vault.set_pref(name, value)

    # Drafts live in the vault's preferences, keyed by the shared incident's id: the vault's own
    # draft table belongs to its own incidents.
    def _draft_key(self, ref: str, slot: str) -> str:
        return f"draft.cell:{self._row(ref).id}:{slot}"

    def save_draft(self, ref: str, slot: str, content: dict[str, Any]) -> None:
        self.vault.set_pref(self._draft_key(ref, slot), json.dumps(content, ensure_ascii=False, sort_keys=True))

    def load_draft(self, ref: str, slot: str) -> dict[str, Any] | None:
        stored = self.vault.get_pref(self._draft_key(ref, slot))
        if not stored:
            return None
        try:
            loaded = json.loads(stored)
        except ValueError:
            return None
        return loaded if isinstance(loaded, dict) else None

    def clear_draft(self, ref: str, slot: str) -> None:
        self.vault.set_pref(self._draft_key(ref, slot), "")

    # --- lifetime ----------------------------------------------------------------------------------

    def _open_local(self) -> Any:
        connection = open_local(self._local_path, self._local_key)
        with self._connections_lock:
            self._connections.append(connection)
        return connection

    def _front(self) -> Workstation:
        """This thread's half of the workstation: never online, so it always records locally."""
        station: Workstation | None = getattr(self._per_thread, "station", None)
        if station is None:
            station = Workstation(self.url, Secrets(), self._open_local(), signer=None, late_margin=self.late_margin,
                                  opener=_never)
            self._per_thread.station = station
        return station

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._stopping.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout=10)
        with self._net:
            self.back.close()
        with self._connections_lock:
            for connection in self._connections:
                try:
                    connection.close()
                except Exception:  # noqa: BLE001 - closing at exit; nothing more to do with it
                    log.debug("closing a local connection failed")
            self._connections.clear()
        self.vault.close()

    def __enter__(self) -> CellDesk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the back thread -----------------------------------------------------------------------

    def _run(self) -> None:
        last_list = 0.0
        while not self._stopping.is_set():
            try:
                # A connect attempt to a dead host takes the driver's timeout: outside the lock, so
                # a seal or a verify asked meanwhile is told at once that the server is away.
                if not self.back.online and self.back.connect():
                    with self._net:
                        self._after_sync(self.back.sync())
                        self.back.follow_all()
                        last_list = time.monotonic()
                elif self.back.online:
                    with self._net:
                        if self.back.queue.count():
                            self._after_sync(self.back.sync())
                        if self.back.online and time.monotonic() - last_list > LIST_EVERY_S:
                            self.back.follow_all()
                            last_list = time.monotonic()
                        if self.back.online:
                            self.back.pump_all(LIVE_WAIT_S)
            except Exception as trouble:  # noqa: BLE001 - the thread must outlive any one failure
                log.debug("cell sync round failed: %s", type(trouble).__name__)
                with self._net:
                    self.back._went_offline(getattr(trouble, "message", type(trouble).__name__))
            if self.back.online:
                self._wake.wait(0.0 if self._wake.is_set() else 0.01)
            else:
                self._wake.wait(RETRY_S)
            self._wake.clear()

    def _after_sync(self, report: Any) -> None:
        if report.problems:
            self._warnings = tuple(dict.fromkeys([*self._warnings, *report.problems]))

    def sync_now(self) -> None:
        """Ask the back to try the server now (the connection line's button)."""
        self._wake.set()

    def connection(self) -> Connection:
        """Every window asks twice a second: counts only, never the queued entries themselves."""
        queue = self._front().queue
        problem = None if self.back.online else (self.back._problem or "")
        return Connection(self.back.online, queue.count(), queue.held_count(), problem, self._warnings)

    # --- the view ------------------------------------------------------------------------------

    def _row(self, ref: str) -> IncidentRow:
        """The incident by ref or id. Rows never change, so each is read from the file once (the
        timeline asks for pages of rows many times a second)."""
        found = self._rows.get(ref) if isinstance(ref, str) else None
        if found is not None:
            return found
        if not isinstance(ref, str) or not ref or len(ref) > 64:
            raise core_errors.UnknownIncident(ref if isinstance(ref, str) else repr(ref))
        found = self._front().mirror.find_incident(ref)
        if found is None:
            raise core_errors.UnknownIncident(ref)
        self._rows[found.id] = self._rows[found.ref] = found
        return found

    def _view(self, ref: str) -> _View:
        row = self._row(ref)
        with self._views_lock:
            view = self._views.get(row.id)
            if view is None:  # first read; from then on poll() keeps it current (the window's timer)
                view = self._views[row.id] = _View(row)
                self._refresh(view)
            return view

    def _refresh(self, view: _View) -> None:
        """Bring the view up to what the local file holds: only what is new in the mirror; of the
        queue, its ids, and the rows of entries not shown yet."""
        db = self._front().mirror._db
        incident_id = view.row.id
        after = len(view.settled) if view.opening is not None else -1
        rows = db.execute(
            f"SELECT {ENTRY_COLUMNS}, entry_uid FROM cell_mirror_entry WHERE incident_id = ? AND seq > ? ORDER BY seq",
            (incident_id, after),
        ).fetchall()
        for row in rows:
            entry = row_to_entry(tuple(row[:-1]))
            if entry.seq == 0:
                view.opening = entry
            elif entry.seq == len(view.settled) + 1:
                view.settled.append(entry)
                view.settled_uids.add(str(row[-1]))
        uids = tuple(
            str(uid) for uid, kind in db.execute(
                "SELECT entry_uid, kind FROM cell_queue WHERE incident_id = ? ORDER BY position", (incident_id,))
            if kind != OPENING and uid not in view.settled_uids
        )
        if uids == view.waiting_uids and (not view.waiting or view.waiting[0].seq == len(view.settled) + 1):
            return
        before = dict(zip(view.waiting_uids, view.waiting, strict=True))
        shown: dict[str, int] = {}
        waiting: list[Entry] = []
        provisional: dict[int, int] = {}
        for index, uid in enumerate(uids):
            seq = len(view.settled) + index + 1
            shown[uid] = seq
            old = before.get(uid)
            if old is not None and old.seq == seq:  # unchanged: still waiting at the same number
                provisional[seq] = view.provisional.get(seq, seq)
                waiting.append(old)
                continue
            queued = self._front().queue.get(uid)
            if queued is None:  # sent and marked between the two reads: the next refresh shows it
                break
            provisional[seq] = queued.provisional_seq
            waiting.append(self._as_entry(view, queued, seq, shown))
        view.waiting, view.waiting_uids, view.provisional = waiting, uids[:len(waiting)], provisional

    def _as_entry(self, view: _View, queued: QueuedEntry, seq: int, shown: dict[str, int]) -> Entry:
        clean = queued.clean
        refs = clean.refs
        if queued.refs_uid is not None:
            refs = shown.get(queued.refs_uid)
            if refs is None:
                sent = self._front().queue.sent_seq(queued.refs_uid)
                refs = sent if sent is not None else clean.refs
        # Not on the chain yet: no hash, and the origin says it waits (the timeline marks it).
        return Entry(
            incident_id=view.row.id, seq=seq, kind=clean.kind, occurred_at=clean.occurred_at,
            recorded_at=queued.recorded_at, author=clean.author, text=clean.text, fields=dict(clean.fields),
            refs=refs, delay_reason=clean.delay_reason, origin=queued.origin, prev_hash="", hash="",
        )

    def waiting_seqs(self, ref: str) -> frozenset[int]:
        """The numbers shown for entries that wait in the queue (the timeline marks them)."""
        view = self._view(ref)
        return frozenset(e.seq for e in view.waiting)

    # --- events ------------------------------------------------------------------------------------

    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

        return unsubscribe

    def poll(self) -> list[EntriesAdded]:
        """Local only: which incidents' heads moved since the last poll; announce them.

        The first poll (at opening) announces nothing: what this workstation holds is known."""
        with self._poll_lock:
            events = self._poll_locked()
        for event in events:
            for callback in list(self._subscribers):
                callback(event)
        return events

    def _poll_locked(self) -> list[EntriesAdded]:
        front = self._front()
        db = front.mirror._db
        heads = {str(i): int(n) for i, n in db.execute(
            "SELECT incident_id, max(seq) FROM cell_mirror_entry GROUP BY incident_id")}
        queued = {str(i): (int(n), int(first), int(last)) for i, n, first, last in db.execute(
            "SELECT incident_id, count(*), min(position), max(position) FROM cell_queue GROUP BY incident_id")}
        silent = not self._polled
        self._polled = True
        events: list[EntriesAdded] = []
        for incident_id in sorted(set(heads) | set(queued) | set(front.mirror.incident_ids())):
            signature = (heads.get(incident_id, -1), queued.get(incident_id, (0, 0, 0)))
            if self._announced.get(incident_id) == signature:
                continue
            self._announced[incident_id] = signature
            row = front.mirror.find_incident(incident_id)
            if row is None:
                continue
            with self._views_lock:
                view = self._views.get(incident_id)
                before = view.count if view is not None else 0
                settled_before = len(view.settled) if view is not None else 0
                was_waiting = view.waiting if view is not None else []  # replaced, never changed, by _refresh
                view = self._views.setdefault(incident_id, _View(row))
                self._refresh(view)
            if silent:
                continue
            # Entries that waited moved down when another workstation's landed before them.
            # Only the numbers the mirror now covers can show another entry: the waiting entries
            # after them keep theirs when these landed in order.
            now_settled = was_waiting[:len(view.settled) - settled_before]
            renumbered = any(not _same(view.get(old.seq), old) for old in now_settled)
            settled = tuple(old.seq for old in now_settled)
            fresh = tuple(range(before + 1, view.count + 1))
            if fresh or renumbered or settled:
                events.append(EntriesAdded(row.ref, fresh, renumbered=renumbered, settled=settled))
        return events

    # --- incidents -----------------------------------------------------------------------------

    def incidents(self) -> list[Incident]:
        self.poll()  # the reads a window starts from are current; a page of rows reads the view as polled
        mirror = self._front().mirror
        rows = [mirror.find_incident(i) for i in mirror.incident_ids()]
        described = [self._describe(self._view(row.id)) for row in rows if row is not None]
        return sorted(described, key=lambda i: (i.opened_at, i.ref), reverse=True)

    def incident(self, ref: str) -> Incident:
        self.poll()
        return self._describe(self._view(ref))

    def _describe(self, view: _View) -> Incident:
        row = view.row
        details = row.details
        sealed_at: datetime | None = None
        for entry in view.all():
            if entry.kind == DETAILS:
                details = apply_change(details, entry.fields)
            elif entry.kind == "seal":
                sealed_at = entry.occurred_at
            elif entry.kind == "reopen":
                sealed_at = None
        last = view.settled[-1] if view.settled else None
        shown_last = view.waiting[-1] if view.waiting else last
        return Incident(
            id=row.id, ref=row.ref, title=details.title, type=details.type, location=details.location,
            opened_at=details.opened_at, exercise=details.exercise, status="sealed" if sealed_at else "open",
            closed_at=sealed_at, entry_count=view.count, head_hash=last.hash if last else "",
            last_recorded_at=shown_last.recorded_at if shown_last else None, time_zone=details.time_zone,
        )

    def create_incident(
        self,
        title: str,
        *,
        type: str = "other",
        location: str = "",
        ref: str | None = None,
        exercise: bool = False,
        opened_at: datetime | None = None,
        time_zone: str | None = None,
        author: str = SYSTEM_AUTHOR,
    ) -> Incident:
        """A new shared incident: kept here at once, created on the server by the back."""
        book = CellBook(self._front(), prefs=self.vault.get_pref, late_margin=self.late_margin, next_ref=self._next_ref)
        created = book.create_incident(title, type=type, location=location, ref=ref, exercise=exercise,
                                       opened_at=opened_at, time_zone=time_zone, author=author)
        self._wake.set()
        return self.incident(created.id)

    def _next_ref(self, opened: datetime) -> str:
        """The next free NEG-YYYY-NNNN on the server; offline (or the server busy for more than a
        second), from what this workstation holds, with a suffix of its own (as ``CellBook``)."""
        mirror = self._front().mirror
        taken = [r.ref for r in map(mirror.find_incident, mirror.incident_ids()) if r is not None]
        asked = False
        if self.back.online and self._net.acquire(timeout=1.0):
            try:
                taken.extend(r.ref for r in self.back.store.incidents())
                asked = True
            except errors.CellError:
                log.debug("the server could not list incidents for a new ref")
            finally:
                self._net.release()
        return next_free_ref(taken, opened, provisional=not asked)

    def import_scenario(self, data: dict[str, Any], *, ref: str | None = None) -> Incident:
        with self._net:
            imported = self._back_book.import_scenario(data, ref=ref)
        return self.incident(imported.id)

    # --- writing -------------------------------------------------------------------------------

    def _draft_refs(self, view: _View, draft: NewEntry) -> NewEntry:
        """A reference to an entry that waits names it by the number the queue gave it."""
        if draft.refs is not None and draft.refs > len(view.settled):
            if view.get(draft.refs) is None:
                raise core_errors.ValidationError("refs", f"there is no entry #{draft.refs} in this incident")
            return replace(draft, refs=view.provisional.get(draft.refs, draft.refs))
        return draft

    def record(self, ref: str, draft: NewEntry, *, allow_system: bool = False) -> Entry:
        view = self._view(ref)
        acknowledged = self._front().record(view.row.id, self._draft_refs(view, draft), allow_system=allow_system)
        self._wake.set()
        self.poll()  # the window hears of its own entry in the same event-loop turn
        if acknowledged.entry is not None:  # never for the front, which is always offline
            return acknowledged.entry
        view = self._view(ref)
        assert acknowledged.queued is not None
        if acknowledged.queued.entry_uid in view.waiting_uids:
            return view.waiting[view.waiting_uids.index(acknowledged.queued.entry_uid)]
        found = self._landed(view, acknowledged.queued.entry_uid)
        if found is None:
            raise core_errors.UnknownEntry(ref, acknowledged.number)
        return found

    def _landed(self, view: _View, entry_uid: str) -> Entry | None:
        row = self._front().mirror._db.execute(
            "SELECT seq FROM cell_mirror_entry WHERE incident_id = ? AND entry_uid = ?", (view.row.id, entry_uid)
        ).fetchone()
        return view.get(int(row[0])) if row is not None else None

    def amend(self, ref: str, seq: int, text_: str, *, reason: str, author: str,
              corrected: dict[str, Any] | None = None) -> Entry:
        return self.record(ref, drafts.amendment(seq, text_, reason=reason, author=author, corrected=corrected))

    def flag(self, ref: str, seq: int, *, reason: str, author: str) -> Entry:
        return self.record(ref, drafts.flag(seq, reason=reason, author=author))

    def mark_reviewed(self, ref: str, upto: int, *, author: str) -> Entry:
        count = self._view(ref).count
        if not 0 < upto <= count:
            raise core_errors.ValidationError("upto", f"must be an entry of this incident (1 to {count})")
        return self.record(ref, drafts.review(upto, author=author), allow_system=True)

    def audit(self, ref: str, action: str, *, reason: str, author: str) -> Entry:
        return self.record(ref, drafts.audit(action, reason=reason, author=author), allow_system=True)

    def record_redaction_decision(self, ref: str, action: str, value: str, *, author: str,
                                  person: str | None = None, reason: str = "") -> Entry:
        return self.record(ref, drafts.redaction_decision(action, value, author=author, person=person, reason=reason),
                           allow_system=True)

    def redaction_decisions(self, ref: str) -> list[Entry]:
        return [e for e in self._view(ref).all() if e.kind == "redaction"]

    def change_details(self, ref: str, *, reason: str, author: str, **changes: Any) -> Entry:
        return self.record(ref, drafts.details_change(changes, reason=reason, author=author), allow_system=True)

    def reopen(self, ref: str, reason: str, *, author: str) -> Entry:
        return self.record(ref, drafts.reopening(reason, author=author), allow_system=True)

    def seal(self, ref: str, *, author: str) -> Entry:
        """The seal carries the shared head: it needs the server, with nothing waiting before it."""
        row = self._row(ref)
        with self._net:
            if self.back.online and self.back.queue.count(row.id):
                self._after_sync(self.back.sync())
            acknowledged = self._back_book.seal(row.id, author=author)
        self.poll()
        found = self._view(ref).get(acknowledged.number)
        if found is None:
            raise core_errors.UnknownEntry(ref, acknowledged.number)
        return found

    # --- reading -------------------------------------------------------------------------------

    def entry(self, ref: str, seq: int) -> Entry:
        if isinstance(seq, bool) or not isinstance(seq, int) or not 0 <= seq <= MAX_SEQ:
            raise core_errors.UnknownEntry(ref, seq)
        view = self._view(ref)
        found = view.opening if seq == 0 else view.get(seq)
        if found is None:
            raise core_errors.UnknownEntry(ref, seq)
        return found

    def entries(self, ref: str, seqs: Sequence[int]) -> list[Entry]:
        view = self._view(ref)
        found = (view.get(seq) for seq in sorted(set(seqs)) if isinstance(seq, int))
        return [entry for entry in found if entry is not None]

    def latest(self, ref: str, limit: int = 200) -> list[Entry]:
        entries = self._view(ref).all()
        return entries[-limit:] if limit > 0 else []

    def page(self, ref: str, *, after: int = 0, limit: int = 200) -> list[Entry]:
        entries = self._view(ref).all()
        return entries[max(after, 0):max(after, 0) + limit]

    def all_entries(self, ref: str) -> Iterator[Entry]:
        """The shared log as this workstation holds it (a report prints these; the timeline and the
        boards also show what waits: ``seqs``/``entries``/``state``)."""
        self.poll()
        yield from list(self._view(ref).settled)

    def export_rows(self, ref: str) -> Iterator[dict[str, Any]]:
        """The shared log as this workstation holds it, as ``export`` writes it (``CellBook``'s rows)."""
        row = self._row(ref)
        with self._net:
            rows = list(self._back_book.export_rows(row.id))
        yield from rows

    def waiting_entries(self, ref: str) -> list[Entry]:
        """What waits in this workstation's queue, numbered where it will land, without a hash
        (``facade.Book``: a report does not print them; its redaction learns from them)."""
        self.poll()
        return list(self._view(ref).waiting)

    def seqs(self, ref: str, flt: TimelineFilter | None = None) -> list[int]:
        entries = self._view(ref).all()
        if flt is None:
            return [e.seq for e in entries]
        flagged = {e.refs for e in entries if e.kind == "flag"} if flt.flagged_only else set()
        return [
            e.seq for e in entries
            if (not flt.kinds or e.kind in flt.kinds)
            and (not flt.person or any(e.fields.get(name) == flt.person for name in PERSON_FIELDS))
            and (flt.since is None or e.occurred_at >= flt.since)
            and (flt.until is None or e.occurred_at <= flt.until)
            and (not flt.flagged_only or e.seq in flagged)
        ]

    def search(self, ref: str, query: str, flt: TimelineFilter | None = None, limit: int = 500) -> list[Entry]:
        """Every word of ``query`` as a word or a word's start, accents and case ignored (as the vault)."""
        return self.entries(ref, self.search_seqs(ref, query, flt)[-limit:] if limit > 0 else [])

    def search_seqs(self, ref: str, query: str, flt: TimelineFilter | None = None) -> list[int]:
        words = [w for w in _fold_words(query).replace('"', " ").split() if w][:20]
        if not words:
            return self.seqs(ref, flt)
        wanted = set(self.seqs(ref, flt))
        view = self._view(ref)
        return [e.seq for e in view.all() if e.seq in wanted and all(_word_starts(_searchable(e), w) for w in words)]

    def head(self, ref: str) -> tuple[int, str]:
        view = self._view(ref)
        last = view.settled[-1] if view.settled else None
        return (last.seq, last.hash) if last else (0, "")

    def state(self, ref: str, *, as_of: datetime | None = None) -> IncidentState:
        from incident_log.domain.projections import fold  # noqa: PLC0415

        self.poll()
        view = self._view(ref)
        return fold(self._describe(view), view.all(), as_of=as_of or utc_now(), late_margin=self.late_margin)

    # --- integrity -------------------------------------------------------------------------------

    def verify(self, ref: str | None = None, *, head: str | None = None, count: int | None = None) -> VerifyResult:
        """``CellBook.verify``: online, the server's chain against this copy, its rules and
        signatures; offline, this copy's own chain and rules, with ``unchecked`` saying the shared
        log was not checked."""
        self.poll()
        row = self._row(ref) if ref else None
        with self._net:
            return self._back_book.verify(row.id if row else None, head=head, count=count)

    # --- bundles --------------------------------------------------------------------------------

    def export_bundle(self, ref: str, path: Path, passphrase: str, *, force: bool = False) -> None:
        """The shared incident as this workstation holds it (``CellBook.export_bundle``)."""
        row = self._row(ref)
        with self._net:
            self._back_book.export_bundle(row.id, path, passphrase, force=force,
                                          protected=(self.path, self._local_path))

    def import_bundle(self, path: Path, passphrase: str) -> Incident:
        """A bundle onto the shared log: a new shared incident, or what is new merged (needs the server)."""
        with self._net:
            taken = self._back_book.import_bundle(path, passphrase)
        self.poll()
        return self.incident(taken.incident.id)


def _same(now: Entry | None, shown: Entry) -> bool:
    """Is the entry now at a number the one shown there while it waited (same words, same times)?"""
    return now is not None and (now.kind, now.text, now.author, now.occurred_at, now.recorded_at) == (
        shown.kind, shown.text, shown.author, shown.occurred_at, shown.recorded_at)


# --- opening: what the connect dialog asks for ---------------------------------------------------


class NeedsInput(Exception):
    """The connection needs something only the user can type (the dialog shows these fields)."""

    def __init__(self, *, password: bool, passphrase: bool) -> None:
        super().__init__("needs input")
        self.password, self.passphrase = password, passphrase


def open_desk(vault: Logbook, url: str, *, password: str | None = None, passphrase: str | None = None) -> CellDesk:
    """A ``CellDesk`` on ``url`` over ``vault``, logging this workstation in the first time.

    Raises ``NeedsInput`` for what must be typed, or an ``IncidentLogError`` with its sentence (a
    refused login, a malformed URL, a wrong passphrase). An unreachable server is not an error:
    the desk opens offline."""
    from incident_log.cell import login, opening  # noqa: PLC0415
    from incident_log.cell.connect import parse_url  # noqa: PLC0415

    path = Path(vault.path)
    target = parse_url(url)
    if opening.needs_login(path, target):
        known = None if opening.by_certificate(target) else (
            password or login.password_from_env() or login.password_from_keyring(target))
        needs_password = known is None and not opening.by_certificate(target)
        if needs_password or passphrase is None:
            raise NeedsInput(password=needs_password, passphrase=passphrase is None)
        if not vault.check_passphrase(passphrase):
            raise core_errors.WrongPassphrase()
        opening.log_in(path, target, known, passphrase)

    def ask() -> str:
        if passphrase is None:
            raise NeedsInput(password=False, passphrase=True)
        return passphrase

    kept = opening.credentials(path, target, ask)
    try:
        CellStore.open(url, kept.secrets, signer=kept.signer).close()  # a refused login is said now
    except errors.CellUnreachable:
        log.debug("the cell server cannot be reached: the desk opens offline")
    return CellDesk(vault, url, kept)


def fields_to_ask_again(trouble: core_errors.IncidentLogError) -> tuple[bool, bool]:
    """(password, passphrase): what the dialog asks again after this error."""
    password = isinstance(trouble, errors.CellPasswordMissing | errors.CellPasswordInvalid)
    passphrase = isinstance(trouble, errors.WrongCellLoginPassphrase | errors.WrongSigningPassphrase
                            | core_errors.WrongPassphrase)
    return password, passphrase


if TYPE_CHECKING:
    from incident_log.facade import Book, DeskBook

    def _meets_the_facade(desk: CellDesk) -> Book:
        """mypy checks here that the desk offers what the report and the command line rely on."""
        return desk

    def _meets_the_desktop(desk: CellDesk) -> DeskBook:
        """... and what the windows rely on (``facade.DeskBook``), as ``Logbook`` does."""
        return desk

    def _the_vault_meets_the_desktop(vault: Logbook) -> DeskBook:
        return vault
