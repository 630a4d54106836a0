"""The incident-log/1 import: all checked up front, every refusal says where in the file."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from incident_log.domain.scenario import MAX_FILE_BYTES, load_scenario, parse_scenario
from incident_log.errors import ImportError_, ValidationError

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)


def minimal(**incident: Any) -> dict[str, Any]:
    return {
        "format": "incident-log/1",
        "incident": {"title": "Barricade, Calle Mayor", "opened_at": "2026-03-14T21:05:00+01:00", **incident},
        "people": [
            {"key": "s1", "role": "subject", "name": "Juan Pérez"},
            {"key": "n1", "role": "negotiator", "name": "Ana Ruiz"},
        ],
        "entries": [],
    }


def with_entries(*entries: dict[str, Any]) -> dict[str, Any]:
    data = minimal()
    data["entries"] = [{"at": "2026-03-14T21:10:00+01:00", "author": "L1", **e} for e in entries]
    return data


# --- the example --------------------------------------------------------------------------


def test_viaduct(viaduct_json: dict) -> None:
    scenario = parse_scenario(viaduct_json, now=NOW)
    assert scenario.people_count == 6
    assert len(scenario.entries) == 6 + 32
    assert (scenario.ref, scenario.type, scenario.exercise) == ("NEG-2026-0031", "suicide intervention", False)
    assert scenario.opened_at == datetime(2026, 3, 14, 20, 5, tzinfo=UTC)
    assert scenario.opened_at.tzinfo == UTC
    people = scenario.entries[:6]
    assert [p.kind for p in people] == ["person"] * 6
    assert [p.fields["key"] for p in people] == ["s1", "f1", "n1", "n2", "t1", "w1"]
    assert {p.author for p in people} == {"Loggist 1"}
    assert {p.occurred_at for p in people} == {scenario.opened_at}
    assert people[0].fields["aliases"] == ["Tomi"]
    assert people[0].fields["phones"] == ["+34 611 204 889"]
    # Seqs start at 1 and people come first: entries[i] gets seq 6 + i + 1.
    assert dict(scenario.ids) == {"d1": 16, "d2": 20, "o1": 21, "d3": 30, "o2": 31}
    seq_of = {i + 1: e for i, e in enumerate(scenario.entries)}
    assert seq_of[16].kind == "demand" and seq_of[16].fields["id"] == "d1"
    assert seq_of[21].kind == "offer" and seq_of[21].fields["id"] == "o1"
    updates = [(seq, e.refs, e.fields["status"]) for seq, e in seq_of.items() if e.kind == "update"]
    assert updates == [
        (18, 16, "partly met"),
        (22, 21, "delivered"),
        (23, 20, "met"),
        (34, 31, "accepted"),
        (36, 30, "partly met"),
        (37, 16, "met"),
    ]
    note = scenario.entries[6]
    assert note.kind == "note" and set(note.fields) == set()
    assert note.author == "Loggist 1"
    assert note.occurred_at == datetime(2026, 3, 14, 20, 5, tzinfo=UTC)
    rotation = scenario.entries[7]
    assert dict(rotation.fields) == {"role": "team leader", "person": "t1"}
    assert seq_of[30].fields["deadline"] == "2026-03-14T22:00:00+00:00"


def test_load_scenario_reads_the_file(tmp_path: Path, viaduct_json: dict) -> None:
    path = tmp_path / "v.json"
    path.write_text("\ufeff" + json.dumps(viaduct_json), encoding="utf-8")  # a BOM from Windows editors is fine
    assert len(load_scenario(path, now=NOW).entries) == 38


def test_entries_may_arrive_out_of_time_order() -> None:
    data = with_entries(
        {"kind": "note", "text": "second", "at": "2026-03-14T22:00:00+01:00"},
        {"kind": "note", "text": "learned later, happened first", "at": "2026-03-14T21:06:00+01:00"},
    )
    scenario = parse_scenario(data, now=NOW)
    assert [e.text for e in scenario.entries[2:]] == ["second", "learned later, happened first"]


def test_author_of_people_defaults_to_import_without_entries() -> None:
    scenario = parse_scenario(minimal(), now=NOW)
    assert [e.author for e in scenario.entries] == ["import", "import"]
    assert scenario.ref is None and scenario.type == "other" and scenario.location == ""


def test_int_refs_kept_and_id_dropped_where_kind_has_none() -> None:
    data = with_entries(
        {"kind": "note", "text": "typo here", "id": "n-1"},
        {"kind": "amendment", "refs": 3, "reason": "typo", "text": "typo fixed"},
        {"kind": "flag", "refs": 3, "reason": "debrief"},
        {"kind": "demand", "id": "d1", "by": "s1", "text": "water"},
        {"kind": "update", "refs": 6, "status": "met"},
        {"kind": "amendment", "refs": "d1", "reason": "wording", "text": "cold water"},
    )
    scenario = parse_scenario(data, now=NOW)
    note, amendment, flag, demand, update, by_id = scenario.entries[2:]
    assert "id" not in note.fields
    assert (amendment.refs, flag.refs, update.refs, by_id.refs) == (3, 3, 6, 6)
    assert demand.fields["id"] == "d1"


def test_entries_are_returned_in_their_clean_form() -> None:
    data = with_entries({"kind": "intel", "text": "x", "source": "radio", "grading": "b2", "delay_reason": "late call"})
    (intel,) = parse_scenario(data, now=NOW).entries[2:]
    assert intel.fields["grading"] == "B2"
    assert intel.delay_reason == "late call"


# --- structural problems: ImportError_ naming the path ------------------------------------


@pytest.mark.parametrize(
    ("mutate", "says"),
    [
        (lambda d: d.update(format="incident-log/2"), "format: expected 'incident-log/1', found 'incident-log/2'"),
        (lambda d: d.pop("format"), "format: expected 'incident-log/1', found 'nothing'"),
        (lambda d: d.pop("incident"), "incident: missing or not an object"),
        (lambda d: d["incident"].pop("title"), "incident.title: is required and is empty"),
        (lambda d: d["incident"].update(title="   "), "incident.title: is required and is empty"),
        (lambda d: d["incident"].update(type="riot"), "incident.type: 'riot' is not one of: hostage"),
        (lambda d: d["incident"].pop("opened_at"), "incident.opened_at: is required"),
        (lambda d: d["incident"].update(opened_at="yesterday"), "incident.opened_at: is not a time with a zone"),
        (lambda d: d["incident"].update(opened_at="2026-03-14T21:05:00"), "incident.opened_at: is not a time with a zone"),
        (lambda d: d["incident"].update(opened_at="2099-01-01T00:00:00Z"), "incident.opened_at: is in the future"),
        (lambda d: d["incident"].update(exercise="yes"), "incident.exercise: must be true or false"),
        (lambda d: d["incident"].update(location=42), "incident.location: must be text"),
        (lambda d: d.update(entries={"a": 1}), "entries: not a list"),
        (lambda d: d.pop("entries"), "entries: missing or not a list"),
        (lambda d: d.update(people="s1"), "people: not a list"),
    ],
)
def test_structural_problems_name_the_path(mutate: Any, says: str) -> None:
    data = minimal()
    mutate(data)
    with pytest.raises(ImportError_) as caught:
        parse_scenario(data, now=NOW)
    assert says in caught.value.message


@pytest.mark.parametrize("data", [[], "incident-log/1", None, 3])
def test_not_an_object(data: Any) -> None:
    with pytest.raises(ImportError_, match="must be a JSON object"):
        parse_scenario(data, now=NOW)


def test_type_is_case_insensitive() -> None:
    assert parse_scenario(minimal(type="Hostage"), now=NOW).type == "hostage"


# --- entry problems: ValidationError with index and field --------------------------------


ENTRY_CASES = [
    ({"kind": "gossip", "text": "x"}, "kind", "'gossip' is not an entry kind"),
    ({"text": "x"}, "kind", "'nothing' is not an entry kind"),
    ({"kind": "seal", "head": "h", "count": 1}, "kind", "written by the program"),
    ({"kind": "note", "text": "x", "at": None}, "at", "is required"),
    ({"kind": "note", "text": "x", "at": "21:40"}, "at", "is not a time with a zone"),
    ({"kind": "note", "text": "x", "at": "2026-03-14T21:40:00"}, "at", "is not a time with a zone"),
    ({"kind": "note", "text": "x", "at": "2099-03-14T21:40:00Z"}, "at", "is in the future"),
    ({"kind": "note", "text": ""}, "text", "is required and is empty"),
    ({"kind": "note", "text": "x", "author": ""}, "author", "is required and is empty"),
    ({"kind": "note", "text": "x", "colour": "red"}, "colour", "is not a field of a note entry"),
    ({"kind": "demand", "text": "x", "by": "zz9"}, "by", "no person with key 'zz9'"),
    ({"kind": "demand", "text": "x"}, "by", "is required for a demand entry"),
    ({"kind": "intel", "text": "x", "source": "radio", "grading": "Z9"}, "grading", "is not a grading"),
    ({"kind": "update", "refs": "d9", "status": "met"}, "refs", "no demand or offer with id 'd9' earlier in the file"),
    ({"kind": "update", "refs": 1, "status": "met"}, "refs", "entry #1 is a person"),
    ({"kind": "update", "refs": 99, "status": "met"}, "refs", "there is no entry #99"),
    ({"kind": "update", "refs": ["d1"], "status": "met"}, "refs", "must be an entry number or the id"),
    ({"kind": "flag", "refs": 0, "reason": "r"}, "refs", "is not an entry number in this file"),
    ({"kind": "flag", "refs": 10**5000, "reason": "r"}, "refs", "is not an entry number in this file"),
    ({"kind": "amendment", "reason": "r"}, "refs", "must name the entry it refers to"),
    ({"kind": "rotation", "role": "boss", "person": "n1"}, "role", "'boss' is not one of"),
]


@pytest.mark.parametrize(("entry", "field", "says"), ENTRY_CASES)
def test_entry_problems_name_index_and_field(entry: dict[str, Any], field: str, says: str) -> None:
    good = {"kind": "note", "text": "fine"}
    data = with_entries(good, good, entry)
    with pytest.raises(ValidationError) as caught:
        parse_scenario(data, now=NOW)
    error = caught.value
    assert (error.index, error.field) == (2, field)
    assert error.message.startswith(f"entry 2: {field}: ")
    assert says in error.message


def test_update_refs_to_a_demand_given_later_is_refused() -> None:
    data = with_entries(
        {"kind": "update", "refs": "d1", "status": "met"},
        {"kind": "demand", "id": "d1", "by": "s1", "text": "water"},
    )
    with pytest.raises(ValidationError) as caught:
        parse_scenario(data, now=NOW)
    assert (caught.value.index, caught.value.field) == (0, "refs")


def test_offer_status_on_a_demand_is_refused() -> None:
    data = with_entries(
        {"kind": "demand", "id": "d1", "by": "s1", "text": "water"},
        {"kind": "update", "refs": "d1", "status": "delivered"},
    )
    with pytest.raises(ValidationError, match=r"^entry 1: status: 'delivered' is not a demand status"):
        parse_scenario(data, now=NOW)


def test_duplicate_ids_are_refused() -> None:
    data = with_entries(
        {"kind": "demand", "id": "d1", "by": "s1", "text": "water"},
        {"kind": "offer", "id": "d1", "by": "n1", "text": "water"},
    )
    with pytest.raises(ValidationError, match=r"^entry 1: id: 'd1' is used twice"):
        parse_scenario(data, now=NOW)


def test_entry_that_is_not_an_object() -> None:
    data = with_entries({"kind": "note", "text": "x"})
    data["entries"].append(["note", "x"])
    with pytest.raises(ValidationError, match=r"^entry 1: entry: must be an object"):
        parse_scenario(data, now=NOW)


@pytest.mark.parametrize(
    ("person", "says"),
    [
        ({"key": "h1", "role": "boss", "name": "X"}, "people[2].role: 'boss' is not one of"),
        ({"key": "h1", "role": "hostage"}, "people[2].name: is required for a person entry"),
        ({"key": "h 1!", "role": "hostage", "name": "X"}, "people[2].key: use letters, digits"),
        ({"key": "s1", "role": "hostage", "name": "X"}, "people[2].key: 's1' is used twice"),
        ({"key": "h1", "role": "hostage", "name": "X", "age": 30}, "people[2].age: is not a field of a person"),
        ({"key": "h1", "role": "hostage", "name": "X", "phones": 611}, "people[2].phones: must be a list of text"),
        ("h1", "people[2]: must be an object"),
    ],
)
def test_people_problems_name_index_and_field(person: Any, says: str) -> None:
    data = minimal()
    data["people"].append(person)
    with pytest.raises(ValidationError) as caught:
        parse_scenario(data, now=NOW)
    assert caught.value.message.startswith(says)
    assert caught.value.index is None


def test_parse_does_not_change_its_input(viaduct_json: dict) -> None:
    before = copy.deepcopy(viaduct_json)
    parse_scenario(viaduct_json, now=NOW)
    assert viaduct_json == before


# --- files ---------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ImportError_, match=r"Cannot read .*nope\.json"):
        load_scenario(tmp_path / "nope.json")


def test_not_json(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"format": "incident-log/1",\n  "incident": {', encoding="utf-8")
    with pytest.raises(ImportError_, match=r"bad\.json is not valid JSON \(line 2, column"):
        load_scenario(path)


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes('{"title": "Pérez"}'.encode("latin-1"))
    with pytest.raises(ImportError_, match="is not UTF-8 text"):
        load_scenario(path)


def test_too_large(tmp_path: Path) -> None:
    path = tmp_path / "huge.json"
    with path.open("wb") as handle:  # sparse: no 50 MB is actually written
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(ImportError_, match="a scenario file may be at most 50 MB"):
        load_scenario(path)


def test_a_directory_is_not_a_file(tmp_path: Path) -> None:
    with pytest.raises(ImportError_, match="Cannot read"):
        load_scenario(tmp_path)


@pytest.mark.parametrize("content", ["[" * 100_000, '{"n": ' + "9" * 5000 + "}"])
def test_hostile_json_is_an_import_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "hostile.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ImportError_, match="hostile.json is not"):
        load_scenario(path)
