"""Queries behind the tables (annotator.analysis). Each takes a Session and never commits.

SQLite does the counting (GROUP BY) wherever a table needs only counts. The two hot
queries (passage counts per code and document, passage spans) run on the session's own
DBAPI connection as plain SQL: for 200,000 rows that is 2.5× faster than SQLAlchemy's
result rows, and it stays inside the session's transaction. A set of ids is passed as one
JSON array read with ``json_each`` rather than one bound parameter per id, which would hit
SQLite's variable limit on large projects. The SQL text is put together from fixed pieces
only; every value is a bound parameter.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator
from itertools import chain
from typing import Any, NamedTuple

import numpy as np
from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from annotator.db.models import Document, DocumentAttribute


class DocumentRow(NamedTuple):
    id: int
    number: int
    title: str


#: Columns of :func:`passage_array`.
DOC, CODE, START, END = range(4)


def member_of(column: ColumnElement, ids: Collection[int]) -> ColumnElement[bool]:
    """``column IN ids`` with the ids as one JSON parameter."""
    values = func.json_each(json.dumps(sorted(ids))).table_valued("value")
    return column.in_(select(values.c.value))


# "+code_id" keeps SQLite off the code_id index: following it costs a random table
# read per passage, where scanning the (document, code, coder, start, end) index
# covers every column these queries read.
_IN_DOCUMENTS = "document_id IN (SELECT value FROM json_each(?))"
_IN_CODERS = "coder_id IN (SELECT value FROM json_each(?))"
_IN_CODES = "+code_id IN (SELECT value FROM json_each(?))"


def _where(
    document_ids: Collection[int] | None,
    coder_ids: Collection[int] | None,
    code_ids: Collection[int] | None,
) -> tuple[str, list[str]]:
    """A WHERE clause over ``passages`` (fixed text) and its bound parameters."""
    clauses, params = [], []
    for clause, ids in ((_IN_DOCUMENTS, document_ids), (_IN_CODERS, coder_ids),
                        (_IN_CODES, code_ids)):
        if ids is not None:
            clauses.append(clause)
            params.append(json.dumps(sorted(ids)))
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def _raw(session: Session) -> Any:
    """The sqlite3 connection under the session's current transaction."""
    return session.connection().connection.dbapi_connection


def document_rows(
    session: Session, document_ids: Collection[int] | None = None
) -> list[DocumentRow]:
    """Documents in number order (no text loaded)."""
    query = select(Document.id, Document.number, Document.title).order_by(Document.number)
    if document_ids is not None:
        query = query.where(member_of(Document.id, document_ids))
    return [DocumentRow(*row) for row in session.execute(query)]


def attribute_rows(session: Session) -> list[tuple[int, str, str]]:
    """(document id, key, value) of every attribute, keys in each document's order."""
    query = select(
        DocumentAttribute.document_id, DocumentAttribute.key, DocumentAttribute.value
    ).order_by(DocumentAttribute.document_id, DocumentAttribute.position)
    return [(doc, key, value) for doc, key, value in session.execute(query)]


def counts_by_document(
    session: Session,
    *,
    document_ids: Collection[int] | None = None,
    coder_ids: Collection[int] | None = None,
    code_ids: Collection[int] | None = None,
) -> list[tuple[int, int, int]]:
    """(code id, document id, passages) for every pair with passages."""
    where, params = _where(document_ids, coder_ids, code_ids)
    sql = "SELECT code_id, document_id, count(*) FROM passages" + where + " GROUP BY 1, 2"
    return _raw(session).execute(sql, params).fetchall()


def passage_array(
    session: Session,
    *,
    document_ids: Collection[int] | None = None,
    coder_ids: Collection[int] | None = None,
    code_ids: Collection[int] | None = None,
) -> np.ndarray:
    """The passages as an (n, 4) int64 array of document id, code id, start, end, sorted
    by document and start."""
    where, params = _where(document_ids, coder_ids, code_ids)
    # Sorted here: ordering by the (document, start) index costs a random table read per
    # passage.
    sql = 'SELECT document_id, code_id, start, "end" FROM passages' + where
    rows = _raw(session).execute(sql, params).fetchall()
    flat = np.fromiter(chain.from_iterable(rows), dtype=np.int64, count=4 * len(rows))
    array = flat.reshape(-1, 4)
    order = np.lexsort((array[:, START], array[:, DOC]))
    return array[order]


def document_keys(
    session: Session, document_ids: Collection[int]
) -> dict[int, tuple[int, str, str]]:
    """(number, content hash, numbering) per document id: what a document's units depend on."""
    query = select(Document.id, Document.number, Document.content_hash,
                   Document.numbering).where(member_of(Document.id, document_ids))
    return {doc_id: (number, digest, numbering)
            for doc_id, number, digest, numbering in session.execute(query)}


def document_texts(session: Session, document_ids: Collection[int]) -> Iterator[tuple[int, str]]:
    """(id, text) of the documents, streamed."""
    query = select(Document.id, Document.text).where(member_of(Document.id, document_ids))
    rows = session.execute(query.execution_options(yield_per=100))
    yield from ((doc_id, text) for doc_id, text in rows)


def coding_array(session: Session, coder_ids: Collection[int] | None = None) -> np.ndarray:
    """Every passage (of the given coders) as an (n, 6) int64 array: id, document id, code
    id, coder id, start, end, in no particular order."""
    where, params = _where(None, coder_ids, None)
    sql = 'SELECT id, document_id, code_id, coder_id, start, "end" FROM passages' + where
    rows = _raw(session).execute(sql, params).fetchall()
    flat = np.fromiter(chain.from_iterable(rows), dtype=np.int64, count=6 * len(rows))
    return flat.reshape(-1, 6)
