"""Schema versioning: create a new project, refuse newer files, migrate older ones in place."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, Engine, select, text

from annotator.db.faults import cause_of, project_error
from annotator.db.models import Base, Meta
from annotator.errors import ProjectError, SchemaTooNewError

SCHEMA_VERSION = 5
APPLICATION_ID = "annotator"
SQLITE_MAGIC = b"SQLite format 3\x00"



def _v1_to_v2(conn: Connection) -> None:
    """Auto-coding origin and proposals, project word lists, merge bookkeeping."""
    from annotator.db.models import Proposal, Tombstone, WordListEntry

    conn.exec_driver_sql(
        "ALTER TABLE passages ADD COLUMN origin VARCHAR(16) NOT NULL DEFAULT 'manual'"
    )
    conn.exec_driver_sql("ALTER TABLE document_attributes ADD COLUMN updated_at DATETIME")
    for model in (WordListEntry, Proposal, Tombstone):
        model.__table__.create(conn)  # type: ignore[attr-defined]


def _v2_to_v3(conn: Connection) -> None:
    """Units numbered by the document's own numbering (章/节/条/款, heading numbers): each
    document gets its numbering choice, "auto" (detected). Passages keep their offsets;
    unit numbers are derived from the text, so they follow the new rules from now on."""
    conn.exec_driver_sql(
        "ALTER TABLE documents ADD COLUMN numbering VARCHAR(16) NOT NULL DEFAULT 'auto'"
    )


def _v3_to_v4(conn: Connection) -> None:
    """Each document's length is stored, so that listing documents never reads texts."""
    conn.exec_driver_sql("ALTER TABLE documents ADD COLUMN length INTEGER NOT NULL DEFAULT 0")
    conn.exec_driver_sql("UPDATE documents SET length = length(text)")


def _v4_to_v5(conn: Connection) -> None:
    """Proposals say where they come from ("keyword" auto-coding or "suggested" by the model
    learned from the coder's own coding) and how sure the model is."""
    # A version-1 file got its proposals table from today's model (_v1_to_v2): it has them.
    have = {row[1] for row in conn.exec_driver_sql("PRAGMA table_info(proposals)")}
    if "origin" not in have:
        conn.exec_driver_sql(
            "ALTER TABLE proposals ADD COLUMN origin VARCHAR(16) NOT NULL DEFAULT 'keyword'"
        )
    if "confidence" not in have:
        conn.exec_driver_sql("ALTER TABLE proposals ADD COLUMN confidence FLOAT")


# MIGRATIONS[n] upgrades a version-n file to version n+1 inside one transaction.
MIGRATIONS: dict[int, Callable[[Connection], None]] = {
    1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4, 4: _v4_to_v5,
}


def create_schema(engine: Engine) -> None:
    Base.metadata.create_all(engine)
    with engine.begin() as conn:
        conn.execute(
            Meta.__table__.insert(),
            [
                {"key": "application", "value": APPLICATION_ID},
                {"key": "schema_version", "value": str(SCHEMA_VERSION)},
            ],
        )


def check_project_file(path: Path) -> None:
    """Raise ProjectError unless ``path`` looks like a SQLite file we could open."""
    if not path.exists():
        raise ProjectError.of("{path}: no such project file", path=path)
    if path.is_dir():
        raise ProjectError.of("{path}: is a folder, not a project file", path=path)
    try:
        with path.open("rb") as fh:
            head = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise ProjectError(f"{path}: cannot read project file: {exc.strerror or exc}") from exc
    if head != SQLITE_MAGIC:
        raise ProjectError.of("{path}: not an annotator project (not a SQLite file)", path=path)


def read_version(engine: Engine, path: Path) -> int:
    try:
        with engine.connect() as conn:
            value = conn.execute(
                select(Meta.value).where(Meta.key == "schema_version")
            ).scalar_one_or_none()
    except Exception as exc:  # missing table, corrupt file
        if cause_of(exc) not in (None, "damaged"):  # full, read-only, locked: say so
            raise project_error(exc, path) from exc
        raise ProjectError.of("{path}: not an annotator project ({kind})", path=path,
                               kind=exc.__class__.__name__) from exc
    if value is None or not value.isdigit():
        raise ProjectError.of("{path}: not an annotator project (no schema version)", path=path)
    return int(value)


def backup_path(path: Path, version: int) -> Path:
    candidate = path.with_name(f"{path.name}.v{version}.bak")
    n = 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}.v{version}.{n}.bak")
    return candidate


def write_backup(path: Path, target: Path) -> None:
    """A consistent copy, WAL included, through SQLite's online backup."""
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def upgrade(engine: Engine, path: Path) -> Path | None:
    """Bring the file to SCHEMA_VERSION. Returns the backup written, if a migration ran."""
    version = read_version(engine, path)
    if version > SCHEMA_VERSION:
        raise SchemaTooNewError(path, version, SCHEMA_VERSION)
    if version == SCHEMA_VERSION:
        return None
    backup = backup_path(path, version)
    write_backup(path, backup)
    try:
        for step in range(version, SCHEMA_VERSION):
            migrate = MIGRATIONS.get(step)
            if migrate is None:
                raise ProjectError(f"{path}: no migration from schema version {step}")
            with engine.begin() as conn:
                migrate(conn)
                conn.execute(
                    text("UPDATE meta SET value = :v WHERE key = 'schema_version'"),
                    {"v": str(step + 1)},
                )
    except Exception:
        engine.dispose()
        # Each step is its own transaction; put the untouched original back on failure.
        shutil.copyfile(backup, path)
        raise
    return backup
