"""The tables of a learned-suggestion run: quality per code, and the units to code next."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from annotator.suggest import CodeQuality, NextUnit, SuggestReport
from annotator.suggest.learn import MIN_DOCUMENTS, MIN_UNITS

Index = QModelIndex | QPersistentModelIndex
QUALITY_COLUMNS = 11
(CODE, UNITS, DOCUMENTS, PRECISION, RECALL, F1, KEYWORD_P, KEYWORD_R, KEYWORD_F1, PROPOSED,
 REASON) = range(QUALITY_COLUMNS)
NEXT_CODE, NEXT_PROBABILITY, NEXT_DOCUMENT, NEXT_UNIT, NEXT_TEXT = range(5)
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _score(value: float | None) -> str:
    return "" if value is None else f"{value:.2f}"


class QualityModel(QAbstractTableModel):
    """One row per code: what it learned from, its cross-validated P/R/F1 beside keyword
    auto-coding's on the same units, what it proposed, and why not when it did not."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[CodeQuality] = []
        self._unit = "paragraph"
        self._min_precision = 0.0

    def set_report(self, report: SuggestReport | None) -> None:
        self.beginResetModel()
        self._rows = list(report.codes) if report is not None else []
        if report is not None:
            self._unit, self._min_precision = report.unit, report.min_precision
        self.endResetModel()

    def quality(self, row: int) -> CodeQuality:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else QUALITY_COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < QUALITY_COLUMNS:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Code"), self.tr("Coded units"), self.tr("Documents"),
                    self.tr("P"), self.tr("R"), self.tr("F1"), self.tr("Keywords P"),
                    self.tr("Keywords R"), self.tr("Keywords F1"), self.tr("Proposed"),
                    self.tr("Note"))[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            if section in (PRECISION, RECALL, F1):
                return self.tr("Precision, recall and F1 of the learned model, by "
                               "cross-validation over your coded documents (a document never "
                               "trains and tests at once)")
            if section in (KEYWORD_P, KEYWORD_R, KEYWORD_F1):
                return self.tr("Keyword auto-coding measured against your coding on the same "
                               "units")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        q, col = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (q.path, str(q.coded_units), str(q.documents), _score(q.precision),
                      _score(q.recall), _score(q.f1), _score(q.keyword_precision),
                      _score(q.keyword_recall), _score(q.keyword_f1),
                      str(q.proposed) if q.trained else "", self._reason(q))
            return values[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and CODE < col < REASON:
            return _RIGHT
        return None

    def _reason(self, q: CodeQuality) -> str:
        """The core's reason, in the window's language (it is rebuilt from the figures)."""
        if not q.trained:
            if q.coded_units < MIN_UNITS or q.documents < MIN_DOCUMENTS:
                unit = self.tr("paragraphs") if self._unit == "paragraph" else self.tr(
                    "sentences")
                return (self.tr("needs %1 coded %2 in %3 documents (has %4 in %5)")
                        .replace("%1", str(MIN_UNITS)).replace("%2", unit)
                        .replace("%3", str(MIN_DOCUMENTS)).replace("%4", str(q.coded_units))
                        .replace("%5", str(q.documents)))
            return self.tr("every unit carries it: nothing to tell apart") if q.reason else ""
        if not q.proposes:
            return (self.tr("precision %1 below the minimum %2: proposes nothing")
                    .replace("%1", _score(q.precision))
                    .replace("%2", _score(self._min_precision)))
        return ""


class NextUnitsModel(QAbstractTableModel):
    """Uncoded units the models are least sure of: coding them teaches the most."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[NextUnit] = []
        self._paths: dict[int, str] = {}

    def set_units(self, units: Sequence[NextUnit], paths: Mapping[int, str]) -> None:
        self.beginResetModel()
        self._rows, self._paths = list(units), dict(paths)
        self.endResetModel()

    def unit(self, row: int) -> NextUnit:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < 5):
            return (self.tr("Likeliest code"), self.tr("Probability"), self.tr("Document"),
                    self.tr("Unit"), self.tr("Text"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        u, col = self._rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if col == NEXT_CODE:
                return self._paths.get(u.code_id, "")
            if col == NEXT_PROBABILITY:
                return f"{u.probability:.2f}"
            if col == NEXT_DOCUMENT:
                return f"{u.document_number} {u.document_title}"
            if col == NEXT_UNIT:
                return u.number
            text = u.text.replace("\n", " ⏎ ")
            return text if role == Qt.ItemDataRole.ToolTipRole else text[:300]
        if role == Qt.ItemDataRole.TextAlignmentRole and col == NEXT_PROBABILITY:
            return _RIGHT
        return None
