"""Which engine a project opens on: the file itself (upgraded in place after a backup), or
read-only — the file when it cannot be written, an upgraded temporary copy when it is also
older than this annotator (a read-only file cannot be upgraded)."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from annotator.db import schema
from annotator.db.engine import make_engine
from annotator.db.faults import check_free_space, project_size
from annotator.db.read_only import copy_for_reading, make_read_only_engine
from annotator.db.schema import read_version, upgrade
from annotator.errors import ProjectStorageError, SchemaTooNewError


@dataclass(frozen=True)
class OpenedEngine:
    engine: Engine
    read_only: str | None  # why the project is read-only, or None
    copy_folder: Path | None  # the upgraded copy's temporary folder, removed on close
    backup: Path | None  # the backup a migration wrote beside the file


def open_engine(path: Path, read_only: str | None) -> OpenedEngine:
    """The engine for ``path``: writable (migrated after a backup) unless ``read_only`` says
    why not or SQLite finds it cannot write; then read-only."""
    backup = None
    if read_only is None:
        engine = make_engine(path)
        try:
            backup = upgrade(engine, path)
        except ProjectStorageError as exc:
            engine.dispose()
            if exc.cause not in _REASONS:
                raise
            read_only = _REASONS[exc.cause]  # told only by SQLite
        except BaseException:
            engine.dispose()
            raise
        else:
            return OpenedEngine(engine, None, None, backup)
    engine, folder = _open_read_only(path)
    return OpenedEngine(engine, read_only, folder, None)


_REASONS = {"read-only": "the file or its folder is read-only",
            "cannot-open": "its folder is read-only", "permission": "permission denied",
            "disk-full": "the disk is full"}


def _open_read_only(path: Path) -> tuple[Engine, Path | None]:
    """A read-only engine on ``path``, and the temporary folder it reads from when the
    project is older than this annotator: then an upgraded copy is read (the file itself
    cannot be upgraded), which the caller removes on close."""
    engine = make_read_only_engine(path)
    try:
        try:
            version = read_version(engine, path)
        except ProjectStorageError:
            # No room (or no right) to make the -shm SQLite reads through: read without it.
            engine.dispose()
            engine = make_read_only_engine(path, side_files=False)
            version = read_version(engine, path)
        if version > schema.SCHEMA_VERSION:
            raise SchemaTooNewError(path, version, schema.SCHEMA_VERSION)
        if version < schema.SCHEMA_VERSION:
            folder = _upgraded_copy(engine, path)
            engine.dispose()
            return make_read_only_engine(folder / path.name), folder
    except BaseException:
        engine.dispose()
        raise
    return engine, None


def _upgraded_copy(engine: Engine, path: Path) -> Path:
    """A temporary folder holding ``path``, copied through ``engine`` and upgraded."""
    check_free_space(Path(tempfile.gettempdir()) / path.name, project_size(path))
    folder = Path(tempfile.mkdtemp(prefix="annotator-read-only-"))
    try:
        copy = copy_for_reading(engine, path, folder)
        writable = make_engine(copy)
        try:
            upgrade(writable, copy)
        finally:
            writable.dispose()
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return folder
