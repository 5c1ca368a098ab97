"""Units of analysis for agreement, and which units a passage falls in.

Rule: a code is *present in a unit* for a coder when any of that coder's passages of that code
overlaps the unit by at least one character ([start, end) spans intersect). A passage that
covers only the blank lines between units is in no unit (it still counts at character level).

The units themselves come from :mod:`annotator.analysis.unit_index` (the same function and
cache the tables use), so agreement numbers units exactly as the tables do.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from annotator.analysis.unit_index import DocumentUnits
from annotator.analysis.unit_index import compute_units as document_units
from annotator.chinese.units import UNIT_KINDS, Unit

__all__ = ["UNIT_KINDS", "UnitIndex", "document_units"]


class UnitIndex:
    """The units of one document with fast "which units does [start, end) touch"."""

    __slots__ = ("units", "_starts", "_ends")

    def __init__(self, units: Sequence[Unit]) -> None:
        self.units = list(units)
        self._starts = [u.start for u in self.units]
        self._ends = [u.end for u in self.units]

    @classmethod
    def of(cls, units: DocumentUnits, kind: str) -> UnitIndex:
        """The index over one document's cached units."""
        return cls(units.as_units(kind))

    def __len__(self) -> int:
        return len(self.units)

    def overlapping(self, start: int, end: int) -> range:
        """Indexes of the units sharing at least one character with [start, end)."""
        # First unit ending after start .. last unit starting before end.
        first = bisect_right(self._ends, start)
        last = bisect_right(self._starts, end - 1)
        return range(first, max(first, last))
