"""Start-up: find or create the vault, unlock it, open the home or an incident window.

``run`` is what ``incident-log`` (no arguments) and ``incident-log open REF`` call. Every
expected failure (wrong passphrase, damaged vault, vault from a newer version) becomes a
dialog with the catalogue's sentence; the exit code says whether the app ran.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QApplication, QDialog, QWidget

from incident_log import errors
from incident_log.domain.validation import AUTHOR_CHARS as MAX_AUTHOR_CHARS
from incident_log.ui import i18n, uisettings
from incident_log.ui.display import display_problem
from incident_log.ui.i18n import fill, translate
from incident_log.ui.kindstyle import APP_ID, app_icon
from incident_log.ui.prompts import (
    CALLSIGN_TOO_LONG,
    NewPassphraseDialog,
    PassphraseDialog,
    TextPrompt,
    show_error,
)

if TYPE_CHECKING:
    from incident_log.ui.context import AppContext

EXIT_OK = 0
EXIT_CANCELLED = 1
EXIT_ERROR = 2


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv[:1])
    app.setApplicationName("Incident Log")
    app.setOrganizationName("incident-log")
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    i18n.install(app)
    uisettings.apply_appearance(app)
    return app


def create_vault(path: Path, parent: QWidget | None = None) -> Any | None:
    """First run: choose the passphrase (twice), offer the keyring, create the vault."""
    from incident_log.logbook import Logbook

    dialog = NewPassphraseDialog(
        parent,
        title=translate("app", "Create the vault"),
        intro=fill(translate(
            "app", "No vault yet at %1. Choose the passphrase that protects every incident on this computer. "
            "It is the way in when the keyring is not available: keep it where your unit keeps such secrets."), path),
        offer_keyring=True,
    )
    while dialog.exec() == QDialog.DialogCode.Accepted:
        try:
            logbook = Logbook.create(path, dialog.passphrase, remember_in_keyring=dialog.keyring.isChecked())
        except errors.IncidentLogError as exc:
            dialog.error.setText(exc.message)
            dialog.error.show()
            continue
        if logbook.keyring_note:
            show_error(parent, logbook.keyring_note, translate("app", "Keyring"))
        return logbook
    return None


def open_vault(path: Path, parent: QWidget | None = None) -> Any | None:
    """Keyring, then INCIDENT_LOG_PASSPHRASE, then ask. None when the user gives up."""
    from incident_log.logbook import Logbook

    try:
        return Logbook.open(path)
    except errors.PassphraseRequired as exc:
        label = exc.message
    except errors.WrongPassphrase as exc:
        label = exc.message  # INCIDENT_LOG_PASSPHRASE was wrong: ask instead
    dialog = PassphraseDialog(parent, label)
    while dialog.exec() == QDialog.DialogCode.Accepted:
        try:
            return Logbook.open(path, passphrase=dialog.edit.text(), use_keyring=False)
        except errors.WrongPassphrase as exc:
            dialog.show_error(exc.message)
    return None


def ask_callsign(ctx: AppContext) -> bool:
    def short_enough(text: str) -> str:
        return translate("prompts", CALLSIGN_TOO_LONG).format(limit=MAX_AUTHOR_CHARS, count=len(text)) if len(text) > MAX_AUTHOR_CHARS else ""

    prompt = TextPrompt(None, translate("app", "Your callsign"), translate("app", "Your name or callsign: it is the author of every entry you record "
                        "(kept inside the vault)."), name="callsignPrompt", check=short_enough)
    if prompt.exec() != QDialog.DialogCode.Accepted:
        return False
    ctx.set_callsign(prompt.edit.text())
    return True


def run(vault: Path | None, open_ref: str | None, cell: str | None = None) -> int:
    """``cell``: the cell server's URL (else ``INCIDENT_LOG_CELL``, else the one this vault used last).

    The home window's "Cell connection…" ends one session with ``RESTART``: every window closes and
    the app opens again on the vault alone or on the cell now chosen (the vault remembers it)."""
    problem = display_problem()
    if problem is not None:
        sys.stderr.write(problem + "\n")
        return EXIT_ERROR
    app = application()
    from incident_log.ui.cell_dialog import RESTART

    code = _session(app, vault, open_ref, cell)
    while code == RESTART:
        code = _session(app, vault, None, None)
    return code


def _session(app: QApplication, vault: Path | None, open_ref: str | None, cell: str | None) -> int:
    from incident_log.logbook import Logbook
    from incident_log.ui.cell_dialog import RESTART, cell_url_for, connect_cell
    from incident_log.ui.context import AppContext

    path = Path(vault) if vault is not None else Logbook.default_path()
    try:
        logbook = open_vault(path) if Logbook.exists(path) else create_vault(path)
    except errors.IncidentLogError as exc:
        show_error(None, exc)
        return EXIT_ERROR
    if logbook is None:
        return EXIT_CANCELLED
    url = cell_url_for(cell, logbook)
    if url is not None:
        try:
            logbook = connect_cell(logbook, url) or logbook
        except errors.IncidentLogError as exc:
            show_error(None, exc)
    ctx = AppContext(logbook)
    try:
        if not ctx.callsign() and not ask_callsign(ctx):
            return EXIT_CANCELLED
        window = ctx.open_incident(open_ref) if open_ref else None
        if window is None:
            ctx.open_home()
        code = app.exec()
    finally:
        for window in list(ctx.windows):
            window.close()
        ctx.shutdown()
        logbook.close()
    if code == RESTART:
        return RESTART
    return EXIT_OK if code == 0 else EXIT_ERROR
