"""What every board shares: time formatting, status colours, a diffing row model, a keyboard table.

The boards are glanced at by a team leader standing behind the loggist and redrawn up to four
times a second from a fresh ``IncidentState``. Three things follow and live here once:

* **Cheap refreshes.** ``RowsModel.set_rows`` compares the new rows with the shown ones and
  emits ``dataChanged`` / ``rowsInserted`` for what differs, so an unchanged board costs one
  tuple comparison and a changed one keeps the user's selection and scroll position.
* **One clock.** Each board owns a one-second ``QTimer`` (running only while the board is visible)
  and a ``refresh_clock(now)`` entry point, so tests and the shell can drive time explicitly.
* **Colours that survive both themes.** Row tints are translucent (they blend with the palette's
  base colour, light or dark); the few solid status chips carry their own text colour chosen for
  contrast. Nothing hard-codes a text colour on an untinted cell.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QKeyEvent, QPalette
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLabel, QTableView, QWidget

from incident_log.domain.entry import utc_now
from incident_log.domain.state import IncidentState, Person
from incident_log.ui import themes, vocab
from incident_log.ui.i18n import QT_TRANSLATE_NOOP, fill, translate
from incident_log.ui.widgets import ElidedLabel

# --- roles the views and tests read ---------------------------------------------------------

SEQ_ROLE = Qt.ItemDataRole.UserRole + 1  # int: the log entry the row stands for
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 2  # str: "", "amber", "red", "owed", "avoid", "danger", "dim"

_Index = QModelIndex | QPersistentModelIndex


# --- colours ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Chip:
    """A solid status cell: background and the text colour that reads on it in any theme."""

    background: QColor
    text: QColor


# Solid chips: used sparingly (a deadline about to pass, a confirmed weapon), so they stay meaningful.
AMBER = Chip(QColor("#E8A317"), QColor("#1B1B1B"))  # contrast ~9:1
RED = Chip(QColor("#B3261E"), QColor("#FFFFFF"))  # contrast ~6.5:1
# The night theme's chips: no white at night, still above 4.5:1.
NIGHT_AMBER = Chip(QColor("#5A3000"), QColor("#FFC070"))
NIGHT_RED = Chip(QColor("#8A0E00"), QColor("#FFC8A0"))


def chip(level: str) -> Chip:
    """The solid chip for "amber" or "red" in the current theme."""
    night = themes.current().monochrome_kinds
    if level == "red":
        return NIGHT_RED if night else RED
    return NIGHT_AMBER if night else AMBER
# Translucent row tints: they blend with the view's base colour, so text keeps its palette colour.
TINT_AMBER = QColor(232, 163, 23, 48)
TINT_RED = QColor(200, 40, 40, 40)
TINT_RED_STRONG = QColor(200, 40, 40, 72)


def dim_text() -> QColor:
    """Text colour for closed items (met demands, cleared risks): present but quiet."""
    return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)


def warning_text(widget: QWidget | None = None) -> QColor:
    """Red text that reads on the current theme's window colour (dark red on light, pale red on dark)."""
    return QColor(themes.current().warning_text)


def caution_text() -> QColor:
    """Amber text that reads on the current theme's window colour."""
    return QColor(themes.current().caution_text)


def bold_font() -> QFont:
    font = QGuiApplication.font()
    font.setBold(True)
    return font


# --- time ------------------------------------------------------------------------------------

TimeZone = tzinfo | None  # None: the workstation's local time


def to_zone(tz: tzinfo | str | None) -> TimeZone:
    """Accept what the settings hold ("local" / "utc") or a tzinfo; None means local time."""
    if isinstance(tz, str):
        return UTC if tz.strip().lower() in ("utc", "z") else None
    return tz


def in_zone(moment: datetime, tz: TimeZone) -> datetime:
    return moment.astimezone(tz) if tz is not None else moment.astimezone()


def clock_text(moment: datetime | None, tz: TimeZone, *, seconds: bool = False) -> str:
    """``21:31`` (or ``21:31:05``): the form a loggist writes on paper."""
    if moment is None:
        return ""
    return in_zone(moment, tz).strftime("%H:%M:%S" if seconds else "%H:%M")


def full_time_text(moment: datetime | None, tz: TimeZone) -> str:
    """Date, time and zone, for tooltips: incidents cross midnight and the zone matters in court."""
    if moment is None:
        return ""
    local = in_zone(moment, tz)
    return local.strftime("%a %d %b %Y %H:%M:%S ") + (local.tzname() or "")


def zone_suffix(tz: TimeZone) -> str:
    """Header suffix that says times are not local, so nobody reads UTC as wall-clock time."""
    offset = datetime(2000, 1, 1, tzinfo=tz).utcoffset() if tz is not None else None
    return " (UTC)" if offset is not None and offset.total_seconds() == 0 else ""


