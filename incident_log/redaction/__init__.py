"""Redaction in three stages, plus an independent check (DESIGN.md §5).

Pure Python: no Qt, no database, no reportlab.

    find.Finder        every span that may identify someone, with its class
    decide             what each finding becomes (label, tag, kept); the officer's decisions
    apply              one replacement per span, longest wins, particles absorbed
    check              the finished PDF's text searched with separate, token-based code
    Redactor           the three stages behind one door: redact(), schedule(), review()
"""

from incident_log.redaction.check import CheckTargets, Hit
from incident_log.redaction.decide import (
    AMBIGUOUS_NAME,
    ATTACH,
    CATEGORIES,
    KEEP,
    REDACT,
    Decision,
    Decisions,
)
from incident_log.redaction.find import Finding, Identity, national_digits
from incident_log.redaction.redactor import Redactor
from incident_log.redaction.review import ReviewItem, ReviewResult

__all__ = [
    "AMBIGUOUS_NAME",
    "ATTACH",
    "CATEGORIES",
    "KEEP",
    "REDACT",
    "CheckTargets",
    "Decision",
    "Decisions",
    "Finding",
    "Hit",
    "Identity",
    "Redactor",
    "ReviewItem",
    "ReviewResult",
    "national_digits",
]
