"""One segmentation service over jieba: precise mode, code-point offsets, project terms whole.

Contract of :meth:`Segmenter.tokenize`: the tokens tile the text — every code point belongs to
exactly one token, in order; whitespace runs and punctuation are tokens too; offsets are Python
``str`` indices (code points, so 𠮷 is one), end exclusive.

Loading. jieba's dictionary (≈0.5 s, +60 MB) is read once per process, lazily, into jieba's
shared tokenizer ``jieba.dt``, with its cache file in the user's cache directory (never the
system temp dir, which users share). Each :class:`Segmenter` copies that prefix dictionary
(≈15 ms; the words themselves are shared) and adds its terms, so a project's segmenter is cheap
to rebuild when its terms change. :func:`warm_up` does the loading; the window calls it off the
GUI thread. jieba's paddle mode is never used: enabling it runs pip at run time.

Terms. A term made only of characters jieba joins into words (letters, digits, CJK up to
U+9FD5) becomes a jieba user word with :data:`TERM_FREQ`, tagged :data:`TERM_TAG` ("nz") when
jieba did not know it. Any other term (“三权”改革, 科技成果转化（三权）, a term with a space) is
matched in the raw text and emitted as one token; jieba runs on the gaps. Where two terms
overlap (产学研合作, and the keyword 合作平台, in 产学研合作平台), the longer is cut out whole
the same way and wins (:mod:`annotator.chinese.term_match`).
"""

from __future__ import annotations

import logging
import re
import threading
from collections import OrderedDict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from annotator.chinese.shipped import read_list
from annotator.chinese.term_match import TermMatcher

if TYPE_CHECKING:
    import jieba

TERM_TAG = "nz"
# High enough that a term beats any split of itself in context (jieba's commonest word, 了,
# has 883,634; typical content words have tens to thousands). Known two-character words keep
# jieba's own frequency: a huge one would let 立法 steal characters from 成立法人.
TERM_FREQ = 100_000
# Parts of speech for jieba.analyse.textrank(allowPOS=…): its default drops "nz" terms.
TEXTRANK_POS = ("ns", "n", "vn", "v", "nz")
# Characters that both jieba.cut and jieba.posseg keep inside one block (posseg's set is the
# narrower one: no "-" or "%").
_JIEBA_WORD = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._]+")
_CACHE_SIZE = 4


@dataclass(frozen=True, slots=True)
class Token:
    word: str
    start: int  # code points
    end: int


class PosToken(NamedTuple):
    """A word with its jieba.posseg part of speech and code-point offsets."""

    word: str
    flag: str
    start: int
    end: int


def cache_dir() -> Path:
    """The user's cache directory for annotator (created), where jieba's cache file lives."""
    import platformdirs

    path = Path(platformdirs.user_cache_dir("annotator"))
    path.mkdir(parents=True, exist_ok=True)
    return path


_load_lock = threading.Lock()


def _base_tokenizer() -> jieba.Tokenizer:
    """jieba's shared tokenizer, initialised once with its cache in :func:`cache_dir`."""
    import jieba

    with _load_lock:
        if not jieba.dt.initialized:
            jieba.setLogLevel(logging.WARNING)  # "Building prefix dict…" is not for users
            try:
                jieba.dt.tmp_dir = str(cache_dir())
                jieba.dt.cache_file = "jieba.cache"
            except OSError:  # no writable cache dir: jieba builds the dictionary uncached
                jieba.dt.tmp_dir = None
            jieba.dt.initialize()
    return jieba.dt


@lru_cache(maxsize=1)
def _base_word_tags() -> dict[str, str]:
    """jieba.posseg's word → tag table (importing jieba.posseg reads it: ≈0.6 s, +50 MB)."""
    _base_tokenizer()
    import jieba.posseg

    return jieba.posseg.dt.word_tag_tab


def is_jieba_word(term: str) -> bool:
    """Whether jieba can return ``term`` as one word (otherwise it is matched in raw text)."""
    return _JIEBA_WORD.fullmatch(term) is not None


