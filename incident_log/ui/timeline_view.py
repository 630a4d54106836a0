"""The timeline panel: the table, its filter bar, search, jump-to-entry and follow-the-newest.

Following stops as soon as the user scrolls up to read (new rows must not yank the page away
from what they are reading) and resumes when they scroll back to the bottom or press the
follow key.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette, QStaticText
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from incident_log.domain.entry import Entry
from incident_log.domain.kinds import KINDS
from incident_log.domain.lookup import person_display
from incident_log.domain.state import Person
from incident_log.ui import themes, vocab
from incident_log.ui.actions import shortcut_text
from incident_log.ui.composer_fields import ChoiceBox
from incident_log.ui.i18n import QT_TRANSLATE_NOOP, fill, translate
from incident_log.ui.kindstyle import icon, kind_icon
from incident_log.ui.text import plural
from incident_log.ui.timeline_model import (
    COL_KIND,
    COL_SEQ,
    COL_TEXT,
    Cell,
    EntryRole,
    PaintRole,
    SeqRole,
    TimelineModel,
)
from incident_log.ui.widgets import ElidedLabel

ALL_KINDS = QT_TRANSLATE_NOOP("timeline_view", "All kinds")
ANYONE = QT_TRANSLATE_NOOP("timeline_view", "Anyone")


_SELECTED = QStyle.StateFlag.State_Selected
_ALTERNATE = QStyleOptionViewItem.ViewItemFeature.Alternate
_HIGHLIGHT = QPalette.ColorRole.Highlight
_HIGHLIGHTED_TEXT = QPalette.ColorRole.HighlightedText
_TEXT = QPalette.ColorRole.Text
_ALTERNATE_BASE = QPalette.ColorRole.AlternateBase
_ELIDE_RIGHT = Qt.TextElideMode.ElideRight
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class TimelineDelegate(QStyledItemDelegate):
    """Draws the timeline's cells directly: one model call per cell, no style sheet machinery.

    A full repaint of the timeline is the largest part of Ctrl+Enter to a visible row, and the
    style-sheet path of ``QStyledItemDelegate`` spent most of it asking the model role after role.
    Here a cell is fetched once (``PaintRole``) and painted with the palette the theme set: the
    row's background (alternate, selected, new since the review, flagged), the kind's icon, the
    text elided to the column, and an amended entry struck through beside its correction.
    """

    PAD = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # PySide6 enums and QColor/QFont construction are costly per cell: made once, reused.
        self._fonts: dict[tuple[str, bool], tuple[QFont, QFontMetrics]] = {}
        self._colours: dict[object, QColor] = {}
        self._texts: dict[tuple[str, int, str], QStaticText] = {}

    def _font(self, base: QFont, bold: bool) -> tuple[QFont, QFontMetrics]:
        key = (base.key(), bold)
        found = self._fonts.get(key)
        if found is None:
            font = QFont(base)
            font.setBold(bold)
            found = self._fonts[key] = (font, QFontMetrics(font))
        return found

    def _static(self, text: str, width: int, font: QFont, metrics: QFontMetrics) -> QStaticText:
        """The text elided to ``width`` and laid out once: a repaint then only draws it."""
        key = (text, width, font.key())
        found = self._texts.get(key)
        if found is None:
            if len(self._texts) >= 4000:
                self._texts.clear()
            found = QStaticText(metrics.elidedText(text, _ELIDE_RIGHT, width))
            found.setTextFormat(Qt.TextFormat.PlainText)
            found.prepare(font=font)
            self._texts[key] = found
        return found

    def _colour(self, value: object) -> QColor:
        found = self._colours.get(value)
        if found is None:
            found = self._colours[value] = QColor(*value) if isinstance(value, tuple) else QColor(str(value))
        return found

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        cell = index.data(PaintRole)
        if cell is None:
            super().paint(painter, option, index)
            return
        palette = option.palette
        rect = option.rect
        selected = bool(option.state & _SELECTED)
        look = themes.current()
        if selected:
            painter.fillRect(rect, palette.color(_HIGHLIGHT))
        else:
            if option.features & _ALTERNATE:
                painter.fillRect(rect, palette.color(_ALTERNATE_BASE))
            if cell.new or cell.flagged:
                painter.fillRect(rect, self._colour(look.flag_tint if cell.flagged else look.new_tint))
        column = index.column()
        if cell.new and column == COL_SEQ:
            painter.fillRect(QRect(rect.left(), rect.top(), 4, rect.height()), self._colour(look.new_mark))
        text_rect = rect.adjusted(self.PAD, 0, -self.PAD, 0)
        if cell.kind is not None:
            size = min(text_rect.height() - 4, 16)
            icon_rect = QRect(text_rect.left(), text_rect.top() + (text_rect.height() - size) // 2, size, size)
            kind_icon(cell.kind).paint(painter, icon_rect)
            text_rect = text_rect.adjusted(size + self.PAD, 0, 0, 0)
        font, metrics = self._font(option.font, cell.bold)
        if cell.colour and not selected:
            colour = self._colour(cell.colour)
        else:
            colour = palette.color(_HIGHLIGHTED_TEXT if selected else _TEXT)
        if cell.correction is None:
            painter.setFont(font)
            painter.setPen(colour)
            static = self._static(cell.text, text_rect.width(), font, metrics)
            extent = static.size()
            x = text_rect.right() - extent.width() if cell.right else text_rect.left()
            painter.drawStaticText(QPointF(x, text_rect.top() + (text_rect.height() - extent.height()) / 2), static)
        else:
            painter.save()
            self._paint_amended(painter, option, text_rect, cell, font)
            painter.restore()

    def _paint_amended(self, painter: QPainter, option: QStyleOptionViewItem, rect: QRect, cell: Cell,
                       font: QFont) -> None:
        struck = QFont(font)
        struck.setStrikeOut(True)
        grey = option.palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        metrics = QFontMetrics(struck)
        shown = metrics.elidedText(cell.text, Qt.TextElideMode.ElideRight, max(rect.width() // 2, 40))
        painter.setFont(struck)
        painter.setPen(grey)
        left = _LEFT
        painter.drawText(rect, left, shown)
        used = metrics.horizontalAdvance(shown) + 8
        fixed = QFont(font)
        fixed.setBold(True)
        painter.setFont(fixed)
        painter.setPen(QColor(themes.current().correction_text))
        rest = rect.adjusted(used, 0, 0, 0)
        text = QFontMetrics(fixed).elidedText("→ " + (cell.correction or ""), Qt.TextElideMode.ElideRight, rest.width())
        painter.drawText(rest, left, text)


class TimelineTable(QTableView):
    """The rows. Enter opens the entry in full; a letter typed here is handed on, never dropped."""

    entryChosen = Signal(int)  # noqa: N815 - Enter on a row
    typedHere = Signal(str)  # noqa: N815 - printable text typed while the table has the focus

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineView")
        self.setAccessibleName(translate("timeline_view", "Incident timeline"))
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setShowGrid(False)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setItemDelegate(TimelineDelegate(self))
        vheader = self.verticalHeader()
        vheader.hide()
        vheader.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # uniform rows: O(1) layout at 100k
        vheader.setDefaultSectionSize(QFontMetrics(self.font()).height() + 8)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setStretchLastSection(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.NoModifier
        if plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            index = self.currentIndex()
            if index.isValid():
                seq = index.siblingAtColumn(COL_SEQ).data(SeqRole)
                if seq:
                    self.entryChosen.emit(int(seq))
                    event.accept()
                    return
        text = event.text()
        no_command = event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier) == Qt.KeyboardModifier.NoModifier
        if text and no_command and text.isprintable() and event.key() != Qt.Key.Key_Space:
            self.typedHere.emit(text)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyboardSearch(self, search: str) -> None:
        """Typed text is not a search here (it goes to the composer, or is refused out loud)."""

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self.verticalHeader().setDefaultSectionSize(QFontMetrics(self.font()).height() + 8)


class TimelinePanel(QWidget):
    """Timeline table plus its bar. Emits the seq the user picks (Enter or double click)."""

    entryChosen = Signal(int)  # noqa: N815
    followingChanged = Signal(bool)  # noqa: N815
    message = Signal(str)  # a sentence for the status bar (a filter that matches nothing, say)

    def __init__(self, model: TimelineModel, parent: QWidget | None = None, *, read_only: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("timelinePanel")
        self.model = model
        self._people_choices: list[tuple[str, str]] = []
        self._following = True
        self._programmatic_scroll = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)

        bar = QHBoxLayout()
        bar.setContentsMargins(6, 4, 6, 2)
        self.kind_filter = ChoiceBox([(translate("timeline_view", ALL_KINDS), ""), *((vocab.kind_title(kind), kind) for kind in KINDS)],
                                     self, chars=10, placeholder=translate("timeline_view", ALL_KINDS))
        self.kind_filter.setObjectName("kindFilter")
        self.kind_filter.setAccessibleName(translate("timeline_view", "Show kind"))
        self.kind_filter.setAccessibleDescription(translate("timeline_view", "Type a kind (or Alt+Down) to show only entries of that kind"))
        self.kind_filter.set_value("")
        bar.addWidget(self.kind_filter)
        self.person_filter = ChoiceBox([(translate("timeline_view", ANYONE), "")], self, chars=10,
                                       placeholder=translate("timeline_view", ANYONE))
        self.person_filter.setObjectName("personFilter")
        self.person_filter.setAccessibleName(translate("timeline_view", "Show entries about person"))
        self.person_filter.setAccessibleDescription(translate("timeline_view", "Type a name, alias or label to show only entries about them"))
        self.person_filter.set_value("")
        bar.addWidget(self.person_filter)
        self.search = QLineEdit(self)
        self.search.setObjectName("timelineSearch")
        self.search.setAccessibleName(translate("timeline_view", "Search the log"))
        self.search.setPlaceholderText(fill(translate("timeline_view", "Search the log (%1), Enter to search, Esc to clear"),
                                             shortcut_text("find")))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search.setMinimumWidth(120)
        bar.addWidget(self.search, 2)
        self.jump = QLineEdit(self)
        self.jump.setObjectName("jumpToSeq")
        self.jump.setAccessibleName(translate("timeline_view", "Jump to entry number"))
        self.jump.setPlaceholderText(f"# ({shortcut_text('jump')})")
        self.jump.setMaximumWidth(110)
        self.jump.setMinimumWidth(90)
        bar.addWidget(self.jump)
        self.follow_button = QToolButton(self)
        self.follow_button.setObjectName("followButton")
        self.follow_button.setAccessibleName(translate("timeline_view", "Follow the newest entry"))
        self.follow_button.setIcon(icon("follow"))
        self.follow_button.setText(translate("timeline_view", "Following newest"))
        self.follow_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.follow_button.setCheckable(True)
        self.follow_button.setChecked(True)
        self.follow_button.setToolTip(fill(translate("timeline_view", "Keep the newest entry in view (%1)"),
                                           shortcut_text("follow")))
        bar.addWidget(self.follow_button)
        self.count_label = ElidedLabel("", self, min_chars=9)
        self.count_label.setObjectName("timelineCount")
        self.count_label.setAccessibleName(translate("timeline_view", "Entries shown"))
        bar.addWidget(self.count_label)
        layout.addLayout(bar)

        self.table = TimelineTable(self)
        self.table.setModel(model)
        self.size_columns()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_KIND, QHeaderView.ResizeMode.Interactive)
        layout.addWidget(self.table, 1)
        if read_only:
            self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.kind_filter.chosen.connect(lambda _v: self._apply_filter())
        self.person_filter.chosen.connect(lambda _v: self._apply_filter())
        for box in (self.kind_filter, self.person_filter):
            box.problem.connect(self.message)
        self.search.returnPressed.connect(self._apply_filter)
        self.search.textChanged.connect(lambda text: self._apply_filter() if not text else None)
        self.jump.returnPressed.connect(self._jump)
        self.follow_button.toggled.connect(self.set_following)
        self.table.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.table.doubleClicked.connect(lambda idx: self.entryChosen.emit(int(model.seq_at(idx.row()))))
        self.table.entryChosen.connect(self.entryChosen)
        model.rowsInserted.connect(self._rows_inserted)
        model.modelReset.connect(self._after_reset)
        self._after_reset()

    # --- filters -------------------------------------------------------------------------------
    def size_columns(self) -> None:
        """Column widths in characters of the current font, so zooming keeps them readable."""
        unit = self.table.fontMetrics().averageCharWidth()
        header = self.table.horizontalHeader()
        for col, chars in ((0, 7), (1, 10), (2, 22), (3, 19), (4, 13)):
            header.resizeSection(col, chars * unit + 12)

    def set_people(self, people: Sequence[Person]) -> None:
        choices = [(translate("timeline_view", ANYONE), "")] + [(vocab.person_label(person_display(p)), p.key) for p in people]
        if choices != self._people_choices:
            self._people_choices = choices
            self.person_filter.set_choices(choices)

    def _apply_filter(self) -> None:
        kind = self.kind_filter.value()
        person = self.person_filter.value()
        self.model.set_filter(kinds=(kind,) if kind else (), person=person or None, search=self.search.text())

    def clear_filters(self) -> None:
        for box in (self.kind_filter, self.person_filter):
            box.blockSignals(True)
            box.set_value("")
            box.blockSignals(False)
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self._apply_filter()

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape and self.search.hasFocus() and self.search.text():
            self.search.clear()
            return
        super().keyPressEvent(event)

    # --- moving -------------------------------------------------------------------------------
    def _jump(self) -> None:
        text = self.jump.text().strip().lstrip("#")
        if text.isdigit() and self.select_seq(int(text)):
            self.jump.clear()
            self.table.setFocus()
        else:
            self.jump.selectAll()

    def select_seq(self, seq: int) -> bool:
        """Select and show entry ``seq`` (clearing filters that hide it). False if there is none."""
        row = self.model.row_of(seq)
        if row is None and self.model.filtering:
            self.clear_filters()
            row = self.model.row_of(seq)
        if row is None:
            return False
        self.set_following(False)
        index = self.model.index(row, COL_TEXT)
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def selected_entry(self) -> Entry | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        return index.siblingAtColumn(COL_TEXT).data(EntryRole)

    @property
    def following(self) -> bool:
        return self._following

    def set_following(self, on: bool) -> None:
        changed = on != self._following
        self._following = on
        self.follow_button.blockSignals(True)
        self.follow_button.setChecked(on)
        self.follow_button.setText(translate("timeline_view", "Following newest") if on
                                   else translate("timeline_view", "Paused — follow newest"))
        self.follow_button.blockSignals(False)
        if on:
            self.scroll_to_newest()
        if changed:
            self.followingChanged.emit(on)

    def scroll_to_newest(self) -> None:
        self._programmatic_scroll = True
        try:
            self.table.scrollToBottom()
        finally:
            self._programmatic_scroll = False

    def _scrolled(self, value: int) -> None:
        if self._programmatic_scroll:
            return
        bar = self.table.verticalScrollBar()
        at_bottom = value >= bar.maximum() - 2
        if self._following and not at_bottom:
            self.set_following(False)
        elif not self._following and at_bottom and bar.maximum() > 0:
            self.set_following(True)

    def _rows_inserted(self, _parent: QModelIndex, _first: int, _last: int) -> None:
        self._update_count()
        if self._following:
            self.scroll_to_newest()

    def _after_reset(self) -> None:
        self._update_count()
        if self._following:
            self.scroll_to_newest()

    def _update_count(self) -> None:
        rows = self.model.rowCount()
        if self.model.filtering:
            self.count_label.setText(translate("timeline_view", "{n} shown").format(n=f"{rows:,}"))
        else:
            self.count_label.setText(plural(rows, translate("timeline_view", "{n} entry"), translate("timeline_view", "{n} entries")))
