"""Import and export from the window, with a progress dialog the user can cancel."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from annotator.records import ImportReport
from annotator.ui.hub import ProjectHub

T = TypeVar("T")


def tr(text: str) -> str:
    return QCoreApplication.translate("Transfer", text)


def _progress_dialog(parent: QWidget | None, label: str) -> QProgressDialog:
    dialog = QProgressDialog(label, tr("Cancel"), 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    return dialog


def import_with_progress(
    parent: QWidget | None, hub: ProjectHub, paths: list[Path]
) -> ImportReport:
    """Each file is one transaction: cancelling stops between files, never half-way."""
    project = hub.require()
    dialog = _progress_dialog(parent, tr("Importing…"))

    def progress(i: int, n: int, path: str) -> None:
        dialog.setMaximum(max(n, 1))
        dialog.setValue(i)
        if path:
            dialog.setLabelText(tr("Importing %1").replace("%1", Path(path).name))
        QCoreApplication.processEvents()

    try:
        report = project.import_files(paths, progress=progress, should_cancel=dialog.wasCanceled)
    finally:
        dialog.close()
    if report.count("imported"):
        hub.notify_documents()
    return report


def export_with_progress(parent: QWidget | None, hub: ProjectHub, target: Path) -> None:
    """Writes to a temporary file and moves it into place only when complete (core)."""
    project = hub.require()
    run_with_progress(parent, tr("Exporting to %1").replace("%1", target.name),
                      lambda progress: project.export_excel(target, progress=progress))


def run_with_progress(
    parent: QWidget | None, label: str, job: Callable[[Callable[[int, int], None]], T]
) -> T:
    """Run ``job(progress)`` on the GUI thread behind a progress bar it moves with
    ``progress(done, total)`` (shown if it takes more than a moment; not cancellable: the
    core writes beside the target and moves the file into place only when complete)."""
    dialog = _progress_dialog(parent, label)
    dialog.setCancelButton(None)

    def progress(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(done)
        QCoreApplication.processEvents()

    try:
        return job(progress)
    finally:
        dialog.close()


class ImportReportDialog(QDialog):
    """What happened to each file: failures first, with their reasons."""

    def __init__(self, report: ImportReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import finished"))
        self.resize(640, 360)
        summary = self.tr("%1 imported, %2 duplicate(s) skipped, %3 failed").replace(
            "%1", str(report.count("imported"))
        ).replace("%2", str(report.count("duplicate"))).replace("%3", str(report.count("failed")))
        if report.cancelled:
            summary += "\n" + self.tr("Cancelled: the remaining files were not imported.")
        lines = [f"✗ {o.path}: {o.reason}" for o in report.outcomes if o.status == "failed"]
        lines += [f"= {o.path}: {o.reason}" for o in report.outcomes if o.status == "duplicate"]
        lines += [f"✓ {o.path}" for o in report.outcomes if o.status == "imported"]
        lines += [f"! {o.path}: {w}" for o in report.outcomes for w in o.warnings]
        self.details = QPlainTextEdit("\n".join(lines))
        self.details.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(summary))
        layout.addWidget(self.details)
        layout.addWidget(buttons)

    @classmethod
    def show_report(cls, report: ImportReport, parent: QWidget | None = None) -> None:
        cls(report, parent).exec()
