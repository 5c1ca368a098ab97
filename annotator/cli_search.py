"""Command-line search and auto-coding: ``search``, ``autocode``, ``proposals``, ``index``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from annotator.cli_i18n import counted, plural, tr
from annotator.cli_progress import Bar, add_quiet
from annotator.errors import AnnotatorError, InvalidOperation
from annotator.project import Project
from annotator.records import CodeInfo

COMMANDS = ("search", "autocode", "proposals", "index")
SHOW = 60  # characters of a proposal's text shown in a listing


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "search", help=tr("find every occurrence of a query in all documents (simplified and "
        "traditional alike), or whole words, or a regex"),
        description=tr("By default every occurrence of the query's characters is found, inside "
        "longer words too (成果转化 in 科技成果转化), simplified and traditional forms alike "
        "(实验室 finds 實驗室). --whole-word (or --mode word) finds segmented whole words only "
        "(创新 not in 创新券); --mode regex runs a Python regular expression over the text as "
        "written (no simplified/traditional matching)."))
    p.add_argument("project", type=Path)
    p.add_argument("query")
    p.add_argument("--mode", choices=("phrase", "word", "regex"), default="phrase",
                   help=tr("phrase: the characters anywhere (default); word: whole segmented "
                   "words only; regex: Python regular expression over the stored text"))
    p.add_argument("--whole-word", action="store_true",
                   help=tr("whole words only (the same as --mode word)"))
    p.add_argument("--anywhere", action="store_true",
                   help=tr("with --mode word: also inside longer words (the same as the "
                   "default, --mode phrase)"))
    p.add_argument("--limit", type=int, default=50, help=tr("results shown (default 50; 0: all)"))
    p.add_argument("--code", metavar="PATH",
                   help=tr("code every match (not only those shown) with this code, in one step"))
    p.add_argument("--unit", choices=("match", "sentence", "paragraph"), default="match",
                   help=tr("with --code: code the matches (default), their sentences or their "
                   "paragraphs"))
    p.add_argument("--coder", help=tr("with --code: coder name (default: login name)"))
    add_quiet(p)
    p.set_defaults(handler=cmd_search)

    p = sub.add_parser("autocode", help=tr("propose passages from the codes' keywords"))
    p.add_argument("project", type=Path)
    p.add_argument("--unit", choices=("sentence", "paragraph"), default="sentence",
                   help=tr("what a keyword proposes: its sentence (default) or paragraph"))
    p.add_argument("--code", action="append", metavar="PATH",
                   help=tr("only this code and its sub-codes (repeatable)"))
    p.add_argument("--anywhere", action="store_true",
                   help=tr("keywords also match inside longer words"))
    p.add_argument("--accept-all", action="store_true",
                   help=tr("accept every pending proposal of these codes as passages"))
    p.add_argument("--coder", help=tr("coder name for accepted passages (default: login name)"))
    add_quiet(p)
    p.set_defaults(handler=cmd_autocode)

    p = sub.add_parser(
        "proposals", help=tr("review auto-coding proposals: list, accept ID…, reject ID…, "
        "accept-code PATH")
    )
    p.add_argument("project", type=Path)
    p.add_argument("action", nargs="?", default="list",
                   choices=("list", "accept", "reject", "accept-code"))
    p.add_argument("items", nargs="*", help=tr("proposal ids, or the code path for accept-code"))
    p.add_argument("--all", action="store_true", help=tr("list: rejected proposals too"))
    p.add_argument("--coder", help=tr("coder name for accepted passages (default: login name)"))
    p.set_defaults(handler=cmd_proposals)

    p = sub.add_parser("index", help=tr("show the search index; --rebuild after term changes"))
    p.add_argument("project", type=Path)
    p.add_argument("--rebuild", action="store_true",
                   help=tr("re-segment every document with the current term list"))
    add_quiet(p)
    p.set_defaults(handler=cmd_index)


def _one_line(text: str) -> str:
    return text.replace("\r", "").replace("\n", "↵")


def _whole_word(args: argparse.Namespace) -> bool | None:
    if args.whole_word and args.anywhere:
        raise InvalidOperation(tr("--whole-word and --anywhere contradict each other"))
    if args.whole_word:
        return True
    return False if args.anywhere else None


def cmd_search(args: argparse.Namespace, out: TextIO) -> int:
    from annotator.search import WORD, code_spans, effective_mode, search, spans_to_code

    whole_word = _whole_word(args)
    mode = effective_mode(args.mode, whole_word)
    with Project.open(args.project, coder=args.coder) as project:
        code = _code(project, args.code) if args.code else None
        if mode == WORD:
            _ensure_with_progress(project, args)
        result = search(project, args.query, mode=mode, limit=args.limit or None, ensure=False)
        coded = None
        if code is not None:
            spans = spans_to_code(result.all_hits(), args.unit)
            coded = (len(spans), len(code_spans(project, code.id, spans)))
    for hit in result.hits:
        unit = f" [{hit.unit_number}]" if hit.unit_number else ""
        print(
            f"{hit.document_number:>4} «{hit.document_title}» {hit.start}–{hit.end}{unit}  "
            f"…{_one_line(hit.before)}【{_one_line(hit.text)}】{_one_line(hit.after)}…",
            file=out,
        )
    shown = tr(" (showing {shown}; --limit 0 shows all)").format(
        shown=len(result.hits)) if result.truncated else ""
    print(counted(tr("{total} match(es) in {documents} document(s){shown}"),
                  total=result.total, documents=result.document_count, shown=shown), file=out)
    if result.unindexed:
        print(counted(tr("note: {count} document(s) not indexed yet"),
                      count=result.unindexed), file=out)
    if result.index_stale:
        print(tr("note: the term list changed since the index was built; "
                 "`annotator index {project} --rebuild` re-segments").format(
            project=args.project), file=out)
    if coded is not None and code is not None:
        spans_total, made = coded
        what = {"match": tr("match(es)"), "sentence": tr("sentence(s)"),
                "paragraph": tr("paragraph(s)")}
        print(counted(tr("coded {code}: {made} passage(s) from all {total} match(es) "
                         "({spans} {what}; {already} of them coded so already)"),
                      code=code.path_text, made=made, total=result.total, spans=spans_total,
                      what=plural(what[args.unit], spans_total), already=spans_total - made),
              file=out)
    return 0


def _code(project: Project, path: str) -> CodeInfo:
    code = project.find_code(path)
    if code is None:
        raise AnnotatorError(tr("{project}: no code {code!r}").format(
            project=project.path, code=path))
    return code


def _code_ids(project: Project, paths: list[str]) -> list[int]:
    ids: list[int] = []
    for path in paths:
        code = project.find_code(path)
        if code is None:
            raise AnnotatorError(tr("{project}: no code {code!r}").format(
                project=project.path, code=path))
        ids.extend(project.subtree_ids(code.id))
    return ids


def cmd_autocode(args: argparse.Namespace, out: TextIO) -> int:
    from annotator.autocoding import accept_code, autocode

    with Project.open(args.project, coder=args.coder) as project:
        code_ids = _code_ids(project, args.code) if args.code else None
        if not args.anywhere:  # whole words: the index first, with its progress bar
            _ensure_with_progress(project, args)
        with Bar(tr("auto-coding"), args, unit=tr(" codes")) as bar:
            report = autocode(project, unit=args.unit, code_ids=code_ids,
                              whole_word=not args.anywhere, progress=bar)
        if not report.codes:
            print(tr("no codes with keywords: nothing to propose"), file=out)
            return 0
        unit = tr("sentences") if args.unit == "sentence" else tr("paragraphs")
        for c in report.codes:
            skipped = []
            if c.pending:
                skipped.append(tr("{count} already pending").format(count=c.pending))
            if c.rejected:
                skipped.append(tr("{count} rejected before").format(count=c.rejected))
            if c.coded:
                skipped.append(tr("{count} already coded").format(count=c.coded))
            extra = f" ({', '.join(skipped)})" if skipped else ""
            print(counted(tr("{code}: {proposed} new proposal(s) from {matches} keyword "
                             "match(es){extra}"),
                          code=c.path, proposed=c.proposed, matches=c.matches, extra=extra),
                  file=out)
        print(counted(tr("{proposed} new proposal(s) ({unit}) for {codes} code(s)"),
                      proposed=report.proposed, unit=unit, codes=len(report.codes)), file=out)
        if args.accept_all:
            accepted = 0
            for code_id in report.code_ids:
                accepted += len(accept_code(project, code_id, include_subcodes=False)
                                .passage_ids)
            print(counted(tr("accepted: {count} passage(s) created (origin auto)"),
                          count=accepted), file=out)
        else:
            print(tr("review with `annotator proposals {project}`").format(
                project=args.project), file=out)
    return 0


def _ids(items: list[str]) -> list[int]:
    if not items:
        raise InvalidOperation(tr("give one or more proposal ids (see `annotator proposals`)"))
    try:
        return [int(item) for item in items]
    except ValueError as exc:
        raise InvalidOperation(tr("not a proposal id: {error}").format(error=exc)) from exc


def cmd_proposals(args: argparse.Namespace, out: TextIO) -> int:
    from annotator import autocoding

    with Project.open(args.project, coder=args.coder) as project:
        if args.action == "list":
            paths = {c.id: c.path_text for c in project.codes()}
            items = autocoding.list_proposals(project, status=None if args.all else "pending")
            for p in items:
                text = _one_line(p.text)
                text = text if len(text) <= SHOW else text[: SHOW - 1] + "…"
                state = "" if p.status == "pending" else f" ({p.status})"
                print(f"{p.id:>6}  {p.document_number:>4}  {paths.get(p.code_id, '?')}  "
                      f"[{p.keyword}]{state}  «{text}»", file=out)
            counts = autocoding.count_proposals(project)
            print(tr("{pending} pending, {rejected} rejected").format(
                pending=counts.get("pending", 0), rejected=counts.get("rejected", 0)), file=out)
            return 0
        if args.action == "accept":
            batch = autocoding.accept_proposals(project, _ids(args.items))
        elif args.action == "accept-code":
            if len(args.items) != 1:
                raise InvalidOperation(tr("accept-code takes one code path"))
            code = project.find_code(args.items[0])
            if code is None:
                raise AnnotatorError(tr("{project}: no code {code!r}").format(
                    project=args.project, code=args.items[0]))
            batch = autocoding.accept_code(project, code.id)
        else:
            changed = autocoding.reject_proposals(project, _ids(args.items))
            print(counted(tr("rejected {count} proposal(s)"), count=changed), file=out)
            return 0
    print(counted(tr("accepted {proposals} proposal(s): {passages} passage(s) created "
                     "(origin auto)"),
                  proposals=len(batch.proposals), passages=len(batch.passage_ids)), file=out)
    return 0


def _ensure_with_progress(project: Project, args: argparse.Namespace) -> int:
    """Bring the index up to date (a first search of a large project builds it)."""
    from annotator.search import ensure_index

    with Bar(tr("indexing"), args, unit=tr(" documents")) as bar:
        return ensure_index(project, progress=bar)


def cmd_index(args: argparse.Namespace, out: TextIO) -> int:
    from annotator.search import index_status, rebuild_index

    with Project.open(args.project) as project:
        if args.rebuild:
            with Bar(tr("indexing"), args, unit=tr(" documents")) as bar:
                n = rebuild_index(project, progress=bar)
        else:
            n = _ensure_with_progress(project, args)
        status = index_status(project)
    print(counted(tr("indexed now: {now}; in the index: {indexed} of {documents} document(s)"),
                  now=n, indexed=status.indexed, documents=status.documents), file=out)
    if status.stale_terms:
        print(tr("the term list changed since the index was built: use --rebuild"), file=out)
    return 0
