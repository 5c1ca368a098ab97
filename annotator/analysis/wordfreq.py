"""Word frequencies with parts of speech: for one document, a code's passages, or the corpus.

Words are the project segmenter's (jieba precise mode, the project's terms kept whole), so
they are the words search and selection snapping see too. Each word gets a part-of-speech
tag from jieba.posseg's dictionary, ``nz`` for a project term jieba does not know, else
jieba.posseg's HMM over the word alone. (Running jieba.posseg over the text gives the same
tags for dictionary words but is about five times slower and splits unknown words a little
differently from the segmenter.) A word counts when it is a project term, or when it has at
least ``min_length`` characters, is no stopword (the project's list) and is not punctuation
or a number (tags x, m, mq).

Per code, only the text inside the code's passages counts (with its sub-codes by default).
Overlapping passages — two coders, a code and its sub-code, nested or touching spans — are
merged first, so each stretch of text counts once for a code. A word counts when it lies
wholly inside a merged span, segmented as in the whole document (the lines around the span
are segmented: jieba never joins words across a line break). So a code's counts are a part
of the corpus counts, and a selection that cuts a word in half does not count the half.

Simplified and traditional forms are one word: texts are segmented in folded form
(:func:`annotator.chinese.variants.fold`, one simplified character for each traditional one,
offsets unchanged) with the folded terms and stopwords, so 創新 and 创新 are counted
together. A word is shown in the form written most often among the occurrences a table
counts (the simplified form on a tie): a traditional-script corpus reads in its own script,
a mixed one in the majority's. :attr:`WordCount.forms` names every form counted.

Speed: segmentation is most of the cost (jieba, a few µs per character); the corpus counts
are remembered per project state, so keywords and repeated tables do not segment it again.
"""

from __future__ import annotations

import re
import threading
from bisect import bisect_left
from collections import Counter, OrderedDict
from collections.abc import (
    Callable,
    Hashable,
    Iterable,
    Iterator,
    Mapping,
    MutableMapping,
    Sequence,
)
from dataclasses import dataclass, field
from operator import attrgetter
from typing import TYPE_CHECKING
from weakref import WeakKeyDictionary

from annotator.analysis.dictionary_tags import TagTable, dictionary_tags, hmm_tables
from annotator.chinese.segment import Segmenter, Token
from annotator.chinese.variants import fold, same_words
from annotator.errors import NotFoundError
from annotator.records import DocumentInfo
from annotator.words.stopwords import is_stopword_token

if TYPE_CHECKING:
    from annotator.project import Project

Tagged = tuple[str, str, int, int]  # word, part-of-speech tag, start, end (code points)
Span = tuple[int, int]

#: Tags never counted: punctuation and other non-words, numerals, quantities.
EXCLUDED_TAGS = frozenset({"x", "m", "mq"})
TERM_TAG = "nz"

#: Chinese names of jieba's (ICTCLAS) part-of-speech tags, for tables people read.
POS_NAMES = {
    "n": "名词", "nr": "人名", "nrfg": "人名", "nrt": "人名", "ns": "地名", "nt": "机构团体",
    "nz": "其他专名", "ng": "名语素", "v": "动词", "vn": "名动词", "vd": "副动词",
    "vg": "动语素", "vi": "不及物动词", "vq": "动词", "a": "形容词", "ad": "副形词",
    "an": "名形词", "ag": "形语素", "d": "副词", "dg": "副语素", "df": "副词", "l": "习用语",
    "i": "成语", "j": "简称略语", "eng": "英文", "t": "时间词", "tg": "时语素", "s": "处所词",
    "f": "方位词", "b": "区别词", "z": "状态词", "zg": "状态词", "r": "代词", "rr": "代词",
    "rz": "代词", "rg": "代词", "p": "介词", "c": "连词", "u": "助词", "uj": "助词",
    "ul": "助词", "uz": "助词", "ug": "助词", "uv": "助词", "ud": "助词", "q": "量词",
    "m": "数词", "mq": "数量词", "e": "叹词", "y": "语气词", "o": "拟声词", "h": "前缀",
    "k": "后缀", "g": "语素", "x": "非语素字",
}


def pos_name(tag: str) -> str:
    return POS_NAMES.get(tag, "")


