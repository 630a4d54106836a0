"""Realistic incidents written for the redaction tests, each with its own ground truth.

One ``.incident`` file per incident, written by hand as a loggist types at 3 a.m. (typos,
capitals, abbreviations, people learned late, amendments of misspelt names), and turned into
an ``incident-log/1`` scenario by ``load``. The ground truth in the same file is written
independently of the redactor, by the author of the incident:

    NOT: Kowalski            must not appear in the redacted report (any case, accents ignored)
    NOT_CASED: Hope          must not appear with exactly this case (a name that is also a word)
    KEEP: no hope left       must still be printed exactly like this (an ordinary word or number)

Format of the rest (``|`` separates the parts, fields are ``name=value; name=value``):

    # title: ...   # type: kidnap   # location: ...   # opened: 2026-03-14T02:10:00+01:00   # ref: ...
    person | s1 | subject | Tomás Ibarra Ruiz | aliases=Tomi, Tomás I.; phones=+34 611 204 889
    02:14 | note | AGT Molina | | Text of the entry
    02:20 | statement | AGT Molina | speaker=s1; channel=phone; #=e7 | "Words of the subject"
    02:31 | amendment | AGT Molina | refs=@e7; reason=typo in the name | Corrected text

``#=label`` names an entry so that a later ``refs=@label`` can point at it (demand ids work as
in the import format). Times run forward; a time earlier than the last one is the next day.
HELD_OUT incidents (``# held_out: yes``) were written last and are only measured at the end.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
LIST_FIELDS = {"aliases", "phones"}


@dataclass
class Truth:
    must_not_appear: list[str] = field(default_factory=list)
    must_not_appear_cased: list[str] = field(default_factory=list)
    must_survive: list[str] = field(default_factory=list)


@dataclass
class Incident:
    name: str
    scenario: dict[str, Any]
    truth: Truth
    held_out: bool


def _fields(raw: str) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for item in raw.split(";"):
        item = item.strip()
        if not item:
            continue
        name, _, value = item.partition("=")
        name, value = name.strip(), value.strip()
        out[name] = [v.strip() for v in value.split(",") if v.strip()] if name in LIST_FIELDS else value
    return out


def load(name: str) -> Incident:
    path = HERE / f"{name}.incident"
    meta: dict[str, str] = {}
    people: list[dict[str, Any]] = []
    entries: list[dict[str, Any]] = []
    truth = Truth()
    labels: dict[str, int] = {}
    clock: datetime | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("//"):
            continue
        if line.startswith("# "):
            key, _, value = line[2:].partition(":")
            meta[key.strip()] = value.strip()
            continue
        for prefix, target in (
            ("NOT_CASED:", truth.must_not_appear_cased),
            ("NOT:", truth.must_not_appear),
            ("KEEP:", truth.must_survive),
        ):
            if line.startswith(prefix):
                target.append(line[len(prefix) :].strip())
                break
        else:
            parts = [p.strip() for p in line.split("|")]
            if parts[0] == "person":
                key, role, person_name, extra = (parts + [""] * 5)[1:5]
                people.append({"key": key, "role": role, "name": person_name, **_fields(extra)})
                continue
            if len(parts) < 5:
                raise ValueError(f"{path.name}:{number}: expected 5 parts separated by |")
            when, kind, author, raw_fields = parts[:4]
            text = "|".join(parts[4:]).replace("\\n", "\n")
            opened = datetime.fromisoformat(meta["opened"])
            hour, minute = (int(x) for x in when.split(":"))
            moment = opened.replace(hour=hour, minute=minute, second=0)
            if clock is not None:
                while moment < clock - timedelta(hours=12):
                    moment += timedelta(days=1)
            elif moment < opened:
                moment += timedelta(days=1)
            clock = moment
            fields = _fields(raw_fields)
            label = fields.pop("#", None)
            item: dict[str, Any] = {"at": moment.isoformat(), "kind": kind, "author": author, "text": text}
            refs = fields.pop("refs", None)
            if refs is not None:
                item["refs"] = labels[refs[1:]] if refs.startswith("@") else refs
            item.update(fields)
            entries.append(item)
            if label:
                labels[label] = len(people) + len(entries)
    scenario = {
        "format": "incident-log/1",
        "incident": {
            "ref": meta.get("ref"),
            "title": meta["title"],
            "type": meta.get("type", "other"),
            "location": meta.get("location", ""),
            "opened_at": meta["opened"],
            "exercise": meta.get("exercise", "no") == "yes",
        },
        "people": people,
        "entries": entries,
    }
    return Incident(name, scenario, truth, meta.get("held_out", "no") == "yes")


def names(held_out: bool | None = None) -> list[str]:
    found = sorted(p.stem for p in HERE.glob("*.incident"))
    if held_out is None:
        return found
    return [n for n in found if load(n).held_out == held_out]
