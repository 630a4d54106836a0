"""What counts as an ordinary word, and what counts as a known given name or surname.

Data, not matching: the finder and the independent check both ask these questions, and neither
shares the other's matching code.

- **Ordinary words** come from ``wordfreq`` (word frequencies of English and Spanish, the
  languages of the cells that use the program). Its frequencies count tokens, so frequent
  *names* are frequent too ("john" scores like "hope"); that is why the second list exists.
- **Known names** are the given-name and surname lists of Faker's person providers, in all of
  its ~80 locales (Spanish, British, Irish, Polish, Vietnamese, Arabic ... about 60,000 names).
  They are loaded once, in ~0.1 s, only when a report is made.

A word is *ambiguous* when it is both a known name and an ordinary word ("Hope", "Will",
"Grace", "Page"): the finder then decides by case and position, never by the word alone.
"""

from __future__ import annotations

import importlib
import pkgutil
import threading
from functools import lru_cache

from incident_log.redaction.fold import fold
from incident_log.redaction.names import PARTICLES, PATRONYMIC_PARTICLES

LANGUAGES = ("en", "es")

# Zipf frequency (log10 of occurrences per billion words) at or above which a word is ordinary.
ORDINARY_ZIPF = 3.0
# A surname only (not a given name) this frequent is a word first ("Street", "Held", "Kind").
COMMON_SURNAME_ZIPF = 4.5
# A word this frequent at the start of a sentence is read as the word ("Will he...", "May I...").
FUNCTION_WORD_ZIPF = 5.5

_lock = threading.Lock()
_given: frozenset[str] | None = None
_surnames: frozenset[str] | None = None


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """The word's highest Zipf frequency in the incident languages (0 when unknown)."""
    from wordfreq import zipf_frequency

    lowered = word.lower()
    return max(zipf_frequency(lowered, lang) for lang in LANGUAGES)


LANGUAGE_SPECIFIC_MARGIN = 1.2


@lru_cache(maxsize=65536)
def english_word(word: str) -> bool:
    """A very common English word that is far more frequent in English than in Spanish, French
    and German ("Hope", "June", "Summer", "May"): names are about as frequent in all of them,
    and a name of one community (Tomás, Cerys) is rare overall."""
    from wordfreq import zipf_frequency

    english = zipf_frequency(word.lower(), "en")
    others = max(zipf_frequency(word.lower(), lang) for lang in ("es", "fr", "de"))
    return english >= 4.5 and english - others >= LANGUAGE_SPECIFIC_MARGIN


def is_ordinary(word: str) -> bool:
    return zipf(word) >= ORDINARY_ZIPF


def _load() -> tuple[frozenset[str], frozenset[str]]:
    global _given, _surnames
    with _lock:
        if _given is not None and _surnames is not None:
            return _given, _surnames
        import faker.providers.person as person_providers

        given: set[str] = set()
        surnames: set[str] = set()
        for module in pkgutil.iter_modules(person_providers.__path__):
            provider = importlib.import_module(f"faker.providers.person.{module.name}").Provider
            for attribute in dir(provider):
                if "first_name" not in attribute and "last_name" not in attribute:
                    continue
                values = getattr(provider, attribute, None)
                if isinstance(values, dict):
                    values = list(values)
                if not isinstance(values, list | tuple | set | frozenset):
                    continue  # a method or a property: the lists are class attributes
                target = given if "first_name" in attribute else surnames
                for value in values:
                    if isinstance(value, str):
                        for part in value.replace("-", " ").split():
                            key = fold(part).strip(".'")
                            if len(key) >= 2 and key.replace("'", "").isalpha():
                                target.add(key)
        _given, _surnames = frozenset(given), frozenset(surnames)
        return _given, _surnames


def _keys(word: str) -> list[str]:
    """The word folded, and for "O'Neill", "D'Angelo", "N'Golo" the part after the apostrophe."""
    key = fold(word).replace("\u2019", "'")
    keys = [key]
    if "'" in key:
        keys += [piece for piece in key.split("'") if len(piece) >= 3]
    return keys


def is_given_name(word: str) -> bool:
    given = _load()[0]
    return any(key in given for key in _keys(word))


def is_surname(word: str) -> bool:
    surnames = _load()[1]
    return any(key in surnames for key in _keys(word))


def is_known_name(word: str) -> bool:
    return is_given_name(word) or is_surname(word)


def is_ambiguous_name(word: str) -> bool:
    """A word that is also an ordinary word: registered people called Hope, Will, Page, Head, An."""
    return is_ordinary(word)


