"""The REFI-QDA 1.0 XML schemas (MIT, www.qdasoftware.org), shipped as package data."""

from __future__ import annotations

import importlib.resources
from pathlib import Path

PROJECT_XSD = "Project-mrt2019.xsd"
CODEBOOK_XSD = "Codebook-mrt2019.xsd"


def schema_path(name: str) -> Path:
    """The file of a shipped schema: ``PROJECT_XSD`` or ``CODEBOOK_XSD``."""
    path = Path(str(importlib.resources.files(__package__) / name))
    if not path.is_file():
        raise FileNotFoundError(path)
    return path
