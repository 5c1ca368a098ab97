"""A flat list model whose rows carry check boxes: the mechanics shared by the branch,
attribute-value and filter lists. Subclasses give each row's key and its other roles."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

Index = QModelIndex | QPersistentModelIndex
_CHECKED = (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)


class CheckableListModel(QAbstractListModel):
    checkedChanged = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._keys: list[Hashable] = []
        self._checked: set[Hashable] = set()

    def _reset_rows(self, keys: Iterable[Hashable], checked: Iterable[Hashable]) -> None:
        """Replace the rows (subclasses store their row data first)."""
        self.beginResetModel()
        self._keys = list(keys)
        self._checked = set(checked) & set(self._keys)
        self.endResetModel()

    def checked_keys(self) -> list[Hashable]:
        """Checked rows' keys, in row order."""
        return [k for k in self._keys if k in self._checked]

    def set_checked_keys(self, keys: Iterable[Hashable]) -> None:
        self._checked = set(keys) & set(self._keys)
        if self._keys:
            self.dataChanged.emit(self.index(0), self.index(len(self._keys) - 1),
                                  [Qt.ItemDataRole.CheckStateRole])
        self.checkedChanged.emit()

    def row_data(self, row: int, role: int) -> Any:
        """Every role but the check state; override."""
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._keys)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._keys):
            return None
        if role == Qt.ItemDataRole.CheckStateRole:
            checked = self._keys[index.row()] in self._checked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        return self.row_data(index.row(), role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole \
                or not 0 <= index.row() < len(self._keys):
            return False
        key = self._keys[index.row()]
        (self._checked.add if value in _CHECKED else self._checked.discard)(key)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checkedChanged.emit()
        return True

    def toggle(self, row: int) -> None:
        index = self.index(row)
        checked = self.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        self.setData(index, Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked,
                     Qt.ItemDataRole.CheckStateRole)
