"""Fuzzing the unit splitter (annotator/chinese/units.py) with real sentences, numbering
markers and hostile characters: units stay sorted, inside the text, trimmed, numbered once,
and sentences stay inside their paragraphs — whatever the text."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from annotator.chinese.structure import NUMBERINGS
from annotator.chinese.units import sentence_spans, unit_sets
from annotator.importing.normalise import normalise_text
from tests.fuzz_text import FUZZ, lines, texts

_TRIMMED = " \t\u3000\u00a0\n"


def check_spans(text: str, spans: list[tuple[int, int]], overlap: bool = False) -> None:
    previous_start = previous_end = 0
    for start, end in spans:
        assert 0 <= start < end <= len(text)
        assert start >= previous_start
        if not overlap:
            assert start >= previous_end, "units overlap"
        assert text[start] not in _TRIMMED and text[end - 1] not in _TRIMMED
        previous_start, previous_end = start, end


def document_text() -> st.SearchStrategy[str]:
    """Stored text (normalised, as import leaves it), mostly whole lines of real articles."""
    line = st.one_of(st.sampled_from(lines()), texts(5))
    return st.lists(line, min_size=1, max_size=25).map("\n".join).map(normalise_text)


@FUZZ
@given(document_text(), st.sampled_from(sorted(NUMBERINGS)), st.integers(1, 999))
def test_units_of_any_document(text: str, numbering: str, number: int) -> None:
    units = unit_sets(number, text, numbering)
    paragraphs, sentences = units["paragraph"], units["sentence"]
    check_spans(text, [(s, e) for _, s, e, _ in paragraphs])
    check_spans(text, [(s, e) for _, s, e, _ in sentences])
    check_spans(text, [(s, e) for _, s, e, _ in units["clause"]], overlap=True)
    for kind, found in units.items():
        numbers = [n for n, *_ in found]
        assert len(numbers) == len(set(numbers)), f"{kind} numbers repeat"
        assert all(n.split("-")[0] == str(number) for n in numbers)
    # Every non-blank line lies in a paragraph unit; every sentence in one paragraph.
    covered = [(s, e) for _, s, e, _ in paragraphs]
    at = 0
    for line in text.split("\n"):
        if line.strip(_TRIMMED + "\u200b\ufeff"):
            assert any(s < at + len(line) and e > at for s, e in covered)
        at += len(line) + 1
    for _, start, end, _ in sentences:
        assert any(s <= start and end <= e for s, e in covered)


@FUZZ
@given(texts())
def test_sentences_of_raw_hostile_text(text: str) -> None:
    check_spans(text, sentence_spans(text))
    unit_sets(1, text)  # raw, unnormalised text: no exception is the property
