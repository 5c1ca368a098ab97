"""Bottom pane: passages of the chosen code (with sub-codes) or of the chosen document;
double-click jumps to the passage in its article. With nothing to list the pane says so in its
title line and can fold to that line (:attr:`PassagesPane.emptinessChanged`)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.db.passage_pages import PassageFilter
from annotator.records import Changes, CodeInfo
from annotator.ui.hub import ProjectHub
from annotator.ui.passages.model import PassageTableModel


class PassagesPane(QWidget):
    jumpRequested = Signal(int, int, int)  # document id, start, end (code points)
    emptinessChanged = Signal(bool)  # True: no passage to list (the title says why)

    BY_CODE, BY_DOCUMENT = 0, 1

    def __init__(self, hub: ProjectHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self._code_id: int | None = None
        self._document_id: int | None = None
        self._codes: dict[int, CodeInfo] = {}
        self._empty = True
        self.model = PassageTableModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 180)
        header.resizeSection(1, 160)
        self.view.doubleClicked.connect(self._activated)
        self.title = QLabel()
        self.by_code = QRadioButton()
        self.by_document = QRadioButton()
        self.mode = QButtonGroup(self)
        self.mode.addButton(self.by_code, self.BY_CODE)
        self.mode.addButton(self.by_document, self.BY_DOCUMENT)
        self.by_code.setChecked(True)
        self.mode.idClicked.connect(lambda _id: self.refresh(codes_changed=False))
        self.subcodes = QCheckBox()
        self.subcodes.setChecked(True)
        self.subcodes.toggled.connect(lambda _on: self.refresh(codes_changed=False))
        bar = QHBoxLayout()
        self._bar = bar
        bar.addWidget(self.title, 1)
        bar.addWidget(self.by_code)
        bar.addWidget(self.by_document)
        bar.addWidget(self.subcodes)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view)
        hub.changed.connect(self._changed)
        hub.projectChanged.connect(self._project_changed)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.by_code.setText(self.tr("Chosen code"))
        self.by_document.setText(self.tr("Chosen document"))
        self.subcodes.setText(self.tr("Include sub-codes"))
        self._update_title()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _project_changed(self) -> None:
        self._code_id = self._document_id = None
        self.refresh()

    def set_code(self, code_id: int | None) -> None:
        self._code_id = code_id
        if code_id is not None:
            self.by_code.setChecked(True)
        self.refresh(codes_changed=False)

    def set_document(self, document_id: int | None) -> None:
        self._document_id = document_id
        if self.mode.checkedId() == self.BY_DOCUMENT:
            self.refresh(codes_changed=False)

    def refresh(self, *, codes_changed: bool = True) -> None:
        """Show the passages of the chosen code or document from the first page (the
        code list is read again unless ``codes_changed`` is false)."""
        project = self.hub.project
        where: PassageFilter | None = None
        if project is None:
            self._codes = {}
        elif codes_changed or self._code_id not in self._codes:
            self._codes = {c.id: c for c in project.codes(counts=False)}
        if self._code_id not in self._codes:
            self._code_id = None
        by_code = self.mode.checkedId() == self.BY_CODE
        if project is not None and by_code and self._code_id is not None:
            ids = [self._code_id]
            if self.subcodes.isChecked():
                ids = self._subtree(self._code_id)
            where = PassageFilter(code_ids=tuple(ids))
        elif project is not None and not by_code and self._document_id is not None:
            where = PassageFilter(document_id=self._document_id)
        self.model.set_filter(project, where, self._codes)
        self._update_title()

    def _subtree(self, code_id: int) -> list[int]:
        children: dict[int | None, list[int]] = {}
        for code in self._codes.values():
            children.setdefault(code.parent_id, []).append(code.id)
        ids, i = [code_id], 0
        while i < len(ids):
            ids += children.get(ids[i], [])
            i += 1
        return ids

    def _changed(self, changes: Changes, _initiator: object) -> None:
        """Codes or documents added, removed or moved: from the first page again (three
        statements). Otherwise only the rows of the documents whose passages, title or
        number changed are read again, and new code names and colours are just shown."""
        passage_documents = changes.passage_documents
        if changes.codes_reread or changes.documents_reread or passage_documents is None:
            self.refresh(codes_changed=changes.touches_codebook)
            return
        if changes.codes_edited and self.hub.project is not None:
            self._codes = {c.id: c for c in self.hub.project.codes(counts=False)}
            self.model.set_codes(self._codes)
        documents = passage_documents | changes.documents_edited
        if documents:
            self.model.update_documents(documents)
        self._update_title()

    def _update_title(self) -> None:
        n = self.model.total()
        code = self._codes.get(self._code_id) if self._code_id is not None else None
        if self.mode.checkedId() == self.BY_CODE:
            if code is None or self.hub.project is None:
                text = self.tr("Choose a code to see its passages")
            else:
                text = self.tr("%n passage(s) coded “%1”", "", n).replace(
                    "%1", code.path_text)
        elif self._document_id is None:
            text = self.tr("Choose a document to see its passages")
        else:
            text = self.tr("%n passage(s) in this document", "", n)
        self.title.setText(text)
        if (n == 0) != self._empty:
            self._empty = n == 0
            self.emptinessChanged.emit(self._empty)

    def is_empty(self) -> bool:
        """No passage to list (no code or document chosen, or none coded)."""
        return self._empty

    def title_height(self) -> int:
        """The height of the title line alone: the pane folded."""
        return self._bar.sizeHint().height() + 6

    def set_list_shown(self, shown: bool) -> None:
        """Show or hide the list under the title line (hidden while the pane is folded)."""
        self.view.setVisible(shown)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            p = self.model.passage_at(index.row())
            self.jumpRequested.emit(p.document_id, p.start, p.end)
