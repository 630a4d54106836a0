"""The entry detail pane: one entry in full, readable without a mouse.

A timeline row shows one line of an entry; a long statement was cut off with the rest only in
a tooltip. Enter on a row (or on a board item) opens this pane: the whole text, wrapped, every
field, when it happened and when it was recorded (and why late), its amendments, the status
updates it received and who flagged it for the debrief and why. The text can be scrolled and
selected with the keyboard; Esc goes back to the timeline.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from incident_log import errors
from incident_log.domain.entry import Entry, parse_iso
from incident_log.domain.kinds import KINDS, PERSON_FIELDS, FieldType
from incident_log.domain.late import is_late, minutes_late
from incident_log.domain.state import Demand, IncidentState, Offer
from incident_log.ui import timefmt, vocab
from incident_log.ui.i18n import QT_TRANSLATE_NOOP, fill, translate

if TYPE_CHECKING:
    from incident_log.facade import DeskBook

NOTHING = QT_TRANSLATE_NOOP("detail", "Select an entry in the timeline and press Enter to read it here in full.")


def _person(state: IncidentState | None, key: object) -> str:
    person = state.person(str(key)) if state is not None and key else None
    if person is None:
        return str(key or "")
    label = vocab.person_label(person.label)
    return f"{label} ({person.name})" if person.name and person.name != person.label else label


def _value(state: IncidentState | None, kind: str, name: str, value: Any) -> str:
    spec = KINDS[kind].field(name) if kind in KINDS else None
    if name in PERSON_FIELDS:
        return _person(state, value)
    if spec is not None and spec.type is FieldType.DATETIME and isinstance(value, str):
        try:
            return timefmt.full(parse_iso(value))
        except ValueError:
            return value
    if spec is not None and spec.type is FieldType.CHOICE and isinstance(value, str):
        return vocab.choice(value)
    if isinstance(value, tuple | list):
        return ", ".join(str(v) for v in value)
    if hasattr(value, "items"):
        return "; ".join(f"{k}: {_value(state, kind, str(k), v)}" for k, v in value.items())
    return str(value)


def _para(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def entry_html(entry: Entry, state: IncidentState | None, related: Sequence[Entry], late_margin: Any) -> str:
    """The pane's content: everything about ``entry``; ``related`` are its amendments, flags, updates."""
    kind = vocab.kind_title(entry.kind)
    out = [f"<h3>#{entry.seq} · {html.escape(kind)}</h3>"]
    times = [fill(translate("detail", "<b>Occurred</b> %1"), html.escape(timefmt.full(entry.occurred_at))),
             fill(translate("detail", "<b>Recorded</b> %1"), html.escape(timefmt.full(entry.recorded_at)))]
    if is_late(entry, late_margin):
        late = fill(translate("detail", "<b>LATE</b> by %1 min"), minutes_late(entry))
        if entry.delay_reason:
            late += translate("detail", " because ") + _para(entry.delay_reason)
        times.append(late)
    times.append(translate("detail", "<b>By</b> ") + html.escape(entry.author))
    if entry.origin != "live":
        times.append(translate("detail", "<b>Origin</b> ") + html.escape(vocab.origin(entry.origin)))
    out.append("<p>" + "<br>".join(times) + "</p>")
    if entry.refs is not None:
        out.append(fill(translate("detail", "<p><b>Refers to</b> #%1</p>"), entry.refs))
    if entry.text:
        out.append(f"<p style='white-space: pre-wrap'>{_para(entry.text)}</p>")
    fields = [(n, v) for n, v in entry.fields.items() if v not in ("", None, (), [])]
    if fields:
        rows = []
        for name, value in fields:
            spec = KINDS[entry.kind].field(name) if entry.kind in KINDS else None
            title = vocab.field_title(spec) if spec is not None else name
            rows.append(f"<tr><td><b>{html.escape(title)}</b>&nbsp;</td><td>"
                        f"{_para(_value(state, entry.kind, name, value))}</td></tr>")
        out.append("<table>" + "".join(rows) + "</table>")
    amendments = [e for e in related if e.kind == "amendment" and e.refs == entry.seq]
    if amendments:
        out.append(translate("detail", "<h4>Amendments (the original above stays in the log)</h4>"))
        for fix in amendments:
            reason = fix.fields.get("reason", "")
            body = [fill(translate("detail", "<b>#%1</b> %2 by %3: %4"), fix.seq, html.escape(timefmt.full(fix.recorded_at)),
                         html.escape(fix.author), _para(str(reason)))]
            if fix.text:
                body.append(translate("detail", "Text now: ") + _para(fix.text))
            corrected = fix.fields.get("corrected")
            if corrected:
                body.append(translate("detail", "Fields now: ") + _para(_value(state, entry.kind, "corrected", corrected)))
            out.append("<p>" + "<br>".join(body) + "</p>")
    updates = [e for e in related if e.kind == "update" and e.refs == entry.seq]
    if updates:
        out.append(translate("detail", "<h4>Status updates</h4>") + "<p>" + "<br>".join(
            f"<b>#{u.seq}</b> {html.escape(timefmt.clock(u.occurred_at))} → "
            f"{html.escape(vocab.choice(str(u.fields.get('status', ''))))}"
            + (f": {_para(u.text)}" if u.text else "") for u in updates) + "</p>")
    flags = [e for e in related if e.kind == "flag" and e.refs == entry.seq]
    if flags:
        out.append(translate("detail", "<h4>Flagged for the debrief</h4>") + "<p>" + "<br>".join(
            fill(translate("detail", "<b>%1</b> at %2: %3"), html.escape(f.author), html.escape(timefmt.clock(f.recorded_at)),
                 _para(str(f.fields.get("reason", "")))) for f in flags) + "</p>")
    out.append(fill(translate("detail", "<p><small>Hash %1…</small></p>"), html.escape(entry.hash[:16])))
    return "".join(out)


