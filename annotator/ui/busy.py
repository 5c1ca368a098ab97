"""Work the user waits for on the GUI thread (a search, a count, a table, an export): a wait
cursor while it runs, and how long it took. One place for every part of the window."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

#: A view that took longer than this to compute waits for the researcher's "Recompute"
#: instead of recomputing after every coding action.
AUTO_REFRESH_SECONDS = 0.5


@contextmanager
def wait_cursor() -> Iterator[None]:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


class Timing:
    """How long the last computation took, so a view knows whether it may redo it unasked."""

    def __init__(self) -> None:
        self.seconds = 0.0

    @property
    def quick(self) -> bool:
        return self.seconds <= AUTO_REFRESH_SECONDS

    @contextmanager
    def busy(self) -> Iterator[None]:
        """A wait cursor around the computation, timed."""
        started = time.perf_counter()
        try:
            with wait_cursor():
                yield
        finally:
            self.seconds = time.perf_counter() - started
