"""Every edit as a QUndoCommand whose redo()/undo() only call the core, then notify the hub.

Each step runs its core calls inside :meth:`ProjectHub.collecting`, so the hub sends exactly
what they changed (passages, codes, documents by id). ``initiator`` is the widget that
pushed the command; it goes with the first redo only (undo and redo come from the stack).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from annotator.db.snapshots import TreeSnapshot
from annotator.records import CodeInfo, PassageInfo
from annotator.ui.hub import ProjectHub


def tr(text: str) -> str:
    return QCoreApplication.translate("Commands", text)


class Step(QUndoCommand):
    """A command that notifies the hub of what its core calls changed."""

    def __init__(self, hub: ProjectHub, text: str, initiator: object = None) -> None:
        super().__init__(text)
        self.hub, self.initiator = hub, initiator

    def changing(self) -> AbstractContextManager[None]:
        """Collect and send the changes of the core calls made inside the block."""
        initiator, self.initiator = self.initiator, None  # the first redo only
        return self.hub.collecting(initiator)


class ApplyCode(Step):
    """Code one span. If the same passage already exists the command is obsolete."""

    def __init__(self, hub: ProjectHub, document_id: int, code_id: int, start: int, end: int,
                 code_name: str = "", initiator: object = None) -> None:
        super().__init__(hub, tr("Code as “%1”").replace("%1", code_name), initiator)
        self.args = (document_id, code_id, start, end)
        self.passage: PassageInfo | None = None

    def redo(self) -> None:
        project = self.hub.require()
        with self.changing():
            if self.passage is None:
                self.passage, created = project.code_span(*self.args)
                if not created:
                    self.setObsolete(True)
            else:
                project.restore_passage(self.passage)

    def undo(self) -> None:
        assert self.passage is not None
        with self.changing():
            self.hub.require().remove_passage(self.passage.id, undoing_creation=True)


class RemovePassage(Step):
    def __init__(self, hub: ProjectHub, passage_id: int, initiator: object = None) -> None:
        super().__init__(hub, tr("Remove coding"), initiator)
        self.passage_id = passage_id
        self.passage: PassageInfo | None = None

    def redo(self) -> None:
        with self.changing():
            self.passage = self.hub.require().remove_passage(self.passage_id)

    def undo(self) -> None:
        assert self.passage is not None
        with self.changing():
            self.hub.require().restore_passage(self.passage)


class SetMemo(Step):
    def __init__(self, hub: ProjectHub, passage: PassageInfo, memo: str,
                 initiator: object = None) -> None:
        super().__init__(hub, tr("Edit memo"), initiator)
        self.passage, self.memo = passage, memo

    def _set(self, memo: str) -> None:
        with self.changing():
            self.hub.require().set_memo(self.passage.id, memo)

    def redo(self) -> None:
        self._set(self.memo)

    def undo(self) -> None:
        self._set(self.passage.memo)


class AddCode(Step):
    def __init__(self, hub: ProjectHub, name: str, *, initiator: object = None,
                 **fields: Any) -> None:
        super().__init__(hub, tr("Add code “%1”").replace("%1", name), initiator)
        self.name, self.fields = name, fields
        self.code_id: int | None = None
        self.snapshot: TreeSnapshot | None = None

    def redo(self) -> None:
        project = self.hub.require()
        with self.changing():
            if self.snapshot is None:
                self.code_id = project.add_code(self.name, **self.fields).id
            else:
                project.restore(self.snapshot)

    def undo(self) -> None:
        assert self.code_id is not None
        with self.changing():
            self.snapshot = self.hub.require().delete_code(
                self.code_id, confirm=True, undoing_creation=True
            )


class UpdateCode(Step):
    """Rename, recolour, or edit definition/keywords/shortcut."""

    FIELDS = ("name", "colour", "definition", "keywords", "shortcut")

    def __init__(self, hub: ProjectHub, code_id: int, *, initiator: object = None,
                 **changes: Any) -> None:
        super().__init__(hub, tr("Edit code"), initiator)
        project = hub.require()
        info = project.code(code_id)
        self.code_id, self.changes = code_id, changes
        self.before = {k: getattr(info, k) for k in changes}
        if "keywords" in self.before:
            self.before["keywords"] = list(self.before["keywords"])

    def _set(self, values: Mapping[str, Any]) -> None:
        # The hub says which code changed: highlights take a new colour, panes a new name.
        with self.changing():
            self.hub.require().update_code(self.code_id, **values)

    def redo(self) -> None:
        self._set(self.changes)

    def undo(self) -> None:
        self._set(self.before)


class MoveCode(Step):
    def __init__(self, hub: ProjectHub, code_id: int, new_parent_id: int | None,
                 position: int | None = None, initiator: object = None) -> None:
        super().__init__(hub, tr("Move code"), initiator)
        info = hub.require().code(code_id)
        self.code_id = code_id
        self.before = (info.parent_id, info.position)
        self.after = (new_parent_id, position)

    def redo(self) -> None:
        with self.changing():
            self.hub.require().move_code(self.code_id, *self.after)

    def undo(self) -> None:
        with self.changing():
            self.hub.require().move_code(self.code_id, *self.before)


class MergeCodes(Step):
    def __init__(self, hub: ProjectHub, source_id: int, target_id: int,
                 initiator: object = None) -> None:
        super().__init__(hub, tr("Merge codes"), initiator)
        self.source_id, self.target_id = source_id, target_id
        self.snapshot: TreeSnapshot | None = None

    def redo(self) -> None:
        with self.changing():
            self.snapshot = self.hub.require().merge_codes(self.source_id, self.target_id)

    def undo(self) -> None:
        assert self.snapshot is not None
        with self.changing():
            self.hub.require().restore(self.snapshot)


class DeleteCode(Step):
    """Delete a code with its sub-codes and passages; the caller has asked the user."""

    def __init__(self, hub: ProjectHub, code_id: int, initiator: object = None) -> None:
        super().__init__(hub, tr("Delete code"), initiator)
        self.code_id = code_id
        self.snapshot: TreeSnapshot | None = None

    def redo(self) -> None:
        with self.changing():
            self.snapshot = self.hub.require().delete_code(self.code_id, confirm=True)

    def undo(self) -> None:
        assert self.snapshot is not None
        with self.changing():
            self.hub.require().restore(self.snapshot)


class SetAttributes(Step):
    def __init__(self, hub: ProjectHub, document_id: int, values: Mapping[str, str],
                 title: str | None = None, initiator: object = None) -> None:
        super().__init__(hub, tr("Edit document attributes"), initiator)
        project = hub.require()
        info = project.document(document_id)
        self.document_id = document_id
        self.before = (dict(info.attributes), info.title)
        self.after = (dict(values), title or info.title)

    def _set(self, state: tuple[dict[str, str], str]) -> None:
        with self.changing():
            self.hub.require().update_document(
                self.document_id, title=state[1], attributes=state[0], replace=True
            )

    def redo(self) -> None:
        self._set(self.after)

    def undo(self) -> None:
        self._set(self.before)


class SetNumbering(Step):
    """Choose how a document's units are numbered (auto, statute, outline, paragraphs)."""

    def __init__(self, hub: ProjectHub, document_id: int, numbering: str,
                 initiator: object = None) -> None:
        super().__init__(hub, tr("Change unit numbering"), initiator)
        self.document_id = document_id
        self.before = hub.require().document(document_id).numbering
        self.after = numbering

    def _set(self, numbering: str) -> None:
        with self.changing():
            self.hub.require().set_numbering(self.document_id, numbering)

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


