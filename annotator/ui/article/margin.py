"""Coding stripes beside the text: one vertical bar per passage, a lane per overlap level.

The stripes show every passage, however deep the stack. Lanes are assigned at paint time
from the stripes' on-screen extents, so two passages on the same line never share a lane; only
the visible passages are laid out and painted.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QEvent, QPoint, QRect, Signal
from PySide6.QtGui import QColor, QHelpEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QToolTip, QWidget

from annotator.records import PassageInfo
from annotator.ui.article.editor import ArticleEdit
from annotator.ui.article.highlighter import line_colour
from annotator.ui.article.layer import Layer
from annotator.ui.offsets import OffsetMap

MAX_LANES = 6  # deeper stacks share the last lane; the popup still lists every passage
LANE_WIDTH = 4
LANE_GAP = 2
PADDING = 5
MARGIN_WIDTH = PADDING * 2 + MAX_LANES * (LANE_WIDTH + LANE_GAP)


class CodingMargin(QWidget):
    stripeClicked = Signal(int)  # passage id

    def __init__(self, editor: ArticleEdit) -> None:
        super().__init__(editor)
        self.editor = editor
        self.layer = Layer()
        self.offsets = OffsetMap("")
        self.colours: dict[int, QColor] = {}
        self.labels: dict[int, str] = {}  # code id -> path, for tooltips
        editor.set_left_margin_widget(self, MARGIN_WIDTH)
        # Scrolling and relayout repaint the viewport; the stripes follow.
        editor.updateRequest.connect(lambda _rect, _dy: self.update())

    def set_layer(
        self,
        layer: Layer,
        colours: Mapping[int, str],
        labels: Mapping[int, str],
        offsets: OffsetMap,
    ) -> None:
        self.layer, self.offsets = layer, offsets
        self.colours = {code_id: line_colour(c) for code_id, c in colours.items()}
        self.labels = dict(labels)
        self.update()

    def _stripes(self) -> list[tuple[QRect, PassageInfo]]:
        """Rectangles of the visible stripes, in this widget's coordinates."""
        first, last = self.editor.visible_range()
        if first >= last or not len(self.layer):
            return []
        to_cp, to_utf16 = self.offsets.to_code_point, self.offsets.to_utf16
        cp_first, cp_last = to_cp(first), to_cp(last)
        height = self.height()
        extents: list[tuple[int, int, PassageInfo]] = []
        for passage in self.layer.between(cp_first, cp_last):
            # Stripes of passages running on beyond the view are drawn past its edge.
            top = -4.0
            if passage.start >= cp_first:
                top = self.editor.line_top(to_utf16(passage.start))
            if passage.end <= cp_last:
                bottom = self.editor.line_bottom(to_utf16(passage.end - 1))
            else:
                bottom = height + 4.0
            if bottom > 0 and top < height:
                extents.append((int(top) + 2, int(bottom) - 2, passage))
        # Greedy interval colouring, longest first among equal tops: enclosing passages left.
        extents.sort(key=lambda e: (e[0], -e[1]))
        lane_ends: list[int] = []
        result = []
        for top, bottom, passage in extents:
            lane = next((n for n, end in enumerate(lane_ends) if end < top), len(lane_ends))
            if lane == len(lane_ends):
                lane_ends.append(bottom)
            else:
                lane_ends[lane] = bottom
            x = PADDING + min(lane, MAX_LANES - 1) * (LANE_WIDTH + LANE_GAP)
            result.append((QRect(x, top, LANE_WIDTH, max(2, bottom - top)), passage))
        return result

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().base())
        for rect, passage in self._stripes():
            colour = self.colours.get(passage.code_id)
            if colour is not None:
                painter.fillRect(rect, colour)
        painter.end()

    def _passages_at(self, point: QPoint) -> list[PassageInfo]:
        return [p for rect, p in self._stripes() if rect.adjusted(-1, 0, 1, 0).contains(point)]

    def mousePressEvent(self, event: QMouseEvent) -> None:
        hits = self._passages_at(event.position().toPoint())
        if hits:
            self.stripeClicked.emit(hits[-1].id)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            hits = self._passages_at(event.pos())
            if hits:
                QToolTip.showText(event.globalPos(), "\n".join(
                    self.labels.get(s.code_id, "") for s in hits), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
