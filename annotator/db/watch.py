"""Noticing commits made to a project file by someone else (another process, or another
window reading it), so that the window can re-read what it shows.

SQLite's ``PRAGMA data_version`` changes, on one connection, whenever another connection
has committed since it last asked. The watcher asks on a connection of its own, which sees
this process's commits too; it counts the statements this process's engine ran that may
write, and a change with none of them since the last look is someone else's. A change
made elsewhere in the same interval as one made here is taken as ours: it shows at the
next outside change or when the project is opened again.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event

_WRITE_VERBS = ("INSERT", "UPDATE", "DELETE", "REPLACE", "CREATE", "DROP", "ALTER", "WITH")


class ChangeWatcher:
    def __init__(self, path: Path, engine: Engine) -> None:
        self._lock = threading.Lock()
        self._writes = 0
        self._seen_writes = 0
        uri = Path(os.path.abspath(path)).as_uri()
        self._conn: sqlite3.Connection | None = sqlite3.connect(
            f"{uri}?mode=ro", uri=True, check_same_thread=False, isolation_level=None)
        self._version = self._read()

        @event.listens_for(engine, "after_cursor_execute")
        def _after(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
            if statement.lstrip()[:7].upper().startswith(_WRITE_VERBS):
                with self._lock:
                    self._writes += 1

    def _read(self) -> int:
        if self._conn is None:
            return 0
        try:
            return int(self._conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlite3.Error:  # the file went away or is locked for a moment: no news
            return self._version

    def changed_elsewhere(self) -> bool:
        """True once for each look after which someone else's commit is first seen."""
        with self._lock:
            version = self._read()
            ours = self._writes != self._seen_writes
            self._seen_writes = self._writes
            news = version != self._version
            self._version = version
        return news and not ours

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None
