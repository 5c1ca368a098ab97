"""Rolling daily backups beside a project file, and putting one back.

The window takes one consistent copy a day (SQLite's online backup, safe while the project is
open) into ``NAME-backups/`` next to ``NAME.annot`` and keeps the last few days; *File →
Restore backup* and ``annotator backups`` list and restore them. A restore first backs up
the current file, so it can itself be undone.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from annotator.db.project_files import snapshot_file
from annotator.db.read_only import make_read_only_engine
from annotator.db.schema import SCHEMA_VERSION, check_project_file, read_version
from annotator.errors import ProjectError, SchemaTooNewError

KEEP_DAYS = 7
_STAMP = "%Y-%m-%d_%H%M%S"


@dataclass(frozen=True)
class Backup:
    path: Path
    taken: datetime  # local time, from the file name
    size: int
    documents: int | None = None  # None: the file could not be read
    passages: int | None = None


def backup_folder(project: Path) -> Path:
    return project.with_name(f"{project.stem}-backups")


def take_backup(project: Path, *, now: datetime | None = None, label: str = "") -> Path:
    """A consistent copy of ``project`` in its backup folder; returns its path."""
    now = now or datetime.now()
    folder = backup_folder(project)
    try:
        folder.mkdir(exist_ok=True)
    except OSError as exc:
        raise ProjectError(f"{folder}: cannot create the backup folder ({exc.strerror})") from exc
    stem = f"{project.stem}-{now.strftime(_STAMP)}" + (f"-{label}" if label else "")
    target = folder / f"{stem}{project.suffix}"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{stem}-{n}{project.suffix}"
    partial = target.with_name(f".{target.name}.partial")
    try:
        snapshot_file(project, partial)
        _rollback_journal(partial)
        os.replace(partial, target)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ProjectError(f"{target}: cannot write the backup ({exc.strerror})") from exc
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return target


def list_backups(project: Path, *, with_counts: bool = False) -> list[Backup]:
    """The project's backups, newest first."""
    folder = backup_folder(project)
    if not folder.is_dir():
        return []
    found = []
    prefix = f"{project.stem}-"
    for path in folder.glob(f"{glob_escape(prefix)}*{project.suffix}"):
        taken = _taken(path.name[len(prefix):])
        if taken is None or not path.is_file():
            continue
        docs = passages = None
        if with_counts:
            docs, passages = _counts(path)
        found.append(Backup(path, taken, path.stat().st_size, docs, passages))
    return sorted(found, key=lambda b: (b.taken, b.path.name), reverse=True)


def daily_backup(
    project: Path, *, keep_days: int = KEEP_DAYS, now: datetime | None = None
) -> Path | None:
    """Take today's backup unless one exists, then drop backups older than ``keep_days``.
    Returns the backup taken, if any."""
    now = now or datetime.now()
    existing = list_backups(project)
    taken = None
    if not any(b.taken.date() == now.date() for b in existing):
        taken = take_backup(project, now=now)
    cutoff = now - timedelta(days=keep_days)
    for old in existing:
        if old.taken < cutoff:
            old.path.unlink(missing_ok=True)
    return taken


def restore_backup(project: Path, backup: Path) -> Path:
    """Replace ``project`` (closed by the caller) with ``backup``. The current file is
    backed up first; returns that safety copy."""
    check_project_file(backup)  # the checks of opening a project: named errors
    engine = make_read_only_engine(backup, side_files=False)
    try:
        version = read_version(engine, backup)
    finally:
        engine.dispose()
    if version > SCHEMA_VERSION:
        raise SchemaTooNewError(backup, version, SCHEMA_VERSION)
    safety = take_backup(project, label="before-restore")
    partial = project.with_name(f".{project.name}.restoring")
    try:
        snapshot_file(backup, partial)
        os.replace(partial, project)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ProjectError(
            f"{project}: cannot restore from {backup.name} ({exc.strerror})"
        ) from exc
    # The old file's WAL must never be replayed onto the restored one.
    for side in ("-wal", "-shm"):
        Path(f"{project}{side}").unlink(missing_ok=True)
    return safety


def _rollback_journal(path: Path) -> None:
    """A backup is a plain one-file database: listing it read-only then leaves no
    ``-wal``/``-shm`` beside it (the project's WAL mode is set again when it is opened)."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()


def glob_escape(text: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in text)


def _taken(rest: str) -> datetime | None:
    try:
        return datetime.strptime(rest[: len("2026-01-01_000000")], _STAMP)
    except ValueError:
        return None


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _counts(path: Path) -> tuple[int | None, int | None]:
    try:
        conn = _read_only(path)
        try:
            docs = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
            passages = conn.execute("SELECT count(*) FROM passages").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return None, None
    return int(docs), int(passages)
