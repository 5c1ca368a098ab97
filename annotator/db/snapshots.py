"""Snapshots of part of the code tree with its passages, so that destructive codebook actions
(delete, merge) can be undone with the same ids."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from annotator.db.codes import children_of, get_code, subtree_ids
from annotator.db.models import Code, Passage
from annotator.db.passages import forget_tombstones


@dataclass(frozen=True)
class TreeSnapshot:
    codes: list[dict[str, Any]]  # parents before children
    passages: list[dict[str, Any]]
    positions: dict[int, tuple[int | None, int]] = field(default_factory=dict)


def _row(obj: Any) -> dict[str, Any]:
    return {c.key: getattr(obj, c.key) for c in obj.__table__.columns}


def take_snapshot(session: Session, root_ids: list[int]) -> TreeSnapshot:
    """Rows of the subtrees under ``root_ids`` and their passages, plus the place of every
    sibling of those roots (deleting a code renumbers its siblings)."""
    ids: list[int] = []
    for root in root_ids:
        ids.extend(i for i in subtree_ids(session, root) if i not in ids)
    codes = [_row(get_code(session, i)) for i in ids]
    passages = [_row(p) for p in session.scalars(select(Passage).where(Passage.code_id.in_(ids)))]
    positions: dict[int, tuple[int | None, int]] = {}
    for root in root_ids:
        for sibling in children_of(session, get_code(session, root).parent_id):
            positions[sibling.id] = (sibling.parent_id, sibling.position)
    return TreeSnapshot(codes=codes, passages=passages, positions=positions)


def restore_snapshot(session: Session, snap: TreeSnapshot) -> None:
    """Put the snapshot back exactly, replacing whatever those codes have become."""
    ids = [c["id"] for c in snap.codes]
    session.execute(delete(Passage).where(Passage.code_id.in_(ids)))
    session.execute(delete(Code).where(Code.id.in_(ids)))
    session.execute(insert(Code), snap.codes)
    if snap.passages:
        # Other passages may have taken their place meanwhile (identical span): drop those.
        guids = [p["guid"] for p in snap.passages]
        session.execute(delete(Passage).where(Passage.guid.in_(guids)))
        session.execute(insert(Passage), snap.passages)
    # Back in the project, so no longer "deleted here" for a merge.
    forget_tombstones(session, "code", [c["guid"] for c in snap.codes])
    forget_tombstones(session, "passage", [p["guid"] for p in snap.passages])
    session.expire_all()
    for code_id, (parent_id, position) in snap.positions.items():
        code = session.get(Code, code_id)
        if code is not None and code.parent_id == parent_id:
            code.position = position
    session.flush()