@dataclass(frozen=True)
class WordCount:
    word: str  # as written most often in the scope (simplified and traditional are one word)
    pos: str  # the word's most frequent part-of-speech tag (jieba/ICTCLAS: n, vn, nz …)
    count: int
    share: float  # of all counted words in the same scope
    documents: int  # documents in which the word occurs (within the scope)
    # Every form counted, most frequent first, when there is more than one (创新, 創新).
    forms: tuple[str, ...] = ()


Forms = Counter[tuple[str, str]]  # (folded word, form as written) -> occurrences, forms ≠ word


def written_forms(word: str, count: int, forms: Mapping[str, int] | None) -> list[str]:
    """The forms of a folded ``word`` counted ``count`` times, ``forms`` being the
    occurrences written otherwise: most frequent first, the folded form first on a tie."""
    if not forms:
        return [word]
    own = count - sum(forms.values())
    ranked = sorted(forms.items(), key=lambda kv: (-kv[1], kv[0]))
    every = ([(word, own)] if own > 0 else []) + ranked
    every.sort(key=lambda kv: -kv[1])  # stable: the folded form stays first on a tie
    return [form for form, _ in every]


# -- tagging -----------------------------------------------------------------------------

_HAN = re.compile("[\u4e00-\u9fd5]+")
_NUMBER = re.compile(r"[.0-9]+")
_LATIN = re.compile("[a-zA-Z0-9]+")


class WordTagger:
    """The project segmenter's words with part-of-speech tags given per word, not per
    occurrence: the dictionary's tag, ``nz`` for other project terms, else jieba.posseg's HMM
    over the word alone (remembered). Being context-free, a tag is looked up once per
    distinct word of a text rather than once per occurrence."""

    def __init__(self, tokenize: Callable[[str], list[Token]], terms: Iterable[str]) -> None:
        self.tokenize = tokenize
        self.terms = frozenset(terms)
        self._unknown: dict[str, str] = {}
        self._lock = threading.Lock()

    @property
    def _tags(self) -> TagTable:
        """jieba's dictionary tags (compact, not jieba.posseg's 55 MB dict), read when first
        needed: a workbook export builds its agreement and tables before counting words."""
        return dictionary_tags()

    def tag(self, word: str) -> str:
        found = self._tags.get(word) or self._unknown.get(word)
        if found:
            return found
        if word in self.terms:
            found = TERM_TAG
        elif _HAN.fullmatch(word):
            viterbi, *tables = hmm_tables()
            _, states = viterbi(word, *tables)
            found = states[0][1]
        elif _NUMBER.fullmatch(word):
            found = "m"
        elif _LATIN.fullmatch(word):
            found = "eng"
        else:
            found = "x"
        with self._lock:
            self._unknown[word] = found
        return found

    def tag_among(self, word: str, tags: frozenset[str]) -> bool:
        """Whether :meth:`tag` gives ``word`` one of ``tags``. A word still to be tagged by
        the HMM takes the tag of its first character's state, one of the states jieba allows
        that character; when none of them carries one of ``tags`` the HMM is not run."""
        if word in self._tags or word in self._unknown or word in self.terms:
            return self.tag(word) in tags
        if _HAN.fullmatch(word):
            states = hmm_tables()[1].get(word[0])  # char_state_tab_P
            if states is not None and not any(t in tags for _, t in states):
                return False
        return self.tag(word) in tags

    def __call__(self, text: str) -> list[Tagged]:
        tag = self.tag
        return [(t.word, tag(t.word), t.start, t.end) for t in self.tokenize(text)]


# -- the project adapter: the one place that knows where words, terms and stopwords come from


_taggers: WeakKeyDictionary[Segmenter, WordTagger] = WeakKeyDictionary()
_taggers_lock = threading.Lock()


def _project_words(project: Project) -> tuple[WordTagger, frozenset[str]]:
    """The project's tagger (over the segmenter of its shipped, own and code-keyword terms,
    folded) and stopwords (shipped list with the project's changes, folded)."""
    from annotator.chinese.segment import segmenter_for
    from annotator.words.stopwords import project_stopwords
    from annotator.words.terms import project_terms

    segmenter = segmenter_for(same_words(project_terms(project)))
    with _taggers_lock:
        tagger = _taggers.get(segmenter)
        if tagger is None:
            tagger = _taggers[segmenter] = WordTagger(segmenter.tokenize, segmenter.terms)
    return tagger, same_words(project_stopwords(project))