class EntryDetailPane(QWidget):
    """A read-only, keyboard-scrollable view of one entry (object name ``entryDetail``)."""

    OBJECT_NAME = "entryDetail"
    TITLE = QT_TRANSLATE_NOOP("boards", "Entry detail")

    def __init__(self, logbook: DeskBook, ref: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(self.OBJECT_NAME)
        self.setAccessibleName(translate("boards", self.TITLE))
        self._logbook = logbook
        self._ref = ref
        self._state: IncidentState | None = None
        self.seq = 0
        self.view = QTextBrowser(self)
        self.view.setObjectName("entryDetailText")
        self.view.setAccessibleName(translate("detail", "Entry in full"))
        self.view.setAccessibleDescription(translate("detail", "The whole entry: text, fields, times, amendments and flags. "
                                           "Arrow keys scroll; Esc returns to the timeline."))
        self.view.setOpenLinks(False)
        self.view.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.view.setPlainText(translate("detail", NOTHING))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self.view)
        self.setFocusProxy(self.view)

    def set_state(self, state: IncidentState) -> None:
        self._state = state
        if self.seq and self.isVisible():
            self.show_seq(self.seq)

    def show_seq(self, seq: int) -> bool:
        try:
            entry = self._logbook.entry(self._ref, seq)
        except errors.IncidentLogError:
            return False
        self.seq = seq
        related_seqs: list[int] = []
        state = self._state
        if state is not None:
            related_seqs += list(state.amendments.get(seq, ()))
            related_seqs += [f.seq for f in state.flags if f.target == seq]
            items: list[Demand | Offer] = [*state.demands, *state.offers]
            for item in items:
                if item.seq == seq:
                    related_seqs += [change.seq for change in item.history]
        related = self._logbook.entries(self._ref, sorted(set(related_seqs))) if related_seqs else []
        self.view.setHtml(entry_html(entry, state, related, self._logbook.late_margin))
        self.setAccessibleDescription(fill(translate("detail", "Entry %1 in full"), seq))
        return True

    # Boards' contract (the dock manager treats the pane like a board).
    def refresh_clock(self, _now: object) -> None:
        """Nothing here moves with time."""

    def set_time_zone(self, _tz: object) -> None:
        if self.seq:
            self.show_seq(self.seq)
