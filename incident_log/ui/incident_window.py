"""The loggist's incident window: alarms and the timeline above, the composer below, boards docked.

It composes (``IncidentView`` does the shared part); the behaviour behind each action lives in
``IncidentController``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QSplitter, QWidget

from incident_log.ui.actions import INCIDENT
from incident_log.ui.composer import Composer
from incident_log.ui.controller import IncidentController
from incident_log.ui.i18n import translate
from incident_log.ui.viewer import IncidentView

if TYPE_CHECKING:
    from incident_log.ui.context import AppContext


class IncidentWindow(IncidentView):
    SETTINGS_PREFIX = "incident_window"

    def __init__(self, ctx: AppContext, ref: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, ref, read_only=False, parent=parent)
        self.setObjectName("incidentWindow")
        self.setAccessibleName(translate("incident_window", "Incident window"))
        self.composer = Composer(self.logbook, self.ref, ctx.callsign, self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("centreSplitter")
        splitter.addWidget(self.top)
        splitter.addWidget(self.composer)
        splitter.setStretchFactor(0, 1)
        splitter.setCollapsible(0, False)
        splitter.setCollapsible(1, False)
        self.setCentralWidget(splitter)
        self.compose(IncidentController(self), INCIDENT)

    def after_unlock(self) -> None:
        self.composer.focus_first_empty()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.composer.stop()
        super().closeEvent(event)
