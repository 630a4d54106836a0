"""Stage 1 of redaction, **find**: every span of a text that may identify someone, with its class.

Nothing is decided here: each ``Finding`` says what was found (a registered name, a variant of
one, a phone, an address, an unknown capitalised word ...) and who it belongs to, if anyone;
``decide`` turns findings into replacements and ``apply`` writes them.

What is found:

- **registered forms**: every name part and ordered selection of parts of every person (and
  author), folded (José = Jose = JOSÉ), with particles attached or glued ("O'Briain",
  "DELAFUENTE"), ü written ue, Mc/Mac, possessives; all in one trie-shaped regular expression;
- **variants** of registered parts: abbreviations (Fdez., Mª, Mohd), initials of a registered
  person (J.N., J. N.), one-letter misspellings (bounded Damerau-Levenshtein) and sound-alikes
  (Metaphone), looked up once per distinct word;
- **detections** (``detectors``): phones, identity numbers, plates, e-mails, handles, links,
  addresses, postcodes, dates of birth;
- **candidates**: capitalised words (or a rank/honorific and the word after it) that are neither
  registered nor ordinary words of the incident's languages (``lexicon``).

Common-word names are case-aware: a registered "Hope" is found when capitalised or in capitals,
never as the lowercase word; at the start of a sentence it is found and marked ``ambiguous`` so
the review lists it.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from incident_log.redaction import detectors, lexicon
from incident_log.redaction.fold import Folded, fold, fold_with_map
from incident_log.redaction.lexicon import is_common_word
from incident_log.redaction.names import PARTICLES, ROLE_WORDS, TITLES, can_stand_alone, forms, key_of, parts
from incident_log.redaction.pattern import SEP, digit_atoms, name_atoms, trie_branches, trie_regex

# Finding classes (what the review shows in its "class" column).
REGISTERED = "registered"  # a registered name or alias, or a form of one
VARIANT = "variant"  # an abbreviation, initials, misspelling or sound-alike of a registered part
REGISTERED_PHONE = "registered phone"
CANDIDATE = "candidate"  # a capitalised word that is neither registered nor an ordinary word
TERM = "term"  # a word the officer decided to redact
DETECTOR_CLASSES = (
    detectors.PHONE,
    detectors.ID,
    detectors.PLATE,
    detectors.EMAIL,
    detectors.HANDLE,
    detectors.LINK,
    detectors.ADDRESS,
    detectors.POSTCODE,
    detectors.DOB,
)

NSD_LENGTH = 9  # a phone is matched on its last nine digits (national significant number)
MIN_PHONE_DIGITS = 6

_AFTER_FIRST = r"(?<![^\W\d_].)"  # nothing glued in front (checked after the first character)
_AT_END = r"(?![^\W\d_])"
_PHONE_PREFIX = r"(?<!\d)\(?(?:(?:\+|00)\s*(?:\d[\s.\-/()]{0,2}){1,5}?|\d{1,3}(?=\d)|0[\s.\-/()]{0,2})?"
# Between glued name parts ("O'Briain", "DelaFuente", "Al-Rashid"): maybe nothing.
_GLUE = "\x00glue"
_GLUE_RE = r"[\s.\-'’]*"
_WORD = re.compile(r"[^\W\d_][\w'’ªº]*\.?")
_INITIALS = re.compile(r"(?<![\w.])([^\W\d_])\.\s?([^\W\d_])\.?(?:\s?([^\W\d_])\.?)?(?![\w])")
# Initials right before a name ("T. Ibarra"); a letter after a combining accent ends a word
# (NFD "aàa. "), it is no initial.
_INITIALS_BEFORE = re.compile(r"(?<![^\W\d_])(?<![\u0300-\u036f])(?:[^\W\d_]\.\s?){1,3}$")
_HAS_DIGIT = re.compile(r"\d")
_POSSESSIVE = re.compile(r"['’]s$")
_SENTENCE_END = set(".!?…•*\n\r")
_QUOTES = set("\"'“”«»‘’([{¡¿-–—")
# At the start of a sentence a known surname is a name below this frequency ("Ibarra called"),
# a word above it ("Ransom of 1.5 million...").
SENTENCE_START_SURNAME_ZIPF = 3.8
# At the start of a sentence an unknown word is a name only when it is rare indeed ("Debriefing"
# is a word there; "Brzęczyszczykiewicz" is not).
RARE_AT_SENTENCE_START_ZIPF = 2.5
_MONTHS_DAYS = frozenset(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday enero febrero marzo abril mayo junio julio
    agosto septiembre octubre noviembre diciembre lunes martes miercoles jueves viernes sabado domingo""".split()
)
# Honorifics and ranks after which the next capitalised word is somebody's name.
_TITLE_BEFORE_NAME = TITLES | frozenset(
    "d dna dña don doña sr sres srs ms mrs mr pc pcso ps dc ds di dci insp sgt ch supt cpt".split()
)
# Words of the program's own forms and detectors: never a name, whatever the lists say ("Iban").
_NEVER_NAMES = frozenset(
    "dni nie nif iban nino pps nhs dob tip id ok sos pc dc ds ps di tel fax mob movil email".split()
)
_UNSPACED_SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "THAI", "LAO", "KHMER", "MYANMAR", "TIBETAN")


