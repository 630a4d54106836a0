"""The incident window: timeline in the centre, composer below, boards docked around.

It composes; the behaviour behind each action lives in ``IncidentController``.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QEvent, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QSplitter, QWidget

from incident_log.domain.state import IncidentState
from incident_log.ui import timefmt, uisettings
from incident_log.ui.actions import INCIDENT, build_actions, populate_menus
from incident_log.ui.composer import Composer
from incident_log.ui.controller import IncidentController
from incident_log.ui.kindstyle import app_icon
from incident_log.ui.timeline_model import TimelineModel
from incident_log.ui.timeline_view import TimelinePanel

LAYOUT_VERSION = 1


def load_boards() -> list[tuple[type, str]]:
    """The boards, if this build has them (they are built alongside; the window works without)."""
    try:
        from incident_log.ui.boards import ALL_BOARDS
    except ImportError:
        return []
    return list(ALL_BOARDS)


class IncidentWindow(QMainWindow):
    def __init__(self, ctx: Any, ref: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.logbook = ctx.logbook
        incident = self.logbook.incident(ref)  # UnknownIncident before any widget exists
        self.ref = incident.ref
        self.time_zone = incident.time_zone
        timefmt.follow_incident(self.time_zone)  # times shown and typed in the incident's own zone
        self.setObjectName("incidentWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setWindowIcon(app_icon())
        self.setDockNestingEnabled(True)

        self.model = TimelineModel(self.logbook, self.ref, self)
        self.timeline = TimelinePanel(self.model, self)
        self.composer = Composer(self.logbook, self.ref, ctx.callsign, self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("centreSplitter")
        splitter.addWidget(self.timeline)
        splitter.addWidget(self.composer)
        splitter.setStretchFactor(0, 1)
        splitter.setCollapsible(1, False)
        self.setCentralWidget(splitter)

        self.boards: list[QWidget] = []
        self.docks: list[QDockWidget] = []
        self._add_boards()

        self.controller = IncidentController(self)
        self.actions_by_id = build_actions(self, self.controller, INCIDENT)
        populate_menus(self.menuBar(), self.actions_by_id, INCIDENT)
        view = self.menuBar().addMenu("&Boards")
        view.setObjectName("menu_boards")
        for dock in self.docks:
            view.addAction(dock.toggleViewAction())

        self.status_state = QLabel(self)
        self.status_state.setObjectName("statusState")
        self.status_state.setAccessibleName("Incident status")
        self.statusBar().addWidget(self.status_state, 1)
        self.status_vault = QLabel(self)
        self.status_vault.setObjectName("statusVault")
        self.status_vault.setAccessibleName("Vault")
        self.statusBar().addPermanentWidget(self.status_vault)
        self._show_vault()

        self._restore_layout()
        self.update_title(incident)
        self.controller.start()

    # --- composition ------------------------------------------------------------------------
    def _add_boards(self) -> None:
        areas = [Qt.DockWidgetArea.RightDockWidgetArea] * 3 + [Qt.DockWidgetArea.LeftDockWidgetArea] * 3
        previous: dict[Qt.DockWidgetArea, QDockWidget] = {}
        for number, (cls, title) in enumerate(load_boards()):
            board = cls(self)
            dock = QDockWidget(title.replace("&", "&&"), self)
            dock.setObjectName(f"dock_{board.objectName()}")
            dock.setAccessibleName(title)
            dock.setWidget(board)
            dock.setFeatures(
                QDockWidget.DockWidgetFeature.DockWidgetMovable
                | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                | QDockWidget.DockWidgetFeature.DockWidgetClosable
            )
            area = areas[number % len(areas)]
            if area in previous:
                self.splitDockWidget(previous[area], dock, Qt.Orientation.Vertical)
            else:
                self.addDockWidget(area, dock)
            previous[area] = dock
            self.boards.append(board)
            self.docks.append(dock)

    def board(self, object_name: str) -> QWidget | None:
        for board in self.boards:
            if board.objectName() == object_name:
                return board
        return None

    # --- layout remembered (UI state only: no incident content) -----------------------------
    def _restore_layout(self) -> None:
        store = uisettings.qsettings()
        geometry = store.value("incident_window/geometry")
        state = store.value("incident_window/state")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        else:
            self.resize(1400, 860)
        if isinstance(state, QByteArray | bytes):
            self.restoreState(QByteArray(state), LAYOUT_VERSION)
        else:
            self.resizeDocks(self.docks[:3], [420] * min(3, len(self.docks)), Qt.Orientation.Horizontal)

    def save_layout(self) -> None:
        store = uisettings.qsettings()
        store.setValue("incident_window/geometry", self.saveGeometry())
        store.setValue("incident_window/state", self.saveState(LAYOUT_VERSION))
        store.sync()

    # --- shown state ------------------------------------------------------------------------------
    def update_title(self, incident: Any) -> None:
        mark = " [EXERCISE]" if incident.exercise else ""
        sealed = " — SEALED" if incident.status == "sealed" else ""
        self.setWindowTitle(f"{incident.ref} · {incident.title}{mark}{sealed} — Incident Log")

    def _show_vault(self) -> None:
        how = {"keyring": "keyring", "passphrase": "passphrase"}.get(self.logbook.unlocked_with,
                                                                       self.logbook.unlocked_with)
        author = self.ctx.callsign() or "no callsign set"
        self.status_vault.setText(f"Author: {author} · vault unlocked with {how}")
        if self.logbook.keyring_note:
            self.status_vault.setToolTip(self.logbook.keyring_note)

    def show_state(self, state: IncidentState) -> None:
        stats = state.statistics
        parts = [f"{stats.entry_count:,} entries"]
        if state.reviewed_upto:
            from incident_log.ui import timefmt

            parts.append(f"reviewed up to #{state.reviewed_upto} at {timefmt.clock(state.reviewed_at, seconds=False)}")
        if state.flags:
            parts.append(f"{len(state.flags)} flagged")
        if state.sealed:
            parts.append("SEALED: reopen with a reason to record")
        self.status_state.setText(" · ".join(parts))
        self.update_title(state.incident)

    def settings_changed(self) -> None:
        self._show_vault()
        self.model.reload()

    def after_unlock(self) -> None:
        self.composer.focus_first_empty()

    # --- closing ------------------------------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        # Two incident windows of incidents in different zones: the active one's zone is shown.
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            timefmt.follow_incident(self.time_zone)
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.save_layout()
        self.composer.stop()
        self.controller.stop()
        super().closeEvent(event)
