"""Start-up (first run, unlock, errors) and the team leader's tools, driven through the dialogs."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QWidget

from incident_log.domain.entry import NewEntry
from incident_log.logbook import Logbook
from incident_log.ui import app as ui_app
from incident_log.ui.timeline_model import NewSinceReviewRole
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.ui.conftest import press, type_text


def when_modal(name: str, act: Callable[[QWidget], None], log: list[str]) -> None:
    """Act on the next modal dialog named ``name`` as soon as it is up (as a user would)."""

    def attempt(tries: int = 0) -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is not None and dialog.objectName() == name:
            log.append(name)
            act(dialog)
        elif tries < 200:
            QTimer.singleShot(20, lambda: attempt(tries + 1))

    QTimer.singleShot(0, attempt)


def type_into(dialog: QWidget, object_name: str, text: str) -> None:
    edit = dialog.findChild(QLineEdit, object_name)
    edit.setFocus()
    type_text(edit, text)


def test_first_run_creates_the_vault_with_the_passphrase_typed_twice(qapp, tmp_path, memory_keyring, monkeypatch):
    monkeypatch.setattr(Logbook, "create", _fast_create(Logbook.create))
    path = tmp_path / "new" / "vault.db"
    path.parent.mkdir()
    log: list[str] = []

    def first_try(dialog: QWidget) -> None:
        type_into(dialog, "passphraseEdit", "correct horse battery staple")
        assert dialog.findChild(QWidget, "strengthHint").text() == "Strong."
        type_into(dialog, "passphraseRepeatEdit", "correct horse battery stapel")
        press(dialog.findChild(QLineEdit, "passphraseRepeatEdit"), Qt.Key.Key_Return)
        # refused: they differ; the dialog says so and stays
        assert "differ" in dialog.findChild(QWidget, "promptError").text()
        type_into(dialog, "passphraseRepeatEdit", "correct horse battery staple")
        press(dialog.findChild(QLineEdit, "passphraseRepeatEdit"), Qt.Key.Key_Return)

    when_modal("newPassphraseDialog", first_try, log)
    book = ui_app.create_vault(path)
    assert log == ["newPassphraseDialog"]
    assert book is not None and Logbook.exists(path)
    assert memory_keyring.secrets, "the key was offered to (and stored in) the keyring"
    book.close()
    with Logbook.open(path, passphrase="correct horse battery staple", use_keyring=False) as again:
        assert again.incidents() == []


def _fast_create(original):  # the product KDF takes ~0.5 s; tests use the cheap one
    def create(path, passphrase, *, remember_in_keyring=True, kdf_cost=None):
        return original(path, passphrase, remember_in_keyring=remember_in_keyring, kdf_cost=FAST_KDF)

    return classmethod(lambda cls, *a, **k: create(*a, **k))


def test_unlock_asks_for_the_passphrase_and_says_when_it_is_wrong(qapp, vault_path):
    Logbook.create(vault_path, PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF).close()
    log: list[str] = []

    def wrong_then_right(dialog: QWidget) -> None:
        edit = dialog.findChild(QLineEdit, "passphraseDialogEdit")
        type_text(edit, "not it at all")
        press(edit, Qt.Key.Key_Return)

        def check_and_retry() -> None:
            error = dialog.findChild(QWidget, "promptError")
            log.append(error.text())
            edit.clear()
            type_text(edit, PASSPHRASE)
            press(edit, Qt.Key.Key_Return)

        QTimer.singleShot(50, check_and_retry)

    when_modal("passphraseDialog", wrong_then_right, log)
    book = ui_app.open_vault(vault_path)
    assert book is not None and book.unlocked_with == "passphrase"
    assert log[0] == "passphraseDialog"
    assert log[1].startswith("Wrong passphrase for this vault.")
    book.close()


def test_environment_passphrase_unlocks_without_a_dialog(qapp, vault_path, monkeypatch):
    Logbook.create(vault_path, PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF).close()
    monkeypatch.setenv("INCIDENT_LOG_PASSPHRASE", PASSPHRASE)
    book = ui_app.open_vault(vault_path)
    assert book is not None
    book.close()


def test_a_file_that_is_not_a_vault_is_reported_in_a_dialog(qapp, tmp_path, monkeypatch):
    bogus = tmp_path / "vault.db"
    bogus.write_bytes(b"not a database at all" * 100)
    (tmp_path / "vault.db.keys").write_text("{}")
    monkeypatch.setenv("INCIDENT_LOG_PASSPHRASE", PASSPHRASE)
    seen: list[str] = []

    def read_and_close(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        box.accept()

    when_modal("errorDialog", read_and_close, [])
    code = ui_app.run(bogus, None)
    assert code == ui_app.EXIT_ERROR
    assert seen and ("damaged" in seen[0] or "not an Incident Log" in seen[0])


def test_team_leader_flags_reviews_and_the_leader_window_marks_what_is_new(ctx, logbook, qtbot):
    ref = logbook.create_incident("Review").ref
    for i in range(3):
        logbook.record(ref, NewEntry(kind="note", text=f"entry {i + 1}", author="L1"))
    window = ctx.open_incident(ref)
    qtbot.waitUntil(window.isActiveWindow)
    window.timeline.select_seq(2)
    log: list[str] = []

    def give_reason(dialog: QWidget) -> None:
        edit = dialog.findChild(QLineEdit, "flagReasonEdit")
        type_text(edit, "ask Vidal why she moved closer")
        press(edit, Qt.Key.Key_Return)

    when_modal("flagReason", give_reason, log)
    press(window.timeline.table, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert log == ["flagReason"]
    flag = logbook.entry(ref, 4)
    assert (flag.kind, flag.refs, flag.fields["reason"]) == ("flag", 2, "ask Vidal why she moved closer")
    qtbot.waitUntil(lambda: window.controller.state is not None and len(window.controller.state.flags) == 1)
    assert "ask Vidal" in _texts(window.board("reviewList"))

    # Reviewed up to here (entry 3), then the team leader's window marks only later entries.
    window.timeline.select_seq(3)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press(window.timeline.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    review = logbook.entry(ref, 5)
    assert (review.kind, review.fields["upto"]) == ("review", 3)


    def callsign(dialog: QWidget) -> None:
        edit = dialog.findChild(QLineEdit, "leaderCallsignEdit")
        type_text(edit, "TL García")
        press(edit, Qt.Key.Key_Return)

    when_modal("leaderCallsign", callsign, log)
    press(window.timeline.table, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    follow = window.controller.leader_windows[0]
    assert follow.objectName() == "leaderWindow"
    logbook.record(ref, NewEntry(kind="note", text="after the review", author="L1"))
    qtbot.waitUntil(lambda: follow.model.rowCount() == 6)
    qtbot.waitUntil(lambda: "Reviewed up to #3" in follow.banner.text())
    marks = [bool(follow.model.index(r, 0).data(NewSinceReviewRole)) for r in range(6)]
    assert marks == [False, False, False, True, True, True]


def test_seal_needs_confirmation_and_reopen_a_reason(ctx, logbook, qtbot):
    ref = logbook.create_incident("Seal").ref
    logbook.record(ref, NewEntry(kind="note", text="done", author="L1"))
    window = ctx.open_incident(ref)
    qtbot.waitUntil(window.isActiveWindow)
    log: list[str] = []
    when_modal("confirmDialog", lambda box: box.reject(), log)  # Esc: nothing happens
    window.actions_by_id["seal"].trigger()
    assert logbook.incident(ref).status == "open"

    def yes(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        next(b for b in box.buttons() if b.text() == "Seal the incident").click()

    # Something typed before the seal stays through it.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    type_text(window.composer.text_edit, "one more")
    when_modal("confirmDialog", yes, log)
    window.actions_by_id["seal"].trigger()
    assert logbook.incident(ref).status == "sealed"
    # Visibly closed at once, not at the next board refresh: read-only, with the reason and the way back.
    composer = window.composer
    assert composer.text_edit.isReadOnly()
    assert not composer.kind_box.isEnabled() and not composer.time_edit.isEnabled()
    banner = composer.sealed_banner.text()
    assert composer.sealed_banner.isVisible() and "sealed at" in banner and "Loggist Łukasz" in banner
    assert "Reopen incident" in banner
    assert "SEALED" in window.windowTitle() and "SEALED" in window.status_state.text()
    # Typing into the closed composer is answered, and loses nothing already typed.
    type_text(composer.text_edit, "x")
    assert composer.text_edit.toPlainText() == "one more"
    assert "Nothing typed is recorded while the incident is sealed" in composer.error_label.text()
    press(composer.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "is sealed" in composer.error_label.text()
    assert composer.text_edit.toPlainText() == "one more"

    def reason(dialog: QWidget) -> None:
        edit = dialog.findChild(QLineEdit, "reopenReasonEdit")
        type_text(edit, "late statement from the sister")
        press(edit, Qt.Key.Key_Return)

    when_modal("reopenReason", reason, log)
    window.actions_by_id["reopen"].trigger()
    assert logbook.incident(ref).status == "open"
    assert not composer.text_edit.isReadOnly() and composer.sealed_banner.isHidden()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    press(window.composer.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert logbook.entry(ref, logbook.head(ref)[0]).text == "one more"


def test_settings_store_the_callsign_in_the_vault_and_ui_state_in_qsettings(ctx, logbook, qtbot, tmp_path):
    import os

    ref = logbook.create_incident("Settings").ref
    window = ctx.open_incident(ref)
    qtbot.waitUntil(window.isActiveWindow)
    log: list[str] = []

    def change(dialog: QWidget) -> None:
        callsign = dialog.findChild(QLineEdit, "settingsCallsign")
        callsign.clear()
        type_text(callsign, "Negociador Núñez")
        dialog.findChild(QWidget, "settingsTheme").setCurrentIndex(1)
        dialog.accept()

    when_modal("settingsDialog", change, log)
    window.actions_by_id["settings"].trigger()
    assert log == ["settingsDialog"]
    assert logbook.get_pref("callsign") == "Negociador Núñez"
    ini = open(os.environ["INCIDENT_LOG_UI_SETTINGS"], encoding="utf-8").read()
    assert "theme=dark" in ini
    assert "Núñez" not in ini and "Negociador" not in ini and ref not in ini
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    type_text(window.composer.text_edit, "by the new author")
    press(window.composer.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert logbook.entry(ref, 1).author == "Negociador Núñez"


def _texts(widget: QWidget) -> str:
    from tests.ui.test_loggist_flow import board_texts

    return board_texts(widget)
