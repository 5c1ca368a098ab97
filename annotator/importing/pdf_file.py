"""PDF files with a text layer (scanned PDFs have none and are refused)."""

from __future__ import annotations

import io
import re
from pathlib import Path

from pypdf import PdfReader
from pypdf.errors import DependencyError, FileNotDecryptedError

from annotator.errors import ReadError
from annotator.importing.extracted import ExtractedText, finish
from annotator.importing.pdf_lines import page_lines, paragraphs

_CORRUPT = "corrupt or unreadable PDF"
# Word/WPS export titles like "Microsoft Word - 通知.docx" name the file, not the article.
_EXPORT_TITLE = re.compile(r"^(?:Microsoft Word - |WPS - )|\.(?:docx?|wps|pdf)$", re.IGNORECASE)


def read_pdf_file(path: Path, data: bytes) -> ExtractedText:
    try:
        reader = PdfReader(io.BytesIO(data))
        _open_encrypted(path, reader)
        pages = reader.pages
        page_count = len(pages)
    except ReadError:
        raise
    except Exception:  # noqa: BLE001 - pypdf fails on damaged files with many exception types
        raise ReadError(path, _CORRUPT) from None
    if page_count == 0:
        raise ReadError(path, _CORRUPT)
    lines, failures = [], 0
    for index, page in enumerate(pages):
        try:
            lines.append(page_lines(page, index))
        except Exception:  # noqa: BLE001 - one damaged page should not lose the rest
            failures += 1
    if failures == page_count:
        raise ReadError(path, _CORRUPT)
    title, author = _metadata(reader)
    return finish(
        path, paragraphs(lines), title=title, attributes={"作者": author},
        empty_reason="no text layer (scanned PDF?)",
    )


def _open_encrypted(path: Path, reader: PdfReader) -> None:
    """Open PDFs that are only owner-protected (empty user password); refuse the rest."""
    if not reader.is_encrypted:
        return
    try:
        opened = reader.decrypt("")
    except DependencyError:
        raise ReadError(path, "encrypted PDF needs the 'cryptography' package to open") from None
    except FileNotDecryptedError:
        opened = 0
    if not opened:
        raise ReadError(path, "password-protected PDF")


def _metadata(reader: PdfReader) -> tuple[str, str]:
    try:
        info = reader.metadata
    except Exception:  # noqa: BLE001 - a broken info dictionary is not worth failing over
        return "", ""
    if info is None:
        return "", ""
    title = _EXPORT_TITLE.sub("", str(info.title or "")).strip()
    author = str(info.author or "").strip()
    # Generators that put their own name in every field (reportlab: Author = Creator).
    software = {str(info.creator or "").strip(), str(info.producer or "").strip()} - {""}
    return title, "" if author in software else author
