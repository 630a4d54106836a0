"""Redaction: the people register and detectors turned into a redactor for reports.

Pure Python (``re``, ``unicodedata``): no Qt, no database, no reportlab. See DESIGN.md §5.

    redactor = Redactor.from_people(state.people, authors={"PC Jane Smith": "Loggist 1"})
    safe = redactor.redact(entry.text)           # names -> labels, others -> [PHONE] ...
    redactor.schedule()                          # {"names": 12, "phones": 2, ...}
    redactor.find_leaks(pdf_text)                # ["name of Subject A"] -- never the value
    redactor.review(texts)                       # the officer's screen before printing
"""

from incident_log.redaction.redactor import (
    AMBIGUOUS_NAME,
    CATEGORIES,
    EMAIL,
    PHONE,
    PLATE,
    TERM,
    Identity,
    Redactor,
    Span,
    national_digits,
)
from incident_log.redaction.review import Finding, ReviewResult

__all__ = [
    "AMBIGUOUS_NAME",
    "CATEGORIES",
    "EMAIL",
    "PHONE",
    "PLATE",
    "TERM",
    "Finding",
    "Identity",
    "Redactor",
    "ReviewResult",
    "Span",
    "national_digits",
]
