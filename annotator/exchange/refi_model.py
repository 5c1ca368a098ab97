"""Plain dataclasses of a parsed REFI-QDA project or codebook (no XML, no database).

GUIDs are kept in canonical lower-case form (``canonical_guid``) so that references written
in upper case, lower case or with braces all meet.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime

#: Namespace for GUIDs derived from stable data (variables, notes, codings): the same input
#: gives the same GUID in every export.
ANNOTATOR_NS = uuid.UUID("6f1c2d3e-8a4b-5c6d-9e7f-a0b1c2d3e4f5")


def derived_guid(*parts: str) -> str:
    """A uuid5 GUID from ``parts``; stable across exports and machines."""
    return str(uuid.uuid5(ANNOTATOR_NS, "\x1f".join(parts)))


_GUID = re.compile(
    r"\{?([0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12})\}?"
)


def canonical_guid(value: str | None) -> str | None:
    """``value`` as a lower-case 8-4-4-4-12 GUID, or None when it is not a GUID."""
    if not value:
        return None
    match = _GUID.fullmatch(value.strip())
    if match is not None:  # the usual form: no need for uuid.UUID (a million calls)
        return match.group(1).lower()
    try:
        return str(uuid.UUID(value.strip()))
    except ValueError:
        return None


@dataclass(slots=True)
class RefiUser:
    guid: str
    name: str


@dataclass(slots=True)
class RefiCode:
    guid: str | None
    name: str
    colour: str | None = None
    description: str = ""
    codable: bool = True
    children: list[RefiCode] = field(default_factory=list)
    note_refs: list[str] = field(default_factory=list)


@dataclass(slots=True)
class RefiCoding:
    guid: str | None
    code_guid: str | None
    user_guid: str | None = None
    created: datetime | None = None
    note_refs: list[str] = field(default_factory=list)


@dataclass(slots=True)
class RefiSelection:
    guid: str | None
    name: str
    start: int | None
    end: int | None
    user_guid: str | None = None
    created: datetime | None = None
    description: str = ""
    codings: list[RefiCoding] = field(default_factory=list)
    note_refs: list[str] = field(default_factory=list)


@dataclass(slots=True)
class RefiTextSource:
    """A text source: a TextSource, or the text representation of a PDF source."""

    guid: str | None
    name: str
    kind: str = "TextSource"
    plain_text_path: str | None = None
    rich_text_path: str | None = None  # a .docx (NVivo may leave the plain text empty)
    content: str | None = None  # inline PlainTextContent
    created: datetime | None = None
    user_guid: str | None = None
    description: str = ""
    selections: list[RefiSelection] = field(default_factory=list)
    codings: list[RefiCoding] = field(default_factory=list)  # the whole source coded
    note_refs: list[str] = field(default_factory=list)
    values: dict[str, str] = field(default_factory=dict)  # variable GUID -> value


@dataclass(slots=True)
class RefiVariable:
    guid: str
    name: str
    type: str = "Text"


@dataclass(slots=True)
class RefiNote:
    guid: str
    name: str
    content: str | None = None
    plain_text_path: str | None = None
    description: str = ""
    #: (start, end) of the text a note annotates, when it says (QualCoder's annotations)
    spans: list[tuple[int | None, int | None]] = field(default_factory=list)
    user_guid: str | None = None
    created: datetime | None = None


@dataclass(slots=True)
class RefiCase:
    guid: str | None
    name: str
    values: dict[str, str] = field(default_factory=dict)
    source_refs: list[str] = field(default_factory=list)


@dataclass
class RefiProject:
    """Everything annotator can use from a project.qde (or, with only codes, a .qdc)."""

    name: str = ""
    origin: str = ""
    base_path: str = ""
    creating_user: str | None = None
    users: list[RefiUser] = field(default_factory=list)
    codes: list[RefiCode] = field(default_factory=list)
    variables: list[RefiVariable] = field(default_factory=list)
    cases: list[RefiCase] = field(default_factory=list)
    sources: list[RefiTextSource] = field(default_factory=list)
    notes: list[RefiNote] = field(default_factory=list)
    project_note_refs: list[str] = field(default_factory=list)
    #: (kind of thing, its name) for things annotator cannot hold: pictures, audio, sets…
    unsupported: list[tuple[str, str]] = field(default_factory=list)
