"""The fold: what the boards, the second screen and the report are told."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from incident_log.domain.entry import ORIGIN_IMPORT
from incident_log.domain.projections import effective, fold
from incident_log.domain.scenario import parse_scenario
from tests.conftest import VIADUCT

from .conftest import LogBuilder


def _viaduct_builder(data: dict) -> LogBuilder:
    scenario = parse_scenario(data)
    log = LogBuilder(opened_at=scenario.opened_at)
    for draft in scenario.entries:
        log.add_new(draft)
    return log


@pytest.fixture
def viaduct_log(viaduct_json: dict) -> LogBuilder:
    return _viaduct_builder(viaduct_json)


@pytest.fixture(scope="module")
def viaduct_once() -> LogBuilder:
    """Read-only viaduct log shared by property tests (hypothesis re-runs the body, not the fixture)."""
    return _viaduct_builder(json.loads(VIADUCT.read_text(encoding="utf-8")))


def seconds(**kw: float) -> float:
    return timedelta(**kw).total_seconds()


# --- people -----------------------------------------------------------------------------


def test_people_keep_every_name_and_phone_ever_recorded(log) -> None:
    s1 = log.person("s1", "subject", "Tomás Ibarra", aliases=["Tomi"], phones=["611 204 889"])
    log.amend(s1.seq, reason="spelling", name="Tomás Ibarra Ruiz", aliases=["El Tomi"], phones=["+34 611 204 889"])
    state = log.fold()
    (person,) = state.people
    assert person.name == "Tomás Ibarra Ruiz"
    assert person.aliases == ("El Tomi",)
    assert person.phones == ("+34 611 204 889",)
    assert person.all_names == ("Tomás Ibarra", "Tomi", "Tomás Ibarra Ruiz", "El Tomi")
    assert person.all_phones == ("611 204 889", "+34 611 204 889")
    assert person.seq == s1.seq
    assert state.person("s1") is person
    assert state.person("nobody") is None


def test_amendment_without_corrected_fields_leaves_person_alone(log) -> None:
    s1 = log.person("s1", "subject", "Ann Lee")
    log.amend(s1.seq, "note about the register", reason="context")
    (person,) = log.fold().people
    assert person.name == "Ann Lee"
    assert person.role == "subject"
    assert person.all_names == ("Ann Lee",)


# --- roster -----------------------------------------------------------------------------


def test_viaduct_roster_with_reversed_rotation(viaduct_log: LogBuilder) -> None:
    # Vidal (n1) number one 21:18-22:10 and again from 22:13; Molina (n2) number one 22:10-22:13.
    as_of = viaduct_log.at(0) + timedelta(hours=2)  # 23:05 local
    state = viaduct_log.fold(as_of)
    roster = state.roster
    assert roster.on_phone == "n1"
    assert roster.on_phone_since == viaduct_log.at(68)  # 22:13 local
    assert roster.current == {"team leader": "t1", "primary negotiator": "n1", "secondary/coach": "n2"}
    assert roster.phone_seconds["n2"] == seconds(minutes=3)
    assert roster.phone_seconds["n1"] == seconds(minutes=52) + seconds(minutes=52)  # 22:13 -> 23:05
    assert "t1" not in roster.phone_seconds
    # Molina's first coach spell ended when he took the phone at 22:10, not at Vidal's 22:10:30.
    molina_coach = [s for s in roster.spells if s.person == "n2" and s.role == "secondary/coach"]
    assert [s.end for s in molina_coach] == [viaduct_log.at(65), None]
    assert molina_coach[0].start == viaduct_log.at(13.5)
    # Spells are in time order.
    starts = [s.start for s in roster.spells]
    assert starts == sorted(starts)
    assert state.statistics.rotations == 7


def test_phone_time_stops_at_the_seal_and_runs_again_after_reopen(log) -> None:
    log.person("n1", "negotiator", "A")
    log.add("rotation", at=10, role="primary negotiator", person="n1")
    log.add("seal", at=40, head="x", count=2)
    sealed = log.fold(as_of=100)
    assert sealed.sealed
    assert sealed.roster.phone_seconds == {"n1": seconds(minutes=30)}
    assert sealed.statistics.ended_at == log.at(40)
    assert sealed.statistics.duration_seconds == seconds(minutes=40)
    assert sealed.extra["sealed_at"] == log.at(40)
    log.add("reopen", at=50, reason="late information")
    reopened = log.fold(as_of=100)
    assert not reopened.sealed
    assert reopened.statistics.ended_at is None
    assert reopened.statistics.duration_seconds == seconds(minutes=100)
    assert reopened.roster.phone_seconds == {"n1": seconds(minutes=90)}
    log.add("seal", at=60, head="y", count=4)
    assert log.fold(as_of=100).statistics.ended_at == log.at(60)


def test_rotation_into_the_role_already_held_changes_nothing(log) -> None:
    log.person("n1", "negotiator", "A")
    log.add("rotation", at=0, role="primary negotiator", person="n1")
    log.add("rotation", at=5, role="primary negotiator", person="n1")
    roster = log.fold(as_of=10).roster
    assert len(roster.spells) == 1
    assert roster.phone_seconds == {"n1": seconds(minutes=10)}


def test_late_recorded_rotation_takes_its_place_in_time(log) -> None:
    log.person("n1", "negotiator", "A")
    log.person("n2", "negotiator", "B")
    log.add("rotation", at=0, role="primary negotiator", person="n1")
    log.add("rotation", at=30, role="primary negotiator", person="n1")  # no-op restatement
    # Recorded last, happened at minute 20: n2 took the phone then, and n1 took it back at 30.
    log.add("rotation", at=20, recorded_at=log.at(35), role="primary negotiator", person="n2")
    roster = log.fold(as_of=40).roster
    assert roster.phone_seconds == {"n1": seconds(minutes=30), "n2": seconds(minutes=10)}
    assert roster.on_phone == "n1"


def test_amended_rotation_moves_phone_time_to_the_right_person(log) -> None:
    log.person("n1", "negotiator", "A")
    log.person("n2", "negotiator", "B")
    wrong = log.add("rotation", at=0, role="primary negotiator", person="n1")
    log.amend(wrong.seq, reason="it was Molina", person="n2")
    roster = log.fold(as_of=15).roster
    assert roster.phone_seconds == {"n2": seconds(minutes=15)}
    assert roster.on_phone == "n2"


# --- demands and offers -----------------------------------------------------------------


def test_demand_with_deadline_restated_twice(log) -> None:
    log.person("s1", "subject", "X")
    d = log.add("demand", "car to the airport", at=0, by="s1", deadline=log.at(60).isoformat(), id="d1")
    log.add("update", "he extends it", at=30, refs=d.seq, status="open", deadline=log.at(90).isoformat())
    log.add("update", "and again", at=80, refs=d.seq, status="open", deadline=log.at(120).isoformat())
    log.add("update", "refused by commander", at=100, refs=d.seq, status="refused")
    (demand,) = log.fold().demands
    assert demand.deadline == log.at(120)
    assert demand.deadline_restated == 2
    assert demand.status == "refused"
    assert not demand.is_open
    assert [h.status for h in demand.history] == ["open", "open", "refused"]
    assert demand.external_id == "d1"
    assert demand.by == "s1"


def test_first_deadline_given_by_update_is_not_a_restatement(log) -> None:
    log.person("s1", "subject", "X")
    d = log.add("demand", "pizza", at=0, by="s1")
    log.add("update", at=5, refs=d.seq, status="open", deadline=log.at(30).isoformat())
    (demand,) = log.fold().demands
    assert demand.deadline == log.at(30)
    assert demand.deadline_restated == 0
    assert demand.is_open


def test_updates_apply_in_the_order_they_happened(log) -> None:
    log.person("s1", "subject", "X")
    d = log.add("demand", "water", at=0, by="s1")
    log.add("update", at=20, refs=d.seq, status="met")
    log.add("update", at=10, recorded_at=log.at(25), refs=d.seq, status="partly met")
    (demand,) = log.fold().demands
    assert demand.status == "met"
    assert [h.status for h in demand.history] == ["partly met", "met"]


def test_offer_accepted_is_owed_until_delivered(log) -> None:
    log.person("s1", "subject", "X")
    log.person("n1", "negotiator", "Y")
    o = log.add("offer", "a call to the shelter", at=0, by="n1", to="s1", conditions="comes back over", id="o2")
    assert log.fold().offers[0].status == "made"
    assert not log.fold().offers[0].owed
    log.add("update", "he nods", at=10, refs=o.seq, status="accepted")
    (offer,) = log.fold().offers
    assert offer.owed
    assert offer.to == "s1"
    assert offer.conditions == "comes back over"
    assert offer.external_id == "o2"
    log.add("update", at=20, refs=o.seq, status="delivered")
    (offer,) = log.fold().offers
    assert not offer.owed
    assert [h.status for h in offer.history] == ["accepted", "delivered"]


def test_amended_demand_shows_corrected_text_and_fields_on_the_board(log) -> None:
    log.person("s1", "subject", "X")
    log.person("s2", "subject", "Y")
    d = log.add("demand", "wants a helicopter", at=0, by="s1")
    log.amend(d.seq, "wants a HOT MEAL (misheard)", reason="misheard", by="s2")
    log.amend(d.seq, "", reason="deadline added", deadline=log.at(45).isoformat())
    state = log.fold()
    (demand,) = state.demands
    assert demand.text == "wants a HOT MEAL (misheard)"
    assert demand.by == "s2"
    assert demand.deadline == log.at(45)
    assert state.amendments == {d.seq: (d.seq + 1, d.seq + 2)}


def test_amended_update_corrects_the_status(log) -> None:
    log.person("s1", "subject", "X")
    d = log.add("demand", "water", at=0, by="s1")
    u = log.add("update", at=5, refs=d.seq, status="met")
    log.amend(u.seq, reason="only half", status="partly met")
    (demand,) = log.fold().demands
    assert demand.status == "partly met"


def test_updates_to_missing_targets_and_bad_corrections_are_ignored(log) -> None:
    log.person("s1", "subject", "X")
    d = log.add("demand", "water", at=0, by="s1")
    log.add("update", at=5, refs=999, status="met")
    log.amend(d.seq, reason="bad value", deadline="not a time", by=42)
    (demand,) = log.fold().demands
    assert demand.status == "open"
    assert demand.deadline is None
    assert demand.by == ""


# --- boards -----------------------------------------------------------------------------


def test_boards_carry_their_fields_in_time_order(log) -> None:
    log.person("s1", "subject", "X")
    log.person("t1", "commander", "Z")
    log.add("hook", "his dog", at=20, about="s1", source="sister")
    log.add("hook", "football", at=10, recorded_at=log.at(30), about="s1")
    log.add("trigger", "his father", at=5, about="s1", source="neighbour")
    log.add("intel", "owns a shotgun", at=3, source="firearms register", grading="A1")
    log.add("decision", "withdraw 20 m", at=4, decided_by="t1", rationale="reduce pressure")
    r = log.add("risk", "knife seen", at=6, category="weapon", status="rumoured", about="s1")
    state = log.fold()
    assert [h.text for h in state.hooks] == ["football", "his dog"]
    assert state.hooks[1].source == "sister"
    assert state.triggers[0].about == "s1"
    assert (state.intelligence[0].source, state.intelligence[0].grading) == ("firearms register", "A1")
    assert (state.decisions[0].decided_by, state.decisions[0].rationale) == ("t1", "reduce pressure")
    assert (state.risks[0].category, state.risks[0].status) == ("weapon", "rumoured")
    log.amend(r.seq, reason="seen by officer", status="confirmed")
    log.amend(r.seq, reason="knife thrown away", status="cleared")
    assert log.fold().risks[0].status == "cleared"
    assert log.fold().risks[0].text == "knife seen"


def test_contacts_flags_review_and_head(log) -> None:
    log.person("s1", "subject", "X")
    log.add("contact", at=10, channel="phone", event="attempt")
    log.add("contact", at=15, channel="phone", event="start", **{"with": "s1"})
    n = log.add("note", "odd remark", at=16)
    log.add("contact", at=40, channel="phone", event="lost")
    log.add("flag", at=41, refs=n.seq, reason="check in debrief", author="TL")
    log.add("review", at=42, upto=5, author="TL")
    last = log.add("review", at=50, upto=7, author="TL")
    state = log.fold(as_of=60)
    assert [c.event for c in state.contacts] == ["attempt", "start", "lost"]
    assert state.contacts[1].with_person == "s1"
    assert state.statistics.first_contact_at == log.at(15)
    assert state.statistics.time_to_first_contact_seconds == seconds(minutes=15)
    assert state.statistics.last_contact_at == log.at(40)
    (flag,) = state.flags
    assert (flag.target, flag.reason, flag.author) == (n.seq, "check in debrief", "TL")
    assert (state.reviewed_upto, state.reviewed_at) == (7, log.at(50))
    assert state.head_hash == last.hash
    assert state.authors == ("Loggist A", "TL")


def test_first_contact_falls_back_to_first_statement(log) -> None:
    log.person("s1", "subject", "X")
    log.add("statement", "go away", at=30, speaker="s1")
    log.add("statement", "earlier words", at=12, recorded_at=log.at(31), speaker="s1")
    stats = log.fold().statistics
    assert stats.first_contact_at == log.at(12)
    assert stats.last_contact_at is None


# --- statistics ---------------------------------------------------------------------------


def test_statistics(log) -> None:
    log.person("s1", "subject", "X")
    d1 = log.add("demand", "a", at=1, by="s1")
    d2 = log.add("demand", "b", at=2, by="s1")
    log.add("demand", "c", at=3, by="s1")
    d4 = log.add("demand", "d", at=4, by="s1")
    log.add("update", at=5, refs=d1.seq, status="met")
    log.add("update", at=5, refs=d2.seq, status="partly met")
    log.add("update", at=5, refs=d4.seq, status="refused")
    # Late: 11 min after (live) counts; 10 min exactly does not; imported never does.
    log.add("note", "late", at=6, recorded_at=log.at(17))
    log.add("note", "on the margin", at=7, recorded_at=log.at(17))
    log.add("note", "imported", at=0, recorded_at=log.at(300), origin=ORIGIN_IMPORT)
    stats = log.fold(as_of=30).statistics
    assert (stats.demands_met, stats.demands_partly_met, stats.demands_refused, stats.demands_open) == (1, 1, 1, 1)
    assert stats.late_entries == 1
    assert stats.entry_count == 11
    assert stats.counts_by_kind == {"person": 1, "demand": 4, "update": 3, "note": 3}
    assert stats.started_at == log.incident.opened_at
    assert stats.ended_at is None
    assert stats.duration_seconds == seconds(minutes=30)
    assert stats.first_contact_at is None and stats.time_to_first_contact_seconds is None
    wide = fold(log.incident, log.entries, as_of=log.at(30), late_margin=timedelta(minutes=30))
    assert wide.statistics.late_entries == 0


def test_empty_log(log) -> None:
    state = log.fold(as_of=5)
    assert state.people == () and state.demands == () and state.roster.on_phone is None
    assert state.head_hash == ""
    assert state.statistics.entry_count == 0
    assert not state.sealed


def test_entry_order_of_input_does_not_matter(viaduct_log: LogBuilder) -> None:
    as_of = viaduct_log.at(120)
    forward = viaduct_log.fold(as_of)
    backward = viaduct_log.fold(as_of, entries=reversed(viaduct_log.entries))
    assert backward == forward


def test_viaduct_boards(viaduct_log: LogBuilder) -> None:
    state = viaduct_log.fold(viaduct_log.at(125))
    by_id = {d.external_id: d for d in state.demands}
    assert {k: d.status for k, d in by_id.items()} == {"d1": "met", "d2": "met", "d3": "partly met"}
    assert [h.status for h in by_id["d1"].history] == ["partly met", "met"]
    assert by_id["d3"].deadline == viaduct_log.at(115)
    offers = {o.external_id: o for o in state.offers}
    assert offers["o1"].status == "delivered" and offers["o2"].owed
    assert [p.label for p in state.people] == [
        "Subject A", "Family 1", "Negotiator 1", "Negotiator 2", "Negotiator 3", "Witness 1",
    ]
    assert state.statistics.first_contact_at == viaduct_log.at(16)
    assert state.statistics.late_entries == 0  # imported entries are never "late"
    assert len(state.intelligence) == 4


def test_effective_uses_latest_non_empty_text(log) -> None:
    n = log.add("note", "original")
    a1 = log.amend(n.seq, "first fix")
    a2 = log.amend(n.seq, "", reason="only a reason")
    text, fields = effective(n, [a1, a2])
    assert text == "first fix"
    assert effective(n) == ("original", n.fields)


# --- roster invariants over any sequence of rotations ------------------------------------

rotation_steps = st.lists(
    st.tuples(
        st.integers(0, 300),  # minute it happened
        st.sampled_from(["primary negotiator", "secondary/coach", "team leader"]),
        st.sampled_from(["n1", "n2", "n3"]),
    ),
    max_size=25,
)


@given(steps=rotation_steps, as_of=st.integers(0, 400))
def test_roster_invariants(steps: list[tuple[int, str, str]], as_of: int) -> None:
    log = LogBuilder()
    for key in ("n1", "n2", "n3"):
        log.person(key, "negotiator", key.upper())
    for minute, role, person in steps:
        log.add("rotation", at=minute, recorded_at=log.at(400), role=role, person=person)
    roster = log.fold(as_of=as_of).roster

    def overlapping(spells: list) -> bool:
        spells = sorted(spells, key=lambda s: (s.start, s.seq))
        return any(a.end is None or a.end > b.start for a, b in zip(spells, spells[1:], strict=False))

    for role in {s.role for s in roster.spells}:
        assert not overlapping([s for s in roster.spells if s.role == role]), "two people in one role"
    for person in {s.person for s in roster.spells}:
        assert not overlapping([s for s in roster.spells if s.person == person]), "one person in two roles"
    # One phone: the negotiators' time adds up to no more than the clock ran since the first one took it.
    primaries = [s for s in roster.spells if s.role == "primary negotiator"]
    if primaries:
        elapsed = max(0.0, (log.at(as_of) - primaries[0].start).total_seconds())
        assert sum(roster.phone_seconds.values()) <= elapsed
    assert roster.current == {s.role: s.person for s in roster.spells if s.end is None}
    assert roster.on_phone == roster.current.get("primary negotiator")


def test_corrected_key_does_not_move_a_person(log) -> None:
    s1 = log.person("s1", "subject", "X")
    log.amend(s1.seq, reason="wrong key", key="s9")
    (person,) = log.fold().people
    assert person.key == "s1"


def test_a_second_registration_of_a_key_updates_the_same_person(log) -> None:
    log.person("s1", "subject", "Juan", phones=["611"])
    log.person("s1", "hostage", "Juan Pérez", aliases=["Juanito"])
    (person,) = log.fold().people
    assert (person.label, person.role, person.name, person.seq) == ("Subject A", "hostage", "Juan Pérez", 1)
    assert person.all_names == ("Juan", "Juan Pérez", "Juanito")
    assert person.phones == ("611",)


def test_boards_of_promises_in_time_order(log) -> None:
    log.person("s1", "subject", "X")
    log.add("demand", "second", at=20, by="s1")
    log.add("demand", "first, recorded late", at=5, recorded_at=log.at(21), by="s1")
    assert [d.text for d in log.fold().demands] == ["first, recorded late", "second"]


@given(order=st.permutations(range(38)))
def test_fold_does_not_depend_on_the_order_entries_are_handed_in(viaduct_once: LogBuilder, order: list[int]) -> None:
    entries = [viaduct_once.entries[i] for i in order]
    assert viaduct_once.fold(120, entries=entries) == viaduct_once.fold(120)
