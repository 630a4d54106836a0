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
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from incident_log import errors
from incident_log.domain.entry import (
    ORIGIN_IMPORT,
    ORIGIN_LIVE,
    Entry,
    Incident,
    NewEntry,
    chain_hash,
    genesis_hash,
    iso_utc,
    utc_now,
)
from incident_log.domain.kinds import AFTER_SEAL_KINDS, INCIDENT_TYPES
from incident_log.domain.state import IncidentState
from incident_log.domain.validation import DEFAULT_LATE_MARGIN, check_text, validate_entry
from incident_log.store import keyslots, repository
from incident_log.store.engine import raise_storage_error
from incident_log.store.vault import UnlockedVault, create_vault, unlock_vault

log = logging.getLogger(__name__)

VAULT_ENV = "INCIDENT_LOG_VAULT"
PASSPHRASE_ENV = "INCIDENT_LOG_PASSPHRASE"
IDLE_INDEX_BATCH = 200  # entries indexed per poll(): about 20 ms of idle time at most
REF_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$")


@dataclass(frozen=True, slots=True)
class TimelineFilter:
    kinds: frozenset[str] = frozenset()  # empty: every kind
    person: str | None = None  # a person key named in any person field
    since: datetime | None = None  # occurred_at at or after
    until: datetime | None = None
    flagged_only: bool = False


