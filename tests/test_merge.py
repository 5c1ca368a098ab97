"""Blind double coding: 甲 codes the sample articles, 乙 codes a blind copy, the copy is merged
back. Expectations are each side's own records taken before the merge, never the merge's."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from annotator.cli import run
from annotator.db.models import Tombstone
from annotator.errors import InvalidOperation, ProjectError, SchemaTooNewError
from annotator.merge import ConflictKind, coder_summaries, copy_for_coder, merge_project
from annotator.project import Project

SAMPLES = Path(__file__).parent.parent / "samples"
NEW_TEXT = "关于建设省实验室体系的通知\n一、组建省实验室，纳入国家实验室预备队。"


def code_id(project: Project, path: str) -> int:
    info = project.find_code(path)
    assert info is not None, path
    return info.id


def apply(project: Project, number: int, phrase: str, path: str, memo: str = "") -> None:
    """Code the first occurrence of ``phrase`` in document ``number``."""
    doc = next(d for d in project.documents() if d.number == number)
    start = project.document_text(doc.id).index(phrase)
    project.apply_code(doc.id, code_id(project, path), start, start + len(phrase), memo=memo)


def attrs(project: Project, number: int) -> dict[str, str]:
    return next(d for d in project.documents() if d.number == number).attributes


def set_attr(project: Project, number: int, key: str, value: str) -> None:
    doc = next(d for d in project.documents() if d.number == number)
    project.set_attributes(doc.id, {key: value})


def passages(project: Project) -> dict[str, tuple[Any, ...]]:
    """guid -> (coder, document hash, code guid, start, end, text, memo)."""
    docs = {d.id: d.content_hash for d in project.documents()}
    codes = {c.id: c.guid for c in project.codes()}
    return {
        p.guid: (p.coder_name, docs[p.document_id], codes[p.code_id], p.start, p.end, p.text,
                 p.memo)
        for p in project.passages()
    }


def tombstones(project: Project) -> set[tuple[str, str]]:
    with project.session_scope() as s:
        return {(k, g) for k, g in s.execute(select(Tombstone.kind, Tombstone.guid))}


def dump(project: Project) -> dict[str, Any]:
    """Everything a researcher could see, plus the tombstones."""
    return {
        "documents": sorted(
            (d.guid, d.number, d.title, d.content_hash, sorted(d.attributes.items()))
            for d in project.documents()
        ),
        "codes": sorted(
            (c.guid, c.path, c.colour, c.definition, c.keywords, c.shortcut)
            for c in project.codes()
        ),
        "passages": passages(project),
        "coders": sorted((c.coder.name, c.passages) for c in coder_summaries(project)),
        "tombstones": tombstones(project),
    }


def file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@dataclass
class Study:
    a: Project  # 甲's project, open
    b_path: Path  # 乙's blind copy, closed
    a_passages: dict[str, tuple[Any, ...]]
    b_passages: dict[str, tuple[Any, ...]]
    deleted_code_guid: str
    new_code_guid: str


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample articles and the regional-innovation codebook, imported once (closed)."""
    path = tmp_path_factory.mktemp("template") / "template.annot"
    with Project.create(path, codebook="regional-innovation", coder="甲") as project:
        assert project.import_files([SAMPLES]).count("imported") == 8
    return path


