"""How a document numbers itself, and its paragraph units numbered by that numbering.

Three numberings (see the README's "Units of analysis" for examples):

* ``statute`` — statutes and regulations (条例, 法, 办法, 规定 with 第X条): units are
  articles, numbered ``D[-编]-章[-节]-条`` with the numbers read from 第X编/第X章/第X节/第X条
  (Chinese numerals converted); a statute without chapters numbers its articles ``D-条``.
  An article's paragraphs (款) and items (项, （一）…) are sub-units: 第九条第二款 is
  ``D-章-9-2``, its item （三） ``D-章-9-2-3``.
* ``outline`` — notices, opinions, plans and articles (一、 （一） 1. （1） 1 / 1.1 / 1.1.1, with
  or without a space after the number): sections and numbered clauses carry the numbers their
  markers read. A heading is ``S-0``; a numbered clause ``S-n``; items of a numbered line are
  ``…-n-m``; plain paragraphs of a section are counted: ``S-k``, or ``S-0-k`` in a section whose
  clauses carry numbers (so the two never meet).
* ``paragraphs`` — text that fits no numbering rule: every paragraph ``D-0-k``.

In every numbering, what comes before the first heading (title, byline, salutation) is
``D-0-k``; a title broken over two lines is one unit; a line ending in ：introduces a list,
whose numbered lines are its items, not headings; 附件 and 附录 (annexes) are parts of their own,
``D-附1-…``, each numbered by the rule that fits it. A marker that repeats or goes back (三、
after 三、) takes the number after its previous sibling, so numbers never repeat.

:func:`detect_numbering` tells which rule fits a text; a document may be given another.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from annotator.chinese.numbering import (
    COLON_END,
    MARKER_START,
    Heading,
    chinese_number,
    is_title_text,
    parse_heading,
)

NUMBERINGS = ("auto", "statute", "outline", "paragraphs")
AUTO, STATUTE, OUTLINE, PARAGRAPHS = NUMBERINGS

UnitSpan = tuple[str, int, int, bool]  # number, start, end (code points), heading
SubUnit = tuple[str, int, int]  # number, start, end of a 款 or 项 inside an article
_SPACE = " \t\u3000\u00a0\u200b\ufeff"
# A non-empty line trimmed of _SPACE: from its first to its last character outside _SPACE.
_LINE = re.compile(f"[^\n{_SPACE}](?:[^\n]*[^\n{_SPACE}])?")

_ANNEX = re.compile(r"附\s*[件录]\s*(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})?\s*[:：]?")
_ANNEX_TITLED = re.compile(
    r"附\s*[件录]\s*(?P<n>\d{1,2}|[一二三四五六七八九十]{1,3})(?:\s*[:：]\s*|\s+)(?P<title>.{1,40})")
# What ends a title (its genre), and what shows a title line goes on.
_GENRE_END = re.compile(
    r"(?:通知|意见|意見|方案|办法|辦法|条例|條例|规定|規定|决定|決定|细则|細則|规划|規劃|纲要|綱要"
    r"|公告|通告|批复|批復|报告|報告|函|法|措施|指引|要点|要點|计划|計劃|指南|清单|清單|章程|准则"
    r"|準則|规则|規則|标准|標準|制度|守则|守則|决议|決議|公报|公報|目录|目錄|名单|名單)"
    r"(?:[（(][^（）()]{1,12}[)）])?$")
_GOES_ON = ("关于", "關於", "关於", "的", "《", "和", "及", "与", "與", "、", "暨", "进一步",
            "進一步", "加快", "推进", "推進")
# A line that names an issuing body (or two, spaced apart) and nothing else.
_ISSUER_LINE = re.compile(
    r"(?:[\u4e00-\u9fff（）()]{2,30}(?:局|厅|委|部|院|办|府|会|室|署|行|处|中心)\s*){1,3}")
_NOT_TITLE = re.compile(r"[：:>＞»|【】\[\]]|^\d")
_ALWAYS_HEADINGS = frozenset({"decimal", "ar_space", "chapter", "section"})
# Levels that do not depend on the order styles first appear in: above every other.
_TOP_RANKS = {"chapter": -2, "section": -1}
# Title styles that divide a text into sections (一、 1.1 1 引言, a lone number): between
# articles they show an article about a statute, not a statute.
_SECTION_STYLES = frozenset({"cn", "decimal", "ar_space", "bare_cn", "bare_ar"})
_STATUTE_LEVELS = ("part", "chapter", "section")
_STATUTE_DIVISION = re.compile(r"[编章节]$")


@dataclass
class Structure:
    """A document's paragraph units and the sub-units of its articles."""

    numbering: str  # the rule that numbered it (never "auto")
    paragraphs: list[UnitSpan]
    subunits: list[SubUnit] = field(default_factory=list)


