"""Repository functions for the code tree: add, edit, move, merge, delete."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from annotator.db.models import Code, Passage
from annotator.db.passages import bury_passages, record_tombstones
from annotator.errors import CodeNameConflict, InvalidOperation, NotFoundError
from annotator.records import CodeInfo

# Medium-saturation colours that stay readable as a highlight behind black text.
PALETTE = (
    "#F2C94C", "#8FD3A8", "#9CC3F0", "#F4A6A6", "#C7A8E8", "#F7BE8A",
    "#A8DADC", "#D9E38A", "#E8A8D0", "#B8C4CE",
)
_COLOUR_RE = re.compile(r"^#[0-9A-Fa-f]{6}$")


def normalise_colour(colour: str) -> str:
    colour = colour.strip()
    if not colour.startswith("#"):
        colour = "#" + colour
    if len(colour) == 9:  # "#RRGGBBAA" from other tools: drop alpha
        colour = colour[:7]
    if not _COLOUR_RE.match(colour):
        raise InvalidOperation(f"not a colour: {colour!r} (expected #RRGGBB)")
    return colour.upper()


def get_code(session: Session, code_id: int) -> Code:
    code = session.get(Code, code_id)
    if code is None:
        raise NotFoundError(f"no code with id {code_id}")
    return code


def children_of(session: Session, parent_id: int | None) -> list[Code]:
    cond = Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id
    return list(session.scalars(select(Code).where(cond).order_by(Code.position, Code.id)))


def code_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Code)) or 0


def sibling_named(
    session: Session, parent_id: int | None, name: str, exclude: int | None = None
) -> Code | None:
    # One indexed lookup (UNIQUE parent_id, name), not every sibling loaded: merging a
    # codebook of 100,000 codes asks this for each of them.
    cond = Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id
    query = select(Code).where(cond, Code.name == name)
    if exclude is not None:
        query = query.where(Code.id != exclude)
    return session.scalars(query.limit(1)).first()


def _clean_name(name: str) -> str:
    name = " ".join(name.split())
    if not name:
        raise InvalidOperation("a code needs a name")
    return name


def _check_free(session: Session, parent_id: int | None, name: str, exclude: int | None) -> None:
    if sibling_named(session, parent_id, name, exclude) is not None:
        raise CodeNameConflict(f"a code named {name!r} already exists at that place in the tree")


def subtree_ids(session: Session, code_id: int) -> list[int]:
    """``code_id`` and all its descendants."""
    ids, frontier = [code_id], [code_id]
    while frontier:
        frontier = list(session.scalars(select(Code.id).where(Code.parent_id.in_(frontier))))
        ids.extend(frontier)
    return ids


def add_code(
    session: Session,
    name: str,
    *,
    parent_id: int | None = None,
    colour: str | None = None,
    definition: str = "",
    keywords: Sequence[str] = (),
    shortcut: str | None = None,
    position: int | None = None,
) -> Code:
    name = _clean_name(name)
    if parent_id is not None:
        get_code(session, parent_id)
    _check_free(session, parent_id, name, None)
    cond = Code.parent_id.is_(None) if parent_id is None else Code.parent_id == parent_id
    siblings = session.scalar(select(func.count()).select_from(Code).where(cond)) or 0
    if colour is None:
        total = session.scalar(select(func.count()).select_from(Code)) or 0
        colour = PALETTE[total % len(PALETTE)]
    code = Code(
        name=name,
        parent_id=parent_id,
        colour=normalise_colour(colour),
        definition=definition.strip(),
        keywords=_clean_keywords(keywords),
        shortcut=(shortcut or None),
        position=siblings,
    )
    session.add(code)
    session.flush()
    if position is not None:
        _place(session, code, parent_id, position)
    return code


def _clean_keywords(keywords: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for kw in keywords:
        kw = kw.strip()
        if kw and kw not in seen:
            seen.append(kw)
    return seen


def update_code(
    session: Session,
    code_id: int,
    *,
    name: str | None = None,
    colour: str | None = None,
    definition: str | None = None,
    keywords: Sequence[str] | None = None,
    shortcut: str | None | bool = False,
) -> Code:
    """Change the given fields; ``shortcut=None`` clears the shortcut, False leaves it."""
    code = get_code(session, code_id)
    if name is not None:
        name = _clean_name(name)
        _check_free(session, code.parent_id, name, code.id)
        code.name = name
    if colour is not None:
        code.colour = normalise_colour(colour)
    if definition is not None:
        code.definition = definition.strip()
    if keywords is not None:
        code.keywords = _clean_keywords(keywords)
    if shortcut is not False:
        code.shortcut = shortcut or None  # type: ignore[assignment]
    session.flush()
    return code


def _place(session: Session, code: Code, parent_id: int | None, position: int) -> None:
    """Put ``code`` at ``position`` among the children of ``parent_id``; renumber siblings."""
    siblings = [c for c in children_of(session, parent_id) if c.id != code.id]
    position = max(0, min(position, len(siblings)))
    siblings.insert(position, code)
    code.parent_id = parent_id
    for i, sibling in enumerate(siblings):
        sibling.position = i
    session.flush()


def move_code(
    session: Session, code_id: int, new_parent_id: int | None, position: int | None = None
) -> Code:
    code = get_code(session, code_id)
    if new_parent_id is not None:
        get_code(session, new_parent_id)
        if new_parent_id in subtree_ids(session, code_id):
            raise InvalidOperation("a code cannot be moved under itself or its own sub-codes")
    _check_free(session, new_parent_id, code.name, code.id)
    old_parent = code.parent_id
    if position is None:
        position = len(children_of(session, new_parent_id))
    _place(session, code, new_parent_id, position)
    if old_parent != new_parent_id:
        for i, sibling in enumerate(children_of(session, old_parent)):
            sibling.position = i
    session.flush()
    return code


def passage_count(session: Session, code_ids: Sequence[int]) -> int:
    return session.scalar(
        select(func.count()).select_from(Passage).where(Passage.code_id.in_(code_ids))
    ) or 0


def merge_codes(session: Session, source_id: int, target_id: int) -> None:
    """Fold ``source`` into ``target``: its passages and sub-codes move there, then it goes.

    A passage that ``target`` already has (same document, span and coder) is not duplicated;
    a sub-code whose name ``target`` already uses is merged recursively.
    """
    if source_id == target_id:
        raise InvalidOperation("a code cannot be merged into itself")
    source, target = get_code(session, source_id), get_code(session, target_id)
    if target.id in subtree_ids(session, source.id):
        raise InvalidOperation("a code cannot be merged into one of its own sub-codes")
    target_keys = {
        (p.document_id, p.coder_id, p.start, p.end)
        for p in session.scalars(select(Passage).where(Passage.code_id == target.id))
    }
    for passage in session.scalars(select(Passage).where(Passage.code_id == source.id)).all():
        key = (passage.document_id, passage.coder_id, passage.start, passage.end)
        if key in target_keys:
            bury_passages(session, Passage.id == passage.id)
            session.delete(passage)
        else:
            passage.code_id = target.id
            target_keys.add(key)
    session.flush()
    for child in children_of(session, source.id):
        twin = sibling_named(session, target.id, child.name)
        if twin is None:
            _place(session, child, target.id, len(children_of(session, target.id)))
        else:
            merge_codes(session, child.id, twin.id)
    target.keywords = _clean_keywords([*target.keywords, *source.keywords])
    parent = source.parent_id
    record_tombstones(session, "code", [(source.guid, source.name)])
    session.execute(delete(Code).where(Code.id == source.id))
    session.expire_all()
    for i, sibling in enumerate(children_of(session, parent)):
        sibling.position = i
    session.flush()


def delete_code(session: Session, code_id: int, *, bury: bool = True) -> int:
    """Delete a code, its sub-codes and their passages; returns how many passages went.
    ``bury=False`` only to undo the code's creation (as for passages, see
    :func:`annotator.db.passages.remove_passage`)."""
    code = get_code(session, code_id)
    parent = code.parent_id
    subtree = subtree_ids(session, code_id)
    removed = passage_count(session, subtree)
    if bury:
        bury_passages(session, Passage.code_id.in_(subtree))
        record_tombstones(
            session, "code",
            session.execute(select(Code.guid, Code.name).where(Code.id.in_(subtree))),
        )
    # Foreign keys cascade to sub-codes and passages inside SQLite.
    session.execute(delete(Code).where(Code.id == code_id))
    session.expire_all()
    for i, sibling in enumerate(children_of(session, parent)):
        sibling.position = i
    session.flush()
    return removed


def list_codes(session: Session, *, counts: bool = True) -> list[CodeInfo]:
    """Every code in tree order (depth first, by position), with its own passage count
    (``counts=False``: 0 each, and the passages are not counted)."""
    counts_of: dict[int, int] = {}
    if counts:
        counts_of = dict(session.execute(
            select(Passage.code_id, func.count()).group_by(Passage.code_id)).all())
    by_parent: dict[int | None, list[Code]] = {}
    for code in session.scalars(select(Code).order_by(Code.position, Code.id)):
        by_parent.setdefault(code.parent_id, []).append(code)
    out: list[CodeInfo] = []
    # Depth first with a stack, not recursion: an imported tree may be deep.
    stack: list[tuple[Code, tuple[str, ...]]] = [(c, ()) for c in reversed(by_parent.get(None, []))]
    while stack:
        code, path = stack.pop()
        own = (*path, code.name)
        out.append(to_info(code, own, counts_of.get(code.id, 0)))
        stack.extend((c, own) for c in reversed(by_parent.get(code.id, [])))
    return out


def code_info(session: Session, code_id: int) -> CodeInfo:
    """One code with its path and own passage count, without listing the tree."""
    code = get_code(session, code_id)
    path = [code.name]
    parent = code.parent_id
    while parent is not None:
        row = session.execute(select(Code.name, Code.parent_id).where(Code.id == parent)).one()
        path.append(row[0])
        parent = row[1]
    return to_info(code, tuple(reversed(path)), passage_count(session, [code_id]))


def to_info(code: Code, path: tuple[str, ...], count: int = 0) -> CodeInfo:
    return CodeInfo(
        id=code.id,
        guid=code.guid,
        parent_id=code.parent_id,
        name=code.name,
        colour=code.colour,
        definition=code.definition,
        keywords=tuple(code.keywords or ()),
        shortcut=code.shortcut,
        position=code.position,
        path=path,
        passage_count=count,
    )


def find_by_path(session: Session, path: Sequence[str]) -> Code | None:
    parent: int | None = None
    code: Code | None = None
    for name in path:
        code = sibling_named(session, parent, name)
        if code is None:
            return None
        parent = code.id
    return code



def shortcut_owner(session: Session, shortcut: str | None) -> int | None:
    """The id of the code that uses ``shortcut``, if any."""
    if not shortcut:
        return None
    return session.scalar(select(Code.id).where(Code.shortcut == shortcut).limit(1))
