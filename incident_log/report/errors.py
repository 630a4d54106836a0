"""Errors of the report, in the words the debrief officer reads.

``ReportLeak`` names *what kind* of identity leaked and whose label, never the value: the
message reaches terminals and dialogs, which are not redacted.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from incident_log.errors import IncidentLogError

if TYPE_CHECKING:
    from incident_log.redaction.check import Hit


class ReportError(IncidentLogError):
    """A report could not be produced; no file was written."""


class ReportLeak(ReportError):
    """The independent check found something in the finished PDF: no file is written.

    The message names the word, where it is and the decision that fixes it: it is shown to the
    officer who is making the report (a terminal or the dialog), never printed in a report.
    """

    def __init__(self, hits: Sequence[Hit], *, ref: str = "REF") -> None:
        first = hits[0]
        where = f" in {first.where}" if first.where else ""
        more = f" (and {len(hits) - 1} more)" if len(hits) > 1 else ""
        word = first.word.replace("'", "")
        if first.what.startswith("a name of "):
            fix = (
                f"if it is that person, attach it: incident-log report {ref} --attach '{word}=PERSON_KEY'; "
                f"otherwise hide it: incident-log report {ref} --redact '{word}'"
            )
        else:
            fix = f"hide it: incident-log report {ref} --redact '{word}' (or choose Redact in the report dialog)"
        super().__init__(
            f"The redacted report was NOT written: its independent check found '{first.word}' ({first.what}){where}"
            f"{more}. To fix it, {fix}; then make the report again."
        )
        self.hits = tuple(hits)
        self.leaks = tuple(f"{h.what}: {h.word}" for h in hits)


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
