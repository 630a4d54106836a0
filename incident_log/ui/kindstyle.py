"""How each entry kind looks: one colour and one icon, used by the timeline, composer and boards.

Colours are chosen to stay distinguishable for the common colour-vision deficiencies and on
both themes; the icon carries the same meaning for anyone who cannot tell them apart.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from PySide6.QtGui import QColor, QIcon

KIND_COLOURS: dict[str, str] = {
    "note": "#6b7280",
    "intel": "#2563eb",
    "statement": "#7c3aed",
    "demand": "#dc2626",
    "offer": "#059669",
    "update": "#0891b2",
    "contact": "#0d9488",
    "rotation": "#b45309",
    "decision": "#1e40af",
    "person": "#4b5563",
    "hook": "#16a34a",
    "trigger": "#ea580c",
    "risk": "#b91c1c",
    "amendment": "#a16207",
    "flag": "#c026d3",
    "review": "#475569",
    "seal": "#111827",
    "reopen": "#374151",
    "opening": "#374151",
    "details": "#374151",
    "audit": "#4b5563",
    "alarm": "#b91c1c",
    "assessment": "#1e40af",
    "redaction": "#4b5563",
}


def kind_colour(kind: str) -> QColor:
    return QColor(KIND_COLOURS.get(kind, "#6b7280"))


@cache
def icon(name: str) -> QIcon:
    """An SVG icon from resources/icons (scales cleanly on high-DPI screens)."""
    ref = resources.files("incident_log.resources") / "icons" / f"{name}.svg"
    with resources.as_file(ref) as path:
        return QIcon(str(path)) if path.exists() else QIcon()


APP_ID = "org.incidentlog.IncidentLog"  # the .desktop file's name: Wayland matches windows to it


def app_icon() -> QIcon:
    """The application icon, the same files the Linux menu entry uses (SVG plus rendered sizes)."""
    folder = resources.files("incident_log.resources") / "icons" / "app"
    result = QIcon()
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.startswith(APP_ID) and entry.name.endswith((".svg", ".png")):
            with resources.as_file(entry) as path:
                result.addFile(str(path))
    return result


def kind_icon(kind: str) -> QIcon:
    return icon(f"kind-{kind}")
