"""The debrief report dialog: choose the copy, review the redaction, make the PDF off the GUI thread.

The logbook is only touched on the GUI thread (reading the inputs before, recording the audit
entry after); the worker gets plain values, runs the pure ``build_report`` (which redacts, lays
out and reads itself back for leaks) and hands the bytes back by signal. It never touches a widget.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from incident_log import errors
from incident_log.report.options import DEFAULT_CLASSIFICATION, ReportOptions, ReportResult

UNREDACTED_ACTION = "unredacted report"


class _Signals(QObject):
    progress = Signal(int, int)
    done = Signal(object)  # ReportResult
    failed = Signal(object)  # exception


class _BuildJob(QRunnable):
    """Builds the PDF in memory from plain values; results go back by signal (queued to the GUI)."""

    def __init__(self, inputs: Any, redactor: Any, options: ReportOptions, signals: _Signals) -> None:
        super().__init__()
        self.inputs, self.redactor, self.options, self.signals = inputs, redactor, options, signals

    def run(self) -> None:
        from incident_log.report.build import build_report

        try:
            result = build_report(
                self.inputs.state,
                self.inputs.entries,
                redactor=self.redactor,
                verification=self.inputs.verification,
                options=self.options,
                progress=lambda done, total: self.signals.progress.emit(done, total),
            )
        except Exception as exc:  # noqa: BLE001 - shown by the dialog on the GUI thread
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class ReportDialog(QDialog):
    finished_report = Signal(object)  # the written Path, or None on failure

    def __init__(self, parent: QWidget | None, logbook: Any, ref: str, author: str) -> None:
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.setWindowTitle(f"Debrief report \u2014 {ref}")
        self.logbook, self.ref, self.author = logbook, ref, author
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self.signals = _Signals(self)
        self.signals.progress.connect(self._on_progress)
        self.signals.done.connect(self._on_done)
        self.signals.failed.connect(self._on_failed)
        self._pending: tuple[Path, bool, str] | None = None
        self.last_result: ReportResult | None = None
        self.last_error: str = ""
        self._build_ui()
        self._load_review()
        self._update_enabled()

    # --- layout ----------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.redacted = QRadioButton(
            "Redacted copy (people by label; checked for leaks before it is written)"
        )
        self.redacted.setObjectName("redactedRadio")
        self.redacted.setChecked(True)
        self.unredacted = QRadioButton(
            "Unredacted copy \u2014 RESTRICTED (needs a reason; recorded in the log)"
        )
        self.unredacted.setObjectName("unredactedRadio")
        copy_box = QVBoxLayout()
        copy_box.addWidget(self.redacted)
        copy_box.addWidget(self.unredacted)
        form.addRow("Copy:", copy_box)
        self.reason = QLineEdit()
        self.reason.setObjectName("reasonEdit")
        self.reason.setPlaceholderText(
            "Why an unredacted copy is needed (recorded with your name and the time)"
        )
        form.addRow("Reason:", self.reason)
        self.confirm = QCheckBox(
            "I confirm this copy names the people involved and will be recorded in the log"
        )
        self.confirm.setObjectName("confirmUnredacted")
        form.addRow("", self.confirm)
        self.classification = QLineEdit(DEFAULT_CLASSIFICATION)
        self.classification.setObjectName("classificationEdit")
        form.addRow("Marking:", self.classification)
        path_row = QHBoxLayout()
        self.path = QLineEdit(str(Path.home() / f"{self.ref}-debrief.pdf"))
        self.path.setObjectName("pathEdit")
        browse = QPushButton("Browse\u2026")
        browse.setObjectName("browseButton")
        browse.clicked.connect(self._browse)
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        form.addRow("Save as:", path_row)
        layout.addLayout(form)

        layout.addWidget(
            QLabel("Redaction review \u2014 what will be hidden, and what may be an unregistered identity:")
        )
        self.review = QTreeWidget()
        self.review.setObjectName("reviewList")
        self.review.setColumnCount(4)
        self.review.setHeaderLabels(["Found", "Kind", "Count", "Replaced by"])
        self.review.setRootIsDecorated(True)
        layout.addWidget(self.review, 1)

        self.progress = QProgressBar()
        self.progress.setObjectName("reportProgress")
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        layout.addWidget(self.progress)
        self.status = QLabel("")
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)

        buttons = QDialogButtonBox()
        self.make = buttons.addButton("Make report", QDialogButtonBox.ButtonRole.AcceptRole)
        self.make.setObjectName("makeReportButton")
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setObjectName("closeButton")
        self.make.clicked.connect(self.start)
        close.clicked.connect(self.reject)
        layout.addWidget(buttons)

        for widget in (self.redacted, self.unredacted, self.confirm):
            widget.toggled.connect(self._update_enabled)
        self.reason.textChanged.connect(self._update_enabled)
        self.path.textChanged.connect(self._update_enabled)
        self.resize(720, 560)

    def _load_review(self) -> None:
        from incident_log.report.source import gather, make_redactor, review_texts

        self.inputs = gather(self.logbook, self.ref)
        redactor = make_redactor(self.inputs.state, self.inputs.entries)
        result = redactor.review(review_texts(self.inputs.state, self.inputs.entries))
        self.review.clear()
        hidden = QTreeWidgetItem(self.review, [f"Will be hidden ({len(result.registered)})", "", "", ""])
        for finding in result.registered:
            QTreeWidgetItem(hidden, [finding.text, finding.kind, str(finding.count), finding.label])
        unknown = QTreeWidgetItem(
            self.review, [f"May be an unregistered identity ({len(result.candidates)})", "", "", ""]
        )
        for finding in result.candidates:
            QTreeWidgetItem(unknown, [finding.text, finding.kind, str(finding.count), "not redacted"])
        hidden.setExpanded(True)
        unknown.setExpanded(True)
        for group in (hidden, unknown):
            group.setFirstColumnSpanned(True)  # the group title reads across the row
        # The officer has to read every value found (to spot a missing alias): never truncate them.
        self.review.resizeColumnToContents(0)
        self.review.setColumnWidth(0, min(max(self.review.columnWidth(0), 140), 360))
        self.review_result = result

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, "Save the report as", self.path.text(), "PDF (*.pdf)")
        if chosen:
            self.path.setText(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")

    def _update_enabled(self) -> None:
        unredacted = self.unredacted.isChecked()
        self.reason.setEnabled(unredacted)
        self.confirm.setEnabled(unredacted)
        ready = bool(self.path.text().strip()) and self._pending is None
        if unredacted:
            ready = ready and bool(self.reason.text().strip()) and self.confirm.isChecked()
        self.make.setEnabled(ready)

    # --- running ---------------------------------------------------------------------------------
    def start(self) -> None:
        if not self.make.isEnabled():
            return
        from incident_log.report.source import make_redactor

        unredacted = self.unredacted.isChecked()
        reason = self.reason.text().strip()
        options = ReportOptions(
            classification=self.classification.text().strip() or DEFAULT_CLASSIFICATION,
            unredacted_reason=reason if unredacted else None,
        )
        # Fresh inputs: entries may have arrived since the dialog opened.
        from incident_log.report.source import gather

        self.inputs = gather(self.logbook, self.ref)
        redactor = None if unredacted else make_redactor(self.inputs.state, self.inputs.entries)
        self._pending = (Path(self.path.text().strip()).expanduser(), unredacted, reason)
        self.last_error = ""
        self.status.setText("Making the report\u2026")
        self.progress.setValue(0)
        self._update_enabled()
        self.pool.start(_BuildJob(self.inputs, redactor, options, self.signals))

    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(1, total))
        self.progress.setValue(done)

    def _on_done(self, result: ReportResult) -> None:
        from incident_log.report.build import write_atomically

        assert self._pending is not None
        path, unredacted, reason = self._pending
        self._pending = None
        try:
            if unredacted:
                # Recorded before the file exists: an unredacted copy never exists without its audit entry.
                self.logbook.audit(self.ref, UNREDACTED_ACTION, reason=reason, author=self.author)
            write_atomically(path, result.pdf)
        except errors.IncidentLogError as exc:
            self._fail(exc.message)
            return
        self.last_result = result
        self.progress.setValue(self.progress.maximum())
        lines = [f"Written: {path} ({result.pages} pages)."]
        lines += result.warnings
        self.status.setText("\n".join(lines))
        self._update_enabled()
        self.finished_report.emit(path)

    def _on_failed(self, exc: BaseException) -> None:
        self._pending = None
        if isinstance(exc, errors.IncidentLogError):
            self._fail(exc.message)
        else:
            self._fail(
                f"The report could not be made (internal error: {type(exc).__name__}). Nothing was written."
            )

    def _fail(self, message: str) -> None:
        self.last_error = message
        self.status.setText(message)
        self.progress.setValue(0)
        self._update_enabled()
        self.finished_report.emit(None)

    def wait(self, msecs: int = 60_000) -> bool:
        return self.pool.waitForDone(msecs)

    def reject(self) -> None:
        self.pool.waitForDone(60_000)  # a running build finishes; its result is then dropped
        super().reject()


def open_report_dialog(parent: QWidget | None, logbook: Any, ref: str, author: str) -> None:
    """Open the report dialog (non-modal over the incident window, deleted when closed)."""
    dialog = ReportDialog(parent, logbook, ref, author)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
