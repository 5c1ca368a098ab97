"""Units of analysis per document, split once and kept, and passages mapped onto them.

The one adapter between the analyses and ``annotator.chinese.units``: tables, agreement, the
workbook export, search context and the window's margin read a document's units through
:data:`DEFAULT_CACHE` — the one cache of :func:`annotator.chinese.units.unit_sets`' results:
in memory (least recently used dropped first) over the project's ``derived_units`` table
(:mod:`annotator.db.derived`), which import fills in the importing transaction and
:func:`ensure_units` completes for projects made before it existed. Units depend only on a
document's text (its content hash), its number, its numbering and the splitting rules
(:func:`annotator.chinese.units.rules_digest`), and are stored under exactly those: a stored
row of other rules, or a damaged one, is never read — that document is split again.
:func:`incidence` maps every passage onto the units it overlaps in one vectorised pass
(documents laid end to end on one number line), so tables over 200,000 passages need no
Python loop per passage.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from threading import Lock
from typing import TYPE_CHECKING

import numpy as np

from annotator.analysis import table_data
from annotator.analysis.table_data import DOC, END, START
from annotator.chinese import units as unit_lib
from annotator.chinese.structure import AUTO, NUMBERINGS
from annotator.chinese.units import ALL_KINDS, UNIT_KINDS, rules_digest, unit_sets
from annotator.db import derived
from annotator.errors import InvalidOperation

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from annotator.project import Project

log = logging.getLogger(__name__)

UNIT_LABELS = {"paragraph": "段落", "sentence": "句子"}

#: Each document gets its own stretch of the number line: offsets are below 2**32.
_SHIFT = np.int64(1 << 32)
#: Documents split between two short write transactions by :func:`ensure_units`.
BATCH = 50


def _check_kind(kind: str, kinds: Collection[str] = UNIT_KINDS) -> None:
    if kind not in kinds:
        raise InvalidOperation(f"unknown unit {kind!r}; use {' or '.join(UNIT_KINDS)}")


def compute_units(
    number: int, text: str, kind: str, numbering: str = AUTO
) -> list[unit_lib.Unit]:
    """The units of one text, uncached: :func:`annotator.chinese.units.document_units`
    under its older name (kept for callers that hold a text, not a project document)."""
    _check_kind(kind)
    return unit_lib.document_units(number, text, kind, numbering)


def store_kind(kind: str, numbering: str) -> str:
    """The key units of ``kind`` are kept under: a chosen numbering splits differently."""
    if numbering not in NUMBERINGS:
        numbering = AUTO  # a value from a newer annotator: numbered as detected
    return kind if numbering == AUTO else f"{kind}:{numbering}"


@dataclass(frozen=True)
class DocumentUnits:
    """One document's units as parallel arrays (cheap to search and to keep)."""

    number: int  # the document's number
    numbers: tuple[str, ...]  # unit numbers, e.g. "3-2-1", in text order
    starts: np.ndarray  # int64
    ends: np.ndarray  # int64
    headings: np.ndarray | None = None  # bool: a section heading (None: none is)
    disjoint: bool = field(init=False)  # one after another, none inside another

    def __post_init__(self) -> None:
        if self.headings is None:
            object.__setattr__(self, "headings", np.zeros(len(self.numbers), dtype=np.bool_))
        disjoint = bool(np.all(self.ends[:-1] <= self.starts[1:])) if len(self.ends) else True
        object.__setattr__(self, "disjoint", disjoint)

    @classmethod
    def from_spans(cls, number: int, spans: list[unit_lib.UnitSpan]) -> DocumentUnits:
        if not spans:
            empty = np.zeros(0, dtype=np.int64)
            return cls(number, (), empty, empty.copy(), np.zeros(0, dtype=np.bool_))
        numbers, starts, ends, headings = zip(*spans, strict=True)
        return cls(number, numbers, np.array(starts, dtype=np.int64),
                   np.array(ends, dtype=np.int64), np.array(headings, dtype=np.bool_))

    @classmethod
    def split(cls, number: int, text: str, kind: str, numbering: str = AUTO) -> DocumentUnits:
        """The units of a document's text (uncached)."""
        _check_kind(kind, ALL_KINDS)
        return cls.from_spans(number, unit_sets(number, text, numbering, (kind,))[kind])

    def as_units(self, kind: str) -> list[unit_lib.Unit]:
        """The units as :class:`annotator.chinese.units.Unit` objects."""
        headings = self.headings.tolist() if self.headings is not None else []
        return [unit_lib.Unit(n, kind, s, e, h) for n, s, e, h in
                zip(self.numbers, self.starts.tolist(), self.ends.tolist(), headings,
                    strict=True)]

    def overlapping(self, start: int, end: int) -> list[int]:
        """Indexes of the units sharing at least one character with [start, end)."""
        hit = (self.starts < end) & (self.ends > start)
        return np.flatnonzero(hit).tolist()