@pytest.fixture
def study(tmp_path: Path, imported: Path):
    shutil.copyfile(imported, tmp_path / "甲.annot")
    a = Project.open(tmp_path / "甲.annot", coder="甲")
    apply(a, 1, "职务科技成果", "创新要素配置/职务成果权属改革", memo="甲：赋权核心")
    apply(a, 2, "联席会议制度", "区域协同创新/机制协同")
    apply(a, 5, "揭榜挂帅", "政府科技管理职能转变/科研项目组织与经费管理")
    apply(a, 8, "创新券", "区域协同创新/资源协同")
    b_path = tmp_path / "乙.annot"
    copy_for_coder(a, b_path, "乙")
    set_attr(a, 1, "作者", "甲改作者")  # before 乙's edit of the same key: 乙's is newer
    deleted = a.find_code("数字化改革/数字化协同治理")
    assert deleted is not None

    with Project.open(b_path, coder="乙") as b:
        apply(b, 1, "职务科技成果", "创新要素配置/职务成果权属改革", memo="乙：同意")  # same span
        apply(b, 2, "联席会议制度", "区域协同创新/政策协同")  # same span, other code
        apply(b, 6, "科技大脑", "数字化改革/科技管理数字平台")
        apply(b, 8, "通用通兑", "区域协同创新/政策协同")
        new = b.add_code("示范应用", parent_id=code_id(b, "创新链产业链融合"))
        apply(b, 3, "新型研发机构", "创新链产业链融合/示范应用")
        b.rename_code(code_id(b, "试点推广/经验复制推广"), "经验复制与推广")
        apply(b, 1, "复制推广", "试点推广/经验复制与推广")
        b.rename_code(code_id(b, "开放创新/人才开放"), "外籍人才开放")
        apply(b, 7, "外籍人才", "开放创新/外籍人才开放")
        apply(b, 6, "一表多用", "数字化改革/数字化协同治理", memo="乙用了甲删掉的编码")
        doc = b.add_document("省实验室通知", NEW_TEXT, attributes={"地区": "江澄"})
        start = NEW_TEXT.index("省实验室，")
        b.apply_code(doc.id, code_id(b, "科技力量体系/实验室体系"), start, start + 4)
        set_attr(b, 1, "作者", "乙改作者")
        set_attr(b, 1, "来源", "乙改来源")  # before 甲's edit of the same key: 甲's is newer
        set_attr(b, 4, "文号", "青市监〔2022〕9号")
        set_attr(b, 5, "作者", "韩书亭（乙核）")
        b_passages = passages(b)

    a.delete_code(deleted.id)
    a.rename_code(code_id(a, "开放创新/人才开放"), "人才引进开放")
    set_attr(a, 1, "来源", "甲改来源")
    apply(a, 6, "科技大脑", "数字化改革/科技管理数字平台")  # agrees with 乙
    yield Study(a, b_path, passages(a), b_passages, deleted.guid, new.guid)
    a.close()


def test_merge_brings_everything_back_once(study: Study) -> None:
    a = study.a
    other_before = file_hash(study.b_path)
    report = merge_project(a, study.b_path)

    # every passage of both coders, exactly once, with its coder, code, span and memo
    expected = {**study.a_passages, **study.b_passages}
    assert len(expected) == len(study.a_passages) + len(study.b_passages) == 5 + 9
    assert passages(a) == expected
    assert report.passages_added == 9 and report.passages_matched == 0
    assert [(c.coder.name, c.passages) for c in coder_summaries(a)] == [("甲", 5), ("乙", 9)]

    # the new code, under its parent, with 乙's guid
    new = a.find_code("创新链产业链融合/示范应用")
    assert new is not None and new.guid == study.new_code_guid and new.passage_count == 1
    # renamed by 乙 only: 乙's name is taken; renamed on both sides: ours kept, reported
    assert a.find_code("试点推广/经验复制与推广") is not None
    assert a.find_code("试点推广/经验复制推广") is None
    assert a.find_code("开放创新/人才引进开放") is not None
    (named,) = report.conflicts_of(ConflictKind.CODE_NAME)
    assert "人才引进开放" in named.item and "外籍人才开放" in named.detail
    # deleted by 甲, used by 乙: recreated with its guid, reported, nothing of 乙's lost
    back = a.find_code("数字化改革/数字化协同治理")
    assert back is not None and back.guid == study.deleted_code_guid
    assert back.passage_count == 1
    (recreated,) = report.conflicts_of(ConflictKind.CODE_DELETED_HERE)
    assert "数字化协同治理" in recreated.item
    assert ("code", study.deleted_code_guid) not in tombstones(a)

    # attributes: the newer edit of each key wins; one-sided edits are taken
    assert attrs(a, 1)["作者"] == "乙改作者"
    assert attrs(a, 1)["来源"] == "甲改来源"
    assert attrs(a, 4)["文号"] == "青市监〔2022〕9号"
    assert attrs(a, 5)["作者"] == "韩书亭（乙核）"
    clashes = {c.item for c in report.conflicts_of(ConflictKind.ATTRIBUTE)}
    assert clashes == {'document "以赋权改革打通科技成果转化“最后一公里”" attribute "作者"',
                       'document "以赋权改革打通科技成果转化“最后一公里”" attribute "来源"'}

    # 乙's new document comes after 甲's last number, with its passage and attribute
    added = next(d for d in a.documents() if d.title == "省实验室通知")
    assert added.number == 9 and added.passage_count == 1 and added.attributes == {"地区": "江澄"}
    assert a.document_text(added.id) == NEW_TEXT
    assert (report.documents_added, report.codes_added, report.coders_added) == (1, 2, 1)

    # the other file was only read
    assert file_hash(study.b_path) == other_before
    assert not list(study.b_path.parent.glob("乙.annot.v*.bak"))


