"""Read and segment the files of a large import in worker processes, ahead of the writer.

Segmenting is nearly all of an import's work (jieba, pure Python, holds the GIL), and it
needs nothing from the project but its term list. So for an import of many files,
:func:`prepared_files` has a small pool of processes read each file, normalise it and
segment it for the search index (:func:`annotator.search.index.segment_document`), while
the importing process writes the documents, index rows and units, a few files per
transaction, in file order. Small imports (the pool's start-up would cost more than it
saves), a machine with one core, or a pool that cannot start, read and segment in the
importing process, exactly as the workers would — always before the writer's transaction,
so that the write lock is never held while jieba runs.

Workers are forked where that is safe (Linux, a process with one thread: the command line):
a forked worker has annotator's modules and jieba's dictionary from the importing process,
which loads them once, as a lone process would; a spawned one would import and load them all
again, about a second of CPU. Elsewhere (the window's import thread, other systems) they are
spawned, and only under annotator's own entry points (see :func:`spawn_is_safe`).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import sys
import threading
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from annotator.db.documents import content_hash
from annotator.errors import ReadError
from annotator.importing.extracted import ExtractedText
from annotator.search.index import IndexRow, folded_segmenter, segment_document

log = logging.getLogger(__name__)

#: Fewer files than this are read in the importing process.
MIN_FILES_FOR_WORKERS = 24
#: Files handed out ahead of the writer (bounds memory: a few texts per worker).
_AHEAD_PER_WORKER = 4


@dataclass(frozen=True)
class Prepared:
    """One file read (or its read error) and, when read, segmented with ``terms``."""

    path: Path
    extracted: ExtractedText | None
    error: str = ""
    digest: str = ""
    row: IndexRow | None = None  # document_id 0: the writer gives the id


_terms: frozenset[str] = frozenset()
_known: frozenset[str] = frozenset()


def _start_worker(terms: frozenset[str], known: frozenset[str]) -> None:
    global _terms, _known
    _terms, _known = terms, known
    folded_segmenter(terms).load()  # jieba's dictionary, once per worker


def prepare(path: Path, terms: frozenset[str] | None,
            known: frozenset[str] = frozenset()) -> Prepared:
    """Read ``path`` and, with ``terms`` given, segment it for the index — unless its text
    is one of ``known`` (content hashes of the project's documents: a duplicate)."""
    from annotator.importing.readers import read_file  # the readers load on first use

    try:
        extracted = read_file(path)
    except ReadError as exc:
        return Prepared(path, None, exc.reason)
    digest = content_hash(extracted.text)
    row = None
    if terms is not None and digest not in known:
        row = segment_document(folded_segmenter(terms), 0, digest, extracted.text)
    return Prepared(path, extracted, digest=digest, row=row)


def _prepare_in_worker(path: Path) -> Prepared:
    return prepare(path, _terms, _known)


def spawn_is_safe() -> bool:
    """Whether worker processes may be started: a spawned process imports the program's
    main module again, which only annotator's own entry points (``annotator``, ``python -m
    annotator``) are known to guard; a user's script calling the API, or a frozen build,
    imports in one process."""
    if getattr(sys, "frozen", False):
        return False
    main = sys.modules.get("__main__")
    spec = getattr(main, "__spec__", None)
    if spec is not None:
        return spec.name in ("annotator", "annotator.__main__")
    path = getattr(main, "__file__", None)
    return path is not None and Path(path).stem.lower() in ("annotator", "annotator-script")


def start_method() -> str | None:
    """How worker processes are started here: "fork" on Linux in a process with one Python
    thread and no Qt (no lock another thread holds can be copied into the worker: Qt's
    threads, a QThread running Python, are not in ``threading``'s count), else "spawn" where
    a spawned process may import the main module again; None: no workers."""
    if getattr(sys, "frozen", False):
        return None
    if (sys.platform.startswith("linux") and threading.active_count() == 1
            and "PySide6.QtCore" not in sys.modules
            and "fork" in multiprocessing.get_all_start_methods()):
        return "fork"
    return "spawn" if spawn_is_safe() else None


def workers_for(files: int) -> int:
    """Worker processes for an import of ``files`` files: none for a few files, on one
    core or where processes cannot safely be started; else one per core but one (the
    writer's), at most four."""
    cores = os.cpu_count() or 1
    if files < MIN_FILES_FOR_WORKERS or cores < 2 or start_method() is None:
        return 0
    wanted = os.environ.get("ANNOTATOR_IMPORT_WORKERS", "")  # "0": one process (benchmarks)
    if wanted.isdigit():
        return min(int(wanted), cores)
    return max(1, min(cores - 1, 4))


def prepared_files(
    files: Sequence[Path], terms: frozenset[str] | None, known: frozenset[str], workers: int
) -> Iterator[Prepared]:
    """Each file prepared, in order: read and, with ``terms``, segmented (unless a duplicate
    of ``known``). With ``workers`` > 0 that is done in that many processes, a few files
    ahead of the caller; closing the iterator (a cancelled or interrupted import) stops the
    workers. Without workers, or without ``terms``, in this process as the caller asks."""
    method = start_method() if workers > 0 and terms is not None else None
    if method is None:
        for path in files:
            yield prepare(path, terms, known)
        return
    if method == "fork":
        _start_worker(terms, known)  # loaded here once; the forked workers inherit it
    try:
        pool = ProcessPoolExecutor(workers, multiprocessing.get_context(method),
                                   initializer=_start_worker, initargs=(terms, known))
    except (OSError, ValueError, NotImplementedError) as exc:
        log.info("import in one process: %s", exc)
        yield from prepared_files(files, terms, known, 0)
        return
    ahead = workers * _AHEAD_PER_WORKER
    pending: list[tuple[Path, Future[Prepared] | None]] = []
    broken = False
    try:
        for i, path in enumerate(files):
            future = None
            if not broken:
                try:
                    future = pool.submit(_prepare_in_worker, path)
                except (BrokenProcessPool, RuntimeError):  # a worker died: go on here
                    log.warning("import workers stopped; reading in this process")
                    broken = True
            pending.append((path, future))
            if i + 1 < ahead:
                continue
            yield _result(*pending.pop(0), terms, known)
        while pending:
            yield _result(*pending.pop(0), terms, known)
    finally:
        for _, left in pending:
            if left is not None:
                left.cancel()
        pool.shutdown(wait=True, cancel_futures=True)


def _result(path: Path, future: Future[Prepared] | None, terms: frozenset[str],
            known: frozenset[str]) -> Prepared:
    if future is None:
        return prepare(path, terms, known)
    try:
        return future.result()
    except Exception:  # a worker gone (killed, out of memory): this file in-process
        log.warning("worker failed on %s; read here", path, exc_info=True)
        return prepare(path, terms, known)
