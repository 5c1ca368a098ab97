"""Atomic writing for exchange files, on top of ``annotator.export.atomic``."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from annotator.errors import ExportError
from annotator.export.atomic import replace_when_done


@contextlib.contextmanager
def written_atomically(target: Path, what: str) -> Iterator[Path]:
    """``replace_when_done`` whose error messages name ``what`` ("the .qdpx file") instead
    of the workbook."""
    try:
        with replace_when_done(target) as temp:
            yield temp
    except ExportError as exc:
        message = str(exc).replace("the workbook", what)
        error = ExportError(message)
        error.path = Path(target)  # type: ignore[attr-defined]
        raise error from exc.__cause__
