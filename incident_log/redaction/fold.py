"""Accent- and case-folding with a map back to the original string.

Matching happens on a folded copy (``José`` -> ``jose``, ``Straße`` -> ``strasse``,
``Łukasz`` -> ``lukasz``) so one pattern covers every spelling; replacements must land on the
original text, and folding can change the length (``ß`` -> ``ss``, a combining accent -> nothing),
so every folded character remembers the index of the original character it came from.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Letters that Unicode does not decompose into base + accent, so NFKD alone keeps them.
_SPECIAL: dict[str, str] = {
    "ł": "l",
    "Ł": "l",
    "ø": "o",
    "Ø": "o",
    "đ": "d",
    "Đ": "d",
    "ð": "d",
    "Ð": "d",
    "þ": "th",
    "Þ": "th",
    "æ": "ae",
    "Æ": "ae",
    "œ": "oe",
    "Œ": "oe",
    "ı": "i",
    "ħ": "h",
    "Ħ": "h",
    "ŀ": "l",
    "Ŀ": "l",
    "ŧ": "t",
    "Ŧ": "t",
    "ƒ": "f",
    "ŋ": "n",
    "Ŋ": "n",
    "ĸ": "k",
    # Apostrophes and look-alikes all become "'" (O’Brien = O'Brien, Núñez’s = Núñez's).
    "\u2019": "'",
    "\u2018": "'",
    "\u02bc": "'",
    "\u2032": "'",
    "`": "'",
    "\u00b4": "'",
    "\uff07": "'",
}


@lru_cache(maxsize=8192)
def fold_char(ch: str) -> str:
    """Fold one character: may return "", one character, or several."""
    if ch < "\x80":
        return ch.lower()
    special = _SPECIAL.get(ch)
    if special is not None:
        return special
    category = unicodedata.category(ch)
    if ch == "\u200b":  # zero-width space: a word break nobody sees
        return " "
    if category == "Cf":  # soft hyphen, zero-width joiners, BOM: invisible, must not split a name
        return ""
    if category == "Nd":  # any script's digits (٦١١, ６１１) are matched as ASCII digits
        return str(unicodedata.decimal(ch))
    if category == "Pd":  # every dash is a hyphen
        return "-"
    if category == "Zs":  # every space (no-break, thin...) is a space
        return " "
    decomposed = unicodedata.normalize("NFKD", ch)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c))
    out = []
    for c in kept.casefold():
        out.append(_SPECIAL.get(c, c))
    return "".join(out)


def fold(text: str) -> str:
    """The folded form of ``text`` (no index map): for building patterns and for lookups."""
    if text.isascii():
        return text.lower()
    return text.translate(_TABLE)


@dataclass(frozen=True, slots=True)
class Folded:
    """A folded copy of a text and the way back.

    ``origin[i]`` is the index in the original text of the character that produced folded
    character ``i``; ``None`` means the map is the identity (the common, fast case).
    """

    original: str
    text: str
    origin: list[int] | None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span covering folded ``[start, end)``.

        The end is pushed over original characters that fold to nothing (combining accents of
        NFD input), so "Jose\u0301" is replaced whole and no stray accent lands on the label.
        """
        if self.origin is None:
            return start, end
        o_start = self.origin[start]
        o_end = self.origin[end - 1] + 1 if end > start else o_start
        original = self.original
        while o_end < len(original) and fold_char(original[o_end]) == "":
            o_end += 1
        return o_start, o_end


class _FoldTable(dict[int, str]):
    """``str.translate`` table that folds any character on first sight and remembers it."""

    def __missing__(self, code: int) -> str:
        folded = fold_char(chr(code))
        self[code] = folded
        if len(folded) != 1:
            _CHANGES_LENGTH.add(chr(code))
        return folded


_TABLE = _FoldTable()
_CHANGES_LENGTH: set[str] = set()


def fold_with_map(text: str) -> Folded:
    """Fold ``text`` keeping a map back to it.

    Fast paths: ASCII text and text whose every character folds to exactly one character keep
    their length, so the map is the identity and ``str.translate`` does the work in C.
    """
    if text.isascii():
        return Folded(text, text.lower(), None)
    folded = text.translate(_TABLE)
    if _CHANGES_LENGTH.isdisjoint(text):
        return Folded(text, folded, None)
    origin: list[int] = []
    previous = 0
    for match in _changes_length_re().finditer(text):
        index = match.start()
        origin.extend(range(previous, index))
        origin.extend([index] * len(_TABLE[ord(text[index])]))
        previous = index + 1
    origin.extend(range(previous, len(text)))
    return Folded(text, folded, origin)


_pattern_cache: dict[int, re.Pattern[str]] = {}


def _changes_length_re() -> re.Pattern[str]:
    """A character class of every character seen so far whose fold is not one character."""
    size = len(_CHANGES_LENGTH)
    pattern = _pattern_cache.get(size)
    if pattern is None:
        pattern = re.compile("[" + "".join(re.escape(ch) for ch in sorted(_CHANGES_LENGTH)) + "]")
        _pattern_cache.clear()
        _pattern_cache[size] = pattern
    return pattern
