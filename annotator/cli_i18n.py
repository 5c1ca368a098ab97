"""The command line's words in the system language, from the window's own catalogue.

The messages live in ``annotator/ui/i18n/annotator_zh_CN.ts`` under the context
``CommandLine`` (``scripts/update_translations.py`` collects every ``tr("…")`` of the
``annotator/cli*.py`` modules there, as it does for the window). The CLI reads that XML with
the standard library — no Qt, no QApplication — and only when the language is Chinese.

The language follows the environment the way gettext does (``LANGUAGE``, ``LC_ALL``,
``LC_MESSAGES``, ``LANG``), then the system locale (Windows sets no such variables).
Messages with fields use ``str.format`` names: ``tr("wrote {target}").format(target=…)``.
Counts use the window's plural markers, resolved by :func:`counted`:
``counted(tr("{n} passage(s) in {docs} document(s)"), n=1, docs=2)`` says "1 passage in
2 documents" in English; the Chinese catalogue has one form and no markers.
"""

from __future__ import annotations

import argparse
import locale
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from annotator.errors import AnnotatorError, Phrase

CONTEXT = "CommandLine"
CATALOGUE = Path(__file__).resolve().parent / "ui" / "i18n" / "annotator_zh_CN.ts"


def _is_chinese(name: str) -> bool:
    name = name.strip().lower()
    return name.startswith("zh") or name.startswith("chinese")


def system_language() -> str:
    """"zh_CN" when the user's language is Chinese (any variety), else "en"."""
    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if var == "LANGUAGE":  # a priority list: "zh_CN:en"
            value = value.split(":")[0]
        if value and value not in ("C", "POSIX") and not value.startswith("C."):
            return "zh_CN" if _is_chinese(value) else "en"
        if value:  # LC_ALL=C and friends: plain English, whatever LANG says
            return "en"
    try:
        name = locale.getlocale()[0] or ""
    except ValueError:
        name = ""
    return "zh_CN" if _is_chinese(name) else "en"


@cache
def _catalogue(path: Path) -> dict[str, str]:
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        return {}  # an incomplete install speaks English rather than failing
    found: dict[str, str] = {}
    for ctx in root.iter("context"):
        if ctx.findtext("name") != CONTEXT:
            continue
        for msg in ctx.iter("message"):
            node = msg.find("translation")
            if node is None or node.get("type") in ("unfinished", "obsolete", "vanished"):
                continue
            form = node.find("numerusform")  # a counted message: Chinese has one form
            text = form.text if form is not None else node.text
            if text:
                found[msg.findtext("source") or ""] = text
    return found


def tr(text: str) -> str:
    """``text`` in the user's language (English when no translation is known)."""
    if system_language() != "zh_CN":
        return text
    return _catalogue(CATALOGUE).get(text, text)


# "passage(s)", "match(es)" and the last count field before such a marker.
_MARK = re.compile(r"(?<=[a-z])\((e?s)\)|\{(\w+)[^{}]*\}")


def counted(template: str, **fields: object) -> str:
    """``template.format(**fields)`` with each plural marker ("passage(s)", "match(es)")
    made singular or plural by the number in the nearest field before it: English says
    "1 passage", "2 passages". A translation without markers is only formatted."""
    last: list[object] = [None]

    def resolve(m: re.Match[str]) -> str:
        if m.group(2) is not None:  # a field: remember its value, keep it as it is
            last[0] = fields.get(m.group(2))
            return m.group(0)
        return "" if last[0] == 1 else m.group(1)

    return _MARK.sub(resolve, template).format(**fields)


def plural(text: str, n: int) -> str:
    """``text``'s plural markers resolved by ``n`` (a word shown beside a number)."""
    return counted("{n}" + text, n=n)[len(str(n)):]


def error_text(exc: BaseException) -> str:
    """An error of the core in the user's language: its ``template`` translated and filled
    (words given as :class:`~annotator.errors.Phrase` translated too); else its message."""
    template = getattr(exc, "template", None) if isinstance(exc, AnnotatorError) else None
    if not template or system_language() != "zh_CN":
        return str(exc)
    fields = {k: tr(v) if isinstance(v, Phrase) else v for k, v in exc.fields.items()}
    try:
        return tr(template).format(**fields)
    except (KeyError, IndexError, ValueError):  # a translation that lost a field
        return str(exc)


def _error_words() -> tuple[str, ...]:
    """The core's error templates and phrases that users meet most, listed here so that
    the catalogue holds them (:func:`error_text` looks them up when an error is shown)."""
    return (
        tr("{path}: no such project file"), tr("{path}: is a folder, not a project file"),
        tr("{path}: file already exists"), tr("{path}: folder {folder} does not exist"),
        tr("{path}: not an annotator project (not a SQLite file)"),
        tr("{path}: not an annotator project ({kind})"),
        tr("{path}: not an annotator project (no schema version)"),
        tr("{path}: project schema version {found} is newer than this annotator supports "
           "({supported}); update annotator to open it"),
        tr("{path}: {cause}"), tr("{path}: {cause} ({detail})"),
        tr("{path}: the project is open read-only ({reason}); this change was not saved"),
        tr("the disk is full; nothing of this step was saved (free some space and try again)"),
        tr("the file, its folder or its disk is read-only; nothing can be saved there"),
        tr("the project is locked by another program that is writing to it; try again when "
           "it has finished"),
        tr("permission denied"), tr("the disk reported an input/output error"),
        tr("the file is damaged or not an annotator project"),
        tr("the file cannot be opened (missing folder, or no permission)"),
        tr("the disk is read-only"), tr("the file is read-only"),
        tr("its folder is read-only"), tr("opened read-only"),
        tr("no document with id {id}"), tr("no code with id {id}"),
        tr("unknown unit {unit!r} (use {units})"),
    )


def _argparse_words() -> tuple[str, ...]:
    """argparse's own words (usage, error lines), listed here for the catalogue. argparse
    looks them up through gettext when it prints, so run() swaps in the catalogue for the
    duration of one command (:func:`argparse_in_language`)."""
    return (
        tr("usage: "), tr("positional arguments"), tr("options"),
        tr("show this help message and exit"), tr("show program's version number and exit"),
        tr("%(prog)s: error: %(message)s\n"), tr("the following arguments are required: %s"),
        tr("unrecognized arguments: %s"),
        tr("invalid choice: %(value)r (choose from %(choices)s)"),
        tr("expected one argument"), tr("invalid %(type)s value: %(value)r"),
        tr("argument %(argument_name)s: %(message)s"),
    )


@contextmanager
def argparse_in_language() -> Iterator[None]:
    if system_language() != "zh_CN":
        yield
        return
    saved = argparse._  # type: ignore[attr-defined]
    catalogue = _catalogue(CATALOGUE)
    argparse._ = lambda text: catalogue.get(text, saved(text))  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._ = saved  # type: ignore[attr-defined]
