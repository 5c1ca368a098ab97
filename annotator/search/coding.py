"""Code search results: the matches themselves or their whole sentences or paragraphs.

:func:`spans_to_code` says what would be coded (for a preview); :func:`code_spans` codes it
in one transaction and returns the ids of the passages it created, which is what undo needs
(:func:`remove_passages`). Spans already coded with that code by the same coder are left
alone and not returned, so undo never removes earlier work.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, NamedTuple

from annotator.db import passages as passage_repo
from annotator.errors import InvalidOperation

if TYPE_CHECKING:
    from annotator.project import Project
    from annotator.search.results import SearchHit

MATCH, SENTENCE, PARAGRAPH = "match", "sentence", "paragraph"
UNITS = (MATCH, SENTENCE, PARAGRAPH)


class CodingSpan(NamedTuple):
    document_id: int
    start: int
    end: int


def spans_to_code(hits: Iterable[SearchHit], unit: str = MATCH) -> list[CodingSpan]:
    """The spans coding these hits means: each match, or the sentence or paragraph holding
    it; a sentence with several matches is coded once. Sorted, without duplicates."""
    if unit not in UNITS:
        raise InvalidOperation(f"unknown unit {unit!r} (use {', '.join(UNITS)})")
    spans: set[CodingSpan] = set()
    for hit in hits:
        if unit == SENTENCE:
            start, end = hit.sentence
        elif unit == PARAGRAPH:
            start, end = hit.paragraph
        else:
            start, end = hit.start, hit.end
        spans.add(CodingSpan(hit.document_id, start, end))
    return sorted(spans)


def code_spans(
    project: Project, code_id: int, spans: Sequence[CodingSpan], *, origin: str = "manual"
) -> list[int]:
    """Code every span with ``code_id`` for the current coder, all in one transaction.
    Returns the ids of the passages created (spans already so coded are skipped)."""
    coder_id = project.coder.id
    created_ids: list[int] = []
    with project.session_scope() as s:
        for span in spans:
            passage, created = passage_repo.apply_code(
                s,
                document_id=span.document_id,
                code_id=code_id,
                coder_id=coder_id,
                start=span.start,
                end=span.end,
            )
            if created:
                passage.origin = origin
                created_ids.append(passage.id)
        s.flush()
    return created_ids


def remove_passages(project: Project, passage_ids: Iterable[int]) -> None:
    """Remove a batch of passages in one transaction (undo of :func:`code_spans`)."""
    with project.session_scope() as s:
        for passage_id in passage_ids:
            passage_repo.remove_passage(s, passage_id, bury=False)  # never left this file