class _Line(NamedTuple):
    start: int
    end: int
    text: str
    heading: Heading | None


def _read_lines(text: str) -> list[_Line]:
    out: list[_Line] = []
    for m in _LINE.finditer(text):
        line = m.group()
        heading = parse_heading(line) if MARKER_START.match(line) else None
        out.append(_Line(m.start(), m.end(), line, heading))
    return out


def detect_numbering(text: str) -> str:
    """The numbering that fits ``text`` (its main part, before any annex): "statute",
    "outline" or "paragraphs"."""
    lines = _read_lines(text)
    _, first, stop = _parts(lines)[0]
    return _detect(lines[first:stop])


def _is_division(h: Heading | None) -> bool:
    """第X章 / 第X编 (not 第X部分 or 第X篇, which plans use) or 第X节, as a title."""
    return (h is not None and h.is_title and (
        h.style == "section" or (h.style == "chapter" and _STATUTE_DIVISION.search(h.marker)
                                 is not None)))


def _detect(lines: Sequence[_Line]) -> str:
    heads = [line.heading for line in lines if line.heading is not None]
    articles = [i for i, line in enumerate(lines)
                if line.heading is not None and line.heading.style == "article"]
    if len(articles) >= 2 and any(_is_division(h) for h in heads):
        return STATUTE
    if len(articles) >= 3:
        # Articles quoted under an article's own headings (一、出台背景 … 第一条 … 三、亮点)
        # make no statute: no section title may follow the first article (an article's
        # items, （一）… 1.…, may be short enough to read as titles; 附件 and 附录 are parts
        # of their own, with headings of their own).
        later = (line.heading for line in lines[articles[0]:] if line.heading is not None)
        if not any(h.is_title and h.style in _SECTION_STYLES for h in later):
            return STATUTE
    if any(h.value is not None for h in heads):
        return OUTLINE
    return PARAGRAPHS


def document_structure(document_number: int, text: str, numbering: str = AUTO) -> Structure:
    """The paragraph units of a document (sorted, not overlapping) and its sub-units.
    Not cached: :func:`annotator.chinese.units.unit_sets` reads a text's structure once for
    all its kinds of unit, and the unit cache keeps the results."""
    if numbering not in NUMBERINGS:
        raise ValueError(f"numbering must be one of {NUMBERINGS}, not {numbering!r}")
    return _structure(document_number, text, numbering)


def _structure(document_number: int, text: str, numbering: str) -> Structure:
    lines = _read_lines(text)
    out = Structure(numbering if numbering != AUTO else PARAGRAPHS, [])
    parts = _parts(lines)
    for k, (prefix_value, first, stop) in enumerate(parts):
        part = lines[first:stop]
        rule = numbering if numbering != AUTO else _detect(part)
        if k == 0:
            out.numbering = rule
        prefix = (str(document_number) if prefix_value is None
                  else f"{document_number}-附{prefix_value}")
        if prefix_value is not None:  # the annex's own line is its heading
            label = part[0]
            out.paragraphs.append((f"{prefix}-0", label.start, label.end, True))
            part = part[1:]
        if rule == STATUTE:
            _statute(prefix, part, out)
        elif rule == OUTLINE:
            _outline(prefix, part, out)
        else:
            _front(prefix, part, out)
    out.paragraphs.sort(key=lambda u: u[1])
    out.subunits.sort(key=lambda u: (u[1], -u[2]))
    _unique(out.paragraphs)
    return out