def test_merging_twice_changes_nothing(study: Study) -> None:
    merge_project(study.a, study.b_path)
    before = dump(study.a)
    again = merge_project(study.a, study.b_path)
    assert again.added == 0 and again.changed == 0
    assert again.passages_matched == 9
    assert dump(study.a) == before
    kinds = {c.kind for c in again.conflicts}
    assert ConflictKind.CODE_DELETED_HERE not in kinds and ConflictKind.NAME_CLASH not in kinds


def test_later_deletions_and_memos(study: Study) -> None:
    a = study.a
    merge_project(a, study.b_path)
    by_text = {(p.coder_name, p.text): p for p in a.passages()}
    a.remove_passage(by_text[("乙", "通用通兑")].id)  # 甲 removes one of 乙's
    a.set_memo(by_text[("乙", "科技大脑")].id, "甲补充")
    with Project.open(study.b_path, coder="乙") as b:
        mine = {p.text: p for p in b.passages()}
        b.remove_passage(mine["新型研发机构"].id)  # 乙 removes one of its own
        b.set_memo(mine["科技大脑"].id, "乙修改")
        b.set_memo(mine["联席会议制度"].id, "乙新备注")

    report = merge_project(a, study.b_path)
    after = {(p.coder_name, p.text): p for p in a.passages()}
    # deleted here, unchanged there: stays deleted
    assert ("乙", "通用通兑") not in after and report.kept_deleted["passage"] == 1
    # deleted there, still here: kept and reported
    assert ("乙", "新型研发机构") in after
    (gone,) = report.conflicts_of(ConflictKind.DELETED_THERE)
    assert gone.item.startswith("passage 3:")
    # memos: both texts kept when both changed; a memo set only there is taken
    assert after[("乙", "科技大脑")].memo == "甲补充\n乙修改"
    assert len(report.conflicts_of(ConflictKind.MEMO)) == 1
    assert after[("乙", "联席会议制度")].memo == "乙新备注"
    assert report.added == 0 and report.memos_updated == 2
    before = dump(a)
    third = merge_project(a, study.b_path)
    assert third.changed == 0 and dump(a) == before


def test_same_name_added_on_both_sides(study: Study) -> None:
    a = study.a
    mine = a.add_code("示范工程")
    with Project.open(study.b_path, coder="乙") as b:
        theirs = b.add_code("示范工程")
        apply(b, 2, "联席会议制度", "示范工程")
    report = merge_project(a, study.b_path)
    # never matched by name alone: both kept, theirs under a marked name
    assert a.find_code("示范工程").guid == mine.guid  # type: ignore[union-attr]
    marked = a.find_code("示范工程（合并）")
    assert marked is not None and marked.guid == theirs.guid and marked.passage_count == 1
    (clash,) = report.conflicts_of(ConflictKind.NAME_CLASH)
    assert "示范工程（合并）" in clash.detail
    again = merge_project(a, study.b_path)
    assert again.changed == 0 and not any("示范工程" in c.item for c in again.conflicts)


