"""The project's user dictionary: shipped starter terms, the project's own terms, code keywords.

Effective terms = (starter terms − those the project switched off) ∪ the project's terms ∪ every
code's keywords. :func:`project_segmenter` segments with exactly these; it is rebuilt only when
the set changes (segmenters are cached by term set). Each edit is one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from annotator.chinese.segment import Segmenter, clean_terms, segmenter_for, starter_terms
from annotator.db import word_lists as repo

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from annotator.project import Project

# A jieba user-dictionary line: "word [freq] [tag]"; only the word is kept.


def list_terms(project: Project) -> list[str]:
    """The project's own terms, in the order they were added."""
    with project.session_scope() as s:
        return repo.list_words(s, repo.TERMS)


def switched_off_terms(project: Project) -> list[str]:
    """Starter terms this project does not use."""
    with project.session_scope() as s:
        return repo.list_words(s, repo.TERMS_OFF)


def add_terms(project: Project, words: Iterable[str]) -> list[str]:
    """Add terms (a switched-off starter term is switched back on); returns the words that
    changed anything. Words spanning lines are ignored: no term crosses a line."""
    words = [w for w in dict.fromkeys(w.strip() for w in words) if w and "\n" not in w]
    starter = starter_terms()
    with project.session_scope() as s:
        back_on = repo.remove_words(s, repo.TERMS_OFF, [w for w in words if w in starter])
        added = repo.add_words(s, repo.TERMS, [w for w in words if w not in starter])
    return back_on + added


def remove_terms(project: Project, words: Iterable[str]) -> list[str]:
    """Remove project terms and switch off starter terms; returns the words that changed.
    A code keyword stays a term while a code lists it."""
    words = [w.strip() for w in words if w.strip()]
    starter = starter_terms()
    with project.session_scope() as s:
        removed = repo.remove_words(s, repo.TERMS, words)
        off = repo.add_words(s, repo.TERMS_OFF, [w for w in words if w in starter])
    return list(dict.fromkeys(removed + off))


def terms_in_session(session: Session) -> frozenset[str]:
    """Every term the project's segmenter keeps whole, read in ``session`` (for callers
    already inside a transaction, such as an import indexing its documents)."""
    own = repo.list_words(session, repo.TERMS)
    off = set(repo.list_words(session, repo.TERMS_OFF))
    keywords = repo.code_keywords(session)
    return clean_terms([*(t for t in starter_terms() if t not in off), *own, *keywords])


def project_terms(project: Project) -> frozenset[str]:
    """Every term the project's segmenter keeps whole."""
    with project.session_scope() as s:
        return terms_in_session(s)


def project_segmenter(project: Project) -> Segmenter:
    """The segmenter for the project's current terms (shared while the terms stay the same)."""
    return segmenter_for(project_terms(project))
