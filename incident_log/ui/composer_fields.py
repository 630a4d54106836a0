"""Editors for a kind's inline fields, made from ``domain.kinds.KINDS``.

Each editor reads back a plain value for ``NewEntry.fields``; a value that cannot be read
(an unparseable deadline) raises ``ValidationError`` naming the field, exactly like the
logbook would, so the composer shows every refusal the same way.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QComboBox, QCompleter, QLineEdit, QWidget

from incident_log.domain.entry import utc_now
from incident_log.domain.kinds import MAX_FIELD_CHARS, FieldSpec, FieldType
from incident_log.domain.state import Person
from incident_log.errors import ValidationError
from incident_log.ui import timefmt

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


def person_display(person: Person) -> str:
    return f"{person.key} — {person.label} · {person.name}"


class PersonBox(QComboBox):
    """A person key, typed or completed from the register (labels and names shown)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.lineEdit().setPlaceholderText("key or name")
        completer = QCompleter(self.model(), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCompleter(completer)
        self.setMinimumContentsLength(18)

    def set_people(self, people: Sequence[Person]) -> None:
        text = self.currentText()
        self.blockSignals(True)
        self.clear()
        self.addItem("", "")
        for person in people:
            self.addItem(person_display(person), person.key)
        self.setCurrentIndex(0)
        self.setEditText(text)
        self.blockSignals(False)

    def value(self) -> str:
        text = self.currentText().strip()
        index = self.findText(text, Qt.MatchFlag.MatchExactly)
        if index > 0:
            return str(self.itemData(index))
        return text.split(" — ", 1)[0].strip()

    def set_value(self, key: str) -> None:
        for i in range(self.count()):
            if self.itemData(i) == key:
                self.setCurrentIndex(i)
                return
        self.setEditText(key)


class ChoiceBox(QComboBox):
    """One of the kind's choices. Starts empty so a required choice is made, not defaulted."""

    def __init__(self, choices: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItem("")
        self.addItems(list(choices))

    def value(self) -> str:
        return self.currentText()

    def set_value(self, value: str) -> None:
        index = self.findText(str(value))
        self.setCurrentIndex(max(index, 0))


def make_editor(spec: FieldSpec, parent: QWidget) -> QWidget:
    if spec.type is FieldType.PERSON:
        editor: QWidget = PersonBox(parent)
    elif spec.type is FieldType.CHOICE:
        editor = ChoiceBox(spec.choices, parent)
    else:
        editor = GuardedLineEdit(parent=parent)
        placeholder = {
            FieldType.DATETIME: "23:00, +30m or ISO",
            FieldType.LIST: "comma-separated",
            FieldType.INT: "number",
        }.get(spec.type, "required" if spec.required else "")
        editor.setPlaceholderText(placeholder)
    editor.setObjectName(f"field_{spec.name}")
    editor.setAccessibleName(spec.title)
    editor.setToolTip(spec.title + (" (required)" if spec.required else ""))
    return editor


def read_editor(spec: FieldSpec, editor: QWidget) -> Any:
    """The value to put in ``NewEntry.fields`` (None when left empty)."""
    if isinstance(editor, PersonBox | ChoiceBox):
        return editor.value() or None
    assert isinstance(editor, QLineEdit)
    text = editor.text().strip()
    if not text:
        return None
    if spec.type is FieldType.DATETIME:
        try:
            return timefmt.parse_deadline(text, now=utc_now(), tz=timefmt.display_tz())
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
    if isinstance(editor, PersonBox):
        editor.setEditText(text)
    elif isinstance(editor, ChoiceBox):
        editor.set_value(text)
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