def _unique(units: list[UnitSpan]) -> None:
    """The rules keep numbers apart; should two ever meet, the later one is marked ′ so
    that no number stands for two units."""
    seen: set[str] = set()
    for k, (number, start, end, heading) in enumerate(units):
        while number in seen:
            number += "′"
        seen.add(number)
        units[k] = (number, start, end, heading)


# -- parts: the document and its annexes ---------------------------------------------------------
def _parts(lines: Sequence[_Line]) -> list[tuple[int | None, int, int]]:
    """(annex number or None, first line, stop line) of the main text and each annex."""
    starts: list[tuple[int, int]] = []
    used: list[int] = []
    for i, line in enumerate(lines):
        if i == 0 or not line.text.startswith("附"):
            continue
        m = _ANNEX.fullmatch(line.text)
        if m is None:
            m = _ANNEX_TITLED.fullmatch(line.text)
            # "附件1：名单" followed by "附件2：…" is the covering note's list of annexes
            if m is None or (i + 1 < len(lines) and _ANNEX_TITLED.fullmatch(lines[i + 1].text)):
                continue
        raw = m.group("n")
        value = chinese_number(raw) if raw else None
        if value is None or value in used:
            value = max(used, default=0) + 1
        used.append(value)
        starts.append((i, value))
    bounds = [i for i, _ in starts] + [len(lines)]
    return [(None, 0, bounds[0])] + [
        (value, bounds[k], bounds[k + 1]) for k, (_, value) in enumerate(starts)]


# -- front matter --------------------------------------------------------------------------------
def _front(prefix: str, lines: Sequence[_Line], out: Structure) -> int:
    """Number ``lines`` as front matter, ``prefix-0-k``, a title over two lines as one unit;
    returns the last k used."""
    i, n, counter = 0, len(lines), 0
    merged_title = False
    while i < n:
        start, end = lines[i].start, lines[i].end
        j = i + 1
        if not merged_title and i < 4 and _title_like(lines[i].text):
            j = i + title_lines([line.text for line in lines[i:i + 6]])
            end = lines[j - 1].end
            merged_title = j > i + 1
        counter += 1
        out.paragraphs.append((f"{prefix}-0-{counter}", start, end, False))
        i = j
    return counter


def _title_like(line: str) -> bool:
    return (len(line) <= 40 and is_title_text(line) and not _NOT_TITLE.search(line)
            and parse_heading(line) is None)


def title_lines(lines: Sequence[str]) -> int:
    """How many of ``lines`` (from the first, a title line) make one title: a title broken
    over two or three lines (…关于加强 / …工作的通知) is one, and so are the issuing bodies
    written line under line above 关于… (丰都县科学技术局 / 丰都县财政局 / 关于印发…的通知)."""
    if not lines or not _title_like(lines[0]):
        return 1
    bodies = 0
    while (bodies < 4 and bodies + 1 < len(lines) and _ISSUER_LINE.fullmatch(lines[bodies])
           and _title_like(lines[bodies + 1])):
        bodies += 1
    if bodies and not lines[bodies].startswith(("关于", "關於", "关於")):
        bodies = 0
    count = bodies + 1
    while (count < len(lines) and count < bodies + 3 and _title_like(lines[count])
           and _goes_on(lines[count - 1], lines[count])):
        count += 1
    return count


