"""Codebooks in Excel (.xlsx) and REFI-QDA (.qdc): export, import by path, clear errors."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from annotator.exchange import (
    CodebookSheetError,
    export_codebook_xlsx,
    export_qdc,
    import_codebook_xlsx,
    import_qdc,
)
from annotator.project import Project


def tree(project: Project) -> list[tuple]:
    return [(c.path, c.colour, c.definition, c.keywords, c.shortcut) for c in project.codes()]


def make_sheet(path: Path, rows: list[list[object]], title: str = "Sheet1") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = title
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


@pytest.fixture
def coded(project: Project) -> Project:
    a = project.add_code("供给型", colour="#9CC3F0", definition="政府直接提供",
                         keywords=["人才", "资金"], shortcut="1")
    b = project.add_code("人才培养", parent_id=a.id, definition="培养与引进")
    project.add_code("高层次人才", parent_id=b.id, colour="#F4A6A6", keywords=["领军"],
                     shortcut="q")
    project.add_code("环境型", colour="#8FD3A8")
    return project


def test_xlsx_round_trip(coded: Project, tmp_path: Path) -> None:
    target = tmp_path / "codebook.xlsx"
    assert export_codebook_xlsx(coded, target) == 4
    ws = openpyxl.load_workbook(target)["编码表"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0] == ("一级", "二级", "三级", "定义", "关键词", "颜色", "快捷键")
    assert rows[3][:3] == ("供给型", "人才培养", "高层次人才")
    assert ws["F2"].fill.fgColor.rgb == "FF9CC3F0"
    with Project.create(tmp_path / "fresh.annot") as fresh:
        report = import_codebook_xlsx(fresh, target)
        assert (report.added, report.updated, len(report.warnings)) == (4, 0, 0)
        assert tree(fresh) == tree(coded)
        again = import_codebook_xlsx(fresh, target)
        assert (again.added, again.updated, again.unchanged) == (0, 0, 4)


def test_hand_kept_sheet_with_blank_parents_and_english_headers(
    project: Project, tmp_path: Path
) -> None:
    sheet = make_sheet(tmp_path / "mine.xlsx", [
        ["区域创新编码表（2024 版）"],  # a title row above the header
        ["Level 1", "Level 2", "Definition", "Key words", "Color", "Shortcut", "备注"],
        ["Supply", None, "government provides", "talent, funding", "9cc3f0", 1, "ignored"],
        [None, "Talent", "training", "人才、培养", None, None],
        [None, "Funding", None, None, "#abc", None],
        ["Demand", "Procurement", None, None, "not a colour", 1],
    ])
    report = import_codebook_xlsx(project, sheet)
    assert report.added == 5  # Demand is implied by its child
    paths = {c.path: c for c in project.codes()}
    assert set(paths) == {("Supply",), ("Supply", "Talent"), ("Supply", "Funding"), ("Demand",),
                          ("Demand", "Procurement")}
    assert paths[("Supply",)].colour == "#9CC3F0" and paths[("Supply",)].shortcut == "1"
    assert paths[("Supply", "Talent")].keywords == ("人才", "培养")
    assert paths[("Supply", "Funding")].colour == "#AABBCC"
    assert paths[("Demand", "Procurement")].shortcut is None  # "1" was taken in row 3
    warned = {(w.kind, w.item) for w in report.warnings.items}
    assert ("colour", "mine.xlsx, sheet 'Sheet1', row 6") in warned
    assert ("codebook", "mine.xlsx, sheet 'Sheet1', row 6") in warned


@pytest.mark.parametrize(
    "rows",
    [
        [["编码路径", "定义"], ["创新 / 机制", "x"], ["创新", "y"]],
        [["名称", "上级编码"], ["机制", "创新"], ["创新", None]],
        [["一级编码", "二级编码", "三级编码"], ["创新", "机制", None]],
    ],
    ids=["path", "name-parent", "levels"],
)
def test_other_layouts(project: Project, tmp_path: Path, rows: list[list[object]]) -> None:
    import_codebook_xlsx(project, make_sheet(tmp_path / "c.xlsx", rows, title="编码表"))
    assert [c.path for c in project.codes()] == [("创新",), ("创新", "机制")]


@pytest.mark.parametrize(
    "rows, row, problem",
    [
        ([["创新", "机制"], ["协同", None]], 1, "no header row"),
        ([["一级", "二级"], ["创新", "机制"], ["创新", "机制"]], 3,
         "duplicate path '创新 / 机制' (also row 2)"),
        ([["一级", "二级"], [None, "机制"]], 2,
         "二级 '机制' has no 一级 in this row or above: unknown parent"),
        ([["一级", "二级", "三级"], ["创新", None, "细项"]], 2, "unknown parent"),
        ([["名称", "上级"], ["机制", "不存在"]], 2,
         "parent '不存在' of '机制' is not a code in this sheet: unknown parent"),
        ([["编码路径"], ["a / b"], ["a/b"]], 3, "duplicate path"),
    ],
    ids=["no-header", "duplicate", "unknown-parent", "gap", "unknown-parent-name", "dup-path"],
)
def test_sheet_errors_name_file_sheet_and_row(
    project: Project, tmp_path: Path, rows: list[list[object]], row: int, problem: str
) -> None:
    project.add_code("原有")
    sheet = make_sheet(tmp_path / "bad.xlsx", rows, title="我的编码")
    with pytest.raises(CodebookSheetError) as info:
        import_codebook_xlsx(project, sheet)
    err = info.value
    assert (err.file.name, err.sheet, err.row) == ("bad.xlsx", "我的编码", row)
    assert problem in str(err) and f"bad.xlsx, sheet '我的编码', row {row}: " in str(err)
    assert [c.name for c in project.codes()] == ["原有"]  # nothing merged


def test_not_a_workbook(project: Project, tmp_path: Path) -> None:
    (tmp_path / "x.xlsx").write_text("nope")
    with pytest.raises(CodebookSheetError, match="cannot open"):
        import_codebook_xlsx(project, tmp_path / "x.xlsx")


def test_qdc_round_trip_keeps_guids_and_merges(coded: Project, tmp_path: Path) -> None:
    export_qdc(coded, tmp_path / "cb.qdc")
    with Project.create(tmp_path / "fresh.annot") as fresh:
        existing = fresh.add_code("环境型", colour="#000000", definition="")
        report = import_qdc(fresh, tmp_path / "cb.qdc")
        assert (report.added, report.updated) == (3, 0)
        by_path = {c.path: c for c in fresh.codes()}
        assert by_path[("环境型",)].id == existing.id and by_path[("环境型",)].colour == "#000000"
        for code in coded.codes():
            if code.path != ("环境型",):
                mine = by_path[code.path]
                assert (mine.guid, mine.colour, mine.definition, mine.keywords, mine.shortcut) == (
                    code.guid, code.colour, code.definition, code.keywords, code.shortcut)
