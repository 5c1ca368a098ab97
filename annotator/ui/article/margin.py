"""The left margin: unit numbers, then coding stripes, beside the text.

Unit numbers ("3-2-1", see :mod:`annotator.chinese.units`) stand at the first line of each
paragraph unit; clicking one selects the unit. The stripes show every passage, however deep the
stack: one vertical bar per passage, a lane per overlap level. Lanes are assigned at paint time
from the stripes' on-screen extents, so two passages on the same line never share a lane; only
the visible passages and units are laid out and painted.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QGuiApplication,
    QHelpEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
)
from PySide6.QtWidgets import QToolTip, QWidget

from annotator.chinese.units import Unit
from annotator.records import PassageInfo
from annotator.ui.article.editor import ArticleEdit
from annotator.ui.article.highlighter import line_colour
from annotator.ui.article.layer import Layer
from annotator.ui.offsets import OffsetMap

MAX_LANES = 6  # deeper stacks share the last lane; the popup still lists every passage
LANE_WIDTH = 4
LANE_GAP = 2
PADDING = 5
MARGIN_WIDTH = PADDING * 2 + MAX_LANES * (LANE_WIDTH + LANE_GAP)  # the stripes' part
NUMBER_PADDING = 6  # left of the unit numbers
NUMBER_POINT_SIZE = 8.5


def tr(text: str) -> str:
    return QCoreApplication.translate("ArticleView", text)


class CodingMargin(QWidget):
    stripeClicked = Signal(int)  # passage id
    unitClicked = Signal(object)  # the Unit whose number was clicked

    def __init__(self, editor: ArticleEdit) -> None:
        super().__init__(editor)
        self.editor = editor
        self.layer = Layer()
        self.offsets = OffsetMap("")
        self.colours: dict[int, QColor] = {}
        self.labels: dict[int, str] = {}  # code id -> path, for tooltips
        self.units: list[Unit] = []
        self._unit_starts: list[int] = []  # UTF-16 positions of the units' starts
        self._unit_ends: list[int] = []
        self.number_font = QFont(QGuiApplication.font())  # a plain face, not the reading one
        self.number_font.setPointSizeF(NUMBER_POINT_SIZE)
        self.number_width = 0  # the unit numbers' column; 0 without units
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

    def set_units(self, units: Sequence[Unit], offsets: OffsetMap) -> None:
        """Show these units' numbers (sorted by start, each starting on its own line; a
        statute's 款 and 项 lie inside their article); the column grows to fit the longest
        number and disappears without units."""
        self.units = list(units)
        self._unit_starts = [offsets.to_utf16(u.start) for u in self.units]
        # For finding the visible numbers each unit reaches only to the next one's start.
        self._unit_ends = [
            min(offsets.to_utf16(u.end), self._unit_starts[k + 1])
            if k + 1 < len(self.units) else offsets.to_utf16(u.end)
            for k, u in enumerate(self.units)
        ]
        width = 0
        if self.units:
            metrics = QFontMetrics(self.number_font)
            # Only the longest numbers can be the widest (digits and "-" are narrow alike).
            longest = max(len(u.number) for u in self.units)
            candidates = {u.number for u in self.units if len(u.number) >= longest - 1}
            widest = max(metrics.horizontalAdvance(n) for n in candidates)
            width = NUMBER_PADDING + widest + 2
        if width != self.number_width:
            self.number_width = width
            self.editor.set_left_margin_width(width + MARGIN_WIDTH)
        self.update()

    def _numbers(self) -> list[tuple[QRect, Unit]]:
        """Rectangles of the visible unit numbers, one line high at each unit's first line."""
        if not self.units:
            return []
        first, last = self.editor.visible_range()
        i = bisect_right(self._unit_ends, first)  # the first unit ending after ``first``
        height = self.height()
        metrics = QFontMetrics(self.number_font)
        out: list[tuple[QRect, Unit]] = []
        while i < len(self.units) and self._unit_starts[i] < last:
            # The small number stands on the same baseline as the unit's first line.
            top = int(self.editor.line_baseline(self._unit_starts[i])) - metrics.ascent()
            if top > height:
                break
            if top + metrics.height() > 0:
                out.append((QRect(0, top, self.number_width - 2, metrics.height()),
                            self.units[i]))
            i += 1
        return out

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
            x = self.number_width + PADDING + min(lane, MAX_LANES - 1) * (
                LANE_WIDTH + LANE_GAP
            )
            result.append((QRect(x, top, LANE_WIDTH, max(2, bottom - top)), passage))
        return result

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().base())
        if self.units:
            self._paint_numbers(painter)
        for rect, passage in self._stripes():
            colour = self.colours.get(passage.code_id)
            if colour is not None:
                painter.fillRect(rect, colour)
        painter.end()

    def _paint_numbers(self, painter: QPainter) -> None:
        painter.setFont(self.number_font)
        plain = self.palette().color(QPalette.ColorRole.PlaceholderText)
        heading = self.palette().color(QPalette.ColorRole.Text)
        align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
        for rect, unit in self._numbers():
            painter.setPen(heading if unit.heading else plain)
            painter.drawText(rect, align, unit.number)

    def unit_numbers_shown(self) -> list[str]:
        """The numbers painted now, top to bottom (for tests)."""
        return [unit.number for _rect, unit in self._numbers()]

    def _passages_at(self, point: QPoint) -> list[PassageInfo]:
        return [p for rect, p in self._stripes() if rect.adjusted(-1, 0, 1, 0).contains(point)]

    def _unit_at(self, point: QPoint) -> Unit | None:
        if point.x() >= self.number_width:
            return None
        return next((u for rect, u in self._numbers() if rect.contains(point)), None)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        unit = self._unit_at(point)
        if unit is not None:
            self.unitClicked.emit(unit)
            return
        hits = self._passages_at(point)
        if hits:
            self.stripeClicked.emit(hits[-1].id)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            unit = self._unit_at(event.pos())
            hits = self._passages_at(event.pos())
            if unit is not None:
                QToolTip.showText(event.globalPos(), tr(
                    "Unit %1: click to select it, right-click the text to code it"
                ).replace("%1", unit.number), self)
            elif hits:
                QToolTip.showText(event.globalPos(), "\n".join(
                    self.labels.get(s.code_id, "") for s in hits), self)
            else:
                QToolTip.hideText()
            return True
        return super().event(event)
