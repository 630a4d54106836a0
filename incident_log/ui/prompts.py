"""The few questions the program asks, as small dialogs with stable object names.

Every one of them is reachable from the keyboard (Enter accepts, Esc cancels) and tests drive
them like a user would: find the dialog by object name, type, press Enter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from incident_log import errors
from incident_log.domain.validation import AUTHOR_CHARS as MAX_AUTHOR_CHARS
from incident_log.ui import themes
from incident_log.ui.i18n import QT_TRANSLATE_NOOP, fill, translate


def show_error(parent: QWidget | None, error: errors.IncidentLogError | str, title: str = "") -> None:
    """Every expected error reaches the user as its catalogue sentence, nothing more."""
    box = QMessageBox(QMessageBox.Icon.Warning, title or translate("prompts", "Incident Log"), error.message if isinstance(error, errors.IncidentLogError)
                      else str(error), QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("errorDialog")
    box.setAccessibleName(translate("prompts", "Error"))
    box.exec()


def confirm(parent: QWidget | None, title: str, text: str, yes: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("confirmDialog")
    ok = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)  # the safe answer is the one Enter gives
    with focus_kept():
        box.exec()
    return box.clickedButton() is ok


class TextPrompt(QDialog):
    """One line of required text (a reason, a callsign). ``check`` may refuse it with a sentence."""

    def __init__(self, parent: QWidget | None, title: str, label: str, *, text: str = "",
                 secret: bool = False, name: str = "textPrompt",
                 check: Callable[[str], str] | None = None) -> None:
        super().__init__(parent)
        self._check = check
        self.setObjectName(name)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        caption = QLabel(label, self)
        caption.setWordWrap(True)
        layout.addWidget(caption)
        self.edit = QLineEdit(text, self)
        self.edit.setObjectName(name + "Edit")
        self.edit.setAccessibleName(title)
        self.edit.setAccessibleDescription(label)
        if secret:
            self.edit.setEchoMode(QLineEdit.EchoMode.Password)
        caption.setBuddy(self.edit)
        layout.addWidget(self.edit)
        self.error = QLabel(self)
        self.error.setObjectName("promptError")
        self.error.setStyleSheet(f"color: {themes.current().warning_text}; font-weight: 600;")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(440, self.sizeHint().height())

    def _accept(self) -> None:
        problem = translate("prompts", "This cannot be empty.") if not self.edit.text().strip() else ""
        if not problem and self._check is not None:
            problem = self._check(self.edit.text().strip())
        if problem:
            self.error.setText(problem)
            self.error.show()
            self.edit.selectAll()
            return
        self.accept()


LEADER_PROMPT = QT_TRANSLATE_NOOP("prompts", "Your callsign as team leader. Flags, reviews and alarm acknowledgements made in this window "
                 "are recorded under it, so the log shows who reviewed.")
CALLSIGN_TOO_LONG = QT_TRANSLATE_NOOP("prompts", "A callsign is at most {limit} characters ({count} typed): it is printed beside every entry.")
LEADER_SAME = QT_TRANSLATE_NOOP("prompts", "'{callsign}' is the loggist's callsign on this vault. The team leader records under their own, "
               "so the debrief can tell who did what: type yours.")


def ask_leader_callsign(parent: QWidget | None, remembered: str, loggist: str) -> str | None:
    """The team leader's own callsign (never the loggist's); None when they cancel."""

    def differs(text: str) -> str:
        if len(text) > MAX_AUTHOR_CHARS:
            return translate("prompts", CALLSIGN_TOO_LONG).format(limit=MAX_AUTHOR_CHARS, count=len(text))
        return translate("prompts", LEADER_SAME).format(callsign=loggist) if loggist and text.casefold() == loggist.casefold() else ""

    dialog = TextPrompt(parent, translate("prompts", "Team leader"), translate("prompts", LEADER_PROMPT), text=remembered, name="leaderCallsign", check=differs)
    dialog.edit.selectAll()
    with focus_kept():
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
    return dialog.edit.text().strip() if accepted else None


def ask_text(parent: QWidget | None, title: str, label: str, *, text: str = "", name: str = "textPrompt") -> str | None:
    dialog = TextPrompt(parent, title, label, text=text, name=name)
    with focus_kept():
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
    return dialog.edit.text().strip() if accepted else None


@contextmanager
def focus_kept() -> Iterator[None]:
    """After a dialog, the cursor is back where it was (not lost, whatever the window manager does)."""
    before = QApplication.focusWidget()
    try:
        yield
    finally:
        if before is not None and shiboken_valid(before):
            before.window().activateWindow()
            before.setFocus(Qt.FocusReason.OtherFocusReason)


def shiboken_valid(widget: QWidget) -> bool:
    from shiboken6 import isValid

    return bool(isValid(widget))


def strength_hint(passphrase: str) -> str:
    """A plain-words hint, not a score: length matters most for a passphrase typed under stress."""
    n = len(passphrase)
    words = len(passphrase.split())
    if n == 0:
        return translate("prompts", "Use a few unrelated words: easy to type at night, hard to guess.")
    if n < 8:
        return fill(translate("prompts", "Too short (%1 characters): at least 8 are required; 16 or more is better."), n)
    if n < 14 and words < 3:
        return translate("prompts", "Acceptable, but weak: add another word or two.")
    if n < 20 and words < 4:
        return translate("prompts", "Good. Four or more words would be strong.")
    return translate("prompts", "Strong.")


class NewPassphraseDialog(QDialog):
    """A new passphrase, typed twice, with a strength hint and the keyring offer."""

    def __init__(self, parent: QWidget | None, *, title: str, intro: str, offer_keyring: bool) -> None:
        super().__init__(parent)
        self.setObjectName("newPassphraseDialog")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        text = QLabel(intro, self)
        text.setWordWrap(True)
        layout.addWidget(text)
        first_label = QLabel(translate("prompts", "&Passphrase"), self)
        layout.addWidget(first_label)
        self.first = QLineEdit(self)
        self.first.setObjectName("passphraseEdit")
        self.first.setAccessibleName(translate("prompts", "New passphrase"))
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        first_label.setBuddy(self.first)
        layout.addWidget(self.first)
        self.hint = QLabel(strength_hint(""), self)
        self.hint.setObjectName("strengthHint")
        self.hint.setAccessibleName(translate("prompts", "Passphrase strength"))
        layout.addWidget(self.hint)
        second_label = QLabel(translate("prompts", "&Again"), self)
        layout.addWidget(second_label)
        self.second = QLineEdit(self)
        self.second.setObjectName("passphraseRepeatEdit")
        self.second.setAccessibleName(translate("prompts", "Passphrase again"))
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        second_label.setBuddy(self.second)
        layout.addWidget(self.second)
        self.keyring = QCheckBox(translate("prompts", "&Remember the key in this computer's keyring (unlock without typing)"), self)
        self.keyring.setObjectName("rememberKeyring")
        self.keyring.setAccessibleName(translate("prompts", "Remember the key in the system keyring"))
        self.keyring.setChecked(offer_keyring)
        self.keyring.setVisible(offer_keyring)
        layout.addWidget(self.keyring)
        self.error = QLabel(self)
        self.error.setObjectName("promptError")
        self.error.setStyleSheet(f"color: {themes.current().warning_text}; font-weight: 600;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.first.textChanged.connect(lambda t: self.hint.setText(strength_hint(t)))
        self.resize(480, self.sizeHint().height())

    def _accept(self) -> None:
        if self.first.text() != self.second.text():
            self.error.setText(translate("prompts", "The two passphrases differ. Type them again."))
            self.error.show()
            self.second.clear()
            self.second.setFocus()
            return
        if len(self.first.text()) < 8:
            self.error.setText(strength_hint(self.first.text()))
            self.error.show()
            return
        self.accept()

    @property
    def passphrase(self) -> str:
        return self.first.text()


class PassphraseDialog(TextPrompt):
    def __init__(self, parent: QWidget | None, label: str) -> None:
        super().__init__(parent, translate("prompts", "Unlock the vault"), label, secret=True, name="passphraseDialog")

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()
        self.edit.selectAll()
