"""The chain rules: what makes an incident's log, and a vault's list of incidents, tamper-evident.

Pure and store-agnostic: the SQLCipher vault (``store/verify.py``) and any other backend that
keeps the same chain (cell mode's server) hand these functions frozen values and get back the
first problem found, in a sentence. Nothing here reads a database.

An incident's chain (DESIGN §4):
- entry #0 is the **opening** entry: the incident's details (ref, title, type, location,
  opened_at, exercise flag, IANA time zone) and the vault ledger's head when it was opened; its
  prev_hash is ``genesis_hash(incident id)``. A later change of the details is a ``details``
  entry. Incidents opened before 0.2 have no entry #0 (their first entry follows the genesis
  hash directly); their details are covered by the vault ledger's ``adopted`` record instead.
- every entry: seq without gaps, prev_hash = the hash of the entry before, hash = SHA-256 over
  prev_hash and the canonical JSON of the entry.
- the rules ``record()`` enforces hold for every entry: a live entry recorded more than
  ``MAX_LATE_MARGIN`` after it happened carries a delay reason; after a seal only annotations
  (``AFTER_SEAL_KINDS``) until a reopen; a seal's recorded head and count are the entry before
  it; a recorded time earlier than the previous entry's carries the clock warning.

The vault's **ledger** is its own hash chain with one record per incident that entered the vault
(created, imported, bundle-imported, or adopted at the upgrade to 0.2), so an incident deleted
whole is reported by the vault-wide verify. The opening entry carries the ledger head before its
own record, so rewriting the ledger to hide a deletion breaks every later incident's chain too.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from incident_log.domain.entry import (
    ORIGIN_BUNDLE,
    ORIGIN_IMPORT,
    ORIGIN_LIVE,
    Entry,
    canonical_json,
    chain_hash,
    genesis_hash,
    iso_utc,
    parse_iso,
)
from incident_log.domain.kinds import AFTER_SEAL_KINDS, INCIDENT_DETAIL_FIELDS, KINDS
from incident_log.domain.late import is_late
from incident_log.domain.validation import (
    CLOCK_SKEW,
    CLOCK_TOLERANCE,
    EARLIEST,
    MAX_LATE_MARGIN,
    IncidentDetails,
)
from incident_log.i18n import msg

OPENING = "opening"
DETAILS = "details"
ORIGINS = (ORIGIN_LIVE, ORIGIN_IMPORT, ORIGIN_BUNDLE)
# Kinds that describe the incident itself: exempt from the late rule (their time is the incident's).
_DETAIL_KINDS = (OPENING, DETAILS)


# --- the incident's details on the chain -------------------------------------------------------


def details_json(details: IncidentDetails) -> dict[str, Any]:
    """The canonical form of an incident's details (the opening entry's fields, the ledger's record)."""
    return {
        "ref": details.ref,
        "title": details.title,
        "type": details.type,
        "location": details.location,
        "opened_at": iso_utc(details.opened_at),
        "exercise": details.exercise,
        "time_zone": details.time_zone,
    }


def opening_fields(details: IncidentDetails, ledger_head: str) -> dict[str, Any]:
    """The fields of an incident's entry #0."""
    return {**details_json(details), "opened_at": details.opened_at.astimezone(UTC).isoformat(), "ledger_head": ledger_head}


def details_from_fields(fields: Mapping[str, Any]) -> IncidentDetails:
    """The details an opening entry (or a ledger record) states. Raises ValueError if malformed."""
    try:
        return IncidentDetails(
            ref=str(fields["ref"]),
            title=str(fields["title"]),
            type=str(fields["type"]),
            location=str(fields.get("location", "")),
            opened_at=parse_iso(str(fields["opened_at"])),
            exercise=bool(fields["exercise"]),
            time_zone=str(fields["time_zone"]),
        )
    except (KeyError, TypeError) as exc:
        raise ValueError("incomplete incident details") from exc


def apply_change(details: IncidentDetails, fields: Mapping[str, Any]) -> IncidentDetails:
    """The details after a ``details`` entry."""
    values = {name: getattr(details, name) for name in ("ref", *INCIDENT_DETAIL_FIELDS)}
    for name in INCIDENT_DETAIL_FIELDS:
        if name in fields:
            values[name] = parse_iso(str(fields[name])) if name == "opened_at" else fields[name]
    return IncidentDetails(**values)


