"""Units of analysis: paragraphs and sentences, numbered "政策编号-章节-条款".

Numbering scheme
----------------
A paragraph unit's number is ``D-S1[-S2…]-P``:

* ``D`` — the document number (政策编号, :attr:`DocumentInfo.number`);
* ``S1, S2 …`` — the unit's place in the heading hierarchy: ``S1`` counts the top-level
  sections, ``S2`` the sub-sections inside ``S1``, and so on. Sections are *counted*, not read
  from their markers, so a skipped or repeated marker in the source never gives duplicate or
  missing numbers. Everything before the first heading (title, byline, lead) is section 0;
* ``P`` — the paragraph counter within the innermost section: 1, 2, 3 …. The heading line
  itself is a unit too, with ``P = 0``, so every line of the text lies in some unit.

A paragraph is a non-empty line. A heading is a paragraph that starts with section numbering
(一、 （一） (一) 1. 1、 (1) （1） 1) ① 1.1 第一章 第一节 第一条 第一， …, see
:mod:`annotator.chinese.numbering`) *and* reads as a title: nothing or a short text without
sentence punctuation after the marker. A number standing alone on its line (一, 1 — saved web
pages) is a heading that takes the next line as its title when that line reads as one; the
heading unit then spans both lines. Heading levels come from the document: marker styles rank
in the order they first appear from the first heading on (一、 before （一） in a policy text,
1. before (1) in a journal article). A heading closes the open sections of its level or deeper.

A paragraph that starts with a marker but is body text — "（一）明确赋权范围和程序。市科技局…",
"第一条　明确资金性质。…" — is a *numbered clause*: it closes open sub-sections of its level or
deeper and is counted as a paragraph of the enclosing section. So in document 3 ::

    关于深化区域科技创新合作的若干意见         3-0-1
    来源：示例                              3-0-2
    一、建立跨区域协同机制                   3-1-0
    （一）三地建立联席会议制度。…             3-1-1
    （二）推广创新券通用通兑。…               3-1-2
    二、推动资源共享                        3-2-0
    各地要……。                             3-2-1
    1                                      3-2-1-0  (heading: the lone number + next line)
    建设统一平台
    平台由……。                             3-2-1-1

Sentence units number the sentences of each paragraph after a dot: ``3-2-1.2`` is the second
sentence of paragraph 3-2-1. A heading is one sentence (``3-2-0.1``). Sentences end at 。！？；
(and !?;) and at line ends, never inside 《》, “”, （） or other brackets; a full stop right
before a closing quote (…。”) ends the sentence after the quote.

Units are sorted by start, never overlap, and carry code-point offsets [start, end) trimmed of
surrounding whitespace.
"""

from __future__ import annotations

import threading
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from annotator.chinese.numbering import is_title_text, parse_heading

if TYPE_CHECKING:
    from annotator.project import Project

UNIT_KINDS = ("paragraph", "sentence")
_SPACE = " \t\u3000\u00a0\u200b\ufeff"


@dataclass(frozen=True)
class Unit:
    number: str  # e.g. "3-2-1": document number, section path, clause (see module docstring)
    kind: str  # "paragraph" | "sentence"
    start: int  # code points, end exclusive
    end: int
    heading: bool = False  # a section heading (paragraph number ends in -0)


def _lines(text: str) -> list[tuple[int, int]]:
    """[start, end) of every non-empty line, trimmed of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        lead = len(line) - len(line.lstrip(_SPACE))
        body = line.strip(_SPACE)
        if body:
            spans.append((pos + lead, pos + lead + len(body)))
        pos += len(line) + 1
    return spans


def _number(document_number: int, path: tuple[int, ...], counter: int) -> str:
    return "-".join(str(n) for n in (document_number, *path, counter))


def _paragraph_units(document_number: int, text: str) -> list[Unit]:
    lines = _lines(text)
    levels: dict[str, int] = {}  # marker style -> level, in order of first appearance
    stack: list[tuple[int, int]] = []  # open sections: (level, ordinal among siblings)
    sections: dict[tuple[int, ...], int] = {}  # sub-sections opened so far, per parent path
    counters: dict[tuple[int, ...], int] = {}  # paragraphs so far, per section path
    units: list[Unit] = []
    i = 0
    while i < len(lines):
        start, end = lines[i]
        heading = parse_heading(text[start:end])
        if heading is not None and not heading.is_title and not levels:
            heading = None  # a numbered line in the front matter is just a paragraph
        if heading is not None:
            level = levels.setdefault(heading.style, len(levels) + 1)
            while stack and stack[-1][0] >= level:
                stack.pop()
        if heading is not None and heading.is_title:
            parent = tuple(ordinal for _, ordinal in stack)
            ordinal = sections[parent] = sections.get(parent, 0) + 1
            stack.append((level, ordinal))
            if not heading.rest and i + 1 < len(lines):
                next_start, next_end = lines[i + 1]
                following = text[next_start:next_end]
                if parse_heading(following) is None and is_title_text(following):
                    end = next_end
                    i += 1
            units.append(Unit(_number(document_number, (*parent, ordinal), 0), "paragraph",
                              start, end, heading=True))
        else:
            path = tuple(ordinal for _, ordinal in stack) or (0,)
            counter = counters[path] = counters.get(path, 0) + 1
            units.append(Unit(_number(document_number, path, counter), "paragraph", start, end))
        i += 1
    return units


def document_units(document_number: int, text: str, kind: str = "paragraph") -> list[Unit]:
    """The units of one document's text, numbered as the module docstring describes."""
    if kind not in UNIT_KINDS:
        raise ValueError(f"unit kind must be one of {UNIT_KINDS}, not {kind!r}")
    paragraphs = _paragraph_units(document_number, text)
    if kind == "paragraph":
        return paragraphs
    units: list[Unit] = []
    for p in paragraphs:
        if p.heading:
            units.append(Unit(f"{p.number}.1", "sentence", p.start, p.end, heading=True))
            continue
        for k, (s, e) in enumerate(sentence_spans(text[p.start:p.end]), 1):
            units.append(Unit(f"{p.number}.{k}", "sentence", p.start + s, p.start + e))
    return units


