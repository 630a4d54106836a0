"""The desktop app in Spanish: a complete catalogue, no English left on screen, typing unchanged.

The catalogue tests re-run lupdate over ``incident_log/ui`` (so a string added without a
translation fails here, not in front of a negotiator); the screen tests open the real windows in
Spanish and read every text a person can see or a screen reader can say.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTextBrowser,
    QWidget,
)

from incident_log.domain import kinds
from incident_log.domain.entry import NewEntry
from incident_log.ui import i18n, uisettings, vocab
from tests.ui.conftest import press, type_text

REPO = Path(__file__).resolve().parents[2]
TS = REPO / "resources" / "i18n" / "incident_log_es.ts"
QM = REPO / "resources" / "i18n" / "incident_log_es.qm"
BIN = Path(sys.executable).parent
PLACEHOLDER = re.compile(r"%\d|\{[a-z_]+\}")
MNEMONIC = re.compile(r"&(?=\w)")  # "&Quit"; the "&" of "Demands & offers" is a word, not a key


def catalogue(path: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out[(name, message.findtext("source") or "")] = message
    return out


def lupdate(target: Path) -> None:
    sources = sorted(str(p) for p in (REPO / "incident_log" / "ui").rglob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), "-locations", "none", "-no-obsolete", *sources, "-ts", str(target)],
                   check=True, capture_output=True, cwd=REPO)


# --- the catalogue ------------------------------------------------------------------------------------


def test_the_catalogue_has_no_unfinished_or_empty_translation() -> None:
    messages = catalogue(TS)
    assert len(messages) > 600
    unfinished = [key for key, m in messages.items() if m.find("translation").get("type") is not None]  # type: ignore[union-attr]
    empty = [key for key, m in messages.items() if not (m.findtext("translation") or "").strip()]
    assert unfinished == [] and empty == []


def test_every_string_lupdate_finds_in_ui_is_in_the_catalogue(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.ts"
    lupdate(fresh)
    found, shipped = set(catalogue(fresh)), set(catalogue(TS))
    assert found - shipped == set(), "run tools/i18n.sh and translate the new strings"
    assert shipped - found == set(), "the catalogue keeps strings the code no longer has: run tools/i18n.sh"


def test_the_shipped_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    out = tmp_path / "es.qm"
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == QM.read_bytes(), "the .qm is stale: run tools/i18n.sh"


def test_translations_keep_every_placeholder_and_at_most_one_mnemonic() -> None:
    for (context, source), message in catalogue(TS).items():
        text = message.findtext("translation") or ""
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), (context, source, text)
        assert len(MNEMONIC.findall(text.replace("&&", ""))) == len(MNEMONIC.findall(source.replace("&&", ""))), (
            context, source, text)


def test_every_word_of_the_domain_is_marked_for_translation() -> None:
    titles = {spec.title for spec in kinds.KINDS.values()}
    fields = {f.title for spec in kinds.KINDS.values() for f in spec.fields}
    choices = {c for spec in kinds.KINDS.values() for f in spec.fields for c in f.choices}
    for name in ("INCIDENT_TYPES", "PERSON_ROLES", "ROTATION_ROLES", "CHANNELS", "CONTACT_EVENTS",
                 "DEMAND_STATUSES", "OFFER_STATUSES", "RISK_CATEGORIES", "RISK_STATUSES"):
        choices |= set(getattr(kinds, name))
    assert titles <= set(vocab.KIND_TITLES)
    assert fields <= set(vocab.FIELD_TITLES)
    assert choices <= set(vocab.CHOICES)
    assert set(kinds.INCIDENT_TYPES) == set(vocab.INCIDENT_TYPES)
    from incident_log.domain.labels import AUTHOR_WORD, ROLE_WORDS

    assert set(ROLE_WORDS.values()) | {AUTHOR_WORD} == set(vocab.LABEL_WORDS)
    from incident_log.domain import entry
    from incident_log.redaction import detectors, find

    assert {entry.ORIGIN_LIVE, entry.ORIGIN_IMPORT, entry.ORIGIN_BUNDLE} == set(vocab.ORIGINS)
    classes = {find.REGISTERED, find.VARIANT, find.REGISTERED_PHONE, find.CANDIDATE, find.TERM, *find.DETECTOR_CLASSES}
    assert classes == set(vocab.FINDING_CLASSES)
    assert {detectors.PHONE, detectors.ADDRESS} <= classes


# --- choosing the language ----------------------------------------------------------------------------

PROBE = (
    "from incident_log.ui.app import application\n"
    "from incident_log.ui.i18n import translate\n"
    "from PySide6.QtWidgets import QDialogButtonBox as B\n"
    "app = application()\n"
    "box = B(B.StandardButton.Cancel)\n"
    "print(translate('actions', '&Quit'), '|', box.button(B.StandardButton.Cancel).text())\n"
)


@pytest.mark.parametrize(
    ("lang", "setting", "expected"),
    [
        ("es_ES.UTF-8", None, "&Salir | Cancelar"),
        ("en_GB.UTF-8", None, "&Quit | Cancel"),
        ("es_ES.UTF-8", "en", "&Quit | Cancel"),
        ("en_GB.UTF-8", "es", "&Salir | Cancelar"),
    ],
)
def test_the_language_follows_the_locale_unless_the_setting_chooses(tmp_path: Path, lang: str, setting: str | None,
                                                                     expected: str) -> None:
    settings = tmp_path / "ui.ini"
    if setting:
        settings.write_text(f"[General]\nlanguage={setting}\n", encoding="utf-8")
    env = dict(os.environ, LANG=lang, LC_ALL=lang, LANGUAGE="", QT_QPA_PLATFORM="offscreen",
               INCIDENT_LOG_UI_SETTINGS=str(settings), PYTHONPATH=str(REPO))
    out = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=60, check=True)
    assert out.stdout.strip() == expected


# --- the windows in Spanish ---------------------------------------------------------------------------

# Words that read the same in both languages, proper names and key names.
SAME_IN_BOTH = {"OK", "PDF", "UTC", "ISO", "Error", "Total", "Alias", "Ref.", "Incident Log"}
# Words no Spanish sentence of ours contains: one of them on screen is English left behind.
ENGLISH_WORDS = set(
    "the and of to is are be by with for from not yet only this that here there what when where who your you "
    "entry entries incident board boards show select record recorded reviewed review press window none left "
    "open close save search follow newest people person demand demands offer offers hook hooks trigger triggers "
    "risk risks deadline status kind time text author name key keys label role phone contact decision note amend "
    "amendment flag flagged seal sealed summary report settings lock unlock passphrase callsign loggist leader "
    "team negotiator subject hostage elapsed since owed accepted redact redacted keep default attach vault "
    "timeline composer draft type typed recording record records minutes ago left".split()
)
PATH = re.compile(r"(/[^\s]+)+")


def english_sources() -> set[str]:
    """Source strings whose Spanish differs (an identical pair such as "Total" is no sign of English)."""
    out = set()
    for (_context, source), message in catalogue(TS).items():
        if (message.findtext("translation") or "") != source:
            out.add(source.replace("&", "").rstrip("…").strip())
    return out


def visible_texts(top: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every string a person sees or hears in ``top`` and its menus."""
    found: list[tuple[str, str]] = [(top.objectName() + ".windowTitle", top.windowTitle())]
    widgets = [top, *top.findChildren(QWidget)]
    if isinstance(top, QMainWindow):
        widgets += top.menuBar().findChildren(QMenu)
    for w in widgets:
        where = w.objectName() or type(w).__name__
        found += [(where + ".toolTip", w.toolTip()), (where + ".accessibleName", w.accessibleName()),
                  (where + ".accessibleDescription", w.accessibleDescription()), (where + ".statusTip", w.statusTip())]
        if isinstance(w, QLabel) and w.textFormat() != Qt.TextFormat.RichText:
            found.append((where, w.text()))
        if isinstance(w, QAbstractButton):
            found.append((where, w.text()))
        if isinstance(w, QLineEdit | QPlainTextEdit):
            found.append((where + ".placeholder", w.placeholderText()))
        if isinstance(w, QComboBox):
            found += [(where + f".item{i}", w.itemText(i)) for i in range(w.count())]
        if isinstance(w, QGroupBox):
            found.append((where, w.title()))
        if isinstance(w, QTabBar):
            found += [(where + f".tab{i}", w.tabText(i)) for i in range(w.count())]
        if isinstance(w, QDockWidget):
            found.append((where + ".title", w.windowTitle()))
        if isinstance(w, QMenu):
            found.append((where + ".title", w.title()))
        if isinstance(w, QTextBrowser):
            found.append((where, w.toPlainText()))
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            for column in range(model.columnCount()):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.headerData(column, Qt.Orientation.Horizontal, role)
                    if isinstance(value, str):
                        found.append((where + f".header{column}", value))
        for action in w.actions():
            name = action.objectName() or action.text()
            found += [(name, action.text()), (name + ".toolTip", action.toolTip()), (name + ".statusTip", action.statusTip())]
    return [(where, text) for where, text in found if text and text.strip()]


