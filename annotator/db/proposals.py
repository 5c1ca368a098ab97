"""Repository functions for auto-coding proposals (table ``proposals``).

A proposal is machine-made and never a passage: it is "pending" until a researcher accepts it
(it then becomes a passage with origin "auto" and its row goes) or rejects it (status
"rejected": the row stays, so the same span is not proposed again for that code). None of
these functions commits.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from annotator.db.models import Document, Passage, Proposal

PENDING, REJECTED = "pending", "rejected"
KEYWORD, SUGGESTED = "keyword", "suggested"  # where a proposal comes from
_CHUNK = 500


@dataclass(frozen=True)
class ProposalInfo:
    id: int
    document_id: int
    document_number: int
    document_title: str
    code_id: int
    start: int
    end: int
    text: str
    keyword: str  # the keyword(s) that matched, joined with "、"
    unit: str  # "sentence" | "paragraph"
    status: str  # "pending" | "rejected"
    created_at: datetime
    origin: str = KEYWORD  # "keyword" | "suggested"
    confidence: float | None = None  # the learned model's probability, where one exists


@dataclass(frozen=True)
class NewProposal:
    document_id: int
    code_id: int
    start: int
    end: int
    keyword: str
    unit: str
    origin: str = "keyword"
    confidence: float | None = None


def add_proposals(session: Session, proposals: Sequence[NewProposal]) -> int:
    """Store pending proposals; one already stored for the same document, code and span
    (pending or rejected) is left as it is. Returns how many were added."""
    added = 0
    for i in range(0, len(proposals), _CHUNK):
        rows: list[dict[str, Any]] = [
            {
                "document_id": p.document_id, "code_id": p.code_id, "start": p.start,
                "end": p.end, "keyword": p.keyword, "unit": p.unit, "status": PENDING,
                "origin": p.origin, "confidence": p.confidence,
            }
            for p in proposals[i : i + _CHUNK]
        ]
        stmt = sqlite_insert(Proposal).values(rows).on_conflict_do_nothing()
        added += session.execute(stmt).rowcount or 0
    return added


def statuses(session: Session, code_ids: Iterable[int]) -> dict[tuple[int, int, int, int], str]:
    """(document, code, start, end) → status of every stored proposal of these codes."""
    out: dict[tuple[int, int, int, int], str] = {}
    ids = list(code_ids)
    for i in range(0, len(ids), _CHUNK):
        rows = session.execute(
            select(Proposal.document_id, Proposal.code_id, Proposal.start, Proposal.end,
                   Proposal.status).where(Proposal.code_id.in_(ids[i : i + _CHUNK]))
        )
        out.update({(d, c, s, e): status for d, c, s, e, status in rows})
    return out


def coded_spans(session: Session, code_ids: Iterable[int]) -> dict[tuple[int, int], list[
        tuple[int, int]]]:
    """(document, code) → spans already coded with that code, by any coder."""
    out: dict[tuple[int, int], list[tuple[int, int]]] = {}
    ids = list(code_ids)
    for i in range(0, len(ids), _CHUNK):
        rows = session.execute(
            select(Passage.document_id, Passage.code_id, Passage.start, Passage.end).where(
                Passage.code_id.in_(ids[i : i + _CHUNK])
            )
        )
        for d, c, s, e in rows:
            out.setdefault((d, c), []).append((s, e))
    return out


def list_proposals(
    session: Session,
    *,
    status: str | None = PENDING,
    code_ids: Iterable[int] | None = None,
    ids: Iterable[int] | None = None,
    by_confidence: bool = False,
) -> list[ProposalInfo]:
    """Proposals by document number and position (``by_confidence``: the learned model's
    surest first, unscored ones last); each document's text is read once."""
    query = select(
        Proposal.id, Proposal.document_id, Document.number, Document.title, Proposal.code_id,
        Proposal.start, Proposal.end, Proposal.keyword, Proposal.unit, Proposal.status,
        Proposal.created_at, Proposal.origin, Proposal.confidence,
    ).join(Document, Document.id == Proposal.document_id)
    if status is not None:
        query = query.where(Proposal.status == status)
    if code_ids is not None:
        query = query.where(Proposal.code_id.in_(list(code_ids)))
    if ids is not None:
        query = query.where(Proposal.id.in_(list(ids)))
    order = (Document.number, Proposal.start, Proposal.end, Proposal.code_id)
    if by_confidence:
        order = (Proposal.confidence.is_(None), Proposal.confidence.desc(), *order)
    query = query.order_by(*order)
    texts: dict[int, str] = {}
    out: list[ProposalInfo] = []
    for (pid, doc_id, number, title, code_id, start, end, keyword, unit, state, created,
         origin, confidence) in session.execute(query):
        if doc_id not in texts:
            texts[doc_id] = session.scalar(select(Document.text).where(Document.id == doc_id))
        out.append(
            ProposalInfo(
                id=pid, document_id=doc_id, document_number=number, document_title=title,
                code_id=code_id, start=start, end=end, text=texts[doc_id][start:end],
                keyword=keyword, unit=unit, status=state, created_at=created,
                origin=origin, confidence=confidence,
            )
        )
    return out


