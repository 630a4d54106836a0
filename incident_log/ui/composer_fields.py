"""Editors for a kind's inline fields, made from ``domain.kinds.KINDS``.

Each editor reads back a plain value for ``NewEntry.fields``; a value that cannot be read
(an unparseable deadline) raises ``ValidationError`` naming the field, exactly like the
logbook would, so the composer shows every refusal the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from incident_log.domain.deadline import read_deadline
from incident_log.domain.entry import utc_now
from incident_log.domain.kinds import MAX_FIELD_CHARS, FieldSpec, FieldType
from incident_log.domain.lookup import Resolution, person_display, resolve_choice, resolve_person
from incident_log.domain.state import Person
from incident_log.errors import ValidationError
from incident_log.ui import timefmt, vocab
from incident_log.ui.i18n import fill, translate
from incident_log.ui.widgets import compact_combo

HIDDEN_FIELDS = ("id", "corrected")  # written by imports and amend mode, not typed


class GuardedLineEdit(QLineEdit):
    """A line edit that refuses an oversized paste out loud instead of truncating it."""

    pasteRefused = Signal(int, int)  # noqa: N815 - (characters offered, limit)

    def __init__(self, limit: int = MAX_FIELD_CHARS, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._limit = limit
        self.setMaxLength(max(limit * 4, 32767))  # never the thing that cuts: validation refuses instead

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.matches(QKeySequence.StandardKey.Paste):
            offered = len(QGuiApplication.clipboard().text())
            if offered + len(self.text()) - len(self.selectedText()) > self._limit:
                self.pasteRefused.emit(offered, self._limit)
                return
        super().keyPressEvent(event)


class TypedBox(QComboBox):
    """An editable combo box that takes typed text and never opens on a space.

    A plain (non-editable) combo box opens its list on the space bar, and everything typed after
    that lands in the list and is lost. Here what is typed stays in the box; the list opens only
    on Alt+Down or F4. ``resolution()`` says what the text means; leaving the box completes a
    unique match to its full form, and an unclear one is reported through ``problem`` (the
    composer shows it beside the field) without moving the cursor.
    """

    chosen = Signal(str)  # the value the text resolved to (on leaving the box or picking from the list)
    problem = Signal(str)  # why the text resolves to nothing ("" when it is fine again)

    def __init__(self, parent: QWidget | None = None, *, chars: int = 14) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setCompleter(None)  # type: ignore[arg-type]  # no popup: it would take Ctrl+Enter and Tab away
        compact_combo(self, chars)
        self.edit().editingFinished.connect(self._settle)
        self.activated.connect(lambda _i: self._settle())

    def edit(self) -> QLineEdit:
        """The box's line edit (an editable combo box always has one)."""
        line = self.lineEdit()
        assert line is not None
        return line

    def resolution(self) -> Resolution:  # pragma: no cover - abstract
        raise NotImplementedError

    def value(self) -> str:
        """The resolved value; "" when empty or unclear (``resolution()`` says why)."""
        return self.resolution().value or ""

    def _settle(self) -> None:
        found = self.resolution()
        if found.ok:
            if self.currentText() != found.display:
                self.setEditText(found.display)
            self.problem.emit("")
            self.chosen.emit(found.value or "")
        else:
            self.problem.emit(found.message)

    def set_value(self, value: str) -> None:
        for i in range(self.count()):
            if self.itemData(i) == value:
                self.setCurrentIndex(i)
                self.setEditText(self.itemText(i))
                return
        self.setEditText(value)


