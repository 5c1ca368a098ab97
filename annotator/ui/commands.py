"""Every edit as a QUndoCommand whose redo()/undo() only call the core, then notify the hub."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from annotator.db.snapshots import TreeSnapshot
from annotator.records import PassageInfo
from annotator.ui.hub import ProjectHub


def tr(text: str) -> str:
    return QCoreApplication.translate("Commands", text)


class ApplyCode(QUndoCommand):
    """Code one span. If the same passage already exists the command is obsolete."""

    def __init__(self, hub: ProjectHub, document_id: int, code_id: int, start: int, end: int,
                 code_name: str = "") -> None:
        super().__init__(tr("Code as “%1”").replace("%1", code_name))
        self.hub, self.args = hub, (document_id, code_id, start, end)
        self.passage: PassageInfo | None = None

    def redo(self) -> None:
        project = self.hub.require()
        if self.passage is None:
            self.passage, created = project.code_span(*self.args)
            if not created:
                self.setObsolete(True)
                return
        else:
            project.restore_passage(self.passage)
        self.hub.notify_passages(frozenset({self.args[0]}))

    def undo(self) -> None:
        assert self.passage is not None
        self.hub.require().remove_passage(self.passage.id, undoing_creation=True)
        self.hub.notify_passages(frozenset({self.args[0]}))


class RemovePassage(QUndoCommand):
    def __init__(self, hub: ProjectHub, passage_id: int) -> None:
        super().__init__(tr("Remove coding"))
        self.hub, self.passage_id = hub, passage_id
        self.passage: PassageInfo | None = None

    def redo(self) -> None:
        self.passage = self.hub.require().remove_passage(self.passage_id)
        self.hub.notify_passages(frozenset({self.passage.document_id}))

    def undo(self) -> None:
        assert self.passage is not None
        self.hub.require().restore_passage(self.passage)
        self.hub.notify_passages(frozenset({self.passage.document_id}))


class SetMemo(QUndoCommand):
    def __init__(self, hub: ProjectHub, passage: PassageInfo, memo: str) -> None:
        super().__init__(tr("Edit memo"))
        self.hub, self.passage, self.memo = hub, passage, memo

    def _set(self, memo: str) -> None:
        self.hub.require().set_memo(self.passage.id, memo)
        self.hub.notify_passages(frozenset({self.passage.document_id}))

    def redo(self) -> None:
        self._set(self.memo)

    def undo(self) -> None:
        self._set(self.passage.memo)


class AddCode(QUndoCommand):
    def __init__(self, hub: ProjectHub, name: str, **fields: Any) -> None:
        super().__init__(tr("Add code “%1”").replace("%1", name))
        self.hub, self.name, self.fields = hub, name, fields
        self.code_id: int | None = None
        self.snapshot: TreeSnapshot | None = None

    def redo(self) -> None:
        project = self.hub.require()
        if self.snapshot is None:
            self.code_id = project.add_code(self.name, **self.fields).id
        else:
            project.restore(self.snapshot)
        self.hub.notify_codebook()

    def undo(self) -> None:
        assert self.code_id is not None
        self.snapshot = self.hub.require().delete_code(
            self.code_id, confirm=True, undoing_creation=True
        )
        self.hub.notify_codebook(passages=True)


class UpdateCode(QUndoCommand):
    """Rename, recolour, or edit definition/keywords/shortcut."""

    FIELDS = ("name", "colour", "definition", "keywords", "shortcut")

    def __init__(self, hub: ProjectHub, code_id: int, **changes: Any) -> None:
        super().__init__(tr("Edit code"))
        project = hub.require()
        info = project.code(code_id)
        self.hub, self.code_id, self.changes = hub, code_id, changes
        self.before = {k: getattr(info, k) for k in changes}
        if "keywords" in self.before:
            self.before["keywords"] = list(self.before["keywords"])

    def _set(self, values: Mapping[str, Any]) -> None:
        self.hub.require().update_code(self.code_id, **values)
        # A new colour must repaint highlights; names show in the passages pane.
        self.hub.notify_codebook(passages=True)

    def redo(self) -> None:
        self._set(self.changes)

    def undo(self) -> None:
        self._set(self.before)


class MoveCode(QUndoCommand):
    def __init__(self, hub: ProjectHub, code_id: int, new_parent_id: int | None,
                 position: int | None = None) -> None:
        super().__init__(tr("Move code"))
        info = hub.require().code(code_id)
        self.hub, self.code_id = hub, code_id
        self.before = (info.parent_id, info.position)
        self.after = (new_parent_id, position)

    def redo(self) -> None:
        self.hub.require().move_code(self.code_id, *self.after)
        self.hub.notify_codebook(passages=True)

    def undo(self) -> None:
        self.hub.require().move_code(self.code_id, *self.before)
        self.hub.notify_codebook(passages=True)


class MergeCodes(QUndoCommand):
    def __init__(self, hub: ProjectHub, source_id: int, target_id: int) -> None:
        super().__init__(tr("Merge codes"))
        self.hub, self.source_id, self.target_id = hub, source_id, target_id
        self.snapshot: TreeSnapshot | None = None

    def redo(self) -> None:
        self.snapshot = self.hub.require().merge_codes(self.source_id, self.target_id)
        self.hub.notify_codebook(passages=True)

    def undo(self) -> None:
        assert self.snapshot is not None
        self.hub.require().restore(self.snapshot)
        self.hub.notify_codebook(passages=True)


class DeleteCode(QUndoCommand):
    """Delete a code with its sub-codes and passages; the caller has asked the user."""

    def __init__(self, hub: ProjectHub, code_id: int) -> None:
        super().__init__(tr("Delete code"))
        self.hub, self.code_id = hub, code_id
        self.snapshot: TreeSnapshot | None = None

    def redo(self) -> None:
        self.snapshot = self.hub.require().delete_code(self.code_id, confirm=True)
        self.hub.notify_codebook(passages=True)

    def undo(self) -> None:
        assert self.snapshot is not None
        self.hub.require().restore(self.snapshot)
        self.hub.notify_codebook(passages=True)


class SetAttributes(QUndoCommand):
    def __init__(self, hub: ProjectHub, document_id: int, values: Mapping[str, str],
                 title: str | None = None) -> None:
        super().__init__(tr("Edit document attributes"))
        project = hub.require()
        info = project.document(document_id)
        self.hub, self.document_id = hub, document_id
        self.before = (dict(info.attributes), info.title)
        self.after = (dict(values), title or info.title)

    def _set(self, state: tuple[dict[str, str], str]) -> None:
        self.hub.require().update_document(
            self.document_id, title=state[1], attributes=state[0], replace=True
        )
        self.hub.notify_documents()

    def redo(self) -> None:
        self._set(self.after)

    def undo(self) -> None:
        self._set(self.before)


class SetNumbering(QUndoCommand):
    """Choose how a document's units are numbered (auto, statute, outline, paragraphs)."""

    def __init__(self, hub: ProjectHub, document_id: int, numbering: str) -> None:
        super().__init__(tr("Change unit numbering"))
        self.hub, self.document_id = hub, document_id
        self.before = hub.require().document(document_id).numbering
        self.after = numbering

    def _set(self, numbering: str) -> None:
        self.hub.require().set_numbering(self.document_id, numbering)
        self.hub.notify_documents()

    def redo(self) -> None:
        self._set(self.after)

    def undo(self) -> None:
        self._set(self.before)


def apply_many(hub: ProjectHub, spans: Sequence[tuple[int, int, int, int]], text: str) -> None:
    """Several codings as one undoable step (bulk coding)."""
    stack = hub.undo_stack
    stack.beginMacro(text)
    try:
        for doc_id, code_id, start, end in spans:
            stack.push(ApplyCode(hub, doc_id, code_id, start, end))
    finally:
        stack.endMacro()
