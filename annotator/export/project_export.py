"""Gather a project's records for the Excel workbook."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.export.excel import ExportData, ExtraSheet, write_workbook
from annotator.records import DocumentInfo, PassageInfo

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from annotator.chinese.units import Unit
    from annotator.project import Project


# Analysis modules that add sheets to the project workbook: each takes the project and
# returns its sheets (empty when it has nothing to say).
SHEET_PROVIDERS: list[Callable[[Project], list[ExtraSheet]]] = []


def export_project_workbook(
    project: Project, target: Path, *, progress: Callable[[int, int], None] | None = None
) -> None:
    stats = project.stats()
    stream = _PassageStream(project)
    data = ExportData(
        documents=project.documents(),
        codes=project.codes(),
        passages=stream,
        passage_count=stats.passages,
        extra_sheets=[sheet for provider in SHEET_PROVIDERS for sheet in provider(project)],
        units_of=stream.units,
        show_origin=True,
    )
    write_workbook(target, data, progress=progress)


def split_units(number: int, text: str, numbering: str = "auto") -> list[Unit]:
    """A document's paragraph units, numbered by its own numbering (the function the tables
    and agreement split documents with), and the 款 and 项 of its articles, so that a
    passage inside one paragraph of an article is cited by that paragraph's number."""
    from annotator.analysis.unit_index import compute_units
    from annotator.chinese.units import subunits

    units = compute_units(number, text, "paragraph", numbering)
    return units + subunits(number, text, numbering)


class _PassageStream:
    """Every passage, and each document's units as the passages reach it, in one
    transaction (a second one could not start while the first holds the file)."""

    def __init__(self, project: Project) -> None:
        self._project = project
        self._session: Session | None = None

    def __iter__(self) -> Iterator[PassageInfo]:
        from annotator.db.passages import iter_passages

        with self._project.session_scope() as session:
            self._session = session
            try:
                yield from iter_passages(session)
            finally:
                self._session = None

    def units(self, document: DocumentInfo) -> Sequence[Unit]:
        from annotator.db.documents import get_document

        if self._session is None:
            text = self._project.document_text(document.id)
        else:
            text = get_document(self._session, document.id).text
        return split_units(document.number, text, document.numbering)


def _agreement_sheets(project: Project) -> list[ExtraSheet]:
    # Imported on use: the analysis modules import the workbook writer from this package.
    from annotator.analysis.agreement_sheet import agreement_sheets

    return agreement_sheets(project)


SHEET_PROVIDERS.append(_agreement_sheets)


def _word_sheets(project: Project) -> list[ExtraSheet]:
    from annotator.analysis.word_sheet import word_sheets

    return word_sheets(project)


SHEET_PROVIDERS.append(_word_sheets)


def _table_sheets(project: Project) -> list[ExtraSheet]:
    """共现 (codes in the same paragraph) and 编码×<属性> for grouping attributes."""
    from annotator.analysis.report_sheets import attribute_provider, cooccurrence_provider

    return [*cooccurrence_provider(project), *attribute_provider(project)]


SHEET_PROVIDERS.append(_table_sheets)


def _proposal_sheets(project: Project) -> list[ExtraSheet]:
    """待审建议: auto-coding proposals awaiting review, marked 机器建议 (only if any)."""
    from annotator.autocoding.sheet import pending_proposals_sheets

    return pending_proposals_sheets(project)


SHEET_PROVIDERS.append(_proposal_sheets)
