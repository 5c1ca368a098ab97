"""Fuzzing the REFI-QDA importer (annotator/exchange): a real .qdpx exported from the sample
articles, damaged as a zip and as XML, and a .qdc codebook likewise. An import either
succeeds or raises one of the project's own errors, and a failed one leaves nothing behind
(no half-made project; the codebook of the project merged into unchanged)."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator import Project
from annotator.errors import AnnotatorError
from annotator.exchange import export_qdc, export_qdpx, import_project, import_qdc
from tests.fuzz_text import FUZZ_PROJECTS, HOSTILE, SAMPLES, mutated, texts

ARTICLES = [SAMPLES / "01-chengguo-zhuanhua-fuquan.txt", SAMPLES / "05-jiebang-guashuai.txt"]


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("refi")
    with Project.create(folder / "p.annot", codebook="policy-instruments",
                        coder="甲") as project:
        project.import_files(ARTICLES)
        codes = [c for c in project.codes() if c.parent_id is not None][:3]
        for doc in project.documents():
            text = project.document_text(doc.id)
            for n, code in enumerate(codes):
                start = 10 + 40 * n
                passage = project.apply_code(doc.id, code.id, start, min(len(text), start + 25))
                project.set_memo(passage.id, "赋权改革的核心表述")
        export_qdpx(project, folder / "p.qdpx")
        export_qdc(project, folder / "p.qdc")
    return folder / "p.qdpx", folder / "p.qdc"


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name != "in.qdpx")


def import_or_refuse(source: Path, folder: Path) -> None:
    target = folder / "new.annot"
    try:
        report = import_project(source, target)
    except AnnotatorError as exc:
        assert str(exc)
        assert leftovers(folder) == [], "a failed import left files behind"
        return
    with Project.open(target) as project:
        assert len(project.documents()) == report.documents
    target.unlink()


def edited_xml(xml: str, edits: list[tuple[int, int, str]]) -> str:
    """``xml`` with pieces of real and hostile text typed in, or tags and attributes cut."""
    out = xml
    for kind, where, piece in edits:
        at = where % max(1, len(out))
        if kind == 0:
            out = out[:at] + piece + out[at:]
        elif kind == 1:
            tag = out.find("<", at)
            end = out.find(">", tag)
            if tag != -1 and end != -1:
                out = out[:tag] + out[end + 1:]
        else:
            out = re.sub(r'="[^"]*"', f'="{piece}"', out[at:], count=1).join(
                (out[:at], "")) if at < len(out) else out
    return out


xml_edits = st.lists(st.tuples(st.integers(0, 2), st.integers(0, 1 << 30),
                               st.one_of(st.sampled_from(HOSTILE), texts(2))),
                     min_size=1, max_size=5)


@FUZZ_PROJECTS
@given(data=st.data())
def test_damaged_qdpx_archives(tmp_path: Path, exported: tuple[Path, Path],
                               data: st.DataObject) -> None:
    source = tmp_path / "in.qdpx"
    source.write_bytes(data.draw(mutated(exported[0].read_bytes(), max_edits=4)))
    import_or_refuse(source, tmp_path)
    source.unlink()


@FUZZ_PROJECTS
@given(edits=xml_edits)
def test_qdpx_with_edited_project_xml(tmp_path: Path, exported: tuple[Path, Path],
                                      edits: list[tuple[int, int, str]]) -> None:
    source = tmp_path / "in.qdpx"
    buffer = io.BytesIO()
    with zipfile.ZipFile(exported[0]) as original, zipfile.ZipFile(buffer, "w") as out:
        for info in original.infolist():
            data = original.read(info)
            if info.filename == "project.qde":
                data = edited_xml(data.decode("utf-8"), edits).encode("utf-8", "surrogatepass")
            out.writestr(info.filename, data)
    source.write_bytes(buffer.getvalue())
    import_or_refuse(source, tmp_path)
    source.unlink()


@FUZZ_PROJECTS
@given(edits=xml_edits)
def test_qdc_codebooks_with_edited_xml(tmp_path: Path, exported: tuple[Path, Path],
                                       edits: list[tuple[int, int, str]]) -> None:
    source = tmp_path / "in.qdc"
    xml = exported[1].read_text(encoding="utf-8")
    source.write_bytes(edited_xml(xml, edits).encode("utf-8", "surrogatepass"))
    with Project.create(tmp_path / "merge.annot", codebook="regional-innovation") as project:
        before = [(c.name, c.parent_id) for c in project.codes(counts=False)]
        try:
            import_qdc(project, source)
        except AnnotatorError as exc:
            assert str(exc)
            assert [(c.name, c.parent_id) for c in project.codes(counts=False)] == before
    (tmp_path / "merge.annot").unlink()
