"""Merging a coder's copy back, and making a blind copy, from the window.

A merge writes outside the undo stack (it is one transaction of many kinds of rows), so the
stack is cleared afterwards: earlier steps may refer to rows the merge touched. Views
refresh from the hub's notifications like after any other change.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow

from annotator.errors import AnnotatorError
from annotator.merge import BlindCopy, MergeReport, copy_for_coder, merge_project
from annotator.ui.file_dialogs import FileDialogs
from annotator.ui.hub import ProjectHub
from annotator.ui.messages import Messages
from annotator.ui.team.coder_bar import CoderNameDialog
from annotator.ui.team.merge_dialog import MergeDialog


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("MergeFlow", text, disambiguation, n)


def merge_copy(window: QMainWindow, hub: ProjectHub, path: Path | None = None
               ) -> MergeReport | None:
    """Choose a copy (unless ``path``), show the dry run, merge on confirmation. Returns the
    report of the merge done, or None when nothing was merged."""
    project = hub.project
    if project is None:
        return None
    path = path or FileDialogs.open_copy(window)
    if path is None:
        return None
    try:
        preview = merge_project(project, path, dry_run=True)
    except AnnotatorError as exc:
        Messages.error(window, tr("Cannot merge"), str(exc))
        return None
    if preview.changed == 0 and not preview.conflicts:
        Messages.info(window, tr("Nothing to merge"),
                      tr("Everything in %1 is already in this project.").replace(
                          "%1", path.name))
        return None
    if not MergeDialog.ask(preview, window):
        return None
    try:
        report = merge_project(project, path)
    except AnnotatorError as exc:
        Messages.error(window, tr("Cannot merge"), str(exc))
        return None
    hub.undo_stack.clear()
    hub.notify_documents()
    hub.notify_codebook(passages=True)
    MergeDialog.show_report(report, window)
    window.statusBar().showMessage(
        tr("Merged %1: %2 passage(s) added, %3 conflict(s)").replace("%1", path.name)
        .replace("%2", str(report.passages_added)).replace("%3", str(len(report.conflicts))),
        8000)
    return report


def make_blind_copy(window: QMainWindow, hub: ProjectHub) -> BlindCopy | None:
    """Ask for the second coder's name and a file; write a copy with the same documents
    and codebook and no passages."""
    project = hub.project
    if project is None:
        return None
    coder = CoderNameDialog.ask(window, tr("Blind copy for a second coder"),
                                tr("Name of the coder the copy is for:"))
    if coder is None:
        return None
    suggested = project.path.with_name(f"{project.path.stem}-{coder}.annot")
    target = FileDialogs.save_copy(window, str(suggested))
    if target is None:
        return None
    try:
        copy = copy_for_coder(project, target, coder)
    except AnnotatorError as exc:
        Messages.error(window, tr("Cannot write the copy"), str(exc))
        return None
    Messages.info(
        window, tr("Blind copy written"),
        tr("%1 for %2:").replace("%1", str(copy.path)).replace("%2", copy.coder) + " "
        + tr("%n document(s)", "", copy.documents) + tr(", ")
        + tr("%n code(s), no passages.", "", copy.codes) + "\n\n"
        + tr("When the coder is done, bring the copy back with Team ▸ Merge a coder's copy."))
    return copy
