"""The redaction review shown to the officer before a report is printed.

Every finding of every text that reaches the report, grouped by value: its class (registered,
variant, phone, address, candidate ...), how often it occurs, what it becomes by default, and
the decision in force (who decided what, when). Values are shown: this is the officer's own
screen or terminal, never the report.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from incident_log.redaction.decide import default_replacement
from incident_log.redaction.find import CANDIDATE, REGISTERED, REGISTERED_PHONE, VARIANT

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


_ORDER = {REGISTERED: 0, REGISTERED_PHONE: 0, VARIANT: 1, CANDIDATE: 2}


def review(redactor: Redactor, texts: Iterable[str]) -> ReviewResult:
    counts: dict[tuple[str, str], list] = {}
    kept = redactor.finder.kept
    for text in texts:
        if not text:
            continue
        for finding in redactor.findings(text):
            written = " ".join(text[finding.start : finding.end].split())
            slot = counts.setdefault((finding.cls, finding.value), [written, 0, 0, finding])
            slot[1] += 1
            slot[2] += 1 if finding.ambiguous else 0
        # Kept values are still findings: the finder skips them, so find them for the review.
    items = []
    for (cls, value), (written, count, ambiguous, finding) in counts.items():
        replacement, _ = default_replacement(finding)
        decided = redactor.decisions.decided(written)
        if value in kept:
            decision = "keep"
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
    items.sort(key=lambda i: (_ORDER.get(i.cls, 3), -i.count, i.text.casefold()))
    return ReviewResult(tuple(items))
