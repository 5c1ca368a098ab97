"""The workbook sheet 待审建议: machine-made proposals still waiting for review, marked by
where they come from (关键词建议: keyword auto-coding; 学习建议: learned from the coder's own
coding, with the model's confidence) so nobody takes them for coded passages. Present only
when there are some."""

from __future__ import annotations

from typing import TYPE_CHECKING

from annotator.autocoding.review import list_proposals
from annotator.export.excel import ExtraSheet

if TYPE_CHECKING:
    from annotator.project import Project

SHEET_NAME = "待审建议"
ORIGIN_MARKS = {"keyword": "关键词建议", "suggested": "学习建议"}
UNIT_NAMES = {"sentence": "句子", "paragraph": "段落"}
HEADERS = (
    "文档编号", "文档标题", "编码路径", "关键词", "单位", "建议文本", "起始", "结束", "来源",
    "建议编号", "置信度",
)


def pending_proposals_sheets(project: Project) -> list[ExtraSheet]:
    proposals = list_proposals(project)
    if not proposals:
        return []
    paths = {c.id: c.path_text for c in project.codes()}
    rows = [
        (
            p.document_number, p.document_title, paths.get(p.code_id, ""), p.keyword,
            UNIT_NAMES.get(p.unit, p.unit), p.text, p.start, p.end,
            ORIGIN_MARKS.get(p.origin, p.origin), p.id,
            "" if p.confidence is None else round(p.confidence, 3),
        )
        for p in proposals
    ]
    return [
        ExtraSheet(
            name=SHEET_NAME,
            headers=HEADERS,
            rows=rows,
            widths=(9, 28, 30, 16, 7, 60, 8, 8, 10, 9, 8),
            wrap_columns=(5,),
        )
    ]
