"""The timeline: one table model over an incident's entries, responsive at 100,000 rows.

The model holds only the list of matching seqs (a few hundred kB at 100,000 entries) and
fetches the entries themselves lazily, a page at a time, when the view asks for a row it has
not seen; pages far from the viewport are evicted. Entries that arrive live are first queued
(``canFetchMore`` then says so) and appended by ``fetchMore`` with ``beginInsertRows``, so a
live insert and a view-driven fetch are one code path.

Delegates and tests read named roles (``KindRole``, ``AmendedRole`` ...) rather than column
numbers, so columns can move without breaking anyone.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from incident_log.domain.entry import Entry, parse_iso
from incident_log.domain.kinds import KINDS, PERSON_FIELDS, FieldType
from incident_log.domain.late import is_late, minutes_late
from incident_log.ui import themes, timefmt, vocab
from incident_log.ui.i18n import QT_TRANSLATE_NOOP, fill, translate
from incident_log.ui.kindstyle import KIND_COLOURS, kind_colour, kind_icon

UserRole = int(Qt.ItemDataRole.UserRole)
KindRole = UserRole + 1
AmendedRole = UserRole + 2  # bool
LateRole = UserRole + 3  # bool
FlaggedRole = UserRole + 4  # bool
SeqRole = UserRole + 5  # int
CorrectionRole = UserRole + 6  # str: the latest correction's text, for amended entries
EntryRole = UserRole + 7  # the frozen Entry
NewSinceReviewRole = UserRole + 8  # bool: recorded after the team leader's last review
PaintRole = UserRole + 9  # Cell: everything the delegate draws, in one call (painting is the hot path)


@dataclass(frozen=True, slots=True)
class Cell:
    """What one timeline cell shows. The delegate asks once per cell instead of once per role."""

    text: str
    colour: str | None  # text colour; None: the palette's
    bold: bool
    kind: str | None  # the kind column: its icon
    right: bool  # aligned right (the entry number)
    new: bool  # recorded after the last review
    flagged: bool
    correction: str | None  # an amended entry's text column: the correction beside the struck original

COLUMNS = ("#", QT_TRANSLATE_NOOP("headers", "Occurred"), QT_TRANSLATE_NOOP("headers", "Recorded"), QT_TRANSLATE_NOOP("headers", "Kind"), QT_TRANSLATE_NOOP("headers", "Author"), QT_TRANSLATE_NOOP("headers", "Text"))
COL_SEQ, COL_OCCURRED, COL_RECORDED, COL_KIND, COL_AUTHOR, COL_TEXT = range(6)

# Fields the text column leaves out (written by the program) and those that name another entry.
SUMMARY_HIDDEN = frozenset({"id", "corrected", "alarm", "head"})
SUMMARY_ENTRY_FIELDS = {"upto": QT_TRANSLATE_NOOP("timeline_model", "up to #{seq}"),
                        "through": QT_TRANSLATE_NOOP("timeline_model", "through #{seq}"),
                        "count": QT_TRANSLATE_NOOP("timeline_model", "{seq} entries")}

PAGE = 200
MAX_CACHED_PAGES = 60  # 12,000 entries: far more than any screen shows
SHOWN_TEXT_CHARS = 400
MAX_CACHED_CELLS = 3000  # about ten screens of rows: enough for repaints, never a heap the collector rescans

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
Index = QModelIndex | QPersistentModelIndex


def shown_text(text: str, limit: int = SHOWN_TEXT_CHARS) -> str:
    """One line, capped, with control characters made visible rather than acted upon."""
    if len(text) > limit:
        text = text[:limit] + fill(translate("timeline_model", "… [%1 characters]"), f"{len(text):,}")
    text = text.replace("\t", "→").replace("\n", " ⏎ ")
    return _CONTROL.sub(lambda m: chr(0x2400 + ord(m.group())) if ord(m.group()) < 32 else "␡", text)


def mentions(entry: Entry, person: str) -> bool:
    return any(entry.fields.get(name) == person for name in PERSON_FIELDS)


class TimelineModel(QAbstractTableModel):
    """Entries of one incident (optionally filtered), in seq order."""

    def __init__(self, logbook: Any, ref: str, parent: Any = None, *, zone: str | None = None) -> None:
        super().__init__(parent)
        self._logbook = logbook
        self._ref = ref
        self._zone = zone  # the incident's zone: this model's times, whichever window is active
        self._tz = timefmt.display_tz(zone)
        self._cells: dict[tuple[int, int], Cell] = {}  # painted cells, dropped whenever what they show changes
        self._seqs: list[int] = []
        self._row_of: dict[int, int] = {}
        self._pending: list[int] = []
        self._pages: OrderedDict[int, dict[int, Entry]] = OrderedDict()
        self._corrections: dict[int, Entry] = {}  # amended seq -> latest amendment
        self._flagged: set[int] = set()
        self._kinds: frozenset[str] = frozenset()
        self._person: str | None = None
        self._search: str | None = None
        self._reviewed_upto = 0
        self._labels: dict[str, str] = {}
        self.reload()

    # --- what is shown -----------------------------------------------------------------
    @property
    def ref(self) -> str:
        return self._ref

    @property
    def filtering(self) -> bool:
        return bool(self._kinds or self._person or self._search)

    def set_filter(self, kinds: Iterable[str] = (), person: str | None = None, search: str | None = None) -> None:
        self._kinds = frozenset(kinds)
        self._person = person or None
        self._search = (search or "").strip() or None
        self.reload()

    def set_reviewed_upto(self, upto: int) -> None:
        if upto != self._reviewed_upto:
            self._reviewed_upto = upto
            self._cells.clear()
            if self._seqs:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._seqs) - 1, len(COLUMNS) - 1))

    def reload(self) -> None:
        """Re-read the matching seqs and the annotations (amendments, flags) from the logbook."""
        from incident_log.logbook import TimelineFilter  # the facade; imported late for start-up cost

        self.beginResetModel()
        self._tz = timefmt.display_tz(self._zone)  # the setting may have changed (UTC or the zone)
        self._cells.clear()
        self._pages.clear()
        self._pending.clear()
        if self._search:
            flt = TimelineFilter(kinds=self._kinds, person=self._person) if self._kinds or self._person else None
            found = self._logbook.search(self._ref, self._search, flt, limit=5000)
            self._seqs = sorted(entry.seq for entry in found)
        elif self._kinds or self._person:
            self._seqs = list(self._logbook.seqs(self._ref, TimelineFilter(kinds=self._kinds, person=self._person)))
        else:
            self._seqs = list(self._logbook.seqs(self._ref))
        self._row_of = {seq: row for row, seq in enumerate(self._seqs)}
        self._corrections.clear()
        self._flagged.clear()
        notes = self._logbook.seqs(self._ref, TimelineFilter(kinds=frozenset({"amendment", "flag"})))
        for start in range(0, len(notes), PAGE):
            self._annotate(self._logbook.entries(self._ref, notes[start : start + PAGE]))
        self.endResetModel()

    def _annotate(self, entries: Iterable[Entry]) -> list[int]:
        """Record amendments and flags; return the seqs whose display changed."""
        touched = []
        for entry in entries:
            if entry.refs is None:
                continue
            if entry.kind == "amendment":
                self._corrections[entry.refs] = entry
                touched.append(entry.refs)
            elif entry.kind == "flag":
                self._flagged.add(entry.refs)
                touched.append(entry.refs)
        return touched

    # --- live rows ----------------------------------------------------------------------
    def add_live(self, seqs: Sequence[int], entries: Sequence[Entry] | None = None) -> None:
        """New entries were committed (here or by another process): queue and append them.

        ``entries``: the same entries, when the caller has read them already (the feed does).
        """
        fresh = [s for s in seqs if s not in self._row_of and s not in self._pending]
        if not fresh:
            return
        wanted = set(fresh)
        if entries is not None and wanted <= {e.seq for e in entries}:
            entries = sorted((e for e in entries if e.seq in wanted), key=lambda e: e.seq)
        else:
            entries = self._logbook.entries(self._ref, sorted(fresh))
        for seq in self._annotate(entries):
            for column in range(len(COLUMNS)):
                self._cells.pop((seq, column), None)
            row = self._row_of.get(seq)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))
        for entry in entries:
            if self._matches(entry):
                self._pending.append(entry.seq)
                self._cache_put(entry)
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def refresh_rows(self, seqs: Sequence[int]) -> None:
        """These entries changed in place (cell mode: a waiting entry is now on the shared chain)."""
        for seq in seqs:
            row = self._row_of.get(seq)
            if row is None:
                continue
            page = self._pages.get(row // PAGE)
            if page is not None:
                page.pop(seq, None)
            for column in range(len(COLUMNS)):
                self._cells.pop((seq, column), None)
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def _matches(self, entry: Entry) -> bool:
        if self._search:
            return False  # a search result is a snapshot; the follow window shows what is new
        if self._kinds and entry.kind not in self._kinds:
            return False
        return not (self._person and not mentions(entry, self._person))

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        return not parent.isValid() and bool(self._pending)

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._pending:
            return
        pending = sorted(set(self._pending))
        self._pending.clear()
        first = len(self._seqs)
        self.beginInsertRows(QModelIndex(), first, first + len(pending) - 1)
        for seq in pending:
            self._row_of[seq] = len(self._seqs)
            self._seqs.append(seq)
        self.endInsertRows()

    # --- lookup -------------------------------------------------------------------------
    def row_of(self, seq: int) -> int | None:
        return self._row_of.get(seq)

    def seq_at(self, row: int) -> int:
        return self._seqs[row]

    def entry_at(self, row: int) -> Entry:
        seq = self._seqs[row]
        page_no = row // PAGE
        page = self._pages.get(page_no)
        if page is None or seq not in page:
            page = self._load_page(page_no)
        else:
            self._pages.move_to_end(page_no)
        return page[seq]

    def _load_page(self, page_no: int) -> dict[int, Entry]:
        seqs = self._seqs[page_no * PAGE : (page_no + 1) * PAGE]
        page = self._pages.get(page_no, {})
        missing = [s for s in seqs if s not in page]
        if missing:
            for entry in self._logbook.entries(self._ref, missing):
                page[entry.seq] = entry
        self._pages[page_no] = page
        self._pages.move_to_end(page_no)
        while len(self._pages) > MAX_CACHED_PAGES:
            self._pages.popitem(last=False)
        return page

    def _cache_put(self, entry: Entry) -> None:
        row = len(self._seqs) + len(self._pending) - 1
        page_no = row // PAGE
        self._pages.setdefault(page_no, {})[entry.seq] = entry

    # --- Qt model interface -----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._seqs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return translate("headers", COLUMNS[section])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._seqs)):
            return None
        entry = self.entry_at(index.row())
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, col)
        if role == PaintRole:
            cell = self._cells.get((entry.seq, col))
            if cell is None:
                if len(self._cells) >= MAX_CACHED_CELLS:
                    self._cells.clear()  # scrolled far: what is on screen now is cached again at once
                cell = self._cells[(entry.seq, col)] = self._cell(entry, col)
            return cell
        if role == SeqRole:
            return entry.seq
        if role == KindRole:
            return entry.kind
        if role == AmendedRole:
            return entry.seq in self._corrections
        if role == LateRole:
            return self._late(entry)
        if role == FlaggedRole:
            return entry.seq in self._flagged
        if role == CorrectionRole:
            fix = self._corrections.get(entry.seq)
            return None if fix is None else self._correction_text(fix)
        if role == EntryRole:
            return entry
        if role == NewSinceReviewRole:
            return self._reviewed_upto > 0 and entry.seq > self._reviewed_upto
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(entry, col)
        if role == Qt.ItemDataRole.DecorationRole and col == COL_KIND:
            return kind_icon(entry.kind)
        if role == Qt.ItemDataRole.ForegroundRole:
            if col == COL_KIND:
                return QBrush(QColor(themes.kind_text_colour(entry.kind, kind_colour(entry.kind).name())))
            if col == COL_RECORDED and self._late(entry):
                return QBrush(QColor(themes.current().late_text))
        if role == Qt.ItemDataRole.FontRole:
            if col == COL_KIND or (col == COL_RECORDED and self._late(entry)):
                font = QFont()
                font.setBold(True)
                return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_SEQ:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(entry, col)
        return None

    def _cell(self, entry: Entry, col: int) -> Cell:
        late = col == COL_RECORDED and self._late(entry)
        colour = None
        if col == COL_KIND:
            colour = themes.kind_text_colour(entry.kind, KIND_COLOURS.get(entry.kind, "#6b7280"))
        elif late:
            colour = themes.current().late_text
        fix = self._corrections.get(entry.seq) if col == COL_TEXT else None
        return Cell(
            text=self._display(entry, col),
            colour=colour,
            bold=col == COL_KIND or late,
            kind=entry.kind if col == COL_KIND else None,
            right=col == COL_SEQ,
            new=self._reviewed_upto > 0 and entry.seq > self._reviewed_upto,
            flagged=entry.seq in self._flagged,
            correction=None if fix is None else self._correction_text(fix),
        )

    def _late(self, entry: Entry) -> bool:
        """The one late rule (domain.late) with the vault's margin, read each time: it is a preference."""
        return is_late(entry, self._logbook.late_margin)

    def _display(self, entry: Entry, col: int) -> str:
        if col == COL_SEQ:
            # An entry with no hash waits in this workstation's queue (cell mode, server unreachable).
            return ("⚑ " if entry.seq in self._flagged else "") + str(entry.seq) + ("" if entry.hash else " ◷")
        if col == COL_OCCURRED:
            return self._clock(entry.occurred_at)
        if col == COL_RECORDED:
            if self._late(entry):
                return fill(translate("timeline_model", "%1  LATE +%2 min"), self._clock(entry.recorded_at), minutes_late(entry))
            return self._clock(entry.recorded_at)
        if col == COL_KIND:
            return vocab.kind_title(entry.kind)
        if col == COL_AUTHOR:
            return entry.author
        if col == COL_TEXT:
            return shown_text(self._summary(entry))
        return ""

    def _clock(self, moment: datetime) -> str:
        return moment.astimezone(self._tz).strftime("%H:%M:%S")

    def set_people(self, labels: dict[str, str]) -> None:
        """Person keys are shown as their labels (Subject A), which is how the cell speaks."""
        if labels != self._labels:
            self._labels = dict(labels)
            self._cells.clear()
            if self._seqs:
                self.dataChanged.emit(self.index(0, COL_TEXT), self.index(len(self._seqs) - 1, COL_TEXT))

    def _summary(self, entry: Entry) -> str:
        """The text column: the entry's text, then its fields in short form ("by Subject A · deadline 23:30")."""
        parts = []
        if entry.refs is not None:
            parts.append(f"→ #{entry.refs}")
        spec = KINDS.get(entry.kind)
        for name, value in entry.fields.items():
            if name in SUMMARY_HIDDEN:
                continue
            if name in PERSON_FIELDS and isinstance(value, str):
                value = vocab.person_label(self._labels.get(value, value))
            elif isinstance(value, tuple | list):
                value = ", ".join(str(v) for v in value)
            elif name == "deadline" and isinstance(value, str):
                try:
                    value = parse_iso(value).astimezone(self._tz).strftime("%H:%M")
                except ValueError:
                    pass
            if value in ("", None):
                continue
            if name in SUMMARY_ENTRY_FIELDS:
                parts.append(translate("timeline_model", SUMMARY_ENTRY_FIELDS[name]).format(seq=value))
            else:
                field = spec.field(name) if spec is not None else None
                if field is not None and field.type is FieldType.CHOICE and isinstance(value, str):
                    value = vocab.choice(value)
                title = vocab.field_title(field) if field is not None else name
                if field is not None and field.type is FieldType.TEXT:
                    parts.append(f"{title}: {value}")  # free text reads better after a colon
                else:
                    parts.append(f"{title.lower()} {value}")
        if entry.delay_reason:
            parts.append(translate("timeline_model", "late because: ") + entry.delay_reason)
        tail = " · ".join(parts)
        if entry.text and tail:
            return f"{entry.text}   ⟨{tail}⟩"
        return entry.text or tail

    @staticmethod
    def _correction_text(fix: Entry) -> str:
        corrected = fix.fields.get("corrected") or {}
        extra = ", ".join(f"{k}: {v}" for k, v in corrected.items())
        text = fix.text or ""
        reason = fix.fields.get("reason", "")
        body = " · ".join(part for part in (text, extra) if part)
        return shown_text(f"{body} (#{fix.seq}, {reason})")

    def _tooltip(self, entry: Entry, col: int) -> str:
        if col == COL_SEQ and not entry.hash:
            return translate("timeline_model", "Kept on this workstation, waiting to be sent to the cell server "
                             "(it is not reachable yet). Its number may still change if another workstation's "
                             "entries reach the server first.")
        if col in (COL_OCCURRED, COL_RECORDED):
            tip = fill(translate("timeline_model", "Occurred %1\nRecorded %2"),
                       timefmt.full(entry.occurred_at, zone=self._zone), timefmt.full(entry.recorded_at, zone=self._zone))
            if self._late(entry):
                tip += fill(translate("timeline_model", "\nRecorded %1 min late"), minutes_late(entry))
                if entry.delay_reason:
                    tip += f": {entry.delay_reason}"
            if entry.origin != "live":
                tip += translate("timeline_model", "\nOrigin: ") + vocab.origin(entry.origin)
            return tip
        if col == COL_TEXT:
            return shown_text(entry.text, 2000)
        return ""
