"""Bring a project's derived text data up to date: units and the search index's tokens.

Import derives both for each document in its own transaction. A project made by an earlier
version (no ``derived_units`` table, or no index), a REFI-QDA import, new splitting rules or
a change of the term list leave some documents without them; :func:`ensure_derived` builds
exactly what is missing — units of documents that have none stored, index rows of documents
not indexed or touched by a term change — in batches of short transactions, so the window
can call it from a worker thread right after opening a project and keep working meanwhile.

Splitting and segmenting are pure Python: in a thread of the window they would hold the GIL
the GUI thread needs (a coding then took ~95 ms instead of ~13). Given an ``executor`` from
:func:`worker_pool`, :func:`ensure_derived` has a worker process compute each batch's rows;
the calling thread only reads texts and writes rows, a few documents per transaction, and
waits (without the GIL) in between.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from annotator.analysis.unit_index import Made, ensure_units, split_texts, units_missing
from annotator.search.index import (
    IndexRow,
    ensure_index,
    folded_segmenter,
    index_status,
    segment_document,
)

if TYPE_CHECKING:
    from annotator.project import Project

log = logging.getLogger(__name__)
_T = TypeVar("_T")

#: ``progress(done, total, what)``: what is "units" or "index".
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class DerivedWork:
    units: int  # documents without stored units
    index: int  # documents not (rightly) indexed
    stale_terms: bool  # the index was segmented with another term list

    @property
    def needed(self) -> bool:
        return bool(self.units or self.index or self.stale_terms)


def derived_work(project: Project) -> DerivedWork:
    """What :func:`ensure_derived` would do (cheap: no text is read)."""
    with project.session_scope() as s:
        units = len(units_missing(s))
    status = index_status(project)
    return DerivedWork(units, status.missing, status.stale_terms)


def worker_pool() -> Executor | None:
    """One worker process for :func:`ensure_derived` (spawned: the window has threads), or
    None where none may be started (a frozen build, a main module that is not annotator's
    own: see :mod:`annotator.importing.pipeline`); then the caller's thread computes."""
    from annotator.importing.pipeline import spawn_is_safe

    if not spawn_is_safe():
        return None
    try:
        return ProcessPoolExecutor(1, multiprocessing.get_context("spawn"),
                                   initializer=_below_the_window)
    except (OSError, ValueError, NotImplementedError) as exc:
        log.info("derived data computed in this process: %s", exc)
        return None


def _below_the_window() -> None:
    """In the worker: yield the CPU to the window's process (two cores are often all)."""
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(10)


def segment_texts(terms: frozenset[str], texts: Sequence[tuple[int, str, str]]) -> list[IndexRow]:
    """The index rows of (document id, content hash, text) segmented with ``terms`` (what
    the worker process runs; its jieba is loaded once)."""
    segmenter = folded_segmenter(terms)
    return [segment_document(segmenter, *row) for row in texts]


def _in(executor: Executor, fn: Callable[..., _T], local: Callable[..., _T]) -> Callable[..., _T]:
    """``fn`` run in ``executor``; ``local`` here should the worker be gone."""
    def run(*args: object) -> _T:
        try:
            return executor.submit(fn, *args).result()
        except Exception:  # noqa: BLE001 - a killed or broken worker: compute here
            log.warning("derived-data worker failed; computing in this process", exc_info=True)
            return local(*args)
    return run


def ensure_derived(
    project: Project,
    *,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
    executor: Executor | None = None,
) -> tuple[int, int]:
    """Split and index every document that lacks its units or index row; returns (documents
    split, documents indexed). ``should_cancel()`` is asked between batches; ``executor``
    (:func:`worker_pool`) computes the batches' rows, else this thread does."""
    split: Callable[[Sequence[tuple[int, str, str, str]]], list[Made]] | None = None
    segment = None
    if executor is not None:
        split = _in(executor, split_texts, split_texts)
        segment = _in(executor, segment_texts, segment_texts)
    done = ensure_units(
        project, should_cancel=should_cancel, split=split,
        progress=None if progress is None else lambda d, t: progress(d, t, "units"))
    if should_cancel is not None and should_cancel():
        return done, 0
    indexed = ensure_index(
        project, should_cancel=should_cancel, segment=segment,
        progress=None if progress is None else lambda d, t: progress(d, t, "index"))
    return done, indexed
