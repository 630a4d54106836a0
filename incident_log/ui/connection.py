"""The connection line: in cell mode, every window says whether the cell server is reachable.

"Cell: connected — nothing waiting", "Cell: offline — 3 entries waiting": the loggist keeps
typing either way, and the line says plainly where their entries are. A warning from the
witness (the server's log no longer extends this workstation's copy) or a held entry turns the
line red and stays until it is dealt with. Clicking the line asks the sync to try now.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from incident_log.ui.i18n import fill, translate

REFRESH_MS = 500


def describe(connection: Any) -> tuple[str, str, str]:
    """(line, tooltip, level) for a ``cell.desk.Connection``; level is "ok", "offline" or "alarm"."""
    if connection.connected:
        if connection.waiting == 1:
            line = translate("connection", "Cell: connected — 1 entry waiting to be sent")
        elif connection.waiting:
            line = fill(translate("connection", "Cell: connected — %1 entries waiting to be sent"), connection.waiting)
        else:
            line = translate("connection", "Cell: connected — nothing waiting")
        level = "ok"
        tip = translate("connection", "Every entry is on the cell server and reaches the other workstations.")
    else:
        if connection.waiting == 1:
            line = translate("connection", "Cell: offline — 1 entry waiting")
        else:
            line = fill(translate("connection", "Cell: offline — %1 entries waiting"), connection.waiting)
        level = "offline"
        tip = translate("connection", "The cell server cannot be reached. Keep typing: entries are kept on this "
                        "workstation and sent, in order and once each, when it is back. Click to try now.")
        if connection.problem:
            tip += "\n\n" + connection.problem
    if connection.held:
        line += "  " + fill(translate("connection", "· %1 held"), connection.held)
        tip += "\n\n" + translate("connection", "Held entries were refused by the server (the incident was sealed "
                                  "elsewhere, or a person key was taken). They stay on this workstation; "
                                  "'incident-log cell status' lists them.")
        level = "alarm"
    if connection.warnings:
        line += "  " + translate("connection", "· the shared log does not match this copy")
        tip += "\n\n" + "\n".join(connection.warnings)
        level = "alarm"
    return line, tip, level


class ConnectionLine(QLabel):
    clicked = Signal()

    def __init__(self, logbook: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._logbook = logbook
        self.setObjectName("connectionLine")
        self.setAccessibleName(translate("connection", "Connection to the cell server"))
        self.clicked.connect(logbook.sync_now)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def refresh(self) -> None:
        try:
            line, tip, level = describe(self._logbook.connection())
        except Exception:  # noqa: BLE001 - a closed logbook at exit; the line simply stops
            self._timer.stop()
            return
        if line != self.text():
            self.setText(line)
            self.setAccessibleDescription(line)
        self.setToolTip(tip)
        if self.property("level") != level:
            self.setProperty("level", level)
            colours = {"ok": "", "offline": "color: #8a5a00; font-weight: bold;", "alarm": "color: #b00020; font-weight: bold;"}
            self.setStyleSheet(colours[level])

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self.clicked.emit()
        super().mousePressEvent(event)


def add_connection_line(status_bar: QStatusBar, logbook: Any) -> ConnectionLine | None:
    """In cell mode, the line at the right of a window's status bar (permanent: messages do not hide it)."""
    if getattr(logbook, "kind", "vault") != "cell":
        return None
    line = ConnectionLine(logbook, status_bar)
    status_bar.addPermanentWidget(line)
    return line
