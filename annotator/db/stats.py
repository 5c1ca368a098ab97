"""Counts of what a project holds."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from annotator.db.models import Code, Document, Passage


def count_rows(session: Session) -> dict[str, int]:
    def count(model: type) -> int:
        return session.scalar(select(func.count()).select_from(model)) or 0

    # Coders who have coded something: an opened-but-unused login is not a coder.
    coders = session.scalar(select(func.count(func.distinct(Passage.coder_id)))) or 0
    return {
        "documents": count(Document),
        "codes": count(Code),
        "passages": count(Passage),
        "coders": coders,
    }
