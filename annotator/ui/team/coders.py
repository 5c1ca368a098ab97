"""The project's coders as a list model: for the coder combo (with a "New coder…" row) and
for checkable coder lists (agreement, table filters)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from annotator.records import CoderInfo

CODER_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # the coder's id; None on the "New coder…" row
Index = QModelIndex | QPersistentModelIndex


class CoderListModel(QAbstractListModel):
    """Coders in order of creation. ``checkable``: every row carries a check box (all checked
    at first); ``new_row``: a last row labelled "New coder…" that is no coder."""

    checkedChanged = Signal()

    def __init__(self, parent: Any = None, *, checkable: bool = False,
                 new_row: bool = False) -> None:
        super().__init__(parent)
        self._coders: list[CoderInfo] = []
        self._counts: dict[int, int] = {}
        self._checked: set[int] = set()
        self._checkable, self._new_row = checkable, new_row

    # -- contents ------------------------------------------------------------------------
    def set_coders(self, coders: Sequence[CoderInfo], counts: dict[int, int] | None = None,
                   checked: Iterable[int] | None = None) -> None:
        """Replace the rows. ``checked`` None keeps the checks of coders already listed and
        checks new ones."""
        known = {c.id for c in self._coders}
        if checked is None:
            checked = {c.id for c in coders if c.id not in known or c.id in self._checked}
        self.beginResetModel()
        self._coders = list(coders)
        self._counts = dict(counts or {})
        self._checked = set(checked) & {c.id for c in coders}
        self.endResetModel()

    def same_coders(self, coders: Sequence[CoderInfo]) -> bool:
        return list(coders) == self._coders

    def coders(self) -> list[CoderInfo]:
        return list(self._coders)

    def row_of(self, coder_id: int) -> int:
        return next((i for i, c in enumerate(self._coders) if c.id == coder_id), -1)

    def new_coder_row(self) -> int:
        """The row of "New coder…" (-1 without one)."""
        return len(self._coders) if self._new_row else -1

    def coder_at(self, row: int) -> CoderInfo | None:
        return self._coders[row] if 0 <= row < len(self._coders) else None

    # -- checks --------------------------------------------------------------------------
    def checked_ids(self) -> list[int]:
        """Checked coders in row order."""
        return [c.id for c in self._coders if c.id in self._checked]

    def set_checked_ids(self, ids: Iterable[int]) -> None:
        self._checked = set(ids) & {c.id for c in self._coders}
        if self._coders:
            self.dataChanged.emit(self.index(0), self.index(len(self._coders) - 1),
                                  [Qt.ItemDataRole.CheckStateRole])
        self.checkedChanged.emit()

    # -- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return len(self._coders) + (1 if self._new_row else 0)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        coder = self.coder_at(index.row())
        if coder is None:  # the "New coder…" row
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("New coder…")
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if coder.id in self._counts:
                return self.tr("%1 (%n passage(s))", "", self._counts[coder.id]).replace(
                    "%1", coder.name)
            return coder.name
        if role == Qt.ItemDataRole.EditRole:
            return coder.name
        if role == CODER_ID_ROLE:
            return coder.id
        if role == Qt.ItemDataRole.CheckStateRole and self._checkable:
            return (Qt.CheckState.Checked if coder.id in self._checked
                    else Qt.CheckState.Unchecked)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._checkable and self.coder_at(index.row()) is not None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        coder = self.coder_at(index.row()) if index.isValid() else None
        if coder is None or role != Qt.ItemDataRole.CheckStateRole or not self._checkable:
            return False
        on = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
        (self._checked.add if on else self._checked.discard)(coder.id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checkedChanged.emit()
        return True
