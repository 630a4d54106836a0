"""The demands and offers board, driven from the keyboard as a loggist would."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from boards_states import at, make_state
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from incident_log.domain.state import Demand, Offer
from incident_log.ui.boards._common import AMBER, LEVEL_ROLE, RED
from incident_log.ui.boards.demands import DemandsBoard, DemandsModel, OffersModel

DEADLINE = at(100)


def demands_state(**kw):
    demands = (
        Demand(seq=10, at=at(26), by="s1", text="Police back to the end of the bridge.", status="open",
               deadline=None, deadline_restated=0, history=()),
        Demand(seq=14, at=at(41), by="s1", text="A cigarette.", status="met", deadline=None,
               deadline_restated=0, history=()),
        Demand(seq=24, at=at(75), by="s1", text="His dog back tonight.", status="open", deadline=DEADLINE,
               deadline_restated=2, history=()),
    )
    offers = (
        Offer(seq=15, at=at(42), by="n1", to="s1", text="A cigarette and a lighter.", conditions="She brings it.",
              status="delivered", history=()),
        Offer(seq=25, at=at(79), by="n1", to="s1", text="Call to the shelter.", conditions="Comes back over.",
              status="accepted", history=()),
    )
    kw.setdefault("demands", demands)
    kw.setdefault("offers", offers)
    return make_state(**kw)


def make_board(qtbot) -> DemandsBoard:
    board = DemandsBoard()
    qtbot.addWidget(board)
    board.set_live_clock(False)
    return board


def cell(view: QTableView, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):
    model = view.model()
    return model.data(model.index(row, column), role)


def test_models_pass_the_model_tester(qtbot, qtmodeltester):
    board = make_board(qtbot)
    board.set_state(demands_state())
    qtmodeltester.check(board.demands_model)
    qtmodeltester.check(board.offers_model)


def test_shows_names_and_labels_and_headings(qtbot):
    board = make_board(qtbot)
    board.set_state(demands_state())
    view = board.findChild(QTableView, "demandsTable")
    assert view.model().rowCount() == 3
    assert cell(view, 0, DemandsModel.BY) == "Subject A (Tomás Ibarra Ruiz)"
    assert cell(view, 2, DemandsModel.DEADLINE).endswith("restated 2×")
    offers = board.findChild(QTableView, "offersTable")
    assert cell(offers, 1, OffersModel.STATUS) == "accepted · owed"
    assert cell(offers, 1, 0, LEVEL_ROLE) == "owed"
    assert cell(offers, 0, 0, LEVEL_ROLE) == "dim"
    assert board.demands_heading.text() == "Demands · 2 open of 3"
    assert board.offers_heading.text() == "Offers · 1 owed of 2"


def test_countdown_turns_amber_then_red_then_overdue(qtbot):
    board = make_board(qtbot)
    board.set_state(demands_state())
    view = board.demands_view
    board.refresh_clock(DEADLINE - timedelta(minutes=40))
    assert cell(view, 2, DemandsModel.LEFT) == "40 min left"
    assert cell(view, 2, 0, LEVEL_ROLE) == ""
    assert cell(view, 2, DemandsModel.LEFT, Qt.ItemDataRole.BackgroundRole) is None
    board.refresh_clock(DEADLINE - timedelta(minutes=14, seconds=30))
    assert cell(view, 2, DemandsModel.LEFT) == "14:30 left"
    assert cell(view, 2, 0, LEVEL_ROLE) == "amber"
    assert cell(view, 2, DemandsModel.LEFT, Qt.ItemDataRole.BackgroundRole).color() == AMBER.background
    board.refresh_clock(DEADLINE - timedelta(minutes=4, seconds=59))
    assert cell(view, 2, 0, LEVEL_ROLE) == "red"
    assert cell(view, 2, DemandsModel.LEFT, Qt.ItemDataRole.BackgroundRole).color() == RED.background
    board.refresh_clock(DEADLINE + timedelta(minutes=3, seconds=20))
    assert cell(view, 2, DemandsModel.LEFT) == "overdue 3 min"
    assert cell(view, 2, 0, LEVEL_ROLE) == "red"
    # A demand without a deadline, and a closed one, never count down.
    assert cell(view, 0, DemandsModel.LEFT) == ""
    assert cell(view, 1, 0, LEVEL_ROLE) == "dim"


def test_met_demand_stops_its_countdown(qtbot):
    board = make_board(qtbot)
    state = demands_state()
    board.set_state(state)
    board.refresh_clock(DEADLINE + timedelta(minutes=3))
    assert cell(board.demands_view, 2, 0, LEVEL_ROLE) == "red"
    met = replace(state.demands[2], status="met")
    board.set_state(demands_state(demands=state.demands[:2] + (met,)))
    assert cell(board.demands_view, 2, DemandsModel.LEFT) == ""
    assert cell(board.demands_view, 2, 0, LEVEL_ROLE) == "dim"


def test_one_key_records_a_demand_status(qtbot):
    board = make_board(qtbot)
    board.set_state(demands_state())
    board.show()
    board.set_live_clock(False)
    view = board.findChild(QTableView, "demandsTable")
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Down)  # first row
    qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Down)  # the dog demand, seq 24
    with qtbot.waitSignal(board.statusUpdateRequested) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_M)
    assert blocker.args == [24, "met"]
    with qtbot.waitSignal(board.statusUpdateRequested) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_X)
    assert blocker.args == [24, "expired"]
    with qtbot.waitSignal(board.entryActivated) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == [24]


def test_offer_keys_and_hint_follow_focus(qtbot):
    board = make_board(qtbot)
    board.set_state(demands_state())
    board.show()
    board.set_live_clock(False)
    offers = board.findChild(QTableView, "offersTable")
    offers.setFocus()
    qtbot.waitUntil(lambda: "Offer keys" in board.hint.text())
    qtbot.keyClick(offers, Qt.Key.Key_Down)
    qtbot.keyClick(offers, Qt.Key.Key_Down)
    with qtbot.waitSignal(board.statusUpdateRequested) as blocker:
        qtbot.keyClick(offers, Qt.Key.Key_D)
    assert blocker.args == [25, "delivered"]
    # "M" means nothing on offers: no request goes out.
    with qtbot.assertNotEmitted(board.statusUpdateRequested):
        qtbot.keyClick(offers, Qt.Key.Key_M)
    # Ctrl+D is not "delivered": only plain letters are commands.
    with qtbot.assertNotEmitted(board.statusUpdateRequested):
        qtbot.keyClick(offers, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)


def test_selection_survives_updates_and_unchanged_state_is_skipped(qtbot):
    board = make_board(qtbot)
    state = demands_state()
    board.set_state(state)
    board.demands_view.select_seq(24)
    resets = []
    board.demands_model.modelReset.connect(lambda: resets.append(1))
    changed = []
    board.demands_model.dataChanged.connect(lambda *a: changed.append(a))
    board.set_state(demands_state())  # equal content, new objects
    assert changed == [] and resets == []
    extra = Demand(seq=30, at=at(90), by="s1", text="Water.", status="open", deadline=None,
                   deadline_restated=0, history=())
    board.set_state(demands_state(demands=state.demands + (extra,)))
    assert resets == []
    assert board.demands_model.rowCount() == 4
    assert board.demands_view.selected_seq() == 24


def test_utc_switch(qtbot):
    from datetime import UTC, timezone
    board = make_board(qtbot)
    board.set_time_zone(timezone(timedelta(hours=1)))
    board.set_state(demands_state())
    assert cell(board.demands_view, 2, DemandsModel.DEADLINE).startswith("22:45")
    board.set_time_zone(UTC)
    assert cell(board.demands_view, 2, DemandsModel.DEADLINE).startswith("21:45")
    assert board.demands_model.headerData(DemandsModel.DEADLINE, Qt.Orientation.Horizontal) == "Deadline (UTC)"
