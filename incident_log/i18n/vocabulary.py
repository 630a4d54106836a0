"""The domain's vocabulary as catalogue entries: (group, English value) pairs.

Entry types, field names and the choices of choice fields are stored in English in the log
(they are data, and the chain hashes them); a Spanish report prints them through these groups.
"""

from __future__ import annotations

from collections.abc import Iterator

KIND = "kind"  # an entry type's title ("Demand")
FIELD = "field"  # a field's name as printed ("decided by")
DEMAND_STATUS = "demand status"
OFFER_STATUS = "offer status"


# Names a refusal can point at that are an entry's own columns or an import file's keys, not a
# kind's fields (validation.py, scenario.py): shown in the vocabulary's words in Spanish.
ENTRY_FIELDS = ("text", "author", "occurred at", "delay reason", "refs", "kind", "fields", "entry", "at", "people",
                "incident", "entries", "format")


def choice_group(field_name: str) -> str:
    """The group of a choice field's values: one per field name ("role", "status" ...)."""
    return f"choice:{field_name}"


def vocabulary() -> Iterator[tuple[str, str]]:
    from incident_log.domain.kinds import DEMAND_STATUSES, KINDS, OFFER_STATUSES, PERSON_ROLES

    seen: set[tuple[str, str]] = set()

    def once(group: str, value: str) -> Iterator[tuple[str, str]]:
        if value and (group, value) not in seen:
            seen.add((group, value))
            yield group, value

    for spec in KINDS.values():
        yield from once(KIND, spec.title)
        for f in spec.fields:
            yield from once(FIELD, f.name.replace("_", " "))
            for choice in f.choices:
                yield from once(choice_group(f.name), choice)
    for name in ENTRY_FIELDS:
        yield from once(FIELD, name)
    for role in PERSON_ROLES:
        yield from once(choice_group("role"), role)
    for status in DEMAND_STATUSES:
        yield from once(DEMAND_STATUS, status)
    for status in OFFER_STATUSES:
        yield from once(OFFER_STATUS, status)
