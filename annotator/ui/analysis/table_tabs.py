"""The other pages of the tables dialog: code × document, code × attribute (with a bar
chart of each sub-code's share of its parent) and co-occurrence.

Each page holds its own options and asks the core for its table with the dialog's filters
(``refresh(filters)``); it says ``optionsChanged`` when the researcher changes an option.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from annotator.analysis.cooccurrence import cooccurrence
from annotator.analysis.filters import Filters
from annotator.analysis.report_charts import shares_bar_figure
from annotator.analysis.tables import (
    CodeTable,
    attribute_value_counts,
    code_by_attribute,
    code_by_document,
    looks_like_dates,
    shares_by_parent,
)
from annotator.errors import AnnotatorError
from annotator.ui.analysis.chart_panel import ChartPanel
from annotator.ui.analysis.table_models import CodeTableModel, CooccurrenceModel
from annotator.ui.analysis.table_widgets import fill_combo, table_view, unit_items
from annotator.ui.hub import ProjectHub


class CodeTableTab(QWidget):
    """Codes × documents, or × the values of a document attribute; a bar chart of each
    sub-code's share of its parent."""

    optionsChanged = Signal()

    def __init__(self, hub: ProjectHub, *, by_attribute: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub, self.by_attribute = hub, by_attribute
        self.table: CodeTable | None = None
        self.attribute_label = QLabel()
        self.attribute = QComboBox()
        self.as_year = QCheckBox()
        self.shares = QCheckBox()
        self.message = QLabel()
        self.model = CodeTableModel(self)
        self.view = table_view(self.model)
        self.chart = ChartPanel("code-shares", fit="width")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(self.chart)
        splitter.setSizes([560, 400])
        top = QHBoxLayout()
        if by_attribute:
            top.addWidget(self.attribute_label)
            top.addWidget(self.attribute)
            top.addWidget(self.as_year)
        top.addWidget(self.shares)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        self.attribute.currentIndexChanged.connect(lambda _i: self.optionsChanged.emit())
        self.as_year.toggled.connect(lambda _on: self.optionsChanged.emit())
        self.shares.toggled.connect(self.model.set_shares)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.attribute_label.setText(self.tr("Attribute:"))
        self.as_year.setText(self.tr("By year"))
        self.shares.setText(self.tr("Shares of the column"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_codes(self) -> None:
        """Offer the project's attribute keys (dates get "By year" ticked)."""
        if not self.by_attribute:
            return
        project = self.hub.project
        counts = attribute_value_counts(project) if project is not None else {}
        current = self.attribute.currentData()
        self.attribute.blockSignals(True)
        self.attribute.clear()
        for key in counts:
            self.attribute.addItem(key, key)
        self.attribute.setCurrentIndex(max(0, self.attribute.findData(current)))
        self.attribute.blockSignals(False)
        key = self.attribute.currentData()
        if key is not None and current is None:
            self.as_year.blockSignals(True)
            self.as_year.setChecked(looks_like_dates(counts[key]))
            self.as_year.blockSignals(False)

    def set_attribute(self, key: str, *, as_year: bool = False) -> None:
        self.attribute.blockSignals(True)
        self.attribute.setCurrentIndex(max(0, self.attribute.findData(key)))
        self.attribute.blockSignals(False)
        self.as_year.setChecked(as_year)
        self.optionsChanged.emit()

    def refresh(self, filters: Filters) -> None:
        project = self.hub.project
        self.table, text = None, ""
        key = self.attribute.currentData()
        if project is None:
            text = self.tr("No project open")
        elif self.by_attribute and key is None:
            text = self.tr("The documents have no attributes yet (Document ▸ Edit document "
                           "attributes).")
        else:
            try:
                if self.by_attribute:
                    self.table = code_by_attribute(project, str(key),
                                                   as_year=self.as_year.isChecked(),
                                                   filters=filters)
                else:
                    self.table = code_by_document(project, filters)
            except AnnotatorError as exc:
                text = str(exc)
        if self.table is not None:
            text = self.tr("%n passage(s); parent codes count their sub-codes' passages too.",
                           "", self.table.total)
        self.message.setText(text)
        self.model.set_table(self.table)
        if self.model.columnCount() < 200:  # measuring 2,000 document columns takes seconds
            self.view.resizeColumnsToContents()
        groups = shares_by_parent(self.table) if self.table is not None else []
        if groups and self.table is not None and self.table.total:
            # The words are read here: the figure is made on the drawing thread.
            words = {"title": self.tr("Each code's share of its parent code"),
                     "x_label": self.tr("Share of the parent code's passages"),
                     "top_label": self.tr("All codes"),
                     "count": self.tr(" (%1)").replace("%1", "{}")}
            self.chart.draw(lambda: shares_bar_figure(groups, **words))
        else:
            self.chart.set_figure(None)


class CooccurrenceTab(QWidget):
    """Codes found together: in the same unit, or in overlapping passages."""

    optionsChanged = Signal()

    def __init__(self, hub: ProjectHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.how = QComboBox()
        self.unit_combo = QComboBox()
        self.rollup = QCheckBox()
        self.message = QLabel()
        self.model = CooccurrenceModel(self)
        self.view = table_view(self.model)
        top = QHBoxLayout()
        top.addWidget(self.how)
        top.addWidget(self.unit_combo)
        top.addWidget(self.rollup)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        self.how.currentIndexChanged.connect(lambda _i: self.optionsChanged.emit())
        self.unit_combo.currentIndexChanged.connect(lambda _i: self.optionsChanged.emit())
        self.rollup.toggled.connect(lambda _on: self.optionsChanged.emit())
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        fill_combo(self.how, ("unit", "overlap"),
               (self.tr("In the same unit"), self.tr("In overlapping passages")))
        unit_items(self.unit_combo, self.tr("Paragraph"), self.tr("Sentence"))
        self.rollup.setText(self.tr("Parent codes include their sub-codes"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_codes(self) -> None:
        pass

    def refresh(self, filters: Filters) -> None:
        project = self.hub.project
        how = str(self.how.currentData())
        self.unit_combo.setEnabled(how == "unit")
        table, text = None, ""
        if project is None:
            text = self.tr("No project open")
        else:
            try:
                table = cooccurrence(project, mode=how,  # type: ignore[arg-type]
                                     unit=str(self.unit_combo.currentData()),
                                     rollup=self.rollup.isChecked(), filters=filters)
            except AnnotatorError as exc:
                text = str(exc)
        if table is not None:
            text = (self.tr("Units in which both codes occur; the diagonal: units with the "
                            "code.") if how == "unit" else
                    self.tr("Pairs of overlapping passages; the diagonal: passages of the "
                            "code."))
        self.message.setText(text)
        self.model.set_table(table)
        if self.model.columnCount() < 200:  # code names in full above their columns
            self.view.resizeColumnsToContents()
