"""``annotator report`` (the X×Y report workbook with charts) and ``annotator table`` (one
table printed: code × document or attribute, X×Y, co-occurrence)."""

from __future__ import annotations

import argparse
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from annotator.cli_i18n import tr
from annotator.errors import InvalidOperation
from annotator.project import Project

COMMANDS = ("report", "table")
# As annotator.analysis.unit_index.UNIT_KINDS, which is not imported here: building the
# parser must not load numpy for every command.
UNIT_KINDS = ("paragraph", "sentence")


def _add_filters(p: argparse.ArgumentParser) -> None:
    # One name per flag (or names joined by ','): a list of names could swallow the
    # workbook path that follows.
    p.add_argument("--coder", action="append", metavar="NAME", default=[],
                   help=tr("only passages by this coder (repeat, or join names with ','; "
                   "default: every coder)"))
    p.add_argument("--where", action="append", metavar="KEY=VALUE", default=[],
                   help=tr("only documents whose attribute KEY has one of the VALUEs (joined "
                   "by ','); repeat for more keys, all must match"))
    p.add_argument("--documents", metavar="N,N", help=tr("only these document numbers"))
    p.add_argument("--code", action="append", metavar="PATH", default=[],
                   help=tr("only this branch of the codebook (repeatable)"))


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report",
        help=tr("write the X×Y report workbook: 交叉表 (counts, shares, unit lists) with a heat "
        "map, code shares with bar charts, code × document / attribute tables, co-occurrence"),
        description=tr('Branches are code paths; join several with "+" '
        '("供给型+环境型+需求型"); "*" is every top-level code not in the other branch.'),
    )
    p.add_argument("project", type=Path)
    p.add_argument("--xy", nargs=2, required=True, metavar=("CODE_A", "CODE_B"),
                   help=tr("the row and column branches"))
    p.add_argument("target", type=Path, help=tr("the workbook to write (.xlsx)"))
    p.add_argument("--unit", choices=UNIT_KINDS, default="paragraph",
                   help=tr("unit of analysis (default: paragraph)"))
    p.add_argument("--charts", type=Path, metavar="DIR",
                   help=tr("also save the charts there as PNG and SVG"))
    _add_filters(p)
    p.set_defaults(handler=cmd_report)

    p = sub.add_parser(
        "table",
        help=tr("print a table: codes × documents or × an attribute, X×Y, or co-occurrence"),
    )
    p.add_argument("project", type=Path)
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--by", metavar="document|ATTRIBUTE",
                      help=tr("columns: the documents, or the values of a document attribute"))
    what.add_argument("--xy", nargs=2, metavar=("CODE_A", "CODE_B"),
                      help=tr("the X×Y table of two branches (units carrying both)"))
    what.add_argument("--cooccurrence", choices=("unit", "overlap"),
                      help=tr("codes found in the same unit, or in overlapping passages"))
    p.add_argument("--year", action="store_true",
                   help=tr("with --by ATTRIBUTE: group by the year found in the values"))
    p.add_argument("--share", choices=("column", "row", "total"),
                   help=tr("print shares (of the column, the row or the total) instead of counts"))
    p.add_argument("--units", action="store_true",
                   help=tr("with --xy: print the unit numbers in each cell"))
    p.add_argument("--unit", choices=UNIT_KINDS, default="paragraph",
                   help=tr("unit of analysis for --xy and --cooccurrence unit "
                           "(default: paragraph)"))
    p.add_argument("--tsv", action="store_true", help=tr("tab-separated (pastes into Excel)"))
    _add_filters(p)
    p.set_defaults(handler=cmd_table)


def _filters(project: Project, args: argparse.Namespace):
    from annotator.analysis.filters import filters_from_names

    coders = [n.strip() for name in args.coder for n in name.split(",") if n.strip()]
    numbers = []
    for text in (args.documents or "").replace("，", ",").split(","):
        if text.strip():
            if not text.strip().isdigit():
                raise InvalidOperation(tr("--documents: {text!r} is not a number").format(
                    text=text.strip()))
            numbers.append(int(text))
    return filters_from_names(
        project, where=args.where, coders=coders, codes=args.code, documents=numbers
    )


def _branches(project: Project, a: str, b: str) -> tuple[list[int], list[int]]:
    from annotator.analysis.code_index import BRANCH_REST, CodeTree

    tree = CodeTree.build(project.codes())
    if a.strip() == BRANCH_REST:
        y = tree.branch(b)
        return tree.branch(a, y), y
    x = tree.branch(a)
    return x, tree.branch(b, x)


def cmd_report(args: argparse.Namespace, out: TextIO) -> int:
    from annotator.analysis.report_workbook import write_report

    with Project.open(args.project) as project:
        filters = _filters(project, args)
        x, y = _branches(project, *args.xy)
        result = write_report(project, args.target, x, y, unit=args.unit, filters=filters,
                              charts_dir=args.charts)
    print(
        tr("wrote {target}: {rows} × {columns} codes, {units} units carry both; "
           "sheets: {sheets}").format(target=result.target, rows=result.rows,
                                      columns=result.columns, units=result.units,
                                      sheets=", ".join(result.sheets)),
        file=out,
    )
    for path in result.charts:
        print(tr("chart  {path}").format(path=path), file=out)
    return 0


def cmd_table(args: argparse.Namespace, out: TextIO) -> int:
    from annotator.analysis import text_tables

    with Project.open(args.project) as project:
        filters = _filters(project, args)
        if args.by is not None:
            rows = text_tables.frequency_rows(project, args.by, year=args.year,
                                              share=args.share, filters=filters)
        elif args.xy is not None:
            x, y = _branches(project, *args.xy)
            rows = text_tables.xy_rows(project, x, y, unit=args.unit, share=args.share,
                                       units=args.units, filters=filters)
        else:
            rows = text_tables.cooccurrence_rows(project, args.cooccurrence, unit=args.unit,
                                                 filters=filters)
    print_table(rows, out, tsv=args.tsv)
    return 0


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def print_table(rows: Sequence[Sequence[str]], out: TextIO, *, tsv: bool = False) -> None:
    """Rows of strings, tab-separated or aligned (Chinese characters count two columns;
    numbers are right-aligned)."""
    if tsv:
        for row in rows:
            print("\t".join(row), file=out)
        return
    widths = [0] * max((len(r) for r in rows), default=0)
    for row in rows:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], _width(cell))
    for row in rows:
        cells = []
        for i, cell in enumerate(row):
            pad = " " * (widths[i] - _width(cell))
            numeric = cell.replace(".", "").replace("%", "").replace(",", "").isdigit()
            cells.append(pad + cell if numeric and i else cell + pad)
        print("  ".join(cells).rstrip(), file=out)