_Key = tuple[str, int, str]  # content hash, number, stored kind
#: One document's units of every kind: (content hash, number, numbering, units by kind).
Made = tuple[str, int, str, dict[str, DocumentUnits]]


class UnitCache:
    """Units by (content hash, document number, kind), least recently used dropped first;
    the kind carries the document's numbering when one was chosen (:func:`store_kind`).
    With ``stored`` (the default) a miss is looked up in the project's ``derived_units``
    table, and units split here are written there (all kinds of the document at once).

    A document's text never changes after import, so its hash, number and numbering are all
    its units depend on: nothing needs invalidating when passages or codes change."""

    def __init__(self, max_documents: int = 20_000, *, stored: bool = True) -> None:
        self.max_documents = max_documents
        self.stored = stored
        self._items: OrderedDict[_Key, DocumentUnits] = OrderedDict()
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
        """Units of each document in ``document_ids`` (kind "paragraph", "sentence" or
        "clause"); texts are read only for those neither cached nor stored (taken from
        ``texts`` when the caller has them already)."""
        _check_kind(kind, ALL_KINDS)
        if not document_ids:
            return {}
        keys = table_data.document_keys(session, document_ids)
        found: dict[int, DocumentUnits] = {}
        missing: list[int] = []
        kinds = {doc_id: store_kind(kind, numbering) for doc_id, (_, _, numbering)
                 in keys.items()}
        with self._lock:
            for doc_id, (number, digest, _) in keys.items():
                key = (digest, number, kinds[doc_id])
                item = self._items.get(key)
                if item is None:
                    missing.append(doc_id)
                else:
                    self._items.move_to_end(key)
                    found[doc_id] = item
        if missing and self.stored:
            rules = rules_digest()
            for stored_kind in sorted({kinds[d] for d in missing}):
                wanted = [d for d in missing if kinds[d] == stored_kind]
                rows = derived.load(session, [(keys[d][1], keys[d][0]) for d in wanted],
                                    stored_kind, rules)
                for doc_id in wanted:
                    number, digest, _ = keys[doc_id]
                    hit = rows.get((digest, number))
                    if hit is not None:
                        found[doc_id] = self._keep(
                            (digest, number, stored_kind),
                            DocumentUnits(number, tuple(hit.numbers), hit.starts, hit.ends,
                                          hit.headings))
            missing = [doc_id for doc_id in missing if doc_id not in found]
        if not missing:
            return found
        if texts is not None and all(doc_id in texts for doc_id in missing):
            read: Iterable[tuple[int, str]] = ((doc_id, texts[doc_id]) for doc_id in missing)
        else:
            read = table_data.document_texts(session, missing)
        made: list[Made] = []
        for doc_id, text in read:
            number, digest, numbering = keys[doc_id]
            every = self.split_all(number, digest, numbering, text)
            found[doc_id] = every[kind]
            made.append((digest, number, numbering, every))
        if self.stored:
            self.save(session, made)
        return found

    def split_all(self, number: int, digest: str, numbering: str,
                  text: str) -> dict[str, DocumentUnits]:
        """Every kind of unit of one text, split (its structure read once) and kept."""
        sets = unit_sets(number, text, numbering)
        with self._lock:
            self.computed += 1
        return {kind: self._keep((digest, number, store_kind(kind, numbering)),
                                 DocumentUnits.from_spans(number, spans))
                for kind, spans in sets.items()}

    @staticmethod
    def save(session: Session, made: Iterable[Made]) -> None:
        """Write split units to the project (in a savepoint: a read-only or busy project
        keeps them in memory only, and the read that split them goes on)."""
        rows = [((digest, number), store_kind(kind, numbering),
                 derived.StoredUnits(list(item.numbers), item.starts, item.ends,
                                     item.headings))
                for digest, number, numbering, every in made for kind, item in every.items()]
        if not rows:
            return
        derived.save_if_writable(session, rows, rules_digest())

    def _keep(self, key: _Key, item: DocumentUnits) -> DocumentUnits:
        with self._lock:
            self._items[key] = item
            while len(self._items) > self.max_documents:
                self._items.popitem(last=False)
        return item


#: The process-wide cache everything reads units through unless given another.
DEFAULT_CACHE = UnitCache()