def _goes_on(first: str, second: str) -> bool:
    """Whether ``second`` carries on the title ``first`` began."""
    if _GENRE_END.search(first):
        return False
    return (_GENRE_END.search(second) is not None or first.endswith(_GOES_ON)
            or first.count("《") > first.count("》"))


# -- outline: notices, opinions, plans, articles ------------------------------------------------
@dataclass(eq=False, slots=True)
class _Node:
    kind: str  # "root" | "section" | "clause" | "para"
    level: int = 0
    value: int | None = None
    start: int = 0
    end: int = 0
    style: str = ""
    intro: bool = False
    children: list[_Node] = field(default_factory=list)


def _outline(prefix: str, lines: Sequence[_Line], out: Structure) -> None:
    decimal = any(line.heading is not None and line.heading.style == "decimal"
                  for line in lines)
    heads = [line.heading if line.heading is not None and line.heading.value is not None
             else None for line in lines]
    titles = _titles(heads)
    numbered = [i for i, h in enumerate(heads) if h is not None]
    first_title = next((i for i, t in enumerate(titles) if t), None)
    if first_title is not None:
        begin = first_title  # numbered lines above the first heading are front matter
    else:
        begin = numbered[0] if numbered else len(lines)
    counter = _front(prefix, lines[:begin], out)

    root = _Node("root")
    ranks: dict[object, int] = {}

    def rank(h: Heading) -> int:
        key = _level_key(h, decimal)
        if key in _TOP_RANKS:  # 第一部分 / 第一章 / 第一节 stand above 一、 wherever they appear
            return _TOP_RANKS[key]
        if key not in ranks:
            if isinstance(key, tuple):  # 1.1 ranks right below 1, whichever came first
                for depth in range(1, key[1]):
                    ranks.setdefault(("dec", depth), len(ranks) + 1)
            ranks[key] = len(ranks) + 1
        return ranks[key]

    stack: list[_Node] = [root]
    last: _Node | None = None  # the latest clause or paragraph (an introduction, maybe)
    run: list[_Node] = []  # open items of an introduction: [intro, item, sub-item …]
    n, i = len(lines), begin
    while i < n:
        line, h, is_title = lines[i], heads[i], titles[i]
        i += 1
        if h is not None and run and not is_title:
            placed = _place_item(run, h, rank, line)
            if placed is not None:
                last = placed
                continue
        if h is not None and is_title:
            run = []
            level = rank(h)
            while len(stack) > 1 and (stack[-1].kind == "clause" or stack[-1].level >= level):
                stack.pop()
            node = _Node("section", level, h.value, line.start, line.end, h.style)
            if not h.rest and i < n:  # a lone number: the next line is its title
                following = lines[i]
                if following.heading is None and is_title_text(following.text):
                    node.end = following.end
                    i += 1
            stack[-1].children.append(node)
            stack.append(node)
            last = None
            continue
        if h is not None:
            level = rank(h)
            if last is not None and last.intro and h.style != last.style and h.value == 1:
                item = _Node("clause", level, h.value, line.start, line.end, h.style, h.intro)
                last.children.append(item)
                run = [last, item]
                last = item
                continue
            run = []
            while len(stack) > 1 and stack[-1].level >= level:
                stack.pop()
            node = _Node("clause", level, h.value, line.start, line.end, h.style, h.intro)
            stack[-1].children.append(node)
            stack.append(node)
            last = node
            continue
        para = _Node("para", start=line.start, end=line.end,
                     intro=line.text.endswith(COLON_END))
        if run:
            # inside a list its plain paragraphs belong to the line introducing it (the list
            # goes on: 但…除外。 after the items of 含有下列物质：, or an item explained)
            run[0].children.append(para)
            continue
        # a plain paragraph belongs to the innermost section; one ending in ：introduces a
        # list inside a section, but not at the top, where "现将有关事项通知如下：" leads the
        # whole body
        section = next(s for s in reversed(stack) if s.kind in ("root", "section"))
        section.children.append(para)
        last = para if section.kind == "section" else None

    _number_children(root, prefix, out, root_counter=counter)


