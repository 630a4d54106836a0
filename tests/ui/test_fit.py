"""Fits every laptop screen from 1280x720 up: no minimum size depends on what the log holds.

Version 0.1's window grew with the names on the phone and in the roster (2367x860 on a 1366x768
laptop). Here the same window is measured with an empty incident and with one full of very long
names, aliases, demands and a long callsign: the minimum size must not move, and must fit 1280x720.
The real app under Xvfb at 1366x768 is checked in test_fit_xvfb.py.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget

from incident_log.domain.entry import NewEntry
from tests.ui.conftest import open_leader_window

LONG = "Inspectora Jefa María de los Ángeles Fernández-Villaverde y Castañeda-Ruiz de Alarcón"


def heavy(logbook, ref: str) -> None:
    record = logbook.record
    for number in range(1, 7):
        record(ref, NewEntry("person", "", {
            "key": f"n{number}", "role": "negotiator", "name": f"{LONG} {number}",
            "aliases": [f"{LONG} alias {i}" for i in range(3)], "phones": ["+34 611 204 889"],
        }, author="L1"))
    record(ref, NewEntry("person", "", {"key": "s1", "role": "subject", "name": LONG + " the subject"}, author="L1"))
    for role, person in (("primary negotiator", "n1"), ("secondary/coach", "n2"), ("team leader", "n3"),
                         ("loggist", "n4"), ("intelligence", "n5"), ("adviser", "n6")):
        record(ref, NewEntry("rotation", "", {"role": role, "person": person}, author="L1"))
    for _ in range(5):
        record(ref, NewEntry("demand", ("He wants " + LONG + " ") * 4, {"by": "s1"}, author="L1"))
        record(ref, NewEntry("risk", "Danger " * 80, {"category": "weapon", "status": "confirmed", "about": "s1"},
                             author="L1"))
        record(ref, NewEntry("hook", "Talk about " * 60, {"about": "s1", "source": LONG}, author="L1"))
    record(ref, NewEntry("contact", "", {"channel": "face to face", "event": "start", "with": "s1"}, author="L1"))


def minimum(window: QWidget) -> tuple[int, int]:
    QApplication.processEvents()
    size = window.minimumSizeHint().expandedTo(window.minimumSize())
    return size.width(), size.height()


def outside(window: QWidget) -> list[str]:
    """Visible widgets that reach outside the window (cut off or off-screen at this size)."""
    frame = QRect(QPoint(0, 0), window.size())
    out = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.isWindow() or widget.width() <= 0 or widget.visibleRegion().isEmpty():
            continue  # hidden, or a board behind another tab (Qt parks those off the window)
        top_left = widget.mapTo(window, QPoint(0, 0))
        rect = QRect(top_left, widget.size())
        if not frame.contains(rect):
            parent = widget.parentWidget()
            if parent is not None and parent.metaObject().className() in ("QWidget",) and \
                    parent.parentWidget() is not None and "ScrollArea" in parent.parentWidget().metaObject().className():
                continue  # inside a scroll area's viewport: scrolling reaches it
            out.append(f"{type(widget).__name__}:{widget.objectName()}:{rect.getRect()}")
    return out


def test_the_windows_minimum_size_does_not_depend_on_the_data(ctx, logbook, qtbot):
    plain = logbook.create_incident("Plain").ref
    window = ctx.open_incident(plain)
    qtbot.waitUntil(window.isVisible)
    qtbot.waitUntil(lambda: window.controller.state is not None)
    empty = minimum(window)
    leader = open_leader_window(window, qtbot, "TL")
    empty_leader = minimum(leader)
    leader.close()
    window.close()

    ctx.set_callsign(("Loggist " + LONG)[:80])
    full = logbook.create_incident("Full " + LONG, location=LONG).ref
    heavy(logbook, full)
    window = ctx.open_incident(full)
    qtbot.waitUntil(lambda: window.controller.state is not None and len(window.controller.state.people) == 7)
    assert "On the phone" in window.board("rosterBoard").findChild(QWidget, "onPhoneLabel").text()
    assert minimum(window) == empty
    leader = open_leader_window(window, qtbot, ("TL " + LONG)[:80])
    qtbot.waitUntil(lambda: len(leader.controller.state.people) == 7)
    assert minimum(leader) == empty_leader
    for w in (window, leader):
        width, height = minimum(w)
        assert width <= 1280 and height <= 700, (w.objectName(), width, height)


def test_nothing_is_cut_off_in_a_1280x720_window_even_with_long_names(ctx, logbook, qtbot):
    ctx.set_callsign(("Loggist " + LONG)[:80])
    ref = logbook.create_incident("Full").ref
    heavy(logbook, ref)
    window = ctx.open_incident(ref)
    qtbot.waitUntil(lambda: window.controller.state is not None and len(window.controller.state.people) == 7)
    window.resize(1280, 700)
    qtbot.waitUntil(lambda: window.size().width() == 1280 and window.size().height() == 700)
    for kind in ("person", "demand", "risk", "rotation"):
        window.composer.set_kind(kind)
        QApplication.processEvents()
        assert outside(window) == [], kind
