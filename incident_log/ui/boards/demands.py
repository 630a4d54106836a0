"""Demands and offers: what the subject wants, what the cell promised, and the clock on each.

A missed deadline or a forgotten promise is how trust breaks in a negotiation, so this board
makes both impossible to overlook: open deadlines count down and turn amber then red, and
offers the cell still owes (accepted, not delivered) are tinted and counted in the heading.
One letter records a status update on the selected item; the board only *asks* (a signal),
the shell records it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from incident_log.domain.state import Demand, IncidentState, Offer
from incident_log.ui import vocab
from incident_log.ui.boards._common import (
    LEVEL_ROLE,
    TINT_AMBER,
    Board,
    BoardTable,
    RowsModel,
    bold_font,
    chip,
    clock_text,
    countdown,
    dim_text,
    full_time_text,
    hint_label,
    people_index,
    person_text,
    section_label,
    zone_suffix,
)
from incident_log.ui.i18n import QT_TRANSLATE_NOOP, fill, translate

# One letter per status: the first letter where it is free, the hint line shows them all.
DEMAND_KEYS: dict[Qt.Key, str] = {
    Qt.Key.Key_M: "met",
    Qt.Key.Key_P: "partly met",
    Qt.Key.Key_R: "refused",
    Qt.Key.Key_W: "withdrawn",
    Qt.Key.Key_X: "expired",
    Qt.Key.Key_O: "open",
}
OFFER_KEYS: dict[Qt.Key, str] = {
    Qt.Key.Key_A: "accepted",
    Qt.Key.Key_J: "rejected",
    Qt.Key.Key_D: "delivered",
    Qt.Key.Key_W: "withdrawn",
}
DEMAND_HINT = QT_TRANSLATE_NOOP("demands", "Demand keys: M met · P partly met · R refused · W withdrawn · X expired · O reopen · Enter show entry")
OFFER_HINT = QT_TRANSLATE_NOOP("demands", "Offer keys: A accepted · J rejected · D delivered · W withdrawn · Enter show entry")
OPEN_DEMAND_STATUSES = ("open", "partly met")


@dataclass(frozen=True, slots=True)
class DemandRow:
    key: int
    at: datetime
    by: str
    text: str
    status: str
    deadline: datetime | None
    restated: int

    @property
    def is_open(self) -> bool:
        return self.status in OPEN_DEMAND_STATUSES


@dataclass(frozen=True, slots=True)
class OfferRow:
    key: int
    at: datetime
    by: str
    to: str
    text: str
    conditions: str
    status: str

    @property
    def owed(self) -> bool:
        return self.status == "accepted"


class DemandsModel(RowsModel[DemandRow]):
    # In a narrow dock the columns on the left are the ones seen: the countdown and the demand itself.
    HEADERS = ("#", QT_TRANSLATE_NOOP("headers", "Left"), QT_TRANSLATE_NOOP("headers", "Status"), QT_TRANSLATE_NOOP("headers", "Demand"), QT_TRANSLATE_NOOP("headers", "Deadline"), QT_TRANSLATE_NOOP("headers", "By"), QT_TRANSLATE_NOOP("headers", "Time"))
    SEQ, LEFT, STATUS, TEXT, DEADLINE, BY, AT = range(7)

    def header_text(self, section: int) -> str:
        base = translate("headers", self.HEADERS[section])
        return base + zone_suffix(self.tz) if section in (self.AT, self.DEADLINE) else base

    def level(self, row: DemandRow) -> str:
        if row.deadline is None or not row.is_open:
            return ""
        return countdown(row.deadline, self.now)[1]

    def cell(self, row: DemandRow, column: int, role: int) -> Any:
        display = Qt.ItemDataRole.DisplayRole
        if role == display:
            if column == self.SEQ:
                return str(row.key)
            if column == self.AT:
                return clock_text(row.at, self.tz)
            if column == self.BY:
                return row.by
            if column == self.TEXT:
                return row.text
            if column == self.STATUS:
                return vocab.choice(row.status)
            if column == self.DEADLINE:
                if row.deadline is None:
                    return ""
                text = clock_text(row.deadline, self.tz)
                return fill(translate("demands", "%1 · restated %2×"), text, row.restated) if row.restated else text
            if column == self.LEFT:
                if row.deadline is None or not row.is_open:
                    return ""
                return countdown(row.deadline, self.now)[0]
            return None
        if role == LEVEL_ROLE:
            return self.level(row) if row.is_open else "dim"
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.AT:
                return full_time_text(row.at, self.tz)
            if column == self.DEADLINE and row.deadline is not None:
                restated = fill(translate("demands", "\nDeadline restated %1 time(s)"), row.restated) if row.restated else ""
                return full_time_text(row.deadline, self.tz) + restated
            if column == self.TEXT:
                return row.text
            return None
        if role == Qt.ItemDataRole.BackgroundRole and column == self.LEFT:
            level = self.level(row)
            return chip("amber").background if level == "amber" else chip("red").background if level == "red" else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.LEFT:
                level = self.level(row)
                if level:
                    return chip("amber").text if level == "amber" else chip("red").text
            return None if row.is_open else dim_text()
        if role == Qt.ItemDataRole.FontRole and column in (self.LEFT, self.STATUS) and self.level(row):
            return bold_font()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SEQ:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class OffersModel(RowsModel[OfferRow]):
    HEADERS = ("#", QT_TRANSLATE_NOOP("headers", "Status"), QT_TRANSLATE_NOOP("headers", "Offer"), QT_TRANSLATE_NOOP("headers", "To"), QT_TRANSLATE_NOOP("headers", "By"), QT_TRANSLATE_NOOP("headers", "Conditions"), QT_TRANSLATE_NOOP("headers", "Time"))
    SEQ, STATUS, TEXT, TO, BY, CONDITIONS, AT = range(7)

    def header_text(self, section: int) -> str:
        base = translate("headers", self.HEADERS[section])
        return base + zone_suffix(self.tz) if section == self.AT else base

    def cell(self, row: OfferRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            values = {
                self.SEQ: str(row.key),
                self.AT: clock_text(row.at, self.tz),
                self.STATUS: translate("demands", "accepted · owed") if row.owed else vocab.choice(row.status),
                self.BY: row.by,
                self.TO: row.to,
                self.TEXT: row.text,
                self.CONDITIONS: row.conditions,
            }
            return values.get(column)
        if role == LEVEL_ROLE:
            return "owed" if row.owed else "" if row.status == "made" else "dim"
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.AT:
                return full_time_text(row.at, self.tz)
            if column in (self.TEXT, self.CONDITIONS):
                return row.text if column == self.TEXT else row.conditions
            if column == self.STATUS and row.owed:
                return translate("demands", "Accepted by the subject and not yet delivered: the cell owes this.")
            return None
        if role == Qt.ItemDataRole.BackgroundRole and row.owed:
            return TINT_AMBER
        if role == Qt.ItemDataRole.ForegroundRole and row.status not in ("made", "accepted"):
            return dim_text()
        if role == Qt.ItemDataRole.FontRole and row.owed and column == self.STATUS:
            return bold_font()
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.SEQ:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def demand_rows(state: IncidentState) -> list[DemandRow]:
    people = people_index(state)
    return [
        DemandRow(d.seq, d.at, person_text(people.get(d.by), d.by), d.text, d.status, d.deadline, d.deadline_restated)
        for d in state.demands
    ]


def offer_rows(state: IncidentState) -> list[OfferRow]:
    people = people_index(state)
    return [
        OfferRow(
            o.seq,
            o.at,
            person_text(people.get(o.by), o.by),
            person_text(people.get(o.to), o.to) if o.to else "",
            o.text,
            o.conditions,
            o.status,
        )
        for o in state.offers
    ]


class DemandsBoard(Board):
    """Demands above, offers below; each a keyboard table with its status letters."""

    OBJECT_NAME = "demandsBoard"
    TITLE = QT_TRANSLATE_NOOP("boards", "Demands & offers")

    statusUpdateRequested = Signal(int, str)  # (seq of the demand or offer, new status)
    entryActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.demands_model = DemandsModel(self)
        self.offers_model = OffersModel(self)
        self.demands_view = BoardTable(self.demands_model, "demandsTable", translate("boards", "Demands"))
        self.offers_view = BoardTable(self.offers_model, "offersTable", translate("boards", "Offers"))
        self.demands_view.status_keys = dict(DEMAND_KEYS)
        self.offers_view.status_keys = dict(OFFER_KEYS)
        self.demands_view.key_help = translate("demands", DEMAND_HINT) + "."
        self.offers_view.key_help = translate("demands", OFFER_HINT) + "."
        self.demands_view.set_column_widths((3, 16, 10, 30, 10, 16, 5))
        self.offers_view.set_column_widths((3, 14, 30, 16, 16, 20, 5))
        for view in (self.demands_view, self.offers_view):
            view.statusKeyPressed.connect(self.statusUpdateRequested)
            view.seqActivated.connect(self.entryActivated)
        self.demands_heading = section_label(translate("demands", "Demands"), "demandsHeading", self.demands_view)
        self.offers_heading = section_label(translate("demands", "Offers"), "offersHeading", self.offers_view)
        self.hint = hint_label(translate("demands", DEMAND_HINT), "demandsHint")
        self._demand_hint, self._offer_hint = translate("demands", DEMAND_HINT), translate("demands", OFFER_HINT)

        def section(heading: QWidget, view: QWidget) -> QWidget:
            box = QWidget()
            layout = QVBoxLayout(box)
            layout.setContentsMargins(0, 0, 0, 0)
            layout.setSpacing(2)
            layout.addWidget(heading)
            layout.addWidget(view)
            return box

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("demandsSplitter")
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(section(self.demands_heading, self.demands_view))
        splitter.addWidget(section(self.offers_heading, self.offers_view))
        splitter.setStretchFactor(0, 3)  # demands carry the deadlines: they get the larger share
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.hint)
        self.demands_view.installEventFilter(self)
        self.offers_view.installEventFilter(self)
        self.setFocusProxy(self.demands_view)

    def eventFilter(self, watched: Any, event: Any) -> bool:
        """The hint line follows the focus: demand letters or offer letters."""
        if event.type() == event.Type.FocusIn:
            self.hint.setText(self._offer_hint if watched is self.offers_view else self._demand_hint)
        return False

    def set_read_only(self, hint: str) -> None:
        """In a window that only reads (the team leader's), the letters are not offered."""
        self._demand_hint = self._offer_hint = hint
        self.hint.setText(hint)
        for view in (self.demands_view, self.offers_view):
            view.key_help = hint

    # -- Board --
    def _slice(self, state: IncidentState) -> object:
        return (state.demands, state.offers, state.people)

    def _render(self, state: IncidentState) -> None:
        for model in (self.demands_model, self.offers_model):
            model.tz = self._tz
            model.now = self._now
        self.demands_model.set_rows(demand_rows(state))
        self.offers_model.set_rows(offer_rows(state))
        self._update_headings(state.demands, state.offers)

    def _tick(self, now: datetime) -> None:
        self.demands_model.refresh_column(DemandsModel.LEFT, now)
        self.demands_model.refresh_column(DemandsModel.STATUS, now)
        self.offers_model.now = now

    def _zone_changed(self) -> None:
        self.demands_model.set_time_zone(self._tz)
        self.offers_model.set_time_zone(self._tz)

    def _update_headings(self, demands: tuple[Demand, ...], offers: tuple[Offer, ...]) -> None:
        open_count = sum(1 for d in demands if d.status in OPEN_DEMAND_STATUSES)
        owed = sum(1 for o in offers if o.owed)
        self.demands_heading.setText(fill(translate("demands", "Demands · %1 open of %2"), open_count, len(demands)))
        self.offers_heading.setText(fill(translate("demands", "Offers · %1 owed"), owed)
                                    + (fill(translate("demands", " of %1"), len(offers)) if offers else ""))
        self.demands_heading.setAccessibleName(self.demands_heading.text())
        self.offers_heading.setAccessibleName(self.offers_heading.text())
