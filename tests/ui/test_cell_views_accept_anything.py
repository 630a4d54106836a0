"""Cell mode: whatever the desk accepts while the server is away, every view can show.

The entries go through the desktop's cell path (validated against this workstation's copy, kept
in the encrypted queue, shown from there with their waiting mark): the same generated drafts as
the vault's property test, the same views asked for everything they would show, and the entry's
text read back from the queue unchanged.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtWidgets import QApplication, QTextBrowser

from incident_log import errors
from incident_log.cell.connect import Secrets
from incident_log.cell.opening import Credentials
from incident_log.cell.signing import SigningKey
from incident_log.desk import CellDesk
from incident_log.domain.alarms import AlarmPolicy, alarms
from incident_log.domain.entry import NewEntry, utc_now
from incident_log.logbook import Logbook
from incident_log.ui.timeline_model import COL_SEQ, COLUMNS
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.ui.test_views_accept_anything import ROLES, drafts, short

NOWHERE = "postgresql://nobody@127.0.0.1:1/incident_cell?sslmode=verify-full&sslrootcert=/nonexistent/ca.crt"


@pytest.fixture
def desk_ctx(qapp: QApplication, tmp_path: Path) -> Iterator[tuple[Any, CellDesk]]:
    from incident_log.ui.context import AppContext

    vault = Logbook.create(tmp_path / "v.db", PASSPHRASE, remember_in_keyring=False, kdf_cost=FAST_KDF)
    vault.set_pref("callsign", "Loggist Ana")
    desk = CellDesk(vault, NOWHERE, Credentials(Secrets(password="0" * 64), SigningKey.generate()), start=False)
    context = AppContext(desk)
    yield context, desk
    for window in list(context.windows):
        window.close()
    context.shutdown()
    context.deleteLater()
    desk.close()
    QApplication.processEvents()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
@given(name=short, entries=st.lists(drafts(), min_size=1, max_size=8))
def test_every_view_shows_whatever_the_desk_keeps_offline(desk_ctx, qtbot, name, entries):
    ctx, desk = desk_ctx
    ref = desk.create_incident("Anything", author="L1").ref
    desk.record(ref, NewEntry("person", "", {"key": "s1", "role": "subject", "name": name}, author="L1"))
    desk.record(ref, NewEntry("person", "", {"key": "n1", "role": "negotiator", "name": name + " 2"}, author="L1"))
    recorded = []
    for draft in entries:
        try:
            recorded.append(desk.record(ref, draft))
        except errors.ValidationError:
            continue  # refused with a sentence: not the views' concern
    for entry, kept in zip(recorded, [desk.entry(ref, e.seq) for e in recorded], strict=True):
        assert (kept.text, kept.kind, dict(kept.fields)) == (entry.text, entry.kind, dict(entry.fields))
    window = ctx.open_incident(ref)
    qtbot.waitUntil(lambda: window.controller.state is not None
                    and window.controller.state.statistics.entry_count == 2 + len(recorded))
    model = window.model
    assert model.rowCount() == 2 + len(recorded)
    for row in range(model.rowCount()):
        assert "◷" in model.index(row, COL_SEQ).data()  # every one waits: the server was never reached
        for column in range(len(COLUMNS)):
            for role in ROLES:
                model.index(row, column).data(role)
    window.timeline.table.viewport().repaint()
    for board in window.boards:
        board.refresh_clock(utc_now() + timedelta(hours=3))
        board.repaint()
    for entry in recorded:
        assert window.detail.show_seq(entry.seq)
        shown = window.detail.findChild(QTextBrowser, "entryDetailText").toPlainText()
        if entry.text.strip():
            assert " ".join(entry.text.split())[:200] in " ".join(shown.split())
    alarms(window.controller.state, utc_now() + timedelta(hours=12), AlarmPolicy((10, 2), 30))
    window.close()
    QApplication.processEvents()
