"""The team leader's review list: entries flagged for the debrief, and how far the log was reviewed.

Flags are the team leader's bookmarks for the debrief; "reviewed up to #N at HH:MM" tells
them (and the second screen) where new reading starts. Flags on entries after that point are
marked new, because those are the ones nobody has looked at yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from incident_log.domain.state import IncidentState
from incident_log.ui.boards._common import (
    LEVEL_ROLE,
    TINT_AMBER,
    Board,
    BoardTable,
    RowsModel,
    bold_font,
    clock_text,
    full_time_text,
    zone_suffix,
)
from incident_log.ui.i18n import QT_TRANSLATE_NOOP, fill, translate
from incident_log.ui.widgets import ElidedLabel


@dataclass(frozen=True, slots=True)
class FlagRow:
    key: int  # the flag entry's seq
    target: int
    reason: str
    at: datetime
    author: str
    unreviewed: bool  # the flagged entry is after "reviewed up to"


class FlagsModel(RowsModel[FlagRow]):
    HEADERS = (QT_TRANSLATE_NOOP("headers", "Entry"), QT_TRANSLATE_NOOP("headers", "Reason"), QT_TRANSLATE_NOOP("headers", "Flagged"), QT_TRANSLATE_NOOP("headers", "By"))
    TARGET, REASON, AT, AUTHOR = range(4)

    def seq_of(self, row: FlagRow) -> int:
        """Enter opens the flagged entry, not the flag itself: that is what the team leader wants to read."""
        return row.target

    def header_text(self, section: int) -> str:
        return translate("headers", self.HEADERS[section]) + (zone_suffix(self.tz) if section == self.AT else "")

    def cell(self, row: FlagRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (f"#{row.target}", row.reason, clock_text(row.at, self.tz), row.author)[column]
        if role == LEVEL_ROLE:
            return "new" if row.unreviewed else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.AT:
                return full_time_text(row.at, self.tz)
            if column == self.TARGET and row.unreviewed:
                return translate("review", "Not yet reviewed")
            return row.reason if column == self.REASON else None
        if role == Qt.ItemDataRole.BackgroundRole and row.unreviewed and column == self.TARGET:
            return TINT_AMBER
        if role == Qt.ItemDataRole.FontRole and row.unreviewed and column == self.TARGET:
            return bold_font()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.TARGET:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def reviewed_text(state: IncidentState, tz: Any) -> str:
    if state.reviewed_upto <= 0:
        return translate("review", "Not reviewed yet")
    if state.reviewed_at:
        return fill(translate("review", "Reviewed up to #%1 at %2%3"), state.reviewed_upto,
                    clock_text(state.reviewed_at, tz), zone_suffix(tz))
    return fill(translate("review", "Reviewed up to #%1"), state.reviewed_upto)


class ReviewList(Board):
    """Flags for the debrief, newest last, with the review mark above them."""

    OBJECT_NAME = "reviewList"
    TITLE = QT_TRANSLATE_NOOP("boards", "Review")

    entryActivated = Signal(int)  # the flagged entry's seq

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reviewed_label = ElidedLabel(translate("review", "Not reviewed yet"))
        self.reviewed_label.setObjectName("reviewedLabel")
        self.reviewed_label.setAccessibleName(translate("review", "Reviewed up to"))
        font = self.reviewed_label.font()
        font.setBold(True)
        self.reviewed_label.setFont(font)
        self.reviewed_label.setContentsMargins(2, 4, 2, 4)
        self.model = FlagsModel(self)
        self.view = BoardTable(self.model, "flagsTable", translate("boards", "Entries flagged for debrief"))
        self.view.set_column_widths((7, 44, 7, 14))
        self.view.seqActivated.connect(self.entryActivated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.reviewed_label)
        layout.addWidget(self.view, 1)
        self.setFocusProxy(self.view)

    def _slice(self, state: IncidentState) -> object:
        return (state.flags, state.reviewed_upto, state.reviewed_at)

    def _render(self, state: IncidentState) -> None:
        self.model.tz = self._tz
        self.model.set_rows(
            [FlagRow(f.seq, f.target, f.reason, f.at, f.author, f.target > state.reviewed_upto) for f in state.flags]
        )
        text = reviewed_text(state, self._tz)
        self.reviewed_label.setText(text)
        self.reviewed_label.setAccessibleDescription(text)

    def _zone_changed(self) -> None:
        self.model.set_time_zone(self._tz)
