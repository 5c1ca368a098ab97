"""Selections snap outward to whole words.

A researcher drags across 科技创新券 and lets go one character early; coding 科技创新 would split
a term. :func:`snap_to_words` widens such a selection to the words it touches, using the same
segmenter as everything else, so a project term (even “三权”改革, with its quotes) is one word.
"""

from __future__ import annotations

from annotator.chinese.segment import Segmenter

# Zero-width characters count as space: web text carries them and nobody means to select them.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"


def _is_space(ch: str) -> bool:
    return ch.isspace() or ch in _INVISIBLE


def _line_around(text: str, pos: int) -> tuple[int, int]:
    """[start, end) of the line holding the character at ``pos``. jieba never joins words
    across a line break, so segmenting the line alone gives the same words."""
    lo = text.rfind("\n", 0, pos) + 1
    hi = text.find("\n", pos)
    return lo, len(text) if hi < 0 else hi


def snap_to_words(segmenter: Segmenter, text: str, start: int, end: int) -> tuple[int, int]:
    """Widen [start, end) (code points) so that it cuts no word in half.

    Leading and trailing whitespace is trimmed first (the only way the span shrinks); then a
    boundary inside a word moves out to that word's edge. Punctuation marks are words of their
    own, so a boundary next to one stays put. Offsets are clamped to the text and put in
    order; an empty or all-whitespace selection comes back empty, at its trimmed start.
    """
    n = len(text)
    start, end = sorted((min(max(start, 0), n), min(max(end, 0), n)))
    while start < end and _is_space(text[start]):
        start += 1
    while end > start and _is_space(text[end - 1]):
        end -= 1
    if start == end:
        return start, end
    new_start, new_end = start, end
    lo, hi = _line_around(text, start)
    windows = [(lo, hi)]
    if end > hi:  # the selection spans lines: the end's line is segmented on its own
        windows.append(_line_around(text, end - 1))
    for lo, hi in windows:
        for tok in segmenter.tokenize(text[lo:hi]):
            s, e = tok.start + lo, tok.end + lo
            if s < start < e:
                new_start = s
            if s < end < e:
                new_end = e
    return new_start, new_end
