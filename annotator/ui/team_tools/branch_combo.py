"""A combo of the codebook's branches (codes with sub-codes) in which several can be checked,
e.g. the three instrument types 供给型 + 环境型 + 需求型 as one X dimension."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QMouseEvent, QPaintEvent
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter, QWidget

from annotator.records import CodeInfo

CODE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def branch_codes(codes: Sequence[CodeInfo]) -> list[CodeInfo]:
    """The codes that have sub-codes, in tree order."""
    parents = {c.parent_id for c in codes}
    return [c for c in codes if c.id in parents]


class BranchListModel(QAbstractListModel):
    checkedChanged = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._codes: list[CodeInfo] = []
        self._checked: list[int] = []  # in the order they were checked

    def set_codes(self, codes: Sequence[CodeInfo]) -> None:
        """The branches of ``codes``; checks of branches still there are kept."""
        self.beginResetModel()
        self._codes = branch_codes(codes)
        ids = {c.id for c in self._codes}
        self._checked = [i for i in self._checked if i in ids]
        self.endResetModel()

    def codes(self) -> list[CodeInfo]:
        return list(self._codes)

    def checked_ids(self) -> list[int]:
        """Checked branches in tree order."""
        return [c.id for c in self._codes if c.id in self._checked]

    def checked_codes(self) -> list[CodeInfo]:
        return [c for c in self._codes if c.id in self._checked]

    def set_checked_ids(self, ids: Iterable[int]) -> None:
        known = {c.id for c in self._codes}
        self._checked = [i for i in ids if i in known]
        if self._codes:
            self.dataChanged.emit(self.index(0), self.index(len(self._codes) - 1),
                                  [Qt.ItemDataRole.CheckStateRole])
        self.checkedChanged.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._codes)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._codes):
            return None
        code = self._codes[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return "    " * code.depth + code.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return code.path_text
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if code.id in self._checked else Qt.CheckState.Unchecked
        if role == CODE_ID_ROLE:
            return code.id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsUserCheckable)

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole \
                or not 0 <= index.row() < len(self._codes):
            return False
        code_id = self._codes[index.row()].id
        on = value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True)
        if on and code_id not in self._checked:
            self._checked.append(code_id)
        elif not on and code_id in self._checked:
            self._checked.remove(code_id)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checkedChanged.emit()
        return True

    def toggle(self, row: int) -> None:
        index = self.index(row)
        checked = self.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
        self.setData(index, Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked,
                     Qt.ItemDataRole.CheckStateRole)


class BranchCombo(QComboBox):
    """Shows the checked branches joined by " + "; a click in the list toggles a branch and
    leaves the list open for the next one."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.branches = BranchListModel(self)
        self.setModel(self.branches)
        self.setMinimumContentsLength(14)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.placeholder = ""
        self.view().viewport().installEventFilter(self)
        self.branches.checkedChanged.connect(self.refresh_text)

    def display_text(self) -> str:
        names = [c.name for c in self.branches.checked_codes()]
        return " + ".join(names) if names else self.placeholder

    def refresh_text(self) -> None:
        self.setToolTip(" + ".join(c.path_text for c in self.branches.checked_codes()))
        self.update()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view().viewport() and event.type() == QEvent.Type.MouseButtonRelease:
            assert isinstance(event, QMouseEvent)
            index = self.view().indexAt(event.position().toPoint())
            if index.isValid():
                self.branches.toggle(index.row())
                return True  # keep the list open
        return super().eventFilter(watched, event)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        option.currentText = self.display_text()
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)
