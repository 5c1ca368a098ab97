"""Every file chooser of the window, in one place: titles, filters, the suffix a typed name
gets, and the folder each kind of file was last taken from or written to (kept in the
settings, so the next chooser of that kind opens there, also after a restart).

Callers use the named static methods of :class:`FileDialogs`; tests monkeypatch those
instead of driving native dialogs.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from annotator.ui.settings import Settings


def tr(text: str) -> str:
    return QCoreApplication.translate("FileDialogs", text)


PROJECT_FILTER = "annotator (*.annot)"
SOURCE_FILTER = "Articles (*.txt *.docx *.html *.htm *.pdf)"
CODEBOOK_FILTER = "Codebook (*.yaml *.yml)"


class Folder(Enum):
    """Kinds of file whose folder is remembered apart (value: the settings key)."""

    PROJECTS = "projects"
    SOURCES = "sources"
    CODEBOOKS = "codebooks"
    EXPORTS = "exports"
    EXCHANGE = "exchange"  # projects of other QDA tools
    CHARTS = "charts"
    WORD_LISTS = "word_lists"


def with_suffix(path: str | Path, suffix: str) -> Path:
    """``path`` ending in ``suffix`` (case-insensitive), added when the user typed none."""
    text = str(path)
    return Path(text) if text.lower().endswith(suffix) else Path(text + suffix)


def free_project_name(source: Path) -> Path:
    """``<folder>/<stem>.annot`` beside ``source``, or ``<stem>-2.annot``… if that is taken."""
    candidate = source.with_suffix(".annot")
    n = 2
    while candidate.exists():
        candidate = source.with_name(f"{source.stem}-{n}.annot")
        n += 1
    return candidate


_NO_OPTIONS = QFileDialog.Option(0)


def _settings(parent: QWidget | None) -> Settings | None:
    """The window's settings, found up the parent chain (a dialog's parent is the window)."""
    widget = parent
    while widget is not None:
        settings = getattr(widget, "settings", None)
        if isinstance(settings, Settings):
            return settings
        widget = widget.parentWidget()
    return None


def _start(parent: QWidget | None, folder: Folder, suggested: str = "") -> str:
    """Where a chooser opens: the remembered folder of its kind (with the suggested name),
    else the suggestion as given."""
    settings = _settings(parent)
    remembered = settings.last_folder(folder.value) if settings is not None else ""
    if remembered and Path(remembered).is_dir():
        return str(Path(remembered) / Path(suggested).name) if suggested else remembered
    return suggested


def _remember(parent: QWidget | None, folder: Folder, chosen: Path) -> None:
    settings = _settings(parent)
    if settings is not None:
        settings.set_last_folder(folder.value, str(chosen if chosen.is_dir() else chosen.parent))


def _open(parent: QWidget | None, folder: Folder, title: str, filters: str) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(parent, title, _start(parent, folder), filters)
    if not path:
        return None
    _remember(parent, folder, Path(path))
    return Path(path)


def _save(parent: QWidget | None, folder: Folder, title: str, suggested: str, filters: str,
          options: QFileDialog.Option = _NO_OPTIONS) -> tuple[str, str]:
    """(path typed or chosen, the filter chosen); ("", "") when cancelled."""
    path, chosen = QFileDialog.getSaveFileName(
        parent, title, _start(parent, folder, suggested), filters, options=options)
    if path:
        _remember(parent, folder, Path(path))
    return path, chosen


class FileDialogs:
    # -- projects and sources ----------------------------------------------------------------
    @staticmethod
    def open_project(parent: QWidget | None) -> Path | None:
        return _open(parent, Folder.PROJECTS, tr("Open project"), PROJECT_FILTER)

    @staticmethod
    def new_project(parent: QWidget | None) -> Path | None:
        path, _ = _save(parent, Folder.PROJECTS, tr("New project"), "study.annot",
                        PROJECT_FILTER)
        return with_suffix(path, ".annot") if path else None

    @staticmethod
    def import_files(parent: QWidget | None) -> list[Path]:
        paths, _ = QFileDialog.getOpenFileNames(parent, tr("Import files"),
                                                _start(parent, Folder.SOURCES), SOURCE_FILTER)
        if paths:
            _remember(parent, Folder.SOURCES, Path(paths[0]))
        return [Path(p) for p in paths]

    @staticmethod
    def import_folder(parent: QWidget | None) -> Path | None:
        path = QFileDialog.getExistingDirectory(parent, tr("Import folder"),
                                                _start(parent, Folder.SOURCES))
        if not path:
            return None
        _remember(parent, Folder.SOURCES, Path(path).parent)  # the folder above, for the next
        return Path(path)

    # -- codebooks and exports ---------------------------------------------------------------
    @staticmethod
    def export_excel(parent: QWidget | None, suggested: str) -> Path | None:
        path, _ = _save(parent, Folder.EXPORTS, tr("Export to Excel"), suggested,
                        "Excel (*.xlsx)")
        return with_suffix(path, ".xlsx") if path else None

    @staticmethod
    def open_codebook(parent: QWidget | None) -> Path | None:
        return _open(parent, Folder.CODEBOOKS, tr("Import codebook"), CODEBOOK_FILTER)

    @staticmethod
    def save_codebook(parent: QWidget | None, suggested: str) -> Path | None:
        path, _ = _save(parent, Folder.CODEBOOKS, tr("Export codebook"), suggested,
                        CODEBOOK_FILTER)
        return Path(path) if path else None

    @staticmethod
    def save_chart(parent: QWidget | None, suggested: str, fmt: str = "png") -> Path | None:
        """Where to save a chart as ``fmt`` ("png" or "svg")."""
        name_filter = {"png": tr("PNG picture (*.png)"), "svg": tr("SVG drawing (*.svg)")}[fmt]
        path, _ = _save(parent, Folder.CHARTS, tr("Save chart"), suggested, name_filter)
        return with_suffix(path, f".{fmt}") if path else None

    # -- team work ---------------------------------------------------------------------------
    @staticmethod
    def open_copy(parent: QWidget | None) -> Path | None:
        """The other coder's project file to merge."""
        return _open(parent, Folder.PROJECTS, tr("Merge a coder's copy"), PROJECT_FILTER)

    @staticmethod
    def save_copy(parent: QWidget | None, suggested: str) -> Path | None:
        """Where to write a blind copy."""
        path, _ = _save(parent, Folder.PROJECTS, tr("Blind copy for a second coder"),
                        suggested, PROJECT_FILTER)
        return with_suffix(path, ".annot") if path else None

    # -- other QDA tools ---------------------------------------------------------------------
    @staticmethod
    def open_refi_project(parent: QWidget | None) -> Path | None:
        """The REFI-QDA project to import (.qdpx archive or bare .qde)."""
        return _open(parent, Folder.EXCHANGE, tr("Import from another QDA tool"),
                     tr("REFI-QDA project (*.qdpx *.qde)"))

    @staticmethod
    def save_new_project(parent: QWidget | None, suggested: str) -> Path | None:
        """Where the imported project goes. No overwrite question: an existing file is
        refused afterwards, since an import never replaces a project."""
        path, _ = _save(parent, Folder.PROJECTS, tr("Save the imported project as"), suggested,
                        PROJECT_FILTER, QFileDialog.Option.DontConfirmOverwrite)
        return with_suffix(path, ".annot") if path else None

    @staticmethod
    def save_qdpx(parent: QWidget | None, suggested: str) -> Path | None:
        path, _ = _save(parent, Folder.EXCHANGE, tr("Export for another QDA tool"), suggested,
                        tr("REFI-QDA project (*.qdpx)"))
        return with_suffix(path, ".qdpx") if path else None

    @staticmethod
    def save_csv(parent: QWidget | None, suggested: str) -> Path | None:
        path, _ = _save(parent, Folder.EXPORTS, tr("Export passages as CSV"), suggested,
                        tr("CSV table (*.csv)"))
        return with_suffix(path, ".csv") if path else None

    @staticmethod
    def open_exchange_codebook(parent: QWidget | None) -> Path | None:
        """A .qdc codebook (a .qdpx/.qde gives its codebook too) or an Excel codebook sheet."""
        filters = ";;".join((
            tr("Codebooks (*.qdc *.xlsx *.xlsm *.qdpx *.qde)"),
            tr("REFI-QDA codebook (*.qdc)"),
            tr("Excel (*.xlsx *.xlsm)"),
        ))
        return _open(parent, Folder.CODEBOOKS, tr("Import codebook from another QDA tool"),
                     filters)

    @staticmethod
    def save_exchange_codebook(parent: QWidget | None, suggested: str) -> Path | None:
        """A .qdc or .xlsx file; without a suffix typed, the chosen filter decides."""
        qdc, xlsx = tr("REFI-QDA codebook (*.qdc)"), tr("Excel (*.xlsx)")
        path, chosen = _save(parent, Folder.CODEBOOKS, tr("Export codebook for another QDA tool"),
                             suggested, f"{qdc};;{xlsx}")
        if not path:
            return None
        if Path(path).suffix.lower() in (".qdc", ".xlsx"):
            return Path(path)
        return with_suffix(path, ".xlsx" if chosen == xlsx else ".qdc")

    # -- word lists --------------------------------------------------------------------------
    @staticmethod
    def open_terms(parent: QWidget | None) -> Path | None:
        filters = tr("Word lists (*.txt *.dict *.csv *.tsv);;All files (*)")
        return _open(parent, Folder.WORD_LISTS, tr("Import terms"), filters)
