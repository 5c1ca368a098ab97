"""Units where the coders differ on a code, for reconciling them one by one."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping

import numpy as np

from annotator.analysis.agreement_data import CODE, CODER, END, PID, START, CodingData
from annotator.analysis.agreement_report import Disagreement

TextReader = Callable[[Collection[int]], Mapping[int, str]]


def find_disagreements(data: CodingData, read_texts: TextReader) -> list[Disagreement]:
    """For every compared document and code: the units some, but not all, of the coders who
    coded the document marked with it. Sorted by document number, unit position, then code
    in tree order. ``read_texts`` gives the texts of documents by id (for the unit text)."""
    units = max(data.units, 1)
    rows = data.passages[data.touch_passage]
    # One entry per (code, unit) and passage touching it, ordered so that each (code, unit)
    # is one run: coders in chosen order, then passages in text order.
    item = rows[:, CODE] * units + data.touch_unit
    order = np.lexsort((rows[:, END], rows[:, START], rows[:, CODER], item))
    item, rows = item[order], rows[order]
    keys, first, count = np.unique(item, return_index=True, return_counts=True)
    if not len(keys):
        return []
    unit = keys % units
    # Coders who applied the code in the unit: distinct coders within each run.
    new_coder = np.ones(len(item), dtype=bool)
    new_coder[1:] = (item[1:] != item[:-1]) | (rows[1:, CODER] != rows[:-1, CODER])
    coders_with = np.add.reduceat(new_coder.astype(np.int64), first)
    doc = data.unit_document[unit]
    differ = coders_with < data.coded.sum(axis=1)[doc]
    chosen = np.flatnonzero(differ)
    # Reading order: unit (numbered in document and text order), then code in tree order.
    chosen = chosen[np.lexsort((keys[chosen] // units, unit[chosen]))]

    picked_doc = doc[chosen]
    texts = read_texts({data.documents[d].info.id for d in set(picked_doc.tolist())})
    names = [c.name for c in data.coders]
    coded = [np.flatnonzero(row).tolist() for row in data.coded]
    numbers = [n for d in data.documents for n in d.units.numbers]
    unit_starts = np.concatenate([d.units.starts for d in data.documents])
    unit_ends = np.concatenate([d.units.ends for d in data.documents])
    docs = [(d.info.id, d.info.number, d.info.title, texts.get(d.info.id, ""))
            for d in data.documents]
    pids, coders = rows[:, PID].tolist(), rows[:, CODER].tolist()
    picked = unit[chosen]
    codes = [data.codes[c] for c in (keys[chosen] // units).tolist()]
    # Few distinct "who has it / who has not" splits: name them once each.
    split: dict[tuple[int, frozenset[int]], tuple[tuple[str, ...], tuple[str, ...]]] = {}
    found: list[Disagreement] = []
    for d, u, start, end, a, b, code in zip(
        picked_doc.tolist(), picked.tolist(), unit_starts[picked].tolist(),
        unit_ends[picked].tolist(), first[chosen].tolist(),
        (first[chosen] + count[chosen]).tolist(), codes, strict=True,
    ):
        with_ = frozenset(coders[a:b])
        who = split.get((d, with_))
        if who is None:
            who = split[d, with_] = (
                tuple(names[c] for c in sorted(with_)),
                tuple(names[c] for c in coded[d] if c not in with_),
            )
        doc_id, number, title, text = docs[d]
        found.append(Disagreement(
            doc_id, number, title, numbers[u], start, end, text[start:end], code.id,
            code.path, who[0], who[1], tuple(pids[a:b]),
        ))
    return found
