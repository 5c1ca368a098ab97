"""Where :meth:`Project.export_excel` finds the project workbook.

The workbook is assembled in :mod:`annotator.workbook`, above the analyses whose sheets it
holds; this module only forwards to it, so that the writer package below stays free of them.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from annotator.project import Project


def export_project_workbook(
    project: Project,
    target: Path,
    *,
    progress: Callable[[int, int], None] | None = None,
    all_disagreements: bool = False,
) -> None:
    from annotator.workbook import export_project_workbook as export

    export(project, target, progress=progress, all_disagreements=all_disagreements)
