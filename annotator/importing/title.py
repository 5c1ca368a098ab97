"""Pick a document title from the first lines of extracted text."""

from __future__ import annotations

import re

from annotator.chinese.structure import title_lines
from annotator.importing.header import HEADER_SCAN_LINES, is_header_line

MAX_TITLE_CHARS = 60
_BREADCRUMB_STARTS = (
    "当前位置", "您的位置", "你的位置", "您现在的位置", "你现在的位置", "所在位置",
    "位置：", "位置:", "首页",
)
_BREADCRUMB_MARKS = (">", "＞", "»", "›", "→")
# Page furniture and section words that sit above the real title on saved pages.
_NOT_TITLES = frozenset(
    "文章 正文 新闻 首页 详情 内容 原文 全文 资讯 专题 打印 关闭 返回 分享 收藏 评论 字号 "
    "文章详情 新闻详情 正文内容 摘要 引言 前言 目录 关键词 附件 打印本页 关闭窗口".split()
)
# A numbered heading (一、 （一） 1. 第一条) means the body has begun without a title.
_NUMBERED = re.compile(
    r"^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[、.．)）]\D"
    r"|第[一二三四五六七八九十百零\d]+[条章节篇部])"
)
# A column tag such as 【理论探讨】 or [专稿] standing alone on its line.
_TAG_LINE = re.compile(r"^[【\[〔［][^】\]〕］]{1,12}[】\]〕］]$")
_HAS_WORD = re.compile(r"[^\W\d_]")
# The red header of an official document (国务院文件, …人民政府办公厅文件) and a 文号 line.
_RED_HEADER = re.compile(r"\S{2,24}(?:文件|文件\s*简报|公报)")
_DOCUMENT_NUMBER = re.compile(
    r"^\S{1,12}[〔［\[（(【]\s*\d{4}\s*[〕］\]）)】]\s*第?\s*\d+\s*[号號]$")
_SPACES = re.compile(r"\s+")


def clean_title(title: str | None) -> str:
    """One-line title with runs of whitespace collapsed; "" when nothing is left."""
    return _SPACES.sub(" ", title or "").strip()


def pick_title(text: str, fallback: str) -> str:
    """First plausible title line of ``text``, else ``fallback`` (the file stem)."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    for line in lines[:HEADER_SCAN_LINES]:
        if _is_furniture(line):
            continue
        if len(line) > MAX_TITLE_CHARS or _NUMBERED.match(line):
            break  # body text reached: a later short line is a heading, not the title
        if line.endswith((":", "：")):
            break  # salutation ("各省、自治区…：") opens the body
        if _RED_HEADER.fullmatch(line) or _DOCUMENT_NUMBER.search(line):
            continue  # 湖南省人民政府办公厅文件, 湘政办发〔2009〕24号 stand above the title
        # A title broken over lines (…关于加强普通高等学校 / 毕业生就业工作的通知) is one title.
        rest = lines[lines.index(line):]
        return clean_title("".join(rest[:title_lines(rest)]))
    return clean_title(fallback) or "untitled"


def _is_breadcrumb(line: str) -> bool:
    # 首页 > 政策 is a trail; 《…<国务院关于…规定>…》 (ASCII for 〈〉) is a title.
    marks = [mark for mark in _BREADCRUMB_MARKS if mark in line]
    return bool(marks) and not (marks == [">"] and line.count("<") == line.count(">"))


def _is_furniture(line: str) -> bool:
    return (
        line.startswith(_BREADCRUMB_STARTS)
        or _is_breadcrumb(line)
        or is_header_line(line)
        or line in _NOT_TITLES
        or bool(_TAG_LINE.match(line))
        or not _HAS_WORD.search(line)
    )
