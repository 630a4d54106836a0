"""The PostgreSQL store: the append path, the chain's canonical form, reads, idempotency, NOTIFY."""

from __future__ import annotations

import math
import uuid
from datetime import timedelta

import psycopg
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from incident_log import errors as core_errors
from incident_log.cell import errors
from incident_log.cell.connect import parse_url
from incident_log.cell.interface import IncidentStore, SeqFilter, SignedStore
from incident_log.cell.signing import SigningKey, verify_signature
from incident_log.cell.store import CellStore
from incident_log.cell.witness import witness
from incident_log.domain.entry import NewEntry, canonical_json, chain_hash, genesis_hash, utc_now
from tests.cell.conftest import Login, append_note, incident_row, open_incident, prepare_draft


@pytest.fixture
def store(login: Login, open_store) -> CellStore:
    return open_store(login)


@pytest.fixture
def incident(store: CellStore) -> str:
    row = incident_row()
    open_incident(store, row)
    return row.id


def test_the_store_implements_the_proposed_interface(store: CellStore) -> None:
    assert isinstance(store, IncidentStore)
    assert isinstance(store, SignedStore)


def test_appends_are_gapless_and_hash_exactly_as_the_domain_does(store: CellStore, incident: str) -> None:
    returned = [append_note(store, incident, f"entry {n}").entry for n in range(5)]
    stored = store.read_range(incident)
    assert stored == returned
    assert [e.seq for e in stored] == [1, 2, 3, 4, 5]
    opening = store.read_signed(incident, limit=1)[0].entry  # #0 follows the genesis hash; #1 follows #0
    assert opening.seq == 0 and opening.prev_hash == genesis_hash(incident)
    assert opening.hash == chain_hash(opening.prev_hash, opening.canonical())
    previous = opening.hash
    for entry in stored:
        assert entry.prev_hash == previous
        assert entry.hash == chain_hash(previous, entry.canonical())
        previous = entry.hash
    count_and_head = store.chain_top(incident).head
    assert (count_and_head.count, count_and_head.hash) == (5, previous)


def test_every_entry_carries_its_authors_signature(login: Login, open_store, incident_row_factory=incident_row) -> None:
    signer = SigningKey.generate()
    store = open_store(login, signer=signer)
    row = incident_row_factory()
    open_incident(store, row)
    append_note(store, row.id, "signed")
    opening, signed = store.read_signed(row.id)
    assert opening.entry.seq == 0 and opening.entry.kind == "opening"
    assert signed.provenance.key_id == signer.key_id
    assert signed.provenance.db_role == login.role
    assert signed.provenance.signature is not None
    assert verify_signature(signer.public_raw, row.id, signed.entry.hash, signed.provenance.signature)
    assert store.public_keys()[signer.key_id] == signer.public_raw


def test_a_refused_entry_writes_nothing(store: CellStore, incident: str) -> None:
    append_note(store, incident, "first")
    with pytest.raises(core_errors.ValidationError, match="kind"):
        store.append(incident, prepare_draft(NewEntry("gossip", "x", author="Loggist")))
    with pytest.raises(core_errors.ValidationError, match="delay_reason"):
        store.append(incident, prepare_draft(NewEntry("note", "late", author="L", occurred_at=utc_now() - timedelta(hours=1))))
    assert store.chain_top(incident).head.count == 1


def test_a_broken_surrogate_is_refused_with_a_sentence_not_a_crash(store: CellStore, incident: str) -> None:
    with pytest.raises(core_errors.ValidationError, match="broken character"):
        append_note(store, incident, "half a pair: \ud83d")
    assert store.chain_top(incident).head.count == 0


def test_an_entry_id_already_on_the_chain_is_not_appended_again(store: CellStore, incident: str) -> None:
    uid = str(uuid.uuid4())
    first = append_note(store, incident, "once", uid=uid)
    again = append_note(store, incident, "once", uid=uid)
    assert not first.already_present and again.already_present
    assert again.entry == first.entry
    assert store.chain_top(incident).head.count == 1


def test_the_server_refuses_an_entry_that_does_not_extend_the_head(login: Login, store: CellStore, incident: str) -> None:
    """A client that skips the lock (or computes a wrong seq) cannot fork the chain."""
    append_note(store, incident, "first")
    head = store.chain_top(incident).head
    target = parse_url(login.url)
    statement = (
        "INSERT INTO incident_log.entry (incident_id, seq, kind, occurred_at, recorded_at, author, text, fields, origin, "
        "prev_hash, hash, entry_uid, cell, db_role, appended_at) VALUES (%s, %s, 'note', '2026-01-01T00:00:00.000000Z', "
        "'2026-01-01T00:00:00.000000Z', 'x', 'fork', '{}', 'live', %s, %s, gen_random_uuid(), 'x', 'x', now())"
    )
    with psycopg.connect(target.conninfo(), password=login.secrets.password, autocommit=True) as raw:
        for seq, prev in ((head.count, genesis_hash(incident)), (head.count + 1, "0" * 64), (head.count + 2, head.hash)):
            with pytest.raises(psycopg.DatabaseError, match="does not extend"):
                raw.execute(statement, (incident, seq, prev, "1" * 64))
    assert [e.text for e in store.read_range(incident)] == ["first"]