def english_left(top: QWidget, allowed: set[str] = frozenset()) -> list[tuple[str, str]]:  # type: ignore[assignment]
    sources = english_sources()
    bad = []
    for where, text in visible_texts(top):
        plain = text.replace("&", "").rstrip("…").strip()
        if plain in SAME_IN_BOTH or plain in allowed:
            continue
        words = {w.casefold() for w in re.findall(r"[^\W\d_]+", PATH.sub(" ", text))}
        if plain in sources or words & ENGLISH_WORDS:
            bad.append((where, text))
    return bad


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[None]:
    uisettings.put("language", "es")
    i18n.install(qapp)
    yield
    uisettings.put("language", "en")
    i18n.install(qapp)


def test_the_walk_catches_english_left_behind(spanish: None, qtbot: Any) -> None:
    """The check itself: an English label, tooltip or menu is reported; Spanish and names are not."""
    box = QWidget()
    qtbot.addWidget(box)
    QLabel("Record entry", box).setObjectName("english")
    QLabel("Registrar anotación", box).setObjectName("spanish")
    QLabel("José Núñez · NEG-2026-0001", box).setObjectName("names")
    button = QLabel("Hablar", box)
    button.setToolTip("Show the entry in full")
    assert [where for where, _ in english_left(box)] == ["english", "QLabel.toolTip"]


