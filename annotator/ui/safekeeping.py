"""Keeping the user's work safe and showing it: the "saved" indicator, the daily backup,
*File → Restore a backup…*, and a warning for projects in network or cloud-synced folders.

Every action is committed and folded into the project file when it returns
(:mod:`annotator.db.durability`), so the indicator tells the truth the moment it changes.
The daily backup (:func:`annotator.db.backups.daily_backup`) runs in a worker thread after the
project's first paint; closing the project waits for it.
"""

from __future__ import annotations

import logging
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QThread, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.db.backups import (
    Backup,
    backup_folder,
    daily_backup,
    list_backups,
    restore_backup,
)
from annotator.errors import AnnotatorError
from annotator.records import Changes
from annotator.ui.actions import (
    ActionId,
    Feature,
    MenuId,
    create_actions,
    enable_for_project,
    place,
)
from annotator.ui.messages import Messages

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

log = logging.getLogger(__name__)


class BackupJob(QThread):
    """Today's backup of one project file, off the GUI thread."""

    def __init__(self, path: Path, keep_days: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.keep_days = keep_days
        self.taken: Path | None = None

    def run(self) -> None:
        try:
            self.taken = daily_backup(self.path, keep_days=self.keep_days)
        except AnnotatorError as exc:  # a full disk must not cost the session its project
            log.warning("daily backup failed: %s", exc)
        except Exception:
            log.exception("daily backup failed")


class Safekeeping(QObject):
    #: How many days of daily backups are kept beside each project.
    KEEP_DAYS = 7

    backupTaken = Signal(object)  # Path of the backup taken, or None

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.hub = window.hub
        self._job: BackupJob | None = None
        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedIndicator")
        self.place_label = QLabel()
        self.place_label.setObjectName("sharedFolderWarning")
        self.place_label.setStyleSheet("color: #b3261e;")
        status = window.statusBar()
        status.addPermanentWidget(self.place_label)
        status.addPermanentWidget(self.saved_label)
        self._saved_at: datetime | None = None

        self.actions = create_actions(window, Feature.SAFEKEEPING)
        place({MenuId.FILE: window.file_menu}, self.actions)
        self.actions[ActionId.RESTORE_BACKUP].triggered.connect(self.choose_backup)

        self.hub.projectChanged.connect(self._project_changed)
        self.hub.aboutToClose.connect(self.wait)
        self.hub.changed.connect(self._changed)
        window.installEventFilter(self)
        self._project_changed()

    # -- the indicator and the warning -------------------------------------------------------
    def _project_changed(self) -> None:
        project = self.hub.project
        enable_for_project(self.actions, project is not None)
        self._saved_at = datetime.now() if project is not None else None
        self._show_saved()
        self._show_place()
        if project is not None:
            self.window.after_first_paint(self.start_backup)

    def _changed(self, _changes: Changes, _initiator: object) -> None:
        self._saved_at = datetime.now()
        self._show_saved()

    def _show_saved(self) -> None:
        if self._saved_at is None:
            self.saved_label.clear()
            return
        self.saved_label.setText(
            self.tr("Saved %1").replace("%1", self._saved_at.strftime("%H:%M:%S")))
        self.saved_label.setToolTip(self.tr(
            "Every action is written to the project file when it is made; there is nothing "
            "to save by hand."))

    def _show_place(self) -> None:
        project = self.hub.project
        place_ = project.place if project is not None else None
        if place_ is None or not place_.shared:
            self.place_label.clear()
            self.place_label.setToolTip("")
            return
        if place_.kind == "cloud":
            text = self.tr("In a cloud-synced folder (%1)").replace("%1", place_.detail)
        else:
            text = self.tr("On a network share (%1)").replace("%1", place_.detail)
        self.place_label.setText(text)
        self.place_label.setToolTip(self.tr(
            "Do not open this project on two computers at once: the sync client or the share "
            "cannot merge two copies and one side's work would be lost. annotator keeps the "
            "project in one file here (no -wal side file), but a local folder is safer; "
            "copy the project to a local folder to code, and back when done."))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.LanguageChange:
            self._show_saved()
            self._show_place()
        return super().eventFilter(watched, event)

    # -- backups ----------------------------------------------------------------------------
    def start_backup(self) -> None:
        project = self.hub.project
        # A read-only project (annotator.project) is not backed up: nothing can change it.
        if project is None or self._job is not None or getattr(project, "read_only", False):
            return
        job = BackupJob(project.path, self.KEEP_DAYS, self)
        job.finished.connect(lambda: self._job_done(job))
        self._job = job
        job.start(QThread.Priority.LowPriority)

    def _job_done(self, job: BackupJob) -> None:
        if self._job is job:
            self._job = None
        self.backupTaken.emit(job.taken)

    def wait(self) -> None:
        """Before the project closes: let a running backup finish (it only reads)."""
        if self._job is not None:
            self._job.wait()
            self._job = None

    def choose_backup(self) -> None:
        project = self.hub.project
        if project is None:
            return
        self.wait()
        backups = list_backups(project.path, with_counts=True)
        if not backups:
            Messages.info(self.window, self.tr("Restore a backup"), self.tr(
                "There is no backup of this project yet. annotator makes one a day, "
                "in %1, when the project is opened.").replace(
                    "%1", str(backup_folder(project.path))))
            return
        dialog = BackupDialog(backups, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.chosen() is None:
            return
        chosen = dialog.chosen()
        assert chosen is not None
        if not Messages.confirm(self.window, self.tr("Restore a backup"), self.tr(
                "Put the project back as it was on %1? The current state is kept as a "
                "backup first, so this can be reversed. The undo history is cleared.")
                .replace("%1", chosen.taken.strftime("%Y-%m-%d %H:%M"))):
            return
        self.restore(chosen.path)

    def restore(self, backup: Path) -> Path | None:
        """Close the project, put ``backup`` in its place, open it again. Returns the safety
        copy of the state before."""
        project = self.hub.require()
        path = project.path
        self.hub.close()
        try:
            safety = restore_backup(path, backup)
        except AnnotatorError as exc:
            Messages.error(self.window, self.tr("Restore a backup"), str(exc))
            self.window.open_project(path)
            return None
        self.window.open_project(path)
        self.window.statusBar().showMessage(
            self.tr("Backup restored; the state before is kept as %1").replace(
                "%1", safety.name), 10000)
        return safety


class BackupDialog(QDialog):
    def __init__(self, backups: list[Backup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore a backup"))
        self._backups = backups
        self.table = QTableWidget(len(backups), 4)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Taken"), self.tr("Documents"), self.tr("Passages"), self.tr("Size")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, backup in enumerate(backups):
            cells = [
                backup.taken.strftime("%Y-%m-%d %H:%M"),
                "" if backup.documents is None else str(backup.documents),
                "" if backup.passages is None else str(backup.passages),
                f"{backup.size / 1_048_576:.1f} MB",
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col:
                    item.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.selectRow(0)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Restore"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Backups of this project, newest first:")))
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(520, 320)

    def chosen(self) -> Backup | None:
        rows = self.table.selectionModel().selectedRows()
        return self._backups[rows[0].row()] if rows else None


def install(window: MainWindow) -> Safekeeping:
    """Add safekeeping to ``window`` (kept as ``window.safekeeping``)."""
    keeper = Safekeeping(window)
    window.safekeeping = keeper  # type: ignore[attr-defined]
    return keeper
