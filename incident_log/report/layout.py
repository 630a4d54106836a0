"""Page layout of the debrief report: styles, page furniture, sections, timeline tables.

Takes a ``ReportContent`` (already redacted) and returns PDF bytes. Every page carries the
classification, the copy marking, the ref, "Page X of Y" and, for training incidents,
EXERCISE. Page totals come from ``NumberedCanvas``, which holds each page until the document
is complete (one pass: a second layout pass would double the time of a 500-page timeline).

The timeline is the bulk of a long incident. It is laid out as many small tables rather than
one huge one, because reportlab re-measures every remaining row each time a table splits
across a page (quadratic); its column header is drawn by the page template instead of a
repeated header row.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Sequence
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from incident_log.i18n import N_, Translator
from incident_log.i18n.vocabulary import KIND, choice_group
from incident_log.report.chart import ROLE_COLOURS, rotation_chart
from incident_log.report.content import ReportContent, TimelineRow
from incident_log.report.fonts import MONO, SANS, SANS_BOLD, SANS_OBLIQUE, FontPlan, is_arabic
from incident_log.report.options import EXERCISE_MARKING

PAGE_W, PAGE_H = A4
MARGIN_X = 16 * mm
MARGIN_TOP = 22 * mm
MARGIN_BOTTOM = 18 * mm
FRAME_W = PAGE_W - 2 * MARGIN_X
TIMELINE_BAND = 15 * mm  # section title + column header drawn by the timeline page template
CHUNK_ROWS = 40

INK = colors.HexColor("#1b2631")
NAVY = colors.HexColor("#1f3550")
RULE = colors.HexColor("#9aa5b1")
ZEBRA = colors.HexColor("#f3f5f8")
FLAG_FILL = colors.HexColor("#fff2cc")
EXERCISE_RED = colors.HexColor("#b00020")
MUTED = "#5d6d7e"

SCHEDULE_NAMES = {
    "names": N_("Names of people and authors (replaced by their labels)"),
    "phones": N_("Phone numbers"),
    "emails": N_("E-mail addresses"),
    "plates": N_("Vehicle registration plates"),
    "terms": N_("Other terms the officer chose to hide"),
    "unregistered names": N_("Names of people not in the register"),
    "handles and links": N_("Social-media handles and links"),
    "identity numbers": N_("Identity numbers (DNI, NIE, NI number, IBAN, passport, collar numbers)"),
    "addresses and postcodes": N_("Home addresses and postcodes"),
    "dates of birth": N_("Dates of birth"),
}

TIMELINE_COLS = (("#", 10 * mm), (N_("Occurred"), 31 * mm), (N_("Type"), 22 * mm), (N_("Author"), 21 * mm))
COVER_CONTENT_KEYS = frozenset({"Reference", "Location", "Outcome"})
# A table cell holds at most this much text; a table row cannot split across pages, and a cell
# taller than a page stops the whole report (reportlab's LayoutError).
CELL_LIMIT = 1200
CONTINUED = N_(" \u2026 (continued in the timeline)")
# Timeline rows are cut into pieces of at most this many estimated lines; the next piece goes
# into a continuation row right after it.
ROW_LINES = 20
CHARS_PER_LINE = 62
# A timeline cell taller than this is cut again (the frame is about 686 points high).
MAX_CELL_HEIGHT = 560
TIMELINE_TEXT_W = FRAME_W - sum(w for _, w in TIMELINE_COLS)


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("cell", fontName=SANS, fontSize=7.5, leading=9.3, textColor=INK, alignment=TA_LEFT)
    return {
        "cell": base,
        "cell_shaped": ParagraphStyle("cell_shaped", parent=base, shaping=1),
        "body": ParagraphStyle("body", parent=base, fontSize=9.5, leading=13),
        "small": ParagraphStyle(
            "small", parent=base, fontSize=8, leading=10.5, textColor=colors.HexColor(MUTED)
        ),
        "h1": ParagraphStyle(
            "h1",
            parent=base,
            fontName=SANS_BOLD,
            fontSize=14,
            leading=18,
            spaceBefore=4,
            spaceAfter=6,
            textColor=NAVY,
        ),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=SANS_BOLD,
            fontSize=10.5,
            leading=14,
            spaceBefore=8,
            spaceAfter=4,
            textColor=NAVY,
        ),
        "title": ParagraphStyle(
            "title", parent=base, fontName=SANS_BOLD, fontSize=22, leading=27, textColor=NAVY
        ),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=13, leading=17, textColor=INK),
        "marking": ParagraphStyle(
            "marking", parent=base, fontName=SANS_BOLD, fontSize=12, leading=16, textColor=EXERCISE_RED
        ),
        "mono": ParagraphStyle("mono", parent=base, fontName=MONO, fontSize=7, leading=10),
    }


class Markup:
    """Turns plain text into safe Paragraph markup, choosing fonts for what DejaVu lacks."""

    def __init__(self, plan: FontPlan) -> None:
        self.plan = plan

    def __call__(self, text: str) -> tuple[str, bool]:
        """(markup, needs shaping). Escapes & < > so no entry text is ever read as markup."""
        if text.isascii():
            return _escape(text), False
        shaped = False
        out: list[str] = []
        run_font: str | None = None
        run: list[str] = []

        def flush() -> None:
            if not run:
                return
            chunk = _escape("".join(run))
            out.append(f'<font face="{run_font}">{chunk}</font>' if run_font else chunk)
            run.clear()

        for ch in text:
            font = None
            if not ch.isascii():
                if is_arabic(ch):
                    self.plan.arabic_seen = True
                    shaped = shaped or self.plan.shaping
                font = self.plan.font_for(ch)
            if font != run_font:
                flush()
                run_font = font
            run.append(self.plan.printable(ch, font))
        flush()
        return "".join(out), shaped


CELL_MAX_LINES = 30


def _bounded(
    text: str, limit: int = CELL_LIMIT, per_line: int = CHARS_PER_LINE, continued: str = CONTINUED
) -> str:
    """``text`` cut to fit one table cell: at most ``limit`` characters and about
    ``CELL_MAX_LINES`` lines of ``per_line`` characters (at a space, if there is one near)."""
    if len(text) <= limit and sum(1 + len(line) // per_line for line in text.split("\n")) <= CELL_MAX_LINES:
        return text
    kept: list[str] = []
    used = 0
    for line in text.split("\n"):
        room = (CELL_MAX_LINES - used) * per_line
        if room <= 0:
            break
        if len(line) > room:
            cut = line.rfind(" ", max(0, room - 40), room)
            kept.append(line[: cut if cut > 0 else room])
            break
        kept.append(line)
        used += 1 + len(line) // per_line
    text = "\n".join(kept)
    if len(text) > limit:
        cut = text.rfind(" ", limit - 200, limit)
        text = text[: cut if cut > 0 else limit]
    return text + continued


def _lines(text: str) -> int:
    return sum(1 + len(line) // CHARS_PER_LINE for line in text.split("\n"))


def split_for_rows(text: str, budget: int = ROW_LINES) -> list[str]:
    """Pieces of ``text`` of at most ``budget`` estimated lines, cut at line ends or spaces."""
    if _lines(text) <= budget:
        return [text]
    pieces: list[str] = []
    current: list[str] = []
    used = 0
    for line in text.split("\n"):
        while line:
            room = (budget - used) * CHARS_PER_LINE
            if len(line) <= room or (room >= CHARS_PER_LINE and len(line) < CHARS_PER_LINE):
                current.append(line)
                used += 1 + len(line) // CHARS_PER_LINE
                line = ""
            elif room >= CHARS_PER_LINE:
                cut = line.rfind(" ", max(0, room - 300), room)
                cut = cut if cut > 0 else room
                current.append(line[:cut])
                line = line[cut:].lstrip(" ")
                pieces.append("\n".join(current))
                current, used = [], 0
            else:
                pieces.append("\n".join(current))
                current, used = [], 0
        if not line and used == 0 and not current:
            continue
    if current:
        pieces.append("\n".join(current))
    return [p for p in pieces if p] or [text[:1]]


_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
_NEWLINES = re.compile(r"\r\n|\r|\n")


def _escape(text: str) -> str:
    return _NEWLINES.sub("<br/>", text.translate(_ESCAPES))


def _page_furniture(content: ReportContent) -> Callable[[rl_canvas.Canvas, Any], None]:
    tr = content.tr
    exercise = tr(EXERCISE_MARKING)

    def draw(canv: rl_canvas.Canvas, doc: Any) -> None:
        canv.saveState()
        top = PAGE_H - 10 * mm
        canv.setFillColor(INK)
        canv.setFont(SANS_BOLD, 8.5)
        canv.drawCentredString(PAGE_W / 2, top, content.classification)
        canv.setFont(SANS, 7.5)
        canv.drawString(MARGIN_X, top, content.ref)
        side = _side_room(content.classification)
        canv.setFont(SANS_BOLD, _fitted_size(content.marking, SANS_BOLD, 7.5, side))
        canv.drawRightString(PAGE_W - MARGIN_X, top, content.marking)
        if content.exercise:
            canv.setFillColor(EXERCISE_RED)
            canv.setFont(SANS_BOLD, 9)
            canv.drawCentredString(
                PAGE_W / 2,
                top - 4.5 * mm,
                f"{exercise} \u00b7 {exercise} \u00b7 {exercise}",
            )
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_X, PAGE_H - MARGIN_TOP + 3 * mm, PAGE_W - MARGIN_X, PAGE_H - MARGIN_TOP + 3 * mm)

        bottom = 9 * mm
        canv.line(MARGIN_X, MARGIN_BOTTOM - 4 * mm, PAGE_W - MARGIN_X, MARGIN_BOTTOM - 4 * mm)
        canv.setFillColor(INK)
        canv.setFont(SANS_BOLD, 8.5)
        canv.drawCentredString(PAGE_W / 2, bottom, content.classification)
        footer = tr.fmt("Debrief report {ref} \u00b7 {at}", ref=content.ref, at=content.generated_at)
        size = _fitted_size(footer, SANS, 7, side)
        canv.setFont(SANS, size)
        # Still too wide (a long ref): one line lower, clear of the centred classification.
        low = stringWidth(footer, SANS, size) > side
        canv.drawString(MARGIN_X, bottom - (3.4 * mm if low else 0), footer)
        if content.exercise:
            canv.setFillColor(EXERCISE_RED)
            canv.setFont(SANS_BOLD, 8)
            canv.drawCentredString(PAGE_W / 2, bottom - 3.8 * mm, exercise)
        canv.restoreState()

    return draw


def _side_room(classification: str) -> float:
    """Width left beside the centred classification, at either side of a page's header or footer
    (Spanish wording runs about a quarter longer: nothing may run into the marking)."""
    return PAGE_W / 2 - stringWidth(classification, SANS_BOLD, 8.5) / 2 - 3 * mm - MARGIN_X


def _fitted_size(text: str, font: str, size: float, room: float, smallest: float = 5.5) -> float:
    """The largest size from ``size`` down to ``smallest`` at which ``text`` fits ``room``."""
    while size > smallest and stringWidth(text, font, size) > room:
        size -= 0.25
    return size


def _timeline_band(content: ReportContent) -> Callable[[rl_canvas.Canvas, Any], None]:
    furniture = _page_furniture(content)
    tr = content.tr

    def draw(canv: rl_canvas.Canvas, doc: Any) -> None:
        furniture(canv, doc)
        canv.saveState()
        y_top = PAGE_H - MARGIN_TOP
        canv.setFillColor(NAVY)
        canv.setFont(SANS_BOLD, 10.5)
        canv.drawString(MARGIN_X, y_top - 5 * mm, tr.fmt("8. Full timeline ({n} entries)", n=len(content.timeline)))
        band_y = y_top - TIMELINE_BAND + 1 * mm
        canv.rect(MARGIN_X, band_y, FRAME_W, 5.2 * mm, stroke=0, fill=1)
        canv.setFillColor(colors.white)
        canv.setFont(SANS_BOLD, 7.5)
        x = MARGIN_X
        for title, width in TIMELINE_COLS:
            canv.drawString(x + 3, band_y + 1.7 * mm, tr(title) if title != "#" else title)
            x += width
        canv.drawString(x + 3, band_y + 1.7 * mm, tr("Entry"))
        canv.restoreState()

    return draw


class NumberedCanvas(rl_canvas.Canvas):
    """Holds every page until the end so each can say "Page X of Y"."""

    # The wording of the page number; ``numbered_canvas(tr)`` makes a canvas in another language.
    page_of = "Page {number} of {total}"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 - reportlab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pages)
        for number, page in enumerate(self._pages, start=1):
            self.__dict__.update(page)
            self.setFont(SANS, 7.5)
            self.setFillColor(INK)
            self.drawRightString(PAGE_W - MARGIN_X, 9 * mm, self.page_of.format(number=number, total=total))
            rl_canvas.Canvas.showPage(self)
        self._pages = []
        rl_canvas.Canvas.save(self)


def numbered_canvas(tr: Translator) -> type[NumberedCanvas]:
    """A ``NumberedCanvas`` whose page numbers are in ``tr``'s language ("Página 3 de 9")."""
    wording = tr(N_("Page {number} of {total}"))
    if wording == NumberedCanvas.page_of:
        return NumberedCanvas
    return type("NumberedCanvasLocal", (NumberedCanvas,), {"page_of": wording})


