"""Repository functions for coders."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.db.models import Coder
from annotator.errors import InvalidOperation, NotFoundError
from annotator.records import CoderInfo


def to_info(coder: Coder) -> CoderInfo:
    return CoderInfo(id=coder.id, guid=coder.guid, name=coder.name)


def get_or_create_coder(session: Session, name: str) -> Coder:
    name = name.strip()
    if not name:
        raise InvalidOperation("a coder needs a name")
    coder = session.scalars(select(Coder).where(Coder.name == name)).one_or_none()
    if coder is None:
        coder = Coder(name=name)
        session.add(coder)
        session.flush()
    return coder


def get_coder(session: Session, coder_id: int) -> Coder:
    coder = session.get(Coder, coder_id)
    if coder is None:
        raise NotFoundError(f"no coder with id {coder_id}")
    return coder


def list_coders(session: Session) -> list[CoderInfo]:
    return [to_info(c) for c in session.scalars(select(Coder).order_by(Coder.id))]