def _titles(heads: Sequence[Heading | None]) -> list[bool]:
    """Which numbered lines are headings: titles, unless they are items of a list (a run
    of numbered lines of one style with nothing between them, such as the names of five
    regulations, 1.…条例 2.…办法, is a list, not five headings)."""
    out = []
    for i, h in enumerate(heads):
        if h is None or not h.is_title:
            out.append(False)
            continue
        before = heads[i - 1] if i else None
        after = heads[i + 1] if i + 1 < len(heads) else None
        listed = any(o is not None and o.style == h.style and o.rest for o in (before, after))
        # 1.1 / 1 引言 / 第一章 lines are headings even with nothing between them
        out.append(not (listed and h.rest and h.style not in _ALWAYS_HEADINGS))
    return out


def _place_item(
    run: list[_Node], h: Heading, rank: Callable[[Heading], int], line: _Line
) -> _Node | None:
    """Put a numbered line into the open list of items, or None when it ends the list."""
    item_style = run[1].style
    if h.style == item_style:
        del run[2:]
        node = _Node("clause", run[1].level, h.value, line.start, line.end, h.style, h.intro)
        run[0].children.append(node)
        run[1] = node
        return node
    level = rank(h)
    if level > run[1].level and h.style != run[0].style:
        # deeper: a sub-item of the latest item (or of the sub-item above it)
        while len(run) > 2 and run[-1].level >= level:
            run.pop()
        node = _Node("clause", level, h.value, line.start, line.end, h.style, h.intro)
        run[-1].children.append(node)
        run.append(node)
        return node
    run.clear()
    return None


def _level_key(h: Heading, decimal: bool) -> object:
    if h.style == "decimal":
        return ("dec", h.depth)
    if h.style == "ar_space" or (decimal and h.style == "ar" and h.is_title):
        return ("dec", 1)
    return h.style


def _number_children(node: _Node, prefix: str, out: Structure, root_counter: int = 0) -> None:
    """Number ``node``'s children under ``prefix`` (its own number)."""
    numbered = any(c.kind != "para" for c in node.children)
    last_value = 0
    k = root_counter
    for child in node.children:
        if child.kind == "para":
            k += 1
            if node.kind == "root" or numbered:
                number = f"{prefix}-0-{k}"
            else:
                number = f"{prefix}-{k}"
            out.paragraphs.append((number, child.start, child.end, False))
            if child.children:
                _number_children(child, number, out)
            continue
        value = child.value
        if (value == 0 and node.kind == "root" and child.kind == "section"
                and last_value == 0):
            # 0 引言: section 0 is what comes before section 1, as the front matter is;
            # its paragraphs go on counting after the front matter's
            out.paragraphs.append((f"{prefix}-0-0", child.start, child.end, True))
            _number_children(child, f"{prefix}-0", out, root_counter=k)
            continue
        if value is None or value <= last_value:
            value = last_value + 1
        last_value = value
        own = f"{prefix}-{value}"
        if child.kind == "section":
            out.paragraphs.append((f"{own}-0", child.start, child.end, True))
        else:
            out.paragraphs.append((own, child.start, child.end, False))
        _number_children(child, own, out)


