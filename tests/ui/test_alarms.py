"""Alarms that cannot be missed: the rule (pure, property-tested) and the banner in both windows."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from incident_log.domain.alarms import AMBER, RED, AlarmPolicy, acknowledged_ids, alarms
from incident_log.domain.entry import Entry, Incident, NewEntry, utc_now
from incident_log.domain.projections import fold
from tests.ui.conftest import open_leader_window, press
from tests.ui.test_loggist_flow import here, open_window

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
T0 = datetime(2026, 3, 14, 21, 0, tzinfo=UTC)
INCIDENT = Incident(id="i", ref="NEG-1", title="t", type="other", location="", opened_at=T0, exercise=False)


def entry(seq: int, kind: str, at: datetime, fields: dict, refs: int | None = None, text: str = "x") -> Entry:
    return Entry("i", seq, kind, at, at, "L1", text, fields, refs, None, "live", "", f"h{seq}")


def state_with(deadlines: list[datetime | None], contacts: list[tuple[int, str]] = (), sealed: bool = False):
    entries = [entry(1, "person", T0, {"key": "s1", "role": "subject", "name": "Ana"})]
    for deadline in deadlines:
        fields = {"by": "s1"} | ({"deadline": deadline.isoformat()} if deadline else {})
        entries.append(entry(len(entries) + 1, "demand", T0, fields))
    for minute, event in contacts:
        entries.append(entry(len(entries) + 1, "contact", T0 + timedelta(minutes=minute),
                             {"channel": "phone", "event": event}))
    if sealed:
        entries.append(entry(len(entries) + 1, "seal", T0 + timedelta(minutes=5), {"head": "h", "count": 1}))
    return fold(INCIDENT, entries, as_of=T0)


POLICY = AlarmPolicy((10, 2), 30)


def test_a_deadline_warns_at_each_threshold_once_then_says_it_passed():
    deadline = T0 + timedelta(minutes=60)
    state = state_with([deadline], contacts=[(0, "start")])
    assert alarms(state, deadline - timedelta(minutes=11), POLICY) == []
    soon = alarms(state, deadline - timedelta(minutes=9), POLICY)
    assert [a.level for a in soon] == [AMBER] and "Deadline in 9 min" in soon[0].text and "Subject A" in soon[0].text
    # Acknowledged, the ten-minute warning is silent; the two-minute one is a new alarm.
    assert alarms(state, deadline - timedelta(minutes=5), POLICY, {soon[0].id}) == []
    close = alarms(state, deadline - timedelta(minutes=1), POLICY, {soon[0].id})
    assert len(close) == 1 and close[0].id != soon[0].id
    passed = alarms(state, deadline + timedelta(minutes=3), POLICY, {soon[0].id, close[0].id})
    assert [a.level for a in passed] == [RED] and "PASSED 3 min ago" in passed[0].text


def test_silence_raises_an_alarm_per_step_and_an_open_line_none():
    state = state_with([], contacts=[(0, "start"), (10, "end")])
    assert alarms(state, T0 + timedelta(minutes=39), POLICY) == []
    first = alarms(state, T0 + timedelta(minutes=41), POLICY)
    assert [a.level for a in first] == [RED] and "No contact for 30 minutes" in first[0].text
    assert alarms(state, T0 + timedelta(minutes=60), POLICY, {first[0].id}) == []
    again = alarms(state, T0 + timedelta(minutes=71), POLICY, {first[0].id})
    assert "No contact for 60 minutes" in again[0].text
    talking = state_with([], contacts=[(0, "start")])
    assert alarms(talking, T0 + timedelta(hours=5), POLICY) == []
    # The subject's own words are contact too.
    assert alarms(state, T0 + timedelta(minutes=41), POLICY, last_statement_at=T0 + timedelta(minutes=30)) == []


def test_a_sealed_incident_has_no_alarms():
    state = state_with([T0 + timedelta(minutes=1)], sealed=True)
    assert alarms(state, T0 + timedelta(hours=3), POLICY) == []


def test_policy_reads_what_the_settings_hold():
    assert AlarmPolicy.parse("10, 2", 30) == AlarmPolicy((10, 2), 30)
    assert AlarmPolicy.parse("2;15, x, 0, 15", 0) == AlarmPolicy((15, 2), 0)
    assert AlarmPolicy.parse("", -4) == AlarmPolicy((), 0)


@settings(max_examples=150, deadline=None)
@given(
    offsets=st.lists(st.one_of(st.none(), st.integers(min_value=-600, max_value=600)), max_size=8),
    contacts=st.lists(st.tuples(st.integers(min_value=0, max_value=600), st.sampled_from(["attempt", "start", "end", "lost"])),
                      max_size=6),
    minute=st.integers(min_value=0, max_value=1200),
    warnings=st.lists(st.integers(min_value=1, max_value=120), max_size=3),
    silence=st.integers(min_value=0, max_value=120),
)
def test_alarms_are_unique_ordered_and_only_for_what_is_due(offsets, contacts, minute, warnings, silence):
    deadlines = [None if o is None else T0 + timedelta(minutes=o) for o in offsets]
    state = state_with(deadlines, sorted(contacts))
    policy = AlarmPolicy(tuple(sorted(set(warnings), reverse=True)), silence)
    now = T0 + timedelta(minutes=minute)
    found = alarms(state, now, policy)
    assert len({a.id for a in found}) == len(found)
    assert [a.level for a in found] == sorted((a.level for a in found), key=lambda lv: lv != RED)
    for alarm in found:
        if alarm.seq:
            left = (alarm.due - now).total_seconds()
            assert (alarm.level == RED) == (left <= 0)
            assert left <= 0 or any(left <= m * 60 for m in policy.deadline_warnings)
    # Acknowledging everything silences everything, until something new is due.
    assert alarms(state, now, policy, {a.id for a in found}) == []


def test_the_banner_shows_in_both_windows_and_acknowledging_is_recorded(ctx, logbook, qtbot):
    window, ref = open_window(ctx, logbook, qtbot)
    logbook.record(ref, NewEntry("person", "", {"key": "s1", "role": "subject", "name": "José Núñez"}, author="L1"))
    logbook.record(ref, NewEntry("contact", "", {"channel": "phone", "event": "start", "with": "s1"}, author="L1"))
    deadline = utc_now() + timedelta(minutes=9)
    logbook.record(ref, NewEntry("demand", "Wants his dog back", {"by": "s1", "deadline": deadline}, author="L1"))
    leader = open_leader_window(window, qtbot, "TL García")
    for view in (window, leader):
        banner = view.findChild(QWidget, "alarmBanner")
        qtbot.waitUntil(banner.isVisible)
        assert banner.property("level") == "amber"
        text = banner.findChild(QLabel, "alarmText").text()
        assert "Deadline in 8 min" in text or "Deadline in 9 min" in text
        assert "Ctrl+Shift+A" in banner.findChild(QLabel, "alarmHint").text()
    # The team leader acknowledges it, with their own callsign; it goes from both windows.
    leader.activateWindow()
    qtbot.waitUntil(leader.isActiveWindow)
    press(leader.timeline.table, Qt.Key.Key_A, CTRL_SHIFT)
    ack = logbook.entry(ref, logbook.head(ref)[0])
    assert (ack.kind, ack.author) == ("alarm", "TL García")
    assert ack.fields["alarm"].startswith("deadline:3:") and ack.text.startswith("Deadline in")
    for view in (window, leader):
        qtbot.waitUntil(lambda v=view: not v.findChild(QWidget, "alarmBanner").isVisible())
    # Eight minutes later the two-minute warning is a new alarm, and after the deadline a red one.
    banner = window.findChild(QWidget, "alarmBanner")
    banner.refresh(deadline - timedelta(minutes=1, seconds=30))
    assert banner.isVisible() and "Deadline in 1 min" in banner.findChild(QLabel, "alarmText").text()
    banner.refresh(deadline + timedelta(minutes=4))
    assert banner.property("level") == "red"
    assert "PASSED 4 min ago" in banner.findChild(QLabel, "alarmText").text()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press(here(), Qt.Key.Key_A, CTRL_SHIFT)
    assert logbook.entry(ref, logbook.head(ref)[0]).author == "Loggist Łukasz"
    ids = acknowledged_ids(logbook.all_entries(ref))
    assert any(i.endswith(":passed") for i in ids)


def test_no_contact_for_half_an_hour_is_an_alarm_in_the_incident_window(ctx, logbook, qtbot):
    long_ago = utc_now() - timedelta(minutes=45)
    ref = logbook.import_scenario({
        "format": "incident-log/1",
        "incident": {"title": "Quiet", "type": "crisis", "location": "", "opened_at": long_ago.isoformat()},
        "people": [{"key": "s1", "role": "subject", "name": "Ana"}],
        "entries": [{"at": (long_ago + timedelta(minutes=5)).isoformat(), "kind": "contact", "author": "L1",
                     "channel": "phone", "event": "lost", "text": ""}],
    }).ref
    window = ctx.open_incident(ref)
    banner = window.findChild(QWidget, "alarmBanner")
    qtbot.waitUntil(banner.isVisible)
    assert "No contact for 30 minutes" in banner.findChild(QLabel, "alarmText").text()
    assert banner.property("level") == "red"
