"""The facade's event bus: "entries were added to this incident", in plain Python values.

The logbook publishes the new head of each incident it wrote (or found moved by another process
in ``poll()``); the bus turns heads into ``EntriesAdded`` with exactly the seqs not yet announced,
so a window hears of each entry once, whoever wrote it. One Qt adapter (``ui/live.py``) hops
these to the GUI thread. Callbacks run in the publishing thread, outside the bus's lock.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass

Heads = Mapping[str, tuple[str, int]]  # incident id -> (ref, highest seq)


@dataclass(frozen=True, slots=True)
class EntriesAdded:
    incident_ref: str
    seqs: tuple[int, ...]
    # Cell mode: entries that waited in this workstation's queue landed after another
    # workstation's, so the numbers shown for them moved; a window re-reads its timeline.
    renumbered: bool = False
    # Cell mode: entries shown while they waited are now on the shared chain at the same numbers.
    settled: tuple[int, ...] = ()


Subscriber = Callable[[EntriesAdded], None]


class EventBus:
    def __init__(self, known: Heads | None = None, *, lock: threading.RLock | None = None) -> None:
        self._lock = lock or threading.RLock()
        self._subscribers: list[Subscriber] = []
        self._known: dict[str, tuple[str, int]] = dict(known or {})

    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        """Returns the function that unsubscribes."""
        with self._lock:
            self._subscribers.append(callback)

        def unsubscribe() -> None:
            with self._lock:
                if callback in self._subscribers:
                    self._subscribers.remove(callback)

        return unsubscribe

    def publish(self, heads: Heads) -> list[EntriesAdded]:
        """Announce what moved beyond the heads already announced; returns the events sent."""
        events: list[EntriesAdded] = []
        with self._lock:
            for incident_id, (ref, top) in heads.items():
                known = self._known.get(incident_id, (ref, 0))[1]
                if top > known:
                    events.append(EntriesAdded(ref, tuple(range(known + 1, top + 1))))
                    self._known[incident_id] = (ref, top)
            subscribers = list(self._subscribers)
        for event in events:
            for callback in subscribers:
                callback(event)
        return events
