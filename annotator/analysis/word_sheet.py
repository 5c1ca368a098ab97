"""The workbook's word-frequency sheets: 词频 (the corpus) and 编码词频 (each code).

词频 lists the corpus's 500 most frequent words with part of speech, count, share of all
counted words and the number of documents containing each. 编码词频 has one row per code in
codebook order — the code's passages with its sub-codes, its most frequent words written
"词(频次)、…" and its TF-IDF keywords — a table that goes into a paper as it is.

The words are those import stored in the search index (segmented with the same segmenter and
term list); only documents the index lacks as they are now are segmented here. The codes'
counts are taken from the same words (see annotator.analysis.wordfreq for what counts and
how overlapping passages are merged, annotator.analysis.word_sheet_counts for how all codes
are counted at once). :class:`WordSheets` is fed one document at a time by the workbook's
walk over the corpus; :func:`word_sheets` walks it on its own.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from annotator.analysis.corpus_walk import CorpusWalk, StoredWords
from annotator.analysis.keywords import tfidf
from annotator.analysis.word_sheet_counts import ScopeCounter, index_usable
from annotator.analysis.wordfreq import (
    Span,
    WordTally,
    analyser_for,
    corpus_key,
    pos_name,
    remember_corpus_tally,
)
from annotator.export.excel import ExtraSheet
from annotator.records import CodeInfo

if TYPE_CHECKING:
    from annotator.project import Project
    from annotator.records import DocumentInfo, PassageInfo

SHEET_WORDS = "词频"
SHEET_CODE_WORDS = "编码词频"
CORPUS_TOP = 500
CODE_TOP = 20
CODE_KEYWORDS = 10
WORD_HEADERS = ("排名", "词语", "词性", "词性名称", "频次", "占比", "文档数")
CODE_HEADERS = (
    "编码路径",
    "层级",
    "片段数（含下级）",
    "计数词数",
    f"高频词（前{CODE_TOP}）",
    f"特征词（TF-IDF，前{CODE_KEYWORDS}）",
)
LIST_SEPARATOR = "、"


def word_sheets(project: Project) -> list[ExtraSheet]:
    """词频 and 编码词频 for the project workbook (none for a project without documents)."""
    documents = project.documents()
    builder = WordSheets(project, documents, project.codes())
    if not documents:
        return []
    for doc in CorpusWalk(project, documents, index_terms=builder.index_terms):
        builder.add(doc.info, doc.text, doc.passages, doc.stored)
    return builder.sheets()


class WordSheets:
    """The word sheets' counts, fed one document at a time (each document once, in any
    order), its words from the search index when the walk has them."""

    def __init__(self, project: Project, documents: Sequence[DocumentInfo],
                 codes: Sequence[CodeInfo]) -> None:
        from annotator.words.terms import project_terms

        self._project = project
        self._documents = documents
        self._codes = codes
        self._analyser = analyser_for(project)
        terms = project_terms(project)
        #: The term list stored words must have been segmented with; None: segment all.
        self.index_terms: frozenset[str] | None = terms if index_usable(terms) else None
        self._lineage = _lineage(codes)
        self._passages: Counter[int] = Counter()
        self._counter = ScopeCounter(self._analyser, [c.id for c in codes])
        self._result: tuple[WordTally, Mapping[int, WordTally]] | None = None

    @property
    def segmented(self) -> int:
        """Documents segmented here because the search index lacked them."""
        return self._counter.segmented

    def add(self, document: DocumentInfo, text: str, passages: Iterable[PassageInfo],
            stored: StoredWords | None) -> None:
        # Passage spans per code, each passage also counted for its ancestors.
        spans: dict[int, list[Span]] = {}
        for p in passages:
            for code_id in self._lineage.get(p.code_id, (p.code_id,)):
                spans.setdefault(code_id, []).append((p.start, p.end))
                self._passages[code_id] += 1
        self._counter.add(document.id, text, spans, stored)

    def result(self) -> tuple[WordTally, Mapping[int, WordTally]]:
        if self._result is None:
            self._result = self._counter.result()
            remember_corpus_tally(
                corpus_key(self._project, self._analyser, self._documents), self._result[0])
        return self._result

    def sheets(self) -> list[ExtraSheet]:
        """The sheets, counted from what was added so far."""
        corpus, by_code = self.result()
        sheets = [_corpus_sheet(corpus)]
        if self._codes:
            sheets.append(_code_sheet(self._codes, by_code, self._passages, corpus))
        return sheets

    def lazy_sheets(self) -> list[ExtraSheet]:
        """The sheets with rows made only when written: the walk that feeds the counts
        runs while the sheets before them are written."""
        if not self._documents:
            return []
        sheets = [_corpus_sheet(None, lambda: self.result()[0])]
        if self._codes:
            sheets.append(_code_sheet(self._codes, None, self._passages, None,
                                      lambda: self.result()))
        return sheets


class _Rows:
    """Rows made when first iterated."""

    def __init__(self, make: Callable[[], list[Sequence[object]]]) -> None:
        self._make = make

    def __iter__(self) -> Iterator[Sequence[object]]:
        return iter(self._make())


def _lineage(codes: Sequence[CodeInfo]) -> dict[int, tuple[int, ...]]:
    """Each code with its ancestors (itself first)."""
    parent = {c.id: c.parent_id for c in codes}
    lineage = {}
    for code in codes:
        chain, node = [], code.id
        while node is not None and node not in chain:
            chain.append(node)
            node = parent.get(node)
        lineage[code.id] = tuple(chain)
    return lineage


def _corpus_sheet(
    corpus: WordTally | None, later: Callable[[], WordTally] | None = None
) -> ExtraSheet:
    def rows() -> list[Sequence[object]]:
        tally = corpus if corpus is not None else later()  # type: ignore[misc]
        return [
            (rank, w.word, w.pos, pos_name(w.pos), w.count, w.share, w.documents)
            for rank, w in enumerate(tally.rows(CORPUS_TOP), 1)
        ]

    return ExtraSheet(
        name=SHEET_WORDS,
        headers=WORD_HEADERS,
        rows=rows() if corpus is not None else _Rows(rows),
        widths=(6, 18, 6, 10, 8, 8, 8),
        percent_columns=(5,),
    )


def _code_sheet(
    codes: Sequence[CodeInfo],
    by_code: Mapping[int, WordTally] | None,
    passages: Counter[int],
    corpus: WordTally | None,
    later: Callable[[], tuple[WordTally, Mapping[int, WordTally]]] | None = None,
) -> ExtraSheet:
    def rows() -> list[Sequence[object]]:
        if by_code is not None and corpus is not None:
            tallies, whole = by_code, corpus
        else:
            whole, tallies = later()  # type: ignore[misc]
        out = []
        for code in codes:
            tally = tallies[code.id]
            top = LIST_SEPARATOR.join(f"{w}({n})" for w, n in _most_frequent(tally, CODE_TOP))
            keywords = LIST_SEPARATOR.join(w for w, _ in tfidf(tally, whole, CODE_KEYWORDS))
            out.append(
                (code.path_text, code.depth + 1, passages[code.id], tally.total, top, keywords)
            )
        return out

    return ExtraSheet(
        name=SHEET_CODE_WORDS,
        headers=CODE_HEADERS,
        rows=rows() if later is None else _Rows(rows),
        widths=(30, 6, 10, 9, 70, 40),
        wrap_columns=(0, 4, 5),
    )


def _most_frequent(tally: WordTally, top: int) -> list[tuple[str, int]]:
    """The first ``top`` of :meth:`WordTally.rows` as (word as written most often, count),
    without tagging them (the sheet shows no tags here)."""
    first = heapq.nsmallest(top, tally.counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [(tally.display(w), n) for w, n in first]
