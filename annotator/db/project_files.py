"""Whole-file operations on a project's SQLite file, outside any Session: consistent
snapshots and compaction (used by merging and blind copies)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from annotator.db.faults import cause_of, project_error
from annotator.errors import ProjectError


def snapshot_file(source: Path, target: Path) -> None:
    """A consistent copy of the SQLite file ``source`` (WAL included) at ``target``.

    SQLite's online backup from a read-only connection: consistent even while another
    process has the file open, and the source is never written."""
    try:
        src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise ProjectError(f"{source}: cannot read project file: {exc}") from exc
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
