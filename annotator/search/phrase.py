"""The documents that may hold a phrase, picked with the word index before any text is read.

The index holds each document's folded text cut into words (FTS5 tokens, see
:mod:`annotator.chinese.tokens`), however jieba cut it: a phrase found in the query's own
segmentation proves nothing (协同创新 may be one word in the text, or 协同|创新, or
区域协同|创新…). What always holds, for a phrase of letters and digits only: the words over an
occurrence are consecutive tokens, and either one of them holds the whole phrase, or the first
one *ends with* a head of the phrase (phrase[:i]) and the next one *starts with* the rest
(phrase[i:]) or is a word wholly inside it (phrase[i:j]). The terms ending with, starting with
or holding a string come from the index's vocabulary (kept in memory per generation), and one
FTS5 query gives the documents with such terms — ``(holders) OR (heads AND nexts) …``, or,
when both sides are common words, phrase queries ``"head" + "next"*`` that want them in a
row. That superset is then verified against the texts, so recall stays that of
``str.count``.

A phrase with anything else (punctuation, spaces, capitals the index lower-cases) is searched
without candidates, as is a phrase whose terms are too many to ask for (a common character).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from typing import TYPE_CHECKING

from annotator.chinese.tokens import MAX_FORM_CHARS
from annotator.db import search_index as tables
from annotator.search import texts
from annotator.search.texts import Snapshot

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# More terms than this in one side of the query and that side is left out (the other side
# alone still gives a superset); more in the whole query and the texts are all scanned.
MAX_SIDE = 120
MAX_TERMS = 400
# Candidates that may reach more than this share of the documents: every text is searched.
MAX_SHARE = 0.5


class Vocabulary:
    """The index's terms, sorted, with one string of them all for substring look-ups."""

    def __init__(self, terms: list[str]) -> None:
        self.terms = terms
        self.docs: dict[str, int] = {}  # term → documents holding it, as asked for
        self.joined = "\n" + "\n".join(terms) + "\n"
        self.starts: list[int] = []  # where each term starts in ``joined``
        at = 1
        for term in terms:
            self.starts.append(at)
            at += len(term) + 1
        # A form cut at MAX_FORM_CHARS may have lost the phrase: such terms always count.
        self.cut = [t for t in terms if len(t) >= MAX_FORM_CHARS]
        self.backwards = sorted(t[::-1] for t in terms)  # ends found as starts, by bisection

    def _at(self, needle: str, limit: int) -> list[str] | None:
        """The terms ``needle`` occurs in (needle may include the "\\n" around terms);
        None when more than ``limit``."""
        found: list[str] = []
        joined, starts = self.joined, self.starts
        at = joined.find(needle)
        while at >= 0:
            k = bisect_right(starts, at) - 1
            if 0 <= k < len(self.terms):
                if len(found) >= limit:
                    return None
                found.append(self.terms[k])
                nxt = starts[k + 1] if k + 1 < len(starts) else len(joined)
            else:
                nxt = at + 1
            at = joined.find(needle, max(nxt, at + 1))
        return found

    def holding(self, part: str, limit: int) -> list[str] | None:
        return self._at(part, limit)

    def ending_with(self, part: str, limit: int) -> list[str] | None:
        found = _starting(self.backwards, part[::-1], limit)
        return None if found is None else [t[::-1] for t in found]

    def starting_with(self, part: str, limit: int) -> list[str] | None:
        return _starting(self.terms, part, limit)

    def has(self, term: str) -> bool:
        i = bisect_left(self.terms, term)
        return i < len(self.terms) and self.terms[i] == term


def _starting(terms: list[str], part: str, limit: int) -> list[str] | None:
    """The sorted ``terms`` starting with ``part``; None when more than ``limit``."""
    i = bisect_left(terms, part)
    j = bisect_left(terms, part + "\U0010ffff", i)  # past every term starting with part…
    while j < len(terms) and terms[j].startswith(part):  # …but those going on with U+10FFFF
        j += 1
    if j - i > limit:
        return None
    return [t for t in terms[i:j] if t.startswith(part)]


def eligible(phrase: str) -> bool:
    """Whether every occurrence of ``phrase`` shows in the index forms as it is: letters and
    digits only (anything else may be dropped from a form), none changed by lower-casing."""
    return bool(phrase) and all(ch.isalnum() and ch.lower() == ch for ch in phrase)


def vocabulary(session: Session, live: Snapshot) -> Vocabulary:
    return texts.derived(session, "vocabulary", live.token,
                         lambda: Vocabulary(tables.vocabulary(session)))


def _reach(session: Session, vocab: Vocabulary, terms: list[str]) -> int:
    """At most how many documents hold any of ``terms`` (counts asked once a generation)."""
    docs = vocab.docs
    missing = [t for t in terms if t not in docs]
    if missing:
        docs.update(tables.term_documents(session, missing))
    return sum(docs[t] for t in terms)


