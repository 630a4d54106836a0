"""Small widgets the whole client shares, each fixing one way a window could outgrow its screen.

* ``ElidedLabel``: a one-line label whose minimum width does not depend on its text. A name
  of 60 characters on the roster used to widen the window past the screen; now it is cut
  with "…" and shown whole in the tooltip and to screen readers.
* ``compact_combo``: a combo box whose size hint does not follow its longest item.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QComboBox, QLabel, QSizePolicy, QWidget

MIN_LABEL_CHARS = 8  # an elided label never asks for less than this, so it stays legible


class ElidedLabel(QLabel):
    """One line of text, elided on the right when narrow; ``text()`` is always the full text."""

    def __init__(self, text: str = "", parent: QWidget | None = None, *, min_chars: int = MIN_LABEL_CHARS) -> None:
        super().__init__(parent)
        self._full = ""
        self._min_chars = min_chars
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(False)
        self.setText(text)

    def text(self) -> str:  # the full text, whatever is painted
        return self._full

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        text = text or ""
        if text == self._full and super().text():
            return
        self._full = text
        self.setAccessibleDescription(text)
        self._elide()
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        metrics = QFontMetrics(self.font())
        margins = self.contentsMargins()
        width = metrics.averageCharWidth() * self._min_chars + margins.left() + margins.right()
        return QSize(width, super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802
        metrics = QFontMetrics(self.font())
        margins = self.contentsMargins()
        width = metrics.horizontalAdvance(self._full) + margins.left() + margins.right() + 2
        return QSize(max(width, self.minimumSizeHint().width()), super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._elide()

    def _elide(self) -> None:
        margins = self.contentsMargins()
        room = max(self.width() - margins.left() - margins.right(), 1)
        shown = QFontMetrics(self.font()).elidedText(self._full, Qt.TextElideMode.ElideRight, room)
        QLabel.setText(self, shown)
        self.setToolTip(self._full if shown != self._full else "")

    def is_elided(self) -> bool:
        return QLabel.text(self) != self._full


def compact_combo(box: QComboBox, chars: int = 12) -> QComboBox:
    """Size ``box`` by a fixed number of characters, never by its longest item (names, titles)."""
    box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    box.setMinimumContentsLength(chars)
    box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
    return box
