"""Export a project as REFI-QDA: the whole project as .qdpx, the codebook as .qdc."""

from __future__ import annotations

import zipfile
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.db import coders as coder_repo
from annotator.db import codes as code_repo
from annotator.db import documents as doc_repo
from annotator.db.exchange import iter_document_texts, iter_passage_rows
from annotator.errors import ExportError
from annotator.exchange.files import written_atomically
from annotator.exchange.progress import Progress, Reporter
from annotator.exchange.refi_write import (
    ProjectData,
    write_codebook_xml,
    write_project_xml,
)
from annotator.exchange.results import ExchangeWarning, WarningKind
from annotator.records import CodeInfo

if TYPE_CHECKING:
    from annotator.project import Project

PROJECT_ENTRY = "project.qde"
SOURCES_FOLDER = "sources"


@dataclass(frozen=True)
class ExportSummary:
    documents: int
    codes: int
    coders: int
    passages: int
    memos: int
    #: What a receiving tool is known to change or drop (``peer_warnings``).
    warnings: tuple[ExchangeWarning, ...] = ()


def peer_warnings(codes: Sequence[CodeInfo]) -> tuple[ExchangeWarning, ...]:
    """What the file says correctly but another tool is known to import differently, from
    reading QualCoder's importer (``refi.py``, releases 3.x): it makes a code with sub-codes
    a category, with a plain code of the same name inside that gets the parent's own
    codings (3.8; later versions keep it a code with sub-codes), and it keeps code names
    unique across the whole tree: of codes with the same name under different parents only
    the first is made, and the codings of the others arrive without a code."""
    parents = {c.parent_id for c in codes if c.parent_id is not None}
    out: list[ExchangeWarning] = []
    for code in codes:
        if code.id in parents and code.passage_count:
            out.append(ExchangeWarning(
                WarningKind.PEER, f'code "{code.path_text}"',
                f"has sub-codes and {code.passage_count} passage(s) of its own; QualCoder 3.8 "
                "imports it as a category holding its sub-codes plus a plain code of the same "
                "name that gets these passages"))
    names = Counter(c.name for c in codes)
    for name, count in names.items():
        if count > 1:
            out.append(ExchangeWarning(
                WarningKind.PEER, f'code name "{name}"',
                f"used by {count} codes at different places in the tree; QualCoder makes "
                "only the first and imports the passages of the others without a code "
                "(rename them to keep them apart)"))
    return tuple(out)


def export_qdpx(
    project: Project, target: str | Path, *, progress: Progress | None = None
) -> ExportSummary:
    """Write ``target`` (.qdpx): ``project.qde`` and ``sources/<document guid>.txt`` (UTF-8).

    One read transaction gives a consistent snapshot; the file is written beside the target
    and moved into place only when complete (``ExportError`` otherwise, target untouched).
    ``progress(done, total)`` is called as documents and passages are written.
    """
    target = Path(target)
    with project.session_scope() as s, written_atomically(target, "the .qdpx file") as temp:
        documents = doc_repo.list_documents(s)
        codes = code_repo.list_codes(s)
        coders = coder_repo.list_coders(s)
        passages = sum(d.passage_count for d in documents)
        report = Reporter(progress, len(documents) + passages)
        # Level 1 compresses XML and Chinese text nearly as well as the default, much faster.
        with zipfile.ZipFile(temp, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
            for _id, guid, text in report.each(iter_document_texts(s)):
                zf.writestr(f"{SOURCES_FOLDER}/{guid}.txt", text.encode("utf-8"))
            data = ProjectData(
                name=project.path.stem,
                coders=coders,
                codes=codes,
                documents=documents,
                passages=report.each(iter_passage_rows(s)),
            )
            with zf.open(PROJECT_ENTRY, "w", force_zip64=True) as stream:
                memos = write_project_xml(stream, data)
        report.finish()
    return ExportSummary(len(documents), len(codes), len(coders), passages, memos,
                         peer_warnings(codes))


def export_qdc(project: Project, target: str | Path) -> int:
    """Write the codebook as a .qdc file; returns the number of codes. A project without
    codes cannot be written (the schema needs at least one)."""
    target = Path(target)
    codes = project.codes()
    if not codes:
        raise ExportError(f"{target}: the project has no codes to export")
    with written_atomically(target, "the .qdc file") as temp, temp.open("wb") as stream:
        write_codebook_xml(stream, codes)
    return len(codes)