def paragraph_units(document_number: int, text: str) -> list[Unit]:
    """Paragraph units of a document (:func:`document_units` with kind "paragraph")."""
    return document_units(document_number, text, "paragraph")


def unit_at(units: Sequence[Unit], offset: int) -> Unit | None:
    """The unit containing ``offset`` (units sorted by start, not overlapping)."""
    i = bisect_right([u.start for u in units], offset) - 1
    if i >= 0 and units[i].start <= offset < units[i].end:
        return units[i]
    return None


def units_for_span(units: Sequence[Unit], start: int, end: int) -> list[Unit]:
    """Every unit that [start, end) overlaps, in order."""
    first = max(bisect_right([u.start for u in units], start) - 1, 0)
    out: list[Unit] = []
    for u in units[first:]:
        if u.start >= end:
            break
        if u.end > start:
            out.append(u)
    return out


def unit_for_span(units: Sequence[Unit], start: int, end: int) -> Unit | None:
    """The unit a passage [start, end) belongs to: the first unit it overlaps (a passage
    crossing units is filed under the one it starts in), or None between units."""
    found = units_for_span(units, start, max(end, start + 1))
    return found[0] if found else None


# -- sentences --------------------------------------------------------------------------------
_SENTENCE_END = "。！？；!?;"
_OPEN, _CLOSE = "《“‘（(「『【〔", "》”’）)」』】〕"
_QUOTE_CLOSE = "”’」』"


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences: ended by 。！？； or a line break, never inside 《》 or “” (code points),
    trimmed of surrounding whitespace; see the module docstring."""
    spans: list[tuple[int, int]] = []
    depth = 0
    start: int | None = None
    n = len(text)
    i = 0
    while i < n:
        ch = text[i]
        if ch == "\n":
            if start is not None:
                spans.append((start, i))
            start, depth = None, 0
            i += 1
            continue
        if start is None:
            if ch in _SPACE or ch.isspace():
                i += 1
                continue
            start = i
        ends = False
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            if depth:
                depth -= 1
            # 。” closes the quoted sentence and the sentence around it
            ends = depth == 0 and ch in _QUOTE_CLOSE and text[i - 1] in _SENTENCE_END
        elif ch in _SENTENCE_END and depth == 0:
            ends = True
        if ends:
            while i + 1 < n and text[i + 1] in _SENTENCE_END:  # ？！ and 。。 end once
                i += 1
            spans.append((start, i + 1))
            start = None
        i += 1
    if start is not None:
        spans.append((start, n))
    out = []
    for s, e in spans:
        while e > s and (text[e - 1] in _SPACE or text[e - 1].isspace()):
            e -= 1
        if e > s:
            out.append((s, e))
    return out


# -- per project ------------------------------------------------------------------------------
_CACHE_SIZE = 256
_cache: OrderedDict[tuple[str, int, str], tuple[Unit, ...]] = OrderedDict()
_cache_lock = threading.Lock()


def units_of(project: Project, document_id: int, kind: str = "paragraph") -> list[Unit]:
    """The units of a project document. Cached by the text's content hash and the document
    number, so repeated calls (margin painting, exports) cost one small query."""
    from annotator.db import documents as doc_repo

    if kind not in UNIT_KINDS:
        raise ValueError(f"unit kind must be one of {UNIT_KINDS}, not {kind!r}")
    with project.session_scope() as s:
        doc = doc_repo.get_document(s, document_id)
        key = (doc.content_hash, doc.number, kind)
        with _cache_lock:
            cached = _cache.get(key)
            if cached is not None:
                _cache.move_to_end(key)
                return list(cached)
        text, number = doc.text, doc.number
    units = document_units(number, text, kind)
    with _cache_lock:
        _cache[key] = tuple(units)
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return units
