"""Themes with checked contrast, high contrast, and font zoom from the keyboard."""

from __future__ import annotations

import re
from importlib import resources

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from incident_log.domain.kinds import KINDS
from incident_log.ui import themes, uisettings
from incident_log.ui.boards._common import AMBER, NIGHT_AMBER, NIGHT_RED, RED
from incident_log.ui.kindstyle import KIND_COLOURS
from incident_log.ui.themes import contrast
from tests.ui.conftest import press
from tests.ui.test_loggist_flow import here, open_window

R = QPalette.ColorRole
TEXT_PAIRS = ((R.Text, R.Base), (R.WindowText, R.Window), (R.ButtonText, R.Button),
              (R.HighlightedText, R.Highlight), (R.ToolTipText, R.ToolTipBase), (R.PlaceholderText, R.Base))
HEX = r"#[0-9a-fA-F]{6}"


def stylesheet(name: str) -> str:
    return (resources.files("incident_log.resources") / "styles" / f"{name}.qss").read_text(encoding="utf-8")


def rules(qss: str) -> list[tuple[str, dict[str, str]]]:
    """(selector, {property: colour}) for every rule that sets colours."""
    out = []
    for selector, body in re.findall(r"([^{}]+)\{([^}]*)\}", re.sub(r"/\*.*?\*/", "", qss, flags=re.S)):
        props = dict(re.findall(r"([a-z-]+)\s*:\s*(" + HEX + ")", body))
        if props:
            out.append((" ".join(selector.split()), props))
    return out


@pytest.mark.parametrize("name", list(themes.THEMES))
@pytest.mark.parametrize("high", [False, True])
def test_palette_text_reads_on_its_background(name, high):
    colours = themes.palette_colours(themes.theme(name), high)
    floor = 7.0 if high else 4.5
    for text, background in TEXT_PAIRS:
        assert contrast(colours[text], colours[background]) >= floor, (name, high, text, background)


@pytest.mark.parametrize("name", list(themes.THEMES))
def test_every_coloured_rule_of_the_stylesheet_reads(name):
    look = themes.theme(name)
    window, base = look.palette[R.Window], look.palette[R.Base]
    checked = 0
    found = rules(stylesheet(name))
    backgrounds = {sel: p.get("background") or p.get("background-color") for sel, p in found}
    for selector, props in found:
        if "color" not in props:
            continue
        background = props.get("background") or props.get("background-color")
        if background is None and " " in selector:  # "#alarmBanner[level=red] QLabel": the parent's colour
            background = backgrounds.get(selector.rsplit(" ", 1)[0])
        if background is None:
            # Text fields and tables paint on the base colour, everything else on the window.
            background = base if re.search(r"QLineEdit|QPlainTextEdit|QTextBrowser|QComboBox|QSpinBox|QTableView|"
                                           r"QMenu\b|QToolTip", selector) else window
        ratio = contrast(props["color"], background)
        assert ratio >= 4.5, (name, selector, props["color"], background, round(ratio, 2))
        checked += 1
    assert checked >= 15, checked  # the check saw the stylesheet, not an empty file


@pytest.mark.parametrize("name", ["high-contrast-light", "high-contrast-dark", "high-contrast-night"])
def test_high_contrast_overlays_reach_seven_to_one(name):
    for selector, props in rules(stylesheet(name)):
        if "color" in props and ("background" in props):
            assert contrast(props["color"], props["background"]) >= 7.0, (name, selector)


@pytest.mark.parametrize("name", list(themes.THEMES))
def test_kind_names_and_badges_read_in_every_theme(name):
    look = themes.theme(name)
    themes.set_current(look, False)
    try:
        for kind in KINDS:
            own = KIND_COLOURS.get(kind, "#6b7280")
            assert contrast(themes.kind_text_colour(kind, own), look.palette[R.Base]) >= 4.5, (name, kind)
            background, text = themes.badge_colours(kind, own)
            assert contrast(text, background) >= 4.5, (name, kind, "badge")
        for colour in (look.warning_text, look.caution_text, look.late_text, look.correction_text):
            assert contrast(colour, look.palette[R.Window]) >= 4.5, (name, colour)
    finally:
        themes.set_current(themes.LIGHT, False)


def test_solid_chips_read():
    for chip in (AMBER, RED, NIGHT_AMBER, NIGHT_RED):
        assert contrast(chip.text.name(), chip.background.name()) >= 4.5


def test_the_night_theme_is_red_and_amber_only():
    """No blue or green light at night: every colour of the night stylesheet has red as its strongest part."""
    for _selector, props in rules(stylesheet("night")):
        for colour in props.values():
            red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
            assert red >= green >= blue or (red == green == blue == 0), colour
    for colour in themes.NIGHT.palette.values():
        red, green, blue = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
        assert red >= green >= blue, colour


def test_choosing_night_and_high_contrast_changes_the_whole_application(ctx, logbook, qtbot):
    app = QApplication.instance()
    uisettings.put("theme", "night")
    uisettings.put("high_contrast", "on")
    ctx.apply_settings()
    try:
        assert app.palette().color(R.Window).name() == "#000000"
        assert app.palette().color(R.Text).name() == "#ffb347"
        assert "High contrast, night" in app.styleSheet()
        assert themes.current().name == "night" and themes.current_high_contrast()
    finally:
        uisettings.put("theme", "light")
        uisettings.put("high_contrast", "off")
        ctx.apply_settings()
    assert "High contrast" not in app.styleSheet()


def test_high_contrast_follows_the_system_where_qt_reports_it(qapp):
    style_hints = QApplication.styleHints()
    accessibility = style_hints.accessibility()
    expected = accessibility.contrastPreference() == Qt.ContrastPreference.HighContrast
    assert themes.high_contrast("system") == expected
    assert themes.high_contrast("on") and not themes.high_contrast("off")


def test_ctrl_plus_and_minus_zoom_every_window_and_are_remembered(ctx, logbook, qtbot):
    window, _ref = open_window(ctx, logbook, qtbot)
    app = QApplication.instance()
    start = int(uisettings.get("font_size"))
    row = window.timeline.table.verticalHeader().defaultSectionSize()
    press(here(), Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    press(here(), Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)  # the same key without Shift
    assert app.font().pointSize() == start + 2
    assert int(uisettings.get("font_size")) == start + 2
    qtbot.waitUntil(lambda: window.timeline.table.verticalHeader().defaultSectionSize() > row)
    press(here(), Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert app.font().pointSize() == start + 1
    press(here(), Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert app.font().pointSize() == uisettings.DEFAULT_FONT_SIZE
