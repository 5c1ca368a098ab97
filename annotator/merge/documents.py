"""Merging documents (matched by content hash), their titles, attributes and coders."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from annotator.db.models import Coder, Document, DocumentAttribute, Passage, new_guid
from annotator.db.passages import forget_tombstones
from annotator.merge.base import UNKNOWN, pick
from annotator.merge.report import ConflictKind
from annotator.merge.state import MergeState

AttrRow = tuple[int, str, str, datetime | None]  # row id, key, value, updated_at


def merge_coders(st: MergeState) -> None:
    """Map the other file's coders (those with passages) to ours by name, adding new ones."""
    ours = {n: i for n, i in st.ours.execute(select(Coder.name, Coder.id))}
    our_guids = set(st.ours.scalars(select(Coder.guid)))
    used = select(Passage.coder_id).distinct()
    query = select(Coder.id, Coder.guid, Coder.name, Coder.created_at).where(Coder.id.in_(used))
    for their_id, guid, name, created in st.theirs.execute(query.order_by(Coder.id)):
        if name not in ours:
            coder = Coder(name=name, guid=guid if guid not in our_guids else new_guid(),
                          created_at=created)
            st.ours.add(coder)
            st.ours.flush()
            ours[name] = coder.id
            st.report.coders_added += 1
        st.coder_map[their_id] = ours[name]


def _attributes(session: Session) -> dict[int, dict[str, AttrRow]]:
    out: dict[int, dict[str, AttrRow]] = defaultdict(dict)
    query = select(
        DocumentAttribute.document_id, DocumentAttribute.id, DocumentAttribute.key,
        DocumentAttribute.value, DocumentAttribute.updated_at,
    ).order_by(DocumentAttribute.document_id, DocumentAttribute.position)
    for doc_id, row_id, key, value, updated in session.execute(query):
        out[doc_id][key] = (row_id, key, value, updated)
    return out


def merge_documents(st: MergeState) -> None:
    """Map documents by content hash; add the other file's new ones after our last number;
    recreate one deleted here only if the other file has passages on it that are new here."""
    ours = {h: (i, title) for i, h, title in st.ours.execute(
        select(Document.id, Document.content_hash, Document.title))}
    our_guids = set(st.ours.scalars(select(Document.guid)))
    number = st.ours.scalar(select(func.max(Document.number))) or 0
    our_attrs, their_attrs = _attributes(st.ours), _attributes(st.theirs)
    query = select(
        Document.id, Document.guid, Document.title, Document.source_name,
        Document.content_hash, Document.imported_at, Document.numbering,
    ).order_by(Document.number)
    for their_id, guid, title, source_name, digest, imported, numbering in st.theirs.execute(
            query).all():
        hit = ours.get(digest)
        if hit is not None:
            our_id, our_title = hit
            st.doc_map[their_id] = our_id
            _merge_title(st, our_id, our_title, guid, title)
            _merge_attributes(st, our_id, guid, title, our_attrs.get(our_id, {}),
                              their_attrs.get(their_id, {}))
            continue
        buried = guid in st.buried["document"]
        if buried and not st.incoming_docs[their_id]:
            st.doc_map[their_id] = None
            st.report.kept_deleted["document"] += 1
            continue
        number += 1
        text = st.theirs.scalar(select(Document.text).where(Document.id == their_id))
        doc = Document(
            guid=guid if guid not in our_guids else new_guid(), number=number, title=title,
            text=text, source_name=source_name, content_hash=digest, imported_at=imported,
            numbering=numbering,  # a document new here keeps the numbering chosen there
        )
        st.ours.add(doc)
        st.ours.flush()
        rows: list[dict[str, Any]] = [
            {"document_id": doc.id, "key": key, "value": value, "position": pos,
             "updated_at": updated}
            for pos, (_, key, value, updated) in enumerate(their_attrs.get(their_id, {}).values())
        ]
        if rows:
            st.ours.execute(insert(DocumentAttribute), rows)
        st.doc_map[their_id] = doc.id
        st.report.documents_added += 1
        if buried:
            forget_tombstones(st.ours, "document", [guid])
            st.report.conflict(
                ConflictKind.DOCUMENT_DELETED_HERE, f'document "{title}"',
                f"deleted here, but the other file has {st.incoming_docs[their_id]} new "
                f"passage(s) on it: brought back as number {number}",
            )


def _merge_title(st: MergeState, our_id: int, ours: str, guid: str, theirs: str) -> None:
    base = st.base.titles.get(guid, UNKNOWN) if st.base else UNKNOWN
    seen = st.last_seen.titles.get(guid, UNKNOWN) if st.last_seen else UNKNOWN
    value, take, conflict, settled = pick(base, ours, theirs, seen)
    st.report.conflicts_unchanged += settled
    if take:
        st.ours.get(Document, our_id).title = value  # type: ignore[union-attr]
        st.report.titles_updated += 1
    elif conflict:
        st.report.conflict(
            ConflictKind.TITLE, f'document "{ours}"', f'kept ours; the other file has "{theirs}"'
        )


def _newer(theirs: datetime | None, ours: datetime | None) -> bool:
    """Whether their edit is the later one; a value with no time (older files) is oldest."""
    return theirs is not None and (ours is None or theirs > ours)


def _merge_attributes(
    st: MergeState, our_id: int, guid: str, title: str,
    ours: dict[str, AttrRow], theirs: dict[str, AttrRow],
) -> None:
    """Per key: the newer edit wins; a key deleted here since the copy and unchanged there
    stays deleted; a key only we have is kept. A value they still have as our last merge
    saw it was decided then: ours is kept (or stays deleted) without a new report."""
    next_pos = len(ours)
    for key, (_, _, value, updated) in theirs.items():
        base = st.base.attribute(guid, key) if st.base else UNKNOWN
        seen = st.last_seen.attribute(guid, key) if st.last_seen else UNKNOWN
        unchanged_there = seen is not UNKNOWN and seen == value
        item = f'document "{title}" attribute "{key}"'
        if key not in ours:
            if base is not UNKNOWN and base == value:
                continue  # deleted here, unchanged there
            if unchanged_there:  # deleted here after our last merge of this file
                st.report.conflicts_unchanged += base is not UNKNOWN and base is not None
                continue
            st.ours.execute(insert(DocumentAttribute), [{
                "document_id": our_id, "key": key, "value": value, "position": next_pos,
                "updated_at": updated,
            }])
            next_pos += 1
            st.report.attributes_added += 1
            if base is not UNKNOWN and base is not None:
                st.report.conflict(ConflictKind.ATTRIBUTE, item,
                                   f'deleted here, changed there to "{value}": brought back')
            continue
        row_id, _, our_value, our_updated = ours[key]
        if our_value == value:
            continue
        if unchanged_there:
            st.report.conflicts_unchanged += base is UNKNOWN or base not in (our_value, value)
            continue
        if base is not UNKNOWN and base in (our_value, value):
            take = base == our_value  # changed on one side only: that change wins
        else:
            take = _newer(updated, our_updated)
        if take:
            attr = st.ours.get(DocumentAttribute, row_id)
            assert attr is not None
            attr.value, attr.updated_at = value, updated
            st.report.attributes_updated += 1
        if base is UNKNOWN or (base != our_value and base != value):
            kept, other = (value, our_value) if take else (our_value, value)
            st.report.conflict(
                ConflictKind.ATTRIBUTE, item,
                f'changed on both sides: kept the newer "{kept}", the other was "{other}"',
            )
