"""Table model over a list of passages."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from annotator.records import CodeInfo, DocumentInfo, PassageInfo

PASSAGE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class PassageTableModel(QAbstractTableModel):
    COLUMN_COUNT = 5

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PassageInfo] = []
        self._codes: dict[int, CodeInfo] = {}
        self._docs: dict[int, DocumentInfo] = {}

    def set_passages(
        self,
        passages: list[PassageInfo],
        codes: dict[int, CodeInfo],
        documents: dict[int, DocumentInfo],
    ) -> None:
        self.beginResetModel()
        self._rows, self._codes, self._docs = passages, codes, documents
        self.endResetModel()

    def passage_at(self, row: int) -> PassageInfo:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Document"),
                self.tr("Code"),
                self.tr("Passage"),
                self.tr("Coder"),
                self.tr("Memo"),
            )[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        p = self._rows[index.row()]
        col = index.column()
        code = self._codes.get(p.code_id)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == 0:
                doc = self._docs.get(p.document_id)
                return f"{doc.number} {doc.title}" if doc else ""
            if col == 1:
                return code.path_text if code else ""
            if col == 2:
                text = p.text.replace("\n", " ⏎ ")
                return text if role == Qt.ItemDataRole.ToolTipRole else text[:300]
            if col == 3:
                return p.coder_name
            return p.memo
        if role == Qt.ItemDataRole.DecorationRole and col == 1 and code is not None:
            return QColor(code.colour)
        if role == PASSAGE_ID_ROLE:
            return p.id
        return None
