"""The X×Y page of the tables dialog: two branches of the codebook, the table of units
carrying both (counts, shares or unit numbers) and its heat map."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from annotator.analysis.crosstab import Level, XYTable, xy_table
from annotator.analysis.filters import Filters
from annotator.analysis.report_charts import heatmap_figure
from annotator.errors import AnnotatorError
from annotator.ui.analysis.branch_combo import BranchCombo
from annotator.ui.analysis.chart_panel import ChartPanel
from annotator.ui.analysis.table_models import XYTableModel
from annotator.ui.analysis.table_widgets import fill_combo, table_view, unit_items
from annotator.ui.hub import ProjectHub


class XYTab(QWidget):
    """Two branches of the codebook, their table of units and its heat map."""

    optionsChanged = Signal()

    COUNTS, SHARES, UNITS = 0, 1, 2

    def __init__(self, hub: ProjectHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.table: XYTable | None = None
        self.x_label, self.y_label, self.unit_label = QLabel(), QLabel(), QLabel()
        self.x_combo, self.y_combo = BranchCombo(), BranchCombo()
        self.unit_combo = QComboBox()
        self.counts, self.shares, self.units = QRadioButton(), QRadioButton(), QRadioButton()
        self.mode = QButtonGroup(self)
        for button, mode_id in ((self.counts, self.COUNTS), (self.shares, self.SHARES),
                                (self.units, self.UNITS)):
            self.mode.addButton(button, mode_id)
        self.counts.setChecked(True)
        self.share_of = QComboBox()
        self.levels_label = QLabel()
        self.row_level, self.column_level = QComboBox(), QComboBox()
        self.message = QLabel()
        self.model = XYTableModel(self)
        self.view = table_view(self.model)
        self.chart = ChartPanel("xy-heatmap")
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(self.chart)
        splitter.setSizes([560, 480])
        self.splitter = splitter

        top = QHBoxLayout()
        for widget in (self.x_label, self.x_combo, self.y_label, self.y_combo, self.unit_label,
                       self.unit_combo):
            top.addWidget(widget)
        top.addStretch(1)
        show = QHBoxLayout()
        for widget in (self.counts, self.shares, self.share_of, self.units):
            show.addWidget(widget)
        show.addSpacing(24)
        for widget in (self.levels_label, self.row_level, self.column_level):
            show.addWidget(widget)
        show.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(show)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)

        self.x_combo.branches.checkedChanged.connect(self.optionsChanged)
        self.y_combo.branches.checkedChanged.connect(self.optionsChanged)
        self.unit_combo.currentIndexChanged.connect(lambda _i: self.optionsChanged.emit())
        self.mode.idClicked.connect(lambda _id: self._show_mode())
        self.share_of.currentIndexChanged.connect(lambda _i: self._show_mode())
        self.row_level.currentIndexChanged.connect(lambda _i: self._show_levels())
        self.column_level.currentIndexChanged.connect(lambda _i: self._show_levels())
        self.retranslate_ui()
        self.column_level.setCurrentIndex(self.column_level.findData("top"))

    def retranslate_ui(self) -> None:
        self.x_label.setText(self.tr("Rows (X):"))
        self.y_label.setText(self.tr("Columns (Y):"))
        self.unit_label.setText(self.tr("Unit:"))
        for combo in (self.x_combo, self.y_combo):
            combo.placeholder = self.tr("(choose branches)")
            combo.update()
        unit_items(self.unit_combo, self.tr("Paragraph"), self.tr("Sentence"))
        self.counts.setText(self.tr("Counts"))
        self.shares.setText(self.tr("Shares"))
        self.units.setText(self.tr("Unit numbers"))
        fill_combo(self.share_of, ("total", "row", "column"),
               (self.tr("of the total"), self.tr("of the row"), self.tr("of the column")))
        self.levels_label.setText(self.tr("Show codes:"))
        fill_combo(self.row_level, ("all", "top", "leaves"),
               (self.tr("rows: all levels"), self.tr("rows: top level"),
                self.tr("rows: lowest level")))
        fill_combo(self.column_level, ("all", "top", "leaves"),
               (self.tr("columns: all levels"), self.tr("columns: top level"),
                self.tr("columns: lowest level")))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_codes(self) -> None:
        """Offer the project's branches; on first use, X and Y get sensible defaults."""
        project = self.hub.project
        codes = project.codes() if project is not None else []
        first = not self.x_combo.branches.codes()
        for combo in (self.x_combo, self.y_combo):
            combo.branches.blockSignals(True)
            combo.branches.set_codes(codes)
            combo.branches.blockSignals(False)
        branches = [c for c in self.x_combo.branches.codes() if c.parent_id is None]
        if first and len(branches) >= 2:
            self.set_branches([branches[0].id], [branches[1].id], notify=False)

    def set_branches(self, x_ids: list[int], y_ids: list[int], *, notify: bool = True) -> None:
        for combo, ids in ((self.x_combo, x_ids), (self.y_combo, y_ids)):
            combo.branches.blockSignals(True)
            combo.branches.set_checked_ids(ids)
            combo.branches.blockSignals(False)
            combo.refresh_text()
        if notify:
            self.optionsChanged.emit()

    def set_mode(self, mode_id: int, share_of: str = "total") -> None:
        self.mode.button(mode_id).setChecked(True)
        self.share_of.setCurrentIndex(max(0, self.share_of.findData(share_of)))
        self._show_mode()

    def _show_mode(self) -> None:
        mode_id = self.mode.checkedId()
        self.share_of.setEnabled(mode_id == self.SHARES)
        mode = {self.COUNTS: "counts", self.SHARES: "shares", self.UNITS: "units"}[mode_id]
        self.model.set_mode(mode, self.share_of.currentData() or "total")  # type: ignore[arg-type]
        self.view.resizeColumnsToContents()

    def levels(self) -> tuple[Level, Level]:
        return (self.row_level.currentData() or "all", self.column_level.currentData() or "top")

    def set_levels(self, rows: Level, columns: Level) -> None:
        self.row_level.setCurrentIndex(max(0, self.row_level.findData(rows)))
        self.column_level.setCurrentIndex(max(0, self.column_level.findData(columns)))

    def _show_levels(self) -> None:
        self.model.set_table(self.table, self.levels())
        self.view.resizeColumnsToContents()
        self._draw_chart()

    def _draw_chart(self) -> None:
        rows, columns = self.levels()
        table = self.table
        if table is None:
            self.chart.set_figure(None)
        else:
            # The words are read here: the figure is made on the drawing thread.
            words = {
                "title": self.chart_title(table),
                "colour_label": self.tr("Paragraphs") if table.unit_kind == "paragraph"
                else self.tr("Sentences"),
                "empty_text": self.tr("No codes to show"),
            }
            self.chart.draw(lambda: heatmap_figure(table, rows=rows, columns=columns, **words))

    def chart_title(self, table: XYTable, most: int = 3) -> str:
        """"X branches × Y branches", the first few names of each and how many more."""
        by_id = {c.id: c for c in (*table.rows, *table.columns)}

        def names(roots: tuple[int, ...]) -> str:
            found = [by_id[r].name for r in roots if r in by_id]
            text = self.tr(", ").join(found[:most])
            if len(found) > most:
                text += " " + self.tr("and %n more", "", len(found) - most)
            return text

        rows, columns = names(table.x_roots), names(table.y_roots)
        # Chinese names have no spaces to wrap at: a long title breaks before the ×.
        return rows + (" × " if len(rows) + len(columns) < 36 else "\n× ") + columns

    def refresh(self, filters: Filters) -> None:
        project = self.hub.project
        x_ids, y_ids = self.x_combo.branches.checked_ids(), self.y_combo.branches.checked_ids()
        self.table, text = None, ""
        if project is None:
            text = self.tr("No project open")
        elif not x_ids or not y_ids:
            text = self.tr("Choose a branch of the codebook for the rows and one for the "
                           "columns (codes with sub-codes; several can be checked).")
        else:
            try:
                self.table = xy_table(project, x_ids, y_ids,
                                      unit=str(self.unit_combo.currentData()), filters=filters)
            except AnnotatorError as exc:
                text = str(exc)
        if self.table is not None:
            text = self.tr("%n unit(s) with codes of both dimensions; a cell's tooltip "
                           "lists its units.", "", self.table.total)
        self.message.setText(text)
        self.model.set_table(self.table, self.levels())
        self._show_mode()
        self._draw_chart()
