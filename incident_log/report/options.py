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

from incident_log.i18n import N_

DEFAULT_CLASSIFICATION = "OFFICIAL-SENSITIVE"
# The default handling marking of a Spanish report. Spain's national grades of classified
# information (Ley 9/1968 de Secretos Oficiales: SECRETO, RESERVADO; with CONFIDENCIAL and
# DIFUSIÓN LIMITADA, the grades the Autoridad Nacional / Oficina Nacional de Seguridad uses as the
# equivalents of NATO CONFIDENTIAL / RESTRICTED and RESTREINT UE) have nothing exactly like the
# UK's OFFICIAL-SENSITIVE; DIFUSIÓN LIMITADA (restricted circulation) is the grade Spanish police
# documents carry for sensitive operational material that is not a state secret. "USO OFICIAL"
# (Ministerio de Defensa's marking for unclassified official information) is the milder choice.
# The officer can always print another with --classification. Confirm with the unit's security
# officer: this is our reading of the grades, not an instruction from one.
DEFAULT_CLASSIFICATION_ES = "DIFUSIÓN LIMITADA"
DEFAULT_CLASSIFICATIONS = {"en": DEFAULT_CLASSIFICATION, "es": DEFAULT_CLASSIFICATION_ES}
REDACTED_MARKING = N_("REDACTED COPY \u00b7 EDITED VERSION")
UNREDACTED_MARKING = N_("UNREDACTED \u2014 RESTRICTED")
EXERCISE_MARKING = N_("EXERCISE")


def classification_for(classification: str | None, lang: str) -> str:
    """The marking printed: the officer's own, or the default of the report's language."""
    if not classification or classification == DEFAULT_CLASSIFICATION:
        return DEFAULT_CLASSIFICATIONS.get(lang, DEFAULT_CLASSIFICATION)
    return classification

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
    # Cell mode: printed from this workstation's copy while the cell server could not be reached
    # (the shared log and its head were not checked), and entries waiting in its queue, not printed.
    shared_unchecked: bool = False
    waiting: int = 0


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
    # The language of the report's own wording, dates and labels: "en" or "es" (issue 12). The
    # command line passes the locale's language (or --lang); the report dialog its own choice.
    lang: str = "en"


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
