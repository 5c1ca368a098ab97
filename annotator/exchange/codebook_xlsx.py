"""Codebooks as Excel sheets: export the code tree, import a sheet researchers keep by hand.

Exported: one row per code, its path split over 一级/二级/三级… columns, then 定义, 关键词,
颜色 (the cell filled with the colour) and 快捷键. Imported: the same, or any sheet whose
header ``xlsx_headers`` recognises; left-hand level cells may be left blank (or merged) to
mean "as in the row above". A missing header, a duplicate path or an unknown parent stops
the import with a message naming the file, sheet and row; lesser problems are warnings.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter

from annotator.errors import CodebookFormatError
from annotator.exchange.code_tree import CodeRow, TreeBuilder, clean_name, split_keywords
from annotator.exchange.codebook_merge import merge_rows
from annotator.exchange.files import written_atomically
from annotator.exchange.results import CodebookImportReport, CodebookSheetError, WarningKind
from annotator.exchange.xlsx_headers import Header, level_title, normalise_header, read_header
from annotator.export.cells import safe_sheet_name
from annotator.export.excel import _discard_sheet_files
from annotator.export.styles import CellMaker
from annotator.limits import MAX_CODE_DEPTH, MAX_CODES, XLSX_LIMITS, checked_copy
from annotator.records import CodeInfo

if TYPE_CHECKING:
    from annotator.project import Project

SHEET = "编码表"
TAIL = ("定义", "关键词", "颜色", "快捷键")
_SHEET_NAMES = {"编码表", "编码本", "codebook", "codes", "编码"}
_PATH_SPLIT = re.compile(r"\s*(?:/|／|::|›|>|＞)\s*")
_COLOUR = re.compile(r"#?([0-9A-Fa-f]{6}|[0-9A-Fa-f]{3})")
_HEADER_SEARCH = 5  # non-empty rows looked at for the header (a title row may come first)
_Rows = list[tuple[int, list[object]]]  # (Excel row number, cell values)
_Path = tuple[str, ...]


# -- export ----------------------------------------------------------------------------------


def export_codebook_xlsx(project: Project, target: str | Path) -> int:
    """Write the project's code tree to ``target``; returns the number of codes."""
    target = Path(target)
    codes = project.codes()
    depth = max((len(c.path) for c in codes), default=1)
    with written_atomically(target, "the codebook workbook") as temp:
        wb = Workbook(write_only=True)
        ws = wb.create_sheet(safe_sheet_name(SHEET))
        mk = CellMaker(ws)
        widths = [*(18 for _ in range(depth)), 50, 30, 10, 8]
        for index, width in enumerate(widths, 1):
            ws.column_dimensions[get_column_letter(index)].width = width
        ws.freeze_panes = "A2"
        ws.append(mk.header_row([*(level_title(i + 1) for i in range(depth)), *TAIL]))
        fills: dict[str, object] = {}
        for code in codes:
            ws.append(_code_cells(mk, code, depth, fills))
        ws.auto_filter.ref = f"A1:{get_column_letter(len(widths))}{len(codes) + 1}"
        try:
            wb.save(temp)
        except BaseException:  # a full disk: close the sheet's writers now, quietly
            _discard_sheet_files(wb)
            raise
    return len(codes)


def _code_cells(
    mk: CellMaker, code: CodeInfo, depth: int, fills: dict[str, object]
) -> list[object]:
    levels: list[object] = [mk.text(name, mk.top) for name in code.path]
    levels += [None] * (depth - len(levels))
    colour_style = mk.top
    match = _COLOUR.fullmatch(code.colour or "")
    if match and len(match.group(1)) == 6:
        argb = "FF" + match.group(1).upper()
        colour_style = fills.get(argb) or fills.setdefault(argb, mk.fill_template(mk.top, argb))
    return [
        *levels,
        mk.text(code.definition or "", mk.wrap),
        mk.text("、".join(code.keywords), mk.wrap),
        mk.text(code.colour or "", colour_style),
        mk.text(code.shortcut or "", mk.top),
    ]


# -- import ----------------------------------------------------------------------------------


