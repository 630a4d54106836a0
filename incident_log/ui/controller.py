"""Behaviour of the loggist's incident window: what each action and board request does.

Every write goes through the Logbook (one short durable transaction); every refusal reaches
the user as its catalogue message. What both incident windows share lives in
``ui.viewer.ViewController``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt

from incident_log import errors
from incident_log.domain.entry import NewEntry
from incident_log.domain.state import Demand, IncidentState, Offer
from incident_log.ui import timefmt, vocab
from incident_log.ui.composer import SEALED_NOTICE
from incident_log.ui.feed import FeedState
from incident_log.ui.i18n import QT_TRANSLATE_NOOP, fill, translate
from incident_log.ui.prompts import ask_text, confirm, show_error
from incident_log.ui.undo import Undoable
from incident_log.ui.viewer import ViewController

if TYPE_CHECKING:
    from incident_log.ui.incident_window import IncidentWindow

SEAL_QUESTION = (QT_TRANSLATE_NOOP("controller", "Close and seal {ref}? Nothing more can be recorded until it is reopened with a reason. "
                 "The seal records the entry count and head hash in the log."))
REOPEN_WHY = QT_TRANSLATE_NOOP("controller", "Why is {ref} reopened? (recorded in the log)")
UNDO_REASON = QT_TRANSLATE_NOOP("controller", "Undone within seconds: the board key was pressed by mistake (previous status {previous})")
RECORDED_STATUS = QT_TRANSLATE_NOOP("controller", "Recorded #{seq}: {kind} #{target} → {status}")


class IncidentController(ViewController):
    w: IncidentWindow

    def __init__(self, window: IncidentWindow) -> None:
        super().__init__(window)
        self.leader_windows: list[Any] = []

    def start(self) -> None:
        for board in self.w.boards:
            for name, slot in (
                ("statusUpdateRequested", self.record_status_update),
                ("personAddRequested", self.record_person),
            ):
                signal = getattr(board, name, None)
                if signal is not None:
                    signal.connect(slot)
        super().start()

    def stop(self) -> None:
        for window in list(self.leader_windows):
            window.close()
        super().stop()

    # --- live ----------------------------------------------------------------------------------
    def apply_feed(self, feed: FeedState) -> None:
        super().apply_feed(feed)
        state = feed.state
        message = ""
        if state.sealed:
            sealed_at = state.extra.get("sealed_at")
            message = translate("composer", SEALED_NOTICE).format(ref=self.ref, time=timefmt.clock(sealed_at, seconds=False),  # type: ignore[arg-type]
                                           author=feed.sealed_by or "?")
        self.w.composer.set_sealed(state.sealed, message)

    def apply_state(self, state: IncidentState) -> None:
        super().apply_state(state)
        self.w.composer.set_state(state)

    # --- composer ----------------------------------------------------------------------------
    def record(self) -> None:
        self.w.composer.submit()

    def choose_kind(self, kind: str) -> None:
        self.w.composer.set_kind(kind)

    def amend_selected(self) -> None:
        entry = self.w.timeline.selected_entry()
        if entry is None:
            self.w.composer.show_error("", translate("controller", "select the entry to amend in the timeline first (Shift+F6 goes there)"))
            return
        self.w.composer.start_amend(entry)

    def back(self) -> None:
        """Esc cancels an amendment first; otherwise it goes back towards the composer."""
        if self.w.composer.amending is not None:
            self.w.composer.cancel_amend()
            return
        super().back()

    def discard_draft(self) -> None:
        if self.w.composer.is_empty() and self.w.composer.amending is None:
            return
        if confirm(self.w, translate("controller", "Discard the draft"), translate("controller", "Throw away everything typed in the composer?"), translate("controller", "Discard")):
            self.w.composer.clear()

    def focus_time(self) -> None:
        self.w.composer.time_edit.setFocus()
        self.w.composer.time_edit.selectAll()

    def focus_composer(self) -> None:
        self.w.composer.focus_first_empty()

    def focus_default(self) -> None:
        self.focus_composer()

    def typed_in_timeline(self, text: str) -> None:
        """A letter typed while reading the timeline is the start of an entry: it goes to the composer."""
        composer = self.w.composer
        if composer.sealed:
            self.w.say(translate("controller", "Nothing typed is recorded while the incident is sealed."))
            return
        composer.text_edit.setFocus(Qt.FocusReason.OtherFocusReason)
        cursor = composer.text_edit.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        composer.text_edit.setTextCursor(cursor)
        composer.text_edit.insertPlainText(text)

    def open_report(self) -> None:
        from incident_log.ui.report_dialog import open_report_dialog

        open_report_dialog(self.w, self.logbook, self.ref, self.ctx.callsign())

    # --- board requests ------------------------------------------------------------------------
    def record_status_update(self, seq: int, status: str) -> None:
        """One key on a board: recorded at once, with a few seconds to undo it (an amendment)."""
        previous = self._status_of(seq)
        entry = self._record(NewEntry(kind="update", refs=seq, fields={"status": status}, author=self.author()))
        if entry is None:
            return
        kind = "demand" if any(d.seq == seq for d in (self.state.demands if self.state else ())) else "offer"
        what = translate("controller", RECORDED_STATUS).format(seq=entry.seq, kind=vocab.kind_title(kind).lower(), target=seq,
                                                             status=vocab.choice(status))
        if previous is None:
            self.w.say(what)
            return

        def undo() -> str:
            self.logbook.amend(self.ref, entry.seq, "", reason=translate("controller", UNDO_REASON).format(previous=vocab.choice(previous)),
                               author=self.author(), corrected={"status": previous})
            return fill(translate("controller", "%1 (back to %2)"), what, vocab.choice(previous))

        self.w.undo_bar.offer(Undoable(what, undo))

    def _status_of(self, seq: int) -> str | None:
        if self.state is None:
            return None
        items: list[Demand | Offer] = [*self.state.demands, *self.state.offers]
        for item in items:
            if item.seq == seq:
                return item.status
        return None

    def record_person(self, fields: dict) -> None:
        clean = {k: v for k, v in fields.items() if v not in (None, "", [], ())}
        self._record(NewEntry(kind="person", fields=clean, author=self.author()))

    # --- team leader ---------------------------------------------------------------------------------
    def open_leader_window(self) -> None:
        window = self.ctx.open_leader(self.ref, self.w)
        if window is not None and window not in self.leader_windows:
            self.leader_windows.append(window)
            window.destroyed.connect(lambda *_: self._drop_leader(window))

    def _drop_leader(self, window: Any) -> None:
        self.leader_windows = [w for w in self.leader_windows if w is not window]

    def seal_incident(self) -> None:
        if not confirm(
            self.w, translate("controller", "Close and seal"),
            translate("controller", SEAL_QUESTION).format(ref=self.ref),
            translate("controller", "Seal the incident"),
        ):
            return
        try:
            self.logbook.seal(self.ref, author=self.author())
        except errors.IncidentLogError as exc:
            show_error(self.w, exc)

    def reopen_incident(self) -> None:
        reason = ask_text(self.w, translate("controller", "Reopen"), translate("controller", REOPEN_WHY).format(ref=self.ref),
                          name="reopenReason")
        if reason:
            try:
                self.logbook.reopen(self.ref, reason, author=self.author())
            except errors.IncidentLogError as exc:
                show_error(self.w, exc)