def test_reads_page_and_filter(store: CellStore, incident: str) -> None:
    store.append(incident, prepare_draft(NewEntry("person", "", {"key": "s1", "role": "subject", "name": "Ana"}, author="L")))
    store.append(incident, prepare_draft(NewEntry("statement", "I want a car", {"speaker": "s1"}, author="L")))
    append_note(store, incident, "weather")
    store.append(incident, prepare_draft(NewEntry("flag", "", {"reason": "debrief"}, refs=2, author="TL")))
    assert [e.seq for e in store.latest(incident, 2)] == [3, 4]
    assert [e.seq for e in store.read_range(incident, after=1, limit=2)] == [2, 3]
    assert [e.seq for e in store.entries(incident, [4, 2, 99, 2**40])] == [2, 4]
    assert store.entry(incident, 3) is not None and store.entry(incident, 9) is None
    assert store.filtered_seqs(incident, SeqFilter(kinds=frozenset({"note"}))) == [3]
    assert store.filtered_seqs(incident, SeqFilter(person="s1")) == [2]
    assert store.filtered_seqs(incident, SeqFilter(flagged_only=True)) == [2]
    assert store.filtered_seqs(incident, SeqFilter(since=utc_now() + timedelta(minutes=1))) == []


def test_a_duplicate_person_key_is_answered_by_the_server_facts(store: CellStore, incident: str) -> None:
    draft = NewEntry("person", "", {"key": "s1", "role": "subject", "name": "Ana"}, author="L")
    store.append(incident, prepare_draft(draft))

    def prepare(top, facts):  # type: ignore[no-untyped-def]
        assert facts.has_person("s1") and not facts.has_person("s2")
        assert facts.kind_of(1) == "person" and facts.kind_of(2) is None and facts.kind_of(2**40) is None
        raise core_errors.ValidationError("key", "already registered")

    with pytest.raises(core_errors.ValidationError):
        store.append(incident, prepare)


def test_incidents_are_listed_described_and_refs_are_unique_per_cell(store: CellStore, incident: str) -> None:
    row = store.find_incident(incident)
    assert row is not None and store.find_incident(row.ref) == row
    assert [r.id for r in store.incidents()] == [incident]
    append_note(store, incident, "one")
    described = store.describe(row)
    assert described.entry_count == 1 and described.status == "open" and described.head_hash
    with pytest.raises(core_errors.DuplicateRef):
        open_incident(store, incident_row(ref=row.ref))


def test_a_seal_is_seen_by_the_next_writer(store: CellStore, incident: str) -> None:
    append_note(store, incident, "one")
    head = store.chain_top(incident).head
    store.append(
        incident, prepare_draft(NewEntry("seal", "", {"head": head.hash, "count": head.count}, author="TL"), allow_system=True)
    )
    assert store.chain_top(incident).sealed
    assert store.describe(store.find_incident(incident)).status == "sealed"  # type: ignore[arg-type]


def test_a_second_connection_is_notified_of_a_new_entry(login: Login, open_store, store: CellStore, incident: str) -> None:
    watcher = open_store(login)
    first = watcher.changes()  # the first call (re)connects: every head is reported once
    assert {c.incident_id for c in first} == {incident}
    append_note(store, incident, "news")
    changes = watcher.changes(timeout=5)
    assert [(c.incident_id, c.seq) for c in changes] == [(incident, 1)]
    assert watcher.changes() == []


def test_notifications_do_not_cross_cells(make_login, open_store, store: CellStore, incident: str) -> None:
    other = open_store(make_login(cell="elsewhere"))
    other.changes()
    append_note(store, incident, "news")
    assert other.changes(timeout=0.5) == []


# --- whatever validation accepts, the store holds and gives back exactly ---------------------

# Text the domain accepts: anything but surrogates, control characters and the invisible
# direction overrides (validation refuses those), in every script, with tabs and newlines.
_CHARS = st.characters(
    blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
    blacklist_characters="".join(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])),
) | st.sampled_from("\t\n")
_TEXT = st.text(alphabet=_CHARS, max_size=300)
_LINE = st.builds(lambda first, rest: first + rest, st.characters(whitelist_categories=("L", "N", "P", "S")), _TEXT)
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats(allow_nan=True) | _TEXT,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_TEXT, inner, max_size=4),
    max_leaves=12,
)


