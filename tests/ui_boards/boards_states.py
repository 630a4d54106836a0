"""Hand-built states for the board tests: exact control over every field the boards show."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from incident_log.domain.entry import Incident
from incident_log.domain.state import (
    IncidentState,
    Person,
    Roster,
    Statistics,
)

T0 = datetime(2026, 3, 14, 20, 5, tzinfo=UTC)  # 21:05 in Madrid


def at(minutes: float) -> datetime:
    """A moment ``minutes`` after the incident opened."""
    return T0 + timedelta(minutes=minutes)


PEOPLE = (
    Person(key="s1", role="subject", name="Tomás Ibarra Ruiz", label="Subject A", aliases=("Tomi",),
           phones=("+34 611 204 889",), seq=2),
    Person(key="n1", role="negotiator", name="Inspector Carmen Vidal", label="Negotiator 1", aliases=("Vidal",), seq=3),
    Person(key="n2", role="negotiator", name="Subinspector Andrés Molina", label="Negotiator 2", seq=4),
    Person(key="t1", role="negotiator", name="Comisario Javier Otero", label="Negotiator 3", seq=5),
)


def make_state(**overrides: Any) -> IncidentState:
    """A small, complete state; override any field (people, demands, roster ...)."""
    incident = Incident(id="00000000-0000-0000-0000-000000000001", ref="NEG-2026-0031", title="Test",
                        type="crisis", location="", opened_at=T0, exercise=False)
    as_of = overrides.pop("as_of", at(60))
    roster = overrides.pop("roster", Roster(current={}, spells=(), phone_seconds={}, on_phone=None,
                                            on_phone_since=None, as_of=as_of))
    stats = overrides.pop("statistics", Statistics(
        entry_count=10, counts_by_kind={}, started_at=T0, ended_at=None, duration_seconds=3600.0,
        first_contact_at=None, time_to_first_contact_seconds=None, last_contact_at=None, rotations=0,
        demands_met=0, demands_partly_met=0, demands_refused=0, demands_open=0, late_entries=0))
    base = IncidentState(
        incident=incident, as_of=as_of, people=PEOPLE, roster=roster, demands=(), offers=(), hooks=(),
        triggers=(), risks=(), intelligence=(), decisions=(), contacts=(), flags=(), amendments={},
        reviewed_upto=0, reviewed_at=None, authors=("Loggist 1",), statistics=stats, head_hash="",
        sealed=False)
    return replace(base, **overrides)

