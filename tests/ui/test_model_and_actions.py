"""The timeline model under qtmodeltester, the action table, paste limits, drafts, lock."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence

from incident_log.domain.entry import NewEntry
from incident_log.domain.kinds import COMPOSER_KINDS, MAX_TEXT_CHARS
from incident_log.ui import actions
from incident_log.ui.timeline_model import FlaggedRole, KindRole, SeqRole, TimelineModel, shown_text
from tests.ui.conftest import press, type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def test_no_two_actions_share_a_key_in_one_window(qapp):
    assert actions.duplicate_shortcuts() == []
    # and the check itself can fail: two actions with one key are caught
    clash = actions.ActionSpec("x", "X", "&Entry", "x", ("Ctrl+L",))
    original = actions.ACTIONS
    try:
        actions.ACTIONS = (*original, clash)
        assert ("Ctrl+L", "lock", "x") in actions.duplicate_shortcuts()
    finally:
        actions.ACTIONS = original


def test_every_composer_kind_has_a_shortcut_a_menu_entry_and_a_map_line(qapp):
    rows = actions.keyboard_map_rows()
    for kind in COMPOSER_KINDS:
        spec = actions.BY_ID[f"kind_{kind}"]
        assert spec.menu == "&Kind"
        assert spec.key_sequences(), kind
    mapped = actions.keyboard_map_markdown()
    assert "Ctrl+Return" in mapped and "Ctrl+L" in mapped
    assert len(rows) == sum(1 for spec in actions.ACTIONS if spec.key_sequences())
    assert actions.BY_ID["find"].key_sequences()[0] == QKeySequence(QKeySequence.StandardKey.Find)


def test_model_under_modeltester_through_inserts_resets_and_filters(qtmodeltester, logbook, viaduct):
    model = TimelineModel(logbook, viaduct)
    qtmodeltester.check(model)
    before = model.rowCount()
    assert before == logbook.head(viaduct)[0]
    first = logbook.record(viaduct, NewEntry(kind="note", text="line one\nline two\ttab", author="L1"))
    model.add_live([first.seq])
    assert model.rowCount() == before + 1
    assert model.index(before, 0).data(SeqRole) == first.seq
    assert "⏎" in model.index(before, 5).data() and "→" in model.index(before, 5).data()
    assert shown_text("bell\x07") == "bell␇"
    qtmodeltester.check(model)
    model.set_filter(kinds=("statement",))
    assert 0 < model.rowCount() < before
    assert {model.index(r, 0).data(KindRole) for r in range(model.rowCount())} == {"statement"}
    qtmodeltester.check(model)
    # a live note does not enter a statement-only view; a live statement does
    note = logbook.record(viaduct, NewEntry(kind="note", text="x", author="L1"))
    rows = model.rowCount()
    model.add_live([note.seq])
    assert model.rowCount() == rows
    model.set_filter(person="s1")
    assert model.rowCount() > 0
    qtmodeltester.check(model)
    model.set_filter(search="Tomi")
    assert model.rowCount() >= 1
    qtmodeltester.check(model)
    model.set_filter()
    flag = logbook.flag(viaduct, 3, reason="debrief this", author="TL")
    model.add_live([note.seq, flag.seq])
    assert model.index(model.row_of(3), 0).data(FlaggedRole) is True
    assert model.index(model.row_of(3), 0).data().startswith("⚑")
    qtmodeltester.check(model)


def test_shown_text_is_capped_and_says_how_long_it_was():
    shown = shown_text("a" * 5000)
    assert len(shown) < 500 and "5,000 characters" in shown


def _window(ctx, logbook, qtbot):
    ref = logbook.create_incident("Paste test").ref
    window = ctx.open_incident(ref)
    qtbot.waitUntil(window.isActiveWindow)
    return window, ref


def test_a_megabyte_paste_is_refused_with_a_message_never_cut(ctx, logbook, qtbot):
    window, ref = _window(ctx, logbook, qtbot)
    box = window.composer.text_edit
    box.setFocus()
    type_text(box, "typed first ")
    huge = QMimeData()
    huge.setText("x" * 1_048_576)
    box.insertFromMimeData(huge)
    assert box.toPlainText() == "typed first "
    assert "Paste refused" in window.composer.error_label.text()
    assert "1,048,576" in window.composer.error_label.text()
    QGuiApplication.clipboard().setText("y" * 1_048_576)
    press(box, Qt.Key.Key_V, CTRL)  # the keyboard path too
    assert box.toPlainText() == "typed first "
    fits = QMimeData()
    fits.setText("z" * (MAX_TEXT_CHARS - 100))
    box.insertFromMimeData(fits)
    assert len(box.toPlainText()) == len("typed first ") + MAX_TEXT_CHARS - 100
    press(box, Qt.Key.Key_Return, CTRL)
    assert logbook.head(ref)[0] == 1
    assert len(logbook.entry(ref, 1).text) == len("typed first ") + MAX_TEXT_CHARS - 100


def test_lock_covers_the_window_and_keeps_the_draft(ctx, logbook, qtbot):
    from tests.conftest import PASSPHRASE

    window, ref = _window(ctx, logbook, qtbot)
    type_text(window.composer.text_edit, "half a sentence")
    press(window.composer.text_edit, Qt.Key.Key_L, CTRL)
    assert ctx.lock.locked
    overlay = window.findChild(type(window.composer).__mro__[-3], "lockOverlay")
    assert overlay is not None and overlay.isVisible()
    assert overlay.geometry() == window.rect()
    assert logbook.load_draft(ref, "composer")["text"] == "half a sentence"
    # Ctrl+Enter does nothing while locked
    press(overlay.passphrase, Qt.Key.Key_Return, CTRL)
    assert logbook.head(ref)[0] == 0
    type_text(overlay.passphrase, "wrong one")
    press(overlay.passphrase, Qt.Key.Key_Return)
    assert ctx.lock.locked and "Wrong passphrase" in overlay.error.text()
    overlay.passphrase.clear()
    type_text(overlay.passphrase, PASSPHRASE)
    press(overlay.passphrase, Qt.Key.Key_Return)
    assert not ctx.lock.locked
    assert window.composer.text_edit.toPlainText() == "half a sentence"
    press(window.composer.text_edit, Qt.Key.Key_Return, CTRL)
    assert logbook.entry(ref, 1).text == "half a sentence"


def test_idle_lock(ctx, logbook, qtbot):
    window, _ref = _window(ctx, logbook, qtbot)
    ctx.lock.set_idle_ms(150)
    qtbot.waitUntil(lambda: ctx.lock.locked, timeout=3000)
    assert window.findChild(type(window.composer).__mro__[-3], "lockOverlay").isVisible()


def test_draft_survives_a_window_that_died_without_closing(ctx, logbook, qtbot):
    window, ref = _window(ctx, logbook, qtbot)
    window.composer.autosave_ms = 50
    window.composer.set_kind("statement")
    type_text(window.composer.text_edit, "Dice que su hermana Łucja")
    qtbot.waitUntil(lambda: (logbook.load_draft(ref, "composer") or {}).get("text") == "Dice que su hermana Łucja")
    # No close event, no stop(): as if the process had died.
    ctx.windows.remove(window)
    window.controller.stop()
    window.deleteLater()
    qtbot.wait(10)
    again = ctx.open_incident(ref)
    assert again.composer.text_edit.toPlainText() == "Dice que su hermana Łucja"
    assert again.composer.kind == "statement"
    assert "Restored an unsent draft" in again.composer.notice_label.text()
    assert again.composer.notice_label.isVisibleTo(again)


def test_follow_stops_when_the_user_scrolls_up_and_resumes_on_request(ctx, logbook, qtbot):
    ref = logbook.create_incident("Follow").ref
    for i in range(300):
        logbook.record(ref, NewEntry(kind="note", text=f"line {i}", author="L"))
    window = ctx.open_incident(ref)
    qtbot.waitUntil(window.isActiveWindow)
    panel, bar = window.timeline, window.timeline.table.verticalScrollBar()
    assert panel.following and bar.value() == bar.maximum() > 0
    bar.setValue(0)  # the user scrolls up to read
    assert not panel.following
    assert "Paused" in panel.follow_button.text()
    logbook.record(ref, NewEntry(kind="note", text="new while reading", author="L"))
    assert window.model.rowCount() == 301 and bar.value() == 0  # the page stays put
    press(window.composer.text_edit, Qt.Key.Key_F, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert panel.following and bar.value() == bar.maximum()
    # jump to an entry by number
    press(window.composer.text_edit, Qt.Key.Key_G, CTRL)
    type_text(panel.jump, "42")
    press(panel.jump, Qt.Key.Key_Return)
    assert panel.selected_entry().seq == 42


def test_home_lists_incidents_and_opens_one_with_enter(ctx, logbook, qtbot, viaduct):
    home = ctx.open_home()
    qtbot.waitUntil(home.isActiveWindow)
    table = home.table
    assert home.model.rowCount() == 1
    assert [table.model().index(0, c).data() for c in (0, 5)] == [viaduct, "38"]
    table.setFocus()
    table.selectRow(0)
    press(table, Qt.Key.Key_Return)
    window = next(w for w in ctx.windows if w.objectName() == "incidentWindow")
    assert window.ref == viaduct and window.model.rowCount() == 38
