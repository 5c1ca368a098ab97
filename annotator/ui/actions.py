"""Every window action in one table: ids, texts, default shortcuts and the place in the menus.

The coding desk and its feature packages (team, exchange, words) each create their own
actions from this table (``create_actions(parent, Feature.TEAM)``) and put them into the menus
with :func:`place`, which puts each where :data:`MENUS` says, around the entries already
there. A shortcut the user chose is kept in the settings under the action id's value
(``shortcuts/file/new_project``) and replaces the table's default when the actions are made.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from annotator.ui.settings import Settings

StandardKey = QKeySequence.StandardKey


class Feature(Enum):
    """Who makes (and connects) an action."""

    WINDOW = "window"
    TEAM = "team"
    EXCHANGE = "exchange"
    WORDS = "words"
    SAFEKEEPING = "safekeeping"


class MenuId(Enum):
    """The menus of the menu bar, in the bar's order."""

    FILE = "file"
    EDIT = "edit"
    CODE = "code"
    DOCUMENT = "document"
    TEAM = "team"
    ANALYSIS = "analysis"
    WORDS = "words"
    HELP = "help"


class ActionId(Enum):
    """Value: the stable key of the action, also its shortcut's key in the settings."""

    # the coding desk
    NEW_PROJECT = "file/new_project"
    OPEN_PROJECT = "file/open_project"
    CLOSE_PROJECT = "file/close_project"
    IMPORT_FILES = "file/import_files"
    IMPORT_FOLDER = "file/import_folder"
    EXPORT_EXCEL = "file/export_excel"
    IMPORT_CODEBOOK = "file/import_codebook"
    EXPORT_CODEBOOK = "file/export_codebook"
    QUIT = "file/quit"
    UNDO = "edit/undo"  # made by the undo stack; only its keys come from here
    REDO = "edit/redo"
    PREFERENCES = "edit/preferences"
    CODE_FROM_SELECTION = "code/code_from_selection"
    ADD_CODE = "code/add_code"
    EDIT_ATTRIBUTES = "document/edit_attributes"
    DELETE_DOCUMENT = "document/delete_document"
    ABOUT = "help/about"
    # team work and analysis
    NEW_CODER = "team/new_coder"
    BLIND_COPY = "team/blind_copy"
    MERGE_COPY = "team/merge_copy"
    AGREEMENT = "analysis/agreement"
    TABLES = "analysis/tables"
    # exchange with other QDA tools
    IMPORT_QDA_PROJECT = "file/import_qda_project"
    EXPORT_QDA_PROJECT = "file/export_qda_project"
    EXPORT_CSV = "file/export_csv"
    IMPORT_QDA_CODEBOOK = "file/import_qda_codebook"
    EXPORT_QDA_CODEBOOK = "file/export_qda_codebook"
    # Chinese text tools
    SNAP_TO_WORDS = "edit/snap_to_words"
    CODE_UNIT = "code/code_unit"
    AUTOCODE = "code/autocode"
    CODE_SUGGEST = "code/suggest"
    REVIEW_PROPOSALS = "code/review_proposals"
    SEARCH = "words/search"
    WORD_FREQUENCIES = "words/word_frequencies"
    WORD_LISTS = "words/word_lists"
    # backups
    RESTORE_BACKUP = "file/restore_backup"


class Slot(Enum):
    """Menu entries that are not actions of the table: submenus made by their panes."""

    RECENT_PROJECTS = "file/recent"
    UNIT_NUMBERING = "document/numbering"
    SHOW_CODERS = "team/show_coders"


Key = ActionId | Slot

