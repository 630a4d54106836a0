"""UI state kept in QSettings, declared once, typed.

Only how the program looks and behaves lives here (theme, font size, idle lock, time zone
display, window layout). Nothing about an incident — no refs, names or text — and no secret:
the user's callsign is kept inside the encrypted vault (``Logbook.set_pref``).

Tests (and anyone else) redirect the storage with ``INCIDENT_LOG_UI_SETTINGS`` = a file path.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import resources

from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

SETTINGS_VERSION = 1
_MISSING = object()
THEMES = ("light", "dark", "night")
DEFAULT_FONT_SIZE = 10
MIN_FONT, MAX_FONT = 7, 28


@dataclass(frozen=True, slots=True)
class Setting:
    key: str
    default: object
    type: type


SETTINGS = {
    s.key: s
    for s in (
        Setting("theme", "light", str),
        Setting("high_contrast", "system", str),  # "system" (follow the desktop where Qt says), "on", "off"
        Setting("font_size", DEFAULT_FONT_SIZE, int),
        Setting("idle_lock_minutes", 10, int),  # 0: never
        Setting("show_utc", False, bool),
        Setting("deadline_warnings", "10, 2", str),  # minutes before a deadline that raise an alarm
        Setting("silence_minutes", 30, int),  # no contact for this long raises an alarm (0: never)
        Setting("alarm_sound", False, bool),  # the system bell with each new alarm
    )
}


def qsettings() -> QSettings:
    path = os.environ.get("INCIDENT_LOG_UI_SETTINGS")
    if path:
        return QSettings(path, QSettings.Format.IniFormat)
    return QSettings("incident-log", "incident-log")


# Values read once per settings file: time cells ask for the display zone on every paint, and
# QSettings goes to its file each time. put() keeps the cache true.
_cache: dict[tuple[str, str], object] = {}


def _source() -> str:
    return os.environ.get("INCIDENT_LOG_UI_SETTINGS", "")


def get(key: str) -> object:
    cached = _cache.get((_source(), key), _MISSING)
    if cached is not _MISSING:
        return cached
    spec = SETTINGS[key]
    value = qsettings().value(key, spec.default)
    try:
        result = (value in (True, "true", "1", 1)) if spec.type is bool else spec.type(value)
    except (TypeError, ValueError):
        result = spec.default
    _cache[(_source(), key)] = result
    return result


def put(key: str, value: object) -> None:
    store = qsettings()
    store.setValue("version", SETTINGS_VERSION)
    store.setValue(key, value)
    store.sync()
    _cache.pop((_source(), key), None)


def apply_appearance(app: QApplication) -> None:
    """Theme and font size, applied to the whole application (cheap; called on change)."""
    theme = str(get("theme"))
    if theme not in THEMES:
        theme = "light"
    qss = (resources.files("incident_log.resources") / "styles" / f"{theme}.qss").read_text(encoding="utf-8")
    # The stylesheet paints the widgets; the palette must agree with it, because models, delegates
    # and boards choose their text colours from the palette (a quiet grey that reads on white is
    # invisible on the dark theme's near-black).
    app.setPalette(theme_palette(app, theme))
    app.setStyleSheet(qss)
    font = QFont(app.font())
    font.setPointSize(max(MIN_FONT, min(int(get("font_size")), MAX_FONT)))
    app.setFont(font)


# The dark theme's colours (resources/styles/dark.qss) as a palette.
_DARK = {
    QPalette.ColorRole.Window: "#111418",
    QPalette.ColorRole.WindowText: "#d7dce2",
    QPalette.ColorRole.Base: "#161a20",
    QPalette.ColorRole.AlternateBase: "#1a1f26",
    QPalette.ColorRole.Text: "#e5e9ef",
    QPalette.ColorRole.Button: "#1b2027",
    QPalette.ColorRole.ButtonText: "#d7dce2",
    QPalette.ColorRole.Highlight: "#1e3a5f",
    QPalette.ColorRole.HighlightedText: "#e5e9ef",
    QPalette.ColorRole.ToolTipBase: "#1b2027",
    QPalette.ColorRole.ToolTipText: "#e5e9ef",
    QPalette.ColorRole.PlaceholderText: "#8a94a3",  # quiet, still 5:1 on the dark base
    QPalette.ColorRole.Link: "#7cb3ff",
    QPalette.ColorRole.Mid: "#2a3038",
    QPalette.ColorRole.Dark: "#0d1014",
    QPalette.ColorRole.Light: "#343b45",
}


def theme_palette(app: QApplication, theme: str) -> QPalette:
    palette = app.style().standardPalette()
    if theme == "dark":
        for role, colour in _DARK.items():
            palette.setColor(role, QColor(colour))
        palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#6b7480"))
        palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor("#6b7480"))
    return palette
