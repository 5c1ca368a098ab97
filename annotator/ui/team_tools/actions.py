"""The team and analysis actions in one registry: ids, texts and shortcuts."""

from __future__ import annotations

from enum import Enum, auto

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


class TeamAction(Enum):
    NEW_CODER = auto()
    MERGE_COPY = auto()
    BLIND_COPY = auto()
    AGREEMENT = auto()
    TABLES = auto()


def tr(text: str) -> str:
    return QCoreApplication.translate("TeamActions", text)


def _texts() -> dict[TeamAction, str]:
    return {
        TeamAction.NEW_CODER: tr("&New coder…"),
        TeamAction.MERGE_COPY: tr("&Merge a coder's copy…"),
        TeamAction.BLIND_COPY: tr("Make a &blind copy for a second coder…"),
        TeamAction.AGREEMENT: tr("Intercoder &agreement…"),
        TeamAction.TABLES: tr("&Tables and charts…"),
    }


def _shortcuts() -> dict[TeamAction, list[QKeySequence]]:
    # None yet: the desk's other feature packages add keys too, and a key claimed twice
    # silently does nothing. Add them here, in one place, once the desk's keys settle.
    return {}


def create_team_actions(parent: QWidget) -> dict[TeamAction, QAction]:
    actions = {}
    shortcuts = _shortcuts()
    for action_id in TeamAction:
        action = QAction(parent)
        action.setShortcuts(shortcuts.get(action_id, []))
        actions[action_id] = action
    retranslate_team_actions(actions)
    return actions


def retranslate_team_actions(actions: dict[TeamAction, QAction]) -> None:
    for action_id, text in _texts().items():
        actions[action_id].setText(text)
