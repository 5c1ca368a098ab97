"""Merging the code tree by guid: renames and moves kept, new codes added under their parent.

A change made on one side only since the copy was made is taken; when both sides changed a
name or place (or the file has no record of the copy) ours is kept and theirs is reported.
Keywords are united rather than chosen. A code deleted here stays deleted unless the other
file has new passages on it (or on a new sub-code): then it is recreated and reported.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import TYPE_CHECKING

from annotator.db import codes as code_repo
from annotator.db import merge_store as store
from annotator.db.exchange import set_code_guid
from annotator.db.merge_store import CodeRow as TheirCode
from annotator.db.passages import forget_tombstones
from annotator.errors import CodeNameConflict, InvalidOperation
from annotator.merge.base import UNKNOWN, BaseCode, pick
from annotator.merge.report import ConflictKind
from annotator.merge.state import MergeState

if TYPE_CHECKING:
    from annotator.db.models import Code

CLASH_MARK = "合并"  # a new code whose name is taken here becomes "名称（合并）"


def clash_name(name: str, n: int) -> str:
    return f"{name}（{CLASH_MARK}{n if n > 1 else ''}）"


def _is_clash_name(ours: str, theirs: str) -> bool:
    """Ours is the suffixed name an earlier merge gave their code: not a rename."""
    return re.fullmatch(re.escape(theirs) + f"（{CLASH_MARK}\\d*）", ours) is not None


def _their_tree(st: MergeState) -> list[TheirCode]:
    """Their codes, parents before children, siblings in order."""
    by_parent: dict[int | None, list[TheirCode]] = defaultdict(list)
    for c in store.code_rows(st.theirs):
        by_parent[c.parent_id].append(c)
    out: list[TheirCode] = []

    def walk(parent: int | None) -> None:
        for c in by_parent.get(parent, []):
            out.append(c)
            walk(c.id)

    walk(None)
    return out


def merge_code_tree(st: MergeState) -> None:
    ours = store.codes_by_guid(st.ours)
    tree = _their_tree(st)
    their_guid = {c.id: c.guid for c in tree}
    children: dict[int | None, list[TheirCode]] = defaultdict(list)
    for c in tree:
        children[c.parent_id].append(c)
    needed: dict[int, bool] = {}
    for c in reversed(tree):  # children before parents
        if c.guid in ours:
            continue
        needed[c.id] = (
            c.guid not in st.buried["code"]
            or st.incoming_codes[c.id] > 0
            or any(needed.get(k.id, False) for k in children[c.id])
        )
    our_guid = {c.id: c.guid for c in ours.values()}
    for c in tree:
        if c.guid in ours:
            st.code_map[c.id] = ours[c.guid].id
            _update(st, ours[c.guid], c, our_guid, their_guid)
        elif needed[c.id]:
            st.code_map[c.id] = _add(st, c)
        else:
            st.code_map[c.id] = None
            st.report.kept_deleted["code"] += 1


def _label(st: MergeState, code_id: int) -> str:
    names: list[str] = []
    current: int | None = code_id
    while current is not None:
        code = code_repo.get_code(st.ours, current)
        names.append(code.name)
        current = code.parent_id
    return f'code "{" / ".join(reversed(names))}"'


def _add(st: MergeState, c: TheirCode) -> int:
    report = st.report
    parent_id: int | None = None
    if c.parent_id is not None:
        parent_id = st.code_map.get(c.parent_id)
        if parent_id is None:
            report.conflict(ConflictKind.PARENT_MISSING, f'code "{c.name}"',
                            "its parent is not in this project: added at the top level")
    name, n = c.name, 1
    while code_repo.sibling_named(st.ours, parent_id, name) is not None:
        name = clash_name(c.name, n)
        n += 1
    shortcut = c.shortcut
    if shortcut and code_repo.shortcut_owner(st.ours, shortcut) is not None:
        shortcut = None
    try:
        colour: str | None = code_repo.normalise_colour(c.colour)
    except InvalidOperation:
        colour = None
    code = code_repo.add_code(
        st.ours, name, parent_id=parent_id, colour=colour, definition=c.definition,
        keywords=c.keywords, shortcut=shortcut,
    )
    set_code_guid(st.ours, code.id, c.guid)  # the same code on both sides from now on
    report.codes_added += 1
    label = _label(st, code.id)
    if name != c.name:
        report.conflict(ConflictKind.NAME_CLASH, label,
                        f'another code here is already called "{c.name}": added as "{name}"')
    if shortcut != c.shortcut:
        report.conflict(ConflictKind.CODE_DETAILS, label,
                        f"shortcut {c.shortcut} is taken here: left out")
    if c.guid in st.buried["code"]:
        forget_tombstones(st.ours, "code", [c.guid])
        used = st.incoming_codes[c.id]
        why = f"{used} new passage(s) on it" if used else "new sub-codes or passages under it"
        report.conflict(ConflictKind.CODE_DELETED_HERE, label,
                        f"deleted here, but the other file has {why}: recreated")
    return code.id


def _update(
    st: MergeState, ours: Code, c: TheirCode, our_guid: dict[int, str], their_guid: dict[int, str]
) -> None:
    b = st.base.code(c.guid) if st.base else None
    seen = st.last_seen.code(c.guid) if st.last_seen else None
    label = _label(st, ours.id)
    report = st.report
    updated = False
    # name
    if not _is_clash_name(ours.name, c.name):
        name, take, conflict, settled = pick(
            b.name if b else UNKNOWN, ours.name, c.name, seen.name if seen else UNKNOWN
        )
        report.conflicts_unchanged += settled
        if take:
            try:
                code_repo.update_code(st.ours, ours.id, name=name)
                updated = True
            except CodeNameConflict:
                conflict = True
        if conflict:
            report.conflict(ConflictKind.CODE_NAME, label,
                            f'kept "{ours.name}"; the other file calls it "{c.name}"')
    # place: compared by the parents' guids
    mine = our_guid.get(ours.parent_id) if ours.parent_id is not None else None
    their_parent = their_guid.get(c.parent_id) if c.parent_id is not None else None
    parent, take, conflict, settled = pick(
        b.parent if b else UNKNOWN, mine, their_parent, seen.parent if seen else UNKNOWN
    )
    report.conflicts_unchanged += settled
    if take:
        target = st.code_map.get(c.parent_id) if c.parent_id is not None else None
        if c.parent_id is not None and target is None:
            conflict = True
        else:
            try:
                code_repo.move_code(st.ours, ours.id, target)
                updated = True
            except (CodeNameConflict, InvalidOperation):
                conflict = True
    if conflict:
        report.conflict(ConflictKind.CODE_PLACE, label,
                        "moved on both sides: kept our place; the other file has it under "
                        + (f'"{_their_name(st, c.parent_id)}"' if c.parent_id else "the top"))
    updated = _update_details(st, ours, c, b, seen, label) or updated
    if updated:
        report.codes_updated += 1


def _their_name(st: MergeState, code_id: int | None) -> str:
    return store.code_name(st.theirs, code_id) or "?"


def _update_details(
    st: MergeState, ours: Code, c: TheirCode, b: BaseCode | None, seen: BaseCode | None,
    label: str,
) -> bool:
    changes: dict[str, object] = {}
    clashes: list[str] = []
    unchanged = False
    for attr in ("colour", "definition", "shortcut"):
        mine, theirs = getattr(ours, attr), getattr(c, attr)
        value, take, conflict, settled = pick(
            getattr(b, attr) if b else UNKNOWN, mine, theirs,
            getattr(seen, attr) if seen else UNKNOWN,
        )
        unchanged = unchanged or settled
        if take and attr == "shortcut" and value:
            owner = code_repo.shortcut_owner(st.ours, value)
            if owner not in (None, ours.id):
                take, conflict = False, True
        if take:
            changes[attr] = value
        elif conflict:
            clashes.append(f"{attr}: kept {mine!r}, the other file has {theirs!r}")
    # keywords: one side's edit is taken; edits on both sides are united, nothing dropped
    # (not again, though, once they are as our last merge saw them: ours may drop some)
    mine_kw = tuple(ours.keywords or ())
    value, take, conflict, _ = pick(
        b.keywords if b else UNKNOWN, mine_kw, c.keywords, seen.keywords if seen else UNKNOWN
    )
    if conflict:
        value = (*mine_kw, *(k for k in c.keywords if k not in mine_kw))
    if value != mine_kw:
        changes["keywords"] = list(value)
    if clashes:
        st.report.conflict(ConflictKind.CODE_DETAILS, label, "; ".join(clashes))
    elif unchanged:  # one item, as it is reported
        st.report.conflicts_unchanged += 1
    if not changes:
        return False
    code_repo.update_code(st.ours, ours.id, **changes)  # type: ignore[arg-type]
    return True
