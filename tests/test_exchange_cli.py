"""CSV export of passages, and the exchange commands of the command line."""

from __future__ import annotations

import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from annotator.cli import run
from annotator.exchange import export_passages_csv
from annotator.export.cells import timed_header
from annotator.export.excel import PASSAGE_HEAD, PASSAGE_TAIL
from annotator.project import Project


def cli(*args: str | Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = run([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def study(tmp_path: Path, project: Project, article) -> Path:
    text = project.document_text(article.id)
    code = project.add_code("协同机制", keywords=["联席"])
    start = text.index("联席会议")
    project.apply_code(article.id, code.id, start, start + 4, memo="=HYPERLINK(\"x\")")
    i = text.index("𠮷𠮷")
    project.apply_code(article.id, code.id, i, i + 2)
    return project.path


def test_csv_has_bom_and_the_passage_sheet_columns(study: Path, tmp_path: Path) -> None:
    with Project.open(study) as project:
        assert export_passages_csv(project, tmp_path / "p.csv") == 2
    raw = (tmp_path / "p.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    frame = pd.read_csv(tmp_path / "p.csv", encoding="utf-8-sig")
    assert list(frame.columns) == [*PASSAGE_HEAD, "地区", *PASSAGE_TAIL[:-1], timed_header("时间")]
    assert list(frame["片段文本"]) == ["联席会议", "𠮷𠮷"]
    assert frame["地区"].tolist() == ["京津冀", "京津冀"]
    assert frame["备注"][0] == "'=HYPERLINK(\"x\")"  # never run as a formula by Excel
    assert frame["编码路径"][0] == "协同机制"


def test_export_formats_from_the_command_line(study: Path, tmp_path: Path, capsys) -> None:
    for name in ("out.qdpx", "out.qdc", "out.csv", "out.xlsx"):
        code, out, _ = cli("export", study, tmp_path / name, capsys=capsys)
        assert code == 0 and out.startswith(f"wrote {tmp_path / name}")
    with zipfile.ZipFile(tmp_path / "out.qdpx") as zf:
        assert "project.qde" in zf.namelist()
    code, _, err = cli("export", study, tmp_path / "out.pdf", capsys=capsys)
    assert code == 1 and ".qdpx" in err


def test_import_project_command(study: Path, tmp_path: Path, capsys) -> None:
    cli("export", study, tmp_path / "out.qdpx", capsys=capsys)
    code, out, _ = cli("import-project", tmp_path / "out.qdpx", tmp_path / "new.annot",
                       capsys=capsys)
    assert code == 0
    assert "1 document," in out and "2 passages (1 with memos)" in out
    code, _, err = cli("import-project", tmp_path / "out.qdpx", tmp_path / "new.annot",
                       capsys=capsys)
    assert code == 1 and "already exists" in err
    (tmp_path / "broken.qdpx").write_bytes(b"not a zip")
    code, _, err = cli("import-project", tmp_path / "broken.qdpx", tmp_path / "b.annot",
                       capsys=capsys)
    assert code == 1 and "broken.qdpx" in err and not (tmp_path / "b.annot").exists()


def test_import_project_prints_warnings(tmp_path: Path, capsys) -> None:
    qde = tmp_path / "x.qde"
    qde.write_text(
        '<Project xmlns="urn:QDA-XML:project:1.0" name="x"><Sources>'
        '<TextSource guid="22222222-2222-3333-4444-555555555555" name="gone" '
        'plainTextPath="internal://gone.txt"/></Sources><Sets/></Project>',
        encoding="utf-8",
    )
    code, out, _ = cli("import-project", qde, tmp_path / "x.annot", capsys=capsys)
    assert code == 0 and "2 warnings:" in out
    assert '[missing-source] source "gone"' in out and "[schema-quirk]" in out


def test_codebook_commands_dispatch_by_suffix(study: Path, tmp_path: Path, capsys) -> None:
    for name in ("cb.xlsx", "cb.qdc", "cb.yaml"):
        code, out, _ = cli("codebook", "export", study, tmp_path / name, capsys=capsys)
        assert code == 0 and (tmp_path / name).exists()
    assert openpyxl.load_workbook(tmp_path / "cb.xlsx").sheetnames == ["编码表"]
    assert (tmp_path / "cb.qdc").read_bytes().startswith(b"<?xml")
    fresh = tmp_path / "fresh.annot"
    cli("init", fresh, capsys=capsys)
    for name in ("cb.xlsx", "cb.qdc", "cb.yaml"):
        code, out, _ = cli("codebook", "import", fresh, tmp_path / name, capsys=capsys)
        assert code == 0
        assert out.startswith("1 code added" if name == "cb.xlsx" else "0 codes added")
    bad = tmp_path / "bad.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["foo", "bar"])
    wb.save(bad)
    code, _, err = cli("codebook", "import", fresh, bad, capsys=capsys)
    assert code == 1 and "bad.xlsx, sheet 'Sheet', row 1: no header row" in err
