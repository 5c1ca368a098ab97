"""The coded-passages workbook: 编码片段, 频次, 编码表, 文档.

Written with openpyxl's write-only (streaming) mode: passages are read once, written as they
come and counted on the way, so memory stays flat however many there are. The workbook goes
to a temporary file beside the target and replaces it only when complete.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.utils import get_column_letter

from annotator.export.atomic import replace_when_done
from annotator.export.cells import safe_sheet_name, shorten, timed_header
from annotator.export.frequencies import FrequencyTable, build_frequencies
from annotator.export.styles import CellMaker, ColumnCell, append_cells
from annotator.records import CodeInfo, DocumentInfo, PassageInfo

if TYPE_CHECKING:
    from annotator.chinese.units import Unit

Progress = Callable[[int, int], None]


class UnitArrays(Protocol):
    """A document's units as parallel arrays sorted by start (outermost first)."""

    numbers: Sequence[str]
    starts: Any  # numpy int64 arrays
    ends: Any

SHEET_PASSAGES = "编码片段"
SHEET_FREQUENCIES = "频次"
SHEET_CODEBOOK = "编码表"
SHEET_DOCUMENTS = "文档"

#: Data rows per sheet (Excel's 1,048,576 rows less the header). More passages continue on
#: "编码片段 (2)"…; more documents than fit as columns continue on "频次 (2)"….
MAX_ROWS_PER_SHEET = 1_048_575
MAX_COLUMNS = 16_384
PROGRESS_EVERY = 1000

PATH_SEPARATOR = " / "
KEYWORD_SEPARATOR = "、"
ROLLUP_NOTE = (
    "每个编码的计数包含其全部下级编码的片段（上级编码 = 自身片段 + 所有下级片段）。"
    "占比 = 合计 ÷ 全部片段数。最后一行“合计”按片段计数，每个片段只计一次。"
)

PASSAGE_HEAD = ("文档编号", "文档标题")
PASSAGE_TAIL = (
    "一级编码",
    "编码",
    "编码路径",
    "片段文本",
    "起始",
    "结束",
    "编码员",
    "备注",
    "时间",
)
PASSAGE_UNIT = "单元编号"  # after the document columns, when the export has units
# After 编码员, when the export shows where passages came from. Not "来源": documents often
# have an attribute of that name (the publishing source).
PASSAGE_ORIGIN = "编码来源"
# 编码来源: coded by hand, accepted from keyword auto-coding, accepted from the learned model.
ORIGIN_LABELS = {"manual": "手工", "auto": "关键词建议", "suggested": "学习建议"}
FREQUENCY_HEAD = ("编码（含下级）", "编码路径", "层级")
FREQUENCY_TAIL = ("合计", "占比")
CODEBOOK_HEADERS = ("编码路径", "名称", "层级", "定义", "关键词", "颜色", "快捷键", "片段数")
DOCUMENT_HEAD = ("编号", "标题", "来源文件")
DOCUMENT_TAIL = ("字数", "片段数", "导入时间")


@dataclass
class ExtraSheet:
    """A further sheet (词频, 交叉表, 信度 …) given as plain rows by an analysis module.

    Numbers stay numbers; text is sanitised like every other cell. ``percent_columns`` are
    0-based indexes of columns holding shares (0.25 = 25%); ``images`` are PNG files placed
    to the right of the table."""

    name: str
    headers: Sequence[str]
    rows: Iterable[Sequence[object]]
    widths: Sequence[float] = ()
    wrap_columns: Sequence[int] = ()
    percent_columns: Sequence[int] = ()
    images: Sequence[Path] = ()


@dataclass
class ExportData:
    """What goes into the workbook; plain records, no database."""

    documents: Sequence[DocumentInfo]  # in document-number order
    codes: Sequence[CodeInfo]  # tree order: depth first, siblings by position
    passages: Iterable[PassageInfo]  # may be a generator; by document number, then start
    passage_count: int  # expected number of passages, for progress only
    extra_sheets: Sequence[ExtraSheet] = ()  # after the four standard sheets, in order
    # A document's units of analysis, asked once per document while passages stream; when
    # given, 编码片段 has a 单元编号 column: the unit holding each passage's start.
    units_of: Callable[[DocumentInfo], Sequence[Unit] | UnitArrays] | None = None
    # 编码片段 has a 来源 column: 人工, or 机器建议（已接受） for accepted auto-coding.
    show_origin: bool = False


