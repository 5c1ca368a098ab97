"""Keywords of a code's passages or of a document: TF-IDF against the project's own corpus,
or TextRank over the segmented text.

TF-IDF takes its IDF from the project's documents (each document one member of the
collection), not from jieba's generic table, which gives every word it lacks — exactly the
policy terms researchers add — the median IDF. IDF is smoothed as in scikit-learn,
ln((1 + N) / (1 + df)) + 1, so a word found in every document still weighs a little.

TextRank runs over the same words the frequency tables count (project terms kept whole and
tagged ``nz``), linking words that occur within five words of each other, inside one passage
or document only.

Both weigh simplified and traditional forms as one word and name it in the form written most
often in what they weigh (see :mod:`annotator.analysis.wordfreq`).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING

from annotator.analysis.wordfreq import (
    Tagged,
    WordAnalyser,
    WordTally,
    analyser_for,
    corpus_tally,
    scope_tally,
    scope_texts,
    written_forms,
    written_otherwise,
)
from annotator.errors import InvalidOperation

if TYPE_CHECKING:
    from annotator.project import Project

METHODS = ("tfidf", "textrank")
#: Parts of speech TextRank ranks: jieba's defaults (n, ns, vn, v) with other nouns, set
#: phrases and abbreviations; ``nz`` keeps added terms (project terms always take part).
TEXTRANK_POS = frozenset({"n", "ns", "nt", "nz", "nr", "vn", "v", "l", "j", "i"})
WINDOW = 5  # a word is linked to the next four words, as in jieba's TextRank
DAMPING = 0.85


def keywords(
    project: Project,
    *,
    code_id: int | None = None,
    document_id: int | None = None,
    method: str = "tfidf",
    top: int = 20,
    include_subcodes: bool = True,
) -> list[tuple[str, float]]:
    """The ``top`` keywords of a code's passages (with sub-codes by default), of a document,
    or of a code's passages in one document; (word, weight), heaviest first. TF-IDF weights
    are term frequency × IDF; TextRank weights are scaled so the first is 1."""
    if method not in METHODS:
        raise InvalidOperation(f"unknown keyword method {method!r}; use {', '.join(METHODS)}")
    if code_id is None and document_id is None:
        raise InvalidOperation("keywords need a code or a document")
    analyser = analyser_for(project)
    if method == "tfidf":
        target = scope_tally(
            project,
            analyser,
            code_id=code_id,
            document_id=document_id,
            include_subcodes=include_subcodes,
        )
        return tfidf(target, corpus_tally(project, analyser), top)
    runs: list[list[Tagged]] = []
    forms: Counter[tuple[str, str]] = Counter()
    for _doc, text, spans in scope_texts(
        project, code_id=code_id, document_id=document_id, include_subcodes=include_subcodes
    ):
        folded, token_runs = analyser.folded_runs(text, spans)
        tag = analyser.tagger.tag
        for run in token_runs:
            runs.append([(t.word, tag(t.word), t.start, t.end) for t in run])
            forms.update(written_otherwise(text, folded, run))
    ranked = textrank(runs, analyser, top)
    if not forms:
        return ranked
    counts = Counter(w for run in runs for w, *_ in run)
    other: dict[str, dict[str, int]] = {}
    for (word, form), n in forms.items():
        other.setdefault(word, {})[form] = n
    return [(written_forms(w, counts[w], other.get(w))[0], weight) for w, weight in ranked]


def idf(document_frequency: int, documents: int) -> float:
    return math.log((1 + documents) / (1 + document_frequency)) + 1.0


def tfidf(target: WordTally, corpus: WordTally, top: int = 20) -> list[tuple[str, float]]:
    """Words of ``target`` weighted by their share of it times their IDF in ``corpus``."""
    total = target.total
    if not total:
        return []
    n = corpus.document_total
    weights = {
        word: count / total * idf(max(corpus.documents[word], 1), n)
        for word, count in target.counts.items()
    }
    return [(target.display(w), weight) for w, weight in _ranked(weights, top)]


def textrank(
    runs: Sequence[Sequence[Tagged]], analyser: WordAnalyser, top: int = 20
) -> list[tuple[str, float]]:
    """TextRank over runs of tagged words (a passage or a document each); links never cross
    from one run to the next."""
    terms = analyser.tagger.terms
    edges: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for run in runs:
        candidate = [
            analyser.counts(w, t) and (t in TEXTRANK_POS or w in terms) for w, t, _, _ in run
        ]
        for i, (word, *_rest) in enumerate(run):
            if not candidate[i]:
                continue
            edges[word]  # a candidate with no neighbour still gets a rank
            for j in range(i + 1, min(i + WINDOW, len(run))):
                if candidate[j] and run[j][0] != word:
                    edges[word][run[j][0]] += 1
                    edges[run[j][0]][word] += 1
    return _ranked(_pagerank(edges), top)


def _pagerank(edges: dict[str, Counter[str]], iterations: int = 100) -> dict[str, float]:
    """Weighted PageRank on an undirected graph, scaled so the best word weighs 1."""
    if not edges:
        return {}
    nodes = sorted(edges)
    out = {w: sum(edges[w].values()) for w in nodes}
    rank = dict.fromkeys(nodes, 1.0 / len(nodes))
    for _ in range(iterations):
        new = {
            w: (1 - DAMPING) + DAMPING * sum(n * rank[u] / out[u] for u, n in edges[w].items())
            for w in nodes
        }
        change = max(abs(new[w] - rank[w]) for w in nodes)
        rank = new
        if change < 1e-9:
            break
    best = max(rank.values())
    return {w: r / best for w, r in rank.items()}


def _ranked(weights: dict[str, float], top: int) -> list[tuple[str, float]]:
    ranked = sorted(weights.items(), key=lambda kv: (-kv[1], kv[0]))
    return ranked[: max(0, top)]
