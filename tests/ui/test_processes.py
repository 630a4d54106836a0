"""Real second processes: live updates from another writer, and the shipped app under Xvfb."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from incident_log.logbook import Logbook
from incident_log.ui.timeline_model import KindRole
from tests.conftest import FAST_KDF, PASSPHRASE

REPO = Path(__file__).resolve().parents[2]


def child_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        INCIDENT_LOG_PASSPHRASE=PASSPHRASE,
        PYTHON_KEYRING_BACKEND="tests.keyring_memory.MemoryKeyring",
        PYTHONPATH=str(REPO) + os.pathsep + env.get("PYTHONPATH", ""),
    )
    env.update(extra)
    return env


WRITER = """
import sys
from pathlib import Path
from incident_log.logbook import Logbook
from incident_log.domain.entry import NewEntry
book = Logbook.open(Path(sys.argv[1]))
for i in range(3):
    book.record(sys.argv[2], NewEntry(kind="note", text=f"from the other process {i}", author="Loggist 2"))
book.close()
"""


def test_entries_from_another_process_appear_live(ctx, logbook, qtbot):
    ref = logbook.create_incident("Live").ref
    window = ctx.open_incident(ref)
    qtbot.waitUntil(window.isActiveWindow)
    assert window.model.rowCount() == 0
    subprocess.run([sys.executable, "-c", WRITER, str(logbook.path), ref], env=child_env(), check=True,
                   timeout=60)
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=5000)  # the 300 ms poll finds them
    assert window.model.index(2, 5).data() == "from the other process 2"
    assert window.model.index(2, 4).data() == "Loggist 2"
    assert window.model.index(0, 3).data(KindRole) == "note"
    qtbot.waitUntil(lambda: window.controller.state is not None
                    and window.controller.state.statistics.entry_count == 3, timeout=5000)


TYPIST = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from incident_log.logbook import Logbook
from incident_log.ui.app import application
from incident_log.ui.context import AppContext
app = application()
book = Logbook.open(Path(sys.argv[1]))
ctx = AppContext(book)
window = ctx.open_incident(sys.argv[2])
window.composer.autosave_ms = 100
box = window.composer.text_edit
for ch in "Sujeto dice: ":
    QTest.keyClick(box, ch)
for ch in "déjame en paz, Łukasz":
    QTest.sendKeyEvent(QTest.KeyAction.Click, box, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)
QTimer.singleShot(600, lambda: (sys.stdout.write("typed\\n"), sys.stdout.flush()))
app.exec()
"""


@pytest.mark.slow
def test_draft_recovered_after_the_app_is_killed(logbook, ctx, qtbot, tmp_path):
    """A second app process types, is SIGKILLed; this one opens the incident and finds the draft."""
    ref = logbook.create_incident("Crash").ref
    child = subprocess.Popen([sys.executable, "-c", TYPIST, str(logbook.path), ref],
                             env=child_env(INCIDENT_LOG_UI_SETTINGS=str(tmp_path / "child.ini")),
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "typed"
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait(10)
    window = ctx.open_incident(ref)
    assert window.composer.text_edit.toPlainText() == "Sujeto dice: déjame en paz, Łukasz"
    assert "Restored an unsent draft" in window.composer.notice_label.text()
    assert logbook.head(ref)[0] == 0  # a draft is not an entry until the loggist records it


def _free_display() -> int:
    for number in range(90, 140):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            return number
    raise RuntimeError("no free X display number")


@pytest.mark.xvfb
@pytest.mark.slow
def test_the_shipped_app_records_what_is_typed_under_xvfb(tmp_path):
    """`incident-log open REF` on a real X server, typed into with xdotool, checked in the vault."""
    for tool in ("Xvfb", "xdotool"):
        assert shutil.which(tool), f"{tool} is missing: apt-get install xvfb libxcb-icccm4 libxcb-keysyms1 xdotool"
    vault = tmp_path / "vault.db"
    book = Logbook.create(vault, PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF)
    ref = book.create_incident("Xvfb").ref
    book.set_pref("callsign", "Loggist X")
    book.close()

    display = f":{_free_display()}"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = child_env(DISPLAY=display, QT_QPA_PLATFORM="xcb", INCIDENT_LOG_UI_SETTINGS=str(tmp_path / "ui.ini"))
    app = None
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{display[1:]}").exists():
            assert xvfb.poll() is None, "Xvfb exited"
            assert time.monotonic() < deadline, "Xvfb did not start"
            time.sleep(0.05)
        app = subprocess.Popen([sys.executable, "-m", "incident_log", "--vault", str(vault), "open", ref],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        found = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", ref],
                               env=env, capture_output=True, text=True, timeout=30)
        assert found.returncode == 0, (found.stderr, app.poll())
        window_id = found.stdout.split()[0]
        subprocess.run(["xdotool", "windowfocus", "--sync", window_id], env=env, check=True, timeout=10)
        time.sleep(0.5)
        subprocess.run(["xdotool", "type", "--delay", "15", "Typed on a real X server by xdotool"],
                       env=env, check=True, timeout=30)
        subprocess.run(["xdotool", "key", "ctrl+Return"], env=env, check=True, timeout=10)
        with Logbook.open(vault, passphrase=PASSPHRASE, use_keyring=False) as check:
            deadline = time.monotonic() + 10
            while check.head(ref)[0] == 0 and time.monotonic() < deadline:
                time.sleep(0.1)
            assert check.head(ref)[0] == 1, "the typed entry never reached the vault"
            entry = check.entry(ref, 1)
            assert entry.text == "Typed on a real X server by xdotool"
            assert entry.author == "Loggist X" and entry.kind == "note"
        subprocess.run(["xdotool", "key", "ctrl+q"], env=env, check=True, timeout=10)
        try:
            code = app.wait(15)
        except subprocess.TimeoutExpired:
            app.kill()
            raise AssertionError("Ctrl+Q did not quit the app: " + app.communicate()[1][-2000:]) from None
        assert code == 0, app.communicate()[1][-2000:]
    finally:
        if app is not None and app.poll() is None:
            app.kill()
            app.wait(10)
        xvfb.terminate()
        xvfb.wait(10)
