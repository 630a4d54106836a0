"""The independent check: does the finished report still show anything it should hide?

Run on the text extracted from the finished PDF, *before* the file is written. It deliberately
shares no matching code with the finder (no trie, no regular expressions of names, no fold
map): it folds with its own few lines, cuts the text into tokens, removes the report's own
wording (section titles, column headers, "Page 3 of 9", "Head hash", labels and tags: the
``furniture`` the layout reports), and then looks, token by token, for

- every part of every registered name (and parts glued together: "TomásIbarra"),
- every registered phone number, by its digits with any separators,
- every value the redactor replaced (an unknown name, an address, an identity number ...).

Only the two share data: what an ordinary word is (``lexicon``), so that a registered "Hope"
found capitalised is a hit and the word "hope" is not, exactly as the finder decided.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from incident_log.redaction import lexicon
from incident_log.redaction.names import PARTICLES, ROLE_WORDS, TITLES, parts

_TOKEN = re.compile(r"[^\W\d_]+|\d+")
_DIGIT_RUN = re.compile(r"\d[\d \t.\-/()+]*\d")
_OWN_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "æ": "ae", "œ": "oe", "ı": "i", "ß": "ss"})
_NUMERIC_CLASSES = frozenset({"phone", "id", "plate", "postcode", "dob"})


def fold_token(token: str) -> str:
    """Lowercase, accents removed (NFKD), a few letters Unicode does not decompose mapped."""
    if token.isascii():
        return token.lower()
    return _fold_other(token)


@lru_cache(maxsize=1 << 16)
def _fold_other(token: str) -> str:
    # A report repeats its words thousands of times: each non-ASCII one is decomposed once.
    decomposed = unicodedata.normalize("NFKD", token.casefold().translate(_OWN_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).translate(_OWN_LETTERS)


def tokens(text: str) -> list[tuple[str, str]]:
    """(folded, as written) for every word and digit run of ``text``."""
    fold = fold_token
    return [(fold(word), word) for word in _TOKEN.findall(text)]


@dataclass(frozen=True, slots=True)
class CheckTargets:
    names: tuple[tuple[str, str], ...] = ()  # (label, registered name)
    phones: tuple[tuple[str, str], ...] = ()  # (label, national digits)
    hidden: tuple[tuple[str, str], ...] = ()  # (finding class, the text that was replaced)
    kept: tuple[str, ...] = ()  # folded values the officer decided to print


@dataclass(frozen=True, slots=True)
class Hit:
    word: str  # as printed
    what: str  # "a name of Subject A", "a value hidden as [NAME]" ...
    where: str = ""  # "entry #12", filled by the caller that knows the content


def _capitalised(written: str) -> bool:
    return written[:1].isupper()


class _Targets:
    def __init__(self, targets: CheckTargets) -> None:
        kept = {re.sub(r"[\W_]+", "", fold_token(k)) for k in targets.kept}
        self.kept = kept
        self.single: dict[str, tuple[str, bool]] = {}  # token -> (what, case-aware)
        self.sequences: dict[str, list[tuple[tuple[str, ...], str, bool]]] = {}
        self.glued: dict[str, str] = {}
        self.digits: list[tuple[str, str]] = []
        for label, name in targets.names:
            what = f"a name of {label}" if label else "a term the officer chose to hide"
            # The parts of a name as the register writes them. A part that is one token is
            # looked for as that token; a part that is several ("NEG1", "O'Neill", a name with
            # an emoji in it) as its tokens side by side, never as one of them alone.
            name_parts = [p for p in parts(name) if _TOKEN.search(p)]
            folded: list[str] = []
            for index, part in enumerate(name_parts):
                pieces = tuple(fold_token(t) for t in _TOKEN.findall(part))
                if len(pieces) > 1:
                    if "".join(pieces) not in kept:
                        self.sequences.setdefault(pieces[0], []).append((pieces, what, False))
                        self.glued.setdefault("".join(pieces), what)
                    folded.append("".join(pieces))
                    continue
                key = pieces[0]
                folded.append(key)
                if key in kept or key.isdigit():
                    continue
                edge = index in (0, len(name_parts) - 1)
                # Letters as written, as the finder counts them: "Ĳ" is one letter (an initial,
                # never hidden alone) although it folds to the two of "ij".
                letters = sum(ch.isalpha() for ch in part)
                if letters < 2 or key in TITLES or key in ROLE_WORDS:
                    continue
                if key in PARTICLES and not (edge and len(name_parts) > 1 and part[:1].isupper()):
                    continue  # "de", "la", "el" of a name are words; a "Lê" or "Van" written so is a name
                known = self.single.get(key)
                if known is not None and what not in known[0]:
                    what_both = " or ".join(sorted({known[0].removeprefix("a name of "), label}))
                    self.single[key] = (f"a name of {what_both}", known[1])
                elif known is None:
                    self.single[key] = (what, bool(label) and lexicon.may_be_word(part))
            # Parts glued together by the text extraction ("TomásIbarra"): runs that begin and
            # end with a real part (two letters or more, not a particle or title), so that the
            # initials "C A" never make the word "ca" a hit.
            real = [sum(ch.isalpha() for ch in written) >= 2 and k not in PARTICLES and k not in TITLES
                    for k, written in zip(folded, name_parts, strict=True)]
            for i in range(len(folded)):
                if not real[i]:
                    continue
                for j in range(i + 2, min(len(folded), i + 6) + 1):
                    glued = "".join(folded[i:j])
                    if real[j - 1] and glued not in kept:
                        self.glued.setdefault(glued, what)
        for label, digits in targets.phones:
            if len(digits) >= 6:
                self.digits.append((digits, f"a phone number of {label}" if label else "a number the officer chose to hide"))
        for cls, value in targets.hidden:
            key = re.sub(r"[\W_]+", "", fold_token(value))
            if not key or key in kept:
                continue
            what = f"a value hidden as {cls}"
            digits = "".join(ch for ch in value if ch.isdigit())
            if cls in _NUMERIC_CLASSES and len(digits) >= 6 and sum(ch.isalpha() for ch in value) <= 3:
                self.digits.append((digits, what))
                continue
            seq = tuple(fold_token(w) for w in _TOKEN.findall(value))
            if not seq:
                continue
            if len(seq) == 1 and seq[0].isdigit() and len(seq[0]) < 4:
                continue  # a short number says nothing alone
            if all(sum(ch.isalpha() for ch in t) <= 1 and not t.isdigit() for t in seq):
                continue  # letters one by one ("J. N.", "Ö_ą") would match any two initials
            if cls == "candidate" and sum(ch.isalpha() for ch in key) <= 2:
                # Two letters of an unknown word: next to a character printed without a font
                # (an empty box the text extraction drops) they come out as a word of their own.
                continue
            case_aware = len(seq) == 1 and lexicon.is_ordinary(value)
            self.sequences.setdefault(seq[0], []).append((seq, what, case_aware))


def _furniture_index(furniture: Iterable[str]) -> dict[str, list[tuple[str, ...]]]:
    """The report's own phrases as token sequences by first token, longest first."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in furniture:
        seq = tuple("#" if t.isdigit() else t for t, _ in tokens(phrase))
        if seq:
            index.setdefault(seq[0], []).append(seq)
    for phrases in index.values():
        phrases.sort(key=len, reverse=True)
    return index


