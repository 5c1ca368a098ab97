"""Dates as policy documents write them, read into ISO ``YYYY-MM-DD``.

2023年5月6日, 2023-05-06, 2023.5.6, 2023/5/6, full-width digits, and Chinese numerals as
statutes and signatures write them (一九九七年四月八日, 二〇二三年十二月二十日, 二OO四年
and 二00五年 with a letter or digit for 〇). Anything that does not make a real calendar
date gives "" — never an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache

_CN = "〇○Ｏ零一二三四五六七八九十"
# In a year written in Chinese numerals, 〇 is often typed as the letter O or the digit 0
# (二OO四年, 二00五年).
_ZERO_LOOKALIKES = "OoＯｏ0０"
DATE = re.compile(
    rf"(?P<y>\d{{4}}|(?=[{_ZERO_LOOKALIKES}]*[{_CN}])[{_CN}{_ZERO_LOOKALIKES}]{{4}})\s*年\s*(?P<m>\d{{1,2}}|[{_CN}]{{1,3}})\s*月"
    rf"\s*(?P<d>\d{{1,2}}|[{_CN}]{{1,3}})\s*[日号]"
    r"|(?<![\d.])(?P<y2>(?:19|20)\d{2})\s*(?P<sep>[-./])\s*(?P<m2>\d{1,2})\s*(?P=sep)\s*"
    r"(?P<d2>\d{1,2})(?![\d.])"
)


@dataclass(frozen=True)
class FoundDate:
    start: int
    end: int
    iso: str


def find_dates(text: str) -> list[FoundDate]:
    """Every readable date in ``text``, in order (unreadable ones are skipped)."""
    found = []
    for match in DATE.finditer(text):
        iso = _iso(match)
        if iso:
            found.append(FoundDate(match.start(), match.end(), iso))
    return found


def to_iso(value: str) -> str:
    """The first date in ``value`` as YYYY-MM-DD, or "" when there is none."""
    dates = find_dates(value)
    return dates[0].iso if dates else ""


def _iso(match: re.Match[str]) -> str:
    if match.group("y"):
        parts = (match.group("y"), match.group("m"), match.group("d"))
    else:
        parts = (match.group("y2"), match.group("m2"), match.group("d2"))
    numbers = [_number(part) for part in parts]
    if None in numbers:
        return ""
    year, month, day = numbers
    if not 1900 <= year <= 2100:  # type: ignore[operator]
        return ""
    try:
        return date(year, month, day).isoformat()  # type: ignore[arg-type]
    except ValueError:
        return ""  # 2023年2月30日


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)  # also full-width digits
    for lookalike in ("○", *_ZERO_LOOKALIKES):
        text = text.replace(lookalike, "〇")
    return _chinese_number(text)


_DIGITS = {ch: k for k, ch in enumerate("〇一二三四五六七八九")} | {"零": 0}


@cache
def _chinese_number(text: str) -> int | None:
    """A year, month or day in Chinese numerals: digit by digit (二〇二三, 一二) or with
    tens (十二, 二十五, 三十); None for anything else. (cn2an did this, at a third of a
    second's import per process, for numbers of at most four characters.)"""
    if not text:
        return None
    if "十" not in text:
        if any(ch not in _DIGITS for ch in text):
            return None
        return int("".join(str(_DIGITS[ch]) for ch in text))
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1 or (tens and tens not in _DIGITS) \
            or (ones and ones not in _DIGITS):
        return None
    return (_DIGITS[tens] if tens else 1) * 10 + (_DIGITS[ones] if ones else 0)
