"""The 信度 (reliability) and 分歧 (disagreements) sheets of the project workbook.

信度 is the table a study pastes into its reliability statement: one row per code, an overall
row, then notes saying what the unit and N are. Only written when at least two coders have
passages in the project.

分歧 lists the first :data:`DISAGREEMENT_LIMIT` disagreements (a large project has more of
them than passages); a last row says how many were left out and how to have all of them
(``annotator export … --all-disagreements``, ``Project.export_excel(…,
all_disagreements=True)``). Unit texts are read for the rows written only, one document at
a time.
"""

from __future__ import annotations

from collections.abc import Collection, Iterator, Mapping, Sequence
from itertools import islice
from typing import TYPE_CHECKING

from annotator.analysis.agreement import build_report
from annotator.analysis.agreement_data import AgreementError, load_codings
from annotator.analysis.agreement_disagreements import find_disagreements
from annotator.analysis.agreement_measures import Figure
from annotator.analysis.agreement_report import (
    REASONS_ZH,
    UNIT_NAMES_ZH,
    AgreementReport,
    AgreementRow,
    Disagreement,
)
from annotator.export.excel import MAX_ROWS_PER_SHEET, ExtraSheet

if TYPE_CHECKING:
    from annotator.project import Project

SHEET_RELIABILITY = "信度"
SHEET_DISAGREEMENTS = "分歧"
NOT_AVAILABLE = "n/a"
DIGITS = 3  # as reliability coefficients are quoted in papers
UNIT_TEXT_LIMIT = 300
#: Disagreements listed in 分歧 unless all are asked for.
DISAGREEMENT_LIMIT = 10_000

RELIABILITY_HEADERS = (
    "编码路径", "分析单位", "单位数 N", "编码员", "一致率", "M", "N1", "N2", "Holsti R", "CR",
    "Cohen's κ", "Krippendorff's α", "字符数 N", "字符一致率", "字符 κ", "说明",
)
RELIABILITY_WIDTHS = (34, 8, 9, 14, 9, 6, 6, 6, 9, 9, 10, 14, 10, 10, 9, 40)
PERCENT_COLUMNS = (4, 13)
DISAGREEMENT_HEADERS = (
    "文档编号", "文档标题", "单位编号", "起始", "结束", "单位文本", "编码路径",
    "有此编码的编码员", "无此编码的编码员",
)
DISAGREEMENT_WIDTHS = (9, 28, 10, 7, 7, 60, 30, 16, 16)

CODED_RULES_ZH = {
    "passages": "文档算作某编码员已编码：该编码员在其中至少有一个片段；"
    "编码员未编码的文档，其单位计为缺失。",
    "all": "每位编码员都视为编码了全部所选文档（没有片段即为未出现）。",
    "list": "各编码员编码过的文档按给定清单；清单外的文档，其单位计为缺失。",
}
MEASURE_NAMES = {
    "percent": "一致率", "holsti": "Holsti R", "composite": "CR", "kappa": "κ", "alpha": "α",
    "char_percent": "字符一致率", "char_kappa": "字符 κ",
}


def agreement_sheets(project: Project, *, all_disagreements: bool = False) -> list[ExtraSheet]:
    """信度 and 分歧 for every coder with passages, all documents and codes, paragraph units;
    nothing when fewer than two coders have passages. 分歧 lists the first
    :data:`DISAGREEMENT_LIMIT` disagreements unless ``all_disagreements``."""
    try:
        data = load_codings(project)
    except AgreementError:
        return []
    report = build_report(data)
    found = find_disagreements(data, lambda ids: _TextsOnDemand(project, ids))
    limit = None if all_disagreements else DISAGREEMENT_LIMIT
    disagreements = disagreement_sheet(found, limit)
    # Its rows are made now, so the coding arrays and every compared document's units they
    # are read from are freed before 编码片段 streams (分歧 is written after it).
    disagreements.rows = list(disagreements.rows)
    return [reliability_sheet(report), disagreements]


class _TextsOnDemand(Mapping[int, str]):
    """Document texts read when first asked, the last one kept: disagreements come in
    document order, so each document written is read once, and those not written never."""

    def __init__(self, project: Project, ids: Collection[int]) -> None:
        self._project = project
        self._ids = frozenset(ids)
        self._last: tuple[int, str] = (-1, "")

    def __getitem__(self, doc_id: int) -> str:
        if doc_id not in self._ids:
            raise KeyError(doc_id)
        if self._last[0] != doc_id:
            self._last = (doc_id, self._project.document_text(doc_id))
        return self._last[1]

    def __iter__(self) -> Iterator[int]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


def reliability_sheet(report: AgreementReport) -> ExtraSheet:
    return ExtraSheet(
        name=SHEET_RELIABILITY,
        headers=RELIABILITY_HEADERS,
        rows=list(_reliability_rows(report)),
        widths=RELIABILITY_WIDTHS,
        wrap_columns=(15,),  # not the code path column: the notes below spill to the right
        percent_columns=PERCENT_COLUMNS,
    )