#: Each menu as groups of entries, in order; a separator falls between groups.
MENUS: dict[MenuId, tuple[tuple[Key, ...], ...]] = {
    MenuId.FILE: (
        (ActionId.NEW_PROJECT, ActionId.OPEN_PROJECT, Slot.RECENT_PROJECTS,
         ActionId.IMPORT_QDA_PROJECT),
        (ActionId.IMPORT_FILES, ActionId.IMPORT_FOLDER, ActionId.EXPORT_EXCEL,
         ActionId.EXPORT_QDA_PROJECT, ActionId.EXPORT_CSV),
        (ActionId.IMPORT_CODEBOOK, ActionId.EXPORT_CODEBOOK, ActionId.IMPORT_QDA_CODEBOOK,
         ActionId.EXPORT_QDA_CODEBOOK),
        (ActionId.RESTORE_BACKUP,),
        (ActionId.CLOSE_PROJECT, ActionId.QUIT),
    ),
    MenuId.EDIT: (
        (ActionId.UNDO, ActionId.REDO),
        (ActionId.SNAP_TO_WORDS,),
        (ActionId.PREFERENCES,),
    ),
    MenuId.CODE: (
        (ActionId.CODE_FROM_SELECTION, ActionId.ADD_CODE),
        (ActionId.CODE_UNIT, ActionId.AUTOCODE, ActionId.CODE_SUGGEST,
         ActionId.REVIEW_PROPOSALS),
    ),
    MenuId.DOCUMENT: (
        (ActionId.EDIT_ATTRIBUTES, Slot.UNIT_NUMBERING, ActionId.DELETE_DOCUMENT),
    ),
    MenuId.TEAM: (
        (ActionId.NEW_CODER, Slot.SHOW_CODERS),
        (ActionId.BLIND_COPY, ActionId.MERGE_COPY),
    ),
    MenuId.ANALYSIS: ((ActionId.AGREEMENT, ActionId.TABLES),),
    MenuId.WORDS: ((ActionId.SEARCH, ActionId.WORD_FREQUENCIES, ActionId.WORD_LISTS),),
    MenuId.HELP: ((ActionId.ABOUT,),),
}

ShortcutKey = str | StandardKey


@dataclass(frozen=True)
class ActionSpec:
    feature: Feature
    text: str | None  # None: the text comes from elsewhere (the undo stack)
    keys: tuple[ShortcutKey, ...] = ()  # default shortcuts, first one shown in the menu
    status_tip: str = ""
    tool_tip: str = ""
    checkable: bool = False
    needs_project: bool = True  # disabled while no project is open


def tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


