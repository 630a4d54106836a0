"""The people register: everyone the log talks about, with the label the report will use.

Labels ("Subject A", "Negotiator 2") are shown beside names because the cell uses both: names
on the radio, labels in the debrief. Adding a person is a small keyboard form whose key is
suggested from the role (s2, h1, n3), so the loggist types a name and presses Enter. The form
checks what it can see (a name, a free key); the shell records the entry and the logbook's
validation has the last word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from incident_log.domain.kinds import PERSON_ROLES
from incident_log.domain.state import IncidentState, Person
from incident_log.ui import vocab
from incident_log.ui.boards._common import Board, BoardTable, RowsModel, bold_font, warning_text
from incident_log.ui.composer_fields import ChoiceBox
from incident_log.ui.i18n import QT_TRANSLATE_NOOP, translate
from incident_log.ui.text import plural
from incident_log.ui.widgets import ElidedLabel

# The key letter for each role: s1, h1, n1 … (the convention of the scenario files and the CLI).
ROLE_PREFIX: dict[str, str] = {
    "subject": "s",
    "hostage": "h",
    "negotiator": "n",
    "family": "f",
    "witness": "w",
    "intermediary": "i",
    "commander": "c",
    "other": "p",
}
KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_-]{0,31}$")

NAME_REQUIRED = QT_TRANSLATE_NOOP("people", "Type the person's name (or a description such as 'unknown male, 40s').")
KEY_TAKEN = QT_TRANSLATE_NOOP("people", "The key {key} is already used by {label}. Choose another key.")
ROLE_REQUIRED = QT_TRANSLATE_NOOP("people", "Type the person's role (subject, hostage, negotiator …) or choose it with Alt+Down.")
KEY_INVALID = QT_TRANSLATE_NOOP("people", "A key is a short word of lower-case letters and digits starting with a letter, e.g. s2.")


def suggest_key(role: str, taken: set[str]) -> str:
    """The first free ``<letter><n>`` for the role: s1, s2 … skipping keys already in use."""
    prefix = ROLE_PREFIX.get(role, "p")
    n = 1
    while f"{prefix}{n}" in taken:
        n += 1
    return f"{prefix}{n}"


def split_list(text: str) -> list[str]:
    """``"Tomi, El Flaco ,"`` -> ``["Tomi", "El Flaco"]``: commas separate, blanks vanish."""
    return [part.strip() for part in text.split(",") if part.strip()]


@dataclass(frozen=True, slots=True)
class PersonRow:
    key: int  # the registering entry's seq
    person_key: str
    label: str
    role: str
    name: str
    aliases: str
    phones: str
    notes: str


class PeopleModel(RowsModel[PersonRow]):
    HEADERS = (QT_TRANSLATE_NOOP("headers", "Label"), QT_TRANSLATE_NOOP("headers", "Role"), QT_TRANSLATE_NOOP("headers", "Name"), QT_TRANSLATE_NOOP("headers", "Aliases"), QT_TRANSLATE_NOOP("headers", "Phones"), QT_TRANSLATE_NOOP("headers", "Key"))
    LABEL, ROLE, NAME, ALIASES, PHONES, KEY = range(6)

    def key_of(self, row: PersonRow) -> int:
        return row.key

    def cell(self, row: PersonRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (vocab.person_label(row.label), vocab.choice(row.role), row.name, row.aliases, row.phones,
                    row.person_key)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.notes or None
        if role == Qt.ItemDataRole.FontRole and column == self.LABEL:
            return bold_font()
        return None


def person_rows(people: tuple[Person, ...]) -> list[PersonRow]:
    return [
        PersonRow(
            key=p.seq or 1_000_000_000 + i,
            person_key=p.key,
            label=p.label,
            role=p.role,
            name=p.name,
            aliases=", ".join(p.aliases),
            phones=", ".join(p.phones),
            notes=p.notes,
        )
        for i, p in enumerate(people)
    ]


class AddPersonDialog(QDialog):
    """Role, name, key (suggested), aliases, phones, notes; Enter in any field adds, Esc cancels."""

    def __init__(self, people: tuple[Person, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addPersonDialog")
        self.setWindowTitle(translate("people", "Add person"))
        self.setAccessibleName(translate("people", "Add person"))
        self._people = {p.key: p for p in people}
        self._key_edited = False
        self.fields: dict[str, Any] | None = None

        self.role_combo = ChoiceBox(PERSON_ROLES, placeholder="subject, hostage, negotiator …")
        self.role_combo.setObjectName("personRoleCombo")
        self.role_combo.setAccessibleName(translate("people", "Role"))
        self.role_combo.set_value("subject")
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("personNameEdit")
        self.name_edit.setAccessibleName(translate("people", "Name"))
        self.name_edit.setPlaceholderText(translate("people", "Full name, or a description"))
        self.key_edit = QLineEdit()
        self.key_edit.setObjectName("personKeyEdit")
        self.key_edit.setAccessibleName(translate("people", "Key"))
        self.key_edit.setToolTip(translate("people", "Short key used in the log and the composer, e.g. s2"))
        self.aliases_edit = QLineEdit()
        self.aliases_edit.setObjectName("personAliasesEdit")
        self.aliases_edit.setAccessibleName(translate("people", "Aliases"))
        self.aliases_edit.setPlaceholderText(translate("people", "Comma-separated"))
        self.phones_edit = QLineEdit()
        self.phones_edit.setObjectName("personPhonesEdit")
        self.phones_edit.setAccessibleName(translate("people", "Phones"))
        self.phones_edit.setPlaceholderText(translate("people", "Comma-separated"))
        self.notes_edit = QLineEdit()  # one line, so Enter adds the person from any field
        self.notes_edit.setObjectName("personNotesEdit")
        self.notes_edit.setAccessibleName(translate("people", "Notes"))
        self.error_label = QLabel("")
        self.error_label.setObjectName("personErrorLabel")
        self.error_label.setAccessibleName(translate("people", "Problem"))
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet(f"color: {warning_text(self).name()}; font-weight: bold;")
        self.error_label.hide()

        form = QFormLayout()
        form.addRow(translate("people", "&Role"), self.role_combo)
        form.addRow(translate("people", "&Name"), self.name_edit)
        form.addRow(translate("people", "&Key"), self.key_edit)
        form.addRow(translate("people", "&Aliases"), self.aliases_edit)
        form.addRow(translate("people", "&Phones"), self.phones_edit)
        form.addRow(translate("people", "N&otes"), self.notes_edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.setObjectName("addPersonButtons")
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(translate("people", "Add"))
        ok.setObjectName("addPersonOk")
        ok.setAccessibleName(translate("people", "Add"))
        ok.setDefault(True)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("addPersonCancel")
        cancel.setAccessibleName(translate("people", "Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        self.role_combo.editTextChanged.connect(lambda _text: self._suggest(self.role_combo.value()))
        self.key_edit.textEdited.connect(self._key_typed)
        self._suggest(self.role_combo.value())
        self.role_combo.setFocus()

    def _key_typed(self, text: str) -> None:
        self._key_edited = bool(text)

    def _suggest(self, role: str) -> None:
        """Follow the role with the key until the loggist types a key of their own."""
        if not self._key_edited:
            self.key_edit.setText(suggest_key(role, set(self._people)))

    def set_people(self, people: tuple[Person, ...]) -> None:
        """People registered meanwhile (another window, an import) are taken keys too."""
        self._people = {p.key: p for p in people}
        self._suggest(self.role_combo.value())

    def problem(self) -> tuple[str, QWidget] | None:
        role = self.role_combo.resolution()
        if not role.ok:
            return (role.message or translate("people", ROLE_REQUIRED)), self.role_combo
        if not self.name_edit.text().strip():
            return translate("people", NAME_REQUIRED), self.name_edit
        key = self.key_edit.text().strip()
        if not KEY_PATTERN.match(key):
            return translate("people", KEY_INVALID), self.key_edit
        if key in self._people:
            return translate("people", KEY_TAKEN).format(key=key, label=self._people[key].label), self.key_edit
        return None

    def accept(self) -> None:
        found = self.problem()
        if found is not None:
            message, widget = found
            self.error_label.setText(message)
            self.error_label.show()
            widget.setFocus()
            return
        self.fields = {
            "key": self.key_edit.text().strip(),
            "role": self.role_combo.value(),
            "name": self.name_edit.text().strip(),
            "aliases": split_list(self.aliases_edit.text()),
            "phones": split_list(self.phones_edit.text()),
            "notes": self.notes_edit.text().strip(),
        }
        super().accept()


class PeopleRegister(Board):
    """The register table and its "Add person" form."""

    OBJECT_NAME = "peopleRegister"
    TITLE = QT_TRANSLATE_NOOP("boards", "People")

    personAddRequested = Signal(dict)  # the person entry's fields: key, role, name, aliases, phones, notes
    entryActivated = Signal(int)  # the entry that registered the person

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = PeopleModel(self)
        self.view = BoardTable(self.model, "peopleTable", translate("boards", "People register"))
        self.view.set_column_widths((14, 12, 28, 18, 20, 6))
        self.view.seqActivated.connect(self.entryActivated)
        self.add_button = QPushButton(translate("people", "Add person…"))
        self.add_button.setObjectName("addPersonButton")
        self.add_button.setAccessibleName(translate("people", "Add person"))
        self.add_button.setToolTip(translate("people", "Add person (Insert)"))
        self.add_button.clicked.connect(self.open_add_person)
        self.add_action = QAction(translate("people", "Add person…"), self)
        self.add_action.setObjectName("addPersonAction")
        self.add_action.setShortcut(QKeySequence(Qt.Key.Key_Insert))
        self.add_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.add_action.triggered.connect(self.open_add_person)
        self.addAction(self.add_action)
        self.count_label = ElidedLabel("")
        self.count_label.setObjectName("peopleCount")
        self.count_label.setAccessibleName(translate("people", "Number of people"))
        bar = QHBoxLayout()
        bar.addWidget(self.count_label, 1)
        bar.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        self.dialog: AddPersonDialog | None = None
        self.setFocusProxy(self.view)

    def open_add_person(self) -> AddPersonDialog:
        """Open (or bring back) the form; window-modal and non-blocking, so live updates continue."""
        people = self._state.people if self._state is not None else ()
        if self.dialog is None:
            self.dialog = AddPersonDialog(people, self)
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.accepted.connect(self._on_accepted)
            self.dialog.finished.connect(self._on_finished)
            self.dialog.open()
        else:
            self.dialog.activateWindow()
        return self.dialog

    def _on_accepted(self) -> None:
        if self.dialog is not None and self.dialog.fields is not None:
            self.personAddRequested.emit(dict(self.dialog.fields))

    def _on_finished(self, _result: int) -> None:
        if self.dialog is not None:
            self.dialog.deleteLater()
            self.dialog = None
        self.view.setFocus()

    def _slice(self, state: IncidentState) -> object:
        return state.people

    def _render(self, state: IncidentState) -> None:
        self.model.set_rows(person_rows(state.people))
        n = len(state.people)
        self.count_label.setText(plural(n, translate("people", "{n} person registered"),
                                        translate("people", "{n} people registered")))
        if self.dialog is not None:
            self.dialog.set_people(state.people)
