"""Code names in the workbook's sheets are bare (an indent before them broke Excel's filters:
filtering 人才培养 found nothing), the level is a column of its own; and "top level" in the
X×Y table is the outermost chosen branches."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from annotator.analysis.crosstab import xy_table
from annotator.project import Project

# From the State Council's 2016 opinions on regional innovation (public policy text).
TEXT = (
    "关于加强区域科技创新合作的意见\n\n"
    "完善科技人才培养机制，设立专项资金支持人才引进。\n\n"
    "三地建立联席会议制度，共建技术转移平台，推进科技资源共享。\n"
)


@pytest.fixture
def study(tmp_path: Path) -> Project:
    project = Project.create(tmp_path / "study.annot", coder="甲")
    doc = project.add_document("区域合作意见", TEXT)
    tools = project.add_code("政策工具")
    supply = project.add_code("供给型", parent_id=tools.id)
    talent = project.add_code("人才培养", parent_id=supply.id)
    money = project.add_code("资金投入", parent_id=supply.id)
    area = project.add_code("区域协同")
    meeting = project.add_code("机制协同", parent_id=area.id)
    sharing = project.add_code("资源共享", parent_id=area.id)
    for code, phrase in ((talent, "人才培养"), (money, "专项资金"), (meeting, "联席会议"),
                         (sharing, "资源共享"), (talent, "人才引进"), (meeting, "技术转移")):
        start = TEXT.index(phrase)
        project.apply_code(doc.id, code.id, start, start + len(phrase))
    yield project
    project.close()


def test_names_in_the_sheets_carry_no_indent_and_levels_are_columns(
    study: Project, tmp_path: Path
) -> None:
    target = tmp_path / "coded.xlsx"
    study.export_excel(target)
    wb = openpyxl.load_workbook(target)
    for sheet, level_column in (("频次", 2), ("共现", 2)):
        rows = list(wb[sheet].iter_rows(values_only=True))
        assert rows[0][level_column] == "层级", sheet
        body = [r for r in rows[1:] if r[0] != "合计"]
        names = {r[0]: r[level_column] for r in body}
        for name in names:
            assert name == name.strip() and "\u3000" not in name, (sheet, name)
        assert names["人才培养"] == 3 and names["机制协同"] == 2, sheet
    assert "政策工具" in {r[0] for r in wb["频次"].iter_rows(values_only=True)}


def test_top_level_columns_are_the_outermost_chosen_branches(study: Project) -> None:
    code = {c.name: c.id for c in study.codes()}
    # 政策工具 and its own sub-branch 供给型 both chosen: only 政策工具 is top level, and as
    # the one top branch it shows its children.
    table = xy_table(study, [code["区域协同"]], [code["政策工具"], code["供给型"]])
    assert [c.name for c in table.column_codes("top")] == ["供给型"]
    # Two separate branches: both, not their sub-codes.
    both = xy_table(study, [code["区域协同"], code["政策工具"]], [code["区域协同"]])
    assert [c.name for c in both.row_codes("top")] == ["政策工具", "区域协同"]
