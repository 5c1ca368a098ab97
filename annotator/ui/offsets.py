"""The one place where Qt's QTextDocument positions and the core's code-point offsets meet.

Three things make them differ. Qt counts a character outside the Basic Multilingual Plane (𠮷)
as two positions (UTF-16); Python strings, the database and every export count it as one.
And ``QTextDocument.setPlainText`` turns a ``\\r\\n`` pair into one block separator, one
position, where the text has two characters (a lone ``\\r``, ``\\n``, U+2029 and U+2028 each
stay one position); it also drops a byte-order mark (U+FEFF) that starts the text. Imported
texts have neither (annotator.importing.normalise), but the view must agree with Qt for any
text it is given.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

_CRLF = re.compile("\r\n")


class OffsetMap:
    """Converts between code-point offsets and QTextDocument positions for one text."""

    def __init__(self, text: str) -> None:
        # Code-point indices of astral characters; a BMP-only text needs no table at all
        # (max() finds that out at C speed, without a Python loop over the whole text).
        self._astral = ([i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
                        if text and max(text) > "\uffff" else [])
        # Indices of the "\n" of each "\r\n": Qt has one position for the pair.
        self._crlf = [m.end() - 1 for m in _CRLF.finditer(text)] if "\r\n" in text else []
        self._length = len(text)
        self._bom = text.startswith("\ufeff")  # not in the QTextDocument at all
        self._identity = not self._astral and not self._crlf and not self._bom

    def to_utf16(self, offset: int) -> int:
        """Qt position of the code point at ``offset`` (0 ≤ offset ≤ len(text)). An offset
        between the ``\\r`` and ``\\n`` of a pair is the pair's (separator's) position."""
        if self._identity:
            return offset
        return (offset + bisect_left(self._astral, offset) - bisect_right(self._crlf, offset)
                - (self._bom and offset > 0))

    def to_code_point(self, position: int) -> int:
        """Code-point offset of Qt ``position``; a position inside a surrogate pair rounds
        down to the start of that character, a ``\\r\\n`` separator is its ``\\r``."""
        if self._identity:
            return position
        # The first offset at or past the position (to_utf16 never decreases) …
        offset = bisect_left(range(self._length + 1), position, key=self.to_utf16)
        if offset > self._length:
            return self._length
        if self._bom and offset == 0:
            return min(1, self._length)  # the first character Qt shows
        # … is one too far when the position is the second half of an astral character.
        if self.to_utf16(offset) > position and offset > 0:
            return offset - 1
        return offset

    def span_to_utf16(self, start: int, end: int) -> tuple[int, int]:
        return self.to_utf16(start), self.to_utf16(end)

    def span_to_code_points(self, start: int, end: int) -> tuple[int, int]:
        """A Qt selection as code points; a half-selected astral character is included."""
        cp_start = self.to_code_point(start)
        cp_end = self.to_code_point(end)
        if self.to_utf16(cp_end) < end:  # end fell inside a surrogate pair
            cp_end += 1
        return cp_start, min(cp_end, self._length)
