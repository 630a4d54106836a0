"""Fonts for the report: the bundled DejaVu family, and a fallback for scripts it lacks.

A name printed as empty boxes is a silent failure of the report, so every character is checked
against the font that will print it. DejaVu Sans covers every European diacritic, Greek,
Cyrillic and Arabic letters; for the rest (CJK, Indic, ...) a font installed on the
workstation is looked for with fontconfig, and when there is none the report carries a warning.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import threading
from dataclasses import dataclass, field
from importlib.resources import files
from typing import Any

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

SANS = "DejaVuSans"
SANS_BOLD = "DejaVuSans-Bold"
SANS_OBLIQUE = "DejaVuSans-Oblique"
SANS_BOLD_OBLIQUE = "DejaVuSans-BoldOblique"
MONO = "DejaVuSansMono"

_BUNDLED = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SANS_OBLIQUE: "DejaVuSans-Oblique.ttf",
    SANS_BOLD_OBLIQUE: "DejaVuSans-BoldOblique.ttf",
    MONO: "DejaVuSansMono.ttf",
}
_LOCK = threading.Lock()
_registered = False

ARABIC_RANGES = ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF), (0xFB50, 0xFDFF), (0xFE70, 0xFEFF))


def _font_bytes(filename: str) -> bytes:
    return (files("incident_log.resources") / "fonts" / filename).read_bytes()


def _shape_plain_strings() -> None:
    """Work around reportlab shaping a word twice.

    When a shaped paragraph is wrapped again (a table measures its rows more than once when it
    splits across pages), reportlab hands its already shaped pieces (``ShapedStr``, a ``str``
    subclass) back to uharfbuzz, whose Cython ``Buffer.add_str`` refuses subclasses of ``str``:
    the whole report failed on a long Arabic entry. Passing the pieces as plain strings makes
    uharfbuzz shape the same text again, which is what reportlab meant.
    """
    from reportlab.pdfbase import ttfonts
    from reportlab.platypus import paragraph

    original = ttfonts.shapeFragWord
    if getattr(original, "_plain_strings", False):
        return
    shaped_type = getattr(ttfonts, "ShapedStr", None)
    shaped_word = getattr(ttfonts, "ShapedFragWord", None)

    def shape(word: Any, *args: Any, **kwargs: Any) -> Any:
        if shaped_type is not None and not (shaped_word is not None and isinstance(word, shaped_word)):
            if any(isinstance(piece, tuple) and isinstance(piece[1], shaped_type) for piece in word[1:]):
                word = word.__class__([word[0], *((f, str(s)) for f, s in word[1:])])
        try:
            return original(word, *args, **kwargs)
        except (KeyError, AttributeError):
            # A glyph the font lacks (a script printed with boxes) breaks reportlab's shaper:
            # that word is printed unshaped rather than the report not at all.
            return word

    shape._plain_strings = True  # type: ignore[attr-defined]
    ttfonts.shapeFragWord = shape
    paragraph.shapeFragWord = shape  # imported by name there


def register_bundled() -> None:
    """Register the DejaVu family once per process (reportlab's registry is global)."""
    global _registered
    with _LOCK:
        if _registered:
            return
        _shape_plain_strings()
        for name, filename in _BUNDLED.items():
            pdfmetrics.registerFont(TTFont(name, io.BytesIO(_font_bytes(filename))))
        addMapping(SANS, 0, 0, SANS)
        addMapping(SANS, 1, 0, SANS_BOLD)
        addMapping(SANS, 0, 1, SANS_OBLIQUE)
        addMapping(SANS, 1, 1, SANS_BOLD_OBLIQUE)
        _registered = True


def _covered(font_name: str) -> frozenset[int]:
    font = pdfmetrics.getFont(font_name)
    return frozenset(font.face.charToGlyph)


def is_arabic(ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in ARABIC_RANGES)


def shaping_available() -> bool:
    try:
        import uharfbuzz  # noqa: F401
    except ImportError:
        return False
    return True


def _ignorable(ch: str) -> bool:
    """Controls and format characters (zero-width joiners, marks) print as nothing anyway."""
    import unicodedata

    return unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp")


def _script_name(ch: str) -> str:
    import unicodedata

    name = unicodedata.name(ch, "")
    return name.split(" ")[0].title() if name else f"U+{ord(ch):04X}"


REPLACEMENT = "\ufffd"


def stand_in(ch: str) -> str:
    """The text printed in place of a character no font of the report prints honestly: the
    Unicode replacement character "�", which every reader and every text extraction shows
    as "a character that cannot be shown here", never as another letter. One character for
    one: the layout sizes rows by their characters, and a longer stand-in ("[U+4E2D]") made a
    row of such characters taller than a page."""
    code = ord(ch)
    if 0xFE00 <= code <= 0xFE0F or 0x1F3FB <= code <= 0x1F3FF:
        return ""  # variation selectors and skin tones belong to the character before them
    return REPLACEMENT


def _system_font_for(ch: str) -> str | None:
    """A TrueType font file on this computer that has ``ch``, found with fontconfig."""
    if shutil.which("fc-match") is None:
        return None
    try:
        done = subprocess.run(
            ["fc-match", "--format=%{file}", f":charset={ord(ch):x}"],
            capture_output=True,
            text=True,
            timeout=5,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    path = done.stdout.strip()
    if done.returncode != 0 or not path.lower().endswith((".ttf", ".ttc", ".otf")):
        return None
    return path


@dataclass
class FontPlan:
    """Which font prints which character of one report; collects warnings as it goes.

    One plan per report: the fallback fonts it finds are registered in reportlab's global
    registry under stable names, so later reports reuse them.
    """

    covered: frozenset[int] = frozenset()
    fallback_for: dict[str, str | None] = field(default_factory=dict)  # char -> font name or None
    missing: dict[str, int] = field(default_factory=dict)  # script -> characters with no font
    substituted: dict[str, str] = field(default_factory=dict)  # script -> system font file
    arabic_seen: bool = False
    shaping: bool = False

    @classmethod
    def create(cls) -> FontPlan:
        register_bundled()
        # Above U+FFFF reportlab writes a wrong text layer (see ``printable``): never "covered".
        covered = frozenset(code for code in _covered(SANS) if code <= 0xFFFF)
        return cls(covered=covered, shaping=shaping_available())

    def font_for(self, ch: str) -> str | None:
        """None: the bundled font prints it (or nothing can); else a fallback font name."""
        if ord(ch) in self.covered or _ignorable(ch) or ord(ch) > 0xFFFF:
            return None  # above U+FFFF: printed as a stand-in by ``printable``
        if ch in self.fallback_for:
            return self.fallback_for[ch]
        name = self._find_fallback(ch)
        self.fallback_for[ch] = name
        script = _script_name(ch)
        if name is None:
            self.missing[script] = self.missing.get(script, 0) + 1
        return name

    def printable(self, ch: str, font: str | None) -> str:
        """What to print for ``ch`` given the font chosen for it: the character itself, or,
        when no font has it, an honest stand-in (``stand_in``).

        A character without a glyph would print as an empty box at best; above U+FFFF reportlab
        also writes a wrong text layer (a crying face U+1F622 was copied out as the Greek "ὢ"
        U+1F62), so a reader could not even tell what was there.
        """
        if ord(ch) > 0xFFFF:
            return stand_in(ch)  # even with a glyph: the copied text would be another character
        if font is not None or ch.isascii() or ord(ch) in self.covered or _ignorable(ch):
            return ch
        return stand_in(ch)

    def _find_fallback(self, ch: str) -> str | None:
        path = _system_font_for(ch)
        if path is None:
            return None
        name = "Fallback-" + path.rsplit("/", 1)[-1].rsplit(".", 1)[0]
        try:
            try:
                font = pdfmetrics.getFont(name)
            except KeyError:
                font = TTFont(name, path)
                pdfmetrics.registerFont(font)
        except Exception:  # noqa: BLE001 - a CFF or broken font: reportlab cannot embed it, so no fallback
            return None
        if ord(ch) not in font.face.charToGlyph:
            return None
        self.substituted[_script_name(ch)] = path.rsplit("/", 1)[-1]
        return name

    def printed_text(self, text: str) -> str:
        """``text`` as this plan prints it: each character, or its stand-in (``printable``)."""
        if text.isascii() or all(ord(ch) in self.covered for ch in text):
            return text
        return "".join(self.printable(ch, None if ch.isascii() else self.font_for(ch)) for ch in text)

    def warnings(self) -> list[str]:
        out: list[str] = []
        for script, count in sorted(self.missing.items()):
            out.append(
                f"{count} different {script} character(s) have no font on this computer and print as \ufffd. "
                "Install a font for that script (for example Noto Sans CJK for Chinese, Japanese, Korean) and "
                "make the report again."
            )
        for script, font in sorted(self.substituted.items()):
            out.append(f"{script} text is printed with the system font {font} (the bundled font lacks it).")
        if self.arabic_seen and not self.shaping:
            out.append(
                "Arabic text is printed without shaping (letters unjoined): the uharfbuzz package that "
                "Incident Log depends on is missing. Reinstall Incident Log (pip install --force-reinstall "
                "incident-log) and make the report again."
            )
        return out



def plan_of(redactor: object) -> FontPlan | None:
    """The font plan a redactor reads its texts through (``make_redactor`` gives each its own), so
    the document is laid out with the same plan and warns of every character it replaced."""
    owner = getattr(getattr(redactor, "printed", None), "__self__", None)
    return owner if isinstance(owner, FontPlan) else None
