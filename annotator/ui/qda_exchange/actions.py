"""The exchange actions in one registry: ids and texts."""

from __future__ import annotations

from enum import Enum, auto

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget


class ExchangeAction(Enum):
    IMPORT_PROJECT = auto()
    EXPORT_PROJECT = auto()
    EXPORT_CSV = auto()
    IMPORT_CODEBOOK = auto()
    EXPORT_CODEBOOK = auto()


def tr(text: str) -> str:
    return QCoreApplication.translate("ExchangeActions", text)


def _texts() -> dict[ExchangeAction, tuple[str, str]]:
    """(menu text, status tip) per action."""
    return {
        ExchangeAction.IMPORT_PROJECT: (
            tr("Import from another QDA &tool…"),
            tr("Create a new project from a REFI-QDA .qdpx or .qde file "
               "(NVivo, MAXQDA, ATLAS.ti, QualCoder…)")),
        ExchangeAction.EXPORT_PROJECT: (
            tr("E&xport for another QDA tool…"),
            tr("Write the whole project as a REFI-QDA .qdpx file")),
        ExchangeAction.EXPORT_CSV: (
            tr("Export passages as CS&V…"),
            tr("One row per coded passage, for R, pandas or SPSS")),
        ExchangeAction.IMPORT_CODEBOOK: (
            tr("Import codebook from .qdc or Excel…"),
            tr("Merge the codes of a REFI-QDA .qdc file or an Excel sheet by code path")),
        ExchangeAction.EXPORT_CODEBOOK: (
            tr("Export codebook as .qdc or Excel…"),
            tr("Write the code tree as a REFI-QDA .qdc file or an Excel sheet")),
    }


def create_exchange_actions(parent: QWidget) -> dict[ExchangeAction, QAction]:
    actions = {action_id: QAction(parent) for action_id in ExchangeAction}
    retranslate_exchange_actions(actions)
    return actions


def retranslate_exchange_actions(actions: dict[ExchangeAction, QAction]) -> None:
    for action_id, (text, tip) in _texts().items():
        actions[action_id].setText(text)
        actions[action_id].setStatusTip(tip)
