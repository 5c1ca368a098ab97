"""Merging passages by guid: new ones added with their coder, memo, origin and time; the
same passage on both sides keeps one row with both memos; deleted here stays deleted."""

from __future__ import annotations

from typing import Any

from annotator.db import exchange as bulk
from annotator.db import merge_store as store
from annotator.db.merge_store import Key
from annotator.db.passages import passage_info
from annotator.merge.report import ConflictKind
from annotator.merge.state import MergeState


class PassageScan:
    """Our passages by guid, and which of theirs are new here (before anything is added)."""

    def __init__(self, st: MergeState) -> None:
        self.ours: dict[str, tuple[int, str]] = store.passage_memos_by_guid(st.ours)
        buried = st.buried["passage"]
        self.incoming_coders: set[int] = set()
        for guid, doc_id, code_id, coder_id in store.passage_heads(st.theirs):
            if guid not in self.ours and guid not in buried:
                st.incoming_codes[code_id] += 1
                st.incoming_docs[doc_id] += 1
                self.incoming_coders.add(coder_id)


def merge_memo(ours: str, theirs: str) -> str | None:
    """The memo to keep, or None to leave ours. Never drops text: when neither contains the
    other, both are kept, ours first."""
    if not theirs or theirs in ours:
        return None
    if not ours or ours in theirs:
        return theirs
    return f"{ours}\n{theirs}"


def merge_passages(st: MergeState, scan: PassageScan) -> None:
    report = st.report
    # Ours by (document, code, coder, span), for the coders whose passages come in: the
    # same coding made in both files under two ids is one passage, not two.
    coders = {st.coder_map[c] for c in scan.incoming_coders}
    by_key: dict[Key, tuple[int, str]] = store.passages_by_key(st.ours, coders)
    memos: dict[int, str] = {}
    rows: list[dict[str, Any]] = []
    for guid, doc_id, code_id, coder_id, start, end, memo, created, origin in (
        store.iter_passage_rows(st.theirs)
    ):
        hit = scan.ours.get(guid)
        if hit is None and guid in st.buried["passage"]:
            report.kept_deleted["passage"] += 1
            continue
        if hit is None:
            doc, code = st.doc_map[doc_id], st.code_map[code_id]
            # Both were recreated or mapped because this passage is new here.
            assert doc is not None and code is not None
            key = (doc, code, st.coder_map[coder_id], start, end)
            hit = by_key.get(key)
            if hit is None:
                rows.append({
                    "guid": guid, "document_id": doc, "code_id": code,
                    "coder_id": key[2], "start": start, "end": end, "memo": memo,
                    "created_at": created, "origin": origin,
                })
                by_key[key] = (-1, memo)
                continue
        report.passages_matched += 1
        our_id, our_memo = hit
        new = merge_memo(memos.get(our_id, our_memo), memo)
        if new is None or our_id < 0:
            continue
        memos[our_id] = new
        report.memos_updated += 1
        if our_memo and new != memo:
            report.conflict(ConflictKind.MEMO, _passage_label(st, our_id),
                            f"different memos on both sides: both kept ({our_memo!r} / {memo!r})")
    bulk.insert_passages(st.ours, rows)
    report.passages_added += len(rows)
    store.set_memos(st.ours, memos)


def _passage_label(st: MergeState, passage_id: int) -> str:
    info = passage_info(st.ours, passage_id)
    text = info.text if len(info.text) <= 20 else info.text[:20] + "…"
    return f"passage «{text}» ({info.coder_name})"
