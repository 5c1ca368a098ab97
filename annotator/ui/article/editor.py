"""The read-only text widget: geometry helpers, click and drag detection.

Everything here is in Qt's UTF-16 positions; the view converts them through its OffsetMap.
"""

from __future__ import annotations

from bisect import bisect_left

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QTextBlock,
    QTextCursor,
    QTextLine,
    QTextOption,
)
from PySide6.QtWidgets import QApplication, QFrame, QPlainTextEdit, QWidget

from annotator.ui.article.fonts import reading_font

DOCUMENT_MARGIN = 14.0
BAR_HEIGHT = 3.0  # one bar per further code under an overlap, stacked up from the line bottom
BAR_GAP = 1.0
MAX_BARS = 3

OverlapRun = tuple[int, int, tuple[QColor, ...]]  # UTF-16 [start, end), colours of outer codes


class ArticleEdit(QPlainTextEdit):
    clicked = Signal(int, QPoint)  # UTF-16 position of the character clicked, viewport point
    dragRequested = Signal()  # the user drags the existing selection away
    viewChanged = Signal()  # scrolled or resized: another part of the text may be visible
    # The cursor was set from Python (selectionChanged is not sent when the new selection
    # equals the old one, yet setting it again is a fresh choice of that text).
    cursorSet = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setFont(reading_font())
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.document().setDocumentMargin(DOCUMENT_MARGIN)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.left_margin_widget: QWidget | None = None
        self._drag_origin: QPoint | None = None  # press inside the selection, maybe a drag
        self._press_point: QPoint | None = None
        self._overlaps: list[OverlapRun] = []
        self._overlap_ends: list[int] = []

    def setTextCursor(self, cursor: QTextCursor) -> None:
        super().setTextCursor(cursor)
        self.cursorSet.emit()

    def set_overlaps(self, runs: list[OverlapRun]) -> None:
        """Runs (sorted, disjoint) where further codes lie under the innermost one."""
        self._overlaps = runs
        self._overlap_ends = [end for _start, end, _colours in runs]
        self.viewport().update()

    def overlaps(self) -> list[OverlapRun]:
        return list(self._overlaps)

    # -- geometry ----------------------------------------------------------------------------
    def visible_range(self) -> tuple[int, int]:
        """UTF-16 positions [first, last) of the blocks that intersect the viewport."""
        block = self.firstVisibleBlock()
        if not block.isValid():
            return 0, 0
        first = block.position()
        offset = self.contentOffset()
        height = self.viewport().height()
        last = first
        while block.isValid():
            top = self.blockBoundingGeometry(block).translated(offset).top()
            if top > height:
                break
            last = block.position() + block.length()
            block = block.next()
        return first, last

    def _line_of(self, position: int) -> tuple[QTextBlock, float, QTextLine]:
        block = self.document().findBlock(position)
        top = self.blockBoundingGeometry(block).translated(self.contentOffset()).top()
        line = block.layout().lineForTextPosition(position - block.position())
        return block, top, line

    def line_top(self, position: int) -> float:
        """Viewport y of the top of the visual line holding ``position``."""
        _block, top, line = self._line_of(position)
        return top + (line.y() if line.isValid() else 0.0)

    def line_baseline(self, position: int) -> float:
        """Viewport y of the baseline of the visual line holding ``position``."""
        _block, top, line = self._line_of(position)
        return top + (line.y() + line.ascent() if line.isValid() else 0.0)

    def line_bottom(self, position: int) -> float:
        block, top, line = self._line_of(position)
        if not line.isValid():
            return top + self.blockBoundingRect(block).height()
        return top + line.y() + line.height()

    def char_at(self, point: QPoint) -> int | None:
        """UTF-16 position of the character drawn under a viewport point, if any."""
        offset = self.contentOffset()
        block = self.firstVisibleBlock()
        while block.isValid():
            geo = self.blockBoundingGeometry(block).translated(offset)
            if geo.top() > point.y():
                return None
            if point.y() < geo.bottom():
                return _char_in_block(block, QPointF(point) - geo.topLeft())
            block = block.next()
        return None

    # -- painting ----------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._overlaps:
            return
        first, last = self.visible_range()
        i = bisect_left(self._overlap_ends, first + 1)  # first run ending inside the view
        if i >= len(self._overlaps) or self._overlaps[i][0] >= last:
            return
        painter = QPainter(self.viewport())
        offset = self.contentOffset()
        while i < len(self._overlaps) and self._overlaps[i][0] < last:
            start, end, colours = self._overlaps[i]
            self._paint_run(painter, offset, max(start, first), min(end, last), colours)
            i += 1
        painter.end()

    def _paint_run(
        self, painter: QPainter, offset: QPointF, start: int, end: int, colours: tuple[QColor, ...]
    ) -> None:
        """Thin bars along the bottom of each visual line of [start, end)."""
        block = self.document().findBlock(start)
        while block.isValid() and block.position() < end:
            geo = self.blockBoundingGeometry(block).translated(offset)
            layout = block.layout()
            base = block.position()
            for n in range(layout.lineCount()):
                line = layout.lineAt(n)
                a = max(start - base, line.textStart())
                b = min(end - base, line.textStart() + line.textLength())
                if a >= b:
                    continue
                x1, _ = line.cursorToX(a)
                x2, _ = line.cursorToX(b)
                bottom = geo.top() + line.y() + line.height() - 1.0
                for k, colour in enumerate(colours[:MAX_BARS]):
                    y = bottom - (k + 1) * BAR_HEIGHT - k * BAR_GAP
                    painter.fillRect(QRectF(geo.left() + x1, y, x2 - x1, BAR_HEIGHT), colour)
            block = block.next()

    # -- mouse -------------------------------------------------------------------------------
    def _inside_selection(self, point: QPoint) -> bool:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return False
        pos = self.char_at(point)
        return pos is not None and cursor.selectionStart() <= pos < cursor.selectionEnd()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        self._press_point = point
        self._drag_origin = None
        if event.button() == Qt.MouseButton.LeftButton and self._inside_selection(point):
            # Keep the selection: this may become a drag of the span to the codebook.
            self._drag_origin = point
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_origin is not None:
            moved = (event.position().toPoint() - self._drag_origin).manhattanLength()
            if moved >= QApplication.startDragDistance():
                self._drag_origin = None
                self.dragRequested.emit()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        if self._drag_origin is not None:
            # Pressed inside the selection but never dragged: an ordinary click.
            self._drag_origin = None
            self.setTextCursor(self.cursorForPosition(point))
        else:
            super().mouseReleaseEvent(event)
        press, self._press_point = self._press_point, None
        if (
            event.button() == Qt.MouseButton.LeftButton
            and press is not None
            and (point - press).manhattanLength() < QApplication.startDragDistance()
            and not self.textCursor().hasSelection()
        ):
            pos = self.char_at(point)
            self.clicked.emit(-1 if pos is None else pos, point)

    # -- margin ------------------------------------------------------------------------------
    def set_left_margin_widget(self, widget: QWidget, width: int) -> None:
        self.left_margin_widget = widget
        widget.setParent(self)
        self.setViewportMargins(width, 0, 0, 0)
        self._place_margin()

    def set_left_margin_width(self, width: int) -> None:
        """Widen or narrow the margin (the unit numbers' column follows the document)."""
        if width != self.viewportMargins().left():
            self.setViewportMargins(width, 0, 0, 0)
            self._place_margin()

    def _place_margin(self) -> None:
        if self.left_margin_widget is not None:
            rect = self.contentsRect()
            width = self.viewportMargins().left()
            self.left_margin_widget.setGeometry(rect.left(), rect.top(), width, rect.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_margin()
        self.viewChanged.emit()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self.viewChanged.emit()


def _char_in_block(block: QTextBlock, local: QPointF) -> int | None:
    layout = block.layout()
    for i in range(layout.lineCount()):
        line = layout.lineAt(i)
        if line.y() <= local.y() < line.y() + line.height():
            if not line.x() <= local.x() < line.x() + line.naturalTextWidth():
                return None  # left margin or past the end of the line
            pos = line.xToCursor(local.x(), QTextLine.CursorPosition.CursorOnCharacter)
            if pos >= block.length() - 1:
                return None
            return block.position() + pos
    return None
