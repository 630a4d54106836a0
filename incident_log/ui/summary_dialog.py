"""The situation summary on one key (F9): on screen, with an assessment that is recorded, and as a PDF.

What the summary says comes from ``domain.situation`` through the report's redaction door
(``report.summary``); this dialog only shows it, takes the coordinator's assessment and
recommendations, records them as an ``assessment`` entry, and writes the one- or two-page PDF
— redacted unless a reason is given, in which case an audit entry records who printed names,
when and why, before the file exists.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from incident_log import errors
from incident_log.domain.entry import NewEntry, utc_now
from incident_log.domain.situation import plain_text
from incident_log.ui import timefmt
from incident_log.ui.i18n import QT_TRANSLATE_NOOP, current_language, translate

if TYPE_CHECKING:
    from incident_log.facade import DeskBook
    from incident_log.ui.context import AppContext

WINDOW_TITLE = QT_TRANSLATE_NOOP("summary_dialog", "Situation summary — {ref}")
INTERNAL_ERROR = QT_TRANSLATE_NOOP("summary_dialog", "The summary could not be made (internal error: {kind}). Nothing was written.")
RECORDED = QT_TRANSLATE_NOOP("summary_dialog", "Assessment recorded as entry #{seq}.")
WRITTEN = QT_TRANSLATE_NOOP("summary_dialog", "Written: {path} ({pages} page(s), {copy}).")
NOTHING_TO_RECORD = QT_TRANSLATE_NOOP("summary_dialog", "Type the assessment and recommendations first; nothing was recorded.")
REASON_NEEDED = QT_TRANSLATE_NOOP("summary_dialog", "An unredacted summary needs a reason (it is recorded in the log with your callsign).")
WORKING = QT_TRANSLATE_NOOP("summary_dialog", "Making the PDF…")


def last_summary_through(logbook: DeskBook, ref: str) -> int:
    """The entry the previous summary covered up to (0: there was none): decisions after it are new."""
    from incident_log.logbook import TimelineFilter

    seqs = logbook.seqs(ref, TimelineFilter(kinds=frozenset({"assessment"})))
    if not seqs:
        return 0
    entry = logbook.entry(ref, seqs[-1])
    through = entry.fields.get("through")
    return int(through) if isinstance(through, int) and not isinstance(through, bool) else entry.seq


class SummaryDialog(QDialog):
    def __init__(self, parent: QWidget | None, ctx: AppContext, ref: str, author: str) -> None:
        super().__init__(parent)
        self.setObjectName("situationSummary")
        self.setWindowTitle(translate("summary_dialog", WINDOW_TITLE).format(ref=ref))
        self.setAccessibleName(translate("summary_dialog", "Situation summary"))
        self.ctx, self.logbook, self.ref, self.author = ctx, ctx.logbook, ref, author
        self.recorded_text = ""
        self.last_written: Path | None = None
        self.last_result: Any = None

        layout = QVBoxLayout(self)
        self.view = QTextBrowser(self)
        self.view.setObjectName("summaryView")
        self.view.setAccessibleName(translate("summary_dialog", "Situation summary"))
        self.view.setAccessibleDescription(translate("summary_dialog", "The position now: phone, demands, offers owed, contact, risks, "
                                           "hooks, triggers and decisions. Arrow keys scroll."))
        self.view.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        layout.addWidget(self.view, 3)
        caption = QLabel(translate("summary_dialog", "&Assessment and recommendations (recorded in the log):"), self)
        layout.addWidget(caption)
        self.assessment = QPlainTextEdit(self)
        self.assessment.setObjectName("summaryAssessment")
        self.assessment.setAccessibleName(translate("summary_dialog", "Assessment and recommendations"))
        self.assessment.setAccessibleDescription(translate("summary_dialog", "Your reading of the situation and what you recommend; "
                                                 "Ctrl+Return records it as an entry"))
        self.assessment.setTabChangesFocus(True)
        caption.setBuddy(self.assessment)
        layout.addWidget(self.assessment, 1)

        form = QFormLayout()
        self.redacted = QRadioButton(translate("summary_dialog", "&Redacted copy (people by label)"), self)
        self.redacted.setObjectName("summaryRedacted")
        self.redacted.setAccessibleName(translate("summary_dialog", "Redacted copy"))
        self.redacted.setAccessibleDescription(translate("summary_dialog", "People appear by their labels; checked for leaks before it is written"))
        self.redacted.setChecked(True)
        self.unredacted = QRadioButton(translate("summary_dialog", "&Unredacted copy — RESTRICTED (needs a reason, recorded)"), self)
        self.unredacted.setObjectName("summaryUnredacted")
        self.unredacted.setAccessibleName(translate("summary_dialog", "Unredacted copy"))
        self.unredacted.setAccessibleDescription(translate("summary_dialog", "Names appear in full; the reason is recorded in the log"))
        form.addRow(self.redacted)
        form.addRow(self.unredacted)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("summaryReason")
        self.reason.setAccessibleName(translate("summary_dialog", "Reason for an unredacted copy"))
        self.reason.setAccessibleDescription(translate("summary_dialog", "Why names are needed (recorded with your callsign and the time)"))
        form.addRow(translate("summary_dialog", "Reas&on"), self.reason)
        stamp = utc_now().astimezone(timefmt.display_tz()).strftime("%Y%m%d-%H%M")
        self.path = QLineEdit(str(Path.home() / f"{ref}-summary-{stamp}.pdf"), self)
        self.path.setObjectName("summaryPath")
        self.path.setAccessibleName(translate("summary_dialog", "Save the PDF as"))
        self.path.setAccessibleDescription(translate("summary_dialog", "The file the PDF is written to"))
        form.addRow(translate("summary_dialog", "Save &as"), self.path)
        layout.addLayout(form)
        self.status = QLabel(self)
        self.status.setObjectName("summaryStatus")
        self.status.setAccessibleName(translate("summary_dialog", "Summary status"))
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        buttons = QDialogButtonBox(self)
        self.record_button = buttons.addButton(translate("summary_dialog", "Record assessment (Ctrl+Return)"), QDialogButtonBox.ButtonRole.ActionRole)
        self.record_button.setObjectName("summaryRecord")
        self.record_button.setAccessibleName(translate("summary_dialog", "Record the assessment"))
        self.record_button.setAccessibleDescription(translate("summary_dialog", "Writes the assessment to the log as an entry"))
        self.pdf_button = buttons.addButton(translate("summary_dialog", "Save PDF (Ctrl+S)"), QDialogButtonBox.ButtonRole.ActionRole)
        self.pdf_button.setObjectName("summaryPdf")
        self.pdf_button.setAccessibleName(translate("summary_dialog", "Save the PDF"))
        self.pdf_button.setAccessibleDescription(translate("summary_dialog", "Records the assessment if it is new, then writes the PDF"))
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("summaryClose")
        close.setAccessibleName(translate("summary_dialog", "Close"))
        close.setAccessibleDescription(translate("summary_dialog", "Close the summary; what is recorded stays in the log"))
        self.record_button.clicked.connect(self.record)
        self.pdf_button.clicked.connect(self.save_pdf)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)
        for keys, slot in ((("Ctrl+Return", "Ctrl+Enter"), self.record), (("Ctrl+S",), self.save_pdf)):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.activated.connect(slot)
        self.resize(760, 640)
        self.refresh()
        self.assessment.setFocus()

    # --- content ------------------------------------------------------------------------------------
    def _inputs(self) -> tuple[Any, list[Any], int, int]:
        entries = list(self.logbook.all_entries(self.ref))
        state = self.logbook.state(self.ref)
        return state, entries, len(entries), last_summary_through(self.logbook, self.ref)

    def refresh(self) -> None:
        from incident_log.report.summary import summary_content

        state, entries, through, since = self._inputs()
        from incident_log.report.options import ReportOptions

        # The summary is worded in the app's language, on screen as in the PDF.
        summary, clock, _scrub = summary_content(state, entries, redactor=None, through=through, since=since,
                                                 assessment=self.assessment.toPlainText(), prepared_by=self.author,
                                                 options=ReportOptions(lang=current_language()))
        self.summary = summary
        self.view.setPlainText(plain_text(summary, lambda m: timefmt.clock(m, seconds=False)))

    # --- recording ----------------------------------------------------------------------------------
    def record(self) -> int | None:
        text = self.assessment.toPlainText().strip()
        if not text:
            self._say(translate("summary_dialog", NOTHING_TO_RECORD))
            return None
        through = self.logbook.head(self.ref)[0]
        try:
            entry = self.logbook.record(self.ref, NewEntry("assessment", text, {"through": through},
                                                           author=self.author))
        except errors.IncidentLogError as exc:
            self._say(exc.message)
            return None
        self.recorded_text = text
        self._say(translate("summary_dialog", RECORDED).format(seq=entry.seq))
        self.refresh()
        return int(entry.seq)

    def save_pdf(self) -> None:
        from incident_log.report.build import write_atomically
        from incident_log.report.options import DEFAULT_CLASSIFICATIONS, ReportOptions
        from incident_log.report.source import make_redactor
        from incident_log.report.summary import UNREDACTED_ACTION, build_summary

        unredacted = self.unredacted.isChecked()
        reason = self.reason.text().strip()
        if unredacted and not reason:
            self._say(translate("summary_dialog", REASON_NEEDED))
            self.reason.setFocus()
            return
        text = self.assessment.toPlainText().strip()
        if text and text != self.recorded_text and self.record() is None:
            return  # what is printed is in the log first; the refusal is on screen
        path = Path(self.path.text().strip()).expanduser()
        state, entries, through, since = self._inputs()
        redactor = None if unredacted else make_redactor(state, entries)
        lang = current_language()
        options = ReportOptions(classification=DEFAULT_CLASSIFICATIONS[lang], unredacted_reason=reason if unredacted else None,
                                lang=lang)
        self._say(translate("summary_dialog", WORKING))

        def work() -> Any:
            return build_summary(state, entries, redactor=redactor, through=through, since=since, assessment=text,
                                 prepared_by=self.author, options=options)

        def done(result: Any) -> None:
            try:
                if unredacted:
                    # Before the file exists: an unredacted copy never exists without its audit entry.
                    self.logbook.audit(self.ref, UNREDACTED_ACTION, reason=reason, author=self.author)
                write_atomically(path, result.pdf)
            except errors.IncidentLogError as exc:
                self._say(exc.message)
                return
            self.last_written, self.last_result = path, result
            self._say(translate("summary_dialog", WRITTEN).format(path=path, pages=result.pages, copy=translate("summary_dialog", "unredacted") if unredacted
                                                                  else translate("summary_dialog", "redacted")))

        def failed(error: BaseException) -> None:
            if isinstance(error, errors.IncidentLogError):
                self._say(error.message)
            else:
                self._say(translate("summary_dialog", INTERNAL_ERROR).format(kind=type(error).__name__))

        self.ctx.background.submit(f"summary:{self.ref}", work, done, failed)

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setAccessibleDescription(text)


def open_summary(parent: QWidget | None, ctx: AppContext, ref: str, author: str) -> SummaryDialog:
    dialog = SummaryDialog(parent, ctx, ref, author)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
