"""Every window action in one registry: ids, texts and standard shortcuts in one place."""

from __future__ import annotations

from enum import Enum, auto

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


class ActionId(Enum):
    NEW_PROJECT = auto()
    OPEN_PROJECT = auto()
    CLOSE_PROJECT = auto()
    IMPORT_FILES = auto()
    IMPORT_FOLDER = auto()
    EXPORT_EXCEL = auto()
    IMPORT_CODEBOOK = auto()
    EXPORT_CODEBOOK = auto()
    QUIT = auto()
    PREFERENCES = auto()
    CODE_FROM_SELECTION = auto()
    ADD_CODE = auto()
    EDIT_ATTRIBUTES = auto()
    DELETE_DOCUMENT = auto()
    ABOUT = auto()


def tr(text: str) -> str:
    return QCoreApplication.translate("Actions", text)


def _texts() -> dict[ActionId, str]:
    return {
        ActionId.NEW_PROJECT: tr("&New project…"),
        ActionId.OPEN_PROJECT: tr("&Open project…"),
        ActionId.CLOSE_PROJECT: tr("&Close project"),
        ActionId.IMPORT_FILES: tr("&Import files…"),
        ActionId.IMPORT_FOLDER: tr("Import &folder…"),
        ActionId.EXPORT_EXCEL: tr("&Export to Excel…"),
        ActionId.IMPORT_CODEBOOK: tr("Import code&book (YAML)…"),
        ActionId.EXPORT_CODEBOOK: tr("Export codebook (YAML)…"),
        ActionId.QUIT: tr("&Quit"),
        ActionId.PREFERENCES: tr("&Preferences…"),
        ActionId.CODE_FROM_SELECTION: tr("New code from &selection"),
        ActionId.ADD_CODE: tr("&Add code…"),
        ActionId.EDIT_ATTRIBUTES: tr("Edit document &attributes…"),
        ActionId.DELETE_DOCUMENT: tr("&Delete document…"),
        ActionId.ABOUT: tr("&About annotator"),
    }


def _shortcuts() -> dict[ActionId, list[QKeySequence]]:
    # Built on demand: QKeySequence needs a running QGuiApplication.
    std = QKeySequence.StandardKey
    return {
        ActionId.NEW_PROJECT: QKeySequence.keyBindings(std.New),
        ActionId.OPEN_PROJECT: QKeySequence.keyBindings(std.Open),
        ActionId.CLOSE_PROJECT: QKeySequence.keyBindings(std.Close),
        ActionId.IMPORT_FILES: [QKeySequence("Ctrl+I")],
        ActionId.EXPORT_EXCEL: [QKeySequence("Ctrl+E")],
        ActionId.QUIT: QKeySequence.keyBindings(std.Quit),
        ActionId.PREFERENCES: QKeySequence.keyBindings(std.Preferences),
        ActionId.CODE_FROM_SELECTION: [QKeySequence("Ctrl+Shift+N")],
        ActionId.ADD_CODE: [QKeySequence("Ctrl+K")],
    }


def create_actions(parent: QWidget) -> dict[ActionId, QAction]:
    actions = {}
    shortcuts = _shortcuts()
    for action_id in ActionId:
        action = QAction(parent)
        action.setShortcuts(shortcuts.get(action_id, []))
        actions[action_id] = action
    retranslate_actions(actions)
    return actions


def retranslate_actions(actions: dict[ActionId, QAction]) -> None:
    for action_id, text in _texts().items():
        actions[action_id].setText(text)