class ImportCodebook(Step):
    """Merge a codebook file into the tree (codes added, definitions filled in, keywords
    united; nothing deleted). Undo deletes the codes it added and puts back the definitions
    and keywords it changed; redo brings the same codes back with their ids."""

    def __init__(self, hub: ProjectHub, source: str | Path, initiator: object = None) -> None:
        super().__init__(hub, tr("Import codebook"), initiator)
        self.source = source
        self.result: tuple[int, int] = (0, 0)  # codes added, updated (by the first redo)
        self._added: list[int] = []  # the added codes whose parent was there before
        self._edits: dict[int, tuple[dict[str, Any], dict[str, Any]]] = {}  # before, after
        self._snapshots: list[TreeSnapshot] | None = None

    @staticmethod
    def _fields(info: CodeInfo) -> dict[str, Any]:
        return {"definition": info.definition, "keywords": list(info.keywords)}

    def redo(self) -> None:
        project = self.hub.require()
        with self.changing():
            if self._snapshots is None:
                before = {c.id: c for c in project.codes(counts=False)}
                self.result = project.import_codebook(self.source)
                after = project.codes(counts=False)
                # The roots of what was added: deleting them deletes the rest.
                self._added = [c.id for c in after if c.id not in before
                               and (c.parent_id is None or c.parent_id in before)]
                for c in after:
                    old = before.get(c.id)
                    if old is not None and self._fields(old) != self._fields(c):
                        self._edits[c.id] = (self._fields(old), self._fields(c))
                if not self._added and not self._edits:
                    self.setObsolete(True)  # the file added nothing: no empty step
            else:
                for snapshot in self._snapshots:
                    project.restore(snapshot)
                for code_id, (_old, new) in self._edits.items():
                    project.update_code(code_id, **new)

    def undo(self) -> None:
        project = self.hub.require()
        with self.changing():
            # Later steps (codings with the new codes) are undone first: nothing is lost.
            self._snapshots = [project.delete_code(code_id, confirm=True, undoing_creation=True)
                               for code_id in self._added]
            for code_id, (old, _new) in self._edits.items():
                project.update_code(code_id, **old)
