"""Push an undo command whose first redo may be refused by the core.

The core raises typed errors (a duplicate name, a move under its own sub-code…) and leaves the
file untouched. A command that failed must not stay on the undo stack, so the first redo runs
inside a wrapper that marks itself obsolete on failure; QUndoStack then drops it.
"""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand, QUndoStack

from annotator.errors import AnnotatorError


class _Guarded(QUndoCommand):
    def __init__(self, inner: QUndoCommand, failures: list[AnnotatorError]) -> None:
        super().__init__(inner.text())
        self._inner, self._failures, self._first = inner, failures, True

    def redo(self) -> None:
        if not self._first:
            self._inner.redo()
            return
        self._first = False
        try:
            self._inner.redo()
        except AnnotatorError as exc:
            self._failures.append(exc)
            self.setObsolete(True)
            return
        if self._inner.isObsolete():  # e.g. ApplyCode on a span that is already coded
            self.setObsolete(True)
        self.setText(self._inner.text())

    def undo(self) -> None:
        self._inner.undo()


def push_guarded(stack: QUndoStack, command: QUndoCommand) -> AnnotatorError | None:
    """Push ``command``; return the core's error if its redo was refused (nothing pushed)."""
    failures: list[AnnotatorError] = []
    stack.push(_Guarded(command, failures))
    return failures[0] if failures else None
