"""How segmented words become FTS5 terms, and how token positions are stored compactly.

The full-text table uses SQLite's ``ascii`` tokenizer: ASCII letters and digits and every
non-ASCII character are token characters, everything else in ASCII separates tokens. So a
word's *index form* — the word with ASCII separators removed and ASCII lower-cased — is
exactly one FTS5 token, whatever it holds (CJK, “三权”改革, 5G). Words with no letter or digit
at all (punctuation, whitespace) are not indexed.

Between two indexed words that punctuation or whitespace separates, the index holds
:data:`BREAK`, so that consecutive FTS tokens are adjacent words in the text and a phrase
query for 科技 创新 does not match 科技，创新. Token *i* of a document's FTS row has its
code-point span (a word's, or a break's run of skipped characters) at index *i* of the
stored span list.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Sequence

import numpy as np

# FTS5 refuses tokens longer than 32,768 bytes; a cut keeps a freak word one token long.
MAX_FORM_CHARS = 256
Span = tuple[int, int]
# A private-use character: a token of its own for the ascii tokenizer, and never the form of
# a word (a word without letters or digits is not indexed).
BREAK = "\ue000"


def index_form(word: str) -> str:
    """The FTS term for a word, or "" when the word is not indexed."""
    if word.isalnum():  # the common case: CJK words, Latin words, numbers
        return word.lower()[:MAX_FORM_CHARS]
    if not any(ch.isalnum() for ch in word):
        return ""
    kept = "".join(ch for ch in word if not ch.isascii() or ch.isalnum())
    return kept.lower()[:MAX_FORM_CHARS]


def index_terms(words: Iterable[tuple[str, int, int]]) -> tuple[list[str], list[Span]]:
    """The FTS terms of a tokenised text — (word, start, end) tiling it — and their spans:
    index forms, with a :data:`BREAK` for each run of unindexed tokens between two words."""
    forms: list[str] = []
    spans: list[Span] = []
    add_form, add_span = forms.append, spans.append
    gap_start = -1
    for word, start, end in words:
        if word.isalnum():  # the common case, inlined: a million words per 2.5 M characters
            form = word.lower()
            if len(form) > MAX_FORM_CHARS:
                form = form[:MAX_FORM_CHARS]
        else:
            # A lone punctuation mark or space (most of the rest) is never indexed.
            form = "" if len(word) == 1 else index_form(word)
            if not form:
                if gap_start < 0:
                    gap_start = start
                continue
        if gap_start >= 0:
            if forms:
                add_form(BREAK)
                add_span((gap_start, start))
            gap_start = -1
        add_form(form)
        add_span((start, end))
    return forms, spans


def encode_spans(spans: Sequence[Span]) -> bytes:
    """(start, end) code-point spans, in order and not overlapping, as a compact blob:
    gap-and-length pairs, 16-bit when they fit (they nearly always do), zlib-compressed."""
    flat = np.array(spans, dtype=np.int64).reshape(-1)  # start, end, start, end …
    if len(flat):
        flat[1:] = np.diff(flat)  # each start less the end before, each end less its start
    code = "H" if not len(flat) or int(flat.max()) < 65536 else "I"
    packed = flat.astype("<u2" if code == "H" else "<u4")  # little-endian on any machine
    return code.encode("ascii") + zlib.compress(packed.tobytes(), 1)


def _positions(blob: bytes) -> np.ndarray:
    """Absolute start, end, start, end… of the encoded spans."""
    dtype = np.dtype("<u2" if blob[:1] == b"H" else "<u4")
    return np.cumsum(np.frombuffer(zlib.decompress(blob[1:]), dtype=dtype), dtype=np.int64)


def decode_spans(blob: bytes) -> tuple[list[int], list[int]]:
    """The starts and ends of the spans encoded by :func:`encode_spans`."""
    positions = _positions(blob)
    return positions[0::2].tolist(), positions[1::2].tolist()


def span_runs(blob: bytes, offsets: Sequence[int], length: int) -> list[Span]:
    """(start of token o, end of token o + length − 1) for each offset o, from a blob made by
    :func:`encode_spans` (vectorised: a page of hits never walks the whole list)."""
    positions = _positions(blob)
    first = np.asarray(offsets, dtype=np.int64)
    starts = positions[2 * first].tolist()
    ends = positions[2 * (first + length - 1) + 1].tolist()
    return list(zip(starts, ends, strict=True))


def compress_words(forms: Sequence[str]) -> bytes:
    """The FTS row text, kept (compressed) so that the row can be deleted again: the FTS
    table is contentless, and deleting from it needs the exact text that was inserted."""
    return zlib.compress(" ".join(forms).encode("utf-8"), 1)


def decompress_words(blob: bytes) -> str:
    return zlib.decompress(blob).decode("utf-8")
