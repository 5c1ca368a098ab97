"""Search results with context, and the search entry point."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.db.models import Document
from annotator.search import query as q
from annotator.search import tables
from annotator.search.index import current_terms, ensure_index, index_segmenter, unindexed_ids
from annotator.search.units import UnitLocator

if TYPE_CHECKING:
    from annotator.project import Project

CONTEXT = 30  # characters shown on each side of a hit


@dataclass(frozen=True)
class SearchHit:
    """One match. Offsets are code points; ``sentence`` and ``paragraph`` are the spans of
    the sentence and paragraph holding the match (the match itself where there is none)."""

    document_id: int
    document_number: int
    document_title: str
    start: int
    end: int
    text: str
    before: str  # up to CONTEXT characters before the match
    after: str  # up to CONTEXT characters after it
    sentence: tuple[int, int]
    paragraph: tuple[int, int]
    unit_number: str  # the paragraph's unit number, e.g. "3-2"; "" outside paragraphs

    @property
    def context(self) -> str:
        return f"{self.before}{self.text}{self.after}"


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
    """The first ``limit`` matches (all when None) as hits, in document-number order."""
    if not matches.counts:
        return []
    docs = session.execute(
        select(Document.id, Document.number, Document.title)
        .where(Document.id.in_(list(matches.counts)))
        .order_by(Document.number)
    ).all()
    # Only the documents the page needs have their spans resolved and texts read.
    chosen: list[tuple[int, int, str]] = []
    room = limit
    for row in docs:
        if room is not None and room <= 0:
            break
        chosen.append(row)
        if room is not None:
            room -= matches.counts[row[0]]
    spans = matches.spans(d for d, _, _ in chosen)
    hits: list[SearchHit] = []
    for doc_id, number, title in chosen:
        text = session.scalar(select(Document.text).where(Document.id == doc_id)) or ""
        units = UnitLocator(number, text)
        for start, end in spans[doc_id]:
            if limit is not None and len(hits) >= limit:
                break
            paragraph = units.paragraph(start, end)
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
                    sentence=units.sentence(start, end) or (start, end),
                    paragraph=paragraph[0] if paragraph else (start, end),
                    unit_number=paragraph[1] if paragraph else "",
                )
            )
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
        stale = word and tables.read_terms(s) != current_terms(s)
        matches = q.find_matches(s, query, mode=mode, whole_word=whole_word, segmenter=segmenter)
        hits = make_hits(s, matches, limit)
        return SearchResult(
            query=query,
            mode=mode,
            whole_word=whole_word,
            hits=hits,
            total=matches.total,
            document_count=len(matches.counts),
            unindexed=len(unindexed_ids(s)) if word else 0,
            index_stale=stale,
        )
