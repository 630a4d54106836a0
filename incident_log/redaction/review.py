"""The redaction review shown to the officer before a report is printed.

Every finding of every text that reaches the report, grouped by value: its class (registered,
variant, phone, address, candidate ...), how often it occurs, what it becomes by default, and
the decision in force (who decided what, when). Values are shown: this is the officer's own
screen or terminal, never the report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from incident_log.redaction.decide import default_replacement
from incident_log.redaction.find import CANDIDATE, REGISTERED, REGISTERED_PHONE, VARIANT
from incident_log.redaction.fold import fold
from incident_log.redaction.names import key_of

if TYPE_CHECKING:
    from incident_log.redaction.redactor import Redactor


@dataclass(frozen=True, slots=True)
class ReviewItem:
    text: str  # the value as first written
    cls: str  # finding class
    count: int
    replacement: str  # what the copy prints by default
    decision: str  # "default", or "keep (by PC Hale, 2026-03-14 22:10)" ...
    ambiguous: int = 0  # occurrences at the start of a sentence (a common word, maybe not a name)
    registered_as: str = ""  # the registered form, for registered findings

    @property
    def kept(self) -> bool:
        return self.decision.startswith("keep")


@dataclass(frozen=True, slots=True)
class ReviewResult:
    items: tuple[ReviewItem, ...]

    @property
    def registered(self) -> tuple[ReviewItem, ...]:
        return tuple(i for i in self.items if i.cls in (REGISTERED, REGISTERED_PHONE, VARIANT))

    @property
    def candidates(self) -> tuple[ReviewItem, ...]:
        return tuple(i for i in self.items if i.cls == CANDIDATE)

    @property
    def detected(self) -> tuple[ReviewItem, ...]:
        return tuple(i for i in self.items if i.cls not in (REGISTERED, REGISTERED_PHONE, VARIANT, CANDIDATE))


KEPT = "kept"  # a value the officer decided to print as written
_ORDER = {REGISTERED: 0, REGISTERED_PHONE: 0, VARIANT: 1, CANDIDATE: 2, KEPT: 4}


def review(redactor: Redactor, texts: Iterable[str]) -> ReviewResult:
    counts: dict[tuple[str, str], list] = {}
    kept = redactor.finder.kept
    texts_seen = list(texts)
    for text in texts_seen:
        if not text:
            continue
        for finding in redactor.findings(text):
            written = " ".join(text[finding.start : finding.end].split())
            slot = counts.setdefault((finding.cls, finding.value), [written, 0, 0, finding])
            slot[1] += 1
            slot[2] += 1 if finding.ambiguous else 0
    items = []
    for (cls, value), (written, count, ambiguous, finding) in counts.items():
        replacement, _ = default_replacement(finding)
        decided = redactor.decisions.decided(written)
        if value in kept:
            decision, replacement = "keep", "(as written)"
        elif decided is not None:
            decision = decided.action
        else:
            decision = "default"
        if decided is not None:
            when = decided.at.strftime("%Y-%m-%d %H:%M") if decided.at else ""
            decision += f" (by {decided.author}{', ' + when if when else ''}, entry #{decided.seq})"
        items.append(
            ReviewItem(written, cls, count, replacement, decision, ambiguous, redactor.display_of(finding))
        )
    # Kept values are no longer findings; they are listed so the officer can see and undo them.
    listed = {key_of(i.text) for i in items}
    all_text = fold("\n".join(t for t in texts_seen if t))
    for key in sorted(kept - listed):
        decided = redactor.decisions.decided(key)
        shown = decided.value if decided is not None else key
        count = len(re.findall(r"(?<![^\W_])" + re.escape(fold(shown)) + r"(?![^\W_])", all_text))
        when = decided.at.strftime("%Y-%m-%d %H:%M") if decided is not None and decided.at else ""
        by = f" (by {decided.author}{', ' + when if when else ''}, entry #{decided.seq})" if decided else ""
        items.append(ReviewItem(shown, KEPT, count, "(as written)", "keep" + by))
    items.sort(key=lambda i: (_ORDER.get(i.cls, 3), -i.count, i.text.casefold()))
    return ReviewResult(tuple(items))
