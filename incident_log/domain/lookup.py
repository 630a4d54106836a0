"""What a loggist types into a person or choice field, turned into the value it means.

A person field accepts the person's key (s1), label (Subject A), name, any alias, or a prefix of
any of those or of any of their words ("Núñ", "pepe"), without accents or case mattering. A
choice field accepts a choice or a unique prefix of it or of one of its words ("team" or
"leader" for "team leader"). Whatever cannot be resolved to exactly one value is answered with
a sentence that says what matched and what to type, so nothing typed is ever silently dropped
or silently turned into someone else.

Pure: no Qt, no database. The sentences use ``str.format`` placeholders so they can be
translated later.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from incident_log.domain.state import Person

MAX_LISTED = 4
_WORD_BREAK = re.compile(r"[\s/,;()·—\-_.]+")


def fold(text: str) -> str:
    """Case, accents and spacing ignored: "  JOSÉ  Núñez " -> "jose nunez"."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.casefold().split())


def _words(folded: str) -> list[str]:
    return [word for word in _WORD_BREAK.split(folded) if word]


@dataclass(frozen=True, slots=True)
class Resolution:
    """The value typed text means (None when it means none or several), and why not."""

    value: str | None
    display: str = ""  # how the resolved value is shown back in the field
    message: str = ""  # why nothing was resolved ("" for empty input)
    candidates: tuple[str, ...] = ()  # displays of everything that matched, when ambiguous

    @property
    def ok(self) -> bool:
        return self.value is not None


@dataclass(frozen=True, slots=True)
class _Option:
    value: str
    display: str
    terms: tuple[str, ...]  # folded forms that name it


def _resolve(text: str, options: Sequence[_Option]) -> list[_Option]:
    """The options ``text`` names, in three tiers, the first that finds any wins:

    1. a whole term ("José Núñez", "s1", "Subject A", an alias);
    2. whole words of a term, in order ("José" finds José Núñez, not Josefa);
    3. starts of a term or of its words ("Jos", "jo nu").
    """
    query = fold(text)
    exact = [o for o in options if query in o.terms]
    if exact:
        return exact
    query_words = _words(query)
    if not query_words:
        return []
    whole = [o for o in options if any(_in_order(query_words, _words(t), whole=True) for t in o.terms)]
    if whole:
        return whole
    return [
        o for o in options
        if any(t.startswith(query) or _in_order(query_words, _words(t), whole=False) for t in o.terms)
    ]


def _in_order(query: list[str], words: list[str], *, whole: bool) -> bool:
    """Every typed word is (or, not ``whole``, starts) a word of the term, in the term's order."""
    position = 0
    for wanted in query:
        while position < len(words) and not (words[position] == wanted if whole else words[position].startswith(wanted)):
            position += 1
        if position == len(words):
            return False
        position += 1
    return True


def _listing(displays: Iterable[str]) -> str:
    shown = list(displays)
    text = "; ".join(shown[:MAX_LISTED])
    return text + ("; …" if len(shown) > MAX_LISTED else "")


# --- people -----------------------------------------------------------------------------------------

PERSON_NOT_FOUND = (
    "no one registered matches '{typed}'. Type a key, name, alias or label (Alt+Down lists everyone), "
    "or register the person first (Ctrl+Shift+P)."
)
PERSON_AMBIGUOUS = "'{typed}' matches {count} people: {listing}. Type more of the name, or the key."


def person_display(person: Person) -> str:
    """How a resolved person reads in a field: label, name, key — each of which resolves back."""
    name = f" · {person.name}" if person.name and person.name != person.label else ""
    return f"{person.label}{name} ({person.key})"


def _short_display(person: Person, name_chars: int = 24) -> str:
    """For a message listing several people: the name cut short, label and key whole."""
    name = person.name if len(person.name) <= name_chars else person.name[: name_chars - 1] + "…"
    name = f" · {name}" if name and person.name != person.label else ""
    return f"{person.label}{name} ({person.key})"


def _person_options(people: Sequence[Person]) -> list[_Option]:
    options = []
    for person in people:
        names = (person.key, person.label, person.name, *person.aliases, person_display(person))
        options.append(_Option(person.key, person_display(person), tuple(fold(n) for n in names if n.strip())))
    return options


def resolve_person(text: str, people: Sequence[Person]) -> Resolution:
    """The person ``text`` names among ``people`` (an incident's register)."""
    typed = " ".join(text.split())
    if not typed:
        return Resolution(None)
    found = _resolve(typed, _person_options(people))
    unique = {o.value: o for o in found}
    people_by_key = {p.key: p for p in people}
    if len(unique) == 1:
        option = next(iter(unique.values()))
        return Resolution(option.value, option.display)
    shown = typed if len(typed) <= 40 else typed[:37] + "..."
    if not unique:
        return Resolution(None, message=PERSON_NOT_FOUND.format(typed=shown))
    displays = tuple(o.display for o in unique.values())
    short = [_short_display(people_by_key[key]) for key in unique]
    return Resolution(
        None,
        message=PERSON_AMBIGUOUS.format(typed=shown, count=len(displays), listing=_listing(short)),
        candidates=displays,
    )


# --- choices ----------------------------------------------------------------------------------------

CHOICE_NOT_FOUND = "'{typed}' is not one of: {listing}. Type one of them or its first letters (Alt+Down lists them)."
CHOICE_AMBIGUOUS = "'{typed}' could be {listing}. Type a few more letters."


def resolve_choice(text: str, choices: Sequence[str] | Sequence[tuple[str, str]]) -> Resolution:
    """The choice ``text`` means. ``choices`` are values, or (shown text, value) pairs."""
    typed = " ".join(text.split())
    if not typed:
        return Resolution(None)
    pairs = [(c, c) if isinstance(c, str) else (c[0], c[1]) for c in choices]
    options = [_Option(value, shown, (fold(shown),)) for shown, value in pairs]
    found = _resolve(typed, options)
    unique = {o.value: o for o in found}
    if len(unique) == 1:
        option = next(iter(unique.values()))
        return Resolution(option.value, option.display)
    shown_typed = typed if len(typed) <= 40 else typed[:37] + "..."
    if not unique:
        listing = ", ".join(shown for shown, _ in pairs)
        return Resolution(None, message=CHOICE_NOT_FOUND.format(typed=shown_typed, listing=listing))
    displays = tuple(o.display for o in unique.values())
    listing = " or ".join(displays[:MAX_LISTED]) + (" …" if len(displays) > MAX_LISTED else "")
    return Resolution(None, message=CHOICE_AMBIGUOUS.format(typed=shown_typed, listing=listing), candidates=displays)
