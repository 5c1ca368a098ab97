"""Workbook sheets made from the tables: 交叉表, 共现, 编码×属性, 编码占比, 编码×文档.

Each builder turns one table into an :class:`ExtraSheet` of plain rows. Two of them are
*providers* for the project workbook (:mod:`annotator.workbook`): :func:`cooccurrence_provider`
(共现 by paragraph) and :func:`attribute_provider` (编码×<属性> for grouping attributes).
The X×Y sheets need two chosen branches, so only the ``report`` workbook has them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.analysis.code_index import CodeTree
from annotator.analysis.cooccurrence import CooccurrenceTable, cooccurrence
from annotator.analysis.crosstab import XYTable
from annotator.analysis.filters import Filters
from annotator.analysis.tables import (
    CodeTable,
    attribute_value_counts,
    code_by_attribute,
    looks_like_dates,
    shares_by_parent,
    year_of,
)
from annotator.export.excel import MAX_COLUMNS, ExtraSheet
from annotator.records import CodeInfo

if TYPE_CHECKING:
    from annotator.project import Project

SHEET_XY = "交叉表"
SHEET_XY_SHARES = "交叉表占比"
SHEET_XY_UNITS = "交叉表单元"
SHEET_COOCCURRENCE = "共现"
SHEET_SHARES = "编码占比"
SHEET_BY_DOCUMENT = "编码×文档"
SHEET_BY_ATTRIBUTE = "编码×{key}"
SHEET_BY_YEAR = "编码×{key}（年）"

#: An attribute becomes a table of its own in the project workbook when it has at most this
#: many distinct values (and fewer than the documents carrying it, so that it groups them).
MAX_ATTRIBUTE_VALUES = 30
UNIT_SEPARATOR = ", "
TOTAL = "合计"


def _label(code: CodeInfo, depth_from: int = 0) -> str:
    """The name as it is: an indent before it would break Excel's filters and sorting (the
    level is in the 层级 column beside it)."""
    return code.name


def _headers_for(codes: Sequence[CodeInfo]) -> list[str]:
    """Column headings: the name, or the path where two shown codes share a name;
    a parent (rolled up) column says so."""
    ids = {c.id for c in codes}
    parents = {c.parent_id for c in codes if c.parent_id in ids}
    names = [c.name for c in codes]
    out = []
    for code in codes:
        label = code.name if names.count(code.name) == 1 else code.path_text
        out.append(f"{label}（含下级）" if code.id in parents else label)
    return out


# -- frequency tables (code × document / attribute) -----------------------------------------


def document_sheets(table: CodeTable, name: str = SHEET_BY_DOCUMENT) -> list[ExtraSheet]:
    """编码×文档, counts only; more documents than an Excel sheet has columns continue on
    further sheets (each with the totals of the whole table)."""
    per_sheet = MAX_COLUMNS - 8
    chunks = [table.columns[i:i + per_sheet] for i in range(0, len(table.columns), per_sheet)]
    return [
        code_table_sheet(replace(table, columns=chunk), name, column_shares=False)
        for chunk in chunks or [[]]
    ]


def code_table_sheet(table: CodeTable, name: str, *, column_shares: bool = True) -> ExtraSheet:
    """Counts per code and column, the row total and its share of all passages; with
    ``column_shares`` also each cell as a share of its column."""
    labels = [c.label for c in table.columns]
    headers = ["编码（含下级）", "编码路径", "层级", *labels, TOTAL, "占比"]
    first_share = len(headers)
    if column_shares:
        headers += [f"{label} 占比" for label in labels]
    keys = [c.key for c in table.columns]

    def rows() -> Iterator[list[object]]:
        for code in table.codes:
            row: list[object] = [_label(code), code.path_text, code.depth + 1]
            row += [table.count(code.id, k) for k in keys]
            row += [table.row_total(code.id), table.share(code.id, None, of="total")]
            if column_shares:
                row += [table.share(code.id, k, of="column") for k in keys]
            yield row
        totals: list[object] = [TOTAL, None, None]
        totals += [table.column_total(k) for k in keys]
        totals += [table.total, 1.0 if table.total else 0.0]
        if column_shares:
            totals += [1.0 if table.column_total(k) else 0.0 for k in keys]
        yield totals

    shares = [first_share - 1, *range(first_share, len(headers))]
    return ExtraSheet(
        name=name,
        headers=headers,
        rows=rows(),
        widths=[24, 30, 6, *([10] * (len(headers) - 3))],
        percent_columns=shares,
    )


def shares_sheet(
    table: CodeTable, branches: Sequence[Sequence[int]], images: Sequence[Path] = ()
) -> ExtraSheet:
    """编码占比: per code of each branch its passages, its share of its parent's passages
    and of the branch's passages: the frequency table of a policy-instrument study."""
    rows: list[list[object]] = []
    tree = CodeTree.build(table.codes)
    for roots in branches:
        in_branch = set(tree.subtrees(r for r in roots if r in tree.infos))
        groups = shares_by_parent(table, roots)
        in_parent = {item.code.id: item.share for g in groups for item in g.items}
        whole = sum(table.row_total(r) for r in roots if r in tree.infos)
        top_depth = min((tree.infos[c].depth for c in in_branch), default=0)
        for code in table.codes:
            if code.id not in in_branch:
                continue
            n = table.row_total(code.id)
            rows.append(
                [_label(code, top_depth), code.path_text, code.depth + 1, n,
                 in_parent.get(code.id), n / whole if whole else 0.0]
            )
    return ExtraSheet(
        name=SHEET_SHARES,
        headers=["编码（含下级）", "编码路径", "层级", "片段数", "占上级比例", "占本维度比例"],
        rows=rows,
        widths=[24, 34, 6, 9, 11, 12],
        percent_columns=(4, 5),
        images=tuple(images),
    )