def clean_terms(terms: Iterable[str]) -> frozenset[str]:
    """Terms as stored and matched: trimmed, without empty ones or ones spanning lines."""
    out = set()
    for term in terms:
        term = term.strip()
        if term and "\n" not in term:
            out.add(term)
    return frozenset(out)


class Segmenter:
    """Segments text with jieba plus a set of terms kept whole. Safe to share between threads;
    jieba is loaded on first use (or by :meth:`load`)."""

    def __init__(self, terms: Iterable[str] = ()) -> None:
        self.terms = clean_terms(terms)
        self.protected = frozenset(t for t in self.terms if not is_jieba_word(t))
        self._matcher = TermMatcher(self.terms, protected=self.protected)
        self._lock = threading.Lock()
        self._tokenizer: Any = None
        self._pos: Any = None
        self._term_tags: dict[str, str] = {}

    def __repr__(self) -> str:
        return f"<Segmenter {len(self.terms)} terms>"

    # -- loading ---------------------------------------------------------------------------
    def load(self) -> Segmenter:
        """Build the jieba tokenizer now (it is otherwise built on first use)."""
        self.jieba_tokenizer  # noqa: B018 - the property builds it
        return self

    @property
    def jieba_tokenizer(self) -> jieba.Tokenizer:
        """This segmenter's jieba.Tokenizer (for jieba.analyse's TF-IDF ``tokenizer``).
        It knows the jieba-word terms, not the punctuated ones."""
        if self._tokenizer is None:
            with self._lock:
                if self._tokenizer is None:
                    self._tokenizer = self._build()
        return self._tokenizer

    @property
    def pos_tokenizer(self) -> Any:
        """A jieba.posseg.POSTokenizer over :attr:`jieba_tokenizer` with the terms tagged
        (for jieba.analyse's ``postokenizer`` and TextRank's ``tokenizer``)."""
        if self._pos is None:
            tokenizer = self.jieba_tokenizer
            tags = _base_word_tags()
            with self._lock:
                if self._pos is None:
                    import jieba.posseg

                    pos = jieba.posseg.POSTokenizer.__new__(jieba.posseg.POSTokenizer)
                    pos.tokenizer = tokenizer
                    # A copy: entries only, the strings are shared with jieba's table.
                    pos.word_tag_tab = dict(tags)
                    pos.word_tag_tab.update(self._term_tags)
                    # Take the tokenizer's pending user tags now, so that cutting never writes.
                    pos.makesure_userdict_loaded()
                    self._pos = pos
        return self._pos

    def _build(self) -> jieba.Tokenizer:
        import jieba

        base = _base_tokenizer()
        tok = jieba.Tokenizer()
        tok.tmp_dir, tok.cache_file = base.tmp_dir, base.cache_file
        tok.FREQ, tok.total = dict(base.FREQ), base.total
        tok.initialized = True
        for term in sorted(self.terms - self.protected):
            known = base.FREQ.get(term, 0)
            if known and len(term) <= 2:
                continue
            tok.add_word(term, freq=max(TERM_FREQ, known), tag=None if known else TERM_TAG)
            if not known:
                self._term_tags[term] = TERM_TAG
        # add_word grows the total; put it back so that the terms do not shift the
        # probabilities of every other word (which would favour fewer, longer words).
        tok.total = base.total
        return tok

    # -- segmenting ------------------------------------------------------------------------
    def tokenize(self, text: str) -> list[Token]:
        """All tokens of ``text``, tiling it (see the module docstring)."""
        return [Token(w, s, e) for w, s, e in self.token_spans(text)]

    def token_spans(self, text: str) -> list[tuple[str, int, int]]:
        """:meth:`tokenize` as plain (word, start, end) tuples: what import and indexing
        use, where a million tokens make building :class:`Token` objects a cost of its own
        (jieba's ``cut`` with offsets counted here, as ``jieba.tokenize`` counts them)."""
        cut = self.jieba_tokenizer.cut
        out: list[tuple[str, int, int]] = []
        add = out.append
        pieces = self._matcher.pieces(text) if self._matcher else ((False, 0, len(text)),)
        for is_term, start, end in pieces:
            if is_term:
                add((text[start:end], start, end))
                continue
            for low, high in _bounded_runs(text, start, end):
                at = low
                for word in cut(text[low:high] if low or high != len(text) else text):
                    stop = at + len(word)
                    add((word, at, stop))
                    at = stop
        return out

    def words(self, text: str) -> list[str]:
        """The words of ``text`` in order; punctuation included, whitespace left out."""
        return [t.word for t in self.tokenize(text) if not t.word.isspace()]

    def posseg(self, text: str) -> list[PosToken]:
        """jieba.posseg words with tags and offsets; terms jieba did not know are "nz".
        posseg's words may differ slightly from :meth:`tokenize` (its own HMM)."""
        pos = self.pos_tokenizer
        out: list[PosToken] = []
        for is_term, start, end in self._matcher.pieces(text):
            if is_term:
                out.append(PosToken(text[start:end], TERM_TAG, start, end))
                continue
            at = start
            for word, flag in pos.cut(text[start:end]):
                out.append(PosToken(word, flag, at, at + len(word)))
                at += len(word)
        return out


