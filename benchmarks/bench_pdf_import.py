"""PDF import: paragraphs obtained vs the original, and the time it takes.

A real statute (tests/data/import, or any UTF-8 text file given on the command line, one
paragraph a line) is typeset with reportlab as a word processor prints it — fixed width,
running title, page numbers — with and without first-line indents, then imported.

    .venv/bin/python benchmarks/bench_pdf_import.py [paragraphs.txt …]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from pypdf import PdfReader  # noqa: E402
from test_pdf_paragraphs import _font, typeset  # noqa: E402

from annotator.importing import read_file  # noqa: E402

DEFAULT = ROOT / "tests" / "data" / "import" / "beijing-kechuang-zhongxin-tiaoli-2024.txt"


def measure(source: Path, folder: Path) -> None:
    paragraphs = [line.strip() for line in source.read_text(encoding="utf-8").split("\n")
                  if line.strip()]
    for indent in (2, 0):
        pdf = folder / f"{source.stem}-{indent}.pdf"
        pages = typeset(pdf, paragraphs, indent_chars=indent, header=paragraphs[0])
        printed = sum(len((p.extract_text() or "").splitlines()) for p in PdfReader(pdf).pages)
        start = time.perf_counter()
        got = read_file(pdf).text.split("\n")
        seconds = time.perf_counter() - start
        same = sum(1 for line in got if line in set(paragraphs))
        print(
            f"{source.name} indent={indent}: {pages} pages, {printed} printed lines → "
            f"{len(got)} paragraphs (original {len(paragraphs)}, {same} identical), "
            f"{seconds * 1000 / pages:.1f} ms/page"
        )


def main() -> None:
    _font()
    sources = [Path(arg) for arg in sys.argv[1:]] or [DEFAULT]
    with tempfile.TemporaryDirectory() as folder:
        for source in sources:
            measure(source, Path(folder))


if __name__ == "__main__":
    main()
