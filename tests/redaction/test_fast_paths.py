"""The finder's and the check's fast paths find exactly what the plain walks find.

Both were made faster for the 10,000-entry report (benchmarks/bench_report.py): the spoken-number
detector skips sentences with fewer than two digit words, and the check strips the report's own
wording by comparing slices. Hypothesis compares each with the plain version on texts made of
digit words, numbers, ordinary words and punctuation.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from incident_log.redaction import check, detectors

DIGIT_WORDS = sorted(detectors._DIGIT_WORDS)
piece = st.one_of(
    st.sampled_from(DIGIT_WORDS).map(lambda w: w.upper() if len(w) % 2 else w.title()),
    st.sampled_from(["double", "treble", "and", "y", "i", "phone", "call", "Oh", "set", "once", "seven-"]),
    st.integers(0, 99999).map(str),
    st.text(min_size=1, max_size=6),
)
gap = st.sampled_from([" ", ", ", "-", ". ", "", " / ", "\n", "é"])
text = st.lists(st.tuples(piece, gap), max_size=30).map(lambda parts: "".join(p + g for p, g in parts))


@settings(max_examples=400, deadline=None)
@given(text)
def test_spoken_numbers_prefilter_misses_nothing(sample: str) -> None:
    assert list(detectors.spoken_numbers(sample)) == list(detectors._spoken_runs(sample))


def _plain_strip(stream: list[tuple[str, str]], index: dict[str, list[tuple[str, ...]]]) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    i, n = 0, len(stream)
    while i < n:
        token = stream[i][0]
        matched = 0
        for seq in index.get("#" if token.isdigit() else token, []):
            if i + len(seq) <= n and all(
                (s == "#" and stream[i + k][0].isdigit()) or s == stream[i + k][0] for k, s in enumerate(seq)
            ):
                matched = len(seq)
                break
        if matched:
            out.append(("\x00", ""))
            i += matched
        else:
            out.append(stream[i])
            i += 1
    return out


word = st.sampled_from(["page", "of", "#", "12", "7", "head", "hash", "entry", "subject", "a", "#x"])


@settings(max_examples=400, deadline=None)
@given(st.lists(word, max_size=40), st.lists(st.lists(word, min_size=1, max_size=4), max_size=6))
def test_furniture_strip_matches_the_plain_walk(tokens: list[str], phrases: list[list[str]]) -> None:
    index = check._furniture_index(" ".join(p) for p in phrases)
    stream = [(t, t) for t in tokens]
    assert check._strip_furniture(stream, index) == _plain_strip(stream, index)
