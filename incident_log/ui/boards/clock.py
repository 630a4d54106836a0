"""The incident clock: how long this has lasted, how long since we last had contact, who is talking.

Readable across a room: the elapsed time is the biggest text in the application. Silence is a
signal in a negotiation, so the time since the last contact is the second line, and it turns
red when the "no contact" alarm would sound (30 minutes unless set otherwise) and amber at half
of that.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from incident_log.domain.state import IncidentState
from incident_log.ui import uisettings, vocab
from incident_log.ui.boards._common import (
    Board,
    caution_text,
    clock_text,
    hms,
    in_zone,
    people_index,
    warning_text,
    zone_suffix,
)
from incident_log.ui.boards.roster import on_phone_text
from incident_log.ui.i18n import QT_TRANSLATE_NOOP, fill, translate
from incident_log.ui.widgets import ElidedLabel

SILENCE_DEFAULT = 30 * 60  # red from here (the silence alarm's setting), amber from half of it


def silence_limits() -> tuple[int, int]:
    """(amber, red) seconds of silence: the same threshold as the "no contact" alarm."""
    minutes = uisettings.get_int("silence_minutes")
    red = minutes * 60 if minutes > 0 else SILENCE_DEFAULT
    return red // 2, red


def _digits_font(scale: float, bold: bool = False) -> QFont:
    """The UI font, scaled: its digits are tabular (equal widths), so the clock does not jitter."""
    font = QFont()
    base = font.pointSizeF()
    font.setPointSizeF(max(6.0, base * scale))
    font.setBold(bold)
    return font


class IncidentClock(Board):
    """Elapsed time (big), time since the last contact, and who is on the phone."""

    OBJECT_NAME = "incidentClock"
    TITLE = QT_TRANSLATE_NOOP("boards", "Incident clock")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.caption_label = QLabel(translate("clock", "Elapsed"))
        self.caption_label.setObjectName("elapsedCaption")
        self.caption_label.setAccessibleName(translate("clock", "Elapsed caption"))
        self.caption_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.elapsed_label = QLabel("--:--:--")
        self.elapsed_label.setObjectName("elapsedLabel")
        self.elapsed_label.setAccessibleName(translate("clock", "Time since the incident opened"))
        self.elapsed_label.setFont(_digits_font(3.0, bold=True))
        self.elapsed_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.elapsed_label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.opened_label = ElidedLabel("", min_chars=12)
        self.opened_label.setObjectName("openedLabel")
        self.opened_label.setAccessibleName(translate("clock", "Opened at"))
        self.opened_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.last_contact_label = ElidedLabel(translate("clock", "No contact yet"), min_chars=12)
        self.last_contact_label.setObjectName("lastContactLabel")
        self.last_contact_label.setAccessibleName(translate("clock", "Time since the last contact"))
        self.last_contact_label.setFont(_digits_font(1.35, bold=True))
        self.on_phone_label = ElidedLabel(translate("clock", "Nobody on the phone"), min_chars=12)
        self.on_phone_label.setObjectName("clockOnPhoneLabel")
        self.on_phone_label.setAccessibleName(translate("clock", "On the phone"))
        self.on_phone_label.setFont(_digits_font(1.15))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(4)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.elapsed_label)
        layout.addWidget(self.opened_label)
        layout.addSpacing(6)
        layout.addWidget(self.last_contact_label)
        layout.addWidget(self.on_phone_label)
        layout.addStretch(1)
        self.silence_level = ""

    def _slice(self, state: IncidentState) -> object:
        return (
            state.incident.opened_at,
            state.statistics.last_contact_at,
            state.contacts[-1] if state.contacts else None,
            state.statistics.ended_at,
            state.sealed,
            state.roster.on_phone,
            state.roster.on_phone_since,
            state.people,
        )

    def _render(self, state: IncidentState) -> None:
        opened = state.incident.opened_at
        self.opened_label.setText(
            fill(translate("clock", "Opened %1%2 · %3"), clock_text(opened, self._tz), zone_suffix(self._tz),
                 in_zone(opened, self._tz).strftime("%d/%m/%Y"))
        )
        self._tick(self._now)

    def _tick(self, now: datetime) -> None:
        state = self._state
        if state is None:
            return
        end = state.statistics.ended_at if state.sealed and state.statistics.ended_at else now
        self.caption_label.setText(translate("clock", "Duration (sealed)") if state.sealed else translate("clock", "Elapsed"))
        self._set(self.elapsed_label, hms((end - state.incident.opened_at).total_seconds()))
        last = state.statistics.last_contact_at
        latest = state.contacts[-1] if state.contacts else None
        if last is None:
            self._set(self.last_contact_label, translate("clock", "No contact yet"))
            level = ""
        elif latest is not None and latest.event == "start" and not state.sealed:
            # Contact is going on now: counting "silence" from its start would be false alarm.
            self._set(self.last_contact_label, fill(translate("clock", "In contact (%1) for %2"),
                                                      vocab.choice(latest.channel), hms((now - latest.at).total_seconds())))
            level = ""
        else:
            silence = (end - last).total_seconds()
            self._set(self.last_contact_label, fill(translate("clock", "Last contact %1 ago"), hms(silence)))
            amber, red = silence_limits()
            level = "red" if silence >= red else "amber" if silence >= amber else ""
        if state.sealed:
            level = ""
        self._set_silence(level)
        self._set(self.on_phone_label, on_phone_text(state, people_index(state), now))

    def _set(self, label: QLabel, text: str) -> None:
        if label.text() != text:
            label.setText(text)
            label.setAccessibleDescription(text)

    def _set_silence(self, level: str) -> None:
        if level == self.silence_level:
            return
        self.silence_level = level
        if level == "red":
            self.last_contact_label.setStyleSheet(f"color: {warning_text(self).name()};")
        elif level == "amber":
            self.last_contact_label.setStyleSheet(f"color: {caution_text().name()};")
        else:
            self.last_contact_label.setStyleSheet("")

    def _zone_changed(self) -> None:
        """Opened-at is the only wall-clock time shown; ``set_state`` re-renders it."""

    def changeEvent(self, event: Any) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange and self.silence_level:
            level, self.silence_level = self.silence_level, ""
            self._set_silence(level)
