"""Import files and folders into a project, a few whole files per transaction, so that an
error, a cancel or Ctrl-C never leaves a half-imported document.

Files are read and segmented before the transaction that stores them
(:mod:`annotator.importing.pipeline`), and written :data:`BATCH_FILES` at a time: one commit
(and one WAL checkpoint, and one FTS5 segment) per batch instead of per file, the write lock
held for a few tens of milliseconds. Should a batch fail, its files are written again one
transaction each, so a full disk or a bad file stops the import exactly where one file per
transaction would have.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.analysis.unit_index import Made, derive_units, save_units
from annotator.db import derived
from annotator.db import documents as doc_repo
from annotator.errors import ProjectStorageError
from annotator.importing.pipeline import Prepared, prepare, prepared_files, workers_for
from annotator.importing.readers import SUPPORTED_SUFFIXES
from annotator.records import FileOutcome, ImportReport
from annotator.search.index import NewDocumentIndexer

#: Files stored per transaction (see the module docstring).
BATCH_FILES = 8

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from annotator.db.models import Document
    from annotator.project import Project
    from annotator.search.index import IndexRow


def derive_new_document(session: Session, doc: Document,
                        indexer: NewDocumentIndexer | None = None,
                        row: IndexRow | None = None, units: list[Made] | None = None) -> None:
    """In the transaction that adds ``doc``: index it and store its units (with ``units``:
    add them there, for the caller to store with :func:`save_units` before it commits), so
    that a document is derived exactly when it is added (an import, or
    Project.add_document)."""
    (indexer or NewDocumentIndexer())(session, doc, row)
    derive_units(session, doc.number, doc.content_hash, doc.numbering or "auto", doc.text,
                 units)


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


def _store(session: Session, path: Path, prepared: Prepared,
           indexer: NewDocumentIndexer | None, units: list[Made] | None = None,
           seen: set[str] | None = None) -> FileOutcome:
    """Add one prepared file in ``session`` (or report it failed or a duplicate).
    ``seen``: the content hashes the project may hold (its documents' when the import
    began, and this import's): a text not among them is not looked up."""
    extracted = prepared.extracted
    if extracted is None:
        return FileOutcome(str(path), "failed", prepared.error)
    twin = None
    if seen is None or prepared.digest in seen:
        twin = doc_repo.find_by_hash(session, prepared.digest)
    if twin is not None:
        return FileOutcome(
            str(path), "duplicate", f"same text as document {twin.number} «{twin.title}»",
            document_id=twin.id, title=twin.title, warnings=tuple(extracted.warnings),
        )
    doc = doc_repo.add_document(
        session,
        title=extracted.title,
        text=extracted.text,
        source_name=path.name,
        attributes=extracted.attributes,
    )
    if seen is not None:
        seen.add(doc.content_hash)
    derive_new_document(session, doc, indexer, prepared.row, units)
    return FileOutcome(
        str(path), "imported", document_id=doc.id, title=doc.title,
        warnings=tuple(extracted.warnings),
    )


def import_one(
    project: Project, path: Path, indexer: NewDocumentIndexer | None = None,
    prepared: Prepared | None = None,
) -> FileOutcome:
    """Import one file in one transaction (``prepared``: the file already read, and maybe
    segmented, by :mod:`annotator.importing.pipeline`)."""
    if prepared is None:
        prepared = prepare(path, None)
    if prepared.extracted is None:
        return FileOutcome(str(path), "failed", prepared.error)
    with project.session_scope() as s:
        return _store(s, path, prepared, indexer)


def _write_batch(project: Project, batch: list[tuple[Path, Prepared]],
                 indexer: NewDocumentIndexer, seen: set[str],
                 outcomes: list[FileOutcome]) -> None:
    """Store ``batch`` in one transaction, appending each file's outcome to ``outcomes``.
    Ctrl-C keeps the files finished before it (written again without the one it stopped);
    any other failure has the batch written again one transaction per file, raising where
    a lone file fails, as if the files had never been batched."""
    if len(batch) > 1:
        reached = 0
        try:
            with project.session_scope() as s:
                units: list[Made] = []
                done = []
                for reached, (path, prepared) in enumerate(batch):  # noqa: B007
                    done.append(_store(s, path, prepared, indexer, units, seen))
                save_units(s, units)
        except KeyboardInterrupt:
            indexer.forget_vocabulary()  # what the batch added is gone
            _write_batch(project, batch[:reached], indexer, seen, outcomes)
            raise
        except Exception:
            indexer.forget_vocabulary()
        else:
            outcomes.extend(done)
            return
    for path, prepared in batch:
        outcomes.append(import_one(project, path, indexer, prepared))


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
    with project.session_scope() as s:
        terms = indexer.start(s)
        known = frozenset(digest for _, digest, _ in derived.document_keys(s).values())
    seen = set(known)
    prepared = prepared_files(files, terms, known, workers_for(len(files)))
    batch: list[tuple[Path, Prepared]] = []
    stopped = False
    try:
        for i, path in enumerate(files):
            if should_cancel is not None and should_cancel():
                report.cancelled = True
                break
            # Read before the progress call: the first read starts the workers, and a
            # terminal's progress bar starts a thread, after which they could not be forked.
            batch.append((path, next(prepared)))
            if progress is not None:
                progress(i, len(files), str(path))
            if len(batch) >= BATCH_FILES:
                stopped = not _flush(project, batch, indexer, seen, report, files[i + 1:])
                batch = []
                if stopped:
                    break
        if batch and not stopped:  # the last files, or those read before a cancel
            _flush(project, batch, indexer, seen, report, [])
    finally:
        prepared.close()  # a cancel or Ctrl-C stops the workers too
    if progress is not None and not report.cancelled:
        progress(len(files), len(files), "")
    return report


def _flush(project: Project, batch: list[tuple[Path, Prepared]], indexer: NewDocumentIndexer,
           seen: set[str], report: ImportReport, after: list[Path]) -> bool:
    """Write ``batch``, its outcomes into ``report``; False when the project stopped taking
    files (then ``batch``'s unwritten files and ``after`` are reported not imported)."""
    written: list[FileOutcome] = []
    try:
        _write_batch(project, batch, indexer, seen, written)
    except ProjectStorageError as exc:
        # A full disk or a lost write lock fails this file and every one after it: the
        # report says so file by file, and what got in before stays in.
        report.outcomes.extend(written)
        report.outcomes.append(FileOutcome(str(batch[len(written)][0]), "failed", str(exc)))
        why = f"not imported (stopped: {exc.cause.replace('-', ' ')})"
        rest = [path for path, _ in batch[len(written) + 1:]] + after
        report.outcomes.extend(FileOutcome(str(path), "failed", why) for path in rest)
        return False
    report.outcomes.extend(written)
    return True
