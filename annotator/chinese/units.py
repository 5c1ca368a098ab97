"""Units of analysis: paragraphs and sentences, numbered "政策编号-章节-条款".

FIRST VERSION: paragraphs numbered "<document>-<paragraph>"; to be refined with section
numbering (一、 （一） 1. 第一条) and sentences.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    number: str  # e.g. "3-2-1": document number, section path, clause
    kind: str  # "paragraph" | "sentence"
    start: int  # code points, end exclusive
    end: int


def paragraph_units(document_number: int, text: str) -> list[Unit]:
    """Every non-empty line is a paragraph unit, in text order."""
    units: list[Unit] = []
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            start = pos + lead
            units.append(
                Unit(f"{document_number}-{len(units) + 1}", "paragraph", start,
                     start + len(stripped))
            )
        pos += len(line) + 1
    return units


def unit_at(units: list[Unit], offset: int) -> Unit | None:
    """The unit containing ``offset`` (units sorted by start, not overlapping)."""
    i = bisect_right([u.start for u in units], offset) - 1
    if i >= 0 and units[i].start <= offset < units[i].end:
        return units[i]
    return None


_SENTENCE_END = "。！？；!?;"
_OPEN, _CLOSE = "《“‘（(「『", "》”’）)」』"


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences: ended by 。！？； or a line break, never inside 《》 or “” (code points)."""
    spans: list[tuple[int, int]] = []
    depth = 0
    start = None
    for i, ch in enumerate(text):
        if ch == "\n":
            if start is not None:
                spans.append((start, i))
            start, depth = None, 0
            continue
        if start is None:
            if ch.isspace():
                continue
            start = i
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE and depth:
            depth -= 1
        elif ch in _SENTENCE_END and depth == 0:
            spans.append((start, i + 1))
            start = None
    if start is not None:
        spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]
