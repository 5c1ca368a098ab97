"""Choosing a code: a filterable list (dialog) and a combo box that follows the codebook."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.records import CodeInfo
from annotator.ui.article.highlighter import swatch_icon

CODE_ID_ROLE = Qt.ItemDataRole.UserRole


class CodeChooser(QDialog):
    """Pick one code by path; Enter takes the highlighted one."""

    def __init__(self, codes: Sequence[CodeInfo], current: int | None, prompt: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Choose a code"))
        self.resize(440, 480)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(self.tr("Filter codes"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter)
        self.list = QListWidget()
        side = self.fontMetrics().height() - 2
        self.list.setIconSize(QSize(side, side))
        for info in codes:
            item = QListWidgetItem(swatch_icon(info.colour), info.path_text)
            item.setData(CODE_ID_ROLE, info.id)
            self.list.addItem(item)
            if info.id == current:
                self.list.setCurrentItem(item)
        if self.list.currentItem() is None and self.list.count():
            self.list.setCurrentRow(0)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.list.setFocus()

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        first_shown = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = bool(needle) and needle not in item.text().casefold()
            item.setHidden(hidden)
            if not hidden and first_shown is None:
                first_shown = item
        current = self.list.currentItem()
        if (current is None or current.isHidden()) and first_shown is not None:
            self.list.setCurrentItem(first_shown)

    def code_id(self) -> int | None:
        item = self.list.currentItem()
        return None if item is None or item.isHidden() else item.data(CODE_ID_ROLE)

    @classmethod
    def ask(cls, parent: QWidget | None, codes: Sequence[CodeInfo], current: int | None,
            prompt: str) -> int | None:
        """The chosen code's id, or None when cancelled."""
        if not codes:
            return None
        dialog = cls(codes, current, prompt, parent)
        return dialog.code_id() if dialog.exec() == QDialog.DialogCode.Accepted else None


class CodeCombo(QComboBox):
    """All codes by path with their colours; keeps the chosen code across refills."""

    def __init__(self, parent: QWidget | None = None, *, none_text: str | None = None) -> None:
        super().__init__(parent)
        self._none_text = none_text
        self.setMinimumContentsLength(16)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)

    def set_none_text(self, text: str) -> None:
        self._none_text = text
        if self.count() and self.itemData(0) is None:
            self.setItemText(0, text)

    def set_codes(self, codes: Sequence[CodeInfo]) -> None:
        keep = self.code_id()
        self.blockSignals(True)
        try:
            self.clear()
            if self._none_text is not None:
                self.addItem(self._none_text, None)
            for info in codes:
                self.addItem(swatch_icon(info.colour), info.path_text, info.id)
        finally:
            self.blockSignals(False)
        self.set_code(keep)

    def code_id(self) -> int | None:
        data = self.currentData()
        return int(data) if data is not None else None

    def set_code(self, code_id: int | None) -> None:
        index = self.findData(code_id) if code_id is not None else -1
        if index < 0:
            index = 0 if self.count() else -1
        self.setCurrentIndex(index)