@dataclass(frozen=True, slots=True)
class Identity:
    """Someone to hide: the label that replaces them, their names, phones and person key."""

    label: str
    names: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    key: str = ""


@dataclass(frozen=True, slots=True)
class Finding:
    """One span that may identify someone. ``value`` is the folded key decisions are keyed on."""

    start: int
    end: int
    cls: str
    value: str
    owners: frozenset[str] = frozenset()  # labels of the registered people it belongs to
    ambiguous: bool = False  # a common word at the start of a sentence: listed for the officer
    display: str = ""  # the registered form behind it (review only)

    @property
    def length(self) -> int:
        return self.end - self.start


@dataclass
class _Form:
    owners: set[str] = field(default_factory=set)
    display: str = ""
    common: bool = False  # one part that is also an ordinary word: case-aware
    # The part when it is one part of a person's name: in lowercase it may be a word of the
    # sentence's language ("paz", "pau"), asked only when such a lowercase occurrence is found.
    part: str = ""


# Sentences for the language of a word: quotes and colons start a new one ("Says: «No vull...»").
_SENTENCE = re.compile(r"[^.!?…\n\"“”«»„:;()]+")
_LETTERS = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")
# A contraction, not a name: "Ah'm", "Mae'r", "Ah've", "Dw'i" (a name has a capital after it: O'Neill).
_NEXT_WORD = re.compile(r" ([^\W\d_]+)\b")
_CONTRACTION = re.compile(r"^[^\W\d_]{1,4}['’][a-z]{1,2}$")


class _Sentences:
    """The languages of the sentences of one text, computed when a word first asks."""

    def __init__(self, text: str) -> None:
        self._spans = [(m.start(), m.end()) for m in _SENTENCE.finditer(text)]
        self._starts = [start for start, _ in self._spans]
        self._text = text
        self._langs: dict[int, tuple[str, ...]] = {}

    def langs(self, position: int) -> tuple[str, ...]:
        index = bisect_right(self._starts, position) - 1
        if index < 0:
            return lexicon.LANGUAGES
        found = self._langs.get(index)
        if found is None:
            start, end = self._spans[index]
            words = tuple(m.group(0).lower() for m in _LETTERS.finditer(self._text, start, end))
            found = lexicon.sentence_languages(words)
            if found == lexicon.LANGUAGES and len(self._spans) > 1:
                # A short sentence says too little: the whole text's language then ("Deixeu-me
                # en pau, si us plau" after "No vull parlar amb ningú").
                whole = tuple(m.group(0).lower() for m in _LETTERS.finditer(self._text))
                found = lexicon.sentence_languages(whole)
            self._langs[index] = found
        return found


def national_digits(phone: str) -> str | None:
    digits = "".join(ch for ch in fold(phone) if ch.isdigit())
    if len(digits) < MIN_PHONE_DIGITS:
        return None
    return digits[-NSD_LENGTH:]


def at_sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and (text[i] in " \t" or text[i] in _QUOTES):
        i -= 1
    return i < 0 or text[i] in _SENTENCE_END