def import_codebook_xlsx(project: Project, source: str | Path) -> CodebookImportReport:
    """Merge a codebook sheet into ``project`` by path, never deleting.
    Raises ``CodebookSheetError`` (file, sheet, row) for a sheet that cannot be read."""
    source = Path(source)
    report = CodebookImportReport(source=source)
    rows = read_codebook_xlsx(source, report)
    merge_rows(project, rows, report)
    return report


def read_codebook_xlsx(source: Path, report: CodebookImportReport) -> list[CodeRow]:
    try:  # openpyxl unpacks the archive itself: it reads a copy checked against the limits
        safe = checked_copy(source, XLSX_LIMITS, str(source), CodebookFormatError,
                            skip=lambda name: name.lower().startswith("xl/media/"))
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError, ValueError) as exc:
        raise CodebookSheetError(source, "?", None,
                                 f"cannot open as an Excel workbook ({exc})") from exc
    try:
        wb = load_workbook(safe, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a non-workbook
        raise CodebookSheetError(source, "?", None,
                                 f"cannot open as an Excel workbook ({exc})") from exc
    try:
        ws = next((w for w in wb.worksheets if normalise_header(w.title) in _SHEET_NAMES),
                  wb.worksheets[0])
        rows = zip(range(1, MAX_CODES + 3), ws.iter_rows(values_only=True), strict=False)
        table = [(i, list(r)) for i, r in rows]
        if len(table) > MAX_CODES + 1:  # a header and MAX_CODES codes
            raise CodebookSheetError(source, ws.title, None, f"more than {MAX_CODES:,} rows of "
                                     "codes, the limit for one codebook; refused")
        return _SheetReader(source, ws.title, report).rows(table)
    finally:
        wb.close()


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a shortcut typed as 1 comes back as 1.0
    return str(value).strip()


class _SheetReader:
    def __init__(self, file: Path, sheet: str, report: CodebookImportReport) -> None:
        self.file, self.sheet, self.report = file, sheet, report
        self.builder = TreeBuilder(report.warnings)
        self.seen: dict[tuple[str, ...], int] = {}
        self.shortcuts: dict[str, int] = {}

    def error(self, row: int | None, problem: str) -> CodebookSheetError:
        return CodebookSheetError(self.file, self.sheet, row, problem)

    def rows(self, table: Sequence[tuple[int, list[object]]]) -> list[CodeRow]:
        filled = [(i, r) for i, r in table if any(_cell(v) for v in r)]
        if not filled:
            raise self.error(None, "the sheet is empty")
        for position, (_row, cells) in enumerate(filled[:_HEADER_SEARCH]):
            header = read_header(cells)
            if header.layout is not None:
                data = filled[position + 1 :]
                break
        else:
            found = ", ".join(repr(_cell(v)) for v in filled[0][1] if _cell(v))
            raise self.error(filled[0][0], "no header row: expected columns such as 一级/二级/"
                             f"三级, 编码路径, or 名称 with 上级编码 (found {found})")
        paths = self._paths(header, data)
        for (row_no, cells), path in zip(data, paths, strict=True):
            if path is not None:
                self._add(row_no, cells, header, path)
        return self.builder.result()

    # -- paths by layout ---------------------------------------------------------------
    def _paths(self, header: Header, data: _Rows) -> list[_Path | None]:
        if header.layout == "levels":
            return self._level_paths(header, data)
        if header.layout == "path":
            col = header.columns["path"]
            return [self._split(_cell(_at(c, col))) or None for _row, c in data]
        return self._parent_paths(header, data)

    def _split(self, text: str) -> tuple[str, ...]:
        return tuple(p for p in (clean_name(x) for x in _PATH_SPLIT.split(text)) if p)

    def _level_paths(self, header: Header, data: _Rows) -> list[_Path | None]:
        out: list[_Path | None] = []
        previous: tuple[str, ...] = ()
        for row_no, cells in data:
            names = [clean_name(_cell(_at(cells, col))) for _lv, col, _t in header.levels]
            filled = [i for i, n in enumerate(names) if n]
            if not filled:
                out.append(None)
                continue
            first, last = filled[0], filled[-1]
            gap = next((i for i in range(first, last) if not names[i]), None)
            if gap is not None:
                raise self.error(row_no, f"{header.levels[gap + 1][2]} {names[gap + 1]!r} has "
                                 f"no {header.levels[gap][2]}: unknown parent")
            if first > len(previous):
                raise self.error(row_no, f"{header.levels[first][2]} {names[first]!r} has no "
                                 f"{header.levels[first - 1][2]} in this row or above: "
                                 "unknown parent")
            previous = (*previous[:first], *names[first : last + 1])
            out.append(previous)
        return out

    def _parent_paths(self, header: Header, data: _Rows) -> list[_Path | None]:
        name_col, parent_col = header.columns["name"], header.columns.get("parent")
        entries = []
        for row_no, cells in data:
            name = clean_name(_cell(_at(cells, name_col)))
            parent = _cell(_at(cells, parent_col)) if parent_col is not None else ""
            entries.append((row_no, name, self._split(parent)))
        by_name: dict[str, list[int]] = {}
        for index, (_r, name, _p) in enumerate(entries):
            if name:
                by_name.setdefault(name, []).append(index)
        resolved: dict[int, tuple[str, ...]] = {}

        def resolve(start: int) -> tuple[str, ...]:
            # Walk up to a resolved code or a root, then down again: a loop, not recursion,
            # so a chain as long as the sheet never meets the recursion limit.
            chain: list[tuple[int, int]] = []  # (row index, index of its parent's row)
            on_chain: set[int] = set()
            index = start
            while index not in resolved:
                row_no, name, parent = entries[index]
                if index in on_chain:
                    raise self.error(row_no, f"code {name!r} is its own ancestor: unknown "
                                     "parent")
                if len(parent) > 1 or not parent:
                    resolved[index] = (*parent, name)
                    break
                owners = by_name.get(parent[0], [])
                if len(owners) > 1:
                    raise self.error(row_no, f"parent {parent[0]!r} names several codes; give "
                                     "its full path (A / B)")
                if not owners:
                    raise self.error(row_no, f"parent {parent[0]!r} of {name!r} is not a code "
                                     "in this sheet: unknown parent")
                on_chain.add(index)
                chain.append((index, owners[0]))
                index = owners[0]
            for index, owner in reversed(chain):
                resolved[index] = (*resolved[owner], entries[index][1])
                if len(resolved[index]) > MAX_CODE_DEPTH:
                    raise self.error(entries[index][0], f"{len(resolved[index])} levels deep, "
                                     f"more than the limit of {MAX_CODE_DEPTH}; refused")
            return resolved[start]

        return [resolve(i) if entries[i][1] else None for i in range(len(entries))]

    # -- one row -----------------------------------------------------------------------
    def _add(self, row_no: int, cells: list[object], header: Header, path: tuple[str, ...]) -> None:
        if len(path) > MAX_CODE_DEPTH:
            raise self.error(row_no, f"{len(path)} levels deep, more than the limit of "
                             f"{MAX_CODE_DEPTH}; refused")
        if path in self.seen:
            raise self.error(row_no, f"duplicate path {' / '.join(path)!r} "
                             f"(also row {self.seen[path]})")
        self.seen[path] = row_no
        item = f"{self.file.name}, sheet {self.sheet!r}, row {row_no}"
        get = header.columns.get
        colour = _cell(_at(cells, get("colour")))
        match = _COLOUR.fullmatch(colour)
        if colour and match is None:
            self.report.warnings.add(WarningKind.COLOUR, item, f"colour {colour!r} not "
                                     "understood (use #RRGGBB); left out")
        shortcut = _cell(_at(cells, get("shortcut"))) or None
        if shortcut and shortcut in self.shortcuts:
            self.report.warnings.add(WarningKind.CODEBOOK, item, f"shortcut {shortcut} also "
                                     f"in row {self.shortcuts[shortcut]}; left out")
            shortcut = None
        if shortcut:
            self.shortcuts[shortcut] = row_no
        self.builder.add(CodeRow(
            path=path,
            colour=_hex(match.group(1)) if match else None,
            definition=_cell(_at(cells, get("definition"))),
            keywords=split_keywords(_cell(_at(cells, get("keywords")))),
            shortcut=shortcut,
        ))


def _at(cells: list[object], column: int | None) -> object:
    return cells[column] if column is not None and column < len(cells) else None


def _hex(digits: str) -> str:
    return "#" + (digits if len(digits) == 6 else "".join(c * 2 for c in digits)).upper()
