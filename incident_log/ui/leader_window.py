"""The team leader's window: the same incident, read-only, with the boards and their own callsign.

The team leader follows the log on a second screen while the loggist types. This window shows
the timeline and every board, the alarms, and what is new since they last marked the log
reviewed (rows after "reviewed up to" are tinted blue). It records only what a team leader
does — flags for the debrief, "reviewed up to here", alarm acknowledgements, the situation
summary's assessment — and records them under the team leader's own callsign, so the log shows
who reviewed, not the loggist's name twice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QWidget

from incident_log.ui import timefmt, vocab
from incident_log.ui.actions import LEADER
from incident_log.ui.alarms import announce
from incident_log.ui.feed import FeedState
from incident_log.ui.i18n import QT_TRANSLATE_NOOP, translate
from incident_log.ui.text import plural
from incident_log.ui.viewer import IncidentView, ViewController
from incident_log.ui.widgets import ElidedLabel

if TYPE_CHECKING:
    from incident_log.ui.context import AppContext

WINDOW_KIND = QT_TRANSLATE_NOOP("leader_window", "team leader ({callsign}) — Incident Log")
READ_ONLY_KEYS = (QT_TRANSLATE_NOOP("leader_window", "Status updates and people are recorded by the loggist in the incident window; "
                  "this window records flags, reviews and alarm acknowledgements only."))
READ_ONLY_HINT = QT_TRANSLATE_NOOP("leader_window", "Read-only here: the loggist records status updates · Enter shows the entry in full")
NOT_REVIEWED = QT_TRANSLATE_NOOP("leader_window", "Not reviewed yet · {entries}")
REVIEWED = QT_TRANSLATE_NOOP("leader_window", "Reviewed up to #{upto} at {time} by {who} · {new} new since (tinted blue) · {entries}")
NEW_ENTRY = QT_TRANSLATE_NOOP("leader_window", "New entry {seq}, {kind}, by {author}: {text}")


class TeamLeaderWindow(IncidentView):
    SETTINGS_PREFIX = "leader_window"

    def __init__(self, ctx: AppContext, ref: str, callsign: str, parent: QWidget | None = None) -> None:
        self.callsign = callsign
        super().__init__(ctx, ref, read_only=True, parent=parent)
        self.setObjectName("leaderWindow")
        self.setAccessibleName(translate("leader_window", "Team leader window"))
        self.timeline.table.setObjectName("leaderTimelineView")
        self.banner = ElidedLabel("", self, min_chars=16)
        self.banner.setObjectName("leaderBanner")
        self.banner.setAccessibleName(translate("leader_window", "Review status"))
        self.header_slot.insertWidget(1, self.banner)
        self.setCentralWidget(self.top)
        demands = self.board("demandsBoard")
        if demands is not None:  # no status letters here: say so where the letters were listed
            demands.set_read_only(translate("leader_window", READ_ONLY_HINT))  # type: ignore[attr-defined]
        people = self.board("peopleRegister")
        if people is not None:  # the register is read here; the loggist adds people
            people.add_button.hide()  # type: ignore[attr-defined]
            people.add_action.setEnabled(False)  # type: ignore[attr-defined]
        self.compose(LeaderController(self), LEADER)

    def window_kind(self) -> str:
        return translate("leader_window", WINDOW_KIND).format(callsign=self.callsign)

    def author(self) -> str:
        return self.callsign

    def after_unlock(self) -> None:
        self.controller.focus_timeline()


class LeaderController(ViewController):
    w: TeamLeaderWindow
    last_announcement = ""  # what screen readers were last told (kept for tests and the status bar)

    def start(self) -> None:
        for board in self.w.boards:
            for name in ("statusUpdateRequested", "personAddRequested"):
                signal = getattr(board, name, None)
                if signal is not None:
                    signal.connect(lambda *_args: self.w.say(translate("leader_window", READ_ONLY_KEYS)))
        super().start()

    def apply_feed(self, feed: FeedState) -> None:
        super().apply_feed(feed)
        state = feed.state
        entries = plural(state.statistics.entry_count, translate("leader_window", "{n} entry"),
                         translate("leader_window", "{n} entries"))
        if state.reviewed_upto:
            text = translate("leader_window", REVIEWED).format(upto=state.reviewed_upto, time=timefmt.clock(state.reviewed_at, seconds=False),
                                   who=feed.reviewed_by or "?", new=max(state.statistics.entry_count - state.reviewed_upto, 0),
                                   entries=entries)
        else:
            text = translate("leader_window", NOT_REVIEWED).format(entries=entries)
        if state.sealed:
            text += translate("leader_window", " · SEALED")
        self.w.banner.setText(text)

    def on_entries_added(self, ref: str, seqs: list[int], entries: list[Any]) -> None:
        super().on_entries_added(ref, seqs, entries)
        if ref != self.ref or not entries:
            return
        entry = max(entries, key=lambda e: e.seq)
        kind = vocab.kind_title(entry.kind)
        text = " ".join(entry.text.split())[:120]
        self.last_announcement = translate("leader_window", NEW_ENTRY).format(seq=entry.seq, kind=kind, author=entry.author, text=text)
        announce(self.w.timeline.table, self.last_announcement)

    def typed_in_timeline(self, text: str) -> None:
        self.w.say(translate("leader_window", "This window is read-only: typing here records nothing. Entries are typed in the "
                   "loggist's incident window; here Ctrl+B flags and Ctrl+Alt+R marks reviewed."))
