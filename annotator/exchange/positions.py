"""Selection positions: which way a source counts them, and where they land in our text.

REFI-QDA §10.2 counts Unicode code points from 0, end exclusive. Real exports differ: NVivo
for Windows counts UTF-16 code units with CRLF as two, ATLAS.ti counts CRLF as one. A
source's convention is detected by which reading puts selections on the text their ``name``
quotes (ATLAS.ti and our own exports put the selected text there, cut with "…").

annotator stores documents normalised (``annotator.importing.normalise``), so positions in a
raw source are then mapped onto the normalised text with ``offset_map``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from enum import StrEnum

from annotator.importing.normalise import normalise_text

_BREAKS = frozenset("\r\n\x0b\x0c\x85\u2028\u2029")
_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")  # two UTF-16 units each
_ELLIPSES = ("…", "...")
_BLOCK = 64


class Reading(StrEnum):
    """How a source counts positions."""

    CODE_POINTS = "code points"  # the spec
    CODE_POINTS_CRLF_ONE = "code points, CRLF as one"  # ATLAS.ti
    UTF16 = "UTF-16 units"  # NVivo for Windows
    UTF16_CRLF_ONE = "UTF-16 units, CRLF as one"


def _needs(reading: Reading, raw: str) -> tuple[bool, bool]:
    utf16 = reading in (Reading.UTF16, Reading.UTF16_CRLF_ONE)
    crlf_one = reading in (Reading.CODE_POINTS_CRLF_ONE, Reading.UTF16_CRLF_ONE)
    return utf16 and _ASTRAL.search(raw) is not None, crlf_one and "\r\n" in raw


class Converter:
    """Turns positions of one reading into code-point offsets of the raw text."""

    def __init__(self, raw: str, reading: Reading) -> None:
        self.reading = reading
        astral, crlf = _needs(reading, raw)
        self._units: list[int] | None = None
        if astral or crlf:
            # units[i]: how many units come before raw[i]; non-decreasing, so bisect finds
            # the code point where a unit position falls.
            # With CRLF as one, the "\r" takes no unit, so a position after the line break
            # lands on the next line's first character rather than on the "\n".
            units, n, last = [], 0, len(raw) - 1
            for i, ch in enumerate(raw):
                units.append(n)
                if not (crlf and ch == "\r" and i < last and raw[i + 1] == "\n"):
                    n += 2 if astral and ord(ch) > 0xFFFF else 1
            units.append(n)
            self._units = units
        self.length = len(raw) if self._units is None else self._units[-1]

    def to_raw(self, position: int) -> int:
        if self._units is None:
            return position
        if position >= self._units[-1]:
            return len(self._units) - 1 + (position - self._units[-1])
        return bisect_left(self._units, position)


def _edges(text: str) -> tuple[bool, bool]:
    return text[:1].isspace(), text[-1:].isspace()


def _squash(text: str) -> str:
    return " ".join(text.split())


def quotes(name: str, selected: str) -> bool:
    """True when a selection's ``name`` quotes ``selected`` (whole, or cut with "…")."""
    want = _squash(name)
    if not want:
        return False
    got = _squash(selected)
    if got == want:
        return True
    for ellipsis in _ELLIPSES:
        if want.endswith(ellipsis):
            head = want[: -len(ellipsis)].rstrip()
            return len(head) >= 4 and got.startswith(head)
    return False


def detect_reading(
    raw: str, selections: Sequence[tuple[int, int, str]]
) -> tuple[Reading, int]:
    """The reading under which most ``(start, end, name)`` selections quote their name.

    Returns the reading and how many selections confirmed it (0: no evidence, the spec's
    reading is assumed). Texts without CRLF or characters beyond U+FFFF read the same
    every way and are not examined.
    """
    readings = [Reading.CODE_POINTS]
    if "\r\n" in raw:
        readings.append(Reading.CODE_POINTS_CRLF_ONE)
    if _ASTRAL.search(raw) is not None:
        readings.append(Reading.UTF16)
        if "\r\n" in raw:
            readings.append(Reading.UTF16_CRLF_ONE)
    named = [(s, e, n) for s, e, n in selections if n and 0 <= s < e]
    if len(readings) == 1 or not named:
        return Reading.CODE_POINTS, 0
    best, best_score = Reading.CODE_POINTS, (0, 0, 0)
    for reading in readings:  # the spec first: it wins ties
        conv = Converter(raw, reading)
        hits = tight = inside = 0
        for start, end, name in named:
            if end <= conv.length:
                inside += 1
                selected = raw[conv.to_raw(start) : conv.to_raw(end)]
                if quotes(name, selected):
                    hits += 1
                    # Names are compared with spaces squashed, so a reading one off at a
                    # line break also matches; edges that agree with the name break the tie.
                    tight += _edges(name) == _edges(selected)
        if (hits + tight, hits, inside) > best_score:
            best, best_score = reading, (hits + tight, hits, inside)
    return best, best_score[1]


def offset_map(raw: str) -> tuple[str, list[int] | None]:
    """The normalised text of ``raw`` and a map from raw code-point offsets to offsets in
    it (``None`` when the text is unchanged and offsets stay as they are).

    Normalisation only drops characters and turns line breaks into "\\n", so the normalised
    text is a subsequence of ``raw`` (with that substitution); matching it greedily from the
    left finds where each kept character came from. ``map[i]`` is the number of kept
    characters before ``raw[i]``, so a span [s, e) becomes [map[s], map[e]).
    """
    text = normalise_text(raw)
    if text == raw:
        return text, None
    mapping = [0] * (len(raw) + 1)
    i = j = 0
    n, m = len(raw), len(text)
    while i < n:
        # Long unchanged stretches are compared a block at a time.
        if j + _BLOCK <= m and i + _BLOCK <= n and raw[i : i + _BLOCK] == text[j : j + _BLOCK]:
            for k in range(_BLOCK):
                mapping[i + k] = j + k
            i += _BLOCK
            j += _BLOCK
            continue
        mapping[i] = j
        ch = raw[i]
        if j < m and (ch == text[j] or (text[j] == "\n" and ch in _BREAKS)):
            j += 1
        i += 1
    mapping[n] = j
    if j != m:  # normalise_text did something other than drop or substitute: be loud
        raise AssertionError("normalised text is not a subsequence of the raw text")
    return text, mapping
