"""How a registered name becomes the forms that must be hidden.

A name is cut into parts; every ordered selection of parts that starts and ends with a real
name part is a form to hide ("Tomás Ibarra Ruiz" -> "Tomás Ruiz", "Ibarra Ruiz", "Ruiz"...).
Titles, ranks, particles and role words are never hidden on their own: "Inspector" or "de" alone
identify nobody, and redacting them would make the report unreadable.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import combinations

from incident_log.redaction.fold import fold

# Ranks, titles and honorifics (English, Spanish, French, German, Italian, Portuguese, Polish).
TITLES: frozenset[str] = frozenset(
    """
    mr mrs ms miss mx dr prof professor sir dame rev reverend fr
    pc dc ds di dci dsi dcs supt superintendent inspector insp sgt sergeant constable tl sio
    officer detective agent cmdr commander capt captain lt lieutenant col colonel cpl corporal
    jr jnr sr snr esq
    inspectora subinspector subinspectora comisario comisaria oficial agente sargento sargenta
    cabo teniente capitan capitana comandante coronel guardia policia dona senor senora senorita
    sra srta dra lic
    monsieur madame mademoiselle mme mlle commissaire capitaine brigadier gendarme
    herr frau fraulein kommissar kommissarin polizist
    signor signora signorina sig commissario ispettore senhor senhora komisarz aspirant pan pani
    imam sheikh shaykh rabbi pastor mufti hafiz hajji haji mullah padre cura
    """.split()
)
# Deliberately absent although they are honorifics or ranks elsewhere: words that are also
# common first names or surnames (Don, Ben, Pan, Major, Marshal, General, Deputy...). Safety
# first: a registered "Don Johnson" must lose "Don" too.

# Particles of surnames: part of a full name, never a name alone ("de" must not vanish from Spanish).
PARTICLES: frozenset[str] = frozenset(
    """
    de del della delle dei degli di da das do dos du des la las le les lo los el al y e i
    van von der den ter ten vander zu bin ibn bint ap af st ste
    """.split()
)

# Words of labels and roles: an author written as "Loggist 1" must not make "loggist" a name.
ROLE_WORDS: frozenset[str] = frozenset(
    """
    subject hostage negotiator family witness intermediary commander other loggist coach primary
    secondary team leader intelligence adviser advisor police unknown person
    """.split()
)

# Particles of patronymics and Gaelic/Welsh/Arabic names: absorbed into the label they precede.
PATRONYMIC_PARTICLES: frozenset[str] = frozenset("o ó ni ní nic mac mc ap ab ui uí bin bint ibn al el ben".split())

NOT_A_NAME_ALONE: frozenset[str] = TITLES | PARTICLES | ROLE_WORDS

# More than this many parts: only contiguous selections (2**n grows fast).
_MAX_PARTS_FOR_ALL_SELECTIONS = 6

_SPLIT = re.compile(r"[\s,;/]+|(?<=\w)[-\u2010-\u2015](?=\w)")
_STRIP = '"“”«»()[]{}.:!?*'


def letters(word: str) -> int:
    return sum(1 for ch in word if ch.isalpha())


def parts(name: str) -> list[str]:
    """The parts of a name: split on spaces, commas and hyphens, outer punctuation removed."""
    out = []
    for raw in _SPLIT.split(name):
        word = raw.strip(_STRIP + "'’-")
        if word:
            out.append(word)
    return out


def can_stand_alone(part: str) -> bool:
    """Whether a name part is hidden on its own (a real name part of 2+ letters)."""
    key = re.sub(r"[^\w]", "", fold(part))
    return letters(part) >= 2 and key not in NOT_A_NAME_ALONE


def apostrophe_pieces(part: str) -> list[str]:
    """Pieces of "O'Neill" or "D'Angelo" that can stand alone ("Neill", "Angelo")."""
    pieces = re.split(r"['’ʼ]", part)
    if len(pieces) < 2:
        return []
    return [p for p in pieces if can_stand_alone(p)]


def forms(name: str) -> list[tuple[str, ...]]:
    """Every form of ``name`` to hide, each a tuple of parts (matched with any spacing between).

    The registered string itself is always a form, even if all of it is a title ("Don" as an
    explicit alias is hidden); selections of parts must start and end with a part that can
    stand alone.
    """
    words = parts(name)
    if not words:
        return []
    found: dict[tuple[str, ...], None] = {}
    if sum(letters(w) for w in words) >= 2 or any(ch.isdigit() for ch in name):
        found[tuple(words)] = None
    alone = [can_stand_alone(w) for w in words]
    n = len(words)
    if n <= _MAX_PARTS_FOR_ALL_SELECTIONS:
        selections = (combo for size in range(1, n + 1) for combo in combinations(range(n), size))
    else:
        # A long name (a 100-word paste): each part, and runs of up to three neighbours. The
        # parts found side by side are merged into one label by the apply stage.
        selections = (tuple(range(i, j)) for i in range(n) for j in range(i + 1, min(n, i + 3) + 1))
    for combo in selections:
        if alone[combo[0]] and alone[combo[-1]]:
            found[tuple(words[i] for i in combo)] = None
    for word in words:
        for piece in apostrophe_pieces(word):
            found[(piece,)] = None
    return list(found)


@lru_cache(maxsize=4096)
def key_of(text: str) -> str:
    """The lookup key of a form or of matched text: folded, letters and digits only."""
    return re.sub(r"[\W_]+", "", fold(text))
