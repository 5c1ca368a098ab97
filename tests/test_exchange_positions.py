"""Position conventions (code points, UTF-16, CRLF as one) and the raw-to-normalised map."""

from __future__ import annotations

import random

import pytest

from annotator.exchange.positions import Converter, Reading, detect_reading, offset_map, quotes
from annotator.importing.normalise import normalise_text

RAW = "第一行\r\n𠮷祥物在此\r\n第三行𠮷"


def units(text: str, reading: Reading) -> int:
    """Length of ``text`` counted as ``reading`` does."""
    if reading in (Reading.CODE_POINTS_CRLF_ONE, Reading.UTF16_CRLF_ONE):
        text = text.replace("\r\n", "\n")
    if reading in (Reading.UTF16, Reading.UTF16_CRLF_ONE):
        return len(text.encode("utf-16-le")) // 2
    return len(text)


@pytest.mark.parametrize("reading", list(Reading))
def test_converter_finds_the_same_characters(reading: Reading) -> None:
    conv = Converter(RAW, reading)
    assert conv.length == units(RAW, reading)
    for phrase in ("𠮷祥物", "第三行𠮷", "第一行", "在此\r\n第"):
        start = RAW.index(phrase)
        s, e = units(RAW[:start], reading), units(RAW[: start + len(phrase)], reading)
        assert RAW[conv.to_raw(s) : conv.to_raw(e)] == phrase


@pytest.mark.parametrize("reading", list(Reading))
def test_detect_reading_by_selection_names(reading: Reading) -> None:
    spans = []
    for phrase in ("𠮷祥物在此", "第三行𠮷"):
        start = RAW.index(phrase)
        spans.append((units(RAW[:start], reading), units(RAW[: start + len(phrase)], reading),
                      phrase))
    found, confirmed = detect_reading(RAW, spans)
    assert found is reading and confirmed >= 1


def test_detect_reading_without_evidence_assumes_the_spec() -> None:
    assert detect_reading(RAW, [(0, 3, "Quotation 1:1")]) == (Reading.CODE_POINTS, 0)
    assert detect_reading("plain text", [(0, 5, "plain")]) == (Reading.CODE_POINTS, 0)


def test_quotes_accepts_cut_names_and_squashed_space() -> None:
    assert quotes("完善赋权 改革机制", "完善赋权\n改革机制")
    assert quotes("关于推进科技成果转化的…", "关于推进科技成果转化的实施意见")
    assert not quotes("关于…", "关于推进")  # too short to be evidence
    assert not quotes("", "x")


def test_offset_map_identity_and_changes() -> None:
    assert offset_map("已经规范的文本\n第二行") == ("已经规范的文本\n第二行", None)
    raw = "\n\n  标题 \u200b\r\n\r\n\r\n\r\n正文\u00a0\r\n结尾"
    text, mapping = offset_map(raw)
    assert text == normalise_text(raw)
    for word in ("标题", "正文", "结尾"):
        s = raw.index(word)
        assert text[mapping[s] : mapping[s + len(word)]] == word


def test_offset_map_keeps_every_kept_character_in_place() -> None:
    rng = random.Random(7)
    alphabet = "政策文本\r\n \t\u3000\u200b\x0c\x00𠮷ab"
    for _ in range(300):
        raw = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        text, mapping = offset_map(raw)
        assert text == normalise_text(raw)
        if mapping is None:
            continue
        assert mapping[0] == 0 and mapping[-1] == len(text)
        assert all(a <= b for a, b in zip(mapping, mapping[1:], strict=False))
        for i, ch in enumerate(raw):
            if ch in "政策文本𠮷ab":  # never dropped: must map onto itself
                assert text[mapping[i]] == ch
