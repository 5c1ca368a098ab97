"""Write REFI-QDA XML (project.qde and .qdc) by streaming with ``lxml.etree.xmlfile``.

Every element gets a stable GUID: documents, codes, coders and passages their own ``guid``
column; what has none is given a uuid5 of stable data (a variable of its name, a passage's
coding and memo note of the passage GUID), so two exports of the same project agree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, BinaryIO

from lxml import etree

from annotator.db.exchange import PassageRow
from annotator.exchange.code_tree import join_description
from annotator.exchange.refi_model import derived_guid
from annotator.export.excel import attribute_keys
from annotator.records import CodeInfo, CoderInfo, DocumentInfo
from annotator.version import __version__

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
PROJECT_XSD_URL = "http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd"
CODEBOOK_XSD_URL = "http://schema.qdasoftware.org/versions/Codebook/v1.0/Codebook.xsd"
ORIGIN = f"annotator {__version__}"
#: Variables annotator writes for its own document fields, read back on import.
NUMBER_VARIABLE = "annotator:number"
SOURCE_VARIABLE = "annotator:source"
NAME_CHARS = 100  # selection names quote the passage, cut like ATLAS.ti's

# What XML 1.0 cannot carry: C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_RGB = re.compile(r"#[0-9A-Fa-f]{6}")


def xml_safe(text: str) -> str:
    return _XML_ILLEGAL.sub("", text) if _XML_ILLEGAL.search(text) else text


def xsd_datetime(value: datetime) -> str:
    """Naive UTC (the project's convention) as xsd:dateTime, microseconds kept."""
    text = value.strftime("%Y-%m-%dT%H:%M:%S")
    return f"{text}.{value.microsecond:06d}Z" if value.microsecond else text + "Z"


def variable_guid(name: str) -> str:
    return derived_guid("variable", name)


def coding_guid(passage_guid: str) -> str:
    return derived_guid("coding", passage_guid)


def memo_guid(passage_guid: str) -> str:
    return derived_guid("memo", passage_guid)


def selection_name(row: PassageRow) -> str:
    head = row.head or ""
    if row.end - row.start > NAME_CHARS:
        head = head[: NAME_CHARS - 1] + "…"
    return xml_safe(head)


@dataclass
class ProjectData:
    name: str
    coders: Sequence[CoderInfo]
    codes: Sequence[CodeInfo]  # tree order
    documents: Sequence[DocumentInfo]  # number order
    passages: Iterable[PassageRow]  # by document number, then start


def _codes(xf: Any, codes: Sequence[CodeInfo], ns: str) -> None:
    """Nested <Code> elements; folder-only codes (children, no passages) not codable.

    Written as a stream of open and close tags in tree order (no recursion, no tree in
    memory), so a codebook of any depth or size is written in flat memory."""
    parents = {c.parent_id for c in codes if c.parent_id is not None}
    q_code, q_desc = f"{{{ns}}}Code", f"{{{ns}}}Description"
    open_codes: list[Any] = []  # the element contexts of the current code's ancestors
    with xf.element(f"{{{ns}}}Codes"):
        for code in codes:  # tree order: a code comes right after its parent's subtree began
            while len(open_codes) > len(code.path) - 1:
                open_codes.pop().__exit__(None, None, None)
            attrib = {
                "guid": code.guid,
                "name": xml_safe(code.name),
                "isCodable": "false" if code.id in parents and not code.passage_count
                else "true",
            }
            if code.colour and _RGB.fullmatch(code.colour):
                attrib["color"] = code.colour.upper()
            element = xf.element(q_code, attrib)
            element.__enter__()
            open_codes.append(element)
            description = join_description(code.definition, code.keywords, code.shortcut)
            if description:
                with xf.element(q_desc):
                    xf.write(xml_safe(description))
        while open_codes:
            open_codes.pop().__exit__(None, None, None)


def write_codebook_xml(stream: BinaryIO, codes: Sequence[CodeInfo]) -> None:
    """A .qdc codebook (Codebook-mrt2019.xsd); ``codes`` in tree order, at least one."""

    def q(tag: str) -> str:
        return f"{{{CODEBOOK_NS}}}{tag}"

    with etree.xmlfile(stream, encoding="utf-8") as xf:
        xf.write_declaration(standalone=True)
        attrib = {
            "origin": ORIGIN,
            f"{{{XSI_NS}}}schemaLocation": f"{CODEBOOK_NS} {CODEBOOK_XSD_URL}",
        }
        with xf.element(q("CodeBook"), attrib, nsmap={None: CODEBOOK_NS, "xsi": XSI_NS}):
            _codes(xf, codes, CODEBOOK_NS)


def _q(tag: str) -> str:
    return f"{{{PROJECT_NS}}}{tag}"


def _top(tag: str, **attrib: str) -> etree._Element:
    """An element written on its own by ``xf.write``: it declares the default namespace,
    so that it and its children serialise without prefixes."""
    return etree.Element(_q(tag), attrib, nsmap={None: PROJECT_NS})


def _variables(documents: Sequence[DocumentInfo]) -> list[tuple[str, str, str]]:
    """(name, guid, type) of every variable: document attributes, then annotator's own."""
    names = [(k, variable_guid(k), "Text") for k in attribute_keys(documents)]
    names.append((NUMBER_VARIABLE, variable_guid(NUMBER_VARIABLE), "Integer"))
    if any(d.source_name for d in documents):
        names.append((SOURCE_VARIABLE, variable_guid(SOURCE_VARIABLE), "Text"))
    return names


def _value(parent: etree._Element, name: str, value: str, element: str = "TextValue") -> None:
    vv = etree.SubElement(parent, _q("VariableValue"))
    etree.SubElement(vv, _q("VariableRef"), targetGUID=variable_guid(name))
    etree.SubElement(vv, _q(element)).text = xml_safe(value)


def write_project_xml(stream: BinaryIO, data: ProjectData) -> int:
    """project.qde (Project-mrt2019.xsd) with sources at ``internal://<guid>.txt``; each
    passage one PlainTextSelection with one Coding. Its memo is written twice, as every
    peer reads one of them: the selection's ``Description`` (QualCoder reads a coding memo
    only there) and a Note the selection refers to (NVivo, MAXQDA, ATLAS.ti); annotator's
    import keeps the text once. Returns the number of memos written."""
    code_guid = {c.id: c.guid for c in data.codes}
    coder_guid = {c.id: c.guid for c in data.coders}
    notes: list[tuple[str, str, str, str]] = []  # (guid, user guid, created, memo)
    passages = iter(data.passages)
    head = next(passages, None)
    with etree.xmlfile(stream, encoding="utf-8") as xf:
        xf.write_declaration(standalone=True)
        attrib = {
            "name": xml_safe(data.name) or "annotator",
            "origin": ORIGIN,
            f"{{{XSI_NS}}}schemaLocation": f"{PROJECT_NS} {PROJECT_XSD_URL}",
        }
        with xf.element(_q("Project"), attrib, nsmap={None: PROJECT_NS, "xsi": XSI_NS}):
            if data.coders:
                users = _top("Users")
                for coder in data.coders:
                    etree.SubElement(users, _q("User"), guid=coder.guid, name=xml_safe(coder.name))
                xf.write(users)
            if data.codes:
                with xf.element(_q("CodeBook")):
                    _codes(xf, data.codes, PROJECT_NS)
            if data.documents:
                variables = _top("Variables")
                for name, guid, kind in _variables(data.documents):
                    etree.SubElement(variables, _q("Variable"), guid=guid, name=xml_safe(name),
                                     typeOfVariable=kind)
                xf.write(variables)
                with xf.element(_q("Sources")):
                    for doc in data.documents:  # passages come in the same order
                        mine: list[PassageRow] = []
                        while head is not None and head.document_id == doc.id:
                            mine.append(head)
                            head = next(passages, None)
                        xf.write(_source(doc, mine, code_guid, coder_guid, notes))
            if notes:
                with xf.element(_q("Notes")):
                    for guid, user, created, memo in notes:
                        note = _top("Note", guid=guid, name="备注", creatingUser=user,
                                    creationDateTime=created)
                        etree.SubElement(note, _q("PlainTextContent")).text = xml_safe(memo)
                        xf.write(note)
    return len(notes)


def _source(
    doc: DocumentInfo,
    passages: Iterable[PassageRow],
    code_guid: dict[int, str],
    coder_guid: dict[int, str],
    notes: list[tuple[str, str, str, str]],
) -> etree._Element:
    """One TextSource: a selection per passage, then the document's variable values;
    memos are added to ``notes`` for the Notes section."""
    source = _top(
        "TextSource",
        guid=doc.guid,
        name=xml_safe(doc.title),
        plainTextPath=f"internal://{doc.guid}.txt",
        creationDateTime=xsd_datetime(doc.imported_at),
    )
    q_sel, q_coding, q_ref, q_note = _q("PlainTextSelection"), _q("Coding"), _q("CodeRef"), _q(
        "NoteRef"
    )
    q_desc = _q("Description")
    for row in passages:
        user = coder_guid.get(row.coder_id, "")
        created = xsd_datetime(row.created_at)
        sel = etree.SubElement(
            source, q_sel, guid=row.guid, name=selection_name(row),
            startPosition=str(row.start), endPosition=str(row.end),
            creatingUser=user, creationDateTime=created,
        )
        if row.memo:  # the schema puts Description before Coding
            etree.SubElement(sel, q_desc).text = xml_safe(row.memo)
        coding = etree.SubElement(sel, q_coding, guid=coding_guid(row.guid),
                                  creatingUser=user, creationDateTime=created)
        etree.SubElement(coding, q_ref, targetGUID=code_guid[row.code_id])
        if row.memo:
            note = memo_guid(row.guid)
            etree.SubElement(sel, q_note, targetGUID=note)
            notes.append((note, user, created, row.memo))
    for key, value in doc.attributes.items():
        _value(source, key, value)
    _value(source, NUMBER_VARIABLE, str(doc.number), "IntegerValue")
    if doc.source_name:
        _value(source, SOURCE_VARIABLE, doc.source_name)
    return source
