"""Table models over an agreement report: one row per code plus the overall row, and the
list of disagreements. Undefined figures read "n/a" with the reason as tooltip."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from annotator.analysis.agreement_measures import Figure, Reason
from annotator.analysis.agreement_report import AgreementReport, AgreementRow, Disagreement

Index = QModelIndex | QPersistentModelIndex
FIGURE_ROLE = Qt.ItemDataRole.UserRole + 1  # the cell's Figure (None in other columns)
ROW_ROLE = Qt.ItemDataRole.UserRole + 2  # the AgreementRow / Disagreement of the row


def tr(text: str, disambiguation: str | None = None, n: int = -1) -> str:
    return QCoreApplication.translate("AgreementModels", text, disambiguation, n)


def reason_text(reason: Reason | None) -> str:
    return {
        Reason.NO_SHARED_UNITS: tr("No unit was coded by two of the coders."),
        Reason.NOT_APPLIED: tr("No coder applied this code in the compared units: "
                               "nothing varies, so this figure is undefined."),
        Reason.EVERYWHERE: tr("Every coder applied this code to every unit: "
                              "nothing varies, so this figure is undefined."),
        Reason.TWO_CODERS_ONLY: tr("Cohen's κ compares exactly two coders; "
                                   "with more, see Krippendorff's α."),
    }.get(reason, "") if reason is not None else ""


def unit_text(unit: str) -> str:
    """The core's unit names (see ``Figure.unit``) in words."""
    words = {
        "paragraph": tr("paragraphs"),
        "sentence": tr("sentences"),
        "character": tr("characters"),
        "coder": tr("coders"),
        "coding decision": tr("coding decisions"),
    }
    if "×" in unit:
        first, _, second = unit.partition("×")
        return tr("%1 × codes").replace("%1", words.get(first, first)) if second else unit
    return words.get(unit, unit)


# Columns: (header, figure name or None, shown as percent)
_COLUMNS: tuple[tuple[str, str | None, bool], ...] = (
    ("code", None, False),
    ("units", None, False),
    ("percent", "percent", True),
    ("holsti", "holsti", False),
    ("composite", "composite", False),
    ("kappa", "kappa", False),
    ("alpha", "alpha", False),
    ("mnn", None, False),
    ("characters", None, False),
    ("char_percent", "char_percent", True),
    ("char_kappa", "char_kappa", False),
)
COLUMN_KEYS = tuple(key for key, _, _ in _COLUMNS)


def _headers() -> dict[str, tuple[str, str]]:
    """Column key -> (header, header tooltip)."""
    return {
        "code": (tr("Code"), ""),
        "units": (tr("Units"), tr("Units of analysis compared (N)")),
        "percent": (tr("Agreement"), tr("Share of units on which two coders agree "
                                        "(both coded or both not)")),
        "holsti": (tr("Holsti R"), tr("R = 2M / (N1 + N2), mean over coder pairs")),
        "composite": (tr("CR"), tr("Composite reliability CR = nR / (1 + (n − 1)R)")),
        "kappa": (tr("Cohen's κ"), tr("Two coders only")),
        "alpha": (tr("Krippendorff's α"), tr("Nominal, any number of coders, "
                                             "missing data allowed")),
        "mnn": (tr("M / N1 / N2"), tr("Units both coders coded / each coder coded "
                                      "(two coders only)")),
        "characters": (tr("Characters"), tr("Characters compared (N)")),
        "char_percent": (tr("Char. agreement"), tr("Share of characters on which two "
                                                   "coders agree")),
        "char_kappa": (tr("Char. κ"), tr("Cohen's κ over characters (as NVivo's coding "
                                         "comparison)")),
    }


class AgreementTableModel(QAbstractTableModel):
    """The overall row (pooled over the codes used) first, then one row per code in tree
    order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[AgreementRow] = []
        self._used = 0

    def set_report(self, report: AgreementReport | None) -> None:
        self.beginResetModel()
        self._rows = [] if report is None else [report.overall, *report.rows]
        self._used = 0 if report is None else report.used_codes
        self.endResetModel()

    def row_at(self, row: int) -> AgreementRow:
        return self._rows[row]

    def figure(self, row: int, key: str) -> Figure | None:
        return self.index(row, COLUMN_KEYS.index(key)).data(FIGURE_ROLE)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(_COLUMNS):
            return None
        header, tip = _headers()[_COLUMNS[section][0]]
        if role == Qt.ItemDataRole.DisplayRole:
            return header
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip or None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        key, figure_name, percent = _COLUMNS[index.column()]
        figure = row.figures()[figure_name] if figure_name else None
        overall = row.code_id is None
        if role == FIGURE_ROLE:
            return figure
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            if figure is not None:
                return figure.text(3, percent=percent) if figure.defined else tr("n/a")
            return self._plain(row, key)
        if role == Qt.ItemDataRole.ToolTipRole:
            if figure is not None:
                if not figure.defined:
                    return reason_text(figure.reason)
                return tr("N = %1 %2").replace("%1", str(figure.n)).replace(
                    "%2", unit_text(figure.unit))
            if key == "code" and overall:
                return tr("Every (unit, code) pair of the %n code(s) used is one judgement",
                          "", self._used)
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole and key != "code":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and overall:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and figure is not None and not figure.defined:
            return Qt.GlobalColor.gray
        return None

    def _plain(self, row: AgreementRow, key: str) -> str:
        if key == "code":
            if row.code_id is None:
                return tr("Overall (%n code(s) used)", "", self._used)
            return "    " * (len(row.path) - 1) + (row.path[-1] if row.path else "")
        if key == "units":
            return str(row.units)
        if key == "characters":
            return str(row.characters)
        if key == "mnn":
            pair = row.two_coder_counts
            return f"{pair.m} / {pair.n1} / {pair.n2}" if pair is not None else ""
        return ""


class DisagreementModel(QAbstractTableModel):
    """Units where the coders differ on a code; each row leads to its unit."""

    COLUMNS = 6

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: Sequence[Disagreement] = ()

    def set_disagreements(self, items: Sequence[Disagreement]) -> None:
        """Show ``items`` as they are: the core builds each row when it is first read, so
        100,000s of disagreements cost only the rows on screen."""
        self.beginResetModel()
        self._rows = items
        self.endResetModel()

    def disagreement_at(self, row: int) -> Disagreement:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (tr("Document"), tr("Unit"), tr("Code"), tr("Coded by"),
                    tr("Not coded by"), tr("Text"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        d = self._rows[index.row()]
        if role == ROW_ROLE:
            return d
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        col = index.column()
        if col == 0:
            return f"{d.document_number} {d.title}"
        if col == 1:
            return d.unit_number
        if col == 2:
            return d.code_label
        if col == 3:
            return "、".join(d.coders_with)
        if col == 4:
            return "、".join(d.coders_without)
        text = " ".join(d.unit_text.split())
        return text if role == Qt.ItemDataRole.ToolTipRole else text[:120]