def _strip_furniture(
    stream: list[tuple[str, str]], index: dict[str, list[tuple[str, ...]]]
) -> list[tuple[str, str]]:
    """The stream without the report's own phrases (digits in a phrase match any number)."""
    # Tokens as the index spells them (every number is "#"), so a phrase matches by one slice compare.
    norm = ["#" if token.isdigit() else token for token, _ in stream]
    out: list[tuple[str, str]] = []
    i = 0
    n = len(stream)
    while i < n:
        candidates = index.get(norm[i])
        matched = 0
        if candidates:
            for seq in candidates:
                if tuple(norm[i : i + len(seq)]) == seq:
                    matched = len(seq)
                    break
        if matched:
            out.append(("\x00", ""))  # a boundary: nothing matches across removed wording
            i += matched
        else:
            out.append(stream[i])
            i += 1
    return out


def check(
    pages: Sequence[str],
    furniture: Iterable[str],
    targets: CheckTargets,
    *,
    locate: Callable[[tuple[str, ...]], str] | None = None,
) -> list[Hit]:
    """Everything of ``targets`` still printed in ``pages`` outside the report's own wording."""
    wanted = _Targets(targets)
    index = _furniture_index(furniture)
    hits: dict[tuple[str, str], Hit] = {}

    def inside_kept(stream: list[tuple[str, str]], i: int, n: int) -> bool:
        """The tokens at i..i+n are part of a phrase the officer kept ("Puente de Segovia")."""
        if not wanted.kept:
            return False
        for a in range(max(0, i - 5), i + 1):
            for b in range(i + n, min(len(stream), i + n + 5) + 1):
                if "".join(k for k, _ in stream[a:b]) in wanted.kept:
                    return True
        return False

    def hit(word: str, what: str, seq: tuple[str, ...]) -> None:
        if (word.casefold(), what) not in hits:
            hits[(word.casefold(), what)] = Hit(word, what, locate(seq) if locate else "")

    for page in pages:
        stream = _strip_furniture(tokens(page), index)
        for i, (key, written) in enumerate(stream):
            single = wanted.single.get(key)
            if single is not None:
                what, case_aware = single
                following = stream[i + 1][1] if i + 1 < len(stream) else ""
                if case_aware and written.istitle() and lexicon.reads_as_word_before(following):
                    pass  # "Will meet her", "Grace period": the word (the finder's sentence-start rule)
                elif not case_aware or _capitalised(written):
                    hit(written, what, (key,))
            glued = wanted.glued.get(key)
            if glued is not None:
                hit(written, glued, (key,))
            for seq, what, case_aware in wanted.sequences.get(key, ()):
                if tuple(t for t, _ in stream[i : i + len(seq)]) == seq:
                    if len(seq) == 1 and case_aware and not _capitalised(written):
                        continue
                    if inside_kept(stream, i, len(seq)):
                        continue
                    hit(" ".join(w for _, w in stream[i : i + len(seq)]), what, seq)
        if wanted.digits:
            # Digits of the page's own wording (entry numbers, times, the hash) are kept apart
            # by the removed furniture; within the incident's words any separator counts.
            content = " ".join(w if k != "\x00" else "\n" for k, w in stream)
            runs = ["".join(ch for ch in m.group(0) if ch.isdigit()) for m in _DIGIT_RUN.finditer(content)]
            for digits, what in wanted.digits:
                if any(digits in run for run in runs):
                    hit(digits, what, (digits,))
    return list(hits.values())
