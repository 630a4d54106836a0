"""Import (incident-log/1), export (JSON Lines, CSV) and bundles between vaults."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from incident_log import errors
from incident_log.logbook import Logbook
from tests.conftest import FAST_KDF, PASSPHRASE

BUNDLE_PASS = "bundle passphrase 42"


def test_viaduct_imports_whole(logbook: Logbook, viaduct_data: dict) -> None:
    incident = logbook.import_scenario(viaduct_data)
    assert incident.ref == "NEG-2026-0031"
    assert incident.entry_count == len(viaduct_data["people"]) + len(viaduct_data["entries"])
    assert incident.type == "suicide intervention"
    entries = list(logbook.all_entries(incident.ref))
    assert all(e.origin == "import" for e in entries)
    assert [e.kind for e in entries[:6]] == ["person"] * 6
    state = logbook.state(incident.ref)
    by_text = {d.text: d for d in state.demands}
    assert by_text["Asks for a cigarette."].status == "met"
    assert by_text["Wants his dog back from the shelter tonight."].deadline is not None
    assert logbook.verify(incident.ref).ok


def test_import_under_another_ref_and_duplicate_refused(logbook: Logbook, viaduct_data: dict) -> None:
    logbook.import_scenario(viaduct_data)
    with pytest.raises(errors.DuplicateRef):
        logbook.import_scenario(viaduct_data)
    assert logbook.import_scenario(viaduct_data, ref="TRAINING-1").ref == "TRAINING-1"


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        (lambda d: d["entries"][3].update(kind="rumour"), "entry 3: kind"),
        (lambda d: d["entries"][9].update(by="nobody"), "entry 9: by"),
        (lambda d: d["entries"][11].update(status="delivered"), "entry 11: status"),
        (lambda d: d["entries"][2].pop("source"), "entry 2: source"),
        (lambda d: d["entries"][5].update(at="2999-01-01T00:00:00Z"), "entry 5:"),
        (lambda d: d["people"][1].update(role="bystander"), "people[1]"),
    ],
)
def test_malformed_import_names_index_and_field_and_writes_nothing(
    logbook: Logbook, viaduct_data: dict, mutate, expected: str
) -> None:
    data = copy.deepcopy(viaduct_data)
    mutate(data)
    with pytest.raises(errors.IncidentLogError) as caught:
        logbook.import_scenario(data)
    assert expected in caught.value.message
    assert logbook.incidents() == []


def test_export_rows_carry_everything(logbook: Logbook, viaduct: str) -> None:
    rows = list(logbook.export_rows(viaduct))
    assert [r["seq"] for r in rows] == list(range(1, len(rows) + 1))
    assert {"seq", "occurred_at", "recorded_at", "kind", "author", "text", "fields"} <= set(rows[0])
    json.dumps(rows)  # plain JSON


def test_bundle_round_trip_is_idempotent(logbook: Logbook, viaduct: str, tmp_path: Path) -> None:
    bundle = tmp_path / "viaduct.ilbundle"
    logbook.export_bundle(viaduct, bundle, BUNDLE_PASS)
    assert b"Ibarra" not in bundle.read_bytes() and b"Segovia" not in bundle.read_bytes()
    other = Logbook.create(tmp_path / "other.db", PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF)
    with other:
        first = other.import_bundle(bundle, BUNDLE_PASS)
        again = other.import_bundle(bundle, BUNDLE_PASS)
        assert len(other.incidents()) == 1
        assert first.head_hash == again.head_hash == logbook.incident(viaduct).head_hash
        assert other.verify(viaduct).ok
        assert [e.hash for e in other.all_entries(viaduct)] == [e.hash for e in logbook.all_entries(viaduct)]


def test_bundle_with_more_entries_extends_the_copy(logbook: Logbook, viaduct: str, tmp_path: Path) -> None:
    from incident_log.domain.entry import NewEntry

    other = Logbook.create(tmp_path / "other.db", PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF)
    logbook.export_bundle(viaduct, tmp_path / "a.b", BUNDLE_PASS)
    other.import_bundle(tmp_path / "a.b", BUNDLE_PASS)
    logbook.record(viaduct, NewEntry("note", "Debrief held.", author="L1"))
    logbook.export_bundle(viaduct, tmp_path / "b.b", BUNDLE_PASS)
    assert other.import_bundle(tmp_path / "b.b", BUNDLE_PASS).entry_count == logbook.head(viaduct)[0]
    other.close()


def test_bundle_wrong_passphrase_and_tampering(logbook: Logbook, viaduct: str, tmp_path: Path) -> None:
    bundle = tmp_path / "v.b"
    logbook.export_bundle(viaduct, bundle, BUNDLE_PASS)
    other = Logbook.create(tmp_path / "other.db", PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF)
    with other:
        with pytest.raises(errors.WrongBundlePassphrase):
            other.import_bundle(bundle, "not the bundle passphrase")
        data = bytearray(bundle.read_bytes())
        data[-40] ^= 0x01
        bundle.write_bytes(bytes(data))
        with pytest.raises(errors.BundleError):
            other.import_bundle(bundle, BUNDLE_PASS)
        (tmp_path / "junk.b").write_bytes(b"hello")
        with pytest.raises(errors.BundleError, match="not an Incident Log bundle"):
            other.import_bundle(tmp_path / "junk.b", BUNDLE_PASS)
        assert other.incidents() == []
