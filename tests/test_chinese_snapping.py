"""Selections snap outward to whole words, around punctuation, whitespace and astral characters."""

from __future__ import annotations

import pytest

from annotator.chinese.segment import default_segmenter
from annotator.chinese.snapping import snap_to_words

TEXT = "全面推进科技创新券通用通兑，实行“揭榜挂帅”，推进“三权”改革。"


def snap(text: str, fragment: str, occurrence: int = 0) -> str:
    """Select ``fragment`` (its n-th occurrence), snap, and return the selected text."""
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(fragment, start + 1)
    s, e = snap_to_words(default_segmenter(), text, start, start + len(fragment))
    return text[s:e]


@pytest.mark.parametrize(
    ("fragment", "expected"),
    [
        ("创新", "科技创新券"),  # inside one term
        ("技创新券通", "科技创新券通用通兑"),  # cuts two words
        ("科技创新券", "科技创新券"),  # already whole: unchanged
        ("推进科", "推进科技创新券"),
        ("兑，实", "通用通兑，实行"),  # the comma is kept, the words around it widen
        ("榜挂", "揭榜挂帅"),  # the quotes around a word are not pulled in
        ("揭榜挂帅”，", "揭榜挂帅”，"),  # trailing punctuation is kept, never trimmed
        ("三权", "“三权”改革"),  # a term with punctuation is one word
        ("改革。", "“三权”改革。"),
    ],
)
def test_snaps_outward(fragment: str, expected: str) -> None:
    assert snap(TEXT, fragment) == expected


def test_whitespace_is_trimmed_not_widened() -> None:
    text = "一、总体要求\n\u3000\u3000推进科技创新券 通用通兑。"
    assert snap(text, "\u3000\u3000推进科") == "推进科技创新券"
    assert snap(text, "券 ") == "科技创新券"
    start = text.index("\u3000")
    assert snap_to_words(default_segmenter(), text, start, start + 2) == (start + 2, start + 2)
    zwsp = "推进\u200b科技创新券"
    assert snap(zwsp, "\u200b科技") == "科技创新券"


def test_astral_characters_count_once() -> None:
    text = "𠮷𠮷两字在外，科技创新券𠮷"
    s, e = snap_to_words(default_segmenter(), text, 8, 10)  # "技创": 𠮷 is one code point
    assert text[8:10] == "技创"
    assert (s, e) == (7, 12) and text[s:e] == "科技创新券"
    assert snap(text, "𠮷", 1) == "𠮷"
    assert snap(text, "券𠮷") == "科技创新券𠮷"


def test_selection_across_lines_snaps_both_ends() -> None:
    text = "推进科技创新券\n\n实行揭榜挂帅制度"
    start, end = text.index("创新"), text.index("挂帅") + 1
    s, e = snap_to_words(default_segmenter(), text, start, end)
    assert text[s:e] == "科技创新券\n\n实行揭榜挂帅"


def test_offsets_are_ordered_and_clamped() -> None:
    seg = default_segmenter()
    assert snap_to_words(seg, TEXT, 6, 4) == (4, 9)  # reversed: 科技创新券
    assert snap_to_words(seg, TEXT, -3, 2) == (0, 2)
    assert snap_to_words(seg, TEXT, 5, 5) == (5, 5)  # empty stays empty
    assert snap_to_words(seg, TEXT, len(TEXT) - 1, 10**6) == (len(TEXT) - 1, len(TEXT))


def test_never_shrinks_and_ends_on_word_boundaries() -> None:
    seg = default_segmenter()
    text = "（一）推进“三权”改革，发放𠮷科技创新券。"
    bounds = {0} | {t.end for t in seg.tokenize(text)}
    for start in range(len(text)):
        for end in range(start + 1, len(text) + 1):
            s, e = snap_to_words(seg, text, start, end)
            assert s <= start and e >= end
            assert s in bounds and e in bounds
