"""Bring a project's derived text data up to date: units and the search index's tokens.

Import derives both for each document in its own transaction. A project made by an earlier
version (no ``derived_units`` table, or no index), a REFI-QDA import, new splitting rules or
a change of the term list leave some documents without them; :func:`ensure_derived` builds
exactly what is missing — units of documents that have none stored, index rows of documents
not indexed or touched by a term change — in batches of short transactions, so the window
can call it from a worker thread right after opening a project and keep working meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from annotator.analysis.unit_index import ensure_units, units_missing
from annotator.search.index import ensure_index, index_status

if TYPE_CHECKING:
    from annotator.project import Project

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


def ensure_derived(
    project: Project,
    *,
    progress: Progress | None = None,
    should_cancel: Callable[[], bool] | None = None,
) -> tuple[int, int]:
    """Split and index every document that lacks its units or index row; returns (documents
    split, documents indexed). ``should_cancel()`` is asked between batches."""
    split = ensure_units(
        project, should_cancel=should_cancel,
        progress=None if progress is None else lambda d, t: progress(d, t, "units"))
    if should_cancel is not None and should_cancel():
        return split, 0
    indexed = ensure_index(
        project, should_cancel=should_cancel,
        progress=None if progress is None else lambda d, t: progress(d, t, "index"))
    return split, indexed
