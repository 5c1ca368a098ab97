"""One segmentation service over jieba (precise mode, code-point offsets).

FIRST VERSION: a plain jieba wrapper with the project's terms as user words. To be refined
(protected terms with punctuation, cache directory, starter term list, POS tags).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Token:
    word: str
    start: int  # code points
    end: int


class Segmenter:
    """Segments text with jieba plus a set of user terms kept whole. Thread-safe to use."""

    def __init__(self, terms: Iterable[str] = ()) -> None:
        import jieba

        self._lock = threading.Lock()
        self._jieba = jieba.Tokenizer()
        self.terms = frozenset(t.strip() for t in terms if t.strip())
        for term in self.terms:
            self._jieba.add_word(term, freq=None, tag="nz")

    def tokenize(self, text: str) -> list[Token]:
        with self._lock:
            return [Token(w, s, e) for w, s, e in self._jieba.tokenize(text)]

    def words(self, text: str) -> list[str]:
        return [t.word for t in self.tokenize(text)]
