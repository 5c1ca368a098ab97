"""Passages read a page at a time, for lists that show a few rows of many (the passages pane).

Rows come without their text, in document-number order (then start, end, id), each page
following the sort key of the last row read (keyset paging: no OFFSET re-reading what came
before). The text of the rows being shown is read afterwards, for a page of ids in one
statement. A passage's text is never put in a sorted query: SQLite computes the result
columns before sorting, so ``substr(text)`` in a page query reads the text of every match.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, or_, select
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.selectable import Join

from annotator.db.models import Coder, Document, Passage

# (document number, start, end, passage id): the order rows are listed in, unique per row.
SortKey = tuple[int, int, int, int]


@dataclass(frozen=True)
class PassageFilter:
    """Which passages a list shows: of some codes, of one document, or both."""

    code_ids: tuple[int, ...] | None = None
    document_id: int | None = None


@dataclass(frozen=True)
class PassageRow:
    """A passage as a list row, without its text."""

    id: int
    document_id: int
    document_number: int
    document_title: str
    code_id: int
    coder_id: int
    coder_name: str
    start: int
    end: int
    memo: str

    @property
    def key(self) -> SortKey:
        return (self.document_number, self.start, self.end, self.id)


class _CrossJoin(Join):
    """``left CROSS JOIN right ON …``: in SQLite an inner join whose left side is always the
    outer loop (https://sqlite.org/optoverview.html#crossjoin)."""

    inherit_cache = True


@compiles(_CrossJoin)
def _compile_cross_join(element: _CrossJoin, compiler: Any, **kw: Any) -> str:
    kw["asfrom"] = True
    return (
        f"{element.left._compiler_dispatch(compiler, **kw)} CROSS JOIN "
        f"{element.right._compiler_dispatch(compiler, **kw)} ON "
        f"{element.onclause._compiler_dispatch(compiler, **kw)}"
    )


def _conditions(where: PassageFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if where.code_ids is not None:
        conditions.append(Passage.code_id.in_(where.code_ids))
    if where.document_id is not None:
        conditions.append(Passage.document_id == where.document_id)
    return conditions


def count_rows(session: Session, where: PassageFilter) -> int:
    query = select(func.count()).select_from(Passage).where(*_conditions(where))
    return session.scalar(query) or 0


def _after(key: SortKey) -> ColumnElement[bool]:
    # Spelled out rather than as a row value so that any SQLite the tool runs on takes it;
    # the first term lets the scan of documents start at the key's document.
    n, start, end, pid = key
    return and_(
        Document.number >= n,
        or_(
            Document.number > n,
            and_(Document.number == n, Passage.start > start),
            and_(Document.number == n, Passage.start == start, Passage.end > end),
            and_(Document.number == n, Passage.start == start, Passage.end == end,
                 Passage.id > pid),
        ),
    )


def _rows_query(where: PassageFilter) -> Select:
    # Documents are the outer loop, read in number order from the index on their number
    # (a page starts at its first document and stops once full), and each one's passages
    # of the codes come from the unique index on (document_id, code_id, …) without visiting
    # the others. Left to itself SQLite looks up each passage's document row (where the
    # text lives) and sorts every match (9-25 ms for the first 200 of 10,000), or, with the
    # join order fixed, takes the (document_id, start) index for its order and visits every
    # passage of every document on the way (47 ms at 200,000 passages); ordering by
    # ``start + 0`` takes that reason away: 1 ms.
    tables = _CrossJoin(Document, Passage, Passage.document_id == Document.id).join(
        Coder, Coder.id == Passage.coder_id
    )
    query = (
        select(
            Passage.id, Passage.document_id, Document.number, Document.title, Passage.code_id,
            Passage.coder_id, Coder.name, Passage.start, Passage.end, Passage.memo,
        )
        .select_from(tables)
        .where(*_conditions(where))
        .order_by(Document.number, Passage.start + 0, Passage.end, Passage.id)
    )
    if where.document_id is not None:  # the outer loop on documents reads just that one
        query = query.where(Document.id == where.document_id)
    return query


def page_rows(
    session: Session, where: PassageFilter, *, after: SortKey | None = None, limit: int = 200
) -> list[PassageRow]:
    """Up to ``limit`` rows that sort after ``after`` (from the first row if None)."""
    query = _rows_query(where)
    if after is not None:
        query = query.where(_after(after))
    return [PassageRow(*row) for row in session.execute(query.limit(limit))]


def rows_of_documents(
    session: Session, where: PassageFilter, document_ids: Collection[int]
) -> list[PassageRow]:
    """All rows of some documents that ``where`` lets through, in list order (to update a
    list after those documents' passages changed)."""
    ids = list(document_ids)
    rows: list[PassageRow] = []
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        query = _rows_query(where).where(
            Passage.document_id.in_(chunk), Document.id.in_(chunk)
        )
        rows += [PassageRow(*row) for row in session.execute(query)]
    rows.sort(key=lambda r: r.key)
    return rows


def texts_of(session: Session, passage_ids: Sequence[int]) -> dict[int, str]:
    """The text of each passage, by id, in one statement (ids of passages gone are left
    out). SQLite's substr() counts code points, as Python does."""
    if not passage_ids:
        return {}
    text = func.substr(Document.text, Passage.start + 1, Passage.end - Passage.start)
    query = (
        select(Passage.id, text)
        .join(Document, Document.id == Passage.document_id)
        .where(Passage.id.in_(list(passage_ids)))
    )
    return {pid: text or "" for pid, text in session.execute(query)}
