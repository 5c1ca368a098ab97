"""The window's claim on a project file, so that a second window opens it read-only.

A lock file ``.NAME.annot.lock`` beside the project, locked with ``flock`` (``msvcrt``
on Windows) for as long as the window has the project open. The operating system drops the
lock when the process ends, however it ends: a window killed with ``kill -9`` leaves the file
behind, but not the lock, and the next window takes it as if it were new. The file says
who holds it (process id, host, since when) for the second window's message. Command-line
writers take no claim: SQLite serialises their transactions with the window's.
"""

from __future__ import annotations

import contextlib
import os
import socket
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # Windows
    fcntl = None  # type: ignore[assignment]


def lock_path(project: Path) -> Path:
    return project.with_name(f".{project.name}.lock")


class WindowClaim:
    """A held claim; :meth:`release` removes the lock file."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path, self._fd = path, fd

    @classmethod
    def take(cls, project: Path) -> WindowClaim | str | None:
        """The claim, or who holds it (one line) when another window does, or None when no
        lock file can be made (a read-only folder: nobody can write there anyway)."""
        path = lock_path(Path(project))
        for _ in range(5):
            try:
                fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o666)
            except OSError:
                return None
            if not _try_lock(fd):
                holder = _read_holder(fd)
                os.close(fd)
                return holder or "another annotator window"
            try:
                same = os.fstat(fd).st_ino == os.stat(path).st_ino
            except OSError:
                same = False
            if not same:  # its last holder removed it between our open and our lock
                os.close(fd)
                continue
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
                os.write(fd, (f"pid {os.getpid()} on {socket.gethostname()}, since "
                              f"{time.strftime('%Y-%m-%d %H:%M')}\n").encode())
            return cls(path, fd)
        return None

    def release(self) -> None:
        if self._fd < 0:
            return
        # Removed while still locked, so nobody takes a lock on a file about to vanish.
        with contextlib.suppress(OSError):
            os.unlink(self.path)
        os.close(self._fd)
        self._fd = -1


def _try_lock(fd: int) -> bool:
    if fcntl is not None:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        except OSError:  # a file system without locks: no claim, no refusal
            return True
        return True
    import msvcrt

    try:
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except OSError:
        return False
    return True


def _read_holder(fd: int) -> str:
    with contextlib.suppress(OSError):
        return os.pread(fd, 200, 0).decode("utf-8", "replace").strip() if hasattr(
            os, "pread") else ""
    return ""
