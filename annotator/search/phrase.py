"""The documents that may hold a phrase, picked with the word index before any text is read.

The index holds each document's folded text cut into words (FTS5 tokens, see
:mod:`annotator.search.tokens`), however jieba cut it: a phrase found in the query's own
segmentation proves nothing (协同创新 may be one word in the text, or 协同|创新, or
区域协同|创新…). What always holds, for a phrase of letters and digits only: the words over an
occurrence are consecutive tokens, and either one of them holds the whole phrase, or the first
one *ends with* a head of the phrase (phrase[:i]) and the next one *starts with* the rest
(phrase[i:]) or is a word wholly inside it (phrase[i:j]). The terms ending with, starting with
or holding a string come from the index's vocabulary (kept in memory per generation), and one
FTS5 query gives the documents with such terms — ``(holders) OR (heads AND nexts) …``. That
superset is then verified against the texts, so recall stays that of ``str.count``.

A phrase with anything else (punctuation, spaces, capitals the index lower-cases) is searched
without candidates, as is a phrase whose terms are too many to ask for (a common character).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from sqlalchemy.orm import Session

from annotator.db import search_index as tables
from annotator.search import texts
from annotator.search.texts import Snapshot
from annotator.search.tokens import MAX_FORM_CHARS

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
        self.joined = "\n" + "\n".join(terms) + "\n"
        self.starts: list[int] = []  # where each term starts in ``joined``
        at = 1
        for term in terms:
            self.starts.append(at)
            at += len(term) + 1
        # A form cut at MAX_FORM_CHARS may have lost the phrase: such terms always count.
        self.cut = [t for t in terms if len(t) >= MAX_FORM_CHARS]

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
        return self._at(part + "\n", limit)

    def starting_with(self, part: str, limit: int) -> list[str] | None:
        i = bisect_left(self.terms, part)
        found: list[str] = []
        while i < len(self.terms) and self.terms[i].startswith(part):
            if len(found) >= limit:
                return None
            found.append(self.terms[i])
            i += 1
        return found

    def has(self, term: str) -> bool:
        i = bisect_left(self.terms, term)
        return i < len(self.terms) and self.terms[i] == term


def eligible(phrase: str) -> bool:
    """Whether every occurrence of ``phrase`` shows in the index forms as it is: letters and
    digits only (anything else may be dropped from a form), none changed by lower-casing."""
    return bool(phrase) and all(ch.isalnum() and ch.lower() == ch for ch in phrase)


def vocabulary(session: Session, live: Snapshot) -> Vocabulary:
    return texts.derived(session, "vocabulary", live.token,
                         lambda: Vocabulary(tables.vocabulary(session)))


def _any(terms: Iterable[str]) -> str:
    # Forms hold no ASCII punctuation (tokens.index_form), so no quote needs escaping.
    return "(" + " OR ".join(f'"{t}"' for t in terms) + ")"


def expression(vocab: Vocabulary, phrase: str) -> str | None:
    """An FTS5 query for every document that may hold ``phrase`` ("" when none can); None
    when it would take too many terms."""
    parts: list[str] = []
    count = 0
    whole = vocab.holding(phrase, MAX_TERMS)
    if whole is None:
        return None
    if whole:
        parts.append(_any(whole))
        count += len(whole)
    if vocab.cut:
        parts.append(_any(vocab.cut))
        count += len(vocab.cut)
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
        parts.append(" AND ".join(_any(side) for side in sides))
        count += sum(len(side) for side in sides)
        if count > MAX_TERMS:
            return None
    return " OR ".join(f"({p})" for p in parts)


def candidates(session: Session, phrase: str, live: Snapshot) -> list[int] | None:
    """Ids of the documents that may hold the folded ``phrase``, by document number: those
    the index points to and every document the index does not hold as it is now; None when
    the index cannot narrow the search (then every text is searched)."""
    if not live.index_usable or not eligible(phrase) or len(live.unsure) == len(live.order):
        return None
    query = expression(vocabulary(session, live), phrase)
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
