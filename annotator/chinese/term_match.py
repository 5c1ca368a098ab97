"""Where terms sit in raw text, and which one wins where two of them overlap.

jieba only joins letters, digits and CJK up to U+9FD5 into words, so a term such as “三权”改革 or
科技成果转化（三权） can never come out of jieba whole: such *protected* terms are always cut out
of the text here first, and jieba runs on the gaps between them.

Overlaps. Two terms can share characters: 产学研合作 (a listed term) and 合作平台 (a code keyword)
in 产学研合作平台. jieba's dictionary search weighs words by frequency, and with both terms at the
same high frequency it takes whichever split scores higher (here 产学研 / 合作平台). The rule here
is simpler and predictable: **the longer term wins**. Wherever an occurrence of a term crosses a
strictly shorter one, the longer occurrence is cut out whole, like a protected term, and the
rest is left to jieba (平台). Terms of equal length that cross are left to jieba, and a term
inside a longer one (成果转化 in 科技成果转化) is no conflict: jieba already prefers the longer
word. Text with no crossing terms is segmented exactly as jieba alone would.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_END = ""  # trie key marking that a term ends at this node


def _trie_pattern(terms: Iterable[str]) -> str:
    """A regular expression matching the longest of ``terms`` at a position: a trie written
    as nested groups (one branch per next character, optional tails tried first), which re
    matches far faster than an alternation of thousands of terms."""
    root: dict = {}
    for term in terms:
        node = root
        for ch in term:
            node = node.setdefault(ch, {})
        node[_END] = True

    def walk(node: dict) -> str:
        ends = _END in node
        branches = [re.escape(ch) + walk(child) for ch, child in sorted(node.items())
                    if ch != _END]
        if not branches:
            return ""
        if len(branches) == 1 and not ends:
            return branches[0]
        body = "(?:" + "|".join(branches) + ")"
        return body + "?" if ends else body

    return walk(root)


class TermMatcher:
    """Finds terms in raw text and chooses the pieces to cut out whole (see the module
    docstring): every ``protected`` term, and any term that crosses a shorter one.
    ``protected`` terms are matched whether or not they are also in ``terms``."""

    def __init__(self, terms: Iterable[str], protected: Iterable[str] | None = None) -> None:
        every = {t for t in terms if t}
        self.protected = frozenset(every if protected is None else (t for t in protected if t))
        every |= self.protected
        self._longest = max(map(len, every), default=0)
        self._pattern = re.compile(_trie_pattern(every)) if every else None

    def __bool__(self) -> bool:
        return self._pattern is not None

    def occurrences(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of the longest term starting at each position where one starts, in
        code points, left to right; occurrences may overlap."""
        if self._pattern is None:
            return []
        # A search again from one past each start sees overlapping occurrences too; this is
        # ≈5× faster than a zero-width lookahead, which re cannot skip through quickly.
        search, found, pos = self._pattern.search, [], 0
        while (m := search(text, pos)) is not None:
            found.append((m.start(), m.end()))
            pos = m.start() + 1
        return found

    def find(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of the occurrences to cut out whole, left to right, not overlapping."""
        found = self.occurrences(text)
        if not found:
            return []
        candidates = [
            (a, b) for i, (a, b) in enumerate(found)
            if text[a:b] in self.protected or _crosses_shorter(found, i, self._longest)
        ]
        # The longer wins; between equals, the one further left.
        chosen: list[tuple[int, int]] = []
        for a, b in sorted(candidates, key=lambda span: (span[0] - span[1], span[0])):
            if all(b <= c or d <= a for c, d in chosen):
                chosen.append((a, b))
        return sorted(chosen)

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


def _crosses_shorter(found: list[tuple[int, int]], i: int, longest: int) -> bool:
    """Whether an occurrence in ``found`` (sorted by start, no term longer than ``longest``)
    shorter than ``found[i]`` crosses it: overlaps it without lying inside it."""
    a, b = found[i]
    length = b - a
    j = i - 1
    while j >= 0 and found[j][0] > a - longest:  # starting before a, ending inside
        c, d = found[j]
        if a < d < b and d - c < length:
            return True
        j -= 1
    j = i + 1
    while j < len(found) and found[j][0] < b:  # starting inside, ending after b
        c, d = found[j]
        if d > b and d - c < length:
            return True
        j += 1
    return False