class _Tick(Flowable):
    """Zero-size flowable that reports layout progress when it is drawn."""

    def __init__(self, callback: Callable[[], None]) -> None:
        super().__init__()
        self.callback = callback

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        return 0, 0

    def draw(self) -> None:
        self.callback()


FLAG_PREFIX = N_("\u2691 FLAGGED FOR DEBRIEF: ")
# How each part of a timeline cell looks: font, colour, struck through.
CELL_LOOK: dict[str, tuple[str, str, bool]] = {
    "flag": (SANS_BOLD, "#9c5700", False),
    "details": (SANS, MUTED, False),
    "struck": (SANS, MUTED, True),
    "text": (SANS, "#1b2631", False),
    "note": (SANS_OBLIQUE, MUTED, False),
}
CELL_SIZE, CELL_LEADING = 7.5, 9.3


class WordWidths:
    """Widths of words in the cell font, remembered: a log repeats its words thousands of times."""

    def __init__(self) -> None:
        self._known: dict[tuple[str, str], float] = {}

    def __call__(self, word: str, font: str) -> float:
        key = (word, font)
        width = self._known.get(key)
        if width is None:
            width = self._known[key] = stringWidth(word, font, CELL_SIZE)
        return width


class TextCell(Flowable):
    """Plain text in the bundled font, wrapped at spaces (long words cut), drawn line by line.

    ``blocks`` are (font, colour, struck through, text); newlines in a text start a new line.
    """

    def __init__(self, blocks: list[tuple[str, str, bool, str]], widths: WordWidths) -> None:
        super().__init__()
        self.blocks = blocks
        self.word_width = widths
        self.lines: list[tuple[str, str, bool, str, float]] = []
        # Flowable (untyped: reportlab has no stubs) sets these too; declared here so the measured
        # size has a type where wrap() reads it back.
        self.width: float = 0.0
        self.height: float = 0.0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:  # noqa: N803
        if self.lines and availWidth == self.width:
            return self.width, self.height  # measured already (the row is measured more than once)
        self.lines = []
        for font, colour, strike, text in self.blocks:
            space = self.word_width(" ", font)
            for paragraph in text.split("\n"):
                line: list[str] = []
                width = 0.0
                for word in paragraph.split(" "):
                    w = self.word_width(word, font)
                    if w > availWidth:  # a word wider than the column: cut it
                        if line:
                            self.lines.append((font, colour, strike, " ".join(line), width))
                            line, width = [], 0.0
                        for piece in self._cut(word, font, availWidth):
                            self.lines.append((font, colour, strike, piece, self.word_width(piece, font)))
                        continue
                    extra = w + (space if line else 0.0)
                    if line and width + extra > availWidth:
                        self.lines.append((font, colour, strike, " ".join(line), width))
                        line, width = [word], w
                    else:
                        line.append(word)
                        width += extra
                self.lines.append((font, colour, strike, " ".join(line), width))
        self.width = availWidth
        self.height = len(self.lines) * CELL_LEADING
        return availWidth, self.height

    def _cut(self, word: str, font: str, room: float) -> list[str]:
        pieces, current = [], ""
        for ch in word:
            if current and self.word_width(current + ch, font) > room:
                pieces.append(current)
                current = ""
            current += ch
        return pieces + ([current] if current else [])

    def draw(self) -> None:
        canv = self.canv
        y = self.height - CELL_SIZE
        # One text object for the whole cell: a drawString per line costs a text object each.
        text_object = canv.beginText(0, y)
        current: tuple[str, str] | None = None
        struck: list[tuple[float, float, str]] = []
        for font, colour, strike, text, width in self.lines:
            if (font, colour) != current:
                text_object.setFont(font, CELL_SIZE, CELL_LEADING)
                text_object.setFillColor(colour)
                current = (font, colour)
            text_object.textLine(text)
            if strike and text:
                struck.append((y + CELL_SIZE * 0.3, width, colour))
            y -= CELL_LEADING
        canv.drawText(text_object)
        for line_y, width, colour in struck:
            canv.setStrokeColor(colour)
            canv.setLineWidth(0.5)
            canv.line(0, line_y, width, line_y)