# -- the X×Y table -------------------------------------------------------------------------


def xy_sheets(table: XYTable, images: Sequence[Path] = ()) -> list[ExtraSheet]:
    """交叉表 (unit counts, with ``images`` beside it), 交叉表占比 (shares of all units
    carrying both dimensions) and 交叉表单元 (the unit numbers in each cell)."""
    heads = ["编码", "层级", *_headers_for(table.columns)]
    top_depth = min((c.depth for c in table.rows), default=0)
    y_ids = [c.id for c in table.columns]

    def block(cell, total_cell, grand) -> list[list[object]]:
        out: list[list[object]] = []
        for x in table.rows:
            row: list[object] = [_label(x, top_depth), x.depth + 1]
            row += [cell(x.id, y) for y in y_ids]
            out.append([*row, total_cell(x.id)])
        out.append([TOTAL, None, *(grand(y) for y in y_ids), grand(None)])
        return out

    total = table.total

    def share(n: int) -> float:
        return n / total if total else 0.0

    counts = ExtraSheet(
        name=SHEET_XY,
        headers=[*heads, f"{TOTAL}（单元）"],
        rows=block(table.count, table.row_total,
                   lambda y: total if y is None else table.column_total(y)),
        widths=[24, 6, *([11] * len(y_ids)), 10],
        images=tuple(images),
    )
    shares = ExtraSheet(
        name=SHEET_XY_SHARES,
        headers=[*heads, TOTAL],
        rows=block(lambda x, y: share(table.count(x, y)), lambda x: share(table.row_total(x)),
                   lambda y: share(total if y is None else table.column_total(y))),
        widths=[24, 6, *([11] * len(y_ids)), 10],
        percent_columns=tuple(range(2, len(heads) + 1)),
    )
    units = ExtraSheet(
        name=SHEET_XY_UNITS,
        headers=[*heads, f"{TOTAL}（单元）"],
        rows=block(lambda x, y: UNIT_SEPARATOR.join(table.units(x, y)) or None,
                   table.row_total, lambda y: total if y is None else table.column_total(y)),
        widths=[24, 6, *([24] * len(y_ids)), 10],
        wrap_columns=tuple(range(2, len(heads))),
    )
    return [counts, shares, units]


# -- co-occurrence -------------------------------------------------------------------------


def cooccurrence_sheet(table: CooccurrenceTable, name: str = SHEET_COOCCURRENCE) -> ExtraSheet:
    """The symmetric matrix over the codes found at least once (the diagonal: how often
    each code is found at all)."""
    codes = [c for c in table.codes if table.count(c.id, c.id)]
    ids = [c.id for c in codes]
    rows = [
        [_label(c), c.path_text, c.depth + 1, *(table.count(c.id, other) for other in ids)]
        for c in codes
    ]
    return ExtraSheet(
        name=name,
        headers=["编码", "编码路径", "层级", *_headers_for(codes)],
        rows=rows,
        widths=[24, 30, 6, *([9] * len(ids))],
    )


# -- providers for the project workbook ------------------------------------------------------


def cooccurrence_provider(project: Project) -> list[ExtraSheet]:
    """共现: codes found in the same paragraph, as coded (no roll-up), every coder."""
    if not project.stats().passages:
        return []
    return [cooccurrence_sheet(cooccurrence(project, mode="unit", unit="paragraph"))]


def grouping_attributes(
    project: Project, limit: int = MAX_ATTRIBUTE_VALUES
) -> list[tuple[str, bool]]:
    """(key, as_year) of the attributes worth a table: date-like values by year, others by
    value; at most ``limit`` columns, and fewer than the documents carrying the key."""
    out = []
    for key, counts in attribute_value_counts(project).items():
        values, carrying = set(counts), sum(counts.values())
        if looks_like_dates(values):
            years = {year_of(v) for v in values}
            if len(years) <= limit and len(years) < carrying:
                out.append((key, True))
        elif len(values) <= limit and len(values) < carrying:
            out.append((key, False))
    return out


def attribute_sheets(project: Project, filters: Filters | None = None) -> list[ExtraSheet]:
    """编码×<属性> for every grouping attribute (see :func:`grouping_attributes`)."""
    sheets = []
    for key, as_year in grouping_attributes(project):
        table = code_by_attribute(project, key, as_year=as_year, filters=filters)
        name = (SHEET_BY_YEAR if as_year else SHEET_BY_ATTRIBUTE).format(key=key)
        sheets.append(code_table_sheet(table, name))
    return sheets


def attribute_provider(project: Project) -> list[ExtraSheet]:
    if not project.stats().passages:
        return []
    return attribute_sheets(project)
