"""Search results with context, and the search entry point."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import TYPE_CHECKING

from annotator.chinese.segment import Segmenter
from annotator.db import search_index as tables
from annotator.errors import InvalidOperation
from annotator.search import query as q
from annotator.search import texts
from annotator.search.index import ensure_index, index_segmenter, unindexed_ids
from annotator.search.units import UnitLocator
from annotator.words.terms import terms_in_session

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

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
    if limit is None and stored is None:
        stored = texts.texts_for(session, matches.document_ids)
    heads = _Heads(session)
    if limit is None and matches.document_ids is not None:
        heads.want(matches.document_ids)
    if stored is not None:
        return _hits(matches, heads, lambda ids: stored, limit)
    live = matches.live or texts.snapshot(session)
    return _hits(matches, heads, lambda ids: texts.texts_for(session, ids, live=live), limit)


class _Heads:
    """Documents' numbers and titles, read in batches for the documents hits come from
    only (a page of hits comes from a few documents)."""

    def __init__(self, session: Session) -> None:
        self._session = session
        self._known: dict[int, tuple[int, str, str]] = {}

    def want(self, document_ids: Sequence[int]) -> None:
        """Read these documents' heads at once (those not read yet)."""
        missing = [d for d in document_ids if d not in self._known]
        if missing:
            self._known.update(tables.heads(self._session, missing))

    def __getitem__(self, doc_id: int) -> tuple[int, str, str]:
        """(number, title, unit numbering) of a document."""
        found = self._known.get(doc_id)
        if found is None:
            self.want([doc_id])
            found = self._known[doc_id]
        return found


# Documents whose heads are read in one query when hits are listed without a known list.
_HEAD_BATCH = 32


def _hits(
    matches: q.Matches,
    heads: _Heads,
    texts_of: Callable[[list[int]], Mapping[int, str]],
    limit: int | None,
) -> list[SearchHit]:
    """Hits of the matches; ``texts_of(ids)`` gives (at least) these documents' texts."""
    hits: list[SearchHit] = []
    documents = matches.documents()
    size = 1 if limit is not None else _HEAD_BATCH  # a page may come from one document
    while True:
        batch = list(islice(documents, size))
        size = min(size * 4, _HEAD_BATCH)
        if not batch:
            return hits
        ids = [doc_id for doc_id, _ in batch]
        heads.want(ids)
        found = texts_of(ids)
        for doc_id, spans in batch:
            number, title, numbering = heads[doc_id]
            text = found[doc_id]
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
        with project.session_scope() as s:
            behind = _index_behind(s)
        if behind:
            ensure_index(project)
    with project.session_scope() as s:
        segmenter = _segmenter(s) if word else None
        index_terms = tables.read_terms(s) if word else None
        stale = word and index_terms != _current_terms(s)
        matches = q.find_matches(s, query, mode=mode, segmenter=segmenter)
        hits = make_hits(s, matches, limit)
        live = matches.live or texts.snapshot(s)
        rest = None
        if len(hits) < matches.total:
            rest = _rest_of(project, query, mode, matches, index_terms, live)
        return SearchResult(
            query=query,
            mode=mode,
            whole_word=word,
            hits=hits,
            total=matches.total,
            document_count=matches.document_count,
            unindexed=_unindexed(s, live) if word else 0,
            index_stale=stale,
            _rest=rest,
        )


def _index_behind(session: Session) -> bool:
    """Whether :func:`ensure_index` has anything to do: a document not (or not rightly)
    indexed, or other terms than the index's. Read from the kept snapshot: no hash of every
    document compared per search."""
    live = texts.snapshot(session)
    return (bool(live.unsure) or live.stale_rows or not live.index_usable
            or tables.read_terms(session) != _current_terms(session))


def _segmenter(session: Session) -> Segmenter:
    """The index's segmenter, made again only when the index (its terms) changed."""
    live = texts.snapshot(session)
    return texts.derived(session, "segmenter", live.token,  # type: ignore[no-any-return]
                         lambda: index_segmenter(session))


def _current_terms(session: Session) -> frozenset[str]:
    """The project's terms, read again only when a word list or code keyword changed."""
    live = texts.snapshot(session)
    return texts.derived(session, "terms", live.terms_token,  # type: ignore[no-any-return]
                         lambda: terms_in_session(session))


def _unindexed(session: Session, live: texts.Snapshot) -> int:
    """Documents not (or not correctly) in the index."""
    if live.index_usable or not tables.tables_exist(session):
        return len(live.unsure)
    return len(unindexed_ids(session))  # an index of another format: as it stands


def _rest_of(
    project: Project,
    query: str,
    mode: str,
    matches: q.Matches,
    index_terms: frozenset[str] | None,
    searched: texts.Snapshot,
) -> Callable[[], list[SearchHit]]:
    """How to list every hit of a search later: from the texts it read (phrase, regex), or
    by running it again on the same documents and index (word mode)."""

    def rest() -> list[SearchHit]:
        with project.session_scope() as s:
            now = texts.snapshot(s)
            if now.token != searched.token and now.hashes != searched.hashes:
                raise InvalidOperation("the documents changed since this search; search again")
            if matches.texts is not None:
                heads = _Heads(s)
                if matches.document_ids is not None:
                    heads.want(matches.document_ids)
                stored = matches.texts
                return _hits(matches, heads, lambda ids: stored, None)
            if tables.read_terms(s) != index_terms:
                raise InvalidOperation("the word index changed since this search; search again")
            again = q.find_matches(s, query, mode=mode, segmenter=_segmenter(s))
            return make_hits(s, again, None)

    return rest
