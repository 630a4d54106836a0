"""Behaviour of the incident window: what each action and board signal does.

Every write goes through the Logbook (one short durable transaction); every refusal reaches
the user as its catalogue message. The boards' state is folded in the background, at most
four times a second, so a burst of entries never stalls typing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

from incident_log import errors
from incident_log.domain.entry import NewEntry
from incident_log.domain.state import IncidentState
from incident_log.ui.prompts import ask_text, confirm, show_error

if TYPE_CHECKING:
    from incident_log.ui.incident_window import IncidentWindow

BOARD_REFRESH_MS = 250  # at most four folds a second


class IncidentController(QObject):
    def __init__(self, window: IncidentWindow) -> None:
        super().__init__(window)
        self.w = window
        self.ctx = window.ctx
        self.logbook = window.logbook
        self.ref = window.ref
        self.state: IncidentState | None = None
        self.follow_windows: list[Any] = []
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(BOARD_REFRESH_MS)
        self._refresh.timeout.connect(self._fold)

    def start(self) -> None:
        self.ctx.live.entriesAdded.connect(self.on_entries_added)
        w = self.w
        for board in w.boards:
            for name, slot in (
                ("statusUpdateRequested", self.record_status_update),
                ("personAddRequested", self.record_person),
                ("entryActivated", self.show_entry),
            ):
                signal = getattr(board, name, None)
                if signal is not None:
                    signal.connect(slot)
        w.timeline.entryChosen.connect(self.show_entry)
        self._fold()

    def stop(self) -> None:
        self._refresh.stop()
        try:
            self.ctx.live.entriesAdded.disconnect(self.on_entries_added)
        except (RuntimeError, TypeError):
            pass
        for window in self.follow_windows:
            window.close()

    # --- live ----------------------------------------------------------------------------------
    def on_entries_added(self, ref: str, seqs: list[int]) -> None:
        if ref != self.ref:
            return
        self.w.model.add_live(seqs)
        if not self._refresh.isActive():
            self._refresh.start()

    def _fold(self) -> None:
        ref, logbook = self.ref, self.logbook
        self.ctx.background.submit(f"state:{ref}", lambda: logbook.state(ref), self.apply_state, self._fold_failed)

    def _fold_failed(self, error: BaseException) -> None:
        if isinstance(error, errors.IncidentLogError):
            self.w.statusBar().showMessage(error.message, 10_000)
        else:
            raise error

    def apply_state(self, state: IncidentState) -> None:
        self.state = state
        for board in self.w.boards:
            board.set_state(state)
        self.w.composer.set_people(state.people)
        self.w.timeline.set_people(state.people)
        self.w.model.set_people({p.key: p.label for p in state.people})
        self.w.show_state(state)
        for window in self.follow_windows:
            window.apply_state(state)

    # --- composer ----------------------------------------------------------------------------
    def record(self) -> None:
        self.w.composer.submit()

    def choose_kind(self, kind: str) -> None:
        self.w.composer.set_kind(kind)

    def amend_selected(self) -> None:
        entry = self.w.timeline.selected_entry()
        if entry is None:
            self.w.composer.show_error("", "select the entry to amend in the timeline first (Shift+F6 goes there)")
            return
        self.w.composer.start_amend(entry)

    def cancel_amend(self) -> None:
        self.w.composer.cancel_amend()

    def discard_draft(self) -> None:
        if self.w.composer.is_empty() and self.w.composer.amending is None:
            return
        if confirm(self.w, "Discard the draft", "Throw away everything typed in the composer?", "Discard"):
            self.w.composer.clear()

    def focus_time(self) -> None:
        self.w.composer.time_edit.setFocus()
        self.w.composer.time_edit.selectAll()

    def focus_composer(self) -> None:
        self.w.composer.focus_first_empty()

    def open_report(self) -> None:
        try:
            from incident_log.ui.report_dialog import open_report_dialog
        except ImportError:
            show_error(self.w, "The debrief report is not part of this build.")
            return
        open_report_dialog(self.w, self.logbook, self.ref, self.ctx.callsign())

    # --- timeline ------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.w.timeline.search.setFocus()
        self.w.timeline.search.selectAll()

    def focus_jump(self) -> None:
        self.w.timeline.jump.setFocus()
        self.w.timeline.jump.selectAll()

    def follow_newest(self) -> None:
        self.w.timeline.set_following(True)

    def focus_timeline(self) -> None:
        table = self.w.timeline.table
        table.setFocus()
        if not table.currentIndex().isValid() and self.w.model.rowCount():
            table.setCurrentIndex(self.w.model.index(self.w.model.rowCount() - 1, 5))

    def show_entry(self, seq: int) -> None:
        self.w.timeline.select_seq(seq)

    # --- board requests ------------------------------------------------------------------------
    def _record(self, draft: NewEntry) -> bool:
        try:
            self.logbook.record(self.ref, draft)
        except errors.IncidentLogError as exc:
            show_error(self.w, exc)
            return False
        return True

    def record_status_update(self, seq: int, status: str) -> None:
        self._record(NewEntry(kind="update", refs=seq, fields={"status": status}, author=self.ctx.callsign()))

    def record_person(self, fields: dict) -> None:
        clean = {k: v for k, v in fields.items() if v not in (None, "", [], ())}
        self._record(NewEntry(kind="person", fields=clean, author=self.ctx.callsign()))

    # --- team leader ---------------------------------------------------------------------------------
    def flag_selected(self) -> None:
        entry = self.w.timeline.selected_entry()
        if entry is None:
            show_error(self.w, "Select the entry to flag in the timeline first.")
            return
        reason = ask_text(self.w, "Flag for debrief", f"Why should entry #{entry.seq} be discussed at the debrief?",
                          name="flagReason")
        if reason:
            try:
                self.logbook.flag(self.ref, entry.seq, reason=reason, author=self.ctx.callsign())
            except errors.IncidentLogError as exc:
                show_error(self.w, exc)

    def mark_reviewed(self) -> None:
        entry = self.w.timeline.selected_entry()
        upto = entry.seq if entry is not None else self.logbook.head(self.ref)[0]
        if upto <= 0:
            return
        try:
            self.logbook.mark_reviewed(self.ref, upto, author=self.ctx.callsign())
        except errors.IncidentLogError as exc:
            show_error(self.w, exc)

    def open_follow_window(self) -> None:
        from incident_log.ui.follow_window import FollowWindow

        window = FollowWindow(self.ctx, self.ref)
        self.ctx.adopt(window)
        self.follow_windows.append(window)
        window.destroyed.connect(lambda *_: self._drop_follow(window))
        if self.state is not None:
            window.apply_state(self.state)
        window.show()

    def _drop_follow(self, window: Any) -> None:
        self.follow_windows = [w for w in self.follow_windows if w is not window]

    def seal_incident(self) -> None:
        if not confirm(
            self.w, "Close and seal",
            f"Close and seal {self.ref}? Nothing more can be recorded until it is reopened with a reason. "
            "The seal records the entry count and head hash in the log.",
            "Seal the incident",
        ):
            return
        try:
            self.logbook.seal(self.ref, author=self.ctx.callsign())
        except errors.IncidentLogError as exc:
            show_error(self.w, exc)

    def reopen_incident(self) -> None:
        reason = ask_text(self.w, "Reopen", f"Why is {self.ref} reopened? (recorded in the log)", name="reopenReason")
        if reason:
            try:
                self.logbook.reopen(self.ref, reason, author=self.ctx.callsign())
            except errors.IncidentLogError as exc:
                show_error(self.w, exc)

    # --- everywhere ----------------------------------------------------------------------------------
    def lock(self) -> None:
        self.ctx.lock.lock()

    def open_settings(self) -> None:
        from incident_log.ui.dialogs import SettingsDialog

        SettingsDialog(self.ctx, self.w).exec()

    def show_keyboard_map(self) -> None:
        from incident_log.ui.dialogs import KeyboardMapDialog

        KeyboardMapDialog(self.w).exec()

    def close_window(self) -> None:
        self.w.close()

    def quit(self) -> None:
        QApplication.closeAllWindows()  # each window saves its draft and layout as it closes
        QApplication.quit()