# -- statutes ------------------------------------------------------------------------------------
def _statute(prefix: str, lines: Sequence[_Line], out: Structure) -> None:
    def kind(line: _Line) -> str | None:
        h = line.heading
        if h is None:
            return None
        if h.style == "article":
            return "article"
        if _is_division(h):
            return "section" if h.style == "section" else (
                "part" if h.marker.endswith("编") else "chapter")
        return None

    kinds = [kind(line) for line in lines]
    articles = [i for i, k in enumerate(kinds) if k == "article"]
    first_article = articles[0] if articles else len(lines)
    # A table of contents lists the chapters before the first article; they come again.
    later = {(kinds[i], lines[i].heading.value) for i in range(first_article, len(lines))
             if kinds[i] in _STATUTE_LEVELS and lines[i].heading is not None}
    for i in range(first_article):
        h = lines[i].heading
        if kinds[i] in _STATUTE_LEVELS and h is not None and (kinds[i], h.value) in later:
            kinds[i] = None
    begin = next((i for i, k in enumerate(kinds) if k is not None), len(lines))
    _front(prefix, lines[:begin], out)

    path: dict[str, int] = {}  # open part / chapter / section numbers
    last: dict[tuple[str, ...], int] = {}  # last number used under each parent path
    lead: dict[str, int] = {}  # paragraphs between a heading and its first article
    head_prefix = prefix
    i, n = begin, len(lines)
    while i < n:
        line, k = lines[i], kinds[i]
        if k in _STATUTE_LEVELS:
            depth = _STATUTE_LEVELS.index(k)
            for deeper in _STATUTE_LEVELS[depth:]:
                path.pop(deeper, None)
            parent = tuple(str(path[lv]) for lv in _STATUTE_LEVELS if lv in path)
            value = _next_value(last, (prefix, *parent), line.heading)
            path[k] = value
            head_prefix = "-".join((prefix, *parent, str(value)))
            out.paragraphs.append((f"{head_prefix}-0", line.start, line.end, True))
            i += 1
            continue
        if k is None:  # between a heading and the first article of its division
            lead[head_prefix] = lead.get(head_prefix, 0) + 1
            out.paragraphs.append((f"{head_prefix}-0-{lead[head_prefix]}", line.start,
                                   line.end, False))
            i += 1
            continue
        # an article and its lines, up to the next article or heading
        j = i + 1
        while j < n and kinds[j] is None:
            j += 1
        parent = tuple(str(path[lv]) for lv in _STATUTE_LEVELS if lv in path)
        value = _next_value(last, (prefix, *parent, "条"), line.heading)
        number = "-".join((prefix, *parent, str(value)))
        out.paragraphs.append((number, line.start, lines[j - 1].end, False))
        _article_subunits(number, lines[i:j], out)
        i = j


def _next_value(last: dict[tuple[str, ...], int], key: tuple[str, ...],
                h: Heading | None) -> int:
    """The number a marker reads, or the one after its previous sibling when it repeats."""
    previous = last.get(key, 0)
    value = h.value if h is not None and h.value is not None else previous + 1
    if value <= previous:
        value = previous + 1
    last[key] = value
    return value


def _article_subunits(number: str, lines: Sequence[_Line], out: Structure) -> None:
    """款 (the article's paragraphs, the first being the article's own line) and 项 (its
    numbered items: （一） under a 款, 1. under a （一）…), kept when there is more than one."""
    kuan: list[list] = []  # [number, start, end], ends grown as items are added
    units: list[list] = []
    open_items: list[list] = []  # the latest item of each depth
    depths: dict[str, int] = {}  # item style -> depth, in order of appearance
    last: dict[str, int] = {}  # last item number under each owner
    for pos, line in enumerate(lines):
        h = line.heading if pos else None
        if h is not None and h.value is not None:
            depth = min(depths.setdefault(h.style, len(depths) + 1), len(open_items) + 1)
            del open_items[depth - 1:]
            owner = open_items[-1] if open_items else kuan[-1]
            previous = last.get(owner[0], 0)
            value = h.value if h.value > previous else previous + 1
            last[owner[0]] = value
            item = [f"{owner[0]}-{value}", line.start, line.end]
            units.append(item)
            open_items.append(item)
            for unit in (kuan[-1], *open_items):
                unit[2] = line.end
            continue
        open_items = []
        kuan.append([f"{number}-{len(kuan) + 1}", line.start, line.end])
        units.append(kuan[-1])
    if len(kuan) > 1 or len(units) > len(kuan):
        out.subunits.extend((a, b, c) for a, b, c in units)
