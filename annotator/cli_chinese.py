"""Command-line access to the Chinese text services: terms, stopwords, units, segmentation."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from annotator.chinese.structure import NUMBERINGS
from annotator.cli_i18n import counted, tr
from annotator.errors import AnnotatorError
from annotator.project import Project

COMMANDS = ("terms", "stopwords", "units", "segment")
_PREVIEW = 30  # characters of each unit shown by `annotator units`


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "terms",
        help=tr("list or edit the words segmentation keeps whole: terms PROJECT "
        "[list|add WORD…|remove WORD…|import FILE|suggest]"),
    )
    p.add_argument("project", type=Path)
    p.add_argument("action", nargs="?", default="list",
                   choices=("list", "add", "remove", "import", "suggest"))
    p.add_argument("words", nargs="*", help=tr("terms to add or remove, or the file to import"))
    p.add_argument("--all", action="store_true",
                   help=tr("list every term in use: starter list, code keywords and the project's"))
    p.add_argument("--top", type=int, default=50, metavar="N",
                   help=tr("suggest: how many terms to propose (default 50)"))
    p.add_argument("--min-count", type=int, default=None, metavar="N",
                   help=tr("suggest: occurrences a term needs at least (default 3)"))
    p.set_defaults(handler=cmd_terms)

    p = sub.add_parser(
        "stopwords",
        help=tr("list or edit the stopwords: stopwords PROJECT [list|add WORD…|remove WORD…]"),
    )
    p.add_argument("project", type=Path)
    p.add_argument("action", nargs="?", default="list", choices=("list", "add", "remove"))
    p.add_argument("words", nargs="*")
    p.add_argument("--all", action="store_true", help=tr("list every stopword, not only changes"))
    p.set_defaults(handler=cmd_stopwords)

    p = sub.add_parser(
        "units",
        help=tr("number a document's units of analysis by its own numbering (政策编号-章-条-款, "
        "政策编号-章节-条款)"),
        description=tr("Print a document's units with their numbers. The numbering is detected "
        "from the text: statute (第X章/第X节/第X条, with 款 and 项 as sub-units printed "
        "indented under their article), outline (一、 （一） 1. 1.1 … headings) or paragraphs; "
        "--set-numbering chooses another one for the document (auto: detected again)."),
    )
    p.add_argument("project", type=Path)
    p.add_argument("document", type=int, help=tr("document number (see `annotator documents`)"))
    p.add_argument("--kind", choices=("paragraph", "sentence"), default="paragraph")
    p.add_argument("--set-numbering", choices=NUMBERINGS, metavar="RULE",
                   help=tr("number this document by RULE from now on: {rules}").format(
                       rules=", ".join(NUMBERINGS)))
    p.set_defaults(handler=cmd_units)

    p = sub.add_parser("segment", help=tr("split text into words with the project's terms"))
    p.add_argument("project", type=Path)
    p.add_argument("text", help=tr('the text, or "-" to read standard input'))
    p.set_defaults(handler=cmd_segment)


def _need_words(args: argparse.Namespace, what: str) -> list[str]:
    if not args.words:
        raise AnnotatorError(tr("{command} {action}: name at least one {what}").format(
            command=args.command, action=args.action, what=what))
    return list(args.words)


def cmd_terms(args: argparse.Namespace, out: TextIO) -> int:
    from annotator.importing import term_files
    from annotator.words import terms

    with Project.open(args.project) as project:
        if args.action == "suggest":
            return _suggest(project, args, out)
        if args.action == "list":
            if args.all:
                for term in sorted(terms.project_terms(project)):
                    print(term, file=out)
                return 0
            own, off = terms.list_terms(project), terms.switched_off_terms(project)
            for term in own:
                print(term, file=out)
            if off:
                print(tr("starter terms switched off: {terms}").format(terms=" ".join(off)),
                      file=out)
            print(tr("{own} project terms, {used} in use").format(
                own=len(own), used=len(terms.project_terms(project))), file=out)
            return 0
        if args.action == "import":
            if len(args.words) != 1:
                raise AnnotatorError(tr("terms import: name one file"))
            changed = term_files.import_terms(project, args.words[0])
        elif args.action == "add":
            changed = terms.add_terms(project, _need_words(args, tr("term")))
        else:
            changed = terms.remove_terms(project, _need_words(args, tr("term")))
        requested = (term_files.read_terms_file(args.words[0]) if args.action == "import"
                     else args.words)
        verb = "removed" if args.action == "remove" else "added"
        _report(out, "terms", verb, changed, requested)
    return 0


def _suggest(project: Project, args: argparse.Namespace, out: TextIO) -> int:
    """New terms found in the project's documents, best first, as tab-separated lines that
    `terms import` reads back (it takes the first column and skips the # header)."""
    from annotator.words.term_discovery import MIN_COUNT, suggest_terms

    if args.words:
        raise AnnotatorError(tr("terms suggest: takes no words (use --top N)"))
    if args.top < 1:
        raise AnnotatorError(tr("terms suggest: --top must be at least 1"))
    found = suggest_terms(project, top=args.top, min_count=args.min_count or MIN_COUNT)
    if not found:
        print(tr("no new terms found (the documents are too few or too short, or every "
                 "recurring term is known already)"), file=out)
        return 0
    print("# term\toccurrences\tdocuments\tsegmented now", file=out)
    for c in found:
        print(f"{c.term}\t{c.count}\t{c.documents}\t{' / '.join(c.split)}", file=out)
    return 0


def _report(out: TextIO, what: str, verb: str, changed: list[str], requested: list[str]) -> None:
    done = counted({
        ("terms", "added"): tr("{count} term(s) added"),
        ("terms", "removed"): tr("{count} term(s) removed"),
        ("stopwords", "added"): tr("{count} stopword(s) added"),
        ("stopwords", "removed"): tr("{count} stopword(s) removed"),
    }[what, verb], count=len(changed))
    print(done + (f": {' '.join(changed)}" if changed else ""), file=out)
    unchanged = [w for w in dict.fromkeys(w.strip() for w in requested) if w and w not in changed]
    if unchanged:
        state = {
            ("terms", "added"): tr("already terms"), ("terms", "removed"): tr("not terms"),
            ("stopwords", "added"): tr("already stopwords"),
            ("stopwords", "removed"): tr("not stopwords"),
        }[what, verb]
        print(f"{state}: {' '.join(unchanged)}", file=out)


def cmd_stopwords(args: argparse.Namespace, out: TextIO) -> int:
    from annotator.words import stopwords

    with Project.open(args.project) as project:
        if args.action == "list":
            words = stopwords.project_stopwords(project)
            if args.all:
                for word in sorted(words):
                    print(word, file=out)
                return 0
            added, removed = stopwords.stopword_changes(project)
            if added:
                print(tr("added: {words}").format(words=" ".join(added)), file=out)
            if removed:
                print(tr("removed: {words}").format(words=" ".join(removed)), file=out)
            print(tr("{count} stopwords ({shipped} shipped, {added} added, {removed} removed)")
                  .format(count=len(words), shipped=len(stopwords.default_stopwords()),
                          added=len(added), removed=len(removed)), file=out)
            return 0
        if args.action == "add":
            changed = stopwords.add_stopwords(project, _need_words(args, tr("word")))
        else:
            changed = stopwords.remove_stopwords(project, _need_words(args, tr("word")))
        verb = "added" if args.action == "add" else "removed"
        _report(out, "stopwords", verb, changed, args.words)
    return 0


def cmd_units(args: argparse.Namespace, out: TextIO) -> int:
    from annotator.analysis.unit_index import units_of

    with Project.open(args.project) as project:
        doc = next((d for d in project.documents() if d.number == args.document), None)
        if doc is None:
            raise AnnotatorError(tr("{project}: no document number {number}").format(
                project=args.project, number=args.document))
        if args.set_numbering:
            project.set_numbering(doc.id, args.set_numbering)
        chosen, used = project.numbering(doc.id)
        text = project.document_text(doc.id)
        units = units_of(project, doc.id, args.kind)
        subunits = units_of(project, doc.id, "clause") if args.kind == "paragraph" else []
    how = tr("detected") if chosen == "auto" else tr("chosen")
    print(tr("document {number}: numbering {used} ({how})").format(
        number=doc.number, used=used, how=how), file=sys.stderr)
    # Sub-units (款, 项) go under their article, indented, each shown by its first line.
    rows = sorted([(u.start, 0, u) for u in units] + [(u.start, 1, u) for u in subunits],
                  key=lambda r: (r[0], r[1]))
    width = max((len(u.number) + 2 * sub for _, sub, u in rows), default=0)
    for _start, sub, u in rows:
        label = f"  {u.number}" if sub else u.number
        stop = text.find("\n", u.start, u.end) if sub else -1
        body = " ".join(text[u.start:stop if stop >= 0 else u.end].split())
        more = "…" if len(body) > _PREVIEW else ""
        print(f"{label:<{width}}  {body[:_PREVIEW]}{more}", file=out)
    return 0


def cmd_segment(args: argparse.Namespace, out: TextIO) -> int:
    from annotator.words.terms import project_segmenter

    text = sys.stdin.read() if args.text == "-" else args.text
    with Project.open(args.project) as project:
        segmenter = project_segmenter(project)
    print(" / ".join(segmenter.words(text)), file=out)
    return 0
