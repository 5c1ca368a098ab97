"""SQLite's and the file system's failures turned into the project's own errors.

Everything below :mod:`annotator.db` may meet ``sqlite3`` or SQLAlchemy exceptions; nothing
above it should. :func:`project_error` is applied where a transaction ends
(:func:`annotator.db.engine.transaction`) and where a whole file is opened or copied, so a
full disk, a read-only folder or a lock reaches the CLI and the window as a
:class:`~annotator.errors.ProjectStorageError` naming the file and the cause.
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from annotator.errors import ProjectError, ProjectStorageError, ReadOnlyProjectError

# SQLite's primary result codes (the low byte of an extended code).
_SQLITE_CAUSES = {
    3: "permission",  # SQLITE_PERM
    5: "locked",  # SQLITE_BUSY
    6: "locked",  # SQLITE_LOCKED
    8: "read-only",  # SQLITE_READONLY
    10: "io",  # SQLITE_IOERR
    11: "damaged",  # SQLITE_CORRUPT
    13: "disk-full",  # SQLITE_FULL
    14: "cannot-open",  # SQLITE_CANTOPEN
    23: "permission",  # SQLITE_AUTH
    26: "damaged",  # SQLITE_NOTADB
}
_ERRNO_CAUSES = {
    errno.ENOSPC: "disk-full",
    errno.EDQUOT: "disk-full",
    errno.EROFS: "read-only",
    errno.EACCES: "permission",
    errno.EPERM: "permission",
    errno.EIO: "io",
}


def cause_of(exc: BaseException) -> str | None:
    """The storage cause behind ``exc`` (a sqlite3, SQLAlchemy or OS error), or None when it
    is not about where the file lives (a bad query, a constraint)."""
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if isinstance(orig, sqlite3.Error):
        code = getattr(orig, "sqlite_errorcode", None)
        if code is not None:
            return _SQLITE_CAUSES.get(code & 0xFF)
        message = str(orig).lower()  # an SQLite without error codes in its exceptions
        for words, cause in (("disk is full", "disk-full"), ("readonly", "read-only"),
                             ("locked", "locked"), ("disk i/o", "io"),
                             ("malformed", "damaged"), ("not a database", "damaged"),
                             ("unable to open", "cannot-open")):
            if words in message:
                return cause
        return None
    if isinstance(orig, OSError):
        return _ERRNO_CAUSES.get(orig.errno or 0)
    return None


def project_error(exc: BaseException, path: Path, read_only: str | None = None) -> ProjectError:
    """``exc`` as one of the project's errors naming ``path``. ``read_only``: why the project
    was opened read-only, if it was (a write then says so rather than "read-only disk")."""
    cause = cause_of(exc)
    if cause in ("io", "cannot-open") and disk_full(path):
        cause = "disk-full"  # SQLite says "disk I/O error" when it cannot grow the -shm
    elif cause == "cannot-open" and not _writable_folder(path):
        cause = "read-only"  # "unable to open database file": it cannot make its journal
    if cause == "read-only" and read_only:
        return ReadOnlyProjectError(path, read_only)
    if cause is not None:  # SQLite's own words add nothing to these
        plain = cause in ("disk-full", "read-only", "locked")
        return ProjectStorageError(path, cause, "" if plain else _detail(exc))
    return ProjectError(f"{path}: database error: {_detail(exc)}")


def disk_full(path: Path, needed: int = 256 * 1024) -> bool:
    """Whether the disk holding ``path`` has less than ``needed`` bytes free."""
    try:
        return shutil.disk_usage(Path(os.path.abspath(path)).parent).free < needed
    except OSError:
        return False


def _writable_folder(path: Path) -> bool:
    folder = Path(os.path.abspath(path)).parent
    return folder.is_dir() and os.access(folder, os.W_OK | os.X_OK)


def is_database_error(exc: BaseException) -> bool:
    return isinstance(exc, (DBAPIError, sqlite3.Error))


def _detail(exc: BaseException) -> str:
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    if isinstance(orig, OSError):
        return orig.strerror or str(orig)
    return str(orig).splitlines()[0] if str(orig) else type(orig).__name__


def cause_of_os_error(exc: OSError) -> str:
    return _ERRNO_CAUSES.get(exc.errno or 0, "io")


def project_size(path: Path) -> int:
    """Bytes of a project file with its write-ahead log (what a copy of it holds)."""
    total = 0
    for part in (path, path.with_name(path.name + "-wal")):
        try:
            total += part.stat().st_size
        except OSError:
            pass
    return total


def check_free_space(target: Path, size: int, *, copies: int = 2) -> None:
    """Refuse, before any work, to write ``size`` bytes beside ``target`` when its disk has
    less than ``copies`` times that free (a copy, and SQLite's room to compact it)."""
    needed = size * copies + 1024 * 1024
    try:
        free = shutil.disk_usage(Path(os.path.abspath(target)).parent).free
    except OSError:
        return  # no answer: the write itself will tell
    if free < needed:
        raise ProjectStorageError(
            target, "disk-full",
            f"needs about {_mb(needed)} free, {_mb(free)} free on its disk")


def _mb(n: int) -> str:
    return f"{n / 1_048_576:.1f} MB"
