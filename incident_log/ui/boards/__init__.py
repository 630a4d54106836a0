"""The incident window's boards: each a self-contained widget fed by ``set_state(IncidentState)``.

The shell docks them in the order of ``ALL_BOARDS`` with the titles given there; every board
has a stable ``objectName``, a ``refresh_clock(now)`` and a ``set_time_zone(tz)``.
"""

from __future__ import annotations

from incident_log.ui.boards._common import Board
from incident_log.ui.boards.clock import IncidentClock
from incident_log.ui.boards.demands import DemandsBoard
from incident_log.ui.boards.notes import HooksTriggersRisksBoard
from incident_log.ui.boards.people import PeopleRegister
from incident_log.ui.boards.review import ReviewList
from incident_log.ui.boards.roster import RosterBoard
from incident_log.ui.i18n import QT_TRANSLATE_NOOP

ALL_BOARDS: list[tuple[type[Board], str]] = [
    (DemandsBoard, QT_TRANSLATE_NOOP("boards", "Demands & offers")),
    (RosterBoard, QT_TRANSLATE_NOOP("boards", "Roster")),
    (PeopleRegister, QT_TRANSLATE_NOOP("boards", "People")),
    (HooksTriggersRisksBoard, QT_TRANSLATE_NOOP("boards", "Hooks, triggers & risks")),
    (IncidentClock, QT_TRANSLATE_NOOP("boards", "Incident clock")),
    (ReviewList, QT_TRANSLATE_NOOP("boards", "Review")),
]

__all__ = [
    "ALL_BOARDS",
    "Board",
    "DemandsBoard",
    "HooksTriggersRisksBoard",
    "IncidentClock",
    "PeopleRegister",
    "ReviewList",
    "RosterBoard",
]
