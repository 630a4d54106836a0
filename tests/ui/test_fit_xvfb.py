"""The shipped app on a real 1366x768 X server: it fits, and a loggist can type into it with xdotool.

The vault holds an incident full of very long names (the case that made version 0.1 open at
2367x860 on this screen). The app is started as a user starts it (``incident-log open REF``),
typed into with xdotool — a person named by a typed alias, a statement, Ctrl+Return — and
asked for its window geometry by xdotool, from outside the process.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from incident_log.logbook import Logbook
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.ui.test_fit import LONG, heavy
from tests.ui.test_processes import _free_display, child_env


def geometry(window_id: str, env: dict[str, str]) -> dict[str, int]:
    done = subprocess.run(["xdotool", "getwindowgeometry", "--shell", window_id], env=env, capture_output=True,
                          text=True, timeout=10, check=True)
    pairs = (line.split("=", 1) for line in done.stdout.split() if "=" in line)
    return {key: int(value) for key, value in pairs if key in ("X", "Y", "WIDTH", "HEIGHT")}


@pytest.mark.xvfb
@pytest.mark.slow
@pytest.mark.parametrize("screen", ["1366x768", "1280x720"])
def test_the_app_fits_the_laptop_screen_and_takes_typing(tmp_path, screen):
    for tool in ("Xvfb", "xdotool"):
        assert shutil.which(tool), f"{tool} is missing: apt-get install xvfb xdotool"
    width, height = (int(n) for n in screen.split("x"))
    vault = tmp_path / "vault.db"
    book = Logbook.create(vault, PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF)
    ref = book.create_incident("Full", location=LONG).ref
    heavy(book, ref)
    book.set_pref("callsign", ("Loggist " + LONG)[:80])  # as long as a callsign may be
    count = book.head(ref)[0]
    book.close()

    display = f":{_free_display()}"
    xvfb = subprocess.Popen(["Xvfb", display, "-screen", "0", f"{screen}x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    env = child_env(DISPLAY=display, QT_QPA_PLATFORM="xcb", INCIDENT_LOG_UI_SETTINGS=str(tmp_path / "ui.ini"))
    app = None
    try:
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{display[1:]}").exists():
            assert xvfb.poll() is None and time.monotonic() < deadline, "Xvfb did not start"
            time.sleep(0.05)
        app = subprocess.Popen([sys.executable, "-m", "incident_log", "--vault", str(vault), "open", ref],
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        found = subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name", ref],
                               env=env, capture_output=True, text=True, timeout=30)
        assert found.returncode == 0, (found.stderr, app.poll())
        window_id = found.stdout.split()[0]
        time.sleep(1.0)
        shape = geometry(window_id, env)
        assert shape["WIDTH"] <= width and shape["HEIGHT"] <= height, shape
        assert shape["X"] >= 0 and shape["Y"] >= 0 and shape["X"] + shape["WIDTH"] <= width, shape
        subprocess.run(["xdotool", "windowfocus", "--sync", window_id], env=env, check=True, timeout=10)
        time.sleep(0.3)

        def keys(*names: str) -> None:
            subprocess.run(["xdotool", "key", "--delay", "40", *names], env=env, check=True, timeout=10)

        def type_(text: str) -> None:
            subprocess.run(["xdotool", "type", "--delay", "15", text], env=env, check=True, timeout=30)

        keys("ctrl+shift+s")  # a statement: the speaker field has the cursor
        type_("alias 2")  # one of n1's aliases ... and of n2's: ambiguous, said in place
        keys("Tab", "Tab")
        type_("He says he will come back over if his sister calls")
        keys("ctrl+Return")
        time.sleep(0.8)
        with Logbook.open(vault, passphrase=PASSPHRASE, use_keyring=False) as check:
            assert check.head(ref)[0] == count, "an ambiguous speaker must not be recorded"
        keys("ctrl+a")  # the refusal put the cursor in the speaker field: retype it
        type_("Villaverde Alarcon 3")  # words of n3's name, typed without accents
        keys("ctrl+Return")
        with Logbook.open(vault, passphrase=PASSPHRASE, use_keyring=False) as check:
            deadline = time.monotonic() + 10
            while check.head(ref)[0] == count and time.monotonic() < deadline:
                time.sleep(0.1)
            assert check.head(ref)[0] == count + 1, "the typed statement never reached the vault"
            entry = check.entry(ref, count + 1)
            assert entry.kind == "statement" and entry.fields["speaker"] == "n3"
            assert entry.text == "He says he will come back over if his sister calls"
        assert geometry(window_id, env)["WIDTH"] <= width  # still fits after the boards filled up
        keys("ctrl+q")
        try:
            code = app.wait(15)
        except subprocess.TimeoutExpired:
            app.kill()
            raise AssertionError("Ctrl+Q did not quit: " + app.communicate()[1][-2000:]) from None
        assert code == 0, app.communicate()[1][-2000:]
    finally:
        if app is not None and app.poll() is None:
            app.kill()
            app.wait(10)
        xvfb.terminate()
        xvfb.wait(10)
