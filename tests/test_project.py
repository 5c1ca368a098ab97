"""The project core through its Python API: documents, codes, passages, safety."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from annotator.db import schema
from annotator.errors import (
    CodeNameConflict,
    ConfirmationRequired,
    InvalidOperation,
    ProjectError,
    SchemaTooNewError,
)
from annotator.project import Project


def test_create_refuses_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "x.annot"
    target.write_text("keep me")
    with pytest.raises(ProjectError, match="already exists"):
        Project.create(target)
    assert target.read_text() == "keep me"


def test_open_refuses_non_project(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.annot"
    bogus.write_text("just text")
    with pytest.raises(ProjectError, match="not an annotator project"):
        Project.open(bogus)
    with pytest.raises(ProjectError, match="no such project"):
        Project.open(tmp_path / "missing.annot")


def test_sqlite_settings(project: Project) -> None:
    con = sqlite3.connect(project.path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.close()
    with project.session_scope() as s:
        assert s.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_astral_offsets_survive_reload(project: Project, article) -> None:
    text = project.document_text(article.id)
    start = text.index("𠮷𠮷")
    code = project.add_code("资源协同")
    project.apply_code(article.id, code.id, start, start + 2)
    path = project.path
    project.close()
    with Project.open(path) as again:
        (p,) = again.passages(code_id=code.id)
        assert (p.start, p.end, p.text) == (start, start + 2, "𠮷𠮷")
        after = again.document_text(article.id)[p.end : p.end + 4]
        assert after == "两字在外"


def test_same_span_not_duplicated_but_other_coder_is(project: Project, article) -> None:
    code = project.add_code("机制协同")
    a = project.apply_code(article.id, code.id, 5, 12)
    b = project.apply_code(article.id, code.id, 5, 12)
    assert a.id == b.id
    project.set_coder("乙")
    c = project.apply_code(article.id, code.id, 5, 12)
    assert c.id != a.id and c.coder_name == "乙"
    assert project.stats().passages == 2
    assert project.stats().coders == 2


def test_overlapping_and_nested_passages(project: Project, article) -> None:
    x, y = project.add_code("X"), project.add_code("Y")
    project.apply_code(article.id, x.id, 0, 20)
    project.apply_code(article.id, y.id, 5, 10)
    project.apply_code(article.id, x.id, 15, 30)
    assert len(project.passages(document_id=article.id)) == 3


def test_bad_spans_are_refused(project: Project, article) -> None:
    code = project.add_code("X")
    for start, end in [(5, 5), (-1, 3), (0, article.length + 1), (9, 3)]:
        with pytest.raises(InvalidOperation):
            project.apply_code(article.id, code.id, start, end)
    assert project.stats().passages == 0


def test_memo_and_remove(project: Project, article) -> None:
    code = project.add_code("X")
    p = project.apply_code(article.id, code.id, 0, 4)
    project.set_memo(p.id, "  重要  ")
    assert project.passage(p.id).memo == "重要"
    gone = project.remove_passage(p.id)
    assert project.passages() == []
    project.restore_passage(gone)
    assert project.passage(p.id).memo == "重要"


def test_code_tree_operations(project: Project, article) -> None:
    parent = project.add_code("区域协同创新")
    a = project.add_code("机制协同", parent_id=parent.id)
    b = project.add_code("政策协同", parent_id=parent.id)
    with pytest.raises(CodeNameConflict):
        project.add_code("机制协同", parent_id=parent.id)
    with pytest.raises(CodeNameConflict):
        project.add_code("区域协同创新")
    with pytest.raises(CodeNameConflict):
        project.rename_code(b.id, "机制协同")
    project.rename_code(b.id, "政策互认")
    project.recolour_code(b.id, "#112233")
    assert project.code(b.id).name == "政策互认" and project.code(b.id).colour == "#112233"
    # a code keeps its passages through rename and move
    project.apply_code(article.id, b.id, 0, 4)
    other = project.add_code("开放创新")
    project.move_code(b.id, other.id)
    moved = project.code(b.id)
    assert moved.path == ("开放创新", "政策互认") and moved.passage_count == 1
    with pytest.raises(InvalidOperation):
        project.move_code(other.id, b.id)  # under its own child
    project.move_code(a.id, None, position=0)
    assert [c.name for c in project.codes() if c.parent_id is None][0] == "机制协同"


def test_merge_moves_passages_and_children(project: Project, article) -> None:
    src = project.add_code("协同机制", keywords=["联席会议"])
    child = project.add_code("联席会议", parent_id=src.id)
    dst = project.add_code("机制协同", keywords=["跨区域"])
    project.apply_code(article.id, src.id, 0, 4)
    project.apply_code(article.id, src.id, 6, 9)
    project.apply_code(article.id, dst.id, 6, 9)  # same span already on target
    project.apply_code(article.id, child.id, 10, 12)
    snap = project.merge_codes(src.id, dst.id)
    codes = {c.path: c for c in project.codes()}
    assert ("协同机制",) not in codes
    assert codes[("机制协同",)].passage_count == 2
    assert codes[("机制协同", "联席会议")].passage_count == 1
    assert set(codes[("机制协同",)].keywords) == {"跨区域", "联席会议"}
    assert project.stats().passages == 3
    project.restore(snap)
    codes = {c.path: c for c in project.codes()}
    assert codes[("协同机制",)].passage_count == 2
    assert codes[("机制协同",)].passage_count == 1
    assert codes[("协同机制", "联席会议")].passage_count == 1
    assert project.stats().passages == 4


def test_delete_needs_confirmation_with_passages(project: Project, article) -> None:
    parent = project.add_code("A")
    child = project.add_code("B", parent_id=parent.id)
    project.apply_code(article.id, child.id, 0, 3)
    with pytest.raises(ConfirmationRequired) as info:
        project.delete_code(parent.id)
    assert info.value.passage_count == 1
    assert project.stats() .passages == 1 and len(project.codes()) == 2
    snap = project.delete_code(parent.id, confirm=True)
    assert project.codes() == [] and project.stats().passages == 0
    project.restore(snap)
    assert [c.path for c in project.codes()] == [("A",), ("A", "B")]
    assert project.stats().passages == 1
    empty = project.add_code("空")
    project.delete_code(empty.id)  # nothing coded: no confirmation needed


def test_attributes_are_editable(project: Project, article) -> None:
    project.set_attributes(article.id, {"文号": "国办发〔2016〕1号", "地区": ""})
    attrs = project.document(article.id).attributes
    assert attrs == {"文号": "国办发〔2016〕1号"}


def test_duplicate_text_is_not_added_twice(project: Project, article) -> None:
    from tests.conftest import ARTICLE

    again = project.add_document("别名", ARTICLE.replace("\n", "\r\n"))
    assert again.id == article.id
    assert project.stats().documents == 1


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.annot"
    Project.create(path).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    with pytest.raises(SchemaTooNewError, match="newer"):
        Project.open(path)


def test_older_schema_is_migrated_after_backup(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "old.annot"
    with Project.create(path) as proj:
        proj.add_code("旧编码")
    ran: list[int] = []

    def step(conn) -> None:
        ran.append(1)
        conn.exec_driver_sql("ALTER TABLE codes ADD COLUMN note TEXT")

    monkeypatch.setattr(schema, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)
    monkeypatch.setitem(schema.MIGRATIONS, schema.SCHEMA_VERSION - 1, step)
    import annotator.project as project_module

    monkeypatch.setattr(project_module, "SCHEMA_VERSION", schema.SCHEMA_VERSION)
    with Project.open(path) as proj:
        assert ran == [1]
        assert proj.migration_backup is not None and proj.migration_backup.exists()
        assert [c.name for c in proj.codes()] == ["旧编码"]
    con = sqlite3.connect(proj.migration_backup)
    old = con.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0]
    con.close()
    assert int(old) == schema.SCHEMA_VERSION - 1
    with Project.open(path) as proj:
        assert ran == [1]  # already migrated: nothing runs twice


def test_failed_migration_leaves_file_as_it_was(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "old.annot"
    with Project.create(path) as proj:
        proj.add_code("旧编码")

    def broken(conn) -> None:
        conn.exec_driver_sql("ALTER TABLE codes ADD COLUMN note TEXT")
        raise RuntimeError("boom")

    monkeypatch.setattr(schema, "SCHEMA_VERSION", schema.SCHEMA_VERSION + 1)
    monkeypatch.setitem(schema.MIGRATIONS, schema.SCHEMA_VERSION - 1, broken)
    with pytest.raises(RuntimeError):
        Project.open(path)
    monkeypatch.undo()
    with Project.open(path) as proj:
        assert [c.name for c in proj.codes()] == ["旧编码"]
