"""Merge an incoming codebook (.qdc or .xlsx) into a project by code path, never deleting.

The rules are those of YAML codebook imports (``annotator.codebook_sync``): a code already
at that path keeps its name, colour and shortcut, gets its empty definition filled in and
its keywords united; a new code is added with what the file gives, including its GUID from
a .qdc file when no other code has it. One transaction for the whole file.

The project's codes are read once into a dict by (parent, name), and new codes are
inserted in batches: merging 100,000 codes takes seconds, where looking up each row's
siblings with a query (as adding one code from the window does) grew with the square of
the codebook's size.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from annotator.db import codes as code_repo
from annotator.db import exchange as bulk
from annotator.errors import InvalidOperation
from annotator.exchange.code_tree import CodeRow
from annotator.exchange.results import CodebookImportReport, WarningKind

if TYPE_CHECKING:
    from annotator.project import Project


def merge_rows(project: Project, rows: Sequence[CodeRow], report: CodebookImportReport) -> None:
    """Merge ``rows`` (parents before children) into ``project``; counts go to ``report``."""
    with project.session_scope() as s:
        existing = bulk.existing_codes(s)
        by_key = {(c.parent_id, c.name): c for c in existing}
        next_position: dict[int | None, int] = {}
        for c in existing:
            next_position[c.parent_id] = max(next_position.get(c.parent_id, 0), c.position + 1)
        shortcuts = {c.shortcut for c in existing if c.shortcut}
        guids = {c.guid for c in existing}
        next_id = bulk.next_code_id(s)
        total = len(existing)
        new: list[dict[str, Any]] = []
        updates: list[tuple[int, str, list[str]]] = []
        ids: dict[tuple[str, ...], int | None] = {(): None}
        for row in rows:
            parent_id = ids[row.path[:-1]]
            item = f'code "{" / ".join(row.path)}"'
            code = by_key.get((parent_id, row.name))
            if code is None:
                colour = _colour(row.colour, item, report) or code_repo.PALETTE[
                    total % len(code_repo.PALETTE)]
                shortcut = row.shortcut or None
                if shortcut and shortcut in shortcuts:
                    report.warnings.add(WarningKind.CODEBOOK, item, f"shortcut {shortcut} is "
                                        "already used by another code; left out")
                    shortcut = None
                if shortcut:
                    shortcuts.add(shortcut)
                # keep the other tool's identity for the next exchange, when it is free
                guid = row.guid if row.guid and row.guid not in guids else str(uuid.uuid4())
                guids.add(guid)
                position = next_position.get(parent_id, 0)
                next_position[parent_id] = position + 1
                new.append(dict(id=next_id, guid=guid, parent_id=parent_id, name=row.name,
                                colour=colour, definition=row.definition.strip(),
                                keywords=_clean_keywords(row.keywords), shortcut=shortcut,
                                position=position))
                ids[row.path] = next_id
                next_id += 1
                total += 1
                report.added += 1
                continue
            keywords = [*code.keywords, *(k for k in row.keywords if k not in code.keywords)]
            definition = code.definition or row.definition.strip()
            if keywords != list(code.keywords) or definition != code.definition:
                updates.append((code.id, definition, keywords))
                report.updated += 1
            else:
                report.unchanged += 1
            ids[row.path] = code.id
        bulk.insert_codes(s, new)
        bulk.update_code_texts(s, updates)


def _colour(colour: str | None, item: str, report: CodebookImportReport) -> str | None:
    if colour is None:
        return None
    try:
        return code_repo.normalise_colour(colour)
    except InvalidOperation:
        report.warnings.add(WarningKind.COLOUR, item, f"bad colour {colour!r}; left out")
        return None


def _clean_keywords(keywords: Sequence[str]) -> list[str]:
    return list(dict.fromkeys(k.strip() for k in keywords if k.strip()))
