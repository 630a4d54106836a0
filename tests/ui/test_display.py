"""Started without a display: one line that says what is missing and how to use the command line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from incident_log.ui.display import debian_package, display_problem, missing_library_message
from tests.ui.test_processes import REPO, child_env


def run_app(env: dict[str, str], tmp_path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "incident_log", "--vault", str(tmp_path / "vault.db")],
                          env=env, capture_output=True, text=True, timeout=60, cwd=REPO)


def bare_env(**extra: str) -> dict[str, str]:
    env = child_env()
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(name, None)
    env.update(extra)
    return env


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the display checks are for Linux")
def test_no_display_is_one_line_and_exit_2_not_a_qt_abort(tmp_path):
    done = run_app(bare_env(), tmp_path)
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "needs a display" in lines[0] and "incident-log --help" in lines[0]
    assert "xcb-cursor" not in done.stderr
    assert not (tmp_path / "vault.db").exists()  # nothing was created on the way


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the display checks are for Linux")
def test_a_display_nobody_answers_is_said_plainly(tmp_path):
    done = run_app(bare_env(DISPLAY=":197"), tmp_path)
    assert done.returncode == 2
    assert done.stderr.strip() == (
        "The desktop app cannot reach the X server at DISPLAY=:197 (nothing answers there). "
        "Check DISPLAY, or use the command line, which needs no display: incident-log --help")


def test_the_command_line_still_works_without_a_display(tmp_path):
    env = bare_env(INCIDENT_LOG_PASSPHRASE="correct horse battery staple")
    done = subprocess.run([sys.executable, "-m", "incident_log", "--vault", str(tmp_path / "v.db"), "init"],
                          env=env, capture_output=True, text=True, timeout=60, cwd=REPO)
    assert done.returncode == 0, done.stderr


def test_a_missing_x11_library_is_named_with_its_package():
    message = missing_library_message("libxcb-icccm.so.4: cannot open shared object file: No such file or directory")
    assert message == ("The desktop app cannot start: the X11 library libxcb-icccm.so.4 is missing (on Debian or "
                       "Ubuntu: sudo apt-get install libxcb-icccm4). The command line works without it: incident-log --help")
    assert debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    assert debian_package("libX11-xcb.so.1") == "libx11-xcb1"
    assert missing_library_message("some other failure") is None


def test_offscreen_and_wayland_are_not_second_guessed():
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None
    if sys.platform.startswith("linux"):
        assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}) is None
        assert display_problem({}) is not None


@pytest.mark.skipif(shutil.which("Xvfb") is None, reason="needs Xvfb")
def test_a_live_x_server_passes_every_check(tmp_path):
    from tests.ui.test_processes import _free_display

    number = _free_display()
    server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "800x600x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        import time

        deadline = time.monotonic() + 10
        while not os.path.exists(f"/tmp/.X11-unix/X{number}") and time.monotonic() < deadline:
            time.sleep(0.05)
        assert display_problem({"DISPLAY": f":{number}"}) is None
    finally:
        server.terminate()
        server.wait(10)
