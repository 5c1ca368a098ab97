"""Find every match of a query across the corpus: phrase (the default), word or regular
expression mode.

Phrase mode — the default, "every occurrence of the query's characters" — matches the
characters anywhere, inside longer words too (成果转化 in 科技成果转化). Query and texts are
compared in folded form (:func:`annotator.chinese.variants.fold`), so 实验室 finds 實驗室
and 創新 finds 创新; spans are offsets into the stored text (folding keeps every offset).
The word index first picks the documents that may hold the phrase
(:mod:`annotator.search.phrase`: a superset, whatever the segmentation) and only those texts
are read and counted, together with every document the index does not hold as it is. When
the index cannot narrow it (punctuation in the query, a very common character), the first
search of a project in a process is answered on file: SQLite's ``instr()`` picks the
documents holding the folded query, in C, before Python reads their texts (documents with
traditional characters, flagged by the word index, and documents not yet indexed are always
read). The next one reads every text once and keeps it, folded, in memory
(:mod:`annotator.search.texts`); searches then count with ``str.count`` over all of them. A
corpus too large to keep stays on file.

Word mode (whole words only) answers from the FTS5 index of the folded, segmented texts: the
folded query is segmented with the index's segmenter and matches where the document has the
same words in a row (so 创新 is not found inside the word 创新券, nor in 首创|新的); text
between the query's words (punctuation, spaces) must recur as is. Latin letters match
regardless of case. Counts come from FTS5's term list, occurrences from its postings
(document, word position), and code-point spans from the stored word spans — no document
text is read to count or place word matches, and only the documents a page of hits needs are
resolved.

Regular-expression mode runs Python's ``re`` over every stored text as it is: no folding,
which also makes it the way to find one script's form only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from itertools import groupby, islice
from operator import itemgetter
from typing import TYPE_CHECKING

from annotator.chinese.segment import Segmenter
from annotator.chinese.tokens import BREAK, Span, decode_spans, index_terms, span_runs
from annotator.chinese.variants import fold
from annotator.db import search_index as tables
from annotator.errors import InvalidOperation
from annotator.search import phrase as phrases
from annotator.search import texts
from annotator.search.texts import Snapshot

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

WORD, PHRASE, REGEX = "word", "phrase", "regex"
MODES = (WORD, PHRASE, REGEX)
DEFAULT_MODE = PHRASE

DocumentSpans = tuple[int, list[Span]]


@dataclass
class Matches:
    """All matches of one query: exact counts, and each document's match spans in
    document-number order, computed as they are consumed (within the session)."""

    total: int
    document_count: int
    _documents: Callable[[], Iterator[DocumentSpans]]
    # The stored texts of the matching documents, when the search read them (phrase and
    # regex modes): the matches can then be listed again without the session.
    texts: Mapping[int, str] | None = None
    live: Snapshot | None = None  # the documents searched, when known
    # The matching documents in order, when known before streaming (titles are read for
    # these only, in batches).
    document_ids: list[int] | None = None

    def documents(self) -> Iterator[DocumentSpans]:
        return self._documents()


def _none() -> Iterator[DocumentSpans]:
    return iter(())


def effective_mode(mode: str, whole_word: bool | None = None) -> str:
    """The mode a search runs in: ``whole_word`` True makes phrase mode word mode, False makes
    word mode phrase mode (characters anywhere); None keeps ``mode``. Regex ignores it."""
    if mode not in MODES:
        raise InvalidOperation(f"unknown search mode {mode!r} (use {', '.join(MODES)})")
    if mode == REGEX or whole_word is None:
        return mode
    return WORD if whole_word else PHRASE


def find_matches(
    session: Session,
    query: str,
    *,
    mode: str = DEFAULT_MODE,
    whole_word: bool | None = None,
    segmenter: Segmenter | None = None,
) -> Matches:
    """Every match of ``query`` in every document (see the module docstring for the modes
    and :func:`effective_mode` for ``whole_word``). In word mode ``segmenter`` must be the
    index's (see :func:`annotator.search.index.index_segmenter`)."""
    mode = effective_mode(mode, whole_word)
    if mode == REGEX:
        return _regex_matches(session, query)
    query = fold(query.strip())
    if not query:
        raise InvalidOperation("empty search")
    if mode == WORD:
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
    # A phrase, or a "word" of punctuation only (nothing indexed).
    return _phrase_matches(session, query)


def number_order(session: Session) -> list[int]:
    """Document ids in document-number order."""
    return texts.snapshot(session).order


# Documents whose word spans are read in one query: a page of hits of a word found once or
# twice per document comes from dozens of documents.
_RESOLVE_BATCH = 32


def _resolve_all(
    session: Session, groups: Iterator[tuple[int, list[int]]], length: int
) -> Iterator[DocumentSpans]:
    """Code-point spans of the runs of ``length`` index tokens starting at each document's
    offsets, reading the word spans of a few documents at a time, as far as the caller
    reads."""
    size = 4  # growing: a page of hits may come from the first few documents
    while True:
        batch = list(islice(groups, size))
        size = min(size * 2, _RESOLVE_BATCH)
        if not batch:
            return
        blobs = tables.spans_of(session, [doc_id for doc_id, _ in batch])
        for doc_id, offsets in batch:
            yield doc_id, span_runs(blobs[doc_id], offsets, length)


