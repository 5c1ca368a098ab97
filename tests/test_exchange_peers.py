"""REFI-QDA with real peers: memos where QualCoder and NVivo read them, the source shapes of
qualitative-coding and NVivo exports, what the export report warns about, and code trees
deep or large (limits, no recursion).

Fixtures are built here in the shapes the real files have (a qualitative-coding 1.3.2
export: ``plainTextPath="NAME.txt"`` with no scheme and no source name, files in
``sources/``; an NVivo for Mac 15 export: an empty ``.txt`` and the text in the .docx of
``richTextPath``; a QualCoder export: the coding memo as the selection's Description).
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path

import docx
import openpyxl
import pytest
from lxml import etree

from annotator.cli import run
from annotator.exchange import (
    CodebookSheetError,
    InputLimitError,
    Limits,
    WarningKind,
    export_qdc,
    export_qdpx,
    import_codebook_xlsx,
    import_project,
    import_qdc,
)
from annotator.project import Project

NS = {"q": "urn:QDA-XML:project:1.0"}
HEAD = '<?xml version="1.0" encoding="utf-8"?>\n'
U1 = "39633935-3331-3962-6632-373436373264"
CODE = "37613432-3130-6635-3839-613934656566"
# Lines of a public school-district plan (as in qualitative-coding's demo corpus) and of a
# State Council notice.
BOARD = (
    "This district goal is engage every student in joyful, purposeful learning that\n"
    "maximizes each student's opportunity to excel academically.\n"
    "All students feel empowered by complex problem solving in computer science.\n"
)
NOTICE = ["国务院关于印发“十四五”数字经济发展规划的通知", "各省、自治区、直辖市人民政府：",
          "现将《“十四五”数字经济发展规划》印发给你们，请认真贯彻执行。"]


def write_zip(path: Path, files: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)
    return path


def project_xml(codes: str, sources: str, notes: str = "") -> str:
    return (f'{HEAD}<Project xmlns="urn:QDA-XML:project:1.0" name="t" origin="peer">'
            f'<Users><User guid="{U1}" name="cp"/></Users>'
            f"<CodeBook><Codes>{codes}</Codes></CodeBook><Sources>{sources}</Sources>"
            f"{notes}</Project>")


def selection(guid: str, start: int, end: int, inner: str = "", name: str = "") -> str:
    return (f'<PlainTextSelection guid="{guid}" name="{name}" startPosition="{start}" '
            f'endPosition="{end}">{inner}<Coding guid="{guid[:-4]}cccc" creatingUser="{U1}">'
            f'<CodeRef targetGUID="{CODE}"/></Coding></PlainTextSelection>')


# -- memos --------------------------------------------------------------------------------------
@pytest.fixture
def memo_project(tmp_path: Path) -> Project:
    project = Project.create(tmp_path / "m.annot", coder="甲")
    doc = project.add_document("数字经济规划", "\n".join(NOTICE))
    code = project.add_code("规划")
    text = project.document_text(doc.id)
    start = text.index("现将")
    project.apply_code(doc.id, code.id, start, start + 4, memo="国务院印发")
    project.apply_code(doc.id, code.id, 0, 4)  # no memo
    return project


def test_a_memo_is_written_as_the_selections_description_and_as_a_note(
    memo_project: Project, tmp_path: Path
) -> None:
    summary = export_qdpx(memo_project, tmp_path / "m.qdpx")
    with zipfile.ZipFile(tmp_path / "m.qdpx") as zf:
        root = etree.fromstring(zf.read("project.qde"))
    selections = root.findall(".//q:PlainTextSelection", NS)
    with_memo = [s for s in selections if s.find("q:NoteRef", NS) is not None]
    assert summary.memos == 1 and len(with_memo) == 1
    sel = with_memo[0]
    # where QualCoder reads it: the Description, first child as the schema wants
    assert sel[0].tag == f"{{{NS['q']}}}Description" and sel[0].text == "国务院印发"
    note_guid = sel.find("q:NoteRef", NS).get("targetGUID")
    note = root.find(f".//q:Note[@guid='{note_guid}']", NS)
    assert note.findtext("q:PlainTextContent", namespaces=NS) == "国务院印发"
    without = [s for s in selections if s is not sel]
    assert without[0].find("q:Description", NS) is None


def test_our_own_export_comes_back_with_each_memo_once(
    memo_project: Project, tmp_path: Path
) -> None:
    export_qdpx(memo_project, tmp_path / "m.qdpx")
    report = import_project(tmp_path / "m.qdpx", tmp_path / "back.annot")
    with Project.open(tmp_path / "back.annot") as back:
        memos = sorted(p.memo for p in back.passages())
    assert memos == ["", "国务院印发"] and report.memos == 1


@pytest.mark.parametrize("shape", ["description", "note", "both"])
def test_a_coding_memo_is_read_from_the_description_or_the_note(
    shape: str, tmp_path: Path
) -> None:
    text = "\n".join(NOTICE)
    start = text.index("现将")
    note_guid = "0f758eeb-d61d-4e91-b250-79861c3869a6"
    inner = ""
    if shape in ("description", "both"):  # QualCoder's way
        inner += "<Description>请认真贯彻执行</Description>"
    notes = ""
    if shape in ("note", "both"):  # NVivo's and MAXQDA's way
        notes = (f'<Notes><Note guid="{note_guid}" name="memo">'
                 "<PlainTextContent>请认真贯彻执行</PlainTextContent></Note></Notes>")
    sel = selection("08cbced0-d736-44c8-8fd6-eb4d29fe46c5", start, start + 4, inner)
    if shape in ("note", "both"):
        sel = sel.replace("</PlainTextSelection>",
                          f'<NoteRef targetGUID="{note_guid}"/></PlainTextSelection>')
    xml = project_xml(f'<Code guid="{CODE}" name="规划" isCodable="true"/>',
                      f'<TextSource guid="a2b94468-80a5-412f-92d6-e900d97b55a6" name="通知" '
                      f'plainTextPath="internal://n.txt">{sel}</TextSource>', notes)
    write_zip(tmp_path / "q.qdpx", {"project.qde": xml, "sources/n.txt": text})
    report = import_project(tmp_path / "q.qdpx", tmp_path / "q.annot")
    with Project.open(tmp_path / "q.annot") as p:
        assert [x.memo for x in p.passages()] == ["请认真贯彻执行"]
    assert report.memos == 1


# -- where the source text is -------------------------------------------------------------------
def qualitative_coding_export(path: Path) -> Path:
    """qualitative-coding 1.3.2's shape: no scheme, no source name, one selection per line."""
    lines = BOARD.splitlines(keepends=True)
    starts = [sum(len(x) for x in lines[:i]) for i in range(len(lines))]
    sels = "".join(
        selection(f"3732386{i}-3734-6533-3337-623138653238", starts[i],
                  starts[i] + len(lines[i]), name=f"line:{i}")
        for i in (0, 2))
    xml = project_xml(f'<Code name="rq1_definition" guid="{CODE}" isCodable="true"/>',
                      '<TextSource plainTextPath="board_2017.txt" '
                      f'guid="33663939-3636-3632-3038-613431643463">{sels}</TextSource>')
    return write_zip(path, {"project.qde": xml, "sources/board_2017.txt": BOARD})


