"""The Home window's way of moving incidents: import a scenario, export a bundle, import it elsewhere.

Driven through the real dialogs (file chooser, passphrase prompts) from the keyboard's point of
view, then checked in the vaults themselves.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QTableView, QWidget

from incident_log.logbook import Logbook
from incident_log.ui.context import AppContext
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.ui.conftest import press, type_text

BUNDLE_PASSPHRASE = "a bundle passphrase"


def when_modal(matches: Callable[[QWidget], bool], act: Callable[[QWidget], None], done: list[str]) -> None:
    """Act on the next modal dialog that ``matches`` as soon as it is up, as a user would."""

    def attempt(tries: int = 0) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None and matches(dialog):
            done.append(type(dialog).__name__ + ":" + dialog.objectName())
            act(dialog)
        elif tries < 250:
            QTimer.singleShot(20, lambda: attempt(tries + 1))

    QTimer.singleShot(0, attempt)


def choose_file(path: Path, done: list[str], then: Callable[[], None] | None = None) -> None:
    def act(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog)
        dialog.selectFile(str(path))
        if then is not None:
            then()
        dialog.accept()

    when_modal(lambda d: isinstance(d, QFileDialog), act, done)


def named(name: str) -> Callable[[QWidget], bool]:
    return lambda dialog: dialog.objectName() == name


def type_and_enter(dialog: QWidget, edits: list[str], text: str) -> None:
    for name in edits:
        edit = dialog.findChild(QLineEdit, name)
        edit.setFocus()
        type_text(edit, text)
    press(dialog.findChild(QLineEdit, edits[-1]), Qt.Key.Key_Return)


def test_import_scenario_then_move_it_by_bundle_to_another_vault(
    ctx: AppContext, logbook: Logbook, scenario_path: Path, tmp_path: Path, qtbot
) -> None:
    home = ctx.open_home()
    done: list[str] = []

    choose_file(scenario_path, done)
    home.import_scenario()
    assert [i.ref for i in logbook.incidents()] == ["NEG-2026-0031"]
    assert "Imported NEG-2026-0031" in home.statusBar().currentMessage()

    bundle = tmp_path / "viaduct.bundle"
    home.refresh()
    home.findChild(QTableView, "incidentsTable").selectRow(0)
    choose_file(bundle, done, then=lambda: when_modal(
        named("newPassphraseDialog"),
        lambda d: type_and_enter(d, ["passphraseEdit", "passphraseRepeatEdit"], BUNDLE_PASSPHRASE),
        done,
    ))
    home.export_bundle()
    assert bundle.exists()
    assert b"Ibarra" not in bundle.read_bytes()

    other = Logbook.create(tmp_path / "other.db", PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF)
    other_ctx = AppContext(other)
    try:
        other_home = other_ctx.open_home()
        choose_file(bundle, done, then=lambda: when_modal(
            named("bundlePassphrase"), lambda d: type_and_enter(d, ["bundlePassphraseEdit"], BUNDLE_PASSPHRASE), done
        ))
        other_home.import_bundle()
        moved = other.incident("NEG-2026-0031")
        assert moved.head_hash == logbook.incident("NEG-2026-0031").head_hash
        assert other.verify("NEG-2026-0031").ok
        assert other_home.findChild(QTableView, "incidentsTable").model().rowCount() == 1
    finally:
        for window in list(other_ctx.windows):
            window.close()
        other_ctx.shutdown()
        other.close()
    assert [d.split(":")[0] for d in done] == [
        "QFileDialog", "QFileDialog", "NewPassphraseDialog", "QFileDialog", "TextPrompt",
    ]
