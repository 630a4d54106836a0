"""Bundles in cell mode, driven as a user would (``cli.main``) against the real test server.

A bundle exported in cell mode is the vault's format and imports into a plain vault, verified
there; a vault's bundle imported in cell mode becomes a shared incident with every hash it had, or
is merged into the shared incident it came from. Real vaults, a real PostgreSQL, no mocks.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from incident_log.logbook import Logbook
from tests.cell import test_cli_cell
from tests.cell.test_cli_cell import Run, Station, new_incident
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.pgserver import PostgresServer

# The CLI tests' fixtures (a user's `incident-log ...` in this process; a workstation with its login).
run = test_cli_cell.run
make_station = test_cli_cell.make_station

BUNDLE_PASSPHRASE = "bundle passphrase 2026"


@pytest.fixture(autouse=True)
def _bundle_passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INCIDENT_LOG_BUNDLE_PASSPHRASE", BUNDLE_PASSPHRASE)


def plain_vault(tmp_path: Path, name: str) -> list[str]:
    """A vault of its own, no cell: the arguments that name it."""
    path = tmp_path / f"{name}.db"
    Logbook.create(path, PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF).close()
    return ["--vault", str(path)]


def rows(run: Run, *argv: str) -> list[dict[str, object]]:
    """`export REF --format jsonl`: every entry #1 on, as exported (hashes included)."""
    code, out, err = run(*argv, "--format", "jsonl")
    assert code == 0, err
    return [json.loads(line) for line in out.splitlines()]


KEPT = ("seq", "occurred_at", "recorded_at", "kind", "author", "text", "refs", "origin", "fields", "hash")


def same_log(a: list[dict[str, object]], b: list[dict[str, object]]) -> None:
    assert [{k: r[k] for k in KEPT} for r in a] == [{k: r[k] for k in KEPT} for r in b]


def test_a_shared_incident_exported_imports_into_a_plain_vault_and_verifies_there(
    run: Run, make_station: Callable[..., Station], tmp_path: Path
) -> None:
    loggist, leader = make_station("loggist"), make_station("leader")
    ref = new_incident(run, loggist)
    assert run(*loggist.args("log", ref, "note", "Negotiator on the phone", "--author", "DC Ortega"))[0] == 0
    assert run(*leader.args("log", ref, "note", "Perimeter holds", "--author", "Insp. Vidal"))[0] == 0
    assert run(*loggist.args("log", ref, "note", "Subject asks for water", "--author", "DC Ortega"))[0] == 0
    bundle = tmp_path / "shared.bundle"
    code, out, err = run(*leader.args("bundle", "export", ref, "-o", str(bundle)))
    assert code == 0, err
    assert out.startswith(f"Wrote {bundle}: {ref}") and "could not be reached" not in err

    desk = plain_vault(tmp_path, "desk")  # the debrief officer's own vault, no cell
    code, out, err = run(*desk, "bundle", "import", str(bundle))
    assert code == 0 and out.strip() == ref, err
    code, out, err = run(*desk, "verify")  # the whole vault: chain, file and its ledger of incidents
    assert code == 0 and out.startswith("OK: 3 entries in 1 incident(s)"), err
    shared = rows(run, *leader.args("export", ref))
    same_log(rows(run, *desk, "export", ref), shared)  # times, authors, hashes: the same log
    assert [r["author"] for r in shared] == ["DC Ortega", "Insp. Vidal", "DC Ortega"]
    # The head a report printed from the shared log checks against the vault's copy, and back.
    head = str(shared[-1]["hash"])
    assert run(*desk, "verify", ref, "--head", head, "--count", "3")[0] == 0
    assert run(*loggist.args("verify", ref, "--head", head, "--count", "3"))[0] == 0
    # Twice adds nothing, as for any bundle.
    assert run(*desk, "bundle", "import", str(bundle))[0] == 0
    assert len(rows(run, *desk, "export", ref)) == 3


def test_offline_the_bundle_is_the_mirror_and_says_what_it_lacks(
    run: Run, make_station: Callable[..., Station], pg_server: PostgresServer, tmp_path: Path
) -> None:
    loggist = make_station("loggist")
    ref = new_incident(run, loggist)
    assert run(*loggist.args("log", ref, "note", "before the cable was pulled"))[0] == 0
    bundle = tmp_path / "offline.bundle"
    pg_server.stop()
    try:
        assert run(*loggist.args("log", ref, "note", "while the server is down"))[1].startswith("queued")
        code, out, err = run(*loggist.args("bundle", "export", ref, "-o", str(bundle)))
        assert code == 0 and out.startswith(f"Wrote {bundle}"), err
        assert "could not be reached" in err and "as last synced (1 entry, head " in err
        assert "not in the bundle: 1 entry waiting in this workstation's queue" in err
        # Importing needs the server: said before any passphrase is asked, nothing written.
        code, out, err = run(*loggist.args("bundle", "import", str(bundle)))
        assert code == 1 and not out and "needs the cell server" in err
    finally:
        pg_server.start()
    desk = plain_vault(tmp_path, "desk")
    code, out, err = run(*desk, "bundle", "import", str(bundle))
    assert code == 0 and out.strip() == ref, err
    assert run(*desk, "verify")[0] == 0
    assert [r["text"] for r in rows(run, *desk, "export", ref)] == ["before the cable was pulled"]


