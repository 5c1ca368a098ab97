"""What a merge did: counts, and the conflicts a researcher should look at."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum


class ConflictKind(StrEnum):
    """Why a merge could not simply take the other file's version. In every case nothing is
    dropped: the detail says what was kept and what the other side had."""

    CODE_NAME = "code-name"  # renamed differently on both sides (or no record of the copy)
    CODE_PLACE = "code-place"  # moved to different parents
    CODE_DETAILS = "code-details"  # colour, definition, keywords or shortcut differ
    NAME_CLASH = "name-clash"  # a new code's name was taken by another code: added with a suffix
    PARENT_MISSING = "parent-missing"  # a new code's parent is not here: added at top level
    CODE_DELETED_HERE = "code-deleted-here"  # recreated because the other file uses it
    DOCUMENT_DELETED_HERE = "document-deleted-here"  # recreated for the other file's passages
    DELETED_THERE = "deleted-there"  # deleted in the other file, kept here
    MEMO = "memo"  # different memos on the same passage: both texts kept
    ATTRIBUTE = "attribute"  # an attribute changed on both sides: the newer value kept
    TITLE = "document-title"  # a title changed on both sides: ours kept


@dataclass(frozen=True)
class MergeConflict:
    kind: ConflictKind
    item: str  # what it is about, e.g. 'code "区域协同创新 / 机制协同"'
    detail: str  # what was kept and what the other side had


@dataclass
class MergeReport:
    """Counts of what came in, and conflicts. ``added`` and ``changed`` are 0 when merging
    the same file a second time."""

    source: str = ""
    documents_added: int = 0
    codes_added: int = 0
    coders_added: int = 0
    passages_added: int = 0
    attributes_added: int = 0
    words_added: int = 0
    codes_updated: int = 0  # renames, moves and details taken from the other file
    titles_updated: int = 0
    attributes_updated: int = 0
    memos_updated: int = 0
    passages_matched: int = 0  # already here (same id, or same coder, code and span)
    # Deleted here and left deleted (the other file did not need them), by kind.
    kept_deleted: Counter[str] = field(default_factory=Counter)
    conflicts: list[MergeConflict] = field(default_factory=list)
    # Would be conflicts, but the other file still has what our last merge of it saw (they
    # were reported then, or changed here since): ours kept, not listed again.
    conflicts_unchanged: int = 0
    dry_run: bool = False

    @property
    def added(self) -> int:
        return (
            self.documents_added + self.codes_added + self.coders_added + self.passages_added
            + self.attributes_added + self.words_added
        )

    @property
    def changed(self) -> int:
        """Everything the merge wrote: additions and updates."""
        return (
            self.added + self.codes_updated + self.titles_updated + self.attributes_updated
            + self.memos_updated
        )

    def conflict(self, kind: ConflictKind, item: str, detail: str) -> None:
        self.conflicts.append(MergeConflict(kind, item, detail))

    def conflicts_of(self, kind: ConflictKind) -> list[MergeConflict]:
        return [c for c in self.conflicts if c.kind == kind]