def hms(seconds: float) -> str:
    """``00:12:31``; days are spelled out (``1 d 02:03:04``) rather than wrapping at 24 h."""
    total = max(0, int(seconds))
    days, rest = divmod(total, 86_400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    text = f"{hours:02d}:{minutes:02d}:{secs:02d}"
    return fill(translate("common", "%1 d %2"), days, text) if days else text


def span_text(seconds: float) -> str:
    """A coarse span for countdowns: ``1 h 05 min``, ``12 min``, ``40 s``."""
    total = max(0, int(seconds))
    if total < 60:
        return f"{total} s"
    hours, rest = divmod(total // 60, 60)
    return (fill(translate("common", "%1 h %2 min"), hours, f"{rest:02d}") if hours
            else fill(translate("common", "%1 min"), rest))


def countdown(deadline: datetime, now: datetime) -> tuple[str, str]:
    """(text, level) of a live deadline: level "", "amber" (< 15 min) or "red" (< 5 min or passed).

    Under 15 minutes the text ticks in seconds (``14:32 left``) because that is when the cell
    watches it; further out a minute resolution is calmer.
    """
    left = (deadline - now).total_seconds()
    if left < 0:
        return fill(translate("common", "overdue %1"), span_text(-left)), "red"
    if left < 15 * 60:
        minutes, secs = divmod(int(left), 60)
        return fill(translate("common", "%1 left"), f"{minutes:02d}:{secs:02d}"), "red" if left < 5 * 60 else "amber"
    return fill(translate("common", "%1 left"), span_text(left)), ""


# --- people -----------------------------------------------------------------------------------


def person_text(person: Person | None, key: str | None) -> str:
    """``Subject A (Tomás Ibarra Ruiz)``: the stable label first, then the live name."""
    if person is None:
        return key or ""
    label = vocab.person_label(person.label)
    if person.name and person.name != person.label:
        return f"{label} ({person.name})"
    return label


def people_index(state: IncidentState) -> dict[str, Person]:
    return {person.key: person for person in state.people}


# --- the diffing row model -------------------------------------------------------------------

R = TypeVar("R")


class RowsModel(QAbstractTableModel, Generic[R]):
    """A flat table of frozen view rows, each with a ``key`` (the entry's seq).

    Subclasses give ``HEADERS`` and ``cell(row, column, role)``. ``set_rows`` updates in place
    when it can, which is what keeps selection and scroll still while the log moves.
    """

    HEADERS: tuple[str, ...] = ()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[R, ...] = ()
        self.tz: TimeZone = None
        self.now: datetime = utc_now()

    # -- content --
    @property
    def rows(self) -> tuple[R, ...]:
        return self._rows

    def key_of(self, row: R) -> int:
        return int(row.key)  # type: ignore[attr-defined]

    def seq_of(self, row: R) -> int:
        """The log entry a row stands for (what Enter opens); 0 when there is none."""
        return self.key_of(row)

    def set_rows(self, rows: Sequence[R]) -> None:
        new = tuple(rows)
        old = self._rows
        if new == old:
            return
        old_keys = [self.key_of(r) for r in old]
        new_keys = [self.key_of(r) for r in new]
        shared = len(old)
        if new_keys[:shared] != old_keys:
            # Rows removed or reordered (a rare event: an amendment that moves things). Reset.
            self.beginResetModel()
            self._rows = new
            self.endResetModel()
            return
        changed = [i for i in range(shared) if old[i] != new[i]]
        if len(new) > shared:
            self.beginInsertRows(QModelIndex(), shared, len(new) - 1)
            self._rows = new
            self.endInsertRows()
        else:
            self._rows = new
        if changed:
            self.dataChanged.emit(
                self.index(changed[0], 0), self.index(changed[-1], self.columnCount() - 1)
            )

    def row_of_key(self, key: int) -> int:
        for i, row in enumerate(self._rows):
            if self.key_of(row) == key:
                return i
        return -1

    def set_time_zone(self, tz: TimeZone) -> None:
        self.tz = tz
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, self.columnCount() - 1))
        self.refresh_all()

    def refresh_all(self) -> None:
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1))

    def refresh_column(self, column: int, now: datetime) -> None:
        """The clock moved: repaint one time-dependent column (the countdowns), nothing else."""
        self.now = now
        if self._rows:
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    # -- Qt model API --
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.HEADERS):
            if role == Qt.ItemDataRole.DisplayRole:
                return self.header_text(section)
        return None

    def header_text(self, section: int) -> str:
        return translate("headers", self.HEADERS[section])

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        row, column = index.row(), index.column()
        if not (0 <= row < len(self._rows) and 0 <= column < len(self.HEADERS)):
            return None
        item = self._rows[row]
        if role == SEQ_ROLE:
            return self.seq_of(item)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            shown = self.cell(item, column, Qt.ItemDataRole.DisplayRole) or translate("headers", "none")
            return f"{translate('headers', self.HEADERS[column])}: {shown}"
        value = self.cell(item, column, role)
        if role == Qt.ItemDataRole.BackgroundRole and isinstance(value, QColor):
            return QBrush(value)
        if role == Qt.ItemDataRole.ForegroundRole and isinstance(value, QColor):
            return QBrush(value)
        return value

    def cell(self, row: R, column: int, role: int) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError


