"""The open project and the change notifications every view listens to.

Views refresh from these signals, never from the command that caused the change.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from annotator.project import Project


class ProjectHub(QObject):
    projectChanged = Signal()  # a project was opened or closed
    documentsChanged = Signal()  # documents added, removed or their attributes edited
    codebookChanged = Signal()  # codes added, edited, moved, merged or deleted
    passagesChanged = Signal(object)  # frozenset of affected document ids, or None for all
    coderChanged = Signal(str)

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
        if create:
            project = Project.create(path, codebook=codebook, coder=coder)
        else:
            project = Project.open(path, coder=coder)
        self.close()
        self.project = project
        self.projectChanged.emit()
        return project

    def close(self) -> None:
        if self.project is not None:
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

    # Notifications, called by commands and dialogs after they changed the project.
    def notify_passages(self, document_ids: frozenset[int] | None = None) -> None:
        self.passagesChanged.emit(document_ids)

    def notify_codebook(self, *, passages: bool = False) -> None:
        self.codebookChanged.emit()
        if passages:
            self.passagesChanged.emit(None)

    def notify_documents(self) -> None:
        self.documentsChanged.emit()