# -- counting ------------------------------------------------------------------------------

WordTags = Counter[tuple[str, str]]  # (word, tag) -> occurrences


@dataclass(frozen=True)
class WordAnalyser:
    """Segmentation, tagging and the rule of which words count, for one project's settings."""

    tagger: WordTagger
    stopwords: frozenset[str]
    min_length: int = 2

    @property
    def key(self) -> Hashable:
        """Identifies the settings, for caches of counts."""
        return (self.tagger.terms, self.stopwords, self.min_length)

    def counts(self, word: str, tag: str) -> bool:
        if word in self.tagger.terms:
            return True
        return (
            len(word) >= self.min_length
            and tag not in EXCLUDED_TAGS
            and not is_stopword_token(word, self.stopwords)
        )

    def counts_word(self, word: str) -> bool:
        """:meth:`counts` for ``word`` with its tag, tagging it only when the tag decides."""
        if word in self.tagger.terms:
            return True
        return (
            len(word) >= self.min_length
            and not is_stopword_token(word, self.stopwords)
            and not self.tagger.tag_among(word, EXCLUDED_TAGS)
        )

    def runs(self, text: str, spans: Sequence[Span] | None = None) -> list[list[Token]]:
        """The tokens of ``text`` (counted or not) as one run, or with ``spans`` one run per
        merged span holding the tokens wholly inside it. For spans only the lines around them
        are segmented: jieba never joins words across a line break, nor do terms. Tokens
        are those of the folded text: their words are folded, their offsets the text's."""
        return self.folded_runs(text, spans)[1]

    def folded_runs(
        self, text: str, spans: Sequence[Span] | None = None
    ) -> tuple[str, list[list[Token]]]:
        """:meth:`runs` with the folded text (``text`` itself when it has no traditional
        characters)."""
        folded = fold(text)
        return folded, self._runs(folded, spans)

    def _runs(self, text: str, spans: Sequence[Span] | None) -> list[list[Token]]:
        tokenize = self.tagger.tokenize
        if spans is None:
            return [tokenize(text)]
        runs = []
        for line_start, line_end, inner in _line_windows(text, merge_spans(spans)):
            tokens = tokenize(text[line_start:line_end])
            for s, e in inner:
                run = [
                    Token(t.word, t.start + line_start, t.end + line_start)
                    for t in words_within(tokens, s - line_start, e - line_start)
                ]
                if run:
                    runs.append(run)
        return runs

    def tally(self, tokens: Iterable[Token]) -> WordTags:
        """The counted words among ``tokens`` with their tags and occurrences."""
        tag, keep = self.tagger.tag, self.counts
        out: WordTags = Counter()
        for word, n in Counter(map(_word, tokens)).items():
            word_tag = tag(word)
            if keep(word, word_tag):
                out[word, word_tag] = n
        return out

    def count_text(self, text: str, spans: Sequence[Span] | None = None) -> WordTags:
        return self.count_document(text, spans)[0]

    def count_document(
        self, text: str, spans: Sequence[Span] | None = None
    ) -> tuple[WordTags, Forms]:
        """The counted words of ``text`` (or of its ``spans``) and the forms they are written
        in where that is not the folded form."""
        folded, runs = self.folded_runs(text, spans)
        tokens = [t for run in runs for t in run]
        words = self.tally(tokens)
        return words, written_otherwise(text, folded, tokens, {w for w, _ in words})

    def segments(self, text: str, spans: Sequence[Span] | None = None) -> list[list[Tagged]]:
        """As :meth:`runs`, each token tagged (for TextRank, which needs the word order)."""
        tag = self.tagger.tag
        runs = self.runs(text, spans)
        return [[(t.word, tag(t.word), t.start, t.end) for t in run] for run in runs]


def analyser_for(project: Project, *, min_length: int = 2) -> WordAnalyser:
    tagger, stopwords = _project_words(project)
    return WordAnalyser(tagger, stopwords, min_length)


def written_otherwise(
    text: str, folded: str, tokens: Iterable[Token], counted: Iterable[str] | None = None
) -> Forms:
    """(word, form) of the tokens (of ``counted`` words, when given) whose characters in
    ``text`` differ from their folded form; nothing to look at when ``folded`` is ``text``."""
    out: Forms = Counter()
    if folded is text:
        return out
    keep = None if counted is None else set(counted)
    for t in tokens:
        form = text[t.start : t.end]
        if form != t.word and (keep is None or t.word in keep):
            out[t.word, form] += 1
    return out


