"""The counts every measure is made from, for all codes and coder pairs at once.

Everything is array arithmetic over the counted passages (:class:`CodingData`), so 200,000
passages cost a few sorts, not a Python loop per passage:

* unit level: each (code, coder, unit) where the code is present once; per code and pair of
  coders the units each coded (n1, n2) and both (m), in documents both coded; per (code,
  unit) how many of the document's coders applied the code (Krippendorff's α);
* character level: every passage's start and end as events, sorted per (code, document);
  a running count per coder says which stretches each coder covered, so coverage and the
  stretches two coders share are sums of stretch lengths (overlapping passages of one coder
  count once).

Documents where nobody used a code add only agreed absences, already in the totals computed
once for all codes.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import numpy as np

from annotator.analysis.agreement_data import CODE, CODER, DOC, END, START, CodingData

PairKey = tuple[int, int]  # (coder index, coder index) in the order the coders were chosen


@dataclass
class PairTotals:
    """Sums over documents for one pair of coders: units each coded (n1, n2) and both (m);
    characters each coded and both."""

    n1: int = 0
    n2: int = 0
    m: int = 0
    chars_a: int = 0
    chars_b: int = 0
    chars_both: int = 0

    def __iadd__(self, other: PairTotals) -> PairTotals:
        self.n1 += other.n1
        self.n2 += other.n2
        self.m += other.m
        self.chars_a += other.chars_a
        self.chars_b += other.chars_b
        self.chars_both += other.chars_both
        return self


@dataclass
class DocumentChars:
    """Character counts of one code in one document, per pair of its coders: (a, b, both)."""

    code: int  # index into CodingData.codes
    document: int  # index into CodingData.documents
    pairs: list[tuple[int, int, int]]


@dataclass
class Counts:
    """Per code (rows, in ``CodingData.codes`` order) and pair (columns, in ``pairs``)."""

    pairs: list[PairKey]
    n1: np.ndarray
    n2: np.ndarray
    m: np.ndarray
    chars_a: np.ndarray
    chars_b: np.ndarray
    chars_both: np.ndarray
    alpha_ones: np.ndarray  # per code: present values in pairable items
    alpha_disagreement: np.ndarray  # per code: Σ n₁ᵤ·n₀ᵤ/(mᵤ − 1)
    used: np.ndarray  # per code: some counted passage has it
    documents: list[DocumentChars]  # (code, document) with passages, when asked for

    def totals(self, code: int) -> dict[PairKey, PairTotals]:
        return {
            key: PairTotals(int(self.n1[code, p]), int(self.n2[code, p]), int(self.m[code, p]),
                            int(self.chars_a[code, p]), int(self.chars_b[code, p]),
                            int(self.chars_both[code, p]))
            for p, key in enumerate(self.pairs)
        }


def count_all(data: CodingData, *, by_document: bool = False) -> Counts:
    k = len(data.coders)
    n_codes = len(data.codes)
    pairs = list(combinations(range(k), 2))
    shape = (n_codes, len(pairs))
    n1, n2, m = (np.zeros(shape, dtype=np.int64) for _ in range(3))
    present = _presence(data)
    code, coder, unit = present
    unit_doc = data.unit_document[unit]
    for p, (a, b) in enumerate(pairs):
        of_a = (coder == a) & data.coded[unit_doc, b]
        of_b = (coder == b) & data.coded[unit_doc, a]
        n1[:, p] = np.bincount(code[of_a], minlength=n_codes)
        n2[:, p] = np.bincount(code[of_b], minlength=n_codes)
        key = code * max(data.units, 1) + unit
        both = np.intersect1d(key[coder == a], key[coder == b], assume_unique=True)
        m[:, p] = np.bincount(both // max(data.units, 1), minlength=n_codes)

    ones, disagreement = _alpha(data, present)
    chars_a, chars_b, chars_both, documents = _characters(data, pairs, by_document)
    used = np.bincount(data.passages[:, CODE], minlength=n_codes) > 0
    return Counts(pairs, n1, n2, m, chars_a, chars_b, chars_both, ones, disagreement, used,
                  documents)


def _presence(data: CodingData) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(code, coder, unit) where the code is present for the coder, each once, sorted."""
    k, units = len(data.coders), max(data.units, 1)
    rows = data.passages[data.touch_passage]
    key = np.sort((rows[:, CODE] * k + rows[:, CODER]) * units + data.touch_unit)
    key = key[np.append(True, key[1:] != key[:-1])] if len(key) else key
    return key // units // k, key // units % k, key % units


