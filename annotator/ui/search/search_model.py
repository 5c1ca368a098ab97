"""Search results as a table (document, unit, context), the match emphasised by a delegate."""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from annotator.search import SearchHit

HIT_ROLE = Qt.ItemDataRole.UserRole + 1  # the SearchHit of a row
CONTEXT_PARTS_ROLE = Qt.ItemDataRole.UserRole + 2  # (before, match, after) of a row
DOCUMENT, UNIT, CONTEXT = range(3)
MATCH_BACKGROUND = "#FFD966"
Index = QModelIndex | QPersistentModelIndex


def _one_line(text: str) -> str:
    return text.replace("\r", "").replace("\n", " ⏎ ")


class SearchResultsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hits(self) -> list[SearchHit]:
        return list(self._hits)

    def hit(self, row: int) -> SearchHit:
        return self._hits[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Document"), self.tr("Unit"), self.tr("Context"))[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == DOCUMENT:
                return f"{hit.document_number} {hit.document_title}"
            if col == UNIT:
                return hit.unit_number
            return _one_line(hit.context)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == CONTEXT:
                return _one_line(hit.context)
            return f"{hit.document_number} {hit.document_title}"
        if role == CONTEXT_PARTS_ROLE:
            return (_one_line(hit.before), _one_line(hit.text), _one_line(hit.after))
        if role == HIT_ROLE:
            return hit
        return None


class ContextDelegate(QStyledItemDelegate):
    """Paints the context column with the match on a yellow ground in bold."""

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex,
                  width: int) -> QTextDocument:
        before, match, after = index.data(CONTEXT_PARTS_ROLE) or ("", "", "")
        # Cut the context before the match from the left, so the match stands about a third
        # of the way in, however narrow the column.
        metrics = QFontMetrics(option.font)
        budget = max(width // 3, metrics.horizontalAdvance("…" * 4))
        if metrics.horizontalAdvance(before) > budget:
            while before and metrics.horizontalAdvance("…" + before) > budget:
                before = before[1:]
            before = "…" + before
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(2)
        doc.setHtml(
            f"<span style='white-space:pre'>{html.escape(before)}"
            f"<b style='background-color:{MATCH_BACKGROUND}; color:#000'>{html.escape(match)}"
            f"</b>{html.escape(after)}</span>"
        )
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        text_rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, opt.widget)
        doc = self._document(opt, index, text_rect.width())
        context = QAbstractTextDocumentLayout.PaintContext()
        if opt.state & QStyle.StateFlag.State_Selected:
            context.palette.setColor(
                QPalette.ColorRole.Text, opt.palette.color(QPalette.ColorRole.HighlightedText)
            )
        painter.save()
        painter.translate(text_rect.topLeft())
        clip = QRectF(0, 0, text_rect.width(), text_rect.height())
        painter.setClipRect(clip)
        context.clip = clip
        top = max(0.0, (text_rect.height() - doc.size().height()) / 2)
        painter.translate(0, top)
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), option.fontMetrics.height() + 6))
