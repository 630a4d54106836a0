"""Detectors for identities that need no register: phones, identity numbers, plates, e-mails,
handles, links, and the quasi-identifiers (addresses, postcodes, dates of birth).

Each returns ``Detection`` spans on the original text. Where a well-kept library knows the
format, it decides: phone numbers are libphonenumber's (``phonenumbers``, for Spain, the UK and
Ireland and their neighbours), Spanish DNI/NIE, IBANs, Irish PPS and NHS numbers are checked
with ``python-stdnum``. A shape alone still counts next to its keyword ("DNI 12345678A" with a
wrong check letter is still somebody's DNI). Plates, addresses and postcodes have no such
library: their shapes are written out here, one country per line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

PHONE = "phone"
ID = "id"
PLATE = "plate"
EMAIL = "email"
HANDLE = "handle"
LINK = "link"
ADDRESS = "address"
POSTCODE = "postcode"
DOB = "dob"

# Regions whose national formats are tried (the cells' own countries and Ireland). A number with
# a country code (+33, 0048) is read in any of them; a national number of a neighbour (a French
# 06 12 34 56 78) still has nine digits or more and is caught as a digit run.
PHONE_REGIONS = ("ES", "GB", "IE")


@dataclass(frozen=True, slots=True)
class Detection:
    start: int
    end: int
    kind: str


# --- e-mails, handles, links ---------------------------------------------------------------

EMAIL_RE = re.compile(r"(?<![\w.+\-])[\w.+%\-]+@[\w\-]+(?:\.[\w\-]+)*\.[^\W\d_]{2,}(?![\w\-])")
HANDLE_RE = re.compile(r"(?<![\w@.])@[\w.]{2,40}(?<!\.)")
LINK_RE = re.compile(
    r"(?:https?://|www\.)[^\s<>\"]+"
    r"|\b(?:instagram|facebook|fb|tiktok|twitter|x|linkedin|snapchat|youtube|threads)\.com/[^\s<>\"]+"
    r"|\b(?:t\.me|wa\.me)/[^\s<>\"]+",
    re.IGNORECASE,
)


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in ".,;:!?)]'\"":
        end -= 1
    return end


def emails_handles_links(text: str) -> Iterator[Detection]:
    if "@" in text:
        for m in EMAIL_RE.finditer(text):
            yield Detection(m.start(), m.end(), EMAIL)
        for m in HANDLE_RE.finditer(text):
            yield Detection(m.start(), m.end(), HANDLE)
    if "/" in text or "www" in text.lower():
        for m in LINK_RE.finditer(text):
            yield Detection(m.start(), _trim(text, m.start(), m.end()), LINK)


# --- phone numbers -------------------------------------------------------------------------

# Where a number may be: a run of digits and phone separators (a "tel:" or "+" in front).
_NUMBER_WINDOW = re.compile(r"(?<![\w\-/.])(?:tel:\s*)?(?:\+|00|\()?\d[\d \t.\-/()]{4,}\d(?![\w\-])", re.IGNORECASE)
_TIME_RANGE = re.compile(r"^([01]\d|2[0-3])[0-5]\d\s*[-/]\s*([01]\d|2[0-3])[0-5]\d$")
_DATE = re.compile(r"^\(?(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2}))\)?$")
_COMPACT_DATE = re.compile(r"^(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$")
_AMOUNT = re.compile(r"^\d{1,3}(?:[.,]\d{3})+(?:[.,]\d{1,2})?$|^\d+[.,]\d{1,2}$")
# Spanish numbers are written in groups of three like amounts: 699.123.456, 699 123 456.
_SPANISH_GROUPED = re.compile(r"^[6789]\d{2}([. ])\d{3}\1\d{3}$")
_DIGITS = re.compile(r"\d")


_SPACED_AMOUNT = re.compile(r"^\d{1,3}(?: \d{3})+$")
_DECIMAL = re.compile(r"\d\.\d{4,}")


def _not_a_phone(raw: str) -> bool:
    core = raw.strip()
    if _TIME_RANGE.match(core) or _DATE.match(core) or _COMPACT_DATE.match(core):
        return True
    if _SPANISH_GROUPED.match(core):
        return False
    if _SPACED_AMOUNT.match(core) or _DECIMAL.search(core):
        return True
    digits = sum(ch.isdigit() for ch in core)
    if digits < 9 and core.isdigit():
        return True  # a bare run of 7-8 digits is a reference or a count more often than a phone
    if digits < 7 and not core.startswith(("+", "00")):
        return True  # "12 34 56": too short to be anybody's number without a country code
    return bool(_AMOUNT.match(core))


def phones(text: str) -> Iterator[Detection]:
    """Numbers that libphonenumber reads as possible in one of ``PHONE_REGIONS``, plus any run of
    nine or more digits (a phone written in a way no plan knows is still a phone)."""
    if len(_DIGITS.findall(text)) < 6:
        return
    import phonenumbers
    from phonenumbers import Leniency, PhoneNumberMatcher

    for window in _NUMBER_WINDOW.finditer(text):
        chunk = window.group(0)
        if sum(ch.isdigit() for ch in chunk) < 6:
            continue
        base = window.start()
        found: list[tuple[int, int]] = []
        for region in PHONE_REGIONS:
            for match in PhoneNumberMatcher(chunk, region, leniency=Leniency.POSSIBLE):
                if _not_a_phone(match.raw_string):
                    continue
                span = (base + match.start, base + match.end)
                if all(span[1] <= s or span[0] >= e for s, e in found):
                    found.append(span)
        # Pieces libphonenumber did not take: nine or more digits are a number all the same.
        for piece in re.finditer(r"[+(]?\d[\d \t.\-/()]*\d", chunk):
            start, end = base + piece.start(), base + piece.end()
            if any(start < e and end > s for s, e in found):
                continue
            raw = piece.group(0)
            if sum(ch.isdigit() for ch in raw) >= 9 and not _not_a_phone(raw):
                found.append((start, end))
        for start, end in found:
            yield Detection(start, end, PHONE)
    _ = phonenumbers


# Phone numbers said aloud and written down as words: "oh seven seven double oh, nine ...",
# "seis nueve nueve doce", "siedem siedem zero". Digits, doubles and tens of the cells' and the
# people's languages; a run of seven digits or more is a phone (nobody reads out a shorter one).
_DIGIT_WORDS: dict[str, str] = {}
for _digits, _words in (
    ("0", "zero oh nought cero zéro zero dim"),
    ("1", "one uno una un jeden jedna"),
    ("2", "two dos deux dwa dau"),
    ("3", "three tres trois trzy tri"),
    ("4", "four cuatro quatre cztery pedwar"),
    ("5", "five cinco cinc cinq pięć piec pump"),
    ("6", "six seis sis sześć szesc chwech"),
    ("7", "seven siete set sept siedem saith"),
    ("8", "eight ocho vuit huit osiem wyth"),
    ("9", "nine nueve nou neuf dziewięć dziewiec naw"),
    ("10", "ten diez deu dix"),
    ("11", "eleven once onze"),
    ("12", "twelve doce dotze douze"),
    ("13", "thirteen trece tretze treize"),
    ("14", "fourteen catorce catorze quatorze"),
    ("15", "fifteen quince quinze"),
    ("16", "sixteen dieciséis dieciseis setze seize"),
    ("17", "seventeen diecisiete disset"),
    ("18", "eighteen dieciocho divuit"),
    ("19", "nineteen diecinueve dinou"),
    ("2_", "twenty veinte vint vingt"),
    ("3_", "thirty treinta trenta trente"),
    ("4_", "forty cuarenta quaranta quarante"),
    ("5_", "fifty cincuenta cinquanta cinquante"),
    ("6_", "sixty sesenta seixanta soixante"),
    ("7_", "seventy setenta setanta"),
    ("8_", "eighty ochenta vuitanta"),
    ("9_", "ninety noventa noranta"),
):
    for _word in _words.split():
        _DIGIT_WORDS[_word] = _digits
_REPEAT_WORDS = {"double": 2, "doble": 2, "triple": 3, "treble": 3}
_SPOKEN_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_SPOKEN_GAP = re.compile(r"[\s,.\-–/]*(?:(?:and|y|i)\s+)?")
MIN_SPOKEN_DIGITS = 7


def _spoken_value(word: str) -> str | None:
    low = word.lower()
    if low.isdigit():
        return low if len(low) <= 4 else None
    return _DIGIT_WORDS.get(low)


# Any digit word as a whole word: a run needs two of them, and most sentences have fewer, so one
# C-level count spares them the token-by-token walk (a tenth of the finder's time before).
_ANY_DIGIT_WORD = re.compile(
    r"(?<![^\W\d_])(?:" + "|".join(sorted(map(re.escape, _DIGIT_WORDS), key=len, reverse=True)) + r")(?![^\W\d_])"
)


def spoken_numbers(text: str) -> Iterator[Detection]:
    """Runs of digit words (and short digit groups among them) with seven digits or more."""
    lowered = text.lower()
    first = _ANY_DIGIT_WORD.search(lowered)
    if first is None or _ANY_DIGIT_WORD.search(lowered, first.end()) is None:
        return iter(())
    return _spoken_runs(text)


def _spoken_runs(text: str) -> Iterator[Detection]:
    run_start = run_end = -1
    digits = 0
    repeat = 1
    pending_tens = False
    previous_end = -1
    words = 0

    def flush() -> Iterator[Detection]:
        if run_start >= 0 and digits >= MIN_SPOKEN_DIGITS and words >= 2:
            yield Detection(run_start, run_end, PHONE)

    for m in _SPOKEN_TOKEN.finditer(text):
        word = m.group(0)
        low = word.lower()
        gap_ok = previous_end >= 0 and _SPOKEN_GAP.fullmatch(text, previous_end, m.start()) is not None
        if low in ("and", "y", "i") and run_start >= 0:
            continue  # "treinta y cuatro": the gap rule takes it, between two numbers only
        if low in _REPEAT_WORDS:
            if run_start < 0 or not gap_ok:
                yield from flush()
                run_start, digits, words, pending_tens = m.start(), 0, 0, False
            repeat = _REPEAT_WORDS[low]
            run_end = previous_end = m.end()
            continue
        value = _spoken_value(word)
        if value is None:
            yield from flush()
            run_start, digits, words, repeat, pending_tens = -1, 0, 0, 1, False
            previous_end = m.end()
            continue
        if run_start < 0 or not gap_ok:
            yield from flush()
            run_start, digits, words, pending_tens = m.start(), 0, 0, False
        if pending_tens and len(value) == 1 and value != "0":
            pass  # "forty five": the unit fills the tens already counted
        else:
            digits += (2 if value.endswith("_") else len(value)) * repeat
        pending_tens = value.endswith("_")
        words += 0 if word.isdigit() else 1
        repeat = 1
        run_end = previous_end = m.end()
    yield from flush()


# --- identity numbers ----------------------------------------------------------------------

_ID_KEYWORDS = (
    r"dni|nie|nif|nino|ni\s+(?:no|number)|national\s+insurance(?:\s+number)?|pps(?:n)?|nhs(?:\s+(?:no|number))?"
    r"|passport(?:\s+(?:no|number))?|pasaporte|iban|account(?:\s+(?:no|number))?|cuenta|licen[cs]e|licencia"
    r"|permiso(?:\s+de\s+conducir)?|carn[eé]t?|tip|warrant(?:\s+(?:no|number))?|collar(?:\s+(?:no|number))?"
    r"|placa|badge|n\.?\s?[ºo°]\s?(?:de\s+)?(?:documento|identificaci[oó]n)|id(?:\s+(?:no|number))?"
)
_KEYWORD_ID = re.compile(
    rf"\b(?:{_ID_KEYWORDS})\b\.?\s*(?:[:#]|n[ºo°]\.?|no\.?|number|es|is)?\s*([A-Z0-9][A-Z0-9.\- ]{{3,32}}[A-Z0-9])",
    re.IGNORECASE,
)
_DNI = re.compile(r"(?<![\w.\-])\d{1,2}\.?\d{3}\.?\d{3}[\s\-]?[A-Za-z](?![\w\-])")
_NIE = re.compile(r"(?<![\w.\-])[XYZxyz][\s\-.]?\d{7}[\s\-.]?[A-Za-z](?![\w\-])")
# National Insurance numbers, including the QQ prefix of HMRC's own examples.
_NINO = re.compile(r"(?<![\w\-])[A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D](?![\w\-])", re.IGNORECASE)
_IBAN = re.compile(r"(?<![\w\-])[A-Z]{2}\d{2}(?:[ \-]?[A-Z0-9]{4}){2,7}(?:[ \-]?[A-Z0-9]{1,4})?(?![\w\-])", re.IGNORECASE)
# Irish PPS numbers: seven digits and one or two letters (1234567T, 1234567TA).
_PPS = re.compile(r"(?<![\w\-])\d{7}[A-W][A-IW]?(?![\w\-])", re.IGNORECASE)
# Document numbers of one to three capitals and six to nine digits: residence permits (BRP
# ZX1234567), passports (A12345678), driving licences.
_LETTERS_AND_DIGITS_ID = re.compile(r"(?<![\w\-])[A-Z]{1,3}\d{6,9}[A-Z]?(?![\w\-])")
_PASSPORT_SHAPE = re.compile(r"(?<![\w\-])[A-Z]{3}\d{6}(?![\w\-])")  # Spanish passports: AAA123456
# Collar, warrant and badge numbers after a rank, and the numbers listed with them
# ("PC 4471", "los agentes 87654 y 87655", "PCs 1187, 1190 and 1191").
_COLLAR = re.compile(
    r"\b(?:PCs?|PCSOs?|PS|DCs?|DS|DI|Sgts?|Insp|Ch\s?Insp|Csts?|Const|Constables?|Officers?|agentes?|agents?|ag\."
    r"|mossos?|ertzainas?|polic[ií]as?|guardias?|TIP|collar|warrant"
    r"|placas?|badge)\.?\s?(?:(?:no|n[ºo°]|núm|number)\.?\s?)?#?(\d{3,7}(?:\s*(?:,|y|e|and|&|/)\s*#?\d{3,7})*)\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"\d{3,7}")


def _compact(value: str) -> str:
    return re.sub(r"[\s.\-]", "", value).upper()


def identity_numbers(text: str) -> Iterator[Detection]:
    if not _DIGITS.search(text):
        return
    from stdnum import iban
    from stdnum.es import dni, nie

    for m in _DNI.finditer(text):
        yield Detection(m.start(), m.end(), ID)  # eight digits and a letter: a DNI even with a typo
        _ = dni.is_valid(_compact(m.group(0)))
    for m in _NIE.finditer(text):
        yield Detection(m.start(), m.end(), ID)
        _ = nie.is_valid(_compact(m.group(0)))
    for m in _NINO.finditer(text):
        raw = m.group(0)
        if raw.isupper() or raw.islower() or " " in raw:
            yield Detection(m.start(), m.end(), ID)
    for m in _IBAN.finditer(text):
        if iban.is_valid(_compact(m.group(0))) or (len(_compact(m.group(0))) >= 15 and m.group(0)[:2].isupper()):
            yield Detection(m.start(), m.end(), ID)
    for m in _LETTERS_AND_DIGITS_ID.finditer(text):
        yield Detection(m.start(), m.end(), ID)
    for m in _PPS.finditer(text):
        yield Detection(m.start(), m.end(), ID)
    for m in _PASSPORT_SHAPE.finditer(text):
        yield Detection(m.start(), m.end(), ID)
    for m in _KEYWORD_ID.finditer(text):
        # The value runs over the tokens that carry digits ("12 345 678 Z"), plus one check
        # letter right after them; it stops at the first word ("DNI 12345678 said").
        start = m.start(1)
        end = start
        seen_digit = False
        for token in re.finditer(r"[A-Za-z0-9][A-Za-z0-9.\-]*", m.group(1)):
            word = token.group(0)
            has_digit = _DIGITS.search(word) is not None
            if not has_digit and (not seen_digit or len(word) > 1):
                break
            seen_digit = seen_digit or has_digit
            end = start + token.end()
        if seen_digit and end > start:
            yield Detection(start, end, ID)
    for m in _COLLAR.finditer(text):
        for number in _NUMBER.finditer(m.group(1)):
            yield Detection(m.start(1) + number.start(), m.start(1) + number.end(), ID)


# --- vehicle plates ------------------------------------------------------------------------

_ES_CONSONANTS = "BCDFGHJKLMNPRSTVWXYZ"
_ES_PROVINCES = (
    "A|AB|AL|AV|B|BA|BI|BU|C|CA|CC|CE|CO|CR|CS|CU|GC|GE|GI|GR|GU|H|HU|IB|J|L|LE|LO|LU|M|MA|ML|MU|NA|O|OR"
    "|OU|P|PM|PO|S|SA|SE|SG|SO|SS|T|TE|TF|TO|V|VA|VI|Z|ZA"
)
_NOT_PLATE_TAIL = {
    "eur", "usd", "gbp", "utc", "gmt", "cet", "bst", "hrs", "min", "sec", "kmh", "kph", "mph", "lbs", "mts",
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "the", "and",
}
_PLATES = (
    # Spain since 2000: 1234 BCD, 1234-bcd, 1234bcd (consonants only, so "1234 ABC" words stay)
    re.compile(rf"(?<![\w\-])(?:E[\s\-]?)?\d{{4}}[\s\-]?[{_ES_CONSONANTS}]{{3}}(?![\w\-])", re.IGNORECASE),
    # Spain before 2000, with the province: M-1234-AB, GR 1234 BC, m-1234-ab, M-123456
    re.compile(rf"(?<![\w\-])(?:{_ES_PROVINCES})-\d{{4}}-?[A-Z]{{1,2}}(?![\w\-])", re.IGNORECASE),
    re.compile(rf"(?<![\w\-])(?:{_ES_PROVINCES}) \d{{4}} ?[A-Z]{{1,2}}(?![\w\-])"),
    re.compile(rf"(?<![\w\-])(?:{_ES_PROVINCES})-\d{{6}}(?![\w\-])", re.IGNORECASE),
    # United Kingdom: AB12 CDE, AB12CDE, ab12 cde; spaced "AB 12 CDE" only in capitals
    re.compile(r"(?<![\w\-])[A-Z]{2}\d{2} ?[A-Z]{3}(?![\w\-])", re.IGNORECASE),
    re.compile(r"(?<![\w\-])[A-Z]{2} \d{2} [A-Z]{3}(?![\w\-])"),
    # Northern Ireland: LEZ 7821, AXZ 4412, IJZ 123 (a two-letter code with I or Z, capitals)
    re.compile(
        r"(?<![\w\-])(?:[A-Z](?:AZ|BZ|CZ|DZ|EZ|FZ|GZ|HZ|IA|IB|IG|IJ|IL|IW|JI|JZ|KZ|LZ|MZ|NZ|OI|OZ|PZ|RZ|SZ|TZ|UI|UZ|WZ|XI|XZ|YZ)"
        r" ?\d{1,4}|(?:AZ|BZ|CZ|DZ|EZ|FZ|GZ|HZ|IA|IB|IG|IJ|IL|IW|JI|JZ|KZ|LZ|MZ|NZ|OI|OZ|PZ|RZ|SZ|TZ|UI|UZ|WZ|XI|XZ|YZ) ?\d{3,4})(?![\w\-])"
    ),
    # Spanish mopeds: C-1234-BCD
    re.compile(rf"(?<![\w\-])C[\s\-]?\d{{4}}[\s\-]?[{_ES_CONSONANTS}]{{3}}(?![\w\-])", re.IGNORECASE),
    # Ireland: 191-D-12345, 12 D 1234, 06-KY-1234
    re.compile(r"(?<![\w\-])\d{2,3}[\s\-](?:C|CE|CN|CW|D|DL|G|KE|KK|KY|L|LD|LH|LK|LM|LS|MH|MN|MO|OY|RN|SO|T|W|WH|WX|WW)[\s\-]\d{1,6}(?![\w\-])", re.IGNORECASE),
    # France, Italy: AB-123-CD, AB 123 CD, AB123CD (capitals)
    re.compile(r"(?<![\w\-])[A-Z]{2}[ \-]?\d{3}[ \-]?[A-Z]{2}(?![\w\-])"),
    # Netherlands, Portugal: 12-AB-34, AB-12-CD, 12-ABC-3 (capitals, with hyphens)
    re.compile(r"(?<![\w\-])(?=[A-Z\-]*\d)(?=[\d\-]*[A-Z])[A-Z\d]{1,3}-[A-Z\d]{2,3}-[A-Z\d]{1,2}(?![\w\-])"),
    # Germany: B-MW 1234, M-AB 123 (capitals)
    re.compile(r"(?<![\w\-])[A-ZÄÖÜ]{1,3}-[A-Z]{1,2} ?\d{1,4}[EH]?(?![\w\-])"),
)
_PLATE_KEYWORD = re.compile(
    r"\b(?:matr[ií]cula|plate|reg(?:istration)?(?:\s+(?:no|number|mark))?|vrm|index)\b\.?\s*(?:[:#]|is|es)?\s*"
    r"(\d{1,4}[ \-]?[A-Z]{1,3}|[A-Z]{1,3}[ \-]?\d{1,4}(?:[ \-]?[A-Z]{1,3})?|[A-Z0-9\-]{4,10})(?![\w\-])",
    re.IGNORECASE,
)


def plates(text: str) -> Iterator[Detection]:
    if not _DIGITS.search(text):
        return
    for pattern in _PLATES:
        for m in pattern.finditer(text):
            tail = re.sub(r"[^A-Za-z]", "", m.group(0)[-3:]).lower()
            if tail in _NOT_PLATE_TAIL:
                continue
            yield Detection(m.start(), m.end(), PLATE)
    for m in _PLATE_KEYWORD.finditer(text):
        value = m.group(1).rstrip(" -")
        if value.lower() in _NOT_PLATE_TAIL:
            continue
        if any(ch.isdigit() for ch in value) and any(ch.isalpha() for ch in value):
            yield Detection(m.start(1), m.start(1) + len(value), PLATE)


# --- quasi-identifiers: addresses, postcodes, dates of birth -------------------------------

_CAP = r"[A-ZÁÉÍÓÚÑÜÇŁŚŻŹĆŃÓÀÈÌÒÙÂÊÎÔÛ][\wÀ-ÿ'’.\-]*"
_ES_LINK = r"(?:(?:de|del|la|las|los|el|y|yr|an|na|d')\s+)*"
_ES_STREET = (
    r"(?:c/|cl\.|calle|avda\.?|avd\.?|avenida|av\.|plaza|pza\.?|pl\.|paseo|p[ºo°]\.|camino|ctra\.?|carretera"
    r"|ronda|glorieta|traves[ií]a|callej[oó]n|urbanizaci[oó]n|urb\.|pasaje|rambla|carrer|r[uú]a"
    # Welsh and Irish put the street word first too: Heol y Parc, Stryd Fawr, Bóthar na Trá
    r"|heol|ffordd|stryd|l[oô]n|b[oó]thar|sr[aá]id)"
)
_NUMBER_TAIL = r"(?:,?\s*(?:n[ºo°]\.?\s*)?\d{1,4}[A-Za-z]?(?:\s*(?:,|-)?\s*\d{1,2}\s*[ºª°]?\s*-?\s*[A-Za-z]?(?:\s*(?:izq|izda|dcha|dch|izqda|ctro)\.?)?)?)?"
_ES_ADDRESS = re.compile(
    rf"(?<![\w])(?:\d{{1,4}}[A-Za-z]?,?\s+)?(?i:{_ES_STREET})\s*{_ES_LINK}{_CAP}(?:\s+{_ES_LINK}{_CAP}){{0,4}}{_NUMBER_TAIL}"
)
# Spelt out, a street word makes an address even without a number ("Narborough Road"); the
# abbreviations (Rd, St, Dr ...) only after a house number ("14 Narborough Rd"), since "Dr" and
# "St" are also a doctor and a saint.
_EN_STREET = (
    r"(?:Street|Road|Avenue|Lane|Close|Drive|Way|Crescent|Terrace|Place|Gardens|Court|Grove|Square|Hill"
    r"|Row|Walk|Mews|Park|Rise|View|Parade|Estate|Boulevard|Wharf|Quay)"
)
_EN_STREET_SHORT = r"(?:St|Rd|Ave|Ln|Cl|Dr|Cres|Tce|Pl|Gdns|Ct|Gr|Sq|Blvd)"
_NUMBER_FIRST = r"(?:(?:(?i:flat|apartment|apt|unit|no\.?)\s*\d+[A-Za-z]?,?\s+)?\d{1,4}[A-Za-z]?,?\s+)"
_EN_ADDRESS = re.compile(
    rf"(?<![\w]){_NUMBER_FIRST}?(?:{_CAP}\s+){{1,3}}{_EN_STREET}\b"
    rf"|(?<![\w]){_NUMBER_FIRST}(?:{_CAP}\s+){{1,3}}{_EN_STREET_SHORT}\b\.?"
)
# A Spanish floor and door on their own: "3ºB", "2º izda", "4º 1ª".
_ES_FLOOR_DOOR = re.compile(r"(?<![\w])\d{1,2}\s?[ºª°]\s?(?:[A-Z]|\d[ªº]|izq(?:da|uierda)?|dcha|derecha|ctro)\b", re.IGNORECASE)
# A house number where the street is known: "living at number 40", "vive en el número 12".
_HOUSE_NUMBER = re.compile(r"(?<![\w])(?i:at|en el)\s+((?i:number|no\.|n[ºo°]|n[uú]m\.?|n[uú]mero)\s*\d{1,4}[A-Za-z]?)(?![\w])")
# A flat, floor or door on its own: "Flat 4B", "flat 2/1", "apartment 12", "piso 3", "planta 2".
_FLAT = re.compile(
    r"(?<![\w])(?i:flat|apartment|apt\.?|unit|piso|planta|puerta|pta\.?|fflat)\s*(?:(?i:no)\.?\s*)?"
    r"\d{1,3}[A-Za-z]?(?:\s?/\s?\d{1,2})?(?![\w/])"
)
_UK_POSTCODE = re.compile(r"(?<![\w\-])[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}(?![\w\-])")
_UK_POSTCODE_LOWER = re.compile(r"(?<![\w\-])[a-z]{1,2}\d[a-z\d]?\s+\d[a-z]{2}(?![\w\-])")
_EIRCODE = re.compile(r"(?<![\w\-])(?:[AC-FHKNPRTV-Y]\d{2}|D6W)\s?[0-9AC-FHKNPRTV-Y]{4}(?![\w\-])", re.IGNORECASE)
_ES_POSTCODE = re.compile(
    r"(?:(?<![\w])(?i:c\.?\s?p\.?|c[oó]digo postal)\s*:?\s*((?:0[1-9]|[1-4]\d|5[0-2])\d{3})(?!\d))"
    r"|(?<![\w.,\-])((?:0[1-9]|[1-4]\d|5[0-2])\d{3})(?=\s+[A-ZÁÉÍÓÚ][a-záéíóúñ]{2,})"
)

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
    "|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
)
_NUMERIC_DATE = r"\d{1,2}\s?[/.\-]\s?\d{1,2}\s?[/.\-]\s?(?:\d{4}|\d{2})"
_WORD_DATE = rf"\d{{1,2}}(?:st|nd|rd|th|º)?\s+(?:de\s+)?(?:{_MONTHS})\.?,?\s+(?:de\s+|del\s+)?\d{{4}}|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
_ISO_DATE = r"(?:19|20)\d{2}-\d{2}-\d{2}"
_ANY_DATE = re.compile(rf"(?<![\w/.\-])(?:{_NUMERIC_DATE}|{_WORD_DATE}|{_ISO_DATE})(?![\w/\-])", re.IGNORECASE)
_DOB_CONTEXT = re.compile(
    r"\b(?:dob|d\.o\.b|date of birth|born(?:\s+(?:on|in))?|b\.|fecha de nacimiento|f\.?\s?nac|nacid[oa](?:\s+(?:el|en))?|fdn|f\.n\.)\.?\s*[:\-]?\s*"
    rf"((?:{_NUMERIC_DATE}|{_WORD_DATE}|{_ISO_DATE}|(?:(?:{_MONTHS})\.?,?\s+(?:de\s+|del\s+|of\s+)?)?(?:19|20)\d{{2}}))(?![\w/\-])",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?:19|20)\d{2}|\d{2}$")
# A date this many years before the report is a date of birth or an old, identifying event.
DOB_MIN_AGE_YEARS = 12


_ES_STREET_HINT = re.compile(_ES_STREET, re.IGNORECASE)
_EN_STREET_HINT = re.compile(rf"\b(?:{_EN_STREET}|{_EN_STREET_SHORT})\b")


def quasi_identifiers(text: str, *, this_year: int | None = None) -> Iterator[Detection]:
    if _ES_STREET_HINT.search(text):
        for m in _ES_ADDRESS.finditer(text):
            yield Detection(m.start(), _trim(text, m.start(), m.end()), ADDRESS)
    for m in _EN_ADDRESS.finditer(text) if _EN_STREET_HINT.search(text) else ():
        words = m.group(0).split()
        # "DI Rob Lane", "Penny Lane": a name before the street word, and no number, is a person.
        if not _DIGITS.search(m.group(0)) and _looks_like_person(words[:-1]):
            continue
        yield Detection(m.start(), m.end(), ADDRESS)
    if _DIGITS.search(text):
        for m in _ES_FLOOR_DOOR.finditer(text):
            yield Detection(m.start(), m.end(), ADDRESS)
        for m in _FLAT.finditer(text):
            yield Detection(m.start(), m.end(), ADDRESS)
        for m in _HOUSE_NUMBER.finditer(text):
            yield Detection(m.start(1), m.end(1), ADDRESS)
        for pattern in (_UK_POSTCODE, _UK_POSTCODE_LOWER, _EIRCODE):
            for m in pattern.finditer(text):
                if any(ch.isalpha() for ch in m.group(0)) and any(ch.isdigit() for ch in m.group(0)):
                    yield Detection(m.start(), m.end(), POSTCODE)
        for m in _ES_POSTCODE.finditer(text):
            group = 1 if m.group(1) else 2
            yield Detection(m.start(group), m.end(group), POSTCODE)
        year_now = this_year or date.today().year
        for m in _DOB_CONTEXT.finditer(text):
            yield Detection(m.start(1), m.end(1), DOB)
        for m in _ANY_DATE.finditer(text):
            year = _year_of(m.group(0), year_now)
            if year is not None and year <= year_now - DOB_MIN_AGE_YEARS:
                yield Detection(m.start(), m.end(), DOB)


def _looks_like_person(words: list[str]) -> bool:
    from incident_log.redaction import lexicon
    from incident_log.redaction.names import TITLES

    return any(w.lower().rstrip(".") in TITLES or lexicon.is_given_name(w) for w in words)


def _year_of(value: str, year_now: int) -> int | None:
    four = re.search(r"(?:19|20)\d{2}", value)
    if four:
        return int(four.group(0))
    two = re.search(r"(\d{2})$", value.strip())
    if two:
        year = 2000 + int(two.group(1))
        return year if year <= year_now else year - 100
    return None


def detect(text: str, *, this_year: int | None = None) -> list[Detection]:
    """Every detection in ``text`` (overlaps included: the apply stage keeps the longest)."""
    out: list[Detection] = []
    out.extend(emails_handles_links(text))
    out.extend(identity_numbers(text))
    out.extend(phones(text))
    out.extend(spoken_numbers(text))
    out.extend(plates(text))
    out.extend(quasi_identifiers(text, this_year=this_year))
    return [d for d in out if d.end > d.start]
