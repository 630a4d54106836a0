"""The follow window: a read-only view of the log for a second screen.

The team leader reads here while the loggist types in the main window. Rows recorded after
the last "reviewed up to here" are marked (a blue edge and tint), so a glance says what is
new since they last looked.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QVBoxLayout, QWidget

from incident_log.domain.state import IncidentState
from incident_log.ui import timefmt
from incident_log.ui.actions import APP, build_actions, populate_menus
from incident_log.ui.kindstyle import app_icon
from incident_log.ui.timeline_model import TimelineModel
from incident_log.ui.timeline_view import TimelinePanel


class FollowWindow(QMainWindow):
    def __init__(self, ctx: Any, ref: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ref = ref
        self.setObjectName("followWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setWindowIcon(app_icon())
        self.setWindowTitle(f"{ref} — follow (read-only) — Incident Log")
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        self.banner = QLabel(self)
        self.banner.setObjectName("followBanner")
        self.banner.setAccessibleName("Review status")
        layout.addWidget(self.banner)
        self.model = TimelineModel(ctx.logbook, ref, self)
        self.timeline = TimelinePanel(self.model, self, read_only=True)
        self.timeline.table.setObjectName("followTimelineView")
        layout.addWidget(self.timeline, 1)
        self.setCentralWidget(central)
        self.actions_by_id = build_actions(self, self, APP)
        populate_menus(self.menuBar(), self.actions_by_id, APP)
        ctx.live.entriesAdded.connect(self._added)
        self.resize(1000, 800)

    def _added(self, ref: str, seqs: list[int]) -> None:
        if ref == self.ref:
            self.model.add_live(seqs)

    def apply_state(self, state: IncidentState) -> None:
        self.model.set_reviewed_upto(state.reviewed_upto)
        self.timeline.set_people(state.people)
        self.model.set_people({p.key: p.label for p in state.people})
        total = state.statistics.entry_count
        if state.reviewed_upto:
            new = max(total - state.reviewed_upto, 0)
            self.banner.setText(
                f"Reviewed up to #{state.reviewed_upto} at {timefmt.clock(state.reviewed_at, seconds=False)} · "
                f"{new} new since (marked blue) · {total:,} entries"
            )
        else:
            self.banner.setText(f"Not reviewed yet · {total:,} entries")

    # --- app actions ---------------------------------------------------------------------------
    def lock(self) -> None:
        self.ctx.lock.lock()

    def close_window(self) -> None:
        self.close()

    def closeEvent(self, event: Any) -> None:  # noqa: N802
        try:
            self.ctx.live.entriesAdded.disconnect(self._added)
        except (RuntimeError, TypeError):
            pass
        super().closeEvent(event)
