"""What we saw of the other file at our last merge of it, kept in this project's ``meta``.

A conflict is reported once. Merging the same file again finds their value as it was then
and keeps ours without a word (:func:`annotator.merge.base.pick`); a value they have
changed since is decided, and reported, afresh. The items they had deleted and we kept are
remembered too, so that "deleted there" is not reported on every merge either.

The record is keyed by the other file's identity: for a blind copy its own record of the
copy (coder, source, time), wherever the file now lies; for a file without one, its path.
A record that does not fit the file (two files under one identity) can only make a merge
keep ours where it would have reported a conflict or taken theirs: it never takes theirs.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

from annotator.db.merge_store import read_meta, write_meta
from annotator.merge.base import CopyBase, base_from_payload, base_payload, take_base

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

SEEN_PREFIX: Final = "merge_seen:"


@dataclass(frozen=True)
class Seen:
    state: CopyBase  # their codes, titles and attributes at our last merge
    deleted_there: frozenset[str]  # "kind:guid" of their deletions we kept


def identity(base: CopyBase | None, path: Path) -> str:
    if base is not None:
        return f"copy for {base.coder} of {base.source} made {base.copied_at}"
    return f"file {path.resolve()}"


def seen_key(ident: str) -> str:
    return SEEN_PREFIX + hashlib.sha256(ident.encode()).hexdigest()[:16]


def read_seen(session: Session, ident: str) -> Seen | None:
    """The record of our last merge of that file; None if there was none (or it cannot be
    read: then the merge decides everything afresh, as the first time)."""
    text = read_meta(session, seen_key(ident))
    if not text:
        return None
    try:
        data: dict[str, Any] = json.loads(text)
        return Seen(base_from_payload(data["state"]), frozenset(map(str, data["deleted_there"])))
    except (ValueError, KeyError, TypeError):
        return None


def write_seen(
    ours: Session, theirs: Session, ident: str, *, merged_at: str, deleted_there: set[str]
) -> None:
    """Remember the other file as this merge saw it (unless that is already the record)."""
    base = take_base(theirs, coder="", source=ident, copied_at=merged_at)
    payload = base_payload(base)
    text = json.dumps(
        {"of": ident, "state": payload, "deleted_there": sorted(deleted_there)},
        ensure_ascii=False, separators=(",", ":"),
    )
    old = read_seen(ours, ident)
    if old is not None and old.deleted_there == deleted_there and (
        base_payload(old.state) | {"copied_at": merged_at} == payload
    ):
        return  # nothing new seen: leave the file as it is
    write_meta(ours, seen_key(ident), text)
