"""Find every match of a query across the corpus: word, phrase or regular-expression mode.

Word mode answers from the FTS5 index: the query is segmented with the index's segmenter and
matches where the document has the same words in a row (so 创新 is not found inside the word
创新券, nor in 首创|新的); text between the query's words (punctuation, spaces) must recur as
is. Latin letters match regardless of case. Counts come from FTS5's term list, occurrences
from its postings (document, word position), and code-point spans from the stored word
spans — no document text is read to count or place word matches, and only the documents a
page of hits needs are resolved.

Phrase mode matches the exact characters anywhere, also inside words. The word index cannot
narrow it safely (how a phrase's edge characters are segmented depends on their context), so
SQLite's ``instr()`` picks the documents holding it, in C, before Python reads their texts;
texts stay in memory for the next search (:mod:`annotator.search.texts`), which then counts
with ``str.count`` over all of them. Regular-expression mode runs Python's ``re`` over every
document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import groupby
from operator import itemgetter

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from annotator.chinese.segment import Segmenter
from annotator.db.models import Document
from annotator.errors import InvalidOperation
from annotator.search import tables, texts
from annotator.search.tokens import BREAK, Span, decode_spans, index_terms, span_runs

WORD, PHRASE, REGEX = "word", "phrase", "regex"
MODES = (WORD, PHRASE, REGEX)

DocumentSpans = tuple[int, list[Span]]


@dataclass
class Matches:
    """All matches of one query: exact counts, and each document's match spans in
    document-number order, computed as they are consumed (within the session)."""

    total: int
    document_count: int
    _documents: Callable[[], Iterator[DocumentSpans]]

    def documents(self) -> Iterator[DocumentSpans]:
        return self._documents()


def _none() -> Iterator[DocumentSpans]:
    return iter(())


def find_matches(
    session: Session,
    query: str,
    *,
    mode: str = WORD,
    whole_word: bool = True,
    segmenter: Segmenter | None = None,
) -> Matches:
    """Every match of ``query`` in every document. In word mode ``segmenter`` must be the
    index's (see :func:`annotator.search.index.index_segmenter`); ``whole_word=False``
    makes word mode match the characters anywhere, as phrase mode does."""
    if mode not in MODES:
        raise InvalidOperation(f"unknown search mode {mode!r} (use {', '.join(MODES)})")
    if mode == REGEX:
        return _regex_matches(session, query)
    query = query.strip()
    if not query:
        raise InvalidOperation("empty search")
    if mode == WORD and whole_word:
        if segmenter is None:
            raise InvalidOperation("word search needs the index's segmenter")
        forms, spans = index_terms((t.word, t.start, t.end) for t in segmenter.tokenize(query))
        if len(forms) == 1:
            return _single_word(session, forms[0])
        if forms:
            gaps = {k: query[a:b] for k, (form, (a, b)) in enumerate(zip(forms, spans,
                                                                          strict=True))
                    if form == BREAK}
            return _word_sequence(session, forms, gaps)
    # A phrase, a word searched anywhere, or a "word" of punctuation only (nothing indexed).
    return _phrase_matches(session, query)


def number_order(session: Session) -> list[int]:
    """Document ids in document-number order."""
    return list(session.scalars(select(Document.id).order_by(Document.number)))


def _resolve(session: Session, doc_id: int, offsets: list[int], length: int) -> list[Span]:
    """Code-point spans of runs of ``length`` index tokens starting at ``offsets``."""
    return span_runs(tables.spans_of(session, [doc_id])[doc_id], offsets, length)


def _single_word(session: Session, form: str) -> Matches:
    documents, total = tables.term_counts(session, form)
    if not total:
        return Matches(0, 0, _none)

    def stream() -> Iterator[DocumentSpans]:
        order = number_order(session)
        postings = tables.term_instances(session, form)
        if order == sorted(order):
            # Postings come by document id, which here is also number order: resolve only
            # as far as the caller reads.
            for doc_id, group in groupby(postings, key=itemgetter(0)):
                yield doc_id, _resolve(session, doc_id, [o for _, o in group], 1)
            return
        by_doc: dict[int, list[int]] = {}
        for doc_id, offset in postings:
            by_doc.setdefault(doc_id, []).append(offset)
        for doc_id in order:
            if doc_id in by_doc:
                yield doc_id, _resolve(session, doc_id, by_doc[doc_id], 1)

    return Matches(total, documents, stream)


def _word_sequence(session: Session, forms: list[str], gaps: dict[int, str]) -> Matches:
    words = [(k, form) for k, form in enumerate(forms) if form != BREAK]
    by_doc: dict[int, list[int]] = {}
    for doc_id, offset in tables.sequence_starts(session, words):
        by_doc.setdefault(doc_id, []).append(offset)
    length = len(forms)
    if gaps:
        # Punctuation or spaces between the words must be the same characters.
        found = texts.texts_for(session, list(by_doc))
        for doc_id in list(by_doc):
            starts, ends = decode_spans(tables.spans_of(session, [doc_id])[doc_id])
            text = found[doc_id]
            kept = [
                o for o in by_doc[doc_id]
                if o + length <= len(starts)
                and all(text[starts[o + k] : ends[o + k]] == gap for k, gap in gaps.items())
            ]
            if kept:
                by_doc[doc_id] = kept
            else:
                del by_doc[doc_id]
    for offsets in by_doc.values():
        offsets.sort()

    def stream() -> Iterator[DocumentSpans]:
        for doc_id in number_order(session):
            if doc_id in by_doc:
                yield doc_id, _resolve(session, doc_id, by_doc[doc_id], length)

    return Matches(sum(len(o) for o in by_doc.values()), len(by_doc), stream)


def _phrase_matches(session: Session, phrase: str) -> Matches:
    if texts.all_cached(session):
        candidates = number_order(session)
    else:
        # instr() picks the documents in C, stopping at each one's first match, so only
        # those texts are read into Python (and kept for the next search).
        candidates = list(session.scalars(
            select(Document.id).where(func.instr(Document.text, phrase) > 0)
            .order_by(Document.number)
        ))
    found = texts.texts_for(session, candidates)
    counts = {d: n for d in candidates if (n := found[d].count(phrase))}
    size = len(phrase)

    def stream() -> Iterator[DocumentSpans]:
        for doc_id in counts:
            text = found[doc_id]
            spans: list[Span] = []
            at = text.find(phrase)
            while at >= 0:  # non-overlapping, as str.count counts
                spans.append((at, at + size))
                at = text.find(phrase, at + size)
            yield doc_id, spans

    return Matches(sum(counts.values()), len(counts), stream)


def compile_regex(pattern: str) -> re.Pattern[str]:
    if not pattern:
        raise InvalidOperation("empty search")
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise InvalidOperation(f"not a valid regular expression: {exc}") from exc


def _regex_matches(session: Session, pattern: str) -> Matches:
    regex = compile_regex(pattern)
    found = texts.texts_for(session)
    matched: list[DocumentSpans] = []
    for doc_id in number_order(session):
        # Empty matches (a*, ^) cannot be coded or shown: skipped.
        spans = [m.span() for m in regex.finditer(found[doc_id]) if m.end() > m.start()]
        if spans:
            matched.append((doc_id, spans))
    return Matches(sum(len(s) for _, s in matched), len(matched), lambda: iter(matched))