def _any(terms: Iterable[str]) -> str:
    # Forms hold no ASCII punctuation (tokens.index_form), so no quote needs escaping.
    return "(" + " OR ".join(f'"{t}"' for t in terms) + ")"


def expression(session: Session, vocab: Vocabulary, phrase: str, documents: int,
               in_a_row: bool = True) -> str | None:
    """An FTS5 query for every document that may hold ``phrase`` ("" when none can); None
    when it would take too many terms or could point to more than :data:`MAX_SHARE` of the
    ``documents`` (reading the doclists then costs more than scanning saves), or would need
    phrase queries of common words and ``in_a_row`` is False."""
    parts: list[str] = []
    count = 0
    reach = 0
    most = MAX_SHARE * documents
    whole = vocab.holding(phrase, MAX_TERMS)
    if whole is None:
        return None
    if whole:
        parts.append(_any(whole))
        count += len(whole)
        reach += _reach(session, vocab, whole)
    if vocab.cut:
        parts.append(_any(vocab.cut))
        count += len(vocab.cut)
        reach += _reach(session, vocab, vocab.cut)
    n = len(phrase)
    for i in range(1, n):
        heads = vocab.ending_with(phrase[:i], MAX_SIDE)
        if heads == []:
            continue  # no word ends with this head: no occurrence splits here
        nexts = vocab.starting_with(phrase[i:], MAX_SIDE)
        if nexts is not None:
            nexts += [phrase[i:j] for j in range(i + 1, n) if vocab.has(phrase[i:j])]
            if not nexts:
                continue
            if len(nexts) > MAX_SIDE:
                nexts = None
        if heads is None and nexts is None:
            return None  # both sides too common: scan the texts
        sides = [side for side in (heads, nexts) if side is not None]
        # An AND reaches no more documents than its narrower side: ask for that one only
        # when the other is far wider (its doclists would cost more than they remove).
        widths = [_reach(session, vocab, side) for side in sides]
        if min(widths) > most / 4:
            if not in_a_row or heads is None:
                return None
            # Both sides are common words (协同 … 创新): ask where they stand in a row.
            rows = _in_a_row(vocab, heads, phrase[i:])
            if rows is None:
                return None
            parts.append(" OR ".join(rows))
            count += 2 * len(rows)
            if count > MAX_TERMS:
                return None
            continue
        if len(sides) == 2 and max(widths) > 4 * min(widths):
            sides = [sides[widths.index(min(widths))]]
        parts.append(" AND ".join(_any(side) for side in sides))
        count += sum(len(side) for side in sides)
        reach += min(widths)
        if count > MAX_TERMS or reach > most:
            return None
    if reach > most:
        return None
    return " OR ".join(f"({p})" for p in parts)


# Phrase queries one split may take (heads × ways to go on).
MAX_ROWS = 40


def _in_a_row(vocab: Vocabulary, heads: list[str], rest: str) -> list[str] | None:
    """FTS5 phrase queries for a head word followed, at the next positions, by words that
    spell ``rest``: whole words inside it, then one starting with what is left (a prefix
    query); None when there would be more than :data:`MAX_ROWS`."""
    ways: list[list[str]] = []

    def go_on(done: list[str], left: str) -> None:
        ways.append([*done, left])  # the last word starts with what is left
        for j in range(1, len(left)):
            if vocab.has(left[:j]):
                go_on([*done, left[:j]], left[j:])

    go_on([], rest)
    if len(heads) * len(ways) > MAX_ROWS:
        return None
    return [" + ".join(f'"{w}"' for w in (head, *way)) + "*" for head in heads for way in ways]


def candidates(session: Session, phrase: str, live: Snapshot,
               in_memory: bool = False) -> list[int] | None:
    """Ids of the documents that may hold the folded ``phrase``, by document number: those
    the index points to and every document the index does not hold as it is now; None when
    the index cannot narrow the search (then every text is searched). With every text
    ``in_memory`` no phrase query of common words is made: reading their long doclists
    costs as much as counting in every text."""
    if not live.index_usable or not eligible(phrase) or len(live.unsure) == len(live.order):
        return None
    query = expression(session, vocabulary(session, live), phrase, len(live.order),
                       in_a_row=not in_memory)
    if query is None:
        return None
    # Past MAX_SHARE of the documents, scanning every text costs no more: FTS5 stops there.
    most = int(MAX_SHARE * len(live.order)) + 1
    found = set(tables.documents_matching(session, query, most)) if query else set()
    if len(found) >= most:
        return None
    found |= live.unsure
    position = live.position
    return sorted((d for d in found if d in position), key=position.__getitem__)
