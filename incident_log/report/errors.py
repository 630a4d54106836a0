"""Errors of the report, in the words the debrief officer reads.

``ReportLeak`` names *what kind* of identity leaked and whose label, never the value: the
message reaches terminals and dialogs, which are not redacted.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from incident_log.errors import IncidentLogError
from incident_log.i18n import msg

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
        # The hit's "what" and "where" come from the redaction check, in English.
        where = msg(" in {where}", where=first.where) if first.where else ""
        more = msg(" (and {n} more)", n=len(hits) - 1) if len(hits) > 1 else ""
        word = first.word.replace("'", "")
        if first.what.startswith("a name of "):
            fix = msg(
                "if it is that person, attach it: incident-log report {ref} --attach '{word}=PERSON_KEY'; "
                "otherwise hide it: incident-log report {ref} --redact '{word}'",
                ref=ref,
                word=word,
            )
        else:
            fix = msg(
                "hide it: incident-log report {ref} --redact '{word}' (or choose Redact in the report dialog)",
                ref=ref,
                word=word,
            )
        super().__init__(
            msg(
                "The redacted report was NOT written: its independent check found '{word}' ({what}){where}"
                "{more}. To fix it, {fix}; then make the report again.",
                word=first.word,
                what=first.what,
                where=where,
                more=more,
                fix=fix,
            )
        )
        self.hits = tuple(hits)
        self.leaks = tuple(f"{h.what}: {h.word}" for h in hits)


class ReasonRequired(ReportError):
    def __init__(self) -> None:
        super().__init__(
            msg(
                "An unredacted report needs a reason (--reason TEXT): it is recorded in the log with who made "
                "it and when."
            )
        )


class ReportWriteFailed(ReportError):
    def __init__(self, path: object, detail: str) -> None:
        super().__init__(
            msg(
                "The report could not be written to {path} ({detail}). Choose another folder; nothing was written.",
                path=path,
                detail=detail,
            )
        )
