"""The geometry of one document's highlights, in code points and without Qt.

Passages may nest and overlap. For any range of the text the layer cuts out elementary
segments where the set of passages changes, each listing its passages innermost (shortest)
first. Only the visible range is ever cut, so a refresh costs a sort, however long the article.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from annotator.records import PassageInfo


@dataclass(frozen=True, slots=True)
class Segment:
    start: int  # code points, [start, end)
    end: int
    passages: tuple[PassageInfo, ...]  # innermost first


def _rank(p: PassageInfo) -> tuple[int, int]:
    # Shortest on top; of equal length the newer passage (higher id) wins.
    return p.end - p.start, -p.id


class Layer:
    """A document's passages sorted by start (longest first at equal starts)."""

    def __init__(self, passages: Iterable[PassageInfo] = ()) -> None:
        self.passages: list[PassageInfo] = sorted(passages, key=lambda p: (p.start, -p.end, p.id))
        self._starts = [p.start for p in self.passages]

    def __len__(self) -> int:
        return len(self.passages)

    def filtered(self, coder_ids: set[int] | None) -> Layer:
        if coder_ids is None:
            return self
        return Layer(p for p in self.passages if p.coder_id in coder_ids)

    def find(self, passage_id: int) -> PassageInfo | None:
        return next((p for p in self.passages if p.id == passage_id), None)

    def between(self, start: int, end: int) -> list[PassageInfo]:
        """The passages that intersect [start, end), by start."""
        # Sorted by start: nothing from the first passage starting at or past ``end``.
        stop = bisect_left(self._starts, end)
        return [p for p in self.passages[:stop] if p.end > start]

    def passages_at(self, offset: int) -> list[PassageInfo]:
        """Passages covering the character at ``offset``, innermost first."""
        return sorted(self.between(offset, offset + 1), key=_rank)

    def segments(self, start: int, end: int) -> list[Segment]:
        """Elementary segments of [start, end), clipped to it."""
        return _cut(self.between(start, end), start, end)


def _cut(passages: Sequence[PassageInfo], lo: int, hi: int) -> list[Segment]:
    """One sweep over the boundaries. Most segments hold one passage; only overlaps sort."""
    if not passages:
        return []
    starts = [max(p.start, lo) for p in passages]  # still sorted
    ends = [min(p.end, hi) for p in passages]
    bounds = sorted(set(starts).union(ends))
    segments: list[Segment] = []
    active: list[PassageInfo] = []
    nxt, count = 0, len(passages)
    for k in range(len(bounds) - 1):
        here = bounds[k]
        if active:
            active = [p for p in active if p.end > here]  # here < hi, so clipping can wait
        while nxt < count and starts[nxt] == here:
            active.append(passages[nxt])
            nxt += 1
        if len(active) == 1:
            segments.append(Segment(here, bounds[k + 1], (active[0],)))
        elif active:
            segments.append(Segment(here, bounds[k + 1], tuple(sorted(active, key=_rank))))
    return segments
