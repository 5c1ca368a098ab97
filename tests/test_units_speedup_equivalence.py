"""The fast sentence splitting gives exactly the sentences the first, plain-loop version gave.

The reference below is the code of annotator/chinese/units.py and numbering.py as it was
before the speed-up (per-character sentence loop, one regex call per marker style), kept
verbatim apart from names. Random texts from a grammar that stresses the rules, every
character that could matter, and the sample articles are split by both.

Paragraph units have since been numbered by the document's own numbering
(annotator/chinese/structure.py): for them the reference only checks what must still hold —
every number unique, units in order and apart, every character outside whitespace in one —
and the markers read as before, apart from the rules added on purpose (a number with no
space before a title, a title ending in ？, a line ending in ：, ⑴ and ⒈ markers).
"""

from __future__ import annotations

import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from annotator.chinese.numbering import parse_heading
from annotator.chinese.units import Unit, document_units, sentence_spans
from annotator.importing.readers import read_file

SAMPLES = Path(__file__).parent.parent / "samples"

# -- reference: numbering.py before the speed-up ----------------------------------------------
_CN = "[一二三四五六七八九十百零〇]"
_SP = r"[\s\u3000]*"
_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (style, re.compile(pattern))
    for style, pattern in (
        ("chapter", rf"第{_SP}(?:{_CN}+|\d{{1,3}}){_SP}(?:章|编|篇|部分)"),
        ("section", rf"第{_SP}(?:{_CN}+|\d{{1,3}}){_SP}节"),
        ("article", rf"第{_SP}(?:{_CN}+|\d{{1,3}}){_SP}条"),
        ("ordinal", rf"第{_CN}{{1,3}}[，,、：:]"),
        ("cn", rf"{_CN}{{1,3}}{_SP}[、．.](?!\d|{_CN}(?:、|线|级|等))"),
        ("cn_paren", rf"[（(]{_SP}{_CN}{{1,3}}{_SP}[）)]"),
        ("ar_paren", rf"[（(]{_SP}\d{{1,3}}{_SP}[）)]"),
        ("decimal", r"\d{1,2}(?:[.．]\d{1,2}){1,3}[.．]?(?=[\s\u3000])"),
        ("ar", r"\d{1,3}[.．、](?!\d)"),
        ("ar_space", r"\d{1,2}[\s\u3000]+(?=\D)"),
        ("ar_half", r"\d{1,3}[)）]"),
        ("circled", "[\u2460-\u2473\u2776-\u277f]"),
    )
)
_BARE = (("bare_cn", re.compile(rf"{_CN}{{1,3}}")), ("bare_ar", re.compile(r"\d{1,2}")))
_TITLE_ONLY = frozenset({"ar_space", "decimal"})
_SENTENCE_PUNCT = re.compile("[。！？；!?;]")
TITLE_MAX = 40
_STRIP = " \t\u3000\u00a0\u200b\ufeff"


@dataclass(frozen=True)
class OldHeading:
    style: str
    marker: str
    rest: str
    is_title: bool


def old_is_title_text(text: str) -> bool:
    return len(text) <= TITLE_MAX and not _SENTENCE_PUNCT.search(text)


def old_parse_heading(line: str) -> OldHeading | None:
    line = line.strip(_STRIP)
    for style, pattern in _BARE:
        if pattern.fullmatch(line):
            return OldHeading(style, line, "", True)
    for style, pattern in _MARKERS:
        m = pattern.match(line)
        if m:
            rest = line[m.end():].strip(_STRIP)
            is_title = not rest or old_is_title_text(rest)
            if style in _TITLE_ONLY and not is_title:
                return None
            return OldHeading(style, m.group().strip(_STRIP), rest, is_title)
    return None


# -- reference: units.py before the speed-up --------------------------------------------------
_SPACE = " \t\u3000\u00a0\u200b\ufeff"


