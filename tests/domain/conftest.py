"""Builders for the domain tests: real frozen Entry values, chained like the store chains them.

The fold must not care about hashes, but building a true chain costs nothing and keeps the
values exactly like the ones the logbook hands out.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from incident_log.domain.entry import (
    ORIGIN_IMPORT,
    ORIGIN_LIVE,
    Entry,
    Incident,
    NewEntry,
    chain_hash,
    entry_payload,
    genesis_hash,
)
from incident_log.domain.projections import fold
from incident_log.domain.state import IncidentState
from tests.conftest import VIADUCT

OPENED = datetime(2026, 3, 14, 20, 0, tzinfo=UTC)
INCIDENT_ID = "7d0f6a52-0000-4000-8000-000000000001"


class LogBuilder:
    """An incident's log written entry by entry; times are minutes after ``OPENED``."""

    def __init__(self, opened_at: datetime = OPENED) -> None:
        self.incident = Incident(
            id=INCIDENT_ID, ref="NEG-2026-0001", title="Test", type="hostage", location="", opened_at=opened_at,
            exercise=True,
        )
        self.entries: list[Entry] = []

    def at(self, minutes: float) -> datetime:
        return self.incident.opened_at + timedelta(minutes=minutes)

    def add(
        self,
        kind: str,
        text: str = "",
        *,
        at: float | datetime = 0,
        recorded_at: datetime | None = None,
        author: str = "Loggist A",
        refs: int | None = None,
        origin: str = ORIGIN_LIVE,
        **fields: Any,
    ) -> Entry:
        occurred = at if isinstance(at, datetime) else self.at(at)
        return self._append(
            kind, text, fields, occurred, recorded_at or occurred, author, refs, None, origin
        )

    def amend(self, target: int, text: str = "", *, at: float = 0, reason: str = "typo", **corrected: Any) -> Entry:
        fields: dict[str, Any] = {"reason": reason}
        if corrected:
            fields["corrected"] = corrected
        return self.add("amendment", text, at=at, refs=target, **fields)

    def add_new(self, draft: NewEntry, *, origin: str = ORIGIN_IMPORT) -> Entry:
        assert draft.occurred_at is not None
        return self._append(
            draft.kind, draft.text, dict(draft.fields), draft.occurred_at, draft.occurred_at, draft.author,
            draft.refs, draft.delay_reason, origin,
        )

    def _append(
        self, kind: str, text: str, fields: dict[str, Any], occurred: datetime, recorded: datetime, author: str,
        refs: int | None, delay_reason: str | None, origin: str,
    ) -> Entry:
        seq = len(self.entries) + 1
        prev = self.entries[-1].hash if self.entries else genesis_hash(self.incident.id)
        payload = entry_payload(
            incident_id=self.incident.id, seq=seq, kind=kind, occurred_at=occurred, recorded_at=recorded,
            author=author, text=text, fields=fields, refs=refs, delay_reason=delay_reason, origin=origin,
        )
        entry = Entry(
            incident_id=self.incident.id, seq=seq, kind=kind, occurred_at=occurred, recorded_at=recorded,
            author=author, text=text, fields=fields, refs=refs, delay_reason=delay_reason, origin=origin,
            prev_hash=prev, hash=chain_hash(prev, payload),
        )
        self.entries.append(entry)
        return entry

    def person(self, key: str, role: str, name: str, **more: Any) -> Entry:
        return self.add("person", key=key, role=role, name=name, **more)

    def fold(self, as_of: datetime | float | None = None, entries: Iterable[Entry] | None = None) -> IncidentState:
        if as_of is None:
            moment = self.entries[-1].occurred_at if self.entries else self.incident.opened_at
        elif isinstance(as_of, datetime):
            moment = as_of
        else:
            moment = self.at(as_of)
        return fold(self.incident, self.entries if entries is None else entries, as_of=moment)


@pytest.fixture
def log() -> LogBuilder:
    return LogBuilder()


@pytest.fixture
def viaduct_json() -> dict:
    """The viaduct scenario as decoded JSON (a fresh copy each test may mutate)."""
    return json.loads(VIADUCT.read_text(encoding="utf-8"))
