"""Charts, report workbook, project-workbook sheets and the `report` / `table` commands."""

from __future__ import annotations

import io
import logging
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest
from test_tables_support import Study, build_study

from annotator.analysis.crosstab import xy_table
from annotator.analysis.filters import Filters
from annotator.analysis.plotting import cjk_font_available
from annotator.analysis.report_charts import heatmap_figure, save_figure, shares_bar_figure
from annotator.analysis.report_workbook import write_report
from annotator.analysis.tables import code_by_attribute, code_by_document, shares_by_parent
from annotator.cli import run
from annotator.project import Project

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def study(project: Project) -> Study:
    return build_study(project)


def svg_text(path: Path) -> str:
    """All text of an SVG's <text> elements (labels kept as text, not outlines)."""
    root = ET.parse(path).getroot()
    return " ".join("".join(e.itertext()) for e in root.iter("{http://www.w3.org/2000/svg}text"))


def test_charts_are_written_with_chinese_labels(study: Study, tmp_path: Path) -> None:
    assert cjk_font_available(), "install a CJK font (fonts-wqy-microhei or fonts-noto-cjk)"
    x = [study.code(p).id for p in ("供给型", "环境型", "需求型")]
    y = [study.code("改革领域").id]
    groups = shares_by_parent(code_by_document(study.project), x)
    bar = save_figure(shares_bar_figure(groups), tmp_path / "bar")
    assert [p.name for p in bar] == ["bar.png", "bar.svg"]
    assert bar[0].read_bytes().startswith(PNG_SIGNATURE)
    labels = svg_text(bar[1])
    for name in ("人才培养", "加计扣除", "供给型", "占上级编码片段数的比例"):
        assert name in labels

    table = xy_table(study.project, x, y)
    heat = save_figure(heatmap_figure(table), tmp_path / "heat")
    labels = svg_text(heat[1])
    # Rows: the instrument leaves, grouped by type; columns: 改革领域's sub-areas.
    for name in ("人才培养", "资金投入", "需求型", "区域协同", "成果转化", "段落数"):
        assert name in labels
    leaf = study.code("供给型/人才培养").id
    area = study.code("改革领域/区域协同").id
    assert str(table.count(leaf, area)) in labels.split()


def test_heat_map_scale_counts_from_zero(study: Study) -> None:
    x = [study.code(p).id for p in ("供给型", "环境型", "需求型")]
    y = [study.code("改革领域").id]
    table = xy_table(study.project, x, y)
    ax = heatmap_figure(table).axes[0]
    shown = [int(t.get_text()) for t in ax.texts]  # every cell is annotated with its count
    assert max(shown) > 0
    assert ax.images[0].get_clim() == (0, max(shown))
    # A table where nothing meets is the palest colour, on a 0…1 scale, not around zero.
    empty = xy_table(study.project, x, y, filters=Filters(coder_ids=set()))
    assert empty.total == 0
    assert heatmap_figure(empty).axes[0].images[0].get_clim() == (0, 1)


def test_charts_draw_without_font_warnings(study: Study, tmp_path: Path, caplog) -> None:
    """Bold group labels in a CJK font without a bold face: no warning per chart on stderr."""
    x = [study.code(p).id for p in ("供给型", "环境型", "需求型")]
    y = [study.code("改革领域").id]
    with caplog.at_level(logging.WARNING):
        save_figure(heatmap_figure(xy_table(study.project, x, y)), tmp_path / "heat", ["png"])
    assert [r.getMessage() for r in caplog.records if r.name.startswith("matplotlib")] == []


def test_report_workbook(study: Study, tmp_path: Path) -> None:
    project = study.project
    x = [study.code(p).id for p in ("供给型", "环境型", "需求型")]
    y = [study.code("改革领域").id]
    filters = Filters(coder_ids={study.coders["甲"]})
    target = tmp_path / "report.xlsx"
    result = write_report(project, target, x, y, filters=filters, charts_dir=tmp_path / "charts")
    assert sorted(p.name for p in result.charts) == sorted(
        f"{stem}.{fmt}" for stem in ("heatmap", "bars_x", "bars_y") for fmt in ("png", "svg")
    )
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames == [
        "交叉表", "交叉表占比", "交叉表单元", "编码占比", "编码×文档", "编码×地区",
        "编码×日期（年）", "共现", "说明",
    ]  # no 编码×文种: each of its documents has a value of its own, nothing to group
    table = xy_table(project, x, y, filters=filters)
    counts, shares, units = (list(wb[n].iter_rows(values_only=True))
                             for n in ("交叉表", "交叉表占比", "交叉表单元"))
    assert counts[0][:3] == ("编码", "层级", "改革领域（含下级）")
    assert [r[0].strip() for r in counts[1:-1]] == [c.name for c in table.rows]
    for r, x_code in enumerate(table.rows, 1):
        for c, y_code in enumerate(table.columns, 2):
            n = table.count(x_code.id, y_code.id)
            assert counts[r][c] == n
            assert shares[r][c] == pytest.approx(n / table.total)
            assert units[r][c] == (", ".join(table.units(x_code.id, y_code.id)) or None)
        assert counts[r][-1] == table.row_total(x_code.id)
    assert counts[-1][0] == "合计" and counts[-1][-1] == table.total
    assert len(wb["交叉表"]._images) == 1  # the heat map
    assert len(wb["编码占比"]._images) == 2  # a bar chart per dimension
    notes = dict(row for row in wb["说明"].iter_rows(min_row=2, values_only=True))
    assert notes["编码员"] == "甲" and notes["分析单元"] == "段落"
    assert notes["同时带有 X 与 Y 编码的单元数"] == table.total

    shares_rows = {r[1]: r for r in wb["编码占比"].iter_rows(min_row=2, values_only=True)}
    by_document = code_by_document(project, filters)
    talent, supply = study.code("供给型/人才培养"), study.code("供给型")
    assert shares_rows["供给型 / 人才培养"][3] == by_document.row_total(talent.id)
    assert shares_rows["供给型 / 人才培养"][4] == pytest.approx(
        by_document.row_total(talent.id) / by_document.row_total(supply.id))

    region = code_by_attribute(project, "地区", filters=filters)
    rows = list(wb["编码×地区"].iter_rows(values_only=True))
    assert rows[0][3:6] == ("京津冀", "长三角", "（未填）")
    assert rows[1][3] == region.count(study.codes[0].id, "京津冀")
    assert rows[-1][0] == "合计" and rows[-1][6] == region.total


