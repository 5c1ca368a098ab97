"""The Excel export, from hand-made records (no database)."""

from __future__ import annotations

import os
import warnings
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from annotator.errors import ExportError
from annotator.export import ExportData, clean_text, safe_sheet_name, write_workbook
from annotator.export import excel as excel_module
from annotator.export.cells import MAX_CELL_CHARS, timed_header
from annotator.records import CodeInfo, DocumentInfo, PassageInfo

SHEETS = ["编码片段", "频次", "编码表", "文档"]
T0 = datetime(2024, 5, 1, 9, 30, 15)


# -- records -------------------------------------------------------------------------------


def doc(id_: int, number: int, title: str, **attributes: str) -> DocumentInfo:
    return DocumentInfo(
        id=id_,
        guid=f"d{id_}",
        number=number,
        title=title,
        source_name=f"{title}.docx",
        content_hash=f"h{id_}",
        imported_at=T0 - timedelta(days=id_),
        length=1000 + id_,
        attributes=dict(attributes),
    )


def code(id_: int, parent: CodeInfo | None, name: str, position: int = 0, **kw) -> CodeInfo:
    return CodeInfo(
        id=id_,
        guid=f"c{id_}",
        parent_id=parent.id if parent else None,
        name=name,
        colour=kw.get("colour", "#3366CC"),
        definition=kw.get("definition", f"{name}的定义"),
        keywords=kw.get("keywords", ()),
        shortcut=kw.get("shortcut"),
        position=position,
        path=(*parent.path, name) if parent else (name,),
    )


_ids = iter(range(1, 10**6))


def passage(document: DocumentInfo, code_: CodeInfo, start: int, text: str = "文本", **kw):
    pid = next(_ids)
    return PassageInfo(
        id=pid,
        guid=f"p{pid}",
        document_id=document.id,
        code_id=code_.id,
        coder_id=1,
        coder_name=kw.get("coder", "张三"),
        start=start,
        end=start + len(text),
        text=text,
        memo=kw.get("memo", ""),
        created_at=kw.get("created_at", T0 + timedelta(minutes=pid)),
    )


# Three documents (the third has no passages); a two-level tree: 政策工具 (供给型, 需求型),
# 政策目标 (就业), and the leaf top-level code 其他. Passages sit on leaves and on a parent.
D1 = doc(11, 1, "国务院关于就业的通知", 发文机关="国务院", 年份="2021")
D2 = doc(12, 2, "财政部关于补贴的意见", 年份="2022", 省份="广东")
D3 = doc(13, 3, "无片段的文件", 发文机关="教育部")
TOOLS = code(1, None, "政策工具", 0, keywords=("工具", "手段"), shortcut="T")
SUPPLY = code(2, TOOLS, "供给型", 0, colour="#C63")
DEMAND = code(3, TOOLS, "需求型", 1, colour="not a colour")
GOALS = code(4, None, "政策目标", 1)
JOBS = code(5, GOALS, "就业", 0)
OTHER = code(6, None, "其他", 2)
DOCS = [D1, D2, D3]
CODES = [TOOLS, SUPPLY, DEMAND, GOALS, JOBS, OTHER]

TRICKY = ["=SUM(A1)", "+86 10 1234", "@x", "-1", "#N/A"]


def sample_passages() -> list[PassageInfo]:
    return [
        passage(D1, SUPPLY, 0, "加大财政投入，支持中小企业。"),
        passage(D1, SUPPLY, 20, TRICKY[0]),
        passage(D1, TOOLS, 40, TRICKY[1]),  # on the parent itself
        passage(D1, JOBS, 60, TRICKY[2], memo='=HYPERLINK("http://x")'),
        passage(D1, OTHER, 80, TRICKY[3]),
        passage(D2, DEMAND, 5, TRICKY[4]),
        passage(D2, DEMAND, 9, "第一段\x0b第二段\x01"),
        passage(D2, JOBS, 30, "稳就业、保就业。\n第二行", coder="李四"),
        passage(D2, GOALS, 50, "目标总体要求"),
        passage(D2, SUPPLY, 70, "人才培养", created_at=datetime(2024, 6, 1, 8, 0, tzinfo=UTC)),
    ]