def old_lines(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        lead = len(line) - len(line.lstrip(_SPACE))
        body = line.strip(_SPACE)
        if body:
            spans.append((pos + lead, pos + lead + len(body)))
        pos += len(line) + 1
    return spans


def old_number(document_number: int, path: tuple[int, ...], counter: int) -> str:
    return "-".join(str(n) for n in (document_number, *path, counter))


def old_paragraph_units(document_number: int, text: str) -> list[Unit]:
    lines = old_lines(text)
    levels: dict[str, int] = {}
    stack: list[tuple[int, int]] = []
    sections: dict[tuple[int, ...], int] = {}
    counters: dict[tuple[int, ...], int] = {}
    units: list[Unit] = []
    i = 0
    while i < len(lines):
        start, end = lines[i]
        heading = old_parse_heading(text[start:end])
        if heading is not None and not heading.is_title and not levels:
            heading = None
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
                if old_parse_heading(following) is None and old_is_title_text(following):
                    end = next_end
                    i += 1
            units.append(Unit(old_number(document_number, (*parent, ordinal), 0), "paragraph",
                              start, end, heading=True))
        else:
            path = tuple(ordinal for _, ordinal in stack) or (0,)
            counter = counters[path] = counters.get(path, 0) + 1
            units.append(Unit(old_number(document_number, path, counter), "paragraph", start,
                              end))
        i += 1
    return units


def old_document_units(document_number: int, text: str, kind: str) -> list[Unit]:
    paragraphs = old_paragraph_units(document_number, text)
    if kind == "paragraph":
        return paragraphs
    units: list[Unit] = []
    for p in paragraphs:
        if p.heading:
            units.append(Unit(f"{p.number}.1", "sentence", p.start, p.end, heading=True))
            continue
        for k, (s, e) in enumerate(old_sentence_spans(text[p.start:p.end]), 1):
            units.append(Unit(f"{p.number}.{k}", "sentence", p.start + s, p.start + e))
    return units


_SENTENCE_END = "。！？；!?;"
_OPEN, _CLOSE = "《“‘（(「『【〔", "》”’）)」』】〕"
_QUOTE_CLOSE = "”’」』"


def old_sentence_spans(text: str) -> list[tuple[int, int]]:
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
            ends = depth == 0 and ch in _QUOTE_CLOSE and text[i - 1] in _SENTENCE_END
        elif ch in _SENTENCE_END and depth == 0:
            ends = True
        if ends:
            while i + 1 < n and text[i + 1] in _SENTENCE_END:
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


# -- texts that stress the rules --------------------------------------------------------------
HANZI = "推动科技成果转化改革试点市区县企业高校二三线级等"
PUNCT = "。！？；!?;，、：:,."
BRACKETS = _OPEN + _CLOSE
BLANKS = (" ", "\t", "\u3000", "\u00a0", "\u200b", "\ufeff", "\r", "\x0b", "\x0c", "\x85",
          "\u2028", "\u2029", "\u1680", "\u2003", "\u202f", "\x1c")
MARKERS = (
    "一、", "二、", "十二、", "一 、", "一.", "一．", "二、三线城市", "一、二等奖", "（一）",
    "(二)", "（ 三 ）", "（1）", "(2)", "（12）", "1.", "2、", "3．", "1)", "2）", "1.1 ", "2.3.4 ",
    "1.2", "3 ", "3\u3000", "12 ", "①", "⑳", "❶", "第一章", "第二节", "第三条", "第 3 条",
    "第十二条\u3000", "第一编", "第二部分", "第一，", "第二：", "１．", "٣.", "123.", "1.5倍",
)
LONE = ("一", "二", "十二", "一二三四", "1", "12", "123", "１", "①", "第一章")
# Bracketed pieces as they come in policy texts: inert pairs (nothing inside that matters),
# pairs with sentence ends or other brackets inside, empty pairs.
PAIRS = ("《关于深化改革的意见》", "（一）", "“放管服”", "「甲」", "【乙】", "〔2023〕", "(1)",
         "（注：见下。）", "“好。”", "‘是！’", "《甲（乙）丙》", "“甲《乙》丙。”", "（）", "“”",
         "『乙；』", "（a“b）c”", "《书。名》")
ENDINGS = ("。", "！", "？", "；", "!", "?", ";", "？！", "。。", "。”", "！’", "?」", "。』",
           "”。", "。）", "…")


def piece(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.40:
        return "".join(rng.choices(HANZI, k=rng.randint(1, 12)))
    if roll < 0.55:
        return rng.choice(ENDINGS)
    if roll < 0.64:
        return rng.choice(BRACKETS)
    if roll < 0.72:
        return rng.choice(PAIRS)
    if roll < 0.82:
        return rng.choice(PUNCT)
    if roll < 0.92:
        return rng.choice(BLANKS)
    return rng.choice("abc123")


def line(rng: random.Random) -> str:
    roll = rng.random()
    lead = "".join(rng.choices(BLANKS[:6], k=rng.choice((0, 0, 1, 2))))
    tail = "".join(rng.choices(BLANKS, k=rng.choice((0, 0, 0, 1, 2))))
    if roll < 0.12:
        return lead + rng.choice(LONE) + tail
    if roll < 0.18:
        return lead + tail  # blank line
    marker = rng.choice(MARKERS) if roll < 0.55 else ""
    if rng.random() < 0.4:  # short: reads as a title
        body = "".join(rng.choices(HANZI, k=rng.randint(0, 10)))
    else:
        body = "".join(piece(rng) for _ in range(rng.randint(1, 30)))
    return lead + marker + body + tail


def random_text(rng: random.Random) -> str:
    lines = [line(rng) for _ in range(rng.randint(0, 25))]
    text = ""
    for body in lines:
        text += body + rng.choice(("\n", "\n", "\n", "\r\n", "\n\n"))
    if rng.random() < 0.3:
        text = text.rstrip("\n")  # no final line break
    if rng.random() < 0.05:
        text = rng.choice(_QUOTE_CLOSE) + text  # a closer at offset 0 looks at text[-1]
    return text


def sample_texts() -> list[str]:
    texts = []
    for path in sorted(SAMPLES.iterdir()):
        if path.suffix in (".txt", ".html", ".docx"):
            texts.append(read_file(path).text)
        if path.suffix == ".txt":  # raw too: BOM, \r\n line ends, GBK
            data = path.read_bytes()
            for encoding in ("utf-8-sig", "gb18030"):
                try:
                    texts.append(data.decode(encoding))
                    break
                except UnicodeDecodeError:
                    continue
    return texts


def assert_same(text: str, number: int = 7) -> None:
    paragraphs = document_units(number, text, "paragraph")
    numbers = [u.number for u in paragraphs]
    assert len(set(numbers)) == len(numbers), text
    assert all(a.end <= b.start for a, b in zip(paragraphs, paragraphs[1:], strict=False)), text
    covered = {i for u in paragraphs for i in range(u.start, u.end)}
    assert all(i in covered or text[i].isspace() or text[i] in "\u200b\ufeff"
               for i in range(len(text))), text
    # The sentences are the reference's, whatever paragraphs they are numbered in; a heading
    # is one sentence, so lines that became (or stopped being) headings on purpose are left
    # out of the comparison.
    new = document_units(number, text, "sentence")
    old = old_document_units(number, text, "sentence")
    headings = [(u.start, u.end) for u in (*new, *old) if u.heading]

    def outside(units: list[Unit]) -> list[tuple[int, int]]:
        return [(u.start, u.end) for u in units
                if not any(a <= u.start < b for a, b in headings)]

    assert outside(new) == outside(old), text
    assert sentence_spans(text) == old_sentence_spans(text), text  # whole text, line breaks in


_ADDED_ON_PURPOSE = re.compile(
    r"^[\s\u3000]*\d{1,2}(?:[.．]\d{1,2})*[.．]?[\u4e00-\u9fff]|[？?：:，,、][\s\u3000]*$|千"
    "|^[\u2474-\u249b]|\\d{6}$")  # ⑴ and ⒈ markers, an affiliation's postcode


def same_marker(line_text: str) -> bool:
    """parse_heading reads ``line_text`` as the reference did (or a rule added on purpose
    applies to it)."""
    if _ADDED_ON_PURPOSE.search(line_text):
        return True
    new, old = parse_heading(line_text), old_parse_heading(line_text)
    if new is None or old is None:
        return new is None and old is None
    return (new.style, new.marker, new.rest, new.is_title) == (
        old.style, old.marker, old.rest, old.is_title)


# -- tests ------------------------------------------------------------------------------------
def test_random_texts_split_as_before() -> None:
    rng = random.Random(20240601)
    for _ in range(3000):
        assert_same(random_text(rng))


def test_sample_articles_split_as_before() -> None:
    texts = sample_texts()
    assert len(texts) == 14  # 8 read by the project's readers, 6 .txt decoded raw
    for number, text in enumerate(texts, 1):
        assert_same(text, number)
        for start, end in old_lines(text):
            assert same_marker(text[start:end]), text[start:end]


def test_short_strings_of_special_characters_split_as_before() -> None:
    rng = random.Random(7)
    alphabet = _OPEN + _CLOSE + _SENTENCE_END + "\n\r 甲\u3000\u200b"
    for _ in range(20000):
        text = "".join(rng.choices(alphabet, k=rng.randint(0, 12)))
        assert sentence_spans(text) == old_sentence_spans(text), text


@pytest.mark.parametrize("text", [
    "", "\n", "\r\n\r\n", " \u3000\u200b\ufeff\u00a0\t", "甲", "。", "”", "”甲。", "。”",
    "他说：“好。”然后（注：见下。）走了！？  \n下一句《书。名》完",
    "）甲。）乙。》丙", "（（甲。）", "“甲。”。乙", "甲？！。乙", "《甲\n乙。", "甲\r\n乙。\r\n",
])
def test_edge_cases_split_as_before(text: str) -> None:
    assert_same(text)


def test_every_whitespace_character_is_trimmed_as_before() -> None:
    # Every character of the Basic Multilingual Plane (all of str.isspace()'s are there)
    # around a sentence and a paragraph, one per line.
    chars = [chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000]
    text = "".join(f"{c}{c}甲。{c}乙{c}{c}\n" for c in chars)
    assert sentence_spans(text) == old_sentence_spans(text)
    assert [(u.start, u.end) for u in document_units(1, text, "paragraph")] == [
        (u.start, u.end) for u in old_document_units(1, text, "paragraph")]


def test_every_character_that_could_start_a_marker_is_read_as_before() -> None:
    digits = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isdecimal()]
    bmp = [chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000]
    for c in bmp + digits:
        # each character that starts a marker makes one of these a heading
        for line_text in (c, f"{c}一）", f"{c}一章"):
            assert same_marker(line_text), line_text
