"""The report dialog, driven as the debrief officer drives it: real vault, real widgets, real PDF."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLineEdit, QProgressBar, QPushButton, QRadioButton, QTreeWidget

from incident_log.logbook import Logbook
from incident_log.ui.report_dialog import ReportDialog
from tests.report.conftest import read_pdf


@pytest.fixture
def dialog(qtbot, logbook: Logbook, viaduct: str) -> ReportDialog:  # type: ignore[no-untyped-def]
    dlg = ReportDialog(None, logbook, viaduct, "DS Kowalski")
    qtbot.addWidget(dlg)
    dlg.show()
    return dlg


def _set_path(qtbot, dlg: ReportDialog, path: Path) -> None:  # type: ignore[no-untyped-def]
    edit = dlg.findChild(QLineEdit, "pathEdit")
    edit.clear()
    qtbot.keyClicks(edit, str(path))


def test_review_lists_variants_and_candidates(dialog: ReportDialog) -> None:
    tree = dialog.findChild(QTreeWidget, "reviewList")
    hidden, unknown = tree.topLevelItem(0), tree.topLevelItem(1)
    found = {hidden.child(i).text(0): hidden.child(i).text(3) for i in range(hidden.childCount())}
    assert found["Tomi"] == "Subject A"
    assert found["Vidal"] == "Negotiator 1"
    candidates = {unknown.child(i).text(0) for i in range(unknown.childCount())}
    assert "Hospital Clínico" in candidates


def test_redacted_report_is_built_off_the_gui_thread_and_written(
    qtbot,
    dialog: ReportDialog,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    target = tmp_path / "debrief.pdf"
    _set_path(qtbot, dialog, target)
    progress = dialog.findChild(QProgressBar, "reportProgress")
    with qtbot.waitSignal(dialog.finished_report, timeout=60_000) as blocker:
        qtbot.mouseClick(dialog.findChild(QPushButton, "makeReportButton"), Qt.MouseButton.LeftButton)
    assert blocker.args == [target], dialog.last_error
    assert progress.value() == progress.maximum()
    pdf = read_pdf(target)
    assert "REDACTED COPY" in pdf.pages[0] and not pdf.has_word("Ibarra")


def test_unredacted_needs_reason_and_confirmation_and_is_audited(
    qtbot,
    dialog: ReportDialog,  # type: ignore[no-untyped-def]
    logbook: Logbook,
    viaduct: str,
    tmp_path: Path,
) -> None:
    target = tmp_path / "full.pdf"
    _set_path(qtbot, dialog, target)
    make = dialog.findChild(QPushButton, "makeReportButton")
    qtbot.mouseClick(dialog.findChild(QRadioButton, "unredactedRadio"), Qt.MouseButton.LeftButton)
    assert not make.isEnabled()
    qtbot.keyClicks(dialog.findChild(QLineEdit, "reasonEdit"), "Court order 2026/114")
    assert not make.isEnabled()  # the reason alone is not a confirmation
    dialog.findChild(QCheckBox, "confirmUnredacted").setChecked(True)
    assert make.isEnabled()
    before, _ = logbook.head(viaduct)
    with qtbot.waitSignal(dialog.finished_report, timeout=60_000) as blocker:
        qtbot.mouseClick(make, Qt.MouseButton.LeftButton)
    assert blocker.args == [target], dialog.last_error
    count, _ = logbook.head(viaduct)
    audit = logbook.entry(viaduct, count)
    assert count == before + 1 and audit.kind == "audit"
    assert audit.fields["reason"] == "Court order 2026/114" and audit.author == "DS Kowalski"
    pdf = read_pdf(target)
    assert pdf.has_word("Ibarra") and "UNREDACTED" in pdf.pages[0]
