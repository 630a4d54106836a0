"""Work-arounds for bugs in the Qt binding, each detected at run time and applied only if present.

PySide6 6.12: ``SignalInstance.emit`` returns ``True`` without taking a reference, so every emit
from Python lowers the reference count of ``True`` by one. On Python 3.11 (where ``True`` is
not immortal) the process aborts with "bool_dealloc: deallocating True or False" after a few
thousand emits — in a logbook, after a few thousand entries. ``emit`` below gives the reference
back when (and only when) the bug is present.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal

_incref = ctypes.pythonapi.Py_IncRef
_incref.argtypes = [ctypes.py_object]
_incref.restype = None


class _Probe(QObject):
    ping = Signal()


def _emit_steals_a_reference() -> bool:
    probe = _Probe()
    before = sys.getrefcount(True), sys.getrefcount(False)
    result = probe.ping.emit()
    del result
    after = sys.getrefcount(True), sys.getrefcount(False)
    # compensate for the probe itself
    for value, (was, now) in ((True, (before[0], after[0])), (False, (before[1], after[1]))):
        for _ in range(was - now):
            _incref(value)
    return after != before


EMIT_LEAKS = _emit_steals_a_reference()


def emit(signal: Any, *args: Any) -> None:
    """``signal.emit(*args)``, safe from the binding's reference-count bug."""
    result = signal.emit(*args)
    if EMIT_LEAKS and isinstance(result, bool):
        _incref(result)