def write_workbook(path: Path, data: ExportData, progress: Progress | None = None) -> None:
    """Write ``data`` as an .xlsx workbook at ``path``.

    ``progress(done, total)`` is called every ``PROGRESS_EVERY`` passages (``total`` is
    ``data.passage_count``, or ``done`` once that is exceeded) and last with ``(done, done)``
    when every passage is written; the small sheets and the zip compression follow.
    Raises ``ExportError`` naming the file and the problem; ``path`` is then left as it was.
    """
    path = Path(path)
    with replace_when_done(path) as temp:
        wb = Workbook(write_only=True)
        try:
            _fill_workbook(wb, data, progress)
            wb.save(temp)
        except BaseException:
            _discard_sheet_files(wb)
            raise


def write_sheets(path: Path, sheets: Sequence[ExtraSheet]) -> None:
    """A workbook of just these sheets (a report), written like the project workbook: styled,
    sanitised, to a temporary file moved into place only when complete."""
    with replace_when_done(Path(path)) as temp:
        wb = Workbook(write_only=True)
        try:
            for sheet in sheets:
                _write_extra(wb, sheet)
            wb.save(temp)
        except BaseException:
            _discard_sheet_files(wb)
            raise


def attribute_keys(documents: Iterable[DocumentInfo]) -> list[str]:
    """Every document attribute key, in first-seen order."""
    keys: dict[str, None] = {}
    for doc in documents:
        for key in doc.attributes:
            keys.setdefault(key, None)
    return list(keys)


# -- the sheets ----------------------------------------------------------------------------


def _fill_workbook(wb: Workbook, data: ExportData, progress: Progress | None) -> None:
    keys = attribute_keys(data.documents)
    names: list[str] = []
    sheets = {}
    for name in (SHEET_PASSAGES, SHEET_FREQUENCIES, SHEET_CODEBOOK, SHEET_DOCUMENTS):
        names.append(safe_sheet_name(name, names))
        sheets[name] = wb.create_sheet(names[-1])

    pair_counts = _write_passages(wb, sheets[SHEET_PASSAGES], data, keys, progress)
    table = build_frequencies(data.codes, pair_counts)
    _write_frequencies(wb, sheets[SHEET_FREQUENCIES], data, table)
    _write_codebook(sheets[SHEET_CODEBOOK], data.codes, table)
    _write_documents(sheets[SHEET_DOCUMENTS], data.documents, keys, table)
    for extra in data.extra_sheets:
        _write_extra(wb, extra)


def _start_sheet(ws, maker: CellMaker, headers: Sequence[str], widths: Sequence[float]) -> None:
    """Column widths and frozen header: both must be set before the first row is written."""
    for index, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "A2"
    ws.append(maker.header_row(headers))


def _finish_sheet(ws, columns: int, data_rows: int) -> None:
    """Autofilter over the header and the data rows (set after the rows, before saving)."""
    ws.auto_filter.ref = f"A1:{get_column_letter(max(1, columns))}{data_rows + 1}"


