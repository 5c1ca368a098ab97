"""Printed lines of a PDF's text layer turned back into paragraphs.

A PDF keeps no paragraphs, only positioned lines. pypdf's per-page text (with a visitor that
reports where each piece of text is drawn) gives each line's start, estimated end and height.
From that:

- page furniture is dropped: lines at the top or bottom of a page that repeat at about the
  same height on most pages (a running title, the issuing body, "- 3 -" with its number
  changing) and page numbers alone on their line ("第 3 页", "3/12");
- a line is joined to the next unless the next one starts a heading or list item, starts
  indented, or this one stops short of the right margin; a full line ending a sentence ends
  the paragraph only in documents whose paragraphs are not marked by an indent.

Lines are kept in content-stream order (two-column journal pages are drawn column by column);
heights only decide what counts as the top or bottom of a page.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_SENTENCE_END = tuple("。！？；：…”’」』）)!?;:")
_HEADING = re.compile(
    r"^\s*(?:[一二三四五六七八九十百]+[、.．]"
    r"|[（(][一二三四五六七八九十百\d]{1,3}[)）]"
    r"|\d{1,2}(?:[.．]\d{1,2}){1,3}(?![\d.．])"
    r"|\d{1,2}[、.．)）](?![\d.．%])"
    r"|[①-⑳❶-❿]"
    r"|第[一二三四五六七八九十百零〇\d]+[章节条篇部编]"
    r"|附件|附录|附表)"
)
# Chapter-level headings are never the continuation of a cross-reference (unlike 第九条).
_PART_HEADING = re.compile(r"^\s*(?:第[一二三四五六七八九十百零〇\d]+[章节编]\s|附件\s*\d*\s*$)")
_PAGE_NUMBER = re.compile(
    r"^(?:[-–—－\s]*\d{1,4}[-–—－\s]*"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|共\s*\d{1,4}\s*页\s*[,，]?\s*第\s*\d{1,4}\s*页"
    r"|\d{1,4}\s*/\s*\d{1,4}"
    r"|(?:page|p\.)\s*\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?)$",
    re.IGNORECASE,
)
# A statute's history lines: "…会议通过" followed by "2000年7月13日 …修正".
_HISTORY_END = ("通过", "修正", "修订", "公布", "发布", "施行")
_DATED = re.compile(r"^\s*(?:\d{4}|[一二三四五六七八九〇○零]{4})\s*年")
_DIGITS = re.compile(r"\d+")
_FIRST_WORD = re.compile(r"[A-Za-z0-9'’-]+|.")
_SPACE = re.compile(r"\s+")
_FURNITURE_LINES = 2  # lines at the top and at the bottom of a page examined
_INDENT_EM = 0.8
# Room at a line's end that means it was ended on purpose. Over one character because line
# widths are estimated and punctuation may hang past the margin; a paragraph's last line that
# falls short by less mostly ends a sentence, which the other rules see.
_SHORT_EM = 2.5
_FEW_LINES = 8
_NARROW = frozenset("iljtfr.,;:'!|()[] -")


@dataclass
class PdfLine:
    text: str
    page: int
    x0: float  # where the line starts
    x1: float  # where it ends (estimated from character widths)
    y: float  # baseline height on the page; larger is higher
    size: float  # font size in page units
    page_width: float = 0.0  # 0 when unknown


def page_lines(page: object, page_index: int) -> list[PdfLine]:
    """The printed lines of one pypdf page, in content-stream order."""
    pieces: list[tuple[str, float, float, float]] = []

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if not text.strip():
            return
        x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
        y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
        scale = math.hypot(tm[0], tm[1]) * math.hypot(cm[0], cm[1])
        pieces.append((text, x, y, (size or 1.0) * (scale or 1.0)))

    text = page.extract_text(visitor_text=visit) or ""  # type: ignore[attr-defined]
    lines = _assemble(pieces, page_index)
    try:
        width = float(page.mediabox.width)  # type: ignore[attr-defined]
    except Exception:  # noqa: BLE001 - a broken box only costs the margin estimate
        width = 0.0
    for line in lines:
        line.page_width = width
    if len({round(line.y) for line in lines}) < 2 <= len(text.splitlines()):
        return _text_only(text, page_index)  # no usable positions: lay the text out by count
    return lines


def paragraphs(pages: Iterable[list[PdfLine]]) -> str:
    """Text of the body lines joined into paragraphs, one paragraph per line."""
    pages = [page for page in pages]
    body = [line for line in _without_furniture(pages) if line.text.strip()]
    if not body:
        return ""
    margins = _Margins(body)
    indent_style = margins.uses_indent(body)
    out = [body[0].text.strip()]
    for before, line in zip(body, body[1:], strict=False):
        if _ends_paragraph(before, line, margins, indent_style):
            out.append(line.text.strip())
        else:
            out[-1] = _join(out[-1], line.text.strip())
    return "\n".join(out)


# --- lines ---------------------------------------------------------------------------------


def _assemble(pieces: list[tuple[str, float, float, float]], page: int) -> list[PdfLine]:
    lines: list[PdfLine] = []
    for text, x, y, size in pieces:
        for offset, part in enumerate(text.split("\n")):
            if not part.strip():
                continue
            top = y - offset * size * 1.2  # later parts of one piece: lines below its start
            last = lines[-1] if lines else None
            if last is not None and abs(last.y - top) <= 0.5 * max(size, last.size) and (
                x >= last.x1 - 2 * size
            ):
                gap = x - last.x1
                spaced = gap > size or (gap > 0.2 * size and _latin_edge(last.text, part))
                glue = " " if spaced else ""
                last.text += glue + part
                last.x1 = max(last.x1, x + _width(part) * size)
                continue
            lines.append(PdfLine(part, page, x, x + _width(part) * size, top, size))
    for line in lines:
        line.text = line.text.replace("\t", " ")
    return lines


def _text_only(text: str, page: int) -> list[PdfLine]:
    lines = []
    for index, raw in enumerate(text.split("\n")):
        if not raw.strip():
            continue
        indent = _width(raw[: len(raw) - len(raw.lstrip())])
        lines.append(PdfLine(raw.strip(), page, indent, indent + _width(raw.strip()), -index, 1.0))
    return lines


def _width(text: str) -> float:
    """Width in em: CJK and full-width forms are one em, Latin letters as in Helvetica/Times."""
    # Quotes and dashes (“” — …) are full width in a CJK font, narrow in a Latin one.
    wide = "WFA" if any(unicodedata.east_asian_width(c) == "W" for c in text) else "WF"
    return sum(_char_width(c, wide) for c in text)


def _char_width(char: str, wide: str) -> float:
    if unicodedata.east_asian_width(char) in wide:
        return 1.0
    if char in _NARROW:
        return 0.28
    if char in "mwMW":
        return 0.83
    return 0.66 if char.isupper() else 0.52


def _latin_edge(left: str, right: str) -> bool:
    return bool(left) and bool(right) and left[-1].isascii() and right[0].isascii()


# --- page furniture ------------------------------------------------------------------------


def _furniture_key(line: PdfLine) -> str:
    return _DIGITS.sub("#", _SPACE.sub("", line.text))


def _without_furniture(pages: list[list[PdfLine]]) -> list[PdfLine]:
    candidates: list[list[PdfLine]] = []
    for lines in pages:
        by_height = sorted(lines, key=lambda line: -line.y)
        edge = by_height[:_FURNITURE_LINES] + by_height[-_FURNITURE_LINES:]
        candidates.append(list({id(line): line for line in edge}.values()))
    needed = max(2, math.ceil(0.5 * len(pages)))
    dropped: set[int] = set()
    for page_candidates in candidates:
        for line in page_candidates:
            if _PAGE_NUMBER.match(line.text.strip()):
                dropped.add(id(line))
                continue
            key = _furniture_key(line)
            repeats = sum(
                1 for others in candidates
                if any(_furniture_key(o) == key and abs(o.y - line.y) <= 2 * line.size
                       for o in others)
            )
            if repeats >= needed:
                dropped.add(id(line))
    return [line for lines in pages for line in lines if id(line) not in dropped]


# --- paragraphs ----------------------------------------------------------------------------


class _Margins:
    """Left margins (one per column) and the right edge of full lines beside each."""

    def __init__(self, lines: list[PdfLine]) -> None:
        starts = Counter(round(line.x0) for line in lines)
        frequent = sorted(x for x, n in starts.items() if n >= max(2, 0.05 * len(lines)))
        size = _typical_size(lines)
        # A frequent start a little right of another is an indent, not a margin.
        self.lefts = [
            x for x in frequent
            if not any(0.5 * size <= x - other <= 4.5 * size for other in frequent)
        ] or [min(starts)]
        ends: dict[float, list[float]] = {}
        for line in lines:
            ends.setdefault(self.left_of(line), []).append(line.x1)
        self.rights = {left: _percentile(values, 0.9) for left, values in ends.items()}
        width = max(line.page_width for line in lines)
        for left, values in ends.items():
            if len(values) < _FEW_LINES and width > left:
                # Too few lines to see the right margin: about as wide as the left one.
                self.rights[left] = max(max(values), width - 1.6 * left)

    def left_of(self, line: PdfLine) -> float:
        fitting = [x for x in self.lefts if x <= line.x0 + 0.5 * line.size]
        return max(fitting) if fitting else min(self.lefts)

    def indented(self, line: PdfLine) -> bool:
        return line.x0 - self.left_of(line) >= _INDENT_EM * line.size

    def short(self, line: PdfLine) -> bool:
        return self.room(line) > _SHORT_EM * line.size

    def room(self, line: PdfLine) -> float:
        """Space left between the end of ``line`` and the right margin."""
        return self.rights.get(self.left_of(line), line.x1) - line.x1

    def uses_indent(self, lines: list[PdfLine]) -> bool:
        """True when lines after a short line mostly start indented (paragraphs marked so)."""
        after_short = [b for a, b in zip(lines, lines[1:], strict=False)
                       if self.short(a) and not _HEADING.match(b.text)]
        if len(after_short) < 2:
            return False
        return sum(1 for b in after_short if self.indented(b)) >= 0.5 * len(after_short)


def _typical_size(lines: list[PdfLine]) -> float:
    return Counter(round(line.size, 1) for line in lines).most_common(1)[0][0] or 1.0


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _ends_paragraph(before: PdfLine, line: PdfLine, margins: _Margins, indent_style: bool) -> bool:
    if margins.indented(line):
        return True
    # The next line's first word would have fitted here (with room for estimated widths):
    # this line was ended on purpose.
    first_word = _FIRST_WORD.match(line.text.strip())
    needed = _width(first_word.group()) if first_word else 1.0
    if margins.room(before) > max(1.15 * needed + 0.5, _SHORT_EM) * before.size:
        return True
    if abs(line.size - before.size) > 0.15 * before.size:
        return True  # a title or heading in a larger font
    if before.text.rstrip().endswith(_HISTORY_END) and _DATED.match(line.text):
        return True
    ends_sentence = before.text.rstrip().endswith(_SENTENCE_END + _HISTORY_END)
    if _PART_HEADING.match(line.text):
        return True
    if _HEADING.match(line.text):
        # A heading follows the end of a paragraph; after a full line that stops
        # mid-sentence, "第三十九条或者第四十条的规定…" is a cross-reference wrapped there.
        return ends_sentence
    if ends_sentence:
        return not indent_style
    return False


def _join(left: str, right: str) -> str:
    if len(left) >= 2 and left[-1] in "-‐" and left[-2].isalpha() and left[-2].isascii() \
            and right[:1].islower():
        return left[:-1] + right  # a hyphenated Latin word put back together
    if left[-1:].isascii() and right[:1].isascii() and left[-1:].isalnum() and right[:1].isalnum():
        return left + " " + right
    if left[-1:] in ",.;:" and right[:1].isascii() and right[:1].isalnum():
        return left + " " + right
    return left + right
