"""The boards around the timeline: where they sit, how they fold away, and how they are remembered.

Version 0.1 put three boards left and three right, side by side: on a 1366 px laptop the window
needed 1816 px. Here the arrangement follows the screen: below ``WIDE_SCREEN`` pixels every
board sits in one column on the right, in two tabbed stacks; on a wide screen the clock, the
roster and the review list get a column of their own on the left. Either can be chosen from the
View menu, every board can be hidden, raised (Alt+1 … Alt+6) or all folded away at once, and
the arrangement is saved per screen size, so the laptop's layout never lands on the big
screen's monitor or the other way round.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QByteArray, QRect, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabBar, QTabWidget, QWidget

from incident_log.ui import uisettings
from incident_log.ui.i18n import QT_TRANSLATE_NOOP, fill, translate

# Tab labels: a stack of four tabs in a 430 px column has about 100 px per tab.
SHORT_TITLES = {"demandsBoard": QT_TRANSLATE_NOOP("docks", "Demands"),
                "hooksBoard": QT_TRANSLATE_NOOP("docks", "Hooks & risks"),
                "entryDetail": QT_TRANSLATE_NOOP("docks", "Entry"), "incidentClock": QT_TRANSLATE_NOOP("docks", "Clock"),
                "peopleRegister": QT_TRANSLATE_NOOP("docks", "People"),
                "rosterBoard": QT_TRANSLATE_NOOP("docks", "Roster"), "reviewList": QT_TRANSLATE_NOOP("docks", "Review")}
WIDE_SCREEN = 1600  # px of available width from which boards get two columns
LAYOUT_VERSION = 2  # bump when the docks change: an old saved state is then ignored
COMPACT, WIDE = "compact", "wide"

# Which boards share a stack (tabbed), by object name, in each arrangement.
COMPACT_STACKS: tuple[tuple[Qt.DockWidgetArea, tuple[str, ...]], ...] = (
    (Qt.DockWidgetArea.RightDockWidgetArea, ("demandsBoard", "hooksBoard", "peopleRegister", "entryDetail")),
    (Qt.DockWidgetArea.RightDockWidgetArea, ("incidentClock", "rosterBoard", "reviewList")),
)
WIDE_STACKS: tuple[tuple[Qt.DockWidgetArea, tuple[str, ...]], ...] = (
    (Qt.DockWidgetArea.LeftDockWidgetArea, ("incidentClock",)),
    (Qt.DockWidgetArea.LeftDockWidgetArea, ("rosterBoard", "reviewList")),
    (Qt.DockWidgetArea.RightDockWidgetArea, ("demandsBoard",)),
    (Qt.DockWidgetArea.RightDockWidgetArea, ("hooksBoard", "peopleRegister", "entryDetail")),
)


def screen_key(window: QWidget) -> str:
    """"1366x768": the available size of the screen the window is on (settings keys per screen)."""
    screen = window.screen()
    size = screen.availableGeometry().size() if screen is not None else None
    return f"{size.width()}x{size.height()}" if size is not None else "unknown"


def available(window: QWidget) -> QRect:
    screen = window.screen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 768)


class BoardDocks:
    """The docks of one window: made from widgets, arranged, hidden, raised, saved, restored."""

    def __init__(self, window: QMainWindow, widgets: Sequence[tuple[QWidget, str]], settings_prefix: str) -> None:
        self.window = window
        self.prefix = settings_prefix
        self.docks: list[QDockWidget] = []
        self._hidden_by_fold: list[QDockWidget] = []
        window.setDockNestingEnabled(True)
        window.setDockOptions(
            QMainWindow.DockOption.AnimatedDocks
            | QMainWindow.DockOption.AllowTabbedDocks
            | QMainWindow.DockOption.AllowNestedDocks
        )
        window.setTabPosition(Qt.DockWidgetArea.AllDockWidgetAreas, QTabWidget.TabPosition.North)
        for widget, title in widgets:
            title = translate("boards", title)
            short = translate("docks", SHORT_TITLES[widget.objectName()]) if widget.objectName() in SHORT_TITLES else title
            dock = QDockWidget(short.replace("&", "&&"), window)
            dock.setObjectName(f"dock_{widget.objectName()}")
            dock.setAccessibleName(title)
            dock.setAccessibleDescription(fill(translate("docks", "Board: %1. Alt and its number raise it; F6 moves between panes."), title))
            dock.setWidget(widget)
            dock.setFeatures(
                QDockWidget.DockWidgetFeature.DockWidgetMovable
                | QDockWidget.DockWidgetFeature.DockWidgetFloatable
                | QDockWidget.DockWidgetFeature.DockWidgetClosable
            )
            dock.toggleViewAction().setObjectName(f"toggle_{widget.objectName()}")
            dock.toggleViewAction().setText(fill(translate("docks", "Show %1"), title.replace("&", "&&")))
            # No title bar: the tab says which board it is, and at 720 px every line of height counts.
            # Hiding, raising and arranging are in the View menu and on the keyboard.
            dock.setTitleBarWidget(QWidget(dock))
            self.docks.append(dock)
        self.arrangement = COMPACT

    # --- lookup -----------------------------------------------------------------------------------
    def dock(self, object_name: str) -> QDockWidget | None:
        for dock in self.docks:
            if dock.widget() is not None and dock.widget().objectName() == object_name:
                return dock
        return None

    def shown(self) -> list[QDockWidget]:
        """Docks that can be seen now: visible, and the raised tab of their stack."""
        return [d for d in self.docks if d.isVisible() and not d.visibleRegion().isEmpty()]

    # --- arranging -------------------------------------------------------------------------------------
    def arrange(self, arrangement: str | None = None) -> None:
        """Put every dock in its place for ``arrangement`` (default: what suits this screen)."""
        if arrangement is None:
            arrangement = WIDE if available(self.window).width() >= WIDE_SCREEN else COMPACT
        self.arrangement = arrangement
        stacks = WIDE_STACKS if arrangement == WIDE else COMPACT_STACKS
        for dock in self.docks:
            self.window.removeDockWidget(dock)
        # Stacks first (split before tabbing: splitting a tabbed dock only adds another tab), then tabs.
        previous_in_area: dict[Qt.DockWidgetArea, QDockWidget] = {}
        firsts: list[QDockWidget] = []
        groups: list[list[QDockWidget]] = []
        for area, names in stacks:
            members = [d for d in (self.dock(n) for n in names) if d is not None]
            if not members:
                continue
            first = members[0]
            first.setFloating(False)
            if area in previous_in_area:
                self.window.splitDockWidget(previous_in_area[area], first, Qt.Orientation.Vertical)
            else:
                self.window.addDockWidget(area, first)
            previous_in_area[area] = first
            firsts.append(first)
            groups.append(members)
        for members in groups:
            for other in members[1:]:
                other.setFloating(False)
                self.window.tabifyDockWidget(members[0], other)
            for dock in members:
                dock.setVisible(dock.widget().objectName() != "entryDetail")
            members[0].raise_()
        # Leftovers (a board this table does not know yet) join the last stack.
        placed = {n for _area, names in stacks for n in names}
        for dock in self.docks:
            if dock.widget().objectName() not in placed and firsts:
                self.window.tabifyDockWidget(firsts[-1], dock)
                dock.show()
        width = available(self.window).width()
        side = max(300, min(460, int(width * (0.23 if arrangement == WIDE else 0.34))))
        right = [d for d in firsts if self.window.dockWidgetArea(d) == Qt.DockWidgetArea.RightDockWidgetArea]
        left = [d for d in firsts if self.window.dockWidgetArea(d) == Qt.DockWidgetArea.LeftDockWidgetArea]
        for group in (right, left):
            if group:
                self.window.resizeDocks(group[:1], [side], Qt.Orientation.Horizontal)
        for group in (right, left):
            if len(group) > 1:
                height = available(self.window).height()
                self.window.resizeDocks(group, [int(height * 0.55), int(height * 0.45)][: len(group)] +
                                        [height // 3] * (len(group) - 2), Qt.Orientation.Vertical)
        self._hidden_by_fold.clear()

    def raise_board(self, object_name: str) -> QWidget | None:
        """Show the board (even if hidden or folded away), bring its tab forward, focus it."""
        dock = self.dock(object_name)
        if dock is None:
            return None
        if self._hidden_by_fold:
            self.unfold()
        dock.show()
        dock.raise_()
        widget = dock.widget()
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return widget

    @property
    def folded(self) -> bool:
        return bool(self._hidden_by_fold)

    def toggle_fold(self) -> None:
        """Hide every board (timeline and composer take the whole window), or bring them back."""
        if self._hidden_by_fold:
            self.unfold()
            return
        self._hidden_by_fold = [d for d in self.docks if d.isVisible()]
        for dock in self._hidden_by_fold:
            dock.hide()

    def unfold(self) -> None:
        for dock in self._hidden_by_fold:
            dock.show()
        self._hidden_by_fold.clear()

    # --- remembering (UI state only: no incident content) -------------------------------------------
    def _key(self, name: str) -> str:
        return f"{self.prefix}/{screen_key(self.window)}/{name}"

    def restore(self, default_size: tuple[int, int] | None = None) -> bool:
        """The layout saved for this screen size; otherwise the default (``None``: the whole screen,
        which is what a laptop at 3 a.m. wants). True if a saved layout was restored."""
        store = uisettings.qsettings()
        geometry = store.value(self._key("geometry"))
        state = store.value(self._key("state"))
        restored = False
        if isinstance(geometry, QByteArray | bytes):
            self.window.restoreGeometry(QByteArray(geometry))
        else:
            room = available(self.window)
            width, height = default_size or (room.width(), room.height())
            self.window.resize(min(width, room.width()), min(height, room.height()))
            self.window.move(room.topLeft())
        self.arrange()
        if isinstance(state, QByteArray | bytes):
            restored = self.window.restoreState(QByteArray(state), LAYOUT_VERSION)
            arrangement = store.value(self._key("arrangement"))
            if restored and arrangement in (COMPACT, WIDE):
                self.arrangement = str(arrangement)
        self.fit_to_screen()
        return restored

    def fit_to_screen(self) -> None:
        """Never larger than the screen, never off it: a layout saved elsewhere is brought back in."""
        room = available(self.window)
        frame = self.window.frameGeometry()
        extra_w = frame.width() - self.window.width()
        extra_h = frame.height() - self.window.height()
        width = min(self.window.width(), room.width() - extra_w)
        height = min(self.window.height(), room.height() - extra_h)
        if (width, height) != (self.window.width(), self.window.height()):
            self.window.resize(width, height)
        x = min(max(frame.x(), room.x()), room.right() - width - extra_w + 1)
        y = min(max(frame.y(), room.y()), room.bottom() - height - extra_h + 1)
        if (x, y) != (frame.x(), frame.y()):
            self.window.move(x, y)

    def save(self) -> None:
        store = uisettings.qsettings()
        if self._hidden_by_fold:
            self.unfold()  # saved unfolded: folding is for now, not for the next start
        store.setValue(self._key("geometry"), self.window.saveGeometry())
        store.setValue(self._key("state"), self.window.saveState(LAYOUT_VERSION))
        store.setValue(self._key("arrangement"), self.arrangement)
        store.sync()

    def name_tab_bars(self) -> None:
        """Qt makes a tab bar per stack of tabbed docks; give each an accessible name."""
        for bar in self.window.findChildren(QTabBar):
            if not bar.accessibleName():
                bar.setAccessibleName(translate("docks", "Boards in this stack"))
                bar.setAccessibleDescription(translate("docks", "Left and right arrows choose the board shown in this stack"))