def _write_passages(wb, ws, data: ExportData, keys: list[str], progress):
    """One row per passage; returns passages per (code id, document id)."""
    mk = CellMaker(ws)
    append_cells(ws)  # every row below is made of cells
    units_of, show_origin = data.units_of, data.show_origin
    unit_head = (PASSAGE_UNIT,) if units_of is not None else ()
    origin_head = (PASSAGE_ORIGIN,) if show_origin else ()
    headers = (*PASSAGE_HEAD, *keys, *unit_head, *PASSAGE_TAIL[:7], *origin_head,
               *PASSAGE_TAIL[7:-1], timed_header(PASSAGE_TAIL[-1]))
    widths = (9, 30, *(14 for _ in keys), *(10 for _ in unit_head), 14, 16, 28, 60, 8, 8, 10,
              *(12 for _ in origin_head), 24, 19)
    _start_sheet(ws, mk, headers, widths)

    # Everything that repeats from row to row is turned into cells once. Only styled cells
    # may be reused like this (see annotator.export.styles).
    text, top, wrap = mk.text, mk.top, mk.wrap
    doc_cells = {
        d.id: (
            mk.cell(d.number),
            text(d.title, wrap),
            *(mk.cell(d.attributes[k]) if k in d.attributes else None for k in keys),
        )
        for d in data.documents
    }
    no_doc = (None,) * (2 + len(keys))
    code_cells = {
        c.id: (
            text(c.path[0] if c.path else c.name, top),
            text(c.name, top),
            text(PATH_SEPARATOR.join(c.path or (c.name,)), top),
        )
        for c in data.codes
    }
    no_code = (None, None, None)
    coder_cells: dict[str, object] = {}
    origin_cells: dict[str, object] = {}
    docs_by_id = {d.id: d for d in data.documents}
    units = _UnitFinder(())
    unit_cells: dict[str, object] = {}
    unit_doc = None

    pairs: Counter[tuple[int, int]] = Counter()
    expected = max(0, int(data.passage_count or 0))
    append = ws.append
    # The cells that change from row to row: one reused cell per column.
    passage_text, memo_text = mk.column(wrap).text, mk.column(wrap).text
    start_number, end_number = mk.column(top).number, mk.column(top).number
    created = mk.column(mk.datetime).datetime
    limit = MAX_ROWS_PER_SHEET
    rows = done = 0
    for p in data.passages:
        if rows >= limit:  # a continuation sheet, right after the last one
            _finish_sheet(ws, len(headers), rows)
            index = wb.worksheets.index(ws) + 1
            name = safe_sheet_name(SHEET_PASSAGES, wb.sheetnames)
            ws = wb.create_sheet(name, index)
            append_cells(ws)
            _start_sheet(ws, mk, headers, widths)
            append = ws.append
            rows = 0
        coder = coder_cells.get(p.coder_name)
        if coder is None:
            coder = coder_cells[p.coder_name] = text(p.coder_name or "", top)
        unit_part: tuple = ()
        if units_of is not None:
            if p.document_id != unit_doc:  # passages come by document: units once each
                unit_doc, unit_cells = p.document_id, {}
                doc = docs_by_id.get(p.document_id)
                units = _UnitFinder(units_of(doc) if doc is not None else ())
            number_ = units.number(p.start, p.end)
            unit_cell = unit_cells.get(number_)
            if unit_cell is None and number_:
                unit_cell = unit_cells[number_] = text(number_, top)
            unit_part = (unit_cell,)
        origin_part: tuple = ()
        if show_origin:
            origin = origin_cells.get(p.origin)
            if origin is None:
                label = ORIGIN_LABELS.get(p.origin, p.origin or "")
                origin = origin_cells[p.origin] = text(label, top)
            origin_part = (origin,)
        append(
            (
                *doc_cells.get(p.document_id, no_doc),
                *unit_part,
                *code_cells.get(p.code_id, no_code),
                passage_text(p.text),
                start_number(p.start),
                end_number(p.end),
                coder,
                *origin_part,
                memo_text(p.memo) if p.memo else None,
                created(p.created_at),
            )
        )
        pairs[p.code_id, p.document_id] += 1
        rows += 1
        done += 1
        if progress is not None and done % PROGRESS_EVERY == 0:
            progress(done, max(expected, done))
    _finish_sheet(ws, len(headers), rows)
    if progress is not None:
        # The last call says "all done", (done, done), even when passage_count was only an
        # estimate; it is not repeated when the periodic call just said exactly that.
        periodic = done and done % PROGRESS_EVERY == 0 and expected <= done
        if not periodic:
            progress(done, done)
    return pairs


