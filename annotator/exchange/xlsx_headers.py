"""Recognise the header row of a codebook spreadsheet kept by hand, in Chinese or English.

Three layouts are understood: level columns (一级/二级/三级…, "Level 1"…), a path column
("编码路径", "A / B"), or a name column with an optional parent column.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

_STRIP = re.compile(r"[\s:：（）()\[\]【】_\-.·]")
_CN_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
              "十": 10}
_LEVEL_CN = re.compile(r"^第?([一二三四五六七八九十]|\d{1,2})(?:级|层|层级)"
                       r"(?:编码|类目|分类|代码|主题|节点|指标|范畴|维度)?(?:名称)?$")
_LEVEL_EN = re.compile(r"^(?:level|lvl|l|tier)(\d{1,2})(?:codes?|category|name)?$")

FIELDS: dict[str, frozenset[str]] = {
    "path": frozenset({"编码路径", "路径", "代码路径", "节点路径", "path", "codepath", "fullpath"}),
    "name": frozenset({"名称", "编码", "编码名称", "代码", "代码名称", "节点", "节点名称",
                       "name", "code", "codename"}),
    "parent": frozenset({"上级编码", "上级", "父编码", "父级", "父级编码", "父节点", "上级代码",
                         "上级名称", "parent", "parentcode"}),
    "definition": frozenset({"定义", "编码定义", "说明", "描述", "释义", "含义", "编码说明",
                             "definition", "description"}),
    "keywords": frozenset({"关键词", "关键字", "keywords", "keyword"}),
    "colour": frozenset({"颜色", "色彩", "colour", "color"}),
    "shortcut": frozenset({"快捷键", "shortcut", "hotkey", "key"}),
}
LEVEL_NAMES = "一二三四五六七八九十"


def level_title(level: int) -> str:
    """The header we write for a level column: 一级, 二级…, then 11级…"""
    return f"{LEVEL_NAMES[level - 1]}级" if level <= len(LEVEL_NAMES) else f"{level}级"


def normalise_header(value: object) -> str:
    return _STRIP.sub("", str(value or "")).casefold()


def header_level(key: str) -> int | None:
    match = _LEVEL_CN.match(key) or _LEVEL_EN.match(key)
    if match is None:
        return None
    digits = match.group(1)
    return int(digits) if digits.isdigit() else _CN_DIGITS[digits]


@dataclass
class Header:
    """Column indexes (0-based) of what a header row names."""

    levels: list[tuple[int, int, str]] = field(default_factory=list)  # (level, column, title)
    columns: dict[str, int] = field(default_factory=dict)

    @property
    def layout(self) -> str | None:
        if self.levels:
            return "levels"
        if "path" in self.columns:
            return "path"
        if "name" in self.columns:
            return "name"
        return None


def read_header(cells: Sequence[object]) -> Header:
    header = Header()
    for index, cell in enumerate(cells):
        key = normalise_header(cell)
        if not key:
            continue
        level = header_level(key)
        if level is not None:
            if all(lv != level for lv, _c, _t in header.levels):
                header.levels.append((level, index, str(cell).strip()))
            continue
        for name, keys in FIELDS.items():
            if key in keys and name not in header.columns:
                header.columns[name] = index
                break
    header.levels.sort()
    return header
