"""Whole-file operations on a project's SQLite file, outside any Session: consistent
snapshots and compaction (used by merging and blind copies)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.db.faults import cause_of, project_error
from annotator.db.read_only import reading_side_files, reading_uri
from annotator.errors import ProjectError


def snapshot_file(source: Path, target: Path) -> None:
    """A consistent copy of the SQLite file ``source`` (WAL included) at ``target``.

    SQLite's online backup from a read-only connection: consistent even while another
    process has the file open, and the source is never written."""
    src = _open_source(source)
    try:
        try:
            dst = sqlite3.connect(target)
        except sqlite3.Error as exc:
            raise project_error(exc, target) from exc
        try:
            src.backup(dst)
        except sqlite3.DatabaseError as exc:
            cause = cause_of(exc)
            if cause in (None, "damaged"):
                raise ProjectError(f"{source}: not an annotator project ({exc})") from exc
            # A full, read-only or failing disk is the copy's; a lock is the source's.
            raise project_error(exc, source if cause == "locked" else target) from exc
        finally:
            dst.close()
    finally:
        src.close()


def _open_source(source: Path) -> sqlite3.Connection:
    """A read-only connection that can read ``source``: through its ``-shm`` where SQLite
    may make one, else (a read-only folder or a full disk) as immutable (read_only)."""
    for side_files in (reading_side_files(source), False):
        try:
            src = sqlite3.connect(reading_uri(source, side_files), uri=True)
        except sqlite3.Error as exc:
            raise ProjectError(f"{source}: cannot read project file: {exc}") from exc
        try:
            src.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as exc:
            src.close()
            if side_files and cause_of(exc) in ("cannot-open", "io", "read-only"):
                continue  # no -shm can be made there: read it as it is on disk
            if cause_of(exc) in (None, "damaged"):
                raise ProjectError(f"{source}: not an annotator project ({exc})") from exc
            raise project_error(exc, source) from exc
        return src
    raise ProjectError(f"{source}: cannot read project file")


def compact_file(path: Path) -> None:
    """VACUUM the file (deleted rows linger in free pages until then) and fold its WAL back
    into the main file, so that the main file alone is complete."""
    try:
        conn = sqlite3.connect(path)
        try:
            conn.execute("VACUUM")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            conn.close()
    except sqlite3.Error as exc:  # VACUUM needs room for a second copy of the file
        raise project_error(exc, path) from exc
