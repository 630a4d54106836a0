"""Render the incident window with the viaduct scenario, light and dark, into this folder.

    python docs/screenshots/make_screenshots.py

The scenario's times are shifted so that its last entry happened two minutes ago: clocks,
countdowns and time on the phone then read as they would during the incident.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
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
    from incident_log.domain.entry import NewEntry

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


def main() -> None:
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
        record_boards(book, ref)
        for theme in ("light", "dark"):
            uisettings.put("theme", theme)
            app = application()
            ctx = AppContext(book)
            window = ctx.open_incident(ref)
            window.resize(1720, 1000)
            window.timeline.select_seq(31)
            window.composer.set_kind("statement")
            for ch in "Says he will listen if his sister":
                window.composer.text_edit.insertPlainText(ch)
            for _ in range(20):
                app.processEvents()
            window.grab().save(str(HERE / f"incident-{theme}.png"))
            window.composer.clear()
            window.close()
            ctx.shutdown()
        book.close()


if __name__ == "__main__":
    main()
