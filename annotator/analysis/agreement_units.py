"""Units of analysis for agreement.

Rule: a code is *present in a unit* for a coder when any of that coder's passages of that code
overlaps the unit by at least one character ([start, end) spans intersect). A passage that
covers only the blank lines between units is in no unit (it still counts at character level).

The units themselves come from :mod:`annotator.analysis.unit_index` (the same function and
cache the tables use), so agreement numbers units exactly as the tables do, and passages are
mapped onto them by the same :func:`~annotator.analysis.unit_index.incidence`.
"""

from __future__ import annotations

from annotator.analysis.unit_index import compute_units as document_units
from annotator.chinese.units import UNIT_KINDS

__all__ = ["UNIT_KINDS", "document_units"]