class PersonBox(TypedBox):
    """A person, typed as key, name, alias, label or a unique prefix; the list shows the register."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, chars=16)
        self._people: tuple[Person, ...] = ()
        self.edit().setPlaceholderText(translate("composer_fields", "name, alias, label or key"))

    def set_people(self, people: Sequence[Person]) -> None:
        text = self.currentText()
        self._people = tuple(people)
        self.blockSignals(True)
        self.clear()
        for person in self._people:
            self.addItem(vocab.person_label(person_display(person)), person.key)
        self.setCurrentIndex(-1)
        self.setEditText(text)
        self.blockSignals(False)

    def resolution(self) -> Resolution:
        found = resolve_person(vocab.typed_label(self.currentText()), self._people)
        if found.ok:
            return replace(found, display=vocab.person_label(found.display))
        if not found.message:
            return found
        typed = " ".join(self.currentText().split())[:40]
        if found.candidates:
            message = fill(translate("composer_fields", "'%1' matches %2 people: %3. Type more of the name, "
                                                        "or the key."),
                           typed, len(found.candidates), "; ".join(vocab.person_label(c) for c in found.candidates))
        else:
            message = fill(translate("composer_fields", "no one registered matches '%1'. Type a key, name, alias "
                                                        "or label (Alt+Down lists everyone), or register the "
                                                        "person first (Ctrl+Shift+P)."), typed)
        return replace(found, message=message)


class ChoiceBox(TypedBox):
    """One of a fixed set, typed or picked. Starts empty so a required choice is made, not defaulted."""

    def __init__(self, choices: Sequence[str] | Sequence[tuple[str, str]], parent: QWidget | None = None,
                 *, chars: int = 14, placeholder: str = "") -> None:
        super().__init__(parent, chars=chars)
        self._choices: list[tuple[str, str]] = []
        self.set_choices(choices)
        self.setCurrentIndex(-1)
        self.setEditText("")
        self.edit().setPlaceholderText(placeholder or translate("composer_fields", "type or Alt+Down"))

    def set_choices(self, choices: Sequence[str] | Sequence[tuple[str, str]]) -> None:
        """Replace the list (a filter's people, say); what is typed stays."""
        text = self.currentText()
        # Stored values are shown (and typed) in the current language: "abierta" means "open".
        self._choices = [(vocab.choice(c), c) if isinstance(c, str) else (c[0], c[1]) for c in choices]
        self.blockSignals(True)
        self.clear()
        for shown, value in self._choices:
            self.addItem(shown, value)
        self.setCurrentIndex(-1)
        self.setEditText(text)
        self.blockSignals(False)

    def resolution(self) -> Resolution:
        found = resolve_choice(self.currentText(), self._choices)
        if found.ok or not found.message:
            return found
        typed = " ".join(self.currentText().split())[:40]
        if found.candidates:
            message = fill(translate("composer_fields", "'%1' could be %2. Type a few more letters."),
                           typed, ", ".join(found.candidates))
        else:
            message = fill(translate("composer_fields", "'%1' is not one of: %2. Type one of them or its first "
                                                        "letters (Alt+Down lists them)."),
                           typed, ", ".join(shown for shown, _ in self._choices))
        return replace(found, message=message)


def make_editor(spec: FieldSpec, parent: QWidget) -> QWidget:
    if spec.type is FieldType.PERSON:
        editor: QWidget = PersonBox(parent)
    elif spec.type is FieldType.CHOICE:
        editor = ChoiceBox(spec.choices, parent)
    else:
        editor = GuardedLineEdit(parent=parent)
        placeholder = {
            FieldType.DATETIME: translate("composer_fields", "23:00, +30m or ISO"),
            FieldType.LIST: translate("composer_fields", "comma-separated"),
            FieldType.INT: translate("composer_fields", "number"),
        }.get(spec.type, translate("composer_fields", "required") if spec.required else "")
        editor.setPlaceholderText(placeholder)
    editor.setObjectName(f"field_{spec.name}")
    title = vocab.field_title(spec)
    editor.setAccessibleName(title)
    editor.setToolTip(fill(translate("composer_fields", "%1 (required)"), title) if spec.required else title)
    return editor


def read_editor(spec: FieldSpec, editor: QWidget) -> Any:
    """The value to put in ``NewEntry.fields`` (None when left empty)."""
    if isinstance(editor, TypedBox):
        found = editor.resolution()
        if not found.ok and found.message:
            raise ValidationError(spec.name, found.message)
        return found.value
    assert isinstance(editor, QLineEdit)
    text = editor.text().strip()
    if not text:
        return None
    if spec.type is FieldType.DATETIME:
        try:
            return read_deadline(text, now=utc_now(), tz=timefmt.display_tz()).moment
        except ValueError as exc:
            raise ValidationError(spec.name, str(exc)) from None
    if spec.type is FieldType.LIST:
        return [part.strip() for part in text.split(",") if part.strip()]
    return text


def editor_text(editor: QWidget) -> str:
    """What is typed in an editor, for the draft (restored verbatim)."""
    if isinstance(editor, QComboBox):
        return editor.currentText()
    assert isinstance(editor, QLineEdit)
    return editor.text()


def set_editor_text(editor: QWidget, text: str) -> None:
    if isinstance(editor, TypedBox):
        editor.setEditText(text)
    else:
        assert isinstance(editor, QLineEdit)
        editor.setText(text)


def value_as_text(spec: FieldSpec, value: Any) -> str:
    """A stored field value as the editor shows it (amend mode starts from the original)."""
    if value is None:
        return ""
    if spec.type is FieldType.LIST:
        return ", ".join(str(v) for v in value)
    if spec.type is FieldType.DATETIME:
        try:
            from incident_log.domain.entry import parse_iso

            return parse_iso(str(value)).astimezone(timefmt.display_tz()).isoformat(timespec="minutes")
        except ValueError:
            return str(value)
    return str(value)
