"""Write a file next to its target and move it into place only once it is complete."""

from __future__ import annotations

import contextlib
import errno
import gc
import os
import secrets
import shutil
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path

from annotator.errors import ExportError


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


def _create_temp(target: Path) -> Path:
    """An empty, new file beside ``target``. Created with mode 0o666 so the umask applies
    as it would to any new file (mkstemp would make it 0o600)."""
    for _ in range(100):
        candidate = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
        try:
            fd = os.open(candidate, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            continue
        os.close(fd)
        return candidate
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
        temp = _create_temp(target)
    except OSError as exc:
        raise export_error(target, exc) from exc
    try:
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
