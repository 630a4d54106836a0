"""The situation summary as a one- or two-page PDF, redacted or not, through the report engine.

The same door as the debrief report: every name and free text goes through
``report.content.Scrub`` (its public interface only: ``text``, ``person``, ``author``) before
any of it is laid out, with the report's fonts and font fallbacks, its page numbering and, for
a redacted copy, the report's independent check of the finished PDF (``selfcheck.extract`` and
``redaction.check``) with the summary's own wording as its furniture. Nothing here knows how
redaction works.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import tzinfo

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Frame, KeepTogether, PageTemplate, Paragraph, Spacer

from incident_log.domain.entry import Entry, utc_now
from incident_log.domain.situation import T_ASSESSMENT, T_MORE, SituationSummary, furniture, situation
from incident_log.domain.state import IncidentState
from incident_log.i18n import N_, Translator, translator
from incident_log.redaction.check import Hit
from incident_log.report.content import Clock, Scrub
from incident_log.report.errors import ReasonRequired, ReportLeak
from incident_log.report.fonts import SANS, SANS_BOLD, FontPlan, plan_of
from incident_log.report.layout import Markup, NumberedCanvas, numbered_canvas
from incident_log.report.options import (
    EXERCISE_MARKING,
    REDACTED_MARKING,
    UNREDACTED_MARKING,
    RedactorLike,
    ReportOptions,
    ReportResult,
    classification_for,
)

PAGE_W, PAGE_H = A4
MARGIN_X = 16 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 16 * mm
INK = colors.HexColor("#1b2631")
NAVY = colors.HexColor("#1f3550")
RULE = colors.HexColor("#9aa5b1")
ALERT = colors.HexColor("#b00020")
# The summary's own wording, marked for the catalogue and printed in ``ReportOptions.lang``.
TITLE = N_("Situation summary")
AS_OF = N_("As of {at} ({zone}) · covers entries up to #{through}")
PREPARED_BY = N_(" · prepared by {who}")
UNREDACTED_BECAUSE = N_("Unredacted because: {why}")
SEALED_NOTE = N_("The incident is sealed: this is the position at the seal.")
NONE_WRITTEN = N_("(none written)")
FOOTER = N_("Situation summary {ref} · {at}")
UNREDACTED_ACTION = "unredacted situation summary"  # the audit entry's action: data, stays English


def _zone(options: ReportOptions, zone_name: str) -> tzinfo:
    """The incident's own zone, as the debrief report prints it (never the printing machine's)."""
    if options.tz is not None:
        return options.tz
    from incident_log.domain.zones import zone

    return zone(zone_name)


def summary_content(
    state: IncidentState,
    entries: Sequence[Entry],
    *,
    redactor: RedactorLike | None,
    through: int,
    since: int,
    assessment: str = "",
    prepared_by: str = "",
    options: ReportOptions | None = None,
) -> tuple[SituationSummary, Clock, Scrub]:
    """The summary's lines as this copy may show them (redacted when ``redactor`` is given), in
    ``options.lang``: wording, labels ("Sujeto A") and dates (dd/mm/aaaa) as the debrief report."""
    options = options or ReportOptions()
    tr = translator(options.lang)
    scrub = Scrub(state, entries, redactor, tr)
    clock = Clock(_zone(options, state.incident.time_zone), tr.lang)
    # A redacted copy names its author by label, which only authors of entries have; anyone else
    # is left out rather than printed by name.
    known_authors = set(state.authors) | {e.author for e in entries}
    if redactor is not None and prepared_by not in known_authors:
        prepared_by = ""
    summary = situation(
        state,
        now=options.generated_at or utc_now(),
        through=through,
        since=since,
        name=scrub.person,
        text=scrub.text,
        clock=clock.hm,
        assessment=assessment,
        prepared_by=scrub.author(prepared_by) if prepared_by else "",
        words=tr,
    )
    return summary, clock, scrub


def build_summary(
    state: IncidentState,
    entries: Sequence[Entry],
    *,
    redactor: RedactorLike | None,
    through: int,
    since: int,
    assessment: str = "",
    prepared_by: str = "",
    options: ReportOptions | None = None,
) -> ReportResult:
    """The PDF in memory. ``redactor=None`` makes the unredacted copy, which needs a reason."""
    options = options or ReportOptions()
    if redactor is None and not (options.unredacted_reason or "").strip():
        raise ReasonRequired()
    summary, clock, scrub = summary_content(
        state, entries, redactor=redactor, through=through, since=since, assessment=assessment,
        prepared_by=prepared_by, options=options,
    )
    plan = plan_of(redactor) or FontPlan.create()
    location = scrub.text(state.incident.location)
    pdf, pages = _render(summary, clock, plan, options, scrub.tr, redacted=redactor is not None,
                         exercise=state.incident.exercise, location=location)
    if redactor is not None:
        hits = leaks_in_summary(pdf, redactor, summary_wording(state, entries, redactor, options))
        if hits:
            raise ReportLeak(hits, ref=state.incident.ref)
    return ReportResult(
        pdf=pdf, pages=pages, redacted=redactor is not None, warnings=tuple(plan.warnings()),
        schedule=dict(redactor.schedule()) if redactor is not None else {},
    )


def marking_of(redactor: RedactorLike | None, tr: Translator | None = None) -> str:
    tr = tr or translator("en")
    return tr(REDACTED_MARKING if redactor is not None else UNREDACTED_MARKING)


def _own_wording(options: ReportOptions, tr: Translator) -> tuple[str, ...]:
    import string

    templates = (TITLE, AS_OF, PREPARED_BY, UNREDACTED_BECAUSE, SEALED_NOTE, NONE_WRITTEN, FOOTER,
                 EXERCISE_MARKING, "Page {number} of {total}")
    literals = [piece for t in templates for piece, *_ in string.Formatter().parse(tr(t)) if piece.strip()]
    return (*literals, classification_for(options.classification, tr.lang))


def summary_wording(state: IncidentState, entries: Sequence[Entry], redactor: RedactorLike,
                    options: ReportOptions) -> set[str]:
    """The words the summary itself prints around the incident's content: its templates, labels,
    authors' labels, markings and tags. The independent check must not take them for names."""
    from incident_log.domain.kinds import KINDS
    from incident_log.domain.labels import translate_label
    from incident_log.i18n.vocabulary import choice_group
    from incident_log.report.source import report_authors

    tr = translator(options.lang)
    words = {*furniture(tr), *_own_wording(options, tr), marking_of(redactor, tr)}
    labels = [person.label for person in state.people] + list(report_authors(state, entries).values())
    words.update(labels)
    words.update(translate_label(label, tr.lang) for label in labels)
    words.update("[NAME] [PHONE] [ID] [PLATE] [EMAIL] [HANDLE] [LINK] [ADDRESS] [POSTCODE] [DOB] [REDACTED]".split())
    for spec in KINDS.values():
        words.update(spec.fields[0].choices if spec.fields else ())
        for field in spec.fields:
            words.update(field.choices)
            if tr.spanish:
                words.update(tr.word(choice_group(field.name), choice) for choice in field.choices)
    return {w for w in words if w}


