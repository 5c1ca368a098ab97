"""A small form to edit a document's title and free attributes (key → value)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.records import DocumentInfo

# Offered as empty rows so researchers fill in the usual sample-table columns.
COMMON_KEYS = ("发文机关", "文号", "日期", "文种", "地区", "来源", "作者")


class AttributesDialog(QDialog):
    def __init__(self, document: DocumentInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Document attributes"))
        self.resize(520, 420)
        self.title_edit = QLineEdit(document.title)
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title_edit)
        self.table = QTableWidget(0, 2)
        self.table.setHorizontalHeaderLabels([self.tr("Attribute"), self.tr("Value")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        rows = dict(document.attributes)
        for key in COMMON_KEYS:
            rows.setdefault(key, "")
        for key, value in rows.items():
            self.add_row(key, value)
        add = QPushButton(self.tr("Add attribute"))
        add.clicked.connect(lambda: self.add_row("", ""))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.table)
        layout.addWidget(add)
        layout.addWidget(buttons)

    def add_row(self, key: str, value: str) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(key))
        self.table.setItem(row, 1, QTableWidgetItem(value))

    def values(self) -> tuple[str, dict[str, str]]:
        attrs: dict[str, str] = {}
        for row in range(self.table.rowCount()):
            key_item, value_item = self.table.item(row, 0), self.table.item(row, 1)
            key = key_item.text().strip() if key_item else ""
            value = value_item.text().strip() if value_item else ""
            if key and value:
                attrs[key] = value
        return self.title_edit.text().strip(), attrs

    @classmethod
    def ask(
        cls, document: DocumentInfo, parent: QWidget | None = None
    ) -> tuple[str, dict[str, str]] | None:
        dialog = cls(document, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.values()
