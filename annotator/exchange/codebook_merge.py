"""Merge an incoming codebook (.qdc or .xlsx) into a project by code path, never deleting.

The rules are those of YAML codebook imports (``annotator.codebook_sync``): a code already
at that path keeps its name, colour and shortcut, gets its empty definition filled in and
its keywords united; a new code is added with what the file gives, including its GUID from
a .qdc file when no other code has it. One transaction for the whole file.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from annotator.db import codes as code_repo
from annotator.db.exchange import code_guid_in_use, set_code_guid
from annotator.errors import InvalidOperation
from annotator.exchange.code_tree import CodeRow
from annotator.exchange.results import CodebookImportReport, WarningKind

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from annotator.db.models import Code
    from annotator.project import Project


def merge_rows(project: Project, rows: Sequence[CodeRow], report: CodebookImportReport) -> None:
    """Merge ``rows`` (parents before children) into ``project``; counts go to ``report``."""
    with project.session_scope() as s:
        ids: dict[tuple[str, ...], int | None] = {(): None}
        for row in rows:
            parent_id = ids[row.path[:-1]]
            code = code_repo.sibling_named(s, parent_id, row.name)
            item = f'code "{" / ".join(row.path)}"'
            if code is None:
                code = _add(s, row, parent_id, item, report)
                report.added += 1
            else:
                keywords = [*code.keywords, *(k for k in row.keywords if k not in code.keywords)]
                definition = code.definition or row.definition.strip()
                if keywords != list(code.keywords) or definition != code.definition:
                    code_repo.update_code(s, code.id, definition=definition, keywords=keywords)
                    report.updated += 1
                else:
                    report.unchanged += 1
            ids[row.path] = code.id


def _add(
    s: Session, row: CodeRow, parent_id: int | None, item: str, report: CodebookImportReport
) -> Code:
    colour = row.colour
    if colour is not None:
        try:
            colour = code_repo.normalise_colour(colour)
        except InvalidOperation:
            report.warnings.add(WarningKind.COLOUR, item, f"bad colour {colour!r}; left out")
            colour = None
    shortcut = row.shortcut
    if shortcut and code_repo.shortcut_owner(s, shortcut) is not None:
        report.warnings.add(WarningKind.CODEBOOK, item,
                            f"shortcut {shortcut} is already used by another code; left out")
        shortcut = None
    code = code_repo.add_code(
        s, row.name, parent_id=parent_id, colour=colour, definition=row.definition,
        keywords=row.keywords, shortcut=shortcut,
    )
    if row.guid and not code_guid_in_use(s, row.guid):
        # keep the other tool's identity for the next exchange
        set_code_guid(s, code.id, row.guid)
    return code
