"""Keyboard everywhere: panes, boards, the entry in full, board keys and their undo, the layout.

No mouse and no private methods: keys are pressed on the focused widget, widgets are found by
object name, and what happened is read from the vault and the screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QTableView, QTextBrowser, QWidget

from incident_log.domain.entry import NewEntry
from incident_log.ui import undo
from incident_log.ui.boards import ALL_BOARDS
from tests.ui.conftest import press, type_text
from tests.ui.test_loggist_flow import CTRL, here, open_window, record, write_text

ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def pane_of(window, widget: QWidget | None) -> str:
    if widget is None:
        return "none"
    if widget is window.timeline.table:
        return "timeline"
    if window.composer.isAncestorOf(widget):
        return "composer"
    for board in (*window.boards, window.detail):
        if board.isAncestorOf(widget) or board is widget:
            return board.objectName()
    return widget.objectName()


def test_f6_and_shift_f6_cycle_timeline_composer_and_every_board(ctx, logbook, qtbot):
    window, _ref = open_window(ctx, logbook, qtbot)
    assert pane_of(window, here()) == "composer"
    seen = []
    for _ in range(len(ALL_BOARDS) + 2):
        press(here(), Qt.Key.Key_F6)
        seen.append(pane_of(window, here()))
    boards = [cls.OBJECT_NAME for cls, _title in ALL_BOARDS]
    assert set(seen[:-2]) == set(boards), seen  # every board, each once
    assert seen[-2:] == ["timeline", "composer"]
    # Backwards, from the composer: the timeline first, then the boards in reverse.
    press(here(), Qt.Key.Key_F6, SHIFT)
    assert pane_of(window, here()) == "timeline"
    press(here(), Qt.Key.Key_F6, SHIFT)
    assert pane_of(window, here()) == seen[-3]


def test_alt_number_raises_each_board_even_when_hidden(ctx, logbook, qtbot):
    window, _ref = open_window(ctx, logbook, qtbot)
    for number, (cls, _title) in enumerate(ALL_BOARDS, start=1):
        press(here(), getattr(Qt.Key, f"Key_{number}"), ALT)
        assert pane_of(window, here()) == cls.OBJECT_NAME, number
        dock = window.findChild(QDockWidget, f"dock_{cls.OBJECT_NAME}")
        assert dock.isVisible()
    # All boards away (the timeline and composer take the window), then one raised brings them back.
    press(here(), Qt.Key.Key_B, CTRL_SHIFT)
    assert not any(d.isVisible() for d in window.findChildren(QDockWidget))
    assert pane_of(window, here()) == "composer"
    press(here(), Qt.Key.Key_2, ALT)
    assert pane_of(window, here()) == "rosterBoard"
    assert all(window.findChild(QDockWidget, f"dock_{cls.OBJECT_NAME}").toggleViewAction().isChecked()
               for cls, _t in ALL_BOARDS)


def test_enter_on_a_row_opens_the_entry_in_full_and_esc_goes_back(ctx, logbook, qtbot):
    window, ref = open_window(ctx, logbook, qtbot)
    logbook.record(ref, NewEntry("person", "", {"key": "s1", "role": "subject", "name": "José Núñez"}, author="L1"))
    long_text = "El sujeto dice: " + " ".join(f"palabra{i}" for i in range(200)) + " FIN"
    statement = logbook.record(ref, NewEntry("statement", long_text, {"speaker": "s1", "channel": "phone"},
                                             author="L1"))
    logbook.amend(ref, statement.seq, long_text + " (corrected)", reason="misheard the last word", author="L2")
    logbook.flag(ref, statement.seq, reason="ask why the channel changed", author="TL García")
    qtbot.waitUntil(lambda: window.controller.state is not None and window.controller.state.flags != ())
    press(here(), Qt.Key.Key_G, CTRL)  # jump to entry: type its number, Enter
    type_text(here(), str(statement.seq))
    press(here(), Qt.Key.Key_Return)
    table = window.timeline.table
    assert here() is table and window.model.seq_at(table.currentIndex().row()) == statement.seq
    press(table, Qt.Key.Key_Return)
    detail = window.findChild(QWidget, "entryDetail")
    text = detail.findChild(QTextBrowser, "entryDetailText").toPlainText()
    assert pane_of(window, here()) == "entryDetail"
    assert long_text in text and "FIN" in text  # whole, not cut at 400 characters like the row
    assert "Subject A (José Núñez)" in text and "phone" in text
    assert "misheard the last word" in text and "(corrected)" in text
    assert "TL García" in text and "ask why the channel changed" in text
    # Esc back to the timeline; Up there shows the entry above in the pane, still open.
    press(here(), Qt.Key.Key_Escape)
    assert here() is table
    press(table, Qt.Key.Key_Up)
    assert "#1 · Person" in detail.findChild(QTextBrowser, "entryDetailText").toPlainText()


def test_a_board_key_records_at_once_and_ctrl_z_amends_it_back(ctx, logbook, qtbot):
    window, ref = open_window(ctx, logbook, qtbot)
    logbook.record(ref, NewEntry("person", "", {"key": "s1", "role": "subject", "name": "José Núñez"}, author="L1"))
    demand = logbook.record(ref, NewEntry("demand", "Wants his dog back", {"by": "s1"}, author="L1"))
    qtbot.waitUntil(lambda: window.controller.state is not None and bool(window.controller.state.demands))
    press(here(), Qt.Key.Key_1, ALT)
    table = window.findChild(QTableView, "demandsTable")
    assert here() is table and table.currentIndex().row() == 0  # arriving by key selects the first row
    press(table, Qt.Key.Key_R)  # "refused", by mistake
    slip = logbook.entry(ref, 3)
    assert (slip.kind, slip.refs, slip.fields["status"]) == ("update", demand.seq, "refused")
    bar = window.findChild(QWidget, "undoBar")
    assert bar.isVisible() and "Ctrl+Z undoes it" in bar.findChild(QWidget, "undoText").text()
    qtbot.waitUntil(lambda: window.controller.state.demands[0].status == "refused")
    press(here(), Qt.Key.Key_Z, CTRL)
    fix = logbook.entry(ref, 4)
    assert (fix.kind, fix.refs) == ("amendment", slip.seq)
    assert dict(fix.fields["corrected"]) == {"status": "open"}
    assert "pressed by mistake" in fix.fields["reason"]
    assert logbook.head(ref)[0] == 4 and logbook.entry(ref, 3).fields["status"] == "refused"  # nothing deleted
    assert logbook.state(ref).demands[0].status == "open"
    # Undo is only for a few seconds: afterwards Ctrl+Z says so and records nothing.
    press(table, Qt.Key.Key_M)
    assert logbook.entry(ref, 5).fields["status"] == "met"
    press(here(), Qt.Key.Key_Z, CTRL)
    press(here(), Qt.Key.Key_Z, CTRL)  # a second one: the first used it up
    assert "Nothing to undo" in window.statusBar().currentMessage()
    assert logbook.head(ref)[0] == 6


def test_undo_is_only_offered_for_a_few_seconds(ctx, logbook, qtbot, monkeypatch):
    monkeypatch.setattr(undo, "UNDO_SECONDS", 0.3)
    window, ref = open_window(ctx, logbook, qtbot)
    logbook.record(ref, NewEntry("person", "", {"key": "s1", "role": "subject", "name": "Ana"}, author="L1"))
    logbook.record(ref, NewEntry("demand", "Water", {"by": "s1"}, author="L1"))
    qtbot.waitUntil(lambda: window.controller.state is not None and bool(window.controller.state.demands))
    press(here(), Qt.Key.Key_1, ALT)
    press(here(), Qt.Key.Key_X)  # expired
    qtbot.wait(400)
    press(here(), Qt.Key.Key_Z, CTRL)
    assert "Nothing to undo" in window.statusBar().currentMessage()
    assert logbook.head(ref)[0] == 3


def test_ctrl_z_in_the_composer_is_still_text_undo(ctx, logbook, qtbot):
    window, ref = open_window(ctx, logbook, qtbot)
    write_text(window, "abc")
    press(here(), Qt.Key.Key_Z, CTRL)
    assert window.composer.text_edit.toPlainText() != "abc"
    assert logbook.head(ref)[0] == 0


def test_the_layout_is_remembered_per_screen_size(ctx, logbook, qtbot):
    from incident_log.ui import uisettings

    window, ref = open_window(ctx, logbook, qtbot)
    press(here(), Qt.Key.Key_5, ALT)  # the clock, then close its dock from the View menu's toggle
    window.findChild(QDockWidget, "dock_incidentClock").toggleViewAction().trigger()
    size = window.screen().availableGeometry().size()
    press(here(), Qt.Key.Key_W, CTRL)  # close the window: the layout is saved
    qtbot.waitUntil(lambda: ctx.windows == [])
    keys = uisettings.qsettings().allKeys()
    assert f"incident_window/{size.width()}x{size.height()}/state" in keys
    again = ctx.open_incident(ref)
    qtbot.waitUntil(again.isVisible)
    assert not again.findChild(QDockWidget, "dock_incidentClock").toggleViewAction().isChecked()
    assert again.findChild(QDockWidget, "dock_demandsBoard").toggleViewAction().isChecked()
    # The default arrangement comes back on request, and the boards fit in one column on this screen.
    again.actions_by_id["restore_layout"].trigger()
    assert again.findChild(QDockWidget, "dock_incidentClock").toggleViewAction().isChecked()


def test_menus_list_keys_a_keyboard_has(ctx, logbook, qtbot):
    window, _ref = open_window(ctx, logbook, qtbot)
    tips = [a.toolTip() for a in window.actions_by_id.values()]
    assert not any(", Find)" in t or ", New)" in t or ", Close)" in t for t in tips), tips
    assert window.actions_by_id["find"].toolTip().endswith("(Ctrl+F)")


def test_typing_a_statement_then_recording_it_never_waits_for_boards(ctx, logbook, qtbot):
    window, ref = open_window(ctx, logbook, qtbot)
    write_text(window, "Dice que está cansado")
    record(window)
    assert logbook.entry(ref, 1).text == "Dice que está cansado"
    assert window.model.rowCount() == 1  # visible before the boards' fold, which comes later
    type_text(here(), "and cold")
    assert window.composer.text_edit.toPlainText() == "and cold"
