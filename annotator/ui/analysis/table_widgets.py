"""Small pieces the table pages share: a read-only table view and combo filling."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QTableView

UNIT_KINDS = ("paragraph", "sentence")


def table_view(model: QAbstractItemModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setDefaultSectionSize(88)
    # Fitted to the headings, but a very long name stays a column (its tooltip has it all).
    view.horizontalHeader().setMaximumSectionSize(260)
    # Measuring every row of a 2,000-document table would take seconds.
    view.horizontalHeader().setResizeContentsPrecision(60)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    return view


def fill_combo(combo: QComboBox, keys: tuple[str, ...], texts: tuple[str, ...]) -> None:
    """Fill a combo with (text, key) items, or retranslate the texts of those there."""
    for i, (key, text) in enumerate(zip(keys, texts, strict=True)):
        if combo.count() <= i:
            combo.addItem(text, key)
        else:
            combo.setItemText(i, text)


def unit_items(combo: QComboBox, paragraph: str, sentence: str) -> None:
    fill_combo(combo, UNIT_KINDS, (paragraph, sentence))
