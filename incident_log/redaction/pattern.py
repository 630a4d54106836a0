"""One compiled pattern for many forms: a character trie turned into a regular expression.

Python's ``re`` tries the branches of an alternation one by one at every position; with hundreds
of names that is slow. Factoring common prefixes into a trie ("ib(?:arra(?:\\s+ruiz)?|...)") keeps
it to one branch test per character. Optional tails are greedy, so at any position the longest
registered form wins ("Tomás Ibarra Ruiz" before "Tomás").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

# Atoms that are not literal characters.
SEP = "\x00sep"  # between name parts: spaces, line breaks, a hyphen ("Jean Luc" = "Jean-Luc")
INNER = "\x00inner"  # punctuation inside a part: "O'Neill" = "O’Neill" = "ONeill" = "O Neill"
DIGIT_SEP = "\x00dsep"  # between the digits of a phone number
GLUED = "\x00glued"  # between name parts in extracted PDF text: maybe nothing ("TomásIbarra")

_ATOM_RE = {
    SEP: r"\.?(?:\s*-\s*|\s+)",  # "Dr. Anna" = "Dr Anna"
    INNER: r"[^\w\s]?\s*",
    DIGIT_SEP: r"[\s.\-/()]{0,3}",
    GLUED: r"[\s.\-]*",
}

_END = ""  # trie key marking the end of a form

Trie = dict[str, "Trie"]


def name_atoms(folded_parts: Sequence[str]) -> list[str]:
    """Atoms of a name form whose parts are already folded."""
    atoms: list[str] = []
    for index, part in enumerate(folded_parts):
        if index:
            atoms.append(SEP)
        for ch in part:
            if ch.isalnum():
                atoms.append(ch)
            elif not atoms or atoms[-1] not in (SEP, INNER):
                atoms.append(INNER)
    while atoms and atoms[-1] in (SEP, INNER):
        atoms.pop()
    return atoms


def digit_atoms(digits: str) -> list[str]:
    atoms: list[str] = []
    for index, ch in enumerate(digits):
        if index:
            atoms.append(DIGIT_SEP)
        atoms.append(ch)
    return atoms


def trie_regex(sequences: Iterable[Sequence[str]]) -> str:
    """A regular expression matching any of the atom sequences, longest preferred."""
    branches = trie_branches(sequences)
    return "(?:" + "|".join(branches) + ")" if branches else r"(?!x)x"


def trie_branches(sequences: Iterable[Sequence[str]], after_first: str = "", at_end: str = "") -> list[str]:
    """The top-level branches of the trie regex, one per first atom.

    ``after_first`` is inserted after the first atom of every branch and ``at_end`` wherever a
    sequence may end. Keeping the word-edge checks inside (instead of a look-behind in front)
    lets every branch start with a plain character, so ``re`` can skip quickly over positions
    where no form can start: a big share of the redactor's speed.
    """
    root: Trie = {}
    for atoms in sequences:
        if not atoms:
            continue
        node = root
        for atom in atoms:
            node = node.setdefault(atom, {})
        node[_END] = {}
    return [
        _atom_regex(atom) + after_first + _node_regex(root[atom], at_end)
        for atom in sorted(root)
        if atom != _END
    ]


def _atom_regex(atom: str) -> str:
    return _ATOM_RE.get(atom) or re.escape(atom)


def _node_regex(node: Trie, at_end: str) -> str:
    """The regex of a trie node. Chains of single children are written out in a loop, so a
    2,000-character name (the field limit) never recurses once per character."""
    chain: list[str] = []
    while True:
        children = sorted(k for k in node if k != _END)
        terminal = _END in node
        if len(children) == 1 and not terminal:
            chain.append(_atom_regex(children[0]))
            node = node[children[0]]
            continue
        break
    if not children:
        return "".join(chain) + at_end
    branches = [_atom_regex(atom) + _node_regex(node[atom], at_end) for atom in children]
    if terminal:
        branches.append(at_end)  # after every longer way has failed: end here
    tail = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return "".join(chain) + tail
