"""The offline queue on a real SQLCipher file: what it acknowledges, it gives back exactly."""

from __future__ import annotations

import math
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from incident_log import errors as core_errors
from incident_log.cell.localdb import open_local
from incident_log.cell.queue import OfflineQueue
from incident_log.domain.entry import ORIGIN_LIVE, NewEntry, canonical_json, utc_now
from incident_log.domain.validation import validate_entry
from incident_log.store.keyslots import new_data_key

INCIDENT = "5a1b2c3d-0000-4000-8000-00000000000a"


class NoFacts:
    opened_at = None  # an incident whose opening time is not known here: no "before the opening" rule

    def has_person(self, key: str) -> bool:
        return True

    def kind_of(self, seq: int) -> str | None:
        return "intel"  # so a correction may name intel fields (source, grading)


@pytest.fixture
def queue(tmp_path: Path) -> OfflineQueue:
    connection = open_local(tmp_path / "queue.db", new_data_key())
    return OfflineQueue(connection)


_CHARS = st.characters(
    blacklist_categories=("Cs", "Cc", "Zl", "Zp"),
    blacklist_characters="".join(map(chr, [*range(0x202A, 0x202F), *range(0x2066, 0x206A)])),
)
_LINE = st.text(alphabet=_CHARS, min_size=1, max_size=200).filter(str.strip)
_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**70), 2**70) | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    text=_LINE,
    author=_LINE,
    corrected=st.fixed_dictionaries({}, optional={"source": _LINE, "grading": st.sampled_from(["B2", "c3", "X6"])}),
    back=st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=12_000)),
)
def test_whatever_is_acknowledged_reads_back_exactly(
    queue: OfflineQueue, text: str, author: str, corrected: dict, back: timedelta
) -> None:
    now = utc_now()
    occurred = now - back  # back to about 1994: the domain refuses times before 1990
    for draft in (
        NewEntry("note", text, author=author, occurred_at=occurred, delay_reason="typed late"),
        NewEntry("amendment", text, {"reason": "correction", "corrected": corrected}, refs=1, author=author),
    ):
        try:
            clean = validate_entry(draft, NoFacts(), now=now)
        except core_errors.ValidationError:
            assume(False)  # only what the domain accepts is ever queued (noncharacters, 81+ character authors…)
        uid = str(uuid.uuid4())
        queue.put(INCIDENT, clean, entry_uid=uid, recorded_at=now, origin=ORIGIN_LIVE, mirror_count=5)
        back_again = queue.get(uid)
        assert back_again is not None
        got = back_again.clean
        assert (got.kind, got.text, got.author, got.refs, got.delay_reason) == (
            clean.kind, clean.text, clean.author, clean.refs, clean.delay_reason
        )
        assert got.occurred_at == clean.occurred_at and back_again.recorded_at == now
        assert canonical_json(got.fields) == canonical_json(clean.fields) or _has_nan(clean.fields)


def _has_nan(value: object) -> bool:
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, dict):
        return any(_has_nan(v) for v in value.values())
    if isinstance(value, list | tuple):
        return any(_has_nan(v) for v in value)
    return False


def clean_note(text: str, refs: int | None = None) -> object:
    kind = "amendment" if refs else "note"
    fields = {"reason": "fix"} if refs else {}
    return validate_entry(NewEntry(kind, text, fields, refs=refs, author="L"), NoFacts(), now=utc_now())


def test_provisional_numbers_follow_the_mirror_and_each_other(queue: OfflineQueue) -> None:
    now = utc_now()
    first = queue.put(INCIDENT, clean_note("a"), entry_uid=str(uuid.uuid4()), recorded_at=now, origin=ORIGIN_LIVE, mirror_count=7)
    second = queue.put(INCIDENT, clean_note("b"), entry_uid=str(uuid.uuid4()), recorded_at=now, origin=ORIGIN_LIVE, mirror_count=7)
    other = queue.put("other-incident", clean_note("c"), entry_uid=str(uuid.uuid4()), recorded_at=now, origin=ORIGIN_LIVE,
                      mirror_count=0)
    assert (first.provisional_seq, second.provisional_seq, other.provisional_seq) == (8, 9, 1)
    assert [q.clean.text for q in queue.pending()] == ["a", "b", "c"]
    assert queue.count() == 3 and queue.count(INCIDENT) == 2


def test_a_reference_to_a_queued_entry_is_kept_by_its_id(queue: OfflineQueue) -> None:
    now = utc_now()
    target = queue.put(INCIDENT, clean_note("typed offline"), entry_uid=str(uuid.uuid4()), recorded_at=now,
                       origin=ORIGIN_LIVE, mirror_count=3)
    amendment = queue.put(INCIDENT, clean_note("fixed", refs=4), entry_uid=str(uuid.uuid4()), recorded_at=now,
                          origin=ORIGIN_LIVE, mirror_count=3)
    assert amendment.refs_uid == target.entry_uid and amendment.clean.refs is None
    on_server = queue.put(INCIDENT, clean_note("fixed too", refs=2), entry_uid=str(uuid.uuid4()), recorded_at=now,
                          origin=ORIGIN_LIVE, mirror_count=3)
    assert on_server.refs_uid is None and on_server.clean.refs == 2
    with pytest.raises(core_errors.ValidationError, match="no entry #40"):
        queue.put(INCIDENT, clean_note("nothing there", refs=40), entry_uid=str(uuid.uuid4()), recorded_at=now,
                  origin=ORIGIN_LIVE, mirror_count=3)
    assert queue.count() == 3


def test_sent_entries_leave_the_queue_once_and_held_ones_stay(queue: OfflineQueue) -> None:
    now = utc_now()
    a = queue.put(INCIDENT, clean_note("a"), entry_uid=str(uuid.uuid4()), recorded_at=now, origin=ORIGIN_LIVE, mirror_count=0)
    b = queue.put(INCIDENT, clean_note("b"), entry_uid=str(uuid.uuid4()), recorded_at=now, origin=ORIGIN_LIVE, mirror_count=0)
    queue.mark_sent(a.entry_uid, 12)
    queue.mark_sent(a.entry_uid, 99)  # a second mark (a replay after a crash) changes nothing
    assert queue.sent_seq(a.entry_uid) == 12
    queue.hold(b.entry_uid, "the incident was sealed")
    assert [(q.clean.text, q.held) for q in queue.pending()] == [("b", "the incident was sealed")]
    queue.release(b.entry_uid)
    assert queue.pending()[0].held is None


def test_the_queue_is_durable_and_encrypted(tmp_path: Path) -> None:
    key = new_data_key()
    path = tmp_path / "queue.db"
    connection = open_local(path, key)
    OfflineQueue(connection).put(INCIDENT, clean_note("Marker-Heron-51"), entry_uid=str(uuid.uuid4()), recorded_at=utc_now(),
                                 origin=ORIGIN_LIVE, mirror_count=0)
    connection.close()
    for file in tmp_path.glob("queue.db*"):
        assert b"Marker-Heron-51" not in file.read_bytes()
    reopened = open_local(path, key)
    try:
        assert [q.clean.text for q in OfflineQueue(reopened).pending()] == ["Marker-Heron-51"]
    finally:
        reopened.close()
