"""The search index tables: derived data, created on demand, outside the schema versioning.

``search_fts``       contentless FTS5 table, rowid = document id, one column of index forms
                     (see :mod:`annotator.search.tokens`), positions kept (detail=full);
``search_terms``     fts5vocab "instance" view of it: (term, doc, offset) rows, looked up
                     by term, which gives every occurrence of a word without reading texts;
``search_term_counts`` fts5vocab "row" view: per term, documents and occurrences (fast);
``search_documents`` per indexed document: its content hash, the code-point spans of its
                     indexed words, the compressed FTS row (needed to delete the row) and
                     whether its text has traditional characters (``variants``: only those
                     texts can hold a folded form the stored characters do not show);
``search_info``      key/value: the index format, the variant table and the term list it
                     was segmented with.

Documents are indexed in folded form (:mod:`annotator.chinese.variants`): 實驗室 is indexed
as 实验室, at the same offsets.

None of these functions commits.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Result, Row, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from annotator.chinese.variants import fingerprint
from annotator.errors import AnnotatorError
from annotator.search.tokens import decompress_words

# Bump when the layout or the index forms change: an index of another format is rebuilt.
# Version 4: words folded to simplified characters, with the variants flag.
FORMAT = "4"

_CREATE = (
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_fts USING fts5("
    "words, tokenize='ascii', detail=full, content='', columnsize=0)",
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_terms USING fts5vocab(search_fts, 'instance')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS search_term_counts USING fts5vocab(search_fts, 'row')",
    "CREATE TABLE IF NOT EXISTS search_documents ("
    "document_id INTEGER PRIMARY KEY, content_hash TEXT NOT NULL, "
    "spans BLOB NOT NULL, words BLOB NOT NULL, variants INTEGER NOT NULL DEFAULT 0)",
    # Every search compares these hashes with the documents': a covering index keeps that
    # from stepping through the (page-sized) rows holding the blobs.
    "CREATE INDEX IF NOT EXISTS search_documents_hash "
    "ON search_documents (content_hash, variants)",
    "CREATE TABLE IF NOT EXISTS search_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
)
_DROP = ("search_terms", "search_term_counts", "search_fts", "search_documents", "search_info")


def _exec(session: Session, sql: str, params: dict[str, Any] | None = None) -> Result[Any]:
    return session.execute(text(sql), params or {})


def tables_exist(session: Session) -> bool:
    found = _exec(
        session, "SELECT count(*) FROM sqlite_master WHERE name IN ('search_fts', 'search_info')"
    ).scalar()
    return found == 2


def create_tables(session: Session) -> None:
    """Create the index tables if missing; drop and recreate an index of another format or
    folded with another variant table (an OpenCC upgrade may change it)."""
    if tables_exist(session):
        if read_info(session, "format") == FORMAT and read_info(session, "fold") == fingerprint():
            return  # the common case: nothing to write
        drop_tables(session)
    try:
        for statement in _CREATE:
            _exec(session, statement)
    except OperationalError as exc:  # an SQLite built without FTS5
        raise AnnotatorError(f"word search needs SQLite with FTS5: {exc.orig}") from exc
    write_info(session, "format", FORMAT)
    write_info(session, "fold", fingerprint())


def drop_tables(session: Session) -> None:
    for name in _DROP:  # the vocabulary view first: it depends on the FTS table
        _exec(session, f"DROP TABLE IF EXISTS {name}")


def read_info(session: Session, key: str) -> str | None:
    return _exec(session, "SELECT value FROM search_info WHERE key = :k", {"k": key}).scalar()


def write_info(session: Session, key: str, value: str) -> None:
    _exec(
        session,
        "INSERT INTO search_info (key, value) VALUES (:k, :v) "
        "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        {"k": key, "v": value},
    )


def read_terms(session: Session) -> frozenset[str] | None:
    """The term list the index was segmented with (None: not set yet)."""
    value = read_info(session, "terms")
    return None if value is None else frozenset(json.loads(value))


def write_terms(session: Session, terms: Iterable[str]) -> None:
    write_info(session, "terms", json.dumps(sorted(terms), ensure_ascii=False))


def is_empty(session: Session) -> bool:
    return _exec(session, "SELECT 1 FROM search_documents LIMIT 1").first() is None


def indexed_hashes(session: Session) -> dict[int, str]:
    """Document id → content hash of every indexed document (through the driver's cursor:
    every search asks, and SQLAlchemy's rows would cost more than the query)."""
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        return dict(cursor.execute(
            "SELECT document_id, content_hash FROM search_documents").fetchall())
    finally:
        cursor.close()


def add_row(session: Session, document_id: int, digest: str, spans: bytes, words: str,
            packed_words: bytes, variants: bool) -> None:
    _exec(session, "INSERT INTO search_fts (rowid, words) VALUES (:id, :w)",
          {"id": document_id, "w": words})
    _exec(
        session,
        "INSERT INTO search_documents (document_id, content_hash, spans, words, variants) "
        "VALUES (:id, :h, :s, :w, :v)",
        {"id": document_id, "h": digest, "s": spans, "w": packed_words, "v": int(variants)},
    )


def plain_documents(session: Session) -> dict[int, str]:
    """Indexed documents without traditional characters: document id → content hash (for
    these the stored text and its folded form are the same)."""
    if not tables_exist(session) or read_info(session, "fold") != fingerprint():
        return {}  # no index, or flags made with another variant table: no document is sure
    rows = _exec(session, "SELECT document_id, content_hash FROM search_documents "
                 "WHERE variants = 0")
    return {doc_id: digest for doc_id, digest in rows}


def variant_documents(session: Session) -> list[int]:
    """Indexed documents whose text has traditional characters."""
    rows = _exec(session, "SELECT document_id FROM search_documents WHERE variants = 1")
    return [doc_id for (doc_id,) in rows]


def remove_row(session: Session, document_id: int) -> None:
    """Delete a document's row from the index (the document itself may be gone already)."""
    packed = _exec(
        session, "SELECT words FROM search_documents WHERE document_id = :id", {"id": document_id}
    ).scalar()
    if packed is None:
        return
    _exec(
        session,
        "INSERT INTO search_fts (search_fts, rowid, words) VALUES ('delete', :id, :w)",
        {"id": document_id, "w": decompress_words(packed)},
    )
    _exec(session, "DELETE FROM search_documents WHERE document_id = :id", {"id": document_id})


def clear(session: Session) -> None:
    _exec(session, "INSERT INTO search_fts (search_fts) VALUES ('delete-all')")
    _exec(session, "DELETE FROM search_documents")


def term_counts(session: Session, term: str) -> tuple[int, int]:
    """(documents, occurrences) of an index form, from the FTS5 term list (no scan)."""
    row = session.connection().exec_driver_sql(
        "SELECT doc, cnt FROM search_term_counts WHERE term = ?", (term,)
    ).first()
    return (0, 0) if row is None else (row[0], row[1])


def term_instances(session: Session, term: str) -> Iterator[Row[Any]]:
    """(document id, token offset) of every occurrence of an index form, streamed in
    document-id and offset order (FTS5 keeps each term's postings sorted by rowid)."""
    rows = session.connection().exec_driver_sql(
        "SELECT doc, offset FROM search_terms WHERE term = ?", (term,)
    )
    yield from rows  # Rows unpack as (doc, offset)


def sequence_starts(session: Session, terms: Sequence[tuple[int, str]]) -> list[tuple[int, int]]:
    """(document id, offset) where ``terms`` — (offset from the start, form) pairs — all
    occur, each at its place. Worked out inside SQLite (the postings never reach Python):
    the commonest term's postings are scanned, each other term's become an IN-list of
    (document, offset) keys."""
    ranked = sorted(terms, key=lambda t: term_counts(session, t[1])[1], reverse=True)
    (lead, lead_form), others = ranked[0], ranked[1:]
    # (doc << 32) + offset: one integer key per posting (offsets stay far below 2**32).
    tests = " ".join(
        f"AND (doc << 32) + offset + {int(step) - int(lead)} IN "
        "(SELECT (doc << 32) + offset FROM search_terms WHERE term = ?)"
        for step, _ in others
    )
    sql = f"SELECT doc, offset - {int(lead)} FROM search_terms WHERE term = ? {tests}"
    params = (lead_form, *(form for _, form in others))
    return [(doc, offset) for doc, offset in session.connection().exec_driver_sql(sql, params)]


def spans_of(session: Session, document_ids: Sequence[int]) -> dict[int, bytes]:
    """The encoded word spans of these documents."""
    out: dict[int, bytes] = {}
    ids = list(document_ids)
    for i in range(0, len(ids), 500):
        chunk = ids[i : i + 500]
        marks = ",".join("?" * len(chunk))
        rows = session.connection().exec_driver_sql(
            f"SELECT document_id, spans FROM search_documents WHERE document_id IN ({marks})",
            tuple(chunk),
        )
        out.update({doc_id: blob for doc_id, blob in rows})
    return out
