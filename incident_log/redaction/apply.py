"""Stage 3 of redaction, **apply**: one replacement per span, written onto the original text.

- Overlapping findings: the longest span wins ("Calle de Ibarra 12" is one [ADDRESS], not an
  address with a label inside); at equal length a registered person beats a detector, and a
  detector beats an unknown word. An unknown word never cuts into anything else.
- Particles written in front of a person's name are absorbed into the label ("Ó Briain's" ->
  "Negotiator 2's", "ap Gwilym" -> "Witness 1"); possessives stay after it.
- Neighbouring spans of the same person become one label ("IBARRA RUIZ, Tomás" -> "Subject A").
- A label glued to letters or digits is bracketed ("Ibarra2" -> "[Family 1]2").
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from incident_log.redaction.decide import Replacement
from incident_log.redaction.find import CANDIDATE, REGISTERED, REGISTERED_PHONE, VARIANT
from incident_log.redaction.fold import fold
from incident_log.redaction.names import PATRONYMIC_PARTICLES, TITLES

_PRIORITY = {REGISTERED: 0, REGISTERED_PHONE: 0, VARIANT: 1, CANDIDATE: 3}
# Between two spans of one person: spaces, commas, hyphens and particles ("Fdez. de la Fuente").
_MERGE_GAP = re.compile(r"[\s,\-]*(?:(?:de|del|la|las|los|y|e|van|von|der|den|da|di|do|dos|ap|ab|bin|ibn)[\s\-]+)*", re.IGNORECASE)
_PARTICLE_BEFORE = re.compile(r"(?<![\w'’])([^\W\d_]{1,4})(?:['’]\s?|\s+|-)$")


def resolve(replacements: Sequence[Replacement]) -> list[Replacement]:
    """Non-overlapping replacements in text order: longest first, then by class priority."""
    ordered = sorted(
        (r for r in replacements if r.end > r.start),
        key=lambda r: (r.finding.cls == CANDIDATE, -(r.end - r.start), _PRIORITY.get(r.finding.cls, 2), r.start),
    )
    kept: list[Replacement] = []
    taken: list[tuple[int, int]] = []
    for item in ordered:
        if all(item.end <= s or item.start >= e for s, e in taken):
            kept.append(item)
            taken.append((item.start, item.end))
    kept.sort(key=lambda r: r.start)
    return kept


def absorb_particles(
    text: str, spans: list[Replacement], particles_of: Callable[[str], frozenset[str]]
) -> list[Replacement]:
    """Widen person labels over the particles written before them ("ap ", "Ó ", "O'", "Ní ")."""
    out: list[Replacement] = []
    previous_end = 0
    for span in spans:
        if span.person_label:
            window = text[max(previous_end, span.start - 6) : span.start]
            m = _PARTICLE_BEFORE.search(window)
            if m is not None:
                word = fold(m.group(1))
                if word in particles_of(span.person_label) or word in PATRONYMIC_PARTICLES:
                    start = span.start - (len(window) - m.start())
                    span = Replacement(start, span.end, span.text, span.category, span.finding, span.person_label)
        out.append(span)
        previous_end = span.end
    return out


# Honorifics and ranks written before a person's name: the label says who it is, and "Mrs
# Family 1", "CI Commander 1", "Sra. Witness 1" read as another person (issue 8).
_TITLE_BEFORE = re.compile(r"(?<![\w'’])([^\W\d_]{1,12})\.?\s+$")
_MORE_TITLES = frozenset("ci cst dcs dsi dña dna don ag agt sra srta sres mx".split())


def absorb_titles(text: str, spans: list[Replacement]) -> list[Replacement]:
    """Widen person labels over the honorific or rank right before them ("Mrs Pham" -> "Family 1")."""
    out: list[Replacement] = []
    previous_end = 0
    for span in spans:
        if span.person_label:
            window_start = max(previous_end, span.start - 14)
            m = _TITLE_BEFORE.search(text, window_start, span.start)
            if m is not None and m.end() == span.start:
                word = fold(m.group(1))
                if word in TITLES or word in _MORE_TITLES:
                    span = Replacement(m.start(), span.end, span.text, span.category, span.finding, span.person_label)
        out.append(span)
        previous_end = span.end
    return out


def merge_same_person(text: str, spans: list[Replacement]) -> list[Replacement]:
    out: list[Replacement] = []
    for span in spans:
        last = out[-1] if out else None
        if (
            last is not None
            and span.person_label
            and last.person_label == span.person_label
            and _MERGE_GAP.fullmatch(text, last.end, span.start)
        ):
            out[-1] = Replacement(last.start, span.end, last.text, last.category, last.finding, last.person_label)
        else:
            out.append(span)
    return out


def fit(replacement: str, text: str, start: int, end: int) -> str:
    """Bracket a label glued to letters or digits: "Ibarra2" -> "[Family 1]2", not "Family 12"."""
    if replacement.startswith("["):
        return replacement
    glued_before = start > 0 and text[start - 1].isalnum()
    glued_after = end < len(text) and text[end].isalnum()
    return f"[{replacement}]" if glued_before or glued_after else replacement


def write(text: str, spans: Sequence[Replacement]) -> str:
    out: list[str] = []
    position = 0
    for span in spans:
        out.append(text[position : span.start])
        out.append(fit(span.text, text, span.start, span.end))
        position = span.end
    out.append(text[position:])
    return "".join(out)
