"""File choosers of the Chinese text tools, wrapped so tests can monkeypatch them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget


def tr(text: str) -> str:
    return QCoreApplication.translate("ChineseFileChoosers", text)


class ChineseFiles:
    @staticmethod
    def open_terms(parent: QWidget | None) -> Path | None:
        filters = tr("Word lists (*.txt *.dict *.csv *.tsv);;All files (*)")
        path, _ = QFileDialog.getOpenFileName(parent, tr("Import terms"), "", filters)
        return Path(path) if path else None

    @staticmethod
    def save_png(parent: QWidget | None, suggested: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(parent, tr("Save chart"), suggested, "PNG (*.png)")
        if not path:
            return None
        return Path(path) if path.lower().endswith(".png") else Path(path + ".png")
