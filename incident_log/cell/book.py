"""The logbook's operations on a shared incident: what the command line calls in cell mode.

``CellBook`` offers the part of ``Logbook``'s surface that the commands and the report use
(incidents, record, amend, seal, reopen, details, entries, state, head, verify, export, import),
over a ``Workstation``: writes go to the server, or to the queue when it cannot be reached;
reads come from this workstation's mirror, brought up to date when the book opens (``sync``).
It does not import the facade (the import-linter contract): the vault's preferences reach it
as a function. Phase two's facade split (issue 11 item 4) makes this one store behind ``Logbook``.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from incident_log import errors as core_errors
from incident_log.cell import errors
from incident_log.cell.workstation import (
    SYSTEM_AUTHOR,
    Acknowledgement,
    CellStatus,
    SyncReport,
    Workstation,
    opening_prepare,
)
from incident_log.domain import drafts
from incident_log.domain.chain import DETAILS, OPENING, apply_change, check_chain
from incident_log.domain.entry import (
    ORIGIN_IMPORT,
    Entry,
    Incident,
    NewEntry,
    chain_hash,
    entry_payload,
    thaw,
    utc_now,
)
from incident_log.domain.kinds import MAX_SEQ
from incident_log.domain.state import IncidentState
from incident_log.domain.validation import (
    DEFAULT_LATE_MARGIN,
    CleanEntry,
    IncidentDetails,
    IncidentFacts,
    validate_entry,
    validate_incident,
)
from incident_log.domain.zones import machine_zone
from incident_log.i18n import msg
from incident_log.store.repository import fields_json
from incident_log.store.verify import VerifyResult
from incident_log.store_interface import ChainTop, IncidentRow, Prepare, Prepared

log = logging.getLogger(__name__)

Prefs = Callable[[str, str | None], str | None]


def _no_prefs(_name: str, default: str | None = None) -> str | None:
    return default


@dataclass(frozen=True, slots=True)
class BundleWritten:
    """What a bundle exported in cell mode holds: this workstation's copy of the shared log."""

    count: int  # entries #1..count (the opening #0 is in it too)
    head: str
    online: bool  # synced with the server just before (False: the mirror as it was)
    waiting: int  # this incident's entries in the queue, not in the bundle


@dataclass(frozen=True, slots=True)
class BundleTaken:
    """What importing a bundle did to the shared log."""

    incident: Incident
    created: bool  # a new shared incident (False: merged into the one the server had)
    added: int  # entries appended to the shared log (0: it held all of them already)


def next_free_ref(taken: list[str], opened: datetime, *, provisional: bool) -> str:
    """NEG-YYYY-NNNN after the highest taken; ``provisional`` adds a suffix of this workstation's own."""
    prefix = f"NEG-{opened.year}-"
    numbers = [int(r[len(prefix):len(prefix) + 4]) for r in taken
               if r.startswith(prefix) and r[len(prefix):len(prefix) + 4].isdigit()]
    ref = f"{prefix}{(max(numbers, default=0) + 1):04d}"
    return f"{ref}-{uuid.uuid4().hex[:4].upper()}" if provisional else ref


