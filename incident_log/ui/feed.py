"""One incident's live picture, shared by every window open on it.

The incident window (the loggist) and the team leader's window both show the same incident;
each used to fold the log on its own or borrow the other's state. ``IncidentFeed`` folds once,
in the background, at most four times a second, and hands every window the same
``FeedState``: the projections, the acknowledged alarms and when the subject last spoke.

Some entries cannot wait for the next fold: a seal (every window must close its composer at
once) or a new person (the next entry names them). Those fold immediately.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal
from shiboken6 import isValid

from incident_log import errors
from incident_log.domain.alarms import ALARM_KIND, acknowledged_ids
from incident_log.domain.state import IncidentState

REFRESH_MS = 250  # at most four folds a second
URGENT_KINDS = frozenset({"seal", "reopen", "person", ALARM_KIND})


@dataclass(frozen=True, slots=True)
class FeedState:
    state: IncidentState
    acknowledged: frozenset[str]  # alarm ids acknowledged in the log
    last_statement_at: datetime | None  # the subject's words count as contact
    sealed_by: str = ""  # the author of the seal, while sealed
    reviewed_by: str = ""  # the author of the latest "reviewed up to"


def read_feed_state(logbook: Any, ref: str) -> FeedState:
    """Runs on the background thread: plain reads through the facade, frozen values out."""
    from incident_log.logbook import TimelineFilter  # the facade; imported late for start-up cost

    state = logbook.state(ref)
    ack_seqs = logbook.seqs(ref, TimelineFilter(kinds=frozenset({ALARM_KIND})))
    acknowledged = acknowledged_ids(logbook.entries(ref, ack_seqs)) if ack_seqs else frozenset()
    statements = logbook.seqs(ref, TimelineFilter(kinds=frozenset({"statement"})))
    last_statement = None
    if statements:
        found = logbook.entries(ref, statements[-1:])
        last_statement = found[0].occurred_at if found else None
    return FeedState(state, acknowledged, last_statement, _author_of_last(logbook, ref, "seal") if state.sealed else "",
                     _author_of_last(logbook, ref, "review") if state.reviewed_upto else "")


def _author_of_last(logbook: Any, ref: str, kind: str) -> str:
    from incident_log.logbook import TimelineFilter

    seqs = logbook.seqs(ref, TimelineFilter(kinds=frozenset({kind})))
    found = logbook.entries(ref, seqs[-1:]) if seqs else []
    return str(found[0].author) if found else ""


class IncidentFeed(QObject):
    """Folds one incident's log for every window on it; ``changed`` carries a ``FeedState``."""

    changed = Signal(object)  # FeedState
    arrived = Signal(str, list, list)  # (ref, seqs, the entries themselves: read once for every window)
    failed = Signal(str)  # a sentence: the fold could not be read
    settled = Signal(list)  # cell mode: seqs whose rows now show the shared chain's entry (same number)
    renumbered = Signal()  # cell mode: waiting entries moved down; the timeline re-reads itself

    def __init__(self, ctx: Any, ref: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ref = ref
        self.current: FeedState | None = None
        self.users = 0
        self._holding = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        ctx.live.entriesAdded.connect(self._entries_added)
        ctx.live.entriesSettled.connect(self._entries_settled)
        ctx.live.renumbered.connect(self._renumbered)

    @property
    def state(self) -> IncidentState | None:
        return self.current.state if self.current is not None else None

    def _entries_added(self, ref: str, seqs: list[int]) -> None:
        if ref != self.ref:
            return
        try:
            entries = list(self.ctx.logbook.entries(self.ref, sorted(seqs)))
        except errors.IncidentLogError:
            entries = []
        self.arrived.emit(ref, seqs, entries)
        urgent = not entries or any(e.kind in URGENT_KINDS for e in entries)
        if urgent:
            self._timer.stop()
            self.refresh()
        elif not self._timer.isActive():
            self._timer.start()

    def _entries_settled(self, ref: str, seqs: list[int]) -> None:
        if ref == self.ref:
            self.settled.emit(seqs)

    def _renumbered(self, ref: str) -> None:
        if ref == self.ref:
            self.renumbered.emit()

    def refresh(self) -> None:
        logbook, ref = self.ctx.logbook, self.ref
        if self.current is None and not self._holding:
            self._holding = True  # the first fold loads the whole log: the live poll waits for it
            self.ctx.live.hold()
        self.ctx.background.submit(f"feed:{ref}", lambda: read_feed_state(logbook, ref), self._apply, self._failed)

    def _let_go(self) -> None:
        if self._holding:
            self._holding = False
            self.ctx.live.release()

    def _apply(self, value: FeedState) -> None:
        if not isValid(self):
            return  # every window on the incident closed while the fold ran
        self._let_go()
        self.current = value
        self.changed.emit(value)

    def _failed(self, error: BaseException) -> None:
        if not isValid(self):
            return
        self._let_go()
        if isinstance(error, errors.IncidentLogError):
            self.failed.emit(error.message)
        else:
            raise error

    def stop(self) -> None:
        self._let_go()
        self._timer.stop()
        for signal, slot in ((self.ctx.live.entriesAdded, self._entries_added),
                             (self.ctx.live.entriesSettled, self._entries_settled),
                             (self.ctx.live.renumbered, self._renumbered)):
            try:
                signal.disconnect(slot)
            except (RuntimeError, TypeError):
                pass
