"""Turns segments of a :class:`Layer` into ExtraSelections; the text itself is never touched.

Design: each elementary segment is filled with the colour of its innermost (shortest) passage,
so a nested code reads as an island inside the enclosing one. Where further codes lie under it,
the editor draws one thin bar per code (up to three) in their darkened colours along the line
bottom, so the enclosing passage visibly runs on beneath the island. Every passage, however
deep the stack, also gets a stripe in the margin.

Only the visible range is turned into selections: QPlainTextEdit lays out every block an extra
selection touches when the list is set, so 2,000 passages spread over 200,000 characters would
lay out the whole article (~100 ms) on every refresh.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache

from PySide6.QtGui import QColor, QIcon, QPixmap, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit

from annotator.ui.article.editor import OverlapRun
from annotator.ui.article.layer import Segment
from annotator.ui.offsets import OffsetMap

# Black text stays at a contrast of about 10:1 or better on any fill.
_MIN_FILL_LUMINANCE = 0.45


def _luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


@lru_cache(maxsize=512)
def fill_colour(colour: str) -> QColor:
    """The background for a code's passages: its own colour, lightened only if too dark."""
    c = QColor(colour)
    lum = _luminance(c)
    if lum >= _MIN_FILL_LUMINANCE:
        return c
    t = (_MIN_FILL_LUMINANCE - lum) / (1.0 - lum) + 0.1  # mix towards white
    t = min(t, 0.85)
    r, g, b = (v + (1 - v) * t for v in (c.redF(), c.greenF(), c.blueF()))
    return QColor.fromRgbF(r, g, b)


@lru_cache(maxsize=512)
def line_colour(colour: str) -> QColor:
    """Overlap bars and margin stripes: dark enough to see as a thin line on any fill."""
    c = QColor(colour)
    return c if _luminance(c) < 0.25 else c.darker(165)


def swatch_icon(colour: str, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


FillRun = tuple[int, int, str]  # UTF-16 [start, end), fill colour of the innermost code


def highlight_runs(
    segments: list[Segment], colours: Mapping[int, str], offsets: OffsetMap
) -> tuple[list[FillRun], list[OverlapRun]]:
    """Fill runs and overlap bars (UTF-16, sorted, disjoint) of some segments, in one pass;
    adjacent segments that look alike become one run."""
    fills: list[list] = []  # [start, end, fill colour], code points
    bars: list[list] = []  # [start, end, outer colours]
    for seg in segments:
        inner = seg.passages[0].code_id
        fill = colours.get(inner)
        if fill is None:
            continue
        if fills and fills[-1][1] == seg.start and fills[-1][2] == fill:
            fills[-1][1] = seg.end
        else:
            fills.append([seg.start, seg.end, fill])
        outer = _outer_colours(seg, inner, colours) if len(seg.passages) > 1 else ()
        if outer:
            if bars and bars[-1][1] == seg.start and bars[-1][2] == outer:
                bars[-1][1] = seg.end
            else:
                bars.append([seg.start, seg.end, outer])
    to_utf16 = offsets.to_utf16
    return (
        [(to_utf16(a), to_utf16(b), fill) for a, b, fill in fills],
        [(to_utf16(a), to_utf16(b), tuple(line_colour(c) for c in outer)) for a, b, outer in bars],
    )


def _outer_colours(seg: Segment, inner_code: int, colours: Mapping[int, str]) -> tuple[str, ...]:
    """Colours of the other codes under a segment, innermost first, each code once."""
    seen = {inner_code}
    out: list[str] = []
    for passage in seg.passages[1:]:
        code = passage.code_id
        if code not in seen and code in colours:
            seen.add(code)
            out.append(colours[code])
    return tuple(out)


class Highlighter:
    """Makes ExtraSelections from fill runs; one shared format per colour."""

    def __init__(self) -> None:
        self._formats: dict[str, QTextCharFormat] = {}

    def _format(self, fill: str) -> QTextCharFormat:
        fmt = self._formats.get(fill)
        if fmt is None:
            fmt = QTextCharFormat()
            fmt.setBackground(fill_colour(fill))
            self._formats[fill] = fmt
        return fmt

    def selections(
        self, runs: list[FillRun], document: QTextDocument
    ) -> list[QTextEdit.ExtraSelection]:
        keep = QTextCursor.MoveMode.KeepAnchor
        result: list[QTextEdit.ExtraSelection] = []
        for start, end, fill in runs:
            cursor = QTextCursor(document)
            cursor.setPosition(start)
            cursor.setPosition(end, keep)
            sel = QTextEdit.ExtraSelection()
            sel.cursor = cursor
            sel.format = self._format(fill)
            result.append(sel)
        return result
