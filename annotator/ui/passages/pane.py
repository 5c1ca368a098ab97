"""Bottom pane: passages of the chosen code (with sub-codes) or of the chosen document;
double-click jumps to the passage in its article."""

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

from annotator.ui.hub import ProjectHub
from annotator.ui.passages.model import PassageTableModel


class PassagesPane(QWidget):
    jumpRequested = Signal(int, int, int)  # document id, start, end (code points)

    BY_CODE, BY_DOCUMENT = 0, 1

    def __init__(self, hub: ProjectHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self._code_id: int | None = None
        self._document_id: int | None = None
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
        self.mode.idClicked.connect(lambda _id: self.refresh())
        self.subcodes = QCheckBox()
        self.subcodes.setChecked(True)
        self.subcodes.toggled.connect(lambda _on: self.refresh())
        bar = QHBoxLayout()
        bar.addWidget(self.title, 1)
        bar.addWidget(self.by_code)
        bar.addWidget(self.by_document)
        bar.addWidget(self.subcodes)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view)
        hub.passagesChanged.connect(lambda _ids: self.refresh())
        hub.codebookChanged.connect(self.refresh)
        hub.documentsChanged.connect(self.refresh)
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
        self.refresh()

    def set_document(self, document_id: int | None) -> None:
        self._document_id = document_id
        if self.mode.checkedId() == self.BY_DOCUMENT:
            self.refresh()

    def refresh(self) -> None:
        project = self.hub.project
        passages = []
        codes = {}
        docs = {}
        if project is not None:
            codes = {c.id: c for c in project.codes()}
            if self._code_id not in codes:
                self._code_id = None
            by_code = self.mode.checkedId() == self.BY_CODE
            if by_code and self._code_id is not None:
                passages = project.passages(
                    code_id=self._code_id, include_subcodes=self.subcodes.isChecked()
                )
            elif not by_code and self._document_id is not None:
                passages = project.passages(document_id=self._document_id)
            if passages:
                docs = {d.id: d for d in project.documents()}
        self.model.set_passages(passages, codes, docs)
        self._update_title()

    def _update_title(self) -> None:
        n = self.model.rowCount()
        project = self.hub.project
        if self.mode.checkedId() == self.BY_CODE:
            if self._code_id is None or project is None:
                text = self.tr("Choose a code to see its passages")
            else:
                name = project.code(self._code_id).path_text
                text = self.tr("%1 passage(s) coded “%2”").replace("%1", str(n)).replace("%2", name)
        elif self._document_id is None:
            text = self.tr("Choose a document to see its passages")
        else:
            text = self.tr("%1 passage(s) in this document").replace("%1", str(n))
        self.title.setText(text)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            p = self.model.passage_at(index.row())
            self.jumpRequested.emit(p.document_id, p.start, p.end)
