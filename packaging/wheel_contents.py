"""What a wheel of Incident Log must carry to run on a machine that has never seen the source tree.

Both ``build_wheel.sh`` (before it installs the wheel) and ``tests/packaging`` use this list, so the
script and the tests cannot disagree about what "complete" means. A wheel missing one of these
installs cleanly and then fails in front of the user: the report prints boxes instead of names
(fonts), a vault cannot be created (migrations are loaded by path, not imported), the window has
no icon or theme.

Usage: ``python packaging/wheel_contents.py dist/incident_log-*.whl`` exits 1 naming what is missing.
"""

from __future__ import annotations

import fnmatch
import sys
import zipfile
from pathlib import Path

# (what it is for, glob inside the wheel). Every glob must match at least one file.
REQUIRED: tuple[tuple[str, str], ...] = (
    ("report font (Latin, Greek, Cyrillic)", "incident_log/resources/fonts/DejaVuSans.ttf"),
    ("report font, bold", "incident_log/resources/fonts/DejaVuSans-Bold.ttf"),
    ("font licence", "incident_log/resources/fonts/LICENSE"),
    ("kind icons", "incident_log/resources/icons/kind-*.svg"),
    ("application icon, scalable", "incident_log/resources/icons/app/org.incidentlog.IncidentLog.svg"),
    ("application icon, 256 px", "incident_log/resources/icons/app/org.incidentlog.IncidentLog-256.png"),
    ("light theme", "incident_log/resources/styles/light.qss"),
    ("dark theme", "incident_log/resources/styles/dark.qss"),
    ("Spanish catalogue of the desktop app (tools/i18n.sh)", "incident_log/resources/i18n/incident_log_es.qm"),
    ("example incident for `demo`", "incident_log/resources/examples/viaduct.json"),
    ("Spanish report and message catalogue", "incident_log/i18n/locale/es/LC_MESSAGES/incident_log.mo"),
    ("desktop entry", "incident_log/resources/desktop/org.incidentlog.IncidentLog.desktop"),
    ("AppStream metainfo", "incident_log/resources/desktop/org.incidentlog.IncidentLog.metainfo.xml"),
    ("migration environment", "incident_log/store/migrations/env.py"),
    ("migration template", "incident_log/store/migrations/script.py.mako"),
    ("first migration", "incident_log/store/migrations/versions/0001_initial.py"),
    ("command line", "incident_log/cli.py"),
    ("desktop app entry", "incident_log/ui/app.py"),
    ("console script", "incident_log-*.dist-info/entry_points.txt"),
)

# Things that must never ship: caches and vault files would leak a developer's data.
FORBIDDEN: tuple[str, ...] = ("*.db", "*.db-wal", "*.db-shm", "*.keys", "*__pycache__*", "*.pyc", "tests/*")


def problems(wheel: Path) -> list[str]:
    """Sentences naming each required file that is missing and each forbidden file present."""
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        entry_points = next((n for n in names if n.endswith(".dist-info/entry_points.txt")), None)
        console = archive.read(entry_points).decode() if entry_points else ""
    found: list[str] = []
    for purpose, pattern in REQUIRED:
        if not fnmatch.filter(names, pattern):
            found.append(f"missing {pattern} ({purpose})")
    for pattern in FORBIDDEN:
        for name in fnmatch.filter(names, pattern):
            found.append(f"must not ship {name}")
    if "incident-log = incident_log.cli:main" not in console:
        found.append("entry_points.txt lacks the console script 'incident-log = incident_log.cli:main'")
    return found


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: wheel_contents.py WHEEL", file=sys.stderr)
        return 2
    found = problems(Path(argv[0]))
    for line in found:
        print(f"wheel: {line}", file=sys.stderr)
    if not found:
        print(f"wheel contents OK: {len(REQUIRED)} required items present, nothing forbidden")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
