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
