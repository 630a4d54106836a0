"""Screenshots of the real app on a real X server, at three screen sizes and in every theme.

    python docs/screenshots/make_screenshots.py [--sizes 1366x768,1280x720,1920x1080] [--themes light,dark,night]
                                                 [--out docs/screenshots] [--lang es]

For each size an Xvfb server of exactly that size is started; for each theme a child process
runs the app there (``QT_QPA_PLATFORM=xcb``), opens the viaduct example the way the app opens
an incident, types into the composer with key events, and grabs the whole screen with
``QScreen.grabWindow`` — so what is saved is what fits on that screen, nothing more. It then
opens the entry detail pane, the team leader's window and the situation summary and grabs each.

The scenario's times are shifted so that its last entry happened two minutes ago: clocks,
countdowns and time on the phone read as they would during the incident. Needs Xvfb.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))


def shifted_scenario() -> dict:
    data = json.loads((REPO / "resources" / "examples" / "viaduct.json").read_text(encoding="utf-8"))
    times = [datetime.fromisoformat(e["at"]) for e in data["entries"]]
    shift = datetime.now(UTC) - timedelta(minutes=2) - max(times)

    def move(text: str) -> str:
        return (datetime.fromisoformat(text) + shift).isoformat()

    data["incident"]["opened_at"] = move(data["incident"]["opened_at"])
    for entry in data["entries"]:
        entry["at"] = move(entry["at"])
        if entry.get("deadline"):
            entry["deadline"] = move(entry["deadline"])
    return data


def record_boards(book, ref: str) -> None:
    """What a loggist would have put on the boards from the scenario's own intelligence."""
    from incident_log.domain.entry import NewEntry, utc_now

    for kind, text, fields in (
        ("hook", "His dog, taken to the shelter last week: he talks of nothing else.", {"about": "s1", "source": "sister"}),
        ("hook", "Signs with neighbours; trusts the negotiator who signs.", {"about": "s1", "source": "witness"}),
        ("trigger", "The job at the workshop he lost.", {"about": "s1", "source": "subject"}),
        ("trigger", "Being called a burden (sister's words).", {"about": "s1", "source": "subject"}),
        ("risk", "Outer ledge, approx. 25 m drop; rain makes the railing slippery.", {"category": "self-harm", "status": "confirmed", "about": "s1"}),
        ("risk", "Shivering in the rain: hypothermia if prolonged.", {"category": "medical", "status": "reported", "about": "s1"}),
    ):
        book.record(ref, NewEntry(kind, text, fields, author="Loggist 1"))
    book.flag(ref, 28, reason="Rotation reversed at the subject's request: discuss at debrief", author="Loggist 1")
    # A fresh demand with a deadline a few minutes away: the alarm banner and the countdown show.
    book.record(ref, NewEntry("demand", "Wants to speak to his sister on the phone before he comes back.",
                              {"by": "s1", "deadline": (utc_now() + timedelta(minutes=7)).isoformat()},
                              author="Loggist 1"))


def child(theme: str, size: str, out: Path, lang: str = "en") -> None:
    """Runs inside the Xvfb display: the app itself, grabbed as it shows."""
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit

    from incident_log.logbook import Logbook
    from incident_log.ui import uisettings
    from incident_log.ui.app import application
    from incident_log.ui.context import AppContext
    from incident_log.ui.tasks import Background

    Background.synchronous = True
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["INCIDENT_LOG_UI_SETTINGS"] = str(Path(tmp) / "ui.ini")
        book = Logbook.create(Path(tmp) / "vault.db", "screenshots only", remember_in_keyring=False, kdf_cost=12)
        ref = book.import_scenario(shifted_scenario()).ref
        book.set_pref("callsign", "Loggist 1")
        book.set_pref("leader_callsign", "TL Otero")
        record_boards(book, ref)
        uisettings.put("theme", theme)
        uisettings.put("language", lang)
        app = application()
        ctx = AppContext(book)
        screen = app.primaryScreen()

        def settle(seconds: float = 0.8) -> None:
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                app.processEvents()
                time.sleep(0.02)

        def grab(name: str) -> None:
            settle()
            path = out / (f"{name}-{size}-{theme}.png" if lang == "en" else f"{name}_{lang}_{size}-{theme}.png")
            screen.grabWindow(0).save(str(path), "PNG", 0)
            sys.stdout.write(f"{path.name}\n")

        window = ctx.open_incident(ref)
        settle()
        window.timeline.select_seq(31)
        window.composer.set_kind("statement")
        box = window.composer.text_edit
        box.setFocus()
        for ch in "Says he will listen if his sister calls":
            QTest.keyClick(box, ch)
        grab("incident")
        table = window.timeline.table
        table.setFocus()
        window.timeline.select_seq(30)
        QTest.keyClick(table, Qt.Key.Key_Return)  # the entry in full
        grab("detail")

        def answer_callsign() -> None:
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(50, answer_callsign)
                return
            edit = dialog.findChild(QLineEdit, "leaderCallsignEdit")
            QTest.keyClick(edit, Qt.Key.Key_Return)

        QTimer.singleShot(50, answer_callsign)
        leader = ctx.open_leader(ref, window)
        assert leader is not None
        leader.raise_()
        grab("leader")
        leader.controller.situation_summary()
        dialog = leader.controller.summary_dialog
        assert dialog is not None
        for ch in "Calmer since the dog was confirmed alive. Keep Vidal on.":
            QTest.keyClick(dialog.findChild(QPlainTextEdit, "summaryAssessment"), ch)
        grab("summary")
        dialog.close()
        if lang != "en":  # the wordiest dialogs, where a longer language is cut off first
            from incident_log.ui.dialogs import SettingsDialog
            from incident_log.ui.report_dialog import ReportDialog

            for name, extra in (("settings", SettingsDialog(ctx, window)), ("report", ReportDialog(window, book, ref, "Loggist 1"))):
                extra.show()
                extra.raise_()
                grab(name)
                extra.close()
            home = ctx.open_home()
            home.raise_()
            grab("home")
            home.close()
        leader.close()
        window.close()
        ctx.shutdown()
        book.close()


def free_display() -> int:
    for number in range(60, 120):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            return number
    raise SystemExit("no free X display number")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="1366x768,1280x720,1920x1080")
    parser.add_argument("--themes", default="light,dark,night")
    parser.add_argument("--out", default=str(HERE))
    parser.add_argument("--child", action="store_true")
    parser.add_argument("--theme", default="light")
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--lang", default="en", help="en, or es for the Spanish edition (files *_es_*.png)")
    args = parser.parse_args()
    out = Path(args.out)
    if args.child:
        child(args.theme, args.size, out, args.lang)
        return
    out.mkdir(parents=True, exist_ok=True)
    for size in args.sizes.split(","):
        number = free_display()
        server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", f"{size}x24", "-nolisten", "tcp"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 10
            while not Path(f"/tmp/.X11-unix/X{number}").exists():
                if time.monotonic() > deadline:
                    raise SystemExit("Xvfb did not start")
                time.sleep(0.05)
            env = dict(os.environ, DISPLAY=f":{number}", QT_QPA_PLATFORM="xcb")
            for theme in args.themes.split(","):
                subprocess.run([sys.executable, __file__, "--child", "--theme", theme, "--size", size, "--out", str(out),
                            "--lang", args.lang],
                               env=env, check=True, timeout=300)
        finally:
            server.terminate()
            server.wait(10)


if __name__ == "__main__":
    main()
