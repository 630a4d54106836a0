"""The bulk load's and the fold's fast paths give exactly what the plain paths give.

Opening a 100,000-entry incident (benchmarks/bench_core.py, "unlock+fold") was made faster by
decoding each row's fields with the JSON scanner and wrapping a flat object without a copy
(``fields_from_json``), building entries and board items through their slot descriptors
(``frozen_entry``, ``_board_item``) and sorting the boards by a C key. Hypothesis compares each
with the plain version; a real vault compares the loaded entries, their hash chain and every
projection with entries built the plain way from the same stored rows.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from types import MappingProxyType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from incident_log.domain import projections
from incident_log.domain.entry import (
    Entry,
    NewEntry,
    _freeze,
    chain_hash,
    fields_from_json,
    frozen_entry,
    genesis_hash,
)
from incident_log.domain.state import BoardItem
from incident_log.logbook import Logbook
from incident_log.store import repository

# JSON values like the ones fields hold, with the characters the flat-object test looks at.
tricky_text = st.text(alphabet=st.sampled_from(list("ab [ ] { } , : \" \\ é 1 \n")), max_size=8) | st.text(max_size=6)
scalar = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | tricky_text
json_value = st.recursive(
    scalar, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(tricky_text, inner, max_size=4), max_leaves=12
)
json_object = st.dictionaries(tricky_text, json_value, max_size=6)


def _shape(value: Any) -> Any:
    """The value with its container types spelled out: a dict equals a read-only proxy of it."""
    if isinstance(value, MappingProxyType):
        return ("proxy", {k: _shape(v) for k, v in value.items()})
    if isinstance(value, dict):
        return ("dict", {k: _shape(v) for k, v in value.items()})
    if isinstance(value, tuple):
        return ("tuple", [_shape(v) for v in value])
    if isinstance(value, list):
        return ("list", [_shape(v) for v in value])
    return (type(value).__name__, value)


@settings(max_examples=500, deadline=None)
@given(json_object, st.sampled_from(["compact", "spaced", "padded"]))
def test_fields_from_json_is_freeze_of_loads(value: dict[str, Any], style: str) -> None:
    if style == "compact":
        stored = repository.fields_json(value)
    elif style == "spaced":
        stored = json.dumps(value, ensure_ascii=True, indent=1)
    else:
        stored = "  " + json.dumps(value) + "\n"
    fast = fields_from_json(stored)
    plain = _freeze(json.loads(stored))
    assert fast == plain
    assert _shape(fast) == _shape(plain)
    assert _shape(fast)[0] == "proxy"  # read-only all the way down, like the plain path


@pytest.mark.parametrize(
    "stored", ["", " ", "{", '{"a":1', '{"a":1}x', '{"a":1},{"b":2}', "[1,2]", "1,2", '"x"', "nul", '{"a":[1}']
)
def test_fields_from_json_refuses_and_accepts_what_json_loads_does(stored: str) -> None:
    try:
        plain = _freeze(json.loads(stored))
    except ValueError as refused:
        with pytest.raises(type(refused)):
            fields_from_json(stored)
    else:
        assert _shape(fields_from_json(stored)) == _shape(plain)


def test_fields_from_json_keeps_no_one_elses_dict() -> None:
    first = fields_from_json('{"a":1}')
    second = fields_from_json('{"a":1}')
    assert first == second and first is not second
    with pytest.raises(TypeError):
        first["a"] = 2  # type: ignore[index]


moment = st.datetimes(
    min_value=datetime(1990, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
)
entry_args = st.tuples(
    st.uuids().map(str), st.integers(0, 10**9), st.sampled_from(["note", "intel", "risk", "amendment"]), moment,
    moment, st.text(max_size=5), st.text(max_size=20), json_object, st.none() | st.integers(0, 99),
    st.none() | st.text(max_size=5), st.sampled_from(["live", "import", "bundle"]), st.text(max_size=8),
    st.text(max_size=8), st.none() | st.integers(0, 10**6),
)


@settings(max_examples=300, deadline=None)
@given(entry_args)
def test_frozen_entry_equals_the_dataclass_constructor(args: tuple[Any, ...]) -> None:
    stored = repository.fields_json(args[7])  # as a row holds them (keys sorted)
    plain = Entry(*args[:7], json.loads(stored), *args[8:])
    fast = frozen_entry(*args[:7], fields_from_json(stored), *args[8:])
    assert fast == plain and hash(fast.seq) == hash(plain.seq)
    assert repr(fast) == repr(plain)
    assert _shape(fast.fields) == _shape(plain.fields)
    assert fast.canonical() == plain.canonical()
    with pytest.raises(AttributeError):
        fast.seq = 1  # type: ignore[misc]


item_args = st.tuples(
    st.integers(0, 10**6), moment, st.sampled_from(["hook", "risk"]), st.text(max_size=5), st.none() | st.text(max_size=3),
    st.text(max_size=3), st.text(max_size=3), st.text(max_size=3), st.text(max_size=3), st.none() | st.text(max_size=3),
    st.text(max_size=3),
)


@settings(max_examples=200, deadline=None)
@given(item_args)
def test_board_item_fast_constructor_equals_the_dataclass(args: tuple[Any, ...]) -> None:
    assert projections._board_item(*args) == BoardItem(*args)
    assert repr(projections._board_item(*args)) == repr(BoardItem(*args))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(moment, st.integers(0, 50)), max_size=30))
def test_the_boards_c_sort_key_orders_as_the_python_one(keys: list[tuple[datetime, int]]) -> None:
    entries = [
        Entry("i", seq, "hook", at, at, "", "", {}, None, None, "live", "", "") for at, seq in keys
    ]
    assert sorted(entries, key=projections._by_time) == sorted(entries, key=projections._time_order)


def _items_plain(entries: list[Entry], eff: Any) -> tuple[BoardItem, ...]:
    """The boards' items through the field helpers, as ``projections._items`` was first written."""
    out = []
    for entry in sorted(entries, key=projections._time_order):
        text, f = eff(entry)
        out.append(
            BoardItem(
                seq=entry.seq, at=entry.occurred_at, kind=entry.kind, text=text,
                about=projections._key(f.get("about")), source=projections._text(f.get("source")),
                grading=projections._text(f.get("grading")), category=projections._text(f.get("category")),
                status=projections._choice(f.get("status"), projections.RISK_STATUSES, "") if entry.kind == "risk" else "",
                decided_by=projections._key(f.get("decided_by")), rationale=projections._text(f.get("rationale")),
            )
        )
    return tuple(out)