def leaks_in_summary(pdf: bytes, redactor: RedactorLike, wording: set[str]) -> list[Hit]:
    """The report's independent check on the finished summary: its text read back as a viewer
    reads it (``selfcheck.extract``), its own wording taken out, then every registered name,
    phone and hidden value looked for (``redaction.check``). It shares no code with the redactor."""
    from incident_log.redaction.check import check
    from incident_log.report.selfcheck import extract

    pages, extra = extract(pdf)
    return check([*pages, extra], wording, redactor.check_targets())


def _styles() -> dict[str, ParagraphStyle]:
    body = ParagraphStyle("sumBody", fontName=SANS, fontSize=9, leading=11.6, textColor=INK)
    return {
        "body": body,
        "shaped": ParagraphStyle("sumShaped", parent=body, shaping=1),
        "bullet": ParagraphStyle("sumBullet", parent=body, leftIndent=9, bulletIndent=0, spaceAfter=1),
        "bullet_shaped": ParagraphStyle("sumBulletShaped", parent=body, leftIndent=9, bulletIndent=0, shaping=1),
        "quiet": ParagraphStyle("sumQuiet", parent=body, textColor=colors.HexColor("#5d6d7e")),
        "title": ParagraphStyle("sumTitle", parent=body, fontName=SANS_BOLD, fontSize=16, leading=20, textColor=NAVY),
        "subtitle": ParagraphStyle("sumSub", parent=body, fontSize=11, leading=14),
        "h2": ParagraphStyle("sumH2", parent=body, fontName=SANS_BOLD, fontSize=10, leading=13, spaceBefore=6,
                             spaceAfter=2, textColor=NAVY),
        "marking": ParagraphStyle("sumMark", parent=body, fontName=SANS_BOLD, fontSize=10, leading=13, textColor=ALERT),
    }


