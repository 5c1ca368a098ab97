"""Code trees from other tools, made into annotator's: paths, ATLAS.ti's ``A::B`` names,
duplicates, and the keyword/shortcut lines annotator adds to a REFI code description.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from annotator.db.codes import PALETTE, normalise_colour
from annotator.errors import InvalidOperation
from annotator.exchange.qdpx import DEFAULT_LIMITS, Limits
from annotator.exchange.refi_model import RefiCode, derived_guid
from annotator.exchange.results import InputLimitError, WarningKind, Warnings

#: ATLAS.ti writes a code tree as flat names joined by this.
FLAT_SEPARATOR = "::"
KEYWORDS_LABEL = "关键词："
SHORTCUT_LABEL = "快捷键："
_KEYWORD_SPLIT = re.compile(r"[,，、;；\n]")
UNNAMED = "未命名编码"


@dataclass
class CodeRow:
    """One code of an incoming codebook, parents always before their children."""

    path: tuple[str, ...]
    guid: str | None = None
    colour: str | None = None
    definition: str = ""
    keywords: list[str] = field(default_factory=list)
    shortcut: str | None = None
    explicit: bool = True  # False: a parent only implied by a child's path

    @property
    def name(self) -> str:
        return self.path[-1]


def clean_name(name: str) -> str:
    """A code name as annotator stores it (whitespace collapsed)."""
    return " ".join(name.split())


def split_keywords(text: str) -> list[str]:
    out: list[str] = []
    for kw in _KEYWORD_SPLIT.split(text or ""):
        kw = kw.strip()
        if kw and kw not in out:
            out.append(kw)
    return out


def join_description(definition: str, keywords: Sequence[str], shortcut: str | None) -> str:
    """A REFI code description: the definition, then a line each for keywords and shortcut
    (readable in other tools, read back by ``split_description``)."""
    extra = []
    if keywords:
        extra.append(KEYWORDS_LABEL + "、".join(keywords))
    if shortcut:
        extra.append(SHORTCUT_LABEL + shortcut)
    if not extra:
        return definition
    return "\n\n".join(p for p in (definition, "\n".join(extra)) if p)


def split_description(text: str) -> tuple[str, list[str], str | None]:
    """(definition, keywords, shortcut) from a description ``join_description`` wrote; any
    other description is all definition."""
    text = (text or "").strip()
    head, sep, tail = text.rpartition("\n\n")
    lines = tail.split("\n")
    if not all(line.startswith((KEYWORDS_LABEL, SHORTCUT_LABEL)) for line in lines):
        return text, [], None
    keywords: list[str] = []
    shortcut: str | None = None
    for line in lines:
        if line.startswith(KEYWORDS_LABEL):
            keywords = split_keywords(line[len(KEYWORDS_LABEL) :])
        else:
            shortcut = line[len(SHORTCUT_LABEL) :].strip() or None
    return (head if sep else "").strip(), keywords, shortcut


class TreeBuilder:
    """Collects rows by path: implied parents are added, repeated paths merged (with a
    warning), and GUIDs of merged codes remembered as aliases."""

    def __init__(self, warnings: Warnings) -> None:
        self.warnings = warnings
        self.rows: dict[tuple[str, ...], CodeRow] = {}
        self.guid_paths: dict[str, tuple[str, ...]] = {}

    def add(self, row: CodeRow) -> CodeRow:
        # Implied parents: walk up only while they are missing (parents usually come first,
        # so this is one lookup, not one per level).
        missing: list[tuple[str, ...]] = []
        prefix = row.path[:-1]
        while prefix and prefix not in self.rows:
            missing.append(prefix)
            prefix = prefix[:-1]
        for implied in reversed(missing):
            self.rows[implied] = CodeRow(implied, explicit=False)
        existing = self.rows.get(row.path)
        if existing is None:
            self.rows[row.path] = row
            existing = row
        elif not existing.explicit:  # an implied parent now described by its own row
            row.explicit = True
            self.rows[row.path] = row
            existing = row
        else:
            self.warnings.add(
                WarningKind.DUPLICATE,
                f'code "{" / ".join(row.path)}"',
                "appears twice at the same place in the tree; merged into one code",
            )
            existing.definition = existing.definition or row.definition
            existing.keywords += [k for k in row.keywords if k not in existing.keywords]
        if row.guid:
            self.guid_paths[row.guid] = row.path
        return existing

    def result(self) -> list[CodeRow]:
        """Rows in tree order: depth first, siblings in order of first appearance."""
        by_parent: dict[tuple[str, ...], list[CodeRow]] = {}
        for row in self.rows.values():
            by_parent.setdefault(row.path[:-1], []).append(row)
        out: list[CodeRow] = []
        stack = list(reversed(by_parent.get((), [])))
        while stack:  # depth first with a stack: no recursion limit on deep trees
            row = stack.pop()
            out.append(row)
            stack.extend(reversed(by_parent.get(row.path, [])))
        seen: set[str] = set()
        for row in out:
            # Every code gets a GUID; a repeated one (broken file) is replaced.
            if row.guid is None or row.guid in seen:
                row.guid = derived_guid("code-path", *row.path) if not row.explicit else str(
                    uuid.uuid4()
                )
            seen.add(row.guid)
        return out


def refi_code_rows(
    codes: Iterable[RefiCode],
    warnings: Warnings,
    *,
    what: str | Path = "file",
    limits: Limits = DEFAULT_LIMITS,
) -> tuple[list[CodeRow], dict[str, tuple[str, ...]]]:
    """Flatten REFI codes (nested, or ATLAS.ti ``A::B`` names) into rows in tree order.
    Also returns each file GUID's path, for resolving CodeRefs. Raises ``InputLimitError``
    naming ``what`` when the paths (``A::B`` parts included) are deeper than
    ``limits.max_code_depth`` or make more than ``limits.max_codes`` codes."""
    builder = TreeBuilder(warnings)
    # Depth first in file order, with a stack (a tree may be as deep as the limits allow).
    stack: list[tuple[RefiCode, tuple[str, ...]]] = [(c, ()) for c in reversed(list(codes))]
    while stack:
        code, parent = stack.pop()
        parts = [clean_name(p) for p in code.name.split(FLAT_SEPARATOR)]
        parts = [p for p in parts if p] or [UNNAMED]
        if parts == [UNNAMED]:
            warnings.add(WarningKind.CODEBOOK, f"code {code.guid or ''}".strip(),
                         f"has no name; called {UNNAMED!r}")
        path = (*parent, *parts)
        if len(path) > limits.max_code_depth:
            raise InputLimitError(what, "code tree depth", limits.max_code_depth,
                                  f'under code "{path[0]}"')
        definition, keywords, shortcut = split_description(code.description)
        row = builder.add(
            CodeRow(
                path=path,
                guid=code.guid,
                colour=code.colour,
                definition=definition,
                keywords=keywords,
                shortcut=shortcut,
            )
        )
        if len(builder.rows) > limits.max_codes:
            raise InputLimitError(what, "number of codes", limits.max_codes)
        stack.extend((c, row.path) for c in reversed(code.children))
    rows = builder.result()
    paths = dict(builder.guid_paths)
    for row in rows:
        paths.setdefault(row.guid or "", row.path)
    return rows, paths


def code_table(
    rows: Sequence[CodeRow], warnings: Warnings
) -> tuple[list[dict[str, Any]], dict[tuple[str, ...], int]]:
    """Insertable code rows (ids from 1 in tree order) for a new project, and each path's
    id. Missing colours come from the palette; a bad colour or a repeated shortcut is left
    out with a warning."""
    out: list[dict[str, Any]] = []
    ids: dict[tuple[str, ...], int] = {}
    positions: dict[int | None, int] = {}
    shortcuts: set[str] = set()
    for index, row in enumerate(rows):
        code_id = ids[row.path] = index + 1
        parent = ids.get(row.path[:-1])
        colour = PALETTE[index % len(PALETTE)]
        if row.colour:
            try:
                colour = normalise_colour(row.colour)
            except InvalidOperation:
                warnings.add(WarningKind.COLOUR, f'code "{row.name}"', f"bad colour {row.colour}")
        shortcut = row.shortcut if row.shortcut not in shortcuts else None
        if row.shortcut and shortcut is None:
            warnings.add(WarningKind.CODEBOOK, f'code "{row.name}"',
                         f"shortcut {row.shortcut} is already taken; left out")
        if shortcut:
            shortcuts.add(shortcut)
        position = positions[parent] = positions.get(parent, -1) + 1
        out.append(dict(id=code_id, guid=row.guid, parent_id=parent, name=row.name, colour=colour,
                        definition=row.definition.strip(), keywords=row.keywords,
                        shortcut=shortcut, position=position))
    return out, ids