def _case_of(word: str) -> str:
    if word.isupper():
        return "upper" if sum(ch.isalpha() for ch in word) > 1 else "title"
    for ch in word:
        if ch.isalpha():
            if ch.isupper():
                return "title"
            # A script without capitals (Arabic, Hebrew, CJK) says nothing by its case.
            return "lower" if ch.islower() else "none"
    return "none"


def _mostly_capitals(text: str) -> bool:
    if text.islower() or not any(ch.isupper() for ch in text[:200]):
        return False
    letters = sum(map(str.isalpha, text))
    return letters >= 12 and sum(map(str.isupper, text)) >= 0.8 * letters


def _unspaced(ch: str) -> bool:
    return ord(ch) >= 0x0E00 and unicodedata.name(ch, "").startswith(_UNSPACED_SCRIPTS)


def _name_variants(part: str) -> list[str]:
    """Spellings people type for one part: ü as ue, Mc as Mac and back."""
    out: list[str] = []
    low = part.lower()
    umlauts = {"ä": "ae", "ö": "oe", "ü": "ue"}
    if any(ch in low for ch in umlauts):
        out.append("".join(umlauts.get(ch, ch) for ch in low))
    for digraph, single in (("ae", "ä"), ("oe", "ö"), ("ue", "ü")):
        if digraph in low[1:]:
            out.append(low.replace(digraph, single))
    if low.startswith("mc") and len(low) > 3:
        out.append("mac" + low[2:])
    elif low.startswith("mac") and len(low) > 4:
        out.append("mc" + low[3:])
    return out


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


