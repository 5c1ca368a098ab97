"""Page furniture removal and a plain lxml text fallback for web pages."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

# Never article text. <form> is kept: ASP.NET pages wrap the whole page in one.
_DROP_TAGS = (
    "script", "style", "noscript", "template", "nav", "footer", "aside", "iframe",
    "object", "embed", "svg", "canvas", "button", "select", "input", "textarea",
)
_FURNITURE = re.compile(
    r"(?:^|[-_])(?:nav|navbar|menu|footer|breadcrumbs?|crumbs?|sidebar|copyright|bdshare)(?:[-_]|$)"
    r"|breadcrumb",  # also BreadcrumbNav, crumb-less camel case
    re.IGNORECASE,
)
_BLOCKS = frozenset(
    "address article blockquote br caption dd div dl dt figcaption h1 h2 h3 h4 h5 h6 hr li "
    "main ol p pre section table td th tr ul".split()
)
_LAYOUT_PARAGRAPH = 80  # characters: a paragraph of text, not a cell value
_ASCII_SPACE = re.compile(r"[ \t\r\n\f]+")


def strip_furniture(tree: lxml.html.HtmlElement) -> None:
    """Remove navigation, scripts, styles, footers and asides from ``tree`` in place."""
    body = tree.find("body")
    if body is None:
        return
    for element in list(body.iter(*_DROP_TAGS)):
        _drop(element)
    for element in list(body.iter("header")):
        if not _inside(element, ("article", "main")):  # an article's own header holds its title
            _drop(element)
    page_size = len(body.text_content())
    for element in list(body.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        names = f"{element.get('class') or ''} {element.get('id') or ''}".split()
        if any(_FURNITURE.search(name) for name in names):
            # A "sidebar-left" layout class can sit on the content column itself.
            if len(element.text_content()) * 2 < page_size:
                _drop(element)


def unwrap_layout_tables(tree: lxml.html.HtmlElement) -> None:
    """Turn tables used for page layout into plain blocks.

    Government sites put the whole article in one <td> (id="UCAP-CONTENT"); read as a table,
    its paragraphs would become one cell, one line. A table whose cells hold paragraphs is
    layout, not data.
    """
    for table in list(tree.iter("table")):
        if any(len((p.text_content() or "").strip()) > _LAYOUT_PARAGRAPH
               for p in table.iter("p", "div")):
            for element in [table, *table.iter("thead", "tbody", "tfoot", "tr", "td", "th")]:
                element.tag = "div"


def fallback_text(tree: lxml.html.HtmlElement) -> str:
    """Text of <article>, <main> or <body>, one line per block element."""
    root = tree.find(".//article")
    if root is None:
        root = tree.find(".//main")
    if root is None:
        root = tree.find("body") if tree.find("body") is not None else tree
    parts: list[str] = []
    for event, element in etree.iterwalk(root, events=("start", "end")):
        is_block = isinstance(element.tag, str) and element.tag.lower() in _BLOCKS
        if event == "start":
            if is_block:
                parts.append("\n")
            if isinstance(element.tag, str) and element.text:
                parts.append(_ASCII_SPACE.sub(" ", element.text))
        else:
            if is_block:
                parts.append("\n")
            if element is not root and element.tail:
                parts.append(_ASCII_SPACE.sub(" ", element.tail))
    return "\n".join(line.strip(" ") for line in "".join(parts).split("\n"))


def _drop(element: etree._Element) -> None:
    # drop_tree keeps the element's tail text, which belongs to the parent.
    if element.getparent() is not None:
        element.drop_tree()


def _inside(element: etree._Element, tags: tuple[str, ...]) -> bool:
    return any(ancestor.tag in tags for ancestor in element.iterancestors())
