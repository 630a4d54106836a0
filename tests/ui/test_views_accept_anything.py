"""Whatever the vault accepts, every view can show: timeline, boards, the entry in full, the alarms.

Hypothesis generates entries of every kind the composer offers, with any text the validation lets
through (long, multi-line, any script, markup characters); the ones the vault accepts are recorded
and then every view is asked for everything it would show. Nothing may raise, and the detail pane
must show the text whole.
"""

from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTextBrowser

from incident_log import errors
from incident_log.domain.alarms import AlarmPolicy, alarms
from incident_log.domain.entry import NewEntry, utc_now
from incident_log.domain.kinds import CHANNELS, CONTACT_EVENTS, RISK_CATEGORIES, RISK_STATUSES, ROTATION_ROLES
from incident_log.ui.timeline_model import COLUMNS, PaintRole

ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
         Qt.ItemDataRole.FontRole, Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.AccessibleTextRole, PaintRole)

text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Co", "Cn")), max_size=3000)
short = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Co", "Cn", "Cc")), min_size=1,
                max_size=120)


@st.composite
def drafts(draw):
    kind = draw(st.sampled_from(["note", "statement", "demand", "offer", "rotation", "contact", "hook", "trigger",
                                 "risk", "decision", "intel"]))
    fields = {
        "statement": {"speaker": "s1", "channel": draw(st.sampled_from(CHANNELS))},
        "demand": {"by": "s1", **({"deadline": utc_now() + timedelta(minutes=draw(st.integers(1, 600)))}
                                  if draw(st.booleans()) else {})},
        "offer": {"by": "n1", "to": "s1", "conditions": draw(short)},
        "rotation": {"role": draw(st.sampled_from(ROTATION_ROLES)), "person": draw(st.sampled_from(["n1", "s1"]))},
        "contact": {"channel": draw(st.sampled_from(CHANNELS)), "event": draw(st.sampled_from(CONTACT_EVENTS))},
        "hook": {"about": "s1", "source": draw(short)},
        "trigger": {"about": "s1"},
        "risk": {"category": draw(st.sampled_from(RISK_CATEGORIES)), "status": draw(st.sampled_from(RISK_STATUSES))},
        "decision": {"decided_by": "n1", "rationale": draw(short)},
        "intel": {"source": draw(short), "grading": "B2"},
        "note": {},
    }[kind]
    return NewEntry(kind, draw(text), fields, author=draw(short))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(name=short, entries=st.lists(drafts(), min_size=1, max_size=8))
def test_every_view_shows_whatever_the_vault_accepts(ctx, logbook, qtbot, name, entries):
    ref = logbook.create_incident("Anything").ref
    logbook.record(ref, NewEntry("person", "", {"key": "s1", "role": "subject", "name": name}, author="L1"))
    logbook.record(ref, NewEntry("person", "", {"key": "n1", "role": "negotiator", "name": name + " 2"},
                                 author="L1"))
    recorded = []
    for draft in entries:
        try:
            recorded.append(logbook.record(ref, draft))
        except errors.ValidationError:
            continue  # refused with a sentence: not the views' concern
    window = ctx.open_incident(ref)
    qtbot.waitUntil(lambda: window.controller.state is not None
                    and window.controller.state.statistics.entry_count == logbook.head(ref)[0])
    model = window.model
    for row in range(model.rowCount()):
        for column in range(len(COLUMNS)):
            for role in ROLES:
                model.index(row, column).data(role)
    window.timeline.table.viewport().repaint()
    for board in window.boards:
        board.refresh_clock(utc_now() + timedelta(hours=3))
        board.repaint()
    for entry in recorded:
        assert window.detail.show_seq(entry.seq)
        shown = window.detail.findChild(QTextBrowser, "entryDetailText").toPlainText()
        if entry.text.strip():
            assert " ".join(entry.text.split())[:200] in " ".join(shown.split())
    state = window.controller.state
    alarms(state, utc_now() + timedelta(hours=12), AlarmPolicy((10, 2), 30))
    window.close()
    QApplication.processEvents()
