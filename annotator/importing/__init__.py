"""Importing source files: reading them into text, and storing them with their derived data.

The readers (pypdf, python-docx, lxml …) are imported on first use: modules of this package
that need none of them (derived data, term files) must not pay for them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from annotator.importing.extracted import ExtractedText
    from annotator.importing.normalise import normalise_text
    from annotator.importing.readers import SUPPORTED_SUFFIXES, read_file

__all__ = ["SUPPORTED_SUFFIXES", "ExtractedText", "normalise_text", "read_file"]

_HOMES = {
    "ExtractedText": "annotator.importing.extracted",
    "normalise_text": "annotator.importing.normalise",
    "SUPPORTED_SUFFIXES": "annotator.importing.readers",
    "read_file": "annotator.importing.readers",
}


def __getattr__(name: str) -> Any:
    if name in _HOMES:
        import importlib

        return getattr(importlib.import_module(_HOMES[name]), name)
    raise AttributeError(f"module 'annotator.importing' has no attribute {name!r}")
