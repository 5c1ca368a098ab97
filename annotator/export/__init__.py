"""Exports of coded passages. Core code: no Qt here.

``write_workbook(path, ExportData(...), progress)`` writes the Excel workbook; the helpers in
``annotator.export.cells`` make any value safe for a spreadsheet cell.
"""

from annotator.export.cells import clean_text, looks_like_formula, safe_sheet_name
from annotator.export.excel import ExportData, write_workbook

__all__ = ["ExportData", "clean_text", "looks_like_formula", "safe_sheet_name", "write_workbook"]