def test_a_plain_text_path_without_a_scheme_is_read_from_sources(tmp_path: Path) -> None:
    qdpx = qualitative_coding_export(tmp_path / "qc.qdpx")
    report = import_project(qdpx, tmp_path / "a.annot")
    assert report.documents == 1 and report.passages == 2
    quirks = [w for w in report.warnings.items if w.kind is WarningKind.SOURCE_PATH]
    assert len(quirks) == 1 and "board_2017.txt" in str(quirks[0])
    assert "no scheme" in quirks[0].message
    with Project.open(tmp_path / "a.annot") as p:
        assert [d.title for d in p.documents()] == ["board_2017"]
        texts = sorted(x.text.strip() for x in p.passages())
    assert texts == sorted([BOARD.splitlines()[0], BOARD.splitlines()[2]])


def make_docx(paragraphs: list[str]) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("break_units", [1, 2])
def test_the_text_comes_from_the_docx_when_the_plain_text_is_empty(
    break_units: int, tmp_path: Path
) -> None:
    """NVivo for Mac writes a one-byte .txt and the text in the .docx; positions count in
    the .docx's text, with one character per paragraph end (or two, NVivo for Windows: the
    selection names say which)."""
    joined = ("\r\n" if break_units == 2 else "\n").join(NOTICE)
    start = joined.index("现将")
    end = start + len("现将《“十四五”数字经济发展规划》")
    guid = "d097e6fd-7671-4d95-a8b6-7795fa4a72e1"
    sel = selection("fd960901-8191-4db1-a3dd-a91626d56c4b", start, end,
                    name=joined[start:end])
    xml = project_xml(
        f'<Code guid="{CODE}" name="规划" isCodable="true"/>',
        f'<TextSource guid="{guid}" name="规划通知" plainTextPath="internal://{guid}.txt" '
        f'richTextPath="internal://{guid}.docx">{sel}</TextSource>')
    write_zip(tmp_path / "nv.qdpx", {"project.qde": xml, f"Sources/{guid}.txt": "\n",
                                     f"Sources/{guid}.docx": make_docx(NOTICE)})
    report = import_project(tmp_path / "nv.qdpx", tmp_path / "nv.annot")
    assert report.documents == 1 and report.passages == 1
    assert any(w.kind is WarningKind.SOURCE_PATH and ".docx" in w.message
               for w in report.warnings.items)
    with Project.open(tmp_path / "nv.annot") as p:
        assert p.document_text(p.documents()[0].id) == "\n".join(NOTICE)
        assert [x.text for x in p.passages()] == ["现将《“十四五”数字经济发展规划》"]


