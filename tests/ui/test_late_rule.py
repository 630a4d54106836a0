"""One "late" rule: validation, the fold, the timeline, the composer and the report agree.

Version 0.1 decided "late" in four places; two used the vault's margin and two the 10-minute
default, so an entry could be refused for lacking a reason and then shown as on time. These
tests set a margin other than the default and check every place against the same entries.
"""

from __future__ import annotations

from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from incident_log import errors
from incident_log.domain.entry import NewEntry, utc_now
from incident_log.domain.late import DEFAULT_LATE_MARGIN, is_late, margin_from_minutes
from incident_log.report.content import build_content
from incident_log.report.options import ReportOptions, VerifySummary
from incident_log.ui.timeline_model import LateRole, TimelineModel


def report_rows(logbook, ref):
    entries = list(logbook.all_entries(ref))
    state = logbook.state(ref)
    count, head = logbook.head(ref)
    content = build_content(
        state, entries, redactor=None, verification=VerifySummary(True, count, head),
        options=ReportOptions(unredacted_reason="test"), generated_at=utc_now(), program_version="test",
    )
    return {row.seq: bool(row.recorded_late) for row in content.timeline}


def test_a_vault_margin_of_30_minutes_is_used_everywhere(qapp, logbook, ctx):
    logbook.set_pref("late_margin_minutes", "30")
    ref = logbook.create_incident("Margin").ref
    now = utc_now()
    # 20 minutes: late by the default, on time by this vault's rule. No reason is asked for.
    on_time = logbook.record(ref, NewEntry("note", "twenty minutes ago", occurred_at=now - timedelta(minutes=20),
                                           author="L1"))
    # 40 minutes: late by both; without a reason it is refused.
    try:
        logbook.record(ref, NewEntry("note", "forty minutes ago", occurred_at=now - timedelta(minutes=40), author="L1"))
    except errors.ValidationError as exc:
        assert exc.field == "delay_reason"
        assert "30 minutes" in exc.reason
    else:
        raise AssertionError("a 40-minute-old entry was accepted without a reason")
    late = logbook.record(ref, NewEntry("note", "forty minutes ago", occurred_at=now - timedelta(minutes=40),
                                        author="L1", delay_reason="relayed by control"))

    state = logbook.state(ref)
    assert state.late_margin == timedelta(minutes=30)
    assert state.statistics.late_entries == 1
    model = TimelineModel(logbook, ref)
    shown = {model.index(r, 0).data(): model.index(r, 2).data(LateRole) for r in range(model.rowCount())}
    assert shown == {str(on_time.seq): False, str(late.seq): True}
    assert report_rows(logbook, ref) == {on_time.seq: False, late.seq: True}

    # The composer: a time typed 20 minutes back asks for no reason here; 40 minutes does.
    window = ctx.open_incident(ref)
    composer = window.composer
    composer.time_edit.setText("-20m")
    assert composer.late_row.isHidden()
    composer.time_edit.setText("-40m")
    assert not composer.late_row.isHidden()
    assert "LATE" in composer.time_shown.text()


def test_margin_preference_reading():
    assert margin_from_minutes(None) == DEFAULT_LATE_MARGIN
    assert margin_from_minutes("") == DEFAULT_LATE_MARGIN
    assert margin_from_minutes("nonsense") == DEFAULT_LATE_MARGIN
    assert margin_from_minutes("-3") == DEFAULT_LATE_MARGIN
    assert margin_from_minutes("2.5") == timedelta(minutes=2, seconds=30)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(delays=st.lists(st.integers(min_value=0, max_value=90 * 60), min_size=1, max_size=6),
       margin_minutes=st.integers(min_value=1, max_value=60))  # the vault accepts 1 to 60
def test_every_layer_applies_the_same_rule(qapp, logbook, delays, margin_minutes):
    """Whatever the delays and the margin, the fold, the timeline and the report agree with the rule."""
    logbook.set_pref("late_margin_minutes", str(margin_minutes))
    margin = timedelta(minutes=margin_minutes)
    ref = logbook.create_incident("Property").ref
    now = utc_now()
    for delay in delays:
        occurred = now - timedelta(seconds=delay)
        # A reason is always given: validation's side of the rule is the test above; near the margin
        # the record's own clock (a few ms later than ``now``) would otherwise decide.
        logbook.record(ref, NewEntry("note", "x", occurred_at=occurred, author="L1", delay_reason="late"))
    entries = list(logbook.all_entries(ref))
    expected = {e.seq: is_late(e, margin) for e in entries}
    assert logbook.state(ref).statistics.late_entries == sum(expected.values())
    model = TimelineModel(logbook, ref)
    assert {int(model.index(r, 0).data()): model.index(r, 2).data(LateRole) for r in range(model.rowCount())} == expected
    assert report_rows(logbook, ref) == expected
