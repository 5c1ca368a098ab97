"""A combo of the codebook's branches (codes with sub-codes) in which several can be checked,
e.g. the three instrument types 供给型 + 环境型 + 需求型 as one X dimension."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QMouseEvent, QPaintEvent
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QStylePainter, QWidget

from annotator.records import CodeInfo
from annotator.ui.analysis.checkable import CheckableListModel

CODE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def branch_codes(codes: Sequence[CodeInfo]) -> list[CodeInfo]:
    """The codes that have sub-codes, in tree order."""
    parents = {c.parent_id for c in codes}
    return [c for c in codes if c.id in parents]


class BranchListModel(CheckableListModel):
    """Branches keyed by code id."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._codes: list[CodeInfo] = []

    def set_codes(self, codes: Sequence[CodeInfo]) -> None:
        """The branches of ``codes``; checks of branches still there are kept."""
        self._codes = branch_codes(codes)
        self._reset_rows((c.id for c in self._codes), self._checked)

    def codes(self) -> list[CodeInfo]:
        return list(self._codes)

    def checked_ids(self) -> list[int]:
        """Checked branches in tree order."""
        return [int(k) for k in self.checked_keys()]  # type: ignore[call-overload]

    def checked_codes(self) -> list[CodeInfo]:
        return [c for c in self._codes if c.id in self._checked]

    def set_checked_ids(self, ids: Iterable[int]) -> None:
        self.set_checked_keys(ids)

    def row_data(self, row: int, role: int) -> Any:
        code = self._codes[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return "    " * code.depth + code.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return code.path_text
        if role == CODE_ID_ROLE:
            return code.id
        return None


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