field_value = st.none() | st.booleans() | st.integers() | st.sampled_from(
    ["", " ", "p1", " p1 ", "Confirmed", " RUMOURED ", "cleared", "nonsense", "B2"]
) | st.text(max_size=4) | st.lists(st.text(max_size=2), max_size=2)
board_fields = st.dictionaries(
    st.sampled_from(["about", "source", "grading", "category", "status", "decided_by", "rationale", "other"]),
    field_value,
    max_size=8,
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(["hook", "trigger", "risk", "intel", "decision"]), moment, board_fields,
                          st.text(max_size=4)), max_size=12))
def test_board_items_with_the_helpers_written_out_equal_the_helpers(rows: list[tuple[Any, ...]]) -> None:
    entries = [
        Entry("i", seq, kind, at, at, "", text, fields, None, None, "live", "", "")
        for seq, (kind, at, fields, text) in enumerate(rows, start=1)
    ]

    def eff(entry: Entry) -> tuple[str, Any]:
        return entry.text, entry.fields

    assert projections._items(entries, eff) == _items_plain(entries, eff)


# --- a real vault --------------------------------------------------------------------------


def _plain_entries(book: Logbook, ref: str) -> list[Entry]:
    """Every entry after #0 built the plain way: Entry(...) over json.loads of the stored row."""
    incident_id = book.incident(ref).id
    rows = book._read(lambda c: list(repository.iter_rows(c, incident_id)))
    return [
        Entry(
            incident_id=r[0], seq=r[1], kind=r[2], occurred_at=datetime.fromisoformat(r[3]),
            recorded_at=datetime.fromisoformat(r[4]), author=r[5], text=r[6], fields=json.loads(r[7]), refs=r[8],
            delay_reason=r[9], origin=r[10], prev_hash=r[11], hash=r[12], clock_back=r[13],
        )
        for r in rows
        if r[1] >= 1
    ]


def test_the_loaded_incident_is_the_plain_one(logbook: Logbook, viaduct: str) -> None:
    ref = viaduct
    base = logbook.incident(ref).opened_at + timedelta(hours=3)
    intel = logbook.record(ref, NewEntry(kind="intel", author="LOG-1", text="brackets", fields={"source": "[not] {nested}"}))
    logbook.record(ref, NewEntry(kind="hook", author="LOG-1", text="late", occurred_at=base, delay_reason="radio was down"))
    hook = next(e for e in logbook.all_entries(ref) if e.kind == "hook")
    logbook.amend(ref, hook.seq, "corrected words", reason="typo", author="LOG-1", corrected={"source": "[x]"})
    logbook.amend(ref, intel.seq, "", reason="source", author="LOG-1", corrected={"source": "{a} [b]", "grading": "B2"})
    plain = _plain_entries(logbook, ref)
    book_id = logbook.incident(ref).id
    loaded = logbook._read(repository.load_after, book_id, 0)
    paged = list(logbook.all_entries(ref))
    assert len(plain) > 40
    # Flat objects, nested ones (an amendment's corrections, a person's aliases) and brackets in words.
    stored = {r[7] for r in logbook._read(lambda c: list(repository.iter_rows(c, book_id)))}
    assert any("[" in f and "{" not in f[1:] for f in stored) and any("{" in f[1:] for f in stored)
    assert any("[" not in f and "{" not in f[1:] and f != "{}" for f in stored)
    for one, other, page in zip(plain, loaded, paged, strict=True):
        assert one == other == page
        assert _shape(one.fields) == _shape(other.fields) == _shape(page.fields)
    # The chain over the loaded values is the stored one.
    prev = logbook.entry(ref, 0)
    assert prev.prev_hash == genesis_hash(book_id)
    prev_hash = prev.hash
    for entry in loaded:
        assert entry.prev_hash == prev_hash
        assert chain_hash(prev_hash, entry.canonical()) == entry.hash
        prev_hash = entry.hash
    # Every projection is the same, whichever way the entries were built and in whatever order they come.
    incident = logbook.incident(ref)
    now = datetime.now(UTC)
    folded = projections.fold(incident, plain, as_of=now)
    assert logbook.state(ref, as_of=now) == folded
    assert projections.fold(incident, loaded, as_of=now) == folded
    assert projections.fold(incident, list(reversed(loaded)), as_of=now) == folded
    assert logbook.verify(ref).ok