def _alpha(
    data: CodingData, present: tuple[np.ndarray, np.ndarray, np.ndarray]
) -> tuple[np.ndarray, np.ndarray]:
    """Per code: values saying "present" and the coincidence matrix's o₀₁ (see
    :class:`AlphaCounts`), over the items (code, unit) some coder marked."""
    code, _, unit = present
    n_codes, units = len(data.codes), max(data.units, 1)
    items, first, count = np.unique(code * units + unit, return_index=True, return_counts=True)
    coders = data.coded.sum(axis=1)[data.unit_document[unit[first]]]
    item_code = items // units
    ones = np.bincount(item_code, weights=count, minlength=n_codes)
    mixed = count * (coders - count) / np.maximum(coders - 1, 1)
    return ones.astype(np.int64), np.bincount(item_code, weights=mixed, minlength=n_codes)


def _characters(
    data: CodingData, pairs: list[PairKey], by_document: bool
) -> tuple[np.ndarray, np.ndarray, np.ndarray, list[DocumentChars]]:
    """Characters each coder covered and each pair shared, per code and pair (summed over
    the documents both coded), and per (code, document) when ``by_document``."""
    rows = data.passages
    n_docs, n_codes, k = max(len(data.documents), 1), len(data.codes), len(data.coders)
    shape = (n_codes, len(pairs))
    if not len(rows):
        zero = np.zeros(shape, dtype=np.int64)
        return zero, zero.copy(), zero.copy(), []
    group = rows[:, CODE] * n_docs + rows[:, DOC]
    where = np.concatenate((rows[:, START], rows[:, END]))
    groups = np.concatenate((group, group))
    who = np.concatenate((rows[:, CODER], rows[:, CODER]))
    step = np.concatenate((np.ones(len(rows), np.int64), -np.ones(len(rows), np.int64)))
    order = np.lexsort((where, groups))
    where, groups, who, step = where[order], groups[order], who[order], step[order]
    # Stretch i runs from event i to event i+1 (within one group); each coder's running
    # count is back to 0 at the end of every group, so one cumulative sum serves all.
    length = np.where(groups[1:] == groups[:-1], where[1:] - where[:-1], 0)
    inside = np.stack([np.cumsum(np.where(who == c, step, 0))[:-1] > 0 for c in range(k)], 1)
    keys, slot = np.unique(groups[:-1], return_inverse=True)
    cover = np.stack([np.bincount(slot, weights=length * inside[:, c], minlength=len(keys))
                      for c in range(k)], 1).round().astype(np.int64)
    shared = np.stack([
        np.bincount(slot, weights=length * (inside[:, a] & inside[:, b]), minlength=len(keys))
        for a, b in pairs
    ], 1).round().astype(np.int64) if pairs else np.zeros((len(keys), 0), np.int64)

    key_code, key_doc = keys // n_docs, keys % n_docs
    chars_a, chars_b, chars_both = (np.zeros(shape, dtype=np.int64) for _ in range(3))
    for p, (a, b) in enumerate(pairs):
        both_coded = data.coded[key_doc, a] & data.coded[key_doc, b]
        codes = key_code[both_coded]
        chars_a[:, p] = np.bincount(codes, weights=cover[both_coded, a], minlength=n_codes)
        chars_b[:, p] = np.bincount(codes, weights=cover[both_coded, b], minlength=n_codes)
        chars_both[:, p] = np.bincount(codes, weights=shared[both_coded, p], minlength=n_codes)

    documents: list[DocumentChars] = []
    if by_document:
        pair_index = {pair: p for p, pair in enumerate(pairs)}
        cover_list, shared_list = cover.tolist(), shared.tolist()
        for row, (c, d) in enumerate(zip(key_code.tolist(), key_doc.tolist(), strict=True)):
            own = np.flatnonzero(data.coded[d]).tolist()
            documents.append(DocumentChars(c, d, [
                (cover_list[row][a], cover_list[row][b], shared_list[row][pair_index[a, b]])
                for a, b in combinations(own, 2)
            ]))
    return chars_a, chars_b, chars_both, documents
