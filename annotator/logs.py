"""The log file and the last-resort exception hooks, for the window and the command line.

One rotating file in the platform's log folder (``platformdirs.user_log_dir``): on Windows
``%LOCALAPPDATA%\\annotator\\Logs``, on macOS ``~/Library/Logs/annotator``, on Linux
``~/.local/state/annotator/log``. ``ANNOTATOR_LOG_DIR`` puts it elsewhere (tests, portable
installs). No Qt here: the window passes a ``show`` callback that opens its dialog.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

LOGGER_NAME = "annotator"
LOG_FILE = "annotator.log"
#: A few sessions' worth of tracebacks, never more than ~4 MB on disk.
MAX_BYTES = 1_000_000
BACKUPS = 3

log = logging.getLogger(LOGGER_NAME)
log.addHandler(logging.NullHandler())  # library use (tests, scripts): no "last resort" output
_handler: RotatingFileHandler | None = None

#: What the hook calls after logging: (one-line summary, full traceback text, log path).
ShowError = Callable[[str, str, Path | None], None]


def log_dir() -> Path:
    override = os.environ.get("ANNOTATOR_LOG_DIR")
    if override:
        return Path(override)
    from platformdirs import user_log_dir

    return Path(user_log_dir("annotator", appauthor=False))


def log_path() -> Path | None:
    """The file being written, or None before :func:`setup_logging` (or if it failed)."""
    return Path(_handler.baseFilename) if _handler is not None else None


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Send the ``annotator`` loggers to the rotating log file; returns its path.

    Idempotent. A folder that cannot be written (read-only home, full disk) leaves logging
    off rather than stopping the program: the log is a help, never a reason to fail."""
    global _handler
    directory = log_dir()
    if _handler is not None and Path(_handler.baseFilename).parent == directory.resolve():
        return log_path()
    close_logging()
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(directory / LOG_FILE, maxBytes=MAX_BYTES,
                                      backupCount=BACKUPS, encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(
        "%(asctime)s %(levelname)s [%(process)d %(threadName)s] %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(min(log.level or level, level))
    _handler = handler
    return log_path()


def close_logging() -> None:
    global _handler
    if _handler is not None:
        log.removeHandler(_handler)
        _handler.close()
        _handler = None


def summary(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


def install_excepthook(show: ShowError | None = None) -> None:
    """Log every uncaught exception (main thread, other threads, Qt slots) with its traceback,
    then call ``show`` — and return, so that the program keeps running.

    PySide6 hands an exception raised in a slot to ``sys.excepthook`` and carries on with
    the event loop; replacing the default hook keeps it that way (nothing calls exit). Every
    user action commits or rolls back its own transaction (``session_scope``) before the
    exception leaves it, so nothing half-written waits on the hook. Ctrl+C keeps Python's
    own handling."""

    def handle(kind: type[BaseException], exc: BaseException,
               tb: TracebackType | None, thread: str = "") -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        text = "".join(traceback.format_exception(kind, exc, tb))
        where = f" in thread {thread}" if thread else ""
        log.error("uncaught exception%s\n%s", where, text.rstrip())
        if show is not None:
            try:
                show(summary(exc), text, log_path())
            except Exception:  # noqa: BLE001 - a failing dialog must not recurse into the hook
                log.exception("the error dialog failed")
        elif log_path() is None:
            sys.__excepthook__(kind, exc, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else ""
        handle(args.exc_type, args.exc_value, args.exc_traceback, name)

    sys.excepthook = handle
    threading.excepthook = thread_hook
