"""Create a new project from a REFI-QDA project (.qdpx archive or bare .qde file).

The project is built in a temporary file beside the target, in one transaction with bulk
inserts, and moved into place only when complete: a failed import leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import zipfile
from collections.abc import Iterator
from pathlib import Path

from annotator.db import exchange as bulk
from annotator.errors import ProjectError, ProjectStorageError
from annotator.exchange.import_plan import ImportPlan, Planner
from annotator.exchange.qdpx import DEFAULT_LIMITS, Limits, QdpxArchive
from annotator.exchange.refi_model import RefiProject
from annotator.exchange.refi_read import read_refi
from annotator.exchange.results import ExchangeFormatError, ProjectImportReport, Warnings
from annotator.exchange.sources import TextLoader


@contextlib.contextmanager
def open_refi(
    source: Path, warnings: Warnings, limits: Limits = DEFAULT_LIMITS
) -> Iterator[tuple[str, RefiProject, TextLoader]]:
    """Parse a .qdpx/.qde/.qdc file: (root element name, model, loader for source texts).
    The archive stays open inside the ``with`` block so that texts can be read."""
    source = Path(source)
    if not source.is_file():
        raise ExchangeFormatError(f"{source}: no such file")
    if zipfile.is_zipfile(source):
        with QdpxArchive(source, limits) as archive:
            entry = archive.project_entry()
            try:
                with archive.open(entry) as stream:
                    root, model = read_refi(stream, warnings, what=f"{source}: {entry}",
                                            limits=limits)
            except (zipfile.BadZipFile, EOFError) as exc:
                raise ExchangeFormatError(f"{source}: {entry} is damaged: {exc}") from exc
            yield root, model, TextLoader(archive, source, model.base_path, limits)
        return
    if source.stat().st_size > limits.max_entry_bytes:
        raise ExchangeFormatError(
            f"{source}: larger than the limit of {limits.max_entry_bytes} bytes; refused"
        )
    with source.open("rb") as stream:
        root, model = read_refi(stream, warnings, what=str(source), limits=limits)
    yield root, model, TextLoader(None, source, model.base_path, limits)


def import_project(
    source: str | Path, target: str | Path, *, limits: Limits = DEFAULT_LIMITS
) -> ProjectImportReport:
    """Create ``target`` (a new .annot file) from ``source``; refuses an existing target.

    Returns a report with counts and a warning for every item left out or changed (missing
    source files, selections past the end of their text, pictures, sets…). Raises
    ``ExchangeFormatError`` for a file that cannot be read at all (not REFI-QDA, broken or
    hostile XML, an unsafe archive), ``ProjectError`` for a target that cannot be made.
    """
    source, target = Path(source), Path(target)
    if target.exists():
        raise ProjectError(f"{target}: file already exists")
    if not target.parent.is_dir():
        raise ProjectError(f"{target}: folder {target.parent} does not exist")
    report = ProjectImportReport(source=source, target=target)
    with open_refi(source, report.warnings, limits) as (root, model, loader):
        if root != "Project":
            raise ExchangeFormatError(
                f"{source}: is a codebook, not a project; use `annotator codebook import`"
            )
        report.origin = model.origin
        plan = Planner(model, loader, report.warnings).run()
    _write_project(plan, target)
    report.documents = len(plan.documents)
    report.codes = len(plan.codes)
    report.coders = len(plan.coders)
    report.passages = len(plan.passages)
    report.memos = sum(1 for p in plan.passages if p["memo"])
    report.attribute_values = len(plan.attributes)
    return report


def _write_project(plan: ImportPlan, target: Path) -> None:
    from annotator.project import Project

    temp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.importing")
    project = None
    try:
        project = Project.create(temp)
        with project.session_scope() as s:
            bulk.insert_coders(s, plan.coders)
            bulk.insert_codes(s, plan.codes)
            bulk.insert_documents(s, plan.documents, plan.attributes)
            bulk.insert_passages(s, plan.passages)
        project.close()  # the last connection checkpoints the WAL into the file
        project = None
        if target.exists():
            raise ProjectError(f"{target}: file already exists")
        os.replace(temp, target)
    except BaseException as exc:
        if project is not None:
            project.close()
        for leftover in (temp, Path(f"{temp}-wal"), Path(f"{temp}-shm")):
            with contextlib.suppress(OSError):
                leftover.unlink()
        if isinstance(exc, ProjectStorageError):  # name the file asked for, not its temp
            raise ProjectStorageError(target, exc.cause, exc.detail) from exc
        raise