def derive_units(session: Session, number: int, digest: str, numbering: str,
                 text: str, pending: list[Made] | None = None) -> None:
    """Split a document just added into every kind of unit and store them, inside the
    transaction that adds it (import); with ``pending`` they are appended there instead,
    for :func:`save_units` to store several documents' at once. Units are derived data:
    should splitting fail, the document is still added (and its units split when first
    read)."""
    try:
        every = DEFAULT_CACHE.split_all(number, digest, numbering, text)
    except Exception:  # never fail an import over units; KeyboardInterrupt still stops
        log.warning("could not split document %s into units", number, exc_info=True)
        return
    if pending is not None:
        pending.append((digest, number, numbering, every))
    else:
        DEFAULT_CACHE.save(session, [(digest, number, numbering, every)])


def save_units(session: Session, pending: list[Made]) -> None:
    """Store the units :func:`derive_units` collected (one statement for all of them)."""
    UnitCache.save(session, pending)


def units_of(project: Project, document_id: int, kind: str = "paragraph") -> list[unit_lib.Unit]:
    """The units of a project document by its numbering, as :class:`Unit` objects; kind
    "clause" gives the 款 and 项 of a statute's articles."""
    if kind not in ALL_KINDS:
        raise ValueError(f"unit kind must be one of {UNIT_KINDS}, not {kind!r}")
    with project.session_scope() as s:
        found = DEFAULT_CACHE.units(s, [document_id], kind)
        if document_id not in found:
            from annotator.db import documents as doc_repo

            doc_repo.get_document(s, document_id)  # raises the not-found error
            return []
    return found[document_id].as_units(kind)


def units_missing(session: Session) -> list[int]:
    """Ids of the documents whose units are not (or not by these rules) in the project."""
    rules = rules_digest()
    keys = derived.document_keys(session)
    stored: dict[str, set[tuple[str, int]]] = {}
    out = []
    for doc_id, (number, digest, numbering) in sorted(keys.items()):
        wanted = store_kind("paragraph", numbering)
        if wanted not in stored:
            stored[wanted] = derived.stored_keys(session, wanted, rules)
        if (digest, number) not in stored[wanted]:
            out.append(doc_id)
    return out


#: Splits texts: ``split([(number, content hash, numbering, text), …])`` → their units.
Split = Callable[[Sequence[tuple[int, str, str, str]]], list[Made]]
#: Documents whose units :func:`ensure_units` writes per transaction.
WRITE_BATCH = 10


def split_texts(items: Sequence[tuple[int, str, str, str]]) -> list[Made]:
    """Every kind of unit of each (number, content hash, numbering, text), uncached (what
    a worker process runs for :func:`ensure_units`)."""
    return [(digest, number, numbering,
             {kind: DocumentUnits.from_spans(number, spans)
              for kind, spans in unit_sets(number, text, numbering).items()})
            for number, digest, numbering, text in items]


def ensure_units(
    project: Project,
    *,
    progress: Callable[[int, int], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
    split: Split | None = None,
) -> int:
    """Split and store the units of every document that has none stored (a project made by
    an earlier version, a document added by a REFI-QDA import, new splitting rules), and
    drop rows no document needs any more. Works in batches of short transactions, never
    holding the write lock while splitting; ``progress(done, total)`` after each batch;
    ``should_cancel()`` stops between batches (what is done stays). ``split`` splits a
    batch (default: here; the window has a worker process do it). Returns the number of
    documents split."""
    with project.session_scope() as s:
        derived.prune(s, rules_digest())
        todo = units_missing(s)
    done = 0
    for i in range(0, len(todo), BATCH):
        if should_cancel is not None and should_cancel():
            break
        batch = todo[i : i + BATCH]
        with project.session_scope() as s:
            keys = table_data.document_keys(s, batch)
            texts = list(table_data.document_texts(s, batch))
        ids = [doc_id for doc_id, _ in texts]
        items = [(*keys[doc_id], text) for doc_id, text in texts]  # number, hash, numbering
        if split is None:
            made = [(digest, number, numbering,
                     DEFAULT_CACHE.split_all(number, digest, numbering, text))
                    for number, digest, numbering, text in items]
        else:
            made = split(items)
        for k in range(0, len(made), WRITE_BATCH):  # the write lock for a few at a time
            part = ids[k : k + WRITE_BATCH]
            with project.session_scope() as s:
                live = table_data.document_keys(s, part)
                UnitCache.save(s, [m for doc_id, m in zip(part, made[k : k + WRITE_BATCH],
                                                          strict=True)
                                   if live.get(doc_id) == keys[doc_id]])
        done += len(made)
        if progress is not None:
            progress(min(i + BATCH, len(todo)), len(todo))
    return done


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
