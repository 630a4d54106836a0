"""What the command line and the report need of a logbook, as a ``Protocol``: no ``Any``.

Two classes provide it: ``Logbook`` (the vault) and ``cell.book.CellBook`` (the shared store in
cell mode). Their writes differ in what they hand back (the vault's ``Entry``; the cell's
``Acknowledgement``, which may be a queued entry with a provisional number), so writes are typed
as ``Recorded``: the number and the clock warning, which is what a caller may rely on in both.
Vault-only operations (backup) take the ``Logbook`` itself; bundles have one command per mode
(``Logbook.export_bundle``/``import_bundle``, ``CellBook``'s, which say what the shared log gave).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from incident_log.domain.entry import Entry, Incident, NewEntry
from incident_log.domain.state import IncidentState
from incident_log.events import EntriesAdded
from incident_log.store.verify import VerifyResult

if TYPE_CHECKING:
    from incident_log.logbook import TimelineFilter


class Recorded(Protocol):
    """An entry just recorded: its number (provisional while it waits, in cell mode)."""

    @property
    def seq(self) -> int: ...

    @property
    def clock_back(self) -> int | None: ...


class Book(Protocol):
    def __enter__(self) -> Book: ...

    def __exit__(self, *exc: object) -> None: ...

    def close(self) -> None: ...

    def get_pref(self, name: str, default: str | None = None) -> str | None: ...

    # incidents
    def incidents(self) -> list[Incident]: ...

    def incident(self, ref: str) -> Incident: ...

    def create_incident(
        self,
        title: str,
        *,
        type: str = "other",
        location: str = "",
        ref: str | None = None,
        exercise: bool = False,
        opened_at: datetime | None = None,
        time_zone: str | None = None,
        author: str = ...,
    ) -> Incident: ...

    def import_scenario(self, data: dict[str, Any], *, ref: str | None = None) -> Incident: ...

    # writing
    def record(self, ref: str, draft: NewEntry) -> Recorded: ...

    def amend(
        self, ref: str, seq: int, text_: str, *, reason: str, author: str, corrected: dict[str, Any] | None = None
    ) -> Recorded: ...

    def change_details(self, ref: str, *, reason: str, author: str, **changes: Any) -> Recorded: ...

    def seal(self, ref: str, *, author: str) -> Recorded: ...

    def reopen(self, ref: str, reason: str, *, author: str) -> Recorded: ...

    def audit(self, ref: str, action: str, *, reason: str, author: str) -> Recorded: ...

    def record_redaction_decision(
        self, ref: str, action: str, value: str, *, author: str, person: str | None = None, reason: str = ""
    ) -> Recorded: ...

    # reading
    def entry(self, ref: str, seq: int) -> Entry: ...

    def all_entries(self, ref: str) -> Iterator[Entry]: ...

    def head(self, ref: str) -> tuple[int, str]: ...

    def waiting_entries(self, ref: str) -> list[Entry]:
        """Recorded here, not yet on the log ``all_entries`` reads (cell mode's queue; a vault: none)."""
        ...

    def state(self, ref: str, *, as_of: datetime | None = None) -> IncidentState: ...

    def export_rows(self, ref: str) -> Iterator[dict[str, Any]]: ...

    def verify(self, ref: str | None = None, *, head: str | None = None, count: int | None = None) -> VerifyResult: ...


class DeskBook(Book, Protocol):
    """What the desktop's windows need of a logbook: ``Logbook`` (the vault) and
    ``desk.CellDesk`` (cell mode) both meet it, and the UI holds no ``Any`` for it.

    Beyond ``Book``: the timeline's reads by number and filter, search, the team leader's flags
    and reviews, drafts and preferences, the live events, the lock's passphrase checks, bundles.
    Writes hand back the ``Entry`` the window shows (in cell mode, a waiting one has no hash).
    """

    @property
    def path(self) -> Path: ...

    @property
    def keyring_note(self) -> str | None: ...

    @property
    def unlocked_with(self) -> str: ...

    late_margin: timedelta

    def check_passphrase(self, passphrase: str) -> bool: ...

    def check_keyring(self) -> bool: ...

    def set_pref(self, name: str, value: str) -> None: ...

    def save_draft(self, ref: str, slot: str, content: dict[str, Any]) -> None: ...

    def load_draft(self, ref: str, slot: str) -> dict[str, Any] | None: ...

    def clear_draft(self, ref: str, slot: str) -> None: ...

    def record(self, ref: str, draft: NewEntry) -> Entry: ...

    def amend(
        self, ref: str, seq: int, text_: str, *, reason: str, author: str, corrected: dict[str, Any] | None = None
    ) -> Entry: ...

    def flag(self, ref: str, seq: int, *, reason: str, author: str) -> Entry: ...

    def mark_reviewed(self, ref: str, upto: int, *, author: str) -> Entry: ...

    def seal(self, ref: str, *, author: str) -> Entry: ...

    def reopen(self, ref: str, reason: str, *, author: str) -> Entry: ...

    def audit(self, ref: str, action: str, *, reason: str, author: str) -> Entry: ...

    def record_redaction_decision(
        self, ref: str, action: str, value: str, *, author: str, person: str | None = None, reason: str = ""
    ) -> Entry: ...

    def entries(self, ref: str, seqs: Sequence[int]) -> list[Entry]: ...

    def seqs(self, ref: str, flt: TimelineFilter | None = None) -> list[int]: ...

    def latest(self, ref: str, limit: int = 200) -> list[Entry]: ...

    def search(self, ref: str, query: str, flt: TimelineFilter | None = None, limit: int = 500) -> list[Entry]: ...

    def subscribe(self, callback: Callable[[EntriesAdded], None]) -> Callable[[], None]: ...

    def poll(self) -> list[EntriesAdded]: ...

    def export_bundle(self, ref: str, path: Path, passphrase: str, *, force: bool = False) -> Any: ...

    def import_bundle(self, path: Path, passphrase: str) -> Incident: ...
