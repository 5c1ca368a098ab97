"""Review auto-coding proposals: accept, reject, or accept all of a code.

Proposals are machine-made and not passages; accepting turns them into passages (origin
"auto") as one undoable step, rejecting keeps them from being proposed again. The table
refreshes from :class:`TextEvents` and the hub, never from the buttons.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.autocoding import list_proposals
from annotator.ui.autocoding.proposals_model import TEXT, ProposalsModel
from annotator.ui.bulk_commands import AcceptProposals, RejectProposals
from annotator.ui.codebook.code_chooser import CodeCombo
from annotator.ui.codebook.guard import push_guarded
from annotator.ui.hub import ProjectHub
from annotator.ui.messages import Messages
from annotator.ui.window_size import fit_to_screen


class ProposalsDialog(QDialog):
    jumpRequested = Signal(int, int, int)  # document id, start, end (code points)

    def __init__(self, hub: ProjectHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        fit_to_screen(self, 980, 560)
        self.filter_label = QLabel()
        self.code_filter = CodeCombo(none_text="")
        self.code_filter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.count_label = QLabel()
        self.model = ProposalsModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(TEXT, QHeaderView.ResizeMode.Stretch)
        for column, width in enumerate((100, 70, 170, 190, 110)):
            header.resizeSection(column, width)
        self.view.doubleClicked.connect(self._activated)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_enabled())
        self.accept_button = QPushButton()
        self.reject_button = QPushButton()
        self.accept_code_button = QPushButton()
        self.close_button = QPushButton()
        self.accept_button.clicked.connect(self.accept_selected)
        self.reject_button.clicked.connect(self.reject_selected)
        self.accept_code_button.clicked.connect(self.accept_all_for_code)
        self.close_button.clicked.connect(self.close)

        top = QHBoxLayout()
        top.addWidget(self.filter_label)
        top.addWidget(self.code_filter, 1)
        top.addWidget(self.count_label)
        buttons = QHBoxLayout()
        for button in (self.accept_button, self.reject_button, self.accept_code_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

        hub.proposalsChanged.connect(self.refresh)
        hub.codebookChanged.connect(self._codebook_changed)
        hub.projectChanged.connect(self._codebook_changed)
        self.retranslate_ui()
        self._codebook_changed()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Review auto-coding proposals"))
        self.filter_label.setText(self.tr("Code:"))
        self.code_filter.set_none_text(self.tr("All codes"))
        self.accept_button.setText(self.tr("Accept"))
        self.reject_button.setText(self.tr("Reject"))
        self.accept_code_button.setText(self.tr("Accept all for this code"))
        self.accept_code_button.setToolTip(self.tr(
            "Every pending proposal of the code chosen above, or of the selected row's code"))
        self.close_button.setText(self.tr("Close"))
        self._update_count()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- public API --------------------------------------------------------------------------
    def set_code(self, code_id: int | None) -> None:
        """Show the proposals of one code (with its sub-codes), or of all (None)."""
        self.code_filter.set_code(code_id)
        self.refresh()

    def refresh(self) -> None:
        project = self.hub.project
        proposals, codes = [], {}
        if project is not None:
            codes = {c.id: c for c in project.codes()}
            code_id = self.code_filter.code_id()
            proposals = list_proposals(project, code_id=code_id if code_id in codes else None,
                                       by_confidence=True)  # the model's surest first
        self.model.set_proposals(proposals, codes)
        self._update_count()
        self._update_enabled()

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.proposal(r).id for r in rows]

    def accept_selected(self) -> int:
        ids = self.selected_ids()
        if not ids or self.hub.project is None:
            return 0
        command = AcceptProposals(
            self.hub, proposal_ids=ids,
            text=self.tr("Accept %1 proposal(s)").replace("%1", str(len(ids))))
        return command.accepted if self._push(command) else 0

    def reject_selected(self) -> int:
        ids = self.selected_ids()
        if ids and self.hub.project is not None and self._push(RejectProposals(self.hub, ids)):
            return len(ids)
        return 0

    def accept_all_for_code(self) -> int:
        project = self.hub.project
        code_id = self.code_filter.code_id()
        if code_id is None:
            current = self.view.currentIndex()
            if current.isValid():
                code_id = self.model.proposal(current.row()).code_id
        if project is None or code_id is None:
            return 0
        name = project.code(code_id).path_text
        command = AcceptProposals(
            self.hub, code_id=code_id,
            text=self.tr("Accept all proposals for “%1”").replace("%1", name))
        return command.accepted if self._push(command) else 0

    # -- internals ---------------------------------------------------------------------------
    def _push(self, command: QUndoCommand) -> bool:
        error = push_guarded(self.hub.undo_stack, command)
        if error is not None:  # e.g. proposals accepted meanwhile from another window
            Messages.error(self, self.tr("Review"), str(error))
            self.refresh()
        return error is None

    def _codebook_changed(self) -> None:
        project = self.hub.project
        self.code_filter.set_codes(project.codes() if project is not None else [])
        self.refresh()

    def _update_count(self) -> None:
        self.count_label.setText(
            self.tr("%1 proposal(s) waiting for review").replace(
                "%1", str(self.model.rowCount())))

    def _update_enabled(self) -> None:
        selected = bool(self.view.selectionModel().selectedRows())
        self.accept_button.setEnabled(selected)
        self.reject_button.setEnabled(selected)
        self.accept_code_button.setEnabled(self.model.rowCount() > 0)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            p = self.model.proposal(index.row())
            self.jumpRequested.emit(p.document_id, p.start, p.end)
