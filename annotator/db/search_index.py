"""The search index tables: derived data, created on demand, outside the schema versioning.

``search_fts``       contentless FTS5 table, rowid = document id, one column of index forms
                     (see :mod:`annotator.chinese.tokens`), positions kept (detail=full);
``search_terms``     fts5vocab "instance" view of it: (term, doc, offset) rows, looked up
                     by term, which gives every occurrence of a word without reading texts;
``search_term_counts`` fts5vocab "row" view: per term, documents and occurrences (fast);
``search_documents`` per indexed document: its content hash, the code-point spans of its
                     indexed words, the compressed FTS row (needed to delete the row) and
                     whether its text has traditional characters (``variants``: only those
                     texts can hold a folded form the stored characters do not show);
``search_info``      key/value: the index format, the variant table and the term list it
                     was segmented with;
``search_vocab``     every index form ever indexed (a superset of the FTS term list: rows are
                     not removed one by one), so that the terms holding, starting or ending
                     with a string are found without reading the FTS doclists;
``search_generation`` one row: a random token that triggers renew whenever a document's id,
                     number or text or any index row changes (so a search compares one value,
                     not every document's hash, to know that what it derived still holds),
                     and the count of index rows inserted with and without their vocabulary.

The generation table and the triggers on ``documents`` are never dropped with the index (an
older version dropping its tables must not leave triggers pointing nowhere).

Documents are indexed in folded form (:mod:`annotator.chinese.variants`): 實驗室 is indexed
as 实验室, at the same offsets.

None of these functions commits.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Result, Row, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from annotator.chinese.tokens import BREAK, decompress_words
from annotator.chinese.variants import fingerprint
from annotator.errors import AnnotatorError

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
_DROP = ("search_terms", "search_term_counts", "search_fts", "search_documents", "search_info",
         "search_vocab")

_VOCAB = ("CREATE TABLE IF NOT EXISTS search_vocab (term TEXT PRIMARY KEY) WITHOUT ROWID",)
_RENEW = "UPDATE search_generation SET token = hex(randomblob(8))"
_RENEW_TERMS = "UPDATE search_generation SET terms_token = hex(randomblob(8))"
# name → (when, body): the documents' ids, order and texts and the index rows renew the
# token; the word lists and the codes (their keywords) renew the terms token.
_TRIGGERS = {
    "search_gen_doc_insert": ("AFTER INSERT ON documents", _RENEW),
    "search_gen_doc_delete": ("AFTER DELETE ON documents", _RENEW),
    # Only what search derives from (a title edit keeps the state).
    "search_gen_doc_update": ("AFTER UPDATE OF id, number, text, content_hash ON documents",
                              _RENEW),
    "search_gen_words_insert": ("AFTER INSERT ON word_lists", _RENEW_TERMS),
    "search_gen_words_delete": ("AFTER DELETE ON word_lists", _RENEW_TERMS),
    "search_gen_words_update": ("AFTER UPDATE ON word_lists", _RENEW_TERMS),
    "search_gen_codes_insert": ("AFTER INSERT ON codes", _RENEW_TERMS),
    "search_gen_codes_delete": ("AFTER DELETE ON codes", _RENEW_TERMS),
    "search_gen_codes_update": ("AFTER UPDATE OF keywords ON codes", _RENEW_TERMS),
}
# On the index's own table (dropped with it, so made again with it).
_INDEX_TRIGGERS = {
    "search_gen_index_insert": ("AFTER INSERT ON search_documents",
                                f"{_RENEW}, inserts = inserts + 1"),
    "search_gen_index_delete": ("AFTER DELETE ON search_documents", _RENEW),
    "search_gen_index_update": ("AFTER UPDATE ON search_documents", _RENEW),
    # The index's term list and format live here.
    "search_gen_info_insert": ("AFTER INSERT ON search_info", _RENEW),
    "search_gen_info_delete": ("AFTER DELETE ON search_info", _RENEW),
    "search_gen_info_update": ("AFTER UPDATE ON search_info", _RENEW),
}
# One read per search: the tokens, and whether the marker and the index are all there.
_GENERATION = (
    "SELECT token, terms_token, (SELECT count(*) FROM sqlite_master WHERE "
    "(type = 'table' AND name IN ('search_fts', 'search_info', 'search_vocab')) OR "
    "(type = 'trigger' AND name IN ("
    + ", ".join(f"'{name}'" for name in (*_TRIGGERS, *_INDEX_TRIGGERS))
    + "))) FROM search_generation WHERE id = 1"
)
_WITH_INDEX = 3 + len(_TRIGGERS) + len(_INDEX_TRIGGERS)


def _exec(session: Session, sql: str, params: dict[str, Any] | None = None) -> Result[Any]:
    return session.execute(text(sql), params or {})


@lru_cache(maxsize=1)
def _fold() -> str:
    return fingerprint()  # a hash over the whole variant table: once per process


def info_matches(session: Session) -> bool:
    """Whether the index is of this format, folded with this variant table (one read)."""
    rows = dict(session.connection().exec_driver_sql(
        "SELECT key, value FROM search_info WHERE key IN ('format', 'fold')").all())
    return rows.get("format") == FORMAT and rows.get("fold") == _fold()


def tables_exist(session: Session) -> bool:
    found = _exec(
        session, "SELECT count(*) FROM sqlite_master WHERE name IN ('search_fts', 'search_info')"
    ).scalar()
    return found == 2


def create_tables(session: Session) -> None:
    """Create the index tables if missing; drop and recreate an index of another format or
    folded with another variant table (an OpenCC upgrade may change it)."""
    if tables_exist(session):
        if info_matches(session):
            generation(session)  # the triggers of an index made before they existed
            return  # the common case: nothing to write
        drop_tables(session)
    try:
        for statement in (*_CREATE, *_VOCAB):
            _exec(session, statement)
    except OperationalError as exc:  # an SQLite built without FTS5
        raise AnnotatorError(f"word search needs SQLite with FTS5: {exc.orig}") from exc
    write_info(session, "format", FORMAT)
    write_info(session, "fold", _fold())
    _ensure_marker(session)
    if is_empty(session):  # a new, empty index: its (empty) vocabulary is complete
        _exec(session, "UPDATE search_generation SET vocab_inserts = inserts WHERE id = 1")


def drop_tables(session: Session) -> None:
    for name in _DROP:  # the vocabulary view first: it depends on the FTS table
        _exec(session, f"DROP TABLE IF EXISTS {name}")
    if _marker_present(session):
        # DROP fires no DELETE trigger: renew the token by hand; the vocabulary is gone.
        _exec(session, _RENEW + ", vocab_inserts = -1")


def _marker_present(session: Session) -> bool:
    return bool(_exec(session, "SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                      "AND name = 'search_generation'").scalar())


def _ensure_marker(session: Session) -> None:
    """Create the generation row and whichever triggers are missing (new tokens then: what
    happened without them is unknown)."""
    _exec(session, "CREATE TABLE IF NOT EXISTS search_generation ("
          "id INTEGER PRIMARY KEY CHECK (id = 1), token TEXT NOT NULL, "
          "terms_token TEXT NOT NULL, "
          "inserts INTEGER NOT NULL DEFAULT 0, vocab_inserts INTEGER NOT NULL DEFAULT -1)")
    _exec(session, "INSERT OR IGNORE INTO search_generation (id, token, terms_token) "
          "VALUES (1, '', '')")
    triggers = dict(_TRIGGERS)
    if tables_exist(session):
        _exec(session, _VOCAB[0])
        triggers.update(_INDEX_TRIGGERS)
    for name, (when, body) in triggers.items():
        _exec(session, f"CREATE TRIGGER IF NOT EXISTS {name} {when} BEGIN {body}; END")
    _exec(session, _RENEW)
    _exec(session, _RENEW_TERMS)


def _read_generation(session: Session) -> tuple[str, str, int] | None:
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        return cursor.execute(_GENERATION).fetchone()  # type: ignore[no-any-return]
    except sqlite3.OperationalError:  # no generation table yet
        return None
    finally:
        cursor.close()


def generation(session: Session) -> tuple[str, str]:
    """Two tokens: one changes whenever documents (ids, numbers, texts) or the index change,
    the other whenever the word lists or code keywords do. Equal tokens, equal data. Creates
    the marker when missing (one read in the common case, on the driver's cursor: every
    search asks)."""
    row = _read_generation(session)
    if row is None or row[2] not in (len(_TRIGGERS), _WITH_INDEX) or (
            row[2] == len(_TRIGGERS) and tables_exist(session)):
        _ensure_marker(session)
        row = _read_generation(session)
    assert row is not None
    return str(row[0]), str(row[1])


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
    return None if value is None else _parse_terms(value)


@lru_cache(maxsize=4)
def _parse_terms(value: str) -> frozenset[str]:
    return frozenset(json.loads(value))  # asked for by every whole-word search


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
            packed_words: bytes, variants: bool, vocabulary: set[str] | None = None) -> None:
    """Index one document. ``vocabulary``: forms known to be in the vocabulary table in
    this transaction (an import's earlier documents), not inserted again; the forms added
    here are added to it."""
    conn = session.connection()  # the driver's statements: an import runs these per file
    conn.exec_driver_sql("INSERT INTO search_fts (rowid, words) VALUES (?, ?)",
                         (document_id, words))
    conn.exec_driver_sql(
        "INSERT INTO search_documents (document_id, content_hash, spans, words, variants) "
        "VALUES (?, ?, ?, ?, ?)", (document_id, digest, spans, packed_words, int(variants)))
    forms = set(words.split(" "))
    forms.discard(BREAK)
    forms.discard("")
    if vocabulary is not None:
        forms -= vocabulary
        vocabulary |= forms
    # One statement, terms in key order: SQLite walks the list in C (a third of the cost of
    # one INSERT per term).
    if forms:
        conn.exec_driver_sql(
            "INSERT OR IGNORE INTO search_vocab (term) SELECT value FROM json_each(?)",
            (json.dumps(sorted(forms), ensure_ascii=False),))
    # The trigger counted the row; counting its vocabulary too keeps the two equal (an
    # index row added by a version without the vocabulary leaves them apart).
    conn.exec_driver_sql("UPDATE search_generation SET vocab_inserts = vocab_inserts + 1 "
                         "WHERE id = 1 AND vocab_inserts >= 0")


def plain_documents(session: Session) -> dict[int, str]:
    """Indexed documents without traditional characters: document id → content hash (for
    these the stored text and its folded form are the same)."""
    if not tables_exist(session) or read_info(session, "fold") != _fold():
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
    # Its terms stay in the vocabulary: a term in no row only widens a candidate query.


def clear(session: Session) -> None:
    _exec(session, "INSERT INTO search_fts (search_fts) VALUES ('delete-all')")
    _exec(session, "DELETE FROM search_documents")
    _exec(session, "DELETE FROM search_vocab")


def vocabulary(session: Session) -> list[str]:
    """Every index form indexed (and maybe some no longer in any row), sorted. Rebuilt from
    the FTS term list when rows were indexed without it (a slow scan, once)."""
    conn = session.connection()
    row = conn.exec_driver_sql(
        "SELECT inserts, vocab_inserts FROM search_generation WHERE id = 1").first()
    if row is None or row[0] != row[1]:
        _exec(session, _VOCAB[0])
        _exec(session, "DELETE FROM search_vocab")
        _exec(session, "INSERT INTO search_vocab (term) SELECT term FROM search_term_counts")
        _exec(session, "UPDATE search_generation SET vocab_inserts = inserts WHERE id = 1")
    return [term for (term,) in conn.exec_driver_sql(
        "SELECT term FROM search_vocab ORDER BY term")]


def term_documents(session: Session, terms: Iterable[str]) -> dict[str, int]:
    """Term → number of indexed documents holding it (0 for a term in none), one point
    lookup in the FTS term list each (no doclist is read for it)."""
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    out: dict[str, int] = {}
    try:
        for term in terms:
            row = cursor.execute("SELECT doc FROM search_term_counts WHERE term = ?",
                                 (term,)).fetchone()
            out[term] = 0 if row is None else row[0]
    finally:
        cursor.close()
    return out


def documents_matching(session: Session, expression: str, limit: int = -1) -> list[int]:
    """Ids of the indexed documents matching an FTS5 query expression, at most ``limit``
    (-1: all; FTS5 stops reading the doclists there)."""
    return [doc_id for (doc_id,) in session.connection().exec_driver_sql(
        "SELECT rowid FROM search_fts WHERE search_fts MATCH ? LIMIT ?", (expression, limit))]


def index_state(session: Session) -> tuple[bool, dict[int, str]]:
    """Whether the index tables are there in this format and fold, and document id → content
    hash of each indexed document."""
    if not tables_exist(session):
        return False, {}
    usable = info_matches(session)
    return usable, indexed_hashes(session)


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


def _rows_of(session: Session, select: str, column: str, ids: Sequence[int],
             chunk: int = 500) -> Iterator[Row[Any]]:
    """Rows of ``select`` whose ``column`` is one of ``ids``, asked ``chunk`` ids at a
    time (SQLite's limit on bound parameters)."""
    ids = list(ids)
    for i in range(0, len(ids), chunk):
        part = ids[i : i + chunk]
        marks = ",".join("?" * len(part))
        yield from session.connection().exec_driver_sql(
            f"{select} WHERE {column} IN ({marks})", tuple(part))


def spans_of(session: Session, document_ids: Sequence[int]) -> dict[int, bytes]:
    """The encoded word spans of these documents."""
    return dict(_rows_of(session, "SELECT document_id, spans FROM search_documents",
                         "document_id", document_ids))


def document_order(session: Session) -> tuple[dict[int, str], list[tuple[int, int]]]:
    """Document id → content hash, and (id, number) pairs, of every document. Two scans of
    covering indexes (reading the hashes in number order from the table would step over
    every text, ≈15 times slower), through the driver's cursor (SQLAlchemy's rows would
    triple the cost)."""
    cursor = session.connection().connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        hashes = dict(cursor.execute("SELECT id, content_hash FROM documents").fetchall())
        numbers = cursor.execute("SELECT id, number FROM documents").fetchall()
    finally:
        cursor.close()
    return hashes, numbers


def document_hash(session: Session, document_id: int) -> str | None:
    return session.connection().exec_driver_sql(
        "SELECT content_hash FROM documents WHERE id = ?", (document_id,)).scalar()


def hashes_of(session: Session, document_ids: Sequence[int]) -> dict[int, str]:
    """Document id → content hash of these documents (any that exist), texts unread."""
    return dict(_rows_of(session, "SELECT id, content_hash FROM documents", "id", document_ids))


def read_texts(session: Session, document_ids: Sequence[int]) -> list[tuple[int, str, str]]:
    """(id, content hash, text) of these documents (any that exist)."""
    return [tuple(row) for row in _rows_of(  # type: ignore[misc]
        session, "SELECT id, content_hash, text FROM documents", "id", document_ids, 200)]


def heads(session: Session, document_ids: Sequence[int]) -> dict[int, tuple[int, str, str]]:
    """Document id → (number, title, unit numbering) of these documents."""
    return {doc_id: (number, title, numbering) for doc_id, number, title, numbering in _rows_of(
        session, "SELECT id, number, title, numbering FROM documents", "id", document_ids)}


def documents_holding(session: Session, needle: str) -> set[int]:
    """Ids of the documents whose stored text holds ``needle`` (instr() in C, stopping at
    each text's first match)."""
    return {doc_id for (doc_id,) in session.connection().exec_driver_sql(
        "SELECT id FROM documents WHERE instr(text, ?) > 0", (needle,))}
