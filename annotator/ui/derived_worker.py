"""Build a project's missing derived text data (units, search index rows) in a worker.

A project made by an earlier version has no stored units or index; a change of the term list
or of a code's keywords makes the index rows of the documents holding the changed words
stale. Built lazily, that work would land on the first search or the first table and freeze
it. Instead, once an opened project has painted (and shortly after such a change), a worker
thread asks :func:`~annotator.importing.derived_data.derived_work` what is missing and lets
:func:`~annotator.importing.derived_data.ensure_derived` build it in short transactions, with
a progress bar in the status bar; coding goes on meanwhile. The splitting and segmenting
happen in a worker process (:func:`~annotator.importing.derived_data.worker_pool`): in this
thread they would hold the GIL the GUI thread needs for every coding. Derived data never
changes what the views show, so nothing is notified when it is done.

Before the project closes (the hub's ``aboutToClose``) the worker is told to stop and waited
for: it stops between two batches, every batch is its own transaction, so the file keeps what
was built and the next open builds the rest. The wait is the rest of one batch (an index batch
is 25 texts for jieba: about 0.1–0.3 s at 10,000 characters each, longer on a busy machine),
under a wait cursor.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QThread, QTimer, Signal
from PySide6.QtWidgets import QLabel, QProgressBar

from annotator.importing.derived_data import (
    DerivedWork,
    derived_work,
    ensure_derived,
    worker_pool,
)
from annotator.project import Project
from annotator.records import Changes
from annotator.ui.busy import wait_cursor

if TYPE_CHECKING:
    from annotator.ui.main_window import MainWindow

log = logging.getLogger(__name__)

#: A stop that takes longer than this shows the wait cursor.
QUICK_STOP_MS = 50


class DerivedDataJob(QThread):
    """One pass of :func:`ensure_derived` over ``project``; its signals carry ``token`` so
    that the controller can tell a stopped job's late signals from the current job's."""

    planned = Signal(int, object)  # token, DerivedWork: there is something to build
    progressed = Signal(int, int, int, str)  # token, done, total, "units" or "index"
    done = Signal(int, int, int)  # token, documents split, documents indexed

    def __init__(self, project: Project, token: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._project = project
        self._token = token
        self._cancel = threading.Event()

    def cancel(self) -> None:
        self._cancel.set()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def run(self) -> None:
        split = indexed = 0
        try:
            work: DerivedWork = derived_work(self._project)
            if work.needed and not self.cancelled():
                self.planned.emit(self._token, work)
                pool = worker_pool()  # splitting and jieba off this process's GIL
                try:
                    split, indexed = ensure_derived(
                        self._project, should_cancel=self.cancelled, executor=pool,
                        progress=lambda d, t, what: self.progressed.emit(self._token, d, t,
                                                                         what))
                finally:
                    if pool is not None:
                        pool.shutdown(wait=True, cancel_futures=True)
        except Exception:  # derived data is rebuilt on use; never crash the window over it
            log.exception("building derived text data failed")
        self.done.emit(self._token, split, indexed)


class DerivedDataBuilder(QObject):
    """Starts a :class:`DerivedDataJob` after a project's first paint and after changes that
    can leave derived data missing or stale; shows its progress in the status bar."""

    #: Documents split and indexed by a job that ran to its end (not one that was stopped).
    finished = Signal(int, int)

    #: Changes come in bursts (a word list edited word by word): check once they settle.
    DEBOUNCE_MS = 800
    #: A job quicker than this shows no progress at all (no flash after a small change).
    SHOW_AFTER_MS = 400

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.hub = window.hub
        self._job: DerivedDataJob | None = None
        self._token = 0
        self._again = False  # a change came while a job ran: check again after it
        self.label = QLabel()
        self.progress_bar = QProgressBar()
        self.progress_bar.setMaximumWidth(160)
        self.progress_bar.setTextVisible(False)
        status = window.statusBar()
        status.insertPermanentWidget(0, self.label)
        status.insertPermanentWidget(1, self.progress_bar)
        self._done_total = (0, 0)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(self.DEBOUNCE_MS)
        self._debounce.timeout.connect(self.start)
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.timeout.connect(self._show)
        self._hide()

        self.hub.aboutToClose.connect(self.stop)
        self.hub.projectChanged.connect(self._project_changed)
        self.hub.changed.connect(self._changed)
        window.installEventFilter(self)  # LanguageChange reaches widgets, not this object

    # -- starting and stopping ---------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._job is not None

    def start(self) -> None:
        """Check for missing derived data in a worker and build it (at once if none runs)."""
        project = self.hub.project
        if project is None:
            return
        if self._job is not None:
            self._again = True
            return
        self._token += 1
        job = DerivedDataJob(project, self._token, self)
        job.planned.connect(self._planned)
        job.progressed.connect(self._progressed)
        job.done.connect(self._job_done)
        self._job = job
        # Below the GUI thread: on two cores, painting and coding come first.
        job.start(QThread.Priority.LowPriority)

    def stop(self) -> None:
        """Stop the running job and wait for it (it ends after its current batch)."""
        self._debounce.stop()
        self._again = False
        job, self._job = self._job, None
        if job is not None:
            job.cancel()
            if not job.wait(QUICK_STOP_MS):  # mid-batch: jieba has a batch of texts to finish
                with wait_cursor():
                    job.wait()
            job.deleteLater()
        self._hide()

    def _project_changed(self) -> None:
        self.stop()
        project = self.hub.project
        if project is not None:  # after the first paint: the project shows first
            self.window.after_first_paint(lambda: self._start_for(project))

    def _start_for(self, project: Project) -> None:
        if self.hub.project is project:
            self.start()

    def _changed(self, changes: Changes, _initiator: object) -> None:
        # Terms and code keywords decide the index's segmentation; new documents (a REFI-QDA
        # import) or a document's numbering decide which units are stored.
        if changes.word_lists or changes.touches_codebook or changes.touches_documents:
            if self.hub.project is not None:
                self._debounce.start()

    # -- the job's signals (queued to this, the GUI thread) ---------------------------------
    def _current(self, token: int) -> bool:
        return self._job is not None and token == self._token

    def _planned(self, token: int, _work: DerivedWork) -> None:
        if not self._current(token):
            return
        self._done_total = (0, 0)
        self.progress_bar.setRange(0, 0)  # busy until the first batch says how many
        self._retranslate()
        if self.SHOW_AFTER_MS <= 0:
            self._show()
        else:
            self._show_timer.start(self.SHOW_AFTER_MS)

    def _progressed(self, token: int, done: int, total: int, _what: str) -> None:
        if not self._current(token):
            return
        self._done_total = (done, total)
        self.progress_bar.setRange(0, max(total, 1))
        self.progress_bar.setValue(done)
        self._retranslate()

    def _job_done(self, token: int, split: int, indexed: int) -> None:
        if not self._current(token):
            return  # a stopped job: stop() has cleaned up
        job, self._job = self._job, None
        if job is not None:
            job.wait()  # run() has returned; the thread ends at once
            job.deleteLater()
        self._hide()
        self.finished.emit(split, indexed)
        if self._again:
            self._again = False
            self.start()

    # -- the status bar ----------------------------------------------------------------------
    def _show(self) -> None:
        if self._job is not None:
            self.label.show()
            self.progress_bar.show()

    def _hide(self) -> None:
        self._show_timer.stop()
        self.label.hide()
        self.progress_bar.hide()

    def _retranslate(self) -> None:
        done, total = self._done_total
        if total:
            self.label.setText(self.tr("Preparing text data… %1/%2")
                               .replace("%1", str(done)).replace("%2", str(total)))
        else:
            self.label.setText(self.tr("Preparing text data…"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return False


def install(window: MainWindow) -> DerivedDataBuilder:
    """Add the builder to ``window`` (kept as ``window.derived_data``)."""
    builder = DerivedDataBuilder(window)
    window.derived_data = builder  # type: ignore[attr-defined]
    return builder
