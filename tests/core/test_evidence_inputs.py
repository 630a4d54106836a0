"""Nothing typed, imported or pointed at can break an incident (issue 9, items 1, 3, 7, 9, 10)."""

from __future__ import annotations

import copy
import json
import os
import stat
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from incident_log import errors
from incident_log.domain.entry import NewEntry, utc_now
from incident_log.logbook import Logbook
from incident_log.store.keyslots import sidecar_path
from tests.conftest import FAST_KDF, PASSPHRASE


@pytest.fixture
def ref(logbook: Logbook) -> str:
    ref = logbook.create_incident("Viaduct", type="suicide intervention").ref
    logbook.record(ref, NewEntry("person", "", {"key": "s1", "role": "subject", "name": "Iker"}, author="L1"))
    return ref


# --- item 1: one domain of valid values --------------------------------------------------------------


@pytest.mark.parametrize(
    ("draft", "field", "words"),
    [
        (NewEntry("note", "x", occurred_at=datetime(226, 12, 1, 20, 40, tzinfo=UTC), delay_reason="y", author="L1"), "occurred_at", "before 1990"),
        (NewEntry("note", "x", occurred_at=datetime(1, 1, 1, tzinfo=UTC), delay_reason="y", author="L1"), "occurred_at", "before 1990"),
        (NewEntry("note", "lone \ud800 surrogate", author="L1"), "text", "lone surrogate"),
        (NewEntry("note", "C1 \x85 control", author="L1"), "text", "U+0085"),
        (NewEntry("note", "\ufeffBOM inside", author="L1"), "text", "U+FEFF"),
        (NewEntry("flag", "", {"reason": "r"}, refs=99999999999999999999, author="L1"), "refs", "no entry"),
        (NewEntry("flag", "", {"reason": "r"}, refs=0, author="L1"), "refs", "no entry"),
        (NewEntry("demand", "car", {"by": "s1", "deadline": "0226-01-01T00:00:00Z"}, author="L1"), "deadline", "before 1990"),
        (NewEntry("amendment", "", {"reason": "r", "corrected": {"name": "x" * 5000}}, refs=1, author="L1"), "corrected.name", "limit"),
        (NewEntry("amendment", "", {"reason": "r", "corrected": {"role": {"nested": ["deep"]}}}, refs=1, author="L1"), "corrected.role", "text"),
        (NewEntry("person", "", {"key": "s2", "role": "subject", "name": " ".join(["word"] * 100)}, author="L1"), "name", "limit"),
        (NewEntry("note", "x", author="   "), "author", "required"),
    ],
)
def test_values_no_consumer_could_show_are_refused(logbook: Logbook, ref: str, draft: NewEntry, field: str, words: str) -> None:
    before = logbook.head(ref)
    with pytest.raises(errors.ValidationError) as caught:
        logbook.record(ref, draft)
    assert caught.value.field == field and words in caught.value.message
    assert logbook.head(ref) == before
    assert logbook.verify().ok


def test_text_is_stored_nfc(logbook: Logbook, ref: str) -> None:
    decomposed = "Jose\u0301 Nu\u0301n\u0303ez"
    entry = logbook.record(ref, NewEntry("note", decomposed, author="L1"))
    assert entry.text == "José Núñez"


def test_an_entry_long_before_the_opening_needs_a_reason(logbook: Logbook, viaduct_data: dict) -> None:
    data = copy.deepcopy(viaduct_data)
    data["entries"][3]["at"] = "2025-01-01T10:00:00+01:00"
    with pytest.raises(errors.ValidationError, match="entry 3: delay_reason: .*a day before the incident opened"):
        logbook.import_scenario(data)
    data["entries"][3]["delay_reason"] = "background from a 2025 welfare check"
    assert logbook.import_scenario(data).entry_count > 0


@pytest.mark.parametrize("opened", ["0226-05-14T21:05:00+02:00", "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-01:00"])
def test_an_import_with_an_impossible_opening_writes_nothing(logbook: Logbook, viaduct_data: dict, opened: str) -> None:
    data = copy.deepcopy(viaduct_data)
    data["incident"]["opened_at"] = opened
    with pytest.raises(errors.IncidentLogError, match="opened_at"):
        logbook.import_scenario(data)
    assert logbook.incidents() == []
    assert logbook.verify().ok


