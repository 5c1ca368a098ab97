"""Units of analysis: paragraphs and sentences, numbered "政策编号-章节-条款".

Numbering scheme
----------------
A paragraph unit's number is ``D-S1[-S2…]-P``:

* ``D`` — the document number (政策编号, :attr:`DocumentInfo.number`);
* ``S1, S2 …`` — the unit's place in the heading hierarchy: ``S1`` counts the top-level
  sections, ``S2`` the sub-sections inside ``S1``, and so on. Sections are *counted*, not read
  from their markers, so a skipped or repeated marker in the source never gives duplicate or
  missing numbers. Everything before the first heading (title, byline, lead) is section 0;
* ``P`` — the paragraph counter within the innermost section: 1, 2, 3 …. The heading line
  itself is a unit too, with ``P = 0``, so every line of the text lies in some unit.

A paragraph is a non-empty line. A heading is a paragraph that starts with section numbering
(一、 （一） (一) 1. 1、 (1) （1） 1) ① 1.1 第一章 第一节 第一条 第一， …, see
:mod:`annotator.chinese.numbering`) *and* reads as a title: nothing or a short text without
sentence punctuation after the marker. A number standing alone on its line (一, 1 — saved web
pages) is a heading that takes the next line as its title when that line reads as one; the
heading unit then spans both lines. Heading levels come from the document: marker styles rank
in the order they first appear from the first heading on (一、 before （一） in a policy text,
1. before (1) in a journal article). A heading closes the open sections of its level or deeper.

A paragraph that starts with a marker but is body text — "（一）明确赋权范围和程序。市科技局…",
"第一条　明确资金性质。…" — is a *numbered clause*: it closes open sub-sections of its level or
deeper and is counted as a paragraph of the enclosing section. So in document 3 ::

    关于深化区域科技创新合作的若干意见         3-0-1
    来源：示例                              3-0-2
    一、建立跨区域协同机制                   3-1-0
    （一）三地建立联席会议制度。…             3-1-1
    （二）推广创新券通用通兑。…               3-1-2
    二、推动资源共享                        3-2-0
    各地要……。                             3-2-1
    1                                      3-2-1-0  (heading: the lone number + next line)
    建设统一平台
    平台由……。                             3-2-1-1

Sentence units number the sentences of each paragraph after a dot: ``3-2-1.2`` is the second
sentence of paragraph 3-2-1. A heading is one sentence (``3-2-0.1``). Sentences end at 。！？；
(and !?;) and at line ends, never inside 《》, “”, （） or other brackets; a full stop right
before a closing quote (…。”) ends the sentence after the quote.

Units are sorted by start, never overlap, and carry code-point offsets [start, end) trimmed of
surrounding whitespace.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from annotator.chinese.structure import AUTO, NUMBERINGS, document_structure

if TYPE_CHECKING:
    pass

UNIT_KINDS = ("paragraph", "sentence")
#: Every kind a document is split into: the units of analysis and the 款/项 sub-units.
ALL_KINDS = (*UNIT_KINDS, "clause")
UnitSpan = tuple[str, int, int, bool]  # number, start, end (code points), heading
_SPACE = " \t\u3000\u00a0\u200b\ufeff"
__all__ = ["ALL_KINDS", "AUTO", "NUMBERINGS", "UNIT_KINDS", "Unit", "document_units",
           "rules_digest", "sentence_spans", "subunits", "unit_at", "unit_for_span",
           "unit_sets", "unit_spans", "units_for_span"]


@dataclass(frozen=True)
class Unit:
    number: str  # e.g. "3-2-1": document number, section path, clause (see module docstring)
    kind: str  # "paragraph" | "sentence" | "clause"
    start: int  # code points, end exclusive
    end: int
    heading: bool = False  # a section heading (paragraph number ends in -0)


#: The version of the splitting rules: this module, :mod:`~annotator.chinese.structure` and
#: :mod:`~annotator.chinese.numbering`. Units a project keeps are stored under it, and units
#: of another version are split again — every document of every project, on its next open.
#: So bump it exactly when a change gives any text other units (numbers, spans or heading
#: flags), and not for a comment, a rename or a faster way to the same units:
#: tests/test_units_rules_version.py fails when the units of its real texts change while
#: this stays the same (and tells the digest to record with the new version).
RULES_VERSION = "1"


def rules_digest() -> str:
    """What stored units are keyed by: :data:`RULES_VERSION` (units stored by other rules
    are split again)."""
    return f"v{RULES_VERSION}"


def _known(numbering: str) -> str:
    """A numbering this version knows (a newer annotator's choice is numbered as detected)."""
    return numbering if numbering in NUMBERINGS else AUTO


def unit_sets(
    document_number: int, text: str, numbering: str = AUTO, kinds: Sequence[str] = ALL_KINDS
) -> dict[str, list[UnitSpan]]:
    """THE splitting function: a document's units of each of ``kinds`` as (number, start,
    end, heading) tuples in text order, its structure read once for all of them. Every
    other name (:func:`document_units`, :func:`unit_spans`, :func:`subunits`,
    ``annotator.analysis.unit_index.compute_units``) is a view of this one; the one cache of
    its results is ``annotator.analysis.unit_index.DEFAULT_CACHE`` (in memory, and in the
    project's ``derived_units`` table)."""
    for kind in kinds:
        if kind not in ALL_KINDS:
            raise ValueError(f"unit kind must be one of {UNIT_KINDS}, not {kind!r}")
    found = document_structure(document_number, text, _known(numbering))
    out: dict[str, list[UnitSpan]] = {}
    for kind in kinds:
        if kind == "paragraph":
            out[kind] = found.paragraphs
        elif kind == "sentence":
            out[kind] = _sentence_units(text, found.paragraphs)
        else:
            out[kind] = [(number, start, end, False) for number, start, end in found.subunits]
    return out


def document_units(
    document_number: int, text: str, kind: str = "paragraph", numbering: str = AUTO
) -> list[Unit]:
    """The units of one document's text, numbered as the module docstring describes."""
    return [Unit(number, kind, start, end, heading)
            for number, start, end, heading in unit_spans(document_number, text, kind,
                                                          numbering)]


def subunits(document_number: int, text: str, numbering: str = AUTO) -> list[Unit]:
    """The 款 and 项 of a statute's articles (kind "clause"), outermost first where two
    start together; empty for documents with no such sub-units."""
    return document_units(document_number, text, "clause", numbering)


def unit_spans(
    document_number: int, text: str, kind: str = "paragraph", numbering: str = AUTO
) -> list[UnitSpan]:
    """:func:`document_units` as plain (number, start, end, heading) tuples, in text order:
    for callers that keep 100,000s of units as arrays and need no :class:`Unit` objects."""
    return unit_sets(document_number, text, numbering, (kind,))[kind]


def _sentence_units(text: str, paragraphs: list[UnitSpan]) -> list[UnitSpan]:
    """Sentence units: one pass over the whole text. A body paragraph is one line and no
    sentence crosses a line break, so the paragraph's sentences are its line's, in order."""
    spans = sentence_spans(text)
    units: list[UnitSpan] = []
    j, n = 0, len(spans)
    for number, start, end, heading in paragraphs:
        while j < n and spans[j][0] < start:  # heading lines, a paragraph split on its own
            j += 1
        if heading:
            units.append((f"{number}.1", start, end, True))
            continue
        if text[start] in _QUOTE_CLOSE:  # such a closer looks back at the paragraph's end
            units += [(f"{number}.{k}", s, e, False)
                      for k, (s, e) in enumerate(_sentences(text, start, end), 1)]
            continue
        k = 0
        while j < n and spans[j][0] < end:
            k += 1
            s, e = spans[j]
            units.append((f"{number}.{k}", s, e, False))
            j += 1
    return units


def unit_at(units: Sequence[Unit], offset: int) -> Unit | None:
    """The unit containing ``offset`` (units sorted by start, not overlapping)."""
    i = bisect_right([u.start for u in units], offset) - 1
    if i >= 0 and units[i].start <= offset < units[i].end:
        return units[i]
    return None


def units_for_span(units: Sequence[Unit], start: int, end: int) -> list[Unit]:
    """Every unit that [start, end) overlaps, in order."""
    first = max(bisect_right([u.start for u in units], start) - 1, 0)
    out: list[Unit] = []
    for u in units[first:]:
        if u.start >= end:
            break
        if u.end > start:
            out.append(u)
    return out


def unit_for_span(units: Sequence[Unit], start: int, end: int) -> Unit | None:
    """The unit a passage [start, end) belongs to: the first unit it overlaps (a passage
    crossing units is filed under the one it starts in), or None between units."""
    found = units_for_span(units, start, max(end, start + 1))
    return found[0] if found else None


# -- sentences --------------------------------------------------------------------------------
_SENTENCE_END = "。！？；!?;"
_OPEN, _CLOSE = "《“‘（(「『【〔", "》”’）)」』】〕"
_QUOTE_CLOSE = "”’」』"
# What sentences are trimmed of: _SPACE and every character str.isspace() accepts.
_BLANK = (
    _SPACE + "\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\u1680\u2000\u2001\u2002\u2003\u2004"
    "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f"
)
# Python visits only the brackets that matter. A pair with nothing in it that matters (no
# sentence end, bracket or line break: 《政策名》, （一）) reads exactly as plain text. In the
# stretches between the others, at depth 0, a regex finds the sentences: from a non-blank
# character up to and with the next run of sentence ends (？！ and 。。 end once), or up to
# the last non-blank character before a line break; or a run of ends alone.
# (the four sets escaped for character classes)
_O, _C, _E, _B = (re.escape(chars) for chars in (_OPEN, _CLOSE, _SENTENCE_END, _BLANK))
# A bracket, or a whole inert pair (one match starting at a bracket keeps the scan fast).
_BRACKET = re.compile(f"[{_O}{_C}](?:(?<=[{_O}])[^{_O}{_C}{_E}\n]*[{_C}])?")
_ENDS = re.compile(f"[{_E}]+")
_END_OR_BREAK = re.compile(f"[{_E}]+|\n")
_PLAIN_SENTENCE = re.compile(f"[{_E}]+|[^{_B}](?:[^{_E}\n]*[{_E}]+|(?:[^{_E}\n]*[^{_B}])?)")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Sentences: ended by 。！？； or a line break, never inside 《》 or “” (code points),
    trimmed of surrounding whitespace; see the module docstring."""
    return _sentences(text, 0, len(text))


def _sentences(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """:func:`sentence_spans` of text[start:stop], in offsets of ``text`` (no slice taken)."""
    spans: list[tuple[int, int]] = []
    depth = 0
    first: int | None = None  # start of the sentence under way
    pos = start  # text before this is done with
    for token in _BRACKET.finditer(text, start, stop):
        i, after = token.span()
        if after - i > 1:  # an inert pair
            continue
        if depth:  # a line break ends the sentence and every bracket
            br = text.find("\n", pos, i)
            if br >= 0:
                if first is not None:
                    spans.append(_trimmed(text, first, br))
                first, depth, pos = None, 0, br + 1
        if not depth and pos < i:
            first = _plain_stretch(spans, text, first, pos, i)
        pos = i + 1
        if first is None:
            first = i
        ch = text[i]
        if ch in _OPEN:
            depth += 1
            continue
        if depth:
            depth -= 1
        # 。” closes the quoted sentence and the sentence around it. At the very start the
        # character before is the last one, as text[-1] of the slice always gave.
        before = text[i - 1] if i > start else text[stop - 1]
        if not depth and ch in _QUOTE_CLOSE and before in _SENTENCE_END:
            run = _ENDS.match(text, i + 1, stop)
            pos = run.end() if run else i + 1
            spans.append((first, pos))
            first = None
    if depth:
        br = text.find("\n", pos, stop)
        if br >= 0:
            if first is not None:
                spans.append(_trimmed(text, first, br))
            first, depth, pos = None, 0, br + 1
    if not depth and pos < stop:
        first = _plain_stretch(spans, text, first, pos, stop)
    if first is not None:
        spans.append(_trimmed(text, first, stop))
    return spans


def _plain_stretch(
    spans: list[tuple[int, int]], text: str, first: int | None, lo: int, hi: int
) -> int | None:
    """Add the sentences that end in text[lo:hi] (no brackets that matter, depth 0) and
    return the start of the one still under way at ``hi``, if any."""
    if first is not None:  # the sentence under way ends at the first run of ends or break
        end = _END_OR_BREAK.search(text, lo, hi)
        if end is None:
            return first
        if text[end.start()] == "\n":
            spans.append(_trimmed(text, first, end.start()))
        else:
            spans.append((first, end.end()))
        lo = end.end()
    found = [m.span() for m in _PLAIN_SENTENCE.finditer(text, lo, hi)]
    if found:
        last_start, last_end = found[-1]
        if text[last_end - 1] not in _SENTENCE_END and text.find("\n", last_end, hi) < 0:
            found.pop()  # neither an end nor a line break before hi: still under way
            spans += found
            return last_start
        spans += found
    return None


def _trimmed(text: str, start: int, stop: int) -> tuple[int, int]:
    """[start, stop) without trailing whitespace (text[start] is not whitespace)."""
    return start, start + len(text[start:stop].rstrip(_BLANK))