@dataclass(frozen=True, slots=True)
class EntriesAdded:
    incident_ref: str
    seqs: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class VerifyResult:
    ok: bool
    incidents_checked: int
    entries_checked: int
    first_bad: tuple[str, int] | None  # (ref, seq) of the first entry that does not match
    problems: tuple[str, ...] = ()
    head: dict[str, tuple[int, str]] = field(default_factory=dict)  # ref -> (count, head hash)


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

    def __init__(self, unlocked: UnlockedVault) -> None:
        self._vault = unlocked
        self._engine = unlocked.engine
        self.path = unlocked.path
        self.unlocked_with = unlocked.unlocked_with
        self.keyring_note = unlocked.keyring_note
        self._lock = threading.RLock()
        self._subscribers: list[Callable[[EntriesAdded], None]] = []
        self._known_heads: dict[str, tuple[str, int]] = {}
        self._watch: Connection | None = None
        self._data_version: int | None = None
        self._ids: dict[str, str] = {}  # ref -> incident id (refs never change)
        self._rows: dict[str, repository.IncidentRow] = {}  # ref or id -> its immutable row
        self._cache: dict[str, list[Entry]] = {}  # incident id -> entries loaded for state()
        margin = self.get_pref("late_margin_minutes")
        self.late_margin = timedelta(minutes=float(margin)) if margin else DEFAULT_LATE_MARGIN
        self._known_heads = self._read(repository.max_seqs)

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
    def open(cls, path: Path, *, passphrase: str | None = None, use_keyring: bool = True) -> Logbook:
        return cls(unlock_vault(Path(path), passphrase=passphrase, use_keyring=use_keyring))

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
        try:
            with self._engine.connect() as connection:
                result = work(connection, *args, **kwargs)
                connection.rollback()
                return result
        except (DBAPIError, sqlcipher3.Error) as exc:
            raise_storage_error(exc, self.path)

    def _write(self, work: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        try:
            with self._engine.connect() as connection:
                connection.execution_options(begin="IMMEDIATE")
                with connection.begin():
                    return work(connection, *args, **kwargs)
        except (DBAPIError, sqlcipher3.Error) as exc:
            raise_storage_error(exc, self.path)

    def _incident_row(self, connection: Connection, ref: str) -> repository.IncidentRow:
        # Incident rows never change (triggers refuse it), so a row once read is kept.
        row = self._rows.get(ref)
        if row is None:
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
    ) -> Incident:
        row = self._incident_draft(title, type=type, location=location, ref=ref, exercise=exercise, opened_at=opened_at)
        self._write(self._insert_incident, row)
        return self.incident(row.ref)

    def _incident_draft(
        self,
        title: str,
        *,
        type: str,
        location: str,
        ref: str | None,
        exercise: bool,
        opened_at: datetime | None,
        incident_id: str | None = None,
    ) -> repository.IncidentRow:
        title = check_text("title", title, limit=200, required=True).strip()
        location = check_text("location", location, limit=300, required=False).strip()
        kind = (type or "other").strip().lower()
        if kind not in INCIDENT_TYPES:
            raise errors.ValidationError("type", f"'{kind}' is not an incident type; use one of: {', '.join(INCIDENT_TYPES)}")
        now = utc_now()
        opened = opened_at or now
        if opened.tzinfo is None:
            raise errors.ValidationError("opened_at", "needs a time zone")
        if opened > now + timedelta(seconds=5):
            raise errors.ValidationError("opened_at", "is in the future")
        if ref is None:
            ref = self._next_ref(opened)
        ref = ref.strip()
        if not REF_PATTERN.match(ref):
            raise errors.ValidationError("ref", "use letters, digits, '-', '_' or '.' (e.g. NEG-2026-0142), at most 40")
        return repository.IncidentRow(incident_id or str(uuid.uuid4()), ref, title, kind, location, opened, bool(exercise))

    def _insert_incident(self, connection: Connection, row: repository.IncidentRow) -> None:
        if repository.find_incident(connection, row.ref) is not None:
            raise errors.DuplicateRef(row.ref)
        repository.insert_incident(connection, row, utc_now())

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

        def work(raw: Any, row: repository.IncidentRow, chain: repository.ChainTop) -> Entry:
            if chain.sealed:
                raise errors.IncidentSealed(row.ref)
            top = chain.head
            draft = NewEntry("seal", "Incident closed and sealed.", {"head": top.hash, "count": top.count}, author=author)
            return self._append(raw, row, chain, draft, allow_system=True)

        return self._commit_and_notify(ref, work)

    def reopen(self, ref: str, reason: str, *, author: str) -> Entry:
        def work(raw: Any, row: repository.IncidentRow, chain: repository.ChainTop) -> Entry:
            if not chain.sealed:
                raise errors.ValidationError("kind", "the incident is open; only a sealed incident can be reopened")
            draft = NewEntry("reopen", "Incident reopened.", {"reason": reason}, author=author)
            return self._append(raw, row, chain, draft, allow_system=True, skip_seal_check=True)

        return self._commit_and_notify(ref, work)

    # --- writing ------------------------------------------------------------------------------

    def record(self, ref: str, draft: NewEntry) -> Entry:
        """Validate and durably append one entry. Raises with the field to fix; writes nothing then."""

        def work(raw: Any, row: repository.IncidentRow, chain: repository.ChainTop) -> Entry:
            return self._append(raw, row, chain, draft)

        return self._commit_and_notify(ref, work)

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
        fields: dict[str, Any] = {"reason": reason}
        if corrected:
            fields["corrected"] = corrected
        return self.record(ref, NewEntry("amendment", text_, fields, refs=seq, author=author))

    def flag(self, ref: str, seq: int, *, reason: str, author: str) -> Entry:
        return self.record(ref, NewEntry("flag", "", {"reason": reason}, refs=seq, author=author))

    def mark_reviewed(self, ref: str, upto: int, *, author: str) -> Entry:
        def work(raw: Any, row: repository.IncidentRow, chain: repository.ChainTop) -> Entry:
            if not 0 < upto <= chain.head.count:
                raise errors.ValidationError("upto", f"must be an entry of this incident (1 to {chain.head.count})")
            draft = NewEntry("review", "", {"upto": upto}, author=author)
            return self._append(raw, row, chain, draft, allow_system=True)

        return self._commit_and_notify(ref, work)

    def audit(self, ref: str, action: str, *, reason: str, author: str) -> Entry:
        """Record who did something that must be accountable (an unredacted report), even when sealed."""

        def work(raw: Any, row: repository.IncidentRow, chain: repository.ChainTop) -> Entry:
            draft = NewEntry("audit", "", {"action": action, "reason": reason}, author=author)
            return self._append(raw, row, chain, draft, allow_system=True)

        return self._commit_and_notify(ref, work)

    def record_redaction_decision(
        self, ref: str, action: str, value: str, *, author: str, person: str | None = None, reason: str = ""
    ) -> Entry:
        """Record a debrief officer's redaction decision (keep / redact / attach), even when sealed."""
        fields: dict[str, Any] = {"action": action, "value": value}
        if person:
            fields["person"] = person
        if reason:
            fields["reason"] = reason

        def work(raw: Any, row: repository.IncidentRow, chain: repository.ChainTop) -> Entry:
            return self._append(raw, row, chain, NewEntry("redaction", "", fields, author=author), allow_system=True)

        return self._commit_and_notify(ref, work)

    def redaction_decisions(self, ref: str) -> list[Entry]:
        """The ``redaction`` entries of an incident, in seq order (the latest about a value wins)."""
        return self.entries(ref, self.seqs(ref, TimelineFilter(kinds=frozenset({"redaction"}))))

    def _append(
        self,
        raw: Any,
        row: repository.IncidentRow,
        chain: repository.ChainTop,
        draft: NewEntry,
        *,
        allow_system: bool = False,
        skip_seal_check: bool = False,
    ) -> Entry:
        if not skip_seal_check and chain.sealed and draft.kind not in AFTER_SEAL_KINDS:
            raise errors.IncidentSealed(row.ref)
        now = utc_now()
        facts = repository.DatabaseFacts(raw, row.id)
        clean = validate_entry(draft, facts, now=now, late_margin=self.late_margin, allow_system=allow_system)
        if clean.kind == "person" and facts.has_person(clean.fields["key"]):
            raise errors.ValidationError("key", f"a person with key '{clean.fields['key']}' is already registered")
        return repository.append(raw, row.id, clean, origin=ORIGIN_LIVE, recorded_at=now, top=chain.head)

    def _commit_and_notify(
        self, ref: str, work: Callable[[Any, repository.IncidentRow, repository.ChainTop], Entry]
    ) -> Entry:
        """One entry, one durable transaction, on the driver connection.

        The write lock is taken first (BEGIN IMMEDIATE) so the chain head read inside cannot be
        read by another writer at the same time. SQLAlchemy's connection and transaction layers are
        bypassed here: for one small row they cost a tenth of the whole record().
        """
        row = self._rows.get(ref) or self._read(self._incident_row, ref)
        pooled = self._engine.raw_connection()
        raw = pooled.driver_connection
        try:
            raw.execute("BEGIN IMMEDIATE")
            try:
                entry = work(raw, row, repository.chain_top(raw, row.id))
                raw.execute("COMMIT")
            except BaseException:
                if raw.in_transaction:
                    raw.execute("ROLLBACK")
                raise
        except sqlcipher3.Error as exc:
            raise_storage_error(exc, self.path)
        finally:
            pooled.close()
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
        found = self._read(lambda c: repository.entry_at(c, self._incident_row(c, ref).id, seq))
        if found is None:
            raise errors.UnknownEntry(ref, seq)
        return found  # type: ignore[no-any-return]

    def entries(self, ref: str, seqs: Sequence[int]) -> list[Entry]:
        incident_id = self._incident_id(ref)
        return self._read(repository.entries_at, incident_id, seqs)  # type: ignore[no-any-return]

    def latest(self, ref: str, limit: int = 200) -> list[Entry]:
        return self._read(repository.latest, self._incident_id(ref), limit)  # type: ignore[no-any-return]

    def page(self, ref: str, *, after: int = 0, limit: int = 200) -> list[Entry]:
        return self._read(repository.page_after, self._incident_id(ref), after, limit)  # type: ignore[no-any-return]

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
        """Recompute every hash, check seqs have no gaps, and ask SQLCipher to check every page.

        With ``head`` and ``count`` (printed on a report), also prove that no entry was removed from the
        end since it was printed: a chain alone cannot show that.
        """
        return self._read(self._verify, ref, head, count)  # type: ignore[no-any-return]

    def _verify(self, connection: Connection, ref: str | None, head: str | None, count: int | None) -> VerifyResult:
        problems: list[str] = []
        first_bad: tuple[str, int] | None = None
        page_errors = [str(r[0]) for r in connection.exec_driver_sql("PRAGMA cipher_integrity_check")]
        if page_errors:
            problems.append(f"{len(page_errors)} damaged page(s) in the vault file (SQLCipher page check)")
        try:
            quick = [str(r[0]) for r in connection.exec_driver_sql("PRAGMA quick_check")]
        except (DBAPIError, sqlcipher3.Error):
            quick = ["unreadable"]
        if quick != ["ok"]:
            problems.append("the database structure is damaged (SQLite quick check)")
        if problems:
            # Reading entries from a damaged file would only fail further; say what was found.
            return VerifyResult(False, 0, 0, None, tuple(problems), {})
        triggers = {
            r[0] for r in connection.execute(text("SELECT name FROM sqlite_master WHERE type = 'trigger'"))
        }
        missing = {"entry_no_update", "entry_no_delete"} - triggers
        if missing:
            problems.append("the append-only protection of the log has been removed (triggers missing)")
        rows = [self._incident_row(connection, ref)] if ref else repository.list_incident_rows(connection)
        checked = 0
        heads: dict[str, tuple[int, str]] = {}
        for row in rows:
            expected_prev = genesis_hash(row.id)
            expected_seq = 1
            for raw in repository.iter_rows(connection, row.id):
                checked += 1
                seq = raw[1]
                problem = None
                if seq != expected_seq:
                    problem = f"{row.ref} #{expected_seq}: entry missing (the log jumps to #{seq})"
                else:
                    try:
                        entry = repository.row_to_entry(raw)
                        payload = entry.canonical()
                        stored_times_ok = raw[3] == payload["occurred_at"] and raw[4] == payload["recorded_at"]
                    except (ValueError, TypeError):
                        problem = f"{row.ref} #{seq}: the stored entry cannot be read"
                    else:
                        if raw[11] != expected_prev:
                            problem = f"{row.ref} #{seq}: does not follow entry #{seq - 1} (chain broken)"
                        elif chain_hash(expected_prev, payload) != raw[12] or not stored_times_ok:
                            problem = f"{row.ref} #{seq}: content does not match its hash (changed after recording)"
                if problem:
                    problems.append(problem)
                    if first_bad is None:
                        first_bad = (row.ref, min(seq, expected_seq))
                    break
                expected_prev = raw[12]
                expected_seq += 1
            heads[row.ref] = (expected_seq - 1, expected_prev if expected_seq > 1 else "")
        if ref and (head is not None or count is not None):
            have_count, have_head = heads.get(rows[0].ref, (0, ""))
            if count is not None and have_count != count:
                problems.append(
                    f"{rows[0].ref}: the printed copy had {count} entries, the vault has {have_count}"
                    + (" (entries were removed)" if have_count < count else "")
                )
            if head is not None and have_count == (count if count is not None else have_count):
                if have_head.lower() != head.strip().lower():
                    problems.append(f"{rows[0].ref}: the head hash does not match the printed copy")
            elif head is not None and count is not None and have_count > count:
                prefix = self._hash_at(connection, rows[0].id, count)
                if prefix is None or prefix.lower() != head.strip().lower():
                    problems.append(f"{rows[0].ref}: entry #{count} does not match the printed head hash")
                else:
                    problems.pop()  # more entries since printing is fine when the printed head is still in the chain
        return VerifyResult(not problems, len(rows), checked, first_bad, tuple(problems), heads)

    @staticmethod
    def _hash_at(connection: Connection, incident_id: str, seq: int) -> str | None:
        row = connection.execute(
            text("SELECT hash FROM entry WHERE incident_id = :i AND seq = :s"), {"i": incident_id, "s": seq}
        ).first()
        return None if row is None else str(row[0])

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
            self.late_margin = timedelta(minutes=float(value))

    # --- live updates --------------------------------------------------------------------------------

    def subscribe(self, callback: Callable[[EntriesAdded], None]) -> Callable[[], None]:
        with self._lock:
            self._subscribers.append(callback)

        def unsubscribe() -> None:
            with self._lock:
                if callback in self._subscribers:
                    self._subscribers.remove(callback)

        return unsubscribe

    def _publish(self, heads: dict[str, tuple[str, int]]) -> list[EntriesAdded]:
        events: list[EntriesAdded] = []
        with self._lock:
            for incident_id, (ref, top) in heads.items():
                known = self._known_heads.get(incident_id, (ref, 0))[1]
                if top > known:
                    events.append(EntriesAdded(ref, tuple(range(known + 1, top + 1))))
                    self._known_heads[incident_id] = (ref, top)
            subscribers = list(self._subscribers)
        for event in events:
            for callback in subscribers:
                callback(event)
        return events

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

        scenario = parse_scenario(data)
        row = self._incident_draft(
            scenario.title,
            type=scenario.type,
            location=scenario.location,
            ref=ref or scenario.ref,
            exercise=scenario.exercise,
            opened_at=scenario.opened_at,
        )

        def work(connection: Connection) -> None:
            self._insert_incident(connection, row)
            raw = repository.driver(connection)
            facts = repository.DatabaseFacts(raw, row.id)
            top = repository.head(connection, row.id)
            now = utc_now()
            for index, draft in enumerate(scenario.entries):
                try:
                    clean = validate_entry(draft, facts, now=now, late_margin=self.late_margin, late_reason_exempt=True)
                except errors.ValidationError as exc:
                    if index < scenario.people_count:
                        raise errors.ValidationError(f"people[{index}].{exc.field}", exc.reason) from None
                    raise exc.at_index(index - scenario.people_count) from None
                entry = repository.append(raw, row.id, clean, origin=ORIGIN_IMPORT, recorded_at=now, top=top)
                top = repository.Head(entry.seq, entry.hash, now)
            repository.index_backlog(connection)  # an imported incident is searchable at once

        self._write(work)
        self._ids[row.ref] = row.id
        incident = self.incident(row.ref)
        self._publish({row.id: (row.ref, incident.entry_count)})
        return incident

    def export_bundle(self, ref: str, path: Path, passphrase: str) -> None:
        from incident_log.store.bundle import write_bundle  # noqa: PLC0415

        incident = self.incident(ref)
        write_bundle(Path(path), passphrase, incident, list(self.all_entries(ref)))

    def import_bundle(self, path: Path, passphrase: str) -> Incident:
        """Bring in an incident from another vault. Its chain is verified; a second import adds nothing."""
        from incident_log.store.bundle import read_bundle  # noqa: PLC0415

        bundle = read_bundle(Path(path), passphrase)

        def work(connection: Connection) -> str:
            existing = repository.find_incident(connection, bundle.incident.id)
            if existing is None:
                clash = repository.find_incident(connection, bundle.incident.ref)
                if clash is not None:
                    raise errors.BundleError(
                        f"This vault already has a different incident called {bundle.incident.ref}; nothing was imported."
                    )
                repository.insert_incident(
                    connection,
                    repository.IncidentRow(
                        bundle.incident.id,
                        bundle.incident.ref,
                        bundle.incident.title,
                        bundle.incident.type,
                        bundle.incident.location,
                        bundle.incident.opened_at,
                        bundle.incident.exercise,
                    ),
                    utc_now(),
                )
                have = 0
            else:
                have = repository.head(connection, existing.id).count
                if have > len(bundle.entries):
                    raise errors.BundleError(
                        f"This vault already holds a longer log of {existing.ref} than the bundle; nothing was imported."
                    )
                if have:
                    mine = repository.entry_at(connection, existing.id, have)
                    if mine is None or mine.hash != bundle.entries[have - 1].hash:
                        raise errors.BundleError(
                            f"The bundle's log of {existing.ref} differs from this vault's; nothing was imported."
                        )
            for entry in bundle.entries[have:]:
                repository.insert_verbatim(repository.driver(connection), entry)
            repository.index_backlog(connection)
            return bundle.incident.ref

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
