"""Lock: Ctrl+L or idle time covers every window until the passphrase (or keyring) is given.

The overlay hides the content, not the state: the composer's draft is saved first and stays
where it was, so unlocking puts the loggist back exactly where they stopped.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from incident_log.ui.i18n import translate

_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
}


class LockOverlay(QWidget):
    unlockRequested = Signal(str)  # noqa: N815 - passphrase
    keyringUnlockRequested = Signal()  # noqa: N815

    def __init__(self, window: QMainWindow, keyring_available: bool) -> None:
        super().__init__(window)
        self.setObjectName("lockOverlay")
        self.setAccessibleName(translate("lock", "Locked"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        box = QVBoxLayout()
        title = QLabel(translate("lock", "Incident Log is locked"), self)
        font = title.font()
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(title)
        note = QLabel(translate("lock", "Your unsent entry is kept. Type the vault passphrase to continue."), self)
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(note)
        row = QHBoxLayout()
        row.addStretch(1)
        self.passphrase = QLineEdit(self)
        self.passphrase.setObjectName("unlockPassphrase")
        self.passphrase.setAccessibleName(translate("lock", "Vault passphrase"))
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setMinimumWidth(280)
        row.addWidget(self.passphrase)
        unlock = QPushButton(translate("lock", "&Unlock"), self)
        unlock.setObjectName("unlockButton")
        unlock.setAccessibleName(translate("lock", "Unlock"))
        row.addWidget(unlock)
        self.keyring_button = QPushButton(translate("lock", "Unlock with &keyring"), self)
        self.keyring_button.setObjectName("unlockKeyringButton")
        self.keyring_button.setAccessibleName(translate("lock", "Unlock with the system keyring"))
        self.keyring_button.setVisible(keyring_available)
        row.addWidget(self.keyring_button)
        row.addStretch(1)
        box.addLayout(row)
        self.error = QLabel(self)
        self.error.setObjectName("unlockError")
        self.error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box.addWidget(self.error)
        outer.addLayout(box)
        outer.addStretch(2)
        unlock.clicked.connect(self._submit)
        self.passphrase.returnPressed.connect(self._submit)
        self.keyring_button.clicked.connect(self.keyringUnlockRequested)
        window.installEventFilter(self)
        self._cover()

    def _submit(self) -> None:
        self.unlockRequested.emit(self.passphrase.text())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Resize:
            self._cover()
        return False

    def _cover(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
            self.raise_()


class LockManager(QObject):
    """Locks every registered window together, on demand or after ``idle_minutes`` of no input."""

    lockedChanged = Signal(bool)  # noqa: N815

    def __init__(self, check_passphrase: Callable[[str], bool], check_keyring: Callable[[], bool],
                 before_lock: Callable[[], None], idle_minutes: int = 10, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._check_passphrase = check_passphrase
        self._check_keyring = check_keyring
        self._before_lock = before_lock
        self._windows: list[QMainWindow] = []
        self._overlays: dict[int, LockOverlay] = {}
        self._hidden_docks: list[QDockWidget] = []
        self._disabled: list[Any] = []
        self.locked = False
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.timeout.connect(self.lock)
        self.set_idle_minutes(idle_minutes)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def set_idle_minutes(self, minutes: int) -> None:
        self.idle_ms = max(int(minutes), 0) * 60_000
        self._restart_idle()

    def set_idle_ms(self, ms: int) -> None:
        self.idle_ms = ms
        self._restart_idle()

    def _restart_idle(self) -> None:
        if self.idle_ms > 0 and not self.locked:
            self._idle.start(self.idle_ms)
        else:
            self._idle.stop()

    def register(self, window: QMainWindow) -> None:
        self._windows.append(window)
        window.destroyed.connect(lambda *_: self._forget(window))
        if self.locked:
            self._cover(window)

    def _forget(self, window: QObject) -> None:
        self._windows = [w for w in self._windows if w is not window]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() in _ACTIVITY and not self.locked and self.idle_ms > 0:
            self._idle.start(self.idle_ms)
        return False

    def lock(self) -> None:
        if self.locked:
            return
        self._before_lock()
        self.locked = True
        self._idle.stop()
        for window in list(self._windows):
            self._cover(window)
        self.lockedChanged.emit(True)

    def _cover(self, window: QMainWindow) -> None:
        for dock in window.findChildren(QDockWidget):
            if dock.isFloating() and dock.isVisible():
                dock.hide()
                self._hidden_docks.append(dock)
        for action in window.actions():
            if action.isEnabled():
                action.setEnabled(False)
                self._disabled.append(action)
        if window.menuBar() is not None:
            window.menuBar().setEnabled(False)
        overlay = LockOverlay(window, keyring_available=self._keyring_possible())
        overlay.unlockRequested.connect(self._try_passphrase)
        overlay.keyringUnlockRequested.connect(self._try_keyring)
        overlay.show()
        overlay.passphrase.setFocus()
        self._overlays[id(window)] = overlay

    def _keyring_possible(self) -> bool:
        try:
            return self._check_keyring()
        except Exception:  # noqa: BLE001 - no keyring: the button is simply not offered
            return False

    def _try_passphrase(self, passphrase: str) -> None:
        if self._check_passphrase(passphrase):
            self.unlock()
        else:
            for overlay in self._overlays.values():
                overlay.error.setText(translate("lock", "Wrong passphrase. Check the keyboard layout and Caps Lock."))
                overlay.passphrase.selectAll()

    def _try_keyring(self) -> None:
        if self._keyring_possible():
            self.unlock()

    def unlock(self) -> None:
        for overlay in self._overlays.values():
            overlay.removeEventFilter(overlay)
            overlay.hide()
            overlay.deleteLater()
        self._overlays.clear()
        for window in self._windows:
            if window.menuBar() is not None:
                window.menuBar().setEnabled(True)
            refresh: Any = getattr(window, "after_unlock", None)
            if refresh is not None:
                refresh()
        for action in self._disabled:
            action.setEnabled(True)
        self._disabled.clear()
        for dock in self._hidden_docks:
            dock.show()
        self._hidden_docks.clear()
        self.locked = False
        self._restart_idle()
        self.lockedChanged.emit(False)
