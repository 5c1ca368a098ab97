"""Gather a project's records for the Excel workbook."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.export.excel import ExportData, ExtraSheet, write_workbook

if TYPE_CHECKING:
    from annotator.project import Project


# Analysis modules that add sheets to the project workbook: each takes the project and
# returns its sheets (empty when it has nothing to say).
SHEET_PROVIDERS: list[Callable[[Project], list[ExtraSheet]]] = []


def export_project_workbook(
    project: Project, target: Path, *, progress: Callable[[int, int], None] | None = None
) -> None:
    stats = project.stats()
    data = ExportData(
        documents=project.documents(),
        codes=project.codes(),
        passages=project.iter_all_passages(),
        passage_count=stats.passages,
        extra_sheets=[sheet for provider in SHEET_PROVIDERS for sheet in provider(project)],
    )
    write_workbook(target, data, progress=progress)
