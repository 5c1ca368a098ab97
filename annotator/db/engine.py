"""Engine and session set-up for one project file."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from annotator.db.durability import settle, watch_writes
from annotator.db.faults import is_database_error, project_error
from annotator.db.location import place_of


def make_engine(path: Path) -> Engine:
    """An engine on the SQLite file at ``path`` with foreign keys on and a WAL journal."""
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": 10})
    # On a network share or in a cloud-synced folder WAL's side files are unsafe: keep the
    # rollback journal there (annotator.db.location).
    shared = place_of(path).shared

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin, so that
        # one session_scope() is exactly one SQLite transaction.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute(f"PRAGMA journal_mode = {'DELETE' if shared else 'WAL'}")
        # NORMAL under WAL never corrupts on a killed process; it only risks the last
        # commits on power loss, and keeps each coding action well under 30 ms.
        cursor.execute(f"PRAGMA synchronous = {'FULL' if shared else 'NORMAL'}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        conn.exec_driver_sql("BEGIN IMMEDIATE")

    watch_writes(engine)
    return engine


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def transaction(factory: sessionmaker[Session], path: Path | None = None,
                read_only: str | None = None) -> Iterator[Session]:
    """One user action: commit when the block ends, roll back on any exception. A database
    error leaves as the project's own error naming ``path`` (annotator.db.faults);
    ``read_only`` says why the project was opened read-only, if it was."""
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException as exc:
        with contextlib.suppress(Exception):  # a full disk may fail the rollback too
            session.rollback()
        if path is not None and is_database_error(exc):
            raise project_error(exc, path, read_only) from exc
        raise
    finally:
        session.close()
    # The action is in the WAL; fold it into the project file so that a copy holds it.
    settle(factory.kw["bind"])
