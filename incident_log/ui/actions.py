"""Every command of the desktop client, declared once.

Menus, the composer's shortcut hints, the README keyboard map and the test that no two
actions share a key all read ``ACTIONS``. A command added anywhere else would be invisible
to that test and to the documentation, so there is no anywhere else.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar, QWidget

from incident_log.domain.kinds import COMPOSER_KINDS, KINDS
from incident_log.ui import vocab
from incident_log.ui.i18n import QT_TRANSLATE_NOOP, fill, translate

Std = QKeySequence.StandardKey

# Scopes: an action lives in one window kind. "viewer" actions are in both windows that show an
# incident (the loggist's and the team leader's); "app" actions appear in every window.
HOME = "home"
INCIDENT = "incident"
LEADER = "leader"
VIEWER = "viewer"
APP = "app"
WINDOWS = (HOME, INCIDENT, LEADER)


@dataclass(frozen=True, slots=True)
class ActionSpec:
    id: str
    text: str
    menu: str  # the menu title it appears in
    handler: str  # method name on the window's controller
    shortcuts: tuple[str | QKeySequence.StandardKey, ...] = ()
    scope: str = INCIDENT
    arg: str | None = None  # passed to the handler (the kind, for kind actions)
    tip: str = ""
    checkable: bool = False

    @property
    def object_name(self) -> str:
        return "action_" + self.id

    def key_sequences(self) -> list[QKeySequence]:
        """Concrete sequences on this platform (a standard key may map to several or none)."""
        out: list[QKeySequence] = []
        for key in self.shortcuts:
            if isinstance(key, str):
                out.append(QKeySequence(key))
            else:
                out.extend(QKeySequence.keyBindings(key))
        unique: list[QKeySequence] = []
        for seq in out:
            if not seq.isEmpty() and seq not in unique:
                unique.append(seq)
        return unique


# One letter per composer kind, mnemonic where the first letter is free.
KIND_KEYS: dict[str, str] = {
    "note": "N",
    "intel": "I",
    "statement": "S",
    "demand": "D",
    "offer": "O",
    "update": "U",
    "contact": "C",
    "rotation": "R",
    "decision": "E",
    "person": "P",
    "hook": "H",
    "trigger": "T",
    "risk": "K",
}
assert set(KIND_KEYS) == set(COMPOSER_KINDS), "every composer kind needs a shortcut"


def kind_shortcut(kind: str) -> str:
    return f"Ctrl+Shift+{KIND_KEYS[kind]}"


def _board_actions() -> tuple[ActionSpec, ...]:
    """Alt+1 … Alt+6: raise (and show) a board and put the cursor in it."""
    from incident_log.ui.boards import ALL_BOARDS

    return tuple(
        ActionSpec(
            f"board_{number}",
            title,  # shown as "Go to <board>" by action_text
            "&View",
            "jump_to_board",
            (f"Alt+{number}",),
            VIEWER,
            arg=cls.OBJECT_NAME,
        )
        for number, (cls, title) in enumerate(ALL_BOARDS, start=1)
    )


def _kind_actions() -> tuple[ActionSpec, ...]:
    return tuple(
        ActionSpec(
            f"kind_{kind}",
            KINDS[kind].title,  # translated by action_text through the vocabulary
            "&Kind",
            "choose_kind",
            (kind_shortcut(kind),),
            arg=kind,
        )
        for kind in COMPOSER_KINDS
    )


ACTIONS: tuple[ActionSpec, ...] = (
    # --- home window -----------------------------------------------------------------
    ActionSpec("new_incident", QT_TRANSLATE_NOOP("actions", "&New incident…"), "&Incident", "new_incident", (Std.New,), HOME),
    ActionSpec("open_incident", QT_TRANSLATE_NOOP("actions", "&Open incident"), "&Incident", "open_selected", (Std.Open,), HOME),
    ActionSpec("open_leader", QT_TRANSLATE_NOOP("actions", "Open as &team leader…"), "&Incident", "open_selected_as_leader",
               ("Ctrl+Shift+O",), HOME, tip=QT_TRANSLATE_NOOP("actions", "Follow the selected incident in the team leader's window")),
    ActionSpec("import_scenario", QT_TRANSLATE_NOOP("actions", "&Import scenario…"), "&Incident", "import_scenario", ("Ctrl+I",), HOME),
    ActionSpec("import_bundle", QT_TRANSLATE_NOOP("actions", "Import &bundle…"), "&Incident", "import_bundle", ("Ctrl+Shift+I",), HOME),
    ActionSpec("export_bundle", QT_TRANSLATE_NOOP("actions", "&Export bundle…"), "&Incident", "export_bundle", ("Ctrl+E",), HOME),
    ActionSpec("refresh", QT_TRANSLATE_NOOP("actions", "&Refresh"), "&View", "refresh", (Std.Refresh,), HOME),
    ActionSpec("cell_connection", QT_TRANSLATE_NOOP("actions", "C&ell connection…"), "&File", "cell_connection", (), HOME,
               tip=QT_TRANSLATE_NOOP("actions", "Connect this workstation to a cell server, or work on this computer only")),
    # --- incident window: entry --------------------------------------------------------
    ActionSpec(
        "record", QT_TRANSLATE_NOOP("actions", "&Record entry"), "&Entry", "record", ("Ctrl+Return", "Ctrl+Enter"),
        tip=QT_TRANSLATE_NOOP("actions", "Write the entry to the log (it is on disk when the composer clears)"),
    ),
    ActionSpec("amend", QT_TRANSLATE_NOOP("actions", "&Amend selected entry…"), "&Entry", "amend_selected", ("Ctrl+M",)),
    ActionSpec("discard", QT_TRANSLATE_NOOP("actions", "&Discard the draft"), "&Entry", "discard_draft", ("Ctrl+Shift+Backspace",),
               tip=QT_TRANSLATE_NOOP("actions", "Empty the composer (the only way typed text is thrown away)")),
    ActionSpec("entry_time", QT_TRANSLATE_NOOP("actions", "Set entry &time"), "&Entry", "focus_time", ("Ctrl+T",),
               tip=QT_TRANSLATE_NOOP("actions", "Type 21:40, -10m or an ISO time for late information")),
    ActionSpec("report", QT_TRANSLATE_NOOP("actions", "Debrief &report…"), "&Entry", "open_report", (Std.Print,)),
    # --- both incident windows: moving around ---------------------------------------------
    ActionSpec("back", QT_TRANSLATE_NOOP("actions", "&Back (cancel amend, leave the search or the detail)"), "&View", "back", ("Escape",),
               VIEWER, tip=QT_TRANSLATE_NOOP("actions", "Back to the composer (team leader: to the timeline); cancels an amendment")),
    ActionSpec("next_pane", QT_TRANSLATE_NOOP("actions", "&Next pane"), "&View", "focus_next_pane", ("F6",), VIEWER,
               tip=QT_TRANSLATE_NOOP("actions", "Timeline, composer, then each open board")),
    ActionSpec("previous_pane", QT_TRANSLATE_NOOP("actions", "&Previous pane"), "&View", "focus_previous_pane", ("Shift+F6",), VIEWER),
    *_board_actions(),
    ActionSpec("toggle_boards", QT_TRANSLATE_NOOP("actions", "&Hide or show all boards"), "&View", "toggle_boards", ("Ctrl+Shift+B",), VIEWER,
               tip=QT_TRANSLATE_NOOP("actions", "The timeline and the composer take the whole window, or the boards come back")),
    ActionSpec("arrange_compact", QT_TRANSLATE_NOOP("actions", "Boards in one &column (tabbed)"), "&View", "arrange_compact", (), VIEWER),
    ActionSpec("arrange_wide", QT_TRANSLATE_NOOP("actions", "Boards in &two columns"), "&View", "arrange_wide", (), VIEWER),
    ActionSpec("restore_layout", QT_TRANSLATE_NOOP("actions", "&Default layout for this screen"), "&View", "restore_layout", (), VIEWER),
    # --- both incident windows: timeline --------------------------------------------------------
    ActionSpec("entry_detail", QT_TRANSLATE_NOOP("actions", "Show the entry in &full"), "&Timeline", "show_selected_entry", ("Alt+Return",),
               VIEWER, tip=QT_TRANSLATE_NOOP("actions", "The whole text, fields, amendments and flags (Enter on a row does the same)")),
    ActionSpec("find", QT_TRANSLATE_NOOP("actions", "&Search the log…"), "&Timeline", "focus_search", (Std.Find,), VIEWER),
    ActionSpec("jump", QT_TRANSLATE_NOOP("actions", "&Jump to entry…"), "&Timeline", "focus_jump", ("Ctrl+G",), VIEWER),
    ActionSpec("follow", QT_TRANSLATE_NOOP("actions", "&Follow newest"), "&Timeline", "follow_newest", ("Ctrl+Shift+F",), VIEWER),
    # --- both incident windows: team leader -------------------------------------------------------
    ActionSpec("acknowledge_alarm", QT_TRANSLATE_NOOP("actions", "&Acknowledge the alarm"), "&Review", "acknowledge_alarm", ("Ctrl+Shift+A",),
               VIEWER, tip=QT_TRANSLATE_NOOP("actions", "Silence the alarm shown in the banner; recorded in the log with your callsign")),
    ActionSpec("summary", QT_TRANSLATE_NOOP("actions", "Situation &summary…"), "&Review", "situation_summary", ("F9", "Ctrl+Alt+S"), VIEWER,
               tip=QT_TRANSLATE_NOOP("actions", "The position paper for the commander: on screen, printable, with your assessment")),
    ActionSpec("flag", QT_TRANSLATE_NOOP("actions", "&Flag entry for debrief…"), "&Review", "flag_selected", ("Ctrl+B",), VIEWER),
    ActionSpec("mark_reviewed", QT_TRANSLATE_NOOP("actions", "Reviewed &up to here"), "&Review", "mark_reviewed", ("Ctrl+Alt+R",), VIEWER),
    ActionSpec("undo", QT_TRANSLATE_NOOP("actions", "&Undo the last board action"), "&Review", "undo_last", ("Ctrl+Z",), VIEWER,
               tip=QT_TRANSLATE_NOOP("actions", "Within a few seconds; records an amendment, never deletes")),
    ActionSpec("second_screen", QT_TRANSLATE_NOOP("actions", "Open &team leader window"), "&Review", "open_leader_window", ("Ctrl+Alt+F",),
               tip=QT_TRANSLATE_NOOP("actions", "A read-only window with the boards, for the team leader (their own callsign)")),
    ActionSpec("seal", QT_TRANSLATE_NOOP("actions", "Close and &seal incident…"), "&Review", "seal_incident"),
    ActionSpec("reopen", QT_TRANSLATE_NOOP("actions", "Re&open incident…"), "&Review", "reopen_incident"),
    *_kind_actions(),
    # --- everywhere ---------------------------------------------------------------------------
    ActionSpec("lock", QT_TRANSLATE_NOOP("actions", "&Lock"), "&File", "lock", ("Ctrl+L",), APP, tip=QT_TRANSLATE_NOOP("actions", "Cover every window until unlocked")),
    ActionSpec("settings", QT_TRANSLATE_NOOP("actions", "&Settings…"), "&File", "open_settings", (Std.Preferences, "Ctrl+,"), APP),
    ActionSpec("zoom_in", QT_TRANSLATE_NOOP("actions", "&Larger text"), "&View", "zoom_in", (Std.ZoomIn, "Ctrl+="), APP),
    ActionSpec("zoom_out", QT_TRANSLATE_NOOP("actions", "&Smaller text"), "&View", "zoom_out", (Std.ZoomOut,), APP),
    ActionSpec("zoom_reset", QT_TRANSLATE_NOOP("actions", "&Normal text size"), "&View", "zoom_reset", ("Ctrl+0",), APP),
    ActionSpec("keyboard_map", QT_TRANSLATE_NOOP("actions", "&Keyboard map"), "&Help", "show_keyboard_map", (Std.HelpContents,), APP),
    ActionSpec("close_window", QT_TRANSLATE_NOOP("actions", "&Close window"), "&File", "close_window", (Std.Close,), APP),
    ActionSpec("quit", QT_TRANSLATE_NOOP("actions", "&Quit"), "&File", "quit", (Std.Quit, "Ctrl+Q"), APP),
)

# Menu titles in menu-bar order (marked for lupdate; the object names keep the English words).
MENUS = (
    QT_TRANSLATE_NOOP("actions", "&File"),
    QT_TRANSLATE_NOOP("actions", "&Incident"),
    QT_TRANSLATE_NOOP("actions", "&Entry"),
    QT_TRANSLATE_NOOP("actions", "&Kind"),
    QT_TRANSLATE_NOOP("actions", "&Timeline"),
    QT_TRANSLATE_NOOP("actions", "&Review"),
    QT_TRANSLATE_NOOP("actions", "&View"),
    QT_TRANSLATE_NOOP("actions", "&Help"),
)


def action_text(spec: ActionSpec) -> str:
    """The menu text in the current language (board and kind actions are built from their names)."""
    if spec.id.startswith("board_"):
        return fill(translate("actions", "Go to %1"), vocab.board_title(spec.text).replace("&", "&&"))
    if spec.id.startswith("kind_") and spec.arg is not None:
        return vocab.kind_title(spec.arg)
    return translate("actions", spec.text)


def action_tip(spec: ActionSpec) -> str:
    if spec.id.startswith("kind_") and spec.arg is not None:
        return fill(translate("actions", "Compose an entry: %1"), vocab.kind_title(spec.arg))
    return translate("actions", spec.tip) if spec.tip else plain(action_text(spec)).rstrip("…")


BY_ID: dict[str, ActionSpec] = {spec.id: spec for spec in ACTIONS}
assert len(BY_ID) == len(ACTIONS), "duplicate action id"


def plain(text: str) -> str:
    """Menu text without its mnemonic marks: "&Lock" -> "Lock", "Demands && offers" -> "Demands & offers"."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def in_scope(spec: ActionSpec, scope: str) -> bool:
    return spec.scope in (scope, APP) or (spec.scope == VIEWER and scope in (INCIDENT, LEADER))


