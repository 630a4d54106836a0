"""The desktop in cell mode, driven from the keyboard: a loggist's window and a team leader's
window on two workstations (two vaults, two logins) sharing one incident on the real test server,
the server stopped and started again in the middle.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from incident_log.cell.opening import Credentials
from incident_log.cell.signing import SigningKey
from incident_log.desk import CellDesk
from incident_log.logbook import Logbook
from incident_log.ui.timeline_model import COL_SEQ, COL_TEXT
from tests.cell.conftest import cell_admin_url, cell_name, make_login, pg_server  # noqa: F401 - fixtures
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.pgserver import PostgresServer
from tests.ui.conftest import press, type_text

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def make_ctx(qapp: QApplication, tmp_path: Path) -> Iterator[Callable[..., Any]]:
    from incident_log.ui.context import AppContext

    made: list[tuple[Any, CellDesk]] = []

    def make(who: Any, name: str, callsign: str) -> Any:
        vault = Logbook.create(tmp_path / f"{name}.db", PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF)
        vault.set_pref("callsign", callsign)
        desk = CellDesk(vault, who.url, Credentials(who.secrets, SigningKey.generate()))
        context = AppContext(desk)
        made.append((context, desk))
        return context

    yield make
    for context, desk in made:
        for window in list(context.windows):
            window.close()
        context.shutdown()
        context.deleteLater()
        desk.close()
    QApplication.processEvents()


def shown(window: Any) -> list[tuple[str, str]]:
    model = window.model
    return [(model.index(r, COL_SEQ).data(), model.index(r, COL_TEXT).data()) for r in range(model.rowCount())]


def line(window: Any) -> str:
    return str(window.connection_line.text())


def type_and_record(window: Any, text: str) -> float:
    box = window.composer.findChild(QPlainTextEdit, "entryText")
    box.setFocus()
    type_text(box, text)
    started = time.monotonic()
    press(box, Qt.Key.Key_Return, CTRL)
    return time.monotonic() - started


def test_two_workstations_share_a_live_incident_through_a_server_outage(
    pg_server: PostgresServer, make_login, make_ctx, qtbot  # noqa: F811 - fixtures
) -> None:
    from incident_log.ui.leader_window import TeamLeaderWindow

    loggist_ctx = make_ctx(make_login(prefix="loggist"), "loggist", "Loggist Ana")
    leader_ctx = make_ctx(make_login(prefix="leader"), "leader", "TL García")
    qtbot.waitUntil(lambda: loggist_ctx.logbook.connection().connected and leader_ctx.logbook.connection().connected,
                    timeout=20_000)
    incident = loggist_ctx.logbook.create_incident("Rooftop, Calle Mayor", author="Loggist Ana")
    qtbot.waitUntil(lambda: any(i.id == incident.id for i in leader_ctx.logbook.incidents()), timeout=20_000)

    home = leader_ctx.open_home()
    qtbot.waitUntil(lambda: incident.ref in [i.ref for i in home.model.rows], timeout=5_000)
    assert "Cell: connected" in home.connection_line.text()

    window = loggist_ctx.open_incident(incident.ref)
    leader = TeamLeaderWindow(leader_ctx, incident.ref, "TL García")
    leader_ctx.adopt(leader)
    leader.show()
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)

    assert type_and_record(window, "Subject on the ledge, calm") < 1.0
    assert shown(window)[-1][1].startswith("Subject on the ledge")
    qtbot.waitUntil(lambda: len(shown(leader)) == 1, timeout=10_000)
    assert shown(leader)[0][1].startswith("Subject on the ledge")
    qtbot.waitUntil(lambda: line(window) == "Cell: connected — nothing waiting", timeout=5_000)
    assert "◷" not in shown(window)[0][0]

    pg_server.stop()
    try:
        for text in ("Asks for his brother", "Brother located by control room"):
            assert type_and_record(window, text) < 1.0  # the loggist never waits for the dead server
        assert [t for _s, t in shown(window)][-2:] == ["Asks for his brother", "Brother located by control room"]
        qtbot.waitUntil(lambda: line(window) == "Cell: offline — 2 entries waiting", timeout=20_000)
        assert all("◷" in seq for seq, _t in shown(window)[1:])  # marked as waiting, numbered 2 and 3
        assert [s.split()[0] for s, _t in shown(window)] == ["1", "2", "3"]
        assert len(shown(leader)) == 1
    finally:
        pg_server.start()
    loggist_ctx.logbook.sync_now()
    leader_ctx.logbook.sync_now()
    qtbot.waitUntil(lambda: len(shown(leader)) == 3 and line(window) == "Cell: connected — nothing waiting",
                    timeout=60_000)
    qtbot.waitUntil(lambda: all("◷" not in seq for seq, _t in shown(window)), timeout=5_000)
    assert [t for _s, t in shown(leader)] == [t for _s, t in shown(window)]
    entries = list(leader_ctx.logbook.all_entries(incident.ref))
    assert [e.author for e in entries] == ["Loggist Ana"] * 3
    assert all(e.hash for e in entries)


def test_the_connect_dialog_logs_a_new_workstation_in(
    qapp: QApplication, pg_server: PostgresServer, cell_admin_url: str, cell_name: str, tmp_path: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """First start on a cell: the dialog asks for the cell password and the vault passphrase; a
    mistyped password is said in the dialog, which stays open; the typed one then logs in."""
    from incident_log.cell.setup import add_user
    from incident_log.ui.cell_dialog import CELL_PREF, connect_cell
    from tests.cell.conftest import unique
    from tests.ui.conftest import when_modal

    monkeypatch.delenv("INCIDENT_LOG_PASSPHRASE", raising=False)
    monkeypatch.delenv("INCIDENT_LOG_CELL_PASSWORD", raising=False)
    user = add_user(cell_admin_url, unique("ws"), cell=cell_name)
    assert user.password is not None
    url = pg_server.url(user.role)
    vault = Logbook.create(tmp_path / "v.db", PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF)
    seen: list[str] = []

    def answer(password: str) -> Callable[[Any], None]:
        def act(dialog: Any) -> None:
            try:
                seen.append(dialog.error.text() if dialog.error.isVisible() else "")
                assert dialog.password.isVisible()
                type_text(dialog.password, password)
                if dialog.passphrase.isVisible():  # the first time; a kept passphrase is not asked again
                    type_text(dialog.passphrase, PASSPHRASE)
                if password != user.password:
                    when_modal("connectDialog", answer(user.password))
                press(dialog.password, Qt.Key.Key_Return)
            except BaseException:
                dialog.reject()  # never leave the test waiting on a modal dialog
                raise
        return act

    when_modal("connectDialog", answer("not-a-password"))
    desk = connect_cell(vault, url)
    try:
        assert desk is not None and desk.kind == "cell"
        assert seen[0] == "" and "password" in seen[1].lower()  # the mistyped one was refused, in words
        assert vault.get_pref(CELL_PREF) == url  # the next start connects to the same cell
        deadline = time.monotonic() + 20
        while not desk.connection().connected and time.monotonic() < deadline:
            time.sleep(0.05)
        assert desk.connection().connected
    finally:
        if desk is not None:
            desk.close()
        else:
            vault.close()


def test_work_on_this_computer_only_keeps_the_vault(
    qapp: QApplication, pg_server: PostgresServer, cell_admin_url: str, cell_name: str, tmp_path: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from incident_log.ui.cell_dialog import connect_cell
    from tests.ui.conftest import when_modal

    monkeypatch.delenv("INCIDENT_LOG_PASSPHRASE", raising=False)
    vault = Logbook.create(tmp_path / "v.db", PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF)
    when_modal("connectDialog", lambda dialog: dialog.local_button.click())
    try:
        assert connect_cell(vault, pg_server.url("nobody_yet")) is None
        assert vault.incidents() == []  # the vault is still open and usable
    finally:
        vault.close()


def test_the_home_window_connects_a_vault_to_a_cell(
    qapp: QApplication, tmp_path: Path, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """File → Cell connection… in a vault's home window: the address typed is kept in the vault and
    the session ends with RESTART, so the app reopens on the cell."""
    from incident_log.ui.cell_dialog import CELL_PREF, RESTART, cell_url_for
    from incident_log.ui.context import AppContext
    from tests.ui.conftest import answer_prompt

    vault = Logbook.create(tmp_path / "v.db", PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF)
    vault.set_pref("callsign", "Loggist Ana")
    context = AppContext(vault)
    exits: list[int] = []
    try:
        home = context.open_home()
        assert home.connection_line is None  # no connection line on a vault alone
        assert home.actions_by_id["cell_connection"].isEnabled()
        url = "postgresql://ana@cellserver.local:5432/incident_cell?sslmode=verify-full&sslrootcert=/ca.crt"
        answer_prompt("cellUrlPrompt", url)
        monkeypatch.setattr(QApplication, "exit", staticmethod(lambda code=0: exits.append(code)))
        home.actions_by_id["cell_connection"].trigger()
        assert exits == [RESTART]
        assert vault.get_pref(CELL_PREF) == url
        assert cell_url_for(None, vault) == url
    finally:
        for window in list(context.windows):
            window.close()
        context.shutdown()
        vault.close()
