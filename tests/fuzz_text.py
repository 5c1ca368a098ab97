"""Hypothesis strategies for the fuzz tests: real text first, hostile characters mixed in.

Sentences come from the sample articles in ``samples/`` (real policy prose: hanzi, CJK
punctuation, numbering, a few Latin words and digits); the hostile pieces are what other
tools' files and mis-decoded pages really contain: ``\\r`` and ``\\r\\n``, U+2028/U+2029,
astral characters (𠮷, emoji with a joiner), invisible format characters, controls, BOMs,
lone brackets and numbering markers that open units. Bounded sizes keep every example fast.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

#: One profile for the whole fuzz suite: bounded and repeatable in CI (the same examples
#: every run), no deadline (a loaded machine), function-scoped fixtures allowed (each
#: example writes its own files). ``ANNOTATOR_FUZZ_EXAMPLES=2000`` runs a longer, random
#: search instead.
_DEEP = int(os.environ.get("ANNOTATOR_FUZZ_EXAMPLES", "0") or 0)
FUZZ = settings(max_examples=_DEEP or 60, deadline=None, derandomize=not _DEEP,
                database=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                      HealthCheck.too_slow])

#: For examples that build a whole project each (REFI-QDA imports).
FUZZ_PROJECTS = settings(FUZZ, max_examples=_DEEP or 30)

HOSTILE = (
    "\r", "\r\n", "\n", "\n\n\n", "\u2028", "\u2029", "\x0b", "\x0c", "\x85", "\t",
    "𠮷", "𠀀", "😀", "👩\u200d🔬", "\u200d", "\u200b", "\ufeff", "\u00ad", "\u202e",
    "\x00", "\x07", "\x1b", "\x7f", "\ufffd", "\ufdd0", "\u3000", "\u00a0", " ",
    "e\u0301", "《", "》", "“", "”", "（", "）", "【", "〔", "。", "；", "！", "？", "：",
    "一、", "（一）", "1.", "第一条", "第一章", "附件", "①", "&amp;", "<", ">", "&", "\\",
)


@cache
def sentences() -> tuple[str, ...]:
    """Sentences of the sample articles (plain text ones), each ending as it did."""
    found: list[str] = []
    for path in sorted(SAMPLES.glob("*.txt")):
        raw = path.read_bytes()
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                text = raw.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            continue
        found.extend(s for s in re.findall(r"[^。！？\n]+[。！？]?", text) if s.strip())
    return tuple(found)


@cache
def lines() -> tuple[str, ...]:
    """Whole lines of the sample articles (headings, numbered clauses, bylines)."""
    out: list[str] = []
    for path in sorted(SAMPLES.glob("*.txt")):
        try:
            out.extend(line for line in path.read_text(encoding="utf-8").splitlines()
                       if line.strip())
        except UnicodeDecodeError:
            continue
    return tuple(out)


def _piece() -> st.SearchStrategy[str]:
    sentence = st.sampled_from(sentences())
    cut = st.tuples(sentence, st.integers(0, 40), st.integers(0, 40)).map(
        lambda t: t[0][t[1]: len(t[0]) - t[2]] or t[0])
    return st.one_of(sentence, sentence, cut, st.sampled_from(lines()),
                     st.sampled_from(HOSTILE), st.sampled_from(HOSTILE),
                     st.text(max_size=3))


def texts(max_pieces: int = 30) -> st.SearchStrategy[str]:
    """Text made of real sentences and lines, cut and joined with hostile pieces."""
    return st.lists(_piece(), min_size=1, max_size=max_pieces).map("".join)


def mutated(data: bytes, max_edits: int = 6) -> st.SearchStrategy[bytes]:
    """``data`` with a few bytes flipped, cut, repeated or inserted (a damaged file)."""
    def apply(edits: list[tuple[int, int, int]]) -> bytes:
        out = bytearray(data)
        for kind, where, value in edits:
            if not out:
                break
            at = where % len(out)
            if kind == 0:
                out[at] = value
            elif kind == 1:
                del out[at: at + 1 + value % 64]
            elif kind == 2:
                out[at:at] = bytes([value]) * (1 + value % 8)
            elif kind == 3:
                out[at:at] = out[max(0, at - 32): at]
            else:
                del out[at:]
        return bytes(out)

    edit = st.tuples(st.integers(0, 4), st.integers(0, 1 << 30), st.integers(0, 255))
    return st.lists(edit, min_size=1, max_size=max_edits).map(apply)
