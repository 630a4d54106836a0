"""The themes: light (day), dark (night work in a lit room) and night (red and amber on black).

Each theme is a stylesheet in ``resources/styles`` and the palette below; the two must agree,
because models, delegates and boards take their text colours from the palette (a quiet grey
that reads on white is invisible on near-black). High contrast is a variant of each theme:
pure text colours, thicker borders and a bright focus ring (``high-contrast-<dark|light>.qss``
on top of the theme). It follows the desktop's setting where Qt reports one (Qt 6.10+:
``QStyleHints.accessibility().contrastPreference()``), unless the user chose on or off.

``tests/ui/test_themes.py`` checks every pair below and every colour pair in the stylesheets
against WCAG contrast: 4.5:1 for text, 7:1 in high contrast.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from incident_log.ui.i18n import QT_TRANSLATE_NOOP

R = QPalette.ColorRole


@dataclass(frozen=True, slots=True)
class Theme:
    name: str
    title: str
    dark: bool
    palette: dict[QPalette.ColorRole, str]
    disabled_text: str
    warning_text: str  # red that reads on the window colour
    caution_text: str  # amber that reads on the window colour
    new_mark: str  # the edge of rows recorded after the last review
    correction_text: str  # an amended entry's correction, beside the struck original
    late_text: str  # "LATE +25 min" in the Recorded column
    flag_tint: tuple[int, int, int, int] = (192, 38, 211, 40)  # rows flagged for the debrief (RGBA)
    new_tint: tuple[int, int, int, int] = (37, 99, 235, 36)  # rows recorded after the last review
    kind_text: dict[str, str] = field(default_factory=dict)  # per-kind text colour; missing: the kind's own
    monochrome_kinds: bool = False  # night: every kind in the text colour (no blues or greens at night)


LIGHT = Theme(
    "light", QT_TRANSLATE_NOOP("themes", "Light (day)"), False,
    {
        R.Window: "#f5f6f8", R.WindowText: "#111827", R.Base: "#ffffff", R.AlternateBase: "#f8fafc",
        R.Text: "#111827", R.Button: "#ffffff", R.ButtonText: "#111827", R.Highlight: "#dbeafe",
        R.HighlightedText: "#111827", R.ToolTipBase: "#ffffff", R.ToolTipText: "#111827",
        R.PlaceholderText: "#5b6472", R.Link: "#1d4ed8", R.Mid: "#c4c9d2", R.Dark: "#6b7280", R.Light: "#ffffff",
    },
    disabled_text="#525b69", warning_text="#b3261e", caution_text="#8a5a00", new_mark="#2563eb",
    correction_text="#92400e", late_text="#b45309",
    # Kinds whose own colour is too pale for text on white (below 4.5:1) get a darker sibling.
    kind_text={"offer": "#047857", "update": "#0e7490", "contact": "#0f766e", "hook": "#15803d",
               "trigger": "#c2410c", "flag": "#a21caf"},
)

DARK = Theme(
    "dark", QT_TRANSLATE_NOOP("themes", "Dark (night work)"), True,
    {
        R.Window: "#111418", R.WindowText: "#d7dce2", R.Base: "#161a20", R.AlternateBase: "#1a1f26",
        R.Text: "#e5e9ef", R.Button: "#1b2027", R.ButtonText: "#d7dce2", R.Highlight: "#1e3a5f",
        R.HighlightedText: "#e5e9ef", R.ToolTipBase: "#1b2027", R.ToolTipText: "#e5e9ef",
        R.PlaceholderText: "#8a94a3", R.Link: "#7cb3ff", R.Mid: "#4b5563", R.Dark: "#0d1014", R.Light: "#343b45",
    },
    disabled_text="#8a94a3", warning_text="#ff8a80", caution_text="#f0c05a", new_mark="#60a5fa",
    correction_text="#fbbf24", late_text="#fbbf24",
    # The kinds' own colours are chosen for white; on near-black these are their lighter siblings.
    kind_text={
        "note": "#aeb6c2", "intel": "#7cb3ff", "statement": "#c4a7ff", "demand": "#ff8a80", "offer": "#5eead4",
        "update": "#67e8f9", "contact": "#5eead4", "rotation": "#fbbf24", "decision": "#93c5fd",
        "person": "#cbd5e1", "hook": "#86efac", "trigger": "#fdba74", "risk": "#fca5a5", "amendment": "#fcd34d",
        "flag": "#f0abfc", "review": "#cbd5e1", "seal": "#e5e9ef", "reopen": "#e5e9ef", "audit": "#cbd5e1",
        "alarm": "#fca5a5", "assessment": "#93c5fd", "opening": "#e5e9ef", "details": "#e5e9ef",
    },
)

NIGHT = Theme(
    "night", QT_TRANSLATE_NOOP("themes", "Night (red and amber on black)"), True,
    {
        R.Window: "#000000", R.WindowText: "#e08a2c", R.Base: "#050000", R.AlternateBase: "#0d0300",
        R.Text: "#e89040", R.Button: "#120500", R.ButtonText: "#e08a2c", R.Highlight: "#4a1a00",
        R.HighlightedText: "#ffb060", R.ToolTipBase: "#120500", R.ToolTipText: "#e89040",
        R.PlaceholderText: "#b86626", R.Link: "#ff9a4a", R.Mid: "#5a2a10", R.Dark: "#000000", R.Light: "#2a1000",
    },
    disabled_text="#b86626", warning_text="#ff6650", caution_text="#ffb347", new_mark="#ff7a30",
    correction_text="#ffb347", late_text="#ffb347", monochrome_kinds=True,
    flag_tint=(255, 90, 20, 46), new_tint=(255, 140, 40, 30),
)

THEMES: dict[str, Theme] = {t.name: t for t in (LIGHT, DARK, NIGHT)}

# High contrast: the same theme with its quiet colours made plain.
_HIGH_CONTRAST_LIGHT = {
    R.Window: "#ffffff", R.WindowText: "#000000", R.Base: "#ffffff", R.Text: "#000000", R.ButtonText: "#000000",
    R.PlaceholderText: "#3a3a3a", R.Highlight: "#000000", R.HighlightedText: "#ffffff", R.AlternateBase: "#ffffff",
}
_HIGH_CONTRAST_DARK = {
    R.Window: "#000000", R.WindowText: "#ffffff", R.Base: "#000000", R.Text: "#ffffff", R.ButtonText: "#ffffff",
    R.PlaceholderText: "#d0d0d0", R.Highlight: "#ffff00", R.HighlightedText: "#000000", R.AlternateBase: "#000000",
    R.Button: "#000000",
}
_HIGH_CONTRAST_NIGHT = {
    R.Window: "#000000", R.WindowText: "#ffb347", R.Base: "#000000", R.Text: "#ffb347", R.ButtonText: "#ffb347",
    R.PlaceholderText: "#e89040", R.Highlight: "#ffb347", R.HighlightedText: "#000000", R.AlternateBase: "#000000",
    R.Button: "#000000",
}


def theme(name: str) -> Theme:
    return THEMES.get(name, LIGHT)


def system_wants_high_contrast() -> bool:
    """The desktop's own setting, where this Qt and platform report it (else False)."""
    app = QGuiApplication.instance()
    if not isinstance(app, QGuiApplication):
        return False
    hints = QGuiApplication.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    if accessibility is None:
        return False
    return bool(accessibility().contrastPreference() == Qt.ContrastPreference.HighContrast)


