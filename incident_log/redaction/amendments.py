"""Misspellings that an amendment corrects become variants of the person they misspelt.

The loggist types "Ibarrra" at 03:10 and corrects it with an amendment at 03:12. The struck
original is still printed (the log is evidence), so "Ibarrra" must get Subject A's label: a
word of the original that the correction dropped, close to a registered name part that the
correction contains (at most two edits, same first letter), is added to that person.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from incident_log.domain.entry import Entry
from incident_log.domain.state import Person
from incident_log.redaction.fold import fold
from incident_log.redaction.names import can_stand_alone, parts

_WORD = re.compile(r"[^\W\d_][\w'’]*")


def _words(text: str) -> dict[str, str]:
    return {fold(w): w for w in _WORD.findall(text or "")}


def _texts(entry: Entry) -> list[str]:
    out = [entry.text]
    for value in entry.fields.values():
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, Iterable) and not isinstance(value, bytes):
            try:
                out.extend(str(v) for v in (value.values() if hasattr(value, "values") else value))
            except TypeError:
                pass
    return out


def amendment_variants(people: Sequence[Person], entries: Sequence[Entry]) -> dict[str, list[str]]:
    """label -> misspellings corrected by amendments."""
    import jellyfish

    by_seq = {e.seq: e for e in entries}
    owners: dict[str, set[str]] = {}
    for person in people:
        for name in (person.name, *person.all_names, *person.aliases):
            for part in parts(name or ""):
                if can_stand_alone(part) and len(part) >= 3:
                    owners.setdefault(fold(part), set()).add(person.label)
    found: dict[str, list[str]] = {}
    for entry in entries:
        if entry.kind != "amendment" or entry.refs is None or entry.refs not in by_seq:
            continue
        original = {}
        for text in _texts(by_seq[entry.refs]):
            original.update(_words(text))
        corrected: dict[str, str] = {}
        for text in _texts(entry):
            corrected.update(_words(text))
        registered_here = [c for c in corrected if c in owners]
        for key, word in original.items():
            if key in corrected or key in owners or len(key) < 3:
                continue
            for right in registered_here:
                limit = 2 if len(right) >= 6 else 1
                close = jellyfish.damerau_levenshtein_distance(key, right) <= limit
                sounds = len(key) >= 5 and jellyfish.metaphone(key) == jellyfish.metaphone(right)
                if key[0] == right[0] and (close or sounds):
                    # Shared by several people ("Rashid" of a father and his son): each gets
                    # the spelling, so it prints as [NAME], never as written.
                    for label in owners[right]:
                        found.setdefault(label, []).append(word)
    return found
