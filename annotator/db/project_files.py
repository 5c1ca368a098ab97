"""Whole-file operations on a project's SQLite file, outside any Session: consistent
snapshots and compaction (used by merging and blind copies)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

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
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        except sqlite3.DatabaseError as exc:
            raise ProjectError(f"{source}: not an annotator project ({exc})") from exc
        finally:
            dst.close()
    finally:
        src.close()


def compact_file(path: Path) -> None:
    """VACUUM the file (deleted rows linger in free pages until then) and fold its WAL back
    into the main file, so that the main file alone is complete."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