def _render(summary: SituationSummary, clock: Clock, plan: FontPlan, options: ReportOptions, tr: Translator, *,
            redacted: bool, exercise: bool, location: str) -> tuple[bytes, int]:
    markup = Markup(plan)
    styles = _styles()

    def para(text: str, style: str) -> Paragraph:
        marked, shaped = markup(text)
        if shaped and style in ("body", "bullet"):
            style = "shaped" if style == "body" else "bullet_shaped"
        return Paragraph(marked, styles[style], bulletText="•" if style.startswith("bullet") else None)

    marking = tr(REDACTED_MARKING if redacted else UNREDACTED_MARKING)
    exercise_marking = tr(EXERCISE_MARKING)
    generated = clock.full(summary.as_of)
    story = [
        para(tr(TITLE), "title"),
        para(f"{summary.ref} · {summary.title}", "subtitle"),
    ]
    if location:
        story.append(para(location, "quiet"))
    facts = tr(AS_OF).format(at=generated, zone=clock.offset(summary.as_of), through=summary.through)
    if summary.prepared_by:
        facts += tr(PREPARED_BY).format(who=summary.prepared_by)
    story.append(para(facts, "quiet"))
    story.append(para(marking + (" · " + exercise_marking if exercise else ""), "marking"))
    if not redacted and options.unredacted_reason:
        story.append(para(tr(UNREDACTED_BECAUSE).format(why=options.unredacted_reason), "quiet"))
    if summary.sealed:
        story.append(para(tr(SEALED_NOTE), "marking"))
    story.append(Spacer(1, 3 * mm))
    for section in summary.sections:
        block = [para(section.title, "h2")]
        if section.lines:
            block += [para(line, "bullet") for line in section.lines]
        else:
            block.append(para(section.empty, "quiet"))
        if section.more:
            block.append(para(tr(T_MORE).format(n=section.more), "quiet"))
        story.append(KeepTogether(block))
    story.append(para(tr(T_ASSESSMENT), "h2"))
    story.append(para(summary.assessment or tr(NONE_WRITTEN), "body" if summary.assessment else "quiet"))

    classification = classification_for(options.classification, tr.lang)

    def furniture(canv: NumberedCanvas, _doc: object) -> None:
        canv.saveState()
        canv.setFillColor(INK)
        canv.setFont(SANS_BOLD, 8.5)
        canv.drawCentredString(PAGE_W / 2, PAGE_H - 10 * mm, classification)
        canv.setFont(SANS, 7.5)
        canv.drawString(MARGIN_X, PAGE_H - 10 * mm, summary.ref)
        canv.setFont(SANS_BOLD, 7.5)
        canv.drawRightString(PAGE_W - MARGIN_X, PAGE_H - 10 * mm, marking)
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_X, PAGE_H - MARGIN_TOP + 3 * mm, PAGE_W - MARGIN_X, PAGE_H - MARGIN_TOP + 3 * mm)
        canv.line(MARGIN_X, MARGIN_BOTTOM - 4 * mm, PAGE_W - MARGIN_X, MARGIN_BOTTOM - 4 * mm)
        canv.setFont(SANS_BOLD, 8.5)
        canv.drawCentredString(PAGE_W / 2, 9 * mm, classification)
        canv.setFont(SANS, 7)
        canv.drawString(MARGIN_X, 9 * mm, tr(FOOTER).format(ref=summary.ref, at=generated))
        if exercise:
            canv.setFillColor(ALERT)
            canv.setFont(SANS_BOLD, 9)
            canv.drawCentredString(PAGE_W / 2, PAGE_H - 14.5 * mm, exercise_marking)
        canv.restoreState()

    buffer = io.BytesIO()
    doc = BaseDocTemplate(
        buffer, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, title=tr(TITLE) + " " + summary.ref, author="Incident Log",
        subject=marking, creator="Incident Log", producer="Incident Log", invariant=int(options.invariant),
    )
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, PAGE_W - 2 * MARGIN_X, PAGE_H - MARGIN_TOP - MARGIN_BOTTOM, id="body")
    doc.addPageTemplates([PageTemplate(id="summary", frames=[frame], onPage=furniture)])
    doc.build(story, canvasmaker=numbered_canvas(tr))
    return buffer.getvalue(), doc.page
