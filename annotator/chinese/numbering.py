"""Chinese section numbering at the start of a paragraph: 第一章 一、 （一） 1. (1) 第一条 ….

:func:`parse_heading` recognises the marker and tells a *title* (a short line that names a
section: "一、改革的主要做法", "1. 引言", or a number standing alone on its line as in saved web
pages) from a *numbered clause* (body text that starts with a marker: "（一）明确赋权范围。市科技局
…"). Titles open sections; clauses are paragraphs. Marker styles have no fixed rank: the
document decides (see :mod:`annotator.chinese.units`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

_CN = "[一二三四五六七八九十百千零〇]"
_SP = r"[\s\u3000]*"
# Right after a bare number, a CJK character that starts a title rather than counting
# something (3家企业, 2023年, 1.5亿元, 5个方面 are amounts, not headings).
_MEASURE = "年月日号时分秒个家项条款次批届期名人位所座户元角万亿千百十倍米吨度类种级层轮"
_CJK_NEXT = f"(?=[\u4e00-\u9fff])(?![{_MEASURE}])"
# (style, pattern). Order matters: 第一条 must be tried before 第一，.
_MARKERS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (style, re.compile(pattern))
    for style, pattern in (
        ("chapter", rf"第{_SP}(?:{_CN}+|\d{{1,3}}){_SP}(?:章|编|篇|部分)"),
        ("section", rf"第{_SP}(?:{_CN}+|\d{{1,3}}){_SP}节"),
        ("article", rf"第{_SP}(?:{_CN}+|\d{{1,3}}){_SP}条"),
        ("ordinal", rf"第{_CN}{{1,3}}[，,、：:]"),  # 第一，… (enumeration in prose)
        # not 二、三线城市 or 一、二等奖: a list of numerals, not a heading
        ("cn", rf"{_CN}{{1,3}}{_SP}[、．.](?!\d|{_CN}(?:、|线|级|等))"),
        ("cn_paren", rf"[（(]{_SP}{_CN}{{1,3}}{_SP}[）)]"),
        ("ar_paren", rf"[（(]{_SP}\d{{1,3}}{_SP}[）)]"),
        # 1.1 引言, and 3.1美国高校… as PDF text writes it (not 3.5亿元: a number and its unit)
        ("decimal", rf"\d{{1,2}}(?:[.．]\d{{1,2}}){{1,3}}[.．]?(?:(?=[\s\u3000])|{_CJK_NEXT})"),
        ("ar", r"\d{1,3}[.．、](?!\d)"),
        # 1 引言 and 1国内外研究现状 (journal style, titles only; not 3家企业, 2023年)
        ("ar_space", rf"\d{{1,2}}(?:[\s\u3000]+(?=\D)|{_CJK_NEXT})"),
        ("ar_half", r"\d{1,3}[)）]"),
        ("circled", "[\u2460-\u2473\u2776-\u277f]"),  # ① … ⑳, ❶ … ❿
        ("paren_digit", "[\u2474-\u2487]"),  # ⑴ … ⒇, one character each
        ("dot_digit", "[\u2488-\u249b]"),  # ⒈ … ⒛
    )
)
_BARE = (("bare_cn", re.compile(rf"{_CN}{{1,3}}")), ("bare_ar", re.compile(r"\d{1,2}")))
# Styles that also start ordinary sentences ("3 家企业…"): only ever titles.
_TITLE_ONLY = frozenset({"ar_space", "decimal"})
_SENTENCE_PUNCT = re.compile("[。！？；!?;]")
TITLE_MAX = 40  # characters after the marker; longer lines are body text
_STRIP = " \t\u3000\u00a0\u200b\ufeff"
# The lists above as one alternation each, tried in one regex call: the first alternative
# that matches wins, as the first pattern in the list did; its group names the style.
_ANY_BARE = re.compile("|".join(f"(?P<{style}>{p.pattern})" for style, p in _BARE))
_ANY_MARKER = re.compile("|".join(f"(?P<{style}>{p.pattern})" for style, p in _MARKERS))
#: Every marker starts with one of these (\d: any decimal digit, as in the patterns), so one
#: cheap match turns away ordinary body text.
MARKER_START = re.compile(rf"[第（(\d\u2460-\u249b\u2776-\u277f]|{_CN}")


class Heading(NamedTuple):  # a tuple: made for every numbered line, so cheap to make
    style: str  # e.g. "cn" for 一、, "cn_paren" for （一）, "bare_ar" for a lone 1
    marker: str  # the marker as written, e.g. "（一）"
    rest: str  # the text after the marker, trimmed
    is_title: bool  # a section title (opens a section), not a numbered clause
    #: The number the marker reads: 3 for 三、 （三） 第三条 ③, 1 for 3.1 (the last part).
    value: int | None = None
    #: Parts of a decimal number: 2 for 3.1, 3 for 1.2.1; 1 for every other marker.
    depth: int = 1
    #: The text ends in a colon: it introduces a list (具备下列条件：), it is no title.
    intro: bool = False


_TRAILING_QUESTION = re.compile("[？?]+$")
# An author's affiliation under a journal article's title ends in a postcode: "1 中国科学院成都
# 文献情报中心 成都 610299" is no heading.
_POSTCODE_END = re.compile(r"[\s,，]\d{6}$")
#: A line ending in one of these introduces a list (具备下列条件：).
COLON_END = ("：", ":")
# A line ending in one of these goes on (a list follows, or the sentence does).
_GOES_ON = (*COLON_END, "，", ",", "、")


def is_title_text(text: str) -> bool:
    """Short, without sentence punctuation (but for a closing question mark, as in
    "（一）为什么要改革？"), not ending in a colon: reads as a title, not as body text."""
    if len(text) > TITLE_MAX or text.endswith(_GOES_ON) or _POSTCODE_END.search(text):
        return False
    return not _SENTENCE_PUNCT.search(_TRAILING_QUESTION.sub("", text))


_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
              "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000}


@lru_cache(maxsize=4096)
def chinese_number(text: str) -> int | None:
    """一百二十三 → 123, 十五 → 15, 二〇 → 20 (digit by digit), 12 → 12; None if unreadable."""
    text = text.strip()
    if text.isdigit():
        return int(text)
    if not text or any(ch not in _CN_DIGITS and ch not in _CN_UNITS for ch in text):
        return None
    if not any(ch in _CN_UNITS for ch in text):  # 二〇二三: digits written one by one
        return int("".join(str(_CN_DIGITS[ch]) for ch in text))
    total, digit = 0, None
    for ch in text:
        if ch in _CN_DIGITS:
            digit = _CN_DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * _CN_UNITS[ch]
            digit = None
    return total + (digit or 0)


# First code point of each run of one-character markers (① and ❶; ⑴; ⒈), highest first.
_ONE_CHARACTER = {"circled": (0x2776, 0x2460), "paren_digit": (0x2474,), "dot_digit": (0x2488,)}
_NUMERAL = re.compile(r"\d+|[一二三四五六七八九十百千零〇两]+")
_DECIMAL_PARTS = re.compile(r"\d+")


def _value(style: str, marker: str) -> tuple[int | None, int]:
    """(number read from a marker, its depth)."""
    if style in _ONE_CHARACTER:
        code = ord(marker[0])
        return code - next(first for first in _ONE_CHARACTER[style] if code >= first) + 1, 1
    if style == "decimal":
        parts = _DECIMAL_PARTS.findall(marker)
        return int(parts[-1]), len(parts)
    found = _NUMERAL.search(marker)
    return (chinese_number(found.group()) if found else None), 1


def parse_heading(line: str) -> Heading | None:
    """The numbering marker at the start of ``line`` (one paragraph), or None."""
    line = line.strip(_STRIP)
    if not MARKER_START.match(line):
        return None
    bare = _ANY_BARE.fullmatch(line)
    if bare:
        style = bare.lastgroup or ""
        value, depth = _value(style, line)
        return Heading(style, line, "", True, value, depth)
    m = _ANY_MARKER.match(line)
    if m is None:
        return None
    style = m.lastgroup or ""
    rest = line[m.end():].strip(_STRIP)
    is_title = not rest or is_title_text(rest)
    if style in _TITLE_ONLY and not is_title:
        return None
    marker = m.group().strip(_STRIP)
    value, depth = _value(style, marker)
    return Heading(style, marker, rest, is_title, value, depth, rest.endswith(COLON_END))
