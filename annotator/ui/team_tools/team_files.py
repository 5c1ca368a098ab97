"""File choosers of the team tools, wrapped so tests can monkeypatch them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from annotator.ui.file_dialogs import PROJECT_FILTER


def tr(text: str) -> str:
    return QCoreApplication.translate("TeamFiles", text)


class TeamFiles:
    @staticmethod
    def open_copy(parent: QWidget | None) -> Path | None:
        """The other coder's project file to merge."""
        path, _ = QFileDialog.getOpenFileName(parent, tr("Merge a coder's copy"), "",
                                              PROJECT_FILTER)
        return Path(path) if path else None

    @staticmethod
    def save_copy(parent: QWidget | None, suggested: str) -> Path | None:
        """Where to write a blind copy."""
        path, _ = QFileDialog.getSaveFileName(parent, tr("Blind copy for a second coder"),
                                              suggested, PROJECT_FILTER)
        if not path:
            return None
        return Path(path) if path.endswith(".annot") else Path(path + ".annot")

    @staticmethod
    def save_chart(parent: QWidget | None, suggested: str, fmt: str) -> Path | None:
        """Where to save a chart as ``fmt`` ("png" or "svg")."""
        name_filter = {"png": tr("PNG picture (*.png)"), "svg": tr("SVG drawing (*.svg)")}[fmt]
        path, _ = QFileDialog.getSaveFileName(parent, tr("Save chart"), suggested, name_filter)
        if not path:
            return None
        return Path(path) if path.lower().endswith(f".{fmt}") else Path(f"{path}.{fmt}")
