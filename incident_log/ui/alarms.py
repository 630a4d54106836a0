"""The alarm banner: a passed deadline or a long silence cannot go unnoticed.

A coloured band across the top of the incident window and of the team leader's window, with
one sentence for the most urgent alarm and how many more are waiting. It checks every second
(``domain.alarms`` decides); a new alarm also flashes the window in the task bar, is announced
to screen readers and, if the user asked for it, sounds the system bell. Acknowledging is one
keystroke (``Ctrl+Shift+A``) and is recorded in the log by the window's controller, so the
debrief sees who acknowledged what, and when.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QWidget

from incident_log.domain.alarms import RED, Alarm, AlarmPolicy, alarms
from incident_log.domain.entry import utc_now
from incident_log.domain.state import IncidentState
from incident_log.ui import timefmt, uisettings, vocab
from incident_log.ui.boards._common import span_text
from incident_log.ui.feed import FeedState
from incident_log.ui.i18n import QT_TRANSLATE_NOOP, current_language, translate

MORE = QT_TRANSLATE_NOOP("alarms", "  (+{count} more)")
HOW = QT_TRANSLATE_NOOP("alarms", "{key} acknowledges (recorded in the log)")


# domain.alarms' sentences, marked here so the banner can say them in the current language.
DEADLINE_SOON = QT_TRANSLATE_NOOP("alarms", "Deadline in {left}: demand #{seq} by {who} — “{text}” (at {clock})")
DEADLINE_PASSED = QT_TRANSLATE_NOOP("alarms", "Deadline PASSED {ago} ago: demand #{seq} by {who} — “{text}” (was {clock})")
SILENCE = QT_TRANSLATE_NOOP("alarms", "No contact for {minutes} minutes (last contact {clock})")
SILENCE_NEVER = QT_TRANSLATE_NOOP("alarms", "No contact for {minutes} minutes since the incident opened ({clock})")


def _short(text: str, limit: int = 60) -> str:
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= limit else one_line[: limit - 1] + "…"


def alarm_text(alarm: Alarm, state: IncidentState, now: datetime) -> str:
    """The alarm's sentence in the current language (domain.alarms writes it in English)."""
    if current_language() == "en" or alarm.due is None:
        return alarm.text
    clock = timefmt.clock(alarm.due, seconds=False)
    if alarm.id.startswith("deadline:"):
        demand = next((d for d in state.demands if d.seq == alarm.seq), None)
        if demand is None:
            return alarm.text
        person = state.person(demand.by) if demand.by else None
        who = vocab.person_label(person.label) if person is not None else (demand.by or "?")
        left = (alarm.due - now).total_seconds()
        if alarm.id.endswith(":passed"):
            return translate("alarms", DEADLINE_PASSED).format(ago=span_text(-left), seq=alarm.seq, who=who,
                                                               text=_short(demand.text), clock=clock)
        return translate("alarms", DEADLINE_SOON).format(left=span_text(left), seq=alarm.seq, who=who,
                                                         text=_short(demand.text), clock=clock)
    if alarm.id.startswith("silence:"):
        minutes = alarm.id.rsplit(":", 1)[-1]
        never = not state.contacts and alarm.due == state.incident.opened_at
        return translate("alarms", SILENCE_NEVER if never else SILENCE).format(minutes=minutes, clock=clock)
    return alarm.text


def policy_from_settings() -> AlarmPolicy:
    return AlarmPolicy.parse(str(uisettings.get("deadline_warnings")), uisettings.get_int("silence_minutes"))


def announce(widget: QWidget, text: str) -> None:
    """Tell a screen reader, where Qt can (QAccessibleAnnouncementEvent, Qt 6.8+)."""
    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))


class AlarmBanner(QWidget):
    """Shows the most urgent unacknowledged alarm; ``alarmRaised`` fires once per new alarm."""

    alarmRaised = Signal(object)  # Alarm

    def __init__(self, key_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alarmBanner")
        self.setAccessibleName(translate("alarms", "Alarm"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._key_text = key_text
        self._feed: FeedState | None = None
        self._pending: set[str] = set()  # acknowledged here, not yet back from the fold
        self._seen: set[str] = set()
        self.current: list[Alarm] = []
        self.policy = policy_from_settings()
        self.label = QLabel(self)
        self.label.setObjectName("alarmText")
        self.label.setAccessibleName(translate("alarms", "Alarm"))
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.hint = QLabel(translate("alarms", HOW).format(key=key_text), self)
        self.hint.setObjectName("alarmHint")
        self.hint.setAccessibleName(translate("alarms", "How to acknowledge the alarm"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.hint)
        self.timer = QTimer(self)
        self.timer.setObjectName("alarmTimer")
        self.timer.setInterval(1000)
        self.timer.timeout.connect(lambda: self.refresh(utc_now()))
        self.timer.start()
        self.hide()

    def set_feed_state(self, feed: FeedState) -> None:
        self._feed = feed
        self._pending -= set(feed.acknowledged)
        self.refresh(utc_now())

    def settings_changed(self) -> None:
        self.policy = policy_from_settings()
        self.refresh(utc_now())

    def refresh(self, now: datetime) -> None:
        """Work out the alarms for ``now`` (the timer calls this every second; tests call it directly)."""
        feed = self._feed
        if feed is None:
            return
        found = alarms(feed.state, now, self.policy, feed.acknowledged | self._pending,
                       clock=lambda m: timefmt.clock(m, seconds=False), last_statement_at=feed.last_statement_at)
        self.current = found
        fresh = [a for a in found if a.id not in self._seen]
        self._seen.update(a.id for a in found)
        if not found:
            self.hide()
            return
        top = found[0]
        text = alarm_text(top, feed.state, now) + (translate("alarms", MORE).format(count=len(found) - 1) if len(found) > 1 else "")
        if self.label.text() != text:
            self.label.setText(text)
            self.setAccessibleDescription(text)
        level = "red" if top.level == RED else "amber"
        if self.property("level") != level:
            self.setProperty("level", level)
            for widget in (self, self.label, self.hint):
                widget.style().unpolish(widget)
                widget.style().polish(widget)
        self.show()
        for alarm in fresh:
            self.alarmRaised.emit(alarm)
            announce(self, alarm_text(alarm, feed.state, now))
            window = self.window()
            QApplication.alert(window, 0)
            if uisettings.get("alarm_sound"):
                QApplication.beep()

    def top(self) -> Alarm | None:
        return self.current[0] if self.current else None

    def mark_acknowledged(self, alarm_id: str) -> None:
        """Hide it at once; the fold brings the recorded acknowledgement a moment later."""
        self._pending.add(alarm_id)
        self.refresh(utc_now())
