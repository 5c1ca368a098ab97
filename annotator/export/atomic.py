"""Write a file next to its target and move it into place only once it is complete.

The temporary file is ``.NAME.<8 hex digits>.tmp`` beside the target. While it is being
written it is held with an advisory lock (``flock``, where the system has it), so that the
next export to the folder can tell the leftovers of a killed export — older than
:data:`STALE_AFTER_SECONDS` and held by nobody — from another export still under way, and
remove only those.
"""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import re
import secrets
import shutil
import stat
import sys
import time
import traceback
from collections.abc import Iterator
from pathlib import Path

from annotator.errors import ExportError

try:
    import fcntl
except ImportError:  # Windows: a file open in another process cannot be deleted anyway
    fcntl = None  # type: ignore[assignment]

#: A leftover temporary file younger than this is never removed (it may have just been made).
STALE_AFTER_SECONDS = 10.0
# Exports' temporary files; project copies (.annot, annotator.merge) are not ours to remove.
_TEMP_NAME = re.compile(r"^\..+\.(?:xlsx|qdpx|qdc|csv)\.[0-9a-f]{8}\.tmp$", re.IGNORECASE)


def describe_os_error(exc: OSError, path: Path) -> str:
    """One line saying what went wrong with ``path``, for an ``ExportError``."""
    if isinstance(exc, FileNotFoundError):
        return f"folder {path.parent} does not exist"
    if isinstance(exc, PermissionError):
        return "permission denied (read-only folder, or the file is open in another program?)"
    if isinstance(exc, IsADirectoryError):
        return "the target is a folder"
    if isinstance(exc, NotADirectoryError):
        return f"{path.parent} is not a folder"
    if exc.errno == errno.ENOSPC:
        return "no space left on the device"
    return exc.strerror or str(exc) or type(exc).__name__


def export_error(path: Path, exc: BaseException) -> ExportError:
    """Wrap ``exc`` in an ``ExportError`` that names ``path`` and the problem."""
    if isinstance(exc, ExportError):
        return exc
    if isinstance(exc, OSError):
        problem = describe_os_error(exc, path)
    else:
        problem = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    error = ExportError(f"{path}: cannot write the workbook: {problem}")
    error.path = path  # type: ignore[attr-defined]
    return error


def _create_temp(target: Path) -> tuple[Path, int | None]:
    """An empty, new file beside ``target``, and the descriptor that holds its lock (None
    without flock). Created with mode 0o666 so the umask applies as it would to any new
    file (mkstemp would make it 0o600)."""
    for _ in range(100):
        candidate = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        if fcntl is None:
            os.close(fd)  # Windows: an open descriptor would stop the final rename
            return candidate, None
        with contextlib.suppress(OSError):
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return candidate, fd
    raise FileExistsError(errno.EEXIST, "cannot create a temporary file", str(target.parent))


@contextlib.contextmanager
def replace_when_done(target: Path) -> Iterator[Path]:
    """Yield a temporary path in ``target``'s folder; on success move it onto ``target``.

    On any failure the temporary file is removed, ``target`` is left as it was and an
    ``ExportError`` naming ``target`` is raised (``KeyboardInterrupt`` and other
    non-``Exception`` errors are re-raised unchanged after the clean-up).
    """
    target = Path(target)
    if target.is_dir():
        raise ExportError(f"{target}: cannot write the workbook: the target is a folder")
    try:
        temp, lock = _create_temp(target)
    except OSError as exc:
        raise export_error(target, exc) from exc
    try:
        remove_stale_temps(target.parent)
        yield temp
        if target.exists():
            with contextlib.suppress(OSError):
                shutil.copymode(target, temp)  # keep the permissions someone chose
        os.replace(temp, target)
    except Exception as exc:
        _remove(temp)
        _settle_writers(exc)
        raise export_error(target, exc) from exc
    except BaseException:
        _remove(temp)
        raise
    finally:
        if lock is not None:
            os.close(lock)


def remove_stale_temps(folder: Path, now: float | None = None) -> list[Path]:
    """Remove what killed exports left in ``folder``: export temporary files older than
    STALE_AFTER_SECONDS that no export holds. Returns the files removed; a file that cannot
    be checked or removed is left alone."""
    now = time.time() if now is None else now
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not _TEMP_NAME.match(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or now - info.st_mtime < STALE_AFTER_SECONDS:
                continue
            if _remove_unless_held(Path(entry.path)):
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def _remove_unless_held(path: Path) -> bool:
    if fcntl is None:
        os.remove(path)  # refused by Windows while an export has the file open
        return True
    fd = os.open(path, os.O_RDONLY)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False  # an export under way holds it
        os.remove(path)
        return True
    finally:
        os.close(fd)


def _settle_writers(exc: BaseException) -> None:
    """Close now what the failed write left open (openpyxl's zip file, lxml's writers):
    their finalisers would otherwise fail again on a full disk and print "Exception
    ignored … OSError: [Errno 28]" tracebacks when collected later."""
    hook = sys.unraisablehook
    sys.unraisablehook = lambda _unraisable: None
    try:
        traceback.clear_frames(exc.__traceback__)
        gc.collect()
    finally:
        sys.unraisablehook = hook


def _remove(path: Path) -> None:
    with contextlib.suppress(OSError):
        os.remove(path)
