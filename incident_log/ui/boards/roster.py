"""The roster: who holds each role now, who is on the phone, and for how long.

Negotiator fatigue is a safety risk the team leader manages by the clock, so the current
spell on the phone and each negotiator's total are live (they tick every second), not
snapshots taken when the last entry was recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from incident_log.domain.kinds import ROTATION_ROLES
from incident_log.domain.state import IncidentState, Person, Roster
from incident_log.ui import vocab
from incident_log.ui.boards._common import (
    LEVEL_ROLE,
    Board,
    BoardTable,
    RowsModel,
    bold_font,
    clock_text,
    dim_text,
    full_time_text,
    hms,
    people_index,
    person_text,
    section_label,
    zone_suffix,
)
from incident_log.ui.i18n import QT_TRANSLATE_NOOP, translate
from incident_log.ui.widgets import ElidedLabel

PRIMARY = "primary negotiator"
ON_PHONE = QT_TRANSLATE_NOOP("roster", "On the phone {time} · {who}")
ON_PHONE_SINCE_UNKNOWN = QT_TRANSLATE_NOOP("roster", "On the phone: {who}")


@dataclass(frozen=True, slots=True)
class RoleRow:
    key: int  # index in ROTATION_ROLES: roles have no seq, and their order never changes
    role: str
    holder: str  # "" when nobody holds it
    since: datetime | None
    seq: int  # the rotation entry that gave the role (0: none)


@dataclass(frozen=True, slots=True)
class PhoneRow:
    key: int  # the person's registration seq (stable, unique)
    person_key: str
    who: str
    base_seconds: float  # Roster.phone_seconds at the state's as_of
    live_since: datetime | None  # set for the negotiator on the phone now: the total grows from as_of
    as_of: datetime
    spells: int


class RolesModel(RowsModel[RoleRow]):
    HEADERS = (QT_TRANSLATE_NOOP("headers", "Role"), QT_TRANSLATE_NOOP("headers", "Held by"), QT_TRANSLATE_NOOP("headers", "Since"), QT_TRANSLATE_NOOP("headers", "For"))
    ROLE, HOLDER, SINCE, FOR = range(4)

    def seq_of(self, row: RoleRow) -> int:
        return row.seq

    def header_text(self, section: int) -> str:
        return translate("headers", self.HEADERS[section]) + (zone_suffix(self.tz) if section == self.SINCE else "")

    def cell(self, row: RoleRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.ROLE:
                shown = vocab.choice(row.role)
                return shown[0].upper() + shown[1:]
            if column == self.HOLDER:
                return row.holder or "—"
            if column == self.SINCE:
                return clock_text(row.since, self.tz)
            if column == self.FOR:
                return hms((self.now - row.since).total_seconds()) if row.since else ""
            return None
        if role == LEVEL_ROLE:
            return "" if row.holder else "dim"
        if role == Qt.ItemDataRole.ToolTipRole and column == self.SINCE:
            return full_time_text(row.since, self.tz)
        if role == Qt.ItemDataRole.ForegroundRole and not row.holder:
            return dim_text()
        if role == Qt.ItemDataRole.FontRole and row.role == PRIMARY and row.holder and column != self.ROLE:
            return bold_font()
        return None


class PhoneModel(RowsModel[PhoneRow]):
    HEADERS = (QT_TRANSLATE_NOOP("headers", "Total"), QT_TRANSLATE_NOOP("headers", "Spells"), QT_TRANSLATE_NOOP("headers", "Negotiator"))
    TOTAL, SPELLS, WHO = range(3)

    def seq_of(self, row: PhoneRow) -> int:
        return row.key if row.key < 1_000_000_000 else 0

    def total(self, row: PhoneRow) -> float:
        live = max(0.0, (self.now - row.as_of).total_seconds()) if row.live_since is not None else 0.0
        return row.base_seconds + live

    def cell(self, row: PhoneRow, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.WHO:
                return row.who + (translate("roster", "  ☎ now") if row.live_since is not None else "")
            if column == self.TOTAL:
                return hms(self.total(row))
            if column == self.SPELLS:
                return str(row.spells)
            return None
        if role == Qt.ItemDataRole.FontRole and row.live_since is not None:
            return bold_font()
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.TOTAL, self.SPELLS):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def role_rows(state: IncidentState, people: dict[str, Person]) -> list[RoleRow]:
    roster = state.roster
    rows = []
    for index, role in enumerate(ROTATION_ROLES):
        key = roster.current.get(role)
        spell = next((s for s in reversed(roster.spells) if s.role == role and s.end is None), None)
        rows.append(
            RoleRow(
                key=index,
                role=role,
                holder=person_text(people.get(key), key) if key else "",
                since=spell.start if spell else None,
                seq=spell.seq if spell else 0,
            )
        )
    return rows


def phone_rows(state: IncidentState, people: dict[str, Person]) -> list[PhoneRow]:
    """Everyone who has been primary negotiator, in registration order."""
    roster = state.roster
    spells: dict[str, int] = {}
    for spell in roster.spells:
        if spell.role == PRIMARY:
            spells[spell.person] = spells.get(spell.person, 0) + 1
    keys = set(roster.phone_seconds) | set(spells) | ({roster.on_phone} if roster.on_phone else set())
    order = {person.key: person.seq for person in state.people}
    rows = []
    for position, key in enumerate(sorted(keys, key=lambda k: (order.get(k, 1 << 62), k))):
        live = roster.on_phone_since if key == roster.on_phone and not state.sealed else None
        rows.append(
            PhoneRow(
                key=order.get(key) or 1_000_000_000 + position,
                person_key=key,
                who=person_text(people.get(key), key),
                base_seconds=float(roster.phone_seconds.get(key, 0.0)),
                live_since=live,
                as_of=roster.as_of,
                spells=spells.get(key, 0),
            )
        )
    return rows


def on_phone_text(state: IncidentState, people: dict[str, Person], now: datetime) -> str:
    """``On the phone 00:12:31 · Negotiator 1 (Inspector Carmen Vidal)`` — the line read across a room.

    The time comes first: in a narrow dock the end of the line is cut, and a long name matters
    less than how long they have been talking.
    """
    roster: Roster = state.roster
    if not roster.on_phone:
        return translate("roster", "Nobody on the phone")
    who = person_text(people.get(roster.on_phone), roster.on_phone)
    if roster.on_phone_since is None:
        return translate("roster", ON_PHONE_SINCE_UNKNOWN).format(who=who)
    end = state.statistics.ended_at if state.sealed and state.statistics.ended_at else now
    return translate("roster", ON_PHONE).format(time=hms((end - roster.on_phone_since).total_seconds()), who=who)


class RosterBoard(Board):
    """Roles now, the live phone spell, and phone time per negotiator."""

    OBJECT_NAME = "rosterBoard"
    TITLE = QT_TRANSLATE_NOOP("boards", "Roster")

    entryActivated = Signal(int)  # the rotation entry of a role, the person entry of a negotiator

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._people: dict[str, Person] = {}
        self.on_phone_label = ElidedLabel(translate("roster", "Nobody on the phone"), min_chars=12)
        self.on_phone_label.setObjectName("onPhoneLabel")
        self.on_phone_label.setAccessibleName(translate("roster", "On the phone"))
        font = self.on_phone_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.on_phone_label.setFont(font)
        self.on_phone_label.setContentsMargins(4, 4, 4, 6)
        self.on_phone_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)

        self.roles_model = RolesModel(self)
        self.phone_model = PhoneModel(self)
        self.roles_view = BoardTable(self.roles_model, "rosterRolesTable", translate("boards", "Roles now"))
        self.phone_view = BoardTable(self.phone_model, "phoneTimeTable", translate("boards", "Time on the phone per negotiator"))
        self.roles_view.set_column_widths((19, 38, 5, 8))
        self.phone_view.set_column_widths((9, 6, 40))
        self.roles_view.seqActivated.connect(self.entryActivated)
        self.phone_view.seqActivated.connect(self.entryActivated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.on_phone_label)
        layout.addWidget(section_label(translate("roster", "Roles now"), "rolesHeading", self.roles_view))
        layout.addWidget(self.roles_view, 3)
        layout.addWidget(section_label(translate("roster", "Time on the phone"), "phoneHeading", self.phone_view))
        layout.addWidget(self.phone_view, 2)
        self.setFocusProxy(self.roles_view)

    def _slice(self, state: IncidentState) -> object:
        return (state.roster, state.people, state.sealed)

    def _render(self, state: IncidentState) -> None:
        self._people = people_index(state)
        for model in (self.roles_model, self.phone_model):
            model.tz = self._tz
            model.now = self._now
        self.roles_model.set_rows(role_rows(state, self._people))
        self.phone_model.set_rows(phone_rows(state, self._people))
        self._tick(self._now)

    def _tick(self, now: datetime) -> None:
        if self._state is None:
            return
        self.roles_model.refresh_column(RolesModel.FOR, now)
        self.phone_model.refresh_column(PhoneModel.TOTAL, now)
        text = on_phone_text(self._state, self._people, now)
        if text != self.on_phone_label.text():
            self.on_phone_label.setText(text)
            self.on_phone_label.setAccessibleDescription(text)

    def _zone_changed(self) -> None:
        self.roles_model.set_time_zone(self._tz)
        self.phone_model.set_time_zone(self._tz)