def disagreement_sheet(found: Sequence[Disagreement], limit: int | None = None) -> ExtraSheet:
    """分歧: the first ``limit`` disagreements (all when None, as many as a sheet holds)."""
    return ExtraSheet(
        name=SHEET_DISAGREEMENTS,
        headers=DISAGREEMENT_HEADERS,
        rows=_disagreement_rows(found, limit),
        widths=DISAGREEMENT_WIDTHS,
        wrap_columns=(1, 5),
    )


def _number(figure: Figure, *, percent: bool = False) -> float | str:
    if figure.value is None:
        return NOT_AVAILABLE
    return figure.value if percent else round(figure.value, DIGITS)


def _why(row: AgreementRow) -> str:
    """The reasons of the row's "n/a" cells, each once: "κ、α：…"."""
    by_reason: dict[str, list[str]] = {}
    for key, figure in row.figures().items():
        if figure.reason is not None:
            by_reason.setdefault(REASONS_ZH[figure.reason], []).append(MEASURE_NAMES[key])
    return "；".join(f"{'、'.join(names)}：{text}" for text, names in by_reason.items())


def _table_row(row: AgreementRow, label: str, coders: str, unit: str) -> list[object]:
    pair = row.two_coder_counts
    return [
        label,
        unit,
        row.units,
        coders,
        _number(row.percent, percent=True),
        pair.m if pair else None,
        pair.n1 if pair else None,
        pair.n2 if pair else None,
        _number(row.holsti),
        _number(row.composite),
        _number(row.kappa),
        _number(row.alpha),
        row.characters,
        _number(row.char_percent, percent=True),
        _number(row.char_kappa),
        _why(row),
    ]


def _reliability_rows(report: AgreementReport) -> Iterator[list[object]]:
    unit = UNIT_NAMES_ZH.get(report.unit_kind, report.unit_kind)
    coders = "、".join(report.coders)
    for row in report.rows:
        yield _table_row(row, row.label, coders, unit)
    overall = report.overall
    # The overall row shows the compared units and characters, not the pooled judgements.
    overall_row = _table_row(overall, f"合计（{report.used_codes} 个使用过的编码）", coders, unit)
    overall_row[2], overall_row[12] = report.units, report.characters
    yield overall_row
    yield []
    for line in notes(report):
        yield [line]


def notes(report: AgreementReport) -> list[str]:
    """What a reader of the table needs to know: unit, N, rules and formulas."""
    unit = UNIT_NAMES_ZH.get(report.unit_kind, report.unit_kind)
    n = len(report.coders)
    who = "两位编码员都" if n == 2 else "至少两位编码员"
    return [
        f"分析单位：{unit}。编码员 {n} 位（{'、'.join(report.coders)}），比较{who}编码过的 "
        f"{len(report.documents)} 篇文档（筛选后共 {report.selected_documents} 篇），"
        f"共 {report.units} 个{unit}、{report.characters} 个字符。",
        CODED_RULES_ZH.get(report.coded_rule, ""),
        f"编码出现在{unit}中：该编码员此编码的任一片段与该{unit}至少重叠一个字符。",
        "一致率 = 两位编码员判断一致（都标注或都未标注）的单位 ÷ N；多位编码员取两两平均。",
        "Holsti R = 2M/(N1+N2)：N1、N2 为两位编码员各自标注该编码的单位数，M 为两人都标注的单位数；"
        "CR = nR/(1+(n−1)R)，n 为编码员人数，R 为两两 R 的平均。",
        "Cohen's κ：两位编码员、出现/未出现；Krippendorff's α：名义尺度，允许缺失。",
        "字符层面（同 NVivo 编码比较）：比较文档的每个字符是否被各编码员标注该编码，"
        "按全部字符计算一致率与 κ。",
        f"合计行：把 {report.used_codes} 个至少有一位编码员使用过的编码合并计算，"
        "每个（单位，编码）为一次判断；Holsti R = 2ΣM/(ΣN1+ΣN2)。",
        "n/a：无法计算（如无人使用该编码时 κ 与 α 为 0/0），原因见“说明”列。",
    ]


def left_out_note(left: int, limited: bool) -> str:
    """The last row of a 分歧 sheet that does not list every disagreement."""
    if limited:
        return (f"另有 {left} 条分歧未列出（本表只列前 {DISAGREEMENT_LIMIT} 条）。"
                "列出全部：annotator export 项目 输出.xlsx --all-disagreements，"
                "或 annotator agreement 项目 --disagreements。")
    return f"另有 {left} 条分歧未列出（超出 Excel 行数）"


def _disagreement_rows(found: Sequence[Disagreement], limit: int | None) -> Iterator[list[object]]:
    shown = MAX_ROWS_PER_SHEET - 1
    if limit is not None:
        shown = min(shown, limit)
    for d in islice(found, shown):
        text = d.unit_text
        if len(text) > UNIT_TEXT_LIMIT:
            text = text[: UNIT_TEXT_LIMIT - 1] + "…"
        yield [
            d.document_number, d.title, d.unit_number, d.unit_start, d.unit_end, text,
            d.code_label, "、".join(d.coders_with), "、".join(d.coders_without),
        ]
    if len(found) > shown:
        limited = limit is not None and shown == limit
        yield [None, left_out_note(len(found) - shown, limited)]
