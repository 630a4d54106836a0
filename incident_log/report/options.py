"""The plain values a report is asked for and hands back (no reportlab here).

Kept apart from the layout so the command line and the GUI can build options and read results
without loading reportlab (about 0.1 s) until a report is actually made.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from incident_log.redaction.check import CheckTargets

DEFAULT_CLASSIFICATION = "OFFICIAL-SENSITIVE"
REDACTED_MARKING = "REDACTED COPY \u00b7 EDITED VERSION"
UNREDACTED_MARKING = "UNREDACTED \u2014 RESTRICTED"
EXERCISE_MARKING = "EXERCISE"

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)``; from the thread that builds the report."""


class RedactorLike(Protocol):
    """What the report needs of ``incident_log.redaction.Redactor``."""

    def redact(self, text: str) -> str: ...

    def schedule(self) -> Mapping[str, int]: ...

    def check_targets(self) -> CheckTargets: ...


@dataclass(frozen=True, slots=True)
class VerifySummary:
    """The result of checking the chain, as printed on the integrity page."""

    ok: bool
    count: int
    head_hash: str
    problems: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ReportOptions:
    classification: str = DEFAULT_CLASSIFICATION
    generated_at: datetime | None = None  # None: now
    program_version: str = ""  # "": incident_log.__version__
    # Required for an unredacted copy (the audit entry records it); printed on its cover.
    unredacted_reason: str | None = None
    # Times are printed in this zone (None: the incident's own zone), and the report says which.
    tz: tzinfo | None = None
    # The vault the verify command names with --vault (None: the default vault, no --vault);
    # vault_gone: it was a temporary vault (the demo's) that no longer exists.
    verify_vault: str | None = None
    vault_gone: bool = False
    # reportlab's invariant mode: byte-identical output for identical input (tests, diffing).
    invariant: bool = False
    # A live entry recorded more than this after it happened shows its recording time
    # (None: the log's default margin, validation.DEFAULT_LATE_MARGIN).
    late_margin_seconds: float | None = None


@dataclass(frozen=True, slots=True)
class ReportResult:
    pdf: bytes
    pages: int
    redacted: bool
    # Things the reader of the PDF would not see for themselves: a script printed with a
    # fallback font, or with none (boxes), Arabic printed unshaped.
    warnings: tuple[str, ...] = ()
    schedule: Mapping[str, int] = field(default_factory=dict)  # category -> count, never values
    path: Path | None = None
