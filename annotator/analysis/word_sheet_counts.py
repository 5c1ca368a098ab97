"""Word counts of the corpus and of every code in one pass, for the workbook's word sheets.

The counts are those of :mod:`annotator.analysis.wordfreq` — a code's passages with its
sub-codes' merged per document, a word counting for a code when it lies wholly inside a
merged span — taken in bulk. Each document's words are read from the search index (which
import segmented with the same segmenter and terms; see :class:`_IndexForms` for the forms
it stores otherwise than written) or, where the index lacks the document as it is now,
segmented once. Its words become ids of one vocabulary, whether a word counts is decided
once per distinct word (its tag does not depend on the context), and the words inside each
code's spans are gathered and tallied with numpy for all codes of a document at once. Texts
are segmented folded (simplified and traditional forms are one word); only in texts with
traditional characters are the forms as written gathered, to show each word as it is
written most often.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from annotator.analysis.wordfreq import (
    Forms,
    Span,
    TagsOnDemand,
    WordAnalyser,
    WordTally,
    merge_spans,
)
from annotator.chinese.segment import Token
from annotator.chinese.tokens import BREAK
from annotator.chinese.variants import fold

_SHIFT = 32  # a key is scope << _SHIFT | word id
_WORD_MASK = (1 << _SHIFT) - 1
_COMPACT_AT = 200_000  # pending (scope, word) pairs merged beyond this many (1.6 MB per array)


@dataclass
class _Vocabulary:
    """Word ids in order of first sight, and whether each word counts."""

    analyser: WordAnalyser
    ids: dict[str, int] = field(default_factory=dict)
    words: list[str] = field(default_factory=list)
    counted: np.ndarray = field(default_factory=lambda: np.zeros(1024, dtype=bool))

    def encode(self, words: list[str]) -> np.ndarray:
        ids = self.ids
        new = [w for w in dict.fromkeys(words) if w not in ids]
        if new:
            first = len(self.words)
            if first + len(new) > len(self.counted):
                grown = np.zeros(max(2 * len(self.counted), first + len(new)), dtype=bool)
                grown[:first] = self.counted[:first]
                self.counted = grown
            counts_word = self.analyser.counts_word
            for i, word in enumerate(new, first):
                ids[word] = i
                self.counted[i] = counts_word(word)
            self.words.extend(new)
        return np.fromiter(map(ids.__getitem__, words), dtype=np.int64, count=len(words))


class _Accumulator:
    """(scope, word) → occurrences and documents, fed one document's distinct pairs at a
    time. Pending pairs are merged into the sorted totals when they exceed
    :data:`_COMPACT_AT`: the pending ones are sorted, the totals only searched and grown
    in place, so a merge costs the pending pairs' sort plus one copy of the totals, and the
    transient arrays stay the size of the pending pairs."""

    def __init__(self) -> None:
        empty = np.zeros(0, dtype=np.int64)
        self._keys, self._counts, self._documents = empty, empty.copy(), empty.copy()
        self._pending_keys: list[np.ndarray] = []
        self._pending_counts: list[np.ndarray] = []
        self._pending = 0

    def add_document(self, keys: np.ndarray) -> None:
        unique, counts = np.unique(keys, return_counts=True)
        self._pending_keys.append(unique)
        self._pending_counts.append(counts.astype(np.int64))
        self._pending += len(unique)
        if self._pending > _COMPACT_AT:
            self._compact()

    def _compact(self) -> None:
        if not self._pending_keys:
            return
        keys = np.concatenate(self._pending_keys)
        counts = np.concatenate(self._pending_counts)
        self._pending_keys, self._pending_counts, self._pending = [], [], 0
        if not len(keys):
            return
        # Each pending pair is one document's: its documents are how often the key occurs.
        order = np.argsort(keys, kind="stable")
        keys, counts = keys[order], counts[order]
        del order
        first = np.flatnonzero(np.concatenate(([True], keys[1:] != keys[:-1])))
        unique = keys[first]
        occurrences = np.add.reduceat(counts, first)
        documents = np.diff(np.append(first, len(keys)))
        del keys, counts, first
        base = self._keys
        at = np.searchsorted(base, unique)
        hit = at < len(base)
        hit[hit] = base[at[hit]] == unique[hit]
        known = at[hit]
        self._counts[known] += occurrences[hit]
        self._documents[known] += documents[hit]
        new = ~hit
        if new.any():
            where = at[new]
            self._keys = np.insert(base, where, unique[new])
            self._counts = np.insert(self._counts, where, occurrences[new])
            self._documents = np.insert(self._documents, where, documents[new])

    def result(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Keys in ascending order with their occurrences and documents."""
        self._compact()
        return self._keys, self._counts, self._documents


