"""Team commands: `coders`, `copy-for-coder` and `merge`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from annotator.cli_i18n import counted, plural, tr
from annotator.cli_progress import Bar, add_quiet
from annotator.merge import coder_summaries, copy_for_coder, merge_project
from annotator.merge.report import MergeReport
from annotator.project import Project

COMMANDS = ("coders", "copy-for-coder", "merge")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("coders", help=tr("list the coders with their passage counts"))
    p.add_argument("project", type=Path)
    p.set_defaults(handler=cmd_coders)

    p = sub.add_parser(
        "copy-for-coder",
        help=tr("make a blind copy for a second coder: same documents and codebook, "
                "no passages"),
    )
    p.add_argument("project", type=Path)
    p.add_argument("target", type=Path, help=tr("the new project file to write"))
    p.add_argument("--coder", required=True, help=tr("name of the coder the copy is for"))
    p.set_defaults(handler=cmd_copy_for_coder)

    p = sub.add_parser(
        "merge",
        help=tr("bring another coder's copy back: passages, memos, new codes, attribute edits"),
    )
    p.add_argument("project", type=Path)
    p.add_argument("other", type=Path,
                   help=tr("the other coder's project file (not changed)"))
    p.add_argument("--dry-run", action="store_true",
                   help=tr("report what would change; write nothing"))
    add_quiet(p)
    p.set_defaults(handler=cmd_merge)


def cmd_coders(args: argparse.Namespace, out: TextIO) -> int:
    with Project.open(args.project) as project:
        rows = coder_summaries(project)
    if not rows:
        print(tr("no coders yet"), file=out)
    for row in rows:  # tab-separated for scripts: the same in every language
        print(f"{row.coder.name}\t{row.passages} 片段\t{row.documents} 文档", file=out)
    return 0


def cmd_copy_for_coder(args: argparse.Namespace, out: TextIO) -> int:
    with Project.open(args.project) as project:
        copy = copy_for_coder(project, args.target, args.coder)
    print(counted(tr("wrote {path} for {coder}: {documents} document(s), {codes} code(s), "
                     "no passages"),
                  path=copy.path, coder=copy.coder, documents=copy.documents,
                  codes=copy.codes), file=out)
    print(tr("code it with `--coder {coder}`, then: annotator merge {project} {path}").format(
        coder=copy.coder, project=args.project, path=copy.path), file=out)
    return 0


def _kinds() -> dict[str, str]:
    return {"code": tr("code(s)"), "document": tr("document(s)"), "passage": tr("passage(s)")}


def print_report(report: MergeReport, out: TextIO) -> None:
    r = report
    print(counted(tr("added: {coders} coder(s), {documents} document(s), {codes} code(s), "
                     "{passages} passage(s), {attributes} attribute value(s), "
                     "{words} word(s)"),
                  coders=r.coders_added, documents=r.documents_added, codes=r.codes_added,
                  passages=r.passages_added, attributes=r.attributes_added,
                  words=r.words_added), file=out)
    print(counted(tr("updated: {codes} code(s), {titles} title(s), {attributes} attribute "
                     "value(s), {memos} memo(s)"),
                  codes=r.codes_updated, titles=r.titles_updated,
                  attributes=r.attributes_updated, memos=r.memos_updated), file=out)
    print(counted(tr("already here: {passages} passage(s)"), passages=r.passages_matched),
          file=out)
    if r.kept_deleted:
        kinds = _kinds()
        gone = tr(", ").join(f"{n} {plural(kinds.get(kind, kind), n)}"
                             for kind, n in sorted(r.kept_deleted.items()))
        print(tr("deleted here and left deleted: {gone}").format(gone=gone), file=out)
    if r.conflicts:
        print(counted(tr("{count} conflict(s) to look at (nothing was dropped):"),
                      count=len(r.conflicts)), file=out)
        for c in r.conflicts:
            print(f"  [{c.kind}] {c.item}: {c.detail}", file=out)
    if r.conflicts_unchanged:
        print(counted(tr("not listed again: {count} earlier conflict(s), unchanged there since "
                         "the last merge (ours kept)"), count=r.conflicts_unchanged), file=out)


def cmd_merge(args: argparse.Namespace, out: TextIO) -> int:
    with Project.open(args.project) as project, Bar(tr("merging"), args, unit=tr(" steps")) as bar:
        report = merge_project(project, args.other, dry_run=args.dry_run,
                               progress=lambda done, total, step: bar(done, total, tr(step)))
    verb = tr("would merge (dry run, nothing written)") if args.dry_run else tr("merged")
    print(tr("{verb} {other} into {project}").format(verb=verb, other=args.other,
                                                    project=args.project), file=out)
    print_report(report, out)
    return 0


def _step_words() -> tuple[str, ...]:
    """The merge's steps (``annotator.merge.merge.STEPS``) as the progress bar names them."""
    return (tr("coders"), tr("documents"), tr("codes"), tr("passages"), tr("word lists"),
            tr("deletions"), tr("saving"))
