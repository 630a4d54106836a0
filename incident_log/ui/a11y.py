"""Every control has an accessible name and description, for screen readers and for tests.

Most controls are named where they are made. This module is the net under them: when a window or
dialog is shown, each focusable widget still without a name gets one from what a sighted user
sees (its label, its text, its placeholder), and a description from its tooltip or what it is.
It runs on every window of the application, including dialogs built elsewhere, so a control
added later is never silent to a screen reader.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
    QWidget,
)

from incident_log.ui.i18n import QT_TRANSLATE_NOOP, translate

DESCRIBED = "{what}: {name}"
_KINDS: tuple[tuple[type, str], ...] = (
    (QAbstractButton, QT_TRANSLATE_NOOP("a11y", "Button")),
    (QComboBox, QT_TRANSLATE_NOOP("a11y", "Choice: type it or press Alt+Down for the list")),
    (QLineEdit, QT_TRANSLATE_NOOP("a11y", "Text field")),
    (QPlainTextEdit, QT_TRANSLATE_NOOP("a11y", "Text area")),
    (QTextEdit, QT_TRANSLATE_NOOP("a11y", "Text")),
    (QAbstractSpinBox, QT_TRANSLATE_NOOP("a11y", "Number: Up and Down change it")),
    (QAbstractItemView, QT_TRANSLATE_NOOP("a11y", "List: Up and Down move, Enter opens")),
    (QTabBar, QT_TRANSLATE_NOOP("a11y", "Tabs: Left and Right choose")),
)


def plain(text: str) -> str:
    return " ".join(text.replace("&&", "\0").replace("&", "").replace("\0", "&").split())


def is_control(widget: QWidget) -> bool:
    return widget.focusPolicy() != Qt.FocusPolicy.NoFocus and not isinstance(widget, QLabel)


def _label_for(widget: QWidget) -> str:
    window = widget.window()
    for label in window.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and (buddy is widget or buddy.isAncestorOf(widget)):
            return plain(label.text()).rstrip(":*")
    return ""


def _name(widget: QWidget) -> str:
    if isinstance(widget, QAbstractButton) and widget.text():
        return plain(widget.text())
    owner = widget.parentWidget()
    if isinstance(owner, QComboBox) and owner.accessibleName():  # an editable combo box's line edit
        return owner.accessibleName()
    label = _label_for(widget)
    if label:
        return label
    if isinstance(widget, QLineEdit | QPlainTextEdit) and widget.placeholderText():
        return widget.placeholderText()
    words = re.sub(r"([a-z])([A-Z])", r"\1 \2", widget.objectName()).replace("_", " ").strip()
    return words[:1].upper() + words[1:] if words else type(widget).__name__


def _description(widget: QWidget) -> str:
    for text in (widget.toolTip(), widget.statusTip()):
        if text:
            return plain(text)
    owner = widget.parentWidget()
    if isinstance(owner, QComboBox) and owner.accessibleDescription():
        return owner.accessibleDescription()
    if isinstance(widget, QLineEdit | QPlainTextEdit) and widget.placeholderText():
        return widget.placeholderText()
    for cls, what in _KINDS:
        if isinstance(widget, cls):
            return DESCRIBED.format(what=translate("a11y", what), name=widget.accessibleName() or _name(widget))
    return widget.accessibleName() or _name(widget)


def fill(root: QWidget) -> None:
    """Name and describe every control under ``root`` that is not named and described yet."""
    for widget in [root, *root.findChildren(QWidget)]:
        if not is_control(widget):
            continue
        if not widget.accessibleName():
            widget.setAccessibleName(_name(widget))
        if not widget.accessibleDescription():
            widget.setAccessibleDescription(_description(widget))


class AccessibilityNet(QObject):
    """Application-wide: every window and dialog is filled in when it is shown."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow():
            fill(watched)
        return False
