"""The one adapter from the logbook's events to Qt.

The logbook calls its subscribers with plain ``EntriesAdded`` values: at once for entries
recorded in this process, and from ``poll()`` for entries another process committed. Both
reach Qt here as one signal, ``entriesAdded(ref, seqs)``, on the GUI thread. Everything in the
UI that must react to new entries (timeline rows, boards, the follow window) connects to this
signal and to nothing else.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal


class LiveAdapter(QObject):
    entriesAdded = Signal(str, list)  # noqa: N815 - Qt naming
    # Cell mode: entries that waited in the queue are now on the shared chain, same numbers
    # (the rows are re-read in place), or landed after another workstation's and moved down
    # (the timeline is re-read whole).
    entriesSettled = Signal(str, list)  # noqa: N815
    renumbered = Signal(str)
    _relay = Signal(str, list, list, bool)

    def __init__(self, logbook: Any, interval_ms: int | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._logbook = logbook
        self._held = 0
        self._interval = interval_ms or int(getattr(logbook, "poll_interval_ms", 300))
        # A queued hop makes a callback from any thread safe; same-thread callbacks are direct,
        # so Ctrl+Enter reaches the timeline within the same event-loop turn.
        self._relay.connect(self._emit, Qt.ConnectionType.AutoConnection)
        self._unsubscribe = logbook.subscribe(self._on_event)
        self._timer = QTimer(self)
        self._timer.setInterval(self._interval)
        self._timer.timeout.connect(self.poll)
        self._timer.start()

    def _on_event(self, event: Any) -> None:
        seqs, settled = list(event.seqs), list(getattr(event, "settled", ()))
        renumbered = bool(getattr(event, "renumbered", False))
        if QThread.currentThread() is self.thread():
            self._emit(event.incident_ref, seqs, settled, renumbered)
        else:
            self._relay.emit(event.incident_ref, seqs, settled, renumbered)

    def _emit(self, ref: str, seqs: list[int], settled: list[int], renumbered: bool) -> None:
        if renumbered:
            self.renumbered.emit(ref)
        elif settled:
            self.entriesSettled.emit(ref, settled)
        if seqs or renumbered:
            self.entriesAdded.emit(ref, seqs)

    def hold(self) -> None:
        """Skip polls until ``release``: the first fold of a long incident holds the logbook's lock
        while it loads every entry, and a poll from the GUI thread would wait for it (0.9 s at
        100,000 entries). Nothing is missed: the next poll after the release sees every commit."""
        self._held += 1

    def release(self) -> None:
        self._held = max(0, self._held - 1)

    def poll(self) -> None:
        """Ask the vault whether another process wrote; subscribers (us) hear of it."""
        if self._held:
            return
        try:
            self._logbook.poll()
        except Exception:  # noqa: BLE001 - a failed poll must not kill the GUI; the next one retries
            self._timer.setInterval(min(self._timer.interval() * 2, 5000))
        else:
            if self._timer.interval() != self._interval:
                self._timer.setInterval(self._interval)

    def stop(self) -> None:
        self._timer.stop()
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
