"""The 信度 and 分歧 sheets of the workbook and `annotator agreement` on the command line."""

from __future__ import annotations

import math
from pathlib import Path

import openpyxl
import pytest
from sklearn.metrics import cohen_kappa_score

from annotator.analysis.agreement import agreement, disagreements
from annotator.analysis.agreement_sheet import RELIABILITY_HEADERS
from annotator.cli import run
from annotator.project import Project

TEXT = "\n".join(f"第{i}段规定的内容。" for i in range(10))  # plain paragraphs, 1-0-k
STARTS = [TEXT.index(f"第{i}段") for i in range(10)]


def make(tmp_path: Path, codings: dict[str, list[tuple[str, int]]]) -> Path:
    """A project with one document of ten paragraphs and codes A, B (B unused), with
    ``codings`` = {coder: [(code, paragraph index)]}."""
    path = tmp_path / "study.annot"
    with Project.create(path, coder="甲") as project:
        doc = project.add_document("示例", TEXT, attributes={"地区": "京津冀"})
        ids = {name: project.add_code(name).id for name in ("A", "B")}
        for coder, items in codings.items():
            project.set_coder(coder)
            for code, i in items:
                project.apply_code(doc.id, ids[code], STARTS[i], STARTS[i] + 3)
    return path


TWO_CODERS = {"甲": [("A", 0), ("A", 1), ("A", 2), ("A", 3)],
              "乙": [("A", 2), ("A", 3), ("A", 4), ("A", 5)]}


def sheet_rows(path: Path, name: str) -> list[tuple]:
    wb = openpyxl.load_workbook(path)
    return [tuple(r) for r in wb[name].iter_rows(values_only=True)]


def test_reliability_sheet_matches_report(tmp_path: Path) -> None:
    path = make(tmp_path, TWO_CODERS)
    out = tmp_path / "coded.xlsx"
    with Project.open(path) as project:
        project.export_excel(out)
        report = agreement(project)
    rows = sheet_rows(out, "信度")
    assert rows[0] == RELIABILITY_HEADERS
    col = {name: i for i, name in enumerate(RELIABILITY_HEADERS)}
    a, b, overall = rows[1], rows[2], rows[3]
    assert a[col["编码路径"]] == "A" and a[col["分析单位"]] == "段落"
    assert a[col["单位数 N"]] == 10 and a[col["编码员"]] == "甲、乙"
    assert (a[col["M"]], a[col["N1"]], a[col["N2"]]) == (2, 4, 4)
    assert a[col["一致率"]] == pytest.approx(0.6)
    assert a[col["Holsti R"]] == 0.5 and a[col["CR"]] == 0.667
    kappa = cohen_kappa_score([1, 1, 1, 1, 0, 0, 0, 0, 0, 0], [0, 0, 1, 1, 1, 1, 0, 0, 0, 0])
    assert a[col["Cohen's κ"]] == round(kappa, 3)
    assert a[col["Krippendorff's α"]] == round(report.rows[0].alpha.value, 3)
    assert a[col["字符数 N"]] == len(TEXT)
    assert a[col["字符 κ"]] == round(report.rows[0].char_kappa.value, 3)
    # The unused code: "n/a" with the reason, never NaN or an empty cell.
    assert b[col["Cohen's κ"]] == "n/a" and b[col["Krippendorff's α"]] == "n/a"
    assert "没有编码员使用此编码" in b[col["说明"]]
    assert overall[0].startswith("合计") and overall[col["单位数 N"]] == 10
    notes = [r[0] for r in rows[5:]]
    assert any("分析单位：段落" in n and "10 个段落" in n for n in notes)
    assert any("至少重叠一个字符" in n for n in notes)
    for row in rows:
        assert not any(isinstance(v, float) and math.isnan(v) for v in row)


def test_disagreement_sheet(tmp_path: Path) -> None:
    path = make(tmp_path, TWO_CODERS)
    out = tmp_path / "coded.xlsx"
    with Project.open(path) as project:
        project.export_excel(out)
        found = disagreements(project)
    rows = sheet_rows(out, "分歧")
    assert rows[0][:3] == ("文档编号", "文档标题", "单位编号")
    assert [r[2] for r in rows[1:]] == [d.unit_number for d in found]
    assert len(found) == 4
    assert rows[1][5] == "第0段规定的内容。" and rows[1][6] == "A"
    assert (rows[1][7], rows[1][8]) == ("甲", "乙")