def test_project_workbook_gets_cooccurrence_and_attribute_sheets(study: Study,
                                                                  tmp_path: Path) -> None:
    from annotator.analysis.cooccurrence import cooccurrence

    target = tmp_path / "project.xlsx"
    study.project.export_excel(target)
    wb = openpyxl.load_workbook(target)
    assert {"共现", "编码×地区", "编码×日期（年）"} <= set(wb.sheetnames)
    assert "编码×文种" not in wb.sheetnames
    table = cooccurrence(study.project)
    rows = list(wb["共现"].iter_rows(values_only=True))
    shown = [c for c in table.codes if table.count(c.id, c.id)]
    assert [r[:3] for r in rows[1:]] == [(c.name, c.path_text, c.depth + 1) for c in shown]
    for i, a in enumerate(shown, 1):
        for j, b in enumerate(shown, 3):
            assert rows[i][j] == table.count(a.id, b.id) == rows[j - 2][i + 2]


def test_project_workbook_without_passages_has_no_table_sheets(project: Project,
                                                               tmp_path: Path) -> None:
    project.add_document("文", "一段文字。", attributes={"地区": "京津冀"})
    project.export_excel(tmp_path / "p.xlsx")
    names = openpyxl.load_workbook(tmp_path / "p.xlsx").sheetnames
    assert "共现" not in names and not any(n.startswith("编码×") for n in names)


def test_cli_report_and_table(study: Study, tmp_path: Path) -> None:
    path = str(study.project.path)
    study.project.close()
    out = io.StringIO()
    target = tmp_path / "r.xlsx"
    code = run(["report", path, "--xy", "供给型+环境型+需求型", "*", str(target),
                "--unit", "sentence", "--coder", "乙", "--where", "地区=京津冀",
                "--charts", str(tmp_path / "charts")], out)
    assert code == 0, out.getvalue()
    assert f"wrote {target}" in out.getvalue()
    assert (tmp_path / "charts" / "heatmap.svg").exists()
    notes = dict(openpyxl.load_workbook(target)["说明"].iter_rows(min_row=2, values_only=True))
    assert notes["分析单元"] == "句子" and notes["编码员"] == "乙"
    assert notes["文档筛选"] == "地区 = 京津冀" and notes["Y（列）"] == "改革领域、其他"

    out = io.StringIO()
    assert run(["table", path, "--by", "地区", "--code", "供给型", "--tsv"], out) == 0
    lines = [line.split("\t") for line in out.getvalue().splitlines()]
    assert lines[0] == ["编码", "京津冀", "长三角", "（未填）", "合计"]
    assert [line[0].strip() for line in lines[1:]] == ["供给型", "人才培养", "资金投入", "合计"]
    with Project.open(path) as project:
        table = code_by_attribute(project, "地区",
                                  filters=Filters(code_ids={project.find_code("供给型").id}))
        supply = project.find_code("供给型").id
    expected = [table.count(supply, k) for k in ("京津冀", "长三角", "（未填）")]
    assert lines[1][1:] == [str(n) for n in (*expected, table.row_total(supply))]

    out = io.StringIO()
    assert run(["table", path, "--by", "document", "--share", "column"], out) == 0
    assert "%" in out.getvalue() and "供给型" in out.getvalue()
    out = io.StringIO()
    assert run(["table", path, "--xy", "供给型", "改革领域", "--units"], out) == 0
    assert "区域协同" in out.getvalue().splitlines()[0]
    out = io.StringIO()
    assert run(["table", path, "--cooccurrence", "overlap", "--tsv"], out) == 0
    assert out.getvalue().splitlines()[0] == "编码 A\t编码 B\t重叠片段对"


def test_cli_errors_name_the_problem(study: Study, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = str(study.project.path)
    study.project.close()
    assert run(["table", path, "--by", "省份"]) == 1
    assert "省份" in capsys.readouterr().err
    assert run(["report", path, "--xy", "供给型", "没有", str(tmp_path / "x.xlsx")]) == 1
    assert "没有" in capsys.readouterr().err
    assert run(["table", path, "--by", "document", "--coder", "丙"]) == 1
    assert "丙" in capsys.readouterr().err
    assert not (tmp_path / "x.xlsx").exists()


def test_cli_offers_the_unit_kinds_the_tables_know() -> None:
    from annotator.analysis.unit_index import UNIT_KINDS
    from annotator.cli_report import UNIT_KINDS as CLI_UNIT_KINDS

    assert CLI_UNIT_KINDS == UNIT_KINDS
