"""Errors of the report, in the words the debrief officer reads.

``ReportLeak`` names *what kind* of identity leaked and whose label, never the value: the
message reaches terminals and dialogs, which are not redacted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from incident_log.errors import IncidentLogError
from incident_log.i18n import N_, language_from_env, msg

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
        # The hit's "what" and "where" come from the redaction check, in English: said again here.
        where = msg(" in {where}", where=_where(first.where)) if first.where else ""
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
                what=_what(first.what),
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


def _label(label: str) -> str:
    from incident_log.domain.labels import translate_label

    return " / ".join(translate_label(part, language_from_env()) for part in label.split(" or "))


def _what(what: str) -> str:
    """The check's description of a hit (redaction/check.py, English) in the message language."""
    for pattern, template in (
        (r"a name of (.+)", N_("a name of {label}")),
        (r"a phone number of (.+)", N_("a phone number of {label}")),
    ):
        found = re.fullmatch(pattern, what)
        if found:
            return msg(template, label=_label(found.group(1)))
    found = re.fullmatch(r"a value hidden as (.+)", what)
    if found:
        from incident_log.report.content import printed_as

        return msg("a value hidden as {tag}", tag=printed_as(found.group(1), language_from_env()))
    return {
        "a term the officer chose to hide": msg("a term the officer chose to hide"),
        "a number the officer chose to hide": msg("a number the officer chose to hide"),
    }.get(what, what)


def _where(where: str) -> str:
    """The check's place of a hit (report/selfcheck.py, English) in the message language."""
    found = re.fullmatch(r"entry #(\d+)", where)
    if found:
        return msg("entry #{seq}", seq=found.group(1))
    if where == "the cover, the boards or the people pages":
        return msg("the cover, the boards or the people pages")
    return where
