"""The append-only log: seqs, the hash chain, validation, late entries, the seal, search."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from incident_log import errors
from incident_log.domain.entry import NewEntry, utc_now
from incident_log.domain.kinds import MAX_TEXT_CHARS
from incident_log.logbook import Logbook, TimelineFilter


@pytest.fixture
def ref(logbook: Logbook) -> str:
    ref = logbook.create_incident("Barricade, Calle Mayor", type="barricade", location="Calle Mayor 4").ref
    logbook.record(ref, NewEntry("person", "", {"key": "s1", "role": "subject", "name": "José Núñez"}, author="L1"))
    logbook.record(ref, NewEntry("person", "", {"key": "n1", "role": "negotiator", "name": "Łukasz Wróbel"}, author="L1"))
    return ref


def note(text_: str = "A note.") -> NewEntry:
    return NewEntry("note", text_, author="L1")


def test_seqs_are_gapless_and_chained(logbook: Logbook, ref: str) -> None:
    entries = [logbook.record(ref, note(f"note {i}")) for i in range(5)]
    assert [e.seq for e in entries] == [3, 4, 5, 6, 7]
    assert all(b.prev_hash == a.hash for a, b in zip(entries, entries[1:], strict=False))
    assert logbook.head(ref) == (7, entries[-1].hash)
    assert logbook.verify(ref).ok


def test_both_times_are_kept(logbook: Logbook, ref: str) -> None:
    before = utc_now()
    entry = logbook.record(ref, NewEntry("note", "seen at the window", occurred_at=before - timedelta(minutes=3), author="L1"))
    assert entry.occurred_at == before - timedelta(minutes=3)
    assert entry.recorded_at >= before


@pytest.mark.parametrize("statement", ["UPDATE entry SET text = 'changed'", "DELETE FROM entry"])
def test_triggers_refuse_changes(logbook: Logbook, ref: str, statement: str) -> None:
    with pytest.raises(Exception, match="append-only"), logbook._engine.begin() as connection:
        connection.execute(text(statement))
    assert logbook.head(ref)[0] == 2


def test_amendment_is_a_new_entry_and_both_stay(logbook: Logbook, ref: str) -> None:
    original = logbook.record(ref, note("Subject has a knfe."))
    amendment = logbook.amend(ref, original.seq, "Subject has a knife.", reason="typo", author="L1")
    assert amendment.refs == original.seq and amendment.kind == "amendment"
    assert logbook.entry(ref, original.seq).text == "Subject has a knfe."
    assert logbook.state(ref).amendments[original.seq] == (amendment.seq,)


def test_verify_names_the_changed_entry(logbook: Logbook, ref: str) -> None:
    for i in range(5):
        logbook.record(ref, note(f"note {i}"))
    with logbook._engine.begin() as connection:  # someone with the key and a SQL shell
        connection.execute(text("DROP TRIGGER entry_no_update"))
        connection.execute(text("UPDATE entry SET text = 'forged' WHERE seq = 5"))
    result = logbook.verify(ref)
    assert not result.ok
    assert result.first_bad == (ref, 5)
    assert any("#5" in p and "does not match its hash" in p for p in result.problems)
    assert any("append-only protection" in p for p in result.problems)


def test_verify_against_a_printed_head_finds_removed_entries(logbook: Logbook, ref: str) -> None:
    for i in range(5):
        logbook.record(ref, note(f"note {i}"))
    count, head = logbook.head(ref)
    assert logbook.verify(ref, head=head, count=count).ok
    with logbook._engine.begin() as connection:
        connection.execute(text("DROP TRIGGER entry_no_delete"))
        connection.execute(text("DELETE FROM entry WHERE seq > 5"))
        connection.execute(text("CREATE TRIGGER entry_no_delete BEFORE DELETE ON entry BEGIN SELECT RAISE(ABORT, 'x'); END"))
    assert logbook.verify(ref).ok  # the chain alone cannot see it ...
    result = logbook.verify(ref, head=head, count=count)  # ... the printed head can
    assert not result.ok
    assert any("entries were removed" in p for p in result.problems)


def test_more_entries_since_printing_still_verifies(logbook: Logbook, ref: str) -> None:
    count, head = logbook.head(ref)
    logbook.record(ref, note())
    assert logbook.verify(ref, head=head, count=count).ok
    assert not logbook.verify(ref, head="0" * 64, count=count).ok


def test_flipped_byte_in_the_file_is_damage_not_a_crash(logbook: Logbook, ref: str, vault_path: Path) -> None:
    for i in range(50):
        logbook.record(ref, note(f"note {i} " + "x" * 200))
    logbook.close()
    data = bytearray(vault_path.read_bytes())
    data[4096 * 2 + 700] ^= 0x01  # inside page 3
    vault_path.write_bytes(bytes(data))
    book = Logbook.open(vault_path, passphrase="correct horse battery staple")  # page 1 is intact
    with book:
        result = book.verify()
    assert not result.ok
    assert any("damaged page" in p for p in result.problems)


# --- validation: every refusal names its field and writes nothing ------------------------------------

CASES = [
    (NewEntry("gossip", "x", author="L1"), "kind"),
    (NewEntry("intel", "x", {}, author="L1"), "source"),
    (NewEntry("intel", "x", {"source": "control", "grading": "Z9"}, author="L1"), "grading"),
    (NewEntry("statement", "x", {"speaker": "nobody"}, author="L1"), "speaker"),
    (NewEntry("update", "", {"status": "met"}, refs=1, author="L1"), "refs"),
    (NewEntry("update", "", {"status": "met"}, refs=999, author="L1"), "refs"),
    (NewEntry("note", "x", {"colour": "red"}, author="L1"), "colour"),
    (NewEntry("note", "", author="L1"), "text"),
    (NewEntry("note", "x" * (MAX_TEXT_CHARS + 1), author="L1"), "text"),
    (NewEntry("note", "bad \x00 byte", author="L1"), "text"),
    (NewEntry("note", "bell \x07", author="L1"), "text"),
    (NewEntry("note", "x", author=""), "author"),
    (NewEntry("seal", "x", {"head": "h", "count": 1}, author="L1"), "kind"),
    (NewEntry("contact", "", {"channel": "pigeon", "event": "start"}, author="L1"), "channel"),
    (NewEntry("person", "", {"key": "s1", "role": "subject", "name": "Again"}, author="L1"), "key"),
]


@pytest.mark.parametrize(("draft", "field"), CASES, ids=[f"{c[0].kind}-{c[1]}" for c in CASES])
def test_refusals_name_the_field(logbook: Logbook, ref: str, draft: NewEntry, field: str) -> None:
    before = logbook.head(ref)
    with pytest.raises(errors.ValidationError) as caught:
        logbook.record(ref, draft)
    assert caught.value.field == field
    assert caught.value.message.startswith(f"{field}:")
    assert logbook.head(ref) == before


def test_update_status_must_fit_the_demand(logbook: Logbook, ref: str) -> None:
    demand = logbook.record(ref, NewEntry("demand", "wants a car", {"by": "s1"}, author="L1"))
    with pytest.raises(errors.ValidationError) as caught:
        logbook.record(ref, NewEntry("update", "", {"status": "delivered"}, refs=demand.seq, author="L1"))
    assert caught.value.field == "status"
    logbook.record(ref, NewEntry("update", "", {"status": "refused"}, refs=demand.seq, author="L1"))
    assert logbook.state(ref).demands[0].status == "refused"


def test_future_time_refused(logbook: Logbook, ref: str) -> None:
    with pytest.raises(errors.ValidationError) as caught:
        logbook.record(ref, NewEntry("note", "x", occurred_at=utc_now() + timedelta(minutes=5), author="L1"))
    assert caught.value.field == "occurred_at"


def test_newlines_and_tabs_are_kept(logbook: Logbook, ref: str) -> None:
    entry = logbook.record(ref, note("line one\r\n\tline two"))
    assert entry.text == "line one\n\tline two"


def test_late_entry_needs_a_reason(logbook: Logbook, ref: str) -> None:
    when = utc_now() - timedelta(minutes=25)
    with pytest.raises(errors.ValidationError) as caught:
        logbook.record(ref, NewEntry("intel", "He has a brother", {"source": "neighbour"}, occurred_at=when, author="L1"))
    assert caught.value.field == "delay_reason"
    entry = logbook.record(
        ref,
        NewEntry("intel", "He has a brother", {"source": "neighbour"}, occurred_at=when, author="L1", delay_reason="relayed late by control"),
    )
    assert entry.delay_reason == "relayed late by control"
    assert entry.delay > 25 * 60 - 5


def test_late_margin_is_configurable(logbook: Logbook, ref: str) -> None:
    logbook.set_pref("late_margin_minutes", "30")
    logbook.record(ref, NewEntry("note", "x", occurred_at=utc_now() - timedelta(minutes=25), author="L1"))


def test_seal_stops_recording_until_reopened(logbook: Logbook, ref: str) -> None:
    count, head = logbook.head(ref)
    seal = logbook.seal(ref, author="TL")
    assert seal.fields["head"] == head and seal.fields["count"] == count
    assert logbook.incident(ref).status == "sealed"
    with pytest.raises(errors.IncidentSealed):
        logbook.record(ref, note())
    logbook.flag(ref, 1, reason="debrief: identification", author="TL")  # annotations still allowed
    with pytest.raises(errors.IncidentSealed):
        logbook.seal(ref, author="TL")
    logbook.reopen(ref, "new evidence", author="TL")
    assert logbook.incident(ref).status == "open"
    logbook.record(ref, note())
    assert logbook.verify(ref).ok


# --- search ---------------------------------------------------------------------------------------


def test_full_text_search_ignores_accents_and_case(logbook: Logbook, ref: str) -> None:
    logbook.record(ref, note("JOSÉ asked for water"))
    logbook.record(ref, note("Negotiator rotated"))
    found = logbook.search(ref, "jose water")
    assert [e.text for e in found] == ["JOSÉ asked for water"]
    assert logbook.search(ref, "wat")  # a word's start finds it
    assert logbook.search(ref, '"); DROP TABLE entry; --') == []


def test_filters_by_kind_person_and_time(logbook: Logbook, ref: str) -> None:
    statement = logbook.record(ref, NewEntry("statement", "I want my dog", {"speaker": "s1"}, author="L1"))
    logbook.record(ref, NewEntry("rotation", "", {"role": "primary negotiator", "person": "n1"}, author="L1"))
    logbook.record(ref, note())
    assert logbook.seqs(ref, TimelineFilter(kinds=frozenset({"statement"}))) == [statement.seq]
    assert statement.seq in logbook.seqs(ref, TimelineFilter(person="s1"))
    assert 1 in logbook.seqs(ref, TimelineFilter(person="s1"))  # the registration names them too
    assert logbook.seqs(ref, TimelineFilter(since=utc_now() + timedelta(seconds=1))) == []
    logbook.flag(ref, statement.seq, reason="key words", author="TL")
    assert logbook.seqs(ref, TimelineFilter(flagged_only=True)) == [statement.seq]


def test_pages_seek_by_seq(logbook: Logbook, ref: str) -> None:
    for i in range(30):
        logbook.record(ref, note(f"n{i}"))
    assert [e.seq for e in logbook.latest(ref, 5)] == [28, 29, 30, 31, 32]
    assert [e.seq for e in logbook.page(ref, after=10, limit=3)] == [11, 12, 13]
    assert [e.seq for e in logbook.entries(ref, [3, 9, 4])] == [3, 4, 9]


# --- live updates ----------------------------------------------------------------------------------


def test_subscribers_hear_of_own_entries_at_once(logbook: Logbook, ref: str) -> None:
    heard = []
    unsubscribe = logbook.subscribe(heard.append)
    entry = logbook.record(ref, note())
    assert heard and heard[-1].seqs == (entry.seq,) and heard[-1].incident_ref == ref
    unsubscribe()
    logbook.record(ref, note())
    assert len(heard) == 1
    assert logbook.poll() == []  # nothing new from elsewhere


def test_poll_sees_entries_from_another_connection(logbook: Logbook, ref: str, vault_path: Path) -> None:
    logbook.poll()
    other = Logbook.open(vault_path, passphrase="correct horse battery staple")
    entry = other.record(ref, note("from the second window"))
    other.close()
    heard = []
    logbook.subscribe(heard.append)
    events = logbook.poll()
    assert [e.seqs for e in events] == [(entry.seq,)]
    assert heard == events


def test_drafts_and_prefs_live_in_the_vault(logbook: Logbook, ref: str) -> None:
    logbook.save_draft(ref, "composer", {"kind": "note", "text": "half a senten"})
    assert logbook.load_draft(ref, "composer") == {"kind": "note", "text": "half a senten"}
    logbook.clear_draft(ref, "composer")
    assert logbook.load_draft(ref, "composer") is None
    logbook.set_pref("callsign", "LOG-2")
    assert logbook.get_pref("callsign") == "LOG-2"