def high_contrast(setting: str) -> bool:
    if setting == "on":
        return True
    if setting == "off":
        return False
    return system_wants_high_contrast()


def palette_colours(current: Theme, contrast: bool) -> dict[QPalette.ColorRole, str]:
    colours = dict(current.palette)
    if contrast:
        colours.update(_HIGH_CONTRAST_NIGHT if current.name == "night" else
                       _HIGH_CONTRAST_DARK if current.dark else _HIGH_CONTRAST_LIGHT)
    return colours


def make_palette(base: QPalette, current: Theme, contrast: bool) -> QPalette:
    palette = QPalette(base)
    for role, colour in palette_colours(current, contrast).items():
        palette.setColor(role, QColor(colour))
    disabled = QColor(current.disabled_text)
    for role in (R.Text, R.WindowText, R.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


# --- contrast (WCAG 2.x) ---------------------------------------------------------------------------


def luminance(colour: str) -> float:
    c = QColor(colour)
    channels = []
    for value in (c.redF(), c.greenF(), c.blueF()):
        channels.append(value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: str, second: str) -> float:
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# --- the current look, for code that paints -----------------------------------------------------------

_current: list[tuple[Theme, bool]] = [(LIGHT, False)]


def set_current(current: Theme, contrast_on: bool) -> None:
    _current[0] = (current, contrast_on)


def current() -> Theme:
    return _current[0][0]


def current_high_contrast() -> bool:
    return _current[0][1]


def kind_text_colour(kind: str, own: str) -> str:
    """The colour a kind's name is written in on the timeline, for the current theme."""
    look, contrast_on = _current[0]
    colours = palette_colours(look, contrast_on)
    if look.monochrome_kinds or contrast_on:
        return colours[R.Text]
    chosen = look.kind_text.get(kind, own)
    # A kind added later without a colour for this theme still reads: the theme's text colour.
    return chosen if contrast(chosen, colours[R.Base]) >= 4.5 else colours[R.Text]


def badge_colours(kind: str, own: str) -> tuple[str, str]:
    """(background, text) of the composer's kind badge: a solid chip that reads in every theme."""
    look, contrast_on = _current[0]
    if look.monochrome_kinds:
        return ("#ffb347", "#000000") if contrast_on else ("#e08a2c", "#000000")
    return LIGHT.kind_text.get(kind, own), "#ffffff"
