"""The X×Y table: units of analysis coded on two dimensions of the codebook at once.

X and Y are branches of the codebook (one or more codes each, e.g. the three instrument
types × the reform areas). Rows are every code of X's subtrees in tree order, columns every
code of Y's; parent rows and columns are rolled up (a unit carries a parent when it carries
the parent or any descendant). A unit falls in cell (x, y) when passages of both overlap it
by at least one character, whichever selected coder made them; each unit counts once per
cell. The cell also lists the unit numbers (e.g. 1-3-1, 2-2-1) in reading order.

Totals count *distinct units*: the row total of x is the number of units carrying x and any
Y code, the column total of y the units carrying y and any X code, the grand total the units
carrying some X code and some Y code. A unit coded with two X codes appears in two rows, so
shares of the total can add up to more than 1 over a column or the whole table.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

import numpy as np

from annotator.analysis import table_data
from annotator.analysis.filters import Filters, resolve
from annotator.analysis.presence import presence, rolled_up, together
from annotator.analysis.table_data import CODE, DOC
from annotator.analysis.unit_index import DEFAULT_CACHE, UnitCache, incidence
from annotator.errors import NotFoundError
from annotator.records import CodeInfo

if TYPE_CHECKING:
    from annotator.project import Project

ShareOf = Literal["total", "row", "column"]
Level = Literal["all", "leaves", "top"]


@dataclass(frozen=True)
class XYTable:
    """See the module notes. Unit lists are read from the unit × code matrices on demand."""

    rows: list[CodeInfo]  # X codes, tree order
    columns: list[CodeInfo]  # Y codes, tree order
    x_roots: tuple[int, ...]
    y_roots: tuple[int, ...]
    unit_kind: str
    x_units: np.ndarray = field(repr=False)  # units × rows, bool (rolled up)
    y_units: np.ndarray = field(repr=False)  # units × columns, bool (rolled up)
    numbers: np.ndarray = field(repr=False)  # unit numbers of those units (reading order)
    counts: np.ndarray = field(init=False, repr=False)  # rows × columns, int64
    _row: dict[int, int] = field(init=False, repr=False)
    _column: dict[int, int] = field(init=False, repr=False)
    _last_row: dict = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "counts", together(self.x_units, self.y_units))
        object.__setattr__(self, "_row", {c.id: i for i, c in enumerate(self.rows)})
        object.__setattr__(self, "_column", {c.id: i for i, c in enumerate(self.columns)})

    @property
    def total(self) -> int:
        """Units carrying some X code and some Y code."""
        return len(self.numbers)

    def count(self, x: int, y: int) -> int:
        return int(self.counts[self._row[x], self._column[y]])

    def units(self, x: int, y: int) -> list[str]:
        """The numbers of the units in cell (x, y), in reading order."""
        numbers, columns = self._row_units(x)
        return numbers[columns[self._column[y]]].tolist()

    def _row_units(self, x: int) -> tuple[np.ndarray, np.ndarray]:
        """The numbers of row x's units and their columns (columns × those units); kept
        for the last row asked, since tables are read row by row."""
        if self._last_row.get("x") != x:
            inside = np.flatnonzero(self.x_units[:, self._row[x]])
            columns = np.ascontiguousarray(self.y_units[inside].T)
            self._last_row.update(x=x, value=(self.numbers[inside], columns))
        return self._last_row["value"]

    def row_total(self, x: int) -> int:
        return int(self.x_units[:, self._row[x]].sum())

    def column_total(self, y: int) -> int:
        return int(self.y_units[:, self._column[y]].sum())

    def share(self, x: int, y: int, *, of: ShareOf = "total") -> float:
        """The cell's units ÷ the grand total, the row total or the column total."""
        if of == "total":
            whole = self.total
        elif of == "row":
            whole = self.row_total(x)
        elif of == "column":
            whole = self.column_total(y)
        else:
            raise ValueError(f"share of {of!r}: use total, row or column")
        return self.count(x, y) / whole if whole else 0.0

    def row_codes(self, level: Level = "all") -> list[CodeInfo]:
        return _level(self.rows, self.x_roots, level)

    def column_codes(self, level: Level = "all") -> list[CodeInfo]:
        return _level(self.columns, self.y_roots, level)


def _level(codes: list[CodeInfo], roots: tuple[int, ...], level: Level) -> list[CodeInfo]:
    """"all" codes; the "leaves"; or the "top": the outermost chosen branches (a branch
    chosen inside another chosen one is not top level), or a lone branch's children."""
    if level == "all":
        return list(codes)
    ids = {c.id for c in codes}
    if level == "leaves":
        parents = {c.parent_id for c in codes if c.parent_id in ids}
        return [c for c in codes if c.id not in parents]
    if level == "top":
        by_id = {c.id: c for c in codes}
        chosen = set(roots)

        def inside_another(code_id: int) -> bool:
            parent = by_id[code_id].parent_id if code_id in by_id else None
            while parent is not None and parent in by_id:
                if parent in chosen:
                    return True
                parent = by_id[parent].parent_id
            return False

        wanted = {r for r in roots if not inside_another(r)}
        if len(wanted) == 1:
            (lone,) = wanted
            children = {c.id for c in codes if c.parent_id == lone}
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
        if root not in tree.infos:
            raise NotFoundError(f"no code with id {root}")
    x_ids = [c for c in tree.subtrees(x_roots) if scope.code_ids is None or c in scope.code_ids]
    y_ids = [c for c in tree.subtrees(y_roots) if scope.code_ids is None or c in scope.code_ids]
    with project.session_scope() as s:
        spans = table_data.passage_array(
            s, document_ids=scope.document_ids, coder_ids=scope.coder_ids,
            code_ids={*x_ids, *y_ids},
        )
        # Only documents with passages on both dimensions can have units in the table.
        in_x = np.isin(spans[:, CODE], x_ids)
        in_y = np.isin(spans[:, CODE], y_ids)
        wanted = np.intersect1d(spans[in_x, DOC], spans[in_y, DOC]).tolist()
        units = (cache or DEFAULT_CACHE).units(s, wanted, unit)
    found = incidence(spans, units)
    x_units = rolled_up(presence(found, spans, x_ids), tree, x_ids)
    y_units = rolled_up(presence(found, spans, y_ids), tree, y_ids)
    both = x_units.any(axis=1) & y_units.any(axis=1)
    return XYTable(
        rows=[tree.infos[c] for c in x_ids],
        columns=[tree.infos[c] for c in y_ids],
        x_roots=tuple(x_roots),
        y_roots=tuple(y_roots),
        unit_kind=unit,
        x_units=x_units[both],
        y_units=y_units[both],
        numbers=found.numbers[both],
    )
