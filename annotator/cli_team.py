"""Team commands: `coders`, `copy-for-coder` and `merge`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from annotator.merge import coder_summaries, copy_for_coder, merge_project
from annotator.merge.report import MergeReport
from annotator.project import Project

COMMANDS = ("coders", "copy-for-coder", "merge")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("coders", help="list the coders with their passage counts")
    p.add_argument("project", type=Path)
    p.set_defaults(handler=cmd_coders)

    p = sub.add_parser(
        "copy-for-coder",
        help="make a blind copy for a second coder: same documents and codebook, no passages",
    )
    p.add_argument("project", type=Path)
    p.add_argument("target", type=Path, help="the new project file to write")
    p.add_argument("--coder", required=True, help="name of the coder the copy is for")
    p.set_defaults(handler=cmd_copy_for_coder)

    p = sub.add_parser(
        "merge",
        help="bring another coder's copy back: passages, memos, new codes, attribute edits",
    )
    p.add_argument("project", type=Path)
    p.add_argument("other", type=Path, help="the other coder's project file (not changed)")
    p.add_argument("--dry-run", action="store_true", help="report what would change; write nothing")
    p.set_defaults(handler=cmd_merge)


def cmd_coders(args: argparse.Namespace, out: TextIO) -> int:
    with Project.open(args.project) as project:
        rows = coder_summaries(project)
    if not rows:
        print("no coders yet", file=out)
    for row in rows:
        print(f"{row.coder.name}\t{row.passages} 片段\t{row.documents} 文档", file=out)
    return 0


def cmd_copy_for_coder(args: argparse.Namespace, out: TextIO) -> int:
    with Project.open(args.project) as project:
        copy = copy_for_coder(project, args.target, args.coder)
    print(
        f"wrote {copy.path} for {copy.coder}: {copy.documents} documents, {copy.codes} codes, "
        "no passages",
        file=out,
    )
    print(f"code it with `--coder {copy.coder}`, then: annotator merge {args.project} "
          f"{copy.path}", file=out)
    return 0


def print_report(report: MergeReport, out: TextIO) -> None:
    r = report
    print(
        f"added: {r.coders_added} coder(s), {r.documents_added} document(s), "
        f"{r.codes_added} code(s), {r.passages_added} passage(s), "
        f"{r.attributes_added} attribute value(s), {r.words_added} word(s)",
        file=out,
    )
    print(
        f"updated: {r.codes_updated} code(s), {r.titles_updated} title(s), "
        f"{r.attributes_updated} attribute value(s), {r.memos_updated} memo(s)",
        file=out,
    )
    print(f"already here: {r.passages_matched} passage(s)", file=out)
    if r.kept_deleted:
        gone = ", ".join(f"{n} {kind}(s)" for kind, n in sorted(r.kept_deleted.items()))
        print(f"deleted here and left deleted: {gone}", file=out)
    if r.conflicts:
        print(f"{len(r.conflicts)} conflict(s) to look at (nothing was dropped):", file=out)
        for c in r.conflicts:
            print(f"  [{c.kind}] {c.item}: {c.detail}", file=out)
    if r.conflicts_unchanged:
        print(f"not listed again: {r.conflicts_unchanged} earlier conflict(s), unchanged there "
              "since the last merge (ours kept)", file=out)


def cmd_merge(args: argparse.Namespace, out: TextIO) -> int:
    with Project.open(args.project) as project:
        report = merge_project(project, args.other, dry_run=args.dry_run)
    verb = "would merge (dry run, nothing written)" if args.dry_run else "merged"
    print(f"{verb} {args.other} into {args.project}", file=out)
    print_report(report, out)
    return 0
