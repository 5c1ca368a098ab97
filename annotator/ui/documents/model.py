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
        hub.projectChanged.connect(self.refresh)
        hub.changed.connect(self._changed)
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._set_docs(self.hub.project.documents() if self.hub.project else [])
        self.endResetModel()

    def _set_docs(self, docs: list[DocumentInfo]) -> None:
        self._docs = docs
        self._rows = {d.id: row for row, d in enumerate(docs)}

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
        """Documents were added or deleted: insert or remove just those rows when the rest
        kept its order (an import appends, a delete takes one out), else reset."""
        old_ids = [d.id for d in self._docs]
        new_ids = [d.id for d in fresh]
        kept = set(new_ids)
        if new_ids[: len(old_ids)] == old_ids:  # appended
            if len(new_ids) > len(old_ids):
                self.beginInsertRows(QModelIndex(), len(old_ids), len(new_ids) - 1)
                self._set_docs(fresh)
                self.endInsertRows()
            self._update_rows(fresh)
            return
        remaining = [i for i in old_ids if i in kept]
        if remaining == new_ids:  # only removals
            for row in reversed(range(len(old_ids))):
                if old_ids[row] not in kept:
                    self.beginRemoveRows(QModelIndex(), row, row)
                    del self._docs[row]
                    self.endRemoveRows()
            self._set_docs(self._docs)
            self._update_rows(fresh)
            return
        self.beginResetModel()
        self._set_docs(fresh)
        self.endResetModel()

    def _update_rows(self, fresh: list[DocumentInfo]) -> None:
        for row, doc in enumerate(fresh):
            if self._docs[row] != doc:
                self._docs[row] = doc
                self.dataChanged.emit(self.index(row, 0),
                                      self.index(row, self.COLUMN_COUNT - 1))

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
            return "；".join(f"{k}：{v}" for k, v in doc.attributes.items())
        if role == Qt.ItemDataRole.ToolTipRole:
            lines = [doc.title, doc.source_name, *(f"{k}：{v}" for k, v in doc.attributes.items())]
            return "\n".join(line for line in lines if line)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (0, 2):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == DOCUMENT_ID_ROLE:
            return doc.id
        if role == SEARCH_TEXT_ROLE:
            return " ".join([doc.title, doc.source_name, *doc.attributes.values()])
        return None
