"""The debrief report: incident state + redactor -> a checked PDF (DESIGN §1, issue 4).

No Qt here. reportlab loads only when a report is actually built (it costs ~0.1 s at start-up),
so importing this package for its options and errors is cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from incident_log.report.errors import ReasonRequired, ReportError, ReportLeak, ReportWriteFailed
from incident_log.report.options import (
    DEFAULT_CLASSIFICATION,
    DEFAULT_CLASSIFICATIONS,
    RedactorLike,
    ReportOptions,
    ReportResult,
    VerifySummary,
    classification_for,
)

if TYPE_CHECKING:
    from incident_log.report.build import build_report, write_report

__all__ = [
    "DEFAULT_CLASSIFICATION",
    "DEFAULT_CLASSIFICATIONS",
    "ReasonRequired",
    "RedactorLike",
    "ReportError",
    "ReportLeak",
    "ReportOptions",
    "ReportResult",
    "ReportWriteFailed",
    "VerifySummary",
    "build_report",
    "classification_for",
    "write_report",
]


def __getattr__(name: str) -> Any:
    if name in ("build_report", "write_report"):
        from incident_log.report import build

        return getattr(build, name)
    raise AttributeError(name)
