"""The metadata box of a saved government page (索引号 / 发布机构 / 成文日期 / 文号 …).

Government sites print it above the article as a <table> of label cells and value cells,
sometimes as <div>s, <li>s or <dl>s, with the label and its value in one cell or two. It is
read into label/value pairs and removed from the page, so the body starts with the article.
"""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

# Labels that make a box a metadata box; other labels inside it (有效性, 体裁分类) are kept too.
_BOX_LABELS = (
    "索引号", "主题分类", "发文机关", "发布机构", "发文单位", "成文日期", "发布日期", "发文字号",
    "文号", "标题", "主题词", "公开日期", "发文日期", "有效性", "名称",
)
_CONTAINERS = ("table", "tbody", "div", "ul", "ol", "dl", "section")
_MAX_BOX_CHARS = 800  # a box holds labels and short values, never the article
_MAX_VALUE_CHARS = 120  # the longest value is the title
_SPACES = "[ \u3000\u00a0\t\r\n]*"
# A label starts a text piece (or follows a space) and may be spaced out: 索 引 号：
_LABEL = re.compile(r"(?<![^\n \u3000])(?P<label>(?:[\u4e00-\u9fff][ \u3000\u00a0]*){2,6}?)[:：]")


def take_metadata_box(tree: lxml.html.HtmlElement) -> dict[str, str]:
    """Label → value of the page's metadata box, which is removed from ``tree``; {} if none."""
    pairs: dict[str, str] = {}
    for box in _boxes(tree):
        found = _pairs(box)
        if len(found) >= 2:
            for label, value in found.items():
                pairs.setdefault(label, value)
            box.drop_tree()
    return pairs


def _boxes(tree: lxml.html.HtmlElement) -> list[etree._Element]:
    """The outermost short containers holding two or more metadata labels."""
    boxes: list[etree._Element] = []
    for element in tree.iter(*_CONTAINERS):
        if any(ancestor in boxes for ancestor in element.iterancestors()):
            continue
        text = _squeezed(element.text_content())
        if len(text) > _MAX_BOX_CHARS:
            continue
        if sum(1 for label in _BOX_LABELS if f"{label}:" in text or f"{label}：" in text) < 2:
            continue
        # Only labels and short values: a container that also holds paragraphs of the
        # article (a short notice fits in 800 characters) is not the box.
        pieces = [piece.strip() for piece in element.itertext() if piece.strip()]
        labels = len(_LABEL.findall("\n".join(pieces)))
        short = max(len(piece) for piece in pieces) <= _MAX_VALUE_CHARS
        if short and len(pieces) <= 2 * labels + 2:
            boxes.append(element)
    return boxes


def _squeezed(text: str) -> str:
    return re.sub(_SPACES, "", text)


def _pairs(box: etree._Element) -> dict[str, str]:
    """Walk the box's text pieces in order; a piece ending in ：names the value that follows."""
    pieces = [piece.strip() for piece in box.itertext() if piece.strip()]
    joined = "\n".join(pieces)
    matches = list(_LABEL.finditer(joined))
    pairs: dict[str, str] = {}
    for index, match in enumerate(matches):
        end = matches[index + 1].start() if index + 1 < len(matches) else len(joined)
        value = " ".join(joined[match.end():end].split())
        label = _squeezed(match.group("label"))
        if value and label not in pairs:
            pairs[label] = value
    return pairs
