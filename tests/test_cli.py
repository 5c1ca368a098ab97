"""The `annotator` command line, end to end on files made here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from annotator.cli import run
from annotator.project import Project

UTF8_TEXT = (
    "关于推进科技成果转化的实施意见\n来源:省科技厅\n一、总体要求\n（一）完善赋权改革机制。\n"
)
GBK_TEXT = "长三角科技创新共同体建设方案\n一、建立联席会议制度\n二、推广创新券通用通兑。\n"


@pytest.fixture
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text(UTF8_TEXT, encoding="utf-8")
    (folder / "sub" / "b.txt").write_bytes(GBK_TEXT.encode("gb18030"))
    (folder / "notes.md").write_text("ignored: not an article type")
    return folder


def cli(*args: str | Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = run([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_init_import_info_export(tmp_path: Path, articles: Path, capsys) -> None:
    study = tmp_path / "study.annot"
    code, out, _ = cli("init", study, "--codebook", "regional-innovation", capsys=capsys)
    assert code == 0 and study.exists()
    (articles / "broken.txt").write_bytes(b"")
    code, out, err = cli("import", study, articles, capsys=capsys)
    assert code == 1  # one file failed, the others are in
    assert "broken.txt: empty file" in out
    assert out.count("imported ") == 2
    assert err == ""  # no progress bar when stderr is not a terminal
    code, out, _ = cli("import", study, articles / "a.txt", capsys=capsys)
    assert code == 0 and "duplicate" in out
    code, out, _ = cli("info", study, capsys=capsys)
    assert code == 0 and "documents: 2" in out

    with Project.open(study) as project:
        doc = next(d for d in project.documents() if "长三角" in d.title)
        text = project.document_text(doc.id)
    start = text.index("联席会议")
    code, out, _ = cli("apply", study, str(doc.number), "区域协同创新/机制协同", str(start),
                       str(start + 4), capsys=capsys)
    assert code == 0 and "联席会议" in out
    code, out, _ = cli("info", study, capsys=capsys)
    assert "passages:  1" in out and "coders:    1" in out

    target = tmp_path / "coded.xlsx"
    code, out, _ = cli("export", study, target, capsys=capsys)
    assert code == 0
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames[:4] == ["编码片段", "频次", "编码表", "文档"]
    rows = list(wb["编码片段"].iter_rows(values_only=True))
    assert len(rows) == 2 and "联席会议" in rows[1]


def test_codebook_commands(tmp_path: Path, capsys) -> None:
    study = tmp_path / "s.annot"
    assert cli("init", study, capsys=capsys)[0] == 0
    code, out, _ = cli("codebook", "import", study, "policy-instruments", capsys=capsys)
    assert code == 0 and "added" in out
    added = int(out.split()[0])
    code, out, _ = cli("codebook", "import", study, "policy-instruments", capsys=capsys)
    assert out.startswith("0 codes added")  # merging again adds nothing
    code, out, _ = cli("codebook", "list", study, capsys=capsys)
    assert code == 0 and "供给型" in out and "  人才培养" in out
    exported = tmp_path / "mine.yaml"
    assert cli("codebook", "export", study, exported, capsys=capsys)[0] == 0
    fresh = tmp_path / "fresh.annot"
    cli("init", fresh, "--codebook", exported, capsys=capsys)
    with Project.open(fresh) as project:
        assert len(project.codes()) == added
    code, out, _ = cli("codebook", "list", capsys=capsys)
    assert "regional-innovation" in out and "policy-instruments" in out


def test_errors_exit_non_zero_with_message(tmp_path: Path, capsys) -> None:
    study = tmp_path / "s.annot"
    cli("init", study, capsys=capsys)
    code, _, err = cli("init", study, capsys=capsys)
    assert code == 1 and "already exists" in err
    code, _, err = cli("info", tmp_path / "nope.annot", capsys=capsys)
    assert code == 1 and "nope.annot" in err
    code, _, err = cli("export", study, tmp_path / "x.pdf", capsys=capsys)
    assert code == 1 and ".pdf" in err
    code, _, err = cli("export", study, tmp_path / "missing" / "x.xlsx", capsys=capsys)
    assert code == 1 and "x.xlsx" in err
    code, _, err = cli("init", tmp_path / "t.annot", "--codebook", "no-such-book", capsys=capsys)
    assert code == 1 and "no-such-book" in err and not (tmp_path / "t.annot").exists()
    code, _, err = cli("import", study, tmp_path / "ghost.txt", capsys=capsys)
    assert code == 1
    code, out, err = cli("apply", study, "1", "X", "0", "1", capsys=capsys)
    assert code == 1 and "no document number 1" in err


def test_module_entry_point(tmp_path: Path) -> None:
    study = tmp_path / "s.annot"
    done = subprocess.run([sys.executable, "-m", "annotator", "init", str(study)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    done = subprocess.run([sys.executable, "-m", "annotator", "info", str(study)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "documents: 0" in done.stdout
