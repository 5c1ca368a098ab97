"""One pass over a code's passages per document: the counts every measure is made from.

Only documents where some coder used the code are visited; everything else is agreed absence,
already in the totals (units, characters, pairable values) computed once for all codes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations

from annotator.analysis.agreement_chars import covered, shared
from annotator.analysis.agreement_data import CodingData, ComparedDocument
from annotator.analysis.agreement_measures import AlphaCounts

_NO_UNITS: frozenset[int] = frozenset()

PairKey = tuple[int, int]  # (coder id, coder id) in the order the coders were chosen


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
    """Character counts of one code in one document, per pair: (a, b, both)."""

    document: ComparedDocument
    pairs: list[tuple[int, int, int]]


@dataclass
class CodeCounts:
    pairs: dict[PairKey, PairTotals]
    alpha: AlphaCounts
    documents: list[DocumentChars] = field(default_factory=list)


def count_code(
    data: CodingData, code_id: int, pair_keys: list[PairKey], alpha_base: AlphaCounts
) -> CodeCounts:
    units = {c.id: data.units.get((code_id, c.id), {}) for c in data.coders}
    spans = {c.id: data.spans.get((code_id, c.id), {}) for c in data.coders}
    # Units with the code present always have spans too, so the spans say where to look.
    touched = {doc_id for by_doc in spans.values() for doc_id in by_doc}
    result = CodeCounts(
        {key: PairTotals() for key in pair_keys},
        AlphaCounts(values=alpha_base.values, items=alpha_base.items),
    )
    for doc in data.documents:
        doc_id = doc.info.id
        if doc_id not in touched:
            continue
        coder_ids = doc.coder_ids
        doc_units = {c: units[c].get(doc_id, _NO_UNITS) for c in coder_ids}
        doc_spans = {c: spans[c].get(doc_id, []) for c in coder_ids}
        cover = {c: covered(s) for c, s in doc_spans.items()}
        present: Counter[int] = Counter()
        for unit_set in doc_units.values():
            present.update(unit_set)
        for n in present.values():
            result.alpha.add_present(len(coder_ids), n)
        char_pairs = []
        for a, b in combinations(coder_ids, 2):
            both = shared(doc_spans[a], doc_spans[b]) if doc_spans[a] and doc_spans[b] else 0
            totals = result.pairs[a, b]
            totals.n1 += len(doc_units[a])
            totals.n2 += len(doc_units[b])
            totals.m += len(doc_units[a] & doc_units[b])
            totals.chars_a += cover[a]
            totals.chars_b += cover[b]
            totals.chars_both += both
            char_pairs.append((cover[a], cover[b], both))
        result.documents.append(DocumentChars(doc, char_pairs))
    return result
