"""Progress of a long export, reported every so many items rather than for each one."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
Progress = Callable[[int, int], None]  # (done, total)

#: Items between two reports: often enough for a progress bar, rare enough to cost nothing.
EVERY = 2000


class Reporter:
    """Counts items passing through :meth:`each` towards ``total`` and tells ``progress``."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress, self.total, self.done = progress, max(total, 0), 0
        if progress is not None:
            progress(0, self.total)

    def each(self, items: Iterable[T]) -> Iterator[T]:
        for item in items:
            yield item
            self.done += 1
            if self.progress is not None and self.done % EVERY == 0:
                self.progress(min(self.done, self.total), self.total)

    def finish(self) -> None:
        if self.progress is not None:
            self.progress(self.total, self.total)
