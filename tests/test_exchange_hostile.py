"""Hostile and broken files: XML bombs and external entities, zip-slip, zip bombs, missing
sources, selections past the end, and failures that must leave no project behind."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import pytest

from annotator.errors import ProjectError
from annotator.exchange import (
    ExchangeFormatError,
    Limits,
    UnsafeArchiveError,
    import_project,
    import_qdc,
)
from annotator.exchange import import_plan as plan_module
from annotator.project import Project

CODE = "11111111-2222-3333-4444-555555555555"
SRC = "22222222-2222-3333-4444-555555555555"
TEXT = "第一条 为了规范科技成果转化，制定本办法。"


def project_xml(sources: str = "", prolog: str = "") -> str:
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n{prolog}'
        '<Project xmlns="urn:QDA-XML:project:1.0" name="t">'
        f'<CodeBook><Codes><Code guid="{CODE}" name="转化" isCodable="true"/></Codes></CodeBook>'
        f"<Sources>{sources}</Sources></Project>"
    )


def selection(n: int, start: int, end: int) -> str:
    return (
        f'<PlainTextSelection guid="33333333-2222-3333-4444-55555555555{n}" name="s{n}" '
        f'startPosition="{start}" endPosition="{end}">'
        f'<Coding guid="44444444-2222-3333-4444-55555555555{n}"><CodeRef targetGUID="{CODE}"/>'
        "</Coding></PlainTextSelection>"
    )


def source(guid: str, name: str, selections: str = "") -> str:
    return (f'<TextSource guid="{guid}" name="{name}" plainTextPath="internal://{guid}.txt">'
            f"{selections}</TextSource>")


def write_zip(path: Path, files: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return path


def leftovers(folder: Path, keep: set[str]) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name not in keep)


# -- XML -------------------------------------------------------------------------------------

BILLION_LAUGHS = """<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
"""


@pytest.mark.parametrize(
    "prolog, body",
    [
        (BILLION_LAUGHS, "&lol9;"),
        ('<!DOCTYPE p [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n', "&xxe;"),
        ('<!DOCTYPE p SYSTEM "http://example.invalid/evil.dtd">\n', ""),
    ],
    ids=["billion-laughs", "external-entity", "external-dtd"],
)
def test_entities_are_refused(tmp_path: Path, prolog: str, body: str) -> None:
    xml = project_xml(prolog=prolog)
    if body:
        xml = xml.replace("</Project>", f"<Description>{body}</Description></Project>")
    archive = write_zip(tmp_path / "bomb.qdpx", {"project.qde": xml})
    with pytest.raises(ExchangeFormatError) as info:
        import_project(archive, tmp_path / "x.annot")
    assert "refused" in str(info.value) or "entit" in str(info.value)
    assert leftovers(tmp_path, {"bomb.qdpx"}) == []


def test_broken_xml_and_wrong_files(tmp_path: Path) -> None:
    cut = project_xml(source(SRC, "a"))[:-20]
    cases = {
        "cut.qdpx": write_zip(tmp_path / "cut.qdpx", {"project.qde": cut}),
        "html.qde": tmp_path / "html.qde",
        "noqde.qdpx": write_zip(tmp_path / "noqde.qdpx", {"readme.txt": "hi"}),
        "binary.qdpx": tmp_path / "binary.qdpx",
    }
    (tmp_path / "html.qde").write_text("<html><body>not refi</body></html>", encoding="utf-8")
    (tmp_path / "binary.qdpx").write_bytes(b"PK\x03\x04 but not really a zip")
    for name, path in cases.items():
        with pytest.raises(ExchangeFormatError) as info:
            import_project(path, tmp_path / f"{name}.annot")
        assert name in str(info.value)
    assert not list(tmp_path.glob("*.annot*"))


def test_codebook_given_as_project_is_refused(tmp_path: Path) -> None:
    qdc = tmp_path / "c.qdc"
    qdc.write_text('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
                   f'<Code guid="{CODE}" name="a" isCodable="true"/></Codes></CodeBook>')
    with pytest.raises(ExchangeFormatError, match="codebook"):
        import_project(qdc, tmp_path / "x.annot")


# -- zip archives ----------------------------------------------------------------------------


@pytest.mark.parametrize("entry", ["../evil.txt", "sources/../../evil.txt", "/etc/evil.txt",
                                   "C:/evil.txt", "..\\evil.txt"])
def test_zip_slip_is_refused(tmp_path: Path, entry: str) -> None:
    archive = write_zip(tmp_path / "slip.qdpx", {"project.qde": project_xml(), entry: "x"})
    with pytest.raises(UnsafeArchiveError, match="refused"):
        import_project(archive, tmp_path / "x.annot")
    assert leftovers(tmp_path, {"slip.qdpx"}) == []
    assert not (tmp_path.parent / "evil.txt").exists()


def test_zip_bomb_by_declared_size_is_refused(tmp_path: Path) -> None:
    archive = write_zip(tmp_path / "bomb.qdpx", {
        "project.qde": project_xml(source(SRC, "a")),
        f"sources/{SRC}.txt": b"\x00" * (3 * 1024 * 1024),  # compresses to a few KB
    })
    assert archive.stat().st_size < 50_000
    with pytest.raises(UnsafeArchiveError, match="limit"):
        import_project(archive, tmp_path / "x.annot", limits=Limits(max_total_bytes=1024 * 1024))
    with pytest.raises(UnsafeArchiveError, match="limit"):
        import_project(archive, tmp_path / "x.annot", limits=Limits(max_entry_bytes=1024 * 1024))
    assert leftovers(tmp_path, {"bomb.qdpx"}) == []


def _lie_about_size(path: Path, entry: str, size: int) -> None:
    """Rewrite the uncompressed size ``entry`` declares, in its local header and in the
    central directory, as a hand-crafted bomb would."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(entry)
    struct.pack_into("<I", data, info.header_offset + 22, size)  # local file header
    central = data.find(b"PK\x01\x02")
    name = entry.encode()
    while central != -1:
        if data[central + 46 : central + 46 + len(name)] == name:
            struct.pack_into("<I", data, central + 24, size)
            break
        central = data.find(b"PK\x01\x02", central + 4)
    path.write_bytes(bytes(data))