# jieba's HMM copies its whole path for every character of a run of characters it has no
# words for (finalseg.viterbi): quadratic, an hour for a line of a million rare hanzi. Text
# is cut for it into runs of at most this many characters, at a character jieba itself
# splits at (punctuation, a space) when there is one, so real text segments exactly as
# before; only a run this long with no such character is cut where it must be.
_MAX_RUN = 300
_JIEBA_BLOCK = re.compile(r"[\u4E00-\u9FD5a-zA-Z0-9+#&._%\-]")


def _bounded_runs(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """[start, end) as consecutive ranges of at most _MAX_RUN characters (see above)."""
    while end - start > _MAX_RUN:
        cut = start + _MAX_RUN
        while cut > start + 1 and not _splits_like_jieba(text, cut):
            cut -= 1
        if cut == start + 1 and not _splits_like_jieba(text, cut):
            cut = start + _MAX_RUN
            if text[cut - 1] == "\r" and text[cut] == "\n":
                cut -= 1
        yield start, cut
        start = cut
    yield start, end


def _splits_like_jieba(text: str, at: int) -> bool:
    """Whether jieba's own blocks already end at ``at`` (a non-word character on one side,
    never between the two characters of a \\r\\n)."""
    left, right = text[at - 1], text[at]
    if left == "\r" and right == "\n":
        return False
    return not (_JIEBA_BLOCK.match(left) and _JIEBA_BLOCK.match(right))


# -- shared segmenters ---------------------------------------------------------------------
_segmenters: OrderedDict[frozenset[str], Segmenter] = OrderedDict()
_segmenters_lock = threading.Lock()


def segmenter_for(terms: Iterable[str]) -> Segmenter:
    """The process-wide segmenter for this set of terms (the last few sets are kept)."""
    key = clean_terms(terms)
    with _segmenters_lock:
        seg = _segmenters.get(key)
        if seg is None:
            seg = _segmenters[key] = Segmenter(key)
            while len(_segmenters) > _CACHE_SIZE:
                _segmenters.popitem(last=False)
        else:
            _segmenters.move_to_end(key)
        return seg


@lru_cache(maxsize=1)
def starter_terms() -> frozenset[str]:
    """The shipped list of science-and-technology policy terms (data/terms.txt)."""
    return clean_terms(read_list("terms.txt"))


def default_segmenter() -> Segmenter:
    """The segmenter with the shipped starter terms only (no project)."""
    return segmenter_for(starter_terms())


def warm_up(terms: Iterable[str] | None = None, *, posseg: bool = False) -> Segmenter:
    """Load jieba and build the segmenter for ``terms`` (default: the starter terms), and
    with ``posseg`` also the part-of-speech tables. Slow (≈0.5–1 s): call it off the GUI
    thread. Returns the ready segmenter."""
    seg = default_segmenter() if terms is None else segmenter_for(terms)
    seg.load()
    if posseg:
        seg.pos_tokenizer  # noqa: B018 - the property builds it
    return seg


def posseg(text: str, segmenter: Segmenter | None = None) -> list[PosToken]:
    """(word, flag, start, end) for ``text`` with jieba.posseg; terms are "nz"."""
    return (segmenter or default_segmenter()).posseg(text)