class Layout:
    def __init__(self, content: ReportContent, plan: FontPlan) -> None:
        self.c = content
        self.styles = _styles()
        self.markup = Markup(plan)
        # The report's own wording, for the independent check: it searches the incident's
        # content only, so "Page 3 of 9" never matches a DI called Page.
        self.furniture: set[str] = set()
        self.widths = WordWidths()
        self.tr = content.tr

    # --- small builders ---------------------------------------------------------------------
    def p(self, text: str, style: str = "cell", raw: str = "", *, content: bool = False) -> Paragraph:
        """A paragraph of plain (escaped) text, plus optional trusted markup appended.

        Text that is not ``content`` is the report's own wording and is recorded as furniture.
        """
        if not content:
            self.furniture.add(text)
        markup, shaped = self.markup(text)
        st = self.styles["cell_shaped"] if shaped and style == "cell" else self.styles[style]
        return Paragraph(markup + raw, st)

    def grid(
        self,
        header: Sequence[str],
        rows: Sequence[Sequence[Any]],
        widths: Sequence[float],
        empty: str = N_("None recorded."),
    ) -> Flowable:
        """A table with a header row. ``header`` and ``empty`` are English literals (the
        catalogue's extractor reads them from the call) printed in the report's language."""
        if not rows:
            return self.p(self.tr(empty), "small")
        header = [self.tr(h) if h not in ("", "#") else h for h in header]
        self.furniture.add(" ".join(header))
        data: list[list[Any]] = [
            [self._header_cell(h, w) for h, w in zip(header, widths, strict=False)] + [
                Paragraph(f"<b>{_escape(h)}</b>", self.styles["cell"]) for h in header[len(widths) :]
            ]
        ]
        # Each cell is bounded to what its column holds in about 30 lines (5 points a
        # character, generous for wide glyphs), so a row always fits a page.
        per_line = [max(6, int((w - 6) / 5.0)) for w in widths]
        for row in rows:
            data.append(
                [
                    cell
                    if isinstance(cell, Flowable)
                    else self.p(_bounded(str(cell), per_line=per_line[i], continued=self.tr(CONTINUED)), content=True)
                    for i, cell in enumerate(row)
                ]
            )
        table = Table(data, colWidths=list(widths), repeatRows=1, hAlign="LEFT")
        table.setStyle(self._grid_style(len(data)))
        return table

    def _header_cell(self, title: str, width: float) -> Paragraph:
        """A column title whose every word fits its column: a word cut in two ("Valoració" / "n")
        is no longer the report's own phrase to the independent check, which would then take the
        header's "Hora" for a person called Hora. Longer (Spanish) titles get a smaller size."""
        room = width - 6
        size = 7.5
        longest = max(title.split(), key=lambda w: stringWidth(w, SANS_BOLD, size), default="")
        while size > 5 and stringWidth(longest, SANS_BOLD, size) > room:
            size -= 0.25
        text = _escape(title)
        if size < 7.5:
            text = f'<font size="{size}">{text}</font>'
        return Paragraph(f"<b>{text}</b>", self.styles["cell"])

    def _grid_style(self, n: int) -> TableStyle:
        cmds: list[tuple[Any, ...]] = [
            ("FONT", (0, 0), (-1, -1), SANS, 7.5),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dfe6ee")),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, NAVY),
            ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ]
        for i in range(2, n, 2):
            cmds.append(("BACKGROUND", (0, i), (-1, i), ZEBRA))
        return TableStyle(cmds)

    def pairs(
        self,
        rows: Sequence[tuple[str, str]],
        key_w: float = 48 * mm,
        style: str = "cell",
        content_keys: frozenset[str] = frozenset(),
    ) -> Table:
        """Key/value rows. Values of ``content_keys`` are the incident's words: bounded, so a row
        always fits a page (the rest is in the timeline), and not recorded as furniture."""
        data = []
        for k, v in rows:
            self.furniture.add(k)
            shown = (
                self.p(_bounded(v, continued=self.tr(CONTINUED)), style, content=True)
                if k in content_keys
                else self.p(v, style)
            )
            data.append([Paragraph(f"<b>{_escape(k)}</b>", self.styles[style]), shown])
        table = Table(data, colWidths=[key_w, FRAME_W - key_w], hAlign="LEFT")
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), SANS, 7.5),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ]
            )
        )
        return table

    # --- sections ---------------------------------------------------------------------------
    def cover(self) -> list[Flowable]:
        c = self.c
        out: list[Flowable] = [Spacer(1, 18 * mm)]
        tr = self.tr
        out.append(self.p(tr("Negotiation debrief report"), "small"))
        out.append(Spacer(1, 2 * mm))
        out.append(self.p(c.ref, "title", content=True))
        out.append(Spacer(1, 3 * mm))
        out.append(self.p(c.title, "subtitle", content=True))
        out.append(Spacer(1, 8 * mm))
        out.append(self.p(c.marking, "marking"))
        if c.exercise:
            out.append(self.p(tr.fmt("{exercise} \u2014 training incident", exercise=tr(EXERCISE_MARKING)), "marking"))
        out.append(self.p(tr.fmt("Classification: {marking}", marking=c.classification), "h2", content=True))
        out.append(Spacer(1, 4 * mm))
        content_keys = frozenset(tr(k) for k in COVER_CONTENT_KEYS)
        rows = [(tr(k), v) for k, v in c.cover_rows]
        out.append(self.pairs(rows, style="body", content_keys=content_keys))
        for key, value in c.cover_rows:
            if key in COVER_CONTENT_KEYS and len(value) > CELL_LIMIT and key != "Outcome":
                out.append(self.p(tr.fmt("{key} (in full):", key=tr(key)), "small"))
                out.append(self.p(value, "body", content=True))
        out.append(Spacer(1, 5 * mm))
        out.append(self.p(c.zone_note, "small"))
        if c.redacted:
            out.append(
                self.p(
                    tr(
                        "This is a redacted copy. Every person is shown by a stable label (Subject A, Negotiator 1 "
                        "\u2026), every author of log entries as Loggist 1, 2 \u2026; phone numbers, e-mail addresses "
                        "and vehicle plates are replaced by a tag such as [PHONE]. The redaction schedule at the end "
                        "counts what was removed."
                    ),
                    "small",
                )
            )
        else:
            out.append(
                self.p(
                    tr(
                        "UNREDACTED COPY: it names the people involved. Handle under the marking above; its "
                        "production is recorded in the incident log."
                    ),
                    "marking",
                )
            )
            out.append(self.p(tr.fmt("Reason recorded for this copy: {reason}", reason=c.unredacted_reason), "body"))
        out.append(PageBreak())
        return out

    def summary(self) -> list[Flowable]:
        c = self.c
        tr = self.tr
        out: list[Flowable] = [self.p(tr("1. Summary"), "h1"), self.pairs(c.summary_rows, key_w=60 * mm)]
        out.append(self.p(tr("Entries by type"), "h2"))
        half = (len(c.kind_counts) + 1) // 2
        left, right = c.kind_counts[:half], c.kind_counts[half:]
        rows = []
        for i in range(half):
            row = [left[i][0], str(left[i][1])]
            row += [right[i][0], str(right[i][1])] if i < len(right) else ["", ""]
            rows.append(row)
        out.append(
            self.grid(["Type", "Entries", "Type", "Entries"], rows, [55 * mm, 30 * mm, 55 * mm, 30 * mm])
        )
        return out

    def people(self) -> list[Flowable]:
        c = self.c
        tr = self.tr
        out: list[Flowable] = [self.p(tr("2. People"), "h1")]
        if c.redacted:
            out.append(
                self.p(tr("People are shown by label only. Names, aliases and phone numbers are withheld."), "small")
            )
            rows = [(label, role) for label, role, _ in c.people]
            out.append(self.grid(["Label", "Role"], rows, [70 * mm, FRAME_W - 70 * mm]))
        else:
            out.append(self.grid(["Label", "Role", "Name"], c.people, [45 * mm, 35 * mm, FRAME_W - 80 * mm]))
        out.append(self.p(tr("Authors of log entries"), "h2"))
        out.append(self.grid(["Author", "Entries"], [(a, str(n)) for a, n in c.authors], [70 * mm, 30 * mm]))
        return out

    def rotation(self) -> list[Flowable]:
        c = self.c
        tr = self.tr
        out: list[Flowable] = [CondPageBreak(80 * mm), self.p(tr("3. Negotiator rotation"), "h1")]
        if c.spells:
            out.append(
                self.p(
                    tr.fmt(
                        "Who held which role, {start} to {end}. Each bar is one spell in a role.",
                        start=c.clock.short(c.axis[0]),
                        end=c.clock.short(c.axis[1]),
                    ),
                    "small",
                )
            )
            out.append(Spacer(1, 2 * mm))
            out.append(rotation_chart(c.spells, c.axis, c.clock, FRAME_W, tr))
            self.furniture.add(tr("Role:"))
            self.furniture.update(tr.word(choice_group("role"), s.role) for s in c.spells)
        else:
            out.append(self.p(tr("No rotations recorded."), "small"))
        out.append(self.p(tr("Time on the phone (as primary negotiator)"), "h2"))
        out.append(
            self.grid(
                ["Negotiator", "Time"], [(label, text) for label, text, _ in c.phone_time], [70 * mm, 40 * mm]
            )
        )
        _ = ROLE_COLOURS
        return out

    def boards(self) -> list[Flowable]:
        c = self.c
        tr = self.tr
        out: list[Flowable] = [PageBreak(), self.p(tr("4. Demands and offers"), "h1"), self.p(tr("Demands"), "h2")]
        out.append(
            self.grid(
                ["#", "At", "By", "Demand", "Status", "Deadline", "Lifecycle"],
                c.demands,
                [10 * mm, 11 * mm, 22 * mm, 45 * mm, 16 * mm, 25 * mm, FRAME_W - 129 * mm],
            )
        )
        out.append(self.p(tr("Offers"), "h2"))
        out.append(
            self.grid(
                ["#", "At", "By \u2192 to", "Offer", "Status", "Lifecycle"],
                c.offers,
                [10 * mm, 11 * mm, 30 * mm, 55 * mm, 18 * mm, FRAME_W - 124 * mm],
            )
        )
        out.append(self.p(tr("5. Hooks, triggers and risks"), "h1"))
        widths = [10 * mm, 11 * mm, 25 * mm, 70 * mm, 30 * mm, FRAME_W - 146 * mm]
        for title, rows in c.boards:
            out.append(self.p(tr(title), "h2"))
            if title == "Risks":
                out.append(self.grid(["#", "At", "About", "Risk", "Source", "Category / status"], rows, widths))
            else:
                out.append(self.grid(["#", "At", "About", "Item", "Source", ""], rows, widths))
        out.append(self.p(tr("6. Intelligence"), "h1"))
        out.append(
            self.grid(
                ["#", "At", "Information", "Source", "Grading"],
                c.intelligence,
                [10 * mm, 11 * mm, 95 * mm, 40 * mm, FRAME_W - 156 * mm],
            )
        )
        out.append(self.p(tr("7. Decisions"), "h1"))
        out.append(
            self.grid(
                ["#", "At", "Decided by", "Decision", "Rationale"],
                c.decisions,
                [10 * mm, 11 * mm, 25 * mm, 65 * mm, FRAME_W - 111 * mm],
            )
        )
        return out

    def timeline_cells(self, row: TimelineRow) -> list[Flowable]:
        """The row's text cell, cut into pieces that each fit well within a page.

        A statement may be 50,000 characters; a table row cannot split across pages, so the
        first piece goes into the entry's row and each further piece into a continuation row.
        A piece in the bundled font is a ``TextCell`` (about ten times faster to lay out than a
        Paragraph: the timeline is most of a long report); other scripts go through Paragraph,
        which handles fallback fonts and Arabic shaping.
        """
        parts: list[tuple[str, str]] = []  # (part kind, plain text)
        if row.flagged:
            parts.append(("flag", self.tr(FLAG_PREFIX) + row.flagged))
        if row.details:
            parts.append(("details", row.details))
        for old in row.struck:
            parts.append(("struck", old))
        if row.text:
            parts.append(("text", row.text))
        if row.note:
            parts.append(("note", row.note))
        cells: list[list[tuple[str, str]]] = [[]]
        used = 0
        for kind, text in parts:
            for piece in split_for_rows(text):
                lines = _lines(piece)
                if used and used + lines > ROW_LINES:
                    cells.append([])
                    used = 0
                cells[-1].append((kind, piece))
                used += lines
        out: list[Flowable] = []
        for chunk in cells:
            out.extend(self._fitted(chunk or [("text", "\u2014")]))
        return out

    def _fitted(self, chunk: list[tuple[str, str]]) -> list[Flowable]:
        """The cell for ``chunk``, measured: if it is still taller than a page allows (wide
        glyphs, a fallback font, a word without spaces), it is cut in two, and again."""
        if all(self._plain(text) for _, text in chunk):
            cell: Flowable = TextCell([(*CELL_LOOK[kind], text) for kind, text in chunk], self.widths)
        else:
            cell = self._paragraph_cell(chunk)
        _, height = cell.wrap(TIMELINE_TEXT_W - 6, PAGE_H)
        if height <= MAX_CELL_HEIGHT or sum(len(text) for _, text in chunk) < 2:
            return [cell]
        if len(chunk) > 1:
            half = len(chunk) // 2
            return self._fitted(chunk[:half]) + self._fitted(chunk[half:])
        kind, text = chunk[0]
        middle = len(text) // 2
        cut = text.rfind(" ", 0, middle)
        cut = cut if cut > middle // 2 else middle
        return self._fitted([(kind, text[:cut])]) + self._fitted([(kind, text[cut:].lstrip(" "))])

    def _paragraph_cell(self, chunk: list[tuple[str, str]]) -> Paragraph:
        markups: list[str] = []
        shaped_any = False
        for kind, text in chunk:
            markup, shaped = self.markup(text)
            shaped_any |= shaped
            font, colour, strike = CELL_LOOK[kind]
            inner = f'<font face="{font}" color="{colour}">{markup}</font>'
            markups.append(f"<strike>{inner}</strike>" if strike else inner)
        style = self.styles["cell_shaped" if shaped_any else "cell"]
        return Paragraph("<br/>".join(markups), style)

    def timeline(self, tick: Callable[[], None]) -> list[Flowable]:
        rows = self.c.timeline
        widths = [w for _, w in TIMELINE_COLS] + [TIMELINE_TEXT_W]
        out: list[Flowable] = [NextPageTemplate("timeline"), PageBreak()]
        if not rows:
            out.append(self.p(self.tr("The log has no entries."), "small"))
        base = [
            ("FONT", (0, 0), (-1, -1), SANS, 7.5, 9.3),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, -1), 0.25, RULE),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ]
        kind_w, author_w = TIMELINE_COLS[2][1], TIMELINE_COLS[3][1]
        for start in range(0, len(rows), CHUNK_ROWS):
            chunk = rows[start : start + CHUNK_ROWS]
            data: list[list[Any]] = []
            cmds = list(base)
            for i, row in enumerate(chunk):
                when = row.occurred
                if row.recorded_late:
                    late = f"{self.tr('rec.')} {row.recorded_late}"
                    # "rec. 2026-03-14 21:05:00" is wider than the column: the time on its own line.
                    if not self._fits(late, TIMELINE_COLS[1][1]):
                        late = f"{self.tr('rec.')}\n{row.recorded_late}"
                    when += "\n" + late
                # Long type titles ("Flag for debrief") and labels wrap inside their column
                # instead of running over the next one.
                kind = row.kind if self._fits(row.kind, kind_w) else self.p(row.kind)
                author = row.author if self._fits(row.author, author_w) else self.p(row.author)
                cells = self.timeline_cells(row)
                first = len(data)
                data.append([str(row.seq), when, kind, author, cells[0]])
                for more in cells[1:]:
                    data.append([f"#{row.seq}", self.tr("(continued)"), "", "", more])
                last = len(data) - 1
                if row.flagged:
                    cmds.append(("BACKGROUND", (0, first), (-1, last), FLAG_FILL))
                elif (start + i) % 2:
                    cmds.append(("BACKGROUND", (0, first), (-1, last), ZEBRA))
                if row.recorded_late:
                    cmds.append(("TEXTCOLOR", (1, first), (1, first), colors.HexColor("#9c5700")))
            table = Table(data, colWidths=widths, style=TableStyle(cmds), hAlign="LEFT")
            out.append(table)
            out.append(_Tick(tick))
        out.append(NextPageTemplate("body"))
        return out

    def _fits(self, text: str, width: float) -> bool:
        """Whether ``text`` prints on one line of a column (3 pt padding each side)."""
        return self._plain(text) and stringWidth(text, SANS, 7.5) <= width - 6

    def _plain(self, text: str) -> bool:
        if text.isascii():
            return True
        return all(ord(ch) in self.markup.plan.covered and not is_arabic(ch) for ch in text)

    def integrity(self) -> list[Flowable]:
        c = self.c
        tr = self.tr
        out: list[Flowable] = [PageBreak(), self.p(tr("9. Integrity"), "h1")]
        out.append(
            self.p(
                tr(
                    "The log is a hash chain: each entry's hash covers the one before it, so changing, removing or "
                    "inserting any entry changes the head hash. To check this printed copy against the vault, run:"
                ),
                "body",
            )
        )
        out.append(Spacer(1, 2 * mm))
        rows = []
        for key, value in c.integrity:
            rows.append((key, value))
        table = self.pairs(rows, key_w=40 * mm, style="body")
        out.append(table)
        out.append(Spacer(1, 4 * mm))
        out.append(self.p(tr("Command to verify this copy"), "h2"))
        out.append(KeepTogether([self.p(c.verify_command, "mono", content=True)]))
        out.append(Spacer(1, 3 * mm))
        out.append(
            self.p(
                tr(
                    "The command exits 0 when the vault still holds these entries unchanged, with this head hash at "
                    "this entry number (entries recorded after this copy was made are allowed). Otherwise it exits "
                    "1 and says what differs: a changed entry by number, or entries removed since printing."
                ),
                "small",
            )
        )
        return out

    def schedule(self) -> list[Flowable]:
        c = self.c
        tr = self.tr
        out: list[Flowable] = [PageBreak(), self.p(tr("10. Redaction schedule"), "h1")]
        out.append(
            self.p(
                tr(
                    "This copy is an EDITED VERSION. The categories of information removed, and how many times "
                    "each was removed; the values themselves are not recorded here."
                ),
                "body",
            )
        )
        out.append(Spacer(1, 3 * mm))
        rows = [
            (tr(SCHEDULE_NAMES[category]) if category in SCHEDULE_NAMES else category, str(count))
            for category, count in c.schedule.items()
        ]
        out.append(
            self.grid(
                ["Category", "Redactions"], rows, [110 * mm, 30 * mm], empty=N_("Nothing needed redacting.")
            )
        )
        out.append(Spacer(1, 4 * mm))
        out.append(self.p(tr("End of report."), "small"))
        return out

    def story(self, tick: Callable[[], None]) -> list[Flowable]:
        story: list[Flowable] = [NextPageTemplate("body")]
        story += self.cover()
        story += self.summary()
        story += self.people()
        story += self.rotation()
        story += self.boards()
        story += self.timeline(tick)
        story += self.integrity()
        if self.c.redacted:
            story += self.schedule()
        return story


