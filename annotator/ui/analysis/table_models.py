"""Table models over the core's tables: X×Y (counts, shares or unit numbers), code ×
document / attribute (counts or shares), co-occurrence. Each has a total row and column."""

from __future__ import annotations

from typing import Any, Literal

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from annotator.analysis.cooccurrence import CooccurrenceTable
from annotator.analysis.crosstab import Level, XYTable
from annotator.analysis.report_sheets import UNIT_SEPARATOR
from annotator.analysis.tables import CodeTable
from annotator.records import CodeInfo

Index = QModelIndex | QPersistentModelIndex
VALUE_ROLE = Qt.ItemDataRole.UserRole + 1  # the cell's number (int/float) or unit list
XYMode = Literal["counts", "shares", "units"]
ShareOf = Literal["total", "row", "column"]


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("TableModels", text, disambiguation, n)


def percent(value: float) -> str:
    return f"{value * 100:.1f}%"


def _indented(code: CodeInfo, base: int) -> str:
    return "    " * max(0, code.depth - base) + code.name


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class _Grid(QAbstractTableModel):
    """Rows × columns of codes (or labels) with a last total row and column."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._row_labels: list[str] = []
        self._column_labels: list[str] = []
        self._parents: set[int] = set()  # rows that are parents in the table (bold)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self._row_labels else len(self._row_labels) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self._row_labels else len(self._column_labels) + 1

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        labels = (self._column_labels if orientation == Qt.Orientation.Horizontal
                  else self._row_labels)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if 0 <= section < len(labels):
                return labels[section]
            if section == len(labels):
                return tr("Total")
            return None
        if role == Qt.ItemDataRole.FontRole and (
            section == len(labels)
            or (orientation == Qt.Orientation.Vertical and section in self._parents)
        ):
            return _bold()
        if role == Qt.ItemDataRole.TextAlignmentRole and orientation == Qt.Orientation.Vertical:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self.rowCount() \
                or index.column() >= self.columnCount():
            return None
        row, col = index.row(), index.column()
        last_row, last_col = row == len(self._row_labels), col == len(self._column_labels)
        if role == VALUE_ROLE:
            return self.value(row, col)
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(row, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, col)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(self.alignment() | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and (last_row or last_col or row in self._parents):
            return _bold()
        if role == Qt.ItemDataRole.ForegroundRole and self.value(row, col) in (0, 0.0, []):
            return QColor("#9a9a9a")
        return None

    # For subclasses.
    def value(self, row: int, col: int) -> Any:
        raise NotImplementedError

    def text(self, row: int, col: int) -> str:
        value = self.value(row, col)
        return "" if value is None else str(value)

    def tooltip(self, row: int, col: int) -> str | None:
        return None

    def alignment(self) -> Qt.AlignmentFlag:
        return Qt.AlignmentFlag.AlignRight


class XYTableModel(_Grid):
    """Rows: the X codes; columns: the Y codes (all levels, the top level or the lowest);
    cells as counts, shares or unit numbers. The totals count distinct units (see
    :mod:`annotator.analysis.crosstab`)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.table: XYTable | None = None
        self.mode: XYMode = "counts"
        self.share_of: ShareOf = "total"
        self.levels: tuple[Level, Level] = ("all", "top")
        self.rows: list[CodeInfo] = []
        self.columns: list[CodeInfo] = []

    def set_table(self, table: XYTable | None, levels: tuple[Level, Level] | None = None
                  ) -> None:
        self.beginResetModel()
        self.table = table
        self.levels = levels or self.levels
        self.rows, self.columns = [], []
        if table is not None:
            self.rows = table.row_codes(self.levels[0]) or table.rows
            self.columns = table.column_codes(self.levels[1]) or table.columns
        base = min((c.depth for c in self.rows), default=0)
        self._row_labels = [_indented(c, base) for c in self.rows]
        self._column_labels = [c.name for c in self.columns]
        ids = {c.id for c in self.rows}
        parents = {c.parent_id for c in self.rows if c.parent_id in ids}
        self._parents = {i for i, c in enumerate(self.rows) if c.id in parents}
        self.endResetModel()

    def set_mode(self, mode: XYMode, share_of: ShareOf = "total") -> None:
        self.beginResetModel()  # alignment and every cell change
        self.mode, self.share_of = mode, share_of
        self.endResetModel()

    def value(self, row: int, col: int) -> Any:
        t = self.table
        if t is None:
            return None
        last_row, last_col = row == len(self.rows), col == len(self.columns)
        if last_row and last_col:
            return t.total if self.mode != "shares" else (1.0 if t.total else 0.0)
        if last_row:
            n = t.column_total(self.columns[col].id)
            return n / t.total if self.mode == "shares" and t.total else n
        if last_col:
            n = t.row_total(self.rows[row].id)
            return n / t.total if self.mode == "shares" and t.total else n
        x, y = self.rows[row].id, self.columns[col].id
        if self.mode == "units":
            return t.units(x, y)
        if self.mode == "shares":
            return t.share(x, y, of=self.share_of)
        return t.count(x, y)

    def text(self, row: int, col: int) -> str:
        value = self.value(row, col)
        if isinstance(value, list):
            return UNIT_SEPARATOR.join(value)
        if isinstance(value, float):
            return percent(value)
        return "" if value is None else str(value)

    def tooltip(self, row: int, col: int) -> str | None:
        t = self.table
        if t is None or row >= len(self.rows) or col >= len(self.columns):
            return None
        x, y = self.rows[row], self.columns[col]
        units = t.units(x.id, y.id)
        head = tr("%1 × %2: %n unit(s)", "", len(units)).replace("%1", x.name) \
            .replace("%2", y.name)
        return head + ("\n" + UNIT_SEPARATOR.join(units) if units else "")

    def alignment(self) -> Qt.AlignmentFlag:
        return Qt.AlignmentFlag.AlignLeft if self.mode == "units" else Qt.AlignmentFlag.AlignRight


