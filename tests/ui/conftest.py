"""UI test harness: UI settings in tmp_path, a shared AppContext, keyboard helpers.

Typing helpers follow TRAPS.md: qtbot.keyClicks with any non-ASCII character kills the test
process, so text is typed one character at a time, non-ASCII ones as raw key events.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from incident_log.ui.tasks import Background


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # The offscreen platform says it cannot raise, grab the keyboard or propagate size hints: not ours.
    for item in items:
        if "tests/ui/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.qt_log_ignore("This plugin does not support"))


@pytest.fixture(autouse=True)
def _ui_settings(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path_factory.mktemp("qsettings") / "ui.ini"
    monkeypatch.setenv("INCIDENT_LOG_UI_SETTINGS", str(path))


@pytest.fixture(autouse=True)
def _synchronous_background(monkeypatch: pytest.MonkeyPatch) -> None:
    """Boards fold inline in tests, so assertions see the state right after the event."""
    monkeypatch.setattr(Background, "synchronous", True)


@pytest.fixture
def ctx(qapp: QApplication, logbook: Any) -> Iterator[Any]:
    from incident_log.ui.context import AppContext

    logbook.set_pref("callsign", "Loggist Łukasz")
    context = AppContext(logbook)
    yield context
    for window in list(context.windows):
        window.close()
    context.shutdown()
    context.deleteLater()
    QApplication.processEvents()


def type_text(widget: QWidget, text: str) -> None:
    """Type like a person: ASCII via keyClick, anything else as a raw key event with its text."""
    for ch in text:
        if ch == "\n":
            QTest.keyClick(widget, Qt.Key.Key_Return)
        elif ch.isascii() and ch.isprintable():
            QTest.keyClick(widget, ch)
        else:
            QTest.sendKeyEvent(QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)


def press(widget: QWidget, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(widget, key, modifiers)


def focused() -> QWidget | None:
    return QApplication.focusWidget()


@pytest.fixture
def scenario_path() -> Path:
    return Path(__file__).resolve().parents[2] / "resources" / "examples" / "viaduct.json"


def when_modal(name: str, act: Callable[[QWidget], None], log: list[str] | None = None) -> None:
    """Act on the next modal dialog named ``name`` as soon as it is up (as a user would)."""

    def attempt(tries: int = 0) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog.objectName() == name:
            if log is not None:
                log.append(name)
            act(dialog)
        elif tries < 200:
            QTimer.singleShot(20, lambda: attempt(tries + 1))

    QTimer.singleShot(0, attempt)


def answer_prompt(name: str, text: str, log: list[str] | None = None, *, replace: bool = True) -> None:
    """The next one-line prompt named ``name``: type ``text`` (replacing what is there) and press Enter."""

    def act(dialog: QWidget) -> None:
        edit = dialog.findChild(QLineEdit, name + "Edit")
        edit.setFocus()
        if replace:
            edit.selectAll()
            QTest.keyClick(edit, Qt.Key.Key_Backspace)
        type_text(edit, text)
        QTest.keyClick(edit, Qt.Key.Key_Return)

    when_modal(name, act, log)


def open_leader_window(window: Any, qtbot: Any, callsign: str = "TL García") -> Any:
    """Ctrl+Alt+F in the loggist's window, the team leader types their callsign: their window."""
    log: list[str] = []
    answer_prompt("leaderCallsign", callsign, log)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press(window.timeline.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert log == ["leaderCallsign"]
    leader = window.controller.leader_windows[-1]
    qtbot.waitUntil(lambda: leader.controller.state is not None)
    return leader


def board_texts(board: QWidget) -> str:
    """Everything a board shows in its tables and labels, as one string."""
    from PySide6.QtWidgets import QAbstractItemView, QLabel

    out = [label.text() for label in board.findChildren(QLabel)]
    for view in board.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        for row in range(model.rowCount()):
            for col in range(model.columnCount()):
                value = model.index(row, col).data()
                if value is not None:
                    out.append(str(value))
    return "\n".join(out)
