"""Derived units table: each document's units of analysis, kept in the project.

``derived_units`` holds, per (content hash, document number, kind), the unit numbers, starts,
ends and heading flags of one document (compact: see ``_LAYOUT``), and the digest of the
splitting rules that made them (:data:`annotator.chinese.units.RULES_VERSION`). ``kind``
carries the document's numbering when one was chosen ("sentence:statute"; see
:func:`annotator.analysis.unit_index.store_kind`).

Like the search tables, the table is derived data: created on demand, outside the schema
versioning, never trusted. A row of other rules or whose parts do not fit together is not
returned (the caller splits that document again and writes the row anew); rows whose text
is no longer in the project are dropped by :func:`prune`.

None of these functions commits.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Collection, Iterable
from typing import NamedTuple

import numpy as np
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

Key = tuple[str, int]  # (content hash, document number)
#: One unit number from the next: unit numbers are digits, "-", ".", "附" and "′".
_SEPARATOR = "\n"

_CREATE = (
    "CREATE TABLE IF NOT EXISTS derived_units ("
    "content_hash TEXT NOT NULL, number INTEGER NOT NULL, kind TEXT NOT NULL, "
    "rules TEXT NOT NULL, numbers TEXT NOT NULL, starts BLOB NOT NULL, ends BLOB NOT NULL, "
    "headings BLOB NOT NULL, PRIMARY KEY (content_hash, number, kind))"
)
# Bump when the row layout changes: rows of another layout count as made by other rules.
# Layout 1: numbers zlib-compressed UTF-8, starts and ends little-endian uint32, headings
# one byte each. (A rowid table: rows of a few kilobytes do not suit WITHOUT ROWID.)
_LAYOUT = "1"

log = logging.getLogger(__name__)


def _rules(rules: str) -> str:
    return f"{rules}/{_LAYOUT}"


class StoredUnits(NamedTuple):
    numbers: list[str]
    starts: np.ndarray  # int64
    ends: np.ndarray  # int64
    headings: np.ndarray  # bool


def table_exists(session: Session) -> bool:
    found = session.execute(text(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'derived_units'"))
    return found.first() is not None


def create_table(session: Session) -> None:
    session.execute(text(_CREATE))


def load(session: Session, keys: Collection[Key], kind: str,
         rules: str) -> dict[Key, StoredUnits]:
    """The stored units of ``kind`` for the documents in ``keys`` made by ``rules``; keys
    without a sound row are left out."""
    if not keys or not table_exists(session):
        return {}
    found: dict[Key, StoredUnits] = {}
    wanted = set(keys)
    hashes = sorted({digest for digest, _ in keys})
    for i in range(0, len(hashes), 500):  # below SQLite's limit of bound parameters
        part = hashes[i : i + 500]
        marks = ", ".join(f":h{k}" for k in range(len(part)))
        params: dict[str, object] = {f"h{k}": h for k, h in enumerate(part)}
        params.update(kind=kind, rules=_rules(rules))
        rows = session.execute(text(
            "SELECT content_hash, number, numbers, starts, ends, headings FROM derived_units "
            f"WHERE kind = :kind AND rules = :rules AND content_hash IN ({marks})"), params)
        for digest, number, numbers, starts, ends, headings in rows:
            if (digest, number) in wanted:
                item = _item(numbers, starts, ends, headings)
                if item is not None:  # else damaged: split again by the caller
                    found[digest, number] = item
    return found


def save(session: Session, rows: Iterable[tuple[Key, str, StoredUnits]], rules: str) -> None:
    """Keep ((content hash, number), kind, units) rows made by ``rules``, replacing any."""
    values = [
        {"h": digest, "n": number, "k": kind, "r": _rules(rules),
         "numbers": zlib.compress(_SEPARATOR.join(units.numbers).encode("utf-8"), 1),
         "starts": np.ascontiguousarray(units.starts, dtype="<u4").tobytes(),
         "ends": np.ascontiguousarray(units.ends, dtype="<u4").tobytes(),
         "headings": np.ascontiguousarray(units.headings, dtype=np.bool_).tobytes()}
        for (digest, number), kind, units in rows
    ]
    if not values:
        return
    create_table(session)
    session.execute(text(
        "INSERT OR REPLACE INTO derived_units VALUES "
        "(:h, :n, :k, :r, :numbers, :starts, :ends, :headings)"), values)


def save_if_writable(session: Session, rows: Iterable[tuple[Key, str, StoredUnits]],
                     rules: str) -> bool:
    """:func:`save` in a savepoint; False (nothing kept) when the project cannot take the
    rows (read-only file, locked): units are derived data, the caller keeps them in memory."""
    try:
        with session.begin_nested():
            save(session, rows, rules)
    except DBAPIError as exc:
        log.info("units not stored in the project: %s", exc)
        return False
    return True


def stored_keys(session: Session, kind: str, rules: str) -> set[Key]:
    """(content hash, number) of every sound-looking row of ``kind`` made by ``rules``."""
    if not table_exists(session):
        return set()
    rows = session.execute(text(
        "SELECT content_hash, number FROM derived_units WHERE kind = :k AND rules = :r"),
        {"k": kind, "r": _rules(rules)})
    return {(digest, number) for digest, number in rows}


def prune(session: Session, rules: str) -> int:
    """Drop rows of other rules and rows of texts no longer in the project; how many."""
    if not table_exists(session):
        return 0
    try:
        gone = session.execute(text(
            "DELETE FROM derived_units WHERE rules != :r OR NOT EXISTS (SELECT 1 FROM "
            "documents d WHERE d.content_hash = derived_units.content_hash "
            "AND d.number = derived_units.number)"), {"r": _rules(rules)})
    except OperationalError:  # read-only file: the stale rows are only never read
        return 0
    return int(gone.rowcount or 0)


def document_keys(session: Session) -> dict[int, tuple[int, str, str]]:
    """(number, content hash, numbering) of every document, by id: what its units depend
    on (no text read)."""
    rows = session.execute(text("SELECT id, number, content_hash, numbering FROM documents"))
    return {doc_id: (number, digest, numbering) for doc_id, number, digest, numbering in rows}


def drop_table(session: Session) -> None:
    session.execute(text("DROP TABLE IF EXISTS derived_units"))


def _item(numbers: object, starts: object, ends: object, headings: object) -> StoredUnits | None:
    """One stored row, or None if its parts do not fit together."""
    try:
        joined = zlib.decompress(numbers).decode("utf-8")  # type: ignore[arg-type]
        item = StoredUnits(
            joined.split(_SEPARATOR) if joined else [],
            np.frombuffer(starts, dtype="<u4").astype(np.int64),  # type: ignore[arg-type]
            np.frombuffer(ends, dtype="<u4").astype(np.int64),  # type: ignore[arg-type]
            np.frombuffer(headings, dtype=np.bool_).copy(),  # type: ignore[arg-type]
        )
    except (AttributeError, TypeError, ValueError, zlib.error):
        return None
    n = len(item.numbers)
    if not (n == len(item.starts) == len(item.ends) == len(item.headings)):
        return None
    if n and (np.any(item.starts > item.ends) or np.any(item.starts < 0)):
        return None
    return item
