"""Auto-coding proposals waiting for review, as a table; each row marked as machine-made, by
keywords or learned from the coding (with the model's confidence)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QStyle

from annotator.autocoding import ProposalInfo
from annotator.db.proposals import SUGGESTED
from annotator.records import CodeInfo

PROPOSAL_ROLE = Qt.ItemDataRole.UserRole + 1
ORIGIN, CONFIDENCE, DOCUMENT, CODE, KEYWORD, TEXT = range(6)
MACHINE_TINT = QColor("#EEF2FA")  # a cool ground: not yet a coded passage
Index = QModelIndex | QPersistentModelIndex


class ProposalsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ProposalInfo] = []
        self._codes: dict[int, CodeInfo] = {}

    def set_proposals(self, proposals: Sequence[ProposalInfo],
                      codes: Mapping[int, CodeInfo]) -> None:
        self.beginResetModel()
        self._rows, self._codes = list(proposals), dict(codes)
        self.endResetModel()

    def proposal(self, row: int) -> ProposalInfo:
        return self._rows[row]

    def proposals(self) -> list[ProposalInfo]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Origin"), self.tr("Confidence"), self.tr("Document"),
                    self.tr("Code"), self.tr("Keyword"), self.tr("Text"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        p = self._rows[index.row()]
        col = index.column()
        code = self._codes.get(p.code_id)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == ORIGIN:  # where it comes from: a code's keywords, or a learned model
                return self.tr("learned") if p.origin == SUGGESTED else self.tr("keyword")
            if col == CONFIDENCE:
                return "" if p.confidence is None else f"{p.confidence:.2f}"
            if col == DOCUMENT:
                return f"{p.document_number} {p.document_title}"
            if col == CODE:
                return code.path_text if code else ""
            if col == KEYWORD:
                return p.keyword
            text = p.text.replace("\n", " ⏎ ")
            return text if role == Qt.ItemDataRole.ToolTipRole else text[:300]
        if role == Qt.ItemDataRole.DecorationRole:
            if col == ORIGIN:
                return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_ComputerIcon)
            if col == CODE and code is not None:
                return QColor(code.colour)
        if role == Qt.ItemDataRole.TextAlignmentRole and col == CONFIDENCE:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.BackgroundRole:
            return MACHINE_TINT
        if role == PROPOSAL_ROLE:
            return p.id
        return None