def test_three_coders_sheet_leaves_pair_counts_empty(tmp_path: Path) -> None:
    path = make(tmp_path, {**TWO_CODERS, "丙": [("A", 2), ("A", 3)]})
    out = tmp_path / "coded.xlsx"
    with Project.open(path) as project:
        project.export_excel(out)
    a = sheet_rows(out, "信度")[1]
    col = {name: i for i, name in enumerate(RELIABILITY_HEADERS)}
    assert a[col["编码员"]] == "甲、乙、丙"
    assert a[col["M"]] is None and a[col["Cohen's κ"]] == "n/a"
    assert isinstance(a[col["Krippendorff's α"]], float) and isinstance(a[col["CR"]], float)


def test_no_reliability_sheet_with_one_coder(tmp_path: Path) -> None:
    path = make(tmp_path, {"甲": [("A", 1)]})
    out = tmp_path / "coded.xlsx"
    with Project.open(path) as project:
        project.export_excel(out)
    names = openpyxl.load_workbook(out).sheetnames
    assert "信度" not in names and "分歧" not in names


def test_cli_agreement(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = make(tmp_path, {**TWO_CODERS, "丙": [("A", 2)]})
    assert run(["agreement", str(path), "--coders", "甲,乙", "--code", "A",
                "--disagreements"]) == 0
    out = capsys.readouterr().out
    with Project.open(path) as project:
        row = agreement(project, coders=["甲", "乙"], codes="A").rows[0]
    header, a_line = out.splitlines()[:2]
    assert "Holsti R" in header and "κ" in header
    assert a_line.split() == ["A", "10", "60.0%", "0.500", "0.667", row.kappa.text(),
                              row.alpha.text(), row.char_percent.text(3, percent=True),
                              row.char_kappa.text()]
    assert "分析单位：段落" in out and "4 disagreements" in out
    assert "1-0-1" in out  # the first disagreement's unit number


def test_cli_agreement_filters_and_errors(tmp_path: Path, capsys) -> None:
    path = make(tmp_path, TWO_CODERS)
    assert run(["agreement", str(path), "--unit", "sentence", "--where", "地区=京津冀"]) == 0
    out = capsys.readouterr().out
    assert "分析单位：句子" in out and "n/a" in out
    assert run(["agreement", str(path), "--documents", "1", "--all-coded"]) == 0
    capsys.readouterr()
    assert run(["agreement", str(path), "--where", "地区=长三角"]) == 1  # no such documents
    assert "found: none" in capsys.readouterr().err
    assert run(["agreement", str(path), "--coders", "甲"]) == 1
    assert "at least two coders" in capsys.readouterr().err
    assert run(["agreement", str(path), "--code", "没有"]) == 1
    assert run(["agreement", str(path), "--documents", "9"]) == 1


def test_disagreements_are_capped_with_a_note_unless_all_are_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from annotator.analysis import agreement_sheet

    monkeypatch.setattr(agreement_sheet, "DISAGREEMENT_LIMIT", 2)
    path = make(tmp_path, TWO_CODERS)  # four disagreements: paragraphs 0, 1, 4, 5
    capped, every = tmp_path / "capped.xlsx", tmp_path / "all.xlsx"
    with Project.open(path) as project:
        project.export_excel(capped)
        assert len(disagreements(project)) == 4
    rows = sheet_rows(capped, "分歧")
    assert [r[2] for r in rows[1:3]] == ["1-0-1", "1-0-2"]
    assert len(rows) == 4 and "另有 2 条分歧未列出" in rows[3][1]
    assert "--all-disagreements" in rows[3][1]

    assert run(["export", str(path), str(every), "--all-disagreements"]) == 0
    rows = sheet_rows(every, "分歧")
    assert len(rows) == 5 and all(r[0] == 1 for r in rows[1:])
    with pytest.raises(SystemExit):
        run(["export", "--help"])
    assert "--all-disagreements" in capsys.readouterr().out
