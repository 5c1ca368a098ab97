"""Units of analysis per document, computed once and cached, and passages mapped onto them.

The one adapter between the analyses and ``annotator.chinese.units``: tables and agreement
never call the unit functions directly, so a change there reaches every table and every
agreement figure through :func:`compute_units`, and both read a document's units from the
same :class:`UnitCache` (keyed by content hash), so their unit numbers are identical.
:func:`incidence` maps every passage onto the units it overlaps in one vectorised pass
(documents laid end to end on one number line), so tables over 200,000 passages need no
Python loop per passage.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from itertools import pairwise
from threading import Lock
from typing import TYPE_CHECKING

import numpy as np
from sqlalchemy.orm import Session

from annotator.analysis import table_data
from annotator.analysis.table_data import DOC, END, START
from annotator.analysis.unit_store import UnitStore
from annotator.chinese import units as unit_lib
from annotator.chinese.structure import AUTO, NUMBERINGS
from annotator.chinese.units import UNIT_KINDS
from annotator.errors import InvalidOperation

if TYPE_CHECKING:
    from annotator.project import Project

UNIT_LABELS = {"paragraph": "段落", "sentence": "句子"}

#: Each document gets its own stretch of the number line: offsets are below 2**32.
_SHIFT = np.int64(1 << 32)


def compute_units(
    number: int, text: str, kind: str, numbering: str = AUTO
) -> list[unit_lib.Unit]:
    """The units of one document, in text order: the one function every consumer (tables,
    agreement, the workbook export, search context) splits a document with. ``numbering``
    is the document's choice (:attr:`annotator.db.models.Document.numbering`)."""
    return [unit_lib.Unit(n, kind, start, end, heading)
            for n, start, end, heading in _spans(number, text, kind, numbering)]


def store_kind(kind: str, numbering: str) -> str:
    """The key units of ``kind`` are kept under: a chosen numbering splits differently."""
    return kind if numbering == AUTO else f"{kind}:{numbering}"


def _spans(number: int, text: str, kind: str, numbering: str = AUTO) -> list[unit_lib.UnitSpan]:
    if kind not in UNIT_KINDS:
        raise InvalidOperation(f"unknown unit {kind!r}; use {' or '.join(UNIT_KINDS)}")
    if numbering not in NUMBERINGS:
        numbering = AUTO  # a value from a newer annotator: number as detected
    spans = unit_lib.unit_spans(number, text, kind, numbering)
    # units.py returns them in text order; sort only should that ever change.
    if any(a[1] > b[1] for a, b in pairwise(spans)):
        spans.sort(key=lambda u: (u[1], u[2]))
    return spans


@dataclass(frozen=True)
class DocumentUnits:
    """One document's units as parallel arrays (cheap to search and to keep)."""

    number: int  # the document's number
    numbers: tuple[str, ...]  # unit numbers, e.g. "3-2-1", in text order
    starts: np.ndarray  # int64
    ends: np.ndarray  # int64
    disjoint: bool = field(init=False)  # one after another, none inside another

    def __post_init__(self) -> None:
        disjoint = bool(np.all(self.ends[:-1] <= self.starts[1:])) if len(self.ends) else True
        object.__setattr__(self, "disjoint", disjoint)

    @classmethod
    def split(cls, number: int, text: str, kind: str, numbering: str = AUTO) -> DocumentUnits:
        """The units of a document's text, split by :func:`compute_units`'s rules."""
        spans = _spans(number, text, kind, numbering)
        if not spans:
            empty = np.zeros(0, dtype=np.int64)
            return cls(number, (), empty, empty.copy())
        numbers, starts, ends, _ = zip(*spans, strict=True)
        return cls(number, numbers, np.array(starts, dtype=np.int64),
                   np.array(ends, dtype=np.int64))

    def overlapping(self, start: int, end: int) -> list[int]:
        """Indexes of the units sharing at least one character with [start, end)."""
        hit = (self.starts < end) & (self.ends > start)
        return np.flatnonzero(hit).tolist()


