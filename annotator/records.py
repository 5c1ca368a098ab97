"""Plain, immutable records the core hands out. Callers (CLI, widgets) never see ORM objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class CoderInfo:
    id: int
    guid: str
    name: str


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    guid: str
    number: int
    title: str
    source_name: str
    content_hash: str
    imported_at: datetime
    length: int
    attributes: dict[str, str] = field(default_factory=dict, hash=False, compare=True)
    passage_count: int = 0
    numbering: str = "auto"  # "auto" or the chosen one (annotator.chinese.structure)


@dataclass(frozen=True)
class CodeInfo:
    id: int
    guid: str
    parent_id: int | None
    name: str
    colour: str
    definition: str
    keywords: tuple[str, ...]
    shortcut: str | None
    position: int
    path: tuple[str, ...]
    passage_count: int = 0

    @property
    def depth(self) -> int:
        return len(self.path) - 1

    @property
    def path_text(self) -> str:
        return " / ".join(self.path)


@dataclass(frozen=True)
class PassageInfo:
    id: int
    guid: str
    document_id: int
    code_id: int
    coder_id: int
    coder_name: str
    start: int
    end: int
    text: str
    memo: str
    created_at: datetime
    # "manual", or "auto" for an auto-coding proposal a researcher accepted.
    origin: str = "manual"


@dataclass(frozen=True)
class ProjectStats:
    documents: int
    codes: int
    passages: int
    coders: int
    schema_version: int


@dataclass
class FileOutcome:
    """What happened to one file of an import."""

    path: str
    status: str  # "imported" | "duplicate" | "failed"
    reason: str = ""
    document_id: int | None = None
    title: str = ""
    # Things the user should check although the file was read, e.g. an encoding guessed
    # from a few characters. One sentence each.
    warnings: tuple[str, ...] = ()


@dataclass
class ImportReport:
    outcomes: list[FileOutcome] = field(default_factory=list)
    cancelled: bool = False

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def ok(self) -> bool:
        return self.count("failed") == 0


@dataclass(frozen=True)
class Changes:
    """What one or more core calls changed, by id, so that views update just those rows.

    Passages are listed with their records (``added`` as stored, ``removed`` as they were,
    ``edited`` as they are now). Changes too broad to list set a ``*_reread`` field instead:
    views re-read that kind of thing (``passages_reread`` names the documents whose passages
    changed unlisted; None means any document)."""

    added: tuple[PassageInfo, ...] = ()
    removed: tuple[PassageInfo, ...] = ()
    edited: tuple[PassageInfo, ...] = ()  # memo changed; same span and code
    documents_edited: frozenset[int] = frozenset()  # title, attributes or numbering
    codes_edited: frozenset[int] = frozenset()  # name, colour, definition, keywords, shortcut
    passages_reread: frozenset[int] | None = frozenset()
    documents_reread: bool = False  # documents added or deleted
    codes_reread: bool = False  # codes added, moved, merged, deleted or restored
    word_lists: bool = False  # project terms or stopwords edited
    proposals: bool = False  # auto-coding proposals added, accepted, rejected or restored

    @classmethod
    def everything(cls) -> Changes:
        return cls(passages_reread=None, documents_reread=True, codes_reread=True,
                   word_lists=True, proposals=True)

    def __bool__(self) -> bool:
        return self != Changes()

    def __or__(self, other: Changes) -> Changes:
        def union(a: frozenset[int] | None, b: frozenset[int] | None) -> frozenset[int] | None:
            return None if a is None or b is None else a | b

        # A passage added then removed is no change; removed then put back, an edit.
        undone = {p.id for p in self.added} & {p.id for p in other.removed}
        back = {p.id for p in self.removed} & {p.id for p in other.added}
        return Changes(
            added=tuple(p for p in self.added if p.id not in undone)
            + tuple(p for p in other.added if p.id not in back),
            removed=tuple(p for p in self.removed if p.id not in back)
            + tuple(p for p in other.removed if p.id not in undone),
            edited=self.edited + other.edited + tuple(p for p in other.added if p.id in back),
            documents_edited=self.documents_edited | other.documents_edited,
            codes_edited=self.codes_edited | other.codes_edited,
            passages_reread=union(self.passages_reread, other.passages_reread),
            documents_reread=self.documents_reread or other.documents_reread,
            codes_reread=self.codes_reread or other.codes_reread,
            word_lists=self.word_lists or other.word_lists,
            proposals=self.proposals or other.proposals,
        )

    @property
    def listed(self) -> tuple[PassageInfo, ...]:
        return self.added + self.removed + self.edited

    @property
    def passage_ids(self) -> frozenset[int]:
        """The listed passages' ids."""
        return frozenset(p.id for p in self.listed)

    @property
    def passage_documents(self) -> frozenset[int] | None:
        """Documents whose passages changed (None: any document)."""
        if self.passages_reread is None:
            return None
        return self.passages_reread | {p.document_id for p in self.listed}

    @property
    def touches_passages(self) -> bool:
        return bool(self.listed) or self.passages_reread is None or bool(self.passages_reread)

    @property
    def counts_listed(self) -> bool:
        """Whether every change of a passage count is listed (counts can be kept, not
        re-read)."""
        return self.passages_reread == frozenset()

    @property
    def touches_codebook(self) -> bool:
        return self.codes_reread or bool(self.codes_edited)

    @property
    def touches_documents(self) -> bool:
        return self.documents_reread or bool(self.documents_edited)


class ChangeLog:
    """Collects the :class:`Changes` of the core calls made while it is open (see
    :meth:`annotator.project.Project.collect_changes`)."""

    def __init__(self) -> None:
        self.changes = Changes()

    def add(self, changes: Changes) -> None:
        self.changes = self.changes | changes
