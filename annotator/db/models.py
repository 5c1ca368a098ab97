"""SQLAlchemy 2.x typed models of one project file."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from sqlalchemy import (
    JSON,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    event,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def new_guid() -> str:
    return str(uuid.uuid4())


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass


class Meta(Base):
    """Key/value project metadata; ``schema_version`` lives here."""

    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String, primary_key=True)
    value: Mapped[str] = mapped_column(Text, default="")


class Coder(Base):
    __tablename__ = "coders"
    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    name: Mapped[str] = mapped_column(String, unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Document(Base):
    __tablename__ = "documents"
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    # The researcher's "政策编号": 1, 2, 3… in import order, shown and exported.
    number: Mapped[int] = mapped_column(Integer, unique=True)
    title: Mapped[str] = mapped_column(Text)
    # Immutable once imported: passages point into it by code-point offsets.
    text: Mapped[str] = mapped_column(Text)
    source_name: Mapped[str] = mapped_column(Text, default="")
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    imported_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # How its units are numbered: "auto" (detected from the text), or the researcher's choice
    # of "statute", "outline" or "paragraphs" (see annotator.chinese.structure).
    numbering: Mapped[str] = mapped_column(String(16), default="auto", server_default="auto")
    # len(text), stored so that listing documents never reads the texts.
    length: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    attributes: Mapped[list[DocumentAttribute]] = relationship(
        back_populates="document",
        cascade="all, delete-orphan",
        order_by="DocumentAttribute.position",
    )


@event.listens_for(Document, "before_insert")
def _store_length(_mapper: object, _connection: object, document: Document) -> None:
    document.length = len(document.text or "")


class DocumentAttribute(Base):
    __tablename__ = "document_attributes"
    __table_args__ = (UniqueConstraint("document_id", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(String)
    value: Mapped[str] = mapped_column(Text, default="")
    position: Mapped[int] = mapped_column(Integer, default=0)
    # When the value last changed, so that merging two coders' copies keeps the newer edit.
    updated_at: Mapped[datetime | None] = mapped_column(DateTime, default=utcnow)

    document: Mapped[Document] = relationship(back_populates="attributes")


class Code(Base):
    __tablename__ = "codes"
    __table_args__ = (
        UniqueConstraint("parent_id", "name"),
        # NULL parents never collide in a UNIQUE constraint, so roots need their own index.
        Index("uq_codes_root_name", "name", unique=True, sqlite_where=text("parent_id IS NULL")),
        # Never reuse ids: undo puts deleted rows back under their old ids.
        {"sqlite_autoincrement": True},
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    # Stable identity kept through renames and moves (merging, REFI-QDA exchange).
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("codes.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String)
    colour: Mapped[str] = mapped_column(String(9), default="#F2C94C")
    definition: Mapped[str] = mapped_column(Text, default="")
    keywords: Mapped[list[str]] = mapped_column(JSON, default=list)
    shortcut: Mapped[str | None] = mapped_column(String, default=None)
    position: Mapped[int] = mapped_column(Integer, default=0)


class Passage(Base):
    """A coded segment: one code applied by one coder to [start, end) of a document's text."""

    __tablename__ = "passages"
    __table_args__ = (
        UniqueConstraint("document_id", "code_id", "coder_id", "start", "end"),
        CheckConstraint("start >= 0 AND \"end\" > start", name="ck_passage_span"),
        Index("ix_passages_document_start", "document_id", "start"),
        {"sqlite_autoincrement": True},
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    guid: Mapped[str] = mapped_column(String(36), unique=True, default=new_guid)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    code_id: Mapped[int] = mapped_column(ForeignKey("codes.id", ondelete="CASCADE"), index=True)
    coder_id: Mapped[int] = mapped_column(ForeignKey("coders.id", ondelete="RESTRICT"))
    # Offsets in Unicode code points (Python str indices), end exclusive.
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    memo: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # "manual", or "auto" for a machine proposal (auto-coding) a researcher accepted.
    origin: Mapped[str] = mapped_column(String(16), default="manual", server_default="manual")


class WordListEntry(Base):
    """Project word lists: "terms" (kept whole by segmentation), "stopwords+" and
    "stopwords-" (additions to and removals from the shipped stopword list)."""

    __tablename__ = "word_lists"
    __table_args__ = (UniqueConstraint("list_name", "word"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    list_name: Mapped[str] = mapped_column(String(32), index=True)
    word: Mapped[str] = mapped_column(String)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Proposal(Base):
    """A machine-made coding proposal (keyword auto-coding, or a suggestion learned from the
    coder's coding) awaiting review. It becomes a passage with origin "auto" or "suggested"
    when accepted; a rejected one is kept so it is not proposed again (and, for the learned
    model, as a counter-example)."""

    __tablename__ = "proposals"
    __table_args__ = (
        UniqueConstraint("document_id", "code_id", "start", "end"),
        {"sqlite_autoincrement": True},
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"))
    code_id: Mapped[int] = mapped_column(ForeignKey("codes.id", ondelete="CASCADE"), index=True)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    keyword: Mapped[str] = mapped_column(String, default="")
    unit: Mapped[str] = mapped_column(String(16), default="sentence")
    status: Mapped[str] = mapped_column(String(16), default="pending")  # or "rejected"
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # "keyword" (auto-coding) or "suggested" (learned from the coder's coding, annotator.suggest)
    origin: Mapped[str] = mapped_column(String(16), default="keyword", server_default="keyword")
    confidence: Mapped[float | None] = mapped_column(Float, nullable=True)  # the model's


class Tombstone(Base):
    """Stable ids of deleted codes, documents and passages, so that merging another
    coder's copy can tell "deleted here" from "new there"."""

    __tablename__ = "tombstones"
    __table_args__ = (UniqueConstraint("kind", "guid"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))  # "code" | "document" | "passage"
    guid: Mapped[str] = mapped_column(String(36))
    label: Mapped[str] = mapped_column(Text, default="")
    deleted_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
