"""Parse REFI-QDA XML (project.qde or a .qdc codebook) into ``refi_model`` dataclasses.

Safety: parsing goes through defusedxml, which refuses entity declarations (billion laughs)
and external entities or DTDs fetched from elsewhere. Parsing is incremental (iterparse):
each source is turned into dataclasses and dropped from the tree as soon as it is complete,
so a project with hundreds of thousands of selections does not sit in memory twice.

Tolerance: element names are matched without their namespace; invalid-but-common markup
(an empty ``<Sets/>``, colours with alpha, GUIDs in braces) is accepted with a warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import BinaryIO
from xml.etree.ElementTree import Element, ParseError

import defusedxml.ElementTree as safe_et
from defusedxml import DefusedXmlException

from annotator.exchange.qdpx import DEFAULT_LIMITS, Limits
from annotator.exchange.refi_model import (
    RefiCase,
    RefiCode,
    RefiCoding,
    RefiNote,
    RefiProject,
    RefiSelection,
    RefiTextSource,
    RefiUser,
    RefiVariable,
    canonical_guid,
)
from annotator.exchange.results import (
    ExchangeFormatError,
    InputLimitError,
    WarningKind,
    Warnings,
)

_COLOUR = re.compile(r"#?([0-9A-Fa-f]{3}|[0-9A-Fa-f]{6}|[0-9A-Fa-f]{8})")
_VALUE_ELEMENTS = (
    "TextValue", "BooleanValue", "IntegerValue", "FloatValue", "DateValue", "DateTimeValue"
)
_MEDIA = {"PictureSource": "picture", "AudioSource": "audio", "VideoSource": "video"}


def local(tag: str) -> str:
    return tag.rpartition("}")[2]


def children(el: Element, name: str) -> Iterator[Element]:
    return (c for c in el if local(c.tag) == name)


def child(el: Element, name: str) -> Element | None:
    return next(children(el, name), None)


def child_text(el: Element, name: str) -> str:
    found = child(el, name)
    return (found.text or "") if found is not None else ""


def parse_datetime(value: str | None) -> datetime | None:
    """An xsd:dateTime as naive UTC (the project's convention), or None."""
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(UTC).replace(tzinfo=None)
    return parsed


def _int(value: str | None) -> int | None:
    try:
        return int(value.strip()) if value is not None else None
    except ValueError:
        return None


def parse_colour(value: str | None, item: str, warnings: Warnings) -> str | None:
    """``#RRGGBB`` from the common forms; alpha is dropped with a warning."""
    if not value:
        return None
    match = _COLOUR.fullmatch(value.strip())
    if match is None:
        warnings.add(WarningKind.COLOUR, item, f"colour {value!r} not understood; left out")
        return None
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(ch * 2 for ch in digits)
    elif len(digits) == 8:
        warnings.add(WarningKind.COLOUR, item, f"colour {value!r} has alpha; used #{digits[:6]}")
        digits = digits[:6]
    return "#" + digits.upper()


class _Reader:
    def __init__(self, warnings: Warnings) -> None:
        self.warnings = warnings
        self.project = RefiProject()
        self.root = ""

    # -- small pieces ------------------------------------------------------------------
    def note_refs(self, el: Element) -> list[str]:
        refs = (canonical_guid(r.get("targetGUID")) for r in children(el, "NoteRef"))
        return [r for r in refs if r]

    def coding(self, el: Element) -> RefiCoding:
        ref = child(el, "CodeRef")
        return RefiCoding(
            guid=canonical_guid(el.get("guid")),
            code_guid=canonical_guid(ref.get("targetGUID")) if ref is not None else None,
            user_guid=canonical_guid(el.get("creatingUser")),
            created=parse_datetime(el.get("creationDateTime")),
            note_refs=self.note_refs(el),
        )

    def selection(self, el: Element) -> RefiSelection:
        return RefiSelection(
            guid=canonical_guid(el.get("guid")),
            name=el.get("name") or "",
            start=_int(el.get("startPosition")),
            end=_int(el.get("endPosition")),
            user_guid=canonical_guid(el.get("creatingUser")),
            created=parse_datetime(el.get("creationDateTime")),
            description=child_text(el, "Description"),
            codings=[self.coding(c) for c in children(el, "Coding")],
            note_refs=self.note_refs(el),
        )

    def values(self, el: Element) -> dict[str, str]:
        out: dict[str, str] = {}
        for vv in children(el, "VariableValue"):
            ref = child(vv, "VariableRef")
            guid = canonical_guid(ref.get("targetGUID")) if ref is not None else None
            value = next((c.text or "" for c in vv if local(c.tag) in _VALUE_ELEMENTS), "")
            if guid and value.strip():
                out[guid] = value.strip()
        return out

    def text_source(self, el: Element, name: str | None = None, kind: str = "TextSource"):
        content = child(el, "PlainTextContent")
        return RefiTextSource(
            guid=canonical_guid(el.get("guid")),
            name=name if name is not None else (el.get("name") or ""),
            kind=kind,
            plain_text_path=el.get("plainTextPath"),
            rich_text_path=el.get("richTextPath"),
            content=(content.text or "") if content is not None else None,
            created=parse_datetime(el.get("creationDateTime")),
            user_guid=canonical_guid(el.get("creatingUser")),
            description=child_text(el, "Description"),
            selections=[self.selection(s) for s in children(el, "PlainTextSelection")],
            codings=[self.coding(c) for c in children(el, "Coding")],
            note_refs=self.note_refs(el),
            values=self.values(el),
        )

    def codes(self, parent: Element) -> list[RefiCode]:
        """The ``<Code>`` children of ``parent`` with their subtrees, built with a stack
        rather than recursion: a tree as deep as the limits allow never meets Python's
        recursion limit."""
        out: list[RefiCode] = []
        stack: list[tuple[Element, list[RefiCode]]] = [(parent, out)]
        while stack:
            el, into = stack.pop()
            for c in children(el, "Code"):
                code = self.code(c)
                into.append(code)
                stack.append((c, code.children))
        return out

    def code(self, el: Element) -> RefiCode:
        """One code without its children (``codes`` adds them)."""
        name = el.get("name") or ""
        return RefiCode(
            guid=canonical_guid(el.get("guid")),
            name=name,
            colour=parse_colour(el.get("color"), f'code "{name}"', self.warnings),
            description=child_text(el, "Description"),
            codable=(el.get("isCodable") or "true").strip().lower() not in ("false", "0"),
            note_refs=self.note_refs(el),
        )

    # -- top-level sections ------------------------------------------------------------
    def section(self, el: Element) -> None:
        name, p = local(el.tag), self.project
        if name == "Users":
            for u in children(el, "User"):
                guid = canonical_guid(u.get("guid"))
                if guid:
                    p.users.append(RefiUser(guid, (u.get("name") or u.get("id") or "").strip()))
        elif name in ("CodeBook", "Codes"):
            codes = child(el, "Codes") if name == "CodeBook" else el
            if codes is not None:
                p.codes.extend(self.codes(codes))
        elif name == "Variables":
            for v in children(el, "Variable"):
                guid = canonical_guid(v.get("guid"))
                if guid:
                    p.variables.append(
                        RefiVariable(guid, v.get("name") or "", v.get("typeOfVariable") or "Text")
                    )
        elif name == "Cases":
            for c in children(el, "Case"):
                refs = (canonical_guid(r.get("targetGUID")) for r in children(c, "SourceRef"))
                p.cases.append(
                    RefiCase(canonical_guid(c.get("guid")), c.get("name") or "",
                             self.values(c), [r for r in refs if r])
                )
        elif name == "Sets":
            if len(el) == 0:
                self.warnings.add(WarningKind.SCHEMA_QUIRK, "<Sets>",
                                  "empty <Sets/> (invalid per the schema) accepted")
            else:
                p.unsupported.extend(("set", s.get("name") or "") for s in children(el, "Set"))
        elif name in ("Graphs", "Links"):
            p.unsupported.extend((name[:-1].lower(), g.get("name") or "") for g in el)
        elif name == "NoteRef":
            guid = canonical_guid(el.get("targetGUID"))
            if guid:
                p.project_note_refs.append(guid)

    def source(self, el: Element) -> None:
        name, p = local(el.tag), self.project
        if name == "TextSource":
            p.sources.append(self.text_source(el))
        elif name == "PDFSource":
            title = el.get("name") or ""
            rep = child(el, "Representation")
            if rep is not None:
                p.sources.append(self.text_source(rep, name=title, kind="PDFSource"))
            p.unsupported.extend(("PDF region", s.get("name") or title)
                                 for s in children(el, "PDFSelection"))
            if rep is None:
                p.unsupported.append(("PDF without text", title))
        else:
            p.unsupported.append((_MEDIA.get(name, name), el.get("name") or ""))

    def note(self, el: Element) -> None:
        guid = canonical_guid(el.get("guid"))
        if guid is None:
            return
        content = child(el, "PlainTextContent")
        self.project.notes.append(
            RefiNote(
                guid=guid,
                name=el.get("name") or "",
                content=(content.text or "") if content is not None else None,
                plain_text_path=el.get("plainTextPath"),
                description=child_text(el, "Description"),
                # QualCoder writes a text annotation as a note holding the span it is on
                spans=[(_int(s.get("startPosition")), _int(s.get("endPosition")))
                       for s in children(el, "PlainTextSelection")],
                user_guid=canonical_guid(el.get("creatingUser") or el.get("modifyingUser")),
                created=parse_datetime(el.get("creationDateTime")
                                       or el.get("modifiedDateTime")),
            )
        )


def read_refi(
    stream: BinaryIO, warnings: Warnings, *, what: str = "file", limits: Limits = DEFAULT_LIMITS
) -> tuple[str, RefiProject]:
    """Parse ``stream``; returns the root element's local name ("Project" or "CodeBook")
    and the parsed model. Raises ``ExchangeFormatError`` naming ``what`` for XML that is
    broken, hostile (entities, external references) or not REFI-QDA, and
    ``InputLimitError`` as soon as the code tree goes past ``limits`` (deeper than
    ``max_code_depth`` or more than ``max_codes`` codes), before it is built."""
    reader = _Reader(warnings)
    stack: list[Element] = []
    code_depth = code_count = 0
    try:
        # No REFI file has a DOCTYPE: refusing any DTD also rules out entity tricks.
        events = safe_et.iterparse(stream, events=("start", "end"), forbid_dtd=True)
        for event, el in events:
            is_code = el.tag == "Code" or el.tag.endswith("}Code")
            if event == "start":
                if not stack:
                    _root_started(reader, el, what)
                elif is_code:
                    code_depth += 1
                    code_count += 1
                    if code_depth > limits.max_code_depth:
                        raise InputLimitError(what, "code tree depth", limits.max_code_depth,
                                              f'under code "{_ancestor_name(stack)}"')
                    if code_count > limits.max_codes:
                        raise InputLimitError(what, "number of codes", limits.max_codes)
                stack.append(el)
                continue
            if is_code:
                code_depth -= 1
            stack.pop()
            depth = len(stack)  # 0: the root itself, 1: a section, 2: inside a section
            if depth == 1:
                reader.section(el)
                el.clear()
            elif depth == 2 and local(stack[1].tag) == "Sources":
                reader.source(el)
                stack[1].remove(el)  # done with it: keep memory flat
            elif depth == 2 and local(stack[1].tag) == "Notes":
                reader.note(el)
                stack[1].remove(el)
    except ParseError as exc:
        raise ExchangeFormatError(f"{what}: not well-formed XML ({exc})") from exc
    except DefusedXmlException as exc:
        raise ExchangeFormatError(
            f"{what}: refused: the XML has a DOCTYPE, entity declarations or external "
            f"references, which REFI-QDA files never need ({type(exc).__name__})"
        ) from exc
    if not reader.root:
        raise ExchangeFormatError(f"{what}: empty file")
    return reader.root, reader.project


def _ancestor_name(stack: list[Element]) -> str:
    """The outermost code above the refused one (inner names may be thousands deep)."""
    return next((el.get("name") or "" for el in stack if local(el.tag) == "Code"), "")


def _root_started(reader: _Reader, el: Element, what: str) -> None:
    name = local(el.tag)
    if name not in ("Project", "CodeBook"):
        raise ExchangeFormatError(
            f"{what}: not a REFI-QDA file (root element <{name}>, expected <Project> or "
            "<CodeBook>)"
        )
    reader.root = name
    p = reader.project
    p.name = el.get("name") or ""
    p.origin = el.get("origin") or ""
    p.base_path = el.get("basePath") or ""
    p.creating_user = canonical_guid(el.get("creatingUserGUID"))
