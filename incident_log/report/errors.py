"""Errors of the report, in the words the debrief officer reads.

``ReportLeak`` names *what kind* of identity leaked and whose label, never the value: the
message reaches terminals and dialogs, which are not redacted.
"""

from __future__ import annotations

from collections.abc import Sequence

from incident_log.errors import IncidentLogError


class ReportError(IncidentLogError):
    """A report could not be produced; no file was written."""


class ReportLeak(ReportError):
    def __init__(self, leaks: Sequence[str]) -> None:
        shown = "; ".join(leaks[:8]) + (f"; and {len(leaks) - 8} more" if len(leaks) > 8 else "")
        super().__init__(
            f"The redacted report was NOT written: its own check found identities in the finished PDF ({shown}). "
            "Add the missing alias or spelling to the person in the register (or register the person), "
            "run 'incident-log report REF --review' to see what is still unregistered, and make the report again."
        )
        self.leaks = tuple(leaks)


class ReasonRequired(ReportError):
    def __init__(self) -> None:
        super().__init__(
            "An unredacted report needs a reason (--reason TEXT): it is recorded in the log with who made it and when."
        )


class ReportWriteFailed(ReportError):
    def __init__(self, path: object, detail: str) -> None:
        super().__init__(
            f"The report could not be written to {path} ({detail}). Choose another folder; nothing was written."
        )
