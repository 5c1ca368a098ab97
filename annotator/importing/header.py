"""Byline labels such as ``来源:`` ``作者：`` ``发稿时间:`` at the top of saved articles.

A line counts as a header line when it starts with a known label; several labels may share a
line (``发稿时间:2023-01-18 09:20:49   来源:《科学管理研究》   作者:钮钦、李哲``), so a value
runs until the next label that follows whitespace. Other short CJK labels (``字号：``) end a
value but are not kept.
"""

from __future__ import annotations

import re

# Longest first so 发布时间 is not taken as 时间; web pages often space labels out (作  者).
KNOWN_LABELS = (
    "发稿时间", "发布时间", "发布日期", "成文日期", "发文字号", "发文机关", "发布机构",
    "发文标题", "发文文号", "发文部门", "发文单位", "发文时间", "发文日期", "公开日期",
    "公布日期", "印发日期", "实施日期", "施行日期", "实施时间", "主题分类", "主题词", "所属区域",
    "责任编辑", "索引号", "来源", "作者", "日期", "时间", "文号", "出处", "记者",
)
HEADER_SCAN_LINES = 10  # non-empty lines searched for labels


def _spaced(label: str) -> str:
    return "[ \u3000\u00a0]*".join(re.escape(char) for char in label)


_KNOWN = "|".join(f"(?:{_spaced(label)})" for label in KNOWN_LABELS)
# (?<!\S): a label starts the line or follows whitespace, never mid-word ("…的来源：").
_LABEL = re.compile(rf"(?<!\S)(?:(?P<known>{_KNOWN})|[\u4e00-\u9fff]{{2,6}})\s*[:：∶]")
# Bylines that open with a bare date: "2023-05-06 10:00 来源：新华社".
_DATE_PREFIX = re.compile(
    r"^(\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?)\s+"
)
_SPACES = re.compile(r"[\s\u3000\u00a0]+")
# Page furniture after the last value: 【字号：大 中 小】 [打印]
_TRAILING_WIDGETS = re.compile(r"\s+[【\[].*$")


def header_labels(line: str) -> dict[str, str] | None:
    """Labels and values on ``line`` if it is a header line, else None (values may be empty)."""
    stripped = line.strip()
    found: dict[str, str] = {}
    dated = _DATE_PREFIX.match(stripped)
    if dated:
        found["日期"] = dated.group(1)
        stripped = stripped[dated.end() :]
    matches = list(_LABEL.finditer(stripped))
    if not matches or matches[0].start() != 0 or matches[0].group("known") is None:
        return None
    for index, match in enumerate(matches):
        if match.group("known") is None:
            continue
        end = matches[index + 1].start() if index + 1 < len(matches) else len(stripped)
        value = _TRAILING_WIDGETS.sub("", stripped[match.end() : end]).strip()
        key = _SPACES.sub("", match.group("known"))
        if key not in found or not found[key]:
            found[key] = value
    return found


def is_header_line(line: str) -> bool:
    return header_labels(line) is not None


def parse_header(text: str) -> dict[str, str]:
    """Non-empty label values from the first lines of ``text``; the first occurrence wins."""
    attributes: dict[str, str] = {}
    lines = [line for line in text.split("\n") if line.strip()][:HEADER_SCAN_LINES]
    for line in lines:
        for key, value in (header_labels(line) or {}).items():
            if value and key not in attributes:
                attributes[key] = value
    return attributes
