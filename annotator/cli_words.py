"""Command-line word frequencies and keywords: `annotator freq`, `annotator keywords`.

Tables are printed tab-separated (they paste into Excel as columns).
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from annotator.cli_i18n import tr
from annotator.errors import AnnotatorError
from annotator.project import Project
from annotator.records import CodeInfo, DocumentInfo

COMMANDS = ("freq", "keywords")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "freq",
        help=tr("word frequencies with parts of speech: the corpus, one document or one code"),
    )
    p.add_argument("project", type=Path)
    scope = p.add_mutually_exclusive_group()
    scope.add_argument("--document", type=int, metavar="N", help=tr("document number"))
    scope.add_argument("--code", metavar="PATH", help=tr('code path, e.g. "区域协同创新/机制协同"'))
    p.add_argument("--top", type=int, default=50, help=tr("rows to show (default 50)"))
    p.add_argument("--no-subcodes", action="store_true",
                   help=tr("with --code: the code's own passages only"))
    p.add_argument("--min-length", type=int, default=2,
                   help=tr("shortest word counted, in characters (default 2)"))
    p.add_argument("--chart", type=Path, metavar="PNG", help=tr("also draw a bar chart"))
    p.add_argument("--cloud", type=Path, metavar="PNG", help=tr("also draw a word cloud"))
    p.set_defaults(handler=cmd_freq)

    p = sub.add_parser("keywords", help=tr("keywords of a code's passages or of a document"))
    p.add_argument("project", type=Path)
    scope = p.add_mutually_exclusive_group(required=True)
    scope.add_argument("--document", type=int, metavar="N", help=tr("document number"))
    scope.add_argument("--code", metavar="PATH", help=tr("code path"))
    p.add_argument("--method", choices=("tfidf", "textrank"), default="tfidf")
    p.add_argument("--top", type=int, default=20)
    p.add_argument("--no-subcodes", action="store_true",
                   help=tr("with --code: the code's own passages only"))
    p.set_defaults(handler=cmd_keywords)


def _document(project: Project, number: int | None) -> DocumentInfo | None:
    if number is None:
        return None
    doc = next((d for d in project.documents() if d.number == number), None)
    if doc is None:
        raise AnnotatorError(tr("{project}: no document number {number}").format(
            project=project.path, number=number))
    return doc


def _code(project: Project, path: str | None) -> CodeInfo | None:
    if path is None:
        return None
    code = project.find_code(path)
    if code is None:
        raise AnnotatorError(tr("{project}: no code {code!r}").format(
            project=project.path, code=path))
    return code


def _scope_name(doc: DocumentInfo | None, code: CodeInfo | None) -> str:
    if doc is not None:
        return f"文档 {doc.number} {doc.title}"
    if code is not None:
        return f"编码 {code.path_text}"
    return "全部文档"


def cmd_freq(args: argparse.Namespace, out: TextIO) -> int:
    from annotator.analysis.word_charts import bar_chart_png, word_cloud_png
    from annotator.analysis.wordfreq import pos_name, word_frequencies

    with Project.open(args.project) as project:
        doc, code = _document(project, args.document), _code(project, args.code)
        rows = word_frequencies(
            project,
            document_id=doc.id if doc else None,
            code_id=code.id if code else None,
            include_subcodes=not args.no_subcodes,
            min_length=args.min_length,
        )
    scope = _scope_name(doc, code)
    total = sum(r.count for r in rows)
    print(tr("# {scope}: {total} words counted, {different} different").format(
        scope=scope, total=total, different=len(rows)), file=out)
    print("排名\t词语\t词性\t频次\t占比\t文档数", file=out)
    shown = rows[: max(0, args.top)]
    for rank, r in enumerate(shown, 1):
        pos = f"{r.pos} {pos_name(r.pos)}".strip()
        print(f"{rank}\t{r.word}\t{pos}\t{r.count}\t{r.share:.2%}\t{r.documents}", file=out)
    if args.chart:
        bar_chart_png(shown, args.chart, f"{scope} 高频词")
        print(tr("wrote {target}").format(target=args.chart), file=out)
    if args.cloud:
        word_cloud_png(rows, args.cloud)
        print(tr("wrote {target}").format(target=args.cloud), file=out)
    return 0


def cmd_keywords(args: argparse.Namespace, out: TextIO) -> int:
    from annotator.analysis.keywords import keywords

    with Project.open(args.project) as project:
        doc, code = _document(project, args.document), _code(project, args.code)
        found = keywords(
            project,
            document_id=doc.id if doc else None,
            code_id=code.id if code else None,
            method=args.method,
            top=args.top,
            include_subcodes=not args.no_subcodes,
        )
    print(f"# {_scope_name(doc, code)}: {args.method}", file=out)
    print("排名\t词语\t权重", file=out)
    for rank, (word, weight) in enumerate(found, 1):
        print(f"{rank}\t{word}\t{weight:.4f}", file=out)
    return 0
