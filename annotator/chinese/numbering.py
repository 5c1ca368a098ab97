"""Chinese section numbering at the start of a paragraph: 第一章 一、 （一） 1. (1) 第一条 ….

:func:`parse_heading` recognises the marker and tells a *title* (a short line that names a
section: "一、改革的主要做法", "1. 引言", or a number standing alone on its line as in saved web
pages) from a *numbered clause* (body text that starts with a marker: "（一）明确赋权范围。市科技局
…"). Titles open sections; clauses are paragraphs. Marker styles have no fixed rank: the
document decides (see :mod:`annotator.chinese.units`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_CN = "[一二三四五六七八九十百零〇]"
_SP = r"[\s\u3000]*"
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
        ("decimal", r"\d{1,2}(?:[.．]\d{1,2}){1,3}[.．]?(?=[\s\u3000])"),  # 1.1 引言
        ("ar", r"\d{1,3}[.．、](?!\d)"),
        ("ar_space", r"\d{1,2}[\s\u3000]+(?=\D)"),  # 1 引言 (journal style, titles only)
        ("ar_half", r"\d{1,3}[)）]"),
        ("circled", "[\u2460-\u2473\u2776-\u277f]"),  # ① … ⑳, ❶ … ❿
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
MARKER_START = re.compile(rf"[第（(\d\u2460-\u2473\u2776-\u277f]|{_CN}")


@dataclass(frozen=True)
class Heading:
    style: str  # e.g. "cn" for 一、, "cn_paren" for （一）, "bare_ar" for a lone 1
    marker: str  # the marker as written, e.g. "（一）"
    rest: str  # the text after the marker, trimmed
    is_title: bool  # a section title (opens a section), not a numbered clause


def is_title_text(text: str) -> bool:
    """Short, without sentence punctuation: reads as a title, not as body text."""
    return len(text) <= TITLE_MAX and not _SENTENCE_PUNCT.search(text)


def parse_heading(line: str) -> Heading | None:
    """The numbering marker at the start of ``line`` (one paragraph), or None."""
    line = line.strip(_STRIP)
    if not MARKER_START.match(line):
        return None
    bare = _ANY_BARE.fullmatch(line)
    if bare:
        return Heading(bare.lastgroup or "", line, "", True)
    m = _ANY_MARKER.match(line)
    if m is None:
        return None
    style = m.lastgroup or ""
    rest = line[m.end():].strip(_STRIP)
    is_title = not rest or is_title_text(rest)
    if style in _TITLE_ONLY and not is_title:
        return None
    return Heading(style, m.group().strip(_STRIP), rest, is_title)
