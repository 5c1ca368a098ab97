"""Turn arbitrary values into something Excel accepts, without openpyxl objects.

Everything here is pure Python so it can be tested and reused (CSV export, previews) on its own.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from datetime import UTC, date, datetime, time, timedelta

#: Excel refuses longer cell text (the limit counts UTF-16 code units).
MAX_CELL_CHARS = 32_767
#: Excel's limit on sheet-name length.
MAX_SHEET_NAME = 31
ELLIPSIS = "…"

# What XML 1.0 (and so an .xlsx file) cannot carry: the C0 controls except tab, LF and CR
# (the set openpyxl's ILLEGAL_CHARACTERS_RE refuses), lone surrogates (from surrogateescape
# decoding) and the two non-characters U+FFFE/U+FFFF, which lxml rejects.
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

#: First characters that make Excel (or LibreOffice) read typed-in text as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@")
#: Strings openpyxl would store as an error value rather than as text.
ERROR_CODES = frozenset(("#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"))

_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\\x00-\x1f]")


def clean_text(text: str) -> str:
    """``text`` without characters an .xlsx cannot hold, cut to Excel's cell limit with "…"."""
    if _ILLEGAL.search(text) is not None:
        text = _ILLEGAL.sub("", text)
    # A string of at most 16,383 code points is at most 32,766 UTF-16 units: no need to look.
    if len(text) > MAX_CELL_CHARS // 2:
        text = _truncate_utf16(text, MAX_CELL_CHARS)
    return text


def _truncate_utf16(text: str, limit: int) -> str:
    units = len(text.encode("utf-16-le")) // 2
    if units <= limit:
        return text
    keep = limit - 1  # room for the ellipsis
    # Walk back from the code-point cut until it fits; astral characters take two units.
    cut = min(len(text), keep)
    while len(text[:cut].encode("utf-16-le")) // 2 > keep:
        excess = len(text[:cut].encode("utf-16-le")) // 2 - keep
        cut -= max(1, excess // 2)
    return text[:cut] + ELLIPSIS


def looks_like_formula(text: str) -> bool:
    """True when a spreadsheet could treat ``text`` as something other than plain text."""
    return (bool(text) and text[0] in "=+-@") or text in ERROR_CODES


def naive_datetime(value: datetime) -> datetime:
    """Excel has no time zones: aware values become naive UTC (the project's convention)."""
    if value.tzinfo is not None:
        return value.astimezone(UTC).replace(tzinfo=None)
    return value


_DAY = timedelta(days=1)


def _utc_offset(value: datetime) -> timedelta:
    """The local zone's offset at ``value`` (naive UTC)."""
    try:
        return value.replace(tzinfo=UTC).astimezone().utcoffset() or timedelta(0)
    except (OverflowError, OSError, ValueError):  # before 1970 on Windows
        return timedelta(0)


def local_times() -> Callable[[datetime], datetime]:
    """A converter of stored times (naive UTC, the project's convention) to naive local
    times, for sheets and CSV whose headers name the zone (:func:`timed_header`): Excel has
    no time zones.

    ``astimezone()`` costs ~7 µs a call (0.7 s for 100,000 passages); the converter asks it
    twice per UTC day and keeps the offset when both ends of the day agree (~1 µs a value),
    and asks for each value only on the days the clocks change. Make one per export, so
    that a zone change between exports is seen."""
    days: dict[int, timedelta | None] = {}

    def local(value: datetime) -> datetime:
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        day = value.toordinal()
        try:
            offset = days[day]
        except KeyError:
            start = datetime.fromordinal(day)
            first, last = _utc_offset(start), _utc_offset(start + _DAY)
            offset = days[day] = first if first == last else None
        return value + (offset if offset is not None else _utc_offset(value))

    return local


def _offset_text(offset: timedelta) -> str:
    minutes = round(offset.total_seconds() / 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def zone_label(year: int | None = None) -> str:
    """The local zone as "UTC+08:00"; "UTC+01:00/+02:00" where it has summer time."""
    year = year or datetime.now().year
    offsets = sorted({
        datetime(year, month, 1, 12, tzinfo=UTC).astimezone().utcoffset() or timedelta(0)
        for month in (1, 7)
    })
    return "UTC" + "/".join(_offset_text(o) for o in offsets)


def timed_header(name: str) -> str:
    """A time column's header with the zone its local times are in: "时间 (UTC+08:00)"."""
    return f"{name} ({zone_label()})"


def plain_value(value: object) -> object:
    """A value openpyxl writes as-is: numbers, booleans, naive datetimes, clean strings, None.

    Strings are cleaned but *not* guarded against formula interpretation; callers that write
    them decide how (see ``annotator.export.styles``).
    """
    if value is None or isinstance(value, bool | int):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else None  # Excel has no NaN / infinity
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, datetime):
        return naive_datetime(value)
    if isinstance(value, date | time):
        return value
    if isinstance(value, Iterable) and not isinstance(value, bytes | bytearray):
        return clean_text("、".join(str(v) for v in value))
    if isinstance(value, bytes | bytearray):
        return clean_text(value.decode("utf-8", "replace"))
    return clean_text(str(value))


def shorten(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, ending in "…" when cut."""
    return text if len(text) <= limit else text[: max(0, limit - 1)] + ELLIPSIS


def safe_sheet_name(name: str, existing: Iterable[str] = ()) -> str:
    """A sheet name Excel accepts, unique (case-insensitively) among ``existing``.

    Excel forbids ``[ ] : * ? / \\``, a leading or trailing apostrophe, empty names, the
    reserved name "History" and more than 31 characters. Clashes get " (2)", " (3)"… appended.
    """
    text = _SHEET_NAME_BAD.sub("_", _ILLEGAL.sub("", str(name)))
    text = text.strip().strip("'").strip()
    if not text:
        text = "Sheet"
    if text.casefold() == "history":
        text = f"{text}_"
    text = text[:MAX_SHEET_NAME].rstrip("'")
    taken = {n.casefold() for n in existing}
    if text.casefold() not in taken:
        return text
    n = 2
    while True:
        suffix = f" ({n})"
        candidate = text[: MAX_SHEET_NAME - len(suffix)].rstrip("'") + suffix
        if candidate.casefold() not in taken:
            return candidate
        n += 1
