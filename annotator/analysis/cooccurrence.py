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
counts once per pair of codes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import groupby
from typing import TYPE_CHECKING, Literal

from annotator.analysis import table_data
from annotator.analysis.filters import Filters, resolve
from annotator.analysis.unit_index import DEFAULT_CACHE, UnitCache
from annotator.errors import InvalidOperation
from annotator.records import CodeInfo

if TYPE_CHECKING:
    from annotator.project import Project

Mode = Literal["unit", "overlap"]
MODES: tuple[Mode, ...] = ("unit", "overlap")


@dataclass(frozen=True)
class CooccurrenceTable:
    codes: list[CodeInfo]  # tree order
    mode: Mode
    unit_kind: str | None  # for mode "unit"
    rollup: bool
    counts: Counter[tuple[int, int]]  # (a, b) with a <= b

    def count(self, a: int, b: int) -> int:
        return self.counts[(a, b) if a <= b else (b, a)]

    def matrix(self) -> list[list[int]]:
        """Rows and columns in ``codes`` order; symmetric."""
        ids = [c.id for c in self.codes]
        return [[self.count(a, b) for b in ids] for a in ids]

    def pairs(self, minimum: int = 1) -> list[tuple[CodeInfo, CodeInfo, int]]:
        """Pairs of different codes found together at least ``minimum`` times, most first."""
        by_id = {c.id: c for c in self.codes}
        found = [
            (by_id[a], by_id[b], n)
            for (a, b), n in self.counts.items()
            if a != b and n >= minimum and a in by_id and b in by_id
        ]
        order = {c.id: i for i, c in enumerate(self.codes)}
        return sorted(found, key=lambda t: (-t[2], order[t[0].id], order[t[1].id]))


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
    in_scope = frozenset(c.id for c in codes)
    tree = scope.tree
    chain = {
        c: (tuple(a for a in tree.chain(c) if a in in_scope) if rollup else (c,))
        for c in in_scope
    }
    counts: Counter[tuple[int, int]] = Counter()
    with project.session_scope() as s:
        spans = table_data.passage_spans(
            s, document_ids=scope.document_ids, coder_ids=scope.coder_ids,
            code_ids=scope.code_ids,
        )
        if mode == "unit":
            by_document = {d: list(g) for d, g in groupby(spans, key=lambda p: p.document_id)}
            units = (cache or DEFAULT_CACHE).units(s, list(by_document), unit)
    if mode == "unit":
        for doc, doc_spans in by_document.items():
            _count_units(counts, doc_spans, units[doc], chain)
    else:
        for _, doc_spans in groupby(spans, key=lambda p: p.document_id):
            _count_overlaps(counts, doc_spans, chain)
    return CooccurrenceTable(codes, mode, unit if mode == "unit" else None, rollup, counts)


def _count_units(counts, spans, doc_units, chain) -> None:
    at: dict[int, set[int]] = {}
    for span in spans:
        codes = chain.get(span.code_id)
        if codes is None:
            continue
        for i in doc_units.overlapping(span.start, span.end):
            at.setdefault(i, set()).update(codes)
    memo: dict[frozenset[int], list[tuple[int, int]]] = {}
    for present in at.values():
        key = frozenset(present)
        pairs = memo.get(key)
        if pairs is None:
            ordered = sorted(key)
            pairs = memo[key] = [
                (a, b) for i, a in enumerate(ordered) for b in ordered[i:]
            ]
        counts.update(pairs)


def _count_overlaps(counts, spans: Iterable[table_data.Span], chain) -> None:
    """Sweep over the passages by start, keeping those still open."""
    open_spans: list[table_data.Span] = []
    for span in spans:  # sorted by start
        codes = chain.get(span.code_id)
        if codes is None:
            continue
        counts.update((c, c) for c in codes)
        open_spans = [o for o in open_spans if o.end > span.start]
        for other in open_spans:
            pairs = {
                (a, b) if a <= b else (b, a)
                for a in codes
                for b in chain[other.code_id]
                if a != b
            }
            counts.update(pairs)
        open_spans.append(span)
