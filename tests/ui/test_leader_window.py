"""The team leader's window: the boards, read-only, their own callsign, what is new, the seal at once."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QLineEdit, QTableView, QWidget

from incident_log.domain.entry import NewEntry
from incident_log.ui.boards import ALL_BOARDS
from incident_log.ui.timeline_model import NewSinceReviewRole
from tests.ui.conftest import answer_prompt, board_texts, open_leader_window, press, type_text, when_modal
from tests.ui.test_loggist_flow import here, open_window

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def incident_with_people(ctx, logbook, qtbot):
    window, ref = open_window(ctx, logbook, qtbot)
    logbook.record(ref, NewEntry("person", "", {"key": "s1", "role": "subject", "name": "José Núñez"}, author="L1"))
    logbook.record(ref, NewEntry("person", "", {"key": "n1", "role": "negotiator", "name": "Carmen Vidal"},
                                 author="L1"))
    logbook.record(ref, NewEntry("rotation", "", {"role": "primary negotiator", "person": "n1"}, author="L1"))
    logbook.record(ref, NewEntry("demand", "Wants his dog back", {"by": "s1"}, author="L1"))
    return window, ref


def test_the_leader_window_has_every_board_and_records_under_its_own_callsign(ctx, logbook, qtbot):
    window, ref = incident_with_people(ctx, logbook, qtbot)
    leader = open_leader_window(window, qtbot, "TL García")
    assert leader.objectName() == "leaderWindow"
    assert "team leader (TL García)" in leader.windowTitle()
    for cls, _title in ALL_BOARDS:
        assert leader.findChild(QDockWidget, f"dock_{cls.OBJECT_NAME}") is not None
    qtbot.waitUntil(lambda: "Carmen Vidal" in board_texts(leader.board("rosterBoard")))
    assert "Wants his dog back" in board_texts(leader.board("demandsBoard"))
    assert leader.findChild(QWidget, "entryComposer") is None  # nothing typed here
    # Flag and review from the leader's keyboard: recorded as TL García, not as the loggist.
    leader.activateWindow()
    qtbot.waitUntil(leader.isActiveWindow)
    press(leader.timeline.table, Qt.Key.Key_G, CTRL)
    type_text(here(), "4")
    press(here(), Qt.Key.Key_Return)
    answer_prompt("flagReason", "deadline talk at the debrief")
    press(here(), Qt.Key.Key_B, CTRL)
    flag = logbook.entry(ref, 5)
    assert (flag.kind, flag.refs, flag.author) == ("flag", 4, "TL García")
    qtbot.waitUntil(lambda: here() is leader.timeline.table)  # the cursor is back where it was
    press(here(), Qt.Key.Key_R, CTRL_ALT)
    review = logbook.entry(ref, 6)
    assert (review.kind, review.fields["upto"], review.author) == ("review", 4, "TL García")
    qtbot.waitUntil(lambda: "Reviewed up to #4" in leader.findChild(QLabel, "leaderBanner").text())
    assert "by TL García" in leader.findChild(QLabel, "leaderBanner").text()


def test_the_loggists_callsign_is_refused_for_the_team_leader(ctx, logbook, qtbot):
    window, ref = incident_with_people(ctx, logbook, qtbot)
    seen: list[str] = []

    def same_then_own(dialog: QWidget) -> None:
        edit = dialog.findChild(QLineEdit, "leaderCallsignEdit")
        edit.setFocus()
        edit.selectAll()
        type_text(edit, "loggist łukasz")  # the loggist's, in other letters
        press(edit, Qt.Key.Key_Return)
        seen.append(dialog.findChild(QLabel, "promptError").text())
        edit.selectAll()
        type_text(edit, "TL Otero")
        press(edit, Qt.Key.Key_Return)

    when_modal("leaderCallsign", same_then_own)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press(here(), Qt.Key.Key_F, CTRL_ALT)
    assert seen and "is the loggist's callsign" in seen[0]
    leader = window.controller.leader_windows[-1]
    assert leader.author() == "TL Otero"
    assert logbook.get_pref("leader_callsign") == "TL Otero"


def test_the_leaders_boards_read_and_refuse_keys_out_loud(ctx, logbook, qtbot):
    window, ref = incident_with_people(ctx, logbook, qtbot)
    leader = open_leader_window(window, qtbot)
    qtbot.waitUntil(lambda: bool(leader.controller.state.demands))  # the board shows the demand
    leader.activateWindow()
    qtbot.waitUntil(leader.isActiveWindow)
    press(leader.timeline.table, Qt.Key.Key_1, ALT)
    table = leader.findChild(QTableView, "demandsTable")
    assert here() is table
    before = logbook.head(ref)[0]
    press(table, Qt.Key.Key_R)
    assert logbook.head(ref)[0] == before
    assert "recorded by the loggist" in leader.statusBar().currentMessage()
    type_text(leader.timeline.table, "hello")
    assert "read-only" in leader.statusBar().currentMessage()
    assert logbook.head(ref)[0] == before


def test_new_since_the_last_review_is_marked_and_announced(ctx, logbook, qtbot):
    window, ref = incident_with_people(ctx, logbook, qtbot)
    leader = open_leader_window(window, qtbot)
    logbook.mark_reviewed(ref, 4, author="TL García")
    logbook.record(ref, NewEntry("note", "Subject asks for water", author="Loggist Łukasz"))
    qtbot.waitUntil(lambda: leader.model.rowCount() == 6)
    qtbot.waitUntil(lambda: "2 new since" in leader.findChild(QLabel, "leaderBanner").text())
    marks = [bool(leader.model.index(r, 0).data(NewSinceReviewRole)) for r in range(6)]
    assert marks == [False, False, False, False, True, True]
    assert leader.controller.last_announcement.startswith("New entry 6, Note, by Loggist Łukasz: Subject asks")


def test_a_seal_in_the_loggists_window_closes_the_leaders_at_once(ctx, logbook, qtbot):
    window, ref = incident_with_people(ctx, logbook, qtbot)
    leader = open_leader_window(window, qtbot)
    logbook.seal(ref, author="Loggist Łukasz")
    # No waiting for the next refresh: the seal entry folds at once in every window on the incident.
    assert "SEALED" in leader.windowTitle() and "SEALED" in leader.findChild(QLabel, "leaderBanner").text()
    assert window.composer.text_edit.isReadOnly() and "SEALED" in window.windowTitle()
    # The clocks stop at the seal: the roster's spell does not grow any more.
    roster = leader.board("rosterBoard")
    from datetime import timedelta

    from incident_log.domain.entry import utc_now

    roster.refresh_clock(utc_now() + timedelta(hours=2))
    first = roster.findChild(QLabel, "onPhoneLabel").text()
    roster.refresh_clock(utc_now() + timedelta(hours=5))
    assert roster.findChild(QLabel, "onPhoneLabel").text() == first
