"""One background helper for slow reads (folding 50,000 entries into the boards' state).

The worker thread never touches widgets: it returns a value, and the callback runs on the GUI
thread. Requests for the same key coalesce — while one runs, later requests collapse into a
single re-run — so a burst of entries costs at most two folds. ``synchronous = True`` (tests,
screenshots) runs the work inline.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class _Relay(QObject):
    done = Signal(str, object, object)  # key, result, error
    progress = Signal(str, int, int)  # key, done, total


class _Job(QRunnable):
    def __init__(self, key: str, work: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self._key, self._work, self._relay = key, work, relay

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # noqa: BLE001 - handed to the failure callback on the GUI thread
            self._relay.done.emit(self._key, None, exc)
        else:
            self._relay.done.emit(self._key, result, None)


class Background(QObject):
    synchronous = False

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._relay = _Relay(self)
        self._relay.done.connect(self._finished)
        self._relay.progress.connect(self._progressed)
        self._on_progress: dict[str, Callable[[int, int], None]] = {}
        self._running: dict[str, tuple[Callable, Callable, Callable | None]] = {}
        self._again: dict[str, tuple[Callable, Callable, Callable | None]] = {}

    def reporter(self, key: str, on_progress: Callable[[int, int], None]) -> Callable[[int, int], None]:
        """A ``progress(done, total)`` for the work of ``key`` to call from its thread;
        ``on_progress`` then runs on the GUI thread."""
        self._on_progress[key] = on_progress
        return lambda done, total: self._relay.progress.emit(key, done, total)

    def _progressed(self, key: str, done: int, total: int) -> None:
        callback = self._on_progress.get(key)
        if callback is not None:
            callback(done, total)

    def submit(self, key: str, work: Callable[[], Any], on_done: Callable[[Any], None],
               on_error: Callable[[BaseException], None] | None = None) -> None:
        if self.synchronous:
            try:
                result = work()
            except Exception as exc:  # noqa: BLE001
                if on_error:
                    on_error(exc)
                return
            on_done(result)
            return
        if key in self._running:
            self._again[key] = (work, on_done, on_error)
            return
        self._running[key] = (work, on_done, on_error)
        self._pool.start(_Job(key, work, self._relay))

    def _finished(self, key: str, result: Any, error: BaseException | None) -> None:
        _work, on_done, on_error = self._running.pop(key)
        if error is None:
            on_done(result)
        elif on_error is not None:
            on_error(error)
        follow = self._again.pop(key, None)
        if follow is not None:
            self.submit(key, *follow)

    def wait(self, msecs: int = 10_000) -> bool:
        return self._pool.waitForDone(msecs)
