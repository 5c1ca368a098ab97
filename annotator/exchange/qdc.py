"""REFI-QDA codebooks (.qdc): import into a project by path (export is in ``refi_export``)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from annotator.exchange.code_tree import refi_code_rows
from annotator.exchange.codebook_merge import merge_rows
from annotator.exchange.qdpx import DEFAULT_LIMITS, Limits
from annotator.exchange.refi_import import open_refi
from annotator.exchange.results import CodebookImportReport, WarningKind

if TYPE_CHECKING:
    from annotator.project import Project


def import_qdc(
    project: Project, source: str | Path, *, limits: Limits = DEFAULT_LIMITS
) -> CodebookImportReport:
    """Merge the codes of a .qdc file (or of a project's codebook in a .qdpx/.qde) into
    ``project`` by path, never deleting. ATLAS.ti's ``A::B`` names become a tree."""
    source = Path(source)
    report = CodebookImportReport(source=source)
    with open_refi(source, report.warnings, limits) as (root, model, _loader):
        if root == "Project":
            report.warnings.add(WarningKind.UNSUPPORTED, str(source),
                                "is a whole project; only its codebook was imported")
        rows, _paths = refi_code_rows(model.codes, report.warnings, what=source,
                                      limits=limits)
    merge_rows(project, rows, report)
    return report
