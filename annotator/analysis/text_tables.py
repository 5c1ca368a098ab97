"""The tables as rows of strings, for printing (``annotator table``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from annotator.analysis import crosstab, tables
from annotator.analysis.cooccurrence import Mode, cooccurrence
from annotator.analysis.filters import Filters
from annotator.errors import NotFoundError

if TYPE_CHECKING:
    from annotator.project import Project

INDENT = "  "
BY_DOCUMENT = "document"


def _share(value: float) -> str:
    return f"{value * 100:.1f}%"


def frequency_rows(
    project: Project,
    by: str,
    *,
    year: bool = False,
    share: tables.ShareOf | None = None,
    filters: Filters | None = None,
) -> list[list[str]]:
    """Codes × documents (``by="document"``, headed by document number) or × the values of
    an attribute; counts, or shares ``of`` column/row/total; then the row total."""
    if by == BY_DOCUMENT:
        table = tables.code_by_document(project, filters)
        labels = [c.label.split(" ", 1)[0] for c in table.columns]
    else:
        if by not in tables.attribute_value_counts(project):
            raise NotFoundError(f"no document attribute {by!r}")
        table = tables.code_by_attribute(project, by, as_year=year, filters=filters)
        labels = [c.label for c in table.columns]
    keys = [c.key for c in table.columns]
    rows = [["编码", *labels, "合计"]]
    for code in table.codes:
        if share is None:
            cells = [str(table.count(code.id, k)) for k in keys] + [str(table.row_total(code.id))]
        else:
            cells = [_share(table.share(code.id, k, of=share)) for k in keys]
            cells.append(_share(table.share(code.id, None, of=share)))
        rows.append([INDENT * code.depth + code.name, *cells])
    if share is None:
        rows.append(["合计", *(str(table.column_total(k)) for k in keys), str(table.total)])
    return rows


def xy_rows(
    project: Project,
    x_roots: Sequence[int],
    y_roots: Sequence[int],
    *,
    unit: str = "paragraph",
    share: crosstab.ShareOf | None = None,
    units: bool = False,
    filters: Filters | None = None,
) -> list[list[str]]:
    """The X×Y table: unit counts, shares, or (``units``) the unit numbers of each cell."""
    table = crosstab.xy_table(project, x_roots, y_roots, unit=unit, filters=filters)
    top = min((c.depth for c in table.rows), default=0)
    rows = [["编码", *(c.name for c in table.columns), "合计"]]
    for x in table.rows:
        if units:
            cells = [", ".join(table.units(x.id, y.id)) for y in table.columns]
        elif share is not None:
            cells = [_share(table.share(x.id, y.id, of=share)) for y in table.columns]
        else:
            cells = [str(table.count(x.id, y.id)) for y in table.columns]
        rows.append([INDENT * (x.depth - top) + x.name, *cells, str(table.row_total(x.id))])
    rows.append(["合计", *(str(table.column_total(y.id)) for y in table.columns),
                 str(table.total)])
    return rows


def cooccurrence_rows(
    project: Project, mode: Mode, *, unit: str = "paragraph", filters: Filters | None = None
) -> list[list[str]]:
    """Pairs of codes found together, most frequent first."""
    table = cooccurrence(project, mode=mode, unit=unit, filters=filters)
    what = "单元数" if mode == "unit" else "重叠片段对"
    rows = [["编码 A", "编码 B", what]]
    for a, b, n in table.pairs():
        rows.append([a.path_text, b.path_text, str(n)])
    return rows