def _table() -> dict[ActionId, ActionSpec]:
    # Built on each call: texts are translated into the language in use.
    win, team, ex, words = Feature.WINDOW, Feature.TEAM, Feature.EXCHANGE, Feature.WORDS
    spec = ActionSpec
    return {
        ActionId.NEW_PROJECT: spec(win, tr("&New project…"), (StandardKey.New,),
                                   needs_project=False),
        ActionId.OPEN_PROJECT: spec(win, tr("&Open project…"), (StandardKey.Open,),
                                    needs_project=False),
        ActionId.CLOSE_PROJECT: spec(win, tr("&Close project"), (StandardKey.Close,)),
        ActionId.IMPORT_FILES: spec(win, tr("&Import files…"), ("Ctrl+I",)),
        ActionId.IMPORT_FOLDER: spec(win, tr("Import &folder…")),
        ActionId.EXPORT_EXCEL: spec(win, tr("&Export to Excel…"), ("Ctrl+E",)),
        ActionId.IMPORT_CODEBOOK: spec(win, tr("Import code&book (YAML)…")),
        ActionId.EXPORT_CODEBOOK: spec(win, tr("Export codebook (YAML)…")),
        ActionId.QUIT: spec(win, tr("&Quit"), (StandardKey.Quit,), needs_project=False),
        # Ctrl+Shift+Z first: it is what the menu shows, on every platform.
        ActionId.UNDO: spec(win, None, (StandardKey.Undo,), needs_project=False),
        ActionId.REDO: spec(win, None, ("Ctrl+Shift+Z", StandardKey.Redo), needs_project=False),
        ActionId.PREFERENCES: spec(win, tr("&Preferences…"), (StandardKey.Preferences,),
                                   needs_project=False),
        ActionId.CODE_FROM_SELECTION: spec(win, tr("New code from &selection"),
                                           ("Ctrl+Shift+N",)),
        ActionId.ADD_CODE: spec(win, tr("&Add code…"), ("Ctrl+K",)),
        ActionId.EDIT_ATTRIBUTES: spec(win, tr("Edit document &attributes…")),
        ActionId.DELETE_DOCUMENT: spec(win, tr("&Delete document…")),
        ActionId.ABOUT: spec(win, tr("&About annotator"), needs_project=False),

        ActionId.NEW_CODER: spec(team, tr("&New coder…")),
        ActionId.BLIND_COPY: spec(team, tr("Make a &blind copy for a second coder…")),
        ActionId.MERGE_COPY: spec(team, tr("&Merge a coder's copy…")),
        ActionId.AGREEMENT: spec(team, tr("Intercoder &agreement…")),
        ActionId.TABLES: spec(team, tr("&Tables and charts…")),

        ActionId.IMPORT_QDA_PROJECT: spec(
            ex, tr("Import from another QDA &tool…"),
            status_tip=tr("Create a new project from a REFI-QDA .qdpx or .qde file "
                          "(NVivo, MAXQDA, ATLAS.ti, QualCoder…)"),
            needs_project=False),
        ActionId.EXPORT_QDA_PROJECT: spec(
            ex, tr("E&xport for another QDA tool…"),
            status_tip=tr("Write the whole project as a REFI-QDA .qdpx file")),
        ActionId.EXPORT_CSV: spec(
            ex, tr("Export passages as CS&V…"),
            status_tip=tr("One row per coded passage, for R, pandas or SPSS")),
        ActionId.IMPORT_QDA_CODEBOOK: spec(
            ex, tr("Import codebook from .qdc or Excel…"),
            status_tip=tr("Merge the codes of a REFI-QDA .qdc file or an Excel sheet by "
                          "code path")),
        ActionId.EXPORT_QDA_CODEBOOK: spec(
            ex, tr("Export codebook as .qdc or Excel…"),
            status_tip=tr("Write the code tree as a REFI-QDA .qdc file or an Excel sheet")),

        ActionId.SNAP_TO_WORDS: spec(
            words, tr("Snap selection to &words"),
            tool_tip=tr("A selection that cuts a word in half is coded as the whole words "
                        "it touches"),
            checkable=True, needs_project=False),
        ActionId.CODE_UNIT: spec(words, tr("Code whole &unit…"), ("Ctrl+U",),
                                 tool_tip=tr("Code the paragraph unit under the cursor")),
        ActionId.AUTOCODE: spec(words, tr("A&uto-code by keywords…")),
        ActionId.CODE_SUGGEST: spec(
            words, tr("Su&ggest from my coding…"),
            status_tip=tr("Learn from the coding done so far, on this machine, and propose "
                          "codes for the documents not yet coded, with measured precision")),
        ActionId.REVIEW_PROPOSALS: spec(words, tr("&Review proposals…")),
        ActionId.SEARCH: spec(words, tr("&Search…"), ("Ctrl+Shift+F",)),
        ActionId.WORD_FREQUENCIES: spec(words, tr("Word &frequencies and keywords…")),
        ActionId.WORD_LISTS: spec(words, tr("Word &lists (terms, stopwords)…")),
        ActionId.RESTORE_BACKUP: spec(Feature.SAFEKEEPING, tr("&Restore a backup…")),
    }


def default_shortcuts(action_id: ActionId) -> list[QKeySequence]:
    """The table's shortcuts for ``action_id`` (standard keys as this platform binds them,
    without repeats). Needs a running QGuiApplication."""
    out: list[QKeySequence] = []
    for key in _table()[action_id].keys:
        found = [QKeySequence(key)] if isinstance(key, str) else QKeySequence.keyBindings(key)
        out += [k for k in found if not k.isEmpty() and k not in out]
    return out


def shortcuts(action_id: ActionId, settings: Settings | None) -> list[QKeySequence]:
    """The user's shortcuts for ``action_id`` if they chose any (even none), else the table's."""
    chosen = settings.shortcut_override(action_id.value) if settings is not None else None
    if chosen is None:
        return default_shortcuts(action_id)
    return [k for k in QKeySequence.listFromString(chosen) if not k.isEmpty()]


def set_shortcuts(settings: Settings, action_id: ActionId,
                  keys: Iterable[QKeySequence] | None) -> None:
    """Keep the user's choice for ``action_id`` (None: back to the table's default). Takes
    effect when the window's actions are next made."""
    if keys is None:
        settings.set_shortcut_override(action_id.value, None)
    else:
        text = QKeySequence.listToString(list(keys), QKeySequence.SequenceFormat.PortableText)
        settings.set_shortcut_override(action_id.value, text)