def program_wording(content: ReportContent) -> set[str]:
    """The words the program itself puts around the incident's content, besides the layout's
    own paragraphs: page furniture, labels and tags, entry types, field names, choices. In the
    report's language (and in English too: a Spanish report still prints the stored English of
    an unknown kind or a choice the catalogue does not know)."""
    from incident_log.domain.kinds import KINDS
    from incident_log.i18n.vocabulary import FIELD
    from incident_log.report.content import PHONE_OF, TAG_WORDS, UNKNOWN_PERSON

    tr = content.tr
    # The ref and the classification are typed by people: they are checked like content.
    words: set[str] = {
        content.marking,
        tr(EXERCISE_MARKING),
        tr("Debrief report {ref} \u00b7 {at}").split("{")[0],  # the footer; the ref is checked
        content.generated_at,
        tr(NumberedCanvas.page_of).format(number=1, total=1),
        tr("8. Full timeline ({n} entries)").format(n=len(content.timeline)),
        " ".join(tr(t) if t != "#" else t for t, _ in TIMELINE_COLS) + " " + tr("Entry"),
        tr(FLAG_PREFIX).strip(),
        tr("rec."),
        tr("(continued)"),
        tr(CONTINUED),
        tr("corrected by #{seq}").format(seq=1),
        tr("amends #{seq}").format(seq=1),
        tr("flags #{seq}").format(seq=1),
        tr("updates #{seq}").format(seq=1),
        tr(" (last note)"),
        tr(" \u2014 conditions: {conditions}").split("{")[0],
        tr(" (restated {n}\u00d7)").format(n=1),
        tr(" (owed)"),
        tr("not sealed; last entry {at}").split("{")[0],
        tr("{duration} to the last entry (incident still open)").split("}")[-1],
        tr(UNKNOWN_PERSON),
        tr("flagged"),
        content.zone_note,
        "1 h 01 min",
        "1 min 01 s",
        "1 s",
    }
    words.update(label for label, _, _ in content.people)
    words.update(role for _, role, _ in content.people)
    words.update(author for author, _ in content.authors)
    words.update(spell.lane for spell in content.spells)
    words.update(tr(k) for k, _ in content.cover_rows)
    words.update(k for k, _ in content.summary_rows + content.integrity)
    words.update(v for k, v in content.integrity if k != tr("Program version"))
    words.update(v for k, v in content.summary_rows)
    words.update(v for k, v in content.cover_rows if k not in COVER_CONTENT_KEYS)
    words.update(tr(title) for title, _ in content.boards)
    words.update(name for name, _ in content.kind_counts)
    words.update(tr(v) for v in SCHEDULE_NAMES.values())
    words.update(content.schedule)
    for tag, shown in TAG_WORDS.items():
        words.update((tag, tr(shown)))
    words.update(tr(PHONE_OF).format(label=label) for label, _, _ in content.people)
    words.add(PHONE_OF.format(label="Subject A"))
    for spec in KINDS.values():
        words.update((spec.title, tr.word(KIND, spec.title)))
        for field_spec in spec.fields:
            name = field_spec.name.replace("_", " ")
            words.update((name + ":", tr.word(FIELD, name) + ":"))
            for choice in field_spec.choices:
                words.update((choice, tr.word(choice_group(field_spec.name), choice)))
    words.add("incident-log verify")
    words.update(v for k, v in content.integrity if k == tr("Head hash"))
    words.add(f"--head {content.verify_command.rsplit('--head ', 1)[-1]}" if "--head " in content.verify_command else "")
    return {w for w in words if w}


