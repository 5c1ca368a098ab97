"""Saved web pages (.html/.htm): the article text without menus, scripts and footers."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
from lxml import etree

from annotator.errors import ReadError
from annotator.importing.attributes import TITLE_LABELS
from annotator.importing.encoding import NotTextError, decode
from annotator.importing.extracted import ExtractedText, finish
from annotator.importing.html_clean import fallback_text, strip_furniture, unwrap_layout_tables
from annotator.importing.page_metadata import take_metadata_box

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_.:-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([a-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_TABLE_ROW = re.compile(r"^\|(.*)\|$")
# <meta name=…> → attribute; the capitalised names are the ones Chinese government sites use.
_META_KEYS = {
    "author": "作者", "contentsource": "来源", "pubdate": "日期",
    "description": "描述", "keywords": "关键词", "articletitle": "_title",
}


def read_html_file(path: Path, data: bytes) -> ExtractedText:
    try:
        decoded = decode(data, _declared_charset(data[:4096]))
    except NotTextError:
        raise ReadError(path, "not an HTML file (binary content)") from None
    # lxml refuses str input that still names a byte encoding.
    markup = _XML_DECLARATION.sub("", decoded.text, count=1)
    try:
        tree = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        raise ReadError(path, "no readable text") from None
    meta = _meta_attributes(tree)
    page_title = page_title_of(tree)
    labels = take_metadata_box(tree)  # 索引号/发布机构/文号 …: attributes, not body text
    strip_furniture(tree)
    unwrap_layout_tables(tree)
    cleaned = lxml.html.tostring(tree, encoding="unicode")
    text, found = _trafilatura(cleaned)
    if not text.strip():
        text = fallback_text(tree)
    # Government sites name the bare article in <meta name="ArticleTitle">; <title> usually
    # carries a "_栏目_网站" suffix but is what every other page has.
    boxed_title = next((labels[label] for label in TITLE_LABELS if labels.get(label)), "")
    title = (
        meta.pop("_title", "") or boxed_title or page_title.strip() or found.pop("_title", "")
    )
    found.pop("_title", None)
    attributes = {**found, **meta}  # the page's own <meta> tags beat trafilatura's guesses
    warnings = [decoded.warning] if decoded.warning else []
    return finish(path, text, title=title, attributes=attributes, labels=labels,
                  warnings=warnings)


_TITLE_SEPARATORS = re.compile(r"\s*(?:_|\s\|\s|\s-\s|\s–\s)\s*")


def page_title_of(tree: lxml.html.HtmlElement) -> str:
    """The article's title: the <h1> when <title> repeats it, else <title> without the
    "_栏目_网站" or " | site" tail that most pages add."""
    title = " ".join((tree.findtext(".//title") or "").split())
    for h1 in tree.iter("h1"):
        heading = " ".join(h1.text_content().split())
        if heading and (not title or heading in title):
            return heading
    parts = [p for p in _TITLE_SEPARATORS.split(title) if p]
    if len(parts) > 1 and len(parts[0]) >= 4:
        return parts[0]
    return title


def _declared_charset(head: bytes) -> str | None:
    match = _CHARSET.search(head) or _XML_ENCODING.search(head)
    return match.group(1).decode("ascii") if match else None


def _meta_attributes(tree: lxml.html.HtmlElement) -> dict[str, str]:
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        key = _META_KEYS.get((element.get("name") or "").strip().lower())
        content = (element.get("content") or "").strip()
        if key and content and key not in found:
            found[key] = content
    return found


def _trafilatura(markup: str) -> tuple[str, dict[str, str]]:
    """Main text and metadata; imported lazily because trafilatura takes a second to load."""
    import trafilatura

    # favor_recall keeps one-line Chinese paragraphs (一、总体要求); the page furniture that
    # recall would let through was already removed by strip_furniture.
    text = trafilatura.extract(
        markup, include_tables=True, include_comments=False, favor_recall=True,
        include_images=False, include_links=False, include_formatting=False,
    ) or ""
    metadata = trafilatura.extract_metadata(markup)
    found = {
        "作者": getattr(metadata, "author", None) or "",
        # trafilatura turns a bare year it met (the 〔2021〕 of a 文号) into YYYY-01-01: a
        # guess, not a date the page gives
        "日期": _not_year_only(getattr(metadata, "date", None) or ""),
        "来源": getattr(metadata, "sitename", None) or "",
        "_title": getattr(metadata, "title", None) or "",
    }
    return _split_table_rows(text), found


def _split_table_rows(text: str) -> str:
    """trafilatura writes table rows as ``| a | b |``; give each cell its own line instead."""
    lines = []
    for line in text.split("\n"):
        row = _TABLE_ROW.match(line.strip())
        if row is None:
            lines.append(line)
            continue
        lines.extend(cell.strip() for cell in row.group(1).split("|") if cell.strip(" -:"))
    return "\n".join(lines)


def _not_year_only(value: str) -> str:
    return "" if value.endswith("-01-01") else value
