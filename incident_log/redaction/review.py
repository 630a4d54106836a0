"""The redaction review shown to the officer before a report is printed.

It lists what the register will hide (with the values: this is the officer's own screen, never
the report) and what looks like an identity the register does not know: capitalised words
and sequences that do not start a sentence, and numbers shaped like phones, plates or e-mails.
The officer then adds the missing ones as extra terms or to the register.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from incident_log.redaction.fold import fold
from incident_log.redaction.names import PARTICLES, ROLE_WORDS, TITLES
from incident_log.redaction.redactor import Redactor, Span

_MONTHS_DAYS = """
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec
monday tuesday wednesday thursday friday saturday sunday mon tue wed thu fri sat sun
enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
lunes martes miercoles jueves viernes sabado domingo
""".split()

_COMMON = """
i i'm i've i'll i'd ok okay yes no not mobile tel phone cell control room ambulance fire
the a an and or but he she it they we you his her their our my your this that these those
english spanish french german sign language lse bsl asl
subject subjects negotiators hostages witnesses officers police policia guardia civil nacional
intel intelligence demand demands offer offers risk risks hook hooks trigger triggers decision
decisions note notes update rotation contact statement flag seal review amended amendment
""".split()

STOPWORDS: frozenset[str] = frozenset(_MONTHS_DAYS) | frozenset(_COMMON) | TITLES | ROLE_WORDS

_WORD = re.compile(r"[^\W\d_][\w'’\-]*")
# Only what really ends a sentence: after "(", ":" or ";" a capital is more likely a name
# ("Planned rotation: Molina takes over"), and the review would rather show one too many.
_SENTENCE_END = set('.!?"“”«»•*…')
_POSSESSIVE = re.compile(r"['’]s$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Finding:
    """One value found, how often, and (for registered ones) whose label replaces it."""

    text: str
    kind: str  # "name", "phone", "email", "plate", "term"
    count: int
    label: str = ""


@dataclass(frozen=True, slots=True)
class ReviewResult:
    registered: tuple[Finding, ...]  # what the register hides, most frequent first
    candidates: tuple[Finding, ...]  # what may be an identity the register does not know

    @property
    def clean(self) -> bool:
        """No candidate left to look at."""
        return not self.candidates


_KIND_OF_CATEGORY = {
    "names": "name",
    "phones": "phone",
    "emails": "email",
    "plates": "plate",
    "terms": "term",
}


def review(redactor: Redactor, texts: Iterable[str]) -> ReviewResult:
    registered: Counter[tuple[str, str, str]] = Counter()
    candidates: Counter[tuple[str, str]] = Counter()
    for text in texts:
        if not text:
            continue
        spans = redactor.spans(text)
        for span in spans:
            kind = _KIND_OF_CATEGORY[span.category]
            if span.owners:
                display = redactor.display_of(span) or " ".join(text[span.start : span.end].split())
                registered[(kind, display, redactor.label_of(span))] += 1
            else:
                candidates[(kind, " ".join(text[span.start : span.end].split()))] += 1
        for value in _capitalised(text, spans):
            candidates[("name", value)] += 1
    return ReviewResult(
        registered=tuple(
            Finding(text, kind, count, label)
            for (kind, text, label), count in sorted(registered.items(), key=lambda i: (-i[1], i[0]))
        ),
        candidates=tuple(
            Finding(text, kind, count)
            for (kind, text), count in sorted(candidates.items(), key=lambda i: (-i[1], i[0]))
        ),
    )


def _at_sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t")
    if not before or before.endswith(("\n", "\r")):
        return True
    return before[-1] in _SENTENCE_END


def _capitalised(text: str, spans: list[Span]) -> list[str]:
    """Capitalised words and runs ("Hospital Clínico", "Puente de Segovia") not already hidden."""

    def covered(start: int, end: int) -> bool:
        return any(start < s.end and end > s.start for s in spans)

    runs: list[list[tuple[int, int, str]]] = []
    current: list[tuple[int, int, str]] = []
    for match in _WORD.finditer(text):
        word = _POSSESSIVE.sub("", match.group(0)).rstrip("'’-")
        start, end = match.start(), match.start() + len(word)
        key = fold(word)
        capital = word[0].isupper()
        gap = text[current[-1][1] : start] if current else ""
        joined = current and gap.strip() == "" and "\n" not in gap
        if (
            capital
            and not covered(start, end)
            and not _at_sentence_start(text, start)
            and key not in STOPWORDS
            and sum(ch.isalpha() for ch in word) >= 2
        ):
            if not joined:
                current = []
                runs.append(current)
            current.append((start, end, word))
        elif current and joined and key in PARTICLES and not capital:
            current.append((start, end, word))  # "Puente de Segovia"
        else:
            current = []
    out = []
    for run in runs:
        while run and fold(run[-1][2]) in PARTICLES and not run[-1][2][0].isupper():
            run.pop()
        if run:
            out.append(text[run[0][0] : run[-1][1]])
    return [" ".join(value.split()) for value in out]
