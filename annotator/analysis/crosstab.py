"""The X×Y table: units of analysis coded on two dimensions of the codebook at once.

X and Y are branches of the codebook (one or more codes each, e.g. the three instrument
types × the reform areas). Rows are every code of X's subtrees in tree order, columns every
code of Y's; parent rows and columns are rolled up (a unit carries a parent when it carries
the parent or any descendant). A unit falls in cell (x, y) when passages of both overlap it
by at least one character, whichever selected coder made them; each unit counts once per
cell. The cell also lists the unit numbers (e.g. 1-3-1, 2-2-1) in text order.

Totals count *distinct units*: the row total of x is the number of units carrying x and any
Y code, the column total of y the units carrying y and any X code, the grand total the units
carrying some X code and some Y code. A unit coded with two X codes appears in two rows, so
shares of the total can add up to more than 1 over a column or the whole table.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import groupby
from typing import TYPE_CHECKING, Literal

from annotator.analysis import table_data
from annotator.analysis.code_index import CodeTree
from annotator.analysis.filters import Filters, resolve
from annotator.analysis.unit_index import DEFAULT_CACHE, DocumentUnits, UnitCache
from annotator.errors import InvalidOperation
from annotator.records import CodeInfo

if TYPE_CHECKING:
    from annotator.project import Project

ShareOf = Literal["total", "row", "column"]
Level = Literal["all", "leaves", "top"]


@dataclass(frozen=True)
class XYTable:
    rows: list[CodeInfo]  # X codes, tree order
    columns: list[CodeInfo]  # Y codes, tree order
    x_roots: tuple[int, ...]
    y_roots: tuple[int, ...]
    unit_kind: str
    cells: dict[tuple[int, int], list[str]]  # unit numbers in text order
    row_totals: Counter[int] = field(default_factory=Counter)
    column_totals: Counter[int] = field(default_factory=Counter)
    total: int = 0

    def count(self, x: int, y: int) -> int:
        return len(self.cells.get((x, y), ()))

    def units(self, x: int, y: int) -> list[str]:
        return list(self.cells.get((x, y), ()))

    def row_total(self, x: int) -> int:
        return self.row_totals[x]

    def column_total(self, y: int) -> int:
        return self.column_totals[y]

    def share(self, x: int, y: int, *, of: ShareOf = "total") -> float:
        """The cell's units ÷ the grand total, the row total or the column total."""
        whole = {"total": self.total, "row": self.row_total(x), "column": self.column_total(y)}
        if of not in whole:
            raise ValueError(f"share of {of!r}: use total, row or column")
        return self.count(x, y) / whole[of] if whole[of] else 0.0

    def row_codes(self, level: Level = "all") -> list[CodeInfo]:
        return _level(self.rows, self.x_roots, level)

    def column_codes(self, level: Level = "all") -> list[CodeInfo]:
        return _level(self.columns, self.y_roots, level)


def _level(codes: list[CodeInfo], roots: tuple[int, ...], level: Level) -> list[CodeInfo]:
    """"all" codes; the "leaves"; or the "top": the roots, or a lone root's children."""
    if level == "all":
        return list(codes)
    ids = {c.id for c in codes}
    if level == "leaves":
        parents = {c.parent_id for c in codes if c.parent_id in ids}
        return [c for c in codes if c.id not in parents]
    if level == "top":
        wanted = set(roots)
        if len(roots) == 1:
            children = {c.id for c in codes if c.parent_id == roots[0]}
            wanted = children or wanted
        return [c for c in codes if c.id in wanted]
    raise ValueError(f"level {level!r}: use all, leaves or top")


def xy_table(
    project: Project,
    x_roots: Sequence[int],
    y_roots: Sequence[int],
    *,
    unit: str = "paragraph",
    filters: Filters | None = None,
    cache: UnitCache | None = None,
) -> XYTable:
    """The X×Y table of the branches ``x_roots`` × ``y_roots`` (see the module notes)."""
    scope = resolve(project, filters)
    tree = scope.tree
    for root in (*x_roots, *y_roots):
        if root not in tree.by_id:
            raise InvalidOperation(f"no code with id {root}")
    x_ids = scope.restrict_codes(tree.subtrees(x_roots))
    y_ids = scope.restrict_codes(tree.subtrees(y_roots))
    rows = [tree.by_id[c] for c in tree.subtrees(x_roots) if c in x_ids]
    columns = [tree.by_id[c] for c in tree.subtrees(y_roots) if c in y_ids]
    if not x_ids or not y_ids:
        return XYTable(rows, columns, tuple(x_roots), tuple(y_roots), unit, {})
    with project.session_scope() as s:
        spans = table_data.passage_spans(
            s, document_ids=scope.document_ids, coder_ids=scope.coder_ids,
            code_ids=x_ids | y_ids,
        )
        by_document = {
            doc: list(group) for doc, group in groupby(spans, key=lambda p: p.document_id)
        }
        wanted = [
            doc for doc, group in by_document.items()
            if any(p.code_id in x_ids for p in group) and any(p.code_id in y_ids for p in group)
        ]
        units = (cache or DEFAULT_CACHE).units(s, wanted, unit)
    cells, row_totals, column_totals, total = _fill(
        tree, x_ids, y_ids, by_document, units, wanted
    )
    return XYTable(
        rows, columns, tuple(x_roots), tuple(y_roots), unit, cells, row_totals, column_totals,
        total,
    )


def _fill(
    tree: CodeTree,
    x_ids: frozenset[int],
    y_ids: frozenset[int],
    by_document: dict[int, list[table_data.Span]],
    units: dict[int, DocumentUnits],
    wanted: list[int],
) -> tuple[dict[tuple[int, int], list[str]], Counter[int], Counter[int], int]:
    x_up = _Rollup(tree, x_ids)
    y_up = _Rollup(tree, y_ids)
    cells: dict[tuple[int, int], list[str]] = {}
    rows: Counter[int] = Counter()
    columns: Counter[int] = Counter()
    total = 0
    # Documents in number order and units in text order, so every list comes out sorted.
    for doc in sorted(wanted, key=lambda d: units[d].number):
        doc_units = units[doc]
        x_at: dict[int, set[int]] = {}
        y_at: dict[int, set[int]] = {}
        for span in by_document[doc]:
            hit = doc_units.overlapping(span.start, span.end)
            if span.code_id in x_ids:
                for i in hit:
                    x_at.setdefault(i, set()).add(span.code_id)
            if span.code_id in y_ids:
                for i in hit:
                    y_at.setdefault(i, set()).add(span.code_id)
        for i in sorted(x_at.keys() & y_at.keys()):
            xs, ys = x_up(x_at[i]), y_up(y_at[i])
            number = doc_units.numbers[i]
            total += 1
            rows.update(xs)
            columns.update(ys)
            for x in xs:
                for y in ys:
                    key = (x, y)
                    found = cells.get(key)
                    if found is None:
                        cells[key] = [number]
                    else:
                        found.append(number)
    return cells, rows, columns, total


class _Rollup:
    """A set of codes with all their ancestors inside the branch, memoised per set."""

    def __init__(self, tree: CodeTree, inside: Iterable[int]) -> None:
        inside = frozenset(inside)
        self._chain = {c: tuple(a for a in tree.chain(c) if a in inside) for c in inside}
        self._memo: dict[frozenset[int], frozenset[int]] = {}

    def __call__(self, codes: set[int]) -> frozenset[int]:
        key = frozenset(codes)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = frozenset(a for c in key for a in self._chain[c])
        return found
