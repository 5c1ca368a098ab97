"""Leftmost-longest matching of a fixed set of terms in raw text.

jieba only joins letters, digits and CJK up to U+9FD5 into words, so a term such as “三权”改革 or
科技成果转化（三权） can never come out of jieba whole. Such terms are found here first and jieba
runs on the gaps between them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator


class TermMatcher:
    """Finds non-overlapping occurrences of ``terms``; at each position the longest term wins."""

    def __init__(self, terms: Iterable[str]) -> None:
        ordered = sorted({t for t in terms if t}, key=lambda t: (-len(t), t))
        # An alternation tries its branches in order, so longest-first gives the longest match
        # at the leftmost position; re scans for the branches' first characters quickly.
        self._pattern = re.compile("|".join(map(re.escape, ordered))) if ordered else None

    def __bool__(self) -> bool:
        return self._pattern is not None

    def find(self, text: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each match, left to right, in code points."""
        if self._pattern is not None:
            for m in self._pattern.finditer(text):
                yield m.start(), m.end()

    def pieces(self, text: str) -> Iterator[tuple[bool, int, int]]:
        """The text cut into (is_term, start, end) pieces that tile it."""
        pos = 0
        for start, end in self.find(text):
            if start > pos:
                yield False, pos, start
            yield True, start, end
            pos = end
        if pos < len(text):
            yield False, pos, len(text)
