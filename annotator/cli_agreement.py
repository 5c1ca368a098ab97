"""``annotator agreement PROJECT``: intercoder agreement per code, printed as a table."""

from __future__ import annotations

import argparse
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from annotator.cli_i18n import counted, tr
from annotator.errors import AnnotatorError
from annotator.project import Project

if TYPE_CHECKING:
    from annotator.analysis.agreement_data import DocumentFilter

COLUMNS = ("编码", "N", "一致率", "Holsti R", "CR", "κ", "α", "字符一致率", "字符 κ")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "agreement",
        help=tr("intercoder agreement per code: percent, Holsti R, CR, Cohen's κ, "
        "Krippendorff's α, character-level agreement"),
    )
    p.add_argument("project", type=Path)
    p.add_argument("--coders", help=tr("comma-separated coder names (default: all with passages)"))
    p.add_argument("--unit", choices=("paragraph", "sentence"), default="paragraph",
                   help=tr("unit of analysis (default: paragraph)"))
    p.add_argument("--code", action="append", metavar="PATH",
                   help=tr("only this branch of the codebook (repeatable)"))
    p.add_argument("--documents", metavar="N,N", help=tr("only these document numbers"))
    p.add_argument("--where", action="append", metavar="KEY=VALUE",
                   help=tr("only documents with this attribute value (repeatable, all must match)"))
    p.add_argument("--all-coded", action="store_true",
                   help=tr("treat every chosen document as coded by every coder (default: a "
                   "coder coded the documents they have passages in)"))
    p.add_argument("--disagreements", action="store_true",
                   help=tr("also list the units where the coders differ"))
    p.set_defaults(handler=cmd_agreement)


def _split(value: str | None) -> list[str]:
    return [v.strip() for v in (value or "").replace("，", ",").split(",") if v.strip()]


def _document_filter(project: Project, args: argparse.Namespace) -> DocumentFilter:
    if args.documents and args.where:
        raise AnnotatorError(tr("use --documents or --where, not both"))
    if args.documents:
        by_number = {d.number: d.id for d in project.documents()}
        ids: list[int] = []
        for text in _split(args.documents):
            if not text.isdigit() or int(text) not in by_number:
                raise AnnotatorError(tr("{project}: no document number {number}").format(
                    project=args.project, number=text))
            ids.append(by_number[int(text)])
        return ids
    if args.where:
        pairs: dict[str, str] = {}
        for item in args.where:
            key, sep, value = item.partition("=")
            if not sep or not key.strip():
                raise AnnotatorError(tr("--where needs KEY=VALUE, not {item!r}").format(item=item))
            pairs[key.strip()] = value.strip()
        return pairs
    return None


def cmd_agreement(args: argparse.Namespace, out: TextIO) -> int:
    from annotator.analysis.agreement import analyse
    from annotator.analysis.agreement_report import REASONS_ZH
    from annotator.analysis.agreement_sheet import notes

    with Project.open(args.project) as project:
        report, found = analyse(
            project,
            coders=_split(args.coders) or None,
            documents=_document_filter(project, args),
            codes=args.code or None,
            unit_kind=args.unit,
            coded_documents="all" if args.all_coded else "passages",
        )
    rows = [COLUMNS]
    reasons: dict[str, set[str]] = {}
    for row in (*report.rows, report.overall):
        label = row.label if row.code_id is not None else f"合计（{report.used_codes} 个编码）"
        f = row.figures()
        rows.append((
            label,
            str(report.units),
            f["percent"].text(3, percent=True),
            f["holsti"].text(),
            f["composite"].text(),
            f["kappa"].text(),
            f["alpha"].text(),
            f["char_percent"].text(3, percent=True),
            f["char_kappa"].text(),
        ))
        for figure in f.values():
            if figure.reason is not None:
                reasons.setdefault(REASONS_ZH[figure.reason], set()).add(label)
    _print_table(rows, out)
    print(file=out)
    for line in notes(report):
        print(line, file=out)
    for text, labels in reasons.items():
        print(f"n/a（{len(labels)} 行）：{text}", file=out)
    if args.disagreements:
        print("\n" + counted(tr("{count} disagreement(s):"), count=len(found)), file=out)
        for d in found:
            print(f"  {d.unit_number}  [{d.unit_start}-{d.unit_end}]  {d.code_label}  "
                  f"有: {'、'.join(d.coders_with)}  无: {'、'.join(d.coders_without)}", file=out)
    return 0


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _print_table(rows: Sequence[Sequence[str]], out: TextIO) -> None:
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]))]
    for row in rows:
        cells = [row[0] + " " * (widths[0] - _width(row[0]))]
        cells += [" " * (w - _width(c)) + c for c, w in zip(row[1:], widths[1:], strict=True)]
        print("  ".join(cells).rstrip(), file=out)
