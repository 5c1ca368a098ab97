"""Fuzzing the one converter between code-point offsets and QTextDocument positions
(annotator/ui/offsets.py) against Qt itself: real sentences with ``\\r``, ``\\r\\n``,
U+2028/U+2029 and astral characters mixed in."""

from __future__ import annotations

import re

from hypothesis import example, given
from PySide6.QtGui import QTextCursor, QTextDocument

from annotator.ui.offsets import OffsetMap
from tests.fuzz_text import FUZZ, texts

# What setPlainText makes a block separator of (one position each; "\r\n" is one).
_QT_BLOCK_BREAK = re.compile("\r\n|[\r\n\u2029\ufdd0\ufdd1]")


def utf16(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def qt_blocks(text: str) -> list[tuple[int, int, str]]:
    doc = QTextDocument()
    doc.setPlainText(text)
    blocks, block = [], doc.begin()
    while block.isValid():
        blocks.append((block.position(), block.length(), block.text()))
        block = block.next()
    return blocks


@FUZZ
@given(texts())
@example("第一条\r\n为了规范政府信息公开工作。\r\n𠮷")
@example("\r\r\n\n\u2028\u2029😀")
@example("\ufeff长三角科技创新共同体\r\n\ufeff𠮷")
def test_offsets_agree_with_qt(qapp: object, text: str) -> None:
    offsets = OffsetMap(text)
    blocks = qt_blocks(text)
    # Python's reading of the text into Qt's blocks must be Qt's own (setPlainText also
    # drops a byte-order mark that starts the text).
    skip = 1 if text.startswith("\ufeff") else 0
    starts = [skip] + [m.end() for m in _QT_BLOCK_BREAK.finditer(text, skip)]
    pieces = _QT_BLOCK_BREAK.split(text[skip:])
    assert [b[2] for b in blocks] == pieces
    for (position, length, block_text), start in zip(blocks, starts, strict=True):
        assert offsets.to_utf16(start) == position
        assert length == utf16(block_text) + 1
        for inside in range(len(block_text) + 1):
            cp = start + inside
            qt = position + utf16(block_text[:inside])
            assert offsets.to_utf16(cp) == qt
            assert offsets.to_code_point(qt) == cp
    end = offsets.to_utf16(len(text))
    assert end == blocks[-1][0] + blocks[-1][1] - 1
    assert offsets.to_code_point(end) == len(text)


@FUZZ
@given(texts(12))
def test_a_selection_made_in_qt_comes_back_as_the_same_characters(qapp: object,
                                                                  text: str) -> None:
    doc = QTextDocument()
    doc.setPlainText(text)
    offsets = OffsetMap(text)
    last = doc.characterCount() - 1
    for start in range(0, last + 1, max(1, last // 7)):
        for end in (start, min(last, start + 1), min(last, start + 5), last):
            cursor = QTextCursor(doc)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            cp_start, cp_end = offsets.span_to_code_points(start, end)
            assert 0 <= cp_start <= cp_end <= len(text)
            selected = cursor.selectedText().replace("\u2029", "\n")
            chosen = _QT_BLOCK_BREAK.sub("\n", text[cp_start:cp_end])
            # Qt may select half an astral character; the span then holds all of it.
            assert selected.encode("utf-16-le", "surrogatepass") in chosen.encode(
                "utf-16-le", "surrogatepass") or selected == chosen
            back = offsets.span_to_utf16(cp_start, cp_end)
            assert back[0] <= start and back[1] >= end
