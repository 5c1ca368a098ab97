"""Word frequency rows and keyword lists as tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from annotator.analysis.wordfreq import WordCount, pos_name

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # numbers as numbers, for the sort proxy
RANK, WORD, POS, COUNT, SHARE, DOCUMENTS = range(6)
Index = QModelIndex | QPersistentModelIndex
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class WordFrequencyModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[WordCount] = []

    def set_rows(self, rows: Sequence[WordCount]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[WordCount]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Rank"), self.tr("Word"), self.tr("Part of speech"),
                    self.tr("Count"), self.tr("Share"), self.tr("Documents"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                str(index.row() + 1),
                row.word,
                f"{row.pos} {pos_name(row.pos)}".strip(),
                str(row.count),
                f"{row.share:.2%}",
                str(row.documents),
            )[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == WORD and row.forms:
            # Simplified and traditional forms are counted as one word.
            return self.tr("Counted together: %1").replace("%1", "、".join(row.forms))
        if role == SORT_ROLE:
            return (index.row(), row.word, row.pos, row.count, row.share, row.documents)[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col not in (WORD, POS):
            return _RIGHT
        return None


class KeywordsModel(QAbstractTableModel):
    """(word, weight) pairs, heaviest first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, float]] = []

    def set_keywords(self, rows: Sequence[tuple[str, float]]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def keywords(self) -> list[tuple[str, float]]:
        return list(self._rows)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Keyword"), self.tr("Weight"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        word, weight = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return word if index.column() == 0 else f"{weight:.4f}"
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return _RIGHT
        return None
