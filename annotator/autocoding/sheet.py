"""The workbook sheet 待审建议: auto-coding proposals still waiting for review, marked as
machine-made so nobody takes them for coded passages. Present only when there are some."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.autocoding.review import list_proposals
from annotator.export.excel import ExtraSheet

if TYPE_CHECKING:
    from annotator.project import Project

SHEET_NAME = "待审建议"
MARK = "机器建议"
UNIT_NAMES = {"sentence": "句子", "paragraph": "段落"}
HEADERS = (
    "文档编号", "文档标题", "编码路径", "关键词", "单位", "建议文本", "起始", "结束", "来源",
    "建议编号",
)


def pending_proposals_sheets(project: Project) -> list[ExtraSheet]:
    proposals = list_proposals(project)
    if not proposals:
        return []
    paths = {c.id: c.path_text for c in project.codes()}
    rows = [
        (
            p.document_number, p.document_title, paths.get(p.code_id, ""), p.keyword,
            UNIT_NAMES.get(p.unit, p.unit), p.text, p.start, p.end, MARK, p.id,
        )
        for p in proposals
    ]
    return [
        ExtraSheet(
            name=SHEET_NAME,
            headers=HEADERS,
            rows=rows,
            widths=(9, 28, 30, 16, 7, 60, 8, 8, 10, 9),
            wrap_columns=(5,),
        )
    ]
