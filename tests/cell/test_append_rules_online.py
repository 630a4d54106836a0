"""One set of append rules, online: the vault and the cell's server path refuse the same drafts.

``tests/domain/test_append_rules.py`` feeds generated drafts to a vault and to a workstation that
is offline (rules against its mirror and queue). This feeds the same kind of sequence to a vault
and to a workstation connected to a real PostgreSQL server, where the rules run inside the
server's head lock against facts the server answers (``CellFacts``), and a seal is built from the
head it closes as ``CellBook.seal`` builds it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from hypothesis import HealthCheck, event, given, settings

from incident_log import errors
from incident_log.cell.workstation import Acknowledgement, DraftAtHead, Workstation
from incident_log.domain.entry import Entry, NewEntry, utc_now
from incident_log.logbook import Logbook
from incident_log.store.repository import ChainTop, IncidentRow
from tests.cell.conftest import Login
from tests.domain.test_append_rules import STEPS, Outcome, Step, in_the_vault, outcome_of, stored


def sealing(author: str) -> DraftAtHead:
    def draft(top: ChainTop) -> NewEntry:
        return NewEntry("seal", "Incident closed and sealed.", {"head": top.head.hash, "count": top.head.count},
                        author=author)

    return draft


def without_head(entry: Entry) -> tuple[object, ...]:
    """A seal closes its own chain's head: the vault's and the server's hashes differ, the count does not."""
    kind, text_, fields, refs, author, delay_reason = stored(entry)
    if kind == "seal":
        fields = {k: v for k, v in fields.items() if k != "head"}
    return kind, text_, fields, refs, author, delay_reason


@pytest.fixture
def station(make_login: Callable[..., Login], make_workstation: Callable[..., Workstation]) -> Workstation:
    """One connected workstation for every example (each example opens an incident of its own)."""
    return make_workstation(make_login(prefix="rules"), "rules")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS)
def test_the_vault_and_the_cell_server_accept_and_refuse_the_same_drafts(
    logbook: Logbook, station: Workstation, steps: list[Step]
) -> None:
    incident = logbook.create_incident("Viaduct", type="hostage", opened_at=utc_now() - timedelta(hours=1))
    row = IncidentRow(incident.id, incident.ref, "Viaduct", "hostage", "", incident.opened_at,
                      False, incident.time_zone)
    assert not station.create_incident(row).waiting  # on the server at once

    for step in steps:
        draft = step.draft
        vault: Entry | Outcome
        cell: Acknowledgement | Outcome
        try:
            vault = in_the_vault(logbook, incident.ref, step)
        except errors.IncidentLogError as exc:
            vault = outcome_of(exc)
        wanted: NewEntry | DraftAtHead = sealing(draft.author) if step.system and draft.kind == "seal" else draft
        try:
            cell = station.record(row.id, wanted, allow_system=step.system)
        except errors.IncidentLogError as exc:
            cell = outcome_of(exc)
        if isinstance(vault, Entry):
            assert isinstance(cell, Acknowledgement) and cell.entry is not None, (draft, cell)
            assert cell.entry.seq == vault.seq
            assert without_head(cell.entry) == without_head(vault)
            event("accepted")
        else:
            assert cell == vault, draft
            event(f"refused: {vault[0]} {vault[1] or ''}")
    assert station.queue.count() == 0 and station.check(row.id).ok
