"""Deletions leave tombstones (so a merge knows "deleted here"); undo takes them away again."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from sqlalchemy import select

from annotator.db.models import DocumentAttribute, Tombstone
from annotator.merge import ConflictKind, copy_for_coder, merge_project
from annotator.project import Project


def tombstones(project: Project) -> set[tuple[str, str]]:
    with project.session_scope() as s:
        return {(k, g) for k, g in s.execute(select(Tombstone.kind, Tombstone.guid))}


def test_removed_passage_and_its_undo(project: Project, article) -> None:
    code = project.add_code("机制协同")
    p = project.apply_code(article.id, code.id, 0, 4)
    gone = project.remove_passage(p.id)
    assert tombstones(project) == {("passage", p.guid)}
    project.restore_passage(gone)
    assert tombstones(project) == set()


def test_undone_coding_leaves_no_tombstone(project: Project, article) -> None:
    """Ctrl+Z after coding takes the step back: nothing for a merge to keep deleted, and no
    row left behind however often a coder codes and undoes."""
    code = project.add_code("机制协同")
    for start in range(20):
        p, created = project.code_span(article.id, code.id, start, start + 3)
        assert created
        project.remove_passage(p.id, undoing_creation=True)
    assert tombstones(project) == set() and project.passages() == []
    # redo, then a removal of its own: that one is remembered
    p, _ = project.code_span(article.id, code.id, 0, 4)
    gone = project.remove_passage(p.id, undoing_creation=True)
    back = project.restore_passage(gone)
    assert back.guid == p.guid and tombstones(project) == set()
    project.remove_passage(back.id)
    assert tombstones(project) == {("passage", p.guid)}


def _hand_copy(project: Project, target: Path) -> None:
    src, dst = sqlite3.connect(project.path), sqlite3.connect(target)
    src.backup(dst)
    src.close(), dst.close()


def test_passage_deleted_after_a_copy_is_not_brought_back(
    project: Project, article, tmp_path: Path
) -> None:
    code = project.add_code("机制协同")
    p = project.apply_code(article.id, code.id, 0, 4)
    kept = project.apply_code(article.id, code.id, 5, 9)
    blind, by_hand = tmp_path / "乙.annot", tmp_path / "丙.annot"
    copy_for_coder(project, blind, "乙")
    _hand_copy(project, by_hand)  # has both passages
    project.remove_passage(p.id)
    for other in (blind, by_hand):
        report = merge_project(project, other)
        assert [x.guid for x in project.passages()] == [kept.guid]
        assert report.passages_added == 0
    assert report.kept_deleted["passage"] == 1


def test_undone_and_removed_codings_in_a_copy(project: Project, article, tmp_path: Path) -> None:
    """In 乙's copy: a coding undone never reaches 甲's project and is never reported; one
    merged into it and then removed by 乙 is reported as deleted there (and kept)."""
    code = project.add_code("机制协同")
    copy = tmp_path / "乙.annot"
    copy_for_coder(project, copy, "乙")
    with Project.open(copy, coder="乙") as b:
        doc = b.documents()[0].id
        merged, _ = b.code_span(doc, code.id, 0, 4)
        undone, _ = b.code_span(doc, code.id, 5, 9)
        b.remove_passage(undone.id, undoing_creation=True)
    first = merge_project(project, copy)
    assert [p.guid for p in project.passages()] == [merged.guid] and not first.conflicts
    with Project.open(copy, coder="乙") as b:
        b.remove_passage(merged.id)
        assert tombstones(b) == {("passage", merged.guid)}
    second = merge_project(project, copy)
    assert [p.guid for p in project.passages()] == [merged.guid]
    (gone,) = second.conflicts_of(ConflictKind.DELETED_THERE)
    assert gone.item == "passage 1:0-4"


def test_deleted_code_buries_subtree_and_passages_and_undo_clears(
    project: Project, article
) -> None:
    parent = project.add_code("区域协同创新")
    child = project.add_code("机制协同", parent_id=parent.id)
    keep = project.add_code("开放创新")
    p1 = project.apply_code(article.id, child.id, 0, 4)
    p2 = project.apply_code(article.id, parent.id, 5, 9)
    p3 = project.apply_code(article.id, keep.id, 5, 9)
    snap = project.delete_code(parent.id, confirm=True)
    assert tombstones(project) == {
        ("code", parent.guid), ("code", child.guid), ("passage", p1.guid), ("passage", p2.guid)
    }
    project.restore(snap)
    assert tombstones(project) == set()
    assert {p.guid for p in project.passages()} == {p1.guid, p2.guid, p3.guid}


def test_merge_codes_buries_source_and_dropped_duplicates(project: Project, article) -> None:
    src = project.add_code("协同机制")
    dst = project.add_code("机制协同")
    dup = project.apply_code(article.id, src.id, 6, 9)
    moved = project.apply_code(article.id, src.id, 0, 4)
    project.apply_code(article.id, dst.id, 6, 9)
    snap = project.merge_codes(src.id, dst.id)
    assert tombstones(project) == {("code", src.guid), ("passage", dup.guid)}
    assert project.passage(moved.id).code_id == dst.id  # moved, not deleted: no tombstone
    project.restore(snap)
    assert tombstones(project) == set()


def test_deleted_document_buries_it_and_its_passages(project: Project, article) -> None:
    code = project.add_code("机制协同")
    p = project.apply_code(article.id, code.id, 0, 4)
    project.delete_document(article.id, confirm=True)
    assert tombstones(project) == {("document", article.guid), ("passage", p.guid)}
    with project.session_scope() as s:
        label = s.scalar(select(Tombstone.label).where(Tombstone.kind == "document"))
    assert label == "示例文章"


def test_attribute_time_moves_only_when_the_value_changes(project: Project, article) -> None:
    def stamp() -> object:
        with project.session_scope() as s:
            return s.scalar(select(DocumentAttribute.updated_at).where(
                DocumentAttribute.key == "地区"))

    first = stamp()
    assert first is not None
    project.set_attributes(article.id, {"地区": "京津冀"})  # same value
    assert stamp() == first
    time.sleep(0.002)  # timestamps have microsecond resolution; make the order certain
    project.set_attributes(article.id, {"地区": "长三角"})
    assert stamp() > first  # type: ignore[operator]
