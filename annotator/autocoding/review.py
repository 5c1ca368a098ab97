"""Reviewing auto-coding proposals: list, accept (one, several, all of a code), reject.

Accepting turns proposals into passages with origin "auto", coded by the current coder, in
one transaction, and returns an :class:`AcceptedBatch` that :func:`undo_accept` takes to put
everything back (the passages go, the proposals return). Rejecting keeps the proposal with
status "rejected", so auto-coding never proposes that span for that code again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from annotator.db import codes as code_repo
from annotator.db import passages as passage_repo
from annotator.db import proposals as repo
from annotator.db.proposals import ProposalInfo
from annotator.errors import NotFoundError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from annotator.project import Project

AUTO = "auto"
SUGGESTED = "suggested"  # a passage accepted from the learned model's suggestions


@dataclass(frozen=True)
class AcceptedBatch:
    """What one accept did: the passages it created, and the proposals as they were."""

    passage_ids: tuple[int, ...]
    proposals: tuple[ProposalInfo, ...]


def list_proposals(
    project: Project,
    *,
    code_id: int | None = None,
    include_subcodes: bool = True,
    status: str | None = repo.PENDING,
    by_confidence: bool = False,
) -> list[ProposalInfo]:
    """Proposals (pending by default; ``status=None``: all), optionally of one code;
    ``by_confidence``: the learned model's surest first (see :mod:`annotator.suggest`)."""
    with project.session_scope() as s:
        return repo.list_proposals(s, status=status, code_ids=_codes(s, code_id,
                                                                      include_subcodes),
                                   by_confidence=by_confidence)


def count_proposals(project: Project) -> dict[str, int]:
    """Number of proposals per status."""
    with project.session_scope() as s:
        return repo.count_by_status(s)


def _codes(session: Session, code_id: int | None, include_subcodes: bool) -> list[int] | None:
    if code_id is None:
        return None
    code_repo.get_code(session, code_id)
    return code_repo.subtree_ids(session, code_id) if include_subcodes else [code_id]


def _accept(session: Session, coder_id: int, proposals: Sequence[ProposalInfo]) -> AcceptedBatch:
    created_ids: list[int] = []
    for p in proposals:
        passage, created = passage_repo.apply_code(
            session, document_id=p.document_id, code_id=p.code_id, coder_id=coder_id,
            start=p.start, end=p.end,
        )
        if created:  # the same span coded by hand meanwhile stays as it is
            passage.origin = SUGGESTED if p.origin == repo.SUGGESTED else AUTO
            created_ids.append(passage.id)
    repo.delete_proposals(session, [p.id for p in proposals])
    session.flush()
    return AcceptedBatch(tuple(created_ids), tuple(proposals))


def accept_proposals(project: Project, proposal_ids: Iterable[int]) -> AcceptedBatch:
    """Accept these proposals (pending or rejected) as passages, in one transaction."""
    ids = list(dict.fromkeys(proposal_ids))
    coder_id = project.coder.id  # read (or created) before this transaction starts
    with project.session_scope() as s:
        proposals = repo.list_proposals(s, status=None, ids=ids)
        missing = sorted(set(ids) - {p.id for p in proposals})
        if missing:
            raise NotFoundError(f"no proposal with id {', '.join(map(str, missing))}")
        return _accept(s, coder_id, proposals)


def accept_code(project: Project, code_id: int, *, include_subcodes: bool = True
                ) -> AcceptedBatch:
    """Accept every pending proposal of a code (and its sub-codes), in one transaction."""
    coder_id = project.coder.id  # read (or created) before this transaction starts
    with project.session_scope() as s:
        codes = _codes(s, code_id, include_subcodes)
        return _accept(s, coder_id, repo.list_proposals(s, status=repo.PENDING, code_ids=codes))


def undo_accept(project: Project, batch: AcceptedBatch) -> None:
    """Undo an accept: remove the passages it created and bring its proposals back."""
    with project.session_scope() as s:
        for passage_id in batch.passage_ids:
            passage_repo.remove_passage(s, passage_id, bury=False)  # undoing their creation
        repo.restore_proposals(s, batch.proposals)


def reject_proposals(project: Project, proposal_ids: Iterable[int]) -> int:
    """Mark proposals rejected (never proposed again); returns how many changed."""
    with project.session_scope() as s:
        return repo.set_status(s, list(proposal_ids), repo.REJECTED)


def unreject_proposals(project: Project, proposal_ids: Iterable[int]) -> int:
    """Undo of :func:`reject_proposals`: back to pending."""
    with project.session_scope() as s:
        return repo.set_status(s, list(proposal_ids), repo.PENDING)
