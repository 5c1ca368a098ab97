"""New-word discovery: multi-character terms that recur in a corpus but that segmentation splits.

The method is the classic one for unsegmented Chinese text (Sproat & Shih 1990 for cohesion;
Huang & Powers / "freedom" for boundary entropy; popularised for new-word discovery in Chinese
social-media and policy corpora): a string is a word when

* it is **cohesive**: its characters occur together far more often than chance. Measured as
  the smallest pointwise mutual information over the ways of cutting it in two,
  ``min_k log(p(w) / (p(w[:k]) p(w[k:])))``;
* it is **free** at both ends: the characters before it and after it vary. Measured as the
  entropy of its left and of its right neighbours; a document edge or punctuation counts as
  a neighbour seen once. 战略科技力 always has 量 after it (right entropy 0): no word.

Counting. All character n-grams (2 ≤ n ≤ ``max_length``) inside runs of CJK characters are
counted with numpy, level by level: the n-grams at each position get integer ids from the
(n−1)-gram id there and the next character (one ``np.unique`` per level), and an n-gram is
only counted where both of its (n−1)-grams are frequent enough (Apriori pruning), so the
arrays shrink quickly with n. Nothing crosses punctuation, a line or a document.

Filtering (:func:`discover_terms`): candidates must occur ``min_count`` times, pass the
cohesion and freedom thresholds, not be a term already, not start or end with a function
character (data/term_edges.txt: 的, 和, 在 …), not be mostly numerals or an article number
(第十二条), and be split by the segmenter given (a string jieba keeps whole is no news).
Ranked best first by ``count^0.5 × min(left, right entropy) × cohesion``, which favours terms
that recur, are free at both ends and hold together.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate
from typing import TYPE_CHECKING

import numpy as np

from annotator.chinese.shipped import read_list

if TYPE_CHECKING:
    from annotator.chinese.segment import Segmenter
    from annotator.project import Project

Progress = Callable[[int, int], None]

MIN_COUNT = 3
MAX_LENGTH = 8
MIN_COHESION = 2.0  # natural log: the parts occur together e² ≈ 7× more often than chance
MIN_ENTROPY = 1.0  # nats: at least ≈ 3 different neighbours on each side, evenly spread
_NUMERALS = frozenset("〇零一二三四五六七八九十百千万亿两0123456789")
_CONTEXT = 6  # characters of context on each side when checking word boundaries
_ARTICLE = re.compile(r"^第[〇零一二三四五六七八九十百千两\d]+[条章节款项编部]?$")


class Cancelled(Exception):
    """Raised inside :func:`discover_terms` when its ``cancelled`` callback says so."""


@dataclass(frozen=True, slots=True)
class TermCandidate:
    term: str
    count: int  # occurrences in the corpus
    documents: int  # documents that hold it
    cohesion: float  # smallest PMI over its two-part splits (nats)
    left_entropy: float  # nats
    right_entropy: float
    score: float
    split: tuple[str, ...]  # how the segmenter cuts it today


@dataclass(frozen=True)
class Edges:
    """What a discovered term may not start or end with (data/term_edges.txt): characters
    (both ends) and words, as the segmenter cuts the term."""

    characters: frozenset[str]
    start_words: frozenset[str]
    end_words: frozenset[str]

    def reject(self, term: str, split: Sequence[str]) -> bool:
        return (term[0] in self.characters or term[-1] in self.characters
                or split[0] in self.start_words or split[-1] in self.end_words)


@lru_cache(maxsize=1)
def term_edges() -> Edges:
    sections: dict[str, set[str]] = {"both": set(), "start": set(), "end": set()}
    current = sections["both"]
    for line in read_list("term_edges.txt"):
        if line.startswith("[") and line.endswith("]"):
            current = sections[line[1:-1]]
        else:
            current.update(line.split())
    return Edges(frozenset(sections["both"]), frozenset(sections["start"]),
                 frozenset(sections["end"]))


def _is_cjk(cp: np.ndarray) -> np.ndarray:
    return (
        ((cp >= 0x4E00) & (cp <= 0x9FFF)) | ((cp >= 0x3400) & (cp <= 0x4DBF))
        | ((cp >= 0xF900) & (cp <= 0xFAFF)) | ((cp >= 0x20000) & (cp <= 0x323AF))
        | (cp == 0x3007)
    )


@dataclass
class _Level:
    """Candidates of one n-gram length: first positions, counts and measures, per n-gram."""

    n: int
    first: np.ndarray
    count: np.ndarray
    documents: np.ndarray
    cohesion: np.ndarray
    left: np.ndarray
    right: np.ndarray


_BINCOUNT_LIMIT = 16_000_000  # key spaces up to this size are counted without sorting


@dataclass
class _Grams:
    """The n-grams counted at one length: positions (ascending), their gram ids, and per id
    its count and a position where it occurs."""

    n: int
    pos: np.ndarray
    gram: np.ndarray
    count: np.ndarray
    where: np.ndarray
    prefix: np.ndarray  # per id: the id of its (n−1)-gram prefix


def _group(keys: np.ndarray, pos: np.ndarray, space: int) -> tuple[np.ndarray, ...]:
    """Dense ids of ``keys`` (gram, count, where, key per id), by counting when the key
    space is small and by sorting otherwise. The sort sorts each key packed with its index
    into one int64: numpy's SIMD sort does that ≈6× faster than an argsort."""
    if space <= _BINCOUNT_LIMIT:
        bins = np.bincount(keys, minlength=space)
        present = np.flatnonzero(bins)
        rank = np.zeros(space, dtype=np.int32)
        rank[present] = np.arange(len(present), dtype=np.int32)
        gram = rank[keys]
        where = np.empty(len(present), dtype=np.int32)
        where[gram] = pos  # any occurrence will do
        return gram, bins[present].astype(np.int32), where, present
    shift = max(int(len(keys)).bit_length(), 1)
    if space.bit_length() + shift <= 63:
        packed = np.sort((keys << shift) | np.arange(len(keys), dtype=np.int64))
        order, ordered = (packed & ((1 << shift) - 1)).astype(np.int32), packed >> shift
        del packed
    else:
        order = np.argsort(keys)
        ordered = keys[order]
    first = np.ones(len(keys), dtype=bool)
    first[1:] = ordered[1:] != ordered[:-1]
    starts = np.flatnonzero(first)
    gram = np.empty(len(keys), dtype=np.int32)
    gram[order] = np.cumsum(first, dtype=np.int32) - 1
    count = np.diff(np.append(starts, len(keys))).astype(np.int32)
    return gram, count, pos[order[starts]], ordered[starts]