def merge_spans(spans: Iterable[Span]) -> list[Span]:
    """Overlapping or touching spans joined, in order."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return [(s, e) for s, e in merged]


def _line_windows(text: str, spans: Sequence[Span]) -> list[tuple[int, int, list[Span]]]:
    """(start, end) of the whole lines around sorted, merged ``spans``, with the spans each
    window holds; windows that would overlap are joined."""
    windows: list[tuple[int, int, list[Span]]] = []
    for s, e in spans:
        line_start = text.rfind("\n", 0, s) + 1
        line_end = text.find("\n", max(e - 1, s))
        line_end = len(text) if line_end < 0 else line_end
        if windows and line_start <= windows[-1][1]:
            last = windows[-1]
            windows[-1] = (last[0], max(last[1], line_end), [*last[2], (s, e)])
        else:
            windows.append((line_start, line_end, [(s, e)]))
    return windows


def words_within(tokens: Sequence[Token], start: int, end: int) -> list[Token]:
    """The tokens (in text order, not overlapping) lying wholly in [start, end)."""
    i = bisect_left(tokens, start, key=_start)
    out = []
    while i < len(tokens) and tokens[i].end <= end:
        out.append(tokens[i])
        i += 1
    return out


_start = attrgetter("start")
_word = attrgetter("word")


@dataclass
class WordTally:
    """Counts of words, their tags and the documents they occur in."""

    counts: Counter[str] = field(default_factory=Counter)
    documents: Counter[str] = field(default_factory=Counter)
    tags: MutableMapping[str, Counter[str]] = field(default_factory=dict)
    document_total: int = 0  # documents added, with or without counted words
    # Word -> forms written otherwise than the (folded) word -> occurrences.
    forms: dict[str, Counter[str]] = field(default_factory=dict)

    def add_document(self, words: WordTags, forms: Forms | None = None) -> None:
        """One document's (or one code's part of a document's) counted words, with the
        forms written otherwise (:meth:`WordAnalyser.count_document`)."""
        if forms:
            self.add_forms(forms)
        counts, tags = self.counts, self.tags
        seen = set()
        for (word, tag), n in words.items():
            counts[word] += n
            word_tags = tags.get(word)
            if word_tags is None:
                word_tags = tags[word] = Counter()
            word_tags[tag] += n
            seen.add(word)
        self.documents.update(seen)
        self.document_total += 1

    def add_forms(self, forms: Forms) -> None:
        for (word, form), n in forms.items():
            self.forms.setdefault(word, Counter())[form] += n

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def written(self, word: str) -> list[str]:
        """The forms ``word`` is written in here, most frequent first."""
        return written_forms(word, self.counts[word], self.forms.get(word))

    def display(self, word: str) -> str:
        """The form to show ``word`` in: the one written most often here."""
        return self.written(word)[0] if word in self.forms else word

    def pos(self, word: str) -> str:
        tags = self.tags.get(word)
        return tags.most_common(1)[0][0] if tags else ""

    def rows(self, top: int | None = None) -> list[WordCount]:
        """Most frequent first; equal counts in character order."""
        total = self.total
        ranked = sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0]))
        if top is not None:
            ranked = ranked[: max(0, top)]
        rows = []
        for w, n in ranked:
            forms = self.written(w) if w in self.forms else [w]
            rows.append(WordCount(forms[0], self.pos(w), n, n / total if total else 0.0,
                                  self.documents[w], tuple(forms) if len(forms) > 1 else ()))
        return rows


class TagsOnDemand(MutableMapping[str, Counter[str]]):
    """:attr:`WordTally.tags` for counts of words that have one tag each, the tag looked up
    when first asked: tagging a word jieba does not know runs an HMM, and tables show the
    tags of a few hundred words out of many thousands. Holds the counts as they are when
    made, so that later :meth:`WordTally.add_document` calls add to them as usual."""

    def __init__(self, counts: Mapping[str, int], tag: Callable[[str], str]) -> None:
        self._counts = dict(counts)
        self._tag = tag
        self._known: dict[str, Counter[str]] = {}

    def __getitem__(self, word: str) -> Counter[str]:
        found = self._known.get(word)
        if found is None:
            n = self._counts[word]  # KeyError for a word not counted
            found = self._known[word] = Counter({self._tag(word): n})
        return found

    def __setitem__(self, word: str, tags: Counter[str]) -> None:
        self._known[word] = tags

    def __delitem__(self, word: str) -> None:
        self[word]  # noqa: B018 - KeyError for a word not there
        self._counts.pop(word, None)
        self._known.pop(word, None)

    def __iter__(self) -> Iterator[str]:
        yield from self._counts
        yield from (w for w in self._known if w not in self._counts)

    def __len__(self) -> int:
        return len(self._counts) + sum(1 for w in self._known if w not in self._counts)


# -- scopes ----------------------------------------------------------------------------------


def scope_texts(
    project: Project,
    *,
    document_id: int | None = None,
    code_id: int | None = None,
    include_subcodes: bool = True,
) -> Iterator[tuple[DocumentInfo, str, list[Span] | None]]:
    """(document, text, spans) for every document in the scope; spans are None for whole
    documents, else the code's passage spans in that document (not yet merged)."""
    documents = project.documents()
    if document_id is not None:
        documents = [d for d in documents if d.id == document_id]
        if not documents:
            raise NotFoundError(f"no document with id {document_id}")
    spans: dict[int, list[Span]] | None = None
    if code_id is not None:
        project.code(code_id)  # NotFoundError for an unknown code
        spans = {}
        for p in project.passages(
            code_id=code_id, document_id=document_id, include_subcodes=include_subcodes
        ):
            spans.setdefault(p.document_id, []).append((p.start, p.end))
    for doc in documents:
        if spans is not None and doc.id not in spans:
            continue
        yield doc, project.document_text(doc.id), None if spans is None else spans[doc.id]


