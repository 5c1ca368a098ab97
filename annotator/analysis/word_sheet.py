"""The workbook's word-frequency sheets: 词频 (the corpus) and 编码词频 (each code).

词频 lists the corpus's 500 most frequent words with part of speech, count, share of all
counted words and the number of documents containing each. 编码词频 has one row per code in
codebook order — the code's passages with its sub-codes, its most frequent words written
"词(频次)、…" and its TF-IDF keywords — a table that goes into a paper as it is.

Every document is segmented once; the codes' counts are taken from the same segmentation
(see annotator.analysis.wordfreq for what counts and how overlapping passages are merged,
annotator.analysis.word_sheet_counts for how all codes are counted at once).
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING

from annotator.analysis.keywords import tfidf
from annotator.analysis.word_sheet_counts import count_scopes
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
    if not documents:
        return []
    codes = project.codes()
    analyser = analyser_for(project)
    lineage = _lineage(codes)

    # Passage spans per document and code, each passage also counted for its ancestors.
    spans: dict[int, dict[int, list[Span]]] = {}
    passages: Counter[int] = Counter()
    for p in project.iter_all_passages():
        per_code = spans.setdefault(p.document_id, {})
        for code_id in lineage.get(p.code_id, (p.code_id,)):
            per_code.setdefault(code_id, []).append((p.start, p.end))
            passages[code_id] += 1

    corpus, by_code = count_scopes(
        analyser,
        ((doc.id, project.document_text(doc.id)) for doc in documents),
        spans,
        [c.id for c in codes],
    )
    remember_corpus_tally(corpus_key(project, analyser, documents), corpus)

    sheets = [_corpus_sheet(corpus)]
    if codes:
        sheets.append(_code_sheet(codes, by_code, passages, corpus))
    return sheets


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


def _corpus_sheet(corpus: WordTally) -> ExtraSheet:
    rows = [
        (rank, w.word, w.pos, pos_name(w.pos), w.count, w.share, w.documents)
        for rank, w in enumerate(corpus.rows(CORPUS_TOP), 1)
    ]
    return ExtraSheet(
        name=SHEET_WORDS,
        headers=WORD_HEADERS,
        rows=rows,
        widths=(6, 18, 6, 10, 8, 8, 8),
        percent_columns=(5,),
    )


def _code_sheet(
    codes: Sequence[CodeInfo],
    by_code: dict[int, WordTally],
    passages: Counter[int],
    corpus: WordTally,
) -> ExtraSheet:
    rows = []
    for code in codes:
        tally = by_code[code.id]
        top = LIST_SEPARATOR.join(f"{w}({n})" for w, n in _most_frequent(tally, CODE_TOP))
        keywords = LIST_SEPARATOR.join(w for w, _ in tfidf(tally, corpus, CODE_KEYWORDS))
        rows.append(
            (code.path_text, code.depth + 1, passages[code.id], tally.total, top, keywords)
        )
    return ExtraSheet(
        name=SHEET_CODE_WORDS,
        headers=CODE_HEADERS,
        rows=rows,
        widths=(30, 6, 10, 9, 70, 40),
        wrap_columns=(0, 4, 5),
    )


def _most_frequent(tally: WordTally, top: int) -> list[tuple[str, int]]:
    """The first ``top`` of :meth:`WordTally.rows` as (word as written most often, count),
    without tagging them (the sheet shows no tags here)."""
    first = heapq.nsmallest(top, tally.counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [(tally.display(w), n) for w, n in first]
