"""File-menu entries for exchange with other QDA tools (NVivo, MAXQDA, ATLAS.ti, QualCoder…).

Importing a REFI-QDA project makes a new project file and opens it; the open project is
only replaced once that file is complete. Exports and codebook merges go through the core,
which writes files atomically and merges in one transaction, so a failure changes nothing;
this module only shows the outcome.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject

from annotator.errors import AnnotatorError
from annotator.ui.actions import (
    ActionId,
    Feature,
    MenuId,
    create_actions,
    enable_for_project,
    place,
    retranslate_actions,
)
from annotator.ui.exchange.background import run_in_worker, run_with_status
from annotator.ui.file_dialogs import FileDialogs, free_project_name
from annotator.ui.messages import Messages
from annotator.ui.transfer import run_with_progress

# annotator.exchange (and the report dialog, which names its types) is imported when a
# command runs: it pulls in openpyxl and every file reader, which would delay the window's start.
if TYPE_CHECKING:
    from annotator.exchange import CodebookImportReport, ExportSummary, ProjectImportReport
    from annotator.ui.exchange.report_dialog import ExchangeReportDialog
    from annotator.ui.main_window import MainWindow

MESSAGE_MS = 8000
CODEBOOK_SUFFIXES = (".qdc", ".qdpx", ".qde", ".xlsx", ".xlsm")


def _naming(path: Path, exc: Exception) -> str:
    """The core's message, which names the file; prefixed with it when it does not."""
    text = str(exc)
    return text if path.name in text else f"{path}: {text}"


