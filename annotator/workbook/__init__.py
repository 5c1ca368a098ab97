"""The project workbook, assembled above the analyses from one prepared read of the corpus."""

from annotator.workbook.project_workbook import export_project_workbook

__all__ = ["export_project_workbook"]
