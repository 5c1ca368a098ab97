"""Who has coded what: coders with their passage and document counts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from annotator.db.merge_store import coder_counts
from annotator.records import CoderInfo

if TYPE_CHECKING:
    from annotator.project import Project


@dataclass(frozen=True)
class CoderSummary:
    coder: CoderInfo
    passages: int
    documents: int  # documents with at least one passage of this coder


def coder_summaries(project: Project) -> list[CoderSummary]:
    """Every coder of the project (also those with nothing coded yet), in order of creation."""
    with project.session_scope() as s:
        return [
            CoderSummary(CoderInfo(i, g, name), passages, docs)
            for i, g, name, passages, docs in coder_counts(s)
        ]