# --- an incident's chain -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ChainReport:
    count: int  # the highest seq seen in order (entries #1..count; #0 is the opening)
    head: str  # the hash of the last good entry (genesis when there is none)
    first_bad: int | None  # the seq of the first entry that breaks a rule
    problem: str | None  # what is wrong with it, one sentence
    opening: Entry | None  # entry #0, when the incident has one
    warnings: tuple[str, ...] = ()  # not damage: things a reader should know (the clock moved back)


class ChainChecker:
    """Checks one incident's entries in seq order as a store streams them; stops at the first problem."""

    def __init__(
        self, incident_id: str, ref: str, details: IncidentDetails, *, now: datetime, future_is_damage: bool = False
    ) -> None:
        # future_is_damage: for entries received from elsewhere. In the vault itself, an entry
        # recorded after "now" means this computer's clock is behind, not that the log was changed.
        self.future_is_damage = future_is_damage
        self.incident_id = incident_id
        self.ref = ref
        self.details = details  # as the store keeps them (the incident's row)
        self.now = now
        self.expected_seq: int | None = None  # 0 or 1, decided by the first entry
        self.prev = genesis_hash(incident_id)
        self.count = 0
        self.opening: Entry | None = None
        self.first_bad: int | None = None
        self.problem: str | None = None
        self.warnings: list[str] = []
        self._sealed = False
        self._last_recorded: datetime | None = None
        self._last_warning_future = False  # the last warning is the "after current time" one

    @property
    def failed(self) -> bool:
        return self.problem is not None

    def fail(self, seq: int, message: str) -> bool:
        """Stop at ``seq`` with ``message`` (also for a store that cannot read the stored entry)."""
        self.first_bad, self.problem = seq, msg("{ref} #{seq}: {problem}", ref=self.ref, seq=seq, problem=message)
        return False

    def add(self, entry: Entry) -> bool:
        """Check the next entry; False (and ``problem`` set) when it breaks a rule."""
        if self.failed:
            return False
        if self.expected_seq is None:
            self.expected_seq = 0 if entry.seq == 0 else 1
        seq = entry.seq
        if seq != self.expected_seq:
            return self.fail(self.expected_seq, msg("entry missing (the log jumps to #{seq})", seq=seq))
        if entry.incident_id != self.incident_id:
            return self.fail(seq, msg("belongs to another incident"))
        if entry.prev_hash != self.prev:
            return self.fail(seq, msg("does not follow entry #{seq} (chain broken)", seq=seq - 1))
        try:
            digest = chain_hash(self.prev, entry.canonical())
        except (ValueError, TypeError):
            return self.fail(seq, msg("the stored entry cannot be read"))
        if digest != entry.hash:
            return self.fail(seq, msg("content does not match its hash (changed after recording)"))
        problem = self._rules(entry)
        if problem:
            return self.fail(seq, problem)
        self.prev = entry.hash
        self.count = seq
        self.expected_seq = seq + 1
        return True

    def _rules(self, entry: Entry) -> str | None:
        """The rules record() enforces, checked again on what is stored."""
        spec = KINDS.get(entry.kind)
        if spec is None:
            return msg("'{kind}' is not an entry kind", kind=entry.kind[:40])
        if entry.origin not in ORIGINS:
            return msg("has an unknown origin")
        if entry.seq == 0:
            if entry.kind != OPENING:
                return msg("entry #0 must be the incident's opening entry")
            try:
                stated = details_from_fields(entry.fields)
            except ValueError:
                return msg("the opening entry's details cannot be read")
            if stated != self.details:
                return msg("the incident's details (title, type, location, opening time, exercise flag or zone) were changed after it was opened")
            self.opening = entry
        elif entry.kind == OPENING:
            return msg("a second opening entry")
        if entry.occurred_at < EARLIEST or entry.recorded_at < EARLIEST:
            return msg("has a time before 1990")
        if entry.recorded_at > self.now + CLOCK_SKEW:
            if self.future_is_damage:
                return msg("was recorded in the future")
            if not self._last_warning_future:  # once per run of such entries, as before (not by its text)
                self._last_warning_future = True
                self.warnings.append(
                    msg("{ref} #{seq}: recorded after this computer's current time (is its clock behind?)",
                        ref=self.ref, seq=entry.seq)
                )
        if entry.occurred_at > entry.recorded_at + CLOCK_SKEW:
            return msg("happened after it was recorded")
        if is_late(entry, MAX_LATE_MARGIN) and not entry.delay_reason:  # the one late rule (domain.late)
            return msg("was recorded late without the reason the program asks for (inserted outside the program)")
        if self._last_recorded is not None:
            # Compared with the entry before, as record() compares: a clock that stays behind
            # after it moved back warns once, on the first entry it recorded.
            behind = self._last_recorded - entry.recorded_at
            if behind > CLOCK_TOLERANCE:
                if entry.clock_back is None:
                    return msg("was recorded before the entry before it, without the clock warning (inserted outside the program)")
                self.warnings.append(
                    msg("{ref} #{seq}: the computer's clock had moved back by {span} when it was recorded",
                        ref=self.ref, seq=entry.seq, span=_span(behind))
                )
                self._last_warning_future = False
        self._last_recorded = entry.recorded_at
        if self._sealed and entry.kind not in AFTER_SEAL_KINDS and entry.kind != "reopen":
            return msg("a {kind} entry after the seal (only flags, reviews and audits are accepted until a reopen)",
                       kind=entry.kind)
        if entry.kind == "seal":
            if self._sealed:
                return msg("a second seal without a reopen")
            if entry.fields.get("head") != entry.prev_hash or entry.fields.get("count") != entry.seq - 1:
                return msg("the seal's recorded head does not match the entries before it (they were changed after the seal)")
            self._sealed = True
        elif entry.kind == "reopen":
            if not self._sealed:
                return msg("a reopen of an incident that was not sealed")
            self._sealed = False
        elif entry.kind == "review":
            upto = entry.fields.get("upto")
            if not isinstance(upto, int) or not 0 < upto < entry.seq:
                return msg("a review of entries that did not exist yet")
        return None

    def finish(self) -> ChainReport:
        return ChainReport(self.count, self.prev, self.first_bad, self.problem, self.opening, tuple(self.warnings))


