"""The report workbook of ``annotator report``: the X×Y table with its heat map, code shares
with bar charts, code × document and code × attribute tables, co-occurrence, and a 说明
sheet recording how it was made. Every table obeys the same :class:`Filters`.
"""

from __future__ import annotations

import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from annotator.analysis import crosstab, report_charts, report_sheets, table_data
from annotator.analysis.cooccurrence import cooccurrence
from annotator.analysis.filters import Filters, resolve
from annotator.analysis.tables import code_by_document, shares_by_parent
from annotator.analysis.unit_index import UNIT_LABELS
from annotator.export.cells import timed_header
from annotator.export.excel import ExtraSheet, write_sheets

if TYPE_CHECKING:
    from annotator.project import Project

SHEET_NOTES = "说明"
#: Charts embedded in the workbook are drawn at this resolution (Excel shows one image pixel
#: per screen pixel); the files written to ``charts_dir`` use ``report_charts.save_figure``'s.
WORKBOOK_DPI = 90

NOTES = (
    ("交叉表", "单元格 = 同时带有行编码与列编码的分析单元数：单元与两个编码的片段各至少重叠"
     "一个字（任一所选编码员）即计入，每个单元在每格只计一次。上级编码（含下级）= 自身或"
     "任一下级编码。合计按不重复的单元计，故不是各格之和。"),
    ("交叉表占比", "单元格 ÷ 同时带有两个维度编码的单元总数；一个单元可有多个编码，"
     "占比之和可能大于 100%。"),
    ("交叉表单元", "每格列出单元编号（政策编号-章节-条款），按文本顺序。"),
    ("编码占比", "片段数含全部下级编码；占上级比例 = 片段数 ÷ 上级编码片段数（上级自身的片段"
     "也在分母中）；维度顶层编码的占上级比例为其在各顶层编码合计中的比例。"),
    ("编码×文档/属性", "片段数含全部下级编码；列合计与总计每个片段只计一次。占比 = 合计 ÷ "
     "全部片段；“… 占比”列 = 单元格 ÷ 该列片段数。"),
    ("共现", "两个编码的片段落在同一分析单元中的单元数（按编码本身，不含下级）；对角线为"
     "带有该编码的单元数。"),
)


@dataclass
class ReportResult:
    target: Path
    sheets: list[str]
    charts: list[Path] = field(default_factory=list)  # files written to charts_dir
    rows: int = 0  # X codes
    columns: int = 0  # Y codes
    units: int = 0  # units carrying both dimensions


def write_report(
    project: Project,
    target: Path,
    x_roots: Sequence[int],
    y_roots: Sequence[int],
    *,
    unit: str = "paragraph",
    filters: Filters | None = None,
    charts_dir: Path | None = None,
) -> ReportResult:
    """Write the report workbook to ``target`` (atomically) and, with ``charts_dir``, the
    charts as PNG and SVG files there (heatmap, bars_x, bars_y)."""
    filters = filters or Filters()
    xy = crosstab.xy_table(project, x_roots, y_roots, unit=unit, filters=filters)
    by_document = code_by_document(project, filters)
    figures = {
        "heatmap": report_charts.heatmap_figure(xy),
        "bars_x": report_charts.shares_bar_figure(shares_by_parent(by_document, x_roots)),
        "bars_y": report_charts.shares_bar_figure(shares_by_parent(by_document, y_roots)),
    }
    result = ReportResult(Path(target), [], rows=len(xy.rows), columns=len(xy.columns),
                          units=xy.total)
    if charts_dir is not None:
        charts_dir.mkdir(parents=True, exist_ok=True)
        for stem, figure in figures.items():
            result.charts += report_charts.save_figure(figure, charts_dir / stem)
    with tempfile.TemporaryDirectory(prefix="annotator-report-") as tmp:
        images = {
            stem: report_charts.save_figure(figure, Path(tmp) / stem, ("png",),
                                            dpi=WORKBOOK_DPI)[0]
            for stem, figure in figures.items()
        }
        sheets = [
            *report_sheets.xy_sheets(xy, [images["heatmap"]]),
            report_sheets.shares_sheet(by_document, [x_roots, y_roots],
                                       [images["bars_x"], images["bars_y"]]),
            *report_sheets.document_sheets(by_document),
            *report_sheets.attribute_sheets(project, filters),
            report_sheets.cooccurrence_sheet(
                cooccurrence(project, mode="unit", unit=unit, filters=filters)
            ),
            _notes_sheet(project, xy, filters, by_document.total),
        ]
        write_sheets(Path(target), sheets)
    result.sheets = [s.name for s in sheets]
    return result


def _notes_sheet(project: Project, xy: crosstab.XYTable, filters: Filters, passages: int):
    scope = resolve(project, filters)
    by_id = scope.tree.infos
    coders = {c.id: c.name for c in project.coders()}
    with project.session_scope() as s:
        documents = len(table_data.document_rows(s, scope.document_ids))
    rows: list[tuple[str, object]] = [
        ("项目文件", str(project.path)),
        (timed_header("生成时间"), datetime.now().replace(microsecond=0)),  # local time
        ("X（行）", "、".join(by_id[r].path_text for r in xy.x_roots)),
        ("Y（列）", "、".join(by_id[r].path_text for r in xy.y_roots)),
        ("分析单元", UNIT_LABELS.get(xy.unit_kind, xy.unit_kind)),
        ("编码员", "全部" if scope.coder_ids is None
         else "、".join(coders.get(c, str(c)) for c in sorted(scope.coder_ids))),
        ("文档筛选", "；".join(filters.describe()) or "全部文档"),
        ("编码筛选", "全部编码" if filters.code_ids is None
         else "、".join(by_id[c].path_text for c in sorted(filters.code_ids) if c in by_id)),
        ("文档数", documents),
        ("片段数", passages),
        ("同时带有 X 与 Y 编码的单元数", xy.total),
        *NOTES,
    ]
    return ExtraSheet(
        name=SHEET_NOTES, headers=("项目", "内容"), rows=rows, widths=(26, 90),
        wrap_columns=(1,),
    )
