"""``copy_for_coder``: the copy of a project a second coder codes blind.

Same documents (guids, numbers, texts, attributes), same codebook (guids) and word lists;
no passages, proposals, tombstones, other coders or records of merges, so nothing of the
first coder's work can be seen, not even in the file's free pages (the copy is vacuumed).
The copy remembers its starting state (:mod:`annotator.merge.base`) so that merging it
back can tell which side changed a code name or an attribute.
"""

from __future__ import annotations

import contextlib
import secrets
from dataclasses import dataclass
from pathlib import Path

from annotator.db import coders as coder_repo
from annotator.db import merge_store as store
from annotator.db.faults import cause_of_os_error, check_free_space, project_size
from annotator.db.models import utcnow
from annotator.db.project_files import compact_file, snapshot_file
from annotator.errors import ProjectError, ProjectStorageError
from annotator.merge.base import take_base, write_base
from annotator.merge.seen import SEEN_PREFIX
from annotator.project import Project


@dataclass(frozen=True)
class BlindCopy:
    path: Path
    coder: str
    documents: int
    codes: int


def copy_for_coder(project: Project, target: str | Path, coder: str) -> BlindCopy:
    """Write a blind copy of ``project`` at ``target`` (a new file) for ``coder``. The copy
    is built beside the target and moved into place only when complete."""
    target = Path(target)
    coder = coder.strip()
    if not coder:
        raise ProjectError("the copy needs the name of the coder it is for")
    if target.exists():
        raise ProjectError(f"{target}: file already exists")
    if not target.parent.is_dir():
        raise ProjectError(f"{target}: folder {target.parent} does not exist")
    check_free_space(target, project_size(project.path))
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        snapshot_file(project.path, tmp)
        with Project.open(tmp, coder=coder) as copy, copy.session_scope() as s:
            base = take_base(s, coder=coder, source=project.path.name,
                             copied_at=utcnow().isoformat(timespec="seconds"))
            write_base(s, base)
            keep = coder_repo.get_or_create_coder(s, coder).id
            # passages, proposals, tombstones, other coders, and what this project saw of
            # other coders' files at its merges
            store.strip_for_blind_copy(s, keep, SEEN_PREFIX)
            documents = store.count_documents(s)
            codes = store.count_codes(s)
        # Deleted rows linger in free pages until a VACUUM: blind means not there at all.
        compact_file(tmp)
        wal = Path(f"{tmp}-wal")
        if wal.exists() and wal.stat().st_size:  # the main file alone would be incomplete
            raise ProjectError(f"{target}: the copy could not be completed (open elsewhere?)")
        tmp.replace(target)
    except ProjectStorageError as exc:  # name the copy the user asked for, not its temp file
        if exc.path != tmp:
            raise
        raise ProjectStorageError(target, exc.cause, exc.detail) from exc
    except OSError as exc:
        raise ProjectStorageError(target, cause_of_os_error(exc), exc.strerror or "") from exc
    finally:
        for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
            with contextlib.suppress(OSError):
                leftover.unlink(missing_ok=True)
    return BlindCopy(target, coder, documents, codes)
