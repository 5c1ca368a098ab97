"""Typed outcomes of exchange operations: errors that stop an import, warnings that do not.

The core never formats messages for people beyond one line per item; the CLI prints them.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from annotator.errors import AnnotatorError, CodebookFormatError


class ExchangeError(AnnotatorError):
    """An exchange file cannot be read or written at all; nothing was changed."""


class ExchangeFormatError(ExchangeError):
    """The file is not a REFI-QDA file we can read (bad zip, broken or hostile XML…)."""


class UnsafeArchiveError(ExchangeFormatError):
    """A .qdpx archive tries to escape its folder or expands past the size limits."""


class InputLimitError(ExchangeFormatError):
    """A file goes past one of the documented input limits (``qdpx.Limits``): a code tree
    too deep or with too many codes. Refused before anything was written; the message names
    the file and the limit."""

    def __init__(self, file: Path | str, limit: str, value: int, where: str = "") -> None:
        super().__init__(f"{file}: {where + ': ' if where else ''}{limit} is over the limit "
                         f"of {value}; refused")
        self.file, self.limit, self.value = Path(file), limit, value


class CodebookSheetError(CodebookFormatError):
    """A codebook spreadsheet is malformed; ``file``, ``sheet`` and ``row`` say where."""

    def __init__(self, file: Path | str, sheet: str, row: int | None, problem: str) -> None:
        where = f"{file}, sheet {sheet!r}" + (f", row {row}" if row else "")
        super().__init__(f"{where}: {problem}")
        self.file, self.sheet, self.row, self.problem = Path(file), sheet, row, problem


class WarningKind(StrEnum):
    """Why something in an imported file was changed or left out."""

    SCHEMA_QUIRK = "schema-quirk"  # invalid but common markup, accepted as it is
    COLOUR = "colour"  # a colour with alpha or in an odd form
    MISSING_SOURCE = "missing-source"  # a source's text file is not there
    UNSUPPORTED = "unsupported"  # pictures, audio, video, PDF regions, sets, graphs…
    SELECTION = "selection"  # a selection outside its text, empty, or without a code
    POSITIONS = "positions"  # positions counted another way and converted
    REFERENCE = "reference"  # a reference to an unknown code, user or note
    DUPLICATE = "duplicate"  # a duplicate name, text or coding, merged
    NOTE = "note"  # a note with nowhere to go in annotator
    CODEBOOK = "codebook"  # a codebook value left out (bad colour, taken shortcut…)
    SOURCE_PATH = "source-path"  # a source's file found another way than the spec says
    PEER = "peer"  # exported, but a receiving tool is known to change or drop it


@dataclass(frozen=True)
class ExchangeWarning:
    kind: WarningKind
    item: str  # what it is about, e.g. 'source "访谈1.txt"'
    message: str

    def __str__(self) -> str:
        return f"{self.item}: {self.message}" if self.item else self.message


@dataclass
class Warnings:
    """A list of warnings with a convenience adder."""

    items: list[ExchangeWarning] = field(default_factory=list)

    def add(self, kind: WarningKind, item: str, message: str) -> None:
        self.items.append(ExchangeWarning(kind, item, message))

    def extend(self, other: Warnings | list[ExchangeWarning]) -> None:
        self.items.extend(other.items if isinstance(other, Warnings) else other)

    def __len__(self) -> int:
        return len(self.items)

    def by_kind(self) -> Counter[WarningKind]:
        return Counter(w.kind for w in self.items)


@dataclass
class ProjectImportReport:
    """What ``import_project`` made of a .qdpx/.qde file."""

    source: Path
    target: Path
    origin: str = ""
    documents: int = 0
    codes: int = 0
    coders: int = 0
    passages: int = 0
    memos: int = 0
    attribute_values: int = 0
    warnings: Warnings = field(default_factory=Warnings)


@dataclass
class CodebookImportReport:
    """What merging a codebook file (.qdc or .xlsx) into a project did."""

    source: Path
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    warnings: Warnings = field(default_factory=Warnings)
