"""Table model over the project's documents.

It follows the hub's :class:`~annotator.records.Changes`: a coding changes the count of one
row (dataChanged for that cell), an edited document re-reads that row, added and deleted
documents insert and remove rows; only changes too broad to list re-read the list.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from annotator.errors import NotFoundError
from annotator.records import Changes, DocumentInfo
from annotator.ui.hub import ProjectHub

DOCUMENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SEARCH_TEXT_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class DocumentTableModel(QAbstractTableModel):
    COLUMN_COUNT = 4

    def __init__(self, hub: ProjectHub, parent: Any = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self._docs: list[DocumentInfo] = []
        self._rows: dict[int, int] = {}  # document id -> row
        self._order: tuple[int, Qt.SortOrder] = (0, Qt.SortOrder.AscendingOrder)
        hub.projectChanged.connect(self.refresh)
        hub.changed.connect(self._changed)
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._set_docs(self._ordered(self.hub.project.documents() if self.hub.project else []))
        self.endResetModel()

    def _set_docs(self, docs: list[DocumentInfo]) -> None:
        self._docs = docs
        self._rows = {d.id: row for row, d in enumerate(docs)}

    def _attribute(self, key: str, value: str) -> str:
        return self.tr("%1: %2").replace("%1", key).replace("%2", value)

    # -- sorting -----------------------------------------------------------------------------
    def _key(self, column: int):  # noqa: ANN202
        if column == 1:
            return lambda d: d.title
        if column == 2:
            return lambda d: (d.passage_count, d.number)
        if column == 3:
            return lambda d: "；".join(f"{k}：{v}" for k, v in d.attributes.items())
        return lambda d: d.number

    def _ordered(self, docs: list[DocumentInfo]) -> list[DocumentInfo]:
        column, order = self._order
        if (column, order) == (0, Qt.SortOrder.AscendingOrder):
            return docs  # the project lists them by number already
        return sorted(docs, key=self._key(column),
                      reverse=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort here, one key per row: a sorting proxy over thousands of rows would call
        data() n·log n times (most of opening a large project)."""
        self._order = (column, order)
        fresh = self._ordered(sorted(self._docs, key=lambda d: d.number))
        if fresh == self._docs:
            return
        self.layoutAboutToBeChanged.emit()
        old_ids = [d.id for d in self._docs]
        self._set_docs(fresh)
        persistent = self.persistentIndexList()
        moved = [self.index(self._rows[old_ids[i.row()]], i.column())
                 if 0 <= i.row() < len(old_ids) else QModelIndex() for i in persistent]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def total_passages(self) -> int:
        """Passages in the project (kept with the rows' counts)."""
        return sum(d.passage_count for d in self._docs)

    # -- following changes -------------------------------------------------------------------
    def _changed(self, changes: Changes, _initiator: object) -> None:
        project = self.hub.project
        if project is None:
            return
        if changes.documents_reread:
            self._follow_list(project.documents())
            return
        for doc_id in changes.documents_edited:
            self._reread_row(doc_id)
        if changes.counts_listed:
            deltas: dict[int, int] = {}
            for p in changes.added:
                deltas[p.document_id] = deltas.get(p.document_id, 0) + 1
            for p in changes.removed:
                deltas[p.document_id] = deltas.get(p.document_id, 0) - 1
            self._set_counts({d: self._count(d) + n for d, n in deltas.items() if n})
        else:
            docs = changes.passage_documents
            fresh = project.passage_counts(docs)
            wanted = self._rows if docs is None else docs
            self._set_counts({d: fresh.get(d, 0) for d in wanted})

    def _count(self, doc_id: int) -> int:
        row = self._rows.get(doc_id)
        return 0 if row is None else self._docs[row].passage_count

    def _set_counts(self, counts: dict[int, int]) -> None:
        for doc_id, count in counts.items():
            row = self._rows.get(doc_id)
            if row is not None and self._docs[row].passage_count != count:
                self._docs[row] = replace(self._docs[row], passage_count=count)
                cell = self.index(row, 2)
                self.dataChanged.emit(cell, cell)
        if counts and self._order[0] == 2:
            self.sort(*self._order)  # sorted by count: the row may move

    def _reread_row(self, doc_id: int) -> None:
        row = self._rows.get(doc_id)
        if row is None or self.hub.project is None:
            return
        try:
            self._docs[row] = self.hub.project.document(doc_id)
        except NotFoundError:
            return
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMN_COUNT - 1))

    def _follow_list(self, fresh: list[DocumentInfo]) -> None:
        """Documents were added or deleted: remove and insert just those rows (an import
        appends, a delete takes one out); rows whose record changed are told."""
        by_id = {d.id: d for d in fresh}
        for row in reversed(range(len(self._docs))):
            if self._docs[row].id not in by_id:
                self.beginRemoveRows(QModelIndex(), row, row)
                del self._docs[row]
                self.endRemoveRows()
        known = {d.id for d in self._docs}
        added = [d for d in fresh if d.id not in known]
        if added:
            self.beginInsertRows(QModelIndex(), len(self._docs), len(self._docs) + len(added) - 1)
            self._docs.extend(added)
            self.endInsertRows()
        self._set_docs(self._docs)
        for row, doc in enumerate(self._docs):
            if by_id[doc.id] != doc:
                self._docs[row] = by_id[doc.id]
                self.dataChanged.emit(self.index(row, 0),
                                      self.index(row, self.COLUMN_COUNT - 1))
        if added:
            self.sort(*self._order)  # new rows go where the chosen order puts them

    def document_at(self, row: int) -> DocumentInfo:
        return self._docs[row]

    def row_of(self, document_id: int) -> int | None:
        return self._rows.get(document_id)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._docs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("No."), self.tr("Title"), self.tr("Passages"), self.tr("Attributes"))[
                section
            ]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._docs):
            return None
        doc = self._docs[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return doc.number
            if col == 1:
                return doc.title
            if col == 2:
                return doc.passage_count
            return self.tr("; ").join(self._attribute(k, v) for k, v in doc.attributes.items())
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [doc.title, doc.source_name,
                     *(self._attribute(k, v) for k, v in doc.attributes.items())]
            return "\n".join(line for line in lines if line)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (0, 2):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == DOCUMENT_ID_ROLE:
            return doc.id
        if role == SEARCH_TEXT_ROLE:
            return " ".join([doc.title, doc.source_name, *doc.attributes.values()])
        return None