def specs_for(scope: str) -> list[ActionSpec]:
    return [spec for spec in ACTIONS if in_scope(spec, scope)]


# Keys beyond F35 are the special keys some keyboards have (New, Open, Find, Help, Close …):
# Qt binds them to standard actions, but nobody presses "Find" on a laptop, so they are not shown.
_LAST_KEYBOARD_KEY = int(Qt.Key.Key_F35)


def shown_sequences(spec: ActionSpec) -> list[QKeySequence]:
    """The sequences worth telling a person about: ones made of keys a keyboard has."""
    out = []
    for seq in spec.key_sequences():
        keys = [seq[i].key() for i in range(seq.count())]  # type: ignore[index]  # PySide's stubs lack __getitem__
        if all(int(key) <= _LAST_KEYBOARD_KEY for key in keys):
            out.append(seq)
    return out


def shortcut_text(action_id: str) -> str:
    """The first shortcut of an action as the user sees it on this platform (for hints)."""
    seqs = shown_sequences(BY_ID[action_id])
    return seqs[0].toString(QKeySequence.SequenceFormat.NativeText) if seqs else ""


def build_actions(owner: QWidget, target: object, scope: str) -> dict[str, QAction]:
    """Create the scope's QActions on ``owner``, wired to ``target``'s handler methods.

    Handlers a target does not have leave the action disabled rather than failing: the
    home window has no timeline to search, for instance.
    """
    actions: dict[str, QAction] = {}
    for spec in specs_for(scope):
        action = QAction(action_text(spec), owner)
        action.setObjectName(spec.object_name)
        action.setShortcuts(spec.key_sequences())
        action.setCheckable(spec.checkable)
        tip = action_tip(spec)
        keys = ", ".join(seq.toString(QKeySequence.SequenceFormat.NativeText) for seq in shown_sequences(spec))
        action.setToolTip(f"{tip} ({keys})" if keys else tip)
        action.setStatusTip(tip)
        handler = getattr(target, spec.handler, None)
        if handler is None:
            action.setEnabled(False)
        elif spec.arg is not None:
            action.triggered.connect(lambda _checked=False, h=handler, a=spec.arg: h(a))
        else:
            action.triggered.connect(lambda _checked=False, h=handler: h())
        owner.addAction(action)
        actions[spec.id] = action
    return actions