@dataclass(frozen=True)
class DocumentWords:
    """One document's words in text order: folded words with their code-point spans. From
    jieba they tile the folded text; from the search index the punctuation and whitespace
    between words is missing, which changes no count (such tokens never count)."""

    words: list[str] | None  # None when given as ``ids`` only
    starts: np.ndarray  # int64
    ends: np.ndarray  # int64
    ids: np.ndarray | None = None  # the words as ids of the counter's vocabulary

    @classmethod
    def of_tokens(cls, tokens: Sequence[Token]) -> DocumentWords:
        n = len(tokens)
        return cls([t.word for t in tokens],
                   np.fromiter((t.start for t in tokens), dtype=np.int64, count=n),
                   np.fromiter((t.end for t in tokens), dtype=np.int64, count=n))


class _IndexForms:
    """Words from the search index's forms (:func:`annotator.chinese.tokens.index_form`):
    a form is the folded word itself unless it may have lost something — ASCII upper case
    (forms are lower-cased), ASCII separators, a cut — and those few words are read from
    the folded text at their spans instead."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {BREAK: 0}
        self._forms: list[str] = [BREAK]
        self._exact = np.zeros(1024, dtype=bool)  # form id → the form is the word
        self._length = np.zeros(1024, dtype=np.int64)
        self._word = np.full(1024, -1, dtype=np.int64)  # form id → word id (-1: not yet)

    def words(self, forms: list[str], starts: np.ndarray, ends: np.ndarray, folded: str,
              vocabulary: _Vocabulary) -> DocumentWords | None:
        """The document's words as ids of ``vocabulary``, or None when its stored row does
        not fit its text. A form's word id is looked up once; only the few words not sure
        from their form are read from the text, occurrence by occurrence."""
        if len(forms) != len(starts) or (len(ends) and int(ends[-1]) > len(folded)):
            return None
        fids = self._encode(forms)
        word = fids != 0
        fids, starts, ends = fids[word], starts[word], ends[word]
        sure = self._exact[fids] & (self._length[fids] == ends - starts)
        new = np.unique(fids[sure & (self._word[fids] < 0)])
        if len(new):
            self._word[new] = vocabulary.encode([self._forms[i] for i in new.tolist()])
        ids = self._word[fids]
        unsure = np.flatnonzero(~sure)
        if len(unsure):
            written = [folded[a:b] for a, b in zip(starts[unsure].tolist(),
                                                   ends[unsure].tolist(), strict=True)]
            ids[unsure] = vocabulary.encode(written)
        return DocumentWords(None, starts, ends, ids)

    def _encode(self, forms: list[str]) -> np.ndarray:
        ids = self._ids
        new = [f for f in dict.fromkeys(forms) if f not in ids]
        if new:
            first = len(self._forms)
            if first + len(new) > len(self._exact):
                size = max(2 * len(self._exact), first + len(new))
                self._exact = np.resize(self._exact, size)
                self._length = np.resize(self._length, size)
                grown = np.full(size, -1, dtype=np.int64)
                grown[:first] = self._word[:first]
                self._word = grown
            for i, form in enumerate(new, first):
                ids[form] = i
                # Lower case with an upper-case twin: the word may have been written upper.
                self._exact[i] = form.upper() == form
                self._length[i] = len(form)
            self._forms.extend(new)
        return np.fromiter(map(ids.__getitem__, forms), dtype=np.int64, count=len(forms))


def index_usable(terms: Iterable[str]) -> bool:
    """Whether words read from the search index can stand for a segmentation with these
    terms: a term without letters or digits is not indexed, so it could not be counted."""
    return all(any(ch.isalnum() for ch in term) for term in terms)


class ScopeCounter:
    """The corpus tally and a tally per code, fed one document at a time (see
    :func:`count_scopes`); a document's words come from the search index when given,
    else from segmenting its text."""

    def __init__(self, analyser: WordAnalyser, code_ids: Sequence[int]) -> None:
        self.analyser = analyser
        self.code_ids = list(code_ids)
        self._scope_of = {code_id: i for i, code_id in enumerate(self.code_ids)}
        self._corpus = len(self.code_ids)
        self._vocabulary = _Vocabulary(analyser)
        self._accumulator = _Accumulator()
        self._document_totals = np.zeros(len(self.code_ids) + 1, dtype=np.int64)
        self._forms: dict[int, Forms] = {}  # scope → forms written otherwise than folded
        self._index_forms = _IndexForms()
        self.segmented = 0  # documents segmented here (not read from the index)

    def add(
        self,
        doc_id: int,
        text: str,
        spans: Mapping[int, Sequence[Span]],
        stored: tuple[list[str], np.ndarray, np.ndarray] | None = None,
    ) -> None:
        """One document: its text, its passage spans per code (unmerged) and, if the search
        index holds the document as it is now, its stored (forms, starts, ends)."""
        folded = fold(text)
        words = None
        if stored is not None:
            words = self._index_forms.words(*stored, folded, self._vocabulary)
        if words is None:
            words = DocumentWords.of_tokens(self.analyser.tagger.tokenize(folded))
            self.segmented += 1
        self._count(text, folded, words, spans)

    def _count(self, text: str, folded: str, words: DocumentWords,
               spans: Mapping[int, Sequence[Span]]) -> None:
        corpus_scope = self._corpus
        ids = words.ids if words.ids is not None else self._vocabulary.encode(words.words)
        keep = self._vocabulary.counted[ids]
        keys = [ids[keep] | (corpus_scope << _SHIFT)]
        self._document_totals[corpus_scope] += 1

        starts_of, ends_of, scopes = [], [], []
        for code_id, code_spans in spans.items():
            scope = self._scope_of.get(code_id)
            if scope is None:
                continue
            self._document_totals[scope] += 1
            for s, e in merge_spans(code_spans):
                starts_of.append(s)
                ends_of.append(e)
                scopes.append(scope)
        index = scope_of_index = np.zeros(0, dtype=np.int64)
        if scopes:
            index, scope_of_index = _tokens_in_spans(words, keep, starts_of, ends_of, scopes)
            keys.append(ids[index] | (scope_of_index << _SHIFT))
        self._accumulator.add_document(np.concatenate(keys))
        if folded is not text:
            if words.words is None:
                every = self._vocabulary.words
                words = DocumentWords([every[i] for i in ids.tolist()], words.starts,
                                      words.ends, ids)
            _gather_forms(self._forms, text, words, keep, corpus_scope, index, scope_of_index)

    def result(self) -> tuple[WordTally, Mapping[int, WordTally]]:
        """The corpus tally and the codes' tallies; a code's tally is made each time it is
        asked for (62 codes' tallies at once were the largest thing an export held)."""
        keys, counts, documents = self._accumulator.result()
        bounds = np.searchsorted(keys >> _SHIFT, np.arange(self._corpus + 2), side="left")
        tallies = _Tallies(self, keys, counts, documents, bounds)
        return tallies.tally(self._corpus), tallies

    def _tally(self, scope: int, keys: np.ndarray, counts: np.ndarray,
               documents: np.ndarray, bounds: np.ndarray) -> WordTally:
        words = self._vocabulary.words
        lo, hi = int(bounds[scope]), int(bounds[scope + 1])
        scope_words = [words[i] for i in (keys[lo:hi] & _WORD_MASK).tolist()]
        tally_counts = Counter(dict(zip(scope_words, counts[lo:hi].tolist(), strict=True)))
        tally = WordTally(
            counts=tally_counts,
            documents=Counter(dict(zip(scope_words, documents[lo:hi].tolist(), strict=True))),
            tags=TagsOnDemand(tally_counts, self.analyser.tagger.tag),
            document_total=int(self._document_totals[scope]),
        )
        tally.add_forms(self._forms.get(scope, Counter()))
        return tally


class _Tallies(Mapping[int, WordTally]):
    """Code id → its tally, made when asked for (not kept)."""

    def __init__(self, counter: ScopeCounter, *arrays: np.ndarray) -> None:
        self._counter = counter
        self._arrays = arrays

    def tally(self, scope: int) -> WordTally:
        return self._counter._tally(scope, *self._arrays)

    def __getitem__(self, code_id: int) -> WordTally:
        scope = self._counter._scope_of.get(code_id)
        if scope is None:
            raise KeyError(code_id)
        return self.tally(scope)

    def __iter__(self) -> Iterator[int]:
        return iter(self._counter.code_ids)

    def __len__(self) -> int:
        return len(self._counter.code_ids)


def count_scopes(
    analyser: WordAnalyser,
    texts: Iterable[tuple[int, str]],
    spans: Mapping[int, Mapping[int, Sequence[Span]]],
    code_ids: Sequence[int],
) -> tuple[WordTally, Mapping[int, WordTally]]:
    """The corpus tally of ``texts`` ((document id, text) pairs) and a tally per code of
    ``code_ids`` over its ``spans`` (document id → code id → passage spans, unmerged; codes
    not in ``code_ids`` are left out). Each equals adding, per document, the counted words of
    the text (or of the tokens lying wholly inside the code's merged spans) to a WordTally."""
    counter = ScopeCounter(analyser, code_ids)
    for doc_id, text in texts:
        counter.add(doc_id, text, spans.get(doc_id, {}))
    return counter.result()


def _tokens_in_spans(
    tokens: DocumentWords,
    keep: np.ndarray,
    starts_of: list[int],
    ends_of: list[int],
    scopes: list[int],
) -> tuple[np.ndarray, np.ndarray]:
    """Indices of the counted tokens lying wholly inside each span, with the span's scope,
    as words_within finds them: from the first token starting at or after the span's start,
    up to the last one ending at or before its end (the tokens tile the text, so both ends
    ascend)."""
    token_starts, token_ends = tokens.starts, tokens.ends
    first = np.searchsorted(token_starts, np.asarray(starts_of, dtype=np.int64), side="left")
    past = np.searchsorted(token_ends, np.asarray(ends_of, dtype=np.int64), side="right")
    lengths = np.maximum(past - first, 0)
    total = int(lengths.sum())
    if not total:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    # Token indices of all spans in a row: each span's first index, then +1 along the span.
    offsets = np.cumsum(lengths) - lengths
    index = np.arange(total, dtype=np.int64) + np.repeat(first - offsets, lengths)
    scope = np.repeat(np.asarray(scopes, dtype=np.int64), lengths)
    counted = keep[index]
    return index[counted], scope[counted]


def _gather_forms(
    forms: dict[int, Forms],
    text: str,
    tokens: DocumentWords,
    keep: np.ndarray,
    corpus_scope: int,
    index: np.ndarray,
    scope_of_index: np.ndarray,
) -> None:
    """Add the counted tokens written otherwise than folded, per scope (a text with
    traditional characters only)."""
    words = tokens.words
    written = [text[s:e] for s, e in zip(tokens.starts.tolist(), tokens.ends.tolist(),
                                          strict=True)]
    differs = np.fromiter((w != t for w, t in zip(written, words, strict=True)),
                          dtype=bool, count=len(words))
    corpus = forms.setdefault(corpus_scope, Counter())
    for i in np.flatnonzero(differs & keep).tolist():
        corpus[words[i], written[i]] += 1
    if len(index):
        mask = differs[index]
        for i, scope in zip(index[mask].tolist(), scope_of_index[mask].tolist(), strict=True):
            forms.setdefault(scope, Counter())[words[i], written[i]] += 1
