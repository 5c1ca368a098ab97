"""`annotator suggest`: propose codes learned from the coding already done, with measured
precision (see :mod:`annotator.suggest`)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from annotator.cli_i18n import counted, plural, tr
from annotator.cli_progress import Bar, add_quiet
from annotator.errors import InvalidOperation
from annotator.project import Project
from annotator.suggest import UNITS, CodeQuality, SuggestReport, suggest
from annotator.suggest.learn import MIN_DOCUMENTS, MIN_UNITS

COMMANDS = ("suggest",)

def _epilog() -> str:
    return "\n".join([
        tr("examples:"),
        "  annotator suggest 课题.annot                 " + tr("learn, report, add proposals"),
        "  annotator suggest 课题.annot --unit sentence --min-confidence 0.8",
        "  annotator suggest 课题.annot --codes \"政策工具/供给型\" --dry-run",
        "  annotator suggest 课题.annot --next 20       " + tr("also: the 20 units to code next"),
        "  annotator proposals 课题.annot               " + tr("then review (accept or reject)"),
    ]) + "\n"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "suggest",
        help=tr("propose codes learned from your own coding (offline), with measured precision"),
        description=tr("Learns, per code with at least 10 coded units, from the units of the "
                       "documents you have coded (coded or not) and from the proposals you "
                       "rejected; measures precision/recall/F1 by cross-validation split by "
                       "document; proposes for the documents not yet coded. Proposals go to "
                       "the review queue (origin 'suggested'), never straight into passages."),
        epilog=_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("project", type=Path)
    p.add_argument("--unit", choices=UNITS, default="paragraph")
    p.add_argument("--codes", nargs="+", metavar="PATH", help=tr("only these codes (paths)"))
    p.add_argument("--coder", help=tr("learn only from this coder's passages (default: all)"))
    p.add_argument("--min-confidence", type=float, default=0.7,
                   help=tr("propose a unit when the model is at least this sure (default 0.7)"))
    p.add_argument("--min-precision", type=float, default=0.6,
                   help=tr("a code proposes only if its measured precision reaches this "
                           "(default 0.6)"))
    p.add_argument("--next", type=int, default=0, metavar="N",
                   help=tr("also list the N uncoded units whose coding would teach the most"))
    p.add_argument("--dry-run", action="store_true", help=tr("report only; store no proposals"))
    add_quiet(p)
    p.set_defaults(handler=cmd_suggest)


def cmd_suggest(args: argparse.Namespace, out: TextIO) -> int:
    with Project.open(args.project) as project:
        code_ids = None
        if args.codes:
            code_ids = []
            for path in args.codes:
                code = project.find_code(path)
                if code is None:
                    raise InvalidOperation(tr("{project}: no code {path}").format(
                        project=args.project, path=path))
                code_ids.append(code.id)
        coder_ids = None
        if args.coder:
            found = [c.id for c in project.coders() if c.name == args.coder]
            if not found:
                raise InvalidOperation(tr("{project}: no coder {name}").format(
                    project=args.project, name=args.coder))
            coder_ids = found
        with Bar(tr("learning"), args, unit=tr(" codes")) as bar:
            report = suggest(project, unit=args.unit, code_ids=code_ids, coder_ids=coder_ids,
                             min_confidence=args.min_confidence,
                             min_precision=args.min_precision, next_units=args.next,
                             store=not args.dry_run, progress=bar)
    print_report(report, out, stored=not args.dry_run, project=args.project)
    return 0


def print_report(report: SuggestReport, out: TextIO, *, stored: bool, project: Path) -> None:
    unit = plural(tr("paragraph(s)") if report.unit == "paragraph" else tr("sentence(s)"),
                  report.training_units)
    print(counted(tr("learned from {n:,} {unit} of {docs:,} coded document(s) ({total:,} in "
                     "all); quality by cross-validation, split by document, at confidence ≥ "
                     "{conf:.2f}:"),
                  n=report.training_units, unit=unit, docs=report.worked_documents,
                  total=report.units, conf=report.min_confidence), file=out)
    print(f"  {tr('code'):<28} {tr('units'):>6} {tr('docs'):>5} {'P':>5} {'R':>5} {'F1':>5}  "
          f"{tr('keywords P/R/F1'):<16} {tr('proposed'):>8}", file=out)
    for q in report.codes:
        kw = ("-" if q.keyword_f1 is None else
              f"{q.keyword_precision:.2f}/{q.keyword_recall:.2f}/{q.keyword_f1:.2f}")
        if q.trained:
            scores = f"{q.precision:>5.2f} {q.recall:>5.2f} {q.f1:>5.2f}"
        else:
            scores = f"{'':>17}"
        note = f"  ({_reason(q, report)})" if q.reason else ""
        print(f"  {q.path[:28]:<28} {q.coded_units:>6} {q.documents:>5} {scores}  {kw:<16} "
              f"{q.proposed:>8}{note}", file=out)
    if stored:
        print(counted(tr("{n:,} proposal(s) added to the review queue (`annotator proposals "
                         "{project}`); {ranked:,} keyword proposal(s) ranked by the model"),
                      n=report.proposed, project=project,
                      ranked=report.ranked_keyword_proposals), file=out)
    else:
        print(tr("dry run: nothing stored"), file=out)
    if report.next_units:
        print("\n" + counted(tr("next {n} unit(s) to code (the model is least sure):"),
                             n=len(report.next_units)), file=out)
        paths = {q.code_id: q.path for q in report.codes}
        for u in report.next_units:
            print(f"  {u.number:<12} {paths.get(u.code_id, '')[:20]:<20} "
                  f"p={u.probability:.2f}  {u.text[:40]}", file=out)


def _reason(q: CodeQuality, report: SuggestReport) -> str:
    """Why a code has no model or proposes nothing, in the user's language."""
    if q.trained:
        return tr("precision {p:.2f} below {threshold:.2f}").format(
            p=q.precision or 0.0, threshold=report.min_precision)
    if q.coded_units < MIN_UNITS or q.documents < MIN_DOCUMENTS:
        return tr("needs {units} coded units in {docs} documents (has {has} in {has_docs})"
                  ).format(units=MIN_UNITS, docs=MIN_DOCUMENTS, has=q.coded_units,
                           has_docs=q.documents)
    return tr("every unit carries it: nothing to tell apart")