class _UnitFinder:
    """The number of the unit holding an offset, among one document's units: a sequence of
    units, or parallel ``numbers``/``starts``/``ends`` sorted by start (outermost first)."""

    def __init__(self, units: Sequence[Unit] | UnitArrays) -> None:
        if isinstance(units, Sequence):
            ordered = sorted(units, key=lambda u: (u.start, -u.end))
            self.numbers = [u.number for u in ordered]
            self.starts = [u.start for u in ordered]
            self.ends = [u.end for u in ordered]
        else:
            self.numbers = list(units.numbers)
            self.starts = units.starts.tolist()
            self.ends = units.ends.tolist()

    def number(self, start: int, end: int) -> str:
        """The innermost unit holding the whole passage (a 款 inside an article), else the
        innermost one containing ``start``; for a start in the gap between units (a passage
        beginning on a line break), the first unit that begins inside the passage; "" when
        there is none."""
        starts, ends, numbers = self.starts, self.ends, self.numbers
        i = bisect_right(starts, start) - 1
        first = ""
        for j in range(i, max(i - 50, -1), -1):  # nested units (款 in articles)
            if ends[j] > start:
                if ends[j] >= end:
                    return numbers[j]
                first = first or numbers[j]
        if first:
            return first
        if i + 1 < len(starts) and starts[i + 1] < end:
            return numbers[i + 1]
        return ""


def _document_label(doc: DocumentInfo) -> str:
    return shorten(f"{doc.number} {doc.title}".strip(), 24)


def _write_frequencies(wb, ws, data: ExportData, table: FrequencyTable) -> None:
    """Codes × documents, parents rolled up; more documents than columns continue on
    further sheets, each with the same code columns and totals."""
    documents = list(data.documents)
    fixed = len(FREQUENCY_HEAD) + len(FREQUENCY_TAIL)
    per_sheet = MAX_COLUMNS - fixed
    chunks = [documents[i : i + per_sheet] for i in range(0, len(documents), per_sheet)] or [[]]
    for number, chunk in enumerate(chunks):
        if number:
            name = safe_sheet_name(SHEET_FREQUENCIES, wb.sheetnames)
            ws = wb.create_sheet(name, wb.worksheets.index(ws) + 1)
        _write_frequency_sheet(ws, data.codes, chunk, table)


def _write_frequency_sheet(ws, codes, documents, table: FrequencyTable) -> None:
    mk = CellMaker(ws)
    headers = (*FREQUENCY_HEAD, *(_document_label(d) for d in documents), *FREQUENCY_TAIL)
    widths = (24, 30, 6, *(12 for _ in documents), 9, 9)
    if documents:
        ws.row_dimensions[1].height = 45  # room for wrapped "number title" headings
    for index, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(index)].width = width
    ws.freeze_panes = "A2"
    header = mk.header_row(headers)
    header[0].comment = Comment(ROLLUP_NOTE, "annotator", width=320, height=110)
    ws.append(header)

    doc_ids = [d.id for d in documents]
    for code in codes:
        counts = table.rolled.get(code.id, {})
        ws.append(
            (
                mk.text(code.name, mk.top),  # no indent: Excel filters see the name
                mk.text(code.path_text, mk.top),
                code.depth + 1,
                *(counts.get(i, 0) for i in doc_ids),
                table.row_total[code.id],
                mk.cell(table.share(code.id), mk.percent),
            )
        )
    ws.append(
        (
            mk.text("合计", mk.bold),
            None,
            None,
            *(mk.cell(table.column_total[i], mk.bold) for i in doc_ids),
            mk.cell(table.total, mk.bold),
            mk.cell(1.0 if table.total else 0.0, mk.bold_percent),
        )
    )
    # The totals row stays out of the filter range so sorting never moves it among the codes.
    _finish_sheet(ws, len(headers), len(codes))


_HEX_COLOUR = re.compile(r"#?([0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})")


def _argb(colour: str) -> str | None:
    match = _HEX_COLOUR.fullmatch((colour or "").strip())
    if match is None:
        return None
    digits = match.group(1)
    if len(digits) == 3:
        digits = "".join(ch * 2 for ch in digits)
    return "FF" + digits.upper()


def _write_codebook(ws, codes: Sequence[CodeInfo], table: FrequencyTable) -> None:
    mk = CellMaker(ws)
    _start_sheet(ws, mk, CODEBOOK_HEADERS, (34, 18, 6, 50, 30, 10, 8, 8))
    fills: dict[str, object] = {}
    for code in codes:
        argb = _argb(code.colour)
        colour_style = mk.top
        if argb is not None:
            colour_style = fills.get(argb) or fills.setdefault(argb, mk.fill_template(mk.top, argb))
        ws.append(
            (
                mk.text(code.path_text, mk.top),
                mk.text(code.name, mk.top),
                code.depth + 1,
                mk.text(code.definition or "", mk.wrap),
                mk.text(KEYWORD_SEPARATOR.join(code.keywords or ()), mk.wrap),
                mk.text(code.colour or "", colour_style),
                mk.text(code.shortcut or "", mk.top),
                table.own[code.id],
            )
        )
    _finish_sheet(ws, len(CODEBOOK_HEADERS), len(codes))


