"""GUI benchmarks: what the loggist feels.

    python benchmarks/bench_gui.py [--entries 100000] [--record-base 50000]

1. Ctrl+Enter to the entry visible in the timeline, with 50,000 entries already there (p50/p99),
   split into the durable commit inside ``Logbook.record`` (the disk) and everything else (the
   GUI: composer, live adapter, feed, model, repaint), with the disk's own fsync measured in the
   same loop: on a shared disk the commit's tail is the disk's, and the GUI's share is what this
   client controls.
2. Opening a 100,000-entry incident to first paint.
3. Scrolling the timeline from top to bottom: the longest stall between two scroll steps.
4. A 1 MB paste into the composer: time to refuse it (the window never freezes).
The incidents are filled by importing a generated scenario (one transaction).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def fill(book, title: str, count: int) -> str:
    """An incident of ``count`` entries, imported in one transaction (recording them one by one
    is the core's benchmark, not this one). Returns its ref."""
    from datetime import UTC, datetime, timedelta

    start = datetime.now(UTC) - timedelta(seconds=count + 60)
    data = {
        "format": "incident-log/1",
        "incident": {"title": title, "type": "other", "location": "bench",
                     "opened_at": start.isoformat(), "exercise": True},
        "people": [],
        "entries": [
            {"at": (start + timedelta(seconds=i)).isoformat(), "kind": "note", "author": "Bench",
             "text": f"Bench entry {i}: subject quiet, negotiator talking."}
            for i in range(count)
        ],
    }
    return book.import_scenario(data).ref


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q / 100 * (len(ordered) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--record-base", type=int, default=50_000)
    parser.add_argument("--records", type=int, default=200)
    args = parser.parse_args()

    from PySide6.QtCore import QMimeData, Qt
    from PySide6.QtTest import QTest

    from incident_log.logbook import Logbook
    from incident_log.ui.app import application
    from incident_log.ui.context import AppContext

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["INCIDENT_LOG_UI_SETTINGS"] = str(Path(tmp) / "ui.ini")
        book = Logbook.create(Path(tmp) / "vault.db", "benchmark passphrase", remember_in_keyring=False, kdf_cost=12)
        book.set_pref("callsign", "Bench")
        app = application()
        ctx = AppContext(book)

        # --- 1. Ctrl+Enter to visible row at 50k ---------------------------------------------
        t0 = time.perf_counter()
        ref = fill(book, "Record bench", args.record_base)
        sys.stdout.write(f"filled {args.record_base:,} entries in {time.perf_counter() - t0:.1f} s\n")
        window = ctx.open_incident(ref)
        window.resize(1400, 900)
        # Steady state, as during a long incident: the boards' first fold of the 50,000 entries (in
        # the background, about half a second) is done before the loggist's next Ctrl+Enter.
        deadline = time.monotonic() + 30
        while window.feed.current is None and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.01)
        for _ in range(10):
            app.processEvents()
        box = window.composer.text_edit
        table = window.timeline.table
        samples: list[float] = []
        in_record: list[float] = []
        fsyncs: list[float] = []
        real_record = book.record

        def timed_record(*a, **k):  # the benchmark's own wrapper: how long the durable commit took
            begin = time.perf_counter()
            try:
                return real_record(*a, **k)
            finally:
                in_record.append((time.perf_counter() - begin) * 1000)

        book.record = timed_record  # type: ignore[method-assign]
        probe = os.open(Path(tmp) / "fsync-probe", os.O_WRONLY | os.O_CREAT, 0o600)
        for i in range(args.records):
            box.setPlainText(f"Recorded entry {i}")
            window.composer.save_draft()  # as the autosave does while a loggist types for a few seconds
            target = window.model.rowCount()
            start = time.perf_counter()
            QTest.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
            index = window.model.index(target, 5)
            visible = index.isValid() and table.visualRect(index).intersects(table.viewport().rect())
            table.viewport().repaint()  # the row is painted, not merely inserted
            samples.append((time.perf_counter() - start) * 1000)
            if not visible:
                raise SystemExit(f"entry {i} was not visible after Ctrl+Enter")
            app.processEvents()
            os.write(probe, b"x" * 128)
            begin = time.perf_counter()
            os.fsync(probe)
            fsyncs.append((time.perf_counter() - begin) * 1000)
        os.close(probe)
        book.record = real_record  # type: ignore[method-assign]
        gui = [total - disk for total, disk in zip(samples, in_record, strict=True)]
        sys.stdout.write(f"Ctrl+Enter -> visible row ({args.record_base:,} entries): "
                         f"p50 {statistics.median(samples):.1f} ms, p99 {pct(samples, 99):.1f} ms, "
                         f"max {max(samples):.1f} ms\n")
        sys.stdout.write(f"  of which Logbook.record (durable commit): p50 {statistics.median(in_record):.1f} ms, "
                         f"p99 {pct(in_record, 99):.1f} ms; the rest (GUI): p50 {statistics.median(gui):.1f} ms, "
                         f"p99 {pct(gui, 99):.1f} ms\n")
        sys.stdout.write(f"  the disk's own fsync in the same loop: p50 {statistics.median(fsyncs):.2f} ms, "
                         f"p99 {pct(fsyncs, 99):.2f} ms, max {max(fsyncs):.1f} ms\n")
        window.close()

        # --- 2. open 100k to first paint -------------------------------------------------------------
        t0 = time.perf_counter()
        big = fill(book, "Open bench", args.entries)
        sys.stdout.write(f"filled {args.entries:,} entries in {time.perf_counter() - t0:.1f} s\n")
        start = time.perf_counter()
        window = ctx.open_incident(big)
        window.resize(1400, 900)
        window.timeline.table.viewport().repaint()
        app.processEvents()
        sys.stdout.write(f"open {args.entries:,}-entry incident to first paint: "
                         f"{(time.perf_counter() - start) * 1000:.0f} ms\n")

        # --- 3. scroll top to bottom -------------------------------------------------------------------
        table = window.timeline.table
        bar = table.verticalScrollBar()
        bar.setValue(0)
        app.processEvents()
        step = max(table.viewport().height() // 2, 1)
        worst = 0.0
        steps = 0
        while bar.value() < bar.maximum():
            start = time.perf_counter()
            bar.setValue(bar.value() + step * 25)  # a brisk drag: 25 half-pages per step
            table.viewport().repaint()
            worst = max(worst, (time.perf_counter() - start) * 1000)
            steps += 1
        sys.stdout.write(f"scroll top to bottom ({steps} steps): worst stall {worst:.1f} ms\n")

        # --- 4. 1 MB paste -------------------------------------------------------------------------------
        mime = QMimeData()
        mime.setText("x" * 1_048_576)
        start = time.perf_counter()
        window.composer.text_edit.insertFromMimeData(mime)
        app.processEvents()
        refused = window.composer.text_edit.toPlainText() == ""
        sys.stdout.write(f"1 MB paste: {'refused with a message' if refused else 'ACCEPTED'} in "
                         f"{(time.perf_counter() - start) * 1000:.1f} ms\n")
        window.close()
        ctx.shutdown()
        book.close()


if __name__ == "__main__":
    main()
