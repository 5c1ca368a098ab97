"""Units of analysis per document, computed once and cached, and passages mapped onto them.

The one adapter between the tables and ``annotator.chinese.units``: tables never call the
unit functions directly, so a change there (section numbering, ``document_units``) reaches
every table through :func:`compute_units`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import OrderedDict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from threading import Lock

from sqlalchemy.orm import Session

from annotator.analysis import table_data
from annotator.chinese import units as unit_lib
from annotator.errors import InvalidOperation

UNIT_KINDS = ("paragraph", "sentence")
UNIT_LABELS = {"paragraph": "段落", "sentence": "句子"}


def compute_units(number: int, text: str, kind: str) -> list[unit_lib.Unit]:
    """The units of one document, in text order, not overlapping."""
    if kind not in UNIT_KINDS:
        raise InvalidOperation(f"unknown unit {kind!r}; use {' or '.join(UNIT_KINDS)}")
    document_units = getattr(unit_lib, "document_units", None)
    if document_units is not None:
        units = list(document_units(number, text, kind))
    elif kind == "paragraph":
        units = unit_lib.paragraph_units(number, text)
    else:
        units = _sentences_in_paragraphs(number, text)
    return sorted(units, key=lambda u: (u.start, u.end))


def _sentences_in_paragraphs(number: int, text: str) -> list[unit_lib.Unit]:
    """Until units.py numbers sentences itself: sentence k of paragraph "n-p" is "n-p-k"."""
    paragraphs = unit_lib.paragraph_units(number, text)
    out: list[unit_lib.Unit] = []
    counters: dict[str, int] = {}
    for start, end in unit_lib.sentence_spans(text):
        paragraph = unit_lib.unit_at(paragraphs, start)
        prefix = paragraph.number if paragraph is not None else f"{number}-0"
        counters[prefix] = counters.get(prefix, 0) + 1
        out.append(unit_lib.Unit(f"{prefix}-{counters[prefix]}", "sentence", start, end))
    return out


@dataclass(frozen=True)
class DocumentUnits:
    """One document's units as parallel lists (cheap to search and to keep)."""

    number: int  # the document's number
    numbers: tuple[str, ...]  # unit numbers, e.g. "3-2-1"
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    _nested: bool = field(default=False, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        # Should units ever nest, search them one by one rather than by bisection.
        object.__setattr__(self, "_nested", not self.disjoint)

    @classmethod
    def of(cls, number: int, units: list[unit_lib.Unit]) -> DocumentUnits:
        return cls(
            number,
            tuple(u.number for u in units),
            tuple(u.start for u in units),
            tuple(u.end for u in units),
        )

    @property
    def disjoint(self) -> bool:
        """Units one after another, none inside another (what units.py promises)."""
        return all(self.ends[i] <= self.starts[i + 1] for i in range(len(self.starts) - 1))

    def overlapping(self, start: int, end: int) -> Sequence[int]:
        """Indexes of the units sharing at least one character with [start, end)."""
        if self._nested:
            return [i for i, (s, e) in enumerate(zip(self.starts, self.ends, strict=True))
                    if s < end and start < e]
        first = bisect_right(self.ends, start)  # the first unit ending after ``start``
        stop = bisect_left(self.starts, end)  # units starting before ``end``
        return range(first, max(first, stop))


class UnitCache:
    """Units by (content hash, document number, kind), least recently used dropped first.

    A document's text never changes after import, so its hash and number are all its
    units depend on: nothing needs invalidating when passages or codes change."""

    def __init__(self, max_documents: int = 20_000) -> None:
        self.max_documents = max_documents
        self._items: OrderedDict[tuple[str, int, str], DocumentUnits] = OrderedDict()
        self._lock = Lock()  # the window may build a table off the GUI thread
        self.computed = 0  # documents split so far (for tests and benchmarks)

    def clear(self) -> None:
        with self._lock:
            self._items.clear()

    def units(
        self, session: Session, document_ids: Collection[int], kind: str
    ) -> dict[int, DocumentUnits]:
        """Units of each document in ``document_ids``; texts are read only for those not
        cached yet."""
        if kind not in UNIT_KINDS:
            raise InvalidOperation(f"unknown unit {kind!r}; use {' or '.join(UNIT_KINDS)}")
        if not document_ids:
            return {}
        keys = table_data.document_keys(session, document_ids)
        found: dict[int, DocumentUnits] = {}
        missing: list[int] = []
        with self._lock:
            for doc_id, (number, digest) in keys.items():
                item = self._items.get((digest, number, kind))
                if item is None:
                    missing.append(doc_id)
                else:
                    self._items.move_to_end((digest, number, kind))
                    found[doc_id] = item
        for doc_id, text in table_data.document_texts(session, missing) if missing else ():
            number, digest = keys[doc_id]
            item = DocumentUnits.of(number, compute_units(number, text, kind))
            found[doc_id] = item
            with self._lock:
                self.computed += 1
                self._items[(digest, number, kind)] = item
                while len(self._items) > self.max_documents:
                    self._items.popitem(last=False)
        return found


#: The process-wide cache the tables use unless given another.
DEFAULT_CACHE = UnitCache()
