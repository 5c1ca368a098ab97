"""The passage sheet's 单元编号 and 编码来源 columns, in the project workbook."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from annotator.db.models import Passage
from annotator.export.cells import timed_header
from annotator.project import Project

POLICY = (
    "关于推进科技创新的意见\n"
    "一、总体要求\n"
    "坚持创新驱动。\n"
    "二、重点任务\n"
    "（一）加强基础研究\n"
    "支持高校开展基础研究。鼓励企业参与。\n"
    "（二）推动成果转化\n"
    "完善成果转化机制。"
)


def passage_sheet(path: Path) -> list[dict[str, object]]:
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        header, *rows = wb["编码片段"].iter_rows(values_only=True)
    finally:
        wb.close()
    assert len(set(header)) == len(header), header  # every column has its own name
    return [dict(zip(header, row, strict=True)) for row in rows]


def at(text: str, piece: str) -> tuple[int, int]:
    start = text.index(piece)
    return start, start + len(piece)


def test_unit_number_and_origin_of_each_passage(project: Project, tmp_path: Path) -> None:
    project.add_document("前一篇", "其他文件。")
    doc = project.add_document("意见", POLICY, attributes={"来源": "省科技厅"})
    assert doc.number == 2
    code = project.add_code("基础研究")
    text = project.document_text(doc.id)
    made = [
        project.apply_code(doc.id, code.id, 0, 4),  # the title line: front matter
        project.apply_code(doc.id, code.id, *at(text, "高校开展基础研究")),
        # Starts in the first paragraph of (一) and runs on into (二): filed where it starts.
        project.apply_code(doc.id, code.id, at(text, "鼓励企业")[0], at(text, "成果转化机制")[1]),
        project.apply_code(doc.id, code.id, *at(text, "成果转化机制")),
        # Starts on the line break before 坚持创新驱动: the unit it runs into.
        project.apply_code(doc.id, code.id, at(text, "坚持")[0] - 1, at(text, "坚持")[1]),
    ]
    auto = made[3].id
    with project.session_scope() as s:  # as auto-coding leaves an accepted proposal
        s.get(Passage, auto).origin = "auto"
    target = tmp_path / "out.xlsx"
    project.export_excel(target)

    rows = {(r["起始"], r["结束"]): r for r in passage_sheet(target)}
    units = {(p.start, p.end): rows[p.start, p.end]["单元编号"] for p in made}
    assert [units[p.start, p.end] for p in made] == ["2-0-1", "2-2-1-1", "2-2-1-1", "2-2-2-1",
                                                      "2-1-1"]
    origins = [rows[p.start, p.end]["编码来源"] for p in made]
    assert origins == ["手工", "手工", "手工", "关键词建议", "手工"]
    assert all(r["来源"] == "省科技厅" for r in rows.values())  # the document attribute


def test_columns_sit_by_the_document_and_by_the_coder(project: Project, article, tmp_path):
    code = project.add_code("机制协同")
    project.apply_code(article.id, code.id, 0, 4)
    target = tmp_path / "out.xlsx"
    project.export_excel(target)
    wb = openpyxl.load_workbook(target, read_only=True)
    header = next(wb["编码片段"].iter_rows(values_only=True))
    wb.close()
    assert header == (
        "文档编号", "文档标题", "地区", "单元编号", "一级编码", "编码", "编码路径", "片段文本",
        "起始", "结束", "编码员", "编码来源", "备注", timed_header("时间"),
    )


def test_origin_is_read_into_passage_records(project: Project, article) -> None:
    code = project.add_code("机制协同")
    passage = project.apply_code(article.id, code.id, 0, 4)
    assert passage.origin == "manual"
    with project.session_scope() as s:
        s.get(Passage, passage.id).origin = "auto"
    assert project.passage(passage.id).origin == "auto"
    assert [p.origin for p in project.passages(code_id=code.id)] == ["auto"]