def count_by_status(session: Session) -> dict[str, int]:
    rows = session.execute(select(Proposal.status, func.count()).group_by(Proposal.status))
    return {status: n for status, n in rows}


def set_status(session: Session, ids: Sequence[int], status: str) -> int:
    """Set the status of these proposals; returns how many changed."""
    changed = 0
    for i in range(0, len(ids), _CHUNK):
        result = session.execute(
            update(Proposal)
            .where(Proposal.id.in_(ids[i : i + _CHUNK]), Proposal.status != status)
            .values(status=status)
        )
        changed += result.rowcount or 0
    return changed


def delete_proposals(session: Session, ids: Sequence[int]) -> None:
    for i in range(0, len(ids), _CHUNK):
        session.execute(delete(Proposal).where(Proposal.id.in_(ids[i : i + _CHUNK])))


def restore_proposals(session: Session, proposals: Sequence[ProposalInfo]) -> None:
    """Put deleted proposals back with their ids, status and time (undo). One whose span was
    proposed again meanwhile stays as it now is."""
    rows: list[dict[str, Any]] = [
        {
            "id": p.id, "document_id": p.document_id, "code_id": p.code_id, "start": p.start,
            "end": p.end, "keyword": p.keyword, "unit": p.unit, "status": p.status,
            "created_at": p.created_at, "origin": p.origin, "confidence": p.confidence,
        }
        for p in proposals
    ]
    for i in range(0, len(rows), _CHUNK):
        stmt = sqlite_insert(Proposal).values(rows[i : i + _CHUNK]).on_conflict_do_nothing()
        session.execute(stmt)


def document_numbering(session: Session, document_id: int) -> tuple[int, str]:
    """(number, numbering) of a document, for finding its units; (0, "auto") if it is gone."""
    row = session.execute(
        select(Document.number, Document.numbering).where(Document.id == document_id)
    ).one_or_none()
    return (row.number or 0, row.numbering) if row is not None else (0, "auto")


def set_confidences(session: Session, values: Sequence[tuple[int, float]]) -> None:
    """Score stored proposals (id, confidence): keyword proposals ranked by the learned
    model."""
    for i in range(0, len(values), _CHUNK):
        session.execute(
            update(Proposal),
            [{"id": pid, "confidence": conf} for pid, conf in values[i : i + _CHUNK]],
        )


def origins(session: Session) -> dict[str, int]:
    """Pending proposals per origin."""
    query = (select(Proposal.origin, func.count()).where(Proposal.status == PENDING)
             .group_by(Proposal.origin))
    return {origin: n for origin, n in session.execute(query)}
