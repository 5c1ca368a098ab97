"""Long exchange jobs with the window kept alive, and a wait indication for short ones.

Only work that never touches the open project runs in a worker: every transaction begins
with ``BEGIN IMMEDIATE``, so an export reading the open project from a worker would make any
read of the GUI thread wait for it. Importing a .qdpx builds a separate new file, so it can.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QProgressDialog, QWidget

from annotator.ui.busy import wait_cursor

T = TypeVar("T")

#: A job quicker than this shows no dialog at all (no flash for a small file).
SHOW_AFTER_MS = 300


class _Finished(QObject):
    done = Signal()


def run_in_worker(parent: QWidget | None, label: str, job: Callable[[], T]) -> T:
    """Run ``job`` in a thread behind a window-modal busy dialog; return its result or
    raise its exception here, on the GUI thread. The window repaints meanwhile."""
    dialog = QProgressDialog(label, "", 0, 0, parent)
    dialog.setCancelButton(None)  # the core has no safe point to stop an import
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    show_timer = QTimer(dialog)
    show_timer.setSingleShot(True)
    show_timer.timeout.connect(dialog.show)
    finished = _Finished()
    loop = QEventLoop()
    finished.done.connect(loop.quit, Qt.ConnectionType.QueuedConnection)
    outcome: dict[str, object] = {}

    def work() -> None:
        try:
            outcome["result"] = job()
        except BaseException as exc:  # handed to the GUI thread, raised there
            outcome["error"] = exc
        finally:
            finished.done.emit()

    worker = threading.Thread(target=work, name="exchange-job", daemon=True)
    with wait_cursor():
        show_timer.start(SHOW_AFTER_MS)
        worker.start()
        # The queued quit reaches the loop even if the job ended before exec() began.
        loop.exec(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
        worker.join()
        show_timer.stop()
        dialog.close()
        dialog.deleteLater()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["result"]  # type: ignore[return-value]


def run_with_status(window: QMainWindow, label: str, job: Callable[[], T]) -> T:
    """Run ``job`` on the GUI thread under a wait cursor, ``label`` painted in the status
    bar first (the job reads the open project; see the module comment)."""
    window.statusBar().showMessage(label)
    QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    try:
        with wait_cursor():
            return job()
    finally:
        window.statusBar().clearMessage()
