"""Live updates from the cell server: LISTEN/NOTIFY as hints, re-reads as the truth.

Every append on the server sends, at commit, a notification on its cell's channel with the
payload ``{"incident": ID, "seq": N}``. PostgreSQL does not replay notifications: one sent while
this workstation was disconnected is gone. So a notification is only a hint that a head moved,
and the ``Follower`` always re-reads from the last seq it holds; after any (re)connection of the
listener it re-reads every incident it follows, which catches whatever was missed.

The listener has its own connection in autocommit mode and never runs anything but LISTEN on it
(notifications that arrive while another statement runs on a connection are easy to lose).
``fileno()`` lets a GUI watch the socket (``QSocketNotifier``) and call ``drain()`` only when
something arrived.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import psycopg
from psycopg import sql

from incident_log.cell import errors
from incident_log.cell.connect import CellTarget, Secrets, connect
from incident_log.domain.entry import Entry
from incident_log.store_interface import Change, IncidentStore

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Drained:
    changes: tuple[Change, ...]
    resync: bool  # the listener (re)connected: notifications may have been missed, re-read everything
    connected: bool


def parse_payload(payload: str) -> Change | None:
    """A notification's payload, or None when it is not one of ours (never raises)."""
    try:
        data = json.loads(payload)
        incident, seq = data["incident"], data["seq"]
    except (ValueError, KeyError, TypeError):
        return None
    if not isinstance(incident, str) or isinstance(seq, bool) or not isinstance(seq, int) or seq < 1:
        return None
    return Change(incident, seq)


class Listener:
    """LISTEN on one cell's channel, reconnecting when the connection drops."""

    RETRY_AFTER_S = 5.0  # after a failed reconnection, drain() does not try again for this long

    def __init__(self, target: CellTarget, secrets: Secrets, channel: str) -> None:
        self._target = target
        self._secrets = secrets
        self._channel = channel
        self._connection: psycopg.Connection[Any] | None = None
        self._next_attempt = 0.0

    @property
    def connected(self) -> bool:
        return self._connection is not None and not self._connection.closed

    def fileno(self) -> int | None:
        return self._connection.fileno() if self.connected and self._connection else None

    def _open(self) -> None:
        connection = connect(self._target, self._secrets, autocommit=True)
        connection.execute(sql.SQL("LISTEN {}").format(sql.Identifier(self._channel)))
        self._connection = connection

    def drain(self, timeout: float = 0.0) -> Drained:
        """Notifications received so far (waiting up to ``timeout`` seconds for the first)."""
        resync = False
        if not self.connected:
            # A GUI timer calls this often: a server that is down must not cost a connect
            # timeout on every tick.
            if time.monotonic() < self._next_attempt:
                return Drained((), False, False)
            try:
                self._open()
            except errors.CellError:
                self._next_attempt = time.monotonic() + self.RETRY_AFTER_S
                return Drained((), False, False)
            resync = True
        assert self._connection is not None
        found: list[Change] = []
        try:
            # notifies() runs until its timeout even after a notification arrived: wait for the
            # first one only, then take whatever else is already there without waiting.
            for wait, limit in ((timeout, 1), (0.0, None)):
                for notify in self._connection.notifies(timeout=wait, stop_after=limit):
                    change = parse_payload(notify.payload)
                    if change is not None:
                        found.append(change)
        except psycopg.OperationalError:
            self.close()
            return Drained(tuple(found), resync, False)
        return Drained(tuple(found), resync, True)

    def close(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()
            except psycopg.Error:
                log.debug("listener connection was already gone")
            self._connection = None


@dataclass
class Follower:
    """Keeps what a workstation holds of some incidents up to date with a store.

    ``held`` is the last seq held per incident id. ``pump()`` asks the store what moved and
    re-reads from there; ``on_entries`` gets each incident's new entries, in seq order, once.
    """

    store: IncidentStore
    held: dict[str, int]
    on_entries: Callable[[str, list[Entry]], None] = field(default=lambda _incident, _entries: None)

    def follow(self, incident_id: str, held_seq: int = 0) -> None:
        self.held.setdefault(incident_id, held_seq)

    def pump(self) -> int:
        """Fetch what is new; returns how many entries arrived."""
        return self.catch_up(change.incident_id for change in self.store.changes())

    def catch_up(self, incident_ids: Iterable[str] | None = None) -> int:
        wanted = self.held.keys() if incident_ids is None else {i for i in incident_ids if i in self.held}
        arrived = 0
        for incident_id in list(wanted):
            entries = self.store.read_range(incident_id, after=self.held[incident_id])
            if not entries:
                continue
            self.held[incident_id] = entries[-1].seq
            arrived += len(entries)
            self.on_entries(incident_id, entries)
        return arrived
