"""Who has coded what: coders with their passage and document counts."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from annotator.db.models import Coder, Passage
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
    query = (
        select(
            Coder.id, Coder.guid, Coder.name, func.count(Passage.id),
            func.count(func.distinct(Passage.document_id)),
        )
        .outerjoin(Passage, Passage.coder_id == Coder.id)
        .group_by(Coder.id)
        .order_by(Coder.id)
    )
    with project.session_scope() as s:
        return [
            CoderSummary(CoderInfo(i, g, name), passages, docs)
            for i, g, name, passages, docs in s.execute(query)
        ]
