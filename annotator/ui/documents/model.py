"""Table model over the project's documents."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from annotator.records import DocumentInfo
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
        hub.projectChanged.connect(self.refresh)
        hub.documentsChanged.connect(self.refresh)
        hub.passagesChanged.connect(self._counts_changed)
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._docs = self.hub.project.documents() if self.hub.project else []
        self.endResetModel()

    def _counts_changed(self, _document_ids: object) -> None:
        if self.hub.project is None:
            return
        fresh = {d.id: d for d in self.hub.project.documents()}
        if set(fresh) != {d.id for d in self._docs}:
            self.refresh()
            return
        self._docs = [fresh[d.id] for d in self._docs]
        if self._docs:
            self.dataChanged.emit(self.index(0, 2), self.index(len(self._docs) - 1, 2))

    def document_at(self, row: int) -> DocumentInfo:
        return self._docs[row]

    def row_of(self, document_id: int) -> int | None:
        for row, doc in enumerate(self._docs):
            if doc.id == document_id:
                return row
        return None

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
