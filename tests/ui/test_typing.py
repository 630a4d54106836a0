"""Typing is never lost: person and choice fields take what is typed, refusals are said in place.

Driven by the keyboard: widgets found by object name, text typed key by key (non-ASCII as raw
key events, see TRAPS.md), Ctrl+Enter to record; every assertion is on the vault and the screen.
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from incident_log.domain.entry import NewEntry, parse_iso, utc_now
from tests.ui.conftest import press, type_text
from tests.ui.test_loggist_flow import CTRL, choose, here, open_window, record, write_text


def field(window, name: str) -> QWidget:
    editor = window.composer.findChild(QWidget, f"field_{name}")
    assert editor is not None, name
    return editor


def type_into(window, name: str, text: str) -> None:
    editor = field(window, name)
    editor.setFocus()
    target = editor.lineEdit() if isinstance(editor, QComboBox) else editor
    target.selectAll()
    type_text(target, text)


def register(window, key: str, role: str, name: str, aliases: str = "") -> None:
    choose("person", window)
    type_into(window, "key", key)
    type_into(window, "role", role)
    type_into(window, "name", name)
    if aliases:
        type_into(window, "aliases", aliases)
    record(window)
    assert window.composer.error_label.isHidden(), window.composer.error_label.text()


def people(window) -> None:
    register(window, "s1", "subject", "José Núñez", "Pepe, El Flaco")
    register(window, "f1", "family", "Josefa Núñez")
    register(window, "n1", "negotiator", "Carmen Vidal")


def test_a_person_is_typed_by_name_alias_label_or_unique_prefix(ctx, logbook, qtbot):
    window, ref = open_window(ctx, logbook, qtbot)
    people(window)
    composer = window.composer
    for typed, key in (("José Núñez", "s1"), ("pepe", "s1"), ("Subject A", "s1"), ("vid", "n1"),
                       ("JOSEFA", "f1"), ("n1", "n1")):
        choose("statement", window)
        type_into(window, "speaker", typed)
        write_text(window, f"said while {typed} was named")
        record(window)
        assert composer.error_label.isHidden(), (typed, composer.error_label.text())
        last = logbook.entry(ref, logbook.head(ref)[0])
        assert (last.kind, last.fields["speaker"]) == ("statement", key), typed


def test_an_ambiguous_or_unknown_person_is_said_in_place_and_nothing_is_lost(ctx, logbook, qtbot):
    window, ref = open_window(ctx, logbook, qtbot)
    people(window)
    composer = window.composer
    before = logbook.head(ref)[0]
    choose("statement", window)
    type_into(window, "speaker", "Núñez")  # two people have that surname
    write_text(window, "Words that must stay")
    record(window)
    message = composer.error_label.text()
    assert "matches 2 people" in message and "José Núñez" in message and "Josefa Núñez" in message
    speaker = field(window, "speaker")
    assert speaker.property("invalid") is True
    assert here() is speaker or speaker.isAncestorOf(here())
    assert composer.text_edit.toPlainText() == "Words that must stay"
    assert speaker.currentText() == "Núñez"
    assert logbook.head(ref)[0] == before
    # Unknown: the message says how to register them; still nothing lost or recorded.
    type_into(window, "speaker", "Ramírez")
    record(window)
    assert "no one registered matches 'Ramírez'" in composer.error_label.text()
    assert composer.text_edit.toPlainText() == "Words that must stay"
    assert logbook.head(ref)[0] == before
    # Leaving the box with a unique prefix completes it to who it is.
    type_into(window, "speaker", "carm")
    press(here(), Qt.Key.Key_Tab)
    assert speaker.currentText() == "Negotiator 1 · Carmen Vidal (n1)"
    record(window)
    assert logbook.entry(ref, before + 1).fields["speaker"] == "n1"


def test_choice_boxes_take_typed_words_and_a_space_opens_nothing(ctx, logbook, qtbot):
    window, ref = open_window(ctx, logbook, qtbot)
    people(window)
    composer = window.composer
    choose("rotation", window)
    role = field(window, "role")
    type_into(window, "role", "team leader")
    assert role.currentText() == "team leader"
    assert not role.view().isVisible(), "the space opened the list and would have swallowed the rest"
    type_into(window, "person", "Carmen")
    record(window)
    assert composer.error_label.isHidden(), composer.error_label.text()
    entry = logbook.entry(ref, logbook.head(ref)[0])
    assert entry.fields == {"role": "team leader", "person": "n1"}
    # One word of a choice is enough when it is unique; a wrong one is refused out loud.
    choose("rotation", window)
    type_into(window, "role", "coach")
    type_into(window, "person", "pepe")
    record(window)
    assert logbook.entry(ref, logbook.head(ref)[0]).fields["role"] == "secondary/coach"
    before = logbook.head(ref)[0]
    choose("rotation", window)
    type_into(window, "role", "chef")
    type_into(window, "person", "n1")
    record(window)
    assert "'chef' is not one of" in composer.error_label.text()
    assert field(window, "role").currentText() == "chef"
    assert logbook.head(ref)[0] == before


def test_a_letter_typed_in_the_timeline_goes_to_the_composer(ctx, logbook, qtbot):
    window, ref = open_window(ctx, logbook, qtbot)
    write_text(window, "first")
    record(window)
    press(here(), Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)  # to the timeline
    assert here() is window.timeline.table
    type_text(here(), "Subj")
    assert window.composer.text_edit.toPlainText() == "Subj"
    assert here() is window.composer.text_edit
    type_text(here(), "ect calm")
    record(window)
    assert logbook.entry(ref, 2).text == "Subject calm"


def test_a_key_that_does_nothing_on_a_board_says_so(ctx, logbook, qtbot):
    window, ref = open_window(ctx, logbook, qtbot)
    press(here(), Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)  # the demands board
    board = window.board("demandsBoard")
    assert board.isAncestorOf(here())
    press(here(), Qt.Key.Key_M)  # "met", but no demand is there to select
    assert "Select an item first" in window.statusBar().currentMessage()
    press(here(), Qt.Key.Key_Q)
    assert "'q' does nothing on this board" in window.statusBar().currentMessage()
    assert logbook.head(ref)[0] == 0


def test_the_entry_time_says_its_day_when_it_is_not_today(ctx, logbook, qtbot):
    window, _ref = open_window(ctx, logbook, qtbot)
    composer = window.composer
    write_text(window, "late information")
    press(here(), Qt.Key.Key_T, CTRL)
    type_text(composer.time_edit, "-25h")
    assert "yesterday" in composer.time_shown.text()
    assert "LATE" in composer.time_shown.text()


def test_an_extension_counts_from_the_current_deadline_and_an_earlier_one_is_confirmed(ctx, logbook, qtbot):
    window, ref = open_window(ctx, logbook, qtbot)
    register(window, "s1", "subject", "José Núñez")
    deadline = utc_now() + timedelta(minutes=30)
    demand = logbook.record(ref, NewEntry("demand", "A coffee", {"by": "s1", "deadline": deadline}, author="L1"))
    qtbot.waitUntil(lambda: window.controller.state is not None and bool(window.controller.state.demands))
    composer = window.composer
    choose("update", window)
    type_into(window, "refs", str(demand.seq))
    type_into(window, "status", "open")
    type_into(window, "deadline", "+15m")
    hint = composer.findChild(QLabel, "composerFieldHint")
    assert hint.isVisible() and "15 min after the current deadline" in hint.text()
    record(window)
    assert composer.error_label.isHidden(), composer.error_label.text()
    update = logbook.entry(ref, logbook.head(ref)[0])
    assert parse_iso(update.fields["deadline"]) == deadline + timedelta(minutes=15)
    qtbot.waitUntil(lambda: window.controller.state.demands[0].deadline == parse_iso(update.fields["deadline"]))
    # A new deadline earlier than the current one: said, and recorded only on a second Ctrl+Enter.
    before = logbook.head(ref)[0]
    choose("update", window)
    type_into(window, "refs", str(demand.seq))
    type_into(window, "status", "open")
    earlier = (utc_now() + timedelta(minutes=10)).astimezone().strftime("%H:%M")
    type_into(window, "deadline", earlier)
    assert "EARLIER than the current deadline" in hint.text()
    record(window)
    assert "EARLIER than the current one" in composer.error_label.text()
    assert logbook.head(ref)[0] == before
    record(window)
    assert composer.error_label.isHidden(), composer.error_label.text()
    assert logbook.head(ref)[0] == before + 1


def test_the_decision_form_starts_at_decided_by(ctx, logbook, qtbot):
    window, _ref = open_window(ctx, logbook, qtbot)
    choose("decision", window)
    assert here() is field(window, "decided_by") or field(window, "decided_by").isAncestorOf(here())
    press(here(), Qt.Key.Key_Tab)
    assert here() is field(window, "rationale")


def test_counts_say_entry_and_entries(ctx, logbook, qtbot):
    window, ref = open_window(ctx, logbook, qtbot)
    write_text(window, "one")
    record(window)
    qtbot.waitUntil(lambda: "1 entry" in window.status_state.text())
    assert window.timeline.findChild(QLabel, "timelineCount").text() == "1 entry"
    write_text(window, "two")
    record(window)
    qtbot.waitUntil(lambda: "2 entries" in window.status_state.text())
    assert window.timeline.findChild(QLabel, "timelineCount").text() == "2 entries"


def test_a_person_typed_in_the_register_form_role_is_kept(ctx, logbook, qtbot):
    window, ref = open_window(ctx, logbook, qtbot)
    press(here(), Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)  # the people register
    press(here(), Qt.Key.Key_Insert)
    dialog = window.findChild(QWidget, "addPersonDialog")
    qtbot.waitUntil(lambda: dialog is not None and dialog.isVisible())
    role = dialog.findChild(QComboBox, "personRoleCombo")
    role.lineEdit().selectAll()
    type_text(role.lineEdit(), "witness")
    assert dialog.findChild(QLineEdit, "personKeyEdit").text() == "w1"
    name = dialog.findChild(QLineEdit, "personNameEdit")
    name.setFocus()
    type_text(name, "Lucía Ibarra")
    press(name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: logbook.head(ref)[0] == 1)
    person = logbook.entry(ref, 1)
    assert person.fields["role"] == "witness" and person.fields["name"] == "Lucía Ibarra"


def test_a_draft_whose_words_were_recorded_is_not_restored_twice(ctx, logbook, qtbot):
    """Ctrl+Enter records, then the saved draft is cleared a moment later; if the program dies in
    between, the next start must not offer the recorded words again as an unsent draft."""
    from incident_log.domain.entry import iso_utc

    ref = logbook.create_incident("Crash between").ref
    saved = utc_now() - timedelta(seconds=2)
    logbook.save_draft(ref, "composer", {"kind": "note", "text": "Subject asks for water", "fields": {},
                                         "time": "", "saved_at": iso_utc(saved)})
    logbook.record(ref, NewEntry("note", "Subject asks for water", author="Loggist Łukasz"))
    window = ctx.open_incident(ref)
    assert window.composer.text_edit.toPlainText() == ""
    assert "Restored" not in window.composer.notice_label.text()
    assert logbook.load_draft(ref, "composer") is None
    # A draft that was not recorded is still restored, word for word.
    window.close()
    qtbot.waitUntil(lambda: ctx.windows == [])
    logbook.save_draft(ref, "composer", {"kind": "note", "text": "Sister on her way", "fields": {}, "time": "",
                                         "saved_at": iso_utc(utc_now())})
    again = ctx.open_incident(ref)
    assert again.composer.text_edit.toPlainText() == "Sister on her way"
