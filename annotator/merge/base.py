"""The state a blind copy started from, kept in the copy's ``meta`` table.

With it a merge can tell which side changed a code name, a parent, a title or an attribute
since the copy was made, and take a change made on one side only. Without it (a file copied
by hand) every difference counts as a conflict and our side is kept.

The same record, taken of the other file at each merge, is what we last saw of it
(:mod:`annotator.merge.seen`): a value they have not changed since is not decided again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final, TypeVar

from annotator.db import merge_store as store

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

BASE_KEY: Final = "merge_base"
T = TypeVar("T")


class _Unknown:
    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN: Final = _Unknown()  # no record of the copy's starting value


@dataclass(frozen=True)
class BaseCode:
    name: str
    parent: str | None  # parent guid
    colour: str
    definition: str
    keywords: tuple[str, ...]
    shortcut: str | None


@dataclass(frozen=True)
class CopyBase:
    coder: str
    source: str
    copied_at: str
    codes: dict[str, BaseCode]  # by code guid
    titles: dict[str, str]  # by document guid
    attributes: dict[str, dict[str, str]]  # document guid -> key -> value

    def code(self, guid: str) -> BaseCode | None:
        return self.codes.get(guid)

    def attribute(self, doc_guid: str, key: str) -> str | None | _Unknown:
        """The value at copy time; None if the document had no such key then; UNKNOWN if
        the document was not in the copy."""
        if doc_guid not in self.attributes:
            return UNKNOWN
        return self.attributes[doc_guid].get(key)


def take_base(session: Session, *, coder: str, source: str, copied_at: str) -> CopyBase:
    rows = store.code_rows(session)
    guid_of = {c.id: c.guid for c in rows}
    codes = {
        c.guid: BaseCode(
            c.name, guid_of.get(c.parent_id) if c.parent_id else None, c.colour, c.definition,
            c.keywords, c.shortcut,
        )
        for c in rows
    }
    titles: dict[str, str] = {}
    attributes: dict[str, dict[str, str]] = {}
    doc_guid: dict[int, str] = {}
    for doc_id, guid, title in store.document_titles(session):
        titles[guid], attributes[guid], doc_guid[doc_id] = title, {}, guid
    for doc_id, key, value in store.attribute_values(session):
        attributes[doc_guid[doc_id]][key] = value
    return CopyBase(coder, source, copied_at, codes, titles, attributes)


def base_payload(base: CopyBase) -> dict[str, Any]:
    return {
        "coder": base.coder,
        "source": base.source,
        "copied_at": base.copied_at,
        "codes": {
            g: [c.name, c.parent, c.colour, c.definition, list(c.keywords), c.shortcut]
            for g, c in base.codes.items()
        },
        "titles": base.titles,
        "attributes": base.attributes,
    }


def base_from_payload(data: dict[str, Any]) -> CopyBase:
    """The inverse of :func:`base_payload`; raises ValueError, KeyError or TypeError."""
    codes = {
        g: BaseCode(str(n), p, str(col), str(d), tuple(k), s)
        for g, (n, p, col, d, k, s) in data["codes"].items()
    }
    return CopyBase(
        str(data.get("coder", "")), str(data.get("source", "")),
        str(data.get("copied_at", "")), codes, dict(data["titles"]),
        {g: dict(a) for g, a in data["attributes"].items()},
    )


def write_base(session: Session, base: CopyBase) -> None:
    text = json.dumps(base_payload(base), ensure_ascii=False, separators=(",", ":"))
    store.write_meta(session, BASE_KEY, text)


def read_base(session: Session) -> CopyBase | None:
    """The copy's starting state, or None if the file was not made by copy-for-coder (or
    the record is unreadable: then the merge is merely more cautious)."""
    text = store.read_meta(session, BASE_KEY)
    if not text:
        return None
    try:
        return base_from_payload(json.loads(text))
    except (ValueError, KeyError, TypeError):
        return None


def pick(
    base: T | _Unknown, ours: T, theirs: T, seen: T | _Unknown = UNKNOWN
) -> tuple[T, bool, bool, bool]:
    """Three-way choice of one value: (value, taken from theirs, conflict, settled).

    A change made on one side only since the copy is taken; when both sides changed it,
    or the starting value is unknown, ours is kept and it is a conflict.

    ``seen`` is their value at our last merge of the same file. If they still have it,
    that merge already took it or reported it, and anything done here since is our
    decision: ours is kept and nothing is reported again. ``settled`` then says whether
    it would otherwise have been a conflict (for the count of those left as they were)."""
    if ours == theirs:
        return ours, False, False, False
    if seen is not UNKNOWN and theirs == seen:
        both = base is UNKNOWN or (ours != base and theirs != base)
        return ours, False, False, both
    if base is not UNKNOWN:
        if ours == base:
            return theirs, True, False, False
        if theirs == base:
            return ours, False, False, False
    return ours, False, True, False