def test_document_deleted_here_comes_back_for_their_passages(study: Study) -> None:
    a = study.a
    gone = next(d for d in a.documents() if d.number == 6)
    a.delete_document(gone.id, confirm=True)  # 甲 had coded 科技大脑 there; 乙 too
    untouched = next(d for d in a.documents() if d.number == 3)
    report = merge_project(a, study.b_path)
    back = next(d for d in a.documents() if d.content_hash == gone.content_hash)
    assert back.number == 9  # after 甲's last; 乙's new document follows as 10
    # 乙's passages on it come back; 甲's own, deleted with the document, stay deleted
    assert sorted((p.coder_name, p.text) for p in a.passages(document_id=back.id)) == [
        ("乙", "一表多用"), ("乙", "科技大脑")]
    assert report.kept_deleted["passage"] == 0
    (conflict,) = report.conflicts_of(ConflictKind.DOCUMENT_DELETED_HERE)
    assert "2 new passage(s)" in conflict.detail
    assert ("document", gone.guid) not in tombstones(a)
    assert a.document(untouched.id).number == 3


def test_failure_midway_leaves_project_unchanged(
    study: Study, monkeypatch: pytest.MonkeyPatch
) -> None:
    import annotator.merge.merge as merge_module

    before = dump(study.a)

    def boom(st: Any) -> None:
        assert st.report.passages_added == 9  # passages, codes, documents already written
        raise RuntimeError("disk full")

    monkeypatch.setattr(merge_module, "merge_word_lists", boom)
    with pytest.raises(RuntimeError, match="disk full"):
        merge_project(study.a, study.b_path)
    assert dump(study.a) == before
    monkeypatch.undo()
    assert merge_project(study.a, study.b_path).passages_added == 9


def test_dry_run_reports_and_writes_nothing(study: Study) -> None:
    before = dump(study.a)
    report = merge_project(study.a, study.b_path, dry_run=True)
    assert report.dry_run and report.passages_added == 9
    assert dump(study.a) == before


def test_newer_schema_is_refused(study: Study, tmp_path: Path, capsys) -> None:
    newer = tmp_path / "newer.annot"
    shutil.copyfile(study.b_path, newer)
    con = sqlite3.connect(newer)
    con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    before = dump(study.a)
    with pytest.raises(SchemaTooNewError) as info:
        merge_project(study.a, newer)
    assert info.value.path == newer and "version 99 is newer" in str(info.value)
    assert dump(study.a) == before
    code = run(["merge", str(study.a.path), str(newer)])
    err = capsys.readouterr().err
    assert code == 1 and str(newer) in err and "update annotator" in err


def test_not_a_project_and_itself_are_refused(study: Study, tmp_path: Path) -> None:
    junk = tmp_path / "junk.annot"
    junk.write_text("not sqlite")
    with pytest.raises(ProjectError, match="junk.annot: not an annotator project"):
        merge_project(study.a, junk)
    with pytest.raises(InvalidOperation, match="itself"):
        merge_project(study.a, study.a.path)


def test_old_schema_other_is_read_without_touching_it(tmp_path: Path) -> None:
    from test_migrations import make_v1_project  # the frozen schema-1 file

    old = tmp_path / "old.annot"
    make_v1_project(old)
    before = file_hash(old)
    with Project.create(tmp_path / "new.annot", coder="甲") as project:
        report = merge_project(project, old)
        (p,) = project.passages()
        assert (p.text, p.memo, p.coder_name) == ("𠮷联席会议制", "备注", "甲")
        assert project.documents()[0].attributes == {"地区": "京津冀"}
    assert report.documents_added == 1 and report.codes_added == 1
    assert file_hash(old) == before
    assert sorted(x.name for x in tmp_path.iterdir()) == ["new.annot", "old.annot"]


