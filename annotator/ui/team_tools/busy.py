"""Long computations on the GUI thread: a wait cursor while they run, and a rule for when a
view may recompute by itself after the project changed."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager

from annotator.ui.busy import wait_cursor

#: A view that took longer than this to compute waits for the researcher's "Recompute"
#: instead of recomputing after every coding action.
AUTO_REFRESH_SECONDS = 0.5


class Timing:
    """How long the last computation took."""

    def __init__(self) -> None:
        self.seconds = 0.0

    @property
    def quick(self) -> bool:
        return self.seconds <= AUTO_REFRESH_SECONDS

    @contextmanager
    def busy(self) -> Iterator[None]:
        started = time.perf_counter()
        try:
            with wait_cursor():
                yield
        finally:
            self.seconds = time.perf_counter() - started
