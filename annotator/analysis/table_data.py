"""Queries behind the tables. Repository style: each takes a Session and never commits.

Counting is done by SQLite (GROUP BY) wherever a table needs only counts; rows come back
as plain tuples so 200,000 passages build no ORM objects. A set of ids is passed as one
JSON array read with ``json_each`` rather than as one bound parameter per id, which would
hit SQLite's variable limit on large projects.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator
from typing import NamedTuple

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from annotator.db.models import Document, DocumentAttribute, Passage


class DocumentRow(NamedTuple):
    id: int
    number: int
    title: str


class Span(NamedTuple):
    document_id: int
    code_id: int
    start: int
    end: int


def member_of(column: ColumnElement, ids: Collection[int]) -> ColumnElement[bool]:
    """``column IN ids`` with the ids as one JSON parameter."""
    values = func.json_each(json.dumps(sorted(ids))).table_valued("value")
    return column.in_(select(values.c.value))


def _passage_conditions(
    document_ids: Collection[int] | None,
    coder_ids: Collection[int] | None,
    code_ids: Collection[int] | None,
) -> list[ColumnElement[bool]]:
    conditions = []
    if document_ids is not None:
        conditions.append(member_of(Passage.document_id, document_ids))
    if coder_ids is not None:
        conditions.append(member_of(Passage.coder_id, coder_ids))
    if code_ids is not None:
        conditions.append(member_of(Passage.code_id, code_ids))
    return conditions


def document_rows(session: Session, document_ids: Collection[int] | None = None) -> list[DocumentRow]:
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
    return [tuple(row) for row in session.execute(query)]  # type: ignore[misc]


def counts_by_document(
    session: Session,
    *,
    document_ids: Collection[int] | None = None,
    coder_ids: Collection[int] | None = None,
    code_ids: Collection[int] | None = None,
) -> dict[tuple[int, int], int]:
    """Passages per (code id, document id)."""
    query = (
        select(Passage.code_id, Passage.document_id, func.count())
        .where(*_passage_conditions(document_ids, coder_ids, code_ids))
        .group_by(Passage.code_id, Passage.document_id)
    )
    return {(code, doc): n for code, doc, n in session.execute(query)}


def counts_by_attribute(
    session: Session,
    key: str,
    *,
    document_ids: Collection[int] | None = None,
    coder_ids: Collection[int] | None = None,
    code_ids: Collection[int] | None = None,
) -> dict[tuple[int, str | None], int]:
    """Passages per (code id, value of attribute ``key``); None where a document lacks it."""
    value = DocumentAttribute.value
    query = (
        select(Passage.code_id, value, func.count())
        .outerjoin(
            DocumentAttribute,
            and_(DocumentAttribute.document_id == Passage.document_id, DocumentAttribute.key == key),
        )
        .where(*_passage_conditions(document_ids, coder_ids, code_ids))
        .group_by(Passage.code_id, value)
    )
    return {(code, val): n for code, val, n in session.execute(query)}


def passage_spans(
    session: Session,
    *,
    document_ids: Collection[int] | None = None,
    coder_ids: Collection[int] | None = None,
    code_ids: Collection[int] | None = None,
) -> list[Span]:
    """(document id, code id, start, end) of the passages, by document then start."""
    query = (
        select(Passage.document_id, Passage.code_id, Passage.start, Passage.end)
        .where(*_passage_conditions(document_ids, coder_ids, code_ids))
        .order_by(Passage.document_id, Passage.start)
    )
    return [Span(*row) for row in session.execute(query)]


def document_keys(session: Session, document_ids: Collection[int]) -> dict[int, tuple[int, str]]:
    """(number, content hash) per document id: what a document's units depend on."""
    query = select(Document.id, Document.number, Document.content_hash).where(
        member_of(Document.id, document_ids)
    )
    return {doc_id: (number, digest) for doc_id, number, digest in session.execute(query)}


def document_texts(session: Session, document_ids: Collection[int]) -> Iterator[tuple[int, str]]:
    """(id, text) of the documents, streamed."""
    query = select(Document.id, Document.text).where(member_of(Document.id, document_ids))
    for doc_id, text in session.execute(query.execution_options(yield_per=100)):
        yield doc_id, text