def export(tmp_path: Path, passages=None, name="out.xlsx", **kw) -> Path:
    passages = sample_passages() if passages is None else passages
    target = tmp_path / name
    data = ExportData(
        kw.get("documents", DOCS),
        kw.get("codes", CODES),
        passages,
        kw.get("count", len(passages) if isinstance(passages, list) else 0),
    )
    write_workbook(target, data, kw.get("progress"))
    return target


def rows(ws) -> list[list]:
    return [list(r) for r in ws.iter_rows(values_only=True)]


@pytest.fixture
def workbook(tmp_path):
    path = export(tmp_path)
    wb = openpyxl.load_workbook(path)  # read_only=False: styles, panes and filters are read
    yield wb
    wb.close()


# -- structure -----------------------------------------------------------------------------


def test_sheet_names_in_order(workbook):
    assert workbook.sheetnames == SHEETS


def test_header_rows(workbook):
    assert rows(workbook["编码片段"])[0] == [
        "文档编号",
        "文档标题",
        "发文机关",
        "年份",
        "省份",
        "一级编码",
        "编码",
        "编码路径",
        "片段文本",
        "起始",
        "结束",
        "编码员",
        "备注",
        timed_header("时间"),
    ]
    assert rows(workbook["频次"])[0] == [
        "编码（含下级）",
        "编码路径",
        "层级",
        "1 国务院关于就业的通知",
        "2 财政部关于补贴的意见",
        "3 无片段的文件",
        "合计",
        "占比",
    ]
    assert rows(workbook["编码表"])[0] == [
        "编码路径",
        "名称",
        "层级",
        "定义",
        "关键词",
        "颜色",
        "快捷键",
        "片段数",
    ]
    assert rows(workbook["文档"])[0] == [
        "编号",
        "标题",
        "来源文件",
        "发文机关",
        "年份",
        "省份",
        "字数",
        "片段数",
        timed_header("导入时间"),
    ]
    for ws in workbook.worksheets:
        assert all(cell.font.b for cell in ws[1]), ws.title


def test_header_is_frozen_and_filtered_on_every_sheet(workbook):
    expected_filter = {"编码片段": "A1:N11", "频次": "A1:H7", "编码表": "A1:H7", "文档": "A1:I4"}
    for ws in workbook.worksheets:
        assert ws.freeze_panes == "A2", ws.title
        assert ws.auto_filter.ref == expected_filter[ws.title]


def test_column_widths_and_wrapping(workbook):
    ws = workbook["编码片段"]
    assert ws.column_dimensions["I"].width == 60  # 片段文本
    assert ws["I2"].alignment.wrap_text and ws["I2"].alignment.vertical == "top"
    assert ws["B2"].alignment.wrap_text  # 文档标题


def test_one_row_per_passage_with_document_and_code_columns(workbook):
    data = rows(workbook["编码片段"])[1:]
    expected = sample_passages()
    assert len(data) == len(expected)
    first = data[0]
    assert first[:5] == [1, "国务院关于就业的通知", "国务院", "2021", None]
    assert first[5:8] == ["政策工具", "供给型", "政策工具 / 供给型"]
    assert first[8:13] == ["加大财政投入，支持中小企业。", 0, 14, "张三", None]
    # D2 has no 发文机关 but has 省份.
    d2_row = next(r for r in data if r[0] == 2)
    assert d2_row[2:5] == [None, "2022", "广东"]
    jobs_row = next(r for r in data if r[6] == "就业")
    assert jobs_row[5] == "政策目标" and jobs_row[7] == "政策目标 / 就业"


