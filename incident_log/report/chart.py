"""The negotiator rotation chart: who held which role when, as bars on the incident's time axis.

Drawn with reportlab graphics (vector, so it prints sharply), from labels that the content
module has already redacted.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from reportlab.graphics import shapes
from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from incident_log.i18n import Translator, translator
from incident_log.i18n.vocabulary import choice_group
from incident_log.report.content import Clock, Spell
from incident_log.report.fonts import SANS, SANS_BOLD

ROLE_COLOURS: dict[str, colors.Color] = {
    "primary negotiator": colors.HexColor("#1f4e79"),
    "secondary/coach": colors.HexColor("#5b9bd5"),
    "team leader": colors.HexColor("#7f6000"),
    "loggist": colors.HexColor("#a5a5a5"),
    "intelligence": colors.HexColor("#548235"),
    "adviser": colors.HexColor("#c55a11"),
}
_OTHER = colors.HexColor("#7030a0")


class _Chart(Drawing):
    """A Drawing whose renderer starts in DejaVu: by default it selects Helvetica first, which
    puts a font without Ł or Cyrillic into the document."""

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:  # noqa: N802 - reportlab's name
        previous = shapes.STATE_DEFAULTS["fontName"]
        shapes.STATE_DEFAULTS["fontName"] = SANS
        try:
            super().drawOn(canvas, x, y, _sW)
        finally:
            shapes.STATE_DEFAULTS["fontName"] = previous


_TICK_STEPS = (5, 10, 15, 30, 60, 120, 180, 360, 720, 1440)  # minutes


def _tick_step(span: timedelta, max_ticks: int = 10) -> timedelta:
    minutes = span.total_seconds() / 60
    for step in _TICK_STEPS:
        if minutes / step <= max_ticks:
            return timedelta(minutes=step)
    return timedelta(days=max(1, int(minutes / 1440 / max_ticks) + 1))


def rotation_chart(
    spells: Sequence[Spell],
    axis: tuple[datetime, datetime],
    clock: Clock,
    width: float,
    tr: Translator | None = None,
) -> Drawing:
    tr = tr or translator("en")
    start, end = axis
    lanes: list[str] = []
    for spell in spells:
        if spell.lane not in lanes:
            lanes.append(spell.lane)
    roles = [r for r in ROLE_COLOURS if any(s.role == r for s in spells)]
    roles += sorted({s.role for s in spells} - set(roles))

    lane_h, label_w, top_pad, axis_h, row_h = 16.0, 92.0, 4.0, 22.0, 11.0
    plot_w = width - label_w - 6
    # The legend wraps onto more rows when the role names do not fit one (Spanish role names run
    # longer: "negociador secundario / de apoyo"), instead of running off the drawing.
    legend: list[tuple[str, str, float, int]] = []  # role, shown, x, row
    x, row = label_w, 0
    for role in roles:
        shown = tr.word(choice_group("role"), role)
        item_w = 11 + stringWidth(shown, SANS, 6.5) + 10
        if x > label_w and x + item_w > width:
            x, row = label_w, row + 1
        legend.append((role, shown, x, row))
        x += item_w
    rows = (legend[-1][3] + 1) if legend else 1
    legend_h = 5.0 + row_h * rows
    height = top_pad + lane_h * max(1, len(lanes)) + axis_h + legend_h
    drawing = _Chart(width, height)
    span = (end - start).total_seconds() or 1.0

    def x_of(moment: datetime) -> float:
        return label_w + plot_w * max(0.0, min(1.0, (moment - start).total_seconds() / span))

    plot_top = height - top_pad
    plot_bottom = plot_top - lane_h * max(1, len(lanes))

    # Grid and time axis, on local clock ticks.
    step = _tick_step(end - start)
    local_start = clock.local(start)
    first = local_start.replace(second=0, microsecond=0)
    step_min = int(step.total_seconds() // 60)
    if step_min < 1440:
        minute_of_day = first.hour * 60 + first.minute
        first = first + timedelta(minutes=(-minute_of_day) % step_min)
    tick = first
    while tick <= clock.local(end):
        x = x_of(tick)
        drawing.add(
            Line(x, plot_bottom, x, plot_top, strokeColor=colors.HexColor("#d9d9d9"), strokeWidth=0.4)
        )
        drawing.add(Line(x, plot_bottom - 3, x, plot_bottom, strokeColor=colors.black, strokeWidth=0.5))
        text = f"{tick.hour:02d}:{tick.minute:02d}" if step_min < 1440 else clock.day(tick)
        drawing.add(String(x, plot_bottom - 11, text, fontName=SANS, fontSize=6.5, textAnchor="middle"))
        tick += step
    drawing.add(
        Line(label_w, plot_bottom, label_w + plot_w, plot_bottom, strokeColor=colors.black, strokeWidth=0.6)
    )
    drawing.add(Line(label_w, plot_bottom, label_w, plot_top, strokeColor=colors.black, strokeWidth=0.6))

    for index, lane in enumerate(lanes):
        y = plot_top - (index + 1) * lane_h
        if index % 2 == 0:
            drawing.add(
                Rect(label_w, y, plot_w, lane_h, fillColor=colors.HexColor("#f4f6f9"), strokeColor=None)
            )
        label = lane if len(lane) <= 24 else lane[:23] + "\u2026"
        drawing.add(
            String(label_w - 4, y + lane_h / 2 - 2.5, label, fontName=SANS, fontSize=7, textAnchor="end")
        )
    for spell in spells:
        index = lanes.index(spell.lane)
        y = plot_top - (index + 1) * lane_h + 3
        x0, x1 = x_of(spell.start), x_of(spell.end)
        colour = ROLE_COLOURS.get(spell.role, _OTHER)
        drawing.add(
            Rect(
                x0,
                y,
                max(1.2, x1 - x0),
                lane_h - 6,
                fillColor=colour,
                strokeColor=colors.white,
                strokeWidth=0.3,
            )
        )

    # Legend.
    top_row_y = 2.0 + row_h * (rows - 1)
    for role, shown, x, row in legend:
        y = top_row_y - row * row_h
        drawing.add(Rect(x, y, 8, 7, fillColor=ROLE_COLOURS.get(role, _OTHER), strokeColor=None))
        drawing.add(String(x + 11, y + 1, shown, fontName=SANS, fontSize=6.5))
    drawing.add(String(0, top_row_y + 1, tr("Role:"), fontName=SANS_BOLD, fontSize=6.5))
    return drawing
