"""The Logbook: everything one unlocked vault offers, behind one facade.

The GUI, the command line and the report talk to this class only. It hands out frozen
values (``Incident``, ``Entry``, ``IncidentState``), never ORM objects or connections, and every
failure a user can meet arrives as an ``errors.IncidentLogError`` with a sentence to show.

Durability: each write is one transaction with ``synchronous=FULL`` in WAL mode, opened with
``BEGIN IMMEDIATE`` so two writers (two windows, a window and a script) queue instead of both
reading the same head of the chain. When ``record()`` returns, the entry is on disk.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import re
import threading
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, text

from incident_log import errors, fileio
from incident_log.bundle_merge import merge_bundle
from incident_log.domain import drafts
from incident_log.domain.append import prepare_append
from incident_log.domain.chain import OPENING, opening_fields
from incident_log.domain.entry import (
    ORIGIN_IMPORT,
    ORIGIN_LIVE,
    Entry,
    Incident,
    NewEntry,
    iso_utc,
    utc_now,
)
from incident_log.domain.kinds import MAX_SEQ
from incident_log.domain.state import IncidentState
from incident_log.domain.validation import (
    DEFAULT_LATE_MARGIN,
    MAX_LATE_MARGIN,
    IncidentDetails,
    IncidentFacts,
    validate_entry,
    validate_incident,
)
from incident_log.domain.zones import machine_zone
from incident_log.events import EntriesAdded, EventBus
from incident_log.store import keyslots, ledger, repository
from incident_log.store.backup import BackupDone
from incident_log.store.vault import UnlockedVault, create_vault, unlock_vault
from incident_log.store.vault_store import VaultStore
from incident_log.store.verify import VerifyResult
from incident_log.store_interface import Prepare, Prepared

log = logging.getLogger(__name__)

VAULT_ENV = "INCIDENT_LOG_VAULT"
PASSPHRASE_ENV = "INCIDENT_LOG_PASSPHRASE"
IDLE_INDEX_BATCH = 200  # entries indexed per poll(): about 20 ms of idle time at most
SYSTEM_AUTHOR = "incident-log"  # the author of entries the program writes on its own (an opening)
Clock = Callable[[], datetime]
_LOOKUP = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")  # a ref, or an incident's UUID


@dataclass(frozen=True, slots=True)
class TimelineFilter:
    kinds: frozenset[str] = frozenset()  # empty: every kind
    person: str | None = None  # a person key named in any person field
    since: datetime | None = None  # occurred_at at or after
    until: datetime | None = None
    flagged_only: bool = False


def _late_margin(value: str | None, *, strict: bool = False) -> timedelta:
    """The vault's late margin: 1 to 60 minutes (verify re-checks against the widest one)."""
    if value is None:
        return DEFAULT_LATE_MARGIN
    try:
        minutes = float(value)
    except ValueError:
        minutes = -1.0
    if not 1 <= minutes <= MAX_LATE_MARGIN.total_seconds() / 60:
        if strict:
            raise errors.ValidationError(
                "late_margin_minutes", f"must be a number of minutes from 1 to {int(MAX_LATE_MARGIN.total_seconds() // 60)}"
            )
        return DEFAULT_LATE_MARGIN
    return timedelta(minutes=minutes)


def _filter_args(flt: TimelineFilter | None) -> dict[str, Any]:
    flt = flt or TimelineFilter()
    return {
        "kinds": tuple(flt.kinds),
        "person": flt.person,
        "since": flt.since,
        "until": flt.until,
        "flagged_only": flt.flagged_only,
    }


def fts_query(query: str) -> str | None:
    """A user's words as an FTS5 query: every word must appear, as a word or a word's start."""
    words = [w for w in re.split(r"[\s\"'()*:^+-]+", query) if w]
    if not words:
        return None
    return " AND ".join('"' + w.replace('"', '""') + '"*' for w in words[:20])


BULK_LOAD = 10_000  # entries loaded in one go above which they are moved out of the collector's sight


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many acyclic objects.

    Loading and folding a long incident creates hundreds of thousands of entries and dicts; each
    allocation burst made the collector rescan the growing heap (0.4 s of 1.3 s at 100,000
    entries). Nothing built here has reference cycles, so nothing is left for it to find.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


