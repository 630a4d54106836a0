"""The composer: where the loggist types, at typing speed, without losing a word.

The entry time is taken when typing starts (the moment something happened is when the
loggist starts writing it down, not when they finish) and can be overwritten for late
information; a time well in the past asks for the reason in the same flow. Ctrl+Enter (an
action of the window) calls ``submit``. A refusal is shown beside the field it names and
nothing typed is lost; the unsent draft is saved, encrypted in the vault, every two seconds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import QMimeData, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from incident_log import errors
from incident_log.domain.deadline import DeadlineReading, day_word, read_deadline
from incident_log.domain.entry import Entry, NewEntry, iso_utc, parse_iso, utc_now
from incident_log.domain.kinds import COMPOSER_KINDS, KINDS, MAX_TEXT_CHARS, FieldSpec
from incident_log.domain.late import recorded_late
from incident_log.domain.state import IncidentState, Person
from incident_log.domain.timeparse import parse_entry_time
from incident_log.ui import a11y, themes, timefmt, vocab
from incident_log.ui.actions import kind_shortcut, shortcut_text
from incident_log.ui.boards._common import span_text
from incident_log.ui.composer_fields import (
    HIDDEN_FIELDS,
    ChoiceBox,
    GuardedLineEdit,
    PersonBox,
    TypedBox,
    editor_text,
    make_editor,
    read_editor,
    set_editor_text,
    value_as_text,
)
from incident_log.ui.i18n import QT_TRANSLATE_NOOP, current_language, fill, translate
from incident_log.ui.kindstyle import KIND_COLOURS
from incident_log.ui.widgets import ElidedLabel

DRAFT_SLOT = "composer"
FIELDS_PER_ROW = 3
ERROR_CHARS = 260  # kind fields wrap onto more rows instead of widening the window

SEALED_NOTICE = QT_TRANSLATE_NOOP(
    "composer",
    "{ref} was sealed at {time} by {author}: the log is closed and nothing more can be recorded. "
    "To add to it, reopen it with a reason (Review › Reopen incident…). What is typed here is kept."
)
SEALED_TYPING = QT_TRANSLATE_NOOP(
    "composer", "Nothing typed is recorded while the incident is sealed. Reopen it first (Review › Reopen incident…).")
EARLIER_DEADLINE = QT_TRANSLATE_NOOP(
    "composer",
    "the new deadline {new} is EARLIER than the current one ({old}). Check it; press {record} again to "
    "record it as typed."
)


class ComposerTextEdit(QPlainTextEdit):
    """The entry text. An oversized paste is refused whole, with a message — never cut."""

    pasteRefused = Signal(int, int)  # noqa: N815 - (characters offered, limit)
    typedWhileReadOnly = Signal()  # noqa: N815 - keys reached a sealed composer: say so

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if self.isReadOnly() and event.text() and event.text().isprintable():
            self.typedWhileReadOnly.emit()
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802
        offered = len(source.text()) if source.hasText() else 0
        selected = len(self.textCursor().selectedText())
        if offered and self.document().characterCount() - 1 - selected + offered > MAX_TEXT_CHARS:
            self.pasteRefused.emit(offered, MAX_TEXT_CHARS)
            return
        super().insertFromMimeData(source)


class Composer(QWidget):
    recorded = Signal(int)  # seq of the entry just written
    amendRequested = Signal()  # noqa: N815

    def __init__(self, logbook: Any, ref: str, author: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entryComposer")
        self.setAccessibleName(translate("composer", "Entry composer"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._logbook = logbook
        self._ref = ref
        self._author = author
        self._kind = "note"
        self._editors: dict[str, QWidget] = {}
        self._people: Sequence[Person] = ()
        self._started_at: datetime | None = None
        self._amending: Entry | None = None
        self._amend_initial: dict[str, str] = {}
        self._loading = False
        self._invalid: list[QWidget] = []
        self._deadlines: dict[int, datetime | None] = {}  # demand seq -> its current deadline
        self._sealed = False
        self._confirmed_draft: tuple[object, ...] | None = None  # an earlier deadline, confirmed once
        self._draft_in_vault = False  # a draft of this composer is saved in the vault
        self.autosave_ms = 2000
        self._build()
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.timeout.connect(self.save_draft)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._refresh_time)
        self._tick.start()
        self.set_kind("note", focus=False)
        self.restore_draft()
        self._autosave.stop()  # nothing typed yet: the first keystroke starts the clock

    # --- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 6, 8, 6)
        outer.setSpacing(4)

        self.amend_banner = QLabel(self)
        self.amend_banner.setObjectName("amendBanner")
        self.amend_banner.setWordWrap(True)
        self.amend_banner.hide()
        outer.addWidget(self.amend_banner)
        self.sealed_banner = QLabel(self)
        self.sealed_banner.setObjectName("sealedBanner")
        self.sealed_banner.setAccessibleName(translate("composer", "Incident sealed"))
        self.sealed_banner.setWordWrap(True)
        self.sealed_banner.hide()
        outer.addWidget(self.sealed_banner)

        top = QHBoxLayout()
        self.kind_badge = QLabel(self)
        self.kind_badge.setObjectName("composerKindBadge")
        self.kind_badge.setAccessibleName(translate("composer", "Current entry kind"))
        top.addWidget(self.kind_badge)
        self.kind_box = ChoiceBox([(vocab.kind_title(k), k) for k in COMPOSER_KINDS], self, chars=11,
                                  placeholder=translate("composer", "kind"))
        self.kind_box.setObjectName("composerKind")
        self.kind_box.setAccessibleName(translate("composer", "Entry kind"))
        self.kind_box.setToolTip(translate("composer", "The kind of entry: type its name or use Ctrl+Shift+its letter"))
        self.kind_box.chosen.connect(self._kind_typed)
        top.addWidget(self.kind_box)
        top.addSpacing(8)
        time_label = QLabel(translate("composer", "&Time"), self)
        top.addWidget(time_label)
        self.time_edit = GuardedLineEdit(limit=64, parent=self)
        self.time_edit.setObjectName("entryTime")
        self.time_edit.setAccessibleName(translate("composer", "Entry time"))
        self.time_edit.setPlaceholderText(translate("composer", "now · 21:40 · -10m"))
        # Wide enough for what is typed there (an ISO time), whatever the window's width.
        self.time_edit.setMinimumWidth(self.time_edit.fontMetrics().horizontalAdvance("2026-03-14T21:40+01:00") + 16)
        self.time_edit.setToolTip(translate("composer", "When it happened. Empty: when you started typing. "
                                  "Type 21:40, -10m or an ISO time for late information."))
        time_label.setBuddy(self.time_edit)
        top.addWidget(self.time_edit)
        self.time_shown = ElidedLabel("", self, min_chars=10)
        self.time_shown.setObjectName("entryTimeShown")
        self.time_shown.setAccessibleName(translate("composer", "Entry time as recorded"))
        top.addWidget(self.time_shown, 1)
        outer.addLayout(top)

        # The late reason gets a line of its own: squeezed beside the time it was four characters wide.
        self.late_row = QWidget(self)
        self.late_row.setObjectName("lateReasonRow")
        self.late_row.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        late_layout = QHBoxLayout(self.late_row)
        late_layout.setContentsMargins(6, 2, 6, 2)
        late_label = QLabel(translate("composer", "Late &because"), self.late_row)
        late_layout.addWidget(late_label)
        self.delay_reason = GuardedLineEdit(parent=self.late_row)
        self.delay_reason.setObjectName("delayReason")
        self.delay_reason.setAccessibleName(translate("composer", "Reason the entry is recorded late"))
        self.delay_reason.setPlaceholderText(translate("composer", "e.g. information received late from control"))
        late_label.setBuddy(self.delay_reason)
        late_layout.addWidget(self.delay_reason, 1)
        self.late_row.hide()
        outer.addWidget(self.late_row)

        self.amend_row = QWidget(self)
        amend_layout = QHBoxLayout(self.amend_row)
        amend_layout.setContentsMargins(0, 0, 0, 0)
        amend_label = QLabel(translate("composer", "Reason for the &amendment"), self.amend_row)
        amend_layout.addWidget(amend_label)
        self.amend_reason = GuardedLineEdit(parent=self.amend_row)
        self.amend_reason.setObjectName("amendReason")
        self.amend_reason.setAccessibleName(translate("composer", "Reason for the amendment"))
        self.amend_reason.setPlaceholderText(translate("composer", "required: why the entry is corrected"))
        amend_label.setBuddy(self.amend_reason)
        amend_layout.addWidget(self.amend_reason, 1)
        self.amend_row.hide()
        outer.addWidget(self.amend_row)

        self.fields_row = QWidget(self)
        self.fields_row.setObjectName("composerFields")
        self.fields_layout = QGridLayout(self.fields_row)
        self.fields_layout.setContentsMargins(0, 0, 0, 0)
        self.fields_layout.setHorizontalSpacing(6)
        self.fields_layout.setVerticalSpacing(3)
        for column in range(FIELDS_PER_ROW):
            self.fields_layout.setColumnStretch(column * 2 + 1, 1)
        outer.addWidget(self.fields_row)
        self.field_hint = ElidedLabel("", self, min_chars=10)
        self.field_hint.setObjectName("composerFieldHint")
        self.field_hint.setAccessibleName(translate("composer", "What the typed deadline means"))
        self.field_hint.hide()
        outer.addWidget(self.field_hint)

        self.text_edit = ComposerTextEdit(self)
        self.text_edit.setObjectName("entryText")
        self.text_edit.setAccessibleName(translate("composer", "Entry text"))
        self.text_edit.setTabChangesFocus(True)
        self.text_edit.setPlaceholderText(translate("composer", "Type what happened. Ctrl+Enter records."))
        self.text_edit.setMinimumHeight(56)
        self.text_edit.setMaximumHeight(140)
        outer.addWidget(self.text_edit)

        bottom = QHBoxLayout()
        self.error_label = QLabel(self)
        self.error_label.setObjectName("composerError")
        self.error_label.setAccessibleName(translate("composer", "Composer error"))
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        bottom.addWidget(self.error_label, 1)
        self.notice_label = QLabel(self)
        self.notice_label.setObjectName("composerNotice")
        self.notice_label.setAccessibleName(translate("composer", "Composer notice"))
        self.notice_label.setWordWrap(True)
        self.notice_label.hide()
        bottom.addWidget(self.notice_label, 1)
        outer.addLayout(bottom)
        self.hints = ElidedLabel(self.hint_text(), self)
        self.hints.setObjectName("composerHints")
        self.hints.setAccessibleName(translate("composer", "Keyboard hints"))
        outer.addWidget(self.hints)

        self.text_edit.textChanged.connect(self._changed)
        self.text_edit.pasteRefused.connect(self._paste_refused)
        self.text_edit.typedWhileReadOnly.connect(lambda: self.show_error("", translate("composer", SEALED_TYPING)))
        self.time_edit.textChanged.connect(self._time_changed)
        self.time_edit.pasteRefused.connect(self._paste_refused)
        self.delay_reason.textChanged.connect(self._changed)
        self.amend_reason.textChanged.connect(self._changed)

    @staticmethod
    def hint_text() -> str:
        kinds = " ".join(f"{vocab.kind_title(k)} {kind_shortcut(k).rsplit('+', 1)[1]}" for k in COMPOSER_KINDS)
        return fill(
            translate("composer", "%1 record · %2 time · %3 amend · F6 next pane · %4 all keys · "
                                  "Kinds (Ctrl+Shift+…): %5"),
            shortcut_text("record"), shortcut_text("entry_time"), shortcut_text("amend"),
            shortcut_text("keyboard_map"), kinds,
        )

    # --- kind and fields -------------------------------------------------------------------
    @property
    def kind(self) -> str:
        return self._amending.kind if self._amending else self._kind

    def set_people(self, people: Sequence[Person]) -> None:
        self._people = tuple(people)
        for editor in self._editors.values():
            if isinstance(editor, PersonBox):
                editor.set_people(self._people)

    def set_state(self, state: IncidentState) -> None:
        """People for the person fields, demands' deadlines for extensions, and whether it is sealed."""
        if tuple(state.people) != tuple(self._people):
            self.set_people(state.people)
        self._deadlines = {d.seq: d.deadline for d in state.demands}
        self._refresh_field_hint()

    def _kind_typed(self, kind: str) -> None:
        if kind and kind != self._kind and self._amending is None:
            self.set_kind(kind)

    def set_kind(self, kind: str, *, focus: bool = True) -> None:
        """Switch the fields to ``kind``'s; text typed so far stays."""
        if self._amending is not None:
            return
        old = {name: editor_text(ed) for name, ed in self._editors.items()}
        self._kind = kind
        self._build_fields(kind, refs=KINDS[kind].needs_ref)
        for name, text in old.items():
            if name in self._editors and text:
                set_editor_text(self._editors[name], text)
        self._show_kind(kind)
        if focus:
            self.focus_first_empty()
        self._changed()

    def _show_kind(self, kind: str) -> None:
        self.kind_box.blockSignals(True)
        self.kind_box.set_value(kind)
        self.kind_box.blockSignals(False)
        title = vocab.kind_title(kind)
        self.kind_badge.setText(title.upper())
        background, text = themes.badge_colours(kind, KIND_COLOURS.get(kind, "#6b7280"))
        self.kind_badge.setStyleSheet(f"background: {background}; color: {text};")
        self.text_edit.setPlaceholderText(
            fill(translate("composer", "%1: type what happened. %2 records."), title, shortcut_text("record"))
            + ("" if KINDS[kind].text_required else translate("composer", " (Text optional.)"))
        )

    def _build_fields(self, kind: str, *, refs: bool) -> None:
        while self.fields_layout.count():
            item = self.fields_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
                widget.setObjectName("")  # gone now for findChild, freed by the event loop
                widget.deleteLater()
        self._editors = {}
        self._field_count = 0
        if refs:
            self._add_editor("refs", translate("composer", "Entry #"), self._make_refs_editor())
        for spec in KINDS[kind].fields:
            if spec.name in HIDDEN_FIELDS:
                continue
            editor = make_editor(spec, self.fields_row)
            if isinstance(editor, PersonBox):
                editor.set_people(self._people)
            self._add_editor(spec.name, vocab.field_title(spec) + ("*" if spec.required else ""), editor)
        self.fields_row.setVisible(bool(self._editors))
        a11y.fill(self.fields_row)
        self._refresh_field_hint()
        # Tab order: time, late reason, amendment reason, fields in order, then the text.
        chain = [self.time_edit, self.delay_reason, self.amend_reason, *self._editors.values(), self.text_edit]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def _make_refs_editor(self) -> QWidget:
        editor = GuardedLineEdit(limit=12, parent=self.fields_row)
        editor.setObjectName("field_refs")
        editor.setAccessibleName(translate("composer", "Entry number this refers to"))
        editor.setPlaceholderText("#")
        editor.setMaximumWidth(80)
        return editor

    def _add_editor(self, name: str, title: str, editor: QWidget) -> None:
        label = QLabel(title, self.fields_row)
        label.setBuddy(editor)
        row, column = divmod(self._field_count, FIELDS_PER_ROW)
        self._field_count += 1
        self.fields_layout.addWidget(label, row, column * 2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.fields_layout.addWidget(editor, row, column * 2 + 1)
        # Shown now, not at the next turn of the event loop: a refusal must be able to put the cursor here.
        label.show()
        editor.show()
        self._editors[name] = editor
        if isinstance(editor, TypedBox):
            editor.editTextChanged.connect(self._changed)
            editor.problem.connect(lambda message, field=name: self._typed_problem(field, message))
        elif isinstance(editor, QLineEdit):
            editor.textChanged.connect(self._changed)
            if name in ("deadline", "refs"):
                editor.textChanged.connect(self._refresh_field_hint)
        if isinstance(editor, GuardedLineEdit):
            editor.pasteRefused.connect(self._paste_refused)

    def editor(self, name: str) -> QWidget | None:
        return self._editors.get(name)

    def focus_first_empty(self) -> None:
        """The first empty field up to the first required empty one; else the text.

        Optional fields before a required one are part of the form a loggist fills in order
        (a decision's "Decided by" before its rationale); jumping to the required one skipped them.
        """
        first_empty: QWidget | None = None
        for name, editor in self._editors.items():
            if editor_text(editor).strip():
                continue
            spec = KINDS[self.kind].field(name)
            first_empty = first_empty or editor
            if name == "refs" or (spec is not None and spec.required):
                first_empty.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return
        self.text_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def set_refs(self, seq: int) -> None:
        editor = self._editors.get("refs")
        if isinstance(editor, QLineEdit):
            editor.setText(str(seq))

    # --- time ---------------------------------------------------------------------------------
    def _changed(self, *_args: object) -> None:
        if self._loading:
            return
        if self._started_at is None and not self.is_empty():
            self._started_at = utc_now()
        self._clear_invalid()
        self._refresh_time()
        if not self._autosave.isActive():
            self._autosave.start(self.autosave_ms)

    def _time_changed(self, _text: str) -> None:
        self._changed()

    def occurred_at(self) -> datetime:
        """The entry time: typed, else when typing started, else now. Raises ValidationError."""
        typed = self.time_edit.text().strip()
        now = utc_now()
        if typed:
            try:
                return parse_entry_time(typed, now=now, tz=timefmt.display_tz())
            except ValueError as exc:
                raise errors.ValidationError("occurred_at", str(exc)) from None
        return self._started_at or now

    def _refresh_time(self) -> None:
        if self._amending is not None:
            self.time_shown.setText(translate("composer", "amendment: recorded now"))
            self.late_row.hide()
            return
        try:
            moment = self.occurred_at()
        except errors.ValidationError as exc:
            self.time_shown.setText("⚠ " + exc.reason)
            return
        now = utc_now()
        typed = bool(self.time_edit.text().strip())
        late = recorded_late(moment, now, self._logbook.late_margin)
        origin = (translate("composer", "typed") if typed else
                  translate("composer", "started typing") if self._started_at else translate("composer", "now"))
        minutes = int((now - moment).total_seconds() // 60)
        day = day_word(moment, now, timefmt.display_tz())
        # The day is said whenever it is not today: "23:59" typed at 00:10 means yesterday.
        when = timefmt.clock(moment) if day == "today" else f"{timefmt.clock(moment)} {timefmt.day_label(moment, now)}"
        text = f"{when} · {origin}"
        if late:
            text += " · " + fill(translate("composer", "%1 min ago: LATE, say why below"), minutes)
        self.time_shown.setText(text)
        if late != self.late_row.isVisible():
            self.late_row.setVisible(late)

    # --- state ----------------------------------------------------------------------------------
    def is_empty(self) -> bool:
        return not (
            self.text_edit.toPlainText().strip()
            or any(editor_text(ed).strip() for ed in self._editors.values())
            or self.delay_reason.text().strip()
        )

    # --- deadlines: said back in words, extensions counted from the current deadline ---------------
    def _current_deadline(self) -> datetime | None:
        """The deadline a status update would change: its demand's, if it has one."""
        if self._kind != "update" or self._amending is not None:
            return None
        editor = self._editors.get("refs")
        try:
            seq = self._read_refs(editor) if editor is not None else None
        except errors.ValidationError:
            return None
        return self._deadlines.get(seq) if seq is not None else None

    def deadline_reading(self) -> DeadlineReading | None:
        """What the deadline field means now (None: empty); raises ValidationError when unreadable."""
        editor = self._editors.get("deadline")
        if not isinstance(editor, QLineEdit) or not editor.text().strip():
            return None
        try:
            return read_deadline(editor.text(), now=utc_now(), tz=timefmt.display_tz(),
                                 current=self._current_deadline())
        except ValueError as exc:
            raise errors.ValidationError("deadline", str(exc)) from None

    def _deadline_words(self, reading: DeadlineReading) -> str:
        """domain.deadline's explanation, said in the current language (it writes English)."""
        if current_language() == "en":
            return reading.explanation
        now, moment, current = utc_now(), reading.moment, self._current_deadline()
        clock = f"{timefmt.clock(moment, seconds=False)} {timefmt.day_label(moment, now)}"
        if reading.extends_current and current is not None:
            return fill(translate("composer", "%1: %2 after the current deadline %3"), clock,
                        span_text((moment - current).total_seconds()), timefmt.clock(current, seconds=False))
        left = (moment - now).total_seconds()
        words = (fill(translate("composer", "%1, in %2"), clock, span_text(left)) if left >= 0
                 else fill(translate("composer", "%1, %2 ago: already passed"), clock, span_text(-left)))
        if reading.earlier_than_current and current is not None:
            words += fill(translate("composer", "; EARLIER than the current deadline %1"),
                          timefmt.clock(current, seconds=False))
        return words

    def _refresh_field_hint(self, *_args: object) -> None:
        try:
            reading = self.deadline_reading()
        except errors.ValidationError as exc:
            self.field_hint.setText(translate("composer", "Deadline: ") + exc.reason)
            self.field_hint.show()
            return
        if reading is None:
            self.field_hint.hide()
            return
        self.field_hint.setText(translate("composer", "Deadline: ") + self._deadline_words(reading))
        self.field_hint.setProperty("warning", reading.earlier_than_current)
        self.field_hint.style().unpolish(self.field_hint)
        self.field_hint.style().polish(self.field_hint)
        self.field_hint.show()

    def _typed_problem(self, field: str, message: str) -> None:
        """A person or choice box left with text that means nothing or several: say so in place."""
        if message:
            self.show_error(field, message, move_focus=False)
        elif self._invalid and self._editors.get(field) in self._invalid:
            self._clear_invalid()

    def build_entry(self) -> NewEntry:
        """The NewEntry the composer holds now; raises ValidationError for an unreadable field."""
        fields: dict[str, Any] = {}
        refs: int | None = None
        for name, editor in self._editors.items():
            if name == "refs":
                refs = self._read_refs(editor)
                continue
            spec = KINDS[self._kind].field(name)
            assert spec is not None
            if name == "deadline":
                reading = self.deadline_reading()
                if reading is not None:
                    fields[name] = reading.moment
                continue
            value = read_editor(spec, editor)
            if value is not None:
                fields[name] = value
        return NewEntry(
            kind=self._kind,
            text=self.text_edit.toPlainText(),
            fields=fields,
            occurred_at=self.occurred_at(),
            refs=refs,
            author=self._author(),
            delay_reason=self.delay_reason.text().strip() or None,
        )

    @staticmethod
    def _read_refs(editor: QWidget) -> int | None:
        assert isinstance(editor, QLineEdit)
        text = editor.text().strip().lstrip("#").split(" ", 1)[0]
        if not text:
            return None
        try:
            return int(text)
        except ValueError:
            raise errors.ValidationError("refs", fill(translate("composer", "'%1' is not an entry number"), text[:20])) from None

    # --- recording ------------------------------------------------------------------------------
    def submit(self) -> Entry | None:
        """Record (or amend). On a refusal show it by the named field and keep everything."""
        self._clear_invalid()
        if not self._author().strip():
            self.show_error("author", translate("composer", "set your name or callsign first (File › Settings); entries need an author"))
            return None
        try:
            if self._amending is not None:
                entry = self._submit_amendment(self._amending)
            else:
                draft = self.build_entry()
                self._confirm_earlier_deadline(draft)
                entry = self._logbook.record(self._ref, draft)
        except errors.ValidationError as exc:
            self.show_error(exc.field, exc.reason)
            return None
        except errors.IncidentLogError as exc:
            self.show_error("", exc.message)
            return None
        self.clear(after_record=True)
        if entry.hash:
            self.notice(fill(translate("composer", "Recorded #%1 at %2"), entry.seq, timefmt.clock(entry.recorded_at)))
        else:  # cell mode, server unreachable: kept here, sent when it is back
            self.notice(fill(translate("composer", "Kept #%1 at %2 on this workstation: sent to the cell server when it is back"),
                             entry.seq, timefmt.clock(entry.recorded_at)))
        self.recorded.emit(entry.seq)
        return entry

    def _confirm_earlier_deadline(self, draft: NewEntry) -> None:
        """A deadline moved earlier is recorded only on a second Ctrl+Enter with nothing changed."""
        reading = self.deadline_reading()
        if reading is None or not reading.earlier_than_current:
            self._confirmed_draft = None
            return
        signature = (draft.kind, draft.refs, draft.text, tuple(sorted((k, str(v)) for k, v in draft.fields.items())))
        if self._confirmed_draft == signature:
            return
        self._confirmed_draft = signature
        current = self._current_deadline()
        raise errors.ValidationError("deadline", translate("composer", EARLIER_DEADLINE).format(
            new=timefmt.clock(reading.moment, seconds=False), old=timefmt.clock(current, seconds=False),
            record=shortcut_text("record")))

    def _submit_amendment(self, target: Entry) -> Entry:
        reason = self.amend_reason.text().strip()
        if not reason:
            raise errors.ValidationError(
                "reason", translate("composer", "say why the entry is amended; the original stays in the log"))
        corrected: dict[str, Any] = {}
        for name, editor in self._editors.items():
            if name == "refs":
                continue
            if editor_text(editor) != self._amend_initial.get(name, ""):
                spec = KINDS[target.kind].field(name)
                assert spec is not None
                value = read_editor(spec, editor)
                if isinstance(value, datetime):
                    value = iso_utc(value)
                corrected[name] = value
        return self._logbook.amend(
            self._ref, target.seq, self.text_edit.toPlainText(), reason=reason,
            author=self._author(), corrected=corrected or None,
        )

    def show_error(self, field: str, message: str, *, move_focus: bool = True) -> None:
        """Put the refusal beside the field it names and (unless told not to) move the cursor there."""
        target = self._field_widget(field)
        title = self._field_title(field)
        full = f"{title}: {message}" if title else message
        # Three lines at most under the text box (the rest would be cut off); all of it in the tooltip.
        self.error_label.setText(full if len(full) <= ERROR_CHARS else full[: ERROR_CHARS - 1] + "…")
        self.error_label.setToolTip(full)
        self.error_label.show()
        self.notice_label.hide()
        if target is not None:
            if target is self.delay_reason:
                self.late_row.show()
            target.setProperty("invalid", True)
            target.setToolTip(message)
            target.style().unpolish(target)
            target.style().polish(target)
            self._invalid.append(target)
            if move_focus:
                target.setFocus(Qt.FocusReason.OtherFocusReason)
            self.error_label.setBuddy(target)

    def _field_widget(self, field: str) -> QWidget | None:
        name = field.split(".", 1)[-1] if field.startswith("corrected.") else field
        return {
            "text": self.text_edit,
            "delay_reason": self.delay_reason,
            "occurred_at": self.time_edit,
            "reason": self.amend_reason if self._amending else self._editors.get("reason"),
        }.get(name) or self._editors.get(name)

    def _field_title(self, field: str) -> str:
        if field in ("", "author"):
            return translate("composer", "Author") if field else ""
        fixed = {"text": translate("composer", "Text"), "delay_reason": translate("composer", "Late because"),
                 "occurred_at": translate("composer", "Time"), "refs": translate("composer", "Entry #"),
                 "reason": translate("composer", "Reason")}
        if field in fixed:
            return fixed[field]
        spec: FieldSpec | None = KINDS[self.kind].field(field.split(".")[-1])
        return vocab.field_title(spec) if spec else field

    def _clear_invalid(self) -> None:
        if not self._invalid:
            return
        for widget in self._invalid:
            widget.setProperty("invalid", False)
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self._invalid.clear()
        self.error_label.hide()

    def notice(self, text: str) -> None:
        self.notice_label.setText(text)
        self.notice_label.show()

    def _paste_refused(self, offered: int, limit: int) -> None:
        self.show_error(
            "",
            fill(translate("composer", "Paste refused: it is %1 characters and an entry holds at most %2. "
                                       "Nothing was pasted; split it into several entries."),
                 f"{offered:,}", f"{limit:,}"),
        )

    def clear(self, *, after_record: bool = False) -> None:
        """Empty the composer (the kind stays), drop the draft, keep the focus here."""
        self._loading = True
        try:
            was_amending = self._amending is not None
            self._amending = None
            self._amend_initial = {}
            self.text_edit.clear()
            self.time_edit.clear()
            self.delay_reason.clear()
            self.amend_reason.clear()
            self.amend_row.hide()
            self.amend_banner.hide()
            self.kind_box.setEnabled(not self._sealed)
            self.time_edit.setEnabled(not self._sealed)
            self._confirmed_draft = None
            if was_amending:
                self._build_fields(self._kind, refs=KINDS[self._kind].needs_ref)
                self._show_kind(self._kind)
            for editor in self._editors.values():
                set_editor_text(editor, "")
            self._started_at = None
            self.late_row.hide()
        finally:
            self._loading = False
        self._clear_invalid()
        self._autosave.stop()
        if after_record:
            # After the row is on screen: the saved draft is now the recorded entry. Should the
            # program die in between, restore_draft() recognises it as recorded and drops it.
            QTimer.singleShot(0, self._forget_saved_draft)
        else:
            self._forget_saved_draft()
        self._refresh_time()
        if after_record or self.isVisible():
            self.focus_first_empty()

    # --- sealed: visibly closed, nothing typed is thrown away -------------------------------------
    @property
    def sealed(self) -> bool:
        return self._sealed

    def set_sealed(self, sealed: bool, message: str = "") -> None:
        """Read-only with the reason and the way to reopen; what was typed stays (and is saved)."""
        self.sealed_banner.setText(message)
        self.sealed_banner.setVisible(sealed)
        if sealed == self._sealed:
            return
        self._sealed = sealed
        self.text_edit.setReadOnly(sealed)
        for widget in (self.kind_box, self.time_edit, self.delay_reason, self.amend_reason, self.fields_row):
            widget.setEnabled(not sealed and not (widget in (self.kind_box, self.time_edit) and self._amending))
        self.text_edit.setPlaceholderText(translate("composer", SEALED_TYPING) if sealed else "")
        if not sealed:
            self._show_kind(self.kind)
            self._clear_invalid()

    # --- amend mode ----------------------------------------------------------------------------
    def start_amend(self, entry: Entry) -> None:
        if entry.kind in ("seal", "reopen", "review"):
            self.show_error("", fill(translate("composer", "a %1 entry cannot be amended"),
                                    vocab.kind_title(entry.kind).lower()))
            return
        self._loading = True
        try:
            self._amending = entry
            self._build_fields(entry.kind, refs=False)
            self._amend_initial = {}
            for name, editor in self._editors.items():
                spec = KINDS[entry.kind].field(name)
                text = value_as_text(spec, entry.fields.get(name)) if spec else ""
                set_editor_text(editor, text)
                self._amend_initial[name] = editor_text(editor)
            self.text_edit.setPlainText(entry.text)
            self.kind_box.setEnabled(False)
            self.time_edit.setEnabled(False)
            self._show_kind(entry.kind)
            self.amend_banner.setText(
                fill(translate("composer", "Amending #%1 (%2). The original stays in the log, struck through "
                                           "beside your correction. A reason is required. %3 cancels."),
                     entry.seq, vocab.kind_title(entry.kind), shortcut_text("back"))
            )
            self.amend_banner.show()
            self.amend_row.show()
        finally:
            self._loading = False
        self._refresh_time()
        self.amend_reason.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._changed()

    def cancel_amend(self) -> None:
        if self._amending is not None:
            self.clear()

    @property
    def amending(self) -> Entry | None:
        return self._amending

    # --- drafts ---------------------------------------------------------------------------------
    def draft_content(self) -> dict[str, Any]:
        return {
            "kind": self._kind,
            "text": self.text_edit.toPlainText(),
            "fields": {name: editor_text(ed) for name, ed in self._editors.items()},
            "time": self.time_edit.text(),
            "started_at": iso_utc(self._started_at) if self._started_at else None,
            "delay_reason": self.delay_reason.text(),
            "amend": self._amending.seq if self._amending else None,
            "amend_reason": self.amend_reason.text(),
            "saved_at": iso_utc(utc_now()),
        }

    def _forget_saved_draft(self) -> None:
        if not self._draft_in_vault or not self.is_empty():
            return  # nothing saved, or the loggist has already started the next entry (autosave has it)
        try:
            self._logbook.clear_draft(self._ref, DRAFT_SLOT)
        except errors.IncidentLogError:
            return  # the next autosave overwrites it; recording succeeded, which is what matters
        self._draft_in_vault = False

    def save_draft(self) -> None:
        """Write what is typed to the vault (encrypted, outside the chain). Cheap; every ~2 s."""
        self._autosave.stop()
        try:
            if self.is_empty() and self._amending is None:
                if self._draft_in_vault:
                    self._logbook.clear_draft(self._ref, DRAFT_SLOT)
                    self._draft_in_vault = False
            else:
                self._logbook.save_draft(self._ref, DRAFT_SLOT, self.draft_content())
                self._draft_in_vault = True
        except errors.IncidentLogError as exc:
            self.notice(translate("composer", "Draft not saved: ") + exc.message)

    def _already_recorded(self, content: dict[str, Any]) -> bool:
        """A draft whose words were recorded after it was saved (the program stopped before it cleared it)."""
        text, saved = str(content.get("text") or ""), content.get("saved_at")
        if not text.strip() or not saved or content.get("amend"):
            return False
        try:
            since = parse_iso(str(saved))
            recent = self._logbook.latest(self._ref, 20)
        except (ValueError, errors.IncidentLogError):
            return False
        return any(e.text == text and e.kind == content.get("kind") and e.recorded_at >= since for e in recent)

    def restore_draft(self) -> bool:
        try:
            content = self._logbook.load_draft(self._ref, DRAFT_SLOT)
        except errors.IncidentLogError:
            return False
        if not content:
            return False
        self._draft_in_vault = True
        if self._already_recorded(content):
            self._forget_saved_draft()
            return False
        self._loading = True
        try:
            amend_seq = content.get("amend")
            if amend_seq:
                try:
                    self._loading = False
                    self.start_amend(self._logbook.entry(self._ref, int(amend_seq)))
                    self._loading = True
                except errors.IncidentLogError:
                    amend_seq = None
            if not amend_seq:
                kind = content.get("kind") if content.get("kind") in COMPOSER_KINDS else "note"
                self._kind = kind
                self._build_fields(kind, refs=KINDS[kind].needs_ref)
                self._show_kind(kind)
                self.time_edit.setText(content.get("time", ""))
                self.delay_reason.setText(content.get("delay_reason", ""))
            for name, text in (content.get("fields") or {}).items():
                if name in self._editors:
                    set_editor_text(self._editors[name], text)
            self.text_edit.setPlainText(content.get("text", ""))
            self.amend_reason.setText(content.get("amend_reason", ""))
            started = content.get("started_at")
            self._started_at = parse_iso(started) if started else None
        finally:
            self._loading = False
        self._refresh_time()
        saved = content.get("saved_at")
        when = timefmt.clock(parse_iso(saved)) if saved else translate("composer", "earlier")
        self.notice(fill(
            translate("composer", "Restored an unsent draft saved at %1: the program closed before it was "
                                  "recorded. Check it, then %2 to record it."),
            when, shortcut_text("record"),
        ))
        return True

    def stop(self) -> None:
        """Before the window goes: save what is typed, stop the timers."""
        self._tick.stop()
        if self._autosave.isActive() or not self.is_empty():
            self.save_draft()