class CellBook:
    """One workstation's view of the cell. ``close()`` closes the workstation and calls ``on_close``."""

    kind = "cell"

    def __init__(
        self,
        station: Workstation,
        *,
        prefs: Prefs = _no_prefs,
        on_close: Callable[[], None] | None = None,
        late_margin: timedelta = DEFAULT_LATE_MARGIN,
        next_ref: Callable[[datetime], str] | None = None,
    ) -> None:
        """``next_ref``: how a new incident's ref is chosen when none is given (default: this
        workstation's ``_next_ref``; the desktop asks the server without waiting on it)."""
        self.station = station
        self._choose_ref = next_ref
        self._prefs = prefs
        self._on_close = on_close
        self.late_margin = late_margin
        station.late_margin = late_margin

    def __enter__(self) -> CellBook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        try:
            self.station.close()
        finally:
            if self._on_close is not None:
                self._on_close()

    def get_pref(self, name: str, default: str | None = None) -> str | None:
        return self._prefs(name, default)

    # --- the connection -------------------------------------------------------------------

    @property
    def online(self) -> bool:
        return self.station.online

    def waiting(self) -> int:
        """Entries in this workstation's queue, all incidents."""
        return self.station.queue.count()

    def sync(self) -> SyncReport:
        return self.station.sync()

    def status(self) -> CellStatus:
        return self.station.status()

    # --- incidents -----------------------------------------------------------------------

    def _row(self, ref: str) -> IncidentRow:
        """The incident by ref or id: from the mirror, else fetched (and followed) from the server."""
        if not isinstance(ref, str) or not ref or len(ref) > 64:
            raise core_errors.UnknownIncident(ref if isinstance(ref, str) else repr(ref))
        found = self.station.mirror.find_incident(ref)
        if found is not None:
            return found
        if not self.station.online:
            raise errors.NotFollowed(ref)
        row = self.station.store.find_incident(ref)
        if row is None:
            raise core_errors.UnknownIncident(ref)
        self.station.follow(row.id)
        return row

    def _describe(self, row: IncidentRow) -> Incident:
        """The incident now. Online: the server's view; offline: what the mirror holds."""
        if self.station.online:
            try:
                return self.station.store.describe(row)
            except errors.CellUnreachable:
                log.debug("describing from the mirror: the server went away")
        entries = self.station.mirror.entries(row.id, after=-1)
        details = row.details
        sealed_at: datetime | None = None
        for entry in entries:
            if entry.kind == DETAILS:
                details = apply_change(details, entry.fields)
            elif entry.kind == "seal":
                sealed_at = entry.occurred_at
            elif entry.kind == "reopen":
                sealed_at = None
        last = entries[-1] if entries and entries[-1].seq > 0 else None
        count = last.seq if last else 0
        return Incident(
            id=row.id, ref=row.ref, title=details.title, type=details.type, location=details.location,
            opened_at=details.opened_at, exercise=details.exercise, status="sealed" if sealed_at else "open",
            closed_at=sealed_at, entry_count=count, head_hash=last.hash if last else "",
            last_recorded_at=last.recorded_at if last else None, time_zone=details.time_zone,
        )

    def incidents(self) -> list[Incident]:
        if self.station.online:
            try:
                return [self.station.store.describe(row) for row in self.station.store.incidents()]
            except errors.CellUnreachable:
                log.debug("listing from the mirror: the server went away")
        rows = [self.station.mirror.find_incident(i) for i in self.station.mirror.incident_ids()]
        described = [self._describe(row) for row in rows if row is not None]
        return sorted(described, key=lambda i: (i.opened_at, i.ref), reverse=True)

    def incident(self, ref: str) -> Incident:
        return self._describe(self._row(ref))

    def _details(self, title: Any, *, type: Any, location: Any, ref: Any, exercise: Any, opened_at: Any,
                 time_zone: Any, now: datetime) -> IncidentDetails:
        zone = time_zone or machine_zone()
        if ref is None:
            probe = validate_incident(ref="NEW", title=title, type=type, location=location, opened_at=opened_at,
                                      exercise=exercise, time_zone=zone, now=now)
            ref = self._next_ref(probe.opened_at)
        return validate_incident(ref=ref, title=title, type=type, location=location, opened_at=opened_at,
                                 exercise=exercise, time_zone=zone, now=now)

    def _next_ref(self, opened: datetime) -> str:
        """The next free NEG-YYYY-NNNN. Offline, from what this workstation knows, with a suffix of
        its own (NEG-2026-0004-7F3A): another workstation may take the same number meanwhile, and a
        ref taken on the server would hold the new incident in the queue."""
        if self._choose_ref is not None:
            return self._choose_ref(opened)
        mirror = self.station.mirror
        if self.station.online:
            taken = [row.ref for row in self.station.store.incidents()]
        else:
            taken = [row.ref for row in map(mirror.find_incident, mirror.incident_ids()) if row is not None]
        return next_free_ref(taken, opened, provisional=not self.station.online)

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
        """A new shared incident; offline, kept here and created on the server by the next sync."""
        now = utc_now()
        details = self._details(title, type=type, location=location, ref=ref, exercise=exercise,
                                opened_at=opened_at or now, time_zone=time_zone, now=now)
        row = IncidentRow(str(uuid.uuid4()), details.ref, details.title, details.type, details.location,
                          details.opened_at, details.exercise, details.time_zone)
        if self.station.mirror.find_incident(row.ref) is not None:
            raise core_errors.DuplicateRef(row.ref)
        self.station.create_incident(row, author=author)
        return self.incident(row.id)

    def import_scenario(self, data: dict[str, Any], *, ref: str | None = None) -> Incident:
        """An ``incident-log/1`` scenario as a new shared incident (online: opening, then one batch)."""
        from incident_log.domain.scenario import parse_scenario  # noqa: PLC0415

        if not self.station.online:
            raise errors.CellUnreachable("an import needs the server; try again when it is back")
        now = utc_now()
        scenario = parse_scenario(data, now=now, default_zone=machine_zone())
        details = self._details(scenario.title, type=scenario.type, location=scenario.location,
                                ref=ref or scenario.ref, exercise=scenario.exercise, opened_at=scenario.opened_at,
                                time_zone=scenario.time_zone, now=now)
        row = IncidentRow(str(uuid.uuid4()), details.ref, details.title, details.type, details.location,
                          details.opened_at, details.exercise, details.time_zone)
        author = (scenario.entries[0].author if scenario.entries else "") or SYSTEM_AUTHOR
        store = self.station.store
        store.create_incident(row, created_at=now, opening=opening_prepare(row, now=now, author=author))
        self.station.mirror.keep_incident(row)

        def importing(index: int, draft: NewEntry) -> Prepare:
            def prepare(top: ChainTop, facts: IncidentFacts) -> Prepared:
                try:
                    clean = validate_entry(draft, facts, now=now, late_margin=self.late_margin, late_reason_exempt=True)
                except core_errors.ValidationError as exc:
                    if index < scenario.people_count:
                        raise core_errors.ValidationError(f"people[{index}].{exc.field}", exc.reason) from None
                    raise exc.at_index(index - scenario.people_count) from None
                return Prepared(clean, now, ORIGIN_IMPORT)

            return prepare

        items = [(str(uuid.uuid4()), importing(index, draft)) for index, draft in enumerate(scenario.entries)]
        if items:
            store.append_batch(row.id, items)
        self.station.fetch(row.id)
        return self.incident(row.id)

    # --- bundles -----------------------------------------------------------------------------

    def export_bundle(self, ref: str, path: Path, passphrase: str, *, force: bool = False,
                      protected: tuple[Path, ...] = ()) -> BundleWritten:
        """The shared incident as this workstation's mirror holds it, in the vault's bundle format.

        The book synced when it opened (online), so the mirror is the server's log as witnessed
        here; offline it is what the mirror held. Entries waiting in the queue are not in it: they
        have no place on the shared chain yet (``BundleWritten.waiting`` says how many).
        """
        from incident_log.domain.chain import details_json  # noqa: PLC0415
        from incident_log.store.bundle import write_bundle  # noqa: PLC0415

        row = self._row(ref)
        entries = self.station.mirror.entries(row.id, after=-1)
        if not entries or entries[0].seq != 0 or entries[0].kind != OPENING:
            raise core_errors.BundleError(
                msg("{ref} has not reached the cell server yet (it was opened offline); there is nothing of the "
                    "shared log to put in a bundle. Run 'cell sync' when the server is back, then export it.",
                    ref=row.ref)
            )
        write_bundle(Path(path), passphrase, {"id": row.id, **details_json(row.details)}, entries,
                     force=force, protected=protected)
        last = entries[-1]
        return BundleWritten(last.seq, last.hash if last.seq > 0 else "", self.station.online,
                             self.station.queue.count(row.id))

    def import_bundle(self, path: Path, passphrase: str) -> BundleTaken:
        """A bundle's incident onto the shared log: created when the server does not have it, else
        merged (only the entries past the server's head, once the bundle is proved to extend it).

        Every entry keeps all it was hashed with (seq, times, author, origin, ``clock_back``) and
        the incident keeps its id, so the chain the server holds is the bundle's chain hash for
        hash: checked inside the head lock before each insert, and refused whole otherwise.
        The signature beside each entry is the importing workstation's (it says who put the entry
        on the shared log, not who wrote it: ``author`` says that).
        """
        from incident_log.domain.received import check_received  # noqa: PLC0415
        from incident_log.store.bundle import read_bundle  # noqa: PLC0415

        if not self.station.online:
            raise errors.CellUnreachable(msg("importing a bundle needs the cell server; run it again when it is back"))
        now = utc_now()
        bundle = read_bundle(Path(path), passphrase)
        checked = check_received(bundle.incident, bundle.entries, now=now, default_zone=machine_zone())
        details = checked.details
        if checked.opening is None:
            raise core_errors.BundleError(
                msg("The bundle's incident {ref} was begun before version 0.2 and has no opening entry #0, which a "
                    "shared incident starts with; nothing was imported. Import it into a vault (without --cell).",
                    ref=details.ref)
            )
        store = self.station.store
        row = IncidentRow(checked.incident_id, details.ref, details.title, details.type, details.location,
                          details.opened_at, details.exercise, details.time_zone)
        present = store.find_incident(row.id)
        created = present is None
        if present is None:
            other = store.find_incident(row.ref)
            if other is not None:
                raise core_errors.BundleError(
                    msg("The cell already has a different incident called {ref}; nothing was imported. The bundle's "
                        "reference is covered by its hash chain and cannot be changed: import it into a vault "
                        "(without --cell) to read it there.", ref=row.ref)
                )
            try:
                store.create_incident(row, created_at=now, opening=_verbatim(checked.opening, row.ref))
            except core_errors.DuplicateRef:
                raise core_errors.BundleError(
                    msg("The cell already has a different incident called {ref}; nothing was imported. The bundle's "
                        "reference is covered by its hash chain and cannot be changed: import it into a vault "
                        "(without --cell) to read it there.", ref=row.ref)
                ) from None
            have = 0
        else:
            have = self._merge_point(present, details, checked.entries)
        items = [(str(uuid.uuid4()), _verbatim(entry, row.ref)) for entry in checked.entries if entry.seq > have]
        if items:
            store.append_batch(row.id, items)
        self.station.follow(row.id)
        return BundleTaken(self.incident(row.id), created, len(items))

    def _merge_point(self, present: IncidentRow, details: IncidentDetails, entries: Sequence[Entry]) -> int:
        """The server's head seq, once the bundle is shown to hold the shared log up to it; the
        import then appends what the bundle has past it (which may be nothing)."""
        store = self.station.store
        if present.details != details:
            raise core_errors.BundleError(
                msg("The bundle's details of {ref} differ from the cell's; nothing was imported.", ref=present.ref)
            )
        server = store.chain_top(present.id).head
        by_seq = {entry.seq: entry for entry in entries}
        last = entries[-1].seq if entries else -1
        if server.count >= last:  # the bundle is older than (or as long as) the shared log
            mine = store.read_signed(present.id, after=last - 1, limit=1)
            if mine and mine[0].entry.seq == last and mine[0].entry.hash == by_seq[last].hash:
                return server.count  # all of it is on the shared log already
        elif server.count in by_seq and by_seq[server.count].hash == server.hash:
            return server.count
        raise core_errors.BundleError(
            msg("The bundle's log of {ref} differs from the cell's shared log (each holds entries the other does "
                "not); nothing was imported. Import the bundle into a vault (without --cell) to keep it beside "
                "the shared log, and tell the sender.", ref=present.ref)
        )

    # --- writing ---------------------------------------------------------------------------

    def record(self, ref: str, draft: NewEntry) -> Acknowledgement:
        return self.station.record(self._row(ref).id, draft)

    def _system(self, ref: str, draft: NewEntry | Callable[[ChainTop], NewEntry]) -> Acknowledgement:
        return self.station.record(self._row(ref).id, draft, allow_system=True)

    def amend(self, ref: str, seq: int, text_: str, *, reason: str, author: str,
              corrected: dict[str, Any] | None = None) -> Acknowledgement:
        return self.record(ref, drafts.amendment(seq, text_, reason=reason, author=author, corrected=corrected))

    def change_details(self, ref: str, *, reason: str, author: str, **changes: Any) -> Acknowledgement:
        return self._system(ref, drafts.details_change(changes, reason=reason, author=author))

    def seal(self, ref: str, *, author: str) -> Acknowledgement:
        """The seal carries the shared head it closes: built inside the server's head lock."""

        def draft(top: ChainTop) -> NewEntry:
            return drafts.seal(top.head.hash, top.head.count, author=author)

        return self._system(ref, draft)

    def reopen(self, ref: str, reason: str, *, author: str) -> Acknowledgement:
        return self._system(ref, drafts.reopening(reason, author=author))

    def audit(self, ref: str, action: str, *, reason: str, author: str) -> Acknowledgement:
        return self._system(ref, drafts.audit(action, reason=reason, author=author))

    def record_redaction_decision(self, ref: str, action: str, value: str, *, author: str, person: str | None = None,
                                  reason: str = "") -> Acknowledgement:
        return self._system(ref, drafts.redaction_decision(action, value, author=author, person=person, reason=reason))

    # --- reading (the mirror) ------------------------------------------------------------------

    def entry(self, ref: str, seq: int) -> Entry:
        if isinstance(seq, bool) or not isinstance(seq, int) or not 0 <= seq <= MAX_SEQ:
            raise core_errors.UnknownEntry(ref, seq)
        row = self._row(ref)
        found = self.station.mirror.entries(row.id, after=seq - 1)
        if not found or found[0].seq != seq:
            raise core_errors.UnknownEntry(ref, seq)
        return found[0]

    def all_entries(self, ref: str) -> Iterator[Entry]:
        """Entries #1 on, as this workstation holds them (the opening #0 is the incident's details)."""
        yield from self.station.mirror.entries(self._row(ref).id)

    def waiting_entries(self, ref: str) -> list[Entry]:
        """This incident's entries in this workstation's queue, as entries with their provisional
        numbers and no hash: not on the shared log yet, so not printed; the report's redaction
        still learns from them (a person registered, or a redaction decided, while offline)."""
        row = self._row(ref)
        out: list[Entry] = []
        for queued in self.station.queue.pending(row.id):
            clean = queued.clean
            if clean.kind == OPENING:
                continue
            out.append(Entry(
                incident_id=row.id, seq=queued.provisional_seq, kind=clean.kind, occurred_at=clean.occurred_at,
                recorded_at=queued.recorded_at, author=clean.author, text=clean.text, fields=clean.fields,
                refs=clean.refs, delay_reason=clean.delay_reason, origin=queued.origin, prev_hash="", hash="",
            ))
        return out

    def head(self, ref: str) -> tuple[int, str]:
        top = self.station.mirror.head(self._row(ref).id)
        return (top.count, top.hash) if top.count > 0 else (0, "")

    def state(self, ref: str, *, as_of: datetime | None = None) -> IncidentState:
        from incident_log.domain.projections import fold  # noqa: PLC0415

        incident = self.incident(ref)
        entries = list(self.all_entries(ref))
        return fold(incident, entries, as_of=as_of or utc_now(), late_margin=self.late_margin)

    def export_rows(self, ref: str) -> Iterator[dict[str, Any]]:
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
                "fields": json.loads(fields_json(entry.canonical()["fields"])),
                "hash": entry.hash,
            }

    # --- integrity -------------------------------------------------------------------------------

    def verify(self, ref: str | None = None, *, head: str | None = None, count: int | None = None) -> VerifyResult:
        """The server's chain against this workstation's copy (the witness), its rules and signatures.

        The point is to check what the cell holds now. Offline, what can be checked without the
        server is: this workstation's copy against the chain's rules (``check_chain``, as the
        vault's verify); the result then says, in ``unchecked``, that the shared log was not
        (the ``verify`` command fails on that; the report prints it). With ``head``/``count``
        (printed on a report), also that the printed head is still on the shared chain.
        """
        rows = [self._row(ref)] if ref else [r for r in map(self.station.mirror.find_incident,
                                                             self.station.mirror.incident_ids()) if r is not None]
        if not self.station.online:
            return self._verify_copy(rows, head if ref else None, count if ref else None)
        problems: list[str] = []
        warnings: list[str] = []
        first_bad: tuple[str, int] | None = None
        entries_checked = 0
        heads: dict[str, tuple[int, str]] = {}
        for row in rows:
            report = self.station.check(row.id)
            heads[row.ref] = (report.witness.server_count, self.head(row.ref)[1])
            entries_checked += max(report.witness.server_count, 0)
            if report.rules is not None:
                warnings.extend(f"{row.ref}: {w}" for w in report.rules.warnings)
            bad = _first_bad(report)
            if bad is not None and first_bad is None:
                first_bad = (row.ref, bad)
            problems.extend(f"{row.ref}: {p}" for p in report.problems)
        if ref and (head is not None or count is not None):
            problems.extend(self._printed_head(rows[0], head, count))
        return VerifyResult(
            ok=not problems, incidents_checked=len(rows), entries_checked=entries_checked, first_bad=first_bad,
            problems=tuple(problems), head=heads, warnings=tuple(warnings),
            waiting=sum(self.station.queue.count(row.id) for row in rows),
        )

    def _verify_copy(self, rows: Sequence[IncidentRow], printed_head: str | None = None,
                     printed_count: int | None = None) -> VerifyResult:
        """Offline: this workstation's copy of each incident through the chain's rules, and a head
        printed on a report against the copy when the copy reaches that far (else: not checked)."""
        problems: list[str] = []
        warnings: list[str] = []
        first_bad: tuple[str, int] | None = None
        heads: dict[str, tuple[int, str]] = {}
        checked = 0
        for row in rows:
            entries = self.station.mirror.entries(row.id, after=-1)
            if not entries:  # opened offline: nothing of it is on the shared log yet
                heads[row.ref] = (0, "")
                continue
            report = check_chain(row.id, row.ref, row.details, entries, now=utc_now(), future_is_damage=True)
            if report.problem:
                problems.append(f"{row.ref}: {report.problem}")
                if first_bad is None and report.first_bad is not None:
                    first_bad = (row.ref, report.first_bad)
            warnings.extend(f"{row.ref}: {w}" for w in report.warnings)
            heads[row.ref] = (report.count, report.head if report.count else "")
            checked += max(report.count, 0)
            # Only where the copy reaches: a report printed from the server may be ahead of it.
            if printed_head is not None and printed_count is not None and printed_count <= report.count:
                held = {entry.seq: entry.hash for entry in entries}
                if held.get(printed_count, "").lower() != printed_head.strip().lower():
                    problems.append(msg("{ref}: the head printed on the report is not on this workstation's copy",
                                        ref=row.ref))
        unchecked = msg(
            "the cell server could not be reached: only this workstation's copy was checked, not the shared log "
            "or its head; run verify again when the server is back"
        )
        return VerifyResult(
            ok=not problems, incidents_checked=len(rows), entries_checked=checked, first_bad=first_bad,
            problems=tuple(problems), head=heads, warnings=tuple(warnings), unchecked=(unchecked,),
            waiting=sum(self.station.queue.count(row.id) for row in rows),
        )

    def _printed_head(self, row: IncidentRow, head: str | None, count: int | None) -> list[str]:
        entries = self.station.store.read_range(row.id)
        if count is not None and count > len(entries):
            return [f"the report printed {count} entries; the shared log now has {len(entries)} (entries were removed)"]
        if head is not None:
            at = count if count is not None else None
            matching = [e for e in entries if e.hash == head and (at is None or e.seq == at)]
            if not matching:
                return ["the head printed on the report is not on the shared log"]
        return []


