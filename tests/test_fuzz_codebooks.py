"""Fuzzing the codebook readers: the shipped YAML codebook edited the ways people and tools
damage files (lines dropped, repeated, re-indented, hostile text typed in), and a codebook
workbook damaged byte by byte. Each either reads — and then writes back to the same
codebook — or is refused with CodebookFormatError naming the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator import Project
from annotator.codebook_file import dump_codebook, load_codebook
from annotator.errors import CodebookFormatError
from annotator.exchange.codebook_xlsx import export_codebook_xlsx, read_codebook_xlsx
from annotator.exchange.results import CodebookImportReport
from tests.fuzz_text import FUZZ, HOSTILE, mutated, texts

SHIPPED = (Path(__file__).resolve().parent.parent / "codebooks" / "policy-instruments.yaml"
           ).read_text(encoding="utf-8").splitlines()
INDENTS = ("", "  ", "    ", "\t", "- ", "  - ", "\u3000")


@st.composite
def edited_yaml(draw: st.DrawFn) -> str:
    out = list(SHIPPED)
    for _ in range(draw(st.integers(1, 5))):
        if not out:
            break
        at = draw(st.integers(0, len(out) - 1))
        kind = draw(st.integers(0, 4))
        if kind == 0:
            del out[at]
        elif kind == 1:
            out.insert(at, out[at])
        elif kind == 2:
            out[at] = draw(st.sampled_from(INDENTS)) + out[at].lstrip()
        elif kind == 3:
            cut = draw(st.integers(0, len(out[at])))
            out[at] = out[at][:cut] + draw(st.sampled_from(HOSTILE)) + out[at][cut:]
        else:
            key = draw(st.sampled_from(("name", "definition", "keywords", "colour",
                                        "shortcut", "children")))
            out.insert(at, f"{out[at][: len(out[at]) - len(out[at].lstrip())]}{key}: "
                           f"{draw(texts(3))!r}")
    return "\n".join(out) + "\n"


@FUZZ
@given(edited_yaml())
def test_edited_yaml_codebooks(tmp_path: Path, text: str) -> None:
    path = tmp_path / "编码表.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        book = load_codebook(path)
    except CodebookFormatError as exc:
        assert str(exc).startswith(str(path))
        return
    dump_codebook(book, tmp_path / "again.yaml")
    assert load_codebook(tmp_path / "again.yaml") == book


@pytest.fixture(scope="module")
def workbook(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("xlsx")
    with Project.create(folder / "p.annot", codebook="policy-instruments") as project:
        export_codebook_xlsx(project, folder / "codebook.xlsx")
    return folder / "codebook.xlsx"


@FUZZ
@given(data=st.data())
def test_damaged_codebook_workbooks(tmp_path: Path, workbook: Path,
                                    data: st.DataObject) -> None:
    path = tmp_path / "编码表.xlsx"
    path.write_bytes(data.draw(mutated(workbook.read_bytes(), max_edits=4)))
    try:
        rows = read_codebook_xlsx(path, CodebookImportReport(path))
    except CodebookFormatError as exc:
        assert str(path) in str(exc)
        return
    assert all(row.path for row in rows)
