"""Settings, the keyboard map and the new-incident form."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from incident_log import errors
from incident_log.domain.kinds import INCIDENT_TYPES
from incident_log.ui import uisettings
from incident_log.ui.actions import keyboard_map_rows


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.setObjectName("dialogButtons")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class SettingsDialog(QDialog):
    """The callsign goes to the vault; everything else is UI state in QSettings."""

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("settingsDialog")
        self.setWindowTitle("Settings")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.callsign = QLineEdit(ctx.callsign(), self)
        self.callsign.setObjectName("settingsCallsign")
        self.callsign.setAccessibleName("Your name or callsign")
        self.callsign.setPlaceholderText("the author of your entries, e.g. Loggist 1")
        form.addRow("Your &name or callsign", self.callsign)
        self.font_size = QSpinBox(self)
        self.font_size.setObjectName("settingsFontSize")
        self.font_size.setAccessibleName("Font size")
        self.font_size.setRange(7, 28)
        self.font_size.setValue(int(uisettings.get("font_size")))
        form.addRow("&Font size", self.font_size)
        self.theme = QComboBox(self)
        self.theme.setObjectName("settingsTheme")
        self.theme.setAccessibleName("Theme")
        self.theme.addItem("Light (day)", "light")
        self.theme.addItem("Dark (night work)", "dark")
        self.theme.setCurrentIndex(max(self.theme.findData(uisettings.get("theme")), 0))
        form.addRow("&Theme", self.theme)
        self.idle = QSpinBox(self)
        self.idle.setObjectName("settingsIdleLock")
        self.idle.setAccessibleName("Lock after idle minutes")
        self.idle.setRange(0, 240)
        self.idle.setSpecialValueText("never")
        self.idle.setSuffix(" min")
        self.idle.setValue(int(uisettings.get("idle_lock_minutes")))
        form.addRow("&Lock when idle for", self.idle)
        self.utc = QCheckBox("Show times in &UTC (otherwise local time)", self)
        self.utc.setObjectName("settingsUtc")
        self.utc.setAccessibleName("Show times in UTC")
        self.utc.setChecked(bool(uisettings.get("show_utc")))
        form.addRow(self.utc)
        layout.addLayout(form)
        self.error = QLabel(self)
        self.error.setObjectName("settingsError")
        self.error.hide()
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self))

    def accept(self) -> None:
        callsign = self.callsign.text().strip()
        if not callsign:
            self.error.setText("Entries need an author: type your name or callsign.")
            self.error.show()
            self.callsign.setFocus()
            return
        try:
            if callsign != self.ctx.callsign():
                self.ctx.set_callsign(callsign)
        except errors.IncidentLogError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        uisettings.put("font_size", self.font_size.value())
        uisettings.put("theme", self.theme.currentData())
        uisettings.put("idle_lock_minutes", self.idle.value())
        uisettings.put("show_utc", self.utc.isChecked())
        self.ctx.apply_settings()
        super().accept()


class KeyboardMapDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyboardMapDialog")
        self.setWindowTitle("Keyboard map")
        layout = QVBoxLayout(self)
        rows = keyboard_map_rows()
        table = QTableWidget(len(rows), 3, self)
        table.setObjectName("keyboardMap")
        table.setAccessibleName("Keyboard map")
        table.setHorizontalHeaderLabels(["Where", "Command", "Keys"])
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(text))
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(620, 640)


class NewIncidentDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newIncidentDialog")
        self.setWindowTitle("New incident")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.title = QLineEdit(self)
        self.title.setObjectName("incidentTitle")
        self.title.setAccessibleName("Incident title")
        form.addRow("&Title", self.title)
        self.type = QComboBox(self)
        self.type.setObjectName("incidentType")
        self.type.setAccessibleName("Incident type")
        self.type.addItems(list(INCIDENT_TYPES))
        form.addRow("T&ype", self.type)
        self.location = QLineEdit(self)
        self.location.setObjectName("incidentLocation")
        self.location.setAccessibleName("Location")
        form.addRow("&Location", self.location)
        self.ref = QLineEdit(self)
        self.ref.setObjectName("incidentRef")
        self.ref.setAccessibleName("Reference (optional)")
        self.ref.setPlaceholderText("automatic, e.g. NEG-2026-0001")
        form.addRow("&Reference", self.ref)
        self.exercise = QCheckBox("E&xercise (training: every page says EXERCISE)", self)
        self.exercise.setObjectName("incidentExercise")
        self.exercise.setAccessibleName("Exercise")
        form.addRow(self.exercise)
        layout.addLayout(form)
        self.error = QLabel(self)
        self.error.setObjectName("newIncidentError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self))
        self.resize(460, self.sizeHint().height())

    def accept(self) -> None:
        if not self.title.text().strip():
            self.error.setText("Give the incident a title (what and where, e.g. 'Man on the viaduct').")
            self.error.show()
            self.title.setFocus()
            return
        super().accept()

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title.text().strip(),
            "type": self.type.currentText(),
            "location": self.location.text().strip(),
            "ref": self.ref.text().strip() or None,
            "exercise": self.exercise.isChecked(),
        }