def spanish_incident(logbook: Any) -> str:
    """An incident whose own words are Spanish, so anything English on screen is the program's."""
    logbook.set_pref("callsign", "Anotador Łukasz")
    ref = logbook.create_incident("Hombre en el viaducto", type="suicide intervention", location="Málaga").ref
    for kind, text, fields in (
        ("person", "", {"key": "s1", "role": "subject", "name": "José Núñez"}),
        ("person", "", {"key": "n1", "role": "negotiator", "name": "Carmen Vidal"}),
        ("rotation", "", {"role": "primary negotiator", "person": "n1"}),
        ("contact", "", {"channel": "phone", "event": "start", "with": "s1"}),
        ("demand", "Quiere hablar con su hermana", {"by": "s1"}),
        ("offer", "Un café caliente", {"by": "n1", "to": "s1"}),
        ("hook", "Su perro, en la protectora", {"about": "s1", "source": "hermana"}),
        ("trigger", "El trabajo que perdió", {"about": "s1", "source": "sujeto"}),
        ("risk", "Cornisa exterior, 25 m", {"category": "self-harm", "status": "confirmed", "about": "s1"}),
        ("decision", "Mantener a Vidal", {"decided_by": "n1", "rationale": "buena relación"}),
        ("note", "Llueve con fuerza", {}),
    ):
        logbook.record(ref, NewEntry(kind, text, fields, author="Anotador 1"))
    logbook.flag(ref, 5, reason="Hablar de la hermana en la revisión", author="Anotador 1")
    return ref


def shown(window: QWidget, qtbot: Any) -> QWidget:
    window.show()
    qtbot.waitExposed(window)
    QApplication.processEvents()
    return window


def test_home_and_its_dialogs_show_no_english(spanish: None, ctx: Any, logbook: Any, qtbot: Any) -> None:
    from incident_log.ui.dialogs import KeyboardMapDialog, NewIncidentDialog, SettingsDialog

    spanish_incident(logbook)
    home = shown(ctx.open_home(), qtbot)
    assert home.menuBar().actions()[0].text() == "&Archivo"
    assert english_left(home) == []
    for dialog in (SettingsDialog(ctx, home), NewIncidentDialog(home), KeyboardMapDialog(home)):
        shown(dialog, qtbot)
        assert english_left(dialog) == [], dialog.objectName()
        dialog.close()


