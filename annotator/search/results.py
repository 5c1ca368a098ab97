"""Search results with context, and the search entry point."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from annotator.chinese.terms import terms_in_session
from annotator.errors import InvalidOperation
from annotator.search import query as q
from annotator.db import search_index as tables
from annotator.search import texts
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
    mode: str  # the mode the search ran in: "phrase", "word" (whole words) or "regex"
    whole_word: bool  # mode == "word"
    hits: list[SearchHit]  # by document number, then position; at most the limit asked
    total: int  # every match in the corpus
    document_count: int  # documents with at least one match
    unindexed: int = 0  # word mode: documents not in the index yet (not searched)
    index_stale: bool = False  # word mode: the index was segmented with an older term list
    _rest: Callable[[], list[SearchHit]] | None = field(default=None, repr=False,
                                                        compare=False)

    @property
    def truncated(self) -> bool:
        return len(self.hits) < self.total

    def all_hits(self) -> list[SearchHit]:
        """Every match of this search — the listed hits first, then the ones past the limit —
        exactly as this search found them: ``total`` hits. Raises InvalidOperation when the
        rest cannot be the same any more (documents added or removed, or the word index
        re-segmented since); then search again."""
        if not self.truncated or self._rest is None:
            return list(self.hits)
        every = self._rest()
        if len(every) != self.total or every[: len(self.hits)] != self.hits:
            raise InvalidOperation("the documents changed since this search; search again")
        return every


def make_hits(
    session: Session, matches: q.Matches, limit: int | None = None
) -> list[SearchHit]:
    """The first ``limit`` matches (all when None) as hits, in document-number order; only
    the documents these hits come from are resolved and read."""
    if (limit is not None and limit <= 0) or not matches.total:
        return []
    stored = matches.texts
    if limit is None:
        heads = _Heads(session, every=True)
        if stored is None:
            stored = texts.texts_for(session)
    else:
        heads = _Heads(session, every=False)
    return _hits(matches, heads, lambda d: stored[d] if stored is not None
                 else texts.text(session, d), limit)


class _Heads:
    """Documents' numbers and titles: all at once, or one by one as hits need them (a page
    of hits comes from a few documents)."""

    def __init__(self, session: Session, *, every: bool) -> None:
        self._session = session
        self._known: dict[int, tuple[int, str, str]] = {}
        if every:
            rows = session.connection().exec_driver_sql(
                "SELECT id, number, title, numbering FROM documents")
            self._known = {doc_id: (number, title, numbering)
                           for doc_id, number, title, numbering in rows}

    def __getitem__(self, doc_id: int) -> tuple[int, str, str]:
        """(number, title, unit numbering) of a document."""
        found = self._known.get(doc_id)
        if found is None:
            row = self._session.connection().exec_driver_sql(
                "SELECT number, title, numbering FROM documents WHERE id = ?", (doc_id,)).one()
            found = self._known[doc_id] = (row[0], row[1], row[2])
        return found


def _hits(
    matches: q.Matches,
    heads: _Heads,
    text_of: Callable[[int], str],
    limit: int | None,
) -> list[SearchHit]:
    hits: list[SearchHit] = []
    for doc_id, spans in matches.documents():
        number, title, numbering = heads[doc_id]
        text = text_of(doc_id)
        units = UnitLocator(number, text, numbering)
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
    mode: str = q.DEFAULT_MODE,
    whole_word: bool | None = None,
    limit: int | None = None,
    ensure: bool = True,
) -> SearchResult:
    """Search every document.

    ``mode``: "phrase" (the default: every occurrence of the query's characters, inside
    longer words too), "word" (whole segmented words only) or "regex" (Python ``re`` over
    the stored text). Phrase and word modes match simplified and traditional forms alike
    (实验室 finds 實驗室); regex matches the characters as written. ``whole_word=True``
    turns phrase mode into word mode, ``whole_word=False`` word mode into phrase mode.
    Returns at most ``limit`` hits (all when None) and the full counts;
    :meth:`SearchResult.all_hits` gives every hit of this very search.

    Word mode first indexes any document not yet indexed (``ensure``; pass False from a
    thread that must not wait for that, and read ``unindexed`` on the result)."""
    mode = q.effective_mode(mode, whole_word)
    word = mode == q.WORD
    if word and ensure:
        ensure_index(project)
    with project.session_scope() as s:
        segmenter = index_segmenter(s) if word else None
        index_terms = tables.read_terms(s) if word else None
        stale = word and index_terms != terms_in_session(s)
        matches = q.find_matches(s, query, mode=mode, segmenter=segmenter)
        hits = make_hits(s, matches, limit)
        rest = None
        if len(hits) < matches.total:
            live = matches.live or texts.snapshot(s)
            rest = _rest_of(project, query, mode, matches, index_terms, live.hashes)
        return SearchResult(
            query=query,
            mode=mode,
            whole_word=word,
            hits=hits,
            total=matches.total,
            document_count=matches.document_count,
            unindexed=len(unindexed_ids(s)) if word else 0,
            index_stale=stale,
            _rest=rest,
        )


def _rest_of(
    project: Project,
    query: str,
    mode: str,
    matches: q.Matches,
    index_terms: frozenset[str] | None,
    documents: dict[int, str],
) -> Callable[[], list[SearchHit]]:
    """How to list every hit of a search later: from the texts it read (phrase, regex), or
    by running it again on the same documents and index (word mode)."""

    def rest() -> list[SearchHit]:
        with project.session_scope() as s:
            if texts.snapshot(s).hashes != documents:
                raise InvalidOperation("the documents changed since this search; search again")
            if matches.texts is not None:
                return _hits(matches, _Heads(s, every=True), matches.texts.__getitem__, None)
            if tables.read_terms(s) != index_terms:
                raise InvalidOperation("the word index changed since this search; search again")
            again = q.find_matches(s, query, mode=mode, segmenter=index_segmenter(s))
            return make_hits(s, again, None)

    return rest
