"""Character sets as sorted, merged [start, end) spans: the coded characters of one code by
one coder in one document. Counting with spans instead of per-character arrays keeps the
character-level comparison linear in the number of passages, whatever the text length."""

from __future__ import annotations

from collections.abc import Iterable

Spans = list[tuple[int, int]]


def merge_spans(spans: Iterable[tuple[int, int]], *, ordered: bool = False) -> Spans:
    """Sorted, non-overlapping spans covering the same characters (touching spans join).
    ``ordered``: the spans already come sorted by start."""
    merged: Spans = []
    for start, end in (spans if ordered else sorted(spans)):
        if end <= start:
            continue
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def covered(spans: Spans) -> int:
    """Characters covered by merged ``spans``."""
    return sum(end - start for start, end in spans)


def shared(a: Spans, b: Spans) -> int:
    """Characters covered by both merged span lists."""
    i = j = total = 0
    while i < len(a) and j < len(b):
        start = max(a[i][0], b[j][0])
        end = min(a[i][1], b[j][1])
        if end > start:
            total += end - start
        if a[i][1] <= b[j][1]:
            i += 1
        else:
            j += 1
    return total
