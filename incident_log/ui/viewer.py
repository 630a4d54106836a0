"""What the loggist's incident window and the team leader's window share.

Both show one incident: the alarm banner, the timeline, the boards in docks, the entry detail
pane and a status line, fed by the same ``IncidentFeed``. ``IncidentView`` composes them;
``ViewController`` holds the behaviour both windows have (moving between panes, raising
boards, flagging, reviewing, acknowledging alarms, the situation summary, undo). The incident
window adds the composer and the loggist's commands; the team leader's window adds its own
callsign and "new since I last looked".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QVBoxLayout, QWidget

from incident_log import errors
from incident_log.domain.entry import NewEntry, utc_now
from incident_log.domain.state import IncidentState
from incident_log.ui import a11y, timefmt, vocab
from incident_log.ui.actions import build_actions, populate_menus, shortcut_text
from incident_log.ui.alarms import AlarmBanner, alarm_text
from incident_log.ui.boards import ALL_BOARDS
from incident_log.ui.boards._common import BoardTable
from incident_log.ui.connection import add_connection_line
from incident_log.ui.detail import EntryDetailPane
from incident_log.ui.docks import BoardDocks
from incident_log.ui.feed import FeedState, IncidentFeed
from incident_log.ui.i18n import QT_TRANSLATE_NOOP, fill, translate
from incident_log.ui.kindstyle import app_icon
from incident_log.ui.prompts import ask_text, show_error
from incident_log.ui.text import plural
from incident_log.ui.timeline_model import COL_TEXT, TimelineModel
from incident_log.ui.timeline_view import TimelinePanel
from incident_log.ui.undo import Undoable, UndoBar
from incident_log.ui.widgets import ElidedLabel

REVIEWED_AT = QT_TRANSLATE_NOOP("viewer", "reviewed up to #{upto} at {time}")
REVIEWED = QT_TRANSLATE_NOOP("viewer", "Reviewed up to #{upto}")
FLAG_WHY = QT_TRANSLATE_NOOP("viewer", "Why should entry #{seq} be discussed at the debrief?")
STATUS_MS = 8000
SEALED_STATUS = QT_TRANSLATE_NOOP("viewer", "SEALED at {time}: nothing more can be recorded until it is reopened with a reason")
REVIEW_FIRST = QT_TRANSLATE_NOOP("viewer", "Reviewed up to #{upto} (the first review: record a later one to move the mark)")


class IncidentView(QMainWindow):
    """The frame both incident windows share; subclasses add the composer or the leader's header."""

    SETTINGS_PREFIX = "incident_window"
    DEFAULT_SIZE: tuple[int, int] | None = None  # the whole screen until the user chooses otherwise

    def __init__(self, ctx: Any, ref: str, *, read_only: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.logbook = ctx.logbook
        incident = self.logbook.incident(ref)  # UnknownIncident before any widget exists
        self.ref = incident.ref
        self.incident = incident
        self.time_zone = incident.time_zone
        timefmt.follow_incident(self.time_zone)  # times shown and typed in the incident's own zone
        self.read_only = read_only
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.setWindowIcon(app_icon())

        self.feed: IncidentFeed = ctx.feed(self.ref)
        self.model = TimelineModel(self.logbook, self.ref, self, zone=self.time_zone)
        self.timeline = TimelinePanel(self.model, self, read_only=read_only)
        self.alarm_banner = AlarmBanner(shortcut_text("acknowledge_alarm"), self)
        self.undo_bar = UndoBar(shortcut_text("undo"), self)
        self.top = QWidget(self)
        self.top.setObjectName("timelineArea")
        top_layout = QVBoxLayout(self.top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.setSpacing(0)
        top_layout.addWidget(self.alarm_banner)
        self.header_slot = top_layout  # the leader window puts its "new since" line here
        top_layout.addWidget(self.timeline, 1)
        top_layout.addWidget(self.undo_bar)

        self.boards: list[QWidget] = [cls(self) for cls, _title in ALL_BOARDS]
        self.detail = EntryDetailPane(self.logbook, self.ref, self)
        titled = [(board, title) for board, (_cls, title) in zip(self.boards, ALL_BOARDS, strict=True)]
        self.docks = BoardDocks(self, [*titled, (self.detail, EntryDetailPane.TITLE)], self.SETTINGS_PREFIX)

        self.status_state = ElidedLabel("", self, min_chars=16)
        self.status_state.setObjectName("statusState")
        self.status_state.setAccessibleName(translate("viewer", "Incident status"))
        self.statusBar().addWidget(self.status_state, 3)
        self.status_vault = ElidedLabel("", self, min_chars=12)
        self.status_vault.setObjectName("statusVault")
        self.status_vault.setAccessibleName(translate("viewer", "Author and vault"))
        self.statusBar().addPermanentWidget(self.status_vault, 2)
        self.connection_line = add_connection_line(self.statusBar(), self.logbook)

    def compose(self, controller: ViewController, scope: str) -> None:
        """Second half of construction, once the subclass has built its centre: actions, menus, layout."""
        self.controller = controller
        self.actions_by_id = build_actions(self, controller, scope)
        populate_menus(self.menuBar(), self.actions_by_id, scope)
        view_menu = next((m for m in self.menuBar().findChildren(QMenu) if m.objectName() == "menu_view"), None)
        if view_menu is not None:
            view_menu.addSeparator()
            for dock in self.docks.docks:
                view_menu.addAction(dock.toggleViewAction())
        self.docks.restore(self.DEFAULT_SIZE)
        self.docks.name_tab_bars()
        a11y.fill(self)
        self.show_author()
        self.update_title(self.incident)
        controller.start()

    def board(self, object_name: str) -> QWidget | None:
        for board in self.boards:
            if board.objectName() == object_name:
                return board
        return None

    # --- shown state ------------------------------------------------------------------------------
    def window_kind(self) -> str:
        return translate("viewer", "Incident Log")

    def update_title(self, incident: Any, sealed: bool | None = None) -> None:
        mark = translate("viewer", " [EXERCISE]") if incident.exercise else ""
        is_sealed = incident.status == "sealed" if sealed is None else sealed
        seal = translate("viewer", " — SEALED") if is_sealed else ""
        self.setWindowTitle(f"{incident.ref} · {incident.title}{mark}{seal} — {self.window_kind()}")

    def author(self) -> str:
        return str(self.ctx.callsign())

    def show_author(self) -> None:
        how = vocab.unlock_slot(self.logbook.unlocked_with)
        author = self.author() or translate("viewer", "no callsign set")
        self.status_vault.setText(fill(translate("viewer", "Author: %1 · vault unlocked with %2"), author, how))
        if self.logbook.keyring_note:
            self.status_vault.setToolTip(self.logbook.keyring_note)

    def show_state(self, state: IncidentState) -> None:
        stats = state.statistics
        parts = [plural(stats.entry_count, translate("viewer", "{n} entry"), translate("viewer", "{n} entries"))]
        if state.reviewed_upto:
            parts.append(translate("viewer", REVIEWED_AT).format(upto=state.reviewed_upto, time=timefmt.clock(state.reviewed_at, seconds=False)))
        if state.flags:
            parts.append(fill(translate("viewer", "%1 flagged"), len(state.flags)))
        if state.sealed:
            sealed_at = state.extra.get("sealed_at")
            parts.append(translate("viewer", SEALED_STATUS).format(time=timefmt.clock(sealed_at, seconds=False)))  # type: ignore[arg-type]
        self.status_state.setText(" · ".join(parts))
        self.update_title(state.incident, state.sealed)

    def settings_changed(self) -> None:
        self.show_author()
        self.controller.follow_zone()
        self.model.reload()
        self.timeline.size_columns()
        self.alarm_banner.settings_changed()

    def say(self, text: str) -> None:
        """A sentence in the status bar for a while (what a key did, or why it did nothing)."""
        self.statusBar().showMessage(text, STATUS_MS)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        # Two windows on incidents in different zones: the active one's zone is shown and typed.
        if event.type() == QEvent.Type.ActivationChange and self.isActiveWindow():
            timefmt.follow_incident(self.time_zone)
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.docks.save()
        self.controller.stop()
        super().closeEvent(event)


class ViewController(QObject):
    """Behaviour both incident windows share. Handlers are named in ``ui.actions``."""

    def __init__(self, window: IncidentView) -> None:
        super().__init__(window)
        self.w = window
        self.ctx = window.ctx
        self.logbook = window.logbook
        self.ref = window.ref
        self.state: IncidentState | None = None
        self.feed_state: FeedState | None = None
        self.summary_dialog: QWidget | None = None

    # --- wiring ---------------------------------------------------------------------------------------
    def start(self) -> None:
        w = self.w
        w.feed.changed.connect(self.apply_feed)
        w.feed.arrived.connect(self.on_entries_added)
        w.feed.failed.connect(w.say)
        w.feed.settled.connect(w.model.refresh_rows)
        w.feed.renumbered.connect(w.model.reload)
        for board in w.boards:
            signal = getattr(board, "entryActivated", None)
            if signal is not None:
                signal.connect(self.show_entry)
            for table in board.findChildren(BoardTable):
                table.keyRefused.connect(w.say)
        w.timeline.entryChosen.connect(self.show_entry)
        w.timeline.message.connect(w.say)
        w.timeline.table.typedHere.connect(self.typed_in_timeline)
        w.timeline.table.selectionModel().currentRowChanged.connect(self._row_changed)
        self.follow_zone()
        if w.feed.current is not None:
            self.apply_feed(w.feed.current)
        else:
            w.feed.refresh()

    def follow_zone(self) -> None:
        """Boards show times in the incident's zone (or UTC, by the user's setting), like the timeline."""
        zone = timefmt.display_tz(self.w.time_zone)
        for board in self.w.boards:
            board.set_time_zone(zone)  # type: ignore[attr-defined]

    def stop(self) -> None:
        w = self.w
        for signal, slot in ((w.feed.changed, self.apply_feed), (w.feed.arrived, self.on_entries_added),
                             (w.feed.failed, w.say), (w.feed.settled, w.model.refresh_rows),
                             (w.feed.renumbered, w.model.reload)):
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
        self.ctx.release_feed(self.ref)

    # --- live -------------------------------------------------------------------------------------------
    def on_entries_added(self, ref: str, seqs: list[int], entries: list[Any]) -> None:
        if ref == self.ref:
            self.w.model.add_live(seqs, entries)

    def apply_feed(self, feed: FeedState) -> None:
        self.feed_state = feed
        self.apply_state(feed.state)
        self.w.alarm_banner.set_feed_state(feed)

    def apply_state(self, state: IncidentState) -> None:
        self.state = state
        for board in self.w.boards:
            board.set_state(state)  # type: ignore[attr-defined]
        self.w.detail.set_state(state)
        self.w.timeline.set_people(state.people)
        self.w.model.set_people({p.key: p.label for p in state.people})
        self.w.model.set_reviewed_upto(state.reviewed_upto)
        self.w.show_state(state)

    def _record(self, draft: NewEntry) -> Any:
        try:
            return self.logbook.record(self.ref, draft)
        except errors.IncidentLogError as exc:
            show_error(self.w, exc)
            return None

    # --- moving around (keyboard only) ------------------------------------------------------------
    def panes(self) -> list[QWidget]:
        """The F6 cycle: timeline, composer (incident window), then every open board in dock order."""
        out: list[QWidget] = [self.w.timeline.table]
        composer = getattr(self.w, "composer", None)
        if composer is not None:
            out.append(composer)
        for dock in self.w.docks.docks:
            if dock.toggleViewAction().isChecked() and dock.widget() is not self.w.detail:
                out.append(dock.widget())
        if self.w.detail.seq and self.w.docks.dock("entryDetail").toggleViewAction().isChecked():  # type: ignore[union-attr]
            out.append(self.w.detail)
        return out

    def _current_pane(self, panes: list[QWidget]) -> int:
        focus = QApplication.focusWidget()
        for index, pane in enumerate(panes):
            if focus is not None and (focus is pane or pane.isAncestorOf(focus)):
                return index
        return -1

    def _go(self, pane: QWidget) -> None:
        if pane is self.w.timeline.table:
            self.focus_timeline()
        elif pane is getattr(self.w, "composer", None):
            self.focus_composer()
        else:
            self.w.docks.raise_board(pane.objectName())

    def focus_next_pane(self) -> None:
        panes = self.panes()
        self._go(panes[(self._current_pane(panes) + 1) % len(panes)])

    def focus_previous_pane(self) -> None:
        panes = self.panes()
        current = self._current_pane(panes)
        self._go(panes[(current - 1) % len(panes)] if current >= 0 else panes[0])

    def jump_to_board(self, object_name: str) -> None:
        if self.w.docks.raise_board(object_name) is None:
            self.w.say(translate("viewer", "That board is not part of this window."))

    def toggle_boards(self) -> None:
        self.w.docks.toggle_fold()
        if self.w.docks.folded:
            self.w.say(translate("viewer", "Boards hidden: {key} brings them back, Alt+1 … Alt+6 raise one.").format(
                key=shortcut_text("toggle_boards")))
            self.focus_default()

    def arrange_compact(self) -> None:
        self.w.docks.arrange("compact")

    def arrange_wide(self) -> None:
        self.w.docks.arrange("wide")

    def restore_layout(self) -> None:
        self.w.docks.arrange()

    def focus_default(self) -> None:
        self.focus_timeline()

    def focus_composer(self) -> None:
        self.focus_timeline()

    def focus_timeline(self) -> None:
        table = self.w.timeline.table
        table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if not table.currentIndex().isValid() and self.w.model.rowCount():
            table.setCurrentIndex(self.w.model.index(self.w.model.rowCount() - 1, COL_TEXT))

    def focus_search(self) -> None:
        self.w.timeline.search.setFocus()
        self.w.timeline.search.selectAll()

    def focus_jump(self) -> None:
        self.w.timeline.jump.setFocus()
        self.w.timeline.jump.selectAll()

    def follow_newest(self) -> None:
        self.w.timeline.set_following(True)

    def back(self) -> None:
        """Esc: out of the search, out of the detail pane, back to where one types."""
        timeline = self.w.timeline
        if timeline.search.hasFocus() and timeline.search.text():
            timeline.search.clear()
            return
        focus = QApplication.focusWidget()
        if focus is not None and (focus is self.w.detail or self.w.detail.isAncestorOf(focus)):
            self.focus_timeline()
            return
        self.focus_default()

    # --- the entry in full ------------------------------------------------------------------------------
    def show_entry(self, seq: int) -> None:
        """Select it in the timeline and open it in the detail pane (Enter on a row or a board item)."""
        self.w.timeline.select_seq(seq)
        if self.w.detail.show_seq(seq):
            dock = self.w.docks.dock("entryDetail")
            if dock is not None:
                dock.show()
                dock.raise_()
            self.w.detail.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def show_selected_entry(self) -> None:
        entry = self.w.timeline.selected_entry()
        if entry is None:
            self.w.say(translate("viewer", "Select an entry in the timeline first (Shift+F6 goes there)."))
            return
        self.show_entry(entry.seq)

    def _row_changed(self, current: Any, _previous: Any) -> None:
        """While the pane is open it follows the timeline's cursor: Up and Down read entry after entry."""
        dock = self.w.docks.dock("entryDetail")
        if dock is not None and dock.isVisible() and current.isValid():
            self.w.detail.show_seq(self.w.model.seq_at(current.row()))

    def typed_in_timeline(self, text: str) -> None:
        self.w.say(translate("viewer", "Typing does nothing in the timeline of this window: nothing was recorded. "
                   "F6 moves between panes."))

    # --- team leader's tools (both windows) --------------------------------------------------------
    def author(self) -> str:
        return self.w.author()

    def flag_selected(self) -> None:
        entry = self.w.timeline.selected_entry()
        if entry is None:
            show_error(self.w, translate("viewer", "Select the entry to flag in the timeline first."))
            return
        reason = ask_text(self.w, translate("viewer", "Flag for debrief"),
                          translate("viewer", FLAG_WHY).format(seq=entry.seq),
                          name="flagReason")
        if reason:
            try:
                self.logbook.flag(self.ref, entry.seq, reason=reason, author=self.author())
            except errors.IncidentLogError as exc:
                show_error(self.w, exc)

    def mark_reviewed(self) -> None:
        entry = self.w.timeline.selected_entry()
        upto = entry.seq if entry is not None else self.logbook.head(self.ref)[0]
        if upto <= 0:
            return
        previous = self.state.reviewed_upto if self.state is not None else 0
        try:
            self.logbook.mark_reviewed(self.ref, upto, author=self.author())
        except errors.IncidentLogError as exc:
            show_error(self.w, exc)
            return
        what = translate("viewer", REVIEWED).format(upto=upto)
        if previous > 0:
            def undo() -> str:
                self.logbook.mark_reviewed(self.ref, previous, author=self.author())
                return fill(translate("viewer", "%1 (back to #%2)"), what, previous)

            self.w.undo_bar.offer(Undoable(what, undo))
        else:
            self.w.say(translate("viewer", REVIEW_FIRST).format(upto=upto))

    def undo_last(self) -> None:
        try:
            self.w.say(self.w.undo_bar.undo())
        except errors.IncidentLogError as exc:
            show_error(self.w, exc)

    def acknowledge_alarm(self) -> None:
        alarm = self.w.alarm_banner.top()
        if alarm is None:
            self.w.say(translate("viewer", "No alarm to acknowledge."))
            return
        # Recorded in the words the loggist saw (the alarm's id says which alarm it was, in any language).
        shown = alarm_text(alarm, self.state, utc_now()) if self.state is not None else alarm.text
        entry = self._record(NewEntry("alarm", shown, {"alarm": alarm.id}, author=self.author()))
        if entry is not None:
            self.w.alarm_banner.mark_acknowledged(alarm.id)
            self.w.say(fill(translate("viewer", "Acknowledged (#%1): %2"), entry.seq, shown))

    def situation_summary(self) -> None:
        from incident_log.ui.summary_dialog import open_summary

        self.summary_dialog = open_summary(self.w, self.ctx, self.ref, self.author())

    # --- everywhere -----------------------------------------------------------------------------------------
    def lock(self) -> None:
        self.ctx.lock.lock()

    def open_settings(self) -> None:
        from incident_log.ui.dialogs import SettingsDialog

        SettingsDialog(self.ctx, self.w).exec()

    def show_keyboard_map(self) -> None:
        from incident_log.ui.dialogs import KeyboardMapDialog

        KeyboardMapDialog(self.w).exec()

    def zoom_in(self) -> None:
        self.ctx.zoom(+1)

    def zoom_out(self) -> None:
        self.ctx.zoom(-1)

    def zoom_reset(self) -> None:
        self.ctx.zoom(0)

    def close_window(self) -> None:
        self.w.close()

    def quit(self) -> None:
        QApplication.closeAllWindows()  # each window saves its draft and layout as it closes
        QApplication.quit()