_CORPUS_CACHE: OrderedDict[Hashable, WordTally] = OrderedDict()
_CACHE_LOCK = threading.Lock()


def corpus_tally(project: Project, analyser: WordAnalyser) -> WordTally:
    """Counts over every document; remembered (for two projects' current states) so that
    keyword weighting and repeated tables do not segment the corpus again."""
    documents = project.documents()
    key = corpus_key(project, analyser, documents)
    with _CACHE_LOCK:
        if key in _CORPUS_CACHE:
            _CORPUS_CACHE.move_to_end(key)
            return _CORPUS_CACHE[key]
    tally = WordTally()
    for doc in documents:
        tally.add_document(*analyser.count_document(project.document_text(doc.id)))
    remember_corpus_tally(key, tally)
    return tally


def corpus_key(
    project: Project, analyser: WordAnalyser, documents: Sequence[DocumentInfo]
) -> Hashable:
    """Changes whenever a document, a term, a stopword or the length rule changes."""
    return (str(project.path), analyser.key, tuple((d.id, d.content_hash) for d in documents))


def remember_corpus_tally(key: Hashable, tally: WordTally) -> None:
    with _CACHE_LOCK:
        _CORPUS_CACHE[key] = tally
        _CORPUS_CACHE.move_to_end(key)
        while len(_CORPUS_CACHE) > 2:
            _CORPUS_CACHE.popitem(last=False)


def scope_tally(
    project: Project,
    analyser: WordAnalyser,
    *,
    document_id: int | None = None,
    code_id: int | None = None,
    include_subcodes: bool = True,
) -> WordTally:
    if document_id is None and code_id is None:
        return corpus_tally(project, analyser)
    tally = WordTally()
    for _doc, text, spans in scope_texts(
        project, document_id=document_id, code_id=code_id, include_subcodes=include_subcodes
    ):
        tally.add_document(*analyser.count_document(text, spans))
    return tally


def word_frequencies(
    project: Project,
    *,
    document_id: int | None = None,
    code_id: int | None = None,
    include_subcodes: bool = True,
    top: int | None = None,
    min_length: int = 2,
) -> list[WordCount]:
    """Counted words of one document, of a code's passages (optionally in one document), or
    of the whole corpus when neither is given; most frequent first, ``top`` of them."""
    analyser = analyser_for(project, min_length=min_length)
    tally = scope_tally(
        project,
        analyser,
        document_id=document_id,
        code_id=code_id,
        include_subcodes=include_subcodes,
    )
    return tally.rows(top)
