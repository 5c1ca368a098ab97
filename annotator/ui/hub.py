"""The open project and the one hub of change notifications every view listens to.

Views refresh from these signals, never from the command that caused the change. Every
notification is a :class:`~annotator.records.Changes` record sent with :attr:`changed`
together with its initiator (the object that made the change, None for undo and redo), so
that views update just the rows that changed. The older, coarser signals
(``passagesChanged`` with document ids, ``codebookChanged``, ``documentsChanged``,
``proposalsChanged``, ``wordListsChanged``) are derived from the same record, after it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from annotator.project import Project
from annotator.records import Changes

T = TypeVar("T")


class ProjectHub(QObject):
    projectChanged = Signal()  # a project was opened or closed
    aboutToClose = Signal()  # the open project closes next: workers using it stop now
    changed = Signal(object, object)  # Changes, initiator (or None): listen to this one
    documentsChanged = Signal()  # documents added, removed or their attributes edited
    codebookChanged = Signal()  # codes added, edited, moved, merged or deleted
    passagesChanged = Signal(object)  # frozenset of affected document ids, or None for all
    coderChanged = Signal(str)
    proposalsChanged = Signal()  # proposals added, accepted, rejected or brought back
    wordListsChanged = Signal()  # project terms or stopwords edited

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project: Project | None = None
        self.undo_stack = QUndoStack(self)

    def open(
        self,
        path: str | Path,
        *,
        create: bool = False,
        codebook: str | None = None,
        coder: str | None = None,
    ) -> Project:
        """Open (or create) a project as ``coder`` (default: the login name); raises the
        core's errors for the caller to show."""
        path = Path(path)
        if self.project is not None and path.resolve() == self.project.path.resolve():
            self.close()  # opened again: its window claim is this window's own
        # window=True: a second window on the same file opens it read-only (project_lock).
        if create:
            project = Project.create(path, codebook=codebook, coder=coder, window=True)
        else:
            project = Project.open(path, coder=coder, window=True)
        self.close()
        self.project = project
        self.projectChanged.emit()
        return project

    def close(self) -> None:
        if self.project is not None:
            self.aboutToClose.emit()
            self.undo_stack.clear()
            self.project.close()
            self.project = None
            self.projectChanged.emit()

    def require(self) -> Project:
        if self.project is None:
            raise RuntimeError("no project is open")
        return self.project

    def set_coder(self, name: str) -> None:
        self.require().set_coder(name)
        self.coderChanged.emit(name)

    # -- notifications -----------------------------------------------------------------------
    def notify(self, changes: Changes, initiator: object = None) -> None:
        """Tell every view what changed (nothing is sent for no change)."""
        if not changes:
            return
        self.changed.emit(changes, initiator)
        if changes.touches_codebook:
            self.codebookChanged.emit()
        if changes.touches_documents:
            self.documentsChanged.emit()
        if changes.touches_passages:
            self.passagesChanged.emit(changes.passage_documents)
        if changes.proposals:
            self.proposalsChanged.emit()
        if changes.word_lists:
            self.wordListsChanged.emit()

    @contextmanager
    def collecting(self, initiator: object = None) -> Iterator[None]:
        """Notify what the core calls made inside the block changed, once, when it ends
        (also when it raises: what was committed before the error still shows)."""
        with self.require().collect_changes() as log:
            try:
                yield
            finally:
                self.notify(log.changes, initiator)

    def run(self, call: Callable[[Project], T], initiator: object = None) -> T:
        """``call(project)``, then notify what it changed."""
        with self.collecting(initiator):
            return call(self.require())

    # Coarse notifications, for changes made outside the core's logged calls.
    def notify_passages(self, document_ids: frozenset[int] | None = None) -> None:
        self.notify(Changes(passages_reread=None if document_ids is None
                            else frozenset(document_ids)))

    def notify_codebook(self, *, passages: bool = False) -> None:
        self.notify(Changes(codes_reread=True, passages_reread=None if passages else frozenset()))

    def notify_documents(self) -> None:
        self.notify(Changes(documents_reread=True))
