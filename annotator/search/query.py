"""Find every match of a query across the corpus: word, phrase or regular-expression mode.

Word mode answers from the FTS5 index: the query is segmented with the index's segmenter and
matches where the document has the same words in a row (so 创新 is not found inside the word
创新券, nor in 首创|新的). Latin letters match regardless of case. Occurrences come from the
index's instance table (document, word position) and become code-point spans through the
stored word spans — no document text is read to count or place word matches.

Phrase mode matches the exact characters anywhere, also inside words. It cannot be narrowed
by the word index (how a phrase's edge characters are segmented depends on their context), so
SQLite's ``instr()`` picks the documents that contain it, in C, before Python reads any text.
Regular-expression mode runs Python's ``re`` over every document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from annotator.chinese.segment import Segmenter
from annotator.db.models import Document
from annotator.errors import InvalidOperation
from annotator.search import tables
from annotator.search.tokens import decode_spans, index_form

WORD, PHRASE, REGEX = "word", "phrase", "regex"
MODES = (WORD, PHRASE, REGEX)

Span = tuple[int, int]


@dataclass
class Matches:
    """All matches of one query: how many in each document; their spans on request."""

    counts: dict[int, int]
    _spans: dict[int, list[Span]] = field(default_factory=dict)
    _resolve: Callable[[Sequence[int]], dict[int, list[Span]]] | None = None

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def spans(self, document_ids: Iterable[int]) -> dict[int, list[Span]]:
        """(start, end) of each match in these documents, in text order."""
        wanted = [d for d in document_ids if d in self.counts]
        todo = [d for d in wanted if d not in self._spans]
        if todo and self._resolve is not None:
            self._spans.update(self._resolve(todo))
        return {d: self._spans.get(d, []) for d in wanted}


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
        found = _word_matches(session, query, segmenter)
        if found is not None:
            return found
    # A phrase, a word searched anywhere, or a "word" of punctuation only (nothing indexed).
    return _phrase_matches(session, query)


def _word_matches(session: Session, query: str, segmenter: Segmenter) -> Matches | None:
    words = [(t, index_form(t.word)) for t in segmenter.tokenize(query)]
    indexed = [(t, form) for t, form in words if form]
    if not indexed:
        return None
    forms = [form for _, form in indexed]
    if len(forms) == 1:
        return _single_word(session, forms[0])
    # Text between two indexed words of the query (punctuation, spaces) must recur as is.
    gaps = [query[a.end : b.start] for (a, _), (b, _) in zip(indexed, indexed[1:], strict=False)]
    return _word_sequence(session, forms, gaps)


def _single_word(session: Session, form: str) -> Matches:
    offsets: dict[int, list[int]] = {}
    for doc_id, offset in tables.term_instances(session, form):
        offsets.setdefault(doc_id, []).append(offset)

    def resolve(doc_ids: Sequence[int]) -> dict[int, list[Span]]:
        out: dict[int, list[Span]] = {}
        for doc_id, blob in tables.spans_of(session, doc_ids).items():
            starts, ends = decode_spans(blob)
            out[doc_id] = [(starts[o], ends[o]) for o in sorted(offsets[doc_id])]
        return out

    return Matches({d: len(o) for d, o in offsets.items()}, _resolve=resolve)


def _word_sequence(session: Session, forms: list[str], gaps: list[str]) -> Matches:
    # FTS5 phrase query: documents with these words at consecutive word positions.
    phrase = '"' + " ".join(forms) + '"'
    candidates = set(
        session.connection().exec_driver_sql(
            "SELECT rowid FROM search_fts WHERE search_fts MATCH ?", (phrase,)
        ).scalars()
    )
    if not candidates:
        return Matches({})
    later = [
        {(d, o) for d, o in tables.term_instances(session, form) if d in candidates}
        for form in forms[1:]
    ]
    runs: dict[int, list[int]] = {}
    for doc_id, offset in tables.term_instances(session, forms[0]):
        if doc_id in candidates and all(
            (doc_id, offset + k + 1) in rest for k, rest in enumerate(later)
        ):
            runs.setdefault(doc_id, []).append(offset)
    texts: dict[int, str] = {}
    if any(gaps):
        texts = dict(
            session.execute(select(Document.id, Document.text).where(Document.id.in_(runs)))
            .all()
        )
    spans: dict[int, list[Span]] = {}
    last = len(forms) - 1
    for doc_id, blob in tables.spans_of(session, list(runs)).items():
        starts, ends = decode_spans(blob)
        text = texts.get(doc_id, "")
        found: list[Span] = []
        for o in sorted(runs[doc_id]):
            if all(
                (text[ends[o + k] : starts[o + k + 1]] == gap)
                if gap
                else ends[o + k] == starts[o + k + 1]
                for k, gap in enumerate(gaps)
            ):
                found.append((starts[o], ends[o + last]))
        if found:
            spans[doc_id] = found
    return Matches({d: len(s) for d, s in spans.items()}, _spans=spans)


def _phrase_matches(session: Session, phrase: str) -> Matches:
    rows = session.execute(
        select(Document.id, Document.text)
        .where(func.instr(Document.text, phrase) > 0)
        .execution_options(yield_per=100)
    )
    spans: dict[int, list[Span]] = {}
    size = len(phrase)
    for doc_id, text in rows:
        found: list[Span] = []
        at = text.find(phrase)
        while at >= 0:
            found.append((at, at + size))
            at = text.find(phrase, at + size)
        if found:
            spans[doc_id] = found
    return Matches({d: len(s) for d, s in spans.items()}, _spans=spans)


def compile_regex(pattern: str) -> re.Pattern[str]:
    if not pattern:
        raise InvalidOperation("empty search")
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise InvalidOperation(f"not a valid regular expression: {exc}") from exc


def _regex_matches(session: Session, pattern: str) -> Matches:
    regex = compile_regex(pattern)
    rows = session.execute(select(Document.id, Document.text).execution_options(yield_per=100))
    spans: dict[int, list[Span]] = {}
    for doc_id, text in rows:
        # Empty matches (a*, ^) cannot be coded or shown: skipped.
        found = [m.span() for m in regex.finditer(text) if m.end() > m.start()]
        if found:
            spans[doc_id] = found
    return Matches({d: len(s) for d, s in spans.items()}, _spans=spans)
