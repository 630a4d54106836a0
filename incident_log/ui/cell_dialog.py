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

import functools
import os
from pathlib import Path
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


def connect_cell(vault: Any, url: str, parent: QWidget | None = None, *, interactive: bool = True) -> Any | None:
    """A ``CellDesk`` over ``vault``; None when the user chose to work on this computer only."""
    from incident_log.cell import errors as cell_errors
    from incident_log.cell import opening
    from incident_log.cell.connect import parse_url
    from incident_log.cell.desk import CellDesk

    path = Path(vault.path)
    problem: str | None = None
    typed_password: str | None = None
    typed_passphrase: str | None = os.environ.get(PASSPHRASE_ENV) or None
    while True:
        try:
            target = parse_url(url)
            first_time = opening.needs_login(path, target)
            if first_time:
                need_password = not opening.by_certificate(target) and not _password_known(target) and typed_password is None
                if not need_password and typed_passphrase is not None:
                    _check(vault, typed_passphrase)
                    opening.log_in(path, target, typed_password or _password_known(target), typed_passphrase)
                    continue
                raise _Ask(password=need_password, passphrase=typed_passphrase is None)
            kept = opening.credentials(path, target, functools.partial(_passphrase_or_ask, typed_passphrase))
            _try_login(url, kept)
            desk = CellDesk(vault, url, kept)
            vault.set_pref(CELL_PREF, url)
            return desk
        except _Ask as ask:
            ask_password, ask_passphrase = ask.password, ask.passphrase
        except errors.IncidentLogError as exc:
            problem = exc.message
            ask_password = isinstance(exc, cell_errors.CellPasswordMissing | cell_errors.CellPasswordInvalid)
            ask_passphrase = isinstance(exc, cell_errors.WrongCellLoginPassphrase | cell_errors.WrongSigningPassphrase
                                        | errors.WrongPassphrase)
            if isinstance(exc, cell_errors.CellPasswordInvalid | cell_errors.CellPasswordMissing):
                typed_password = None
            if ask_passphrase:
                typed_passphrase = None
        if not interactive:
            raise errors.IncidentLogError(problem or translate("cell_dialog", "The cell needs a password or passphrase."))
        dialog = ConnectDialog(parent, url, ask_password=ask_password, ask_passphrase=ask_passphrase)
        if problem:
            dialog.show_error(problem)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        url = dialog.url.text().strip()
        typed_password = dialog.password.text().strip() or typed_password
        typed_passphrase = dialog.passphrase.text() or typed_passphrase
        problem = None


class _Ask(Exception):
    def __init__(self, *, password: bool, passphrase: bool) -> None:
        super().__init__("ask")
        self.password, self.passphrase = password, passphrase


def _try_login(url: str, kept: Any) -> None:
    """One connection now, so a refused login is said here; an unreachable server is not an error."""
    from incident_log.cell import errors as cell_errors
    from incident_log.cell.store import CellStore

    try:
        CellStore.open(url, kept.secrets, signer=kept.signer).close()
    except cell_errors.CellUnreachable:
        return


def _password_known(target: Any) -> str | None:
    from incident_log.cell import login

    return login.password_from_env() or login.password_from_keyring(target)


def _check(vault: Any, passphrase: str) -> None:
    if not vault.check_passphrase(passphrase):
        raise errors.WrongPassphrase()


def _passphrase_or_ask(known: str | None) -> str:
    if known is None:
        raise _Ask(password=False, passphrase=True)
    return known
