"""File choosers, wrapped so tests can monkeypatch them instead of driving native dialogs."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget


def tr(text: str) -> str:
    return QCoreApplication.translate("FileDialogs", text)


PROJECT_FILTER = "annotator (*.annot)"
SOURCE_FILTER = "Articles (*.txt *.docx *.html *.htm *.pdf)"
CODEBOOK_FILTER = "Codebook (*.yaml *.yml)"


class FileDialogs:
    @staticmethod
    def open_project(parent: QWidget | None) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(parent, tr("Open project"), "", PROJECT_FILTER)
        return Path(path) if path else None

    @staticmethod
    def new_project(parent: QWidget | None) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(parent, tr("New project"), "study.annot",
                                              PROJECT_FILTER)
        if not path:
            return None
        return Path(path) if path.endswith(".annot") else Path(path + ".annot")

    @staticmethod
    def import_files(parent: QWidget | None) -> list[Path]:
        paths, _ = QFileDialog.getOpenFileNames(parent, tr("Import files"), "", SOURCE_FILTER)
        return [Path(p) for p in paths]

    @staticmethod
    def import_folder(parent: QWidget | None) -> Path | None:
        path = QFileDialog.getExistingDirectory(parent, tr("Import folder"))
        return Path(path) if path else None

    @staticmethod
    def export_excel(parent: QWidget | None, suggested: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(parent, tr("Export to Excel"), suggested,
                                              "Excel (*.xlsx)")
        if not path:
            return None
        return Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx")

    @staticmethod
    def open_codebook(parent: QWidget | None) -> Path | None:
        path, _ = QFileDialog.getOpenFileName(parent, tr("Import codebook"), "", CODEBOOK_FILTER)
        return Path(path) if path else None

    @staticmethod
    def save_codebook(parent: QWidget | None, suggested: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(parent, tr("Export codebook"), suggested,
                                              CODEBOOK_FILTER)
        return Path(path) if path else None
