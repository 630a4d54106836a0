"""Which label an entry's author gets in a redacted copy.

An author who is a registered person (the same name with or without a rank, a part of it, a
variant, or a callsign recorded as one of their aliases) gets that person's label everywhere:
the same human must not be "Loggist 2" in the author column and "Negotiator 1" in the text.
Every other author is "Loggist N", numbered in order of their first entry.
"""

from __future__ import annotations

from collections.abc import Iterable

from incident_log.domain.labels import AUTHOR_WORD
from incident_log.domain.state import Person
from incident_log.redaction.names import can_stand_alone, key_of, parts


def _parts_of(name: str) -> frozenset[str]:
    return frozenset(key_of(p) for p in parts(name) if can_stand_alone(p))


def person_for_author(author: str, people: Iterable[Person]) -> Person | None:
    """The one registered person ``author`` names, or None (none, or more than one)."""
    key = key_of(author)
    wanted = _parts_of(author)
    if not key:
        return None
    exact: list[Person] = []
    partial: list[Person] = []
    for person in people:
        names = (person.name, *person.all_names, *person.aliases)
        if any(key_of(n) == key for n in names if n):
            exact.append(person)
            continue
        person_parts = frozenset().union(*(_parts_of(n) for n in names if n))
        if wanted and wanted <= person_parts:
            partial.append(person)
    if len(exact) == 1:
        return exact[0]
    if not exact and len(partial) == 1:
        return partial[0]
    return None


def author_labels(authors: Iterable[str], people: Iterable[Person]) -> dict[str, str]:
    """author -> label, for authors in order of first entry."""
    people = list(people)
    out: dict[str, str] = {}
    loggists = 0
    for author in authors:
        if author in out:
            continue
        person = person_for_author(author, people)
        if person is not None:
            out[author] = person.label
        else:
            loggists += 1
            out[author] = f"{AUTHOR_WORD} {loggists}"
    return out
