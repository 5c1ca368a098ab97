"""Progress bars for long commands: on stderr, only when stderr is a terminal.

Scripts, CI logs and pipes get nothing (and ``--quiet`` silences a terminal too). The bars
are tqdm's; the core reports ``(done, total)`` through its own callbacks
(``annotator.exchange.progress``, ``Project.import_files``, the search index), which
:class:`Bar` turns into tqdm updates.
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from annotator.cli_i18n import tr


def add_quiet(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-q", "--quiet", action="store_true",
                        help=tr("no progress bar (there is none when stderr is not a terminal)"))


def wanted(args: argparse.Namespace | None = None, stream: TextIO | None = None) -> bool:
    stream = sys.stderr if stream is None else stream
    if args is not None and getattr(args, "quiet", False):
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed or replaced stream
        return False


class Bar:
    """``bar(done, total)`` as a progress callback; ``bar.close()`` (or ``with``) ends it.

    Does nothing at all when not :func:`wanted`."""

    def __init__(self, label: str, args: argparse.Namespace | None = None, *,
                 unit: str = "it", after: str = "") -> None:
        self._bar = None
        self._label, self._unit, self._after = label, unit, after
        self.enabled = wanted(args)

    def _make(self, total: int | None):
        from tqdm import tqdm

        return tqdm(total=total, desc=self._label, unit=self._unit, file=sys.stderr,
                    leave=False, dynamic_ncols=True, mininterval=0.2)

    def __call__(self, done: int, total: int | None, note: str = "") -> None:
        if not self.enabled:
            return
        if self._bar is None:
            self._bar = self._make(total or None)
        if total and self._bar.total != total:
            self._bar.total = total
        if note:
            self._bar.set_postfix_str(note, refresh=False)
        finished = bool(total) and done >= total
        if finished and self._after:  # the counted part is done, the rest is still under way
            self._bar.set_postfix_str(self._after, refresh=False)
        self._bar.update(max(0, done - self._bar.n))
        if finished:
            self._bar.refresh()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> Bar:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