def test_an_empty_docx_says_both_are_empty(tmp_path: Path) -> None:
    guid = "e65f5ee2-9a55-47f1-bb0b-4921d8ce15c4"
    xml = project_xml(f'<Code guid="{CODE}" name="规划" isCodable="true"/>',
                      f'<TextSource guid="{guid}" name="空" plainTextPath="internal://{guid}.txt"'
                      f' richTextPath="internal://{guid}.docx"/>')
    write_zip(tmp_path / "e.qdpx", {"project.qde": xml, f"sources/{guid}.txt": "\n",
                                    f"sources/{guid}.docx": make_docx([""])})
    report = import_project(tmp_path / "e.qdpx", tmp_path / "e.annot")
    assert report.documents == 0
    (missing,) = [w for w in report.warnings.items if w.kind is WarningKind.MISSING_SOURCE]
    assert "both empty" in missing.message


# -- the export report --------------------------------------------------------------------------
def test_the_export_report_warns_what_qualcoder_changes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Project.create(tmp_path / "w.annot", coder="甲") as project:
        doc = project.add_document("数字经济规划", "\n".join(NOTICE))
        parent = project.add_code("政策")
        child = project.add_code("评价", parent_id=parent.id)
        other = project.add_code("主体")
        project.add_code("评价", parent_id=other.id)
        project.add_code("空的父编码")
        project.add_code("叶", parent_id=project.find_code("空的父编码").id)
        project.apply_code(doc.id, parent.id, 0, 4)
        project.apply_code(doc.id, child.id, 5, 8)
        summary = export_qdpx(project, tmp_path / "w.qdpx")
    items = sorted(w.item for w in summary.warnings)
    assert items == ['code "政策"', 'code name "评价"']
    assert all(w.kind is WarningKind.PEER for w in summary.warnings)
    assert "category" in next(w.message for w in summary.warnings if w.item == 'code "政策"')
    assert run(["export", str(tmp_path / "w.annot"), str(tmp_path / "w2.qdpx")]) == 0
    out = capsys.readouterr().out
    assert '[peer] code "政策"' in out and '[peer] code name "评价"' in out


# -- code trees: limits and no recursion ----------------------------------------------------------
def chain_qdc(depth: int) -> str:
    """A codebook of ``depth`` nested codes (one per level), written without recursion."""
    opening = "".join(f'<Code guid="{_guid(i)}" name="第{i}层" isCodable="true">'
                      for i in range(depth))
    return (f'{HEAD}<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>{opening}'
            f'{"</Code>" * depth}</Codes></CodeBook>')


def _guid(i: int) -> str:
    return f"00000000-0000-4000-8000-{i:012d}"


def test_a_code_tree_ten_thousand_levels_deep_is_refused_naming_file_and_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    qdc = tmp_path / "deep.qdc"
    qdc.write_text(chain_qdc(10_000), encoding="utf-8")
    body = chain_qdc(10_000).split("<CodeBook", 1)[1].split(">", 1)[1].rsplit("</CodeBook>")[0]
    write_zip(tmp_path / "deep.qdpx", {"project.qde": project_xml(
        body.removeprefix("<Codes>").removesuffix("</Codes>"), "")})
    with Project.create(tmp_path / "p.annot") as project:
        with pytest.raises(InputLimitError) as raised:
            import_qdc(project, qdc)
        assert project.codes() == []  # nothing was made
    assert str(qdc) in str(raised.value) and "limit of 100" in str(raised.value)
    with pytest.raises(InputLimitError, match="deep.qdpx.*code tree depth.*limit of 100"):
        import_project(tmp_path / "deep.qdpx", tmp_path / "new.annot")
    assert not (tmp_path / "new.annot").exists()
    assert run(["codebook", "import", str(tmp_path / "p.annot"), str(qdc)]) == 1
    err = capsys.readouterr().err
    assert "limit of 100" in err and "Traceback" not in err


