"""The debrief report dialog: choose the copy, review the redaction, change decisions, make the PDF.

Everything slow runs in the background through the project's one helper (``ui/tasks.Background``):
reading the log for the review, and building the report (read the log, verify the chain,
redact, lay out, read the finished PDF back). The GUI thread only records the officer's
decisions and the audit of an unredacted copy (one short transaction each) and writes the file.

The review is a list of every finding (class, count, what it prints as, the decision in
force). With the keyboard: arrows to choose a finding, ``K`` keep as written, ``R`` redact,
``A`` attach to the person chosen in the combo box, ``D`` back to the default. Each decision is an
entry in the log; the review is then read again.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
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
from incident_log.report.content import printed_as
from incident_log.report.options import (
    DEFAULT_CLASSIFICATIONS,
    ReportOptions,
    ReportResult,
    classification_for,
)
from incident_log.ui import vocab
from incident_log.ui.composer_fields import ChoiceBox
from incident_log.ui.i18n import QT_TRANSLATE_NOOP, current_language, fill, translate
from incident_log.ui.tasks import Background

if TYPE_CHECKING:
    from incident_log.facade import DeskBook

UNREDACTED_ACTION = "unredacted report"
ItemRole = Qt.ItemDataRole.UserRole

# Decision keys of the review list: (action, key, button text, objectName).
DECISION_KEYS = (
    ("keep", "K", QT_TRANSLATE_NOOP("report_dialog", "&Keep as written"), "keepButton"),
    ("redact", "R", QT_TRANSLATE_NOOP("report_dialog", "&Redact"), "redactButton"),
    ("attach", "A", QT_TRANSLATE_NOOP("report_dialog", "&Attach to person"), "attachButton"),
    ("default", "D", QT_TRANSLATE_NOOP("report_dialog", "&Default"), "defaultButton"),
)


def _review(logbook: DeskBook, ref: str) -> tuple[Any, Any]:
    """(inputs, review) of the log as it is now; no verification (the review prints nothing)."""
    from incident_log.report.source import gather, make_redactor, review_texts

    inputs = gather(logbook, ref, verify=False)
    redactor = make_redactor(inputs.state, inputs.entries)
    return inputs, redactor.review(review_texts(inputs.state, inputs.entries))


def _build(logbook: DeskBook, ref: str, unredacted: bool, options: ReportOptions, progress: Any) -> ReportResult:
    """Read the log, verify it, and build the report: all of it off the GUI thread."""
    from incident_log.report.build import build_report
    from incident_log.report.source import gather, make_redactor

    inputs = gather(logbook, ref)  # fresh: entries may have arrived since the dialog opened
    redactor = None if unredacted else make_redactor(inputs.state, inputs.entries)
    return build_report(
        inputs.state,
        inputs.entries,
        redactor=redactor,
        verification=inputs.verification,
        options=options,
        progress=progress,
    )


class ReportDialog(QDialog):
    finished_report = Signal(object)  # the written Path, or None on failure
    review_loaded = Signal()

    def __init__(self, parent: QWidget | None, logbook: DeskBook, ref: str, author: str) -> None:
        super().__init__(parent)
        self.setObjectName("reportDialog")
        self.setWindowTitle(fill(translate("report_dialog", "Debrief report \u2014 %1"), ref))
        self.logbook, self.ref, self.author = logbook, ref, author
        self.background = Background(self)
        self._pending: tuple[Path, bool, str] | None = None
        self._loading = False
        self.last_result: ReportResult | None = None
        self.last_error: str = ""
        self.review_result: Any = None
        self._last_review: tuple[Any, Any] | None = None
        self._build_ui()
        self._update_enabled()
        self.reload_review()

    # --- layout ----------------------------------------------------------------------------------
    def _build_ui(self) -> None:
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.redacted = QRadioButton(translate("report_dialog", "Redacted copy (people by label; checked for leaks before it is written)"))
        self.redacted.setObjectName("redactedRadio")
        self.redacted.setChecked(True)
        self.unredacted = QRadioButton(translate("report_dialog", "Unredacted copy \u2014 RESTRICTED (needs a reason; recorded in the log)"))
        self.unredacted.setObjectName("unredactedRadio")
        copy_box = QVBoxLayout()
        copy_box.addWidget(self.redacted)
        copy_box.addWidget(self.unredacted)
        form.addRow(translate("report_dialog", "Copy:"), copy_box)
        self.reason = QLineEdit()
        self.reason.setObjectName("reasonEdit")
        self.reason.setPlaceholderText(translate("report_dialog", "Why an unredacted copy is needed (recorded with your name and the time)"))
        form.addRow(translate("report_dialog", "Reason:"), self.reason)
        self.confirm = QCheckBox(translate("report_dialog", "I confirm this copy names the people involved and will be recorded in the log"))
        self.confirm.setObjectName("confirmUnredacted")
        form.addRow("", self.confirm)
        # The report's language is chosen per report (a Spanish cell may print an English copy for
        # a UK review board); it starts as the app's own.
        self.language = ChoiceBox([("English", "en"), ("Español", "es")], self, chars=10)
        self.language.setObjectName("reportLanguage")
        self.language.setAccessibleName(translate("report_dialog", "Language of the report"))
        self.language.set_value(current_language())
        self.language.chosen.connect(lambda _value: self._language_changed())
        form.addRow(translate("report_dialog", "&Language:"), self.language)
        self.classification = QLineEdit(DEFAULT_CLASSIFICATIONS[self.report_language()])
        self.classification.setObjectName("classificationEdit")
        form.addRow(translate("report_dialog", "Marking:"), self.classification)
        path_row = QHBoxLayout()
        self.path = QLineEdit(str(Path.home() / f"{self.ref}-debrief.pdf"))
        self.path.setObjectName("pathEdit")
        browse = QPushButton(translate("report_dialog", "Browse\u2026"))
        browse.setObjectName("browseButton")
        browse.clicked.connect(self._browse)
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        form.addRow(translate("report_dialog", "Save as:"), path_row)
        layout.addLayout(form)

        heading = QLabel(
            translate("report_dialog", "Redaction review \u2014 every finding and what the copy prints. Keys: K keep, R redact, "
            "A attach to the person chosen below, D default. Each decision is recorded in the log.")
        )
        heading.setWordWrap(True)
        layout.addWidget(heading)
        self.review = QTreeWidget()
        self.review.setObjectName("reviewList")
        self.review.setAccessibleName(translate("report_dialog", "Redaction findings"))
        self.review.setColumnCount(5)
        self.review.setHeaderLabels([translate("report_dialog", "Found"), translate("report_dialog", "Class"),
                                     translate("report_dialog", "Count"), translate("report_dialog", "Printed as"),
                                     translate("report_dialog", "Decision")])
        self.review.setRootIsDecorated(False)
        self.review.setUniformRowHeights(True)
        layout.addWidget(self.review, 1)

        decide_row = QHBoxLayout()
        self.person = QComboBox()
        self.person.setObjectName("attachPersonCombo")
        self.person.setAccessibleName(translate("report_dialog", "Person to attach the finding to"))
        self.decision_buttons: dict[str, QPushButton] = {}
        for action, key, text, name in DECISION_KEYS:
            button = QPushButton(translate("report_dialog", text))
            button.setObjectName(name)
            button.clicked.connect(lambda _checked=False, a=action: self.decide(a))
            decide_row.addWidget(button)
            self.decision_buttons[action] = button
            shortcut = QAction(self.review)
            shortcut.setShortcut(QKeySequence(key))
            shortcut.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.triggered.connect(lambda _checked=False, a=action: self.decide(a))
            self.review.addAction(shortcut)
        decide_row.insertWidget(3, self.person, 1)
        layout.addLayout(decide_row)

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
        self.make = buttons.addButton(translate("report_dialog", "Make report"), QDialogButtonBox.ButtonRole.AcceptRole)
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
        self.review.currentItemChanged.connect(self._update_enabled)
        self.resize(820, 620)

    # --- the review ------------------------------------------------------------------------------
    def reload_review(self) -> None:
        """Read the log again for the review, in the background."""
        self._loading = True
        self.status.setText(translate("report_dialog", "Reading the log for the redaction review\u2026"))
        self._update_enabled()
        self.background.submit(
            "review", lambda: _review(self.logbook, self.ref), self._show_review, self._review_failed
        )

    def _show_review(self, loaded: tuple[Any, Any]) -> None:
        self._last_review = loaded
        inputs, result = loaded
        self._loading = False
        current = self.review.currentItem()
        keep = current.text(0) if current is not None else None
        self.review.clear()
        for item in result.items:
            row = QTreeWidgetItem(
                self.review, [item.text, vocab.finding_class(item.cls), str(item.count),
                              printed_as(item.replacement, self.report_language()), vocab.choice(item.decision)]
            )
            row.setData(0, ItemRole, item)
            if keep is not None and item.text == keep:
                self.review.setCurrentItem(row)
        first = self.review.topLevelItem(0)
        if self.review.currentItem() is None and first is not None:
            self.review.setCurrentItem(first)
        # The officer has to read every value found (to spot a missing alias): never truncate them.
        self.review.resizeColumnToContents(0)
        self.review.setColumnWidth(0, min(max(self.review.columnWidth(0), 140), 360))
        chosen = self.person.currentData()
        self.person.clear()
        for person in inputs.state.people:
            self.person.addItem(f"{vocab.person_label(person.label)} \u2014 {person.name}", person.key)
        if chosen is not None and self.person.findData(chosen) >= 0:
            self.person.setCurrentIndex(self.person.findData(chosen))
        self.review_result = result
        ambiguous = sum(1 for i in result.items if i.ambiguous)
        self.status.setText(
            fill(translate("report_dialog", "%1 findings"), len(result.items))
            + (fill(translate("report_dialog", ", %1 of them also at the start of a sentence (check those)"), ambiguous)
               if ambiguous else "")
            + "."
        )
        self._update_enabled()
        self.review_loaded.emit()

    def _review_failed(self, exc: BaseException) -> None:
        self._loading = False
        message = exc.message if isinstance(exc, errors.IncidentLogError) else type(exc).__name__
        self._fail(fill(translate("report_dialog", "The redaction review could not be read (%1)."), message), emit=False)

    def decide(self, action: str) -> None:
        """Record the officer's decision about the current finding, then read the review again."""
        current = self.review.currentItem()
        if current is None or self._loading:
            return
        item = current.data(0, ItemRole)
        person = self.person.currentData() if action == "attach" else None
        if action == "attach" and not person:
            self.status.setText(translate("report_dialog", "Choose the person to attach it to first (the list beside the buttons)."))
            return
        try:
            self.logbook.record_redaction_decision(self.ref, action, item.text, person=person, author=self.author)
        except errors.IncidentLogError as exc:
            self.status.setText(exc.message)
            return
        self.reload_review()

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, translate("report_dialog", "Save the report as"), self.path.text(), translate("report_dialog", "PDF (*.pdf)"))
        if chosen:
            self.path.setText(chosen if chosen.lower().endswith(".pdf") else chosen + ".pdf")

    def report_language(self) -> str:
        return self.language.value() or "en"

    def _language_changed(self) -> None:
        # A marking still at one language's default follows the language; one the officer typed stays.
        if self.classification.text().strip() in DEFAULT_CLASSIFICATIONS.values():
            self.classification.setText(DEFAULT_CLASSIFICATIONS[self.report_language()])
        if self._last_review is not None:
            self._show_review(self._last_review)  # "what the copy prints" in the copy's language

    def _update_enabled(self) -> None:
        unredacted = self.unredacted.isChecked()
        self.reason.setEnabled(unredacted)
        self.confirm.setEnabled(unredacted)
        ready = bool(self.path.text().strip()) and self._pending is None
        if unredacted:
            ready = ready and bool(self.reason.text().strip()) and self.confirm.isChecked()
        self.make.setEnabled(ready)
        can_decide = not self._loading and self.review.currentItem() is not None and self._pending is None
        for button in self.decision_buttons.values():
            button.setEnabled(can_decide)

    # --- running ---------------------------------------------------------------------------------
    def start(self) -> None:
        if not self.make.isEnabled():
            return
        unredacted = self.unredacted.isChecked()
        reason = self.reason.text().strip()
        lang = self.report_language()
        options = ReportOptions(
            classification=classification_for(self.classification.text().strip(), lang),
            unredacted_reason=reason if unredacted else None,
            lang=lang,
        )
        self._pending = (Path(self.path.text().strip()).expanduser(), unredacted, reason)
        self.last_error = ""
        self.status.setText(translate("report_dialog", "Making the report (reading the log and checking the chain first)\u2026"))
        self.progress.setValue(0)
        self._update_enabled()
        progress = self.background.reporter("report", self._on_progress)
        self.background.submit(
            "report",
            lambda: _build(self.logbook, self.ref, unredacted, options, progress),
            self._on_done,
            self._on_failed,
        )

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
        lines = [fill(translate("report_dialog", "Written: %1 (%2 pages)."), path, result.pages)]
        lines += result.warnings
        self.status.setText("\n".join(lines))
        self._update_enabled()
        self.finished_report.emit(path)

    def _on_failed(self, exc: BaseException) -> None:
        self._pending = None
        if isinstance(exc, errors.IncidentLogError):
            self._fail(exc.message)
        else:
            self._fail(fill(translate("report_dialog", "The report could not be made (internal error: %1). Nothing was written."),
                            type(exc).__name__))

    def _fail(self, message: str, *, emit: bool = True) -> None:
        self.last_error = message
        self.status.setText(message)
        self.progress.setValue(0)
        self._update_enabled()
        if emit:
            self.finished_report.emit(None)

    def wait(self, msecs: int = 60_000) -> bool:
        return self.background.wait(msecs)

    def reject(self) -> None:
        self.background.wait(60_000)  # a running build finishes; its result is then dropped
        super().reject()


def open_report_dialog(parent: QWidget | None, logbook: DeskBook, ref: str, author: str) -> None:
    """Open the report dialog (non-modal over the incident window, deleted when closed)."""
    dialog = ReportDialog(parent, logbook, ref, author)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