@st.composite
def accepted_drafts(draw: st.DrawFn) -> NewEntry:
    kind = draw(st.sampled_from(["note", "intel", "decision", "amendment", "person", "statement"]))
    text = draw(_LINE)
    author = draw(_LINE)
    if kind == "intel":
        fields = {"source": draw(_LINE), "grading": draw(st.sampled_from(["B2", "a1", "X6"]))}
    elif kind == "decision":
        fields = {"rationale": draw(_LINE)}
    elif kind == "amendment":
        # Entry #1 is the person s1: a correction names its fields, each checked as that field.
        corrected = st.fixed_dictionaries({}, optional={
            "name": _LINE, "notes": _TEXT, "aliases": st.lists(_LINE, max_size=3),
            "role": st.sampled_from(["subject", "Hostage", "witness"]),
        })
        fields = {"reason": draw(_LINE), "corrected": draw(corrected)}
    elif kind == "person":
        key = draw(st.from_regex(r"[A-Za-z0-9_.-]{1,12}", fullmatch=True))
        fields = {"key": key, "role": "subject", "name": draw(_LINE), "aliases": draw(st.lists(_TEXT, max_size=3))}
    elif kind == "statement":
        fields = {"speaker": "s1", "channel": draw(st.sampled_from(["phone", "Throw Phone", "text"]))}
    else:
        fields = {}
    refs = 1 if kind == "amendment" else None
    return NewEntry(kind, text, fields, refs=refs, author=author)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(draft=accepted_drafts())
def test_whatever_validation_accepts_is_stored_and_read_back_exactly(store: CellStore, incident: str, draft: NewEntry) -> None:
    if store.chain_top(incident).head.count == 0:
        store.append(incident, prepare_draft(NewEntry("person", "", {"key": "s1", "role": "subject", "name": "S"}, author="L")))
    try:
        appended = store.append(incident, prepare_draft(draft))
    except core_errors.ValidationError:
        assume(False)  # not accepted: not this test's business (the refusal itself is tested above)
        return
    back = store.entry(incident, appended.entry.seq)
    assert back is not None
    assert canonical_json(back.canonical()) == canonical_json(appended.entry.canonical())
    assert back.hash == chain_hash(back.prev_hash, back.canonical())
    everything = [s.entry for s in store.read_signed(incident)]  # #0 on: the whole chain
    assert witness(incident, [], everything).ok
    if draft.kind == "amendment":
        assert store.filtered_seqs(incident, SeqFilter(person="s1")) is not None  # free-form JSON never breaks a filter


def test_free_json_in_fields_never_breaks_a_read_or_a_filter(store: CellStore, incident: str) -> None:
    """The domain checks corrected fields now; the store still holds whatever JSON it is given
    (NaN, infinities, \u0000 inside strings), and the jsonb-based filters skip such rows safely."""
    from incident_log.cell.interface import Prepared
    from incident_log.domain.validation import CleanEntry

    store.append(incident, prepare_draft(NewEntry("person", "", {"key": "s1", "role": "subject", "name": "S"}, author="L")))
    corrected = {"notes": 0.1 + 0.2, "aliases": [1e308, math.nan, -0.0], "phones": {"\u0000": math.inf}}
    odd = CleanEntry("amendment", "", {"reason": "typo", "corrected": corrected}, utc_now(), 1, "L", None)
    appended = store.append(incident, lambda top, facts: Prepared(odd, utc_now(), "live"))
    back = store.entry(incident, appended.entry.seq)
    assert back is not None and back.hash == chain_hash(back.prev_hash, back.canonical())
    assert store.filtered_seqs(incident, SeqFilter(person="s1")) == []
    assert len(store.read_range(incident)) == 2


def test_a_lost_server_is_unreachable_not_a_crash(pg_server, login: Login, open_store, incident_row_factory=incident_row) -> None:
    store = open_store(login)
    row = incident_row_factory()
    open_incident(store, row)
    append_note(store, row.id, "before")
    pg_server.stop()
    try:
        with pytest.raises(errors.CellUnreachable):
            append_note(store, row.id, "during")
        with pytest.raises(errors.CellUnreachable):
            store.read_range(row.id)
    finally:
        pg_server.start()
    assert [e.text for e in store.read_range(row.id)] == ["before"]


def test_a_row_the_server_refuses_says_which_rule_and_never_quotes_the_row(store: CellStore) -> None:
    """The server's CHECKs hold for a caller that skipped the domain's checks (here an incident
    with an empty zone); the refusal names the rule, never the row."""
    import dataclasses

    row = dataclasses.replace(incident_row(title="Marker-Okapi-7"), time_zone="")
    with pytest.raises(errors.CellRefused, match="incident_zone") as refused:
        store.create_incident(row, created_at=utc_now(), opening=lambda top, facts: None)  # type: ignore[arg-type,return-value]
    assert "Marker-Okapi-7" not in str(refused.value)
    assert refused.value.__cause__ is None and refused.value.__suppress_context__
    assert store.find_incident(row.id) is None


def test_text_the_server_cannot_hold_is_refused_with_a_sentence(store: CellStore, incident: str) -> None:
    from incident_log.cell.interface import Prepared
    from incident_log.domain.validation import CleanEntry

    for text in ("nul \x00 inside", "half a pair \ud83d"):
        bad = CleanEntry("note", text, {}, utc_now(), None, "L", None)
        with pytest.raises(core_errors.ValidationError, match="NUL|broken character"):
            store.append(incident, lambda top, facts, bad=bad: Prepared(bad, utc_now(), "live"))
    assert store.chain_top(incident).head.count == 0
