"""The one place where Qt's UTF-16 positions and the core's code-point offsets meet.

Qt counts a character outside the Basic Multilingual Plane (𠮷) as two positions; Python
strings, the database and every export count it as one.
"""

from __future__ import annotations

from bisect import bisect_left


class OffsetMap:
    """Converts between code-point offsets and UTF-16 positions for one text."""

    def __init__(self, text: str) -> None:
        # Code-point indices of astral characters; a BMP-only text needs no table at all
        # (max() finds that out at C speed, without a Python loop over the whole text).
        self._astral = ([i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
                        if text and max(text) > "\uffff" else [])
        # Their UTF-16 positions (each earlier astral character shifts by one).
        self._astral_utf16 = [cp + n for n, cp in enumerate(self._astral)]
        self._length = len(text)

    def to_utf16(self, offset: int) -> int:
        """UTF-16 position of the code point at ``offset`` (0 ≤ offset ≤ len(text))."""
        return offset + bisect_left(self._astral, offset)

    def to_code_point(self, position: int) -> int:
        """Code-point offset of UTF-16 ``position``; a position inside a surrogate pair rounds
        down to the start of that character."""
        before = bisect_left(self._astral_utf16, position)
        # position == astral_utf16[k] + 1 means "between the two halves" of character k.
        if before and self._astral_utf16[before - 1] + 1 == position:
            return self._astral[before - 1]
        return position - before

    def span_to_utf16(self, start: int, end: int) -> tuple[int, int]:
        return self.to_utf16(start), self.to_utf16(end)

    def span_to_code_points(self, start: int, end: int) -> tuple[int, int]:
        """A UTF-16 selection as code points; a half-selected astral character is included."""
        cp_start = self.to_code_point(start)
        cp_end = self.to_code_point(end)
        if self.to_utf16(cp_end) < end:  # end fell inside a surrogate pair
            cp_end += 1
        return cp_start, min(cp_end, self._length)
