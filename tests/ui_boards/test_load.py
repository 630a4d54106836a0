"""Boards stay light under a big incident: set_state 4x a second must not rebuild what did not change."""

from __future__ import annotations

from dataclasses import replace

from boards_states import PEOPLE, at, make_state

from incident_log.domain.state import BoardItem, Demand, Flag, Offer, Person
from incident_log.ui.boards import ALL_BOARDS


def big_state(extra: int = 0):
    people = PEOPLE + tuple(
        Person(key=f"w{i}", role="witness", name=f"Witness Name {i}", label=f"Witness {i}", seq=100 + i)
        for i in range(300)
    )
    demands = tuple(
        Demand(seq=1000 + i, at=at(i / 10), by="s1", text=f"Demand {i}", status="open" if i % 3 else "met",
               deadline=at(i / 10 + 30) if i % 2 else None, deadline_restated=i % 4, history=())
        for i in range(3000 + extra)
    )
    offers = tuple(
        Offer(seq=5000 + i, at=at(i / 10), by="n1", to="s1", text=f"Offer {i}", conditions="",
              status="accepted" if i % 5 == 0 else "made", history=())
        for i in range(2000)
    )
    items = tuple(BoardItem(seq=9000 + i, at=at(i), kind="hook", text=f"Hook {i}", about="s1") for i in range(1000))
    flags = tuple(Flag(seq=20000 + i, target=i + 1, reason="r", at=at(i), author="TL") for i in range(1000))
    return make_state(people=people, demands=demands, offers=offers, hooks=items, triggers=items, risks=(),
                      flags=flags, reviewed_upto=500)


def test_unchanged_and_appended_states_rebuild_nothing(qtbot):
    """A fresh fold with the same content (what 4 polls a second mostly deliver) touches no row, and
    one more demand appends one row: no board resets its model. Timings live in benchmarks/bench_gui.py;
    a budget in milliseconds here would only measure how busy the machine is."""
    boards = []
    for cls, _ in ALL_BOARDS:
        board = cls()
        qtbot.addWidget(board)
        board.set_live_clock(False)
        board.resize(800, 500)
        boards.append(board)
    first = big_state()
    for board in boards:
        board.set_state(first)
    demands = boards[0].demands_model
    events: list[tuple[str, int, int]] = []
    demands.modelReset.connect(lambda: events.append(("reset", -1, -1)))
    demands.rowsInserted.connect(lambda _parent, a, b: events.append(("inserted", a, b)))
    demands.dataChanged.connect(lambda a, b, _roles=(): events.append(("changed", a.row(), b.row())))

    same = big_state()
    for board in boards:
        board.set_state(same)
    assert events == []

    grown = big_state(extra=1)
    for board in boards:
        board.set_state(grown)
    assert demands.rowCount() == 3001
    assert events == [("inserted", 3000, 3000)]
    assert replace(same) == same  # the comparison the boards rely on is by value
