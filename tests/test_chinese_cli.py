"""`annotator terms | stopwords | units | segment` end to end on a project made here."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from annotator.cli import run
from annotator.project import Project

ARTICLE = (
    "关于推进区域创新券通用通兑的通知\n"
    "一、总体要求\n"
    "（一）发放科技创新券。推进“三权”改革，建设反向飞地。\n"
    "二、保障措施\n"
    "加强组织领导。\n"
)


@pytest.fixture
def study(tmp_path: Path) -> Path:
    path = tmp_path / "study.annot"
    with Project.create(path) as project:
        project.add_document("通知", ARTICLE)
    return path


def cli(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    code = run([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def test_segment_with_project_terms(study: Path, capsys) -> None:
    code, out, _ = cli(capsys, "segment", study, "推进“三权”改革，建设反向飞地")
    assert code == 0
    assert out.strip() == "推进 / “三权”改革 / ， / 建设 / 反向 / 飞地"
    code, out, _ = cli(capsys, "terms", study, "add", "反向飞地", "科技创新券")
    assert code == 0
    assert "1 term added: 反向飞地" in out and "already terms: 科技创新券" in out
    _, out, _ = cli(capsys, "segment", study, "推进“三权”改革，建设反向飞地")
    assert out.strip() == "推进 / “三权”改革 / ， / 建设 / 反向飞地"


def test_terms_list_remove_import(study: Path, tmp_path: Path, capsys) -> None:
    cli(capsys, "terms", study, "add", "反向飞地")
    code, out, _ = cli(capsys, "terms", study)
    assert code == 0 and out.splitlines()[0] == "反向飞地"
    assert "1 project terms" in out
    code, out, _ = cli(capsys, "terms", study, "remove", "反向飞地", "揭榜挂帅", "没有")
    assert "2 terms removed: 反向飞地 揭榜挂帅" in out and "not terms: 没有" in out
    _, out, _ = cli(capsys, "terms", study, "list")
    assert "starter terms switched off: 揭榜挂帅" in out
    _, out, _ = cli(capsys, "terms", study, "list", "--all")
    listed = out.split()
    assert "科技创新券" in listed and "揭榜挂帅" not in listed
    file = tmp_path / "mine.txt"
    file.write_text("# 术语\n人才新政\n飞地孵化器 3 nz\n", encoding="utf-8")
    code, out, _ = cli(capsys, "terms", study, "import", file)
    assert code == 0 and "2 terms added: 人才新政 飞地孵化器" in out
    code, _, err = cli(capsys, "terms", study, "add")
    assert code == 1 and "name at least one term" in err


def test_terms_suggest_lists_new_terms_that_import_reads_back(
    tmp_path: Path, capsys
) -> None:
    path = tmp_path / "statutes.annot"
    with Project.create(path) as project:  # articles of five real S&T statutes
        for file in sorted((Path(__file__).parent / "data" / "terms").glob("*.txt")):
            project.add_document(file.stem, file.read_text("utf-8"))
    cli(capsys, "terms", path, "remove", "科技伦理", "原始创新")  # starter terms: split again
    code, out, _ = cli(capsys, "terms", path, "suggest", "--top", "5")
    assert code == 0
    header, *lines = out.splitlines()
    assert header.startswith("# term") and len(lines) == 5
    term, count, documents, split = lines[0].split("\t")
    assert (term, count, documents, split) == ("科技伦理", "35", "5", "科技 / 伦理")
    counts = [int(line.split("\t")[1]) for line in lines]
    assert all(c >= 3 for c in counts)
    # The list is a terms file: edited or not, `terms import` adds what it names.
    file = tmp_path / "suggested.txt"
    file.write_text(out, encoding="utf-8")
    code, out, _ = cli(capsys, "terms", path, "import", file)
    assert code == 0 and out.startswith("5 terms added: 科技伦理 ")
    _, out, _ = cli(capsys, "terms", path, "suggest", "--top", "5")
    assert "科技伦理" not in [line.split("\t")[0] for line in out.splitlines()]
    code, _, err = cli(capsys, "terms", path, "suggest", "--top", "0")
    assert code == 1 and "--top" in err


def test_terms_suggest_on_a_project_without_recurring_terms(study: Path, capsys) -> None:
    code, out, _ = cli(capsys, "terms", study, "suggest")
    assert code == 0 and out.startswith("no new terms found")


def test_stopwords(study: Path, capsys) -> None:
    code, out, _ = cli(capsys, "stopwords", study, "add", "推进", "的")
    assert code == 0 and "1 stopword added: 推进" in out and "already stopwords: 的" in out
    code, out, _ = cli(capsys, "stopwords", study, "remove", "的")
    assert "1 stopword removed: 的" in out
    _, out, _ = cli(capsys, "stopwords", study)
    assert "added: 推进" in out and "removed: 的" in out
    assert "1 added, 1 removed" in out
    _, out, _ = cli(capsys, "stopwords", study, "list", "--all")
    assert "推进" in out.split() and "的" not in out.split()


def test_units(study: Path, capsys) -> None:
    code, out, _ = cli(capsys, "units", study, "1")
    assert code == 0
    assert out.splitlines() == [
        "1-0-1  关于推进区域创新券通用通兑的通知",
        "1-1-0  一、总体要求",
        "1-1-1  （一）发放科技创新券。推进“三权”改革，建设反向飞地。",
        "1-2-0  二、保障措施",
        "1-2-1  加强组织领导。",
    ]
    code, out, _ = cli(capsys, "units", study, "1", "--kind", "sentence")
    lines = out.splitlines()
    assert "1-1-1.1  （一）发放科技创新券。" in lines
    assert "1-1-1.2  推进“三权”改革，建设反向飞地。" in lines
    code, _, err = cli(capsys, "units", study, "7")
    assert code == 1 and "no document number 7" in err


def test_commands_reach_the_cli_not_the_window(study: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "annotator", "segment", str(study), "发放科技创新券"],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "发放 / 科技创新券"
    assert result.stderr == ""  # jieba's loading chatter is silenced
