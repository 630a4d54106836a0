"""Helpers for the redaction tests: people built the way the projections build them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from incident_log.domain.state import Person
from incident_log.redaction import Redactor

# The same file as /work/shared/scenarios/viaduct.json, shipped in the repo for the demo.
VIADUCT = Path(__file__).resolve().parents[2] / "resources" / "examples" / "viaduct.json"
VIADUCT_LABELS = {
    "s1": "Subject A",
    "f1": "Family 1",
    "n1": "Negotiator 1",
    "n2": "Negotiator 2",
    "t1": "Negotiator 3",
    "w1": "Witness 1",
}


def person(
    label: str,
    name: str,
    aliases: tuple[str, ...] = (),
    phones: tuple[str, ...] = (),
    old_names: tuple[str, ...] = (),
    old_phones: tuple[str, ...] = (),
    key: str | None = None,
) -> Person:
    """A register entry; ``old_*`` are names and phones amended away (still in all_names)."""
    return Person(
        key=key or label.lower().replace(" ", ""),
        role="other",
        name=name,
        label=label,
        aliases=aliases,
        phones=phones,
        all_names=(*old_names, name, *aliases),
        all_phones=(*old_phones, *phones),
    )


def redactor_for(*people: Person, **kwargs: object) -> Redactor:
    return Redactor.from_people(people, **kwargs)  # type: ignore[arg-type]


def load_viaduct() -> dict:
    return json.loads(VIADUCT.read_text(encoding="utf-8"))


def viaduct_people() -> list[Person]:
    data = load_viaduct()
    return [
        Person(
            key=p["key"],
            role=p["role"],
            name=p["name"],
            label=VIADUCT_LABELS[p["key"]],
            aliases=tuple(p["aliases"]),
            phones=tuple(p["phones"]),
            all_names=(p["name"], *p["aliases"]),
            all_phones=tuple(p["phones"]),
        )
        for p in data["people"]
    ]


@pytest.fixture
def viaduct_data() -> dict:
    return load_viaduct()


@pytest.fixture
def viaduct_redactor() -> Redactor:
    return Redactor.from_people(viaduct_people(), authors={"Loggist 1": "Loggist 1"})
