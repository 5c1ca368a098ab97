"""The command line's words in the system language, from the window's own catalogue.

The messages live in ``annotator/ui/i18n/annotator_zh_CN.ts`` under the context
``CommandLine`` (``scripts/update_translations.py`` collects every ``tr("…")`` of the
``annotator/cli*.py`` modules there, as it does for the window). The CLI reads that XML with
the standard library — no Qt, no QApplication — and only when the language is Chinese.

The language follows the environment the way gettext does (``LANGUAGE``, ``LC_ALL``,
``LC_MESSAGES``, ``LANG``), then the system locale (Windows sets no such variables).
Messages with fields use ``str.format`` names: ``tr("wrote {target}").format(target=…)``.
"""

from __future__ import annotations

import argparse
import locale
import os
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

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
            if node.text:
                found[msg.findtext("source") or ""] = node.text
    return found


def tr(text: str) -> str:
    """``text`` in the user's language (English when no translation is known)."""
    if system_language() != "zh_CN":
        return text
    return _catalogue(CATALOGUE).get(text, text)


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
