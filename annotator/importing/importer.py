"""Import files and folders into a project: one transaction per file, so an error, a cancel or
Ctrl-C never leaves a half-imported document."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.analysis.unit_index import derive_units
from annotator.db import derived
from annotator.db import documents as doc_repo
from annotator.errors import ProjectStorageError
from annotator.importing.pipeline import Prepared, prepare, prepared_files, workers_for
from annotator.importing.readers import SUPPORTED_SUFFIXES
from annotator.records import FileOutcome, ImportReport
from annotator.search.index import NewDocumentIndexer

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from annotator.db.models import Document
    from annotator.project import Project
    from annotator.search.index import IndexRow


def derive_new_document(session: Session, doc: Document,
                        indexer: NewDocumentIndexer | None = None,
                        row: IndexRow | None = None) -> None:
    """In the transaction that adds ``doc``: index it and store its units, so that a
    document is derived exactly when it is added (an import, or Project.add_document)."""
    (indexer or NewDocumentIndexer())(session, doc, row)
    derive_units(session, doc.number, doc.content_hash, doc.numbering or "auto", doc.text)


def _wanted(path: Path) -> bool:
    name = path.name
    # Hidden files and Office's "~$name.docx" lock files are never articles.
    return (
        path.suffix.lower() in SUPPORTED_SUFFIXES
        and not name.startswith((".", "~$"))
        and path.is_file()
    )


def collect_files(paths: Iterable[Path], *, follow_links: bool = False,
                  ) -> tuple[list[Path], list[FileOutcome]]:
    """Expand folders recursively (sorted); explicit files of other types fail up front.

    Inside a folder, a link (symlink) to a file or folder outside it is not followed and is
    reported as failed, unless ``follow_links``: importing a folder never reads what
    someone linked into it from elsewhere (``/etc/passwd``) by surprise. A file named
    explicitly is read wherever it points."""
    files: list[Path] = []
    failures: list[FileOutcome] = []
    for path in paths:
        if path.is_dir():
            found, refused = _folder_files(path, follow_links)
            files.extend(found)
            failures.extend(refused)
        elif path.is_file():
            if path.suffix.lower() in SUPPORTED_SUFFIXES:
                files.append(path)
            else:
                supported = ", ".join(SUPPORTED_SUFFIXES)
                failures.append(
                    FileOutcome(str(path), "failed", f"unsupported file type (use {supported})")
                )
        else:
            failures.append(FileOutcome(str(path), "failed", "no such file or folder"))
    return files, failures


_LINK_OUT = "a link to {target}, outside the folder; not followed (--follow-links allows it)"


def _folder_files(root: Path, follow_links: bool) -> tuple[list[Path], list[FileOutcome]]:
    """The importable files under ``root``, sorted, and a failure for each link that
    leaves it (see :func:`collect_files`); linked folders are entered once each."""
    inside = root.resolve()
    files: list[Path] = []
    refused: list[FileOutcome] = []
    entered = {inside}
    for folder, subfolders, names in os.walk(root, followlinks=follow_links):
        here = Path(folder)
        kept = []
        for name in sorted(subfolders):
            sub = here / name
            if sub.is_symlink():
                target = sub.resolve()
                if not follow_links:
                    if not target.is_relative_to(inside):
                        refused.append(FileOutcome(str(sub), "failed",
                                                   _LINK_OUT.format(target=target)))
                    continue  # a link within the folder: its files are found where they are
                if target in entered:
                    continue  # a loop, or a folder already read
                entered.add(target)
            kept.append(name)
        subfolders[:] = kept
        for name in names:
            path = here / name
            if not _wanted(path):
                continue
            if not follow_links and path.is_symlink():
                target = path.resolve()
                if not target.is_relative_to(inside):
                    refused.append(FileOutcome(str(path), "failed",
                                               _LINK_OUT.format(target=target)))
                    continue
            files.append(path)
    return sorted(files, key=str), sorted(refused, key=lambda o: o.path)


def import_one(
    project: Project, path: Path, indexer: NewDocumentIndexer | None = None,
    prepared: Prepared | None = None,
) -> FileOutcome:
    """Import one file in one transaction (``prepared``: the file already read, and maybe
    segmented, by :mod:`annotator.importing.pipeline`)."""
    if prepared is None:
        prepared = prepare(path, None)
    extracted = prepared.extracted
    if extracted is None:
        return FileOutcome(str(path), "failed", prepared.error)
    with project.session_scope() as s:
        twin = doc_repo.find_by_hash(s, prepared.digest)
        if twin is not None:
            return FileOutcome(
                str(path), "duplicate", f"same text as document {twin.number} «{twin.title}»",
                document_id=twin.id, title=twin.title, warnings=tuple(extracted.warnings),
            )
        doc = doc_repo.add_document(
            s,
            title=extracted.title,
            text=extracted.text,
            source_name=path.name,
            attributes=extracted.attributes,
        )
        derive_new_document(s, doc, indexer, prepared.row)
        return FileOutcome(
            str(path), "imported", document_id=doc.id, title=doc.title,
            warnings=tuple(extracted.warnings),
        )


def import_paths(
    project: Project,
    paths: list[Path],
    progress: Callable[[int, int, str], None] | None = None,
    should_cancel: Callable[[], bool] | None = None,
    follow_links: bool = False,
) -> ImportReport:
    files, failures = collect_files(paths, follow_links=follow_links)
    report = ImportReport(outcomes=list(failures))
    indexer = NewDocumentIndexer()  # one segmenter for the whole import
    workers = workers_for(len(files))
    terms: frozenset[str] | None = None
    known: frozenset[str] = frozenset()
    if workers:
        with project.session_scope() as s:
            terms = indexer.start(s)
            known = frozenset(digest for _, digest, _ in derived.document_keys(s).values())
    prepared = prepared_files(files, terms, known, workers)
    try:
        for i, path in enumerate(files):
            if should_cancel is not None and should_cancel():
                report.cancelled = True
                break
            if progress is not None:
                progress(i, len(files), str(path))
            try:
                outcome = import_one(project, path, indexer, next(prepared))
            except ProjectStorageError as exc:
                # A full disk or a lost write lock fails this file and every one after it:
                # the report says so file by file, and what got in before stays in.
                report.outcomes.append(FileOutcome(str(path), "failed", str(exc)))
                stopped = f"not imported (stopped: {exc.cause.replace('-', ' ')})"
                report.outcomes.extend(
                    FileOutcome(str(rest), "failed", stopped) for rest in files[i + 1:])
                break
            report.outcomes.append(outcome)
    finally:
        prepared.close()  # a cancel or Ctrl-C stops the workers too
    if progress is not None and not report.cancelled:
        progress(len(files), len(files), "")
    return report
