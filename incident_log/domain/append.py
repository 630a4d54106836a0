"""The logbook's rules for appending one entry, written once for the vault and the cell.

Both stores do the same dance on an append (``store_interface.py``): take the incident's write
lock, read the chain top and hand the facade's ``prepare`` callback the facts; the callback
decides. ``prepare_append`` is that decision, and every store's callback calls it: the vault's
``Logbook._append``, the cell's ``Workstation`` online (inside the server's head lock) and offline
(against the mirror and the queue). So the vault and the cell cannot drift apart: what one
refuses, the other refuses, with the same error and the same field (``tests/domain/
test_append_rules.py`` feeds both the same drafts).

The rules, in the order they are applied:

1. **The seal.** After a seal nothing but ``AFTER_SEAL_KINDS`` (flag, review, audit, redaction) and
   the program's own ``reopen`` may be recorded (``IncidentSealed``); a ``reopen`` of an incident
   that is open is refused on ``kind``. A ``reopen`` typed by hand (``allow_system`` false) is no
   reopen: on a sealed incident it is refused as sealed, on an open one by ``validate_entry``.
2. ``validate_entry``: the one domain of valid values (``validation.py``).
3. **Person keys are unique** within an incident.
4. **The store's own limits** (``storable``: PostgreSQL holds no NUL character), for any caller.
5. **Times and origin**: the entry is recorded at ``now``, the true reading of the clock, even
   when that is before the entry before it: a clock set back (or an entry that waited in an
   offline queue while others were appended) is never silently accepted, it carries
   ``clock_back`` (covered by the hash, shown as a warning; ``chain.py``).

Pure: no database, no Qt (an import-linter contract keeps it so). What differs between the stores
comes in as parameters: the facts, the chain top, the clock, the late margin, the origin.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from incident_log.domain.chain import clock_moved_back
from incident_log.domain.entry import ORIGIN_LIVE, NewEntry
from incident_log.domain.kinds import AFTER_SEAL_KINDS
from incident_log.domain.late import DEFAULT_LATE_MARGIN
from incident_log.domain.validation import CleanEntry, IncidentFacts, validate_entry
from incident_log.errors import IncidentSealed, ValidationError

__all__ = ["Accepted", "ChainFacts", "HeadFacts", "Storable", "check_seal", "prepare_append"]

REOPEN = "reopen"

# A store's own check of what it can hold, raising ValidationError with the field (the cell's
# ``check_storable``); the vault needs none.
Storable = Callable[[CleanEntry], None]


class HeadFacts(Protocol):
    @property
    def recorded_at(self) -> datetime | None:
        """When the entry at the head was recorded (None: the chain is empty)."""
        ...


class ChainFacts(Protocol):
    """What the rules need of the chain's top: ``store.repository.ChainTop`` is one."""

    @property
    def head(self) -> HeadFacts: ...

    @property
    def sealed(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class Accepted:
    """A draft the rules accept, with what the hash covers that the rules decide.

    The same four values as ``store_interface.Prepared``, which a store's ``prepare`` returns."""

    clean: CleanEntry
    recorded_at: datetime
    origin: str
    clock_back: int | None  # seconds recorded_at is behind the entry before (None: it is not)


def check_seal(kind: str, *, sealed: bool, allow_system: bool, ref: str | Callable[[], str]) -> None:
    """Rule 1: what may follow a seal, and when a reopen is one."""
    reopening = kind == REOPEN and allow_system
    if reopening and not sealed:
        raise ValidationError("kind", "the incident is open; only a sealed incident can be reopened")
    if sealed and not reopening and kind not in AFTER_SEAL_KINDS:
        raise IncidentSealed(ref if isinstance(ref, str) else ref())


def prepare_append(
    draft: NewEntry,
    top: ChainFacts,
    facts: IncidentFacts,
    *,
    now: datetime,
    ref: str | Callable[[], str],
    late_margin: timedelta = DEFAULT_LATE_MARGIN,
    allow_system: bool = False,
    origin: str = ORIGIN_LIVE,
    storable: Storable | None = None,
) -> Accepted:
    """Apply every rule of an append to ``draft``; raise the first refusal, writing nothing.

    ``ref`` names the incident in the sealed refusal (a function: looked up only when needed).
    ``allow_system`` lets the program write its own kinds (seal, reopen, review, audit, …).
    """
    check_seal(draft.kind, sealed=top.sealed, allow_system=allow_system, ref=ref)
    clean = validate_entry(draft, facts, now=now, late_margin=late_margin, allow_system=allow_system)
    if clean.kind == "person" and facts.has_person(clean.fields["key"]):
        raise ValidationError("key", f"a person with key '{clean.fields['key']}' is already registered")
    if storable is not None:
        storable(clean)
    return Accepted(clean, now, origin, clock_moved_back(top.head.recorded_at, now))
