"""Small wording helpers shared by every window (so "1 entries" cannot come back)."""

from __future__ import annotations


def plural(count: int, one: str, many: str) -> str:
    """``plural(1, "{n} entry", "{n} entries")`` -> "1 entry"; thousands get separators.

    Both forms are whole literals with a ``{n}`` placeholder, ready for translation (a
    translation will replace this with Qt's ``tr(..., n)`` plural forms).
    """
    return (one if count == 1 else many).format(n=f"{count:,}")