# --- the keyboard table ----------------------------------------------------------------------

NOTHING_SELECTED = QT_TRANSLATE_NOOP("_common", "Select an item first (Up and Down arrows), then press its letter.")
STRAY_KEY = QT_TRANSLATE_NOOP("_common", "'{key}' does nothing on this board (nothing was typed or recorded). {help} F6 goes to the next pane.")
NO_KEYS = QT_TRANSLATE_NOOP("_common", "Here Enter opens the entry; Up and Down move.")


class BoardTable(QTableView):
    """A read-only table that turns single keystrokes into requests.

    ``statusKeys`` maps a letter to a status: pressing it on a selected row emits
    ``statusKeyPressed(seq, status)``; Enter, Return and double-click emit ``seqActivated``.
    The table itself records nothing: the shell turns requests into log entries.
    """

    statusKeyPressed = Signal(int, str)
    seqActivated = Signal(int)
    keyRefused = Signal(str)  # a sentence: the key did nothing here, and why (never silently dropped)

    def __init__(self, model: RowsModel[Any], name: str, accessible: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(accessible)
        self.setModel(model)
        self.status_keys: dict[Any, str] = {}  # Qt.Key -> status; key() gives ints that compare equal
        self.key_help = ""  # the board's key hint, repeated when a key does nothing here
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)  # Tab leaves the table, as everywhere else in the app
        self.setAlternatingRowColors(False)  # tints carry meaning; stripes would compete with them
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.doubleClicked.connect(self._on_double_click)
        model.modelAboutToBeReset.connect(self._remember_selection)
        model.modelReset.connect(self._restore_selection)
        self._kept_key: int | None = None

    def rows_model(self) -> RowsModel[Any]:
        return self.model()  # type: ignore[return-value]

    def selected_seq(self) -> int | None:
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isRowSelected(index.row(), QModelIndex()):
            rows = self.selectionModel().selectedRows()
            if not rows:
                return None
            index = rows[0]
        return int(index.data(SEQ_ROLE))

    def select_key(self, key: int) -> bool:
        row = self.rows_model().row_of_key(key)
        if row < 0:
            return False
        self.selectRow(row)
        return True

    def select_seq(self, seq: int) -> bool:
        model = self.rows_model()
        for row, item in enumerate(model.rows):
            if model.seq_of(item) == seq:
                self.selectRow(row)
                return True
        return False

    def set_column_widths(self, widths: Sequence[int]) -> None:
        """Widths in average characters, so they scale with the font size the user chose."""
        unit = self.fontMetrics().averageCharWidth()
        for column, chars in enumerate(widths):
            self.setColumnWidth(column, chars * unit + 16)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == Qt.KeyboardModifier.NoModifier
        seq = self.selected_seq()
        if plain and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if seq:
                self.seqActivated.emit(seq)
                event.accept()
                return
        if plain and event.key() in self.status_keys:
            if seq is not None:
                self.statusKeyPressed.emit(seq, self.status_keys[event.key()])
            else:
                self.keyRefused.emit(translate("_common", NOTHING_SELECTED))
            event.accept()  # a stray letter must not search
            return
        text = event.text()
        if text and text.isprintable() and not text.isspace() and event.modifiers() & ~(
            Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
        ) == Qt.KeyboardModifier.NoModifier:
            self.keyRefused.emit(translate("_common", STRAY_KEY).format(key=text, help=self.key_help or translate("_common", NO_KEYS)))
            event.accept()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event: Any) -> None:  # noqa: N802
        """Arriving by keyboard (F6, Alt+number) puts the cursor on the first row, ready for a key."""
        super().focusInEvent(event)
        if self.model().rowCount() > 0 and self.selected_seq() is None:
            current = self.currentIndex()
            row = current.row() if current.isValid() else 0
            self.setCurrentIndex(self.model().index(row, 0))
            self.selectRow(row)

    def keyboardSearch(self, search: str) -> None:
        """Letters are commands here, not type-ahead search."""

    def _on_double_click(self, index: QModelIndex) -> None:
        if index.isValid() and index.data(SEQ_ROLE):
            self.seqActivated.emit(int(index.data(SEQ_ROLE)))

    def selected_key(self) -> int | None:
        index = self.currentIndex()
        if not index.isValid() or not self.selectionModel().isRowSelected(index.row(), QModelIndex()):
            return None
        rows = self.rows_model().rows
        return self.rows_model().key_of(rows[index.row()]) if index.row() < len(rows) else None

    def _remember_selection(self) -> None:
        self._kept_key = self.selected_key()

    def _restore_selection(self) -> None:
        if self._kept_key is not None:
            self.select_key(self._kept_key)
        self._kept_key = None


