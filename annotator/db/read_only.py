"""Opening a project that cannot be written: a read-only file, folder or disk.

SQLite in WAL mode needs the ``-shm`` (and ``-wal``) side files even to read. In a writable
folder ``?mode=ro`` creates them; in a read-only folder without them only ``?immutable=1``
can read the file, which is safe there because nobody can write it either (SQLite's
wal.html, "Read-Only Databases"). A ``-wal`` that holds changes but cannot be read through
its ``-shm`` is refused rather than ignored: ``immutable`` would show the file without them.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from annotator.db.faults import project_error
from annotator.errors import ProjectStorageError


def read_only_reason(path: Path) -> str | None:
    """Why ``path`` cannot be written ("the disk is read-only", "the file is read-only",
    "its folder is read-only"), or None when it can. Only what the operating system says:
    root may write a file whose permission bits say read-only."""
    folder = Path(os.path.abspath(path)).parent
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return "the disk is read-only"
    except (OSError, AttributeError):  # no statvfs (Windows): the checks below still tell
        pass
    if not os.access(path, os.W_OK):
        return "the file is read-only"
    if not os.access(folder, os.W_OK | os.X_OK):
        return "its folder is read-only"
    return None


def _side(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def folder_writable(folder: Path) -> bool:
    """Whether SQLite can make its side files in ``folder``."""
    return os.access(folder, os.W_OK | os.X_OK) and not _read_only_disk(folder)


def reading_side_files(path: Path) -> bool:
    """Whether SQLite may read ``path`` through a ``-shm`` (one is there or can be made)."""
    folder = Path(os.path.abspath(path)).parent
    return folder_writable(folder) or _side(path, "-shm").exists()


def reading_uri(path: Path, side_files: bool) -> str:
    """The ``file:`` URI that reads ``path`` read-only (see :func:`make_read_only_engine`)."""
    return _uri(path, side_files)


def _uri(path: Path, side_files: bool) -> str:
    """``side_files``: SQLite may make (or size) the ``-shm`` it reads through."""
    wal = _side(path, "-wal")
    uri = Path(os.path.abspath(path)).as_uri()
    if side_files:
        return f"{uri}?mode=ro"
    if wal.exists() and wal.stat().st_size > 0:
        raise ProjectStorageError(
            path, "read-only",
            f"{wal.name} holds changes not yet in the file and they cannot be read here: "
            f"copy {path.name} and {wal.name} to a writable folder with free space")
    return f"{uri}?mode=ro&immutable=1"


def _read_only_disk(folder: Path) -> bool:
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):
        return False


def make_read_only_engine(path: Path, *, side_files: bool | None = None) -> Engine:
    """An engine that reads ``path`` and never writes it or its side files' contents: any
    write fails with SQLite's "readonly" error (turned into ReadOnlyProjectError at the
    transaction's end). ``side_files`` False: read without a ``-shm`` (a read-only folder,
    or a disk too full to make one); default: when the folder can take one or has one."""
    if side_files is None:
        side_files = reading_side_files(path)
    uri = _uri(path, side_files)

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(uri, uri=True, timeout=10, check_same_thread=False)

    # "sqlite://" with a creator would get the in-memory pool; a file wants a queue.
    engine = create_engine("sqlite://", creator=connect, poolclass=QueuePool)

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # SQLAlchemy decides, as for writable files
        dbapi_connection.execute("PRAGMA foreign_keys = ON")

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN")  # deferred: a reader never asks for the write lock

    return engine


def copy_for_reading(engine: Engine, path: Path, folder: Path) -> Path:
    """A consistent copy of the project ``engine`` reads (``path``) in ``folder``, through
    SQLite's online backup from that read-only connection: an older project on a read-only
    disk is upgraded in the copy, never in place."""
    copy = folder / path.name
    raw = engine.raw_connection()
    try:
        try:
            target = sqlite3.connect(copy)
        except sqlite3.Error as exc:
            raise project_error(exc, copy) from exc
        try:
            raw.driver_connection.backup(target)  # type: ignore[union-attr]
        except sqlite3.Error as exc:
            raise project_error(exc, copy) from exc
        finally:
            target.close()
    finally:
        raw.close()
    return copy
