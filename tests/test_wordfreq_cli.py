"""Word charts (PNG) and the `annotator freq` / `annotator keywords` commands."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from PIL import Image

from annotator.analysis.word_charts import bar_chart_png, word_cloud_png
from annotator.analysis.wordfreq import WordCount
from annotator.cli import run
from annotator.project import Project

WORDS = [
    WordCount("科技创新券", "nz", 12, 0.2, 3),
    WordCount("企业", "n", 9, 0.15, 3),
    WordCount("联席会议", "nz", 7, 0.1, 2),
    WordCount("揭榜挂帅", "nz", 5, 0.08, 1),
    WordCount("成果转化", "nz", 3, 0.05, 1),
]


def drawn_share(path: Path) -> float:
    """The share of pixels that are not (nearly) white."""
    histogram = Image.open(path).convert("L").histogram()  # pixels per grey level
    return sum(histogram[:200]) / sum(histogram)


def no_missing_glyphs(record: list[warnings.WarningMessage]) -> bool:
    return not any("missing from font" in str(w.message) for w in record)


def test_bar_chart_png(tmp_path: Path) -> None:
    target = tmp_path / "bar.png"
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        assert bar_chart_png(WORDS, target, "高频词") == target
    assert no_missing_glyphs(record)  # the Chinese labels have a font
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert target.stat().st_size > 10_000
    width, height = Image.open(target).size
    assert width >= 800 and height >= 300
    assert 0.02 < drawn_share(target) < 0.6


def test_bar_chart_takes_keyword_weights(tmp_path: Path) -> None:
    target = bar_chart_png([("孵化器", 0.42), ("企业", 0.1)], tmp_path / "kw.png")
    assert target.stat().st_size > 5_000


def test_word_cloud_png(tmp_path: Path) -> None:
    target = word_cloud_png(WORDS, tmp_path / "cloud.png", width=800, height=500)
    assert Image.open(target).size == (800, 500)
    assert target.stat().st_size > 10_000
    assert drawn_share(target) > 0.02


@pytest.fixture
def study_file(project: Project, article) -> Path:
    code = project.add_code("资源共享", keywords=["科技创新券"])
    text = project.document_text(article.id)
    start = text.index("推广")
    project.apply_code(article.id, code.id, start, text.index("。", start) + 1)
    project.add_document("另一篇", "企业创新。企业发展。")
    path = project.path
    project.close()
    return path


def cli(capsys, *args: str | Path) -> tuple[int, str]:
    code = run([str(a) for a in args])
    return code, capsys.readouterr().out


def test_freq_command(study_file: Path, tmp_path: Path, capsys) -> None:
    chart = tmp_path / "chart.png"
    code, out = cli(capsys, "freq", study_file, "--top", "3", "--chart", chart)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("# 全部文档")
    assert lines[1].split("\t") == ["排名", "词语", "词性", "频次", "占比", "文档数"]
    assert len(lines) == 2 + 3 + 1 and lines[-1] == f"wrote {chart}"
    assert lines[2].split("\t")[:2] == ["1", "企业"]
    assert chart.stat().st_size > 5_000


def test_freq_of_a_code_and_of_a_document(study_file: Path, capsys) -> None:
    code, out = cli(capsys, "freq", study_file, "--code", "资源共享")
    assert code == 0
    words = {line.split("\t")[1]: line.split("\t") for line in out.splitlines()[2:]}
    assert set(words) == {"推广", "科技创新券", "通用通兑", "在外"}  # 推广…在外。
    assert words["科技创新券"][2].startswith("nz")
    code, out = cli(capsys, "freq", study_file, "--document", "2")
    assert code == 0 and "另一篇" in out.splitlines()[0]
    assert [line.split("\t")[1:4:2] for line in out.splitlines()[2:]] == [
        ["企业", "2"], ["创新", "1"], ["发展", "1"]
    ]


def test_keywords_command(study_file: Path, capsys) -> None:
    code, out = cli(capsys, "keywords", study_file, "--document", "1", "--top", "5")
    assert code == 0
    lines = out.splitlines()
    assert lines[1] == "排名\t词语\t权重" and len(lines) == 7
    code, out = cli(capsys, "keywords", study_file, "--code", "资源共享", "--method", "textrank")
    assert code == 0 and "科技创新券" in out


def test_bad_arguments(study_file: Path, capsys) -> None:
    assert run(["freq", str(study_file), "--code", "没有"]) == 1
    assert run(["freq", str(study_file), "--document", "9"]) == 1
    with pytest.raises(SystemExit):
        run(["keywords", str(study_file)])  # needs --code or --document
    with pytest.raises(SystemExit):
        run(["freq", str(study_file), "--code", "资源共享", "--document", "1"])
