"""Assemble the project workbook: 编码片段, 频次, 编码表, 文档, then the analyses' sheets.

One walk over the corpus (:class:`annotator.analysis.corpus_walk.CorpusWalk`) feeds
everything that needs the texts: the 编码片段 rows with their unit numbers, and the word
counts of 词频 and 编码词频, which are written after it from what the walk counted. The
tables and agreement read passages as arrays and units from the same unit cache, which is
filled once here before anything is written.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.analysis.agreement_sheet import agreement_sheets
from annotator.analysis.corpus_walk import CorpusWalk, UnitSpans
from annotator.analysis.report_sheets import attribute_provider, cooccurrence_provider
from annotator.analysis.unit_index import DEFAULT_CACHE
from annotator.analysis.word_sheet import WordSheets
from annotator.autocoding.sheet import pending_proposals_sheets
from annotator.db.corpus_reads import coded_document_ids
from annotator.export.excel import ExportData, ExtraSheet, write_workbook
from annotator.records import DocumentInfo, PassageInfo

if TYPE_CHECKING:
    from annotator.project import Project

Progress = Callable[[int, int], None]


def export_project_workbook(
    project: Project,
    target: Path,
    *,
    progress: Progress | None = None,
    all_disagreements: bool = False,
) -> None:
    """Write the whole project workbook to ``target`` (see :meth:`Project.export_excel`)."""
    documents = project.documents()
    codes = project.codes()
    stats = project.stats()
    words = WordSheets(project, documents, codes)
    walk = CorpusWalk(project, documents, index_terms=words.index_terms)
    with project.session_scope() as s:
        coded = coded_document_ids(s)
    walk.prepare_units(coded)  # the tables and agreement below read the same units

    extra: list[ExtraSheet] = [
        *agreement_sheets(project, all_disagreements=all_disagreements),
        *words.lazy_sheets(),
    ]
    if stats.passages:
        extra += [*cooccurrence_provider(project), *attribute_provider(project)]
    extra += pending_proposals_sheets(project)
    # Everything that needs every document's units at once is built: from here on the walk
    # holds them (handing each document's over once), so the process-wide cache lets go and
    # they are freed while the passages stream (the cache reads them back from the project
    # when a table next asks).
    DEFAULT_CACHE.clear()

    stream = _Stream(walk, words)
    data = ExportData(
        documents=documents,
        codes=codes,
        passages=stream,
        passage_count=stats.passages,
        extra_sheets=extra,
        units_of=stream.units,
        show_origin=True,
    )
    write_workbook(target, data, progress=progress)


class _Stream:
    """The passages of the walk, each document's counted for the word sheets on the way,
    with the units of the document whose passages are being written."""

    def __init__(self, walk: CorpusWalk, words: WordSheets) -> None:
        self._walk = walk
        self._words = words
        self._units: tuple[int, UnitSpans] | None = None
        self._current = None

    def __iter__(self) -> Iterator[PassageInfo]:
        for doc in self._walk:
            self._words.add(doc.info, doc.text, doc.passages, doc.stored)
            if doc.passages:
                self._current = doc
                self._units = None
                yield from doc.passages
        self._current = None

    def units(self, document: DocumentInfo) -> UnitSpans:
        doc = self._current
        if doc is None or doc.info.id != document.id:
            raise LookupError(f"units asked for document {document.id} out of turn")
        if self._units is None or self._units[0] != document.id:
            self._units = (document.id, self._walk.units(doc))
        return self._units[1]
