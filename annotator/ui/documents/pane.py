"""Left pane: the document list with a filter box."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QMenu,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.errors import ConfirmationRequired
from annotator.ui.commands import SetAttributes, SetNumbering
from annotator.ui.documents.attributes_dialog import AttributesDialog
from annotator.ui.documents.model import DOCUMENT_ID_ROLE, SEARCH_TEXT_ROLE, DocumentTableModel
from annotator.ui.hub import ProjectHub


def tr(text: str) -> str:
    return QCoreApplication.translate("DocumentsPane", text)


class DocumentsPane(QWidget):
    documentChosen = Signal(object)  # document id or None

    def __init__(self, hub: ProjectHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.model = DocumentTableModel(hub, self)
        self.proxy = SourceSortingProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(SEARCH_TEXT_ROLE)
        self.proxy.setFilterKeyColumn(1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.filter_edit = QLineEdit()
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        # Number and count columns are as wide as their widest value, measured here from the
        # values: ResizeToContents would ask every row again at each coding (one count).
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Fixed)
        self.view.setColumnHidden(3, True)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.doubleClicked.connect(lambda _i: self.edit_attributes())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view)
        self._current: int | None = None
        self.model.modelReset.connect(self._restore_current)
        self.model.modelReset.connect(self._fit_columns)
        self.model.rowsInserted.connect(lambda *_: self._fit_columns())
        self.model.dataChanged.connect(self._widen_for)
        # An import appends rows, a delete removes one: a project that had none shows its
        # first document, one whose shown document went shows another.
        self.model.rowsInserted.connect(lambda *_: self._restore_current())
        self.model.rowsRemoved.connect(lambda *_: self._restore_current())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.filter_edit.setPlaceholderText(self.tr("Filter documents (title, attributes)"))
        self._fit_columns()  # the header labels change width

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _column_width(self, column: int, widest: int) -> int:
        metrics = self.view.fontMetrics()
        header = self.view.horizontalHeader()
        label = str(self.model.headerData(column, Qt.Orientation.Horizontal,
                                          Qt.ItemDataRole.DisplayRole))
        text = max(metrics.horizontalAdvance(str(widest)), 0) + 16  # cell padding
        return max(text, header.fontMetrics().horizontalAdvance(label) + 24)  # sort arrow

    def _fit_columns(self) -> None:
        rows = range(self.model.rowCount())
        docs = [self.model.document_at(r) for r in rows]
        self.view.setColumnWidth(0, self._column_width(0, max((d.number for d in docs),
                                                             default=0)))
        self.view.setColumnWidth(2, self._column_width(2, max((d.passage_count for d in docs),
                                                             default=0)))

    def _widen_for(self, top_left: QModelIndex, bottom_right: QModelIndex, *_roles) -> None:
        """A count grew a digit: the column grows with it (it never shrinks meanwhile)."""
        if top_left.column() > 2 or bottom_right.column() < 2:
            return
        for row in range(top_left.row(), bottom_right.row() + 1):
            wanted = self._column_width(2, self.model.document_at(row).passage_count)
            if wanted > self.view.columnWidth(2):
                self.view.setColumnWidth(2, wanted)

    def current_document_id(self) -> int | None:
        return self._current

    def select_document(self, document_id: int | None) -> None:
        if document_id is None:
            self.view.clearSelection()
            self._set_current(None)
            return
        row = self.model.row_of(document_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 1))
        if not index.isValid():  # filtered out: clear the filter so the choice is visible
            self.filter_edit.clear()
            index = self.proxy.mapFromSource(self.model.index(row, 1))
        self.view.setCurrentIndex(index)
        self.view.scrollTo(index)

    def _set_current(self, document_id: int | None) -> None:
        if document_id != self._current:
            self._current = document_id
            self.documentChosen.emit(document_id)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._set_current(current.data(DOCUMENT_ID_ROLE) if current.isValid() else None)

    def _restore_current(self) -> None:
        if self._current is not None and self.model.row_of(self._current) is not None:
            self.select_document(self._current)
        elif self.model.rowCount() and self.hub.project is not None:
            self.select_document(self.model.document_at(0).id)
        else:
            self._set_current(None)

    def _context_menu(self, pos) -> None:  # noqa: ANN001
        if self._current is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Edit attributes…"), self.edit_attributes)
        self.add_numbering_menu(menu)
        menu.addAction(self.tr("Delete document…"), self.delete_document)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def numbering_labels(self) -> dict[str, str]:
        return {
            "statute": self.tr("Statute: chapter-article-paragraph (章-条-款)"),
            "outline": self.tr("Notice or article: its heading numbers"),
            "paragraphs": self.tr("Paragraphs only"),
        }

    def add_numbering_menu(self, menu: QMenu) -> QMenu:
        """Unit numbering ▸ detected / statute / notice or article / paragraphs: the choice
        for the current document, undoable."""
        sub = menu.addMenu(self.tr("Unit numbering"))
        self.fill_numbering_menu(sub)
        return sub

    def fill_numbering_menu(self, sub: QMenu) -> None:
        sub.clear()
        project = self.hub.project
        if project is None or self._current is None:
            sub.addAction(self.tr("(no document chosen)")).setEnabled(False)
            return
        chosen, used = project.numbering(self._current)
        labels = self.numbering_labels()
        detected = used if chosen == "auto" else project.numbering_detected(self._current)
        group = QActionGroup(sub)
        options = [("auto", self.tr("Detected from the text (%1)").replace(
            "%1", labels.get(detected or "", "…")))] + list(labels.items())
        for value, label in options:
            action = sub.addAction(label)
            action.setCheckable(True)
            action.setChecked(value == chosen)
            action.setData(value)
            group.addAction(action)
            action.triggered.connect(lambda _checked=False, v=value: self.set_numbering(v))

    def set_numbering(self, numbering: str) -> None:
        if self._current is None or self.hub.project is None:
            return
        if self.hub.project.document(self._current).numbering != numbering:
            self.hub.undo_stack.push(SetNumbering(self.hub, self._current, numbering))

    def edit_attributes(self) -> None:
        if self._current is None or self.hub.project is None:
            return
        info = self.hub.project.document(self._current)
        result = AttributesDialog.ask(info, self)
        if result is None:
            return
        title, attrs = result
        if (title, attrs) != (info.title, info.attributes):
            self.hub.undo_stack.push(SetAttributes(self.hub, info.id, attrs, title or None))

    @staticmethod
    def confirm_delete(parent: QWidget, title: str, passages: int) -> bool:
        text = tr("Delete the document “%1” and its %2 coded passage(s)?\n\n"
                  "This cannot be undone, and it clears the undo history: the steps made "
                  "before it cannot be undone afterwards either.").replace(
                      "%1", title).replace("%2", str(passages))
        answer = QMessageBox.question(parent, tr("Delete document"), text)
        return answer == QMessageBox.StandardButton.Yes

    def delete_document(self) -> None:
        if self._current is None or self.hub.project is None:
            return
        project = self.hub.project
        info = project.document(self._current)
        if not self.confirm_delete(self, info.title, info.passage_count):
            return
        # Deleting documents is not undoable (the dialog says so); older undo steps may
        # point into the document, so the history goes with it.
        self.hub.undo_stack.clear()
        try:
            self.hub.run(lambda p: p.delete_document(info.id, confirm=True), self)
        except ConfirmationRequired:  # pragma: no cover - confirm=True never raises it
            return


class SourceSortingProxy(QSortFilterProxyModel):
    """Filters rows; sorting is left to the source model, which sorts by one key a row
    (see :meth:`DocumentTableModel.sort`) where a sorting proxy would compare n·log n pairs
    through data()."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if source is not None and column >= 0:
            source.sort(column, order)
