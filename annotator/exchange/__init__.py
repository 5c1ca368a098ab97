"""Exchange with other QDA tools: REFI-QDA projects (.qdpx/.qde) and codebooks (.qdc),
codebooks as Excel sheets, passages as CSV. Core code: no Qt.

Writers stream (lxml ``xmlfile``, openpyxl write-only, ``csv``) and replace their target
only when complete. Readers parse XML through defusedxml, refuse unsafe archives, and
return reports with a typed warning for every item they changed or left out.
"""

from annotator.exchange.codebook_xlsx import export_codebook_xlsx, import_codebook_xlsx
from annotator.exchange.csv_export import export_passages_csv
from annotator.exchange.qdc import import_qdc
from annotator.exchange.qdpx import DEFAULT_LIMITS, Limits
from annotator.exchange.refi_export import ExportSummary, export_qdc, export_qdpx
from annotator.exchange.refi_import import import_project
from annotator.exchange.results import (
    CodebookImportReport,
    CodebookSheetError,
    ExchangeError,
    ExchangeFormatError,
    ExchangeWarning,
    InputLimitError,
    ProjectImportReport,
    UnsafeArchiveError,
    WarningKind,
)
from annotator.exchange.schemas import schema_path

__all__ = [
    "DEFAULT_LIMITS",
    "CodebookImportReport",
    "CodebookSheetError",
    "ExchangeError",
    "ExchangeFormatError",
    "ExchangeWarning",
    "ExportSummary",
    "InputLimitError",
    "Limits",
    "ProjectImportReport",
    "UnsafeArchiveError",
    "WarningKind",
    "export_codebook_xlsx",
    "export_passages_csv",
    "export_qdc",
    "export_qdpx",
    "import_codebook_xlsx",
    "import_project",
    "import_qdc",
    "schema_path",
]
