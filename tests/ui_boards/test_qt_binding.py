"""Guard: the Qt binding must not steal references from None/True (a crash within a minute of use).

PySide6-Essentials 6.12.0 on CPython 3.11 returns a *borrowed* None from every void method
(setText, QTimer.start, beginResetModel …) and a borrowed True from Signal.emit. Each call
takes one reference away; when the count reaches zero CPython aborts ("none_dealloc" /
"bool_dealloc"). True starts with ~150 references, so a board ticking every second would kill
the app in minutes. 6.11.3 is fine; so is any version on Python >= 3.12 (immortal None/True).
This test measures a few calls and fails loudly instead of letting the app die later.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel


class _Emitter(QObject):
    fired = Signal(int)


def test_void_calls_and_emit_keep_reference_counts(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    emitter = _Emitter()
    none_before, true_before = sys.getrefcount(None), sys.getrefcount(True)
    for _ in range(20):
        label.setText("x")
        emitter.fired.emit(1)
    lost_none = none_before - sys.getrefcount(None)
    lost_true = true_before - sys.getrefcount(True)
    # Undo the damage so the rest of the session survives to report.
    if sys.version_info < (3, 12):
        import ctypes

        for _ in range(max(0, lost_none)):
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(None))
        for _ in range(max(0, lost_true)):
            ctypes.pythonapi.Py_IncRef(ctypes.py_object(True))
    assert lost_none < 20 and lost_true < 20, (
        f"PySide6 steals references (None -{lost_none}, True -{lost_true} over 20 calls): "
        "pin PySide6-Essentials<6.12 or run on Python >= 3.12"
    )
