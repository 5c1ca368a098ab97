"""Word documents (.docx): body paragraphs and table cells in reading order."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import docx
from docx.oxml.ns import qn
from lxml import etree

if TYPE_CHECKING:
    from docx.document import Document as DocxDocument

from annotator.errors import ReadError
from annotator.importing.extracted import ExtractedText, finish
from annotator.limits import DOCX_LIMITS, checked_copy

_CORRUPT = "corrupt or unreadable .docx file"
_P, _TBL, _TR, _TC, _SDT, _SDT_CONTENT = (
    qn("w:p"), qn("w:tbl"), qn("w:tr"), qn("w:tc"), qn("w:sdt"), qn("w:sdtContent"),
)
_T, _TAB = qn("w:t"), qn("w:tab")
# python-docx's default template was created then; documents it makes keep the date.
_TEMPLATE_CREATED = datetime(2013, 12, 23, 23, 15)
# Run content in reading order. Unlike python-docx's Paragraph.text this keeps tracked
# insertions (runs inside w:ins) and skips deleted text and text boxes anchored in the line.
_RUN_CONTENT = etree.XPath(
    ".//w:r[not(ancestor::w:del or ancestor::w:moveFrom or ancestor::w:txbxContent)]"
    "/*[self::w:t or self::w:tab or self::w:br or self::w:cr]",
    namespaces={"w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main"},
)


def read_docx_file(path: Path, data: bytes) -> ExtractedText:
    document = _open(path, data)
    lines = list(_block_lines(document.element.body))
    props = document.core_properties
    from_template = props.author == "python-docx" or props.created == _TEMPLATE_CREATED
    attributes = {
        "作者": props.author or "",
        "主题": props.subject or "",
        "关键词": props.keywords or "",
        # The created date only dates the document when nothing in it does (attributes.py),
        # and python-docx's template carries its own from 2013.
        "日期": "" if from_template else _date(props.created),
    }
    return finish(path, "\n".join(lines), title=props.title, attributes=attributes)


def _is_media(name: str) -> bool:
    return name.replace("\\", "/").lower().startswith(("word/media/", "word/embeddings/"))


def _block_lines(container: etree._Element, keep_empty: bool = False) -> Iterator[str]:
    """Yield one line per paragraph and per table cell, in document order.

    Iterating the XML (not document.paragraphs/tables) keeps tables where they stand in the
    text; content controls (w:sdt) and nested tables are walked into.
    """
    for child in container.iterchildren():
        if child.tag == _P:
            yield _paragraph_text(child)
        elif child.tag == _TBL:
            yield from _table_lines(child, keep_empty)
        elif child.tag == _SDT:
            content = child.find(_SDT_CONTENT)
            if content is not None:
                yield from _block_lines(content, keep_empty)


def _paragraph_text(paragraph: etree._Element) -> str:
    parts = []
    for node in _RUN_CONTENT(paragraph):
        if node.tag == _T:
            parts.append(node.text or "")
        else:
            parts.append("\t" if node.tag == _TAB else "\n")
    return "".join(parts)


def _table_lines(table: etree._Element, keep_empty: bool = False) -> Iterator[str]:
    # Raw w:tc elements: a horizontally merged cell is one element (python-docx's row.cells
    # would repeat it), and a vertical-merge continuation is skipped.
    for row in table.iterchildren(_TR):
        for cell in row.iterchildren(_TC):
            if _continues_vertical_merge(cell):
                continue
            yield from (line for line in _block_lines(cell, keep_empty)
                        if keep_empty or line.strip())


def _continues_vertical_merge(cell: etree._Element) -> bool:
    v_merge = cell.find(f"{qn('w:tcPr')}/{qn('w:vMerge')}")
    return v_merge is not None and v_merge.get(qn("w:val")) in (None, "continue")


def _date(value: datetime | None) -> str:
    if value is not None and value.replace(tzinfo=None) == _TEMPLATE_CREATED:
        return ""
    return value.strftime("%Y-%m-%d") if value else ""


def docx_lines(path: Path, data: bytes) -> str:
    """The text of a .docx as the reader finds it, one line per paragraph and table cell,
    before normalisation: REFI-QDA selections in a source kept only as .docx (NVivo) count
    positions in this text, so the exchange importer maps them as it does a plain text.
    Empty table cells are kept: NVivo's plain text has a line for each."""
    return "\n".join(_block_lines(_open(path, data).element.body, keep_empty=True))


def _open(path: Path, data: bytes) -> DocxDocument:
    """The document, read from a copy of the archive checked against DOCX_LIMITS: python-docx
    unpacks every part at once, so it is given parts read in bounded pieces and counted
    (a zip bomb is refused, naming the limit), and no pictures (never read for text)."""
    try:
        safe = checked_copy(io.BytesIO(data), DOCX_LIMITS, "the .docx archive",
                            lambda message: ReadError(path, message), skip=_is_media)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError,
            NotImplementedError, RuntimeError, ValueError):
        raise ReadError(path, _CORRUPT) from None
    try:
        return docx.Document(safe)
    except Exception:  # noqa: BLE001 - not a zip, no document part, broken XML, …
        raise ReadError(path, _CORRUPT) from None