def render(
    content: ReportContent, plan: FontPlan, *, invariant: bool, tick: Callable[[], None]
) -> tuple[bytes, int, set[str]]:
    """Lay the content out; returns (pdf bytes, page count, the report's own wording)."""
    buf = io.BytesIO()
    doc = BaseDocTemplate(
        buf,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=content.ref,
        author="",
        subject="",
        creator="Incident Log",
        producer="Incident Log",
        keywords="",
        invariant=1 if invariant else 0,
        # Every page starts in DejaVu: no Helvetica (which has no Ł) is even referenced.
        initialFontName=SANS,
        initialFontSize=8,
        initialLeading=10,
    )
    body_h = PAGE_H - MARGIN_TOP - MARGIN_BOTTOM
    furniture = _page_furniture(content)
    doc.addPageTemplates(
        [
            PageTemplate(
                "body",
                [
                    Frame(
                        MARGIN_X,
                        MARGIN_BOTTOM,
                        FRAME_W,
                        body_h,
                        id="body",
                        leftPadding=0,
                        rightPadding=0,
                        topPadding=0,
                        bottomPadding=0,
                    )
                ],
                onPage=furniture,
            ),
            PageTemplate(
                "timeline",
                [
                    Frame(
                        MARGIN_X,
                        MARGIN_BOTTOM,
                        FRAME_W,
                        body_h - TIMELINE_BAND,
                        id="timeline",
                        leftPadding=0,
                        rightPadding=0,
                        topPadding=0,
                        bottomPadding=0,
                    )
                ],
                onPage=_timeline_band(content),
            ),
        ]
    )
    layout = Layout(content, plan)
    doc.build(layout.story(tick), canvasmaker=numbered_canvas(content.tr))
    return buf.getvalue(), doc.page, layout.furniture | program_wording(content)
