"""An accessible name and description on every control, in every window and dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QWidget

from incident_log.domain.entry import NewEntry
from incident_log.ui.a11y import is_control
from incident_log.ui.boards.people import AddPersonDialog
from incident_log.ui.dialogs import KeyboardMapDialog, NewIncidentDialog, SettingsDialog
from tests.ui.conftest import open_leader_window, press
from tests.ui.test_loggist_flow import choose, here, open_window


def silent_controls(root: QWidget) -> list[str]:
    """Visible controls a screen reader would announce without a name or a description."""
    out = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.isVisibleTo(root) and is_control(widget):
            if not widget.accessibleName().strip() or not widget.accessibleDescription().strip():
                out.append(f"{type(widget).__name__}:{widget.objectName()}:{widget.accessibleName()!r}")
    return out


def shown(dialog: QDialog) -> QDialog:
    dialog.show()
    QApplication.processEvents()
    return dialog


def test_every_control_of_every_window_is_named_and_described(ctx, logbook, qtbot):
    window, ref = open_window(ctx, logbook, qtbot)
    logbook.record(ref, NewEntry("person", "", {"key": "s1", "role": "subject", "name": "Ana"}, author="L1"))
    for kind in ("person", "demand", "rotation", "update", "risk"):
        choose(kind, window)  # each kind's fields are built anew
        assert silent_controls(window) == [], kind
    press(here(), Qt.Key.Key_F9)
    summary = window.controller.summary_dialog
    qtbot.waitUntil(summary.isVisible)
    assert silent_controls(summary) == []
    summary.close()
    leader = open_leader_window(window, qtbot)
    assert silent_controls(leader) == []
    home = ctx.open_home()
    assert silent_controls(home) == []
    for dialog in (SettingsDialog(ctx, window), NewIncidentDialog(window), KeyboardMapDialog(window),
                   AddPersonDialog((), window)):
        assert silent_controls(shown(dialog)) == [], dialog.objectName()
        dialog.close()


def test_the_report_dialog_built_elsewhere_is_covered_by_the_net(ctx, logbook, qtbot, viaduct):
    window = ctx.open_incident(viaduct)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press(window.timeline.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.findChild(QDialog, "reportDialog") is not None)
    dialog = window.findChild(QDialog, "reportDialog")
    qtbot.waitUntil(dialog.isVisible)
    assert silent_controls(dialog) == []
    dialog.close()


def test_alarm_and_status_lines_carry_their_text_for_screen_readers(ctx, logbook, qtbot):
    window, ref = open_window(ctx, logbook, qtbot)
    logbook.record(ref, NewEntry("note", "one", author="L1"))
    qtbot.waitUntil(lambda: "1 entry" in window.findChild(QLabel, "statusState").text())
    assert window.findChild(QLabel, "statusState").accessibleDescription().startswith("1 entry")
    assert QAccessible.isActive() in (True, False)  # announcements are sent only when a reader listens
