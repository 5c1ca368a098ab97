"""Units where the coders differ on a code, for reconciling them one by one."""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from typing import overload

import numpy as np

from annotator.analysis.agreement_data import CODE, CODER, END, PID, START, CodingData
from annotator.analysis.agreement_report import Disagreement

TextReader = Callable[[Collection[int]], Mapping[int, str]]


def find_disagreements(data: CodingData, read_texts: TextReader) -> Disagreements:
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
    starts_run = np.ones(len(item), dtype=bool)
    starts_run[1:] = item[1:] != item[:-1]
    first = np.flatnonzero(starts_run)
    count = np.diff(np.append(first, len(item)))
    keys = item[first]
    unit = keys % units
    # Coders who applied the code in the unit: distinct coders within each run.
    new_coder = starts_run.copy()
    new_coder[1:] |= rows[1:, CODER] != rows[:-1, CODER]
    coders_with = np.add.reduceat(new_coder.astype(np.int64), first) if len(first) else first
    doc = data.unit_document[unit]
    differ = coders_with < data.coded.sum(axis=1)[doc]
    chosen = np.flatnonzero(differ)
    # Reading order: unit (numbered in document and text order), then code in tree order.
    chosen = chosen[np.lexsort((keys[chosen] // units, unit[chosen]))]

    texts = read_texts({data.documents[d].info.id for d in set(doc[chosen].tolist())})
    return Disagreements(data, texts, units=unit[chosen], code=keys[chosen] // units,
                         first=first[chosen], count=count[chosen], pids=rows[:, PID],
                         coders=rows[:, CODER])


class Disagreements(Sequence[Disagreement]):
    """The disagreements as a read-only list whose rows are built when first read: a large
    project has 100,000s of them and a window shows a screenful, so the list costs a few
    array operations and each row a few microseconds when it is looked at."""

    def __init__(
        self,
        data: CodingData,
        texts: Mapping[int, str],
        *,
        units: np.ndarray,  # per row: the unit (numbered across the compared documents)
        code: np.ndarray,  # per row: index into data.codes
        first: np.ndarray,  # per row: its run in ``pids``/``coders``
        count: np.ndarray,
        pids: np.ndarray,  # the passages touching the rows' units, run after run
        coders: np.ndarray,  # their coders (indexes into data.coders)
    ) -> None:
        self._data, self._texts = data, texts
        self._doc = data.unit_document[units]
        offsets = np.concatenate(([0], np.cumsum([len(d.units.numbers)
                                                  for d in data.documents])))
        self._local = units - offsets[self._doc]
        self._code, self._first, self._count = code, first, count
        self._pids, self._coders = pids, coders
        self._names = [c.name for c in data.coders]
        self._coded = [np.flatnonzero(row).tolist() for row in data.coded]
        self._cache: dict[int, Disagreement] = {}

    def __len__(self) -> int:
        return len(self._doc)

    @overload
    def __getitem__(self, index: int) -> Disagreement: ...

    @overload
    def __getitem__(self, index: slice) -> list[Disagreement]: ...

    def __getitem__(self, index: int | slice) -> Disagreement | list[Disagreement]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("disagreement index out of range")
        item = self._cache.get(index)
        if item is None:
            item = self._cache[index] = self._build(index)
        return item

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other,
                                                                           strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable cache, compared by content

    def __repr__(self) -> str:
        return f"<{len(self)} disagreements>"

    def _build(self, index: int) -> Disagreement:
        d, u = int(self._doc[index]), int(self._local[index])
        document = self._data.documents[d]
        info, doc_units = document.info, document.units
        code = self._data.codes[int(self._code[index])]
        a = int(self._first[index])
        b = a + int(self._count[index])
        with_ = set(self._coders[a:b].tolist())
        start, end = int(doc_units.starts[u]), int(doc_units.ends[u])
        return Disagreement(
            info.id, info.number, info.title, doc_units.numbers[u], start, end,
            self._texts[info.id][start:end], code.id, code.path,
            tuple(self._names[c] for c in sorted(with_)),
            tuple(self._names[c] for c in self._coded[d] if c not in with_),
            tuple(self._pids[a:b].tolist()),
        )
