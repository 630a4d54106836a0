"""Whatever the vault accepts, the report prints: long texts, every kind, odd Unicode, long names.

Entries are recorded through the real ``Logbook.record`` (so the domain's own validation decides
what is accepted), then the redacted report is built and its finished PDF must pass the
independent check. Measured before this was fixed: a statement over ~4,000 characters, a last
note over ~3,500 characters and a person name of 100 words each made the report impossible.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from incident_log.domain.entry import Entry, NewEntry
from incident_log.domain.kinds import KINDS, MAX_FIELD_CHARS, MAX_TEXT_CHARS, FieldType
from incident_log.errors import ValidationError
from incident_log.logbook import Logbook
from incident_log.report import ReportOptions, build_report
from incident_log.report.source import gather, make_redactor
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.report.conftest import read_pdf

T0 = datetime(2026, 3, 14, 20, 0, tzinfo=UTC)
OPTIONS = ReportOptions(generated_at=datetime(2026, 3, 15, 9, 30, tzinfo=UTC), program_version="t", tz=UTC)

# What validation accepts in a text: no control characters other than tab and newline, no
# bidirectional overrides; everything else goes, including scripts without a bundled font.
_REFUSED = "\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
accepted_char = st.characters(
    blacklist_categories=("Cc", "Cs", "Co", "Cn"), blacklist_characters=_REFUSED
) | st.sampled_from(list("\n\t  -'’.,;:()\"«»¿¡ªºñçłøßéüÅÆŒ"))
words = st.text(alphabet=accepted_char, min_size=1, max_size=12)
sentence = st.lists(words, min_size=1, max_size=20).map(" ".join)
LATIN = st.sampled_from("Tomás Ibarra Łukasz Wróbel Siobhán Ó Briain Nguyễn Thị Lan Hope Page Head Will Grace".split())


def long_text(limit: int) -> st.SearchStrategy[str]:
    """Up to ``limit`` characters: a sentence repeated, sometimes with no space at all."""
    return st.tuples(sentence, st.integers(1, 4000), st.booleans()).map(
        lambda t: ((t[0] + ("" if t[2] else " ")) * t[1])[:limit]
    )


person_name = st.one_of(
    st.lists(LATIN, min_size=1, max_size=4).map(" ".join),
    st.lists(st.sampled_from("A B C Ł Ó É Ñ".split()), min_size=100, max_size=100).map(" ".join),  # 100 words
    st.text(alphabet=accepted_char, min_size=1, max_size=200).filter(lambda s: s.strip()),
)


@pytest.fixture(scope="module")
def vault(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Logbook]:
    book = Logbook.create(
        tmp_path_factory.mktemp("accepted") / "vault.db", PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF
    )
    yield book
    book.close()


_refs = itertools.count(1)


def _fields(draw: st.DrawFn, kind: str, keys: list[str], seqs: dict[str, list[int]]) -> dict[str, object] | None:
    spec = KINDS[kind]
    fields: dict[str, object] = {}
    for field in spec.fields:
        if field.name == "id":
            continue
        if not field.required and not draw(st.booleans()):
            continue
        if field.type is FieldType.PERSON:
            fields[field.name] = draw(st.sampled_from(keys))
        elif field.type is FieldType.CHOICE:
            fields[field.name] = draw(st.sampled_from(field.choices))
        elif field.type is FieldType.DATETIME:
            fields[field.name] = (T0 + timedelta(hours=draw(st.integers(0, 48)))).isoformat()
        elif field.type is FieldType.INT:
            fields[field.name] = draw(st.integers(0, 10))
        elif field.type is FieldType.LIST:
            fields[field.name] = draw(st.lists(st.text(alphabet=accepted_char, max_size=200), max_size=5))
        elif field.type is FieldType.MAPPING:
            continue
        else:
            fields[field.name] = draw(long_text(MAX_FIELD_CHARS))
    if kind == "update":
        targets = seqs.get("demand", []) + seqs.get("offer", [])
        if not targets:
            return None
    return fields


@st.composite
def incident(draw: st.DrawFn) -> tuple[list[dict[str, object]], list[tuple[str, str, dict[str, object]]]]:
    people = [
        {"key": f"p{i}", "role": draw(st.sampled_from(KINDS["person"].field("role").choices)), "name": draw(person_name)}  # type: ignore[union-attr]
        for i in range(draw(st.integers(1, 3)))
    ]
    for person in people:
        person["aliases"] = draw(st.lists(st.sampled_from(["Tomi", "NEG1", "@tomi_89", "Mª José", "el Flaco"]), max_size=2))
        person["phones"] = draw(st.lists(st.sampled_from(["+34 611 204 889", "07700 900461", "699.123.456"]), max_size=2))
    keys = [str(p["key"]) for p in people]
    kinds = [k for k, spec in KINDS.items() if not spec.system and not spec.needs_ref and k != "person"]
    entries: list[tuple[str, str, dict[str, object]]] = []
    for index in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from(kinds))
        # One entry of up to the vault's limit (50,000 characters); the others are short.
        text = draw(long_text(MAX_TEXT_CHARS) if index == 0 else sentence)
        fields = _fields(draw, kind, keys, {})
        if fields is not None:
            entries.append((kind, text, fields))
    # The last note lands on the cover as the outcome of an open incident.
    entries.append(("note", draw(long_text(6_000)), {}))
    return people, entries


def _record(vault: Logbook, ref: str, draft: NewEntry) -> Entry | None:
    try:
        return vault.record(ref, draft)
    except ValidationError:
        return None


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture])
@given(case=incident())
def test_the_report_prints_whatever_the_vault_accepts(vault: Logbook, case: tuple[list[dict[str, object]], list[tuple[str, str, dict[str, object]]]]) -> None:
    people, entries = case
    ref = f"PROP-{next(_refs)}"
    vault.create_incident("Property incident", ref=ref, opened_at=T0, location="C/ Embajadores 112, 3ºB")
    # The real validation decides what is accepted: what it refuses is not the report's business.
    for person in people:
        _record(vault, ref, NewEntry("person", fields=person, author="PC Hale"))
    recorded = [
        e for kind, text, fields in entries if (e := _record(vault, ref, NewEntry(kind, text, fields, author="PC Hale")))
    ]
    assume(recorded)
    # An amendment and a flag on the longest entry: the struck original goes through the redactor too.
    longest = max(recorded, key=lambda e: len(e.text))
    vault.amend(ref, longest.seq, longest.text[:100] + " corrected", reason="typo Ibarrra", author="PC Hale")
    vault.flag(ref, longest.seq, reason="long entry", author="TL Page")

    inputs = gather(vault, ref)
    result = build_report(
        inputs.state, inputs.entries, redactor=make_redactor(inputs.state, inputs.entries),
        verification=inputs.verification, options=OPTIONS,
    )
    text = read_pdf(result.pdf).text
    assert f"8. Full timeline ({len(inputs.entries)} entries)" in text
    assert result.pages >= 3


def test_a_50000_character_statement_flows_across_pages(logbook: Logbook, tmp_path: Path) -> None:
    ref = logbook.create_incident("Long statement", ref="LONG-1", opened_at=T0).ref
    logbook.record(ref, NewEntry("person", fields={"key": "s1", "role": "subject", "name": "Tomás Ibarra"}, author="PC Hale"))
    paragraph = "The subject speaks for a long time about the workshop, the dog and his sister. "
    statement = (paragraph * 700)[:MAX_TEXT_CHARS - 20] + " END-OF-STATEMENT"
    logbook.record(ref, NewEntry("statement", statement, {"speaker": "s1"}, author="PC Hale"))
    logbook.record(ref, NewEntry("note", "A last note. " * 300 + "END-OF-NOTE", author="PC Hale"))
    inputs = gather(logbook, ref)
    result = build_report(
        inputs.state, inputs.entries, redactor=make_redactor(inputs.state, inputs.entries),
        verification=inputs.verification, options=OPTIONS,
    )
    pdf = read_pdf(result.pdf)
    assert "END-OF-STATEMENT" in pdf.text and "END-OF-NOTE" in pdf.text
    assert "(continued in the timeline)" in pdf.pages[0]  # the cover's outcome is bounded
    assert result.pages > 12


def test_a_person_name_of_100_words(logbook: Logbook) -> None:
    ref = logbook.create_incident("Long name", ref="LONG-2", opened_at=T0).ref
    # 100 words within the name field's 200 characters, and a long alias of many real parts.
    name = " ".join(chr(ord("A") + i % 26) for i in range(100))
    alias = " ".join(f"Nom{i}" for i in range(40))[:200].strip()
    fields = {"key": "s1", "role": "subject", "name": name, "aliases": [alias]}
    logbook.record(ref, NewEntry("person", fields=fields, author="PC Hale"))
    logbook.record(ref, NewEntry("note", f"Spoke to {name} and to Nom7 ({alias}).", author="PC Hale"))
    inputs = gather(logbook, ref)
    result = build_report(
        inputs.state, inputs.entries, redactor=make_redactor(inputs.state, inputs.entries),
        verification=inputs.verification, options=OPTIONS,
    )
    pdf = read_pdf(result.pdf)
    assert "Spoke to Subject A and to Subject A (Subject A)." in pdf.text
    assert not pdf.has_word("Nom7")


def test_a_name_glued_to_a_character_no_font_prints_is_still_hidden(logbook: Logbook) -> None:
    """The page prints a character no font has as "\ufffd", which ends the word there: "Anaర" is
    "Ana" on the page. The redactor reads the text as it prints, so it hides "Ana" too; and a
    one-letter part that folds to two ("Ĳ" → "ij") is an initial to both the finder and the check."""
    ref = logbook.create_incident("Glued", ref="GLUE-1", opened_at=T0).ref
    logbook.record(ref, NewEntry("person", fields={"key": "s1", "role": "subject", "name": "Ana Ruiz"}, author="PC Hale"))
    logbook.record(ref, NewEntry("person", fields={"key": "s2", "role": "subject", "name": "Ĳ Vermeer"}, author="PC Hale"))
    logbook.record(ref, NewEntry("note", "Anaర called; Ruizర hung up; ĳర spoke", author="PC Hale"))
    inputs = gather(logbook, ref)
    result = build_report(
        inputs.state, inputs.entries, redactor=make_redactor(inputs.state, inputs.entries),
        verification=inputs.verification, options=OPTIONS,
    )
    text = read_pdf(result.pdf).text
    assert "Ana" not in text.replace("Analyst", "") and "Ruiz" not in text
    assert "Subject A" in text and "hung up" in text