def test_a_vault_bundle_becomes_a_shared_incident_with_the_same_hashes(
    run: Run, make_station: Callable[..., Station], tmp_path: Path
) -> None:
    field = plain_vault(tmp_path, "field")  # a laptop that logged on its own, no cell
    code, out, err = run(*field, "new", "--title", "Bridge, north side", "--type", "suicide intervention")
    assert code == 0, err
    ref = out.strip()
    assert run(*field, "log", ref, "note", "Subject on the ledge", "--author", "PC Luna", "--at",
               "2026-03-14T21:40:00+01:00", "--delay-reason", "typed up after the call")[0] == 0
    assert run(*field, "log", ref, "person", "", "--field", "key=s1", "--field", "role=subject",
               "--field", "name=Tomás Ibarra", "--author", "PC Luna")[0] == 0
    assert run(*field, "log", ref, "note", "Talking about his daughter", "--author", "Sgt. Roca")[0] == 0
    assert run(*field, "seal", ref, "--author", "Sgt. Roca")[0] == 0
    bundle = tmp_path / "field.bundle"
    assert run(*field, "bundle", "export", ref, "-o", str(bundle))[0] == 0

    loggist, leader = make_station("loggist"), make_station("leader")
    code, out, err = run(*loggist.args("bundle", "import", str(bundle)))
    assert code == 0 and out.strip() == ref, err
    assert f"{ref} is now a shared incident of the cell (4 entries)" in err
    code, out, _ = run(*leader.args("list"))
    assert code == 0 and out.startswith(f"{ref}\tsealed\t4 entries")
    same_log(rows(run, *leader.args("export", ref)), rows(run, *field, "export", ref))
    code, out, err = run(*leader.args("verify", ref))  # the server's chain, signatures, the leader's copy
    assert code == 0 and out.startswith("OK: 4 entries"), err
    head = str(rows(run, *field, "export", ref)[-1]["hash"])
    assert run(*leader.args("verify", ref, "--head", head, "--count", "4"))[0] == 0  # the vault's report head

    # The same bundle again: nothing new, and nothing doubled.
    code, out, err = run(*leader.args("bundle", "import", str(bundle)))
    assert code == 0 and out.strip() == ref and "nothing new" in err, err
    assert len(rows(run, *loggist.args("export", ref))) == 4


def test_a_bundle_that_extends_the_shared_log_is_merged_and_one_that_parts_from_it_is_refused(
    run: Run, make_station: Callable[..., Station], tmp_path: Path
) -> None:
    loggist, leader = make_station("loggist"), make_station("leader")
    ref = new_incident(run, loggist)
    assert run(*loggist.args("log", ref, "note", "shared 1"))[0] == 0
    out_bundle = tmp_path / "out.bundle"
    assert run(*loggist.args("bundle", "export", ref, "-o", str(out_bundle)))[0] == 0
    # The team leader takes it away on a laptop with no network, logs on, brings it back.
    laptop = plain_vault(tmp_path, "laptop")
    assert run(*laptop, "bundle", "import", str(out_bundle))[0] == 0
    assert run(*laptop, "log", ref, "note", "laptop 1", "--author", "Insp. Vidal")[0] == 0
    assert run(*laptop, "log", ref, "note", "laptop 2", "--author", "Insp. Vidal")[0] == 0
    back = tmp_path / "back.bundle"
    assert run(*laptop, "bundle", "export", ref, "-o", str(back))[0] == 0
    code, out, err = run(*leader.args("bundle", "import", str(back)))
    assert code == 0 and out.strip() == ref, err
    assert f"added 2 entries from the bundle to the shared log of {ref}" in err
    same_log(rows(run, *loggist.args("export", ref)), rows(run, *laptop, "export", ref))
    assert run(*loggist.args("verify", ref))[0] == 0

    # Both sides go on: the cell and the laptop each record something the other does not have.
    assert run(*loggist.args("log", ref, "note", "shared 4"))[0] == 0
    assert run(*laptop, "log", ref, "note", "laptop 3")[0] == 0
    parted = tmp_path / "parted.bundle"
    assert run(*laptop, "bundle", "export", ref, "-o", str(parted))[0] == 0
    code, out, err = run(*leader.args("bundle", "import", str(parted)))
    assert code == 1 and not out
    assert "differs from the cell's shared log" in err and "Import the bundle into a vault" in err
    assert len(err.strip().splitlines()) == 1
    assert [r["text"] for r in rows(run, *leader.args("export", ref))] == [
        "shared 1", "laptop 1", "laptop 2", "shared 4",
    ]
    # The older bundle, a prefix of the shared log, adds nothing and is not an error.
    code, _out, err = run(*leader.args("bundle", "import", str(back)))
    assert code == 0 and "nothing new" in err