class Finder:
    """Finds identities in texts. Built once per report from the incident's identities."""

    def __init__(
        self,
        identities: Sequence[Identity],
        *,
        extra_terms: Iterable[str] = (),
        kept: Iterable[str] = (),
        attached: Mapping[str, str] | None = None,
        this_year: int | None = None,
    ) -> None:
        self.this_year = this_year
        self._forms: dict[str, _Form] = {}
        self._parts: dict[str, set[str]] = {}  # folded standalone part -> owners
        self._part_particles: dict[str, set[str]] = {}  # label -> folded particles of their names
        self._initials: dict[str, set[str]] = {}
        self._phones: dict[str, set[str]] = {}
        self._phone_display: dict[str, str] = {}
        self._terms: set[str] = set()
        self.kept: frozenset[str] = frozenset(key_of(k) for k in kept if key_of(k))
        self._variant_cache: dict[str, frozenset[str] | None] = {}
        self._cache: dict[str, list[Finding]] = {}  # findings of the learning pass, by text
        self._learned: dict[str, bool] = {}  # learned candidate key -> case-aware
        self._learned_re: re.Pattern[str] | None = None
        self.registered_names: list[tuple[str, str]] = []  # (label, name) for the independent check
        spaced: list[list[str]] = []
        unspaced: list[list[str]] = []

        def add_form(owner: str, form: Sequence[str]) -> None:
            key = key_of("".join(form))
            if not key or key in self.kept:
                return
            record = self._forms.setdefault(key, _Form(display=" ".join(form)))
            record.owners.add(owner)
            if len(form) == 1 and owner:
                # Case-aware only for people's names: a word the officer chose to hide is
                # hidden in every case.
                record.common = record.common or is_common_word(form[0])
                record.part = record.part or form[0]
            atoms = name_atoms([fold(p) for p in form])
            (unspaced if any(_unspaced(ch) for ch in key) else spaced).append(atoms)
            if len(form) > 1:
                spaced.append([_GLUE if atom == SEP else atom for atom in atoms])

        for identity in identities:
            for name in identity.names:
                self.registered_names.append((identity.label, name))
                name_parts = parts(name)
                for form in forms(name):
                    add_form(identity.label, form)
                for index, part in enumerate(name_parts):
                    folded_part = fold(part)
                    edge = index in (0, len(name_parts) - 1)
                    if can_stand_alone(part):
                        self._parts.setdefault(key_of(part), set()).add(identity.label)
                    elif letters_in(part) >= 1 and len(name_parts) > 1 and folded_part.rstrip(".") not in TITLES:
                        self._part_particles.setdefault(identity.label, set()).add(key_of(part))
                        # A real part of this person's name that looks like a particle (Lê, Al,
                        # Van, Del as a given name or surname): hidden alone, case-aware.
                        if (
                            edge
                            and part[:1].isupper()
                            and letters_in(part) >= 2
                            and folded_part not in TITLES
                            and folded_part not in ROLE_WORDS
                        ):
                            add_form(identity.label, (part,))
                    for variant in _name_variants(part):
                        add_form(identity.label, (variant,))
                    low = folded_part
                    for prefix in ("mac", "mc"):
                        # "McDonagh" is also written "Mc Donagh" and "Mac Donagh"
                        if low.startswith(prefix) and len(low) > len(prefix) + 2:
                            rest = part[len(prefix) :]
                            add_form(identity.label, ("Mc", rest))
                            add_form(identity.label, ("Mac", rest))
                standalone = [p for p in name_parts if can_stand_alone(p)]
                if len(standalone) >= 2:
                    first, last = standalone[0][0], standalone[-1][0]
                    combos = {first + last, "".join(p[0] for p in standalone)}
                    for combo in combos:
                        self._initials.setdefault(fold(combo), set()).add(identity.label)
            for phone in identity.phones:
                nsd = national_digits(phone)
                if nsd is not None:
                    self._phones.setdefault(nsd, set()).add(identity.label)
                    self._phone_display.setdefault(nsd, phone)
        for variant, label in (attached or {}).items():
            for form in forms(variant) or [(variant,)]:
                add_form(label, form)
            self.registered_names.append((label, variant))
        for term in extra_terms:
            term = term.strip()
            if not term:
                continue
            nsd = national_digits(term) if re.fullmatch(r"[\d\s.\-/()+]+", term) else None
            if nsd is not None:
                self._phones.setdefault(nsd, set()).add("")
            else:
                self._terms.add(key_of(term))
                add_form("", tuple(parts(term)) or (term,))
                self.registered_names.append(("", term))

        branches = trie_branches(spaced, _AFTER_FIRST, _AT_END) + trie_branches(unspaced)
        pattern = "|".join(branches) or r"(?!x)x"
        self._name_re = re.compile(pattern.replace(re.escape(_GLUE), _GLUE_RE).replace(_GLUE, _GLUE_RE))
        phone_trie = trie_regex(digit_atoms(nsd) for nsd in self._phones)
        self._phone_re = re.compile(_PHONE_PREFIX + "(?:" + phone_trie + r")(?!\d)")
        self._part_list = sorted(self._parts)

    # -- the register -----------------------------------------------------------------------

    def phone_display(self, nsd: str) -> str:
        return self._phone_display.get(nsd, "")

    def form_display(self, key: str) -> str:
        record = self._forms.get(key)
        return record.display if record else ""

    def is_registered_word(self, word: str) -> bool:
        return key_of(word) in self._forms

    # -- finding ------------------------------------------------------------------------------

    def learn(self, texts: Iterable[str]) -> None:
        """A first pass over every text of the report: an unknown name hidden in one place is
        hidden everywhere (in lowercase too, unless it is also an ordinary word), so the copy
        never shows at a sentence start the name it hid in the middle of another.

        The findings of this pass are kept and reused by :meth:`find` (the report's own pass).
        """
        learned: dict[str, str] = {}
        for text in texts:
            if not text or text in self._cache:
                continue
            found = self._cache[text] = self._find(text)
            for finding in found:
                if finding.cls == CANDIDATE and finding.value not in self.kept:
                    learned.setdefault(finding.value, text[finding.start : finding.end])
        atoms = []
        self._learned = {}
        for key, value in learned.items():
            value_parts = parts(value)
            if not value_parts:
                continue
            atoms.append(name_atoms([fold(p) for p in value_parts]))
            self._learned[key] = len(value_parts) == 1 and lexicon.is_ordinary(value)
        branches = trie_branches(atoms, _AFTER_FIRST, _AT_END)
        self._learned_re = re.compile("|".join(branches)) if branches else None

    def find(self, text: str) -> list[Finding]:
        """Every finding in ``text``, overlapping ones included (``apply`` keeps the longest)."""
        if not text:
            return []
        found = self._cache.get(text)
        if found is None:
            found = self._find(text)
        if self._learned_re is None:
            return found
        # A phrase the officer kept keeps its words: a name learned elsewhere ("Segovia") is
        # not hidden inside the kept "Puente de Segovia".
        kept = [(f.start, f.end) for f in found if f.value in self.kept]
        learned = self._learned_in(text)
        if kept:
            learned = [f for f in learned if not any(s <= f.start and f.end <= e for s, e in kept)]
        return found + learned

    def _learned_in(self, text: str) -> list[Finding]:
        assert self._learned_re is not None
        folded = fold_with_map(text)
        out = []
        for match in self._learned_re.finditer(folded.text):
            key = key_of(match.group(0))
            if key not in self._learned:
                continue
            start, end = folded.span(*match.span())
            if self._learned[key] and _case_of(text[start:end]) in ("lower", "none"):
                continue  # "the water rose": the word, where "Rose" was a name
            out.append(Finding(start, end, CANDIDATE, key))
        return out

    def _find(self, text: str) -> list[Finding]:
        folded = fold_with_map(text)
        out: list[Finding] = []
        capitals_text = _mostly_capitals(text)
        sentences = _Sentences(text)
        if self._forms:
            out.extend(self._registered(text, folded, capitals_text, sentences))
        if self._phones and _HAS_DIGIT.search(folded.text):
            out.extend(self._registered_phones(folded))
        for detection in detectors.detect(text, this_year=self.this_year):
            value = key_of(text[detection.start : detection.end]) or text[detection.start : detection.end]
            out.append(Finding(detection.start, detection.end, detection.kind, value))
        covered = [(f.start, f.end) for f in out]
        out.extend(self._initials_found(text))
        words = self._words(text, covered, capitals_text, sentences)
        registered = [f for f in out if f.cls == REGISTERED and f.owners]
        out.extend(_narrowed(f, registered, text) for f in words)
        return out

    def _registered(self, text: str, folded: Folded, capitals_text: bool, sentences: _Sentences) -> list[Finding]:
        out = []
        for match in self._name_re.finditer(folded.text):
            key = key_of(match.group(0))
            record = self._forms.get(key)
            if record is None:
                continue
            start, end = folded.span(*match.span())
            original = text[start:end]
            ambiguous = False
            case = _case_of(original)
            # Only a script with capitals says "this is the word": Arabic has no lowercase.
            if record.part and case == "lower":
                if any(lexicon.is_word_in(record.part, lang) for lang in sentences.langs(start)):
                    continue  # "un jersey rosa", "la paz de la casa": the word of that language
            if record.common:
                if case == "lower" or case == "none":
                    continue  # "no hope left": the word, not the person
                if at_sentence_start(text, start) or (case == "upper" and capitals_text):
                    ambiguous = True
                    after = _NEXT_WORD.match(text, end)
                    if case == "title" and after is not None and lexicon.reads_as_word_before(after.group(1)):
                        continue  # "Will meet her", "Grace period": the word
            owners = frozenset(record.owners)
            cls = TERM if owners == {""} else REGISTERED
            if cls == REGISTERED:
                initials = _INITIALS_BEFORE.search(text, max(0, start - 9), start)
                if initials is not None:
                    start = initials.start()
            out.append(Finding(start, end, cls, key, owners - {""}, ambiguous, record.display))
        return out

    def _registered_phones(self, folded: Folded) -> list[Finding]:
        out = []
        for match in self._phone_re.finditer(folded.text):
            digits = "".join(ch for ch in match.group(0) if ch.isdigit())
            nsd = max((d for d in self._phones if digits.endswith(d)), key=len, default="")
            owners = frozenset(self._phones.get(nsd, ())) - {""}
            start, end = folded.span(*match.span())
            cls = REGISTERED_PHONE if owners else TERM
            out.append(Finding(start, end, cls, nsd, owners, display=self._phone_display.get(nsd, "")))
        return out

    def _initials_found(self, text: str) -> list[Finding]:
        if not self._initials or "." not in text:
            return []
        out = []
        for m in _INITIALS.finditer(text):
            letters_found = "".join(g for g in m.groups() if g)
            if not letters_found.isupper():
                continue
            owners = self._initials.get(fold(letters_found))
            if owners:
                out.append(Finding(m.start(), m.end(), VARIANT, fold(letters_found), frozenset(owners)))
        return out

    def variant_owners(self, word: str) -> frozenset[str] | None:
        """Whose registered part ``word`` abbreviates, misspells or sounds like (None: nobody's)."""
        key = key_of(word)
        if key in self._variant_cache:
            return self._variant_cache[key]
        found = self._variant_uncached(word, key)
        self._variant_cache[key] = found
        return found

    def _variant_uncached(self, word: str, key: str) -> frozenset[str] | None:
        if len(key) < 2 or not self._parts:
            return None
        abbreviated = word.endswith(".") or "ª" in word or "º" in word
        ordinary = lexicon.is_ordinary(word.rstrip("."))
        owners: set[str] = set()
        if (abbreviated and len(key) >= 2) or (not ordinary and len(key) >= 3):
            for part in self._part_list:
                if len(part) > len(key) and part[0] == key[0] and part[-1] == key[-1] and _is_subsequence(key, part):
                    owners |= self._parts[part]
                elif abbreviated and len(key) >= 3 and part.startswith(key) and len(part) > len(key):
                    owners |= self._parts[part]
        if owners:
            return frozenset(owners)
        if ordinary or len(key) < 5 or lexicon.is_known_name(word):
            return None
        import jellyfish

        sound = jellyfish.metaphone(key)
        for part in self._part_list:
            if abs(len(part) - len(key)) > 2 or len(part) < 5:
                continue
            limit = 2 if min(len(part), len(key)) >= 9 else 1
            distance = jellyfish.damerau_levenshtein_distance(key, part)
            sounds_alike = (
                distance <= 2 and abs(len(part) - len(key)) <= 1 and part[:2] == key[:2]
                and jellyfish.metaphone(part) == sound
            )
            if distance <= limit or sounds_alike:
                owners |= self._parts[part]
        return frozenset(owners) if owners else None

    def _words(
        self, text: str, covered: list[tuple[int, int]], capitals_text: bool, sentences: _Sentences
    ) -> list[Finding]:
        """Variants and candidates among the words no registered form or detector took."""
        out: list[Finding] = []
        run: list[tuple[int, int]] = []  # a candidate name run being built: [start, end] of words
        run_strong = False
        previous_title = False
        previous_end = -1
        previous_letters = 0

        def close_run() -> None:
            nonlocal run, run_strong
            if run and run_strong:
                start, end = run[0][0], run[-1][1]
                if not _is_place(text, start, end):
                    out.append(Finding(start, end, CANDIDATE, key_of(text[start:end])))
            run, run_strong = [], False

        covered = sorted(covered)
        cursor = 0  # covered spans that end before the current word are behind us
        for match in _WORD.finditer(text):
            start, end = match.span()
            word = match.group(0)
            first = word[0]
            if first.islower() and not run:
                # The common case, a lowercase word with no name run open: nothing to do.
                previous_end = end
                previous_title = False
                continue
            bare = word.rstrip("._")
            if "'" in bare or "’" in bare:
                bare = _POSSESSIVE.sub("", bare).rstrip("'’")
            if not bare or not bare.isalpha() and any(ch.isdigit() for ch in bare):
                previous_end = start + len(word)
                close_run()
                continue
            end = start + len(bare)
            gap = text[previous_end:start] if previous_end >= 0 else ""
            joined = previous_end >= 0 and len(gap) <= 2 and gap.strip(" .") in ("", "-") and "\n" not in gap
            if joined and "." in gap and previous_letters > 2:
                joined = False  # "Kowalczyk. Brzęczyszczykiewicz": a sentence ends; "J. Okonkwo" is one name
            previous_letters = letters_in(bare)
            previous_end = end
            while cursor < len(covered) and covered[cursor][1] <= start:
                cursor += 1
            if cursor < len(covered) and covered[cursor][0] < end:
                close_run()
                previous_title = False
                continue
            key = fold(bare)
            case = _case_of(bare)
            is_title = key.rstrip(".") in _TITLE_BEFORE_NAME
            if case == "none" and bare.isalpha() and not _unspaced(bare[0]) and lexicon.is_known_name(bare):
                # A script without capitals (Arabic, Hebrew): case cannot say "a name", the
                # name lists can ("سارة خليل").
                if run and not joined:
                    close_run()
                run.append((start, end))
                run_strong = True
                previous_title = False
                continue
            if case == "lower" or case == "none":
                if run and joined and key in PARTICLES and len(run) > 0:
                    continue  # "Puente de Segovia", "Gil de Biedma": the particle joins the run
                close_run()
                previous_title = False
                continue
            if is_title:
                close_run()
                previous_title = True
                continue
            if key_of(bare) in self.kept:
                close_run()
                previous_title = False
                continue
            variant = self.variant_owners(word if word.endswith(".") else bare)
            if variant:
                close_run()
                vend = end + 1 if word.endswith(".") and end < len(text) and text[end] == "." else end
                out.append(Finding(start, vend, VARIANT, key_of(bare), variant))
                previous_title = False
                continue
            strength = self._name_strength(text, start, bare, key, case, capitals_text, previous_title and joined)
            if strength:
                # Only a word that English and Spanish would take for a name asks for the
                # sentence's language (which may load another word list).
                langs = sentences.langs(start)
                if langs != lexicon.LANGUAGES:
                    strength = self._name_strength(
                        text, start, bare, key, case, capitals_text, previous_title and joined, langs
                    )
            previous_title = False
            if strength == 0:
                close_run()
                continue
            if run and not joined:
                close_run()
            run.append((start, end))
            run_strong = run_strong or strength == 2
        close_run()
        return out

    def _name_strength(
        self,
        text: str,
        start: int,
        word: str,
        key: str,
        case: str,
        capitals_text: bool,
        after_title: bool,
        langs: tuple[str, ...] = lexicon.LANGUAGES,
    ) -> int:
        """2: a name on its own; 1: a name only next to one (a common surname); 0: not a name.

        Frequencies are read in English, Spanish and the languages of the word's sentence, so
        that a quoted Catalan or Vietnamese sentence keeps its words."""
        singular = key[:-1] if key.endswith("s") else key
        if key in _MONTHS_DAYS or key in _NEVER_NAMES or letters_in(word) < 2:
            return 0
        if _CONTRACTION.match(word) and not after_title:
            return 0
        if singular in ROLE_WORDS or key in ROLE_WORDS or key in TITLES or singular in TITLES:
            return 0
        if self.is_registered_word(word):
            return 0  # a registered common word written in lowercase context; handled above
        known_given = lexicon.is_given_name(word)
        known_surname = lexicon.is_surname(word)
        score = lexicon.zipf_with(word, langs)
        if after_title:
            # "Sra. Gil", "Insp Kowalski", "DC Hope": a name; "Guardia Civil", "Inspector Jefe": words.
            return 2 if known_given or known_surname or score < lexicon.ORDINARY_ZIPF else 0
        ambiguous_position = at_sentence_start(text, start) or (case == "upper" and capitals_text)
        if case == "upper" and not capitals_text and len(key) <= 3:
            return 0  # an acronym: ARV, GEO, TFC
        if case == "upper" and not known_given and not known_surname and len(key) <= 5:
            return 0  # an acronym: SAMUR, CCTV, UDEV
        if ambiguous_position:
            after = _NEXT_WORD.match(text, start + len(word))
            if (
                case == "title"
                and score >= lexicon.ORDINARY_ZIPF
                and after is not None
                and lexicon.reads_as_word_before(after.group(1))
            ):
                return 0  # "Grace period of one hour", "Rose bushes": the word
            if (
                known_given
                and score < lexicon.FUNCTION_WORD_ZIPF
                and not lexicon.english_word(word)
            ):
                return 2
            if known_surname and score < SENTENCE_START_SURNAME_ZIPF:
                return 2
            if not known_given and not known_surname and score < RARE_AT_SENTENCE_START_ZIPF and len(key) >= 4:
                return 2
            return 1 if (known_given or known_surname) and score < lexicon.FUNCTION_WORD_ZIPF else 0
        if known_given:
            return 2
        if known_surname:
            return 2 if score < lexicon.COMMON_SURNAME_ZIPF else 1
        if score < lexicon.ORDINARY_ZIPF:
            return 2
        return 0

    def particles_of(self, label: str) -> frozenset[str]:
        return frozenset(self._part_particles.get(label, ()))


