"""The report dialog, driven as the debrief officer drives it: real vault, real widgets, real PDF.

Widgets are found by objectName and driven with the keyboard; the review and the report are
read and built in the background (the dialog's signals say when).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTreeWidget,
)

from incident_log.logbook import Logbook
from incident_log.ui.report_dialog import ReportDialog
from tests.report.conftest import read_pdf


@pytest.fixture
def dialog(qtbot, logbook: Logbook, viaduct: str) -> ReportDialog:  # type: ignore[no-untyped-def]
    dlg = ReportDialog(None, logbook, viaduct, "DS Kowalski")
    qtbot.addWidget(dlg)
    with qtbot.waitSignal(dlg.review_loaded, timeout=60_000):
        dlg.show()
    return dlg


def _set_path(qtbot, dlg: ReportDialog, path: Path) -> None:  # type: ignore[no-untyped-def]
    edit = dlg.findChild(QLineEdit, "pathEdit")
    edit.setFocus()
    edit.selectAll()
    QTest.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, str(path))


def _rows(dlg: ReportDialog) -> dict[str, list[str]]:
    tree = dlg.findChild(QTreeWidget, "reviewList")
    return {
        tree.topLevelItem(i).text(0): [tree.topLevelItem(i).text(c) for c in range(5)]
        for i in range(tree.topLevelItemCount())
    }


def _go_to(qtbot, dlg: ReportDialog, text: str) -> None:  # type: ignore[no-untyped-def]
    """Move through the review with the Down key until ``text`` is the current finding."""
    tree = dlg.findChild(QTreeWidget, "reviewList")
    tree.setFocus()
    QTest.keyClick(tree, Qt.Key.Key_Home)
    for _ in range(tree.topLevelItemCount()):
        if tree.currentItem().text(0) == text:
            return
        QTest.keyClick(tree, Qt.Key.Key_Down)
    raise AssertionError(f"{text} is not in the review")


def test_review_lists_every_finding_with_class_count_and_what_it_prints(dialog: ReportDialog) -> None:
    rows = _rows(dialog)
    assert rows["Tomi"][1:4] == ["registered", "2", "Subject A"]
    assert rows["Vidal"][3] == "Negotiator 1"
    assert rows["Puente de Segovia"][1] == "candidate" and rows["Puente de Segovia"][3] == "[NAME]"
    assert all(row[4] == "default" for row in rows.values())


def test_decisions_with_the_keyboard_are_recorded_in_the_log(
    qtbot, dialog: ReportDialog, logbook: Logbook, viaduct: str  # type: ignore[no-untyped-def]
) -> None:
    _go_to(qtbot, dialog, "Puente de Segovia")
    tree = dialog.findChild(QTreeWidget, "reviewList")
    with qtbot.waitSignal(dialog.review_loaded, timeout=60_000):
        QTest.keyClick(tree, Qt.Key.Key_K)  # keep: it is a place
    decision = logbook.redaction_decisions(viaduct)[-1]
    assert (decision.fields["action"], decision.fields["value"], decision.author) == (
        "keep", "Puente de Segovia", "DS Kowalski"
    )
    row = _rows(dialog)["Puente de Segovia"]
    assert row[3] == "(as written)" and row[4].startswith("keep (by DS Kowalski")

    # Back to the default with D.
    _go_to(qtbot, dialog, "Puente de Segovia")
    with qtbot.waitSignal(dialog.review_loaded, timeout=60_000):
        QTest.keyClick(tree, Qt.Key.Key_D)
    assert _rows(dialog)["Puente de Segovia"][3] == "[NAME]"

    # Attach a candidate to a registered person: choose the person with the keyboard, then A.
    combo = dialog.findChild(QComboBox, "attachPersonCombo")
    combo.setFocus()
    while not combo.currentText().startswith("Witness 1"):
        QTest.keyClick(combo, Qt.Key.Key_Down)
    _go_to(qtbot, dialog, "Puente de Segovia")
    with qtbot.waitSignal(dialog.review_loaded, timeout=60_000):
        QTest.keyClick(tree, Qt.Key.Key_A)
    assert logbook.redaction_decisions(viaduct)[-1].fields["person"] == "w1"
    assert _rows(dialog)["Puente de Segovia"][3] == "Witness 1"


def test_redacted_report_is_built_in_the_background_with_progress_and_written(
    qtbot, dialog: ReportDialog, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    target = tmp_path / "debrief.pdf"
    _set_path(qtbot, dialog, target)
    progress = dialog.findChild(QProgressBar, "reportProgress")
    seen: list[int] = []
    progress.valueChanged.connect(seen.append)
    make = dialog.findChild(QPushButton, "makeReportButton")
    make.setFocus()
    with qtbot.waitSignal(dialog.finished_report, timeout=120_000) as blocker:
        QTest.keyClick(make, Qt.Key.Key_Space)
        assert not make.isEnabled()  # the build runs; the dialog stays responsive meanwhile
    assert blocker.args == [target], dialog.last_error
    assert progress.value() == progress.maximum()
    assert len(set(seen)) > 3  # the bar moved through the phases
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
    with qtbot.waitSignal(dialog.finished_report, timeout=120_000) as blocker:
        qtbot.mouseClick(make, Qt.MouseButton.LeftButton)
    assert blocker.args == [target], dialog.last_error
    count, _ = logbook.head(viaduct)
    audit = logbook.entry(viaduct, count)
    assert count == before + 1 and audit.kind == "audit"
    assert audit.fields["reason"] == "Court order 2026/114" and audit.author == "DS Kowalski"
    pdf = read_pdf(target)
    assert pdf.has_word("Ibarra") and "UNREDACTED" in pdf.pages[0]


def test_the_report_language_is_chosen_in_the_dialog_by_keyboard(
    qtbot, dialog: ReportDialog, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    """A Spanish copy from an English app (or the reverse): the marking follows while untouched."""
    language = dialog.findChild(QComboBox, "reportLanguage")
    marking = dialog.findChild(QLineEdit, "classificationEdit")
    assert language.currentText() == "English" and marking.text() == "OFFICIAL-SENSITIVE"
    language.setFocus()
    language.lineEdit().selectAll()
    qtbot.keyClicks(language.lineEdit(), "Esp")
    QTest.keyClick(language, Qt.Key.Key_Tab)
    assert dialog.report_language() == "es"
    assert marking.text() == "DIFUSIÓN LIMITADA"
    printed = {row[3] for row in _rows(dialog).values()}
    assert "Sujeto A" in printed and "[TELÉFONO]" in printed  # what the Spanish copy prints
    assert not printed & {"Subject A", "[PHONE]", "[NAME]"}
    target = tmp_path / "informe.pdf"
    _set_path(qtbot, dialog, target)
    make = dialog.findChild(QPushButton, "makeReportButton")
    make.setFocus()
    with qtbot.waitSignal(dialog.finished_report, timeout=120_000) as blocker:
        QTest.keyClick(make, Qt.Key.Key_Space)
    assert blocker.args == [target], dialog.last_error
    pdf = read_pdf(target)
    assert "DIFUSIÓN LIMITADA" in pdf.pages[0] and "Página 1 de" in pdf.text
    assert "Sujeto A" in pdf.text and not pdf.has_word("Ibarra")