def test_times_are_real_datetimes(workbook):
    ws = workbook["编码片段"]
    created = [r[13] for r in rows(ws)[1:]]
    assert all(isinstance(v, datetime) for v in created)
    assert created[-1] == datetime(2024, 6, 1, 8, 0)  # aware value written as naive UTC
    assert ws["N2"].is_date and ws["N2"].number_format == "yyyy-mm-dd hh:mm:ss"
    imported = [r[8] for r in rows(workbook["文档"])[1:]]
    assert imported == [d.imported_at for d in DOCS]


# -- cell safety ---------------------------------------------------------------------------


def test_formula_like_text_reads_back_as_the_same_string(workbook):
    ws = workbook["编码片段"]
    by_text = {
        ws.cell(row=r, column=9).value: ws.cell(row=r, column=9) for r in range(2, ws.max_row + 1)
    }
    for text in TRICKY:
        cell = by_text[text]
        assert cell.value == text
        assert cell.data_type == "s", text
    assert by_text["=SUM(A1)"].quotePrefix
    memo = next(c for c in ws["M"] if c.value and c.value.startswith("="))
    assert memo.value == '=HYPERLINK("http://x")' and memo.data_type == "s"


def test_each_passage_text_keeps_its_own_prefix_and_wrapping(workbook):
    """Formula-like and plain passage texts in turn: only the former are quote-prefixed,
    every one wraps at the top (cells of a column are reused from row to row)."""
    ws = workbook["编码片段"]
    cells = [ws.cell(row=r, column=9) for r in range(2, ws.max_row + 1)]
    assert {c.value for c in cells if c.quotePrefix} == {"=SUM(A1)", "+86 10 1234", "@x",
                                                          "-1", "#N/A"}
    assert any(not c.quotePrefix for c in cells)
    assert all(c.alignment.wrap_text and c.alignment.vertical == "top" for c in cells)
    starts = [ws.cell(row=r, column=10) for r in range(2, ws.max_row + 1)]
    assert all(isinstance(c.value, int) and c.alignment.vertical == "top" for c in starts)


def test_no_formula_anywhere(workbook):
    for ws in workbook.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)


def test_formula_like_names_titles_and_attributes_stay_text(tmp_path):
    d = doc(1, 1, "=1+1", **{"=key": "-5", "属性": "@home"})
    c = code(1, None, "+编码", keywords=("=k",))
    p = passage(d, c, 0, "x", coder="=coder")
    wb = openpyxl.load_workbook(export(tmp_path, [p], documents=[d], codes=[c]))
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f"
    assert rows(wb["编码片段"])[0][2] == "=key"
    assert rows(wb["编码片段"])[1][:5] == [1, "=1+1", "-5", "@home", "+编码"]
    assert rows(wb["编码片段"])[1][10] == "=coder"
    assert rows(wb["编码表"])[1][4] == "=k"


def test_control_characters_are_removed(workbook):
    texts = [r[8] for r in rows(workbook["编码片段"])[1:]]
    assert "第一段第二段" in texts
    assert "稳就业、保就业。\n第二行" in texts  # newlines are kept


def test_overlong_text_is_truncated_with_ellipsis(tmp_path):
    long = "政" * (MAX_CELL_CHARS + 500)
    p = passage(D1, SUPPLY, 0, long)
    wb = openpyxl.load_workbook(export(tmp_path, [p]))
    value = wb["编码片段"]["I2"].value
    assert len(value) == MAX_CELL_CHARS and value.endswith("…")


def test_clean_text_counts_utf16_units_for_astral_characters():
    text = "𠀀" * 20_000  # two UTF-16 units each
    cleaned = clean_text(text)
    assert cleaned.endswith("…")
    assert len(cleaned.encode("utf-16-le")) // 2 <= MAX_CELL_CHARS
    assert clean_text("a\x00b\x1fc\ud800d\ufffe") == "abcd"
    assert clean_text("保持\t原样\r\n") == "保持\t原样\r\n"


