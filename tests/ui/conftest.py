"""UI test harness: UI settings in tmp_path, a shared AppContext, keyboard helpers.

Typing helpers follow TRAPS.md: qtbot.keyClicks with any non-ASCII character kills the test
process, so text is typed one character at a time, non-ASCII ones as raw key events.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

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
