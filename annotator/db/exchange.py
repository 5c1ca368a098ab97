"""Bulk repository functions for project exchange (REFI-QDA import/export).

Inserts take rows with explicit ids and GUIDs, for filling a brand-new project in one
transaction; the streaming queries return plain tuples, so exporting 200,000 passages
builds no ORM objects. Like every repository function, none of these commits.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import bindparam, func, insert, select, text, update
from sqlalchemy.orm import Session

from annotator.db.models import Code, Coder, Document, DocumentAttribute, Passage

_BATCH = 5000


def _insert(session: Session, model: type, rows: Sequence[Mapping[str, Any]]) -> None:
    # Core inserts on the table: the ORM's bulk path costs 10 s per 100,000 codes here.
    table = model.__table__  # type: ignore[attr-defined]
    for i in range(0, len(rows), _BATCH):
        session.execute(insert(table), list(rows[i : i + _BATCH]))


def insert_coders(session: Session, rows: Sequence[Mapping[str, Any]]) -> None:
    """Rows: id, guid, name (unique), optionally created_at."""
    _insert(session, Coder, rows)


def insert_codes(session: Session, rows: Sequence[Mapping[str, Any]]) -> None:
    """Rows: id, guid, parent_id, name, colour, definition, keywords, shortcut, position;
    parents before children."""
    _insert(session, Code, rows)


def insert_documents(
    session: Session,
    rows: Sequence[Mapping[str, Any]],
    attributes: Sequence[Mapping[str, Any]] = (),
) -> None:
    """Rows: id, guid, number, title, text, source_name, content_hash, imported_at.
    Attribute rows: document_id, key, value, position."""
    _insert(session, Document, rows)
    _insert(session, DocumentAttribute, attributes)


def insert_passages(session: Session, rows: Sequence[Mapping[str, Any]]) -> None:
    """Rows: id, guid, document_id, code_id, coder_id, start, end, memo, created_at."""
    _insert(session, Passage, rows)


def iter_document_texts(session: Session) -> Iterator[tuple[int, str, str]]:
    """(id, guid, text) of every document in number order, streamed."""
    query = select(Document.id, Document.guid, Document.text).order_by(Document.number)
    for row in session.execute(query.execution_options(yield_per=50)):
        yield row.id, row.guid, row.text


class PassageRow(NamedTuple):
    document_id: int
    guid: str
    code_id: int
    coder_id: int
    start: int
    end: int
    memo: str
    created_at: datetime
    head: str  # the first ``head`` characters of the passage text


def iter_passage_rows(session: Session, head: int = 100) -> Iterator[PassageRow]:
    """Every passage by document number, start, end, with the first ``head`` characters
    (one more, to tell whether it was cut) of its text."""
    length = func.min(Passage.end - Passage.start, head + 1)
    query = (
        select(
            Passage.document_id,
            Passage.guid,
            Passage.code_id,
            Passage.coder_id,
            Passage.start,
            Passage.end,
            Passage.memo,
            Passage.created_at,
            # SQLite's substr() counts code points, as Python does.
            func.substr(Document.text, Passage.start + 1, length),
        )
        .join(Document, Document.id == Passage.document_id)
        .order_by(Document.number, Passage.start, Passage.end, Passage.id)
    )
    for row in session.execute(query.execution_options(yield_per=5000)):
        yield PassageRow(*row)


def code_guid_in_use(session: Session, guid: str) -> bool:
    """Whether a code of this project already has ``guid`` (GUIDs from other tools are kept
    only when free)."""
    return session.scalar(select(Code.id).where(Code.guid == guid)) is not None


def set_code_guid(session: Session, code_id: int, guid: str) -> None:
    """Give a code the GUID it has elsewhere (another tool, another coder's copy), so that
    the next exchange or merge knows it as the same code."""
    code = session.get(Code, code_id)
    assert code is not None
    code.guid = guid
    session.flush()


class ExistingCode(NamedTuple):
    id: int
    parent_id: int | None
    name: str
    definition: str
    keywords: list[str]
    shortcut: str | None
    guid: str
    position: int


def existing_codes(session: Session) -> list[ExistingCode]:
    """Every code of the project as plain tuples, in one query (a codebook merge looks its
    100,000 rows up in a dict instead of querying siblings once per row)."""
    query = select(Code.id, Code.parent_id, Code.name, Code.definition, Code.keywords,
                   Code.shortcut, Code.guid, Code.position)
    return [ExistingCode(*row) for row in session.execute(query)]


def next_code_id(session: Session) -> int:
    """The id the next new code gets: past every id used so far, deleted ones included
    (undo puts a deleted code back under its old id)."""
    used = session.scalar(select(func.max(Code.id))) or 0
    seq = session.execute(text("SELECT seq FROM sqlite_sequence WHERE name = 'codes'")).scalar()
    return max(used, seq or 0) + 1


def update_code_texts(session: Session, rows: Sequence[tuple[int, str, list[str]]]) -> None:
    """Set (id, definition, keywords) of existing codes in batches."""
    table = Code.__table__
    statement = (
        update(table)
        .where(table.c.id == bindparam("code_id"))
        .values(definition=bindparam("new_definition"), keywords=bindparam("new_keywords"))
    )
    params = [dict(code_id=i, new_definition=d, new_keywords=k) for i, d, k in rows]
    for i in range(0, len(params), _BATCH):
        session.execute(statement, params[i : i + _BATCH])
