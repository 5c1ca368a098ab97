"""Units of analysis kept between runs, in the user's cache directory (not the project file).

Splitting 2,000 documents into sentences takes about 0.4 s; reading their units back takes a
few hundredths of a second. A document's units depend only on its text (its content hash),
its number, its numbering and the splitting rules (:mod:`annotator.chinese.units`,
:mod:`~annotator.chinese.structure` and :mod:`~annotator.chinese.numbering`), so they are
stored under exactly those (a chosen numbering is part of the kind): every project
holding the same text (a coder's blind copy, a re-import) shares them, and a new version of
the rules gets a new store. The store is only a cache: deleting it loses nothing, and when it
cannot be read or written (read-only home, a damaged file, another process holding it), units
are computed as they were before it existed.
"""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from collections.abc import Collection, Iterable, Iterator
from contextlib import closing, contextmanager, suppress
from pathlib import Path

import numpy as np

from annotator.chinese import numbering, structure
from annotator.chinese import units as unit_lib

log = logging.getLogger(__name__)

Key = tuple[str, int]  # (content hash, document number)
#: One unit number from the next: unit numbers are digits, "-" and ".".
_SEPARATOR = "\n"


def rules_digest() -> str:
    """A fingerprint of the code that splits documents: any change to it is a new store."""
    digest = hashlib.sha256()
    for module in (unit_lib, numbering, structure):
        digest.update(Path(module.__file__ or "").read_bytes())
    return digest.hexdigest()[:16]


class UnitStore:
    """Units by (content hash, document number, kind) in one SQLite file; without a path,
    the file for this version's rules in the user's cache directory (found on first use)."""

    def __init__(self, path: Path | None = None) -> None:
        self._path = path

    @property
    def path(self) -> Path:
        if self._path is None:
            from annotator.chinese.segment import cache_dir

            self._path = cache_dir() / f"units-{rules_digest()}.sqlite3"
        return self._path

    def load(self, keys: Collection[Key], kind: str) -> dict[Key, tuple[list[str], np.ndarray,
                                                                         np.ndarray]]:
        """The stored units of the documents in ``keys``: (numbers, starts, ends) each."""
        path = self._usable_path()
        if not keys or path is None or not path.exists():
            return {}
        found: dict[Key, tuple[list[str], np.ndarray, np.ndarray]] = {}
        try:
            with self._connect(path) as db:
                db.execute("CREATE TEMP TABLE wanted (hash TEXT, number INTEGER)")
                db.executemany("INSERT INTO wanted VALUES (?, ?)", keys)
                rows = db.execute(
                    "SELECT u.hash, u.number, u.numbers, u.starts, u.ends FROM units u "
                    "JOIN wanted w ON u.hash = w.hash AND u.number = w.number "
                    "WHERE u.kind = ?", (kind,))
                for digest, number, numbers, starts, ends in rows:
                    item = _item(numbers, starts, ends)
                    if item is not None:  # else a damaged row: computed again
                        found[digest, number] = item
        except (sqlite3.Error, OSError) as exc:
            log.info("unit store %s not read: %s", path, exc)
            return {}
        return found

    def save(self, items: Iterable[tuple[Key, str, list[str], np.ndarray, np.ndarray]]) -> None:
        """Keep units: ((content hash, number), kind, numbers, starts, ends) each."""
        rows = [
            (digest, number, kind, _SEPARATOR.join(numbers),
             np.ascontiguousarray(starts, dtype=np.int64).tobytes(),
             np.ascontiguousarray(ends, dtype=np.int64).tobytes())
            for (digest, number), kind, numbers, starts, ends in items
        ]
        path = self._usable_path()
        if not rows or path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fresh = not path.exists()
            with self._connect(path) as db:
                db.execute(
                    "CREATE TABLE IF NOT EXISTS units (hash TEXT, number INTEGER, kind TEXT, "
                    "numbers TEXT, starts BLOB, ends BLOB, PRIMARY KEY (hash, number, kind))")
                db.executemany("INSERT OR REPLACE INTO units VALUES (?, ?, ?, ?, ?, ?)", rows)
            if fresh:
                _remove_older_stores(path)
        except (sqlite3.Error, OSError) as exc:
            # Busy (another process writing), read-only or out of space: leave it be. Only a
            # file that is no database, or a corrupt one, is removed for a new one next time.
            damaged = isinstance(exc, sqlite3.Error) and _damaged(exc)
            log.info("unit store %s not written (%s)%s", path, exc, ": removed" if damaged else "")
            if damaged:
                with suppress(OSError):
                    path.unlink(missing_ok=True)

    def _usable_path(self) -> Path | None:
        """The store's file, or None when there can be none (no cache folder can be made:
        a read-only home, say), so that units are computed as without a store."""
        try:
            return self.path
        except OSError as exc:
            log.info("no unit store: %s", exc)
            return None

    @staticmethod
    @contextmanager
    def _connect(path: Path) -> Iterator[sqlite3.Connection]:
        # A short timeout: another process holding the store means computing, not waiting.
        with closing(sqlite3.connect(path, timeout=0.5)) as db, db:
            yield db


def _remove_older_stores(path: Path) -> None:
    """A new store for new splitting rules: the stores of earlier rules are of no more use."""
    for other in path.parent.glob("units-*.sqlite3"):
        if other != path:
            with suppress(OSError):
                other.unlink()


def _damaged(exc: sqlite3.Error) -> bool:
    """SQLite says the file is no database or is corrupt (not merely busy or read-only)."""
    name = getattr(exc, "sqlite_errorname", "")
    return name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))


def _item(numbers: str, starts: bytes, ends: bytes) -> tuple[list[str], np.ndarray,
                                                             np.ndarray] | None:
    """One stored row as (numbers, starts, ends); None if its parts do not fit together."""
    try:
        item = (numbers.split(_SEPARATOR) if numbers else [],
                np.frombuffer(starts, dtype=np.int64), np.frombuffer(ends, dtype=np.int64))
    except (AttributeError, TypeError, ValueError):
        return None
    return item if len(item[0]) == len(item[1]) == len(item[2]) else None