def _single_word(session: Session, form: str) -> Matches:
    documents, total = tables.term_counts(session, form)
    if not total:
        return Matches(0, 0, _none)

    def stream() -> Iterator[DocumentSpans]:
        live = texts.snapshot(session)
        order = live.order
        postings = tables.term_instances(session, form)
        if live.by_id:
            # Postings come by document id, which here is also number order: resolve only
            # as far as the caller reads.
            grouped = ((doc_id, [o for _, o in group])
                       for doc_id, group in groupby(postings, key=itemgetter(0)))
            yield from _resolve_all(session, grouped, 1)
            return
        by_doc: dict[int, list[int]] = {}
        for doc_id, offset in postings:
            by_doc.setdefault(doc_id, []).append(offset)
        yield from _resolve_all(
            session, ((d, by_doc[d]) for d in order if d in by_doc), 1)

    return Matches(total, documents, stream)


def _word_sequence(session: Session, forms: list[str], gaps: dict[int, str]) -> Matches:
    words = [(k, form) for k, form in enumerate(forms) if form != BREAK]
    by_doc: dict[int, list[int]] = {}
    for doc_id, offset in tables.sequence_starts(session, words):
        by_doc.setdefault(doc_id, []).append(offset)
    length = len(forms)
    if gaps:
        # Punctuation or spaces between the words must be the same characters.
        found = texts.folded_texts_for(session, list(by_doc))
        blobs = tables.spans_of(session, list(by_doc))
        for doc_id in list(by_doc):
            starts, ends = decode_spans(blobs[doc_id])
            text = found[doc_id][1]
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
        yield from _resolve_all(
            session, ((d, by_doc[d]) for d in number_order(session) if d in by_doc), length)

    return Matches(sum(len(o) for o in by_doc.values()), len(by_doc), stream)


class _StoredTexts(Mapping[int, str]):
    """The stored texts of (text, folded text) pairs, read through without a copy."""

    def __init__(self, pairs: Mapping[int, tuple[str, str]]) -> None:
        self._pairs = pairs

    def __getitem__(self, doc_id: int) -> str:
        return self._pairs[doc_id][0]

    def __iter__(self) -> Iterator[int]:
        return iter(self._pairs)

    def __len__(self) -> int:
        return len(self._pairs)


def _on_file_candidates(session: Session, phrase: str, live: Snapshot,
                        among: list[int]) -> list[int]:
    """Of ``among``, the documents that may hold the folded ``phrase``, by document number:
    those whose stored text holds it, and every one whose text may differ from its folded
    form."""
    plain = tables.plain_documents(session)
    unsure = {doc_id for doc_id, digest in live.hashes.items() if plain.get(doc_id) != digest}
    if len(unsure) == len(live.order):
        return list(among)
    # instr() picks the documents in C, stopping at each one's first match, so only those
    # texts are read into Python (and kept for the next search).
    holding = tables.documents_holding(session, phrase)
    return [doc_id for doc_id in among if doc_id in holding or doc_id in unsure]


# Candidates up to this many are read from the file as they are; more, on a first search,
# are narrowed by instr() first (reading a text costs more than instr() scanning it).
_READ_DIRECTLY = 64


def _phrase_matches(session: Session, phrase: str) -> Matches:
    """Every occurrence of the folded ``phrase`` in the folded texts."""
    live = texts.snapshot(session)
    corpus = texts.cached_corpus(session, live)
    picked = phrases.candidates(session, phrase, live, in_memory=corpus is not None)
    keep = texts.keep_every_text(session)
    if picked is not None and (keep or corpus is not None or len(picked) <= _READ_DIRECTLY):
        candidates = picked
        if corpus is None and keep and len(picked) > len(live.order) // 2:
            corpus = texts.folded_corpus(session, live)  # most texts anyway: keep them all
        found = ({d: corpus[d] for d in picked} if corpus is not None
                 else texts.folded_texts_for(session, picked, live=live))
    elif keep or corpus is not None or texts.all_cached(session, live):
        # Every text read once and kept: searches count in memory.
        candidates = live.order
        found = corpus if corpus is not None else texts.folded_corpus(session, live)
    else:
        candidates = _on_file_candidates(
            session, phrase, live, live.order if picked is None else picked)
        found = texts.folded_texts_for(session, candidates, live=live)
    counts = {d: n for d in candidates if (n := found[d][1].count(phrase))}
    size = len(phrase)

    def stream() -> Iterator[DocumentSpans]:
        for doc_id in counts:
            folded = found[doc_id][1]
            spans: list[Span] = []
            at = folded.find(phrase)
            while at >= 0:  # non-overlapping, as str.count counts
                spans.append((at, at + size))
                at = folded.find(phrase, at + size)
            yield doc_id, spans

    return Matches(sum(counts.values()), len(counts), stream, _StoredTexts(found), live,
                   list(counts))


def compile_regex(pattern: str) -> re.Pattern[str]:
    if not pattern:
        raise InvalidOperation("empty search")
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise InvalidOperation(f"not a valid regular expression: {exc}") from exc


def _regex_matches(session: Session, pattern: str) -> Matches:
    regex = compile_regex(pattern)
    live = texts.snapshot(session)
    corpus = texts.cached_corpus(session, live)
    if corpus is None:  # read (and keep) every text: the next regex runs in memory
        corpus = texts.folded_corpus(session, live)
    stored_texts = [corpus[d][0] for d in live.order]
    matched: list[DocumentSpans] = []
    finditer = regex.finditer
    for doc_id, text in zip(live.order, stored_texts, strict=True):
        # Empty matches (a*, ^) cannot be coded or shown: skipped.
        spans = [m.span() for m in finditer(text) if m.end() > m.start()]
        if spans:
            matched.append((doc_id, spans))
    position = live.position
    stored = {doc_id: stored_texts[position[doc_id]] for doc_id, _ in matched}
    return Matches(sum(len(s) for _, s in matched), len(matched), lambda: iter(matched), stored,
                   live, [doc_id for doc_id, _ in matched])