def check_chain(
    incident_id: str, ref: str, details: IncidentDetails, entries: Iterable[Entry], *, now: datetime,
    future_is_damage: bool = False,
) -> ChainReport:
    checker = ChainChecker(incident_id, ref, details, now=now, future_is_damage=future_is_damage)
    for entry in entries:
        if not checker.add(entry):
            break
    return checker.finish()


def _span(delta: timedelta) -> str:
    seconds = int(delta.total_seconds())
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return msg("{hours} h {minutes} min", hours=hours, minutes=f"{minutes:02d}")
    if minutes:
        return msg("{minutes} min {seconds} s", minutes=minutes, seconds=f"{secs:02d}")
    return msg("{seconds} s", seconds=secs)


def clock_moved_back(previous_recorded_at: datetime | None, now: datetime) -> int | None:
    """Seconds the clock is behind the previous entry's record time, when that is worth a warning."""
    if previous_recorded_at is None:
        return None
    behind = previous_recorded_at - now
    if behind <= CLOCK_TOLERANCE:
        return None
    return max(1, int(behind.total_seconds()))


# --- the vault's ledger of incidents -----------------------------------------------------------

LEDGER_EVENTS = ("created", "imported", "bundle", "adopted")


def ledger_genesis(vault_id: str) -> str:
    return hashlib.sha256(b"incident-log/ledger/" + vault_id.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class LedgerRecord:
    seq: int
    event: str  # one of LEDGER_EVENTS
    incident_id: str
    ref: str
    recorded_at: datetime
    opening: str | None  # hash of the incident's entry #0 (None: an incident from before 0.2)
    details: Mapping[str, Any] | None  # details_json of a pre-0.2 incident (no opening entry)
    head: Mapping[str, Any] | None  # {"count", "hash"}: a pre-0.2 incident's log when it entered
    prev_hash: str
    hash: str

    def payload(self) -> dict[str, Any]:
        return ledger_payload(
            seq=self.seq,
            event=self.event,
            incident_id=self.incident_id,
            ref=self.ref,
            recorded_at=self.recorded_at,
            opening=self.opening,
            details=self.details,
            head=self.head,
        )


def ledger_payload(
    *,
    seq: int,
    event: str,
    incident_id: str,
    ref: str,
    recorded_at: datetime,
    opening: str | None,
    details: Mapping[str, Any] | None,
    head: Mapping[str, Any] | None,
) -> dict[str, Any]:
    return {
        "seq": seq,
        "event": event,
        "incident_id": incident_id,
        "ref": ref,
        "recorded_at": iso_utc(recorded_at),
        "opening": opening,
        "details": None if details is None else dict(details),
        "head": None if head is None else dict(head),
    }


def new_ledger_record(
    prev: LedgerRecord | None,
    vault_id: str,
    *,
    event: str,
    incident_id: str,
    ref: str,
    recorded_at: datetime,
    opening: str | None = None,
    details: Mapping[str, Any] | None = None,
    head: Mapping[str, Any] | None = None,
) -> LedgerRecord:
    if event not in LEDGER_EVENTS:
        raise ValueError(f"unknown ledger event {event!r}")
    seq = 1 if prev is None else prev.seq + 1
    prev_hash = ledger_genesis(vault_id) if prev is None else prev.hash
    payload = ledger_payload(
        seq=seq, event=event, incident_id=incident_id, ref=ref, recorded_at=recorded_at,
        opening=opening, details=details, head=head,
    )
    digest = hashlib.sha256(prev_hash.encode("ascii") + canonical_json(payload)).hexdigest()
    return LedgerRecord(seq, event, incident_id, ref, recorded_at, opening, details, head, prev_hash, digest)


@dataclass(frozen=True, slots=True)
class IncidentSummary:
    """What the ledger check needs to know about one incident the store holds."""

    id: str
    ref: str
    details: IncidentDetails  # as the store keeps them
    opening: Entry | None  # entry #0 (None: an incident from before 0.2)
    hash_at: Callable[[int], str | None]  # the stored hash of entry #seq


def check_ledger(
    vault_id: str,
    records: Sequence[LedgerRecord],
    incidents: Sequence[IncidentSummary],
    *,
    whole_vault: bool = True,
) -> list[str]:
    """Problems with the vault's ledger against the incidents the vault holds, one sentence each.

    ``whole_vault=False``: ``incidents`` are the ones being verified; records of others are only
    checked as links of the ledger's chain.
    """
    problems: list[str] = []
    prev = ledger_genesis(vault_id)
    for number, record in enumerate(records, start=1):
        digest = hashlib.sha256(record.prev_hash.encode("ascii") + canonical_json(record.payload())).hexdigest()
        if record.seq != number or record.prev_hash != prev or digest != record.hash:
            problems.append(
                msg("the vault's ledger of incidents is broken at record {number} (changed after it was written)",
                    number=number)
            )
            return problems
        prev = record.hash
    by_id = {incident.id: incident for incident in incidents}
    first: dict[str, LedgerRecord] = {}
    previous_head = {record.seq: record.prev_hash for record in records}
    for record in records:
        if record.incident_id in first:
            problems.append(msg("{ref}: entered the vault's ledger twice", ref=record.ref))
            continue
        first[record.incident_id] = record
        incident = by_id.get(record.incident_id)
        if incident is None and not whole_vault:
            continue
        if incident is None:
            problems.append(
                msg(
                    "{ref}: in the vault's ledger ({event} {at}) but missing from the vault (the incident was deleted)",
                    ref=record.ref, event=record.event, at=iso_utc(record.recorded_at)[:16],
                )
            )
            continue
        if incident.ref != record.ref:
            problems.append(
                msg("{ref}: its reference was {old} when it entered the vault", ref=incident.ref, old=record.ref)
            )
        if record.opening is not None:
            if incident.opening is None or incident.opening.hash != record.opening:
                problems.append(msg("{ref}: its opening entry is not the one the vault's ledger recorded", ref=incident.ref))
            elif record.event in ("created", "imported") and (
                incident.opening.fields.get("ledger_head") != previous_head[record.seq]
            ):
                problems.append(msg("{ref}: the vault's ledger before this incident was rewritten", ref=incident.ref))
        else:
            if incident.opening is not None:
                problems.append(msg("{ref}: has an opening entry the vault's ledger does not know", ref=incident.ref))
            if record.details is None or dict(record.details) != details_json(incident.details):
                problems.append(
                    msg(
                        "{ref}: the incident's details (title, type, location, opening time, exercise flag or zone) "
                        "were changed after they entered the vault's ledger",
                        ref=incident.ref,
                    )
                )
            head = record.head or {}
            count = head.get("count")
            if isinstance(count, int) and count > 0 and incident.hash_at(count) != head.get("hash"):
                problems.append(
                    msg("{ref}: entries #1-#{count} changed after they entered the vault's ledger", ref=incident.ref,
                        count=count)
                )
    for incident in incidents:
        if incident.id not in first:
            problems.append(
                msg("{ref}: not in the vault's ledger of incidents (added outside the program)", ref=incident.ref)
            )
    return problems
