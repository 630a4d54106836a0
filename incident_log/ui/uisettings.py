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
from PySide6.QtGui import QFont
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
        Setting("language", "system", str),  # "system" (the locale: es_* -> Spanish), "en" or "es"
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


def get_int(key: str) -> int:
    """A whole-number setting (font size, minutes): ``get`` already converted it; this says so to mypy."""
    value = get(key)
    return value if isinstance(value, int) else int(str(value))


def put(key: str, value: object) -> None:
    store = qsettings()
    store.setValue("version", SETTINGS_VERSION)
    store.setValue(key, value)
    store.sync()
    _cache.pop((_source(), key), None)


def apply_appearance(app: QApplication) -> None:
    """Theme, high contrast and font size, applied to the whole application (cheap; called on change)."""
    from incident_log.ui import themes

    look = themes.theme(str(get("theme")))
    contrast = themes.high_contrast(str(get("high_contrast")))
    styles = resources.files("incident_log.resources") / "styles"
    qss = (styles / f"{look.name}.qss").read_text(encoding="utf-8")
    if contrast:
        overlay = "night" if look.name == "night" else "dark" if look.dark else "light"
        qss += "\n" + (styles / f"high-contrast-{overlay}.qss").read_text(encoding="utf-8")
    themes.set_current(look, contrast)
    # The stylesheet paints the widgets; the palette must agree with it, because models, delegates
    # and boards choose their text colours from the palette.
    app.setPalette(themes.make_palette(app.style().standardPalette(), look, contrast))
    app.setStyleSheet(qss)
    font = QFont(app.font())
    font.setPointSize(max(MIN_FONT, min(get_int("font_size"), MAX_FONT)))
    app.setFont(font)