class UnitCache:
    """Units by (content hash, document number, kind), least recently used dropped first;
    the kind carries the document's numbering when one was chosen (:func:`store_kind`).

    A document's text never changes after import, so its hash, number and numbering are all
    its units depend on: nothing needs invalidating when passages or codes change."""

    def __init__(self, max_documents: int = 20_000, store: UnitStore | None = None) -> None:
        self.max_documents = max_documents
        self.store = store  # units kept between runs, if any
        self._items: OrderedDict[tuple[str, int, str], DocumentUnits] = OrderedDict()
        self._lock = Lock()  # the window may build a table off the GUI thread
        self.computed = 0  # documents split so far (for tests and benchmarks)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def units(
        self,
        session: Session,
        document_ids: Collection[int],
        kind: str,
        texts: Mapping[int, str] | None = None,
    ) -> dict[int, DocumentUnits]:
        """Units of each document in ``document_ids``; texts are read only for those not
        cached yet (taken from ``texts`` when the caller has them already)."""
        if kind not in UNIT_KINDS:
            raise InvalidOperation(f"unknown unit {kind!r}; use {' or '.join(UNIT_KINDS)}")
        if not document_ids:
            return {}
        keys = table_data.document_keys(session, document_ids)
        found: dict[int, DocumentUnits] = {}
        missing: list[int] = []
        kinds = {doc_id: store_kind(kind, numbering) for doc_id, (_, _, numbering)
                 in keys.items()}
        with self._lock:
            for doc_id, (number, digest, _) in keys.items():
                item = self._items.get((digest, number, kinds[doc_id]))
                if item is None:
                    missing.append(doc_id)
                else:
                    self._items.move_to_end((digest, number, kinds[doc_id]))
                    found[doc_id] = item
        if missing and self.store is not None:
            for stored_kind in sorted({kinds[d] for d in missing}):
                wanted = [d for d in missing if kinds[d] == stored_kind]
                stored = self.store.load([(keys[d][1], keys[d][0]) for d in wanted],
                                         stored_kind)
                for doc_id in wanted:
                    number, digest, _ = keys[doc_id]
                    hit = stored.get((digest, number))
                    if hit is not None:
                        found[doc_id] = self._keep((digest, number, stored_kind),
                                                   DocumentUnits(number, tuple(hit[0]),
                                                                 *hit[1:]))
            missing = [doc_id for doc_id in missing if doc_id not in found]
        if not missing:
            read: Iterable[tuple[int, str]] = ()
        elif texts is not None and all(doc_id in texts for doc_id in missing):
            read = ((doc_id, texts[doc_id]) for doc_id in missing)
        else:
            read = table_data.document_texts(session, missing)
        new: list[tuple[tuple[str, int], str, list[str], np.ndarray, np.ndarray]] = []
        for doc_id, text in read:
            number, digest, numbering = keys[doc_id]
            item = DocumentUnits.split(number, text, kind, numbering)
            found[doc_id] = self._keep((digest, number, kinds[doc_id]), item)
            with self._lock:
                self.computed += 1
            new.append(((digest, number), kinds[doc_id], list(item.numbers), item.starts,
                        item.ends))
        if new and self.store is not None:
            self.store.save(new)
        return found

    def _keep(self, key: tuple[str, int, str], item: DocumentUnits) -> DocumentUnits:
        with self._lock:
            self._items[key] = item
            while len(self._items) > self.max_documents:
                self._items.popitem(last=False)
        return item


def prepare_units(project: Project, document_ids: Collection[int]) -> None:
    """Split the documents into every kind of unit ahead of need (in :data:`DEFAULT_CACHE`
    and its store), reading each text once for all kinds, a batch of texts at a time."""
    ids = list(document_ids)
    with project.session_scope() as s:
        for i in range(0, len(ids), 200):
            batch = ids[i : i + 200]
            texts = dict(table_data.document_texts(s, batch))
            for kind in UNIT_KINDS:
                DEFAULT_CACHE.units(s, batch, kind, texts)


#: The process-wide cache the tables use unless given another, backed by the user's unit
#: store so that a new session (or the command line) does not split every document again.
DEFAULT_CACHE = UnitCache(store=UnitStore())


@dataclass(frozen=True)
class Incidence:
    """Which passage overlaps which unit: pairs (``passage[k]``, ``unit[k]``).

    Units are numbered across the documents in document-number order and text order, so
    any selection of them taken in index order is in reading order."""

    numbers: np.ndarray  # object array: the number of every unit
    passage: np.ndarray  # int64 row indexes into the passage array
    unit: np.ndarray  # int64 indexes into ``numbers``


def incidence(spans: np.ndarray, units: Mapping[int, DocumentUnits]) -> Incidence:
    """Map the passages (rows of :func:`table_data.passage_array`) onto ``units``; the
    passages of documents missing from ``units`` map to nothing."""
    docs = sorted(units, key=lambda d: units[d].number)
    sizes = np.array([len(units[d].numbers) for d in docs], dtype=np.int64)
    base = np.concatenate(([0], np.cumsum(sizes)))[:-1]
    numbers = np.array([n for d in docs for n in units[d].numbers] or [], dtype=object)
    if not len(spans) or not docs:
        empty = np.zeros(0, dtype=np.int64)
        return Incidence(numbers, empty, empty)

    # Each document's place on the number line; rank -1: not mapped.
    doc_ids = np.array(docs, dtype=np.int64)
    order = np.argsort(doc_ids)
    pos = np.searchsorted(doc_ids[order], spans[:, DOC])
    pos = np.minimum(pos, len(docs) - 1)
    rank = np.where(doc_ids[order][pos] == spans[:, DOC], order[pos], -1)

    flat = [k for k, d in enumerate(docs) if units[d].disjoint]
    nested = [k for k, d in enumerate(docs) if not units[d].disjoint]
    pairs_p, pairs_u = [], []
    if flat:
        starts = np.concatenate([units[docs[k]].starts + k * _SHIFT for k in flat])
        ends = np.concatenate([units[docs[k]].ends + k * _SHIFT for k in flat])
        index = np.concatenate([base[k] + np.arange(sizes[k]) for k in flat])
        ok = rank >= 0
        if nested:
            ok &= ~np.isin(rank, nested)
        shift = np.where(ok, rank, 0) * _SHIFT
        first = np.searchsorted(ends, spans[:, START] + shift, side="right")
        stop = np.searchsorted(starts, spans[:, END] + shift, side="left")
        n = np.where(ok, np.maximum(stop - first, 0), 0)
        pairs_p.append(np.repeat(np.arange(len(spans), dtype=np.int64), n))
        within = np.arange(int(n.sum()), dtype=np.int64) - np.repeat(np.cumsum(n) - n, n)
        pairs_u.append(index[np.repeat(first, n) + within])
    for k in nested:  # units.py promises flat units; stay correct should that change
        doc_units = units[docs[k]]
        for row in np.flatnonzero(rank == k):
            hits = doc_units.overlapping(int(spans[row, START]), int(spans[row, END]))
            pairs_p.append(np.full(len(hits), row, dtype=np.int64))
            pairs_u.append(base[k] + np.array(hits, dtype=np.int64))
    if not pairs_p:
        empty = np.zeros(0, dtype=np.int64)
        return Incidence(numbers, empty, empty)
    return Incidence(numbers, np.concatenate(pairs_p), np.concatenate(pairs_u))
