"""REFI-QDA export (.qdpx/.qdc): schema-valid, stable GUIDs, and a lossless round trip."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from annotator.exchange import export_qdc, export_qdpx, import_project, schema_path
from annotator.exchange.schemas import CODEBOOK_XSD, PROJECT_XSD
from annotator.project import Project

NS = {"q": "urn:QDA-XML:project:1.0"}
ARTICLE = (
    "关于深化区域科技创新合作的若干意见\n"
    "一、建立跨区域协同机制\n"
    "（一）三地建立联席会议制度，常态化推进“信息互通、监管互认”。\n"
    "二、推动资源共享\n"
    "1. 推广科技创新券通用通兑，𠮷𠮷两字在外。\n"
)
CRLF_TEXT = (
    "长三角科技创新共同体建设方案\r\n一、建立联席会议制度\r\n\r\n\r\n二、推广创新券通用通兑。\r\n"
)


def validate(data: bytes, xsd: str) -> None:
    schema = etree.XMLSchema(etree.parse(str(schema_path(xsd))))
    doc = etree.parse(io.BytesIO(data))
    assert schema.validate(doc), schema.error_log


@pytest.fixture
def rich(tmp_path: Path):
    """Two coders, a three-level code tree, documents with a number gap, 𠮷, CRLF input,
    memos, attributes, overlapping passages."""
    project = Project.create(tmp_path / "rich.annot", coder="甲")
    top = project.add_code("区域协同创新", colour="#9CC3F0", definition="跨区域合作",
                           keywords=["协同", "合作"], shortcut="1")
    mech = project.add_code("机制协同", parent_id=top.id, definition="联席会议等机制")
    deep = project.add_code("联席会议", parent_id=mech.id, colour="#F4A6A6", keywords=["联席"])
    share = project.add_code("资源共享", colour="#8FD3A8", shortcut="2")
    project.add_code("空编码")  # no passages, no children: still codable
    a = project.add_document("若干意见", ARTICLE, source_name="a.txt",
                             attributes={"地区": "京津冀", "年份": "2023"})
    b = project.add_document("建设方案", CRLF_TEXT, source_name="b.docx",
                             attributes={"地区": "长三角"})
    gone = project.add_document("删除", "将被删除的文档。")
    c = project.add_document("第四篇", "第四篇文章：=SUM(A1) 开头的公式样文本。")
    project.delete_document(gone.id)
    text_a, text_b = project.document_text(a.id), project.document_text(b.id)
    i = text_a.index("𠮷𠮷两字")
    project.apply_code(a.id, share.id, i, i + 4, memo="𠮷 是一个字符")
    project.apply_code(a.id, deep.id, text_a.index("联席会议"), text_a.index("联席会议") + 4)
    j = text_a.index("（一）")
    project.apply_code(a.id, mech.id, j, text_a.index("二、"), memo="跨行\n第二行")
    project.set_coder("乙")
    project.apply_code(a.id, share.id, i, i + 4)  # same span, other coder
    project.apply_code(a.id, top.id, i, i + 4)  # same span, other code
    k = text_b.index("一、")
    project.apply_code(b.id, deep.id, k, text_b.index("二、") + 2, memo="跨越空行")
    project.apply_code(c.id, share.id, 0, 3)
    yield project
    project.close()


def snapshot(project: Project) -> dict[str, object]:
    """Everything the round trip must keep, keyed by GUID rather than by id."""
    docs = {d.id: d for d in project.documents()}
    codes = {c.id: c for c in project.codes()}
    return {
        "documents": sorted(
            (d.guid, d.number, d.title, d.source_name, d.attributes, d.imported_at,
             project.document_text(d.id))
            for d in docs.values()
        ),
        "codes": [
            (c.guid, c.path, c.colour, c.definition, c.keywords, c.shortcut, c.position)
            for c in codes.values()
        ],
        "coders": sorted((c.guid, c.name) for c in project.coders()),
        "passages": sorted(
            (p.guid, docs[p.document_id].guid, codes[p.code_id].guid, p.coder_name, p.start,
             p.end, p.text, p.memo, p.created_at)
            for p in project.passages()
        ),
    }


def test_qdpx_layout_and_schema(rich: Project, tmp_path: Path) -> None:
    target = tmp_path / "out.qdpx"
    summary = export_qdpx(rich, target)
    assert (summary.documents, summary.passages, summary.memos, summary.coders) == (3, 7, 3, 2)
    with zipfile.ZipFile(target) as zf:
        names = zf.namelist()
        qde = zf.read("project.qde")
        docs = rich.documents()
        for d in docs:
            assert zf.read(f"sources/{d.guid}.txt").decode("utf-8") == rich.document_text(d.id)
    assert sorted(names) == sorted(["project.qde", *(f"sources/{d.guid}.txt" for d in docs)])
    validate(qde, PROJECT_XSD)
    root = etree.fromstring(qde)
    codable = {c.get("name"): c.get("isCodable") for c in root.iterfind(".//q:Code", NS)}
    assert codable["区域协同创新"] == "true"  # has a passage of its own
    assert codable["机制协同"] == "true"
    assert codable["空编码"] == "true"
    sel = root.find(".//q:PlainTextSelection[@name='𠮷𠮷两字']", NS)
    assert sel is not None and sel.find("q:Coding/q:CodeRef", NS) is not None
    assert sel.find("q:NoteRef", NS).get("targetGUID") in {
        n.get("guid") for n in root.iterfind(".//q:Notes/q:Note", NS)
    }
    users = {u.get("name") for u in root.iterfind(".//q:User", NS)}
    assert users == {"甲", "乙"}


def test_folder_only_codes_are_not_codable(project: Project, tmp_path: Path) -> None:
    parent = project.add_code("上级")
    project.add_code("下级", parent_id=parent.id)
    export_qdc(project, tmp_path / "cb.qdc")
    data = (tmp_path / "cb.qdc").read_bytes()
    validate(data, CODEBOOK_XSD)
    root = etree.fromstring(data)
    ns = {"c": "urn:QDA-XML:codebook:1.0"}
    assert root.find("c:Codes/c:Code", ns).get("isCodable") == "false"
    assert root.find("c:Codes/c:Code/c:Code", ns).get("isCodable") == "true"


def test_exports_are_stable(rich: Project, tmp_path: Path) -> None:
    export_qdpx(rich, tmp_path / "1.qdpx")
    export_qdpx(rich, tmp_path / "2.qdpx")
    with zipfile.ZipFile(tmp_path / "1.qdpx") as one, zipfile.ZipFile(tmp_path / "2.qdpx") as two:
        assert one.read("project.qde") == two.read("project.qde")  # GUIDs included
    export_qdc(rich, tmp_path / "1.qdc")
    export_qdc(rich, tmp_path / "2.qdc")
    assert (tmp_path / "1.qdc").read_bytes() == (tmp_path / "2.qdc").read_bytes()
    validate((tmp_path / "1.qdc").read_bytes(), CODEBOOK_XSD)


def test_round_trip_is_lossless(rich: Project, tmp_path: Path) -> None:
    export_qdpx(rich, tmp_path / "out.qdpx")
    report = import_project(tmp_path / "out.qdpx", tmp_path / "back.annot")
    assert list(report.warnings.items) == []
    assert (report.documents, report.passages, report.memos, report.coders) == (3, 7, 3, 2)
    with Project.open(tmp_path / "back.annot") as back:
        assert snapshot(back) == snapshot(rich)
        # and once more: a re-export of the imported project is byte for byte the same
        export_qdpx(back, tmp_path / "again.qdpx")
    with zipfile.ZipFile(tmp_path / "out.qdpx") as a, zipfile.ZipFile(tmp_path / "again.qdpx") as b:
        qde_a, qde_b = a.read("project.qde"), b.read("project.qde")
    assert qde_a.replace(b'name="rich"', b'name="back"') == qde_b


def _crlf_positions(text: str, pos: int, convention: str) -> int:
    """``pos`` (code points of LF text) in a CRLF copy of ``text``, counted as ``convention``."""
    head = text[:pos]
    if convention == "atlas.ti":  # CRLF as one code point
        return pos
    extra = head.count("\n")
    if convention == "nvivo":  # UTF-16 units, CRLF as two
        extra += sum(1 for ch in head if ord(ch) > 0xFFFF)
    return pos + extra


@pytest.mark.parametrize("convention", ["spec", "atlas.ti", "nvivo"])
def test_round_trip_with_crlf_sources(rich: Project, tmp_path: Path, convention: str) -> None:
    """Sources saved with CRLF line endings, positions counted as each vendor does: every
    passage still lands on the same characters."""
    export_qdpx(rich, tmp_path / "out.qdpx")
    texts: dict[str, str] = {}
    with zipfile.ZipFile(tmp_path / "out.qdpx") as zf:
        root = etree.fromstring(zf.read("project.qde"))
        for name in zf.namelist():
            if name.startswith("sources/"):
                texts[name] = zf.read(name).decode("utf-8")
    for source in root.iterfind(".//q:TextSource", NS):
        text = texts[f"sources/{source.get('guid')}.txt"]
        for sel in source.iterfind("q:PlainTextSelection", NS):
            for attr in ("startPosition", "endPosition"):
                sel.set(attr, str(_crlf_positions(text, int(sel.get(attr)), convention)))
    with zipfile.ZipFile(tmp_path / "crlf.qdpx", "w") as zf:
        zf.writestr("project.qde", etree.tostring(root, xml_declaration=True, encoding="utf-8"))
        for name, text in texts.items():
            zf.writestr(name, text.replace("\n", "\r\n").encode("utf-8"))
    report = import_project(tmp_path / "crlf.qdpx", tmp_path / "back.annot")
    kinds = {w.kind for w in report.warnings.items}
    assert kinds <= {"positions"}, report.warnings.items
    with Project.open(tmp_path / "back.annot") as back:
        assert snapshot(back) == snapshot(rich)


def test_empty_project_exports_and_imports(project: Project, tmp_path: Path) -> None:
    export_qdpx(project, tmp_path / "empty.qdpx")
    with zipfile.ZipFile(tmp_path / "empty.qdpx") as zf:
        validate(zf.read("project.qde"), PROJECT_XSD)
    report = import_project(tmp_path / "empty.qdpx", tmp_path / "e.annot")
    assert report.documents == report.codes == report.passages == 0
