"""Repository functions for documents and their free attributes."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from annotator.db.models import Document, DocumentAttribute, Passage, utcnow
from annotator.db.passages import bury_passages, record_tombstones
from annotator.errors import InvalidOperation, NotFoundError
from annotator.records import DocumentInfo


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def get_document(session: Session, document_id: int) -> Document:
    doc = session.get(Document, document_id)
    if doc is None:
        raise NotFoundError.of("no document with id {id}", id=document_id)
    return doc


def find_by_hash(session: Session, digest: str) -> Document | None:
    return session.scalars(select(Document).where(Document.content_hash == digest)).one_or_none()


def add_document(
    session: Session,
    *,
    title: str,
    text: str,
    source_name: str,
    attributes: Mapping[str, str] | None = None,
) -> Document:
    if not text:
        raise InvalidOperation("a document needs text")
    number = (session.scalar(select(func.max(Document.number))) or 0) + 1
    doc = Document(
        number=number,
        title=title.strip() or source_name or f"文档 {number}",
        text=text,
        source_name=source_name,
        content_hash=content_hash(text),
    )
    for pos, (key, value) in enumerate((attributes or {}).items()):
        if key.strip() and str(value).strip():
            doc.attributes.append(
                DocumentAttribute(key=key.strip(), value=str(value).strip(), position=pos)
            )
    session.add(doc)
    session.flush()
    return doc


def to_info(doc: Document, passage_count: int = 0) -> DocumentInfo:
    return DocumentInfo(
        id=doc.id,
        guid=doc.guid,
        number=doc.number,
        title=doc.title,
        source_name=doc.source_name,
        content_hash=doc.content_hash,
        imported_at=doc.imported_at,
        length=doc.length,
        attributes={a.key: a.value for a in doc.attributes},
        passage_count=passage_count,
        numbering=doc.numbering,
    )


def passage_counts_by_document(
    session: Session, document_ids: Sequence[int] | None = None
) -> dict[int, int]:
    """Passages per document (of ``document_ids``; default all); none → not listed."""
    query = select(Passage.document_id, func.count()).group_by(Passage.document_id)
    if document_ids is not None:
        query = query.where(Passage.document_id.in_(document_ids))
    return {doc_id: n for doc_id, n in session.execute(query)}


def passage_count_of(session: Session, document_id: int) -> int:
    """One document's passages, counted on the index (not a count of the whole project)."""
    return session.scalar(
        select(func.count()).select_from(Passage).where(Passage.document_id == document_id)
    ) or 0


def list_documents(session: Session) -> list[DocumentInfo]:
    """Every document in number order, without reading the texts (their length is stored),
    so a project of thousands lists in milliseconds."""
    counts = passage_counts_by_document(session)
    attributes: dict[int, dict[str, str]] = {}
    for doc_id, key, value in session.execute(
        select(DocumentAttribute.document_id, DocumentAttribute.key, DocumentAttribute.value)
        .order_by(DocumentAttribute.document_id, DocumentAttribute.position)
    ):
        attributes.setdefault(doc_id, {})[key] = value
    rows = session.execute(
        select(Document.id, Document.guid, Document.number, Document.title,
               Document.source_name, Document.content_hash, Document.imported_at,
               Document.length, Document.numbering).order_by(Document.number)
    )
    return [
        DocumentInfo(doc_id, guid, number, title, source_name, digest, imported_at, length,
                     attributes.get(doc_id, {}), counts.get(doc_id, 0), numbering)
        for doc_id, guid, number, title, source_name, digest, imported_at, length, numbering
        in rows
    ]


def set_attributes(
    session: Session, document_id: int, values: Mapping[str, str | None], *, replace: bool = False
) -> None:
    """Set attributes; an empty or None value removes the key. ``replace`` drops unlisted keys."""
    doc = get_document(session, document_id)
    current = {a.key: a for a in doc.attributes}
    if replace:
        for key, attr in current.items():
            if key not in values:
                doc.attributes.remove(attr)
    next_pos = max((a.position for a in doc.attributes), default=-1) + 1
    for key, value in values.items():
        key = key.strip()
        if not key:
            raise InvalidOperation("an attribute needs a name")
        value = (value or "").strip()
        attr = current.get(key)
        if not value:
            if attr is not None and attr in doc.attributes:
                doc.attributes.remove(attr)
        elif attr is not None:
            if attr.value != value:
                attr.value = value
                attr.updated_at = utcnow()  # merging coders' copies keeps the newer edit
        else:
            doc.attributes.append(DocumentAttribute(key=key, value=value, position=next_pos))
            next_pos += 1
    session.flush()


def set_numbering(session: Session, document_id: int, numbering: str) -> str:
    """Choose how a document's units are numbered; returns the previous choice."""
    from annotator.chinese.structure import NUMBERINGS

    if numbering not in NUMBERINGS:
        raise InvalidOperation(
            f"unknown numbering {numbering!r}; use one of {', '.join(NUMBERINGS)}")
    doc = get_document(session, document_id)
    previous, doc.numbering = doc.numbering, numbering
    return previous


def set_title(session: Session, document_id: int, title: str) -> None:
    title = title.strip()
    if not title:
        raise InvalidOperation("a document needs a title")
    get_document(session, document_id).title = title


def delete_document(session: Session, document_id: int) -> None:
    doc = get_document(session, document_id)
    bury_passages(session, Passage.document_id == document_id)
    record_tombstones(session, "document", [(doc.guid, doc.title)])
    session.execute(delete(Document).where(Document.id == document_id))
