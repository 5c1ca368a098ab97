"""Plain-text files (.txt) in whatever encoding the user's editor or browser saved."""

from __future__ import annotations

from pathlib import Path

from annotator.errors import ReadError
from annotator.importing.encoding import NotTextError, decode
from annotator.importing.extracted import ExtractedText, finish

# Files renamed to .txt: an uncompressed PDF is mostly ASCII and decodes.
_BINARY_SIGNATURES = (
    b"%PDF-", b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"\x89PNG", b"\xff\xd8\xff", b"GIF8",
    b"Rar!", b"\x1f\x8b",
)
_BINARY = "not a text file (binary content)"


def read_text_file(path: Path, data: bytes) -> ExtractedText:
    if data.startswith(_BINARY_SIGNATURES):
        raise ReadError(path, _BINARY)
    try:
        decoded = decode(data)
    except NotTextError:
        raise ReadError(path, _BINARY) from None
    warnings = [decoded.warning] if decoded.warning else []
    return finish(path, decoded.text, empty_reason="empty file", warnings=warnings)
