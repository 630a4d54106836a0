"""Whatever the vault accepts, every consumer can show (issue 9, item 1).

Hypothesis generates entries from the whole space the composer and the CLI can submit (any
Unicode text, any sizes up to the limits, any field values); each is offered to ``record()``.
For the accepted ones, the export, a bundle round trip, the fold and the debrief report must all
work, and ``verify`` must pass.
"""

from __future__ import annotations

import json
from datetime import timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from incident_log import errors
from incident_log.domain.entry import NewEntry, utc_now
from incident_log.domain.kinds import COMPOSER_KINDS, KINDS, MAX_TEXT_CHARS, FieldType
from incident_log.logbook import Logbook
from tests.conftest import FAST_KDF, PASSPHRASE

any_text = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=60) | st.text(max_size=8)
long_text = st.integers(min_value=0, max_value=MAX_TEXT_CHARS).map(lambda n: ("Ab cd, ef. " * (n // 11 + 1))[:n])
value = st.one_of(any_text, st.sampled_from(["s1", "phone", "start", "open", "made", "subject", "weapon", "reported",
                                              "B2", "2026-03-14T21:40:00+01:00", "0226-01-01T00:00:00Z"]),
                  st.integers(-5, 2**40), st.lists(any_text, max_size=3), st.none())


@st.composite
def drafts(draw: st.DrawFn) -> NewEntry:
    kind = draw(st.sampled_from([*COMPOSER_KINDS, "amendment", "flag"]))
    spec = KINDS[kind]
    fields = {f.name: draw(value) for f in spec.fields if draw(st.booleans())}
    for f in spec.fields:
        if f.required and f.type is FieldType.PERSON:
            fields[f.name] = "s1"
    minutes = draw(st.sampled_from([0, 0, 5, 30, 60 * 24 * 400]))
    return NewEntry(
        kind=kind,
        text=draw(st.one_of(any_text, long_text)),
        fields=fields,
        occurred_at=utc_now() - timedelta(minutes=minutes),
        refs=draw(st.sampled_from([None, 1, 2, 3])),
        author=draw(st.sampled_from(["L1", "Loggist Núñez", " ", "x" * 80])),
        delay_reason=draw(st.sampled_from([None, "relayed late by control"])),
    )


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
          database=None)
@given(batch=st.lists(drafts(), min_size=1, max_size=6))
def test_every_accepted_entry_can_be_exported_bundled_folded_and_reported(tmp_path_factory, batch: list[NewEntry]) -> None:
    from incident_log.report import ReportOptions, build_report
    from incident_log.report.source import gather, make_redactor

    folder = tmp_path_factory.mktemp("accepted")
    with Logbook.create(folder / "vault.db", PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF) as book:
        ref = book.create_incident("Property", time_zone="Europe/Madrid").ref
        book.record(ref, NewEntry("person", "", {"key": "s1", "role": "subject", "name": "Iker Ibarra"}, author="L1"))
        accepted = 0
        for draft in batch:
            try:
                book.record(ref, draft)
                accepted += 1
            except errors.ValidationError:
                continue
        assert book.verify().ok
        rows = list(book.export_rows(ref))
        json.dumps(rows, ensure_ascii=False).encode("utf-8")  # every value encodes
        assert len(rows) == accepted + 1
        book.state(ref)
        bundle = folder / "b.bundle"
        book.export_bundle(ref, bundle, "bundle passphrase")
        inputs = gather(book, ref)
        result = build_report(inputs.state, inputs.entries, redactor=make_redactor(inputs.state, inputs.entries),
                              verification=inputs.verification, options=ReportOptions(invariant=True))
        assert result.pages >= 1
    with Logbook.create(folder / "other.db", PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF) as other:
        assert other.import_bundle(bundle, "bundle passphrase").entry_count == accepted + 1
        assert other.verify().ok
