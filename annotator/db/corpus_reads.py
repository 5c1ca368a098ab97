"""Reads for the project workbook: the corpus in one pass, in document-number order.

A workbook needs every document's text at most once, its passages in reading order and the
words the search index stored for it at import. These functions stream exactly that, each
a single ordered query, so that the workbook can walk documents, passages and stored
tokens side by side (a merge on document number) without holding more than one document.

None of these functions commits.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from annotator.db import search_index
from annotator.db.models import Coder, Document, Passage


class PassageRow(NamedTuple):
    """A passage without its text (the caller slices it from the document's text)."""

    id: int
    guid: str
    document_id: int
    code_id: int
    coder_id: int
    coder_name: str
    start: int
    end: int
    memo: str
    created_at: datetime
    origin: str


class StoredTokens(NamedTuple):
    """One document's row of the search index: its words as index forms (with break
    markers), their spans (encoded) and whether the text has traditional characters."""

    number: int
    document_id: int
    content_hash: str
    spans: bytes
    words: bytes
    variants: bool


def iter_texts(session: Session, batch: int = 50) -> Iterator[tuple[int, int, str]]:
    """(id, number, text) of every document by number, streamed."""
    query = select(Document.id, Document.number, Document.text).order_by(Document.number)
    for doc_id, number, body in session.execute(query.execution_options(yield_per=batch)):
        yield doc_id, number, body or ""


def iter_passage_rows(session: Session, batch: int = 2000) -> Iterator[PassageRow]:
    """Every passage by document number, start, end and id, without texts, streamed."""
    query = (
        select(
            Passage.id, Passage.guid, Passage.document_id, Passage.code_id, Passage.coder_id,
            Coder.name, Passage.start, Passage.end, Passage.memo, Passage.created_at,
            Passage.origin,
        )
        .join(Coder, Coder.id == Passage.coder_id)
        .join(Document, Document.id == Passage.document_id)
        .order_by(Document.number, Passage.start, Passage.end, Passage.id)
    )
    for row in session.execute(query.execution_options(yield_per=batch)):
        yield PassageRow(*row[:10], row[10] or "manual")


def index_terms_if_current(session: Session) -> frozenset[str] | None:
    """The term list the search index was segmented with, when the index exists in this
    version's format and folding; None when there is no usable index."""
    if not search_index.tables_exist(session) or not search_index.info_matches(session):
        return None
    return search_index.read_terms(session)


def iter_stored_tokens(session: Session, batch: int = 50) -> Iterator[StoredTokens]:
    """Every document's index row, by document number, streamed (call only after
    :func:`index_terms_if_current` said the index is usable)."""
    rows = session.execute(
        text(
            "SELECT d.number, s.document_id, s.content_hash, s.spans, s.words, s.variants "
            "FROM search_documents s JOIN documents d ON d.id = s.document_id "
            "ORDER BY d.number"
        ).execution_options(yield_per=batch)
    )
    for number, doc_id, digest, spans, words, variants in rows:
        yield StoredTokens(number, doc_id, digest, spans, words, bool(variants))


def coded_document_ids(session: Session) -> list[int]:
    """Documents with at least one passage, by number."""
    query = (
        select(Document.id)
        .where(select(Passage.id).where(Passage.document_id == Document.id).exists())
        .order_by(Document.number)
    )
    return list(session.scalars(query))
