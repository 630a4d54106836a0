"""Connecting the desktop to a cell: the dialog, and what it does before the windows open.

The app is started on a cell with ``incident-log --cell URL`` (or ``INCIDENT_LOG_CELL``, or the
cell this vault connected to last time). What the connection needs is looked for as the command
line does (``cell/opening.py``); the dialog asks only for what is missing:

- the first time on this workstation: the cell password ``cell add-user`` printed, and the vault's
  passphrase, which wraps the password and the new signing key in their slots beside the vault;
- later, only the vault's passphrase, when the keyring does not hold the signing key.

A server that cannot be reached is not a reason to stop: the windows open offline and the
connection line says so. A refused login, a certificate that does not verify or a malformed URL
is, with the server's sentence, and the dialog stays open to fix it. "Work on this computer
only" opens the vault without the cell.
"""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from incident_log import errors
from incident_log.ui.i18n import translate

CELL_ENV = "INCIDENT_LOG_CELL"
PASSPHRASE_ENV = "INCIDENT_LOG_PASSPHRASE"
CELL_PREF = "cell_url"
RESTART = 75  # the event loop's exit code when the home window asks to reopen on another cell (or none)


class ConnectDialog(QDialog):
    def __init__(self, parent: QWidget | None, url: str, *, ask_password: bool, ask_passphrase: bool) -> None:
        super().__init__(parent)
        self.setObjectName("connectDialog")
        self.setWindowTitle(translate("cell_dialog", "Connect to the cell"))
        self.setMinimumWidth(520)
        layout = QVBoxLayout(self)
        intro = QLabel(translate(
            "cell_dialog", "This workstation shares its incidents with the cell's server. If the server cannot be "
            "reached, you can still record: entries are kept here and sent when it is back."), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.url = QLineEdit(url, self)
        self.url.setObjectName("cellUrl")
        self.url.setAccessibleName(translate("cell_dialog", "Cell server address"))
        form.addRow(translate("cell_dialog", "&Server address:"), self.url)
        self.password = QLineEdit(self)
        self.password.setObjectName("cellPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(translate("cell_dialog", "Cell password"))
        self.password.setPlaceholderText(translate("cell_dialog", "the 64 characters 'cell add-user' printed"))
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("cellVaultPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(translate("cell_dialog", "Vault passphrase"))
        if ask_password:
            form.addRow(translate("cell_dialog", "Cell &password:"), self.password)
        else:
            self.password.hide()
        if ask_passphrase:
            form.addRow(translate("cell_dialog", "&Vault passphrase:"), self.passphrase)
        else:
            self.passphrase.hide()
        layout.addLayout(form)
        self.error = QLabel("", self)
        self.error.setObjectName("connectError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(self)
        self.connect_button = buttons.addButton(translate("cell_dialog", "&Connect"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.local_button = buttons.addButton(translate("cell_dialog", "Work on this computer &only"),
                                              QDialogButtonBox.ButtonRole.RejectRole)
        self.connect_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        first = self.password if ask_password else self.passphrase if ask_passphrase else self.url
        first.setFocus()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()


def cell_url_for(given: str | None, vault: Any) -> str | None:
    """The cell to connect to: the one asked for, else the environment's, else the last one used."""
    for candidate in (given, os.environ.get(CELL_ENV), vault.get_pref(CELL_PREF)):
        if candidate and candidate.strip():
            return candidate.strip()
    return None


def connect_cell(vault: Any, url: str, parent: QWidget | None = None) -> Any | None:
    """A ``CellDesk`` over ``vault``; None when the user chose to work on this computer only."""
    from incident_log.desk import NeedsInput, fields_to_ask_again, open_desk

    password: str | None = None
    passphrase: str | None = os.environ.get(PASSPHRASE_ENV) or None
    problem: str | None = None
    while True:
        try:
            desk = open_desk(vault, url, password=password, passphrase=passphrase)
        except NeedsInput as needed:
            ask_password, ask_passphrase = needed.password, needed.passphrase
        except errors.IncidentLogError as trouble:
            problem = trouble.message
            ask_password, ask_passphrase = fields_to_ask_again(trouble)
            password = None if ask_password else password
            passphrase = None if ask_passphrase else passphrase
        else:
            vault.set_pref(CELL_PREF, url)
            return desk
        dialog = ConnectDialog(parent, url, ask_password=ask_password, ask_passphrase=ask_passphrase)
        if problem:
            dialog.show_error(problem)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        url = dialog.url.text().strip()
        password = dialog.password.text().strip() or password
        passphrase = dialog.passphrase.text() or passphrase
        problem = None