def test_a_bundle_whose_ref_the_cell_already_uses_is_refused(
    run: Run, make_station: Callable[..., Station], tmp_path: Path
) -> None:
    loggist = make_station("loggist")
    field = plain_vault(tmp_path, "field")
    code, out, _ = run(*field, "new", "--title", "Another incident", "--ref", "NEG-2026-0777")
    assert code == 0
    bundle = tmp_path / "field.bundle"
    assert run(*field, "bundle", "export", "NEG-2026-0777", "-o", str(bundle))[0] == 0
    code, _out, err = run(*loggist.args("new", "--title", "Ours", "--ref", "NEG-2026-0777"))
    assert code == 0, err
    code, out, err = run(*loggist.args("bundle", "import", str(bundle)))
    assert code == 1 and not out
    assert "already has a different incident called NEG-2026-0777" in err
    assert [r["text"] for r in rows(run, *loggist.args("export", "NEG-2026-0777"))] == []
    code, out, _ = run(*loggist.args("list"))
    assert out.count("NEG-2026-0777") == 1 and "Ours" in out


def test_a_wrong_bundle_passphrase_in_cell_mode_imports_nothing(
    run: Run, make_station: Callable[..., Station], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    loggist = make_station("loggist")
    ref = new_incident(run, loggist)
    bundle = tmp_path / "x.bundle"
    assert run(*loggist.args("bundle", "export", ref, "-o", str(bundle)))[0] == 0
    other = make_station("other", cell="other-" + loggist.role.replace("_", "-"))
    monkeypatch.setenv("INCIDENT_LOG_BUNDLE_PASSPHRASE", "not the passphrase")
    code, out, err = run(*other.args("bundle", "import", str(bundle)))
    assert code == 1 and not out and "Wrong passphrase for this bundle" in err
    code, out, _ = run(*other.args("list"))
    assert code == 0 and ref not in out


# --- the guard inside the head lock, on the store itself ---------------------------------------------


def test_a_bundle_entry_is_appended_only_where_it_was_and_only_with_its_own_hash(
    make_login: Callable[..., object], make_workstation: Callable[..., object], tmp_path: Path
) -> None:
    """What stops an import from re-hashing entries onto a log that moved meanwhile, or from putting
    an entry on the shared log under a hash that is not the bundle's (the store computes the hash)."""
    import dataclasses

    from incident_log.cell.book import CellBook, _verbatim
    from incident_log.cell.workstation import Workstation
    from incident_log.domain.entry import NewEntry
    from incident_log.errors import BundleError
    from incident_log.store.bundle import read_bundle

    loggist = make_workstation(make_login(prefix="loggist"), "loggist")
    assert isinstance(loggist, Workstation)
    book = CellBook(loggist)
    incident = book.create_incident("Barricade, 3rd floor", type="barricade")
    book.record(incident.ref, NewEntry("note", "shared 1", author="DC Ortega"))
    out = tmp_path / "out.bundle"
    book.export_bundle(incident.ref, out, BUNDLE_PASSPHRASE)
    laptop = Logbook.create(tmp_path / "laptop.db", PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF)
    with laptop:
        laptop.import_bundle(out, BUNDLE_PASSPHRASE)
        laptop.record(incident.ref, NewEntry("note", "laptop 2", author="Insp. Vidal"))
        laptop.export_bundle(incident.ref, tmp_path / "back.bundle", BUNDLE_PASSPHRASE)
    back = read_bundle(tmp_path / "back.bundle", BUNDLE_PASSPHRASE).entries
    assert [e.seq for e in back] == [0, 1, 2]

    store = loggist.store
    # Someone else records #2 on the shared log first: the laptop's #2 no longer follows its head.
    book.record(incident.ref, NewEntry("note", "shared 2", author="DC Ortega"))
    head = store.chain_top(incident.id).head
    with pytest.raises(BundleError, match="moved on while the bundle was being imported"):
        store.append_batch(incident.id, [("00000000-0000-4000-8000-000000000001", _verbatim(back[2], incident.ref))])
    assert store.chain_top(incident.id).head == head  # the batch rolled back: nothing written

    # Where it was, but changed with its hash kept: the hash the store would compute differs.
    fresh = book.create_incident("Bridge, north side", type="crisis")
    opening = store.read_signed(fresh.id, after=-1, limit=1)[0].entry
    forged = dataclasses.replace(
        back[1], incident_id=fresh.id, prev_hash=opening.hash, text="shared 1, as someone would have liked it"
    )
    with pytest.raises(BundleError, match="would not keep its hash"):
        store.append_batch(fresh.id, [("00000000-0000-4000-8000-000000000002", _verbatim(forged, fresh.ref))])
    assert store.chain_top(fresh.id).head.count == 0
