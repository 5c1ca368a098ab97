"""How the codebook tree is set up: selection, editing and drag-and-drop behaviour."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView

from annotator.ui.codebook.delegate import CodeNameDelegate
from annotator.ui.codebook.model import COUNT_COLUMN, NAME_COLUMN, SHORTCUT_COLUMN


def make_code_tree(model: QAbstractItemModel) -> QTreeView:
    tree = QTreeView()
    tree.setModel(model)
    tree.setItemDelegateForColumn(NAME_COLUMN, CodeNameDelegate(tree))
    tree.setUniformRowHeights(True)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    # A click codes the article selection, so only F2 (or the menu) starts a rename.
    tree.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
    # DragDrop, not InternalMove: InternalMove refuses spans dragged from the article.
    tree.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
    tree.setDefaultDropAction(Qt.DropAction.MoveAction)
    tree.setDropIndicatorShown(True)
    tree.setAutoExpandDelay(700)  # hovering a collapsed code while dragging opens it
    header = tree.header()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(COUNT_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(SHORTCUT_COLUMN, QHeaderView.ResizeMode.ResizeToContents)
    return tree
