"""A user's install: the built wheel, installed with the pip that Python itself ships, into a
fresh venv, reads every format the README lists (.txt .docx .html .pdf) through the CLI.

Old pip (23.2.1 ships with Python 3.11) skips dependencies that newer pip installs — lxml's
``html_clean`` extra that justext asks for was one — and scripts/setup-env.sh upgrades pip
first, so only an install like this one shows what a new user gets. Downloads come from pip's
cache (or the machine's wheel folders) after the first run. Another Python can be checked with
``ANNOTATOR_INSTALL_PYTHON=/path/to/python3.13 pytest -m slow tests/test_install_wheel.py``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
STATUTE = ROOT / "tests" / "data" / "import" / "beijing-kechuang-zhongxin-tiaoli-2024.txt"

pytestmark = pytest.mark.slow


def _run(args: list[str | Path], **kwargs: object) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, timeout=900, **kwargs
    )
    assert result.returncode == 0, f"{args}\n{result.stdout}\n{result.stderr}"
    return result


def _base_python() -> str:
    """The interpreter a user would have: the one under this venv, or the one asked for."""
    return os.environ.get("ANNOTATOR_INSTALL_PYTHON") or getattr(
        sys, "_base_executable", sys.executable
    )


def _typeset_pdf(path: Path) -> None:
    """A two-page PDF of the statute's first lines, one short line each (different lines on
    each page: lines repeated on every page are dropped as running heads)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    lines = STATUTE.read_text(encoding="utf-8").split("\n")[:8]
    pdf = canvas.Canvas(str(path), pagesize=A4)
    for page in (lines[:4], lines[4:]):
        pdf.setFont("STSong-Light", 14)
        for number, line in enumerate(page):
            pdf.drawString(72, 760 - 24 * number, line[:30])
        pdf.showPage()
    pdf.save()


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """bin/ (Scripts/ on Windows) of a fresh venv with the wheel installed by stock pip."""
    work = tmp_path_factory.mktemp("install")
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
          "-q", "-w", work / "dist", ROOT])
    (wheel,) = (work / "dist").glob("annotator-*.whl")
    python = _base_python()
    _run([python, "-m", "venv", work / "venv"])
    bin_dir = work / "venv" / ("Scripts" if os.name == "nt" else "bin")
    stock = _run([python, "-c", "import ensurepip; print(ensurepip.version())"]).stdout.strip()
    pip = _run([bin_dir / "python", "-m", "pip", "--version"]).stdout
    assert pip.startswith(f"pip {stock} "), pip  # the pip Python ships, not an upgraded one
    _run([bin_dir / "python", "-m", "pip", "install", "-q", wheel], cwd=work)
    return bin_dir


def test_stock_pip_install_imports_every_format(installed: Path, tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    for sample in SAMPLES.glob("0*.*"):  # the eight articles, not README.md or .gitattributes
        shutil.copy(sample, articles)
    _typeset_pdf(articles / "beijing-tiaoli.pdf")
    suffixes = {p.suffix for p in articles.iterdir()}
    assert suffixes == {".txt", ".html", ".docx", ".pdf"}
    count = len(list(articles.iterdir()))

    # Outside the checkout, so the installed package is the one that runs.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    annotator = installed / "annotator"
    _run([annotator, "init", "study.annot", "--codebook", "regional-innovation"],
         cwd=tmp_path, env=env)
    result = _run([annotator, "import", "study.annot", articles], cwd=tmp_path, env=env)
    assert f"{count} imported, 0 duplicate, 0 failed" in result.stdout, result.stdout
    listing = _run([annotator, "documents", "study.annot"], cwd=tmp_path, env=env).stdout
    assert "北京国际科技创新中心建设条例" in listing  # the PDF's text, not just its file name
    assert "以数字化改革重塑科技治理" in listing  # the saved web page's title
    _run([annotator, "export", "study.annot", "coded.xlsx"], cwd=tmp_path, env=env)
    assert (tmp_path / "coded.xlsx").stat().st_size > 0
