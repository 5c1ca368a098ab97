"""Keep the search index in step with the documents and the project's terms.

Each document is indexed once, when it is added (:func:`index_new_document`, called inside the
importing transaction); :func:`ensure_index` indexes any document still missing (projects made
before the index existed, REFI-QDA imports, a failed hook) and drops deleted ones.

The index is segmented with one term list, stored with it, and queries are segmented with the
same list, so that a query's words and the indexed words always agree. When the project's
terms change (a code keyword, the term list), :func:`ensure_index` re-indexes only the
documents that contain an added or removed term — a user-dictionary word can only change how
text holding it is segmented — and adopts the new list. Until then the index answers with the
old list and says so (``IndexStatus.stale_terms``). :func:`rebuild_index` re-segments
everything (after a jieba or segmenter upgrade, say).

Texts are segmented in folded form (:func:`annotator.chinese.variants.fold`, one simplified
character for each traditional one, offsets unchanged) with the folded term list, so a
traditional text is segmented as its simplified twin and its words are indexed as such.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from annotator.chinese.segment import Segmenter, segmenter_for
from annotator.chinese.tokens import Span, compress_words, encode_spans, index_terms
from annotator.chinese.variants import fold, same_words
from annotator.db import search_index as tables
from annotator.db.models import Document
from annotator.search import texts
from annotator.words.terms import terms_in_session

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from annotator.project import Project

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
# Documents segmented between two short write transactions: the write lock is never held
# while jieba runs, so the window can keep coding while a large index is built.
BATCH = 25
#: Rows written per transaction by :func:`ensure_index` (a coding waits for no more).
WRITE_BATCH = 5
#: Makes index rows: ``segment(terms, [(document id, content hash, text), …])``.
Segment = Callable[[frozenset[str], Sequence[tuple[int, str, str]]], list["IndexRow"]]


@dataclass(frozen=True)
class IndexStatus:
    documents: int  # documents in the project
    indexed: int  # of those, documents in the index
    stale_terms: bool  # the index was segmented with another term list than the current one

    @property
    def missing(self) -> int:
        return self.documents - self.indexed


@dataclass(frozen=True)
class IndexRow:
    """One document's index row, as :func:`segment_document` makes it."""

    document_id: int
    digest: str
    spans: bytes
    words: str
    packed: bytes
    variants: bool  # the text has traditional characters


def _index_terms(session: Session) -> frozenset[str]:
    """The index's term list; an empty index takes the current terms."""
    terms = tables.read_terms(session)
    if terms is None or tables.is_empty(session):
        fresh = terms_in_session(session)
        if fresh != terms:
            tables.write_terms(session, fresh)
        terms = fresh
    return terms


def folded_segmenter(terms: frozenset[str]) -> Segmenter:
    """The segmenter for folded text: the terms in folded form (the very segmenter of
    ``terms`` when they have no traditional characters, as is usual)."""
    return segmenter_for(same_words(terms))


def index_segmenter(session: Session) -> Segmenter:
    """The segmenter the index was built with (queries, folded, must be segmented with it
    too)."""
    tables.create_tables(session)
    return folded_segmenter(_index_terms(session))


def index_words(segmenter: Segmenter, folded: str) -> tuple[list[str], list[Span]]:
    """The index's words of a folded text and their spans, as the index stores them."""
    return index_terms(segmenter.token_spans(folded))


def segment_document(
    segmenter: Segmenter, document_id: int, digest: str, text: str
) -> IndexRow:
    folded = fold(text)
    forms, spans = index_words(segmenter, folded)
    return IndexRow(document_id, digest, encode_spans(spans), " ".join(forms),
                    compress_words(forms), folded is not text)


def _store(session: Session, row: IndexRow, vocabulary: set[str] | None = None) -> None:
    tables.add_row(session, row.document_id, row.digest, row.spans, row.words, row.packed,
                   row.variants, vocabulary)


class NewDocumentIndexer:
    """Indexes the documents one import adds, each inside the transaction that adds it: the
    index tables are checked and the segmenter built once per import, not per document (the
    stored term list is compared as one value per document, so an index rebuilt meanwhile
    with other terms is followed). The index is derived data: if indexing fails, the
    document is still added (and :func:`ensure_index` indexes it later)."""

    def __init__(self) -> None:
        self._terms: str | None = None  # the stored term list the segmenter was built for
        self._segmenter: Segmenter | None = None
        self._started: str | None = None  # the list rows segmented ahead were made with
        # Index forms this import has put in the vocabulary table (not asked for again).
        self._vocabulary: set[str] = set()

    def forget_vocabulary(self) -> None:
        """After a rollback: what this import added to the vocabulary may be gone."""
        self._vocabulary = set()

    def start(self, session: Session) -> frozenset[str] | None:
        """The terms to segment this import's documents with ahead of :meth:`__call__`
        (None: the index cannot be written; documents are indexed later)."""
        try:
            with session.begin_nested():
                self._segmenter = index_segmenter(session)
                self._terms = self._started = tables.read_info(session, "terms")
        except Exception:
            log.warning("search index not ready; documents will be indexed later",
                        exc_info=True)
            return None
        return self._segmenter.terms

    def __call__(self, session: Session, document: Document,
                 row: IndexRow | None = None) -> None:
        """Index ``document``; ``row`` is its text segmented ahead with :meth:`start`'s
        terms (taken only while the index keeps those terms)."""
        try:
            with session.begin_nested():
                stored = tables.read_info(session, "terms") if self._segmenter else None
                if self._segmenter is None or stored != self._terms:
                    self.forget_vocabulary()  # the index may have been made anew
                    self._segmenter = index_segmenter(session)
                    self._terms = tables.read_info(session, "terms")
                if row is None or self._terms != self._started \
                        or row.digest != document.content_hash:
                    row = segment_document(self._segmenter, document.id,
                                           document.content_hash, document.text)
                tables.remove_row(session, document.id)  # nothing to remove, as a rule
                _store(session, replace(row, document_id=document.id), self._vocabulary)
        except Exception:  # never fail an import over the index; KeyboardInterrupt still stops
            self._segmenter = None
            self.forget_vocabulary()
            log.warning("could not index document %s; it will be indexed later", document.id,
                        exc_info=True)


