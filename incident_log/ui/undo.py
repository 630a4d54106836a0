"""Undo for one-key actions, for a few seconds, without ever deleting anything.

A single letter on a board records a status update ("R": refused). If the key was a slip, the
bar that says what was just recorded offers Ctrl+Z for ``UNDO_SECONDS``; undoing records an
*amendment* of the update that restores the previous status (the log is append-only: the slip
and its correction both stay, both visible, both in the report).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from incident_log.ui.i18n import QT_TRANSLATE_NOOP, translate

UNDO_SECONDS = 10
OFFER = QT_TRANSLATE_NOOP("undo", "{what}  ·  {key} undoes it ({seconds} s)")
UNDONE = QT_TRANSLATE_NOOP("undo", "Undone: {what} (an amendment records the correction)")
TOO_LATE = QT_TRANSLATE_NOOP("undo", "Nothing to undo: Ctrl+Z undoes a board action for {seconds} s after it; amend the entry instead (Ctrl+M).")


@dataclass(frozen=True, slots=True)
class Undoable:
    what: str  # "Recorded #14: demand #12 refused"
    undo: Callable[[], str]  # records the correction; returns what it did, for the bar


class UndoBar(QWidget):
    """One line under the timeline: the last one-key action and its countdown."""

    def __init__(self, key_text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undoBar")
        self.setAccessibleName(translate("undo", "Last action"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._key_text = key_text
        self._pending: Undoable | None = None
        self._clock = QElapsedTimer()
        self.label = QLabel(self)
        self.label.setObjectName("undoText")
        self.label.setAccessibleName(translate("undo", "Last action and how to undo it"))
        self.label.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 3, 8, 3)
        layout.addWidget(self.label, 1)
        self._tick = QTimer(self)
        self._tick.setInterval(500)
        self._tick.timeout.connect(self._update)
        self._hide_later = QTimer(self)
        self._hide_later.setSingleShot(True)
        self._hide_later.timeout.connect(self.hide)
        self.hide()

    def offer(self, action: Undoable) -> None:
        self._pending = action
        self._clock.start()
        self._tick.start()
        self._hide_later.stop()
        self._update()
        self.show()

    def remaining(self) -> float:
        if self._pending is None:
            return 0.0
        return max(0.0, UNDO_SECONDS - self._clock.elapsed() / 1000)

    def _update(self) -> None:
        left = self.remaining()
        if self._pending is None or left <= 0:
            self._pending = None
            self._tick.stop()
            self.hide()
            return
        text = translate("undo", OFFER).format(what=self._pending.what, key=self._key_text, seconds=int(left + 0.999))
        self.label.setText(text)
        self.setAccessibleDescription(text)

    def undo(self) -> str:
        """Run the pending undo if still in time; returns the sentence shown (what happened or why not)."""
        action = self._pending if self.remaining() > 0 else None
        self._pending = None
        self._tick.stop()
        if action is None:
            text = translate("undo", TOO_LATE).format(seconds=UNDO_SECONDS)
        else:
            text = translate("undo", UNDONE).format(what=action.undo())
        self.label.setText(text)
        self.setAccessibleDescription(text)
        self.show()
        self._hide_later.start(4000)
        return text