def test_safe_sheet_name():
    assert safe_sheet_name("编码片段", []) == "编码片段"
    assert safe_sheet_name("a/b:c*d?e[f]g\\h", []) == "a_b_c_d_e_f_g_h"
    assert len(safe_sheet_name("长" * 40, [])) == 31
    assert safe_sheet_name("编码片段", ["编码片段"]) == "编码片段 (2)"
    assert safe_sheet_name("编码片段", ["编码片段", "编码片段 (2)"]) == "编码片段 (3)"
    assert safe_sheet_name("Sheet", ["SHEET"]) == "Sheet (2)"  # Excel ignores case
    long = safe_sheet_name("长" * 40, ["长" * 31])
    assert len(long) == 31 and long.endswith(" (2)")
    assert safe_sheet_name("'quoted'", []) == "quoted"
    assert safe_sheet_name("", []) == "Sheet"
    assert safe_sheet_name("History", []) != "History"


# -- frequencies ---------------------------------------------------------------------------


def expected_frequencies(passages, codes, documents):
    """Counts worked out from code paths (not parent ids), independently of the export."""
    path_of = {c.id: c.path for c in codes}
    rolled = {}
    for c in codes:
        rolled[c.id] = Counter(
            p.document_id for p in passages if path_of[p.code_id][: len(c.path)] == c.path
        )
    columns = Counter(p.document_id for p in passages)
    return rolled, columns, len(passages)


def test_frequency_rollups_totals_and_shares(workbook):
    passages = sample_passages()
    rolled, columns, total = expected_frequencies(passages, CODES, DOCS)
    table = rows(workbook["频次"])
    body, totals = table[1:-1], table[-1]
    assert len(body) == len(CODES)
    for row, c in zip(body, CODES, strict=True):
        assert row[0] == c.name  # no indent before it (it broke Excel's filters)
        assert row[1] == c.path_text
        assert row[2] == c.depth + 1
        assert row[3:6] == [rolled[c.id][d.id] for d in DOCS], c.name
        assert row[6] == sum(rolled[c.id].values())
        assert row[7] == pytest.approx(sum(rolled[c.id].values()) / total)
    # A parent counts its own passages plus its children's.
    tools = body[0]
    assert tools[3:7] == [3, 3, 0, 6]  # D1: 供给型 ×2 + itself; D2: 需求型 ×2 + 供给型
    goals = body[3]
    assert goals[3:7] == [1, 2, 0, 3]
    # The totals row counts every passage once (not a sum of rolled-up rows).
    assert totals[0] == "合计"
    assert totals[3:6] == [columns[d.id] for d in DOCS] == [5, 5, 0]
    assert totals[6] == total == 10
    assert totals[7] == 1
    top_level_shares = [row[7] for row, c in zip(body, CODES, strict=True) if c.depth == 0]
    assert sum(top_level_shares) == pytest.approx(1.0)
    ws = workbook["频次"]
    assert ws["H2"].number_format == "0.0%"
    assert ws["A1"].comment is not None and "下级" in ws["A1"].comment.text


def test_codebook_and_documents_sheets(workbook):
    book = rows(workbook["编码表"])[1:]
    assert [r[0] for r in book] == [c.path_text for c in CODES]
    assert book[0][:8] == [
        "政策工具",
        "政策工具",
        1,
        "政策工具的定义",
        "工具、手段",
        "#3366CC",
        "T",
        1,
    ]
    assert [r[7] for r in book] == [1, 3, 2, 1, 2, 1]  # own passages, not rolled up
    assert [r[2] for r in book] == [1, 2, 2, 1, 2, 1]
    ws = workbook["编码表"]
    assert ws["F2"].fill.fgColor.rgb == "FF3366CC"
    assert ws["F3"].fill.fgColor.rgb == "FFCC6633"  # "#C63" expanded
    documents = rows(workbook["文档"])[1:]
    assert documents[0][:8] == [
        1,
        "国务院关于就业的通知",
        "国务院关于就业的通知.docx",
        "国务院",
        "2021",
        None,
        1011,
        5,
    ]
    assert [r[7] for r in documents] == [5, 5, 0]


