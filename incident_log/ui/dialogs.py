"""Settings, the keyboard map and the new-incident form."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
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
from incident_log.domain.alarms import AlarmPolicy
from incident_log.domain.kinds import INCIDENT_TYPES
from incident_log.domain.validation import AUTHOR_CHARS as MAX_AUTHOR_CHARS
from incident_log.ui import i18n, themes, uisettings, vocab
from incident_log.ui.actions import keyboard_map_rows
from incident_log.ui.composer_fields import ChoiceBox
from incident_log.ui.i18n import QT_TRANSLATE_NOOP, translate
from incident_log.ui.prompts import CALLSIGN_TOO_LONG

if TYPE_CHECKING:
    from incident_log.ui.context import AppContext

BAD_WARNINGS = QT_TRANSLATE_NOOP("dialogs", "Type the minutes before a deadline as numbers separated by commas, e.g. 10, 2 (or leave it empty).")


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog)
    buttons.setObjectName("dialogButtons")
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class SettingsDialog(QDialog):
    """The callsign goes to the vault; everything else is UI state in QSettings."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("settingsDialog")
        self.setWindowTitle(translate("dialogs", "Settings"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.callsign = QLineEdit(ctx.callsign(), self)
        self.callsign.setObjectName("settingsCallsign")
        self.callsign.setAccessibleName(translate("dialogs", "Your name or callsign"))
        self.callsign.setPlaceholderText(translate("dialogs", "the author of your entries, e.g. Loggist 1"))
        form.addRow(translate("dialogs", "Your &name or callsign"), self.callsign)
        self.font_size = QSpinBox(self)
        self.font_size.setObjectName("settingsFontSize")
        self.font_size.setAccessibleName(translate("dialogs", "Font size"))
        self.font_size.setRange(7, 28)
        self.font_size.setValue(uisettings.get_int("font_size"))
        form.addRow(translate("dialogs", "&Font size"), self.font_size)
        self.theme = ChoiceBox([(translate("themes", t.title), t.name) for t in themes.THEMES.values()], self, chars=18)
        self.theme.setObjectName("settingsTheme")
        self.theme.setAccessibleName(translate("dialogs", "Theme"))
        self.theme.setAccessibleDescription(translate("dialogs", "Light for day, dark for a lit room at night, night for a dark room"))
        self.theme.set_value(str(uisettings.get("theme")))
        form.addRow(translate("dialogs", "&Theme"), self.theme)
        self.contrast = ChoiceBox([(translate("dialogs", "Follow the system"), "system"), (translate("dialogs", "On"), "on"),
                                   (translate("dialogs", "Off"), "off")], self, chars=18)
        self.contrast.setObjectName("settingsHighContrast")
        self.contrast.setAccessibleName(translate("dialogs", "High contrast"))
        self.contrast.setAccessibleDescription(translate("dialogs", "Plain colours and thick borders; follows the desktop's setting "
                                               "where the system reports it"))
        self.contrast.set_value(str(uisettings.get("high_contrast")))
        form.addRow(translate("dialogs", "&High contrast"), self.contrast)
        self.idle = QSpinBox(self)
        self.idle.setObjectName("settingsIdleLock")
        self.idle.setAccessibleName(translate("dialogs", "Lock after idle minutes"))
        self.idle.setAccessibleDescription(translate("dialogs", "Every window is covered after this long without a key or mouse; 0 never"))
        self.idle.setRange(0, 240)
        self.idle.setSpecialValueText(translate("dialogs", "never"))
        self.idle.setSuffix(translate("dialogs", " min"))
        self.idle.setValue(uisettings.get_int("idle_lock_minutes"))
        form.addRow(translate("dialogs", "&Lock when idle for"), self.idle)
        self.warnings = QLineEdit(str(uisettings.get("deadline_warnings")), self)
        self.warnings.setObjectName("settingsDeadlineWarnings")
        self.warnings.setAccessibleName(translate("dialogs", "Deadline alarms, minutes before"))
        self.warnings.setAccessibleDescription(translate("dialogs", "Minutes before a deadline that raise an alarm, e.g. 10, 2"))
        self.warnings.setPlaceholderText(translate("dialogs", "e.g. 10, 2"))
        form.addRow(translate("dialogs", "&Deadline alarms (minutes before)"), self.warnings)
        self.silence = QSpinBox(self)
        self.silence.setObjectName("settingsSilence")
        self.silence.setAccessibleName(translate("dialogs", "No contact alarm after minutes"))
        self.silence.setAccessibleDescription(translate("dialogs", "An alarm when there has been no contact for this long; 0 never"))
        self.silence.setRange(0, 600)
        self.silence.setSpecialValueText(translate("dialogs", "never"))
        self.silence.setSuffix(translate("dialogs", " min"))
        self.silence.setValue(uisettings.get_int("silence_minutes"))
        form.addRow(translate("dialogs", "&No contact alarm after"), self.silence)
        self.sound = QCheckBox(translate("dialogs", "&Sound with each new alarm"), self)
        self.sound.setObjectName("settingsAlarmSound")
        self.sound.setAccessibleName(translate("dialogs", "Sound with each new alarm"))
        self.sound.setAccessibleDescription(translate("dialogs", "The system bell rings when an alarm is raised"))
        self.sound.setChecked(bool(uisettings.get("alarm_sound")))
        form.addRow(self.sound)
        self.utc = QCheckBox(translate("dialogs", "Show times in &UTC (otherwise local time)"), self)
        self.utc.setObjectName("settingsUtc")
        self.utc.setAccessibleName(translate("dialogs", "Show times in UTC"))
        self.utc.setAccessibleDescription(translate("dialogs", "Every time shown and typed is in UTC instead of this computer's time"))
        self.utc.setChecked(bool(uisettings.get("show_utc")))
        form.addRow(self.utc)
        self.language = ChoiceBox([(translate("dialogs", "Follow the system"), "system"), ("English", "en"),
                                   ("Español", "es")], self, chars=18)
        self.language.setObjectName("settingsLanguage")
        self.language.setAccessibleName(translate("dialogs", "Language"))
        self.language.setAccessibleDescription(translate("dialogs", "English or Spanish; windows opened after "
                                                                    "the change use it"))
        self.language.set_value(str(uisettings.get("language")))
        form.addRow(translate("dialogs", "Lan&guage"), self.language)
        layout.addLayout(form)
        self.error = QLabel(self)
        self.error.setObjectName("settingsError")
        self.error.hide()
        layout.addWidget(self.error)
        layout.addWidget(_buttons(self))

    def accept(self) -> None:
        callsign = self.callsign.text().strip()
        problem = translate("dialogs", "Entries need an author: type your name or callsign.") if not callsign else (
            translate("prompts", CALLSIGN_TOO_LONG).format(limit=MAX_AUTHOR_CHARS, count=len(callsign))
            if len(callsign) > MAX_AUTHOR_CHARS else "")
        if problem:
            self.error.setText(problem)
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
        for box in (self.theme, self.contrast, self.language):
            found = box.resolution()
            if not found.ok and found.message:
                self.error.setText(found.message)
                self.error.show()
                box.setFocus()
                return
        warnings = AlarmPolicy.parse(self.warnings.text(), self.silence.value()).deadline_warnings
        if self.warnings.text().strip() and not warnings:
            self.error.setText(translate("dialogs", BAD_WARNINGS))
            self.error.show()
            self.warnings.setFocus()
            return
        uisettings.put("font_size", self.font_size.value())
        uisettings.put("theme", self.theme.value() or "light")
        uisettings.put("high_contrast", self.contrast.value() or "system")
        uisettings.put("idle_lock_minutes", self.idle.value())
        uisettings.put("deadline_warnings", ", ".join(str(m) for m in warnings))
        uisettings.put("silence_minutes", self.silence.value())
        uisettings.put("alarm_sound", self.sound.isChecked())
        uisettings.put("show_utc", self.utc.isChecked())
        language = self.language.value() or "system"
        if language != uisettings.get("language"):
            uisettings.put("language", language)
            app = QApplication.instance()
            if app is not None:
                i18n.install(app)  # menus and windows built from now on speak it
        self.ctx.apply_settings()
        super().accept()


class KeyboardMapDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keyboardMapDialog")
        self.setWindowTitle(translate("dialogs", "Keyboard map"))
        layout = QVBoxLayout(self)
        rows = keyboard_map_rows()
        table = QTableWidget(len(rows), 3, self)
        table.setObjectName("keyboardMap")
        table.setAccessibleName(translate("dialogs", "Keyboard map"))
        table.setHorizontalHeaderLabels([translate("dialogs", "Where"), translate("dialogs", "Command"), translate("dialogs", "Keys")])
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
        self.setWindowTitle(translate("dialogs", "New incident"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.title = QLineEdit(self)
        self.title.setObjectName("incidentTitle")
        self.title.setAccessibleName(translate("dialogs", "Incident title"))
        form.addRow(translate("dialogs", "&Title"), self.title)
        self.type = ChoiceBox([(vocab.incident_type(t), t) for t in INCIDENT_TYPES], self, chars=18)
        self.type.setObjectName("incidentType")
        self.type.setAccessibleName(translate("dialogs", "Incident type"))
        self.type.setAccessibleDescription(translate("dialogs", "Hostage, barricade, suicide intervention, kidnap, crisis or other"))
        self.type.set_value("other")
        form.addRow(translate("dialogs", "T&ype"), self.type)
        self.location = QLineEdit(self)
        self.location.setObjectName("incidentLocation")
        self.location.setAccessibleName(translate("dialogs", "Location"))
        form.addRow(translate("dialogs", "&Location"), self.location)
        self.ref = QLineEdit(self)
        self.ref.setObjectName("incidentRef")
        self.ref.setAccessibleName(translate("dialogs", "Reference (optional)"))
        self.ref.setPlaceholderText(translate("dialogs", "automatic, e.g. NEG-2026-0001"))
        form.addRow(translate("dialogs", "&Reference"), self.ref)
        self.exercise = QCheckBox(translate("dialogs", "E&xercise (training: every page says EXERCISE)"), self)
        self.exercise.setObjectName("incidentExercise")
        self.exercise.setAccessibleName(translate("dialogs", "Exercise"))
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
            self.error.setText(translate("dialogs", "Give the incident a title (what and where, e.g. 'Man on the viaduct')."))
            self.error.show()
            self.title.setFocus()
            return
        kind = self.type.resolution()
        if not kind.ok:
            self.error.setText(kind.message or translate("dialogs", "Choose the incident type (Alt+Down lists them)."))
            self.error.show()
            self.type.setFocus()
            return
        super().accept()

    def values(self) -> dict[str, Any]:
        return {
            "title": self.title.text().strip(),
            "type": self.type.value(),
            "location": self.location.text().strip(),
            "ref": self.ref.text().strip() or None,
            "exercise": self.exercise.isChecked(),
        }