def _first_bad(report: Any) -> int | None:
    candidates = [
        report.witness.first_difference,
        report.rules.first_bad if report.rules is not None else None,
        report.signatures.bad[0] if report.signatures.bad else None,
    ]
    found = [c for c in candidates if c is not None]
    return min(found) if found else None



def _verbatim(entry: Entry, ref: str) -> Prepare:
    """An entry from a bundle, appended as it is: inside the head lock, only where it was (same
    seq after the same hash), and only if the hash the store will compute is the bundle's."""

    def prepare(top: ChainTop, facts: IncidentFacts) -> Prepared:
        moved = core_errors.BundleError(
            msg("The shared log of {ref} moved on while the bundle was being imported (another workstation "
                "recorded meanwhile); nothing was imported. Run the import again.", ref=ref)
        )
        if top.head.count != entry.seq - 1 or top.head.hash != entry.prev_hash:
            raise moved
        clean = CleanEntry(kind=entry.kind, text=entry.text, fields=thaw(entry.fields), occurred_at=entry.occurred_at,
                           refs=entry.refs, author=entry.author, delay_reason=entry.delay_reason)
        payload = entry_payload(
            incident_id=entry.incident_id, seq=entry.seq, kind=clean.kind, occurred_at=clean.occurred_at,
            recorded_at=entry.recorded_at, author=clean.author, text=clean.text, fields=clean.fields, refs=clean.refs,
            delay_reason=clean.delay_reason, origin=entry.origin, clock_back=entry.clock_back,
        )
        if chain_hash(top.head.hash, payload) != entry.hash:
            raise core_errors.BundleError(
                msg("The bundle's entry #{seq} of {ref} would not keep its hash on the shared log; nothing was "
                    "imported.", seq=entry.seq, ref=ref)
            )
        return Prepared(clean, entry.recorded_at, entry.origin, entry.clock_back)

    return prepare
