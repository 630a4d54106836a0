"""One set of append rules: the vault and the cell accept and refuse the same drafts alike.

``domain/append.py`` holds the rules; ``Logbook._append`` (the vault) and ``Workstation._apply_rules``
(the cell, online inside the server's lock and offline against its mirror and queue) both call
it. The property test proves they cannot drift: the same generated sequence of drafts (seals and
reopens by the program and by hand, duplicate person keys, amendments and updates of seqs that
exist or not, late entries with and without a reason, entries from before the incident opened or
from the future, text no store can keep) goes to a real SQLCipher vault and to a real workstation
that never reached its server, so its entries are validated against its encrypted mirror and
queue. Both must accept the same drafts, as the same stored values under the same number, and
refuse the others with the same error class, field and sentence.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from incident_log import errors
from incident_log.cell.connect import Secrets
from incident_log.cell.localdb import open_local
from incident_log.cell.store import check_storable
from incident_log.cell.workstation import Acknowledgement, Workstation
from incident_log.domain.append import check_seal, prepare_append
from incident_log.domain.entry import ORIGIN_IMPORT, Entry, NewEntry, utc_now
from incident_log.domain.validation import CleanEntry
from incident_log.logbook import Logbook
from incident_log.store.keyslots import new_data_key
from incident_log.store.repository import ChainTop, Head, IncidentRow

# Never reached: the workstation below never connects, as on a cell whose server is down.
UNREACHABLE = "postgresql://loggist@127.0.0.1:9/incidents?sslmode=verify-full"
AUTHORS = ("Loggist A", "TL", "Loggist A", "TL", "")  # mostly someone; sometimes nobody
KEYS = ("s1", "s2", "s1", "h 1")  # a key used twice, a key no person may have


@dataclass(frozen=True)
class Step:
    """One draft, and whether the program writes it (a seal, a reopen, an audit) or a person types it."""

    draft: NewEntry
    system: bool = False


# Offsets of an entry's time from the moment it is recorded, each far from a rule's boundary (the
# two stores record a few milliseconds apart): now, a little late, late (> 10 min), from before the
# incident opened (> 24 h before it), from the future (> 5 s ahead).
OFFSETS = st.sampled_from([None, None, None, timedelta(minutes=-2), timedelta(minutes=-40), timedelta(days=-3), timedelta(hours=1)])
REASONS = st.sampled_from([None, None, "", "information received late from control"])
TEXTS = st.sampled_from(["Subject asks for water.", "Subject asks for water.", "line one\r\nline two", "", "a NUL \x00 inside"])


@st.composite
def typed(draw: st.DrawFn) -> Step:
    """A draft as the loggist (or a script) types it."""
    kind = draw(st.sampled_from(["note", "note", "person", "person", "person", "demand", "offer", "amendment", "update", "flag",
                                 "intel", "seal", "reopen", "opening", "review", "bogus"]))
    refs = draw(st.one_of(st.none(), st.integers(min_value=1, max_value=12)))
    fields: dict[str, Any] = {}
    if kind == "person":
        fields = {"key": draw(st.sampled_from(KEYS)), "name": "Someone", "role": draw(st.sampled_from(["subject", "hostage", "subject", "boss"]))}
    elif kind in ("demand", "offer"):
        fields = {"by": draw(st.sampled_from(KEYS))}
    elif kind in ("amendment", "flag"):
        fields = {"reason": draw(st.sampled_from(["", "typo"]))}
        if kind == "amendment" and draw(st.booleans()):
            fields["corrected"] = {"text": "corrected"}
    elif kind == "update":
        fields = {"status": draw(st.sampled_from(["met", "accepted", "refused", "bogus"]))}
    elif kind == "intel":
        fields = {"source": "control", "grading": draw(st.sampled_from(["B2", "Z9"]))}
    elif kind == "seal":
        fields = {"head": "0" * 64, "count": 1}
    elif kind == "reopen":
        fields = {"reason": "typed by hand"}
    occurred = draw(OFFSETS)
    return Step(NewEntry(kind, draw(TEXTS), fields, occurred_at=None if occurred is None else utc_now() + occurred,
                         refs=refs, author=draw(st.sampled_from(AUTHORS)), delay_reason=draw(REASONS)))


@st.composite
def written_by_the_program(draw: st.DrawFn) -> Step:
    """A draft the program builds itself (``allow_system``), as both facades build it."""
    kind = draw(st.sampled_from(["seal", "seal", "reopen", "reopen", "audit", "redaction"]))
    author = draw(st.sampled_from(AUTHORS[:2]))  # the facade passes the signed-in user
    if kind == "seal":  # head and count are filled in from the vault's head when the step runs
        return Step(NewEntry("seal", "Incident closed and sealed.", {}, author=author), system=True)
    if kind == "reopen":
        return Step(NewEntry("reopen", "Incident reopened.", {"reason": draw(st.sampled_from(["new information", ""]))},
                             author=author), system=True)
    if kind == "audit":
        return Step(NewEntry("audit", "", {"action": "unredacted report", "reason": "court order"}, author=author),
                    system=True)
    fields = {"action": draw(st.sampled_from(["keep", "redact", "shred"])), "value": "Alpha"}
    return Step(NewEntry("redaction", "", fields, author=author), system=True)


STEPS = st.lists(st.one_of(typed(), typed(), written_by_the_program()), min_size=1, max_size=14)

Outcome = tuple[str, str | None, str]  # ("accepted", None, "#seq") or (error class, field, sentence)


def outcome_of(exc: errors.IncidentLogError) -> Outcome:
    return type(exc).__name__, getattr(exc, "field", None), str(exc)


def in_the_vault(book: Logbook, ref: str, step: Step) -> Entry:
    """The vault's public doors: ``record`` for what is typed, the facade's own method for the rest."""
    draft = step.draft
    if not step.system:
        return book.record(ref, draft)
    if draft.kind == "seal":
        return book.seal(ref, author=draft.author)
    if draft.kind == "reopen":
        return book.reopen(ref, draft.fields["reason"], author=draft.author)
    if draft.kind == "audit":
        return book.audit(ref, draft.fields["action"], reason=draft.fields["reason"], author=draft.author)
    assert draft.kind == "redaction"
    return book.record_redaction_decision(ref, draft.fields["action"], draft.fields["value"], author=draft.author)


def seal_draft(book: Logbook, ref: str, author: str) -> NewEntry:
    """The seal as ``Logbook.seal`` builds it from the head it closes (the cell builds it alike, inside the lock)."""
    count = book.incident(ref).entry_count
    closes = book.entry(ref, count)
    return NewEntry("seal", "Incident closed and sealed.", {"head": closes.hash, "count": closes.seq}, author=author)


def stored(entry: Entry | CleanEntry) -> tuple[Any, ...]:
    return entry.kind, entry.text, dict(entry.fields), entry.refs, entry.author, entry.delay_reason


@pytest.fixture
def stores(logbook: Logbook, tmp_path: Path) -> Iterator[tuple[Logbook, Workstation]]:
    local = open_local(tmp_path / "ws.cell.db", new_data_key())
    station = Workstation(UNREACHABLE, Secrets(password="never sent"), local, signer=None)
    assert not station.online
    try:
        yield logbook, station
    finally:
        station.close()
        local.close()


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS)
def test_the_vault_and_the_offline_cell_accept_and_refuse_the_same_drafts(
    stores: tuple[Logbook, Workstation], steps: list[Step]
) -> None:
    book, station = stores
    opened = utc_now() - timedelta(hours=1)
    incident = book.create_incident("Viaduct", type="hostage", opened_at=opened)  # a fresh incident per example
    row = IncidentRow(str(uuid.uuid4()), incident.ref, "Viaduct", "hostage", "", incident.opened_at, False,
                      incident.time_zone)
    assert station.create_incident(row).waiting  # the opening waits in the queue as provisional #0

    accepted = refused = 0
    for step in steps:
        draft = step.draft
        if step.system and draft.kind == "seal":
            draft = seal_draft(book, incident.ref, draft.author)
        vault: Entry | Outcome
        cell: Acknowledgement | Outcome
        try:
            vault = in_the_vault(book, incident.ref, Step(draft, step.system))
        except errors.IncidentLogError as exc:
            vault = outcome_of(exc)
        try:
            cell = station.record(row.id, draft, allow_system=step.system)
        except errors.IncidentLogError as exc:
            cell = outcome_of(exc)
        if isinstance(vault, Entry):
            assert isinstance(cell, Acknowledgement), (draft, cell)
            assert cell.queued is not None and cell.number == vault.seq
            queued = cell.queued
            if queued.refs_uid is not None:  # it refers to an entry that waits too: carried by its entry id
                numbers = {q.entry_uid: q.provisional_seq for q in station.queue.pending(row.id)}
                queued = replace(queued, clean=replace(queued.clean, refs=numbers[queued.refs_uid]))
            assert stored(queued.clean) == stored(vault)
            assert abs(cell.queued.clean.occurred_at - vault.occurred_at) < timedelta(seconds=2)
            accepted += 1
        else:
            assert cell == vault, draft
            event(f"refused: {vault[0]} {vault[1] or ''}")  # which rules the drafts reached (--hypothesis-show-statistics)
            refused += 1
    event(f"accepted {min(accepted, 3)}+, refused {min(refused, 3)}+")
    assert accepted + refused == len(steps)
    assert station.queue.count(row.id) == accepted + 1  # the opening, and every accepted entry: waiting


def test_the_generated_drafts_reach_every_rule(stores: tuple[Logbook, Workstation]) -> None:
    """The property test is only as good as what it feeds: each rule refuses one of these, in both stores."""
    book, station = stores
    incident = book.create_incident("Viaduct", opened_at=utc_now() - timedelta(hours=1))
    row = IncidentRow(str(uuid.uuid4()), incident.ref, "Viaduct", "other", "", incident.opened_at, False,
                      incident.time_zone)
    station.create_incident(row)
    late = utc_now() - timedelta(minutes=40)
    cases: list[tuple[Step, tuple[str, str | None, str | None] | None]] = [
        (Step(NewEntry("reopen", "Incident reopened.", {"reason": "why"}, author="TL"), system=True),
         ("ValidationError", "kind", "kind: the incident is open; only a sealed incident can be reopened")),
        (Step(NewEntry("person", "", {"key": "s1", "name": "A", "role": "subject"}, author="L")), None),
        (Step(NewEntry("person", "", {"key": "s1", "name": "B", "role": "subject"}, author="L")),
         ("ValidationError", "key", "key: a person with key 's1' is already registered")),
        (Step(NewEntry("amendment", "x", {"reason": "typo"}, refs=9, author="L")),
         ("ValidationError", "refs", "refs: there is no entry #9 in this incident")),
        (Step(NewEntry("note", "late", occurred_at=late, author="L")), ("ValidationError", "delay_reason", None)),
        (Step(NewEntry("note", "late", occurred_at=late, author="L", delay_reason="radio was down")), None),
        (Step(NewEntry("seal", "", {"head": "0" * 64, "count": 1}, author="L")),
         ("ValidationError", "kind", "kind: 'seal' entries are written by the program, not recorded by hand")),
        (Step(NewEntry("seal", "Incident closed and sealed.", {}, author="TL"), system=True), None),
        (Step(NewEntry("note", "after the seal", author="L")),
         ("IncidentSealed", None, f"Incident {incident.ref} is sealed: nothing more can be recorded. Reopen it with a reason first.")),
        (Step(NewEntry("flag", "", {"reason": "check"}, refs=1, author="L")), None),  # a flag may follow a seal
        (Step(NewEntry("reopen", "", {"reason": "typed"}, author="L")), ("IncidentSealed", None, None)),
        (Step(NewEntry("reopen", "Incident reopened.", {"reason": "new information"}, author="TL"), system=True), None),
        (Step(NewEntry("note", "open again", author="L")), None),
    ]
    for step, expected in cases:
        draft = step.draft
        if draft.kind == "seal" and step.system:
            draft = seal_draft(book, incident.ref, draft.author)
        for store in ("vault", "cell"):
            try:
                if store == "vault":
                    in_the_vault(book, incident.ref, Step(draft, step.system))
                else:
                    station.record(row.id, draft, allow_system=step.system)
            except errors.IncidentLogError as exc:
                assert expected is not None, (store, draft, exc)
                name, field, sentence = outcome_of(exc)
            else:
                assert expected is None, (store, draft)
                continue
            assert (name, field) == expected[:2], draft
            if expected[2] is not None:
                assert sentence == expected[2]


# --- the rule itself, without a store -------------------------------------------------------------

T0 = datetime(2026, 3, 14, 21, 0, tzinfo=UTC)


class Facts:
    def __init__(self, people: frozenset[str] = frozenset()) -> None:
        self.people = people
        self.opened_at = T0 - timedelta(hours=1)

    def has_person(self, key: str) -> bool:
        return key in self.people

    def kind_of(self, seq: int) -> str | None:
        return None


def top(*, sealed: bool = False, recorded_at: datetime | None = None) -> ChainTop:
    return ChainTop(Head(3, "0" * 64, recorded_at), sealed)


def test_an_entry_recorded_before_the_one_before_it_carries_the_clock_warning() -> None:
    note = NewEntry("note", "n", author="L", occurred_at=T0)
    ahead = prepare_append(note, top(recorded_at=T0 + timedelta(seconds=90)), Facts(), now=T0, ref="R")
    assert (ahead.recorded_at, ahead.origin, ahead.clock_back) == (T0, "live", 90)
    small = prepare_append(note, top(recorded_at=T0 + timedelta(seconds=1)), Facts(), now=T0, ref="R")
    assert small.clock_back is None  # an NTP correction is no warning (CLOCK_TOLERANCE)
    imported = prepare_append(note, top(), Facts(), now=T0, ref="R", origin=ORIGIN_IMPORT)
    assert (imported.origin, imported.clock_back) == (ORIGIN_IMPORT, None)


def test_the_incident_is_named_only_when_it_is_sealed_and_the_store_check_runs_last() -> None:
    asked: list[str] = []

    def ref() -> str:
        asked.append("looked up")
        return "NEG-1"

    note = NewEntry("note", "n", author="L", occurred_at=T0)
    prepare_append(note, top(), Facts(), now=T0, ref=ref)
    assert asked == []  # an open incident's ref is never looked up (the cell reads it from its mirror)
    with pytest.raises(errors.IncidentSealed, match="NEG-1"):
        prepare_append(note, top(sealed=True), Facts(), now=T0, ref=ref)
    assert asked == ["looked up"]

    checked: list[CleanEntry] = []
    accepted = prepare_append(note, top(), Facts(), now=T0, ref="R", storable=checked.append)
    assert checked == [accepted.clean]
    with pytest.raises(errors.ValidationError) as caught:
        prepare_append(NewEntry("person", "", {"key": "s1", "name": "A", "role": "subject"}, author="L", occurred_at=T0),
                       top(), Facts(frozenset({"s1"})), now=T0, ref="R", storable=checked.append)
    assert caught.value.field == "key" and len(checked) == 1  # refused before the store's check
    check_storable(accepted.clean)  # the cell's own check accepts what the domain accepted


@pytest.mark.parametrize(
    ("kind", "sealed", "allow_system", "refused"),
    [
        ("note", True, False, errors.IncidentSealed),
        ("seal", True, True, errors.IncidentSealed),
        ("reopen", True, False, errors.IncidentSealed),  # typed by hand: no reopen
        ("reopen", False, True, errors.ValidationError),
        ("reopen", True, True, None),
        ("reopen", False, False, None),  # left to validate_entry ("written by the program")
        ("flag", True, False, None),
        ("review", True, True, None),
        ("audit", True, True, None),
        ("redaction", True, True, None),
        ("note", False, False, None),
    ],
)
def test_the_seal_rule(kind: str, sealed: bool, allow_system: bool, refused: type[Exception] | None) -> None:
    if refused is None:
        check_seal(kind, sealed=sealed, allow_system=allow_system, ref="R")
    else:
        with pytest.raises(refused):
            check_seal(kind, sealed=sealed, allow_system=allow_system, ref="R")
