"""Styled cells for openpyxl's write-only worksheets, cheap enough for the hot path.

Every style is registered with the workbook once; its ``StyleArray`` (a row of nine small ints
indexing the workbook's font/alignment/format tables) is then copied into each new cell, so no
``Font``/``Alignment`` object is created, hashed or looked up per cell.

Every cell made here carries a style. That matters: openpyxl's write-only row writer keeps
using the last cell it was handed for the following plain values unless that cell is styled,
so only styled cells may be cached and handed over again row after row.
"""

from __future__ import annotations

from contextlib import suppress
from datetime import date, datetime, time

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill

from annotator.export.cells import ERROR_CODES, clean_text, local_times, plain_value

DATETIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
PERCENT_FORMAT = "0.0%"

_TOP = Alignment(vertical="top")
_WRAP = Alignment(wrap_text=True, vertical="top")
_BOLD = Font(bold=True)


class _Cell(Cell):
    """A ``Cell`` with a cheap ``repr`` and its style's index known when it is made.

    ``ws.append`` first tries to bind each value as a plain value. For a cell that fails with
    a ``ValueError`` whose message is built from ``repr(cell)``, and the default repr (sheet
    title plus coordinate) was a noticeable share of the per-cell cost (see
    :func:`append_cells` for sheets that skip that step). Writing a styled cell looks its
    style up in the workbook's style list, hashing it; the maker does that once per style.
    """

    __slots__ = ("_sid",)

    def __repr__(self) -> str:
        return "<Cell>"

    @property
    def style_id(self) -> int:
        try:
            return self._sid
        except AttributeError:  # a style changed after the cell was made (a fill)
            return Cell.style_id.fget(self)  # type: ignore[attr-defined]


def append_cells(ws) -> None:
    """Let ``ws`` (write-only) take rows made only of cells and None without trying each
    cell as a plain value first: every row appended to it afterwards must be such a row.

    openpyxl's write-only sheet turns each appended value into a cell by assigning it to a
    scratch cell, which for a cell raises and catches a ValueError; with rows of ready cells
    that was a third of the cost of writing them. Falls back to openpyxl's own way should a
    later openpyxl not have the hook."""
    if not callable(getattr(ws, "_values_to_row", None)):
        return

    def cells_to_row(values, row_idx: int):
        for col_idx, cell in enumerate(values, 1):
            if cell is None:
                continue
            cell.column = col_idx
            cell.row = row_idx
            yield cell

    ws._values_to_row = cells_to_row