def test_hand_copied_file_is_merged_cautiously(study: Study, tmp_path: Path) -> None:
    """A copy made with the file manager has 甲's passages and no record of the copy: those
    passages match by guid, and a rename there is reported rather than taken."""
    a = study.a
    copied = tmp_path / "copied.annot"
    src, dst = sqlite3.connect(a.path), sqlite3.connect(copied)  # the open file, WAL and all
    src.backup(dst)
    src.close(), dst.close()
    with Project.open(copied, coder="丙") as c:
        c.rename_code(code_id(c, "法治保障"), "法治与顶层设计")
        apply(c, 4, "知识产权质押融资", "创新要素配置/知识产权与科技金融")
    report = merge_project(a, copied)
    assert report.passages_added == 1 and report.passages_matched == 5
    assert a.find_code("法治保障") is not None
    (named,) = report.conflicts_of(ConflictKind.CODE_NAME)
    assert "法治与顶层设计" in named.detail
    assert report.coders_added == 1
    # known by its path: the same difference is not listed again
    again = merge_project(a, copied)
    assert again.conflicts == [] and again.conflicts_unchanged == 1 and again.changed == 0


def test_cli_merge(study: Study, capsys) -> None:
    assert run(["merge", str(study.a.path), str(study.b_path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "dry run" in out and "9 passages" in out
    assert run(["merge", str(study.a.path), str(study.b_path)]) == 0
    out = capsys.readouterr().out
    assert "added: 1 coder, 1 document, 2 codes, 9 passages" in out
    assert "[code-deleted-here]" in out and "[code-name]" in out
    assert run(["merge", str(study.a.path), str(study.b_path)]) == 0
    out = capsys.readouterr().out
    assert "added: 0 coders, 0 documents, 0 codes, 0 passages" in out
    assert "to look at" not in out
    assert "not listed again: 2 earlier conflicts" in out


def test_code_edits_made_in_the_copy_are_taken(study: Study) -> None:
    a = study.a
    with Project.open(study.b_path, coder="乙") as b:
        moved = code_id(b, "开放创新/国际科技合作")
        b.move_code(moved, code_id(b, "区域协同创新"))
        b.update_code(code_id(b, "区域协同创新/机制协同"), keywords=["联席会议", "会商"],
                      definition="跨区域工作与领导机制（乙补充）", colour="#112233")
        child = b.add_code("示范子类", parent_id=code_id(b, "创新链产业链融合/示范应用"))
        apply(b, 4, "知识产权质押融资", "创新链产业链融合/示范应用/示范子类")
    a.update_code(code_id(a, "区域协同创新/机制协同"), keywords=["联席会议", "常态化"])
    report = merge_project(a, study.b_path)
    assert a.find_code("区域协同创新/国际科技合作") is not None
    assert a.find_code("开放创新/国际科技合作") is None
    mech = a.find_code("区域协同创新/机制协同")
    assert mech is not None
    assert mech.definition == "跨区域工作与领导机制（乙补充）" and mech.colour == "#112233"
    # keywords edited on both sides: united, nothing dropped
    assert set(mech.keywords) == {"联席会议", "常态化", "会商"}
    nested = a.find_code("创新链产业链融合/示范应用/示范子类")
    assert nested is not None and nested.guid == child.guid and nested.passage_count == 1
    assert not report.conflicts_of(ConflictKind.CODE_PLACE)
    assert not report.conflicts_of(ConflictKind.PARENT_MISSING)
    assert merge_project(a, study.b_path).changed == 0


def test_code_deleted_there_is_kept_here(study: Study) -> None:
    a = study.a
    with Project.open(study.b_path, coder="乙") as b:
        b.delete_code(code_id(b, "区域协同创新/资源协同"))  # 甲 has coded 创新券 with it
    report = merge_project(a, study.b_path)
    kept = a.find_code("区域协同创新/资源协同")
    assert kept is not None and kept.passage_count == 1
    assert [c.item for c in report.conflicts_of(ConflictKind.DELETED_THERE)] == ["code 资源协同"]


def test_conflicts_are_reported_once(study: Study, tmp_path: Path) -> None:
    """A conflict left as it was is not reported on every merge of the same copy (wherever
    it lies now); once the other coder changes that value again, it is reported again."""
    a = study.a
    first = merge_project(a, study.b_path)
    assert len(first.conflicts_of(ConflictKind.CODE_NAME)) == 1
    assert len(first.conflicts_of(ConflictKind.ATTRIBUTE)) == 2
    before = dump(a)
    moved = tmp_path / "moved" / "乙-returned.annot"
    moved.parent.mkdir()
    shutil.copyfile(study.b_path, moved)
    for other, dry_run in ((study.b_path, True), (study.b_path, False), (moved, False)):
        again = merge_project(a, other, dry_run=dry_run)
        assert again.conflicts == [] and again.changed == 0
        # 甲's name for the code renamed on both sides; 甲's newer 来源
        assert again.conflicts_unchanged == 2
        assert dump(a) == before

    with Project.open(study.b_path, coder="乙") as b:
        b.rename_code(code_id(b, "开放创新/外籍人才开放"), "海外人才开放")
        set_attr(b, 1, "来源", "乙再改来源")
    third = merge_project(a, study.b_path)
    (named,) = third.conflicts_of(ConflictKind.CODE_NAME)
    assert "海外人才开放" in named.detail
    assert a.find_code("开放创新/人才引进开放") is not None  # ours kept, as the first time
    (source,) = third.conflicts_of(ConflictKind.ATTRIBUTE)
    assert '"来源"' in source.item and attrs(a, 1)["来源"] == "乙再改来源"  # now the newer
    assert len(third.conflicts) == 2 and third.conflicts_unchanged == 0
    fourth = merge_project(a, study.b_path)
    assert fourth.conflicts == [] and fourth.conflicts_unchanged == 1 and fourth.changed == 0


def test_changes_made_here_after_a_merge_are_not_undone_by_the_next(study: Study) -> None:
    """甲 takes back a rename and an attribute that came from 乙's copy: merging the same copy
    again does not bring them back (乙 has not touched them since)."""
    a = study.a
    merge_project(a, study.b_path)
    a.rename_code(code_id(a, "试点推广/经验复制与推广"), "经验复制推广")
    doc4 = next(d for d in a.documents() if d.number == 4)
    a.set_attributes(doc4.id, {"文号": None})
    before = dump(a)
    again = merge_project(a, study.b_path)
    assert again.changed == 0 and again.conflicts == [] and dump(a) == before
    assert "文号" not in attrs(a, 4)


def test_deleted_there_is_reported_once(study: Study, tmp_path: Path) -> None:
    a = study.a
    with Project.open(study.b_path, coder="乙") as b:
        b.delete_code(code_id(b, "区域协同创新/资源协同"))
    assert len(merge_project(a, study.b_path).conflicts_of(ConflictKind.DELETED_THERE)) == 1
    again = merge_project(a, study.b_path)
    assert again.conflicts == [] and again.conflicts_unchanged == 3  # with name and 来源
    # what this project saw of 乙's file stays out of the next blind copy
    copy_for_coder(a, tmp_path / "丙.annot", "丙")
    with sqlite3.connect(tmp_path / "丙.annot") as con:
        keys = [k for (k,) in con.execute("SELECT key FROM meta")]
    assert not [k for k in keys if k.startswith("merge_seen")] and "merge_base" in keys


def test_progress_names_each_step_and_ends_at_the_total(study: Study) -> None:
    from annotator.merge.merge import STEPS

    calls: list[tuple[int, int, str]] = []
    report = merge_project(study.a, study.b_path, dry_run=True,
                           progress=lambda *call: calls.append(call))
    assert report.passages_added == 9
    assert [c[2] for c in calls] == [*STEPS, ""]
    assert [c[0] for c in calls] == list(range(len(STEPS) + 1))
    assert {c[1] for c in calls} == {len(STEPS)}