def is_common_word(part: str) -> bool:
    """A registered name part that is also an ordinary word: found only when capitalised.

    Particles count ("Lê", "Al", "Van" are names alone, "le"/"al"/"van" words). A surname must
    be a very frequent word ("Rose", "Kind", "Head"), so that a lowercase "molina" or "gil" typed
    at 3 a.m. is still found; a given name must be a frequent *English* word ("will", "grace",
    "hope"). Written with an accent, an apostrophe or a hyphen ("josé", "o'brien") a part is a
    name, never a word. Accepted risk: a lowercase "john" or "david" is kept as written.
    """
    key = fold(part)
    if key in PARTICLES or key in PATRONYMIC_PARTICLES:
        return True
    if not part.isascii() or not part.isalpha():
        return False
    score = zipf(part)
    if score < 3.5:
        return False
    if is_given_name(part):
        from wordfreq import zipf_frequency

        return zipf_frequency(part.lower(), "en") >= 4.4
    if is_surname(part):
        return score >= COMMON_SURNAME_ZIPF
    return True


# --- the language of a sentence -------------------------------------------------------------
#
# The cells write English and Spanish, but the people they log speak Catalan, Polish,
# Vietnamese, Welsh, Scots, Arabic ... A quoted sentence in one of those must not turn into
# [NAME] word by word, and a registered "Rosa" or "Pau" must not take the Spanish "rosa" (pink)
# or the Catalan "pau" (peace). Every wordfreq language is a candidate, but only for the
# sentence it covers: "Mai" is a Vietnamese word, never a reason to print a Vietnamese name in
# an English sentence.

OTHER_LANGUAGES = (
    "ca", "fr", "de", "it", "pt", "nl", "pl", "vi", "ro", "cs", "sk", "sl", "sh", "hu", "fi", "sv",
    "da", "nb", "tr", "id", "ms", "fil", "lt", "lv", "ar", "fa", "ur", "ru", "uk", "bg", "el",
)
# Share of a sentence's words that must be ordinary words of a language for it to be that
# sentence's language; and how much better than English and Spanish it must do.
LANGUAGE_COVERAGE = 0.6
LANGUAGE_MARGIN = 0.1
MIN_OWN_WORDS = 3
# A sentence English or Spanish covers this well is theirs: no other list is loaded for it.
BASE_COVERAGE = 0.75
# A part of a name that is a word of the sentence's language by this much more than it is in
# other languages ("paz" in Spanish, "pau" in Catalan, "patience" in English) reads as the word
# when written in lowercase; a name frequent everywhere ("maria", "john") does not.
WORD_MARGIN = 0.5
WORD_MIN_ZIPF = 3.9
GIVEN_WORD_ZIPF = 4.5
SURNAME_WORD_ZIPF = 4.8  # a surname must be a very frequent word of the language ("paz", not "gil")


# Other languages are read from wordfreq's *small* lists (every word of Zipf 3 and above,
# which is all that "ordinary" asks) and only when a sentence or a word needs them: all 31
# large lists would cost ~900 MB and ~10 s, the small ones ~150 MB and ~1 s.
# The spread of languages a word is compared against (different families, so that a Romance
# word stands out and an international name does not):
MEDIAN_LANGUAGES = ("en", "es", "fr", "de", "pl", "nl", "tr", "id", "vi", "fi", "hu", "sv")
# The languages the independent check asks about a lowercase registered part.
WORD_CHECK_LANGUAGES = ("en", "es", "ca", "fr", "it", "pt", "de", "pl")


@lru_cache(maxsize=262144)
def zipf_in(word: str, lang: str) -> float:
    from wordfreq import zipf_frequency

    if lang in LANGUAGES:
        return zipf_frequency(word.lower(), lang)
    return zipf_frequency(word.lower(), lang, wordlist="small")


def _ordinary_in(word: str, lang: str) -> bool:
    return zipf_in(word, lang) >= ORDINARY_ZIPF


