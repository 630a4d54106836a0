"""Hooks, triggers and risks: grave risks first and in red, triggers tinted, cleared risks quiet."""

from __future__ import annotations

from boards_states import at, make_state
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from incident_log.domain.state import BoardItem
from incident_log.ui.boards._common import LEVEL_ROLE, RED, TINT_RED
from incident_log.ui.boards.notes import HooksTriggersRisksBoard, RisksModel, risk_level


def state():
    return make_state(
        hooks=(BoardItem(seq=5, at=at(10), kind="hook", text="His dog", about="s1", source="sister"),),
        triggers=(BoardItem(seq=6, at=at(11), kind="trigger", text="Being a burden", about="s1"),),
        risks=(
            BoardItem(seq=7, at=at(5), kind="risk", text="Knife rumour", category="weapon", status="cleared"),
            BoardItem(seq=8, at=at(12), kind="risk", text="Cold", category="medical", status="reported"),
            BoardItem(seq=9, at=at(20), kind="risk", text="Over the railing", category="self-harm",
                      status="confirmed", about="s1"),
        ),
    )


def test_sections_and_emphasis(qtbot, qtmodeltester):
    board = HooksTriggersRisksBoard()
    qtbot.addWidget(board)
    board.set_live_clock(False)
    board.set_state(state())
    for name in ("hooksTable", "triggersTable", "risksTable"):
        qtmodeltester.check(board.findChild(QTableView, name).model())
    hooks = board.findChild(QTableView, "hooksTable").model()
    assert hooks.data(hooks.index(0, 1)) == "His dog"  # what to talk about comes first
    assert hooks.data(hooks.index(0, 2)) == "Subject A (Tomás Ibarra Ruiz)"
    assert hooks.data(hooks.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None
    triggers = board.findChild(QTableView, "triggersTable").model()
    assert triggers.data(triggers.index(0, 1)) == "Being a burden"
    assert triggers.data(triggers.index(0, 1), Qt.ItemDataRole.BackgroundRole).color() == TINT_RED
    risks = board.findChild(QTableView, "risksTable").model()
    assert [risks.data(risks.index(r, RisksModel.TEXT)) for r in range(3)] == ["Over the railing", "Cold", "Knife rumour"]
    assert [risks.data(risks.index(r, 0), LEVEL_ROLE) for r in range(3)] == ["danger", "", "dim"]
    assert risks.data(risks.index(0, RisksModel.STATUS), Qt.ItemDataRole.BackgroundRole).color() == RED.background
    assert "1 CONFIRMED" in board.risks_heading.text()


def test_activation(qtbot):
    board = HooksTriggersRisksBoard()
    qtbot.addWidget(board)
    board.set_state(state())
    board.show()
    board.set_live_clock(False)
    risks = board.findChild(QTableView, "risksTable")
    risks.setFocus()
    risks.selectRow(0)
    with qtbot.waitSignal(board.entryActivated) as blocker:
        qtbot.keyClick(risks, Qt.Key.Key_Return)
    assert blocker.args == [9]


def test_risk_levels():
    assert risk_level("weapon", "confirmed") == "danger"
    assert risk_level("weapon", "rumoured") == "caution"
    assert risk_level("medical", "confirmed") == "caution"
    assert risk_level("other", "reported") == ""
    assert risk_level("self-harm", "cleared") == "dim"