def test_zip_entry_that_lies_about_its_size_is_refused(tmp_path: Path) -> None:
    qde = project_xml(source(SRC, "a", selection(1, 0, 3)))
    archive = write_zip(tmp_path / "liar.qdpx", {"project.qde": qde})
    _lie_about_size(archive, "project.qde", 100)  # declares 100 bytes, holds far more
    with pytest.raises(ExchangeFormatError):
        import_project(archive, tmp_path / "x.annot")
    assert leftovers(tmp_path, {"liar.qdpx"}) == []


def test_counting_reader_stops_at_the_budget(tmp_path: Path) -> None:
    """The bytes actually read count against the total, whatever the entries declare."""
    from annotator.exchange.qdpx import QdpxArchive

    archive = write_zip(tmp_path / "a.qdpx", {"one.txt": b"a" * 4000, "two.txt": b"b" * 4000})
    with QdpxArchive(archive, Limits(max_total_bytes=10_000)) as qdpx:
        assert len(qdpx.read("one.txt")) == 4000
        assert len(qdpx.read("two.txt")) == 4000
        with pytest.raises(UnsafeArchiveError, match="limit"):
            qdpx.read("one.txt")  # 12,000 bytes read in all


# -- broken items are skipped, the rest imported --------------------------------------------


def test_missing_source_and_selection_past_the_end(tmp_path: Path) -> None:
    other = "55555555-2222-3333-4444-555555555555"
    sources = (
        source(SRC, "有文本", selection(1, 3, 9) + selection(2, 3, 999) + selection(3, 9, 3))
        + source(other, "缺文本", selection(4, 0, 2))
    )
    archive = write_zip(tmp_path / "p.qdpx", {
        "project.qde": project_xml(sources),
        f"sources/{SRC}.txt": TEXT,
    })
    report = import_project(archive, tmp_path / "p.annot")
    assert (report.documents, report.passages) == (1, 1)
    by_kind = {(w.kind, w.item): w.message for w in report.warnings.items}
    assert "not in the archive" in by_kind[("missing-source", 'source "缺文本"')]
    assert "past the end" in by_kind[("selection", 'selection "s2" in "有文本"')]
    assert "reversed" in by_kind[("selection", 'selection "s3" in "有文本"')]
    with Project.open(tmp_path / "p.annot") as project:
        assert [p.text for p in project.passages()] == [TEXT[3:9]]


def test_failed_import_leaves_nothing_behind(tmp_path: Path, monkeypatch) -> None:
    archive = write_zip(tmp_path / "p.qdpx", {
        "project.qde": project_xml(source(SRC, "a", selection(1, 0, 4))),
        f"sources/{SRC}.txt": TEXT,
    })

    def explode(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
        raise RuntimeError("disk full, say")

    from annotator.db import exchange as bulk

    monkeypatch.setattr(bulk, "insert_passages", explode)
    with pytest.raises(RuntimeError):
        import_project(archive, tmp_path / "p.annot")
    assert leftovers(tmp_path, {"p.qdpx"}) == []
    monkeypatch.setattr(plan_module.Planner, "_selections", explode)
    with pytest.raises(RuntimeError):
        import_project(archive, tmp_path / "p.annot")
    assert leftovers(tmp_path, {"p.qdpx"}) == []


def test_existing_target_is_never_overwritten(tmp_path: Path) -> None:
    archive = write_zip(tmp_path / "p.qdpx", {"project.qde": project_xml()})
    (tmp_path / "there.annot").write_bytes(b"precious")
    with pytest.raises(ProjectError, match="already exists"):
        import_project(archive, tmp_path / "there.annot")
    assert (tmp_path / "there.annot").read_bytes() == b"precious"


def test_hostile_codebook_is_refused_and_project_untouched(
    project: Project, tmp_path: Path
) -> None:
    project.add_code("原有")
    bad = tmp_path / "bad.qdc"
    bad.write_text(BILLION_LAUGHS + '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
                   f'<Code guid="{CODE}" name="&lol9;" isCodable="true"/></Codes></CodeBook>')
    with pytest.raises(ExchangeFormatError, match="refused"):
        import_qdc(project, bad)
    assert [c.name for c in project.codes()] == ["原有"]


def test_counting_reader_refuses_more_than_declared() -> None:
    """Whatever zipfile lets through, bytes beyond an entry's declared size stop the read."""
    import io

    from annotator.exchange.qdpx import _Budget, _CountingReader

    info = zipfile.ZipInfo("project.qde")
    info.file_size = 100
    reader = io.BufferedReader(_CountingReader(io.BytesIO(b"x" * 5000), info,
                                               _Budget(Limits(), "t.qdpx")))
    with pytest.raises(UnsafeArchiveError, match="more than the 100 bytes"):
        reader.read()
