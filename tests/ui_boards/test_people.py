"""The people register and its add-person form, typed at the keyboard (non-ASCII names included)."""

from __future__ import annotations

from boards_states import PEOPLE, make_state
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLabel, QLineEdit, QTableView

from incident_log.ui.boards.people import KEY_TAKEN, NAME_REQUIRED, PeopleRegister, split_list, suggest_key


def type_text(widget, text: str) -> None:
    """Per character: QTest aborts the process on non-ASCII in keyClicks (TRAPS.md)."""
    for ch in text:
        if ch.isascii():
            QTest.keyClick(widget, ch)
        else:
            QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)


def make_register(qtbot) -> PeopleRegister:
    board = PeopleRegister()
    qtbot.addWidget(board)
    board.set_state(make_state())
    board.show()
    board.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is board)
    board.set_live_clock(False)
    return board


def open_form(qtbot, board) -> QDialog:
    board.findChild(QTableView, "peopleTable").setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is board.findChild(QTableView, "peopleTable"))
    qtbot.keyClick(board.findChild(QTableView, "peopleTable"), Qt.Key.Key_Insert)
    dialog = board.findChild(QDialog, "addPersonDialog")
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.findChild(QComboBox, "personRoleCombo"))
    return dialog


def test_register_shows_labels_names_aliases_phones(qtbot, qtmodeltester):
    board = make_register(qtbot)
    qtmodeltester.check(board.model)
    view = board.findChild(QTableView, "peopleTable")
    row = [view.model().data(view.model().index(0, c)) for c in range(6)]
    assert row == ["Subject A", "subject", "Tomás Ibarra Ruiz", "Tomi", "+34 611 204 889", "s1"]
    assert board.findChild(QLabel, "peopleCount").text() == "4 people registered"


def test_add_person_by_keyboard_with_accented_name(qtbot):
    board = make_register(qtbot)
    dialog = open_form(qtbot, board)
    combo = dialog.findChild(QComboBox, "personRoleCombo")
    combo.lineEdit().selectAll()
    qtbot.keyClick(combo, Qt.Key.Key_N)  # negotiator: the one role starting with n
    assert combo.value() == "negotiator"
    key = dialog.findChild(QLineEdit, "personKeyEdit")
    assert key.text() == "n3"  # n1, n2 are taken (t1 is a negotiator with another key)
    qtbot.keyClick(combo, Qt.Key.Key_Tab)
    name = dialog.findChild(QLineEdit, "personNameEdit")
    assert QApplication.focusWidget() is name
    type_text(name, "José Núñez")
    qtbot.keyClick(name, Qt.Key.Key_Tab)
    qtbot.keyClick(key, Qt.Key.Key_Tab)  # keep the suggested key
    aliases = dialog.findChild(QLineEdit, "personAliasesEdit")
    assert QApplication.focusWidget() is aliases
    type_text(aliases, "Pepe, El Nene ,")
    qtbot.keyClick(aliases, Qt.Key.Key_Tab)
    phones = dialog.findChild(QLineEdit, "personPhonesEdit")
    type_text(phones, "+34 600 111 222")
    qtbot.keyClick(phones, Qt.Key.Key_Tab)
    notes = dialog.findChild(QLineEdit, "personNotesEdit")
    assert QApplication.focusWidget() is notes
    type_text(notes, "Łukasz's cousin")
    with qtbot.waitSignal(board.personAddRequested) as blocker:
        qtbot.keyClick(notes, Qt.Key.Key_Return)
    assert blocker.args == [{
        "key": "n3", "role": "negotiator", "name": "José Núñez", "aliases": ["Pepe", "El Nene"],
        "phones": ["+34 600 111 222"], "notes": "Łukasz's cousin",
    }]
    qtbot.waitUntil(lambda: board.findChild(QDialog, "addPersonDialog") is None)


def test_name_is_required_and_keys_unique(qtbot):
    board = make_register(qtbot)
    dialog = open_form(qtbot, board)
    with qtbot.assertNotEmitted(board.personAddRequested):
        qtbot.keyClick(dialog.findChild(QComboBox, "personRoleCombo"), Qt.Key.Key_Return)
    error = dialog.findChild(QLabel, "personErrorLabel")
    assert error.text() == NAME_REQUIRED and dialog.isVisible()
    name = dialog.findChild(QLineEdit, "personNameEdit")
    assert QApplication.focusWidget() is name
    type_text(name, "Łucja")
    key = dialog.findChild(QLineEdit, "personKeyEdit")
    key.setFocus()
    key.selectAll()
    type_text(key, "n1")
    with qtbot.assertNotEmitted(board.personAddRequested):
        qtbot.keyClick(key, Qt.Key.Key_Return)
    assert error.text() == KEY_TAKEN.format(key="n1", label="Negotiator 1")
    # A typed key is kept when the role changes; the suggestion only follows the role while untouched.
    dialog.findChild(QComboBox, "personRoleCombo").setCurrentText("hostage")
    assert key.text() == "n1"
    key.selectAll()
    type_text(key, "h1")
    with qtbot.waitSignal(board.personAddRequested) as blocker:
        qtbot.keyClick(key, Qt.Key.Key_Return)
    assert blocker.args[0]["key"] == "h1" and blocker.args[0]["role"] == "hostage"
    assert blocker.args[0]["name"] == "Łucja" and blocker.args[0]["aliases"] == []


def test_escape_cancels_and_the_button_opens_the_form(qtbot):
    board = make_register(qtbot)
    dialog = open_form(qtbot, board)
    with qtbot.assertNotEmitted(board.personAddRequested):
        qtbot.keyClick(dialog.findChild(QComboBox, "personRoleCombo"), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: board.findChild(QDialog, "addPersonDialog") is None)
    qtbot.mouseClick(board.add_button, Qt.MouseButton.LeftButton)
    assert board.findChild(QDialog, "addPersonDialog").isVisible()


def test_people_registered_meanwhile_are_taken_keys(qtbot):
    board = make_register(qtbot)
    dialog = open_form(qtbot, board)
    key = dialog.findChild(QLineEdit, "personKeyEdit")
    assert key.text() == "s2"  # the first role is subject; s1 exists
    from dataclasses import replace
    newcomer = replace(PEOPLE[0], key="s2", label="Subject B", name="Otro", seq=9)
    board.set_state(make_state(people=PEOPLE + (newcomer,)))
    assert key.text() == "s3"
    assert board.model.rowCount() == 5


def test_key_suggestion_and_lists():
    assert suggest_key("hostage", set()) == "h1"
    assert suggest_key("subject", {"s1", "s2", "s4"}) == "s3"
    assert suggest_key("other", {"p1"}) == "p2"
    assert split_list(" a, ,b ,, c") == ["a", "b", "c"]
    assert split_list("") == []
