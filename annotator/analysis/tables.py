"""Frequency tables: passages per code × document and code × document attribute.

Rows are codes in tree order with parent codes *rolled up*: a parent's count is its own
passages plus all its descendants' (each passage has one code, so a passage is counted once
in a cell however deep it sits). Column totals and the grand total count every passage
once, so they are not the sum of a column's rolled-up rows.

Shares (:meth:`CodeTable.share`), each in [0, 1]:

- ``of="column"``: the cell ÷ the column's passages: the code's share of a document (or of a
  region, a year…). The top-level codes of a column add up to 1.
- ``of="row"``: the cell ÷ the code's passages in all columns: how the code is spread over
  the columns. A row adds up to 1.
- ``of="total"``: the cell ÷ all passages of the table.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from annotator.analysis import table_data
from annotator.analysis.code_index import CodeTree
from annotator.analysis.filters import Filters, Scope, resolve
from annotator.export.frequencies import FrequencyTable, build_frequencies
from annotator.records import CodeInfo

if TYPE_CHECKING:
    from annotator.project import Project

ShareOf = Literal["column", "row", "total"]
SHARE_OF: tuple[ShareOf, ...] = ("column", "row", "total")

MISSING = "（未填）"  # the column of documents without the attribute
NO_YEAR = "（无年份）"  # the column of values in which no year was found

_YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
_CHINESE_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
_CHINESE_YEAR = re.compile(r"([〇零一二三四五六七八九]{4})年")


def year_of(value: str) -> str | None:
    """The year in a date-like value: "2021-03-05", "2021年3月", "2021.3", "二〇二一年",
    "发布于2019年" → "2021"…; None when there is none."""
    match = _YEAR.search(value)
    if match is not None:
        return match.group(1)
    match = _CHINESE_YEAR.search(value)
    if match is not None:
        year = match.group(1).translate(_CHINESE_DIGITS)
        return year if _YEAR.fullmatch(year) else None
    return None


def natural_key(text: str) -> tuple:
    """Sort key that orders "2-10" after "2-9" and numbers before words."""
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part)
        for part in re.split(r"(\d+)", text)
        if part
    )


@dataclass(frozen=True)
class Column:
    key: Hashable  # document id, or attribute value (None: no value)
    label: str


@dataclass(frozen=True)
class CodeTable:
    """Passage counts per code (rows, rolled up) and column. See the module notes."""

    codes: list[CodeInfo]  # rows, tree order
    columns: list[Column]
    counts: FrequencyTable
    by: str  # "文档", or the attribute key

    @property
    def total(self) -> int:
        return self.counts.total

    def count(self, code_id: int, key: Hashable) -> int:
        return self.counts.rolled.get(code_id, {}).get(key, 0)  # type: ignore[call-overload]

    def own(self, code_id: int) -> int:
        """Passages coded with exactly this code (no descendants)."""
        return self.counts.own[code_id]

    def row_total(self, code_id: int) -> int:
        return self.counts.row_total[code_id]

    def column_total(self, key: Hashable) -> int:
        return self.counts.column_total[key]  # type: ignore[index]

    def share(self, code_id: int, key: Hashable | None = None, *, of: ShareOf = "column") -> float:
        """A cell's share (see the module notes); ``key=None`` is the row's total column."""
        if of not in SHARE_OF:
            raise ValueError(f"share of {of!r}: use one of {SHARE_OF}")
        if key is None:
            part = self.row_total(code_id)
            whole = part if of == "row" else self.total
        else:
            part = self.count(code_id, key)
            whole = {
                "column": self.column_total(key),
                "row": self.row_total(code_id),
                "total": self.total,
            }[of]
        return part / whole if whole else 0.0

    def top_codes(self) -> list[CodeInfo]:
        """Rows whose parent is not a row: their counts add up to the total."""
        ids = {c.id for c in self.codes}
        return [c for c in self.codes if c.parent_id not in ids]

    def children(self, code_id: int) -> list[CodeInfo]:
        return [c for c in self.codes if c.parent_id == code_id]


def code_by_document(project: Project, filters: Filters | None = None) -> CodeTable:
    """Codes × documents (every document the filters leave, with or without passages)."""
    scope = resolve(project, filters)
    with project.session_scope() as s:
        documents = table_data.document_rows(s, scope.document_ids)
        rows = table_data.counts_by_document(
            s, document_ids=scope.document_ids, coder_ids=scope.coder_ids, code_ids=scope.code_ids
        )
    pairs = {(code, doc): n for code, doc, n in rows}
    columns = [Column(d.id, f"{d.number} {d.title}".strip()) for d in documents]
    codes = scope.codes()
    return CodeTable(codes, columns, build_frequencies(codes, pairs), "文档")


def attribute_values(
    project: Project, key: str, *, as_year: bool = False, scope: Scope | None = None
) -> dict[int, str]:
    """Column label per document id for ``key`` (its value, or its year); documents without
    the attribute are left out."""
    with project.session_scope() as s:
        rows = table_data.attribute_rows(s)
    allowed = None if scope is None else scope.document_ids
    out: dict[int, str] = {}
    for doc_id, k, value in rows:
        if k == key and (allowed is None or doc_id in allowed):
            out[doc_id] = _label(value, as_year)
    return out


def _label(value: str | None, as_year: bool) -> str:
    if value is None or not value.strip():
        return MISSING
    return (year_of(value) or NO_YEAR) if as_year else value.strip()


def code_by_attribute(
    project: Project, key: str, *, as_year: bool = False, filters: Filters | None = None
) -> CodeTable:
    """Codes × the values of document attribute ``key`` (or the years found in them).

    Columns: the values of the documents in scope in natural order, then ``MISSING`` if any
    of them lacks the attribute (and ``NO_YEAR`` for values without a year)."""
    scope = resolve(project, filters)
    with project.session_scope() as s:
        documents = table_data.document_rows(s, scope.document_ids)
        # Counted per (code, document) by SQLite and summed per value here: joining every
        # passage to its document's attribute row in SQL took longer.
        rows = table_data.counts_by_document(
            s, document_ids=scope.document_ids, coder_ids=scope.coder_ids,
            code_ids=scope.code_ids,
        )
    labels = attribute_values(project, key, as_year=as_year, scope=scope)
    pairs: dict[tuple[int, str], int] = {}
    for code_id, doc_id, n in rows:
        label = labels.get(doc_id, MISSING)
        pairs[code_id, label] = pairs.get((code_id, label), 0) + n
    present = set(labels.values())
    if any(d.id not in labels for d in documents):
        present.add(MISSING)
    present.update(label for _, label in pairs)
    columns = [Column(v, v) for v in _column_order(present)]
    codes = scope.codes()
    return CodeTable(codes, columns, build_frequencies(codes, pairs), key)  # type: ignore[arg-type]


def _column_order(values: Iterable[str]) -> list[str]:
    specials = (NO_YEAR, MISSING)
    ordinary = sorted((v for v in values if v not in specials), key=natural_key)
    return ordinary + [v for v in specials if v in values]


def attribute_value_counts(project: Project) -> dict[str, Counter[str]]:
    """Every attribute key with the number of documents per value (for choosing tables and
    filters), keys in first-seen order."""
    with project.session_scope() as s:
        rows = table_data.attribute_rows(s)
    out: dict[str, Counter[str]] = {}
    for _, key, value in rows:
        if value.strip():
            out.setdefault(key, Counter())[value.strip()] += 1
    return out


def looks_like_dates(values: Iterable[str]) -> bool:
    """True when every value holds a year and some hold more than a bare year (a date)."""
    values = [v for v in values if v.strip()]
    return (
        bool(values)
        and all(year_of(v) for v in values)
        and any(v.strip() != year_of(v) for v in values)
    )


# -- shares within a parent ------------------------------------------------------------------


@dataclass(frozen=True)
class ShareItem:
    code: CodeInfo
    count: int  # passages, rolled up
    share: float  # of the group's count


@dataclass(frozen=True)
class ShareGroup:
    """A parent's sub-codes with each one's share of the parent's passages.

    The parent's count includes passages coded with the parent itself, so the items add up
    to less than 1 when there are any. ``parent`` is None for the group of top-level codes,
    whose count is every passage of the table."""

    parent: CodeInfo | None
    count: int
    items: tuple[ShareItem, ...]

    @property
    def label(self) -> str:
        return self.parent.name if self.parent is not None else "全部"


def shares_by_parent(table: CodeTable, roots: Iterable[int] | None = None) -> list[ShareGroup]:
    """One group per code that has sub-codes in the table (tree order), preceded by a group
    of the top-level codes when there are several. ``roots`` limits it to those branches."""
    codes = table.codes
    if roots is not None:
        wanted = set(CodeTree.build(codes).subtrees(roots))
        codes = [c for c in codes if c.id in wanted]
    ids = {c.id for c in codes}
    groups: list[ShareGroup] = []
    tops = [c for c in codes if c.parent_id not in ids]
    if len(tops) > 1:
        whole = sum(table.row_total(c.id) for c in tops)
        groups.append(ShareGroup(None, whole, _items(table, tops, whole)))
    for code in codes:
        children = [c for c in codes if c.parent_id == code.id]
        if children:
            whole = table.row_total(code.id)
            groups.append(ShareGroup(code, whole, _items(table, children, whole)))
    return groups


def _items(table: CodeTable, codes: list[CodeInfo], whole: int) -> tuple[ShareItem, ...]:
    return tuple(
        ShareItem(c, table.row_total(c.id), table.row_total(c.id) / whole if whole else 0.0)
        for c in codes
    )