class CodeTableModel(_Grid):
    """Rows: codes (rolled up, parents bold); columns: documents or attribute values;
    passages as counts or as shares of the column."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.table: CodeTable | None = None
        self.shares = False

    def set_table(self, table: CodeTable | None) -> None:
        self.beginResetModel()
        self.table = table
        if table is None:
            self._row_labels, self._column_labels, self._parents = [], [], set()
        else:
            self._row_labels = [_indented(c, 0) for c in table.codes]
            self._column_labels = [c.label for c in table.columns]
            parents = {c.parent_id for c in table.codes}
            self._parents = {i for i, c in enumerate(table.codes) if c.id in parents}
        self.endResetModel()

    def set_shares(self, shares: bool) -> None:
        self.beginResetModel()
        self.shares = shares
        self.endResetModel()

    def value(self, row: int, col: int) -> Any:
        t = self.table
        if t is None:
            return None
        last_row, last_col = row == len(t.codes), col == len(t.columns)
        if last_row:
            n = t.total if last_col else t.column_total(t.columns[col].key)
            return (1.0 if n else 0.0) if self.shares else n
        code = t.codes[row].id
        if last_col:
            return t.share(code, None, of="total") if self.shares else t.row_total(code)
        key = t.columns[col].key
        return t.share(code, key, of="column") if self.shares else t.count(code, key)

    def text(self, row: int, col: int) -> str:
        value = self.value(row, col)
        if isinstance(value, float):
            return percent(value)
        return "" if value is None else str(value)


class CooccurrenceModel(_Grid):
    """The symmetric co-occurrence matrix; the diagonal is each code's own total."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.table: CooccurrenceTable | None = None

    def set_table(self, table: CooccurrenceTable | None) -> None:
        self.beginResetModel()
        self.table = table
        if table is None:
            self._row_labels, self._column_labels, self._parents = [], [], set()
        else:
            self._row_labels = [_indented(c, 0) for c in table.codes]
            self._column_labels = [c.name for c in table.codes]
            parents = {c.parent_id for c in table.codes}
            self._parents = {i for i, c in enumerate(table.codes) if c.id in parents}
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._row_labels)  # no total row

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._column_labels)

    def value(self, row: int, col: int) -> Any:
        if self.table is None:
            return None
        return int(self.table.counts[row, col])

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid() \
                and index.row() == index.column():
            return QColor("#eeeeee")
        return super().data(index, role)
