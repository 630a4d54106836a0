"""Detectors for identities that are not in the register: e-mail addresses, phones, plates.

They run on the folded text (dashes and spaces normalised, digits of any script made ASCII),
except plates, which need the original capitals to stay rare: a plate is written in capitals,
and matching lowercase "1234 abc" would hit ordinary words after numbers.
"""

from __future__ import annotations

import re

EMAIL = re.compile(r"(?<![\w.+\-])[\w.+%\-]+@[\w\-]+(?:\.[\w\-]+)*\.[^\W\d_]{2,}(?![\w\-])")

# A run of digits with phone-ish separators, optionally led by + or (.
_PHONE_CANDIDATE = re.compile(r"(?<![\w+\-/.:,])(?:\+\s?|\()?\d(?:[ .\-/()]{0,2}\d){5,15}(?![\w\-/:]|[.,]\d)")
# Amounts and measures written with grouping or a decimal point: "1.500.000", "1 500 000", "40.416775".
_AMOUNT_LIKE = re.compile(r"^(?:\d{1,3}(?:\.\d{3})+|\d{1,2}(?: \d{3})+|\d+\.\d+)$")
_DATE_LIKE = re.compile(r"^\(?(?:\d{4}[-/. ]\d{1,2}[-/. ]\d{1,2}|\d{1,2}[-/. ]\d{1,2}[-/. ]\d{2,4})\)?$")


def phone_spans(folded: str) -> list[tuple[int, int]]:
    """Spans of phone-like numbers: a + prefix and 6+ digits, or 7+ digits not shaped like a date.

    Seven or eight digits count only with separators ("555 1234"); a bare 7-8 digit run is more
    often a reference or a count than a phone. Nine or more digits always count.
    """
    spans = []
    for match in _PHONE_CANDIDATE.finditer(folded):
        raw = match.group(0)
        digits = sum(ch.isdigit() for ch in raw)
        if _DATE_LIKE.match(raw.strip()) or _AMOUNT_LIKE.match(raw):
            continue
        plus = raw.startswith("+")
        separated = any(not ch.isdigit() for ch in raw.lstrip("+("))
        if (plus and digits >= 6) or digits >= 9 or (digits >= 7 and separated):
            spans.append(match.span())
    return spans


# Vehicle plates, written in capitals. Each alternative is one common European format.
_L = "A-Z"
# Three capitals after four digits that are units, currencies or time zones, not plates.
_NOT_PLATE_TAIL = (
    "(?:"
    + "|".join(
        "EUR USD GBP CHF JPY SEK NOK DKK PLN UTC GMT CET BST EST PST HRS MIN SEC KMH KPH MPH LBS".split()
    )
    + ")"
)
PLATE = re.compile(
    r"(?<![\w\-])(?:"
    rf"\d{{4}}[ \-]?(?!{_NOT_PLATE_TAIL}\b)[{_L}]{{3}}"  # Spain since 2000: 1234 BCD, 1234BCD
    rf"|[{_L}]{{1,2}}[ \-]\d{{4}}[ \-][{_L}]{{1,2}}"  # Spain before 2000: M-1234-AB, GR 1234 BC
    rf"|[{_L}]{{2}}\d{{2}} ?[{_L}]{{3}}"  # United Kingdom: AB12 CDE, AB12CDE
    rf"|[{_L}]{{2}}[ \-]\d{{3}}[ \-][{_L}]{{2}}"  # France, Italy: AB-123-CD, AB 123 CD
    rf"|[{_L}]{{2}}\d{{3}}[{_L}]{{2}}"  # France, Italy without separators: AB123CD
    rf"|[{_L}ÄÖÜ]{{1,3}}-[{_L}]{{1,2}} ?\d{{1,4}}[EH]?"  # Germany: B-MW 1234, M-AB 123
    rf"|(?=[{_L}\-]*\d)(?=[\d\-]*[{_L}])[{_L}\d]{{1,3}}-[{_L}\d]{{2,3}}-[{_L}\d]{{1,2}}"  # NL, PT: 12-ABC-3
    r")(?![\w\-])"
)


def plate_spans(original: str) -> list[tuple[int, int]]:
    return [m.span() for m in PLATE.finditer(original)]


def email_spans(folded: str) -> list[tuple[int, int]]:
    return [m.span() for m in EMAIL.finditer(folded)]
