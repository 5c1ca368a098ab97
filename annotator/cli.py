"""The ``annotator`` command line: the same Project API the window uses."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from annotator.cli_help import HelpFormatter, add_examples, nearest_name, unknown_command
from annotator.cli_i18n import argparse_in_language, counted, error_text, tr
from annotator.cli_progress import Bar, add_quiet
from annotator.errors import AnnotatorError
from annotator.logs import log
from annotator.project import Project

if TYPE_CHECKING:
    from annotator.exchange.results import ExchangeWarning

# Modules that add subcommands: each has register(sub) and gives its parsers a handler.
EXTENSIONS: tuple[str, ...] = (
    "cli_team", "cli_agreement", "cli_chinese", "cli_words", "cli_report", "cli_search",
    "cli_backups", "cli_suggest",
)

COMMANDS = (
    "init", "import", "export", "info", "codebook", "documents", "apply", "import-project",
    "coders", "copy-for-coder", "merge", "agreement",
    "terms", "stopwords", "units", "segment",
    "search", "autocode", "proposals", "index",
    "freq", "keywords",
    "report", "table",
    "backups", "suggest",
)
EXPORT_FORMATS = (".xlsx", ".qdpx", ".qdc", ".csv")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="annotator",
        description=tr("Code Chinese policy articles against a codebook. Without a command, "
                       "`annotator [PROJECT]` opens the desktop window."),
        epilog=tr("`annotator COMMAND --help` explains a command and shows examples."),
        formatter_class=HelpFormatter,
    )
    parser.add_argument("--version", action="version", version="annotator 0.1.0")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                title=tr("commands"))
    coder_help = tr("coder name (default: your login name)")

    p = sub.add_parser("init", help=tr("create a project file"))
    p.add_argument("project", type=Path)
    p.add_argument("--codebook", help=tr("shipped codebook name or codebook file to start from"))
    p.add_argument("--coder", help=coder_help)

    p = sub.add_parser("import", help=tr("import .txt/.docx/.html/.pdf files or folders"))
    p.add_argument("project", type=Path)
    p.add_argument("paths", type=Path, nargs="+")
    p.add_argument("--follow-links", action="store_true",
                   help=tr("in folders, also follow links to files and folders outside them"))
    add_quiet(p)

    p = sub.add_parser(
        "export",
        help=tr("write the coded Excel workbook (.xlsx), a REFI-QDA project (.qdpx) or "
                "codebook (.qdc), or the passages as CSV (.csv)"),
    )
    p.add_argument("project", type=Path)
    p.add_argument("target", type=Path)
    p.add_argument(
        "--all-disagreements", action="store_true",
        help=tr("list every disagreement in the workbook's 分歧 sheet (default: the first "
                "10,000, then a row saying how many more there are)"),
    )
    add_quiet(p)

    p = sub.add_parser(
        "import-project", help=tr("create a new project from a REFI-QDA .qdpx or .qde file")
    )
    p.add_argument("source", type=Path, help=tr("the .qdpx (or bare .qde) file"))
    p.add_argument("project", type=Path, help=tr("the new project file to create"))

    p = sub.add_parser("info", help=tr("counts of documents, codes, passages and coders"))
    p.add_argument("project", type=Path)

    p = sub.add_parser("documents",
                       help=tr("list the documents with number, title and attributes"))
    p.add_argument("project", type=Path)

    p = sub.add_parser("apply", help=tr("code a span of a document: NUMBER CODE_PATH START END"))
    p.add_argument("project", type=Path)
    p.add_argument("document", type=int, help=tr("document number (see `annotator documents`)"))
    p.add_argument("code", help=tr('code path, e.g. "区域协同创新/机制协同"'))
    p.add_argument("start", type=int, help=tr("first character (0-based, code points)"))
    p.add_argument("end", type=int, help=tr("one past the last character"))
    p.add_argument("--memo", default="")
    p.add_argument("--coder", help=coder_help)

    cb = sub.add_parser("codebook", help=tr("list, import or export the codebook"))
    cbsub = cb.add_subparsers(dest="action", required=True, metavar="ACTION")
    p = cbsub.add_parser("list", help=tr("show the code tree (or the shipped codebooks)"))
    p.add_argument("project", type=Path, nargs="?")
    p = cbsub.add_parser(
        "import", help=tr("merge a codebook (.yaml, .xlsx, .qdc or shipped name) by code path")
    )
    p.add_argument("project", type=Path)
    p.add_argument("source", help=tr("codebook file or shipped name"))
    p = cbsub.add_parser("export",
                         help=tr("write the project's codebook (.yaml, .xlsx or .qdc)"))
    p.add_argument("project", type=Path)
    p.add_argument("target", type=Path)
    for module_name in EXTENSIONS:
        importlib.import_module(f"annotator.{module_name}").register(sub)
    add_examples(sub)
    return parser


def cmd_init(args: argparse.Namespace, out: TextIO) -> int:
    with Project.create(args.project, codebook=args.codebook, coder=args.coder) as project:
        stats = project.stats()
    print(counted(tr("created {path} with {codes} code(s)"), path=args.project,
                  codes=stats.codes), file=out)
    return 0


def cmd_import(args: argparse.Namespace, out: TextIO) -> int:
    bar = Bar(tr("importing"), args, unit=tr(" files"))

    def progress(i: int, n: int, path: str) -> None:
        bar(i, n, Path(path).name if path else "")

    with Project.open(args.project) as project:
        try:
            with bar:
                report = project.import_files(args.paths, progress=progress,
                                              follow_links=args.follow_links)
        except KeyboardInterrupt:
            print(tr("interrupted: files finished so far are imported, none half-way"),
                  file=sys.stderr)
            return 130
        for o in report.outcomes:
            if o.status == "imported":
                print(tr("imported   {path}  «{title}»").format(path=o.path, title=o.title),
                      file=out)
            elif o.status == "duplicate":
                print(tr("duplicate  {path}  ({reason})").format(path=o.path, reason=o.reason),
                      file=out)
            else:
                print(tr("failed     {path}: {reason}").format(path=o.path, reason=o.reason),
                      file=out)
            for warning in o.warnings:
                print(tr("  warning: {warning}").format(warning=warning), file=out)
        print(
            tr("{imported} imported, {duplicate} duplicate, {failed} failed").format(
                imported=report.count("imported"), duplicate=report.count("duplicate"),
                failed=report.count("failed")),
            file=out,
        )
    return 0 if report.ok else 1


def cmd_export(args: argparse.Namespace, out: TextIO) -> int:
    suffix = args.target.suffix.lower()
    if suffix not in EXPORT_FORMATS:
        raise AnnotatorError(
            tr("{target}: unknown export format {suffix}; use {formats}").format(
                target=args.target, suffix=suffix or tr("(none)"),
                formats=", ".join(EXPORT_FORMATS))
        )
    after = tr("writing the other sheets…") if suffix == ".xlsx" else ""
    with Project.open(args.project) as project, \
            Bar(tr("exporting"), args, unit=tr(" passages"), after=after) as bar:
        if suffix == ".xlsx":
            project.export_excel(args.target, all_disagreements=args.all_disagreements,
                                 progress=bar)
            stats = project.stats()
            what = counted(tr("{passages} passage(s), {documents} document(s)"),
                           passages=stats.passages, documents=stats.documents)
        else:
            what = _export_exchange(project, args.target, suffix, bar)
    print(tr("wrote {target}: {what}").format(target=args.target, what=what), file=out)
    return 0


def _export_exchange(project: Project, target: Path, suffix: str, bar: Bar) -> str:
    from annotator import exchange

    if suffix == ".qdpx":
        s = exchange.export_qdpx(project, target, progress=bar)
        peers = "".join(f"\n  [{w.kind}] {w}" for w in s.warnings)  # what peers change
        return counted(tr("{documents} document(s), {codes} code(s), {coders} coder(s), "
                          "{passages} passage(s), {memos} memo(s)"),
                       documents=s.documents, codes=s.codes, coders=s.coders,
                       passages=s.passages, memos=s.memos) + peers
    if suffix == ".qdc":
        return counted(tr("{codes} code(s)"), codes=exchange.export_qdc(project, target))
    return counted(tr("{passages} passage(s)"),
                   passages=exchange.export_passages_csv(project, target, progress=bar))


def _print_warnings(warnings: Sequence[ExchangeWarning], out: TextIO) -> None:
    if warnings:
        print(counted(tr("{count} warning(s):"), count=len(warnings)), file=out)
        for w in warnings:
            print(f"  [{w.kind}] {w}", file=out)


def cmd_import_project(args: argparse.Namespace, out: TextIO) -> int:
    from annotator.exchange import import_project

    report = import_project(args.source, args.project)
    origin = tr(" (from {origin})").format(origin=report.origin) if report.origin else ""
    print(tr("created {target} from {source}{origin}").format(
        target=report.target, source=report.source, origin=origin), file=out)
    print(
        counted(tr("{documents} document(s), {codes} code(s), {coders} coder(s), "
                   "{passages} passage(s) ({memos} with memos), {values} attribute value(s)"),
                documents=report.documents, codes=report.codes, coders=report.coders,
                passages=report.passages, memos=report.memos, values=report.attribute_values),
        file=out,
    )
    _print_warnings(report.warnings.items, out)
    return 0


def cmd_info(args: argparse.Namespace, out: TextIO) -> int:
    with Project.open(args.project) as project:
        s = project.stats()
    print(tr("project:   {value}").format(value=args.project), file=out)
    print(tr("documents: {value}").format(value=s.documents), file=out)
    print(tr("codes:     {value}").format(value=s.codes), file=out)
    print(tr("passages:  {value}").format(value=s.passages), file=out)
    print(tr("coders:    {value}").format(value=s.coders), file=out)
    print(tr("schema:    {value}").format(value=s.schema_version), file=out)
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
            raise AnnotatorError(tr("{project}: no document number {number}").format(
                project=args.project, number=args.document))
        code = project.find_code(args.code)
        if code is None:
            raise AnnotatorError(tr("{project}: no code {code!r}").format(
                project=args.project, code=args.code))
        passage = project.apply_code(doc.id, code.id, args.start, args.end, memo=args.memo)
    print(tr("coded «{text}» as {code}").format(text=passage.text, code=code.path_text),
          file=out)
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
        print(counted(tr("{added} code(s) added, {updated} updated"), added=added,
                      updated=updated), file=out)
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
    print(tr("wrote {target}").format(target=args.target), file=out)
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


# Commands whose PROJECT argument is the file to create, not one to open.
CREATING = ("init", "import-project")


def missing_project(args: argparse.Namespace) -> str:
    """What to say when the project a command opens does not exist ("" when it does),
    naming a similar project file in that folder: a typo never gets further."""
    path = getattr(args, "project", None)
    if args.command in CREATING or not isinstance(path, Path) or path.exists():
        return ""
    message = tr("annotator: error: {message}").format(
        message=tr("{path}: no such project file").format(path=path))
    folder = path.parent if path.parent.is_dir() else None
    if folder is not None:
        names = [p.name for p in folder.glob("*.annot")]
        near = nearest_name(path.name, names)
        if near:
            message += "\n" + tr("did you mean {path}?").format(path=path.with_name(near))
    return message


def run(argv: list[str], out: TextIO | None = None) -> int:
    if argv and not argv[0].startswith("-") and argv[0] not in COMMANDS:
        # argparse would say "invalid choice" and list nothing useful; say what is near.
        print(unknown_command(argv[0], COMMANDS), file=sys.stderr)
        log.info("unknown command %r", argv[0])
        return 2
    with argparse_in_language():
        args = build_parser().parse_args(argv)
    log.info("command: %s", " ".join(argv))
    missing = missing_project(args)
    if missing:
        log.info("%s: %s", args.command, missing.splitlines()[0])
        print(missing, file=sys.stderr)
        return 1
    try:
        handler = getattr(args, "handler", None) or HANDLERS[args.command]
        return handler(args, out or sys.stdout)
    except AnnotatorError as exc:
        log.warning("%s failed: %s", args.command, exc)
        # The exception's English stays in the log; the user reads their own language.
        print(tr("annotator: error: {message}").format(message=error_text(exc)),
              file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        log.info("%s interrupted", args.command)
        print(tr("annotator: interrupted"), file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `annotator … | head`: the reader has gone; stop quietly like other Unix tools.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - keeps Python's exit flush silent
        return 0
    except OSError as exc:  # a full disk, a read-only folder that no command put into words
        log.warning("%s failed: %s", args.command, exc)
        where = f"{exc.filename}: " if exc.filename else ""
        print(tr("annotator: error: {message}").format(message=where + (exc.strerror or str(exc))),
              file=sys.stderr)
        return 1
