"""Code co-occurrence: which codes are found together, as a symmetric matrix.

Two ways of being together:

- ``mode="unit"``: both codes have a passage overlapping the same unit of analysis
  (paragraph by default). A pair counts units; the diagonal is the number of units
  carrying the code.
- ``mode="overlap"``: a passage of one code shares at least one character with a passage
  of the other, in the same document. A pair counts such pairs of passages; the diagonal
  is the number of passages of the code.

With ``rollup=True`` a passage also stands for every ancestor of its code (so a parent
co-occurs with what its sub-codes co-occur with); a pair of passages, or a unit, still
counts once per pair of codes. Without it, codes count only their own passages.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

import numpy as np

from annotator.analysis import table_data
from annotator.analysis.code_index import CodeTree
from annotator.analysis.filters import Filters, resolve
from annotator.analysis.presence import ancestry, column_lookup, presence, rolled_up, together
from annotator.analysis.table_data import CODE, DOC, END, START
from annotator.analysis.unit_index import DEFAULT_CACHE, UnitCache, incidence
from annotator.errors import InvalidOperation
from annotator.records import CodeInfo

if TYPE_CHECKING:
    from annotator.project import Project

Mode = Literal["unit", "overlap"]
MODES: tuple[Mode, ...] = ("unit", "overlap")
#: Overlapping passage pairs are expanded this many at a time (bounds memory).
_PAIR_BLOCK = 4_000_000


@dataclass(frozen=True)
class CooccurrenceTable:
    codes: list[CodeInfo]  # tree order
    mode: Mode
    unit_kind: str | None  # for mode "unit"
    rollup: bool
    counts: np.ndarray = field(repr=False)  # codes × codes, symmetric, int64
    _index: dict[int, int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_index", {c.id: i for i, c in enumerate(self.codes)})

    def count(self, a: int, b: int) -> int:
        return int(self.counts[self._index[a], self._index[b]])

    def matrix(self) -> list[list[int]]:
        """Rows and columns in ``codes`` order; symmetric."""
        return self.counts.tolist()

    def pairs(self, minimum: int = 1) -> list[tuple[CodeInfo, CodeInfo, int]]:
        """Pairs of different codes found together at least ``minimum`` times, most first
        (ties in tree order)."""
        upper = np.triu(self.counts, k=1)
        found = [
            (self.codes[i], self.codes[j], int(upper[i, j]))
            for i, j in zip(*np.nonzero(upper >= max(1, minimum)), strict=True)
        ]
        return sorted(found, key=lambda t: -t[2])


def cooccurrence(
    project: Project,
    *,
    mode: Mode = "unit",
    unit: str = "paragraph",
    rollup: bool = False,
    filters: Filters | None = None,
    cache: UnitCache | None = None,
) -> CooccurrenceTable:
    """Co-occurrence of every code in scope (see the module notes)."""
    if mode not in MODES:
        raise InvalidOperation(f"unknown co-occurrence mode {mode!r}; use unit or overlap")
    scope = resolve(project, filters)
    codes = scope.codes()
    ids = [c.id for c in codes]
    with project.session_scope() as s:
        spans = table_data.passage_array(
            s, document_ids=scope.document_ids, coder_ids=scope.coder_ids,
            code_ids=scope.code_ids,
        )
        if mode == "unit":
            documents = np.unique(spans[:, DOC]).tolist()
            units = (cache or DEFAULT_CACHE).units(s, documents, unit)
    if mode == "unit":
        carried = presence(incidence(spans, units), spans, ids)
        if rollup:
            carried = rolled_up(carried, scope.tree, ids)
        counts = together(carried, carried)
    else:
        counts = _overlaps(spans, ids, scope.tree, rollup)
    return CooccurrenceTable(codes, mode, unit if mode == "unit" else None, rollup, counts)


def _overlaps(spans: np.ndarray, ids: Sequence[int], tree: CodeTree, rollup: bool) -> np.ndarray:
    """Pairs of overlapping passages per pair of codes (see the module notes)."""
    n = len(ids)
    if not n:
        return np.zeros((0, 0), dtype=np.int64)
    column = column_lookup(ids, spans)[spans[:, CODE]] if len(spans) else np.zeros(0, np.int64)
    keep = column >= 0
    spans, column = spans[keep], column[keep]
    # Documents end to end on one line; passages are sorted by (document, start), so the
    # passages overlapping passage i from the right are i+1 … last[i]-1.
    _, rank = np.unique(spans[:, DOC], return_inverse=True)
    offset = rank.astype(np.int64) << 32
    starts, ends = spans[:, START] + offset, spans[:, END] + offset
    last = np.searchsorted(starts, ends, side="left")
    later = np.maximum(last - np.arange(len(spans)) - 1, 0)
    combos = np.zeros(n * n, dtype=np.int64)  # (code of i, code of j) → passage pairs
    first = 0
    while first < len(spans):
        # A block of passages whose pairs fit in _PAIR_BLOCK (at least one passage).
        fits = np.searchsorted(np.cumsum(later[first:]), _PAIR_BLOCK, side="right")
        block_end = first + max(1, int(fits))
        rows = np.arange(first, block_end)
        k = later[rows]
        left = np.repeat(rows, k)
        right = left + 1 + (np.arange(int(k.sum())) - np.repeat(np.cumsum(k) - k, k))
        combos += np.bincount(column[left] * n + column[right], minlength=n * n)
        first = block_end
    combos = combos.reshape(n, n)
    own = np.bincount(column, minlength=n).astype(np.int64)
    if not rollup:
        counts = combos + combos.T
        np.fill_diagonal(counts, own)  # same-code pairs (two coders on one span) left out
        return counts
    # A pair of passages counts once for every unordered pair of different codes drawn
    # from their two chains; that set depends only on the two codes, so work per combo.
    chains = ancestry(tree, ids) > 0
    counts = np.zeros((n, n), dtype=np.int64)
    for a, b in zip(*np.nonzero(combos), strict=True):
        pairs = {
            (min(p, q), max(p, q))
            for p in np.flatnonzero(chains[a])
            for q in np.flatnonzero(chains[b])
            if p != q
        }
        for p, q in pairs:
            counts[p, q] += combos[a, b]
            counts[q, p] += combos[a, b]
    np.fill_diagonal(counts, np.rint(own.astype(np.float64) @ ancestry(tree, ids)).astype(np.int64))
    return counts