# Words that make the capitalised words before them a place or an institution, not a person:
# "Morriston Hospital", "Kennedy Centre", "Lloyd House", "Edgbaston Reservoir", "Royal Welsh
# Show". Spanish and Catalan put them first ("Hospital Clínico", "Estación de Atocha"); those
# words are ordinary, so the run after them is already read as words.
_PLACE_WORDS = (
    r"(?:Hospital|Infirmary|Clinic|Surgery|Hospice|Centre|Center|Show|Line|Grammar|School|Academy|College"
    r"|University|Reservoir|House|Hall|Station|Airport|Stadium|Arena|Park|Church|Chapel|Mosque|Cathedral|Abbey"
    r"|Temple|Synagogue|Gurdwara|Court|Prison|Hotel|Bank|Barracks|Bridge|River|Lake|Loch|Library|Museum|Theatre"
    r"|Tower|Market|Services|Ward|Council|Police|Constabulary|Trust|Club|FC|GAA|Retail|Leisure|Primary|Estate"
    r"|Valley|Forest|Woods|Beach|Bay|Harbour|Marina|Quay|Dock|Motors|Garage|Pharmacy|Chemist)"
)
# Up to two more capitalised words may stand between ("Royal Welsh Show", "Queen Elizabeth University Hospital").
_PLACE_AFTER = re.compile(rf"(?:[ \-][A-Z][\w'’]*){{0,2}}[ \-]{_PLACE_WORDS}\b")
_PLACE_LAST = re.compile(rf"(?:^|[ \-]){_PLACE_WORDS}$")
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w'’]*[ \-]$")