@lru_cache(maxsize=65536)
def sentence_languages(words: tuple[str, ...]) -> tuple[str, ...]:
    """The languages a sentence is written in, best first (English and Spanish for a sentence
    too short to tell). Other languages are tried only when neither covers the sentence."""
    # Words of one or two letters ("to", "at", "i", "o") are words of too many languages.
    # Capitalised words are left out: names are what is being decided, and they would make an
    # English sentence look foreign (and load every other language for nothing).
    usable = [w for w in words if len(w) >= 3 and w[:1].islower() and not any(ch.isdigit() for ch in w)]
    if len(usable) < 3:
        return LANGUAGES
    cover = {lang: sum(1 for w in usable if _ordinary_in(w, lang)) / len(usable) for lang in LANGUAGES}
    if max(cover.values()) < BASE_COVERAGE:
        for lang in OTHER_LANGUAGES:
            cover[lang] = sum(1 for w in usable if _ordinary_in(w, lang)) / len(usable)
    best = max(cover.values())
    if best < LANGUAGE_COVERAGE:
        return LANGUAGES  # a language without a list (Welsh, Scots) or no language at all
    base_words = [w for w in usable if zipf(w) >= ORDINARY_ZIPF]

    def evidence(lang: str) -> bool:
        # Another language needs words of its own: three that English and Spanish do not have
        # ("vull", "parlar", "ningú"), not names and abbreviations that happen to be frequent.
        if lang in LANGUAGES:
            return True
        return sum(1 for w in usable if w not in base_words and _ordinary_in(w, lang)) >= MIN_OWN_WORDS

    chosen = sorted(
        (c, lang) for lang, c in cover.items() if c >= best - LANGUAGE_MARGIN and c >= LANGUAGE_COVERAGE and evidence(lang)
    )
    if not chosen:
        return LANGUAGES
    return tuple(lang for _, lang in reversed(chosen))[:3]


def zipf_with(word: str, langs: tuple[str, ...]) -> float:
    """The word's frequency in English, Spanish and the sentence's own languages."""
    score = zipf(word)
    for lang in langs:
        score = max(score, zipf_in(word, lang))
    return score


def is_word_in(part: str, lang: str) -> bool:
    """A registered name part that, in lowercase, is a word of ``lang`` rather than the name:
    frequent there and clearly more frequent than across a spread of unrelated languages
    (names like "maria" or "john" are frequent everywhere; "rosa", "paz", "pau", "patience"
    only in their own languages). Written with an accent ("José") a part is a name; "bbl"
    without a vowel is an abbreviation."""
    if not part.isascii() or not part.isalpha() or len(part) < 3 or not any(ch in "aeiouy" for ch in part.lower()):
        return False
    return _word_in(part.lower(), lang)


@lru_cache(maxsize=65536)
def _word_in(part: str, lang: str) -> bool:
    score = zipf_in(part, lang)
    if is_surname(part) and not is_given_name(part):
        floor = SURNAME_WORD_ZIPF
    else:
        # Outside English a given name must be a very frequent word ("rosa", "paz", "pau"), so
        # that a lowercase "carmen" or "pilar" in a Spanish sentence is still the name.
        floor = WORD_MIN_ZIPF if lang == "en" else GIVEN_WORD_ZIPF
    if score < floor:
        return False
    others = sorted(zipf_in(part, other) for other in MEDIAN_LANGUAGES if other != lang)
    return score - others[len(others) // 2] >= WORD_MARGIN


@lru_cache(maxsize=65536)
def word_languages(part: str) -> frozenset[str]:
    """The check's languages in which ``part`` in lowercase is a word."""
    return frozenset(lang for lang in WORD_CHECK_LANGUAGES if is_word_in(part, lang))


def may_be_word(part: str) -> bool:
    """A registered part that some language writes as an ordinary lowercase word."""
    return is_common_word(part) or bool(word_languages(part))


# --- a common-word name at the start of a sentence -------------------------------------------
#
# "Will meet her at the car park", "Grace period of one hour", "Head injury reported": at the
# start of a sentence a registered Will, Grace or Head is the word when the next word cannot
# follow a name. After a name come verbs ("Hope says", "Will rang", "Grace crying"), states
# ("Hope upset", "Grace safe"), prepositions and conjunctions ("Hope on the phone", "Will and
# his wife"): those keep it a name. This is grammar, the same for every name.
NAME_FOLLOWERS = frozenset(
    """
    is was has had have says said tells told asks asked wants wanted will would can could may might
    must should shall does did do not also then now just still again too only alone himself herself
    left went came come comes rang ran rings took got gave saw sees knows knew thinks thought
    feels felt seems seemed sounds sounded keeps kept gets goes sat sits stood stands lay lies
    and or but to on in at from with by for of as into onto out back up down off over here there
    safe fine calm calmer upset angry okay ok unhurt injured hurt distressed drunk asleep awake
    happy sad quiet silent crying shouting screaming armed inside outside home away present absent
    very really now never always
    """.split()
)
_VERB_ENDINGS = ("s", "ed", "ing", "'s", "’s")


def reads_as_word_before(next_word: str) -> bool:
    """The next word, written in lowercase, makes the capitalised word before it the word."""
    if not next_word or not next_word.isalpha() or not next_word.islower():
        return False
    if next_word in NAME_FOLLOWERS or next_word.endswith(_VERB_ENDINGS):
        return False
    return zipf(next_word) >= ORDINARY_ZIPF
