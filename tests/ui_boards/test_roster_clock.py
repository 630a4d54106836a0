"""Roster, incident clock and review list: live durations driven through refresh_clock."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from boards_states import T0, at, make_state
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableView

from incident_log.domain.state import ContactEvent, Flag, RoleSpell, Roster
from incident_log.ui.boards._common import LEVEL_ROLE
from incident_log.ui.boards.clock import IncidentClock
from incident_log.ui.boards.review import ReviewList
from incident_log.ui.boards.roster import PhoneModel, RolesModel, RosterBoard


def rotated_state():
    """n1 primary 21:18-22:10 (52 min), n2 22:10-22:13, n1 again since 22:13; t1 team leader."""
    spells = (
        RoleSpell("team leader", "t1", at(4), None, 2),
        RoleSpell("primary negotiator", "n1", at(13), at(65), 5),
        RoleSpell("primary negotiator", "n2", at(65), at(68), 19),
        RoleSpell("primary negotiator", "n1", at(68), None, 22),
        RoleSpell("secondary/coach", "n2", at(69), None, 23),
    )
    as_of = at(80)
    roster = Roster(
        current={"team leader": "t1", "primary negotiator": "n1", "secondary/coach": "n2"},
        spells=spells,
        phone_seconds={"n1": (52 + 12) * 60.0, "n2": 3 * 60.0},
        on_phone="n1",
        on_phone_since=at(68),
        as_of=as_of,
    )
    return make_state(roster=roster, as_of=as_of)


def board(qtbot, cls, state):
    widget = cls()
    qtbot.addWidget(widget)
    widget.set_live_clock(False)
    widget.set_state(state)
    return widget


def column(view: QTableView, col: int) -> list[str]:
    m = view.model()
    return [m.data(m.index(r, col)) for r in range(m.rowCount())]


def test_roster_roles_and_live_phone_time(qtbot, qtmodeltester):
    roster = board(qtbot, RosterBoard, rotated_state())
    roster.refresh_clock(at(80))
    roles = roster.findChild(QTableView, "rosterRolesTable")
    qtmodeltester.check(roles.model())
    holders = dict(zip(column(roles, RolesModel.ROLE), column(roles, RolesModel.HOLDER), strict=True))
    assert holders["Primary negotiator"] == "Negotiator 1 (Inspector Carmen Vidal)"
    assert holders["Team leader"] == "Negotiator 3 (Comisario Javier Otero)"
    assert holders["Loggist"] == "—"
    assert roles.model().data(roles.model().index(3, 0), LEVEL_ROLE) == "dim"
    phone = roster.findChild(QTableView, "phoneTimeTable")
    qtmodeltester.check(phone.model())
    assert column(phone, PhoneModel.TOTAL) == ["01:04:00", "00:03:00"]
    assert column(phone, PhoneModel.SPELLS) == ["2", "1"]
    label = roster.findChild(QLabel, "onPhoneLabel")
    assert label.text() == "On the phone 00:12:00 · Negotiator 1 (Inspector Carmen Vidal)"
    # Ninety seconds later: the current spell and n1's total grow, n2's does not.
    roster.refresh_clock(at(81.5))
    assert label.text().startswith("On the phone 00:13:30 ·")
    assert column(phone, PhoneModel.TOTAL) == ["01:05:30", "00:03:00"]
    assert column(roles, RolesModel.FOR)[0] == "00:13:30"


def test_roster_with_nobody_on_the_phone(qtbot):
    state = make_state()
    roster = board(qtbot, RosterBoard, state)
    assert roster.findChild(QLabel, "onPhoneLabel").text() == "Nobody on the phone"
    assert roster.findChild(QTableView, "phoneTimeTable").model().rowCount() == 0


def test_roster_activation_opens_the_rotation_entry(qtbot):
    roster = board(qtbot, RosterBoard, rotated_state())
    roster.show()
    roster.set_live_clock(False)
    roles = roster.findChild(QTableView, "rosterRolesTable")
    roles.setFocus()
    roles.selectRow(0)  # primary negotiator: spell from entry 22
    with qtbot.waitSignal(roster.entryActivated) as blocker:
        qtbot.keyClick(roles, Qt.Key.Key_Enter)
    assert blocker.args == [22]


def test_clock_elapsed_contact_and_phone(qtbot):
    contacts = (ContactEvent(seq=7, at=at(16), channel="phone", event="start", with_person="s1"),)
    state = replace(rotated_state(), contacts=contacts,
                    statistics=replace(make_state().statistics, last_contact_at=at(16)))
    clock = board(qtbot, IncidentClock, state)
    clock.refresh_clock(T0 + timedelta(hours=1, minutes=2, seconds=3))
    assert clock.findChild(QLabel, "elapsedLabel").text() == "01:02:03"
    assert clock.findChild(QLabel, "lastContactLabel").text() == "In contact (phone) for 00:46:03"
    assert clock.findChild(QLabel, "clockOnPhoneLabel").text().endswith("· Negotiator 1 (Inspector Carmen Vidal)")
    assert clock.silence_level == ""
    # The call ends; silence grows and turns amber, then red.
    ended = contacts + (ContactEvent(seq=30, at=at(70), channel="phone", event="end", with_person="s1"),)
    clock.set_state(replace(state, contacts=ended, statistics=replace(state.statistics, last_contact_at=at(70))))
    clock.refresh_clock(at(80))
    assert clock.findChild(QLabel, "lastContactLabel").text() == "Last contact 00:10:00 ago"
    assert clock.silence_level == ""
    clock.refresh_clock(at(86))
    assert clock.silence_level == "amber"
    clock.refresh_clock(at(101))
    assert clock.silence_level == "red"
    assert clock.findChild(QLabel, "elapsedLabel").text() == "01:41:00"


def test_clock_stops_when_sealed(qtbot):
    state = make_state(sealed=True, statistics=replace(make_state().statistics, ended_at=at(90)))
    clock = board(qtbot, IncidentClock, state)
    clock.refresh_clock(at(500))
    assert clock.findChild(QLabel, "elapsedLabel").text() == "01:30:00"
    assert clock.findChild(QLabel, "elapsedCaption").text() == "Duration (sealed)"


def test_review_list(qtbot, qtmodeltester):
    from datetime import UTC
    flags = (
        Flag(seq=40, target=12, reason="Withdrawal rationale", at=at(50), author="TL"),
        Flag(seq=41, target=33, reason="Rotation reversed", at=at(70), author="TL"),
    )
    state = make_state(flags=flags, reviewed_upto=20, reviewed_at=at(72))
    review = board(qtbot, ReviewList, state)
    review.set_time_zone(UTC)
    qtmodeltester.check(review.model)
    assert review.findChild(QLabel, "reviewedLabel").text() == "Reviewed up to #20 at 21:17 (UTC)"
    view = review.findChild(QTableView, "flagsTable")
    assert column(view, 0) == ["#12", "#33"]
    assert [view.model().data(view.model().index(r, 0), LEVEL_ROLE) for r in range(2)] == ["", "new"]
    review.show()
    review.set_live_clock(False)
    view.setFocus()
    view.selectRow(1)
    with qtbot.waitSignal(review.entryActivated) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == [33]  # the flagged entry, not the flag
    review.set_state(make_state())
    assert review.findChild(QLabel, "reviewedLabel").text() == "Not reviewed yet"
    assert view.model().rowCount() == 0
