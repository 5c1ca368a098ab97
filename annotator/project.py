"""The one Python API over a project file, used alike by the window, the CLI and scripts.

Every public method is one user action and one transaction: it commits before it returns or
leaves the file exactly as it was.
"""

from __future__ import annotations

import contextlib
import getpass
import shutil
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.db import coders as coder_repo
from annotator.db import codes as code_repo
from annotator.db import documents as doc_repo
from annotator.db import passages as passage_repo
from annotator.db.engine import make_engine, make_session_factory, transaction
from annotator.db.faults import is_database_error, project_error
from annotator.db.location import Place, place_of
from annotator.db.opening import open_engine
from annotator.db.read_only import read_only_reason
from annotator.db.schema import (
    SCHEMA_VERSION,
    check_project_file,
    create_schema,
)
from annotator.db.snapshots import TreeSnapshot, restore_snapshot, take_snapshot
from annotator.errors import (
    ConfirmationRequired,
    ExportError,
    ProjectError,
    ReadOnlyProjectError,
)
from annotator.project_lock import WindowClaim
from annotator.records import (
    ChangeLog,
    Changes,
    CodeInfo,
    CoderInfo,
    DocumentInfo,
    ImportReport,
    PassageInfo,
    ProjectStats,
)

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

    from annotator.db.watch import ChangeWatcher

ProgressCallback = Callable[[int, int, str], None]


def default_coder_name() -> str:
    try:
        return getpass.getuser() or "coder"
    except Exception:  # no login name in some containers and services
        return "coder"


