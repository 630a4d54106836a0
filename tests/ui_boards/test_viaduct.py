"""Every board on a real vault: the viaduct scenario imported, enriched, folded by the logbook.

Also writes /tmp/boards_<name>.png (light) and /tmp/boards_<name>_dark.png for a human to look at.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QTableView

from incident_log.domain.entry import NewEntry, parse_iso
from incident_log.domain.projections import fold
from incident_log.logbook import Logbook
from incident_log.ui.boards import ALL_BOARDS
from incident_log.ui.boards._common import LEVEL_ROLE
from incident_log.ui.boards.demands import DemandsModel

MADRID = ZoneInfo("Europe/Madrid")
# 22:50:20 in Madrid: the dog demand's 23:00 deadline is under 10 minutes away, Vidal on the phone.
MOMENT = datetime(2026, 3, 14, 21, 50, 20, tzinfo=UTC)
SIZES = {
    "demandsBoard": (900, 400),
    "rosterBoard": (560, 420),
    "peopleRegister": (760, 260),
    "hooksBoard": (820, 520),
    "incidentClock": (440, 240),
    "reviewList": (560, 220),
}
LATE = "Added after the fact for the board screenshots"


def enrich(book: Logbook, ref: str) -> None:
    """Hooks, triggers, risks, flags and a review: what the viaduct file leaves out."""

    def add(kind: str, when: str, text: str = "", refs: int | None = None, **fields: object) -> None:
        book.record(ref, NewEntry(kind, text, fields, occurred_at=parse_iso(when), refs=refs,
                                  author="Loggist 1", delay_reason=LATE))

    add("hook", "2026-03-14T21:16:00+01:00", "Neighbours he signs with; he chats with them daily.",
        about="s1", source="witness Paula Serrano")
    add("hook", "2026-03-14T22:06:00+01:00", "His dog, taken to the shelter last week: he talks of nothing else.",
        about="s1", source="sister by phone")
    add("trigger", "2026-03-14T21:41:00+01:00", "Being a 'burden' (his sister's words). Do not repeat or argue.",
        about="s1", source="statement 21:40")
    add("trigger", "2026-03-14T21:42:00+01:00", "The job at the workshop: acknowledge, do not dwell.", about="s1")
    add("risk", "2026-03-14T21:12:00+01:00", "Outside the railing above a 25 m drop.", category="self-harm",
        status="confirmed", about="s1", source="first officer on scene")
    add("risk", "2026-03-14T21:28:00+01:00", "112 caller mentioned a knife; none seen by officers.",
        category="weapon", status="cleared", about="s1", source="control room")
    add("risk", "2026-03-14T22:31:00+01:00", "Shivering in the rain: cold hands, risk of losing his grip.",
        category="medical", status="reported", about="s1", source="Vidal")
    seqs = {e.text[:20]: e.seq for e in book.all_entries(ref)}
    reversal = next(s for t, s in seqs.items() if t.startswith("Rotation reversed"))
    add("flag", "2026-03-14T22:20:00+01:00", refs=reversal, reason="Rotation reversed at subject's request")
    add("flag", "2026-03-14T21:45:00+01:00", refs=12, reason="Decision to withdraw: rationale for the report")
    book.mark_reviewed(ref, 15, author="Comisario Javier Otero")


def mid_incident(book: Logbook, ref: str):
    """The state at MOMENT: only what had happened by then (flags and the review kept)."""
    entries = [e for e in book.all_entries(ref) if e.occurred_at <= MOMENT or e.kind in ("flag", "review")]
    return fold(book.incident(ref), entries, as_of=MOMENT)


@pytest.fixture
def enriched(logbook: Logbook, viaduct: str) -> str:
    enrich(logbook, viaduct)
    return viaduct


def show(qtbot, cls, state, now=MOMENT):
    board = cls()
    qtbot.addWidget(board)
    board.set_time_zone(MADRID)
    board.set_state(state)
    board.resize(*SIZES[board.objectName()])
    board.show()
    board.set_live_clock(False)
    board.refresh_clock(now)
    return board


def texts(view: QTableView, column: int) -> list[str]:
    model = view.model()
    return [model.data(model.index(r, column)) for r in range(model.rowCount())]


def test_every_board_shows_the_live_state_of_a_real_vault(qtbot, qtmodeltester, logbook, enriched):
    state = logbook.state(enriched)
    boards = {cls.OBJECT_NAME: show(qtbot, cls, state, now=state.as_of) for cls, _ in ALL_BOARDS}
    for board in boards.values():
        for view in board.findChildren(QTableView):
            qtmodeltester.check(view.model())
            assert view.accessibleName()
    people = boards["peopleRegister"].findChild(QTableView, "peopleTable")
    assert "Subject A" in texts(people, 0) and "Tomás Ibarra Ruiz" in texts(people, 2)
    demands = boards["demandsBoard"].findChild(QTableView, "demandsTable")
    assert texts(demands, 2) == ["met", "met", "partly met"]  # the final statuses of d1, d2, d3
    risks = boards["hooksBoard"].findChild(QTableView, "risksTable")
    assert texts(risks, 2)[0] == "confirmed"  # the grave risk is on top
    assert risks.model().data(risks.model().index(0, 0), LEVEL_ROLE) == "danger"
    assert risks.model().data(risks.model().index(2, 0), LEVEL_ROLE) == "dim"  # the cleared knife rumour, last
    review = boards["reviewList"]
    assert review.findChild(QLabel, "reviewedLabel").text().startswith("Reviewed up to #15 at ")


def test_a_new_entry_reaches_the_board_without_a_reset(qtbot, logbook, enriched):
    board = show(qtbot, ALL_BOARDS[0][0], logbook.state(enriched))
    view = board.findChild(QTableView, "demandsTable")
    view.selectRow(2)
    resets: list[int] = []
    view.model().modelReset.connect(lambda: resets.append(1))
    logbook.record(enriched, NewEntry("demand", "A coffee for his sister.", {"by": "s1"}, author="Loggist 1"))
    board.set_state(logbook.state(enriched))
    assert texts(view, DemandsModel.TEXT)[-1] == "A coffee for his sister."
    assert resets == []
    assert view.selectionModel().selectedRows()[0].row() == 2


def _dark_palette() -> QPalette:
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#202124"), (QPalette.ColorRole.WindowText, "#E8EAED"),
        (QPalette.ColorRole.Base, "#17181A"), (QPalette.ColorRole.AlternateBase, "#26282B"),
        (QPalette.ColorRole.Text, "#E8EAED"), (QPalette.ColorRole.Button, "#2A2C30"),
        (QPalette.ColorRole.ButtonText, "#E8EAED"), (QPalette.ColorRole.Highlight, "#3B6EA8"),
        (QPalette.ColorRole.HighlightedText, "#FFFFFF"), (QPalette.ColorRole.PlaceholderText, "#9AA0A6"),
    ):
        palette.setColor(role, QColor(colour))
    return palette


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_screenshots(qtbot, logbook, enriched, theme):
    app = QApplication.instance()
    previous = app.palette()
    if theme == "dark":
        app.setPalette(_dark_palette())
    try:
        state = mid_incident(logbook, enriched)
        for cls, _title in ALL_BOARDS:
            board = show(qtbot, cls, state)
            QApplication.processEvents()
            image = board.grab().toImage()
            suffix = "" if theme == "light" else "_dark"
            assert image.save(f"/tmp/boards_{board.objectName()}{suffix}.png")
            # The board paints its own background in the theme's window colour.
            corner = image.pixelColor(2, image.height() - 2)
            assert (corner.lightness() < 100) == (theme == "dark")
        demands = show(qtbot, ALL_BOARDS[0][0], state)
        table = demands.findChild(QTableView, "demandsTable")
        assert texts(table, DemandsModel.LEFT)[-1] == "09:40 left"
        assert table.model().data(table.model().index(2, 0), LEVEL_ROLE) == "amber"
        demands.refresh_clock(MOMENT + timedelta(minutes=12))
        assert texts(table, DemandsModel.LEFT)[-1] == "overdue 2 min"
    finally:
        app.setPalette(previous)