def test_atlas_ti_names_count_a_level_per_part(tmp_path: Path) -> None:
    name = "::".join(f"层{i}" for i in range(101))
    qdc = tmp_path / "flat.qdc"
    qdc.write_text(f'{HEAD}<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>'
                   f'<Code guid="{_guid(1)}" name="{name}" isCodable="true"/></Codes></CodeBook>',
                   encoding="utf-8")
    with Project.create(tmp_path / "p.annot") as project, pytest.raises(InputLimitError):
        import_qdc(project, qdc)


def test_too_many_codes_are_refused(tmp_path: Path) -> None:
    codes = "".join(f'<Code guid="{_guid(i)}" name="编码{i}" isCodable="true"/>'
                    for i in range(60))
    qdc = tmp_path / "many.qdc"
    qdc.write_text(f'{HEAD}<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>{codes}'
                   "</Codes></CodeBook>", encoding="utf-8")
    with Project.create(tmp_path / "p.annot") as project:
        with pytest.raises(InputLimitError, match="number of codes.*limit of 50"):
            import_qdc(project, qdc, limits=Limits(max_codes=50))
        assert import_qdc(project, qdc).added == 60


def test_a_deep_tree_within_raised_limits_needs_no_recursion(tmp_path: Path) -> None:
    """3,000 levels with Python's recursion limit at 1,000: parsed, planned, merged,
    listed and written back with stacks, not recursion."""
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(1000)
    try:
        qdc = tmp_path / "deep.qdc"
        qdc.write_text(chain_qdc(3000), encoding="utf-8")
        limits = Limits(max_code_depth=5000)
        with Project.create(tmp_path / "p.annot") as project:
            assert import_qdc(project, qdc, limits=limits).added == 3000
            codes = project.codes()
            assert codes[-1].depth == 2999 and codes[-1].name == "第2999层"
            export_qdc(project, tmp_path / "back.qdc")
        with Project.create(tmp_path / "q.annot") as again:
            assert import_qdc(again, tmp_path / "back.qdc", limits=limits).added == 3000
        write_zip(tmp_path / "deep.qdpx", {"project.qde": chain_qdc(3000).replace(
            '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>',
            '<Project xmlns="urn:QDA-XML:project:1.0" name="t"><CodeBook><Codes>').replace(
            "</Codes></CodeBook>", "</Codes></CodeBook></Project>")})
        report = import_project(tmp_path / "deep.qdpx", tmp_path / "n.annot", limits=limits)
        assert report.codes == 3000
    finally:
        sys.setrecursionlimit(old)


def test_merging_a_codebook_keeps_ids_past_deleted_codes_and_positions_in_order(
    tmp_path: Path
) -> None:
    codes = "".join(f'<Code guid="{_guid(i)}" name="编码{i}" isCodable="true"/>'
                    for i in range(1, 6))
    qdc = tmp_path / "five.qdc"
    qdc.write_text(f'{HEAD}<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes>{codes}'
                   "</Codes></CodeBook>", encoding="utf-8")
    with Project.create(tmp_path / "p.annot") as project:
        kept = project.add_code("已有")
        gone = project.add_code("删除的")
        project.delete_code(gone.id)
        report = import_qdc(project, qdc)
        assert (report.added, report.unchanged) == (5, 0)
        roots = [c for c in project.codes() if c.parent_id is None]
        assert [c.name for c in roots] == ["已有", *(f"编码{i}" for i in range(1, 6))]
        assert [c.position for c in roots] == list(range(6))
        assert min(c.id for c in roots if c.id != kept.id) > gone.id  # an id undo may need
        assert {c.guid for c in roots if c.name == "编码1"} == {_guid(1)}
        again = import_qdc(project, qdc)
        assert (again.added, again.unchanged) == (0, 5)


def test_empty_table_cells_of_the_docx_keep_their_line(tmp_path: Path) -> None:
    """NVivo's plain text of a table has a line per cell, empty ones too (an NVivo for
    Windows 12.6 export of YouTube comments: an empty author cell); positions after it
    count that line."""
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    for (r, c), value in {(0, 0): "comment_author", (0, 1): "comment_text",
                          (1, 0): "", (1, 1): NOTICE[2]}.items():
        table.cell(r, c).text = value
    buffer = io.BytesIO()
    document.save(buffer)
    plain = "\n".join(["comment_author", "comment_text", "", NOTICE[2]])
    start = plain.index("现将")
    guid = "68bbdc14-c361-4432-b4dd-ae1dbfc12890"
    sel = selection("7154a758-6873-4134-badd-ae1dc04d3086", start, start + 4)
    xml = project_xml(f'<Code guid="{CODE}" name="规划" isCodable="true"/>',
                      f'<TextSource guid="{guid}" name="评论" plainTextPath="internal://{guid}.txt"'
                      f' richTextPath="internal://{guid}.docx">{sel}</TextSource>')
    write_zip(tmp_path / "t.qdpx", {"project.qde": xml, f"sources/{guid}.txt": "",
                                    f"sources/{guid}.docx": buffer.getvalue()})
    import_project(tmp_path / "t.qdpx", tmp_path / "t.annot")
    with Project.open(tmp_path / "t.annot") as p:
        assert [x.text for x in p.passages()] == ["现将《“"]


