"""What the window says about where the project lives: read-only, a full disk, changes made
from outside.

- :func:`storage_message` puts a :class:`~annotator.errors.ProjectStorageError` into words
  (the file and the cause, translated); :func:`storage_aware_hook` shows it in a plain
  dialog instead of the "unexpected error" box, for a coding step refused anywhere.
- :class:`OutsideChanges` looks every :attr:`INTERVAL_MS` whether a command, a script or
  another window committed to the project (SQLite serialises their writes with ours) and
  then has every view re-read, with a note in the status bar.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QMainWindow, QWidget

from annotator.errors import ProjectStorageError, ReadOnlyProjectError
from annotator.records import Changes
from annotator.ui.hub import ProjectHub
from annotator.ui.messages import Messages

log = logging.getLogger("annotator")

#: Every kind of data a view shows: what an outside change may have touched.
EVERYTHING = Changes(documents_reread=True, codes_reread=True, passages_reread=None,
                     word_lists=True, proposals=True)


def tr(text: str) -> str:
    return QCoreApplication.translate("StorageNotice", text)


def read_only_reason(reason: str) -> str:
    """The core's reason ("the disk is read-only", "open in another annotator window: …"),
    translated."""
    known = {
        "opened read-only": tr("opened read-only"),
        "the disk is read-only": tr("the disk is read-only"),
        "the file is read-only": tr("the file is read-only"),
        "its folder is read-only": tr("its folder is read-only"),
        "the file or its folder is read-only": tr("the file or its folder is read-only"),
        "permission denied": tr("permission denied"),
        "the disk is full": tr("the disk is full"),
    }
    prefix = "open in another annotator window: "
    if reason.startswith(prefix):
        return tr("open in another annotator window (%1)").replace("%1", reason[len(prefix):])
    return known.get(reason, reason)


def storage_message(exc: ProjectStorageError) -> str:
    """One paragraph naming the file and the cause."""
    if isinstance(exc, ReadOnlyProjectError):
        return (tr("%1 is open read-only (%2): this change was not saved.")
                .replace("%1", str(exc.path)).replace("%2", read_only_reason(exc.reason)))
    causes = {
        "disk-full": tr("The disk is full: nothing of this step was saved. Free some space "
                        "and try again."),
        "read-only": tr("The file, its folder or its disk is read-only: nothing can be "
                        "saved there."),
        "locked": tr("Another program is writing to the project and holds its lock; try "
                     "again when it has finished."),
        "permission": tr("Permission denied."),
        "io": tr("The disk reported an input/output error."),
        "damaged": tr("The file is damaged or not an annotator project."),
        "cannot-open": tr("The file cannot be opened (missing folder, or no permission)."),
    }
    text = f"{exc.path}\n\n{causes.get(exc.cause, exc.cause)}"
    return text + (f"\n({exc.detail})" if exc.detail and exc.cause not in (
        "disk-full", "read-only", "locked") else "")


HookType = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def storage_aware_hook(previous: HookType, window: Callable[[], QWidget | None]) -> HookType:
    """An exception hook that shows a storage error (a full disk, a read-only project) as a
    plain message naming the file, and hands everything else to ``previous``."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if isinstance(exc, ProjectStorageError):
            log.warning("refused by the disk: %s", exc)
            Messages.error(window(), tr("Not saved"), storage_message(exc))
            return
        previous(kind, exc, tb)

    return hook


def install_storage_hook(window: Callable[[], QWidget | None]) -> None:
    sys.excepthook = storage_aware_hook(sys.excepthook, window)


class OutsideChanges(QObject):
    """Re-read every view when the project file was changed from outside this window."""

    INTERVAL_MS = 1500

    def __init__(self, window: QMainWindow, hub: ProjectHub) -> None:
        super().__init__(window)
        self._window, self._hub = window, hub
        self._timer = QTimer(self)
        self._timer.setInterval(self.INTERVAL_MS)
        self._timer.timeout.connect(self.look)
        hub.projectChanged.connect(self._project_changed)

    def _project_changed(self) -> None:
        project = self._hub.project
        if project is None:
            self._timer.stop()
            return
        project.changed_elsewhere()  # starts watching from now
        self._timer.start()

    def look(self) -> bool:
        """Re-read if someone else committed since the last look; whether they had."""
        project = self._hub.project
        if project is None or not project.changed_elsewhere():
            return False
        self._hub.notify(EVERYTHING)
        self._window.statusBar().showMessage(
            tr("The project was changed outside this window (a command, a script or "
               "another window); the views show it now."), 10000)
        return True
