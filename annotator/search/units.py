"""The sentence and paragraph around a span of a document, for search hits and auto-coding.

Paragraphs come from :func:`annotator.analysis.unit_index.compute_units` (with section numbers;
about 10 ms for a 10,000-character article, so only computed when asked for); sentences from
:func:`annotator.chinese.units.sentence_spans` run on the lines the span touches — sentences
end at line breaks, so that gives the same sentences as the whole text, far more cheaply.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from annotator.analysis.unit_index import compute_units
from annotator.chinese.units import Unit, sentence_spans

Span = tuple[int, int]


class UnitLocator:
    """Paragraphs and sentences of one document text, computed on first use."""

    def __init__(self, document_number: int, text: str, numbering: str = "auto") -> None:
        self.text = text
        self._number = document_number
        self._numbering = numbering  # the document's choice of unit numbering
        self._paragraphs: list[Unit] | None = None
        self._starts: list[int] = []
        self._sentences: dict[Span, list[Span]] = {}

    @property
    def paragraphs(self) -> list[Unit]:
        if self._paragraphs is None:
            self._paragraphs = compute_units(self._number, self.text, "paragraph",
                                             self._numbering)
            self._starts = [u.start for u in self._paragraphs]
        return self._paragraphs

    def paragraphs_over(self, start: int, end: int) -> list[Unit]:
        """Paragraphs overlapping [start, end), in order."""
        units = self.paragraphs
        i = max(bisect_right(self._starts, start) - 1, 0)
        stop = bisect_left(self._starts, max(end, start + 1))
        return [u for u in units[i:stop] if u.start < max(end, start + 1) and start < u.end]

    def paragraph(self, start: int, end: int) -> tuple[Span, str] | None:
        """The paragraph span (all paragraphs, if the span crosses several) and the first
        paragraph's unit number; None outside every paragraph."""
        over = self.paragraphs_over(start, end)
        if not over:
            return None
        return (over[0].start, over[-1].end), over[0].number

    def _lines(self, start: int, end: int) -> Span:
        """The whole lines (without the last line break) that [start, end) touches."""
        text = self.text
        a = text.rfind("\n", 0, start) + 1
        b = text.find("\n", max(end - 1, start))
        return a, len(text) if b < 0 else b

    def sentence(self, start: int, end: int) -> Span | None:
        """The sentence holding [start, end) (all sentences it touches, joined); None when it
        touches none (whitespace)."""
        stop = max(end, start + 1)
        lines = self._lines(start, end)
        sentences = self._sentences.get(lines)
        if sentences is None:
            a, b = lines
            sentences = [(a + s, a + e) for s, e in sentence_spans(self.text[a:b])]
            self._sentences[lines] = sentences
        touched = [(s, e) for s, e in sentences if s < stop and start < e]
        if not touched:
            return None
        return touched[0][0], touched[-1][1]
