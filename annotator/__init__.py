"""annotator: code Chinese policy articles against a codebook, GUI-free core.

The core (this package and ``annotator.db``) never imports Qt; the desktop window lives in
``annotator.ui`` and drives the same API as the command line.
"""

from annotator.errors import AnnotatorError
from annotator.project import Project

__all__ = ["AnnotatorError", "Project"]
__version__ = "0.1.0"
