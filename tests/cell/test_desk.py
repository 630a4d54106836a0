"""The desktop's logbook in cell mode (``cell/desk.py``), against the real test server.

Two desks are two workstations on this machine (their own vault, local file and login). What a
window needs of them: recording that never waits for the server, the other workstation's
entries arriving live, the server stopped and back with nothing lost or doubled, and a
rewrite on the server named.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from incident_log import errors as core_errors
from incident_log.cell import errors
from incident_log.cell.opening import Credentials
from incident_log.cell.signing import SigningKey
from incident_log.desk import CellDesk
from incident_log.domain.entry import NewEntry
from incident_log.events import EntriesAdded
from incident_log.logbook import Logbook, TimelineFilter
from tests.cell.conftest import Login
from tests.cell.test_witness import tamper
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.pgserver import PostgresServer

MakeDesk = Callable[..., CellDesk]


@pytest.fixture
def make_desk(tmp_path: Path) -> Iterator[MakeDesk]:
    made: list[CellDesk] = []

    def make(who: Login, name: str) -> CellDesk:
        vault = Logbook.create(tmp_path / f"{name}.db", PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF)
        desk = CellDesk(vault, who.url, Credentials(who.secrets, SigningKey.generate()))
        made.append(desk)
        return desk

    yield make
    for desk in made:
        desk.close()


def settle(*desks: CellDesk, until: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for desk in desks:
            desk.poll()
        if until():
            return
        time.sleep(0.05)
    raise AssertionError("the desks did not settle in time")


def online(desk: CellDesk) -> bool:
    return desk.connection().connected


def texts(desk: CellDesk, ref: str) -> list[str]:
    """The incident's entries as the desk shows them (none while it has not reached the desk)."""
    try:
        return [e.text for e in desk.all_entries(ref)]
    except core_errors.UnknownIncident:
        return []


def test_two_desks_share_an_incident_live(make_login, make_desk) -> None:
    loggist = make_desk(make_login(prefix="loggist"), "loggist")
    leader = make_desk(make_login(prefix="leader"), "leader")
    settle(loggist, leader, until=lambda: online(loggist) and online(leader))
    heard: list[EntriesAdded] = []
    leader.subscribe(heard.append)

    incident = loggist.create_incident("Rooftop, Calle Mayor", type="suicide intervention", author="Loggist")
    settle(loggist, leader, until=lambda: any(i.id == incident.id for i in leader.incidents()))

    for n in range(12):
        entry = loggist.record(incident.ref, NewEntry("note", f"entry {n + 1}", author="Loggist"))
        assert entry.seq == n + 1  # acknowledged at once, numbered where it lands
    settle(loggist, leader, until=lambda: len(texts(leader, incident.ref)) == 12
           and not loggist.connection().waiting)

    assert texts(leader, incident.ref) == [f"entry {n + 1}" for n in range(12)]
    assert all(e.hash for e in leader.all_entries(incident.ref))  # on the chain, not waiting
    assert loggist.head(incident.ref) == leader.head(incident.ref)
    assert sum(len(e.seqs) for e in heard if e.incident_ref == incident.ref) >= 12
    # The leader's own entries carry the leader's callsign, and reach the loggist.
    leader.flag(incident.ref, 3, reason="debrief: the first demand", author="Team leader")
    settle(loggist, leader, until=lambda: len(texts(loggist, incident.ref)) == 13)
    flag = loggist.entry(incident.ref, 13)
    assert (flag.kind, flag.author, flag.refs) == ("flag", "Team leader", 3)
    assert loggist.seqs(incident.ref, TimelineFilter(flagged_only=True)) == [3]
    assert loggist.verify(incident.ref).ok


