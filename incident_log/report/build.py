"""build_report / write_report: incident state in, checked PDF out.

A pure function of its arguments (plus the clock when ``generated_at`` is not given): the
caller fetches state, entries and the verification result from the logbook, so the report
needs no vault and can be tested with hand-made values.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from incident_log import fileio
from incident_log.domain.entry import Entry, utc_now
from incident_log.domain.state import IncidentState
from incident_log.report.content import build_content
from incident_log.report.errors import ReasonRequired, ReportLeak, ReportWriteFailed
from incident_log.report.fonts import FontPlan, plan_of
from incident_log.report.layout import render
from incident_log.report.options import Progress, RedactorLike, ReportOptions, ReportResult, VerifySummary
from incident_log.report.selfcheck import leaks_in

# Share of the progress bar per phase: redacting and preparing, laying out, reading back.
_PREPARE, _LAYOUT, _CHECK = 20, 55, 25
TOTAL = _PREPARE + _LAYOUT + _CHECK


class _Meter:
    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.last = -1

    def report(self, done: float) -> None:
        if self.progress is None:
            return
        value = min(TOTAL, int(done))
        if value != self.last:
            self.last = value
            self.progress(value, TOTAL)


def build_report(
    state: IncidentState,
    entries: Sequence[Entry],
    *,
    redactor: RedactorLike | None,
    verification: VerifySummary,
    options: ReportOptions | None = None,
    progress: Progress | None = None,
) -> ReportResult:
    """Make the debrief PDF in memory. ``redactor=None`` makes the unredacted copy.

    A redacted copy is read back and checked for leaks before it is returned; on any hit this
    raises ``ReportLeak`` and returns nothing.
    """
    options = options or ReportOptions()
    if redactor is None and not (options.unredacted_reason or "").strip():
        raise ReasonRequired()
    from incident_log import __version__

    meter = _Meter(progress)
    generated_at = options.generated_at or utc_now()
    n = max(1, len(entries))
    prepared = [0]

    def tick_prepare() -> None:
        prepared[0] += 1
        if prepared[0] % 100 == 0:
            meter.report(_PREPARE * prepared[0] / n)

    content = build_content(
        state,
        entries,
        redactor=redactor,
        verification=verification,
        options=options,
        generated_at=generated_at,
        program_version=options.program_version or __version__,
        tick=tick_prepare,
    )
    if redactor is not None:
        content.schedule = dict(redactor.schedule())
    meter.report(_PREPARE)

    chunks = max(1, (len(content.timeline) + 39) // 40)
    laid = [0]

    def tick_layout() -> None:
        laid[0] += 1
        meter.report(_PREPARE + _LAYOUT * laid[0] / chunks)

    plan = plan_of(redactor) or FontPlan.create()
    pdf, pages, furniture = render(content, plan, invariant=options.invariant, tick=tick_layout)
    meter.report(_PREPARE + _LAYOUT)
    if redactor is not None:
        hits = leaks_in(
            pdf,
            redactor,
            furniture,
            content,
            lambda d, t: meter.report(_PREPARE + _LAYOUT + _CHECK * d / max(1, t)),
        )
        if hits:
            raise ReportLeak(hits, ref=state.incident.ref)
    meter.report(TOTAL)
    return ReportResult(
        pdf=pdf,
        pages=pages,
        redacted=redactor is not None,
        warnings=tuple(plan.warnings()),
        schedule=dict(content.schedule),
    )


def write_atomically(path: Path, data: bytes) -> None:
    """Write the PDF so a reader sees the old file or the whole new one, never half of it."""
    try:
        fileio.write_atomically(Path(path), data)
    except OSError as exc:
        raise ReportWriteFailed(Path(path), exc.strerror or type(exc).__name__) from exc


def write_report(
    path: Path,
    state: IncidentState,
    entries: Sequence[Entry],
    *,
    redactor: RedactorLike | None,
    verification: VerifySummary,
    options: ReportOptions | None = None,
    progress: Progress | None = None,
) -> ReportResult:
    """Build, self-check, then write. Nothing is written when the build or the check fails."""
    result = build_report(
        state, entries, redactor=redactor, verification=verification, options=options, progress=progress
    )
    write_atomically(Path(path), result.pdf)
    return ReportResult(
        pdf=result.pdf,
        pages=result.pages,
        redacted=result.redacted,
        warnings=result.warnings,
        schedule=result.schedule,
        path=Path(path),
    )