# --- item 3 and 7: output paths and file modes ------------------------------------------------------------


def test_no_output_lands_on_the_vault_or_its_files(logbook: Logbook, ref: str, vault_path: Path) -> None:
    from incident_log import fileio

    before = {p: p.read_bytes() for p in fileio.vault_files(vault_path) if p.exists()}
    link = vault_path.parent / "innocent.pdf"
    link.symlink_to(vault_path)
    for target in [*fileio.vault_files(vault_path), vault_path.parent / ".." / vault_path.parent.name / "vault.db", link]:
        for force in (False, True):
            with pytest.raises(errors.OutputRefused):
                logbook.export_bundle(ref, target, "bundle passphrase", force=force)
            with pytest.raises(errors.OutputRefused):
                fileio.write_output(target, b"junk", force=force)
    os.link(vault_path, vault_path.parent / "hardlink.db")
    with pytest.raises(errors.OutputRefused):
        fileio.write_output(vault_path.parent / "hardlink.db", b"junk", force=True)
    assert {p: p.read_bytes() for p in before} == before
    assert logbook.verify().ok


def test_existing_files_need_force_and_missing_folders_are_named(logbook: Logbook, ref: str, tmp_path: Path) -> None:
    from incident_log import fileio

    existing = tmp_path / "report.pdf"
    existing.write_bytes(b"keep me")
    with pytest.raises(errors.OutputRefused, match="already exists.*--force"):
        fileio.write_output(existing, b"new")
    assert existing.read_bytes() == b"keep me"
    fileio.write_output(existing, b"new", force=True)
    assert existing.read_bytes() == b"new" and stat.S_IMODE(existing.stat().st_mode) == 0o600
    with pytest.raises(errors.OutputRefused, match="folder .* does not exist"):
        fileio.write_output(tmp_path / "nowhere" / "x.pdf", b"x")
    assert not (tmp_path / "nowhere").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_vault_files_are_owner_only_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        vault = tmp_path / "new-folder" / "vault.db"
        book = Logbook.create(vault, PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF)
        ref = book.create_incident("Modes").ref
        book.record(ref, NewEntry("note", "x", author="L1"))
        modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in vault.parent.iterdir()}
        book.close()
    finally:
        os.umask(old)
    assert stat.S_IMODE(vault.parent.stat().st_mode) == 0o700
    assert modes == {"vault.db": 0o600, "vault.db-wal": 0o600, "vault.db-shm": 0o600, "vault.db.keys": 0o600}


def test_a_0644_vault_is_tightened_when_opened(logbook: Logbook, vault_path: Path) -> None:
    logbook.close()
    os.chmod(vault_path, 0o644)
    with Logbook.open(vault_path, passphrase=PASSPHRASE):
        assert stat.S_IMODE(vault_path.stat().st_mode) == 0o600


def test_init_where_the_parent_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    with pytest.raises(errors.VaultFolderUnusable, match="nothing was created"):
        Logbook.create(tmp_path / "afile" / "vault.db", PASSPHRASE, kdf_cost=FAST_KDF)


# --- item 9: the clock moved back ----------------------------------------------------------------------------


class Clock:
    def __init__(self) -> None:
        self.offset = timedelta(0)

    def __call__(self) -> datetime:
        return utc_now() + self.offset


def test_a_clock_set_back_is_recorded_with_a_visible_warning(logbook: Logbook, vault_path: Path) -> None:
    logbook.close()
    clock = Clock()
    with Logbook.open(vault_path, passphrase=PASSPHRASE, clock=clock) as book:
        ref = book.create_incident("Clock").ref
        first = book.record(ref, NewEntry("note", "before", author="L1"))
        clock.offset = -timedelta(hours=2)  # someone set the machine's clock back two hours
        moved = book.record(ref, NewEntry("note", "after the clock moved", author="L1"))
        after = book.record(ref, NewEntry("note", "the clock is still behind", author="L1"))
        assert first.clock_back is None and after.clock_back is None
        assert moved.clock_back is not None and 7190 <= moved.clock_back <= 7200
        assert moved.recorded_at < first.recorded_at  # the clock's true reading is kept, not invented
        result = book.verify(ref)
        assert result.ok, result.problems
        assert any(f"#{moved.seq}: the computer's clock had moved back by 1 h 59 min" in w for w in result.warnings)