# A colour next to a capitalised word makes it a vehicle ("a silver Skoda", "blue Corsa",
# "Seat León gris"): nobody writes a colour beside a person's name.
# English puts the colour first, Spanish and Catalan after ("Kowalski red faced" is a person).
_COLOUR_BEFORE = re.compile(
    r"(?<![\w])(?:white|black|silver|grey|gray|blue|red|green|yellow|orange|brown|maroon|beige|navy|purple) $"
)
_COLOUR_AFTER = re.compile(
    r" (?:blanco|blanca|negro|negra|gris|azul|rojo|roja|verde|amarillo|amarilla|plateado|plateada|granate"
    r"|blanc|negre|vermell)\b"
)


def _is_place(text: str, start: int, end: int) -> bool:
    """The run is (part of) the name of a place or a thing: a place word follows it, or ends
    it after another capitalised word ("Lloyd House", "the Language Line"); a colour stands
    beside it ("a silver Skoda")."""
    if _PLACE_AFTER.match(text, end) is not None:
        return True
    if _COLOUR_BEFORE.search(text, max(0, start - 12), start) or _COLOUR_AFTER.match(text, end):
        return True
    if _PLACE_LAST.search(text[start:end]) is None:
        return False
    return " " in text[start:end].strip() or _CAPITALISED_BEFORE.search(text, max(0, start - 30), start) is not None


def _narrowed(finding: Finding, registered: list[Finding], text: str) -> Finding:
    """A variant that fits several people takes the one named right beside it ("Mª José")."""
    if finding.cls != VARIANT or len(finding.owners) < 2:
        return finding
    for other in registered:
        gap = text[finding.end : other.start] if other.start >= finding.end else text[other.end : finding.start]
        if len(gap) <= 4 and not gap.strip(" .,-"):
            common = finding.owners & other.owners
            if len(common) == 1:
                return Finding(finding.start, finding.end, finding.cls, finding.value, frozenset(common))
    return finding


def letters_in(word: str) -> int:
    return sum(1 for ch in word if ch.isalpha())
