"""One prepared read of the corpus, for the project workbook and its word sheets.

The workbook walks the documents once, in number order: each document's text is read once,
its passages arrive with it (in reading order, their text sliced from the document's), its
units come from the unit store (split only when the store lacks them) and its words from
the search index (segmented only when the index lacks the document as it is now). Whatever
needs the corpus — the 编码片段 rows, the word counts — is fed from this walk, so nothing
reads a text again and nothing but one document is held at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from annotator.analysis.unit_index import DEFAULT_CACHE, DocumentUnits
from annotator.chinese.structure import AUTO
from annotator.chinese.tokens import decode_spans, decompress_words
from annotator.db import corpus_reads
from annotator.records import DocumentInfo, PassageInfo

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from annotator.project import Project

#: The unit kind of the 款 and 项 of a statute's articles.
CLAUSE_KIND = "clause"

StoredWords = tuple[list[str], np.ndarray, np.ndarray]  # index forms, starts, ends


@dataclass
class DocumentRead:
    """One document as the walk hands it over."""

    info: DocumentInfo
    text: str
    passages: list[PassageInfo]
    stored: StoredWords | None  # its words as the search index holds them, if current


@dataclass(frozen=True)
class UnitSpans:
    """A document's units for the 单元编号 column: paragraphs and their sub-units, sorted
    by start (outermost first where two start together)."""

    numbers: Sequence[str]
    starts: np.ndarray
    ends: np.ndarray


class CorpusWalk:
    """Documents with their texts, passages and stored words, in document-number order.

    ``wants_tokens`` says whether stored words are to be decoded at all; ``index_terms`` is
    the term list the words must have been segmented with (None: never use the index)."""

    def __init__(
        self,
        project: Project,
        documents: Sequence[DocumentInfo],
        *,
        index_terms: frozenset[str] | None = None,
    ) -> None:
        self._project = project
        self._documents = documents
        self._index_terms = index_terms
        self._units: dict[int, DocumentUnits] = {}
        self._clauses: dict[int, DocumentUnits] = {}
        self.units_split = 0  # documents split here (their units were not stored)

    def __iter__(self) -> Iterator[DocumentRead]:
        by_id = {d.id: d for d in self._documents}
        with self._project.session_scope() as session:
            stored = self._stored_rows(session)
            next_stored = next(stored, None)
            passages = corpus_reads.iter_passage_rows(session)
            pending = next(passages, None)
            for doc_id, number, text in corpus_reads.iter_texts(session):
                info = by_id.get(doc_id)
                mine: list[PassageInfo] = []
                while pending is not None and pending.document_id == doc_id:
                    p = pending
                    mine.append(PassageInfo(
                        id=p.id, guid=p.guid, document_id=p.document_id, code_id=p.code_id,
                        coder_id=p.coder_id, coder_name=p.coder_name, start=p.start,
                        end=p.end, text=text[p.start:p.end], memo=p.memo,
                        created_at=p.created_at, origin=p.origin))
                    pending = next(passages, None)
                words = None
                while next_stored is not None and next_stored[0] < number:
                    next_stored = next(stored, None)  # an index row of a deleted document
                if next_stored is not None and next_stored[1] == doc_id:
                    if info is not None and next_stored[2] == info.content_hash:
                        words = next_stored[3]()
                    next_stored = next(stored, None)
                if info is None:
                    continue  # added while the workbook is written: not in its lists
                yield DocumentRead(info, text, mine, words)

    def _stored_rows(
        self, session: Session
    ) -> Iterator[tuple[int, int, str, Callable[[], StoredWords | None]]]:
        """(document number, id, content hash, decoder of its words) of the index's rows when the
        index was segmented with the wanted terms; nothing otherwise."""
        if self._index_terms is None:
            return
        if corpus_reads.index_terms_if_current(session) != self._index_terms:
            return
        for row in corpus_reads.iter_stored_tokens(session):
            yield row.number, row.document_id, row.content_hash, _decoder(row.words, row.spans)

    # -- units ---------------------------------------------------------------------------

    def prepare_units(self, document_ids: Sequence[int]) -> None:
        """Paragraphs and sub-units of these documents, as the project stores them (the
        tables and agreement read the same ones from the same cache)."""
        if not document_ids:
            return
        with self._project.session_scope() as session:
            self._units = DEFAULT_CACHE.units(session, document_ids, "paragraph")
            self._clauses = DEFAULT_CACHE.units(session, document_ids, CLAUSE_KIND)

    def units(self, document: DocumentRead) -> UnitSpans:
        """The document's paragraphs and sub-units, sorted by start (outermost first); split
        from the text in hand only should the project lack them."""
        info = document.info
        paragraphs = self._units.pop(info.id, None)
        clauses = self._clauses.pop(info.id, None)
        if paragraphs is None or clauses is None:
            every = DEFAULT_CACHE.split_all(info.number, info.content_hash,
                                            info.numbering or AUTO, document.text)
            paragraphs, clauses = every["paragraph"], every[CLAUSE_KIND]
            self.units_split += 1
        numbers = [*paragraphs.numbers, *clauses.numbers]
        starts = np.concatenate((paragraphs.starts, clauses.starts))
        ends = np.concatenate((paragraphs.ends, clauses.ends))
        order = np.lexsort((-ends, starts))
        return UnitSpans([numbers[i] for i in order.tolist()], starts[order], ends[order])


def _decoder(words: bytes, spans: bytes) -> Callable[[], StoredWords | None]:
    """Decode a stored row only when its document is reached (and only once); a row that
    cannot be decoded gives None (the document is then segmented: never a wrong count)."""

    def decode() -> StoredWords | None:
        try:
            body = decompress_words(words)
            forms = body.split(" ") if body else []
            starts, ends = decode_spans(spans) if forms else ([], [])
        except Exception:  # zlib.error, a damaged blob: segment the text instead
            return None
        return forms, np.asarray(starts, dtype=np.int64), np.asarray(ends, dtype=np.int64)

    return decode
