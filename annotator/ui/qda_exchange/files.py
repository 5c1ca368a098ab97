"""File choosers for exchange with other QDA tools, wrapped so tests can monkeypatch them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from annotator.ui.file_dialogs import PROJECT_FILTER


def tr(text: str) -> str:
    return QCoreApplication.translate("ExchangeFiles", text)


def _with_suffix(path: str, suffix: str) -> Path:
    return Path(path) if path.lower().endswith(suffix) else Path(path + suffix)


def free_project_name(source: Path) -> Path:
    """``<folder>/<stem>.annot`` beside ``source``, or ``<stem>-2.annot``… if that is taken."""
    candidate = source.with_suffix(".annot")
    n = 2
    while candidate.exists():
        candidate = source.with_name(f"{source.stem}-{n}.annot")
        n += 1
    return candidate


class ExchangeFiles:
    @staticmethod
    def open_refi_project(parent: QWidget | None) -> Path | None:
        """The REFI-QDA project to import (.qdpx archive or bare .qde)."""
        path, _ = QFileDialog.getOpenFileName(
            parent, tr("Import from another QDA tool"), "",
            tr("REFI-QDA project (*.qdpx *.qde)"))
        return Path(path) if path else None

    @staticmethod
    def save_new_project(parent: QWidget | None, suggested: str) -> Path | None:
        """Where the imported project goes. No overwrite question: an existing file is
        refused afterwards, since an import never replaces a project."""
        path, _ = QFileDialog.getSaveFileName(
            parent, tr("Save the imported project as"), suggested, PROJECT_FILTER,
            options=QFileDialog.Option.DontConfirmOverwrite)
        return _with_suffix(path, ".annot") if path else None

    @staticmethod
    def save_qdpx(parent: QWidget | None, suggested: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            parent, tr("Export for another QDA tool"), suggested,
            tr("REFI-QDA project (*.qdpx)"))
        return _with_suffix(path, ".qdpx") if path else None

    @staticmethod
    def save_csv(parent: QWidget | None, suggested: str) -> Path | None:
        path, _ = QFileDialog.getSaveFileName(
            parent, tr("Export passages as CSV"), suggested, tr("CSV table (*.csv)"))
        return _with_suffix(path, ".csv") if path else None

    @staticmethod
    def open_codebook(parent: QWidget | None) -> Path | None:
        """A .qdc codebook (a .qdpx/.qde gives its codebook too) or an Excel codebook sheet."""
        filters = ";;".join((
            tr("Codebooks (*.qdc *.xlsx *.xlsm *.qdpx *.qde)"),
            tr("REFI-QDA codebook (*.qdc)"),
            tr("Excel (*.xlsx *.xlsm)"),
        ))
        path, _ = QFileDialog.getOpenFileName(
            parent, tr("Import codebook from another QDA tool"), "", filters)
        return Path(path) if path else None

    @staticmethod
    def save_codebook(parent: QWidget | None, suggested: str) -> Path | None:
        """A .qdc or .xlsx file; without a suffix typed, the chosen filter decides."""
        qdc, xlsx = tr("REFI-QDA codebook (*.qdc)"), tr("Excel (*.xlsx)")
        path, chosen = QFileDialog.getSaveFileName(
            parent, tr("Export codebook for another QDA tool"), suggested, f"{qdc};;{xlsx}")
        if not path:
            return None
        if Path(path).suffix.lower() in (".qdc", ".xlsx"):
            return Path(path)
        return _with_suffix(path, ".xlsx" if chosen == xlsx else ".qdc")
