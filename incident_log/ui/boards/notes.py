"""Hooks, triggers and risks: what to talk about, what never to raise, what could hurt someone.

A negotiator glances here mid-conversation, so the three lists look different on purpose:
hooks are plain, triggers are tinted red (a topic to steer away from), and a confirmed weapon
or self-harm risk gets a solid red status and goes to the top of its list. Cleared risks stay
visible but quiet: the debrief needs them, the negotiator does not.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from incident_log.domain.state import BoardItem, IncidentState, Person
from incident_log.ui import vocab
from incident_log.ui.boards._common import (
    LEVEL_ROLE,
    TINT_AMBER,
    TINT_RED,
    TINT_RED_STRONG,
    Board,
    BoardTable,
    RowsModel,
    bold_font,
    chip,
    clock_text,
    dim_text,
    full_time_text,
    people_index,
    person_text,
    section_label,
    warning_text,
    zone_suffix,
)
from incident_log.ui.i18n import QT_TRANSLATE_NOOP, fill, translate

GRAVE = ("weapon", "self-harm")


def risk_level(category: str, status: str) -> str:
    """"danger" (confirmed weapon/self-harm), "caution" (other live risks of those kinds or confirmed medical),
    "dim" (cleared), or ""."""
    if status == "cleared":
        return "dim"
    if category in GRAVE:
        return "danger" if status == "confirmed" else "caution"
    if category == "medical" and status == "confirmed":
        return "caution"
    return ""


@dataclass(frozen=True, slots=True)
class ItemRow:
    key: int
    at: datetime
    about: str
    text: str
    source: str
    category: str = ""
    status: str = ""


class ItemsModel(RowsModel[ItemRow]):
    """Hooks and triggers: when, about whom, what, from where."""

    # What the item says comes straight after the time: in a narrow dock it is the column that
    # must stay visible (who it is about and the source are detail).
    HEADERS = (QT_TRANSLATE_NOOP("headers", "Time"), "", QT_TRANSLATE_NOOP("headers", "About"), QT_TRANSLATE_NOOP("headers", "Source"))
    AT, TEXT, ABOUT, SOURCE = range(4)

    def __init__(self, text_title: str, tint: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.HEADERS = (QT_TRANSLATE_NOOP("headers", "Time"), text_title, QT_TRANSLATE_NOOP("headers", "About"), QT_TRANSLATE_NOOP("headers", "Source"))
        self.tint = tint
        self.level = "avoid" if tint is not None else ""

    def header_text(self, section: int) -> str:
        return translate("headers", self.HEADERS[section]) + (zone_suffix(self.tz) if section == self.AT else "")

    def cell(self, row: ItemRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (clock_text(row.at, self.tz), row.text, row.about, row.source)[column]
        if role == LEVEL_ROLE:
            return self.level
        if role == Qt.ItemDataRole.ToolTipRole:
            return full_time_text(row.at, self.tz) if column == self.AT else row.text if column == self.TEXT else None
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.tint
        return None


class RisksModel(RowsModel[ItemRow]):
    HEADERS = (QT_TRANSLATE_NOOP("headers", "Time"), QT_TRANSLATE_NOOP("headers", "Category"), QT_TRANSLATE_NOOP("headers", "Status"), QT_TRANSLATE_NOOP("headers", "Risk"), QT_TRANSLATE_NOOP("headers", "About"), QT_TRANSLATE_NOOP("headers", "Source"))
    AT, CATEGORY, STATUS, TEXT, ABOUT, SOURCE = range(6)

    def header_text(self, section: int) -> str:
        return translate("headers", self.HEADERS[section]) + (zone_suffix(self.tz) if section == self.AT else "")

    def cell(self, row: ItemRow, column: int, role: int) -> Any:
        level = risk_level(row.category, row.status)
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                clock_text(row.at, self.tz),
                vocab.choice(row.category),
                vocab.choice(row.status),
                row.text,
                row.about,
                row.source,
            )[column]
        if role == LEVEL_ROLE:
            return level
        if role == Qt.ItemDataRole.ToolTipRole:
            return full_time_text(row.at, self.tz) if column == self.AT else row.text if column == self.TEXT else None
        if role == Qt.ItemDataRole.BackgroundRole:
            if column == self.STATUS and level == "danger":
                return chip("red").background
            if column == self.STATUS and level == "caution" and row.status == "confirmed":
                return chip("amber").background
            return TINT_RED_STRONG if level == "danger" else TINT_AMBER if level == "caution" else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.STATUS and level == "danger":
                return chip("red").text
            if column == self.STATUS and level == "caution" and row.status == "confirmed":
                return chip("amber").text
            return dim_text() if level == "dim" else None
        if role == Qt.ItemDataRole.FontRole and level == "danger" and column in (self.CATEGORY, self.STATUS):
            return bold_font()
        return None


def item_rows(items: tuple[BoardItem, ...], people: dict[str, Person]) -> list[ItemRow]:
    return [
        ItemRow(i.seq, i.at, person_text(people.get(i.about), i.about) if i.about else "", i.text, i.source)
        for i in items
    ]


def risk_rows(items: tuple[BoardItem, ...], people: dict[str, Person]) -> list[ItemRow]:
    """Confirmed grave risks first, then the live ones, then cleared; time order within each."""
    rank = {"danger": 0, "caution": 1, "": 1, "dim": 2}
    ordered = sorted(items, key=lambda i: (rank[risk_level(i.category, i.status)], i.at, i.seq))
    return [
        ItemRow(
            i.seq,
            i.at,
            person_text(people.get(i.about), i.about) if i.about else "",
            i.text,
            i.source,
            i.category,
            i.status,
        )
        for i in ordered
    ]


class HooksTriggersRisksBoard(Board):
    """Three lists in a splitter: hooks, triggers (red-tinted), risks (grave ones on top, in red)."""

    OBJECT_NAME = "hooksBoard"
    TITLE = QT_TRANSLATE_NOOP("boards", "Hooks, triggers & risks")

    entryActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hooks_model = ItemsModel(translate("notes", "Hook: talk about"), None, self)
        self.triggers_model = ItemsModel(translate("notes", "Trigger: avoid"), TINT_RED, self)
        self.risks_model = RisksModel(self)
        self.hooks_view = BoardTable(self.hooks_model, "hooksTable", translate("boards", "Hooks: what to talk about"))
        self.triggers_view = BoardTable(self.triggers_model, "triggersTable", translate("boards", "Triggers: topics to avoid"))
        self.risks_view = BoardTable(self.risks_model, "risksTable", translate("boards", "Risks"))
        self.hooks_view.set_column_widths((5, 44, 24, 14))
        self.triggers_view.set_column_widths((5, 44, 24, 14))
        self.risks_view.set_column_widths((5, 9, 11, 40, 24, 14))
        self.hooks_heading = section_label(translate("notes", "Hooks"), "hooksHeading", self.hooks_view)
        self.triggers_heading = section_label(translate("notes", "Triggers"), "triggersHeading", self.triggers_view)
        self.risks_heading = section_label(translate("notes", "Risks"), "risksHeading", self.risks_view)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setObjectName("hooksSplitter")
        splitter.setChildrenCollapsible(False)
        for heading, view in (
            (self.hooks_heading, self.hooks_view),
            (self.triggers_heading, self.triggers_view),
            (self.risks_heading, self.risks_view),
        ):
            view.seqActivated.connect(self.entryActivated)
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.setSpacing(2)
            box_layout.addWidget(heading)
            box_layout.addWidget(view)
            splitter.addWidget(box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(splitter)
        self._colour_headings()
        self.setFocusProxy(self.hooks_view)

    def _colour_headings(self) -> None:
        self.triggers_heading.setStyleSheet(f"color: {warning_text(self).name()};")

    def changeEvent(self, event: Any) -> None:
        """Theme switched (palette changed): pick the red that reads on the new background."""
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange:
            self._colour_headings()

    def _slice(self, state: IncidentState) -> object:
        return (state.hooks, state.triggers, state.risks, state.people)

    def _render(self, state: IncidentState) -> None:
        people = people_index(state)
        for model in (self.hooks_model, self.triggers_model, self.risks_model):
            model.tz = self._tz
        self.hooks_model.set_rows(item_rows(state.hooks, people))
        self.triggers_model.set_rows(item_rows(state.triggers, people))
        self.risks_model.set_rows(risk_rows(state.risks, people))
        grave = sum(1 for r in state.risks if risk_level(r.category, r.status) == "danger")
        live = sum(1 for r in state.risks if r.status != "cleared")
        self.hooks_heading.setText(fill(translate("notes", "Hooks · talk about (%1)"), len(state.hooks)))
        self.triggers_heading.setText(fill(translate("notes", "Triggers · avoid these topics (%1)"), len(state.triggers)))
        self.risks_heading.setText(
            fill(translate("notes", "Risks · %1 live"), live)
            + (fill(translate("notes", ", %1 CONFIRMED weapon/self-harm"), grave) if grave else "")
        )
        for heading in (self.hooks_heading, self.triggers_heading, self.risks_heading):
            heading.setAccessibleName(heading.text())

    def _zone_changed(self) -> None:
        for model in (self.hooks_model, self.triggers_model, self.risks_model):
            model.set_time_zone(self._tz)
