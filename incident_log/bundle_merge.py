"""Merging an incident received in a bundle into the vault: new, or the same log grown longer.

What ``Logbook.import_bundle`` writes once the bundle has been read and every part of it checked
(``domain/received.py``): a new incident with its entries and a ledger record, or, for an incident
the vault already holds, only the entries past its head, after proving the bundle extends this
vault's log (same details, same hash at this vault's head). Anything else is refused whole, with
a sentence; one write transaction (the caller's).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection

from incident_log import errors
from incident_log.domain.received import Received
from incident_log.store import ledger, repository


def merge_bundle(connection: Connection, checked: Received, *, vault_id: str, now: datetime) -> str:
    """Write the checked bundle's incident into the vault; returns its ref."""
    details = checked.details
    existing = repository.find_incident(connection, checked.incident_id)
    raw = repository.driver(connection)
    if existing is None:
        if repository.find_incident(connection, details.ref) is not None:
            raise errors.BundleError(
                f"This vault already has a different incident called {details.ref}; nothing was imported."
            )
        row = repository.IncidentRow(checked.incident_id, details.ref, details.title, details.type,
                                     details.location, details.opened_at, details.exercise, details.time_zone)
        repository.insert_incident(connection, row, now)
        have = -1
        if checked.opening is not None:
            ledger.append(raw, vault_id, event="bundle", incident_id=row.id, ref=row.ref,
                          recorded_at=now, opening=checked.opening.hash)
        else:  # an incident begun before 0.2: its details and log as they arrive are the record
            from incident_log.domain.chain import details_json  # noqa: PLC0415

            last = checked.entries[-1] if checked.entries else None
            ledger.append(raw, vault_id, event="bundle", incident_id=row.id, ref=row.ref,
                          recorded_at=now, details=details_json(details),
                          head={"count": last.seq if last else 0, "hash": last.hash if last else ""})
    else:
        if existing.details != details:
            raise errors.BundleError(
                f"The bundle's details of {existing.ref} differ from this vault's; nothing was imported."
            )
        count = repository.head(connection, existing.id).count
        mine = repository.entry_at(connection, existing.id, count)  # None: a pre-0.2 incident, empty
        first = checked.entries[0].seq if checked.entries else 1
        last_seq = checked.entries[-1].seq if checked.entries else first - 1
        if count > last_seq:
            raise errors.BundleError(
                f"This vault already holds a longer log of {existing.ref} than the bundle; nothing was imported."
            )
        if mine is not None and (count < first or checked.entries[count - first].hash != mine.hash):
            raise errors.BundleError(
                f"The bundle's log of {existing.ref} differs from this vault's; nothing was imported."
            )
        have = count if mine is not None else first - 1
    for entry in checked.entries:
        if entry.seq > have:
            repository.insert_verbatim(raw, entry)
    repository.index_backlog(connection)
    return details.ref

