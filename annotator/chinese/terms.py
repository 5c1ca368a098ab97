"""The project's user dictionary: shipped starter terms, the project's own terms, code keywords.

Effective terms = (starter terms − those the project switched off) ∪ the project's terms ∪ every
code's keywords. :func:`project_segmenter` segments with exactly these; it is rebuilt only when
the set changes (segmenters are cached by term set). Each edit is one transaction.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.chinese.segment import Segmenter, clean_terms, segmenter_for, starter_terms
from annotator.db import word_lists as repo
from annotator.errors import ReadError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from annotator.project import Project

# A jieba user-dictionary line: "word [freq] [tag]"; only the word is kept.
_JIEBA_USERDICT = re.compile(r"^(.+?)\s+\d+(?:\s+[A-Za-z]+)?$")


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


def read_terms_file(path: str | Path) -> list[str]:
    """Terms from a text file: one per line (UTF-8, GBK… detected), "#" comment lines and
    blank lines skipped; a jieba user-dictionary line "word freq [tag]" gives its word, a
    tab-separated line (pasted from Excel) its first column."""
    from annotator.importing.encoding import NotTextError, decode_bytes

    path = Path(path)
    try:
        text = decode_bytes(path.read_bytes())
    except OSError as exc:
        raise ReadError(path, f"cannot read file: {exc.strerror or exc}") from exc
    except NotTextError as exc:
        raise ReadError(path, "not a text file") from exc
    terms: list[str] = []
    for line in text.splitlines():
        line = line.split("\t", 1)[0].strip().lstrip("\ufeff")
        if not line or line.startswith("#"):
            continue
        m = _JIEBA_USERDICT.match(line)
        terms.append(m.group(1).strip() if m else line)
    return list(dict.fromkeys(terms))


def import_terms(project: Project, path: str | Path) -> list[str]:
    """Add the terms of a file (see :func:`read_terms_file`) in one transaction."""
    return add_terms(project, read_terms_file(path))