def test_incident_window_boards_and_detail_show_no_english(spanish: None, ctx: Any, logbook: Any, qtbot: Any) -> None:
    ref = spanish_incident(logbook)
    window = shown(ctx.open_incident(ref), qtbot)
    qtbot.waitUntil(lambda: window.controller.state is not None)
    window.timeline.select_seq(5)
    window.controller.show_selected_entry()
    QApplication.processEvents()
    assert "Quiere hablar con su hermana" in window.detail.view.toPlainText()
    texts = {text for _where, text in visible_texts(window)}
    assert len(texts) > 150
    assert {"Demandas y ofrecimientos", "&Registrar anotación", "Ocurrió", "Cronología del incidente"} <= texts
    for kind in ("demand", "rotation", "contact", "risk", "update"):
        window.composer.set_kind(kind)
        assert english_left(window) == [], kind
    model = window.board("demandsBoard").demands_model
    cells = {model.data(model.index(0, c)) for c in range(model.columnCount())}
    assert "abierta" in cells and any("Sujeto A" in str(c) for c in cells)


def test_leader_window_shows_no_english(spanish: None, ctx: Any, logbook: Any, qtbot: Any) -> None:
    ref = spanish_incident(logbook)
    logbook.set_pref("leader_callsign", "JE Otero")
    window = shown(ctx.open_incident(ref), qtbot)
    from tests.ui.conftest import answer_prompt

    answer_prompt("leaderCallsign", "JE Otero", replace=False)
    leader = ctx.open_leader(ref, window)
    assert leader is not None
    shown(leader, qtbot)
    qtbot.waitUntil(lambda: leader.controller.state is not None)
    assert "jefe del equipo (JE Otero)" in leader.windowTitle()
    assert english_left(leader) == []


def test_report_and_summary_dialogs_show_no_english(spanish: None, ctx: Any, logbook: Any, qtbot: Any) -> None:
    from incident_log.ui.report_dialog import ReportDialog
    from incident_log.ui.summary_dialog import open_summary

    ref = spanish_incident(logbook)
    report = ReportDialog(None, logbook, ref, "Anotador 1")
    qtbot.addWidget(report)
    shown(report, qtbot)
    qtbot.waitUntil(lambda: report.review_result is not None)
    assert english_left(report) == []
    window = shown(ctx.open_incident(ref), qtbot)
    qtbot.waitUntil(lambda: window.controller.state is not None)
    window.controller.situation_summary()
    summary = window.controller.summary_dialog
    assert isinstance(summary, QDialog)
    shown(summary, qtbot)
    # Known gap: the summary's body is written by domain/situation.py from English templates (shared
    # with the PDF summary in report/); its chrome is checked here, its body is not translated yet.
    body = summary.findChild(QTextBrowser, "summaryView")
    assert body is not None and "Situation summary" in body.toPlainText()
    assert [item for item in english_left(summary) if item[0] != "summaryView"] == []
    summary.close()
    _ = open_summary  # the function the controller opens it with


def test_qt_standard_buttons_are_spanish(spanish: None, qtbot: Any) -> None:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancelar"


