"""Bridge between codebook files (``codebook_file``) and a project's code tree."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from annotator.codebook_file import (
    Codebook,
    CodeSpec,
    dump_codebook,
    load_codebook,
    resolve_codebook,
)
from annotator.db import codes as code_repo

if TYPE_CHECKING:
    from annotator.project import Project


def merge_codebook(project: Project, codebook: Codebook) -> tuple[int, int]:
    """Add the codebook's codes to the project, matching existing codes by path.

    Existing codes keep their name, colour and shortcut; an empty definition is filled in
    and keywords are united. Nothing is deleted. One transaction for the whole file.
    """
    added = updated = 0
    with project.session_scope() as s:
        # Parents before children, in file order, with a stack (no recursion). New codes
        # take the palette colour add_code would give them, counted here once.
        total = code_repo.code_count(s)
        stack: list[tuple[CodeSpec, int | None]] = [
            (spec, None) for spec in reversed(codebook.codes)]
        while stack:
            spec, parent_id = stack.pop()
            code = code_repo.sibling_named(s, parent_id, " ".join(spec.name.split()))
            if code is None:
                code = code_repo.add_code(
                    s,
                    spec.name,
                    parent_id=parent_id,
                    colour=spec.colour or code_repo.PALETTE[total % len(code_repo.PALETTE)],
                    definition=spec.definition,
                    keywords=spec.keywords,
                    # A file's shortcut is kept only while no other code uses it.
                    shortcut=None
                    if code_repo.shortcut_owner(s, spec.shortcut)
                    else spec.shortcut,
                )
                added += 1
                total += 1
            else:
                keywords = [
                    *code.keywords,
                    *(k for k in spec.keywords if k not in code.keywords),
                ]
                definition = code.definition or spec.definition
                if keywords != list(code.keywords) or definition != code.definition:
                    code_repo.update_code(s, code.id, definition=definition, keywords=keywords)
                    updated += 1
            stack.extend((child, code.id) for child in reversed(spec.children))
    return added, updated


def merge_codebook_file(project: Project, source: str | Path) -> tuple[int, int]:
    return merge_codebook(project, load_codebook(resolve_codebook(source)))


def project_codebook(project: Project) -> Codebook:
    infos = project.codes()
    specs: dict[int, CodeSpec] = {}
    roots: list[CodeSpec] = []
    for info in infos:  # tree order: parents come first
        spec = CodeSpec(
            name=info.name,
            colour=info.colour,
            definition=info.definition,
            keywords=list(info.keywords),
            shortcut=info.shortcut,
        )
        specs[info.id] = spec
        (roots if info.parent_id is None else specs[info.parent_id].children).append(spec)
    return Codebook(name=project.path.stem, title=project.path.stem, codes=roots)


def write_codebook_file(project: Project, target: Path) -> None:
    dump_codebook(project_codebook(project), target)