def test_pandas_reads_every_sheet_without_warnings(tmp_path):
    path = export(tmp_path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        frames = pd.read_excel(path, sheet_name=None)
    assert list(frames) == SHEETS
    assert len(frames["编码片段"]) == len(sample_passages())
    assert frames["编码片段"]["片段文本"].tolist()[1] == "=SUM(A1)"
    assert pd.api.types.is_datetime64_any_dtype(frames["编码片段"][timed_header("时间")])


def test_empty_export(tmp_path):
    path = export(tmp_path, [], documents=[], codes=[])
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == SHEETS
    assert rows(wb["频次"])[-1][:5] == ["合计", None, None, 0, 0]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        pd.read_excel(path, sheet_name=None)


# -- progress and streaming ----------------------------------------------------------------


def test_progress_every_thousand_passages(tmp_path):
    calls = []
    many = [passage(D1, SUPPLY, i) for i in range(2500)]
    export(tmp_path, iter(many), count=2500, progress=lambda d, t: calls.append((d, t)))
    assert calls == [(1000, 2500), (2000, 2500), (2500, 2500)]


def test_progress_ends_with_done_done_once(tmp_path):
    calls = []
    many = [passage(D1, SUPPLY, i) for i in range(2000)]
    export(tmp_path, iter(many), count=2000, progress=lambda d, t: calls.append((d, t)))
    assert calls == [(1000, 2000), (2000, 2000)]
    calls.clear()
    export(tmp_path, iter(many[:1500]), count=5000, progress=lambda d, t: calls.append((d, t)))
    assert calls == [(1000, 5000), (1500, 1500)]  # passage_count was only an estimate
    calls.clear()
    export(tmp_path, [], count=0, progress=lambda d, t: calls.append((d, t)))
    assert calls == [(0, 0)]


def test_many_documents_continue_on_further_frequency_sheets(tmp_path, monkeypatch):
    monkeypatch.setattr(excel_module, "MAX_COLUMNS", 7)  # 5 fixed columns + 2 documents
    wb = openpyxl.load_workbook(export(tmp_path))
    assert wb.sheetnames == ["编码片段", "频次", "频次 (2)", "编码表", "文档"]
    first, second = rows(wb["频次"]), rows(wb["频次 (2)"])
    assert first[0][3:5] == ["1 国务院关于就业的通知", "2 财政部关于补贴的意见"]
    assert second[0][3:] == ["3 无片段的文件", "合计", "占比"]
    assert first[1][5:] == second[1][4:] == [6, pytest.approx(0.6)]


def test_passages_may_be_a_generator_and_overflow_to_continuation_sheets(tmp_path, monkeypatch):
    monkeypatch.setattr(excel_module, "MAX_ROWS_PER_SHEET", 4)
    path = export(tmp_path, (p for p in sample_passages()), count=10)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["编码片段", "编码片段 (2)", "编码片段 (3)", *SHEETS[1:]]
    counts = [len(rows(wb[name])) - 1 for name in wb.sheetnames[:3]]
    assert counts == [4, 4, 2]
    assert rows(wb["编码片段 (3)"])[0] == rows(wb["编码片段"])[0]
    assert wb["编码片段 (3)"].auto_filter.ref == "A1:N3"
    assert rows(wb["频次"])[-1][6] == 10  # counted across all continuation sheets


# -- failures ------------------------------------------------------------------------------


def test_missing_directory_raises_export_error_and_leaves_nothing(tmp_path):
    target = tmp_path / "missing" / "out.xlsx"
    with pytest.raises(ExportError) as info:
        write_workbook(target, ExportData(DOCS, CODES, sample_passages(), 10))
    assert str(target) in str(info.value)
    assert "does not exist" in str(info.value)
    assert list(tmp_path.iterdir()) == []


def test_target_that_is_a_folder_raises_export_error(tmp_path):
    (tmp_path / "out.xlsx").mkdir()
    with pytest.raises(ExportError, match="folder"):
        export(tmp_path)


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0, reason="permissions are not enforced for root"
)
def test_read_only_folder_raises_export_error(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError, match="permission denied"):
            export(folder)
    finally:
        folder.chmod(0o700)


