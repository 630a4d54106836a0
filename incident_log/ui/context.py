"""What every window of one running app shares: the open logbook, the live adapter, the lock.

Windows ask the context to open other windows, so no window imports another's module at the
top and the home window, incident windows and follow windows stay independent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QMainWindow, QWidget

from incident_log import errors
from incident_log.ui import uisettings
from incident_log.ui.a11y import AccessibilityNet
from incident_log.ui.feed import IncidentFeed
from incident_log.ui.live import LiveAdapter
from incident_log.ui.lock import LockManager
from incident_log.ui.prompts import ask_leader_callsign, show_error
from incident_log.ui.tasks import Background

if TYPE_CHECKING:
    from incident_log.facade import DeskBook


class AppContext(QObject):
    def __init__(self, logbook: DeskBook, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.logbook = logbook
        self.live = LiveAdapter(logbook, parent=self)
        self.background = Background(self)
        self.windows: list[QMainWindow] = []
        self.lock = LockManager(
            logbook.check_passphrase,
            logbook.check_keyring if hasattr(logbook, "check_keyring") else (lambda: False),
            self.save_drafts,
            idle_minutes=uisettings.get_int("idle_lock_minutes"),
            parent=self,
        )
        self._callsign: str | None = None
        self._feeds: dict[str, IncidentFeed] = {}
        self._accessibility = AccessibilityNet(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self._accessibility)

    # --- the author of entries: kept in the vault, never in QSettings --------------------------
    def callsign(self) -> str:
        if self._callsign is None:
            self._callsign = self.logbook.get_pref("callsign", "") or ""
        return self._callsign

    def set_callsign(self, value: str) -> None:
        self.logbook.set_pref("callsign", value.strip())
        self._callsign = value.strip()

    def leader_callsign(self) -> str:
        """The team leader's own callsign (a vault preference, remembered for the next time)."""
        return self.logbook.get_pref("leader_callsign", "") or ""

    # --- one feed per incident, shared by its windows ------------------------------------------
    def feed(self, ref: str) -> IncidentFeed:
        feed = self._feeds.get(ref)
        if feed is None:
            feed = self._feeds[ref] = IncidentFeed(self, ref, self)
        feed.users += 1
        return feed

    def release_feed(self, ref: str) -> None:
        feed = self._feeds.get(ref)
        if feed is None:
            return
        feed.users -= 1
        if feed.users <= 0:
            feed.stop()
            del self._feeds[ref]
            feed.deleteLater()

    # --- windows ------------------------------------------------------------------------------------
    def adopt(self, window: QMainWindow) -> None:
        self.windows.append(window)
        self.lock.register(window)
        window.destroyed.connect(lambda *_: self._forget(window))

    def _forget(self, window: QObject) -> None:
        self.windows = [w for w in self.windows if w is not window]

    def open_incident(self, ref: str, parent: QWidget | None = None) -> QMainWindow | None:
        from incident_log.ui.incident_window import IncidentWindow

        for window in self.windows:
            if isinstance(window, IncidentWindow) and window.ref == ref:
                window.raise_()
                window.activateWindow()
                return window
        try:
            window = IncidentWindow(self, ref)
        except errors.IncidentLogError as exc:
            show_error(parent, exc)
            return None
        self.adopt(window)
        window.show()
        window.composer.focus_first_empty()
        return window

    def open_leader(self, ref: str, parent: QWidget | None = None) -> QMainWindow | None:
        """The team leader's window on ``ref``, after they say who they are (their own callsign)."""
        from incident_log.ui.leader_window import TeamLeaderWindow

        callsign = ask_leader_callsign(parent, self.leader_callsign(), self.callsign())
        if callsign is None:
            return None
        if callsign != self.leader_callsign():
            self.logbook.set_pref("leader_callsign", callsign)
        try:
            window = TeamLeaderWindow(self, ref, callsign)
        except errors.IncidentLogError as exc:
            show_error(parent, exc)
            return None
        self.adopt(window)
        window.show()
        window.controller.focus_timeline()
        return window

    def zoom(self, step: int) -> None:
        """Ctrl+Plus / Ctrl+Minus / Ctrl+0: the font size of every window, remembered."""
        size = uisettings.get_int("font_size")
        new = uisettings.DEFAULT_FONT_SIZE if step == 0 else max(uisettings.MIN_FONT, min(uisettings.MAX_FONT, size + step))
        if new != size:
            uisettings.put("font_size", new)
            self.apply_settings()

    def open_home(self) -> QMainWindow:
        from incident_log.ui.home import HomeWindow

        for window in self.windows:
            if isinstance(window, HomeWindow):
                window.raise_()
                return window
        home = HomeWindow(self)
        self.adopt(home)
        home.show()
        return home

    def save_drafts(self) -> None:
        for window in self.windows:
            composer = getattr(window, "composer", None)
            if composer is not None:
                composer.save_draft()

    def apply_settings(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            uisettings.apply_appearance(app)
        self.lock.set_idle_minutes(uisettings.get_int("idle_lock_minutes"))
        for window in self.windows:
            refresh = getattr(window, "settings_changed", None)
            if refresh is not None:
                refresh()

    def shutdown(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self._accessibility)
        self.save_drafts()
        self.live.stop()
        self.background.wait(5000)