def _write_documents(ws, documents, keys: list[str], table: FrequencyTable) -> None:
    mk = CellMaker(ws)
    headers = (*DOCUMENT_HEAD, *keys, *DOCUMENT_TAIL[:-1], timed_header(DOCUMENT_TAIL[-1]))
    widths = (7, 40, 28, *(14 for _ in keys), 9, 8, 19)
    _start_sheet(ws, mk, headers, widths)
    for doc in documents:
        ws.append(
            (
                mk.cell(doc.number),
                mk.text(doc.title, mk.wrap),
                mk.text(doc.source_name or "", mk.top),
                *(mk.cell(doc.attributes[k]) if k in doc.attributes else None for k in keys),
                mk.cell(doc.length),
                mk.cell(table.column_total[doc.id]),
                mk.datetime_cell(doc.imported_at),
            )
        )
    _finish_sheet(ws, len(headers), len(documents))


def _write_extra(wb: Workbook, extra: ExtraSheet) -> None:
    ws = wb.create_sheet(safe_sheet_name(extra.name, wb.sheetnames))
    mk = CellMaker(ws)
    append_cells(ws)  # every row below is made of cells
    widths = list(extra.widths) or [14.0] * len(extra.headers)
    _start_sheet(ws, mk, extra.headers, widths)
    wrap, percent = set(extra.wrap_columns), set(extra.percent_columns)
    # One reused cell per column for the common values (text, whole and finite numbers);
    # anything else is made by CellMaker.cell as before.
    columns: dict[int, ColumnCell] = {}

    def column(col: int) -> ColumnCell:
        found = columns.get(col)
        if found is None:
            style = mk.percent if col in percent else mk.wrap if col in wrap else mk.top
            found = columns[col] = mk.column(style)
        return found

    rows = 0
    for row in extra.rows:
        cells = []
        for col, value in enumerate(row):
            kind = value.__class__
            if value is None:
                cells.append(None)
            elif col in percent and isinstance(value, int | float):
                cells.append(column(col).number(value))
            elif kind is str and col not in percent:
                cells.append(column(col).text(value))
            elif (kind is int or kind is float and math.isfinite(value)) and col not in wrap:
                cells.append(column(col).number(value))
            elif col in wrap and isinstance(value, str):
                cells.append(mk.text(value, mk.wrap))
            else:
                cells.append(mk.cell(value))
        ws.append(cells)
        rows += 1
    _finish_sheet(ws, len(extra.headers), rows)
    if extra.images:
        from openpyxl.drawing.image import Image

        anchor_col = get_column_letter(len(extra.headers) + 2)
        row = 2
        for image_path in extra.images:
            image = Image(str(image_path))
            ws.add_image(image, f"{anchor_col}{row}")
            row += int(image.height / 20) + 2


# -- clean-up --------------------------------------------------------------------------------


def _discard_sheet_files(wb: Workbook) -> None:
    """Remove the per-sheet temporary files openpyxl's write-only mode keeps in the system
    temp folder (otherwise they would linger until the process exits). Best effort."""
    from openpyxl.worksheet import _writer as sheet_writer  # private: the temp-file registry

    for ws in wb.worksheets:
        writer = getattr(ws, "_writer", None)
        if writer is None:
            continue
        rows = getattr(ws, "_rows", None)
        for closer in (getattr(rows, "close", None), getattr(writer, "close", None)):
            if closer is not None:
                with contextlib.suppress(Exception):
                    closer()
        out = getattr(writer, "out", None)
        if isinstance(out, str):
            with contextlib.suppress(OSError):
                os.remove(out)
            with contextlib.suppress(ValueError):
                sheet_writer.ALL_TEMP_FILES.remove(out)
