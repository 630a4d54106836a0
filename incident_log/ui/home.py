"""Home: the incidents on this vault, and the ways in and out (new, import, export, open)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QHeaderView,
    QMainWindow,
    QMessageBox,
    QTableView,
    QWidget,
)

from incident_log import errors
from incident_log.domain.entry import Incident
from incident_log.ui import timefmt, vocab
from incident_log.ui.actions import HOME, build_actions, populate_menus
from incident_log.ui.connection import add_connection_line
from incident_log.ui.i18n import QT_TRANSLATE_NOOP, fill, translate
from incident_log.ui.kindstyle import app_icon
from incident_log.ui.prompts import NewPassphraseDialog, TextPrompt, ask_text, show_error

if TYPE_CHECKING:
    from incident_log.ui.context import AppContext

Index = QModelIndex | QPersistentModelIndex


class IncidentsModel(QAbstractTableModel):
    HEADERS = (QT_TRANSLATE_NOOP("headers", "Ref"), QT_TRANSLATE_NOOP("headers", "Title"), QT_TRANSLATE_NOOP("headers", "Type"), QT_TRANSLATE_NOOP("headers", "Status"), QT_TRANSLATE_NOOP("headers", "Opened"), QT_TRANSLATE_NOOP("headers", "Entries"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: list[Incident] = []

    def set_rows(self, rows: list[Incident]) -> None:
        self.beginResetModel()
        self.rows = sorted(rows, key=lambda i: i.opened_at, reverse=True)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return translate("headers", self.HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        incident = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return incident.ref
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            incident.ref,
            incident.title + (translate("home", " [EXERCISE]") if incident.exercise else ""),
            vocab.incident_type(incident.type),
            vocab.incident_status(incident.status),
            f"{timefmt.full(incident.opened_at, zone=incident.time_zone)}",
            f"{incident.entry_count:,}",
        )[index.column()]


def _server_of(url: str) -> str:
    """user@host:port/db of a cell URL, without its parameters (paths of certificates)."""
    return url.split("://", 1)[-1].split("?", 1)[0]


class HomeWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("homeWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setWindowIcon(app_icon())
        if getattr(ctx.logbook, "kind", "vault") == "cell":
            self.setWindowTitle(fill(translate("home", "Incident Log — cell %1 · %2"), _server_of(str(getattr(ctx.logbook, "url", ""))),
                                     ctx.logbook.path))
        else:
            self.setWindowTitle(fill(translate("home", "Incident Log — %1"), ctx.logbook.path))
        self.model = IncidentsModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("incidentsTable")
        self.table.setAccessibleName(translate("home", "Incidents in this vault"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(lambda _i: self.open_selected())
        self.setCentralWidget(self.table)
        self.actions_by_id = build_actions(self, self, HOME)
        populate_menus(self.menuBar(), self.actions_by_id, HOME)
        toolbar = self.addToolBar(translate("home", "Incidents"))
        toolbar.setObjectName("homeToolbar")
        for name in ("new_incident", "open_incident", "open_leader", "import_scenario", "import_bundle",
                     "export_bundle"):
            toolbar.addAction(self.actions_by_id[name])
        self.statusBar().showMessage(fill(translate("home", "Vault unlocked with %1"), vocab.unlock_slot(ctx.logbook.unlocked_with)))
        if ctx.logbook.keyring_note:
            self.statusBar().showMessage(ctx.logbook.keyring_note)
        self.connection_line = add_connection_line(self.statusBar(), ctx.logbook)
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(1000)
        self._refresh_timer.timeout.connect(self.refresh)
        ctx.live.entriesAdded.connect(lambda *_: self._refresh_timer.start())
        self.resize(980, 520)
        self.refresh()

    def refresh(self) -> None:
        current = self.selected_ref()
        try:
            self.model.set_rows(self.ctx.logbook.incidents())
        except errors.IncidentLogError as exc:
            show_error(self, exc)
            return
        for column in (0, 2, 3, 4, 5):  # ref, type, status, opened, entries: short, read in full
            self.table.resizeColumnToContents(column)
        for row, incident in enumerate(self.model.rows):
            if incident.ref == current:
                self.table.selectRow(row)
                break
        else:
            if self.model.rows:
                self.table.selectRow(0)

    def selected_ref(self) -> str | None:
        index = self.table.currentIndex()
        return None if not index.isValid() else self.model.rows[index.row()].ref

    # --- actions ------------------------------------------------------------------------------------
    def new_incident(self) -> None:
        from incident_log.ui.dialogs import NewIncidentDialog

        dialog = NewIncidentDialog(self)
        while dialog.exec():
            try:
                incident = self.ctx.logbook.create_incident(**dialog.values())
            except errors.IncidentLogError as exc:
                dialog.error.setText(exc.message)
                dialog.error.show()
                continue
            self.refresh()
            self.ctx.open_incident(incident.ref, self)
            return

    def open_selected(self) -> None:
        ref = self.selected_ref()
        if ref:
            self.ctx.open_incident(ref, self)

    def open_selected_as_leader(self) -> None:
        ref = self.selected_ref()
        if ref:
            self.ctx.open_leader(ref, self)

    def import_scenario(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, translate("home", "Import a scenario"), "",
                                              translate("home", "Scenario (*.json)"))
        if not name:
            return
        try:
            data = json.loads(Path(name).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            show_error(self, fill(translate("home", "%1 could not be read as a scenario (%2). Nothing was imported."),
                                  Path(name).name, type(exc).__name__))
            return
        try:
            incident = self.ctx.logbook.import_scenario(data)
        except errors.IncidentLogError as exc:
            show_error(self, exc)
            return
        self.refresh()
        self.statusBar().showMessage(fill(translate("home", "Imported %1 (%2 entries)"), incident.ref,
                                          f"{incident.entry_count:,}"))

    def cell_connection(self) -> None:
        """Connect to a cell, or back to this computer only: the windows close and reopen on it."""
        from incident_log.ui.cell_dialog import CELL_PREF, RESTART

        logbook = self.ctx.logbook
        if getattr(logbook, "kind", "vault") == "cell":
            answer = QMessageBox.question(
                self, translate("home", "Cell connection"),
                translate("home", "Work on this computer only? The windows close and reopen on this vault; the "
                          "cell's incidents stay on the server (and in this workstation's copy). Entries still "
                          "waiting are sent the next time you connect."),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            logbook.set_pref(CELL_PREF, "")
        else:
            url = ask_text(self, translate("home", "Connect to a cell"),
                           translate("home", "The cell server's address, as the cell's administrator gave it "
                                     "(postgresql://USER@HOST:PORT/DB?sslmode=verify-full&sslrootcert=CA.crt). "
                                     "The windows close and reopen on the cell."),
                           text=logbook.get_pref(CELL_PREF, "") or "", name="cellUrlPrompt")
            if not url:
                return
            logbook.set_pref(CELL_PREF, url)
        QApplication.exit(RESTART)

    def import_bundle(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, translate("home", "Import a bundle"), "", translate("home", "Incident bundle (*.bundle *.ilb);;All (*)"))
        if not name:
            return
        prompt = TextPrompt(self, translate("home", "Bundle passphrase"), translate("home", "The passphrase the bundle was exported with"), secret=True,
                            name="bundlePassphrase")
        if not prompt.exec():
            return
        try:
            incident = self.ctx.logbook.import_bundle(Path(name), prompt.edit.text())
        except errors.IncidentLogError as exc:
            show_error(self, exc)
            return
        self.refresh()
        self.statusBar().showMessage(fill(translate("home", "Imported %1"), incident.ref))

    def export_bundle(self) -> None:
        ref = self.selected_ref()
        if not ref:
            show_error(self, translate("home", "Select the incident to export first."))
            return
        name, _ = QFileDialog.getSaveFileName(self, translate("home", "Export a bundle"), f"{ref}.bundle",
                                              translate("home", "Incident bundle (*.bundle)"))
        if not name:
            return
        dialog = NewPassphraseDialog(self, title=translate("home", "Bundle passphrase"), offer_keyring=False,
                                     intro=translate("home", "The bundle is encrypted with its own passphrase. Give it "
                                                           "to the receiving cell by another channel than the file."))
        if not dialog.exec():
            return
        try:
            self.ctx.logbook.export_bundle(ref, Path(name), dialog.passphrase)
        except errors.IncidentLogError as exc:
            show_error(self, exc)
            return
        self.statusBar().showMessage(fill(translate("home", "Exported %1 to %2"), ref, name))

    def lock(self) -> None:
        self.ctx.lock.lock()

    def open_settings(self) -> None:
        from incident_log.ui.dialogs import SettingsDialog

        SettingsDialog(self.ctx, self).exec()

    def show_keyboard_map(self) -> None:
        from incident_log.ui.dialogs import KeyboardMapDialog

        KeyboardMapDialog(self).exec()

    def zoom_in(self) -> None:
        self.ctx.zoom(+1)

    def zoom_out(self) -> None:
        self.ctx.zoom(-1)

    def zoom_reset(self) -> None:
        self.ctx.zoom(0)

    def close_window(self) -> None:
        self.close()

    def quit(self) -> None:
        QApplication.closeAllWindows()  # each window saves its draft and layout as it closes
        QApplication.quit()
