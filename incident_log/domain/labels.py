"""Stable labels for people and authors: "Subject A", "Hostage 1", "Loggist 2".

A redacted report replaces every name by its person's label, so a label must mean the same
person on every page and in every later report of the incident. Labels are therefore handed
out once, in registration order, from the role a person had *when registered*; an amendment
that corrects their role (a "witness" who turns out to be family) changes what the boards say
about them, never the label a reader has already met.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

# Role -> the word in front of the label. Subjects get letters (the custom in negotiation
# debriefs: "Subject A"), everyone else a number.
ROLE_WORDS: dict[str, str] = {
    "subject": "Subject",
    "hostage": "Hostage",
    "negotiator": "Negotiator",
    "family": "Family",
    "witness": "Witness",
    "intermediary": "Intermediary",
    "commander": "Commander",
    "other": "Person",
}
LETTERED_ROLES = frozenset({"subject"})
AUTHOR_WORD = "Loggist"

# The same words in a Spanish report (issue 12). Spanish negotiation teams write "sujeto" for
# the person in crisis, "rehén", "familiar", "testigo"; "anotador" is the loggist (the team's
# "anotador/a" in the Policía Nacional's negotiation cells), "mando" the commander.
LABEL_WORDS: dict[str, dict[str, str]] = {
    "es": {
        "Subject": "Sujeto",
        "Hostage": "Rehén",
        "Negotiator": "Negociador",
        "Family": "Familiar",
        "Witness": "Testigo",
        "Intermediary": "Intermediario",
        "Commander": "Mando",
        "Person": "Persona",
        AUTHOR_WORD: "Anotador",
    }
}
_LABEL_SHAPE = re.compile(r"([A-Z][a-z]+) ([A-Z]+|\d+)")


def letters(n: int) -> str:
    """1 -> A, 26 -> Z, 27 -> AA, 28 -> AB … (bijective base 26, like spreadsheet columns)."""
    if n < 1:
        raise ValueError("labels are counted from 1")
    out: list[str] = []
    while n:
        n, rem = divmod(n - 1, 26)
        out.append(chr(ord("A") + rem))
    return "".join(reversed(out))


def role_label(role: str, number: int) -> str:
    """The label of the ``number``-th person registered with ``role`` (counted from 1)."""
    word = ROLE_WORDS.get(role, ROLE_WORDS["other"])
    suffix = letters(number) if role in LETTERED_ROLES else str(number)
    return f"{word} {suffix}"


class LabelAllocator:
    """Hands out labels in the order people are registered; a key keeps its first label.

    Unknown roles count as "other" so a label is always produced (a damaged or future entry
    must not stop a report from being redacted).
    """

    def __init__(self) -> None:
        self._counts: dict[str, int] = {}
        self._labels: dict[str, str] = {}

    def label_for(self, key: str, role: str) -> str:
        existing = self._labels.get(key)
        if existing is not None:
            return existing
        role = role if role in ROLE_WORDS else "other"
        number = self._counts.get(role, 0) + 1
        self._counts[role] = number
        label = role_label(role, number)
        self._labels[key] = label
        return label

    @property
    def labels(self) -> dict[str, str]:
        return dict(self._labels)


def person_labels(registrations: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Labels for ``(key, role at registration)`` pairs given in registration (seq) order."""
    allocator = LabelAllocator()
    for key, role in registrations:
        allocator.label_for(key, role)
    return allocator.labels


def author_labels(authors: Iterable[str]) -> dict[str, str]:
    """"Loggist 1", "Loggist 2" … for authors in order of their first entry.

    Authors are callsigns or names of officers; a redacted report shows only these labels.
    Repeats are ignored, so passing every entry's author in seq order works as well as
    passing ``IncidentState.authors``.
    """
    out: dict[str, str] = {}
    for author in authors:
        if author not in out:
            out[author] = f"{AUTHOR_WORD} {len(out) + 1}"
    return out


def translate_label(label: str, lang: str) -> str:
    """A label as a report in ``lang`` prints it: "Subject A" -> "Sujeto A", "Loggist 2" ->
    "Anotador 2". A pure function of the stored label, so a person keeps one label per language
    in every report; anything that is not a label is returned unchanged."""
    words = LABEL_WORDS.get(lang)
    if not words:
        return label
    match = _LABEL_SHAPE.fullmatch(label)
    if match is None or match.group(1) not in words:
        return label
    return f"{words[match.group(1)]} {match.group(2)}"
