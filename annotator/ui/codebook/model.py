"""Tree model over the codebook's code ids, with drag and drop for moving and coding.

Each index carries its code id as ``internalId``; the data comes from a :class:`CodeTree`
snapshot built from one ``project.codes()`` call. The model follows the hub's
:class:`~annotator.records.Changes`: a coding adds one to the counts of its code and that
code's ancestors (kept, never re-counted over the project's passages), an edited code
re-reads that code, an added code is inserted; only broad changes re-read the tree.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from annotator.analysis.code_index import CodeTree
from annotator.errors import NotFoundError
from annotator.records import Changes, CodeInfo
from annotator.ui.codebook.delegate import swatch_icon
from annotator.ui.codebook.guard import push_guarded
from annotator.ui.commands import ApplyCode, MoveCode, UpdateCode
from annotator.ui.hub import ProjectHub
from annotator.ui.recent_codes import SPAN_MIME, decode_span

CODE_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # int
COLOUR_ROLE = Qt.ItemDataRole.UserRole + 2  # "#RRGGBB"
SEARCH_TEXT_ROLE = Qt.ItemDataRole.UserRole + 3  # name and keywords, for the filter
OWN_COUNT_ROLE = Qt.ItemDataRole.UserRole + 4  # passages coded with this code itself
TOTAL_COUNT_ROLE = Qt.ItemDataRole.UserRole + 5  # … and with its sub-codes
PATH_ROLE = Qt.ItemDataRole.UserRole + 6  # "A / B / C"

CODE_MIME = "application/x-annotator-code"  # drag payload: b"code_id"
NAME_COLUMN, COUNT_COLUMN, SHORTCUT_COLUMN = 0, 1, 2

Index = QModelIndex | QPersistentModelIndex


class CodebookModel(QAbstractItemModel):
    codeApplied = Signal(int)  # a dropped span was coded with this code
    projectSwitched = Signal()  # another project: views forget what they kept by id
    editFailed = Signal(object)  # the core's AnnotatorError; the pane puts it into words

    def __init__(self, hub: ProjectHub, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self._tree = CodeTree()
        hub.projectChanged.connect(self.reset_from_project)
        hub.changed.connect(self._changed)  # a method: dies with the model
        self.reset_from_project()

    # -- refreshing ----------------------------------------------------------------------
    def _read(self, *, counts: bool = True) -> CodeTree:
        """The tree as stored; ``counts=False`` keeps this model's counts (they did not
        change) rather than counting the project's passages again."""
        project = self.hub.project
        if project is None:
            return CodeTree()
        if counts:
            return CodeTree.build(project.codes())
        own = self._tree.infos
        return CodeTree.build(
            replace(c, passage_count=own[c.id].passage_count) if c.id in own else c
            for c in project.codes(counts=False)
        )

    def reset_from_project(self) -> None:
        """Full reset: another project's ids mean nothing in this one."""
        self.projectSwitched.emit()
        self.beginResetModel()
        self._tree = self._read()
        self.endResetModel()

    def refresh(self, *, counts: bool = True) -> None:
        """Re-read the codebook; same shape (renames, colours, counts) → dataChanged only, so
        views keep editors, expansion and selection; one code added → that row inserted;
        otherwise a reset."""
        fresh = self._read(counts=counts)
        if not fresh.same_shape(self._tree):
            if not self._insert_one(fresh):
                self.beginResetModel()
                self._tree = fresh
                self.endResetModel()
            return
        old, self._tree = self._tree, fresh
        last = self.columnCount() - 1
        for code_id, info in fresh.infos.items():
            if info != old.infos[code_id] or fresh.totals[code_id] != old.totals[code_id]:
                row = fresh.rows[code_id]
                self.dataChanged.emit(
                    self.createIndex(row, 0, code_id), self.createIndex(row, last, code_id)
                )

    def _insert_one(self, fresh: CodeTree) -> bool:
        """The tree gained one code and the rest stayed in place: insert just that row."""
        new = [i for i in fresh.infos if i not in self._tree.infos]
        if len(new) != 1 or len(fresh) != len(self._tree) + 1:
            return False
        info = fresh.infos[new[0]]
        siblings = [i for i in fresh.kids(info.parent_id) if i != info.id]
        if siblings != self._tree.kids(info.parent_id) or any(
            fresh.children.get(k) != self._tree.children.get(k)
            for k in fresh.children if k != info.parent_id
        ):
            return False
        parent = QModelIndex() if info.parent_id is None else self.createIndex(
            self._tree.rows[info.parent_id], 0, info.parent_id)
        row = fresh.rows[info.id]
        self.beginInsertRows(parent, row, row)
        self._tree = fresh
        self.endInsertRows()
        return True

    def _changed(self, changes: Changes, _initiator: object) -> None:
        if self.hub.project is None:
            return
        if changes.codes_reread or not changes.counts_listed:
            self.refresh(counts=not changes.counts_listed)
            return
        for code_id in changes.codes_edited:
            self._reread_code(code_id)
        deltas: dict[int, int] = {}
        for p in changes.added:
            deltas[p.code_id] = deltas.get(p.code_id, 0) + 1
        for p in changes.removed:
            deltas[p.code_id] = deltas.get(p.code_id, 0) - 1
        for code_id, delta in deltas.items():
            if delta:
                self._add_to_count(code_id, delta)

    def _reread_code(self, code_id: int) -> None:
        old = self._tree.infos.get(code_id)
        if old is None or self.hub.project is None:
            return
        try:
            info = self.hub.project.code(code_id)
        except NotFoundError:
            return
        moved = info.parent_id != old.parent_id or info.position != old.position
        if moved or (info.name != old.name and self._tree.kids(code_id)):
            self.refresh(counts=False)  # moved, or sub-codes' paths renamed: re-read all
            return
        self._tree.infos[code_id] = replace(info, passage_count=old.passage_count)
        self._emit_row(code_id)

    def _add_to_count(self, code_id: int, delta: int) -> None:
        """A code gained or lost passages: its own count, and the totals of it and its
        ancestors, change; each of those rows is told."""
        info = self._tree.infos.get(code_id)
        if info is None:
            return
        self._tree.infos[code_id] = replace(info, passage_count=info.passage_count + delta)
        current: int | None = code_id
        while current is not None and current in self._tree.infos:
            self._tree.totals[current] += delta
            self._emit_row(current)
            current = self._tree.infos[current].parent_id

    def _emit_row(self, code_id: int) -> None:
        row = self._tree.rows[code_id]
        self.dataChanged.emit(self.createIndex(row, 0, code_id),
                              self.createIndex(row, self.columnCount() - 1, code_id))

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    # -- lookups by id ---------------------------------------------------------------------
    @property
    def tree(self) -> CodeTree:
        return self._tree

    def info(self, code_id: int | None) -> CodeInfo | None:
        return self._tree.infos.get(code_id) if code_id is not None else None

    def index_for(self, code_id: int, column: int = NAME_COLUMN) -> QModelIndex:
        row = self._tree.rows.get(code_id)
        return QModelIndex() if row is None else self.createIndex(row, column, code_id)

    @staticmethod
    def code_id(index: Index) -> int | None:
        return index.data(CODE_ID_ROLE) if index.isValid() else None

    # -- structure -------------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        parent_id = parent.internalId() if parent.isValid() else None
        return self.createIndex(row, column, self._tree.kids(parent_id)[row])

    def parent(self, index: Index | None = None) -> Any:  # type: ignore[override]
        if index is None:  # QObject.parent()
            return QObject.parent(self)
        if not index.isValid():
            return QModelIndex()
        info = self._tree.infos.get(index.internalId())
        if info is None or info.parent_id is None:
            return QModelIndex()
        return self.createIndex(self._tree.rows[info.parent_id], 0, info.parent_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._tree.kids(None))
        if parent.column() != NAME_COLUMN:
            return 0
        return len(self._tree.kids(parent.internalId()))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 3

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled  # a drop on empty space: top level
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
        )
        if index.column() == NAME_COLUMN:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    # -- data ------------------------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Code"), self.tr("Passages"), self.tr("Key"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        info = self._tree.infos.get(index.internalId()) if index.isValid() else None
        if info is None:
            return None
        col, total = index.column(), self._tree.totals[info.id]
        if role == Qt.ItemDataRole.DisplayRole:
            if col == NAME_COLUMN:
                return info.name
            if col == COUNT_COLUMN:
                return str(total)
            return f"[{info.shortcut}]" if info.shortcut else ""
        if role == Qt.ItemDataRole.EditRole and col == NAME_COLUMN:
            return info.name
        if role == Qt.ItemDataRole.DecorationRole and col == NAME_COLUMN:
            return swatch_icon(info.colour)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(info, total, col)
        if role == Qt.ItemDataRole.TextAlignmentRole and col != NAME_COLUMN:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return self._custom(info, total, role)

    def _custom(self, info: CodeInfo, total: int, role: int) -> Any:
        if role == CODE_ID_ROLE:
            return info.id
        if role == COLOUR_ROLE:
            return info.colour
        if role == SEARCH_TEXT_ROLE:
            return " ".join((info.name, *info.keywords))
        if role == OWN_COUNT_ROLE:
            return info.passage_count
        if role == TOTAL_COUNT_ROLE:
            return total
        if role == PATH_ROLE:
            return info.path_text
        return None

    def _tooltip(self, info: CodeInfo, total: int, column: int) -> str:
        if column == COUNT_COLUMN:
            return (
                self.tr("%n passage(s) with this code", "", info.passage_count) + self.tr(", ")
                + self.tr("%n including sub-codes", "", total)
            )
        if column == SHORTCUT_COLUMN:
            return self.tr("Shortcut key") if info.shortcut else ""
        return "\n".join(part for part in (info.path_text, info.definition) if part)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """A rename from the tree's inline editor, pushed as an undoable UpdateCode."""
        info = self._tree.infos.get(index.internalId()) if index.isValid() else None
        if info is None or role != Qt.ItemDataRole.EditRole or index.column() != NAME_COLUMN:
            return False
        name = " ".join(str(value).split())
        if not name or name == info.name:
            return False
        error = push_guarded(self.hub.undo_stack, UpdateCode(self.hub, info.id, name=name))
        if error is not None:
            self.editFailed.emit(error)
            return False
        return True

    # -- drag and drop ---------------------------------------------------------------------
    def mimeTypes(self) -> list[str]:
        return [CODE_MIME, SPAN_MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData | None:
        ids = [i.internalId() for i in indexes if i.isValid()]
        if not ids:
            return None
        data = QMimeData()
        data.setData(CODE_MIME, str(ids[0]).encode())  # one code at a time: single selection
        return data

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def _dragged_code(self, data: QMimeData) -> int | None:
        if not data.hasFormat(CODE_MIME):
            return None
        try:
            code_id = int(bytes(data.data(CODE_MIME).data()).decode())
        except ValueError:
            return None
        return code_id if code_id in self._tree else None

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        target = parent.internalId() if parent.isValid() else None
        code_id = self._dragged_code(data)
        if code_id is not None:
            # Never into its own subtree; the core would refuse it anyway.
            return target is None or target not in self._tree.subtree(code_id)
        if data.hasFormat(SPAN_MIME):
            # A span is coded only when dropped on a code, not between rows.
            return target in self._tree and row == -1
        return False

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = parent.internalId() if parent.isValid() else None
        code_id = self._dragged_code(data)
        if code_id is not None:
            return self._move(code_id, target, row)
        span = decode_span(bytes(data.data(SPAN_MIME).data()))
        if span is None or target is None:
            return False
        return self._apply(target, *span)

    def _move(self, code_id: int, new_parent: int | None, row: int) -> bool:
        info = self._tree.infos[code_id]
        current_row = self._tree.rows[code_id]
        position: int | None = None if row < 0 else row
        if info.parent_id == new_parent:
            if position is not None and current_row < position:
                position -= 1  # rows below shift up once the code leaves its old place
            last = len(self._tree.kids(new_parent)) - 1
            if (position if position is not None else last) == current_row:
                return False  # dropped where it already is
        command = MoveCode(self.hub, code_id, new_parent, position)
        error = push_guarded(self.hub.undo_stack, command)
        if error is not None:
            self.editFailed.emit(error)
            return False
        return True

    def _apply(self, code_id: int, document_id: int, start: int, end: int) -> bool:
        name = self._tree.infos[code_id].name
        command = ApplyCode(self.hub, document_id, code_id, start, end, name)
        error = push_guarded(self.hub.undo_stack, command)
        if error is not None:
            self.editFailed.emit(error)
            return False
        self.codeApplied.emit(code_id)
        return True