def _entropy_sums(groups: np.ndarray, counts: np.ndarray, size: int) -> np.ndarray:
    """Σ c·log c of the neighbour counts ``counts`` of each group (an n-gram id)."""
    c = counts.astype(np.float64)
    return np.bincount(groups, weights=c * np.log(c), minlength=size)


def _count_levels(
    joined: str,
    starts: np.ndarray,
    *,
    min_count: int,
    max_length: int,
    min_cohesion: float,
    min_entropy: float,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> list[_Level]:
    cp = np.frombuffer(joined.encode("utf-32-le"), dtype=np.uint32)
    cjk = _is_cjk(cp)
    # Dense character ids 1..V; 0 is an edge (anything not CJK). A table beats np.unique.
    seen = np.zeros(int(cp.max(initial=0)) + 1, dtype=bool)
    seen[cp[cjk]] = True
    table = np.cumsum(seen, dtype=np.int32)
    cid = np.where(cjk, table[cp], 0).astype(np.int32)
    # Left neighbours: a character, or "a digit" (one symbol for all: 1日起施行, 2日起施行 … have
    # one left neighbour, not thirty), or 0, an edge (punctuation, a line, Latin letters).
    digit = int(cid.max(initial=0)) + 1
    left_of = np.where(((cp >= 0x30) & (cp <= 0x39)) | ((cp >= 0xFF10) & (cp <= 0xFF19)),
                       digit, cid).astype(np.int32)
    base = digit + 1
    size = len(cid)
    total = max(int(cjk.sum()), 1)
    del cp, cjk, seen, table
    # How many characters of the run go on from each position (0 at an edge).
    edges = np.where(cid == 0, np.arange(size), size)
    run = np.minimum.accumulate(edges[::-1])[::-1] - np.arange(size)
    del edges

    # at[n][i]: the count of the n-gram at i (0 where it was not counted), for cohesion.
    # Lengths from 3 on saturate at 65,535, which only ever flatters the commonest words.
    pos = np.flatnonzero(cid).astype(np.int32)  # positions fit: texts are < 2**31 long
    ones = np.bincount(cid, minlength=base).astype(np.int32)
    at: list[np.ndarray] = [np.zeros(0, np.int32), np.where(cid != 0, ones[cid], 0)]
    prev = _Grams(1, pos, cid[pos], ones, np.zeros(base, np.int32), np.zeros(base, np.int32))
    pending: tuple[np.ndarray, np.ndarray] | None = None  # level n−1: grams, cohesion
    levels: list[_Level] = []
    for n in range(2, max_length + 2):
        if cancelled is not None and cancelled():
            raise Cancelled
        if progress is not None:
            progress(n - 2, max_length)
        # Apriori: an n-gram is counted where its (n−1)-gram prefix and suffix are frequent.
        # The frequent prefixes are numbered anew, which keeps the keys small.
        frequent_prefix = prev.count >= min_count
        renumber = np.cumsum(frequent_prefix, dtype=np.int64) - 1
        keep = np.flatnonzero(frequent_prefix[prev.gram] & (run[prev.pos] >= n))
        pos = prev.pos[keep]
        inner = at[n - 1][pos + 1] >= min_count
        pos, prefix_of = pos[inner], prev.gram[keep[inner]]
        del keep, inner
        keys = renumber[prefix_of] * base + cid[pos + n - 1]
        space = int(frequent_prefix.sum()) * base
        gram, count, where, ukeys = _group(keys, pos, space)
        old_id = np.flatnonzero(frequent_prefix).astype(np.int32)
        grams = _Grams(n, pos, gram, count, where, old_id[ukeys // base])
        del keys, prefix_of, renumber
        if pending is not None:
            levels.extend(_finish(prev, grams, pending, left_of, base, min_entropy, starts))
        if n > max_length:
            break
        here = np.zeros(size, dtype=np.int32 if n == 2 else np.uint16)
        here[pos] = np.minimum(count[gram], np.iinfo(here.dtype).max)
        at.append(here)
        frequent = np.flatnonzero(count >= min_count)
        seen_at = where[frequent]
        cohesion = np.full(len(frequent), np.inf)
        for k in range(1, n):
            parts = at[k][seen_at].astype(np.float64) * at[n - k][seen_at + k]
            cohesion = np.minimum(cohesion, np.log(count[frequent] * float(total) / parts))
        cohesive = cohesion >= min_cohesion
        pending = (frequent[cohesive], cohesion[cohesive])
        prev = grams
        if len(pos) == 0:
            break
    if progress is not None:
        progress(max_length, max_length)
    return levels


def _finish(
    grams: _Grams,
    longer: _Grams,
    pending: tuple[np.ndarray, np.ndarray],
    left_of: np.ndarray,
    base: int,
    min_entropy: float,
    starts: np.ndarray,
) -> list[_Level]:
    """The candidates of ``grams`` that are free at both ends. Right neighbours come from
    the (n+1)-grams just counted (an extension too rare to count, or an edge, counts as a
    new neighbour each time); left neighbours are counted for the few still in the race."""
    chosen, cohesion = pending
    if len(chosen) == 0:
        return []
    totals = grams.count.astype(np.float64)
    right = np.log(totals[chosen]) - _entropy_sums(
        longer.prefix, longer.count, len(totals))[chosen] / totals[chosen]
    free = right >= min_entropy
    chosen, cohesion, right = chosen[free], cohesion[free], right[free]
    if len(chosen) == 0:
        return []
    wanted = np.zeros(len(totals), dtype=bool)
    wanted[chosen] = True
    occ = np.flatnonzero(wanted[grams.gram])
    occ_gram, neighbour = grams.gram[occ], left_of[grams.pos[occ] - 1]
    inside = neighbour != 0
    keys = occ_gram[inside].astype(np.int64) * base + neighbour[inside]
    pairs, counts = np.unique(keys, return_counts=True)
    sums = _entropy_sums((pairs // base).astype(np.int64), counts, len(totals))
    left = np.log(totals[chosen]) - sums[chosen] / totals[chosen]
    free = left >= min_entropy
    g = chosen[free]
    # Documents: distinct (gram, document) pairs among the occurrences of the survivors.
    wanted[:] = False
    wanted[g] = True
    occ = np.flatnonzero(wanted[grams.gram])
    doc = np.searchsorted(starts, grams.pos[occ], side="right")
    pairs = np.sort(grams.gram[occ].astype(np.int64) * (len(starts) + 1) + doc)
    pairs = pairs[np.append(True, pairs[1:] != pairs[:-1])]  # np.unique hashes: ≈10× slower
    documents = np.bincount(pairs // (len(starts) + 1), minlength=len(totals))[g]
    return [_Level(grams.n, grams.where[g], grams.count[g], documents, cohesion[free],
                   left[free], right[free])]


def _split_in_context(
    joined: str, term: str, segmenter: Segmenter, samples: int = 8
) -> tuple[str, ...] | None:
    """How the segmenter cuts ``term`` where it occurs (a few occurrences with the words
    around them), or None when it mostly does not begin and end on word boundaries there:
    社会公 (of 社会公众, 社会公共) or 权纠纷 (of 专利权纠纷) are pieces of words, not terms."""
    splits: dict[tuple[str, ...], int] = {}
    seen = whole = 0
    at = joined.find(term)
    while at >= 0 and seen < samples:
        seen += 1
        lo = max(0, at - _CONTEXT)
        end = at + len(term)
        tokens = segmenter.tokenize(joined[lo:end + _CONTEXT])
        starts = {t.start + lo for t in tokens}
        if at in starts and (end in starts or end - lo == tokens[-1].end):
            whole += 1
            inside = tuple(t.word for t in tokens if at <= t.start + lo < end)
            splits[inside] = splits.get(inside, 0) + 1
        at = joined.find(term, at + 1)
    if not splits or whole * 2 < seen:
        return None
    return max(splits, key=lambda k: splits[k])


def _mostly_numerals(term: str) -> bool:
    return bool(_ARTICLE.match(term)) or sum(ch in _NUMERALS for ch in term) * 2 > len(term)


def discover_terms(
    texts: Sequence[str],
    *,
    segmenter: Segmenter,
    known: Iterable[str] = (),
    stopwords: Iterable[str] = (),
    top: int = 50,
    min_count: int = MIN_COUNT,
    max_length: int = MAX_LENGTH,
    min_cohesion: float = MIN_COHESION,
    min_entropy: float = MIN_ENTROPY,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[TermCandidate]:
    """The ``top`` best new terms of ``texts``, best first (see the module docstring).
    ``known`` terms are never proposed, nor strings that segment into a ``stopwords`` word
    anywhere (人民政府/应当, 单位/和/个人, 本/条例: phrases, not terms). ``progress(done, total)``
    is called as counting goes on; ``cancelled()`` returning True stops it with
    :class:`Cancelled`."""
    # A leading and a trailing edge: every n-gram has a left and a right neighbour cell.
    joined = "\n" + "\n".join(texts) + "\n"
    starts = np.fromiter(accumulate((len(t) + 1 for t in texts[:-1]), initial=1), np.int64)
    levels = _count_levels(
        joined, starts, min_count=min_count, max_length=max_length,
        min_cohesion=min_cohesion, min_entropy=min_entropy, progress=progress,
        cancelled=cancelled,
    )
    if not levels:
        return []
    n = np.concatenate([np.full(len(lv.count), lv.n) for lv in levels])
    first, count, documents, cohesion, left, right = (
        np.concatenate([getattr(lv, name) for lv in levels])
        for name in ("first", "count", "documents", "cohesion", "left", "right")
    )
    score = np.sqrt(count) * np.minimum(left, right) * cohesion
    known, stop = set(known), set(stopwords)
    edges = term_edges()
    out: list[TermCandidate] = []
    for i in np.argsort(-score, kind="stable"):
        term = joined[first[i]:first[i] + n[i]]
        if (term in known or term[0] in edges.characters or term[-1] in edges.characters
                or _mostly_numerals(term)):
            continue
        alone = segmenter.words(term)
        if len(alone) < 2 or any(w in stop for w in alone) or edges.reject(term, alone):
            continue  # kept whole already, or a phrase with a function word or verb at its edge
        split = _split_in_context(joined, term, segmenter)
        if split is None or len(split) < 2 or any(w in stop for w in split):
            continue  # mostly cuts words in two where it occurs
        out.append(TermCandidate(term, int(count[i]), int(documents[i]), float(cohesion[i]),
                                 float(left[i]), float(right[i]), float(score[i]), split))
        if len(out) >= top:
            break
    return out


def project_texts(project: Project) -> list[str]:
    """Every document's text, in document order."""
    from annotator.db.word_lists import corpus_texts

    with project.session_scope() as s:
        return corpus_texts(s)


def suggest_terms(
    project: Project,
    *,
    top: int = 50,
    min_count: int = MIN_COUNT,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[TermCandidate]:
    """New terms for ``project``: discovered in its documents, split by its segmenter, not
    among its terms (starter terms, its own, code keywords)."""
    from annotator.words.stopwords import project_stopwords
    from annotator.words.terms import project_segmenter, project_terms

    return discover_terms(
        project_texts(project), segmenter=project_segmenter(project),
        known=project_terms(project), stopwords=project_stopwords(project), top=top,
        min_count=min_count, progress=progress, cancelled=cancelled,
    )