class ExchangeTools(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.hub = window.hub
        self.report_dialog: ExchangeReportDialog | None = None
        self.actions = a = create_actions(window, Feature.EXCHANGE)
        place({MenuId.FILE: window.file_menu}, a)

        a[ActionId.IMPORT_QDA_PROJECT].triggered.connect(self.import_project)
        a[ActionId.EXPORT_QDA_PROJECT].triggered.connect(self.export_project)
        a[ActionId.EXPORT_CSV].triggered.connect(self.export_csv)
        a[ActionId.IMPORT_QDA_CODEBOOK].triggered.connect(self.import_codebook)
        a[ActionId.EXPORT_QDA_CODEBOOK].triggered.connect(self.export_codebook)
        self.hub.projectChanged.connect(self._project_changed)
        window.installEventFilter(self)  # LanguageChange reaches widgets, not this object
        self._project_changed()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            retranslate_actions(self.actions)
        return super().eventFilter(watched, event)

    def _project_changed(self) -> None:
        has = self.hub.project is not None
        enable_for_project(self.actions, has)

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, MESSAGE_MS)

    def _show_report(self, dialog: ExchangeReportDialog) -> None:
        # Non-blocking, like Messages: the window stays usable and tests never hang.
        if self.report_dialog is not None:
            self.report_dialog.close()
        self.report_dialog = dialog
        dialog.open()

    # -- whole projects ----------------------------------------------------------------------
    def import_project(self) -> ProjectImportReport | None:
        """Ask for a .qdpx/.qde and a new .annot, build it, open it, show the report.
        Returns the report, or None when nothing was imported."""
        from annotator import exchange
        from annotator.ui.exchange.report_dialog import ExchangeReportDialog

        window = self.window
        source = FileDialogs.open_refi_project(window)
        if source is None:
            return None
        target = FileDialogs.save_new_project(window, str(free_project_name(source)))
        if target is None:
            return None
        title = self.tr("Cannot import %1").replace("%1", source.name)
        if source.suffix.lower() == ".qdpx" and source.is_file() and \
                not zipfile.is_zipfile(source):
            # The core would read it as a bare .qde and report broken XML, which misleads.
            Messages.error(window, title, self.tr(
                "%1: not a .qdpx file. A .qdpx is a zip archive and this file is not one; "
                "it may be damaged or only partly downloaded.").replace("%1", str(source)))
            return None
        if target.exists():
            Messages.error(window, title, self.tr(
                "%1 already exists. An import always makes a new project and never replaces "
                "a file: choose another name.").replace("%1", str(target)))
            return None
        label = self.tr("Importing %1…").replace("%1", source.name)
        try:
            report = run_in_worker(window, label,
                                   lambda: exchange.import_project(source, target))
        except (AnnotatorError, OSError) as exc:
            Messages.error(window, title, _naming(source, exc))
            return None
        if not window.open_project(target):
            return report  # the window said why; the new file stays for another try
        self._show_report(ExchangeReportDialog.for_project(report, window))
        self._status(self.tr("Imported %1 into %2").replace("%1", source.name)
                     .replace("%2", target.name))
        return report

    def export_project(self) -> ExportSummary | None:
        """Write a .qdpx; what other tools are known to change is shown in the report."""
        from annotator import exchange
        from annotator.ui.exchange.report_dialog import ExchangeReportDialog

        project = self.hub.project
        if project is None:
            return None
        target = FileDialogs.save_qdpx(self.window, str(project.path.with_suffix(".qdpx")))
        if target is None:
            return None
        try:
            summary = run_with_progress(
                self.window, self.tr("Exporting to %1…").replace("%1", target.name),
                lambda progress: exchange.export_qdpx(project, target, progress=progress))
        except (AnnotatorError, OSError) as exc:
            Messages.error(self.window, self.tr("Cannot export %1").replace("%1", target.name),
                           _naming(target, exc))
            return None
        self._status(
            self.tr("Exported to %1:").replace("%1", str(target)) + " " + self.tr(", ").join((
                self.tr("%n document(s)", "", summary.documents),
                self.tr("%n code(s)", "", summary.codes),
                self.tr("%n passage(s)", "", summary.passages))))
        if summary.warnings:  # a clean export needs no dialog: the status bar says it
            self._show_report(ExchangeReportDialog.for_export(summary, target, self.window))
        return summary

    def export_csv(self) -> int | None:
        from annotator import exchange

        project = self.hub.project
        if project is None:
            return None
        target = FileDialogs.save_csv(self.window, str(project.path.with_suffix(".csv")))
        if target is None:
            return None
        try:
            rows = run_with_progress(
                self.window, self.tr("Exporting to %1…").replace("%1", target.name),
                lambda progress: exchange.export_passages_csv(project, target,
                                                              progress=progress))
        except (AnnotatorError, OSError) as exc:
            Messages.error(self.window, self.tr("Cannot export %1").replace("%1", target.name),
                           _naming(target, exc))
            return None
        self._status(self.tr("%n passage(s) written to %1", "", rows)
                     .replace("%1", str(target)))
        return rows

    # -- codebooks ---------------------------------------------------------------------------
    def import_codebook(self) -> CodebookImportReport | None:
        from annotator import exchange
        from annotator.ui.exchange.report_dialog import ExchangeReportDialog

        project = self.hub.project
        if project is None:
            return None
        source = FileDialogs.open_exchange_codebook(self.window)
        if source is None:
            return None
        title = self.tr("Cannot import codebook %1").replace("%1", source.name)
        suffix = source.suffix.lower()
        if suffix not in CODEBOOK_SUFFIXES:
            Messages.error(self.window, title, self.tr(
                "%1: not a codebook this command reads; use a .qdc file or an Excel sheet "
                "(.xlsx). YAML codebooks are imported with File ▸ Import codebook (YAML).")
                .replace("%1", str(source)))
            return None
        read = exchange.import_codebook_xlsx if suffix in (".xlsx", ".xlsm") else \
            exchange.import_qdc
        try:
            report = run_with_status(
                self.window, self.tr("Importing %1…").replace("%1", source.name),
                lambda: read(project, source))
        except (AnnotatorError, OSError) as exc:
            Messages.error(self.window, title, _naming(source, exc))
            return None
        # Merged outside the undo stack: earlier undo steps may refer to the old tree.
        self.hub.undo_stack.clear()
        self.hub.notify_codebook()
        if report.warnings.items:
            self._show_report(ExchangeReportDialog.for_codebook(report, self.window))
        self._status(self.tr("%n code(s) added", "", report.added) + self.tr(", ")
                     + self.tr("%n updated", "", report.updated))
        return report

    def export_codebook(self) -> Path | None:
        from annotator import exchange

        project = self.hub.project
        if project is None:
            return None
        target = FileDialogs.save_exchange_codebook(self.window,
                                                    str(project.path.with_suffix(".qdc")))
        if target is None:
            return None
        write = exchange.export_codebook_xlsx if target.suffix.lower() == ".xlsx" else \
            exchange.export_qdc
        try:
            codes = run_with_status(
                self.window, self.tr("Exporting to %1…").replace("%1", target.name),
                lambda: write(project, target))
        except (AnnotatorError, OSError) as exc:
            Messages.error(self.window, self.tr("Cannot export %1").replace("%1", target.name),
                           _naming(target, exc))
            return None
        self._status(self.tr("%n code(s) written to %1", "", codes)
                     .replace("%1", str(target)))
        return target
