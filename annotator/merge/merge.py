"""``merge_project``: bring another coder's copy of a project back into this one.

Documents are matched by content hash, codes and passages by guid, coders by name; nothing
of either side is dropped, and what could not be taken as it is comes back as a conflict in
the report. All of it is one transaction on this project: a failing merge leaves it as it
was. The other file is never written (see :mod:`annotator.merge.other`); what this merge
saw of it is kept here, so that merging it again does not report the same conflicts
(:mod:`annotator.merge.seen`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from annotator.db import merge_store as store
from annotator.db.models import utcnow
from annotator.errors import InvalidOperation
from annotator.merge.base import read_base
from annotator.merge.codes import merge_code_tree
from annotator.merge.documents import merge_coders, merge_documents
from annotator.merge.other import open_other
from annotator.merge.passages import PassageScan, merge_passages
from annotator.merge.report import ConflictKind, MergeReport
from annotator.merge.seen import identity, read_seen, write_seen
from annotator.merge.state import MergeState
from annotator.project import Project


class _DryRun(Exception):
    """Raised at the end of a dry run so that the transaction rolls back."""


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or a.samefile(b)
    except OSError:
        return False


#: What a merge does, in order; ``progress(done, total, step)`` names the step under way.
STEPS = ("coders", "documents", "codes", "passages", "word lists", "deletions", "saving")


def merge_project(
    project: Project, other_path: str | Path, *, dry_run: bool = False,
    progress: Callable[[int, int, str], None] | None = None,
) -> MergeReport:
    """Merge the project file at ``other_path`` into ``project``; returns what happened.

    ``dry_run`` does all the work and reports it, then rolls back. ``progress(done, total,
    step)`` is called before each of the :data:`STEPS` and once at the end. Raises
    :class:`~annotator.errors.SchemaTooNewError` for a file from a newer annotator and
    :class:`~annotator.errors.ProjectError` for a file that is no project."""
    other_path = Path(other_path)
    if _same_file(project.path, other_path):
        raise InvalidOperation(f"{other_path}: is this project itself; nothing to merge")
    report = MergeReport(source=str(other_path), dry_run=dry_run)
    tick = _ticker(progress)
    with open_other(other_path) as other:
        try:
            with other.session_scope() as theirs, project.session_scope() as ours:
                base = read_base(theirs)
                ident = identity(base, other_path)
                st = MergeState(
                    ours=ours, theirs=theirs, report=report, base=base,
                    buried=store.tombstone_guids(ours), seen=read_seen(ours, ident),
                )
                scan = PassageScan(st)
                tick(0)
                merge_coders(st)
                tick(1)
                merge_documents(st)
                tick(2)
                merge_code_tree(st)
                tick(3)
                merge_passages(st, scan)
                tick(4)
                merge_word_lists(st)
                tick(5)
                report_deleted_there(st)
                tick(6)
                write_seen(ours, theirs, ident, merged_at=utcnow().isoformat(timespec="seconds"),
                           deleted_there=st.deleted_there)
                ours.flush()
                if dry_run:
                    raise _DryRun
        except _DryRun:
            pass
    tick(len(STEPS))
    return report


def _ticker(progress: Callable[[int, int, str], None] | None) -> Callable[[int], None]:
    def tick(done: int) -> None:
        if progress is not None:
            progress(done, len(STEPS), STEPS[done] if done < len(STEPS) else "")
    return tick


def merge_word_lists(st: MergeState) -> None:
    """Project terms and stopword edits: the union of both sides."""
    ours = set(store.word_list_pairs(st.ours))
    rows = [
        {"list_name": name, "word": word}
        for name, word in store.word_list_pairs(st.theirs)
        if (name, word) not in ours
    ]
    store.insert_word_list_entries(st.ours, rows)
    st.report.words_added += len(rows)


def report_deleted_there(st: MergeState) -> None:
    """What the other coder deleted and we still have: kept (a merge never deletes), and
    reported unless an earlier merge of this file did so."""
    reported = st.seen.deleted_there if st.seen else frozenset()
    tombs: dict[str, list[tuple[str, str]]] = {"code": [], "document": [], "passage": []}
    for kind, guid, label in store.tombstone_rows(st.theirs):
        if kind in tombs:
            tombs[kind].append((guid, label))
    for kind, items in tombs.items():
        if not items:
            continue
        here = store.existing_guids(st.ours, kind, [g for g, _ in items])
        for guid, label in items:
            if guid not in here:
                continue
            key = f"{kind}:{guid}"
            st.deleted_there.add(key)
            if key in reported:
                st.report.conflicts_unchanged += 1
            else:
                st.report.conflict(ConflictKind.DELETED_THERE, f"{kind} {label}",
                                   "deleted in the other file; kept here")
