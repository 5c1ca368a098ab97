"""Merging documents (matched by content hash), their titles, attributes and coders."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from annotator.db import merge_store as store
from annotator.db.merge_store import AttrRow
from annotator.db.models import new_guid
from annotator.db.passages import forget_tombstones
from annotator.merge.base import UNKNOWN, pick
from annotator.merge.report import ConflictKind
from annotator.merge.state import MergeState


def merge_coders(st: MergeState) -> None:
    """Map the other file's coders (those with passages) to ours by name, adding new ones."""
    ours = store.coder_ids_by_name(st.ours)
    our_guids = store.coder_guids(st.ours)
    for their_id, guid, name, created in store.coders_with_passages(st.theirs):
        if name not in ours:
            ours[name] = store.add_coder_row(
                st.ours, name, guid if guid not in our_guids else new_guid(), created
            )
            st.report.coders_added += 1
        st.coder_map[their_id] = ours[name]


def merge_documents(st: MergeState) -> None:
    """Map documents by content hash; add the other file's new ones after our last number;
    recreate one deleted here only if the other file has passages on it that are new here."""
    ours = store.documents_by_hash(st.ours)
    our_guids = store.document_guids(st.ours)
    number = store.max_document_number(st.ours)
    our_attrs, their_attrs = store.attribute_rows(st.ours), store.attribute_rows(st.theirs)
    for their_id, guid, title, source_name, digest, imported, numbering in (
        store.document_rows(st.theirs)
    ):
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
        doc_id = store.add_document_row(
            st.ours,
            guid=guid if guid not in our_guids else new_guid(), number=number, title=title,
            text=store.document_text(st.theirs, their_id), source_name=source_name,
            content_hash=digest, imported_at=imported,
            numbering=numbering,  # a document new here keeps the numbering chosen there
        )
        rows: list[dict[str, Any]] = [
            {"document_id": doc_id, "key": key, "value": value, "position": pos,
             "updated_at": updated}
            for pos, (_, key, value, updated) in enumerate(their_attrs.get(their_id, {}).values())
        ]
        store.insert_attributes(st.ours, rows)
        st.doc_map[their_id] = doc_id
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
        store.set_document_title(st.ours, our_id, value)
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
            store.insert_attributes(st.ours, [{
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
            store.set_attribute_value(st.ours, row_id, value, updated)
            st.report.attributes_updated += 1
        if base is UNKNOWN or (base != our_value and base != value):
            kept, other = (value, our_value) if take else (our_value, value)
            st.report.conflict(
                ConflictKind.ATTRIBUTE, item,
                f'changed on both sides: kept the newer "{kept}", the other was "{other}"',
            )
