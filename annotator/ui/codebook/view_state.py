"""Keeps the tree's expansion and current code across model resets and filter changes.

Indexes die with a reset, so both are remembered by code id. Codes are expanded by default;
only the ones the user collapsed are remembered, so new codes show up opened.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QModelIndex, QObject, QSortFilterProxyModel
from PySide6.QtWidgets import QTreeView

from annotator.ui.codebook.model import CodebookModel


class ViewState(QObject):
    def __init__(
        self,
        tree: QTreeView,
        model: CodebookModel,
        proxy: QSortFilterProxyModel,
        on_current: Callable[[int | None], None],
    ) -> None:
        super().__init__(tree)
        self.tree, self.model, self.proxy = tree, model, proxy
        self.on_current = on_current
        self.current: int | None = None
        self.collapsed: set[int] = set()
        self.filtering = False  # while filtering everything is opened; don't remember that
        self._busy = False
        model.projectSwitched.connect(self.forget)
        proxy.modelAboutToBeReset.connect(self._freeze)
        proxy.modelReset.connect(self.restore)
        tree.expanded.connect(lambda index: self._remember(index, False))
        tree.collapsed.connect(lambda index: self._remember(index, True))
        tree.selectionModel().currentChanged.connect(self._current_changed)

    def forget(self) -> None:
        self.current, self.collapsed = None, set()

    @contextmanager
    def frozen(self) -> Iterator[None]:
        """Ignore the view's own signals while rows come and go (filtering moves the view's
        current row to a neighbour; that is not the user choosing a code)."""
        previous, self._busy = self._busy, True
        try:
            yield
        finally:
            self._busy = previous

    def _freeze(self) -> None:
        self._busy = True

    def _remember(self, index: QModelIndex, collapsed: bool) -> None:
        code_id = self.model.code_id(index)
        if self._busy or self.filtering or code_id is None:
            return
        if collapsed:
            self.collapsed.add(code_id)
        else:
            self.collapsed.discard(code_id)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._busy:
            self.current = self.model.code_id(current)
            self.on_current(self.current)

    def _proxy_index(self, code_id: int) -> QModelIndex:
        return self.proxy.mapFromSource(self.model.index_for(code_id))

    def restore(self) -> None:
        """Open everything, close what the user closed, put the current code back."""
        self._busy = True
        try:
            self.tree.expandAll()
            if not self.filtering:
                for code_id in self.collapsed:
                    index = self._proxy_index(code_id)
                    if index.isValid():
                        self.tree.collapse(index)
            if self.current is not None and self.current not in self.model.tree:
                self.current = None  # deleted or merged away
            index = self._proxy_index(self.current) if self.current is not None else None
            if index is not None and index.isValid():
                self.tree.setCurrentIndex(index)
        finally:
            self._busy = False
        self.on_current(self.current)