def index_new_document(session: Session, document: Document) -> None:
    """Index a document just added, inside the transaction that adds it (see
    :class:`NewDocumentIndexer`, which an import of many files keeps for all of them)."""
    NewDocumentIndexer()(session, document)


# More changed terms than this and every document is re-segmented (one scan per term).
MAX_TERM_SCANS = 40


def _documents_containing(session: Session, terms: Sequence[str]) -> list[int] | None:
    """Ids of documents whose folded text may contain any of ``terms``; None when there are
    too many terms to look for (then every document counts). Texts with traditional
    characters always count: instr() sees the stored characters only."""
    if len(terms) > MAX_TERM_SCANS:
        return None
    found: set[int] = set(tables.variant_documents(session))
    for term in sorted({fold(t) for t in terms}):  # instr() scans in C, no texts in Python
        found.update(tables.documents_holding(session, term))
    return sorted(found)


def _adopt_current_terms(session: Session) -> bool:
    """If the project's terms changed, drop the index rows of the documents the change
    touches (they are then indexed again as missing) and store the new list; whether they
    changed."""
    stored = tables.read_terms(session)
    current = terms_in_session(session)
    if stored == current:
        return False
    if stored is not None:
        touched = _documents_containing(session, sorted(stored ^ current))
        if touched is None:
            tables.clear(session)
        else:
            for doc_id in touched:
                tables.remove_row(session, doc_id)
    tables.write_terms(session, current)
    return True


def _plan(session: Session) -> list[int]:
    """Bring the index's rows and terms up to date; return the ids still to index, by
    document number."""
    tables.create_tables(session)
    live = texts.snapshot(session)
    indexed = tables.indexed_hashes(session)
    stale = [doc_id for doc_id, digest in indexed.items() if live.hashes.get(doc_id) != digest]
    for doc_id in stale:
        tables.remove_row(session, doc_id)
    if _adopt_current_terms(session) or stale:
        indexed = tables.indexed_hashes(session)
    return [doc_id for doc_id in live.order if indexed.get(doc_id) != live.hashes[doc_id]]


def ensure_index(
    project: Project,
    *,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
    segment: Segment | None = None,
) -> int:
    """Index every document not yet indexed and forget deleted ones; returns the number of
    documents indexed now. Works in batches of short transactions; ``progress(done, total)``
    after each batch; ``should_cancel()`` stops between batches (what is done stays).
    ``segment(terms, [(id, hash, text), …])`` makes a batch's rows (default: here; the
    window has a worker process do it, so that jieba never contends with its GUI thread)."""
    with project.session_scope() as s:
        todo = _plan(s)
        if not todo:
            return 0
        terms = _index_terms(s)
    segmenter = folded_segmenter(terms)
    done = 0
    for i in range(0, len(todo), BATCH):
        if should_cancel is not None and should_cancel():
            break
        batch = todo[i : i + BATCH]
        with project.session_scope() as s:
            texts = tables.read_texts(s, batch)
        if segment is None:
            rows = [segment_document(segmenter, *row) for row in texts]
        else:
            rows = segment(terms, texts)
        for k in range(0, len(rows), WRITE_BATCH):  # the write lock for a few rows at a time
            with project.session_scope() as s:
                if tables.read_terms(s) != terms:  # rebuilt meanwhile with other terms
                    return done
                indexed = tables.indexed_hashes(s)
                live = tables.hashes_of(s, [row.document_id for row in rows[k:k + WRITE_BATCH]])
                for row in rows[k:k + WRITE_BATCH]:
                    if row.document_id not in indexed and live.get(row.document_id) == row.digest:
                        _store(s, row)
                        done += 1
        if progress is not None:
            progress(min(i + BATCH, len(todo)), len(todo))
    return done


def rebuild_index(
    project: Project,
    *,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> int:
    """Re-segment every document with the project's current terms. Returns the number of
    documents indexed."""
    with project.session_scope() as s:
        tables.create_tables(s)
        tables.clear(s)
        tables.write_terms(s, terms_in_session(s))
    return ensure_index(project, progress=progress, should_cancel=should_cancel)


def index_status(project: Project) -> IndexStatus:
    with project.session_scope() as s:
        live, _numbers = tables.document_order(s)
        documents = len(live)
        if not tables.tables_exist(s):
            return IndexStatus(documents, 0, False)
        indexed = sum(
            1 for doc_id, digest in tables.indexed_hashes(s).items() if live.get(doc_id) == digest
        )
        stored = tables.read_terms(s)
        stale = indexed > 0 and stored is not None and stored != terms_in_session(s)
        return IndexStatus(documents, indexed, stale)


def unindexed_ids(session: Session) -> Sequence[int]:
    """Documents not (or not correctly) in the index, without changing anything."""
    live = texts.snapshot(session).hashes
    if not tables.tables_exist(session):
        return list(live)
    indexed = tables.indexed_hashes(session)
    return [doc_id for doc_id, digest in live.items() if indexed.get(doc_id) != digest]