class CellMaker:
    """Makes styled ``Cell`` objects for one write-only worksheet."""

    def __init__(self, ws) -> None:
        self.ws = ws
        self._sids: dict[int, int] = {}  # id of a template → its index in the workbook
        self.header = self._template(font=_BOLD, alignment=_WRAP)
        self.top = self._template(alignment=_TOP)
        self.wrap = self._template(alignment=_WRAP)
        self.datetime = self._template(alignment=_TOP, number_format=DATETIME_FORMAT)
        self.percent = self._template(alignment=_TOP, number_format=PERCENT_FORMAT)
        self.bold = self._template(font=_BOLD, alignment=_TOP)
        self.bold_percent = self._template(font=_BOLD, alignment=_TOP, number_format=PERCENT_FORMAT)
        self.local_time = local_times()  # datetime cells hold local time (header names zone)

    def _template(self, *, font=None, alignment=None, number_format=None, fill=None):
        cell = Cell(self.ws, 1, 1)
        if font is not None:
            cell.font = font
        if alignment is not None:
            cell.alignment = alignment
        if number_format is not None:
            cell.number_format = number_format
        if fill is not None:
            cell.fill = fill
        return self._known(cell._style)

    def _known(self, style):
        """Register ``style`` with the workbook once; cells made with it carry its index."""
        self._sids[id(style)] = self.ws.parent._cell_styles.add(style)
        return style

    def _styled(self, style) -> _Cell:
        cell = _Cell(self.ws, 1, 1, style_array=style)
        sid = self._sids.get(id(style))
        if sid is not None:
            cell._sid = sid
        return cell

    def fill_template(self, base, argb: str):
        """``base`` plus a solid background of colour ``argb`` ("FFRRGGBB")."""
        cell = _Cell(self.ws, 1, 1, style_array=base)
        cell.fill = PatternFill(fill_type="solid", fgColor=argb)
        return self._known(cell._style)

    # -- cells -------------------------------------------------------------------------

    def text(self, value: str, style) -> Cell:
        """A string cell; always stored as text, never as a formula or error value."""
        cell = self._styled(style)
        if value.__class__ is not str:
            value = "" if value is None else str(value)
        value = clean_text(value)
        # Set directly rather than through ``cell.value``: the string is already clean, and
        # openpyxl would turn "=…" into a formula and "#N/A" into an error value.
        cell._value = value
        cell.data_type = "s"
        if value and (value[0] in "=+-@" or value[0] == "#" and value in ERROR_CODES):
            # What Excel itself sets for text typed with a leading apostrophe: the cell stays
            # text even when someone edits it later.
            cell.quotePrefix = True
            with suppress(AttributeError):
                del cell._sid  # another style now: looked up when written
        return cell

    def number(self, value: int | float, style) -> Cell:
        """A number cell (``value`` must be an int or a finite float)."""
        cell = self._styled(style)
        cell._value = value
        cell.data_type = "n"
        return cell

    def cell(self, value: object, style=None) -> Cell:
        """Any value as a styled cell (strings cleaned and kept as text)."""
        if style is None:
            style = self.top
        value = plain_value(value)
        if isinstance(value, str):
            return self.text(value, style)
        if isinstance(value, datetime | date | time) and style is self.top:
            style = self.datetime
        cell = self._styled(style)
        cell.value = value
        if cell.data_type == "d":  # openpyxl may have given it a date format
            with suppress(AttributeError):
                del cell._sid
        return cell

    def datetime_cell(self, value: datetime | None) -> Cell | None:
        if value is None:
            return None
        cell = self._styled(self.datetime)
        if type(value) is datetime:  # the style already has a date format: skip the checks
            cell._value = self.local_time(value)
            cell.data_type = "d"
        else:
            local = self.local_time(value) if isinstance(value, datetime) else value
            cell.value = plain_value(local)
        return cell

    def header_row(self, titles) -> list[Cell]:
        return [self.text(str(t), self.header) for t in titles]

    def column(self, style) -> ColumnCell:
        """One reusable cell of ``style`` for a column (see :class:`ColumnCell`)."""
        return ColumnCell(self, style)


class ColumnCell:
    """One styled cell set anew for each row of a column, instead of a new cell per row.

    A write-only sheet writes an appended row's cells before ``append`` returns, so the
    next row may hand over the same cell again with another value (one cell per column:
    never twice in a row). Values the maker would mark as text with a quote prefix get a
    cell of their own, so the reused cell keeps its style."""

    __slots__ = ("_maker", "_style", "_cell")

    def __init__(self, maker: CellMaker, style) -> None:
        self._maker = maker
        self._style = style
        self._cell = maker._styled(style)

    def text(self, value: str) -> Cell:
        """As :meth:`CellMaker.text`."""
        if value.__class__ is not str:
            value = "" if value is None else str(value)
        value = clean_text(value)
        if value and (value[0] in "=+-@" or value[0] == "#" and value in ERROR_CODES):
            return self._maker.text(value, self._style)
        cell = self._cell
        cell._value = value
        cell.data_type = "s"
        return cell

    def number(self, value: int | float) -> Cell:
        """As :meth:`CellMaker.number`."""
        cell = self._cell
        cell._value = value
        cell.data_type = "n"
        return cell

    def datetime(self, value: datetime | None) -> Cell | None:
        """As :meth:`CellMaker.datetime_cell` (the column's style must be the maker's
        ``datetime``)."""
        if type(value) is not datetime:
            return self._maker.datetime_cell(value)
        cell = self._cell
        cell._value = self._maker.local_time(value)
        cell.data_type = "d"
        return cell