def populate_menus(menubar: QMenuBar, actions: dict[str, QAction], scope: str) -> None:
    menus: dict[str, object] = {}
    order = list(MENUS)
    specs = specs_for(scope)
    for title in order:
        members = [spec for spec in specs if spec.menu == title]
        if not members:
            continue
        menu = menubar.addMenu(translate("actions", title))
        menu.setObjectName("menu_" + title.replace("&", "").lower())
        menus[title] = menu
        for spec in members:
            menu.addAction(actions[spec.id])


def keyboard_map_rows(scopes: Iterable[str] = (HOME, INCIDENT, VIEWER, LEADER, APP)) -> list[tuple[str, str, str]]:
    """(where, command, keys) for every action with a shortcut, in table order."""
    where = {HOME: translate("actions", "Home"), INCIDENT: translate("actions", "Incident window"),
             LEADER: translate("actions", "Team leader window"),
             VIEWER: translate("actions", "Incident and team leader windows"),
             APP: translate("actions", "Every window")}
    rows = []
    for spec in ACTIONS:
        if spec.scope not in scopes:
            continue
        keys = ", ".join(seq.toString(QKeySequence.SequenceFormat.PortableText) for seq in shown_sequences(spec))
        if keys:
            rows.append((where[spec.scope], plain(action_text(spec)).rstrip("…"), keys))
    return rows


def keyboard_map_markdown() -> str:
    """The README's keyboard map, generated so it cannot drift from the code."""
    lines = ["| Where | Command | Keys |", "|---|---|---|"]
    lines += [f"| {w} | {c} | `{k}` |" for w, c, k in keyboard_map_rows()]
    return "\n".join(lines) + "\n"


def duplicate_shortcuts() -> list[tuple[str, str, str]]:
    """Pairs of actions that would fight over one key inside one window: (key, id, id)."""
    clashes = []
    for scope in WINDOWS:
        seen: dict[str, str] = {}
        for spec in specs_for(scope):
            for seq in spec.key_sequences():
                key = seq.toString(QKeySequence.SequenceFormat.PortableText)
                if key in seen and seen[key] != spec.id:
                    clashes.append((key, seen[key], spec.id))
                seen[key] = spec.id
    return clashes


if __name__ == "__main__":  # python -m incident_log.ui.actions > keyboard-map.md
    import os
    import sys

    from PySide6.QtGui import QGuiApplication

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # standard keys need a platform theme
    _app = QGuiApplication(sys.argv[:1])
    sys.stdout.write(keyboard_map_markdown())
