"""A loggist's shift, driven from the keyboard, checked against the vault and the screen."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QPlainTextEdit, QWidget

from incident_log.domain.entry import utc_now
from incident_log.domain.kinds import COMPOSER_KINDS
from incident_log.ui.timeline_model import AmendedRole, CorrectionRole, KindRole, LateRole
from tests.ui.conftest import press, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
KIND_KEY = {
    "note": Qt.Key.Key_N, "intel": Qt.Key.Key_I, "statement": Qt.Key.Key_S, "demand": Qt.Key.Key_D,
    "offer": Qt.Key.Key_O, "update": Qt.Key.Key_U, "contact": Qt.Key.Key_C, "rotation": Qt.Key.Key_R,
    "decision": Qt.Key.Key_E, "person": Qt.Key.Key_P, "hook": Qt.Key.Key_H, "trigger": Qt.Key.Key_T,
    "risk": Qt.Key.Key_K,
}


def open_window(ctx, logbook, qtbot, title="Viaduct exercise"):
    ref = logbook.create_incident(title, type="suicide intervention").ref
    window = ctx.open_incident(ref)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.composer.focus_first_empty()
    return window, ref


def here():
    return QApplication.focusWidget()


def choose(kind, window):
    press(here() or window, KIND_KEY[kind], CTRL_SHIFT)
    assert window.composer.kind == kind


def fill(window, name, text):
    """Focus a kind field as the loggist would (it is in the tab chain) and type into it."""
    editor = window.composer.findChild(QWidget, f"field_{name}")
    assert editor is not None, name
    editor.setFocus()
    target = editor.lineEdit() if isinstance(editor, QComboBox) and editor.isEditable() else editor
    if isinstance(editor, QComboBox) and not editor.isEditable():
        index = editor.findText(text)
        assert index >= 0, (name, text)
        editor.setCurrentIndex(index)
        return
    type_text(target, text)


def write_text(window, text):
    box = window.composer.findChild(QPlainTextEdit, "entryText")
    box.setFocus()
    type_text(box, text)


def record(window):
    press(here() or window, Qt.Key.Key_Return, CTRL)


def last_row(window):
    model = window.model
    return model.index(model.rowCount() - 1, 5)


def test_record_every_kind_from_the_keyboard(ctx, logbook, qtbot):
    window, ref = open_window(ctx, logbook, qtbot)
    composer = window.composer
    assert composer.objectName() == "entryComposer"
    assert composer.isAncestorOf(here()), "the window opens with the composer focused"

    # The register first: José Núñez, the subject, typed character by character.
    choose("person", window)
    fill(window, "key", "s1")
    fill(window, "role", "subject")
    fill(window, "name", "José Núñez")
    fill(window, "aliases", "Pepe, El Flaco")
    fill(window, "phones", "+34 611 204 889")
    record(window)
    assert composer.error_label.isHidden(), composer.error_label.text()
    choose("person", window)
    fill(window, "key", "n1")
    fill(window, "role", "negotiator")
    fill(window, "name", "Łukasz Wróbel")
    record(window)
    assert logbook.head(ref)[0] == 2

    # The people now complete in person fields, by name, label or key.
    choose("statement", window)
    speaker = composer.findChild(QComboBox, "field_speaker")
    qtbot.waitUntil(lambda: any("José Núñez" in speaker.itemText(i) and "Subject A" in speaker.itemText(i)
                                for i in range(speaker.count())))

    fields_for = {
        "note": {},
        "intel": {"source": "control room", "grading": "B2"},
        "statement": {"speaker": "s1", "channel": "phone"},
        "demand": {"by": "s1", "deadline": "+45m"},
        "offer": {"by": "n1", "to": "s1", "conditions": "if he steps back"},
        "contact": {"channel": "phone", "event": "start", "with": "s1"},
        "rotation": {"role": "primary negotiator", "person": "n1"},
        "decision": {"decided_by": "n1", "rationale": "keep him talking"},
        "hook": {"about": "s1", "source": "sister"},
        "trigger": {"about": "s1", "source": "sister"},
        "risk": {"category": "weapon", "status": "rumoured", "about": "s1"},
    }
    for kind in COMPOSER_KINDS:
        if kind in ("person", "update"):
            continue
        choose(kind, window)
        for name, value in fields_for[kind].items():
            fill(window, name, value)
        write_text(window, f"{kind} entry: Núñez says “déjame” — test")
        record(window)
        assert composer.error_label.isHidden(), (kind, composer.error_label.text())
        assert composer.text_edit.toPlainText() == ""
        assert composer.isAncestorOf(here()), "focus stays in the composer"
        # The new row is the last one, visible, with its kind.
        index = last_row(window)
        assert index.data(KindRole) == kind
        assert window.timeline.table.visualRect(index).intersects(window.timeline.table.viewport().rect())

    # A status update for the demand, typed: refs + status.
    demand_seq = next(e.seq for e in logbook.all_entries(ref) if e.kind == "demand")
    choose("update", window)
    fill(window, "refs", str(demand_seq))
    fill(window, "status", "partly met")
    record(window)
    assert composer.error_label.isHidden(), composer.error_label.text()

    entries = list(logbook.all_entries(ref))
    kinds = [e.kind for e in entries]
    assert set(COMPOSER_KINDS) <= set(kinds)
    assert all(e.author == "Loggist Łukasz" for e in entries)
    person = entries[0]
    assert person.fields["name"] == "José Núñez"
    assert list(person.fields["aliases"]) == ["Pepe", "El Flaco"]
    statement = next(e for e in entries if e.kind == "statement")
    assert statement.text == "statement entry: Núñez says “déjame” — test"
    assert statement.fields["speaker"] == "s1"
    demand = next(e for e in entries if e.kind == "demand")
    deadline_left = demand.fields["deadline"]
    assert deadline_left  # stored as ISO
    state = logbook.state(ref)
    assert state.demands[0].status == "partly met"
    assert state.roster.current["primary negotiator"] == "n1"
    assert window.model.rowCount() == len(entries)

    # What the boards show: the demand with its status, the roster and the people register.
    wait_for_boards(qtbot, window, len(entries))
    demands_board = window.board("demandsBoard")
    roster_board = window.board("rosterBoard")
    people_board = window.board("peopleRegister")
    assert demands_board is not None and roster_board is not None and people_board is not None
    texts = board_texts(demands_board)
    assert "partly met" in texts
    assert "Łukasz Wróbel" in board_texts(roster_board)
    assert "José Núñez" in board_texts(people_board)


def wait_for_boards(qtbot, window, count):
    """Boards refresh at most four times a second; wait for the fold that includes ``count``."""
    qtbot.waitUntil(lambda: window.controller.state is not None
                    and window.controller.state.statistics.entry_count == count)


def board_texts(board) -> str:
    """Everything a board shows in its tables and labels, as one string."""
    from PySide6.QtWidgets import QAbstractItemView, QLabel

    out = [label.text() for label in board.findChildren(QLabel)]
    for view in board.findChildren(QAbstractItemView):
        model = view.model()
        if model is None:
            continue
        for row in range(model.rowCount()):
            for col in range(model.columnCount()):
                value = model.index(row, col).data()
                if value is not None:
                    out.append(str(value))
    return "\n".join(out)


def test_late_entry_asks_for_the_reason_in_the_same_flow(ctx, logbook, qtbot):
    window, ref = open_window(ctx, logbook, qtbot)
    composer = window.composer
    write_text(window, "Sister called control at the time; relayed now")
    press(here(), Qt.Key.Key_T, CTRL)  # set entry time
    assert here() is composer.time_edit
    type_text(composer.time_edit, "-25m")
    qtbot.waitUntil(lambda: composer.late_row.isVisible())
    # Tab goes straight to the reason, as part of typing the time.
    press(here(), Qt.Key.Key_Tab)
    assert here() is composer.delay_reason
    record(window)  # no reason yet: refused, nothing lost
    assert not composer.error_label.isHidden()
    assert "Late because" in composer.error_label.text()
    assert here() is composer.delay_reason
    assert composer.text_edit.toPlainText() == "Sistercalled control at the time; relayed now".replace("Sistercalled", "Sister called")
    assert logbook.head(ref)[0] == 0
    type_text(composer.delay_reason, "relayed late by control")
    record(window)
    assert composer.error_label.isHidden(), composer.error_label.text()
    entry = logbook.entry(ref, 1)
    assert entry.delay_reason == "relayed late by control"
    assert timedelta(minutes=24) < utc_now() - entry.occurred_at < timedelta(minutes=26)
    index = window.model.index(0, 2)
    assert index.data(LateRole) is True
    assert "LATE" in index.data()


def test_amend_selected_entry_needs_a_reason_and_shows_struck_through(ctx, logbook, qtbot):
    window, ref = open_window(ctx, logbook, qtbot)
    composer = window.composer
    write_text(window, "Subject has a knife")
    record(window)
    press(here(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)  # to the timeline
    assert here() is window.timeline.table
    press(here(), Qt.Key.Key_M, CTRL)  # amend the selected entry
    assert composer.amending is not None and composer.amending.seq == 1
    assert here() is composer.amend_reason
    composer.text_edit.selectAll()
    composer.text_edit.setFocus()
    type_text(composer.text_edit, "Subject has a screwdriver")
    record(window)  # no reason: refused
    assert "Reason" in composer.error_label.text()
    assert here() is composer.amend_reason
    type_text(composer.amend_reason, "witness corrected herself")
    record(window)
    assert composer.error_label.isHidden(), composer.error_label.text()
    assert composer.amending is None
    amendment = logbook.entry(ref, 2)
    assert amendment.kind == "amendment" and amendment.refs == 1
    assert amendment.text == "Subject has a screwdriver"
    assert amendment.fields["reason"] == "witness corrected herself"
    original = window.model.index(0, 5)
    assert original.data(AmendedRole) is True
    assert "screwdriver" in original.data(CorrectionRole)
    assert logbook.entry(ref, 1).text == "Subject has a knife"  # the original stays


def test_validation_error_is_shown_by_the_field_and_nothing_is_lost(ctx, logbook, qtbot):
    window, ref = open_window(ctx, logbook, qtbot)
    composer = window.composer
    choose("statement", window)
    fill(window, "speaker", "nobody")
    write_text(window, "Words that must not be lost")
    record(window)
    speaker = composer.findChild(QComboBox, "field_speaker")
    assert "Speaker" in composer.error_label.text()
    assert speaker.property("invalid") is True
    assert composer.isAncestorOf(here()) and (here() is speaker or speaker.isAncestorOf(here()))
    assert composer.text_edit.toPlainText() == "Words that must not be lost"
    assert logbook.head(ref)[0] == 0


def test_demand_board_status_key_records_an_update(ctx, logbook, qtbot):
    window, ref = open_window(ctx, logbook, qtbot)
    choose("person", window)
    fill(window, "key", "s1")
    fill(window, "role", "subject")
    fill(window, "name", "José Núñez")
    record(window)
    choose("demand", window)
    fill(window, "by", "s1")
    fill(window, "deadline", "+30m")
    write_text(window, "Wants to speak to his sister")
    record(window)
    board = window.board("demandsBoard")
    board.statusUpdateRequested.emit(2, "met")
    update = logbook.entry(ref, 3)
    assert update.kind == "update" and update.refs == 2 and update.fields["status"] == "met"
    assert update.author == "Loggist Łukasz"
    assert logbook.state(ref).demands[0].status == "met"
    wait_for_boards(qtbot, window, 3)
    assert "Wants to speak to his sister" in board_texts(board)
    assert window.model.rowCount() == 3