def parent_sheet(path: Path, depth: int) -> Path:
    """A hand-kept sheet in the 名称/上级编码 layout: a chain ``depth`` codes long, the deepest
    code first (so each row's parent is found further down)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["名称", "上级编码"])
    for i in reversed(range(depth)):
        ws.append([f"第{i}层", f"第{i - 1}层" if i else None])
    wb.save(path)
    return path


def test_a_parent_column_chain_as_deep_as_the_limit_is_accepted(tmp_path: Path) -> None:
    with Project.create(tmp_path / "p.annot") as project:
        report = import_codebook_xlsx(project, parent_sheet(tmp_path / "ok.xlsx", 100))
        assert report.added == 100 and project.codes()[-1].depth == 99


def test_a_parent_column_chain_past_the_depth_limit_is_refused_naming_the_row(
    tmp_path: Path
) -> None:
    """3,000 rows each naming the next as parent: refused at level 101 (this ended in
    RecursionError when parents were resolved recursively)."""
    sheet = parent_sheet(tmp_path / "deep.xlsx", 3000)
    with Project.create(tmp_path / "p.annot") as project:
        with pytest.raises(CodebookSheetError, match=r"deep\.xlsx.*row \d+: 101 levels deep.*"
                           "limit of 100"):
            import_codebook_xlsx(project, sheet)
        assert project.codes() == []


def test_a_missing_plain_text_file_is_read_from_the_docx_too(tmp_path: Path) -> None:
    guid = "d097e6fd-7671-4d95-a8b6-7795fa4a72e1"
    xml = project_xml(f'<Code guid="{CODE}" name="规划" isCodable="true"/>',
                      f'<TextSource guid="{guid}" name="规划通知" '
                      f'plainTextPath="internal://{guid}.txt" '
                      f'richTextPath="internal://{guid}.docx"/>')
    write_zip(tmp_path / "m.qdpx", {"project.qde": xml,
                                    f"sources/{guid}.docx": make_docx(NOTICE)})
    report = import_project(tmp_path / "m.qdpx", tmp_path / "m.annot")
    (read,) = [w for w in report.warnings.items if w.kind is WarningKind.SOURCE_PATH]
    assert "not in the archive" in read.message and ".docx" in read.message
    assert report.documents == 1


def test_a_qualcoder_annotation_is_kept_as_an_uncoded_passage_with_its_memo(
    tmp_path: Path
) -> None:
    """QualCoder exports a text annotation as a Note holding the span, referred to by the
    source's NoteRef; it arrives under 未编码选段 with the memo, not as a dropped note."""
    text = "\n".join(NOTICE)
    start = text.index("现将")
    note = "0f758eeb-d61d-4e91-b250-79861c3869a6"
    xml = project_xml(
        f'<Code guid="{CODE}" name="规划" isCodable="true"/>',
        '<TextSource guid="a2b94468-80a5-412f-92d6-e900d97b55a6" name="通知.txt" '
        f'plainTextPath="internal://n.txt"><NoteRef targetGUID="{note}"/></TextSource>',
        f'<Notes><Note guid="{note}" creatingUser="{U1}" '
        'creationDateTime="2021-01-15T23:37:54Z"><PlainTextContent>注意印发日期</PlainTextContent>'
        f'<PlainTextSelection guid="d61907b2-d0d4-48dc-b8b7-5e4f7ae5faa6" '
        f'startPosition="{start}" endPosition="{start + 2}"/></Note></Notes>')
    write_zip(tmp_path / "a.qdpx", {"project.qde": xml, "sources/n.txt": text})
    report = import_project(tmp_path / "a.qdpx", tmp_path / "a.annot")
    assert not [w for w in report.warnings.items if w.kind is WarningKind.NOTE]
    with Project.open(tmp_path / "a.annot") as p:
        (passage,) = p.passages()
        assert (passage.text, passage.memo, passage.coder_name) == ("现将", "注意印发日期", "cp")
        assert p.code(passage.code_id).name == "未编码选段"
