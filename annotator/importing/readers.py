"""Turn a source file into normalised text, a title and byline attributes.

``read_file`` is the only entry point the importer needs; each format lives in its own
module. Every failure, expected or not, surfaces as ReadError with a one-line reason.
"""

from __future__ import annotations

import stat
from collections.abc import Callable
from pathlib import Path

from annotator.errors import ReadError
from annotator.importing.docx_file import read_docx_file
from annotator.importing.extracted import ExtractedText
from annotator.importing.html_file import read_html_file
from annotator.importing.pdf_file import read_pdf_file
from annotator.importing.text_file import read_text_file
from annotator.limits import MAX_BINARY_FILE_BYTES, MAX_TEXT_FILE_BYTES, MiB, check_file_size

__all__ = ["SUPPORTED_SUFFIXES", "ExtractedText", "read_file"]

SUPPORTED_SUFFIXES = (".txt", ".docx", ".html", ".htm", ".pdf")
_READERS: dict[str, Callable[[Path, bytes], ExtractedText]] = {
    ".txt": read_text_file,
    ".docx": read_docx_file,
    ".html": read_html_file,
    ".htm": read_html_file,
    ".pdf": read_pdf_file,
}
# Read whole into memory, so their size is checked before they are read.
_FILE_LIMITS = {
    ".txt": MAX_TEXT_FILE_BYTES, ".html": MAX_TEXT_FILE_BYTES, ".htm": MAX_TEXT_FILE_BYTES,
    ".docx": MAX_BINARY_FILE_BYTES, ".pdf": MAX_BINARY_FILE_BYTES,
}
_MAX_REASON = 200


def read_file(path: Path) -> ExtractedText:
    """Read ``path`` (dispatching on its lower-cased suffix); raises only ReadError.

    Files past the limits of :mod:`annotator.limits` (size on disk, archive expansion,
    characters of text) are refused with a ReadError naming the limit."""
    path = Path(path)
    reader = _READERS.get(path.suffix.lower())
    if reader is None:
        shown = path.suffix or "(no extension)"
        expected = ", ".join(SUPPORTED_SUFFIXES)
        raise ReadError(path, f"unsupported file type {shown}; expected {expected}")
    limit = _FILE_LIMITS[path.suffix.lower()]
    try:
        check_file_size(path, limit, lambda message: ReadError(path, message))
        if stat.S_ISREG(path.stat().st_mode):
            data = path.read_bytes()
        else:  # a device or a pipe: its size says nothing, so read no further than the limit
            data = _read_at_most(path, limit)
    except OSError as exc:
        raise ReadError(path, f"cannot read file: {exc.strerror or exc}") from exc
    # Whitespace-only files are caught after decoding, when the encoding is known.
    if not data:
        raise ReadError(path, "empty file")
    try:
        return reader(path, data)
    except ReadError:
        raise
    except Exception as exc:  # noqa: BLE001 - callers are promised ReadError and nothing else
        raise ReadError(path, f"unreadable: {_one_line(exc)}") from exc


def _read_at_most(path: Path, limit: int) -> bytes:
    parts, total = [], 0
    with path.open("rb") as fh:
        while chunk := fh.read(1 << 20):
            parts.append(chunk)
            total += len(chunk)
            if total > limit:
                raise ReadError(path, f"file is more than the limit of {limit // MiB} MB; "
                                      "refused")
    return b"".join(parts)


def _one_line(exc: Exception) -> str:
    message = " ".join(str(exc).split()) or type(exc).__name__
    return message if len(message) <= _MAX_REASON else message[: _MAX_REASON - 1] + "…"
