"""Right pane: filter box, codebook tree (drag to move, drop text to code) and details."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QModelIndex, QPoint, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand
from PySide6.QtWidgets import (
    QHeaderView,
    QLineEdit,
    QMenu,
    QSplitter,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from annotator.analysis.code_index import CodeTree
from annotator.db.codes import PALETTE
from annotator.errors import AnnotatorError
from annotator.ui.codebook.details import CodeDetails
from annotator.ui.codebook.dialogs import (
    CodeDraft,
    CodeEditorDialog,
    ColourChooser,
    DeleteConfirmation,
    MergeTargetDialog,
    Notice,
    describe_error,
)
from annotator.ui.codebook.guard import push_guarded
from annotator.ui.codebook.model import (
    COUNT_COLUMN,
    SEARCH_TEXT_ROLE,
    SHORTCUT_COLUMN,
    CodebookModel,
)
from annotator.ui.codebook.tree_view import make_code_tree
from annotator.ui.codebook.view_state import ViewState
from annotator.ui.commands import AddCode, DeleteCode, MergeCodes, UpdateCode
from annotator.ui.hub import ProjectHub

_ON_CODE = ("add_child", "rename", "edit", "recolour", "merge", "delete")  # need a current code


class CodebookPane(QWidget):
    currentCodeChanged = Signal(object)  # code id or None
    codeClicked = Signal(int)  # the main window decides what a click means
    codeApplied = Signal(int)  # a span was dropped on a code and coded

    def __init__(self, hub: ProjectHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self._current: int | None = None
        self._model = CodebookModel(hub, self)
        self._model.codeApplied.connect(self.codeApplied)
        self._model.editFailed.connect(self._report)
        self._proxy = QSortFilterProxyModel(self)
        self._proxy.setSourceModel(self._model)
        self._proxy.setRecursiveFilteringEnabled(True)  # ancestors of a match stay visible
        self._proxy.setAutoAcceptChildRows(True)  # a matching category shows its sub-codes
        self._proxy.setFilterRole(SEARCH_TEXT_ROLE)
        self._proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._filter = QLineEdit()
        self._filter.setClearButtonEnabled(True)
        self._filter.textChanged.connect(self._filter_changed)
        self._tree = self._make_tree()
        self._details = CodeDetails()
        self._state = ViewState(self._tree, self._model, self._proxy, self._set_current)
        self._actions = self._make_actions()
        toolbar = QToolBar()
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for key in ("add", "add_child", "edit", "merge", "delete"):
            toolbar.addAction(self._actions[key])
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._tree)
        splitter.addWidget(self._details)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._filter)
        layout.addWidget(toolbar)
        layout.addWidget(splitter)
        self._model.dataChanged.connect(lambda *_: self._show_details())
        self._model.modelReset.connect(self._show_details)
        self.retranslate_ui()
        self._state.restore()

    def _make_tree(self) -> QTreeView:
        tree = make_code_tree(self._proxy)
        # Count and key columns as wide as their widest text, measured when the tree is
        # read and widened when a count grows a digit: ResizeToContents would measure every
        # row again at each coding.
        for column in (COUNT_COLUMN, SHORTCUT_COLUMN):
            tree.header().setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        self._model.modelReset.connect(lambda: self._fit_columns(tree))
        self._model.rowsInserted.connect(lambda *_: self._fit_columns(tree))
        self._model.dataChanged.connect(lambda tl, br, *_: self._widen(tree, tl, br))
        tree.clicked.connect(self._clicked)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self._context_menu)
        return tree

    def _make_actions(self) -> dict[str, QAction]:
        def make(slot: Callable[[], object], shortcut: QKeySequence | None = None) -> QAction:
            action = QAction(self)
            action.triggered.connect(lambda: slot())  # drop triggered's "checked" argument
            if shortcut is not None:  # only while the tree has focus: Del in the filter box
                action.setShortcut(shortcut)  # must still delete text
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                self._tree.addAction(action)
            return action

        def on_current(method: Callable[[int], object]) -> Callable[[], object]:
            return lambda: self._current is not None and method(self._current)

        return {
            "add": make(lambda: self.add_code()),
            "add_child": make(on_current(lambda i: self.add_code(parent_id=i))),
            "rename": make(self._rename_current),
            "edit": make(on_current(self.edit_code)),
            "recolour": make(on_current(self.recolour_code)),
            "merge": make(on_current(self.merge_code)),
            "delete": make(
                on_current(self.delete_code), QKeySequence(QKeySequence.StandardKey.Delete)
            ),
        }

    def retranslate_ui(self) -> None:
        self._filter.setPlaceholderText(self.tr("Filter codes (name, keywords)"))
        texts = {
            "add": self.tr("New code"),
            "add_child": self.tr("Add sub-code"),
            "rename": self.tr("Rename"),
            "edit": self.tr("Edit…"),
            "recolour": self.tr("Recolour…"),
            "merge": self.tr("Merge into…"),
            "delete": self.tr("Delete"),
        }
        for key, text in texts.items():
            self._actions[key].setText(text)
        self._actions["add_child"].setIconText(self.tr("Sub-code"))  # the toolbar is narrow
        self._model.retranslate()
        self._fit_columns(self._tree)  # the header labels change width
        self._show_details()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- public API --------------------------------------------------------------------------
    def model(self) -> CodebookModel:
        return self._model

    def tree(self) -> QTreeView:
        return self._tree

    def filter_edit(self) -> QLineEdit:
        return self._filter

    def current_code_id(self) -> int | None:
        return self._current

    def details_text(self) -> str:
        return self._details.toPlainText()

    def select_code(self, code_id: int) -> None:
        source = self._model.index_for(code_id)
        if not source.isValid():
            return
        index = self._proxy.mapFromSource(source)
        if not index.isValid():  # filtered out: clear the filter so the choice is visible
            self._filter.clear()
            index = self._proxy.mapFromSource(source)
        self._tree.setCurrentIndex(index)
        self._tree.scrollTo(index)

    def add_code(self, parent_id: int | None = None, name: str | None = None) -> int | None:
        if self.hub.project is None:
            return None
        fields: dict[str, object] = {}
        if name is None:
            tree = self._model.tree
            blank = CodeDraft("", PALETTE[len(tree) % len(PALETTE)])  # what the core would pick
            title = self.tr("New code") if parent_id is None else self.tr("New sub-code")
            draft = CodeEditorDialog.ask(self, blank, self._taken_shortcuts(None), title)
            if draft is None:
                return None
            name, fields = draft.name, draft.fields()
        command = AddCode(self.hub, name, parent_id=parent_id, **fields)
        if not self._push(command) or command.code_id is None:
            return None
        self.select_code(command.code_id)
        return command.code_id

    def edit_code(self, code_id: int) -> None:
        info = self._model.info(code_id)
        if info is None:
            return
        draft = CodeEditorDialog.ask(
            self, CodeDraft.from_info(info), self._taken_shortcuts(code_id), self.tr("Edit code")
        )
        changes = draft.changes_from(info) if draft is not None else {}
        if changes:
            self._push(UpdateCode(self.hub, code_id, **changes))

    def recolour_code(self, code_id: int) -> None:
        info = self._model.info(code_id)
        colour = ColourChooser.ask(self, info.colour) if info is not None else None
        if info is not None and colour and colour.upper() != info.colour.upper():
            self._push(UpdateCode(self.hub, code_id, colour=colour))

    def merge_code(self, code_id: int) -> None:
        tree = self._model.tree
        info = tree.infos.get(code_id)
        if info is None:
            return
        own = set(tree.subtree(code_id))
        candidates = [c for c in tree.codes() if c.id not in own]
        if not candidates:
            text = self.tr("There is no other code to merge into.")
            Notice.ask(self, self.tr("Merge code"), text)
            return
        target = MergeTargetDialog.ask(self, info, tree.totals[code_id], candidates)
        if target is not None and self._push(MergeCodes(self.hub, code_id, target)):
            self.select_code(target)

    def delete_code(self, code_id: int) -> None:
        if self.hub.project is None:
            return
        # Count afresh: the confirmation must state exactly what the delete removes.
        tree = CodeTree.build(self.hub.project.codes())
        info = tree.infos.get(code_id)
        if info is None:
            return
        subcodes = len(tree.subtree(code_id)) - 1
        if DeleteConfirmation.ask(self, info, tree.totals[code_id], subcodes):
            self._push(DeleteCode(self.hub, code_id))

    # -- internals ---------------------------------------------------------------------------
    def _text_width(self, tree: QTreeView, column: int, text: str) -> int:
        label = str(self._model.headerData(column, Qt.Orientation.Horizontal,
                                           Qt.ItemDataRole.DisplayRole))
        return max(tree.fontMetrics().horizontalAdvance(text) + 16,
                   tree.header().fontMetrics().horizontalAdvance(label) + 16)

    def _column_text(self, code_id: int, column: int) -> str:
        index = self._model.index_for(code_id, column)
        return str(index.data() or "")

    def _fit_columns(self, tree: QTreeView) -> None:
        ids = list(self._model.tree.infos)
        for column in (COUNT_COLUMN, SHORTCUT_COLUMN):
            texts = [self._column_text(i, column) for i in ids] or [""]
            tree.setColumnWidth(column, max(self._text_width(tree, column, t) for t in texts))

    def _widen(self, tree: QTreeView, top_left: QModelIndex, bottom_right: QModelIndex) -> None:
        parent = top_left.parent()
        for row in range(top_left.row(), bottom_right.row() + 1):
            code_id = self._model.code_id(self._model.index(row, 0, parent))
            if code_id is None:
                continue
            for column in (COUNT_COLUMN, SHORTCUT_COLUMN):
                wanted = self._text_width(tree, column, self._column_text(code_id, column))
                if wanted > tree.columnWidth(column):
                    tree.setColumnWidth(column, wanted)

    def _taken_shortcuts(self, exclude: int | None) -> dict[str, str]:
        owners = self._model.tree.shortcut_owners(exclude)
        return {key.lower(): info.path_text for key, info in owners.items()}

    def _push(self, command: QUndoCommand) -> bool:
        error = push_guarded(self.hub.undo_stack, command)
        if error is not None:
            self._report(error)
        return error is None

    def _report(self, error: AnnotatorError) -> None:
        Notice.ask(self, self.tr("Codebook"), describe_error(error))

    def _rename_current(self) -> None:
        if self._current is not None:
            index = self._proxy.mapFromSource(self._model.index_for(self._current))
            self._tree.setCurrentIndex(index)
            self._tree.edit(index)

    def _filter_changed(self, text: str) -> None:
        with self._state.frozen():
            self._proxy.setFilterFixedString(text.strip())
        self._state.filtering = bool(text.strip())
        self._state.restore()

    def _set_current(self, code_id: int | None) -> None:
        for key in _ON_CODE:  # the toolbar and the menu share these actions
            self._actions[key].setEnabled(code_id is not None)
        if code_id != self._current:
            self._current = code_id
            self.currentCodeChanged.emit(code_id)
        self._show_details()

    def _clicked(self, index: QModelIndex) -> None:
        code_id = self._model.code_id(index)
        if code_id is not None:
            self.codeClicked.emit(code_id)

    def _context_menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        menu.addAction(self._actions["add"])
        if self._model.code_id(self._tree.indexAt(pos)) is not None:
            for key in _ON_CODE:
                menu.addAction(self._actions[key])
        menu.exec(self._tree.viewport().mapToGlobal(pos))

    def _show_details(self) -> None:
        self._details.show_code(self._model.info(self._current))