class Project:
    """An open project file. Use :meth:`create` or :meth:`open`; close when done."""

    def __init__(self, path: Path, engine: Engine, coder: str | None = None, *,
                 read_only: str | None = None) -> None:
        self.path = path
        # Why the project is open read-only ("the disk is read-only", "open in another
        # annotator window (…)"), or None: every change then raises ReadOnlyProjectError.
        self.read_only = read_only
        self._claim: WindowClaim | None = None
        self._watcher: ChangeWatcher | None = None
        self._copy_folder: Path | None = None
        self._engine = engine
        self._factory: sessionmaker[Session] = make_session_factory(engine)
        self.migration_backup: Path | None = None
        # A network or cloud-synced folder: the window and CLI warn (annotator.db.location).
        self.place: Place = place_of(path)
        # The coder row is created on first use, so that reading a project never writes.
        self._coder_name = coder or default_coder_name()
        self._coder: CoderInfo | None = None
        # The change logs open in each thread (collect_changes): a worker's import never
        # lands in the window's log.
        self._logs = threading.local()

    # -- opening and closing -------------------------------------------------------------
    @classmethod
    def create(
        cls, path: str | Path, *, codebook: str | Path | None = None, coder: str | None = None,
        window: bool = False,
    ) -> Project:
        """A new, empty project file; refuses to overwrite an existing file. ``window``: take
        the window's claim on it, as :meth:`open` does."""
        path = Path(path)
        if path.exists():
            raise ProjectError.of("{path}: file already exists", path=path)
        if not path.parent.is_dir():
            raise ProjectError.of("{path}: folder {folder} does not exist", path=path,
                                  folder=path.parent)
        engine = make_engine(path)
        try:
            try:
                create_schema(engine)
            except Exception as exc:  # a full or read-only disk: say so, naming the file
                raise project_error(exc, path) if is_database_error(exc) else exc from exc
            project = cls(path, engine, coder)
            if codebook is not None:
                project.import_codebook(codebook)
        except BaseException:
            engine.dispose()
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                with contextlib.suppress(OSError):
                    leftover.unlink(missing_ok=True)
            raise
        if window:
            taken = WindowClaim.take(path)
            project._claim = taken if isinstance(taken, WindowClaim) else None
        return project

    @classmethod
    def open(cls, path: str | Path, *, coder: str | None = None, read_only: bool = False,
             window: bool = False) -> Project:
        """Open an existing project; migrates an older schema after writing a backup beside
        it and refuses a newer one with :class:`SchemaTooNewError`.

        A project that cannot be written (a read-only file, folder or disk) opens read-only,
        as it does with ``read_only``: reading and exporting work, every change raises
        :class:`~annotator.errors.ReadOnlyProjectError`; :attr:`read_only` says why.
        ``window``: the desktop window's claim on the file (:mod:`annotator.project_lock`);
        when another window holds it, this one opens read-only."""
        path = Path(path)
        check_project_file(path)
        reason = "opened read-only" if read_only else read_only_reason(path)
        claim: WindowClaim | None = None
        if window and reason is None:
            taken = WindowClaim.take(path)
            if isinstance(taken, str):
                reason = f"open in another annotator window: {taken}"
            else:
                claim = taken
        try:
            opened = open_engine(path, reason)
            project = cls(path, opened.engine, coder, read_only=opened.read_only)
            project._copy_folder = opened.copy_folder
        except BaseException:
            if claim is not None:
                claim.release()
            raise
        project._claim = claim
        project.migration_backup = opened.backup
        return project

    def close(self) -> None:
        if self._watcher is not None:
            self._watcher.close()
        self._engine.dispose()
        if self._copy_folder is not None:  # an older read-only project's upgraded copy
            shutil.rmtree(self._copy_folder, ignore_errors=True)
            self._copy_folder = None
        if self._claim is not None:
            self._claim.release()
            self._claim = None

    def changed_elsewhere(self) -> bool:
        """True when someone else (a command, a script, another window) has committed a
        change to the file since the last call; the window then re-reads what it shows.
        The first call starts watching and answers False."""
        if self._watcher is None:
            from annotator.db.watch import ChangeWatcher

            self._watcher = ChangeWatcher(self.path, self._engine)
            return False
        return self._watcher.changed_elsewhere()

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def session_scope(self) -> AbstractContextManager[Session]:
        """One transaction; for core modules (importer, exporters) that compose repo calls."""
        return transaction(self._factory, self.path, self.read_only)

    # -- what changed --------------------------------------------------------------------
    @contextmanager
    def collect_changes(self) -> Iterator[ChangeLog]:
        """What the mutating calls made in this thread inside the block changed, by id::

            with project.collect_changes() as log:
                project.apply_code(doc_id, code_id, 0, 12)
            log.changes.added  # (PassageInfo,)

        The methods keep their return values; the window's views update from the log.
        Calls that write through :meth:`session_scope` directly are not logged."""
        log = ChangeLog()
        stack: list[ChangeLog] = self._logs.__dict__.setdefault("stack", [])
        stack.append(log)
        try:
            yield log
        finally:
            stack.remove(log)

    def _changed(self, changes: Changes) -> None:
        for log in self._logs.__dict__.get("stack", ()):
            log.add(changes)

    # -- coders --------------------------------------------------------------------------
    def _ensure_coder(self, name: str) -> CoderInfo:
        if self.read_only:  # nothing can be stored: the coder as listed, or a name only
            known = next((c for c in self.coders() if c.name == name.strip()), None)
            return known or CoderInfo(id=0, guid="", name=name.strip())
        with self.session_scope() as s:
            return coder_repo.to_info(coder_repo.get_or_create_coder(s, name))

    @property
    def coder(self) -> CoderInfo:
        """The coder whose name new passages carry."""
        if self._coder is None:
            self._coder = self._ensure_coder(self._coder_name)
        return self._coder

    def set_coder(self, name: str) -> CoderInfo:
        self._coder_name = name
        self._coder = self._ensure_coder(name)
        return self._coder

    def coders(self) -> list[CoderInfo]:
        with self.session_scope() as s:
            return coder_repo.list_coders(s)

    # -- documents -----------------------------------------------------------------------
    def import_files(
        self,
        paths: Iterable[str | Path],
        *,
        progress: ProgressCallback | None = None,
        should_cancel: Callable[[], bool] | None = None,
        follow_links: bool = False,
    ) -> ImportReport:
        """Import files and folders (recursively); each file is its own transaction.
        Links inside a folder that point out of it are reported, not followed, unless
        ``follow_links``."""
        from annotator.importing.importer import import_paths

        if self.read_only:
            raise ReadOnlyProjectError(self.path, self.read_only)
        try:
            return import_paths(self, [Path(p) for p in paths], progress, should_cancel,
                                follow_links=follow_links)
        finally:  # a cancelled or failed import may still have added some
            self._changed(Changes(documents_reread=True))

    def add_document(
        self,
        title: str,
        text: str,
        *,
        source_name: str = "",
        attributes: Mapping[str, str] | None = None,
    ) -> DocumentInfo:
        """Add a document from a string (normalised as imports are). If the same text is
        already in the project, that document is returned and nothing is added."""
        from annotator.importing.normalise import normalise_text

        text = normalise_text(text)
        with self.session_scope() as s:
            doc = doc_repo.find_by_hash(s, doc_repo.content_hash(text))
            if doc is None:
                doc = doc_repo.add_document(
                    s, title=title, text=text, source_name=source_name, attributes=attributes
                )
                from annotator.importing.importer import derive_new_document

                derive_new_document(s, doc)
                self._changed(Changes(documents_reread=True))
            return doc_repo.to_info(doc, doc_repo.passage_count_of(s, doc.id))

    def documents(self) -> list[DocumentInfo]:
        with self.session_scope() as s:
            return doc_repo.list_documents(s)

    def document(self, document_id: int) -> DocumentInfo:
        with self.session_scope() as s:
            doc = doc_repo.get_document(s, document_id)
            return doc_repo.to_info(doc, doc_repo.passage_count_of(s, doc.id))

    def passage_counts(self, document_ids: Iterable[int] | None = None) -> dict[int, int]:
        """Passages per document (of these documents; default all), documents without
        passages left out."""
        with self.session_scope() as s:
            return doc_repo.passage_counts_by_document(
                s, None if document_ids is None else list(document_ids))

    def document_text(self, document_id: int) -> str:
        with self.session_scope() as s:
            return doc_repo.get_document(s, document_id).text

    def set_attributes(
        self, document_id: int, values: Mapping[str, str | None], *, replace: bool = False
    ) -> None:
        with self.session_scope() as s:
            doc_repo.set_attributes(s, document_id, values, replace=replace)
        self._changed(Changes(documents_edited=frozenset({document_id})))

    def set_document_title(self, document_id: int, title: str) -> None:
        with self.session_scope() as s:
            doc_repo.set_title(s, document_id, title)
        self._changed(Changes(documents_edited=frozenset({document_id})))

    def update_document(
        self,
        document_id: int,
        *,
        title: str | None = None,
        attributes: Mapping[str, str | None] | None = None,
        replace: bool = False,
    ) -> None:
        """Title and attributes in one transaction (the attribute form's Save)."""
        with self.session_scope() as s:
            if title is not None:
                doc_repo.set_title(s, document_id, title)
            if attributes is not None:
                doc_repo.set_attributes(s, document_id, attributes, replace=replace)
        self._changed(Changes(documents_edited=frozenset({document_id})))

    def set_numbering(self, document_id: int, numbering: str) -> str:
        """Choose how a document's units are numbered ("auto", "statute", "outline" or
        "paragraphs"; see :mod:`annotator.chinese.structure`). Passages keep their offsets;
        only the numbers of the units around them change. Returns the previous choice."""
        with self.session_scope() as s:
            previous = doc_repo.set_numbering(s, document_id, numbering)
        self._changed(Changes(documents_edited=frozenset({document_id})))
        return previous

    def numbering(self, document_id: int) -> tuple[str, str]:
        """(the document's choice, the numbering its units get): "auto" comes with the
        numbering detected from the text."""
        from annotator.chinese.structure import AUTO, NUMBERINGS, detect_numbering

        with self.session_scope() as s:
            doc = doc_repo.get_document(s, document_id)
            chosen, text = doc.numbering, doc.text
        if chosen != AUTO and chosen in NUMBERINGS:
            return chosen, chosen
        return chosen, detect_numbering(text)

    def numbering_detected(self, document_id: int) -> str:
        """The numbering that fits the document's text, whatever was chosen."""
        from annotator.chinese.structure import detect_numbering

        return detect_numbering(self.document_text(document_id))

    def delete_document(self, document_id: int, *, confirm: bool = False) -> int:
        """Delete a document; with passages it needs ``confirm``. Returns passages removed."""
        with self.session_scope() as s:
            doc_repo.get_document(s, document_id)
            count = doc_repo.passage_count_of(s, document_id)
            if count and not confirm:
                raise ConfirmationRequired(
                    f"deleting this document removes {count} coded passage(s)", count
                )
            doc_repo.delete_document(s, document_id)
        self._changed(Changes(documents_reread=True,
                              passages_reread=frozenset({document_id}) if count else frozenset()))
        return count

    # -- codes ---------------------------------------------------------------------------
    def codes(self, *, counts: bool = True) -> list[CodeInfo]:
        """All codes in tree order with their own passage counts (``counts=False``: all 0,
        without counting the project's passages)."""
        with self.session_scope() as s:
            return code_repo.list_codes(s, counts=counts)

    def code(self, code_id: int) -> CodeInfo:
        """One code with its path and passage count (raises NotFoundError)."""
        with self.session_scope() as s:
            return code_repo.code_info(s, code_id)

    def find_code(self, path: str | Sequence[str]) -> CodeInfo | None:
        """A code by its path ("A / B", "A/B" or a sequence of names), or None."""
        if isinstance(path, str):
            parts = tuple(p.strip() for p in path.replace(" / ", "/").split("/") if p.strip())
        else:
            parts = tuple(path)
        for info in self.codes():
            if info.path == parts:
                return info
        return None

    def add_code(
        self,
        name: str,
        *,
        parent_id: int | None = None,
        colour: str | None = None,
        definition: str = "",
        keywords: Sequence[str] = (),
        shortcut: str | None = None,
        position: int | None = None,
    ) -> CodeInfo:
        with self.session_scope() as s:
            code = code_repo.add_code(
                s,
                name,
                parent_id=parent_id,
                colour=colour,
                definition=definition,
                keywords=keywords,
                shortcut=shortcut,
                position=position,
            )
            new_id = code.id
        self._changed(Changes(codes_reread=True))
        return self.code(new_id)

    def update_code(
        self,
        code_id: int,
        *,
        name: str | None = None,
        colour: str | None = None,
        definition: str | None = None,
        keywords: Sequence[str] | None = None,
        shortcut: str | None | bool = False,
    ) -> CodeInfo:
        """Change the named fields. ``shortcut=None`` clears the shortcut."""
        with self.session_scope() as s:
            code_repo.update_code(
                s,
                code_id,
                name=name,
                colour=colour,
                definition=definition,
                keywords=keywords,
                shortcut=shortcut,
            )
        self._changed(Changes(codes_edited=frozenset({code_id})))
        return self.code(code_id)

    def rename_code(self, code_id: int, name: str) -> CodeInfo:
        return self.update_code(code_id, name=name)

    def recolour_code(self, code_id: int, colour: str) -> CodeInfo:
        return self.update_code(code_id, colour=colour)

    def move_code(
        self, code_id: int, new_parent_id: int | None, position: int | None = None
    ) -> CodeInfo:
        """Move under another parent (None: top level), at ``position`` among its children."""
        with self.session_scope() as s:
            code_repo.move_code(s, code_id, new_parent_id, position)
        self._changed(Changes(codes_reread=True))
        return self.code(code_id)

    def merge_codes(self, source_id: int, target_id: int) -> TreeSnapshot:
        """Fold ``source`` into ``target`` (passages and sub-codes move, then source goes).
        Returns a snapshot of both subtrees as they were, for :meth:`restore`."""
        with self.session_scope() as s:
            snap = take_snapshot(s, [source_id, target_id])
            code_repo.merge_codes(s, source_id, target_id)
        self._changed(Changes(codes_reread=True, passages_reread=None))
        return snap

    def delete_code(
        self, code_id: int, *, confirm: bool = False, undoing_creation: bool = False
    ) -> TreeSnapshot:
        """Delete a code with its sub-codes. If any passages go with it, raises
        :class:`ConfirmationRequired` (with the count) unless ``confirm`` is true.
        Returns a snapshot for :meth:`restore`. ``undoing_creation``: this undoes adding the
        code, so no tombstone is kept (see :meth:`remove_passage`)."""
        with self.session_scope() as s:
            count = code_repo.passage_count(s, code_repo.subtree_ids(s, code_id))
            if count and not confirm:
                raise ConfirmationRequired(
                    f"deleting this code removes {count} coded passage(s)", count
                )
            snap = take_snapshot(s, [code_id])
            code_repo.delete_code(s, code_id, bury=not undoing_creation)
        self._changed(Changes(codes_reread=True,
                              passages_reread=None if count else frozenset()))
        return snap

    def restore(self, snapshot: TreeSnapshot) -> None:
        """Undo a delete or merge: put the codes and passages back with their old ids."""
        with self.session_scope() as s:
            restore_snapshot(s, snapshot)
        self._changed(Changes(codes_reread=True, passages_reread=None))

    def subtree_ids(self, code_id: int) -> list[int]:
        with self.session_scope() as s:
            return code_repo.subtree_ids(s, code_id)

    # -- passages ------------------------------------------------------------------------
    def apply_code(
        self, document_id: int, code_id: int, start: int, end: int, *, memo: str = ""
    ) -> PassageInfo:
        """Code [start, end) (code points) of a document for the current coder. Applying
        the same code to the same span again returns the existing passage."""
        return self.code_span(document_id, code_id, start, end, memo=memo)[0]

    def code_span(
        self, document_id: int, code_id: int, start: int, end: int, *, memo: str = ""
    ) -> tuple[PassageInfo, bool]:
        """As :meth:`apply_code`, also telling whether a new passage was stored."""
        with self.session_scope() as s:
            passage, created = passage_repo.apply_code(
                s,
                document_id=document_id,
                code_id=code_id,
                coder_id=self.coder.id,
                start=start,
                end=end,
                memo=memo,
            )
            info = passage_repo.passage_info(s, passage.id)
        if created:
            self._changed(Changes(added=(info,)))
        return info, created

    def remove_passage(self, passage_id: int, *, undoing_creation: bool = False) -> PassageInfo:
        """Remove a coded passage; returns it as it was (for undo).

        A removal is remembered (a tombstone) so that merging a file that still has the
        passage does not bring it back. ``undoing_creation`` says this removal undoes the
        coding that made the passage: then nothing is remembered, as for a step never taken."""
        with self.session_scope() as s:
            info = passage_repo.passage_info(s, passage_id)
            passage_repo.remove_passage(s, passage_id, bury=not undoing_creation)
        self._changed(Changes(removed=(info,)))
        return info

    def restore_passage(self, info: PassageInfo) -> PassageInfo:
        """Put a removed passage back with its id, coder, memo and time."""
        from annotator.db.models import Passage

        with self.session_scope() as s:
            s.add(
                Passage(
                    id=info.id,
                    guid=info.guid,
                    document_id=info.document_id,
                    code_id=info.code_id,
                    coder_id=info.coder_id,
                    start=info.start,
                    end=info.end,
                    memo=info.memo,
                    created_at=info.created_at,
                    origin=info.origin,
                )
            )
            s.flush()
            passage_repo.forget_tombstones(s, "passage", [info.guid])
            restored = passage_repo.passage_info(s, info.id)
        self._changed(Changes(added=(restored,)))
        return restored

    def set_memo(self, passage_id: int, memo: str) -> None:
        with self.session_scope() as s:
            passage_repo.set_memo(s, passage_id, memo)
            edited = passage_repo.passage_info(s, passage_id)
        self._changed(Changes(edited=(edited,)))

    def passage(self, passage_id: int) -> PassageInfo:
        with self.session_scope() as s:
            return passage_repo.passage_info(s, passage_id)

    def passages(
        self,
        *,
        code_id: int | None = None,
        document_id: int | None = None,
        include_subcodes: bool = False,
        coder_ids: Sequence[int] | None = None,
    ) -> list[PassageInfo]:
        """Passages, optionally of one code (and its sub-codes), one document and/or some
        coders."""
        with self.session_scope() as s:
            code_ids = None
            if code_id is not None:
                code_ids = code_repo.subtree_ids(s, code_id) if include_subcodes else [code_id]
            return list(
                passage_repo.iter_passages(
                    s, code_ids=code_ids, document_id=document_id, coder_ids=coder_ids
                )
            )

    def iter_all_passages(
        self, *, coder_ids: Sequence[int] | None = None
    ) -> Iterator[PassageInfo]:
        """Every passage (of some coders), streamed in document order (for exports of any
        size)."""
        with self.session_scope() as s:
            yield from passage_repo.iter_passages(s, coder_ids=coder_ids)

    # -- codebook files and exports --------------------------------------------------------
    def import_codebook(self, source: str | Path) -> tuple[int, int]:
        """Merge a codebook file (or a shipped name) by code path; never deletes.
        Returns (codes added, codes updated)."""
        from annotator.codebook_sync import merge_codebook_file

        result = merge_codebook_file(self, source)
        self._changed(Changes(codes_reread=True))
        return result

    def export_codebook(self, target: str | Path) -> None:
        from annotator.codebook_sync import write_codebook_file
        from annotator.export.atomic import describe_os_error

        target = Path(target)
        try:
            write_codebook_file(self, target)
        except OSError as exc:  # a full disk, a read-only folder: the file is left as it was
            raise ExportError(
                f"{target}: cannot write the codebook: {describe_os_error(exc, target)}"
            ) from exc

    def export_excel(
        self,
        target: str | Path,
        *,
        progress: Callable[[int, int], None] | None = None,
        all_disagreements: bool = False,
    ) -> None:
        """The project workbook; 分歧 lists the first 10,000 disagreements unless
        ``all_disagreements``."""
        from annotator.workbook import export_project_workbook

        export_project_workbook(self, Path(target), progress=progress,
                                all_disagreements=all_disagreements)

    def stats(self) -> ProjectStats:
        from annotator.db.stats import count_rows

        with self.session_scope() as s:
            return ProjectStats(**count_rows(s), schema_version=SCHEMA_VERSION)