def test_a_recorded_time_out_of_order_without_the_warning_is_not_accepted_by_verify(logbook: Logbook) -> None:
    from tests.core.test_tamper import attacker

    ref = logbook.create_incident("Clock").ref
    logbook.record(ref, NewEntry("note", "one", author="L1"))
    second = logbook.record(ref, NewEntry("note", "two", author="L1"))
    from sqlalchemy import text

    from tests.core.test_tamper import rechain

    with attacker(logbook) as sql:
        earlier = (second.recorded_at - timedelta(hours=1)).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        sql.execute(text("UPDATE entry SET recorded_at = :r, occurred_at = :r WHERE seq = :s"), {"r": earlier, "s": second.seq})
        rechain(sql, second.incident_id, second.seq)
    result = logbook.verify(ref)
    assert not result.ok and "without the clock warning" in result.problems[0]


# --- item 10: every incident has its IANA zone ---------------------------------------------------------------


def test_zone_is_taken_from_the_import_offsets(logbook: Logbook, viaduct_data: dict) -> None:
    assert viaduct_data["incident"]["opened_at"].endswith("+01:00")
    incident = logbook.import_scenario(viaduct_data)
    assert incident.time_zone == "Europe/Madrid"  # +01:00 in March: Madrid (preferred over Paris, Berlin)
    data = copy.deepcopy(viaduct_data)
    data["incident"]["time_zone"] = "Atlantic/Canary"
    assert logbook.import_scenario(data, ref="CANARY-1").time_zone == "Atlantic/Canary"
    data["incident"]["time_zone"] = "Mars/Olympus"
    with pytest.raises(errors.ImportError_, match="time_zone"):
        logbook.import_scenario(data, ref="MARS-1")


def test_an_import_whose_offsets_fit_no_zone_asks_for_one(logbook: Logbook, viaduct_data: dict) -> None:
    data = copy.deepcopy(viaduct_data)
    data["incident"]["opened_at"] = "2026-03-14T21:05:00+05:37"
    with pytest.raises(errors.ImportError_, match='"time_zone": "Europe/Madrid"'):
        logbook.import_scenario(data)
    assert logbook.incidents() == []


def test_a_new_incident_gets_the_machine_zone_or_the_one_given(logbook: Logbook, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/London")
    assert logbook.create_incident("Here").time_zone in ("Europe/London", "Etc/UTC")  # tzlocal may prefer /etc/localtime
    assert logbook.create_incident("There", time_zone="Europe/Madrid").time_zone == "Europe/Madrid"
    with pytest.raises(errors.ValidationError, match="time_zone"):
        logbook.create_incident("Nowhere", time_zone="Europe/Atlantis")


def test_export_and_bundle_carry_the_zone(logbook: Logbook, viaduct: str, tmp_path: Path) -> None:
    bundle = tmp_path / "v.bundle"
    logbook.export_bundle(viaduct, bundle, "bundle passphrase")
    other = Logbook.create(tmp_path / "other.db", PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF)
    with other:
        assert other.import_bundle(bundle, "bundle passphrase").time_zone == "Europe/Madrid"
        assert other.verify().ok


def test_no_temp_or_partial_files_after_refusals(logbook: Logbook, ref: str, tmp_path: Path) -> None:
    with pytest.raises(errors.OutputRefused):
        logbook.export_bundle(ref, tmp_path / "missing" / "b.bundle", "bundle passphrase")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["vault.db", "vault.db.keys", "vault.db-wal", "vault.db-shm"])
    assert json.loads(sidecar_path(tmp_path / "vault.db").read_text())["format"] == "incident-log-keys/2"
