"""The redactor: hides every registered name, alias and phone, and detected e-mails, phones, plates.

Built once per report from the incident's people register (every name and phone ever recorded,
including amended-away ones) and the entry authors. All registered forms go into ONE trie-shaped
regular expression matched against an accent- and case-folded copy of each text; an index map
puts the replacements back on the original text, whose other characters are left untouched.

Known and accepted: a person called "Will" or "May" makes every whole word "will"/"may" vanish
too. Safety first: we cannot tell the name from the word, and a leaked name fails the product.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from incident_log.domain.state import Person
from incident_log.redaction import detectors
from incident_log.redaction.fold import Folded, fold, fold_with_map
from incident_log.redaction.names import can_stand_alone, forms, key_of, parts
from incident_log.redaction.pattern import GLUED, SEP, digit_atoms, name_atoms, trie_branches, trie_regex

if TYPE_CHECKING:
    from incident_log.redaction.review import ReviewResult

AMBIGUOUS_NAME = "[NAME]"
TERM = "[REDACTED]"
EMAIL = "[EMAIL]"
PHONE = "[PHONE]"
PLATE = "[PLATE]"

CATEGORIES = ("names", "phones", "emails", "plates", "terms")

# Owner used for extra terms (not a person): never shown as a label.
_TERM_OWNER = "\x00term"

# A phone's national significant number: its last 9 digits (or all, if shorter; at least 6).
NSD_LENGTH = 9
MIN_PHONE_DIGITS = 6

# Word edges: no letter on either side. Digits and underscores are edges ("tomi89",
# "Tomás_Ibarra"): a handle built on a name still gives the name away.
_AFTER_FIRST = r"(?<![^\W\d_].)"  # checked after the first character: nothing glued in front
_AT_END = r"(?![^\W\d_])"
_PHONE_PREFIX = r"(?<!\d)\(?(?:(?:\+|00)\s*(?:\d[\s.\-/()]{0,2}){1,5}?|\d{1,3}(?=\d)|0[\s.\-/()]{0,2})?"
_MERGE_GAP = re.compile(r"[\s,\-]*")
_HAS_DIGIT = re.compile(r"\d")
# Initials written right before a registered name ("T. Ibarra", "J.R. Ibarra", "t.ibarra"): they
# are part of how that person is named, and "T. Subject A" would keep the first letter.
_INITIALS_BEFORE = re.compile(r"(?<![^\W\d_])(?:[^\W\d_]\.\s?){1,3}$")
_DIGIT_RUN = re.compile(r"\d(?:[\s.\-/()+]*\d)*")


@dataclass(frozen=True, slots=True)
class Identity:
    """Someone to hide: the label that replaces them, their names and their phones."""

    label: str
    names: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Span:
    """One replacement on an original text. ``value_key`` lets the review group what was found."""

    start: int
    end: int
    replacement: str
    category: str
    owners: frozenset[str] = frozenset()
    value_key: str = ""


def national_digits(phone: str) -> str | None:
    """The digits a registered phone is matched on, or None when too short to be a phone."""
    digits = "".join(ch for ch in fold(phone) if ch.isdigit())
    if len(digits) < MIN_PHONE_DIGITS:
        return None
    return digits[-NSD_LENGTH:]


class Redactor:
    """Replaces identities in texts and counts what it replaced (never what the values were)."""

    def __init__(self, identities: Sequence[Identity], extra_terms: Iterable[str] = ()) -> None:
        self._name_owners: dict[str, set[str]] = {}
        self._name_display: dict[str, str] = {}
        glued_atom_lists: list[list[str]] = []
        self._phone_owners: dict[str, set[str]] = {}
        self._phone_display: dict[str, str] = {}
        self._raw_phones: dict[str, set[str]] = {}
        self._registered_names: list[str] = []
        name_atom_lists: list[list[str]] = []
        unspaced_atom_lists: list[list[str]] = []

        def add_name(owner: str, form: Sequence[str]) -> None:
            key = key_of("".join(form))
            if not key:
                return
            self._name_owners.setdefault(key, set()).add(owner)
            self._name_display.setdefault(key, " ".join(form))
            atoms = name_atoms([fold(p) for p in form])
            # Scripts written without spaces (Chinese, Japanese, Thai...) or with particles glued
            # to names (Korean) have no word edges to wait for: match the name anywhere.
            (unspaced_atom_lists if any(_unspaced(ch) for ch in key) else name_atom_lists).append(atoms)
            if len(form) > 1:
                glued_atom_lists.append([GLUED if atom == SEP else atom for atom in atoms])

        def add_phone(owner: str, phone: str) -> None:
            nsd = national_digits(phone)
            if nsd is None:
                return
            self._phone_owners.setdefault(nsd, set()).add(owner)
            self._phone_display.setdefault(nsd, phone)
            self._raw_phones.setdefault(phone, set()).add(owner)

        for identity in identities:
            for name in identity.names:
                self._registered_names.append(name)
                for form in forms(name):
                    add_name(identity.label, form)
            for phone in identity.phones:
                add_phone(identity.label, phone)
        for term in extra_terms:
            term = term.strip()
            if not term:
                continue
            if _looks_like_phone(term):
                add_phone(_TERM_OWNER, term)
            else:
                self._registered_names.append(term)
                add_name(_TERM_OWNER, tuple(parts(term)) or (term,))

        name_branches = trie_branches(name_atom_lists, _AFTER_FIRST, _AT_END)
        name_branches += trie_branches(unspaced_atom_lists)
        self._name_re = re.compile("|".join(name_branches) or r"(?!x)x")
        self._glued_re = re.compile(
            "|".join(trie_branches(glued_atom_lists, _AFTER_FIRST, _AT_END)) or r"(?!x)x"
        )
        phone_trie = trie_regex(digit_atoms(nsd) for nsd in self._phone_owners)
        self._phone_re = re.compile(_PHONE_PREFIX + "(?:" + phone_trie + r")(?!\d)")
        self._counts: Counter[str] = Counter({category: 0 for category in CATEGORIES})

    # -- construction ------------------------------------------------------------------------

    @classmethod
    def from_people(
        cls,
        people: Iterable[Person],
        authors: Mapping[str, str] | None = None,
        extra_terms: Iterable[str] = (),
    ) -> Redactor:
        """Build from the incident's register and the author -> label map ("PC Jane Smith" -> "Loggist 1").

        An author who is also a registered person (same name, titles aside) keeps the person's
        label: the same human must not get two labels, or the bare name would turn ambiguous.
        An author already written as a label ("Loggist 1" -> "Loggist 1") is nothing to hide.
        """
        identities: list[Identity] = []
        person_cores: set[str] = set()
        for person in people:
            names = _unique((person.name, *person.all_names, *person.aliases))
            phones = _unique((*person.phones, *person.all_phones))
            identities.append(Identity(person.label, names, phones))
            for name in names:
                person_cores.add(_core_key(name))
        for author, label in (authors or {}).items():
            if not author.strip() or key_of(author) == key_of(label):
                continue
            if _core_key(author) in person_cores:
                continue
            identities.append(Identity(label, (author,)))
        return cls(identities, extra_terms)

    # -- redaction ---------------------------------------------------------------------------

    def redact(self, text: str) -> str:
        """``text`` with every identity replaced; counts go to :meth:`schedule`."""
        if not text:
            return text
        spans = self.spans(text)
        if not spans:
            return text
        out: list[str] = []
        position = 0
        for span in spans:
            out.append(text[position : span.start])
            out.append(_fit(span.replacement, text, span.start, span.end))
            position = span.end
            self._counts[span.category] += 1
        out.append(text[position:])
        return "".join(out)

    def schedule(self) -> dict[str, int]:
        """How many replacements of each category were made so far (the report's schedule)."""
        return {category: self._counts[category] for category in CATEGORIES}

    def spans(self, text: str) -> list[Span]:
        """The replacements for ``text``, in order, without overlaps; counts nothing."""
        folded = fold_with_map(text)
        candidates: list[Span] = []  # in priority order
        has_digit = _HAS_DIGIT.search(folded.text) is not None
        if "@" in folded.text:
            for start, end in detectors.email_spans(folded.text):
                candidates.append(Span(*folded.span(start, end), EMAIL, "emails"))
        if has_digit and self._phone_owners:
            candidates.extend(self._phone_spans(folded))
        if self._name_owners:
            candidates.extend(self._name_spans(folded))
        if has_digit:
            for start, end in detectors.plate_spans(text):
                candidates.append(Span(start, end, PLATE, "plates"))
            for start, end in detectors.phone_spans(folded.text):
                candidates.append(Span(*folded.span(start, end), PHONE, "phones"))
        return _merge_same_names(text, _resolve(candidates))

    def _name_spans(self, folded: Folded) -> list[Span]:
        out = []
        for match in self._name_re.finditer(folded.text):
            key = key_of(match.group(0))
            owners = frozenset(self._name_owners.get(key, ()))
            if owners == {_TERM_OWNER}:
                replacement, category = TERM, "terms"
            elif len(owners) == 1:
                replacement, category = next(iter(owners)), "names"
            else:
                replacement, category = AMBIGUOUS_NAME, "names"
            start, end = match.span()
            if category == "names":
                initials = _INITIALS_BEFORE.search(folded.text, max(0, start - 9), start)
                if initials is not None:
                    start = initials.start()
            out.append(Span(*folded.span(start, end), replacement, category, owners, key))
        return out

    def _phone_spans(self, folded: Folded) -> list[Span]:
        out = []
        for match in self._phone_re.finditer(folded.text):
            digits = "".join(ch for ch in match.group(0) if ch.isdigit())
            nsd = max((d for d in self._phone_owners if digits.endswith(d)), key=len, default="")
            owners = frozenset(self._phone_owners.get(nsd, ()))
            if owners == {_TERM_OWNER}:
                replacement, category = TERM, "terms"
            elif len(owners) == 1:
                replacement, category = f"[phone of {next(iter(owners))}]", "phones"
            else:
                replacement, category = PHONE, "phones"
            out.append(Span(*folded.span(*match.span()), replacement, category, owners, nsd))
        return out

    # -- checking the finished report --------------------------------------------------------

    def find_leaks(self, text: str) -> list[str]:
        """Which registered identities are still in ``text`` ("name of Subject A"), never the values.

        Run on the text extracted from the finished PDF. More sensitive than :meth:`redact`:
        multi-part names are also looked for with the spaces between their parts gone ("TomásIbarra":
        text extraction can glue words), and phones by their digits with any separators between.
        Names are still whole words, so "benchmark longer" is no leak of a "Mark Long".
        """
        found: dict[str, None] = {}
        folded = fold(text)

        def report(kind: str, owners: Iterable[str]) -> None:
            for owner in sorted(owners):
                found["extra term" if owner == _TERM_OWNER else f"{kind} of {owner}"] = None

        for match in self._name_re.finditer(folded):
            report("name", self._name_owners.get(key_of(match.group(0)), ()))
        for match in self._glued_re.finditer(folded):
            report("name", self._name_owners.get(key_of(match.group(0)), ()))
        runs = ["".join(ch for ch in m.group(0) if ch.isdigit()) for m in _DIGIT_RUN.finditer(folded)]
        for nsd, owners in self._phone_owners.items():
            if any(nsd in run for run in runs):
                report("phone", owners)
        return list(found)

    def variants(self) -> list[str]:
        """Every form of every registered identity, for searching a finished document.

        Names as registered, each form and part, accent-stripped and hyphen/space variants;
        phones as registered, as all their digits and as their national digits. Longest first.
        """
        out: set[str] = set()
        for name in self._registered_names:
            out.add(name)
            out.add(_strip_accents(name))
        for display in self._name_display.values():
            for form in (display, display.replace("-", " ")):
                out.add(form)
                out.add(_strip_accents(form))
        for phone in self._raw_phones:
            out.add(phone)
            out.add("".join(ch for ch in fold(phone) if ch.isdigit()))
        out.update(self._phone_owners)
        out.discard("")
        return sorted(out, key=lambda s: (-len(s), s))

    # -- the officer's review before printing ---------------------------------------------

    def review(self, texts: Iterable[str]) -> ReviewResult:
        """What will be hidden (values shown) and what may be an unregistered identity."""
        from incident_log.redaction.review import review

        return review(self, texts)

    def display_of(self, span: Span) -> str:
        """The registered form behind a span (for the officer's review screen only)."""
        if span.category == "phones" and span.value_key in self._phone_display:
            return self._phone_display[span.value_key]
        return self._name_display.get(span.value_key, "")

    @staticmethod
    def label_of(span: Span) -> str:
        return " / ".join(sorted("extra term" if o == _TERM_OWNER else o for o in span.owners))


def _fit(replacement: str, text: str, start: int, end: int) -> str:
    """Bracket a label glued to letters or digits: "Ibarra2" -> "[Family 1]2", not "Family 12"."""
    if replacement.startswith("["):
        return replacement
    glued_before = start > 0 and text[start - 1].isalnum()
    glued_after = end < len(text) and text[end].isalnum()
    return f"[{replacement}]" if glued_before or glued_after else replacement


def _resolve(candidates: list[Span]) -> list[Span]:
    """Keep candidates in priority order, dropping any that overlap one already kept."""
    kept: list[Span] = []
    for span in candidates:
        if span.end <= span.start:
            continue
        if all(span.end <= k.start or span.start >= k.end for k in kept):
            kept.append(span)
    kept.sort(key=lambda s: s.start)
    return kept


def _merge_same_names(text: str, spans: list[Span]) -> list[Span]:
    """Join neighbouring replacements of one person ("IBARRA RUIZ, Tomás" -> one "Subject A")."""
    out: list[Span] = []
    for span in spans:
        if (
            out
            and span.category == "names"
            and out[-1].category == "names"
            and out[-1].replacement == span.replacement
            and _MERGE_GAP.fullmatch(text, out[-1].end, span.start)
        ):
            last = out[-1]
            out[-1] = Span(last.start, span.end, last.replacement, last.category, last.owners, last.value_key)
        else:
            out.append(span)
    return out


_UNSPACED_SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "THAI", "LAO", "KHMER", "MYANMAR", "TIBETAN")


def _unspaced(ch: str) -> bool:
    return ord(ch) >= 0x0E00 and unicodedata.name(ch, "").startswith(_UNSPACED_SCRIPTS)


def _looks_like_phone(term: str) -> bool:
    digits = sum(ch.isdigit() for ch in term)
    return digits >= MIN_PHONE_DIGITS and re.fullmatch(r"[\d\s.\-/()+]+", fold(term)) is not None


def _core_key(name: str) -> str:
    """A name without its titles and particles: "PC Jane Smith" and "Jane Smith" are one person."""
    return key_of("".join(p for p in parts(name) if can_stand_alone(p)))


def _strip_accents(text: str) -> str:
    """Accents removed, case kept: "Núñez" -> "Nunez", "Łukasz" -> "Lukasz"."""
    out = []
    for ch in text:
        folded = fold(ch)
        if not folded:
            continue
        out.append(folded.upper() if ch.isupper() and len(folded) == 1 else folded)
    return "".join(out)


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(v for v in values if v and v.strip()))
