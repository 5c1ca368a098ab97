"""Load jieba and build the project's segmenter off the GUI thread.

jieba reads its dictionary on first use (≈0.5–1 s); doing that in a worker right after a
project opens (and again when its terms change) means the first snapped selection, search or
word count does not freeze the window. If the user is quicker, the core's lock makes the GUI
thread wait for the same load rather than start a second one.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from PySide6.QtCore import QThreadPool

from annotator.chinese.segment import warm_up

log = logging.getLogger(__name__)


def _load(terms: frozenset[str]) -> None:
    try:
        warm_up(terms)
    except Exception:  # a failed warm-up only costs the wait later; never crash a worker
        log.exception("warming up the segmenter failed")


def warm_up_in_background(terms: Iterable[str]) -> None:
    """Build the segmenter for ``terms`` in Qt's global thread pool and return at once."""
    frozen = frozenset(terms)
    QThreadPool.globalInstance().start(lambda: _load(frozen))
