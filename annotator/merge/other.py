"""Opening the other coder's file without ever writing to it.

``Project.open`` would migrate an older file in place and its sessions take SQLite's write
lock, so the merge works on a private snapshot: SQLite's online backup from a read-only
connection (consistent even while the other coder still has the file open), opened with
``Project.open`` so that a newer schema is refused and an older one upgraded, in the copy.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from annotator.db.faults import check_free_space, project_size
from annotator.db.project_files import snapshot_file
from annotator.db.schema import check_project_file
from annotator.errors import ProjectError, SchemaTooNewError
from annotator.project import Project


@contextmanager
def open_other(path: str | Path) -> Iterator[Project]:
    """The project at ``path`` as a read-only :class:`Project` on a temporary snapshot."""
    path = Path(path)
    check_project_file(path)
    with tempfile.TemporaryDirectory(prefix="annotator-merge-") as tmp:
        copy = Path(tmp) / "other.annot"
        check_free_space(copy, project_size(path), copies=1)  # before copying, not midway
        snapshot_file(path, copy)
        try:
            other = Project.open(copy, coder="merge")
        except SchemaTooNewError as exc:
            raise SchemaTooNewError(path, exc.found, exc.supported) from None
        except ProjectError as exc:
            raise ProjectError(str(exc).replace(str(copy), str(path))) from None
        try:
            yield other
        finally:
            other.close()
