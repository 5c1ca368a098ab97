"""Search results with context, and the search entry point."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.chinese.terms import terms_in_session
from annotator.db.models import Document
from annotator.search import query as q
from annotator.search import tables, texts
from annotator.search.index import ensure_index, index_segmenter, unindexed_ids
from annotator.search.units import UnitLocator

if TYPE_CHECKING:
    from annotator.project import Project

CONTEXT = 30  # characters shown on each side of a hit


@dataclass(frozen=True)
class SearchHit:
    """One match. Offsets are code points. The sentence and paragraph holding the match are
    worked out when first read (a results view asks only for the rows it shows)."""

    document_id: int
    document_number: int
    document_title: str
    start: int
    end: int
    text: str
    before: str  # up to CONTEXT characters before the match
    after: str  # up to CONTEXT characters after it
    _units: UnitLocator = field(repr=False, compare=False)

    @property
    def context(self) -> str:
        return f"{self.before}{self.text}{self.after}"

    @property
    def sentence(self) -> tuple[int, int]:
        """The sentence(s) holding the match; the match itself outside any sentence."""
        return self._units.sentence(self.start, self.end) or (self.start, self.end)

    @property
    def paragraph(self) -> tuple[int, int]:
        """The paragraph(s) holding the match; the match itself outside any paragraph."""
        found = self._units.paragraph(self.start, self.end)
        return found[0] if found else (self.start, self.end)

    @property
    def unit_number(self) -> str:
        """The paragraph's unit number, e.g. "3-2-1"; "" outside paragraphs."""
        found = self._units.paragraph(self.start, self.end)
        return found[1] if found else ""


@dataclass(frozen=True)
class SearchResult:
    query: str
    mode: str
    whole_word: bool
    hits: list[SearchHit]  # by document number, then position; at most the limit asked
    total: int  # every match in the corpus
    document_count: int  # documents with at least one match
    unindexed: int = 0  # word mode: documents not in the index yet (not searched)
    index_stale: bool = False  # word mode: the index was segmented with an older term list

    @property
    def truncated(self) -> bool:
        return len(self.hits) < self.total


def make_hits(
    session: Session, matches: q.Matches, limit: int | None = None
) -> list[SearchHit]:
    """The first ``limit`` matches (all when None) as hits, in document-number order; only
    the documents these hits come from are resolved and read."""
    hits: list[SearchHit] = []
    if (limit is not None and limit <= 0) or not matches.total:
        return hits
    heads = {
        doc_id: (number, title)
        for doc_id, number, title in session.execute(
            select(Document.id, Document.number, Document.title)
        )
    }
    every = texts.texts_for(session) if limit is None else None
    for doc_id, spans in matches.documents():
        number, title = heads[doc_id]
        text = every[doc_id] if every is not None else texts.text(session, doc_id)
        units = UnitLocator(number, text)
        for start, end in spans:
            hits.append(
                SearchHit(
                    document_id=doc_id,
                    document_number=number,
                    document_title=title,
                    start=start,
                    end=end,
                    text=text[start:end],
                    before=text[max(0, start - CONTEXT) : start],
                    after=text[end : end + CONTEXT],
                    _units=units,
                )
            )
            if limit is not None and len(hits) >= limit:
                return hits
    return hits


def search(
    project: Project,
    query: str,
    *,
    mode: str = q.WORD,
    whole_word: bool = True,
    limit: int | None = None,
    ensure: bool = True,
) -> SearchResult:
    """Search every document. ``mode``: "word" (segmented words; ``whole_word=False`` also
    finds the characters inside longer words), "phrase" (exact characters) or "regex"
    (Python ``re``). Returns at most ``limit`` hits (all when None) and the full counts.

    Word mode first indexes any document not yet indexed (``ensure``; pass False from a
    thread that must not wait for that, and read ``unindexed`` on the result)."""
    word = mode == q.WORD and whole_word
    if word and ensure:
        ensure_index(project)
    with project.session_scope() as s:
        segmenter = index_segmenter(s) if word else None
        stale = word and tables.read_terms(s) != terms_in_session(s)
        matches = q.find_matches(s, query, mode=mode, whole_word=whole_word, segmenter=segmenter)
        hits = make_hits(s, matches, limit)
        return SearchResult(
            query=query,
            mode=mode,
            whole_word=whole_word,
            hits=hits,
            total=matches.total,
            document_count=matches.document_count,
            unindexed=len(unindexed_ids(s)) if word else 0,
            index_stale=stale,
        )
