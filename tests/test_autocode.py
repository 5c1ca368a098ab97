"""Auto-coding by dictionary: proposals are machine-made and not passages until accepted;
accept (one, some, all of a code), reject, undo, re-runs; the 待审建议 sheet.

Texts and hand-counted spans as in test_search: DOC1's sentences are (0, 9), (9, 21) and
(22, 43), its paragraphs (0, 21) and (22, 43); DOC2's sentences (0, 15) and (15, 35), one
paragraph (0, 35).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import text

from annotator.autocoding import (
    accept_code,
    accept_proposals,
    autocode,
    list_proposals,
    reject_proposals,
    undo_accept,
    unreject_proposals,
)
from annotator.errors import NotFoundError
from annotator.project import Project

DOC1 = "𠮷创新是第一动力。发放创新券支持企业创新。\n科技创新券可以通用通兑，推动区域创新合作。"
DOC2 = "我们要鼓励创新，支持首创新药。企业创新能力持续提升，创新券使用率提高。"


@pytest.fixture
def setup(project: Project):
    d1 = project.add_document("第一篇", DOC1).id
    d2 = project.add_document("第二篇", DOC2).id
    parent = project.add_code("区域协同创新")
    vouchers = project.add_code(
        "资源协同", parent_id=parent.id, keywords=["创新券", "通用通兑", "科技创新券"]
    )
    innovation = project.add_code("创新驱动", keywords=["创新"])
    project.add_code("无关键词")
    return project, d1, d2, vouchers.id, innovation.id


def keyed(proposals) -> set[tuple[int, int, int, int, str]]:
    return {(p.document_id, p.code_id, p.start, p.end, p.keyword) for p in proposals}


def table_rows(project: Project, table: str) -> list[tuple]:
    with project.session_scope() as s:
        return [tuple(r) for r in s.execute(text(f"SELECT * FROM {table} ORDER BY id"))]


def test_proposals_are_not_passages_until_accepted(setup) -> None:
    project, d1, d2, vouchers, innovation = setup
    report = autocode(project)
    assert {c.path: c.proposed for c in report.codes} == {
        "区域协同创新 / 资源协同": 3, "创新驱动": 4,
    }
    assert report.proposed == 7
    assert project.passages() == [] and project.stats().passages == 0
    assert keyed(list_proposals(project)) == {
        (d1, vouchers, 9, 21, "创新券"),
        (d1, vouchers, 22, 43, "通用通兑、科技创新券"),  # two keywords, one sentence
        (d2, vouchers, 15, 35, "创新券"),
        (d1, innovation, 0, 9, "创新"),
        (d1, innovation, 9, 21, "创新"),
        (d1, innovation, 22, 43, "创新"),
        (d2, innovation, 0, 15, "创新"),
    }
    first = list_proposals(project)[0]
    assert (first.text, first.unit, first.status) == (DOC1[0:9], "sentence", "pending")


def test_paragraph_units(setup) -> None:
    project, d1, d2, vouchers, innovation = setup
    report = autocode(project, unit="paragraph", code_ids=[vouchers])
    assert [c.code_id for c in report.codes] == [vouchers]
    assert {(p.document_id, p.start, p.end) for p in list_proposals(project)} == {
        (d1, 0, 21), (d1, 22, 43), (d2, 0, 35),
    }


def test_rerun_does_not_duplicate(setup) -> None:
    project, *_ = setup
    autocode(project)
    again = autocode(project)
    assert again.proposed == 0
    assert {c.path: c.pending for c in again.codes} == {"区域协同创新 / 资源协同": 3, "创新驱动": 4}
    assert len(list_proposals(project)) == 7


def test_accept_all_for_a_code(setup) -> None:
    project, d1, d2, vouchers, innovation = setup
    autocode(project)
    batch = accept_code(project, innovation)
    assert len(batch.passage_ids) == 4 and len(batch.proposals) == 4
    passages = project.passages(code_id=innovation)
    assert sorted((p.document_id, p.start, p.end) for p in passages) == [
        (d1, 0, 9), (d1, 9, 21), (d1, 22, 43), (d2, 0, 15),
    ]
    assert {p.origin for p in passages} == {"auto"}
    assert {p.coder_name for p in passages} == {"甲"}
    assert {p.code_id for p in list_proposals(project)} == {vouchers}
    # Accepting the parent code takes its sub-code's proposals too.
    parent = project.find_code("区域协同创新")
    assert len(accept_code(project, parent.id).passage_ids) == 3
    assert list_proposals(project) == []
    # Spans now coded are not proposed again.
    rerun = autocode(project)
    assert rerun.proposed == 0 and {c.coded for c in rerun.codes} == {3, 4}


def test_reject_prevents_reproposal(setup) -> None:
    project, d1, d2, vouchers, innovation = setup
    autocode(project)
    target = next(p for p in list_proposals(project) if p.code_id == vouchers and
                  p.document_id == d2)
    assert reject_proposals(project, [target.id]) == 1
    assert target.id not in {p.id for p in list_proposals(project)}
    assert len(list_proposals(project, status=None)) == 7
    rerun = autocode(project)
    summary = {c.code_id: c for c in rerun.codes}[vouchers]
    assert (summary.proposed, summary.rejected, summary.pending) == (0, 1, 2)
    assert unreject_proposals(project, [target.id]) == 1
    assert target.id in {p.id for p in list_proposals(project)}


def test_undo_accept_leaves_the_database_as_before(setup) -> None:
    project, *_ = setup
    autocode(project)
    ids = [p.id for p in list_proposals(project)][:3]
    before = (table_rows(project, "passages"), table_rows(project, "proposals"))
    batch = accept_proposals(project, ids)
    assert len(batch.passage_ids) == 3
    assert len(table_rows(project, "passages")) == 3
    assert len(table_rows(project, "proposals")) == 4
    undo_accept(project, batch)
    assert (table_rows(project, "passages"), table_rows(project, "proposals")) == before


def test_accepting_a_span_already_coded_by_hand_keeps_the_manual_passage(setup) -> None:
    project, d1, d2, vouchers, innovation = setup
    autocode(project, code_ids=[innovation])
    manual = project.apply_code(d1, innovation, 0, 9)
    proposal = next(p for p in list_proposals(project) if (p.start, p.end) == (0, 9))
    batch = accept_proposals(project, [proposal.id])
    assert batch.passage_ids == ()
    undo_accept(project, batch)
    assert [p.id for p in project.passages()] == [manual.id]
    assert project.passage(manual.id).origin == "manual"


def test_a_sentence_partly_coded_with_the_code_is_not_proposed(setup) -> None:
    project, d1, d2, vouchers, innovation = setup
    project.apply_code(d1, vouchers, 11, 14)  # 创新券 itself, inside sentence (9, 21)
    report = autocode(project, code_ids=[vouchers])
    assert (report.codes[0].proposed, report.codes[0].coded) == (2, 1)


def test_unknown_proposal_ids_are_refused(setup) -> None:
    project, *_ = setup
    autocode(project)
    with pytest.raises(NotFoundError):
        accept_proposals(project, [9999])
    assert project.passages() == []


def test_keywords_anywhere(setup) -> None:
    project, d1, d2, vouchers, innovation = setup
    report = autocode(project, code_ids=[innovation], whole_word=False)
    # 创新 also inside 创新券, 科技创新券, 首创新药, 创新能力: every sentence of both texts.
    assert report.codes[0].matches == 9
    assert {(p.document_id, p.start, p.end) for p in list_proposals(project)} == {
        (d1, 0, 9), (d1, 9, 21), (d1, 22, 43), (d2, 0, 15), (d2, 15, 35),
    }


def test_pending_proposals_sheet(setup, tmp_path: Path) -> None:
    project, d1, d2, vouchers, innovation = setup
    empty = tmp_path / "none.xlsx"
    project.export_excel(empty)
    assert "待审建议" not in load_workbook(empty, read_only=True).sheetnames
    autocode(project, code_ids=[vouchers])
    target = tmp_path / "coded.xlsx"
    project.export_excel(target)
    ws = load_workbook(target, read_only=True)["待审建议"]
    rows = list(ws.iter_rows(values_only=True))
    header = rows[0]
    assert header[:6] == ("文档编号", "文档标题", "编码路径", "关键词", "单位", "建议文本")
    body = [dict(zip(header, r, strict=True)) for r in rows[1:]]
    assert [(r["文档编号"], r["建议文本"], r["来源"]) for r in body] == [
        (1, DOC1[9:21], "关键词建议"), (1, DOC1[22:43], "关键词建议"),
        (2, DOC2[15:35], "关键词建议"),
    ]
    assert {r["编码路径"] for r in body} == {"区域协同创新 / 资源协同"}
    assert body[1]["关键词"] == "通用通兑、科技创新券" and body[0]["单位"] == "句子"


# -- simplified and traditional forms ----------------------------------------------------------

DATA = Path(__file__).parent / "data" / "search"


def proposed_texts(project: Project, code_id: int) -> list[str]:
    return sorted(
        project.document_text(p.document_id)[p.start : p.end]
        for p in list_proposals(project) if p.code_id == code_id
    )


def test_keywords_match_both_scripts(project: Project) -> None:
    for name in ("hk-budget-2019-innovation.txt", "tw-jingjibu-chengguo-guishu-banfa.txt"):
        text = (DATA / name).read_text(encoding="utf-8")
        project.add_document(name, text)
    project.add_document("内地", "依法保护知识产权。鼓励产学研合作。")
    ip = project.add_code("知识产权", keywords=["知識產權"])  # a traditional keyword
    cooperation = project.add_code("产学研合作", keywords=["产学研合作"])
    autocode(project)
    assert proposed_texts(project, ip.id) == sorted([
        "依法保护知识产权。",
        "64.　發展創科能為香港帶來龐大經濟效益，其產生的知識產權，能轉化成商業產品，"
        "並帶動周邊經濟活動，創造優質就業機會，市民更可利用新科技享受舒適的生活。",
    ])
    assert proposed_texts(project, cooperation.id) == sorted([
        "鼓励产学研合作。",
        "執行單位與其他產業、學術或研究機構合作（以下簡稱產學研合作）執行科技計畫，"
        "其所產生之研發成果除第七條或本部於計畫公告文件另有規定者外，"
        "應參酌雙方提供經費及專業能力之貢獻，以契約約定其歸屬。",
    ])


def test_a_keyword_inside_a_longer_listed_term_is_no_match_in_either_script(
    project: Project,
) -> None:
    # 科技成果转化 is a shipped term: the keyword 成果转化 inside it proposes nothing.
    project.add_document("繁體", "推動科技成果轉化。加快成果轉化。")
    project.add_document("简体", "推动科技成果转化。加快成果转化。")
    code = project.add_code("成果转化", keywords=["成果转化"])
    autocode(project)
    assert proposed_texts(project, code.id) == sorted(["加快成果转化。", "加快成果轉化。"])


def test_progress_counts_the_codes_with_keywords(setup) -> None:
    project, *_ = setup
    calls: list[tuple[int, int]] = []
    report = autocode(project, progress=lambda done, total: calls.append((done, total)))
    assert len(report.codes) == 2  # 无关键词 has no keywords: not counted
    assert calls == [(0, 2), (1, 2), (2, 2)]
    assert autocode(project).proposed == 0  # without a callback, as before
