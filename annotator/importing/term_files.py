"""Term lists read from files: the researcher's own list, a jieba user dictionary, or a
column pasted from Excel, in any encoding the importers read."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.errors import ReadError
from annotator.importing.encoding import NotTextError, decode_bytes
from annotator.words.terms import add_terms

if TYPE_CHECKING:
    from annotator.project import Project

_JIEBA_USERDICT = re.compile(r"^(.+?)\s+\d+(?:\s+[A-Za-z]+)?$")


def read_terms_file(path: str | Path) -> list[str]:
    """Terms from a text file: one per line (UTF-8, GBK… detected), "#" comment lines and
    blank lines skipped; a jieba user-dictionary line "word freq [tag]" gives its word, a
    tab-separated line (pasted from Excel) its first column."""
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