def test_typing_and_recording_work_in_spanish(spanish: None, ctx: Any, logbook: Any, qtbot: Any) -> None:
    """The shortcuts are the same keys; a Spanish choice and a Spanish label resolve to the stored values."""
    ref = spanish_incident(logbook)
    window = shown(ctx.open_incident(ref), qtbot)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    composer = window.composer
    press(composer.text_edit, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert composer.kind == "rotation"
    role = composer.findChild(QComboBox, "field_role")
    role.setFocus()
    type_text(role.lineEdit(), "negociador princ")
    person = composer.findChild(QComboBox, "field_person")
    person.setFocus()
    type_text(person.lineEdit(), "Negociador 1")
    composer.text_edit.setFocus()
    type_text(composer.text_edit, "Relevo pedido por el sujeto: ¿Carmen sigue? Sí — ñandú.")
    press(composer.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    entry = logbook.entry(ref, logbook.incident(ref).entry_count)
    assert (entry.kind, entry.fields["role"], entry.fields["person"]) == ("rotation", "primary negotiator", "n1")
    assert entry.text == "Relevo pedido por el sujeto: ¿Carmen sigue? Sí — ñandú."
    assert composer.notice_label.text().startswith("Registrada la n.º")
    # A status letter on the demands board records the stored status, shown in Spanish.
    board = window.board("demandsBoard")
    table = board.demands_view
    table.setFocus()
    table.selectRow(0)
    press(table, Qt.Key.Key_M)
    qtbot.waitUntil(lambda: logbook.entry(ref, logbook.incident(ref).entry_count).kind == "update")
    update = logbook.entry(ref, logbook.incident(ref).entry_count)
    assert update.fields["status"] == "met"
    qtbot.waitUntil(lambda: "cumplida" in [board.demands_model.data(board.demands_model.index(0, c))
                                           for c in range(board.demands_model.columnCount())])


def _debug_dump(window: QWidget) -> None:  # pragma: no cover - kept for whoever extends the walk
    for item in english_left(window):
        sys.stderr.write(f"{item}\n")


def test_lock_screen_and_passphrase_prompts_show_no_english(spanish: None, ctx: Any, logbook: Any, qtbot: Any) -> None:
    from incident_log.ui.prompts import LEADER_PROMPT, NewPassphraseDialog, PassphraseDialog, TextPrompt

    ref = spanish_incident(logbook)
    window = shown(ctx.open_incident(ref), qtbot)
    ctx.lock.lock()
    QApplication.processEvents()
    overlay = window.findChild(QWidget, "lockOverlay")
    assert overlay is not None and overlay.isVisible()
    assert english_left(overlay) == []
    new = NewPassphraseDialog(None, title=i18n.translate("app", "Create the vault"),
                              intro=i18n.translate("home", "Bundle passphrase"), offer_keyring=True)
    old = PassphraseDialog(None, i18n.translate("lock", "Vault passphrase"))
    leader = TextPrompt(None, i18n.translate("prompts", "Team leader"), i18n.translate("prompts", LEADER_PROMPT),
                        name="leaderCallsign")
    for dialog in (new, old, leader):
        qtbot.addWidget(dialog)
        shown(dialog, qtbot)
        assert english_left(dialog) == [], dialog.objectName()
        dialog.close()


def test_a_refusal_from_the_domain_is_said_in_spanish(spanish: None, ctx: Any, logbook: Any, qtbot: Any) -> None:
    ref = spanish_incident(logbook)
    window = shown(ctx.open_incident(ref), qtbot)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    count = logbook.incident(ref).entry_count
    composer = window.composer
    press(composer.text_edit, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    composer.text_edit.setFocus()
    type_text(composer.text_edit, "Pide un teléfono")
    press(composer.text_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert logbook.incident(ref).entry_count == count  # nothing recorded
    shown_error = composer.error_label.text()
    assert shown_error.startswith("De") and shown_error.endswith(": es obligatorio en una anotación de tipo «Demanda»")


def test_the_settings_dialog_switches_the_language_and_keeps_it(qapp: QApplication, ctx: Any, qtbot: Any) -> None:
    from incident_log.ui.dialogs import SettingsDialog

    i18n.install(qapp, "en")
    dialog = SettingsDialog(ctx)
    qtbot.addWidget(dialog)
    box = dialog.findChild(QComboBox, "settingsLanguage")
    box.setFocus()
    box.lineEdit().selectAll()
    type_text(box.lineEdit(), "Espa")
    try:
        dialog.accept()
        assert uisettings.get("language") == "es"
        assert "language=es" in Path(os.environ["INCIDENT_LOG_UI_SETTINGS"]).read_text(encoding="utf-8")
        assert i18n.translate("actions", "&Quit") == "&Salir"
        home = ctx.open_home()  # a window opened after the change speaks Spanish
        assert home.menuBar().actions()[0].text() == "&Archivo"
    finally:
        uisettings.put("language", "en")
        i18n.install(qapp)


def test_an_unreadable_entry_time_is_said_in_spanish(spanish: None, ctx: Any, logbook: Any, qtbot: Any) -> None:
    ref = spanish_incident(logbook)
    window = shown(ctx.open_incident(ref), qtbot)
    composer = window.composer
    composer.time_edit.setFocus()
    type_text(composer.time_edit, "mañana")
    qtbot.waitUntil(lambda: "no es una hora" in composer.time_shown.text())
    assert "escriba 21:40, -10m o déjelo vacío para ahora" in composer.time_shown.text()


def test_the_core_speaks_the_language_the_app_chose(qapp: QApplication) -> None:
    """The app's language setting wins over the locale for the core's messages too (both ways)."""
    from incident_log import errors

    try:
        i18n.install(qapp, "es")
        assert "Ya existe" in str(errors.VaultExists("/tmp/v.db"))
        i18n.install(qapp, "en")
        assert str(errors.VaultExists("/tmp/v.db")).startswith("A vault already exists")
    finally:
        i18n.install(qapp, "en")
