"""Intercoder agreement in a window: choose coders, unit and codebook branch; read the
figures per code and overall; work through the disagreements one unit at a time.

The dialog is not modal: a double-click on a disagreement opens its unit in the article
behind, and the figures follow as coders reconcile (they refresh from the hub's signals).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from annotator.analysis.agreement import analyse
from annotator.analysis.agreement_report import AgreementReport, Disagreement
from annotator.errors import AnnotatorError
from annotator.merge import coder_summaries
from annotator.ui.analysis.agreement_models import AgreementTableModel, DisagreementModel
from annotator.ui.busy import Timing
from annotator.ui.hub import ProjectHub
from annotator.ui.team.coders import CoderListModel
from annotator.ui.window_size import fit_to_screen

UNIT_KINDS = ("paragraph", "sentence")


class AgreementDialog(QDialog):
    jumpRequested = Signal(int, int, int)  # document id, start, end (code points)

    def __init__(self, hub: ProjectHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.report: AgreementReport | None = None
        self.error = ""
        self._stale = True
        fit_to_screen(self, 1100, 720)

        self.coders_model = CoderListModel(self, checkable=True)
        self.coders_view = QListView()
        self.coders_view.setModel(self.coders_model)
        self.coders_view.setMaximumHeight(90)
        self.unit_combo = QComboBox()
        self.branch_combo = QComboBox()
        self.branch_combo.setMinimumContentsLength(16)
        self.all_coded = QCheckBox()
        self.coders_label, self.unit_label, self.branch_label = QLabel(), QLabel(), QLabel()
        options = QGroupBox()
        self.options = options
        form = QFormLayout()
        form.addRow(self.unit_label, self.unit_combo)
        form.addRow(self.branch_label, self.branch_combo)
        form.addRow(self.all_coded)
        coders_box = QVBoxLayout()
        coders_box.addWidget(self.coders_label)
        coders_box.addWidget(self.coders_view)
        row = QHBoxLayout(options)
        row.addLayout(coders_box, 1)
        row.addLayout(form, 2)

        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.recompute = QPushButton()
        self.recompute.clicked.connect(self.compute)
        self.timing = Timing()
        summary_row = QHBoxLayout()
        summary_row.addWidget(self.summary, 1)
        summary_row.addWidget(self.recompute)
        self.table_model = AgreementTableModel(self)
        self.table = _table(self.table_model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.disagreement_label = QLabel()
        self.disagreement_model = DisagreementModel(self)
        self.disagreements = _table(self.disagreement_model)
        self.disagreements.horizontalHeader().setSectionResizeMode(
            5, QHeaderView.ResizeMode.Stretch)
        self.disagreements.setColumnWidth(0, 220)
        self.disagreements.setColumnWidth(2, 200)
        self.disagreements.doubleClicked.connect(self._activated)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.disagreement_label)
        lower_layout.addWidget(self.disagreements)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(lower)
        splitter.setSizes([380, 260])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(options)
        layout.addLayout(summary_row)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.compute)
        self.coders_model.checkedChanged.connect(self._timer.start)
        self.unit_combo.currentIndexChanged.connect(lambda _i: self._timer.start())
        self.branch_combo.currentIndexChanged.connect(lambda _i: self._timer.start())
        self.all_coded.toggled.connect(lambda _on: self._timer.start())
        hub.projectChanged.connect(self._project_changed)
        hub.passagesChanged.connect(lambda _ids: self._changed())
        hub.codebookChanged.connect(self._codebook_changed)
        self.retranslate_ui()
        self._project_changed()

    # -- texts -------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Intercoder agreement"))
        self.recompute.setText(self.tr("Recompute"))
        self.options.setTitle(self.tr("Compare"))
        self.coders_label.setText(self.tr("Coders"))
        self.unit_label.setText(self.tr("Unit of analysis"))
        self.branch_label.setText(self.tr("Codes"))
        self.all_coded.setText(self.tr("Every chosen coder coded every document "
                                       "(otherwise: the documents they have passages in)"))
        names = {"paragraph": self.tr("Paragraph"), "sentence": self.tr("Sentence")}
        for i, kind in enumerate(UNIT_KINDS):
            if self.unit_combo.count() <= i:
                self.unit_combo.addItem(names[kind], kind)
            else:
                self.unit_combo.setItemText(i, names[kind])
        if self.branch_combo.count():
            self.branch_combo.setItemText(0, self.tr("All codes"))
        self._show_report()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # -- choices -----------------------------------------------------------------------
    def set_coders(self, names: list[str]) -> None:
        ids = [c.id for c in self.coders_model.coders() if c.name in names]
        self.coders_model.set_checked_ids(ids)

    def set_unit(self, kind: str) -> None:
        self.unit_combo.setCurrentIndex(max(0, self.unit_combo.findData(kind)))

    def set_branch(self, code_id: int | None) -> None:
        index = self.branch_combo.findData(code_id) if code_id is not None else 0
        self.branch_combo.setCurrentIndex(max(0, index))

    def chosen_coders(self) -> list[str]:
        by_id = {c.id: c.name for c in self.coders_model.coders()}
        return [by_id[i] for i in self.coders_model.checked_ids()]

    def _project_changed(self) -> None:
        project = self.hub.project
        if project is None:
            self.coders_model.set_coders([])
        else:
            rows = coder_summaries(project)
            self.coders_model.set_coders(
                [r.coder for r in rows], {r.coder.id: r.passages for r in rows},
                checked=[r.coder.id for r in rows if r.passages])
        self._fill_branches()
        self._changed()

    def _codebook_changed(self) -> None:
        self._fill_branches()
        self._changed()

    def _fill_branches(self) -> None:
        current = self.branch_combo.currentData()
        self.branch_combo.blockSignals(True)
        self.branch_combo.clear()
        self.branch_combo.addItem(self.tr("All codes"), None)
        if self.hub.project is not None:
            for code in self.hub.project.codes():
                self.branch_combo.addItem("    " * code.depth + code.name, code.id)
        self.branch_combo.setCurrentIndex(max(0, self.branch_combo.findData(current)))
        self.branch_combo.blockSignals(False)

    def _changed(self) -> None:
        """The project changed: recompute now if that is quick, else when asked."""
        self._stale = True
        if self.isVisible():
            if self.timing.quick:
                self._timer.start()
            else:
                self._show_report()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._timer.start()

    # -- figures -----------------------------------------------------------------------
    def compute(self) -> None:
        """Recompute the report and the disagreements for the current choices."""
        self._timer.stop()
        self._stale = False
        self.report, items, self.error = None, [], ""
        project = self.hub.project
        coders = self.chosen_coders()
        if project is None:
            self.error = self.tr("No project open")
        elif len(coders) < 2:
            self.error = self.tr("Choose at least two coders to compare.")
        else:
            try:
                with self.timing.busy():
                    self.report, items = analyse(
                        project, coders=coders, codes=self.branch_combo.currentData(),
                        unit_kind=str(self.unit_combo.currentData()),
                        coded_documents="all" if self.all_coded.isChecked() else "passages",
                    )
            except AnnotatorError as exc:
                self.error = str(exc)
        self.table_model.set_report(self.report)
        self.disagreement_model.set_disagreements(items)
        self._show_report()

    def _show_report(self) -> None:
        report = self.report
        if report is None:
            self.summary.setText(self.error)
        else:
            units = (self.tr("%n paragraph(s)", "", report.units)
                     if report.unit_kind == "paragraph"
                     else self.tr("%n sentence(s)", "", report.units))
            self.summary.setText(
                " · ".join((
                    self.tr("%n coder(s)", "", len(report.coders))
                    + " (" + "、".join(report.coders) + ")",
                    self.tr("%1 of %n document(s) compared", "", report.selected_documents)
                    .replace("%1", str(len(report.documents))),
                    units,
                    self.tr("%n character(s)", "", report.characters)))
                + ("\n" + self.tr("The passages changed since: press Recompute.")
                   if self._stale else ""))
        self.disagreement_label.setText(
            self.tr("%n disagreement(s): double-click one to open its unit in the article", "",
                    self.disagreement_model.rowCount()))

    def disagreement_at(self, row: int) -> Disagreement:
        return self.disagreement_model.disagreement_at(row)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            d = self.disagreement_model.disagreement_at(index.row())
            self.jumpRequested.emit(d.document_id, d.unit_start, d.unit_end)


def _table(model) -> QTableView:  # noqa: ANN001 - any table model
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    return view
