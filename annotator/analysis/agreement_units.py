"""Units of analysis for agreement, and which units a passage falls in.

Rule: a code is *present in a unit* for a coder when any of that coder's passages of that code
overlaps the unit by at least one character ([start, end) spans intersect). A passage that
covers only the blank lines between units is in no unit (it still counts at character level).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from annotator.chinese import units as units_module
from annotator.chinese.units import Unit

UNIT_KINDS = ("paragraph", "sentence")


def document_units(number: int, text: str, kind: str) -> list[Unit]:
    """The units of one document, sorted by start and not overlapping: the one place that
    picks the unit source, so agreement uses the units (and numbers) the tables use."""
    if kind not in UNIT_KINDS:
        raise ValueError(f"unknown unit kind {kind!r}; use one of {', '.join(UNIT_KINDS)}")
    return units_module.document_units(number, text, kind)


class UnitIndex:
    """The units of one document with fast "which units does [start, end) touch"."""

    __slots__ = ("units", "_starts", "_ends")

    def __init__(self, units: Sequence[Unit]) -> None:
        self.units = list(units)
        self._starts = [u.start for u in self.units]
        self._ends = [u.end for u in self.units]

    def __len__(self) -> int:
        return len(self.units)

    def overlapping(self, start: int, end: int) -> range:
        """Indexes of the units sharing at least one character with [start, end)."""
        # First unit ending after start .. last unit starting before end.
        first = bisect_right(self._ends, start)
        last = bisect_right(self._starts, end - 1)
        return range(first, max(first, last))
