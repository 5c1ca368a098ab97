"""annotator: code Chinese policy articles against a codebook, GUI-free core.

The core (this package and ``annotator.db``) never imports Qt; the desktop window lives in
``annotator.ui`` and drives the same API as the command line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from annotator.errors import AnnotatorError
from annotator.version import __version__

if TYPE_CHECKING:
    from annotator.project import Project

__all__ = ["AnnotatorError", "Project", "__version__"]


def __getattr__(name: str) -> Any:
    # Project is the facade on top of every layer: importing it here eagerly would make
    # any low module that imports the package pull the whole package in.
    if name == "Project":
        from annotator.project import Project

        return Project
    raise AttributeError(f"module 'annotator' has no attribute {name!r}")