def section_label(text: str, name: str, buddy: QWidget | None = None) -> QLabel:
    """A quiet section heading (bold, palette colours) above a table; cut with "…" when narrow."""
    label = ElidedLabel(text)
    label.setObjectName(name)
    label.setAccessibleName(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setContentsMargins(2, 6, 2, 2)
    if buddy is not None:
        label.setBuddy(buddy)
    return label


def hint_label(text: str, name: str) -> QLabel:
    """A small line telling which keys do what: shown, never guessed."""
    label = QLabel(text)
    label.setObjectName(name)
    label.setAccessibleName(translate("_common", "Keyboard hint"))
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    label.setContentsMargins(2, 2, 2, 2)
    return label


# --- the board base --------------------------------------------------------------------------


class Board(QWidget):
    """Base of every board: a state slice, a time zone and a one-second clock.

    Subclasses implement ``_slice(state)`` (what of the state they show; compared to skip
    redundant work), ``_render(state)`` and, if they show anything that moves with time,
    ``_tick(now)``.
    """

    OBJECT_NAME = ""
    TITLE = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(self.OBJECT_NAME)
        self.setAccessibleName(translate("boards", self.TITLE))
        self._state: IncidentState | None = None
        self._slice_value: object = None
        self._tz: TimeZone = None
        self._now: datetime = utc_now()
        self._live = True
        self.clock_timer = QTimer(self)
        self.clock_timer.setObjectName(f"{self.OBJECT_NAME}Timer")
        self.clock_timer.setInterval(1000)
        self.clock_timer.setTimerType(Qt.TimerType.CoarseTimer)
        self.clock_timer.timeout.connect(self._on_timer)

    # -- the contract --
    def set_state(self, state: IncidentState) -> None:
        """Show ``state``; cheap when the board's part of it did not change."""
        self._state = state
        self._now = self._frozen(self._now)
        value = self._slice(state)
        if self._slice_value is not None and value == self._slice_value:
            return
        self._slice_value = value
        self._render(state)

    def refresh_clock(self, now: datetime) -> None:
        """Move the board's notion of now (the timer calls this every second).

        A sealed incident's clocks stop at the seal: countdowns, spells and silence no longer run.
        """
        now = self._frozen(now)
        self._now = now
        if self._state is not None:
            self._tick(now)

    def _frozen(self, now: datetime) -> datetime:
        state = self._state
        if state is not None and state.sealed:
            sealed_at = state.extra.get("sealed_at")
            if isinstance(sealed_at, datetime):
                return sealed_at
        return now

    def set_time_zone(self, tz: tzinfo | str | None) -> None:
        """None or "local": workstation time; ``datetime.UTC`` or "utc": UTC."""
        self._tz = to_zone(tz)
        self._zone_changed()
        if self._state is not None:
            self._slice_value = None
            self.set_state(self._state)

    def set_live_clock(self, live: bool) -> None:
        """Tests (and a frozen replay) turn the wall clock off and drive ``refresh_clock`` themselves."""
        self._live = live
        if not live:
            self.clock_timer.stop()
        elif self.isVisible():
            self.clock_timer.start()

    @property
    def state(self) -> IncidentState | None:
        return self._state

    @property
    def now(self) -> datetime:
        return self._now

    @property
    def time_zone(self) -> TimeZone:
        return self._tz

    # -- for subclasses --
    def _slice(self, state: IncidentState) -> object:
        return state

    def _render(self, state: IncidentState) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def _tick(self, now: datetime) -> None:
        """Default: nothing on this board moves with time."""

    def _zone_changed(self) -> None:
        """Default: models re-read ``self._tz`` in ``_render``."""

    # -- the timer runs only while someone can see the board --
    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._live:
            self.refresh_clock(utc_now())
            self.clock_timer.start()

    def hideEvent(self, event: Any) -> None:
        super().hideEvent(event)
        self.clock_timer.stop()

    def _on_timer(self) -> None:
        if self._live:
            self.refresh_clock(utc_now())


Formatter = Callable[[datetime | None], str]