def test_the_server_stopped_mid_incident_loses_nothing(pg_server: PostgresServer, make_login, make_desk) -> None:
    loggist = make_desk(make_login(prefix="loggist"), "loggist")
    leader = make_desk(make_login(prefix="leader"), "leader")
    settle(loggist, leader, until=lambda: online(loggist) and online(leader))
    incident = loggist.create_incident("Barricade, 3rd floor", author="Loggist")
    loggist.record(incident.ref, NewEntry("note", "before the cut", author="Loggist"))
    settle(loggist, leader, until=lambda: texts(leader, incident.ref) == ["before the cut"])

    pg_server.stop()
    try:
        for n in range(5):
            started = time.monotonic()
            loggist.record(incident.ref, NewEntry("note", f"loggist offline {n}", author="Loggist"))
            assert time.monotonic() - started < 1.0  # the loggist never waits for the dead server
        for n in range(3):
            leader.record(incident.ref, NewEntry("note", f"leader offline {n}", author="Team leader"))
        settle(loggist, leader, until=lambda: not online(loggist) and not online(leader))
        status = loggist.connection()
        assert (status.connected, status.waiting) == (False, 5)
        assert texts(loggist, incident.ref)[-5:] == [f"loggist offline {n}" for n in range(5)]
        assert loggist.waiting_seqs(incident.ref) == frozenset(range(2, 7))
        with pytest.raises(errors.CellError):
            loggist.seal(incident.ref, author="Loggist")  # the seal needs the shared head
    finally:
        pg_server.start()
    for desk in (loggist, leader):
        desk.sync_now()
    settle(loggist, leader, until=lambda: not loggist.connection().waiting and not leader.connection().waiting
           and len(texts(loggist, incident.ref)) == 9 and len(texts(leader, incident.ref)) == 9, timeout=60)

    expected = {"before the cut", *(f"loggist offline {n}" for n in range(5)), *(f"leader offline {n}" for n in range(3))}
    for desk in (loggist, leader):
        shown = texts(desk, incident.ref)
        assert sorted(shown) == sorted(expected)  # every entry, exactly once
        assert not desk.waiting_seqs(incident.ref)
        assert desk.verify(incident.ref).ok
    assert texts(loggist, incident.ref) == texts(leader, incident.ref)  # one order on both
    # Each workstation's entries keep the order they were typed in.
    mine = [t for t in texts(leader, incident.ref) if t.startswith("loggist")]
    assert mine == [f"loggist offline {n}" for n in range(5)]
    sealed = loggist.seal(incident.ref, author="Loggist")
    assert sealed.kind == "seal" and sealed.seq == 10


def test_a_row_rewritten_on_the_server_is_named(pg_server: PostgresServer, make_login, make_desk) -> None:
    loggist = make_desk(make_login(prefix="loggist"), "loggist")
    leader = make_desk(make_login(prefix="leader"), "leader")
    settle(loggist, leader, until=lambda: online(loggist) and online(leader))
    incident = loggist.create_incident("Kidnap, warehouse", author="Loggist")
    for n in range(6):
        loggist.record(incident.ref, NewEntry("note", f"entry {n + 1}", author="Loggist"))
    settle(loggist, leader, until=lambda: len(texts(leader, incident.ref)) == 6 and not loggist.connection().waiting)

    tamper(pg_server, f"UPDATE incident_log.entry SET text = 'nothing happened' WHERE incident_id = '{incident.id}' AND seq = 4")
    for desk in (loggist, leader):
        result = desk.verify(incident.ref)
        assert not result.ok
        assert result.first_bad == (incident.ref, 4)
        assert texts(desk, incident.ref)[3] == "entry 4"  # the witness keeps what it saw


def test_offline_from_the_start_the_window_still_records(tmp_path: Path, make_login) -> None:
    """A workstation that never reached the server (wrong port): entries wait, numbered, durable."""
    who = make_login(prefix="loggist")
    dead = who.url.replace(f":{who.url.split(':')[2].split('/')[0]}/", ":1/")
    vault = Logbook.create(tmp_path / "v.db", PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF)
    with CellDesk(vault, dead, Credentials(who.secrets, SigningKey.generate())) as desk:
        incident = desk.create_incident("Rooftop", author="Loggist")
        assert incident.ref.startswith("NEG-") and len(incident.ref.split("-")) == 4  # offline suffix
        first = desk.record(incident.ref, NewEntry("note", "one", author="Loggist"))
        fix = desk.amend(incident.ref, first.seq, "one, corrected", reason="typo", author="Loggist")
        assert (fix.seq, fix.refs) == (2, 1)
        assert desk.connection().waiting == 3  # the opening and both entries
        with pytest.raises(core_errors.ValidationError):
            desk.record(incident.ref, NewEntry("amendment", "x", {"reason": "r"}, refs=9, author="Loggist"))
        desk.save_draft(incident.ref, "composer", {"text": "half typed"})
        assert desk.load_draft(incident.ref, "composer") == {"text": "half typed"}
    # Reopened: everything acknowledged is still there.
    vault = Logbook.open(tmp_path / "v.db", passphrase=PASSPHRASE, use_keyring=False)
    with CellDesk(vault, dead, Credentials(who.secrets, SigningKey.generate()), start=False) as desk:
        assert texts(desk, incident.ref) == ["one", "one, corrected"]
        assert desk.load_draft(incident.ref, "composer") == {"text": "half typed"}
        result = desk.verify(incident.ref)
        assert result.ok and any("cannot be reached" in w for w in result.warnings)
