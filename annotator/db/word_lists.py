"""Repository functions over the project's word lists (table ``word_lists``).

Lists in use: ``TERMS`` (words segmentation keeps whole), ``TERMS_OFF`` (shipped starter terms
switched off), ``STOPWORDS_ADDED`` and ``STOPWORDS_REMOVED`` (changes to the shipped stopword
list). Words are stored trimmed; the functions never commit.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from annotator.db.models import Code, Document, WordListEntry

TERMS = "terms"
TERMS_OFF = "terms-"
STOPWORDS_ADDED = "stopwords+"
STOPWORDS_REMOVED = "stopwords-"


def _clean(words: Iterable[str]) -> list[str]:
    """Trimmed, non-empty, first occurrence kept, order kept."""
    seen: dict[str, None] = {}
    for word in words:
        word = word.strip()
        if word:
            seen.setdefault(word, None)
    return list(seen)


def list_words(session: Session, list_name: str) -> list[str]:
    """The words of one list in the order they were added."""
    return list(
        session.scalars(
            select(WordListEntry.word)
            .where(WordListEntry.list_name == list_name)
            .order_by(WordListEntry.id)
        )
    )


def add_words(session: Session, list_name: str, words: Iterable[str]) -> list[str]:
    """Add words not yet in the list; returns those added."""
    present = set(list_words(session, list_name))
    added = [w for w in _clean(words) if w not in present]
    session.add_all(WordListEntry(list_name=list_name, word=w) for w in added)
    session.flush()
    return added


def remove_words(session: Session, list_name: str, words: Iterable[str]) -> list[str]:
    """Remove words from the list; returns those that were in it."""
    present = set(list_words(session, list_name))
    removed = [w for w in _clean(words) if w in present]
    if removed:
        session.execute(
            delete(WordListEntry).where(
                WordListEntry.list_name == list_name, WordListEntry.word.in_(removed)
            )
        )
    return removed


def code_keywords(session: Session) -> list[str]:
    """Every keyword of every code (they join the project's user dictionary)."""
    words: list[str] = []
    for keywords in session.scalars(select(Code.keywords)):
        words.extend(keywords or ())
    return _clean(words)


def corpus_texts(session: Session) -> list[str]:
    """Every document's text in id order: the corpus term discovery looks for new words in."""
    return list(session.scalars(select(Document.text).order_by(Document.id)))
