"""The ``annotator`` command line: the same Project API the window uses."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from annotator.errors import AnnotatorError
from annotator.project import Project

if TYPE_CHECKING:
    from annotator.exchange.results import ExchangeWarning

# Modules that add subcommands: each has register(sub) and gives its parsers a handler.
EXTENSIONS: tuple[str, ...] = (
    "cli_team", "cli_agreement", "cli_chinese", "cli_words", "cli_report", "cli_search",
    "cli_backups",
)

COMMANDS = (
    "init", "import", "export", "info", "codebook", "documents", "apply", "import-project",
    "coders", "copy-for-coder", "merge", "agreement",
    "terms", "stopwords", "units", "segment",
    "search", "autocode", "proposals", "index",
    "freq", "keywords",
    "report", "table",
    "backups",
)
EXPORT_FORMATS = (".xlsx", ".qdpx", ".qdc", ".csv")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="annotator",
        description="Code Chinese policy articles against a codebook. "
        "Without a command, `annotator [PROJECT]` opens the desktop window.",
    )
    parser.add_argument("--version", action="version", version="annotator 0.1.0")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = sub.add_parser("init", help="create a project file")
    p.add_argument("project", type=Path)
    p.add_argument("--codebook", help="shipped codebook name or codebook file to start from")
    p.add_argument("--coder", help="coder name (default: your login name)")

    p = sub.add_parser("import", help="import .txt/.docx/.html/.pdf files or folders")
    p.add_argument("project", type=Path)
    p.add_argument("paths", type=Path, nargs="+")

    p = sub.add_parser(
        "export",
        help="write the coded Excel workbook (.xlsx), a REFI-QDA project (.qdpx) or "
        "codebook (.qdc), or the passages as CSV (.csv)",
    )
    p.add_argument("project", type=Path)
    p.add_argument("target", type=Path)
    p.add_argument(
        "--all-disagreements", action="store_true",
        help="list every disagreement in the workbook's 分歧 sheet (default: the first 10,000,"
        " then a row saying how many more there are)",
    )

    p = sub.add_parser(
        "import-project", help="create a new project from a REFI-QDA .qdpx or .qde file"
    )
    p.add_argument("source", type=Path, help="the .qdpx (or bare .qde) file")
    p.add_argument("project", type=Path, help="the new project file to create")

    p = sub.add_parser("info", help="counts of documents, codes, passages and coders")
    p.add_argument("project", type=Path)

    p = sub.add_parser("documents", help="list the documents with number, title and attributes")
    p.add_argument("project", type=Path)

    p = sub.add_parser("apply", help="code a span of a document: NUMBER CODE_PATH START END")
    p.add_argument("project", type=Path)
    p.add_argument("document", type=int, help="document number (see `annotator documents`)")
    p.add_argument("code", help='code path, e.g. "区域协同创新/机制协同"')
    p.add_argument("start", type=int, help="first character (0-based, code points)")
    p.add_argument("end", type=int, help="one past the last character")
    p.add_argument("--memo", default="")
    p.add_argument("--coder", help="coder name (default: your login name)")

    cb = sub.add_parser("codebook", help="list, import or export the codebook")
    cbsub = cb.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = cbsub.add_parser("list", help="show the code tree (or the shipped codebooks)")
    p.add_argument("project", type=Path, nargs="?")
    p = cbsub.add_parser(
        "import", help="merge a codebook (.yaml, .xlsx, .qdc or shipped name) by code path"
    )
    p.add_argument("project", type=Path)
    p.add_argument("source", help="codebook file or shipped name")
    p = cbsub.add_parser("export", help="write the project's codebook (.yaml, .xlsx or .qdc)")
    p.add_argument("project", type=Path)
    p.add_argument("target", type=Path)
    for module_name in EXTENSIONS:
        importlib.import_module(f"annotator.{module_name}").register(sub)
    return parser


def cmd_init(args: argparse.Namespace, out: TextIO) -> int:
    with Project.create(args.project, codebook=args.codebook, coder=args.coder) as project:
        stats = project.stats()
    print(f"created {args.project} with {stats.codes} codes", file=out)
    return 0


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    err = sys.stderr
    show_bar = err.isatty()

    def progress(i: int, n: int, path: str) -> None:
        if show_bar and path:
            err.write(f"\r\x1b[K[{i + 1}/{n}] {path}")
            err.flush()
        elif path:
            print(f"[{i + 1}/{n}] {path}", file=err, flush=True)

    with Project.open(args.project) as project:
        try:
            report = project.import_files(args.paths, progress=progress)
        except KeyboardInterrupt:
            if show_bar:
                err.write("\n")
            print("interrupted: files finished so far are imported, none half-way", file=err)
            return 130
        if show_bar:
            err.write("\r\x1b[K")
        for o in report.outcomes:
            if o.status == "imported":
                print(f"imported   {o.path}  «{o.title}»", file=out)
            elif o.status == "duplicate":
                print(f"duplicate  {o.path}  ({o.reason})", file=out)
            else:
                print(f"failed     {o.path}: {o.reason}", file=out)
            for warning in o.warnings:
                print(f"  warning: {warning}", file=out)
        print(
            f"{report.count('imported')} imported, {report.count('duplicate')} duplicate, "
            f"{report.count('failed')} failed",
            file=out,
        )
    return 0 if report.ok else 1


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    suffix = args.target.suffix.lower()
    if suffix not in EXPORT_FORMATS:
        raise AnnotatorError(
            f"{args.target}: unknown export format {suffix or '(none)'}; "
            f"use {', '.join(EXPORT_FORMATS)}"
        )
    with Project.open(args.project) as project:
        if suffix == ".xlsx":
            project.export_excel(args.target, all_disagreements=args.all_disagreements)
            stats = project.stats()
            what = f"{stats.passages} passages, {stats.documents} documents"
        else:
            what = _export_exchange(project, args.target, suffix)
    print(f"wrote {args.target}: {what}", file=out)
    return 0


def _export_exchange(project: Project, target: Path, suffix: str) -> str:
    from annotator import exchange

    if suffix == ".qdpx":
        s = exchange.export_qdpx(project, target)
        return (f"{s.documents} documents, {s.codes} codes, {s.coders} coders, "
                f"{s.passages} passages, {s.memos} memos")
    if suffix == ".qdc":
        return f"{exchange.export_qdc(project, target)} codes"
    return f"{exchange.export_passages_csv(project, target)} passages"


def _print_warnings(warnings: Sequence[ExchangeWarning], out: TextIO) -> None:
    if warnings:
        print(f"{len(warnings)} warning(s):", file=out)
        for w in warnings:
            print(f"  [{w.kind}] {w}", file=out)


def cmd_import_project(args: argparse.Namespace, out: TextIO) -> int:
    from annotator.exchange import import_project

    report = import_project(args.source, args.project)
    origin = f" (from {report.origin})" if report.origin else ""
    print(f"created {report.target} from {report.source}{origin}", file=out)
    print(
        f"{report.documents} documents, {report.codes} codes, {report.coders} coders, "
        f"{report.passages} passages ({report.memos} with memos), "
        f"{report.attribute_values} attribute values",
        file=out,
    )
    _print_warnings(report.warnings.items, out)
    return 0


def cmd_info(args: argparse.Namespace, out: TextIO) -> int:
    with Project.open(args.project) as project:
        s = project.stats()
    print(f"project:   {args.project}", file=out)
    print(f"documents: {s.documents}", file=out)
    print(f"codes:     {s.codes}", file=out)
    print(f"passages:  {s.passages}", file=out)
    print(f"coders:    {s.coders}", file=out)
    print(f"schema:    {s.schema_version}", file=out)
    return 0


def cmd_documents(args: argparse.Namespace, out: TextIO) -> int:
    with Project.open(args.project) as project:
        for d in project.documents():
            attrs = "  ".join(f"{k}={v}" for k, v in d.attributes.items())
            print(f"{d.number:>4}  {d.title}  [{d.length} 字, {d.passage_count} 片段]  {attrs}",
                  file=out)
    return 0


def cmd_apply(args: argparse.Namespace, out: TextIO) -> int:
    with Project.open(args.project, coder=args.coder) as project:
        doc = next((d for d in project.documents() if d.number == args.document), None)
        if doc is None:
            raise AnnotatorError(f"{args.project}: no document number {args.document}")
        code = project.find_code(args.code)
        if code is None:
            raise AnnotatorError(f"{args.project}: no code {args.code!r}")
        passage = project.apply_code(doc.id, code.id, args.start, args.end, memo=args.memo)
    print(f"coded «{passage.text}» as {code.path_text}", file=out)
    return 0


def cmd_codebook(args: argparse.Namespace, out: TextIO) -> int:
    if args.action == "list":
        if args.project is None:
            from annotator.codebook_file import shipped_codebooks

            for name, path in sorted(shipped_codebooks().items()):
                print(f"{name}  ({path.name})", file=out)
            return 0
        with Project.open(args.project) as project:
            for c in project.codes():
                key = f" [{c.shortcut}]" if c.shortcut else ""
                print(f"{'  ' * c.depth}{c.name}{key}  {c.colour}  ({c.passage_count})", file=out)
        return 0
    if args.action == "import":
        suffix = Path(args.source).suffix.lower()
        with Project.open(args.project) as project:
            if suffix in (".xlsx", ".xlsm", ".qdc"):
                from annotator import exchange

                report = (
                    exchange.import_qdc(project, args.source)
                    if suffix == ".qdc"
                    else exchange.import_codebook_xlsx(project, args.source)
                )
                added, updated, warnings = report.added, report.updated, report.warnings.items
            else:
                added, updated = project.import_codebook(args.source)
                warnings = []
        print(f"{added} codes added, {updated} updated", file=out)
        _print_warnings(warnings, out)
        return 0
    suffix = args.target.suffix.lower()
    with Project.open(args.project) as project:
        if suffix in (".xlsx", ".qdc"):
            from annotator import exchange

            if suffix == ".qdc":
                exchange.export_qdc(project, args.target)
            else:
                exchange.export_codebook_xlsx(project, args.target)
        else:
            project.export_codebook(args.target)
    print(f"wrote {args.target}", file=out)
    return 0


HANDLERS = {
    "init": cmd_init,
    "import": cmd_import,
    "export": cmd_export,
    "info": cmd_info,
    "documents": cmd_documents,
    "apply": cmd_apply,
    "codebook": cmd_codebook,
    "import-project": cmd_import_project,
}


def run(argv: list[str], out: TextIO | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        handler = getattr(args, "handler", None) or HANDLERS[args.command]
        return handler(args, out or sys.stdout)
    except AnnotatorError as exc:
        print(f"annotator: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("annotator: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `annotator … | head`: the reader has gone; stop quietly like other Unix tools.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps Python's exit flush silent
        return 0