class Logbook:
    """One unlocked vault. Not tied to a thread: each call checks a connection out of a pool."""

    def __init__(self, unlocked: UnlockedVault, *, clock: Clock = utc_now) -> None:
        self._vault = unlocked
        # Where every write reads the time: a test moves it back without touching the machine's clock.
        self._clock = clock
        self._engine = unlocked.engine
        self.store = VaultStore(unlocked.engine, unlocked.path)  # the chain: appends and reads by number
        self.path = unlocked.path
        self.unlocked_with = unlocked.unlocked_with
        self.keyring_note = unlocked.keyring_note
        self._lock = threading.RLock()
        self._watch: Connection | None = None
        self._data_version: int | None = None
        self._ids: dict[str, str] = {}  # ref -> incident id (refs never change)
        self._rows: dict[str, repository.IncidentRow] = {}  # ref or id -> its immutable row
        self._cache: dict[str, list[Entry]] = {}  # incident id -> entries loaded for state()
        self.late_margin = _late_margin(self.get_pref("late_margin_minutes"))
        self._events = EventBus(self._read(repository.max_seqs), lock=self._lock)
        fileio.protect_vault(self.path)

    # --- opening -------------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path,
        passphrase: str,
        *,
        remember_in_keyring: bool = True,
        kdf_cost: int | None = None,
    ) -> Logbook:
        """A new, empty vault at ``path`` with its key file beside it."""
        return cls(create_vault(Path(path), passphrase, remember_in_keyring=remember_in_keyring, kdf_log_n=kdf_cost))

    @classmethod
    def open(
        cls, path: Path, *, passphrase: str | None = None, use_keyring: bool = True, clock: Clock = utc_now
    ) -> Logbook:
        return cls(unlock_vault(Path(path), passphrase=passphrase, use_keyring=use_keyring), clock=clock)

    @property
    def vault_id(self) -> str:
        return self._vault.vault_id

    @staticmethod
    def default_path() -> Path:
        override = os.environ.get(VAULT_ENV)
        if override:
            return Path(override).expanduser()
        import platformdirs  # noqa: PLC0415

        return Path(platformdirs.user_data_dir("incident-log", appauthor=False)) / "vault.db"

    @staticmethod
    def exists(path: Path) -> bool:
        return Path(path).is_file()

    def check_passphrase(self, passphrase: str) -> bool:
        """For the lock screen: does this passphrase open this vault?"""
        try:
            return self._vault.sidecar.unwrap(passphrase) == self._vault.key
        except errors.WrongPassphrase:
            return False

    def check_keyring(self) -> bool:
        """For the lock screen: does the system keyring hold this vault's key?"""
        try:
            stored = keyslots.keyring_get(self._vault.vault_id)
        except keyslots.KeyringTrouble:
            return False
        return stored is not None and stored == self._vault.key

    def remember_in_keyring(self) -> bool:
        try:
            keyslots.keyring_set(self._vault.vault_id, self._vault.key)
        except keyslots.KeyringTrouble as trouble:
            self.keyring_note = errors.KeyringUnavailable(trouble.reason).message
            return False
        return True

    def forget_keyring(self) -> None:
        keyslots.keyring_forget(self._vault.vault_id)

    def derived_key(self, purpose: str) -> bytes:
        """A 32-byte key for a file that belongs with this vault (cell mode's queue and mirror):
        HMAC-SHA-256 of the vault's data key, so unlocking the vault unlocks it, and it is not
        the vault's own key."""
        import hashlib  # noqa: PLC0415
        import hmac  # noqa: PLC0415

        return hmac.new(self._vault.key, f"incident-log/{purpose}".encode(), hashlib.sha256).digest()

    def close(self) -> None:
        with self._lock:
            if self._watch is not None:
                self._watch.close()
                self._watch = None
            self._engine.dispose()

    def __enter__(self) -> Logbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- plumbing ------------------------------------------------------------------------

    def _read(self, work: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return self.store.read(work, *args, **kwargs)

    def _write(self, work: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return self.store.write(work, *args, **kwargs)

    def _incident_row(self, connection: Connection, ref: str) -> repository.IncidentRow:
        # Incident rows never change (triggers refuse it), so a row once read is kept.
        row = self._rows.get(ref)
        if row is None:
            if not isinstance(ref, str) or not _LOOKUP.match(ref):  # e.g. a non-UTF-8 argument: no such ref
                raise errors.UnknownIncident(ref if isinstance(ref, str) else repr(ref))
            row = repository.find_incident(connection, ref)
            if row is None:
                raise errors.UnknownIncident(ref)
            self._rows[ref] = row
            self._ids[row.ref] = row.id
        return row

    def _incident_id(self, ref: str) -> str:
        cached = self._ids.get(ref)
        if cached is not None:
            return cached
        return self._read(self._incident_row, ref).id  # type: ignore[no-any-return]

    # --- incidents ----------------------------------------------------------------------------

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
        """Open an incident: its row, its opening entry (#0) and its record in the vault's ledger."""
        now = self._clock()
        details = self._details(title, type=type, location=location, ref=ref, exercise=exercise,
                                opened_at=opened_at or now, time_zone=time_zone, now=now)

        def work(connection: Connection) -> None:
            self._open_incident(connection, str(uuid.uuid4()), details, event="created", origin=ORIGIN_LIVE,
                                author=author, now=now)

        self._write(work)
        return self.incident(details.ref)

    def _details(
        self, title: Any, *, type: Any, location: Any, ref: Any, exercise: Any, opened_at: Any,
        time_zone: Any, now: datetime,
    ) -> IncidentDetails:
        """Incident details through the domain's checks; the ref is chosen here when not given."""
        if ref is None:
            probe = validate_incident(ref="NEW", title=title, type=type, location=location, opened_at=opened_at,
                                      exercise=exercise, time_zone=time_zone or machine_zone(), now=now)
            ref = self._next_ref(probe.opened_at)
        return validate_incident(ref=ref, title=title, type=type, location=location, opened_at=opened_at,
                                 exercise=exercise, time_zone=time_zone or machine_zone(), now=now)

    def _open_incident(
        self, connection: Connection, incident_id: str, details: IncidentDetails, *, event: str, origin: str,
        author: str, now: datetime,
    ) -> repository.IncidentRow:
        """Inside the caller's write transaction: the row, entry #0 and the ledger record."""
        if repository.find_incident(connection, details.ref) is not None:
            raise errors.DuplicateRef(details.ref)
        row = repository.IncidentRow(incident_id, details.ref, details.title, details.type, details.location,
                                     details.opened_at, details.exercise, details.time_zone)
        repository.insert_incident(connection, row, now)
        raw = repository.driver(connection)
        draft = NewEntry(OPENING, "", opening_fields(details, ledger.head_hash(raw, self.vault_id)),
                         occurred_at=details.opened_at, author=author)
        clean = validate_entry(draft, repository.DatabaseFacts(raw, incident_id), now=now, allow_system=True,
                               late_reason_exempt=True)
        opening = repository.append_opening(raw, incident_id, clean, origin=origin, recorded_at=now)
        ledger.append(raw, self.vault_id, event=event, incident_id=incident_id, ref=details.ref, recorded_at=now,
                      opening=opening.hash)
        return row

    def change_details(self, ref: str, *, reason: str, author: str, **changes: Any) -> Entry:
        """Change the incident's title, type, location, opening time, exercise flag or zone: an entry."""
        draft = drafts.details_change(changes, reason=reason, author=author)
        entry = self._commit_and_notify(ref, draft, allow_system=True)
        return entry

    def _next_ref(self, opened: datetime) -> str:
        prefix = f"NEG-{opened.year}-"
        taken = self._read(repository.refs_like, prefix)
        numbers = [int(r[len(prefix):]) for r in taken if r[len(prefix):].isdigit()]
        return f"{prefix}{(max(numbers, default=0) + 1):04d}"

    def incidents(self) -> list[Incident]:
        def work(connection: Connection) -> list[Incident]:
            return [repository.incident_value(connection, row) for row in repository.list_incident_rows(connection)]

        return self._read(work)  # type: ignore[no-any-return]

    def incident(self, ref: str) -> Incident:
        def work(connection: Connection) -> Incident:
            return repository.incident_value(connection, self._incident_row(connection, ref))

        return self._read(work)  # type: ignore[no-any-return]

    def seal(self, ref: str, *, author: str) -> Entry:
        """Close the incident: a final entry carrying the head hash. Recording stops until reopened."""

        def at_head(top: repository.ChainTop) -> NewEntry:
            # Built inside the write lock, from the head it closes; a sealed incident is refused
            # by the append rules (domain/append.py).
            return drafts.seal(top.head.hash, top.head.count, author=author)

        return self._commit_and_notify(ref, at_head, allow_system=True)

    def reopen(self, ref: str, reason: str, *, author: str) -> Entry:
        # An open incident is refused by the append rules (domain/append.py: check_seal).
        return self._commit_and_notify(ref, drafts.reopening(reason, author=author), allow_system=True)

    # --- writing ------------------------------------------------------------------------------

    def record(self, ref: str, draft: NewEntry) -> Entry:
        """Validate and durably append one entry. Raises with the field to fix; writes nothing then."""

        return self._commit_and_notify(ref, draft)

    def amend(
        self,
        ref: str,
        seq: int,
        text_: str,
        *,
        reason: str,
        author: str,
        corrected: dict[str, Any] | None = None,
    ) -> Entry:
        return self.record(ref, drafts.amendment(seq, text_, reason=reason, author=author, corrected=corrected))

    def flag(self, ref: str, seq: int, *, reason: str, author: str) -> Entry:
        return self.record(ref, drafts.flag(seq, reason=reason, author=author))

    def mark_reviewed(self, ref: str, upto: int, *, author: str) -> Entry:
        def at_head(top: repository.ChainTop) -> NewEntry:
            if not 0 < upto <= top.head.count:
                raise errors.ValidationError("upto", f"must be an entry of this incident (1 to {top.head.count})")
            return drafts.review(upto, author=author)

        return self._commit_and_notify(ref, at_head, allow_system=True)

    def audit(self, ref: str, action: str, *, reason: str, author: str) -> Entry:
        """Record who did something that must be accountable (an unredacted report), even when sealed."""

        return self._commit_and_notify(ref, drafts.audit(action, reason=reason, author=author), allow_system=True)

    def record_redaction_decision(
        self, ref: str, action: str, value: str, *, author: str, person: str | None = None, reason: str = ""
    ) -> Entry:
        """Record a debrief officer's redaction decision (keep / redact / attach), even when sealed."""
        draft = drafts.redaction_decision(action, value, author=author, person=person, reason=reason)
        return self._commit_and_notify(ref, draft, allow_system=True)

    def redaction_decisions(self, ref: str) -> list[Entry]:
        """The ``redaction`` entries of an incident, in seq order (the latest about a value wins)."""
        return self.entries(ref, self.seqs(ref, TimelineFilter(kinds=frozenset({"redaction"}))))

    def _prepare(
        self, row: repository.IncidentRow, draft: NewEntry | Callable[[repository.ChainTop], NewEntry], *,
        allow_system: bool,
    ) -> Prepare:
        """The facade's half of an append, run by the store inside its write lock: the append rules
        (``domain/append.py``, the same the cell applies) on the draft, or on the draft built from
        the chain's top (a seal carries the head it closes)."""

        def prepare(top: repository.ChainTop, facts: IncidentFacts) -> Prepared:
            wanted = draft if isinstance(draft, NewEntry) else draft(top)
            accepted = prepare_append(
                wanted, top, facts, now=self._clock(), ref=row.ref, late_margin=self.late_margin,
                allow_system=allow_system,
            )
            return Prepared(accepted.clean, accepted.recorded_at, accepted.origin, accepted.clock_back)

        return prepare

    def _commit_and_notify(
        self, ref: str, draft: NewEntry | Callable[[repository.ChainTop], NewEntry], *, allow_system: bool = False
    ) -> Entry:
        """One entry, one durable transaction (``VaultStore.append_to``); then the event bus."""
        row = self._rows.get(ref) or self._read(self._incident_row, ref)
        entry = self.store.append_to(row, self._prepare(row, draft, allow_system=allow_system)).entry
        self._ids.setdefault(ref, entry.incident_id)
        self._publish({entry.incident_id: (self._ref_of(entry.incident_id, ref), entry.seq)})
        return entry

    def _ref_of(self, incident_id: str, fallback: str) -> str:
        for ref, known_id in self._ids.items():
            if known_id == incident_id:
                return ref
        return fallback

    # --- reading -------------------------------------------------------------------------------

    def entry(self, ref: str, seq: int) -> Entry:
        if isinstance(seq, bool) or not isinstance(seq, int) or not 0 <= seq <= MAX_SEQ:
            raise errors.UnknownEntry(ref, seq)
        found = self._read(lambda c: repository.entry_at(c, self._incident_row(c, ref).id, seq))
        if found is None:
            raise errors.UnknownEntry(ref, seq)
        return found  # type: ignore[no-any-return]

    def entries(self, ref: str, seqs: Sequence[int]) -> list[Entry]:
        return self.store.entries(self._incident_id(ref), seqs)

    def latest(self, ref: str, limit: int = 200) -> list[Entry]:
        return self.store.latest(self._incident_id(ref), limit)

    def page(self, ref: str, *, after: int = 0, limit: int = 200) -> list[Entry]:
        return self.store.read_range(self._incident_id(ref), after=after, limit=limit)

    def all_entries(self, ref: str) -> Iterator[Entry]:
        incident_id = self._incident_id(ref)
        after = 0
        while True:
            chunk = self.page(ref, after=after, limit=5000) if incident_id else []
            if not chunk:
                return
            yield from chunk
            after = chunk[-1].seq

    def seqs(self, ref: str, flt: TimelineFilter | None = None) -> list[int]:
        return self._read(repository.filtered_seqs, self._incident_id(ref), **_filter_args(flt))  # type: ignore[no-any-return]

    def search(self, ref: str, query: str, flt: TimelineFilter | None = None, limit: int = 500) -> list[Entry]:
        """Entries whose text or fields contain every word of ``query`` (accents and case ignored)."""
        match = fts_query(query)
        if match is None:
            return []
        incident_id = self._incident_id(ref)
        self.index_for_search()

        def work(connection: Connection) -> list[Entry]:
            seqs = repository.filtered_seqs(connection, incident_id, match=match, limit=limit, **_filter_args(flt))
            return repository.entries_at(connection, incident_id, seqs)

        return self._read(work)  # type: ignore[no-any-return]

    def search_seqs(self, ref: str, query: str, flt: TimelineFilter | None = None) -> list[int]:
        """Like ``seqs`` but only entries matching ``query`` (all of them, for the timeline model)."""
        match = fts_query(query)
        if match is None:
            return self.seqs(ref, flt)
        self.index_for_search()
        return self._read(  # type: ignore[no-any-return]
            repository.filtered_seqs, self._incident_id(ref), match=match, **_filter_args(flt)
        )

    def index_for_search(self, *, limit: int | None = None) -> int:
        """Bring the full-text index up to date (``limit``: at most that many entries now).

        Recording does not wait for the index (it is derived data); searches call this first, so
        their results are always complete, and ``poll()`` calls it in small steps in idle time.
        """
        upto, top = self._read(repository.search_backlog)
        if top <= upto:
            return 0
        return self._write(repository.index_backlog, limit=limit)  # type: ignore[no-any-return]

    def head(self, ref: str) -> tuple[int, str]:
        top = self._read(lambda c: repository.head(c, self._incident_row(c, ref).id))
        return top.count, (top.hash if top.count else "")

    def waiting_entries(self, ref: str) -> list[Entry]:
        """Entries recorded here but not yet on the log this book reads: none in a vault (every
        write is committed before it returns); in cell mode, the queue (``facade.Book``)."""
        return []

    def state(self, ref: str, *, as_of: datetime | None = None) -> IncidentState:
        """Every projection of the incident, folded from its entries (loaded once, then only new ones)."""
        from incident_log.domain.projections import fold  # noqa: PLC0415 - keeps start-up light

        incident = self.incident(ref)
        with _collector_paused():
            with self._lock:
                cached = self._cache.setdefault(incident.id, [])
                after = cached[-1].seq if cached else 0
                if after < incident.entry_count:
                    loaded = self._read(repository.load_after, incident.id, after)
                    cached.extend(loaded)
                    if len(loaded) >= BULK_LOAD:
                        # The cache lives as long as the vault is open. Left in the collector's
                        # generations, each full collection rescans it: a 140 ms freeze in the
                        # middle of scrolling a 100,000-entry timeline.
                        gc.freeze()
                entries = list(cached)
            return fold(incident, entries, as_of=as_of or utc_now(), late_margin=self.late_margin)

    # --- integrity -------------------------------------------------------------------------------

    def verify(self, ref: str | None = None, *, head: str | None = None, count: int | None = None) -> VerifyResult:
        """Check the file, every incident's chain and its rules, and the vault's ledger of incidents.

        With ``head`` and ``count`` (printed on a report), also prove that no entry was removed from the
        end since it was printed: a chain alone cannot show that. The rules are domain/chain.py's.
        """
        from incident_log.store.verify import verify as verify_vault  # noqa: PLC0415

        def work(connection: Connection) -> VerifyResult:
            rows = [self._incident_row(connection, ref)] if ref else repository.list_incident_rows(connection)
            return verify_vault(
                connection, vault_id=self.vault_id, rows=rows, whole_vault=ref is None, now=self._clock(),
                head=head, count=count,
            )

        return self._read(work)  # type: ignore[no-any-return]

    def backup(self, dest: Path, *, force: bool = False) -> BackupDone:
        """A consistent, verified copy of this vault and its key file, while it is in use.

        SQLite's online backup copies one snapshot (entries still in the write-ahead log included)
        into a temporary file beside ``dest``, re-encrypted under the same data key; the copy is
        verified with its own connection and only then renamed into place with its key file.
        """
        from incident_log.store.backup import backup_vault  # noqa: PLC0415

        return backup_vault(self._vault, Path(dest), force=force)  # type: ignore[no-any-return]

    # --- drafts and preferences (inside the vault; never in QSettings or files) ------------------------

    def save_draft(self, ref: str, slot: str, content: dict[str, Any]) -> None:
        incident_id = self._incident_id(ref)
        self._write(
            lambda c: c.execute(
                text(
                    "INSERT INTO draft (incident_id, slot, content, saved_at) VALUES (:i, :s, :c, :t) "
                    "ON CONFLICT (incident_id, slot) DO UPDATE SET content = excluded.content, saved_at = excluded.saved_at"
                ),
                {"i": incident_id, "s": slot, "c": json.dumps(content, ensure_ascii=False), "t": iso_utc(utc_now())},
            )
        )

    def load_draft(self, ref: str, slot: str) -> dict[str, Any] | None:
        incident_id = self._incident_id(ref)
        row = self._read(
            lambda c: c.execute(
                text("SELECT content FROM draft WHERE incident_id = :i AND slot = :s"), {"i": incident_id, "s": slot}
            ).first()
        )
        return None if row is None else json.loads(row[0])  # type: ignore[no-any-return]

    def clear_draft(self, ref: str, slot: str) -> None:
        incident_id = self._incident_id(ref)
        self._write(
            lambda c: c.execute(
                text("DELETE FROM draft WHERE incident_id = :i AND slot = :s"), {"i": incident_id, "s": slot}
            )
        )

    def get_pref(self, name: str, default: str | None = None) -> str | None:
        row = self._read(
            lambda c: c.execute(text("SELECT value FROM vault_meta WHERE name = :n"), {"n": "pref." + name}).first()
        )
        return default if row is None else str(row[0])

    def set_pref(self, name: str, value: str) -> None:
        if name == "late_margin_minutes":
            _late_margin(value, strict=True)
        self._write(
            lambda c: c.execute(
                text(
                    "INSERT INTO vault_meta (name, value) VALUES (:n, :v) "
                    "ON CONFLICT (name) DO UPDATE SET value = excluded.value"
                ),
                {"n": "pref." + name, "v": value},
            )
        )
        if name == "late_margin_minutes":
            self.late_margin = _late_margin(value)

    # --- live updates --------------------------------------------------------------------------------

    def subscribe(self, callback: Callable[[EntriesAdded], None]) -> Callable[[], None]:
        """Hear of every entry added to the vault, by this process or another (``poll``)."""
        return self._events.subscribe(callback)

    def _publish(self, heads: dict[str, tuple[str, int]]) -> list[EntriesAdded]:
        return self._events.publish(heads)

    def poll(self) -> list[EntriesAdded]:
        """Find entries other processes committed since the last look; tell the subscribers.

        Costs one ``PRAGMA data_version`` when nothing changed, so a GUI timer can call it often.
        """
        try:
            with self._lock:
                if self._watch is None:
                    self._watch = self._engine.connect()
                version = self._watch.exec_driver_sql("PRAGMA data_version").scalar()
                self._watch.rollback()
                if version == self._data_version:
                    return []
                self._data_version = int(version or 0)
            heads = self._read(repository.max_seqs)
            self.index_for_search(limit=IDLE_INDEX_BATCH)
        except errors.VaultInUse:
            return []
        return self._publish(heads)

    # --- moving incidents ------------------------------------------------------------------------------

    def import_scenario(self, data: dict[str, Any], *, ref: str | None = None) -> Incident:
        """Import an ``incident-log/1`` scenario: all of it in one transaction, or nothing."""
        from incident_log.domain.scenario import parse_scenario  # noqa: PLC0415

        now = self._clock()
        scenario = parse_scenario(data, now=now, default_zone=machine_zone())
        details = self._details(
            scenario.title, type=scenario.type, location=scenario.location, ref=ref or scenario.ref,
            exercise=scenario.exercise, opened_at=scenario.opened_at, time_zone=scenario.time_zone, now=now,
        )
        incident_id = str(uuid.uuid4())

        def work(connection: Connection) -> None:
            author = scenario.entries[0].author if scenario.entries else SYSTEM_AUTHOR
            self._open_incident(connection, incident_id, details, event="imported", origin=ORIGIN_IMPORT,
                                author=author or SYSTEM_AUTHOR, now=now)
            raw = repository.driver(connection)
            facts = repository.DatabaseFacts(raw, incident_id, details.opened_at)
            top = repository.head(connection, incident_id)
            for index, draft in enumerate(scenario.entries):
                try:
                    clean = validate_entry(draft, facts, now=now, late_margin=self.late_margin, late_reason_exempt=True)
                except errors.ValidationError as exc:
                    if index < scenario.people_count:
                        raise errors.ValidationError(f"people[{index}].{exc.field}", exc.reason) from None
                    raise exc.at_index(index - scenario.people_count) from None
                entry = repository.append(raw, incident_id, clean, origin=ORIGIN_IMPORT, recorded_at=now, top=top)
                top = repository.Head(entry.seq, entry.hash, now)
            repository.index_backlog(connection)  # an imported incident is searchable at once

        self._write(work)
        self._ids[details.ref] = incident_id
        incident = self.incident(details.ref)
        self._publish({incident_id: (details.ref, incident.entry_count)})
        return incident

    def export_bundle(self, ref: str, path: Path, passphrase: str, *, force: bool = False) -> None:
        """Write the incident, entry #0 included, to an encrypted bundle at a user-chosen path."""
        from incident_log.domain.chain import details_json  # noqa: PLC0415
        from incident_log.store.bundle import write_bundle  # noqa: PLC0415

        fileio.check_output(Path(path), force=force)

        def work(connection: Connection) -> tuple[repository.IncidentRow, list[Entry]]:
            row = self._incident_row(connection, ref)
            return row, [repository.row_to_entry(r) for r in repository.iter_rows(connection, row.id)]

        row, entries = self._read(work)
        incident = {"id": row.id, **details_json(row.details)}
        write_bundle(Path(path), passphrase, incident, entries, force=force)

    def import_bundle(self, path: Path, passphrase: str) -> Incident:
        """Bring in an incident from another vault; a second import adds nothing.

        Nothing in the bundle is trusted: its details and every entry go through the same domain
        checks as an import, and its chain through the rules verify applies, before anything is
        written (store/bundle.py bounds what reading it can cost).
        """
        from incident_log.domain.received import check_received  # noqa: PLC0415
        from incident_log.store.bundle import read_bundle  # noqa: PLC0415

        now = self._clock()
        bundle = read_bundle(Path(path), passphrase)
        checked = check_received(bundle.incident, bundle.entries, now=now, default_zone=machine_zone())

        def work(connection: Connection) -> str:
            return merge_bundle(connection, checked, vault_id=self.vault_id, now=now)

        ref = self._write(work)
        incident = self.incident(ref)
        self._publish({incident.id: (ref, incident.entry_count)})
        return incident

    def export_rows(self, ref: str) -> Iterator[dict[str, Any]]:
        """Entries as plain dicts for JSON Lines / CSV export (plain text: the caller asked for it)."""
        for entry in self.all_entries(ref):
            yield {
                "seq": entry.seq,
                "occurred_at": entry.occurred_at.astimezone(UTC).isoformat(),
                "recorded_at": entry.recorded_at.astimezone(UTC).isoformat(),
                "kind": entry.kind,
                "author": entry.author,
                "text": entry.text,
                "refs": entry.refs,
                "delay_reason": entry.delay_reason,
                "origin": entry.origin,
                "fields": json.loads(repository.fields_json(entry.canonical()["fields"])),
                "hash": entry.hash,
            }
