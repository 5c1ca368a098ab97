"""Stopwords: shipped Chinese and English lists (data/stopwords.txt, data/stopwords_en.txt),
adjusted per project. English words are matched whatever their case (The, AND).

A project's stopwords = shipped list + the project's additions ("stopwords+") − its removals
("stopwords-"). Adding a shipped word the project had removed just cancels the removal, and
removing a word the project had added just drops the addition, so the stored lists stay the
difference from the shipped list. Each edit is one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from annotator.chinese.shipped import read_list
from annotator.db import word_lists as repo

if TYPE_CHECKING:
    from annotator.project import Project


@lru_cache(maxsize=1)
def english_stopwords() -> frozenset[str]:
    """The shipped English list (Snowball's, lower case), see data/stopwords_en.txt."""
    return frozenset(w.lower() for w in read_list("stopwords_en.txt"))


@lru_cache(maxsize=1)
def default_stopwords() -> frozenset[str]:
    """The shipped lists: Chinese function words, pronouns, conjunctions, particles, numbering
    words, punctuation, and English function words."""
    return frozenset(read_list("stopwords.txt")) | english_stopwords()


def is_stopword_token(word: str, stopwords: frozenset[str] | set[str]) -> bool:
    """Stopwords, punctuation, whitespace and bare numbers never count as words; Latin words
    are looked up in lower case too (The, AND)."""
    w = word.strip()
    return (not w or w in stopwords or not any(ch.isalpha() for ch in w)
            or (w.isascii() and w.lower() in stopwords))


def _clean(words: Iterable[str]) -> list[str]:
    return [w for w in dict.fromkeys(w.strip() for w in words) if w]


def project_stopwords(project: Project) -> frozenset[str]:
    """The shipped stopwords with the project's additions and without its removals."""
    with project.session_scope() as s:
        added = repo.list_words(s, repo.STOPWORDS_ADDED)
        removed = repo.list_words(s, repo.STOPWORDS_REMOVED)
    return (default_stopwords() | frozenset(added)) - frozenset(removed)


def stopword_changes(project: Project) -> tuple[list[str], list[str]]:
    """(added, removed): how the project's list differs from the shipped one."""
    with project.session_scope() as s:
        return (repo.list_words(s, repo.STOPWORDS_ADDED),
                repo.list_words(s, repo.STOPWORDS_REMOVED))


def add_stopwords(project: Project, words: Iterable[str]) -> list[str]:
    """Make ``words`` stopwords; returns those that were not stopwords before."""
    words = _clean(words)
    shipped = default_stopwords()
    with project.session_scope() as s:
        back = repo.remove_words(s, repo.STOPWORDS_REMOVED, [w for w in words if w in shipped])
        added = repo.add_words(s, repo.STOPWORDS_ADDED, [w for w in words if w not in shipped])
    return back + added


def remove_stopwords(project: Project, words: Iterable[str]) -> list[str]:
    """Make ``words`` count as words again; returns those that were stopwords before."""
    words = _clean(words)
    shipped = default_stopwords()
    with project.session_scope() as s:
        dropped = repo.remove_words(s, repo.STOPWORDS_ADDED, [w for w in words if w not in shipped])
        off = repo.add_words(s, repo.STOPWORDS_REMOVED, [w for w in words if w in shipped])
    return dropped + off
