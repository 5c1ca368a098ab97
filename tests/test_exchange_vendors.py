"""Importing files shaped like real ATLAS.ti, Taguette, MAXQDA and NVivo exports.

The fixtures are small hand-made copies of those shapes (see shared/refi-qda/SOURCE.md for
what the real files do): flattened ``A::B`` names, ``<name>.qde``, ``Sources/``, inline
text, selections without a Coding, empty ``<Sets/>``, colours with alpha, and positions
counted in UTF-16 units or with CRLF as one.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from annotator.exchange import import_project, import_qdc
from annotator.project import Project

U1 = "AD68FBE7-E1EE-4A82-A279-23CC698C89EB"
U2 = "A5DE7584-8296-418B-A322-136F77ADF87B"
HEAD = '<?xml version="1.0" encoding="utf-8"?>\n'


def project_xml(body: str, **attrs: str) -> str:
    extra = "".join(f' {k}="{v}"' for k, v in attrs.items())
    return f'{HEAD}<Project xmlns="urn:QDA-XML:project:1.0" name="t"{extra}>{body}</Project>'


def write_zip(path: Path, files: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return path


def passages_by_code(project: Project) -> dict[str, list[tuple[str, str]]]:
    codes = {c.id: " / ".join(c.path) for c in project.codes()}
    out: dict[str, list[tuple[str, str]]] = {}
    for p in project.passages():
        out.setdefault(codes[p.code_id], []).append((p.text, p.coder_name))
    return out


# -- ATLAS.ti ----------------------------------------------------------------------------------

ATLAS_TEXT = "受访者甲：早餐我喝可乐。\r\n受访者乙：我更喜欢无糖可乐，\r\n因为健康。\r\n"
ATLAS_TEXT_GUID = "01106019-2518-43DD-BBD1-8F0252BACB30"


def _atlas_selection(guid: str, phrase: str, code: str, name: str | None = None) -> str:
    # ATLAS.ti counts CRLF as one character: positions in the LF version of the text.
    lf = ATLAS_TEXT.replace("\r\n", "\n")
    start = lf.index(phrase)
    shown = name if name is not None else phrase.replace("\n", " ")
    return (
        f'<PlainTextSelection guid="{guid}" name="{shown}" startPosition="{start}" '
        f'endPosition="{start + len(phrase)}" creatingUser="{U1}" '
        'creationDateTime="2018-03-27T19:29:27Z">'
        f'<Coding guid="{guid[:-4]}AAAA" creatingUser="{U1}">'
        f'<CodeRef targetGUID="{code}"/></Coding>'
        "</PlainTextSelection>"
    )


def test_atlas_ti_shape(tmp_path: Path) -> None:
    diet, full, coke = (
        "D299EFAE-5779-46DC-9827-A3D1A5D544BC",
        "0983E32E-6866-431A-BD94-DAC9BB963825",
        "7496BA52-9C8D-4396-8FAB-CC438614E453",
    )
    codes = (
        "<CodeBook><Codes>"
        f'<Code color="#966450" isCodable="true" name="可乐::普通可乐" guid="{full}"/>'
        f'<Code color="#966450" isCodable="true" name="可乐::无糖可乐" guid="{diet}">'
        "<Description>non sucré</Description></Code>"
        f'<Code color="#966450" isCodable="true" name="可乐" guid="{coke}">'
        "<Description>the breakfast of champions</Description></Code>"
        "</Codes></CodeBook>"
    )
    sources = (
        "<Sources>"
        f'<TextSource plainTextPath="internal://{ATLAS_TEXT_GUID}.txt" '
        f'guid="69A4332D-5B31-4915-B520-5275CFC21B40" name="访谈.docx" creatingUser="{U1}">'
        + _atlas_selection("4191294A-E287-4510-95B0-69BCE4638E56", "我更喜欢无糖可乐，\n因为健康",
                           diet)
        + _atlas_selection("B49D7982-BB8E-4335-80AF-DC869CCC3F45", "喝可乐", full)
        + _atlas_selection("2F2B7982-BB8E-4335-80AF-DC869CCC3F45", "受访者乙", coke, "访谈对象")
        + "</TextSource>"
        '<PictureSource path="internal://87EAD86F.jpg" guid="02255470-09E6-400B-9E20-97D71FBEC65D" '
        'name="cornflakes.jpg"/>'
        "</Sources>"
    )
    notes = (
        f'<Notes><Note guid="CE15250D-46AD-42C2-B90F-A509B8D64EC8" name="Research Plan" '
        f'creatingUser="{U1}"><PlainTextContent>log</PlainTextContent></Note></Notes>'
        '<Sets><Set guid="C29B5DB8-2ED6-406B-BFD2-68E8E273C1E9" name="Mabel">'
        '<MemberSource targetGUID="69A4332D-5B31-4915-B520-5275CFC21B40"/></Set></Sets>'
    )
    users = (f'<Users><User guid="{U1}" name="Friedrich"/>'
             f'<User guid="{U2}" name="Sebastian"/></Users>')
    qde = project_xml(users + codes + sources + notes, origin="ATLAS.ti 8.4.0",
                      creatingUserGUID=U1)
    archive = write_zip(tmp_path / "Study.qdpx", {
        "Study.qde": qde,
        f"sources/{ATLAS_TEXT_GUID}.txt": ATLAS_TEXT,
    })
    report = import_project(archive, tmp_path / "atlas.annot")
    assert (report.documents, report.codes, report.passages, report.coders) == (1, 3, 3, 2)
    messages = {(w.kind, w.item) for w in report.warnings.items}
    assert ("unsupported", 'picture "cornflakes.jpg"') in messages
    assert ("unsupported", 'set "Mabel"') in messages
    assert ("note", 'note "Research Plan"') in messages
    assert ("positions", 'source "访谈.docx"') in messages  # CRLF counted as one, converted
    with Project.open(tmp_path / "atlas.annot") as project:
        tree = {c.path: c for c in project.codes()}
        assert list(tree) == [("可乐",), ("可乐", "普通可乐"), ("可乐", "无糖可乐")]
        assert tree[("可乐",)].definition == "the breakfast of champions"
        assert tree[("可乐",)].guid == coke.lower()
        assert tree[("可乐", "无糖可乐")].colour == "#966450"
        found = passages_by_code(project)
        assert found["可乐 / 无糖可乐"] == [("我更喜欢无糖可乐，\n因为健康", "Friedrich")]
        assert found["可乐 / 普通可乐"] == [("喝可乐", "Friedrich")]
        assert found["可乐"] == [("受访者乙", "Friedrich")]  # a renamed quotation: still right
        doc = project.documents()[0]
        assert doc.title == "访谈" and doc.source_name == "访谈.docx"
        assert "\r" not in project.document_text(doc.id)


# -- Taguette ----------------------------------------------------------------------------------

TAGUETTE = (
    '<?xml version="1.0" encoding="utf-8"?>\n<CodeBook xmlns="urn:QDA-XML:codebook:1.0" '
    'origin="Taguette 1.4.1"><Codes>'
    '<Code guid="098AC082-A9C7-50F4-9728-48730081A95E" name="xsd:element name" isCodable="true"/>'
    '<Code guid="A2209CFF-8E89-5B0A-A7B0-CDDC4BE92936" name="政策工具" isCodable="true"/>'
    '<Code guid="DD1B8AD4-9B6E-5BE2-BD0B-FDE7DEAFDDA4" name="Variables" isCodable="true"/>'
    "</Codes><Sets/></CodeBook>"
)


def test_taguette_codebook_merges_by_path(project: Project, tmp_path: Path) -> None:
    kept = project.add_code("政策工具", colour="#F4A6A6", definition="")
    other = project.add_code("只在项目里")
    (tmp_path / "t.qdc").write_text(TAGUETTE, encoding="utf-8")
    report = import_qdc(project, tmp_path / "t.qdc")
    assert (report.added, report.updated, report.unchanged) == (2, 0, 1)
    assert [w.kind for w in report.warnings.items] == ["schema-quirk"]  # the empty <Sets/>
    names = {c.name: c for c in project.codes()}
    assert names["政策工具"].colour == "#F4A6A6" and names["政策工具"].id == kept.id
    assert other.id == names["只在项目里"].id  # nothing deleted
    assert names["Variables"].guid == "DD1B8AD4-9B6E-5BE2-BD0B-FDE7DEAFDDA4".lower()
    again = import_qdc(project, tmp_path / "t.qdc")
    assert (again.added, again.unchanged) == (0, 3)


# -- MAXQDA ------------------------------------------------------------------------------------


def test_maxqda_shape_inline_text_and_selections_without_coding(tmp_path: Path) -> None:
    text = "第一条 为了规范科技成果转化，制定本办法。第二条 本办法适用于本省。"
    start = text.index("规范科技成果转化")
    other = text.index("本办法适用于本省")
    code = "11111111-2222-3333-4444-555555555555"
    body = (
        f'<Users><User guid="{U1}" name="王"/></Users>'
        f'<CodeBook><Codes><Code guid="{code}" name="成果转化" isCodable="true" color="#FF0000FF">'
        "</Code></Codes></CodeBook>"
        '<Sources><TextSource guid="aaaaaaaa-0000-0000-0000-000000000001" name="办法">'
        f"<PlainTextContent>{text}</PlainTextContent>"
        f'<PlainTextSelection guid="aaaaaaaa-0000-0000-0000-000000000002" name="sel" '
        f'startPosition="{start}" endPosition="{start + 8}" creatingUser="{U1}">'
        f'<Coding guid="aaaaaaaa-0000-0000-0000-000000000003" creatingUser="{U1}">'
        f'<CodeRef targetGUID="{code}"/></Coding></PlainTextSelection>'
        f'<PlainTextSelection guid="aaaaaaaa-0000-0000-0000-000000000004" name="memo" '
        f'startPosition="{other}" endPosition="{other + 8}" creatingUser="{U1}">'
        '<NoteRef targetGUID="aaaaaaaa-0000-0000-0000-00000000000a"/></PlainTextSelection>'
        '<PlainTextSelection guid="aaaaaaaa-0000-0000-0000-000000000005" name="link anchor" '
        'startPosition="0" endPosition="3"/>'
        "</TextSource></Sources>"
        '<Notes><Note guid="aaaaaaaa-0000-0000-0000-00000000000a" name="备忘">'
        "<PlainTextContent>适用范围要再核对</PlainTextContent></Note></Notes>"
    )
    archive = write_zip(tmp_path / "m.qdpx", {"project.qde": project_xml(body)})
    report = import_project(archive, tmp_path / "m.annot")
    kinds = [w.kind for w in report.warnings.items]
    assert kinds.count("colour") == 1  # alpha dropped
    assert kinds.count("selection") == 2  # one kept for its memo, one skipped
    with Project.open(tmp_path / "m.annot") as project:
        codes = {c.name: c for c in project.codes()}
        assert codes["成果转化"].colour == "#FF0000"
        found = {(p.text, p.memo, p.code_id) for p in project.passages()}
        assert ("规范科技成果转化", "", codes["成果转化"].id) in found
        assert ("本办法适用于本省", "适用范围要再核对", codes["未编码选段"].id) in found
        assert len(found) == 2


# -- NVivo -------------------------------------------------------------------------------------

NVIVO_TEXT = "访谈记录\r\n问：𠮷祥物的设计如何？\r\n答：𠮷祥物很受欢迎，深受孩子喜爱。\r\n"


def _utf16_span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    units = len(text[:start].encode("utf-16-le")) // 2
    return units, units + len(phrase.encode("utf-16-le")) // 2


def test_nvivo_shape_utf16_positions_capital_sources_and_cases(tmp_path: Path) -> None:
    code = "22222222-2222-3333-4444-555555555555"
    var = "33333333-2222-3333-4444-555555555555"
    src_guid = "44444444-2222-3333-4444-555555555555"
    sels = ""
    for n, phrase in enumerate(("𠮷祥物很受欢迎", "深受孩子喜爱")):
        s, e = _utf16_span(NVIVO_TEXT, phrase)
        sels += (
            f'<PlainTextSelection guid="55555555-2222-3333-4444-55555555555{n}" name="{phrase}" '
            f'startPosition="{s}" endPosition="{e}" creatingUser="{U2}">'
            f'<Coding guid="66666666-2222-3333-4444-55555555555{n}" creatingUser="{U2}">'
            f'<CodeRef targetGUID="{code}"/></Coding></PlainTextSelection>'
        )
    body = (
        f'<Users><User guid="{U2}" name="NVivo 用户"/></Users>'
        f'<CodeBook><Codes><Code guid="{code}" name="态度" isCodable="true" color="#0F0"/></Codes>'
        "</CodeBook>"
        f'<Variables><Variable guid="{var}" name="年龄" typeOfVariable="Integer"/></Variables>'
        f'<Cases><Case guid="77777777-2222-3333-4444-555555555555" name="受访者1">'
        f'<VariableValue><VariableRef targetGUID="{var}"/><IntegerValue>34</IntegerValue>'
        f'</VariableValue><SourceRef targetGUID="{src_guid}"/></Case></Cases>'
        f'<Sources><TextSource guid="{{{src_guid.upper()}}}" name="访谈1" '
        f'plainTextPath="internal://{src_guid}.txt">{sels}</TextSource>'
        '<TextSource guid="88888888-2222-3333-4444-555555555555" name="旁注" '
        'plainTextPath="relative://notes/旁注.txt"/>'
        "</Sources>"
    )
    archive = write_zip(tmp_path / "n.qdpx", {
        "project.qde": project_xml(body),
        f"Sources/{src_guid}.txt": NVIVO_TEXT.encode("utf-8"),
    })
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes" / "旁注.txt").write_text("放在项目旁边的文本。", encoding="utf-8")
    report = import_project(archive, tmp_path / "n.annot")
    assert report.documents == 2 and report.passages == 2
    positions = [w for w in report.warnings.items if w.kind == "positions"]
    assert len(positions) == 1 and "UTF-16" in positions[0].message
    with Project.open(tmp_path / "n.annot") as project:
        texts = sorted(p.text for p in project.passages())
        assert texts == sorted(["𠮷祥物很受欢迎", "深受孩子喜爱"])
        docs = {d.title: d for d in project.documents()}
        assert docs["访谈1"].attributes == {"年龄": "34"}  # from the case
        assert docs["访谈1"].guid == src_guid
        assert project.document_text(docs["旁注"].id) == "放在项目旁边的文本。"
        assert {c.colour for c in project.codes()} == {"#00FF00"}


# -- bare .qde and other paths -----------------------------------------------------------------


def test_bare_qde_with_sources_folder_and_absolute_path(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere" / "abs.txt"
    outside.parent.mkdir()
    outside.write_text("绝对路径里的文本。", encoding="utf-8")
    folder = tmp_path / "export"
    (folder / "sources").mkdir(parents=True)
    (folder / "sources" / "in.txt").write_text("旁边文件夹里的文本。", encoding="utf-8")
    body = (
        '<Sources><TextSource guid="99999999-2222-3333-4444-555555555551" name="旁边" '
        'plainTextPath="internal://in.txt"/>'
        '<TextSource guid="99999999-2222-3333-4444-555555555552" name="绝对" '
        f'plainTextPath="absolute://{outside.as_posix()}"/>'
        '<TextSource guid="99999999-2222-3333-4444-555555555553" name="不是文本" '
        'plainTextPath="absolute:///etc/passwd"/></Sources>'
    )
    (folder / "My Project.qde").write_text(project_xml(body), encoding="utf-8")
    report = import_project(folder / "My Project.qde", tmp_path / "q.annot")
    assert report.documents == 2
    [missing] = [w for w in report.warnings.items if w.kind == "missing-source"]
    assert "不是文本" in missing.item and ".txt" in missing.message