class Boom(RuntimeError):
    pass


def failing_passages(after: int):
    for i, p in enumerate(sample_passages() * 300):
        if i == after:
            raise Boom("database went away")
        yield p


def test_failure_midway_keeps_existing_target_and_removes_temp_files(tmp_path):
    from openpyxl.worksheet import _writer as sheet_writer

    target = export(tmp_path)
    before = target.read_bytes()
    sheet_temp_files = set(sheet_writer.ALL_TEMP_FILES)
    with pytest.raises(ExportError) as info:
        export(tmp_path, failing_passages(after=1500), count=3000)
    assert str(target) in str(info.value) and "database went away" in str(info.value)
    assert isinstance(info.value.__cause__, Boom)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.xlsx"]
    leftover = set(sheet_writer.ALL_TEMP_FILES) - sheet_temp_files
    assert not [f for f in leftover if os.path.exists(f)]
    openpyxl.load_workbook(target).close()  # still a readable workbook


def test_failing_progress_callback_aborts_cleanly(tmp_path):
    def progress(done, total):
        raise Boom("cancelled")

    many = [passage(D1, SUPPLY, i) for i in range(1200)]
    with pytest.raises(ExportError):
        export(tmp_path, many, progress=progress)
    assert list(tmp_path.iterdir()) == []


def test_keyboard_interrupt_is_not_wrapped_but_cleans_up(tmp_path):
    def interrupted():
        yield from sample_passages()[:3]
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        export(tmp_path, interrupted())
    assert list(tmp_path.iterdir()) == []


def test_successful_export_replaces_existing_file(tmp_path):
    target = tmp_path / "out.xlsx"
    target.write_bytes(b"old")
    export(tmp_path)
    assert target.read_bytes()[:2] == b"PK"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.xlsx"]


def test_permission_denied_when_moving_into_place(tmp_path, monkeypatch):
    from annotator.export import atomic

    target = export(tmp_path)
    before = target.read_bytes()

    def refuse(src, dst):
        raise PermissionError(13, "Permission denied", str(dst))

    monkeypatch.setattr(atomic.os, "replace", refuse)
    with pytest.raises(ExportError, match="permission denied") as info:
        export(tmp_path)
    assert str(target) in str(info.value)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.xlsx"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_new_file_gets_ordinary_permissions(tmp_path):
    umask = os.umask(0o022)
    try:
        path = export(tmp_path)
    finally:
        os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o644


def test_extra_sheets_follow_the_standard_ones(tmp_path: Path) -> None:
    from annotator.export.excel import ExportData, ExtraSheet, write_workbook

    extra = ExtraSheet(
        name="词频/全部",  # "/" is not allowed in sheet names
        headers=("词语", "词性", "频次", "占比"),
        rows=[("创新", "v", 12, 0.5), ("=改革", "vn", 12, 0.5)],
        percent_columns=(3,),
    )
    target = tmp_path / "x.xlsx"
    write_workbook(
        target,
        ExportData(documents=[], codes=[], passages=[], passage_count=0, extra_sheets=[extra]),
    )
    wb = openpyxl.load_workbook(target)
    assert wb.sheetnames[4:] == ["词频_全部"]
    ws = wb["词频_全部"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows == [
        ("词语", "词性", "频次", "占比"),
        ("创新", "v", 12, 0.5),
        ("=改革", "vn", 12, 0.5),
    ]
    assert ws["A3"].data_type == "s" and ws["D2"].number_format.endswith("%")
    assert ws.freeze_panes == "A2"
