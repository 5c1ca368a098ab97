"""Repository functions for team work (annotator.merge): the reads a merge makes of both
files and the writes it makes to ours, as plain tuples and dicts.

Like every repository function, none of these commits: the whole merge is one
transaction of the caller.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any, NamedTuple

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from annotator.db.models import (
    Code,
    Coder,
    Document,
    DocumentAttribute,
    Meta,
    Passage,
    Proposal,
    Tombstone,
    WordListEntry,
)

_BATCH = 5000

# -- meta records (the copy's base, what a merge saw of another file)


def read_meta(session: Session, key: str) -> str | None:
    return session.scalar(select(Meta.value).where(Meta.key == key))


def write_meta(session: Session, key: str, text: str) -> None:
    stmt = sqlite_insert(Meta).values(key=key, value=text)
    session.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": text}))


# -- codes


class CodeRow(NamedTuple):
    id: int
    guid: str
    parent_id: int | None
    name: str
    colour: str
    definition: str
    keywords: tuple[str, ...]
    shortcut: str | None


def code_rows(session: Session) -> list[CodeRow]:
    """Every code, siblings in their order (position, then id)."""
    query = select(
        Code.id, Code.guid, Code.parent_id, Code.name, Code.colour, Code.definition,
        Code.keywords, Code.shortcut,
    ).order_by(Code.position, Code.id)
    return [
        CodeRow(i, g, p, n, col, d, tuple(k or ()), s)
        for i, g, p, n, col, d, k, s in session.execute(query)
    ]


def codes_by_guid(session: Session) -> dict[str, Code]:
    """Every code of this project by guid (live objects: the merge updates them)."""
    return {c.guid: c for c in session.scalars(select(Code))}


def code_name(session: Session, code_id: int | None) -> str | None:
    return session.scalar(select(Code.name).where(Code.id == code_id))


def count_codes(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Code)) or 0


# -- documents and their attributes


def document_titles(session: Session) -> list[tuple[int, str, str]]:
    """(id, guid, title) of every document."""
    return [tuple(r) for r in session.execute(  # type: ignore[misc]
        select(Document.id, Document.guid, Document.title))]


def documents_by_hash(session: Session) -> dict[str, tuple[int, str]]:
    """content hash -> (id, title)."""
    query = select(Document.id, Document.content_hash, Document.title)
    return {h: (i, title) for i, h, title in session.execute(query)}


def document_guids(session: Session) -> set[str]:
    return set(session.scalars(select(Document.guid)))


def max_document_number(session: Session) -> int:
    return session.scalar(select(func.max(Document.number))) or 0


def count_documents(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Document)) or 0


class DocumentRow(NamedTuple):
    id: int
    guid: str
    title: str
    source_name: str
    content_hash: str
    imported_at: datetime
    numbering: str


def document_rows(session: Session) -> list[DocumentRow]:
    """Every document without its text, in number order."""
    query = select(
        Document.id, Document.guid, Document.title, Document.source_name,
        Document.content_hash, Document.imported_at, Document.numbering,
    ).order_by(Document.number)
    return [DocumentRow(*r) for r in session.execute(query)]


def document_text(session: Session, document_id: int) -> str | None:
    return session.scalar(select(Document.text).where(Document.id == document_id))


def add_document_row(session: Session, **values: Any) -> int:
    """Insert one document with the given column values (guid, number, text…); its id."""
    doc = Document(**values)
    session.add(doc)
    session.flush()
    return doc.id


def set_document_title(session: Session, document_id: int, title: str) -> None:
    doc = session.get(Document, document_id)
    assert doc is not None
    doc.title = title


AttrRow = tuple[int, str, str, datetime | None]  # row id, key, value, updated_at


def attribute_rows(session: Session) -> dict[int, dict[str, AttrRow]]:
    """document id -> key -> attribute row, keys in their order."""
    out: dict[int, dict[str, AttrRow]] = {}
    query = select(
        DocumentAttribute.document_id, DocumentAttribute.id, DocumentAttribute.key,
        DocumentAttribute.value, DocumentAttribute.updated_at,
    ).order_by(DocumentAttribute.document_id, DocumentAttribute.position)
    for doc_id, row_id, key, value, updated in session.execute(query):
        out.setdefault(doc_id, {})[key] = (row_id, key, value, updated)
    return out


def attribute_values(session: Session) -> Iterator[tuple[int, str, str]]:
    """(document id, key, value) of every attribute."""
    query = select(DocumentAttribute.document_id, DocumentAttribute.key, DocumentAttribute.value)
    for row in session.execute(query):
        yield row.document_id, row.key, row.value


def insert_attributes(session: Session, rows: Sequence[Mapping[str, Any]]) -> None:
    """Rows: document_id, key, value, position, updated_at."""
    if rows:
        session.execute(insert(DocumentAttribute), list(rows))


def set_attribute_value(
    session: Session, row_id: int, value: str, updated_at: datetime | None
) -> None:
    attr = session.get(DocumentAttribute, row_id)
    assert attr is not None
    attr.value, attr.updated_at = value, updated_at


# -- coders


def coder_ids_by_name(session: Session) -> dict[str, int]:
    return {n: i for n, i in session.execute(select(Coder.name, Coder.id))}


def coder_guids(session: Session) -> set[str]:
    return set(session.scalars(select(Coder.guid)))


def coders_with_passages(session: Session) -> list[tuple[int, str, str, datetime]]:
    """(id, guid, name, created_at) of the coders who have passages, by id."""
    used = select(Passage.coder_id).distinct()
    query = select(Coder.id, Coder.guid, Coder.name, Coder.created_at).where(Coder.id.in_(used))
    return [tuple(r) for r in session.execute(query.order_by(Coder.id))]  # type: ignore[misc]


def add_coder_row(session: Session, name: str, guid: str, created_at: datetime) -> int:
    coder = Coder(name=name, guid=guid, created_at=created_at)
    session.add(coder)
    session.flush()
    return coder.id


def coder_counts(session: Session) -> list[tuple[int, str, str, int, int]]:
    """(id, guid, name, passages, documents with passages) of every coder, by id."""
    query = (
        select(
            Coder.id, Coder.guid, Coder.name, func.count(Passage.id),
            func.count(func.distinct(Passage.document_id)),
        )
        .outerjoin(Passage, Passage.coder_id == Coder.id)
        .group_by(Coder.id)
        .order_by(Coder.id)
    )
    return [tuple(r) for r in session.execute(query)]  # type: ignore[misc]


# -- passages


def passage_memos_by_guid(session: Session) -> dict[str, tuple[int, str]]:
    """guid -> (id, memo) of every passage."""
    query = select(Passage.guid, Passage.id, Passage.memo)
    return {guid: (pid, memo) for guid, pid, memo in session.execute(query)}


def passage_heads(session: Session) -> Iterator[tuple[str, int, int, int]]:
    """(guid, document id, code id, coder id) of every passage."""
    query = select(Passage.guid, Passage.document_id, Passage.code_id, Passage.coder_id)
    for row in session.execute(query):
        yield row.guid, row.document_id, row.code_id, row.coder_id


Key = tuple[int, int, int, int, int]  # document, code, coder, start, end


def passages_by_key(session: Session, coder_ids: Iterable[int]) -> dict[Key, tuple[int, str]]:
    """(document, code, coder, start, end) -> (id, memo) of the passages of ``coder_ids``."""
    coders = list(coder_ids)
    if not coders:
        return {}
    query = select(
        Passage.document_id, Passage.code_id, Passage.coder_id, Passage.start, Passage.end,
        Passage.id, Passage.memo,
    ).where(Passage.coder_id.in_(coders))
    return {tuple(r[:5]): (r[5], r[6]) for r in session.execute(query)}  # type: ignore[misc]


class PassageRow(NamedTuple):
    guid: str
    document_id: int
    code_id: int
    coder_id: int
    start: int
    end: int
    memo: str
    created_at: datetime
    origin: str


def iter_passage_rows(session: Session) -> Iterator[PassageRow]:
    """Every passage by id, streamed."""
    query = select(
        Passage.guid, Passage.document_id, Passage.code_id, Passage.coder_id, Passage.start,
        Passage.end, Passage.memo, Passage.created_at, Passage.origin,
    ).order_by(Passage.id)
    for row in session.execute(query.execution_options(yield_per=_BATCH)):
        yield PassageRow(*row)


def set_memos(session: Session, memos: Mapping[int, str]) -> None:
    """passage id -> new memo."""
    if memos:
        session.execute(update(Passage), [{"id": i, "memo": m} for i, m in memos.items()])


# -- word lists


def word_list_pairs(session: Session) -> list[tuple[str, str]]:
    """(list name, word) of every word-list entry, in the order they were added."""
    query = select(WordListEntry.list_name, WordListEntry.word).order_by(WordListEntry.id)
    return [(n, w) for n, w in session.execute(query)]


def insert_word_list_entries(session: Session, rows: Sequence[Mapping[str, Any]]) -> None:
    """Rows: list_name, word."""
    if rows:
        session.execute(insert(WordListEntry), list(rows))


# -- tombstones

_MODELS: dict[str, Any] = {"code": Code, "document": Document, "passage": Passage}


def tombstone_guids(session: Session) -> dict[str, set[str]]:
    """kind -> guids deleted here; "code", "document" and "passage" always present."""
    buried: dict[str, set[str]] = {"code": set(), "document": set(), "passage": set()}
    for kind, guid in session.execute(select(Tombstone.kind, Tombstone.guid)):
        buried.setdefault(kind, set()).add(guid)
    return buried


def tombstone_rows(session: Session) -> list[tuple[str, str, str]]:
    """(kind, guid, label) of every tombstone, oldest first."""
    query = select(Tombstone.kind, Tombstone.guid, Tombstone.label).order_by(Tombstone.id)
    return [(k, g, label) for k, g, label in session.execute(query)]


def existing_guids(session: Session, kind: str, guids: Sequence[str]) -> set[str]:
    """Those of ``guids`` that a row of ``kind`` ("code", "document", "passage") has."""
    model = _MODELS[kind]
    here: set[str] = set()
    for i in range(0, len(guids), _BATCH):
        chunk = guids[i : i + _BATCH]
        here.update(session.scalars(select(model.guid).where(model.guid.in_(chunk))))
    return here


# -- blind copies


def strip_for_blind_copy(session: Session, keep_coder_id: int, meta_prefix: str) -> None:
    """Delete every passage, proposal, tombstone, every coder but ``keep_coder_id`` and the
    meta records whose keys start with ``meta_prefix``."""
    for model in (Passage, Proposal, Tombstone):
        session.execute(delete(model))
    session.execute(delete(Meta).where(Meta.key.startswith(meta_prefix, autoescape=True)))
    session.execute(delete(Coder).where(Coder.id != keep_coder_id))