def create_actions(parent: QObject, feature: Feature = Feature.WINDOW,
                   settings: Settings | None = None) -> dict[ActionId, QAction]:
    """The actions ``feature`` makes, with their shortcuts (``settings``: the window's own,
    found on ``parent`` when not given). Undo and redo are adopted, not made here."""
    if settings is None:
        found = getattr(parent, "settings", None)
        settings = found if isinstance(found, Settings) else None
    actions = {}
    for action_id, spec in _table().items():
        if spec.feature is feature and spec.text is not None:
            action = QAction(parent)
            action.setCheckable(spec.checkable)
            actions[action_id] = adopt(action, action_id, settings)
    retranslate_actions(actions)
    return actions


def adopt(action: QAction, action_id: ActionId, settings: Settings | None) -> QAction:
    """Give an action made elsewhere (the undo stack's) its id and shortcuts."""
    action.setObjectName(action_id.value)  # how place() finds it in a menu
    action.setShortcuts(shortcuts(action_id, settings))
    return action


def retranslate_actions(actions: Mapping[ActionId, QAction]) -> None:
    table = _table()
    for action_id, action in actions.items():
        spec = table[action_id]
        if spec.text is None:
            continue
        action.setText(spec.text)
        if spec.status_tip:
            action.setStatusTip(spec.status_tip)
        if spec.tool_tip:
            action.setToolTip(spec.tool_tip)


def enable_for_project(actions: Mapping[ActionId, QAction], has_project: bool) -> None:
    table = _table()
    for action_id, action in actions.items():
        action.setEnabled(has_project or not table[action_id].needs_project)


# -- menus -----------------------------------------------------------------------------------
def _positions() -> dict[str, tuple[MenuId, int, int]]:
    """Each entry's key → (menu, group, order within the menu)."""
    out = {}
    for menu_id, groups in MENUS.items():
        order = 0
        for group, keys in enumerate(groups):
            for key in keys:
                out[key.value] = (menu_id, group, order)
                order += 1
    return out


def add_menu(window: QMainWindow, menu_id: MenuId) -> QMenu:
    """A new menu in ``window``'s menu bar, where :class:`MenuId` orders it."""
    menu = QMenu(window)
    menu.menuAction().setObjectName(f"menu/{menu_id.value}")
    order = list(MenuId)
    bar = window.menuBar()
    before = None
    for existing in bar.actions():
        name = existing.objectName().removeprefix("menu/")
        known = [m for m in order if m.value == name]
        if known and order.index(known[0]) > order.index(menu_id):
            before = existing
            break
    bar.insertMenu(before, menu) if before is not None else bar.addMenu(menu)
    return menu


def place(menus: Mapping[MenuId, QMenu], items: Mapping[Key, QAction | QMenu]) -> None:
    """Put each of ``items`` into its menu where :data:`MENUS` puts it, among the entries
    already there, with separators between groups. A submenu goes in as its menu action."""
    positions = _positions()
    for key, item in sorted(items.items(), key=lambda kv: positions[kv[0].value][2]):
        menu_id, group, order = positions[key.value]
        action = item.menuAction() if isinstance(item, QMenu) else item
        action.setObjectName(key.value)
        _insert(menus[menu_id], action, group, order, positions)


def _insert(menu: QMenu, action: QAction, group: int, order: int,
            positions: dict[str, tuple[MenuId, int, int]]) -> None:
    entries = menu.actions()
    groups: list[int | None] = []  # per entry; one not in the table joins the one before it
    current: int | None = None
    for entry in entries:
        found = positions.get(entry.objectName())
        if found is not None and not entry.isSeparator():
            current = found[1]
        groups.append(current)
    later = next((i for i, e in enumerate(entries) if not e.isSeparator()
                  and (found := positions.get(e.objectName())) is not None and found[2] > order),
                 len(entries))
    at = later
    while at > 0 and entries[at - 1].isSeparator():
        at -= 1  # the end of the group before ``later``
    previous = groups[at - 1] if at > 0 else None
    if later < len(entries) and groups[later] == group:
        _insert_at(menu, later, action)  # inside its group, before the next entry
        return
    _insert_at(menu, at, action)
    if at > 0 and previous != group:
        menu.insertSeparator(action)  # a new group after another
    if later < len(entries) and at == later:
        menu.insertSeparator(entries[later])  # and another before the next group


def _insert_at(menu: QMenu, index: int, action: QAction) -> None:
    existing = menu.actions()
    if index < len(existing):
        menu.insertAction(existing[index], action)
    else:
        menu.addAction(action)
