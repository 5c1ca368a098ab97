"""Examples under every command's ``--help``, and the command list for error messages.

Kept in one table so that every command has some (a test checks), including those that
extension modules register; each line is a command a user can paste, with what it does.
"""

from __future__ import annotations

import argparse
import difflib
import textwrap
from pathlib import Path

from annotator.cli_i18n import tr


def examples() -> dict[str, list[tuple[str, str]]]:
    """command -> [(command line, what it does)]; built on call, in the user's language."""
    return {
        "init": [
            ("annotator init study.annot --codebook regional-innovation",
             tr("a new project with a shipped codebook")),
            ("annotator init study.annot", tr("a new, empty project")),
        ],
        "import": [
            ("annotator import study.annot articles/",
             tr("every .txt .docx .html .pdf in the folder, recursively")),
            ("annotator import study.annot a.docx b.pdf", tr("two files")),
        ],
        "export": [
            ("annotator export study.annot coded.xlsx", tr("the coded Excel workbook")),
            ("annotator export study.annot passages.csv",
             tr("the passages as CSV for R or pandas")),
            ("annotator export study.annot study.qdpx", tr("the whole project for NVivo, MAXQDA…")),
        ],
        "info": [("annotator info study.annot", tr("counts of documents, codes, passages"))],
        "documents": [("annotator documents study.annot", tr("the documents with their numbers"))],
        "apply": [
            ('annotator apply study.annot 3 "区域协同创新/机制协同" 120 164',
             tr("code characters 120–163 of document 3")),
        ],
        "codebook": [
            ("annotator codebook list", tr("the shipped codebooks")),
            ("annotator codebook list study.annot", tr("the project's code tree")),
            ("annotator codebook import study.annot policy-instruments",
             tr("merge a shipped codebook by code path")),
            ("annotator codebook export study.annot tree.xlsx",
             tr("the codebook as an Excel sheet")),
        ],
        "import-project": [
            ("annotator import-project nvivo.qdpx study.annot",
             tr("a new project from a REFI-QDA file")),
        ],
        "coders": [("annotator coders study.annot", tr("who coded how many passages"))],
        "copy-for-coder": [
            ("annotator copy-for-coder study.annot li.annot --coder 李明",
             tr("a blind copy for the second coder 李明")),
        ],
        "merge": [
            ("annotator merge study.annot li.annot --dry-run", tr("what merging would change")),
            ("annotator merge study.annot li.annot", tr("bring 李明's passages back")),
        ],
        "agreement": [
            ("annotator agreement study.annot --coders 王芳,李明",
             tr("agreement of two coders per code")),
            ("annotator agreement study.annot --disagreements",
             tr("also list the units they differ on")),
        ],
        "terms": [
            ("annotator terms study.annot add 揭榜挂帅 科创飞地",
             tr("keep these words whole when segmenting")),
            ("annotator terms study.annot suggest", tr("propose terms found in the texts")),
        ],
        "stopwords": [
            ("annotator stopwords study.annot add 进一步", tr("ignore a word in counts")),
        ],
        "units": [("annotator units study.annot 3", tr("document 3's numbered paragraphs"))],
        "segment": [('annotator segment study.annot "推进科技成果转化"',
                     tr("the words of a text"))],
        "search": [
            ("annotator search study.annot 成果转化", tr("every occurrence, in both scripts")),
            ('annotator search study.annot 联席会议 --code "区域协同创新/机制协同" --unit sentence',
             tr("code the sentence of every match")),
        ],
        "autocode": [
            ("annotator autocode study.annot", tr("propose passages from the codes' keywords")),
        ],
        "proposals": [
            ("annotator proposals study.annot", tr("list the pending proposals")),
            ("annotator proposals study.annot accept 12 13", tr("accept two of them")),
        ],
        "index": [("annotator index study.annot --rebuild",
                   tr("re-segment every document after term changes"))],
        "freq": [
            ("annotator freq study.annot --top 30", tr("the 30 most frequent words")),
            ('annotator freq study.annot --code "区域协同创新" --cloud cloud.png',
             tr("a code's words, with a word cloud")),
        ],
        "keywords": [("annotator keywords study.annot --document 3", tr("keywords of document 3"))],
        "report": [
            ('annotator report study.annot --xy "区域协同创新" "供给型+环境型+需求型" xy.xlsx',
             tr("the X×Y report workbook of two branches")),
        ],
        "table": [
            ("annotator table study.annot --by document", tr("codes × documents")),
            ('annotator table study.annot --by 发文年份 --year --share column',
             tr("codes × year, as shares of each year")),
        ],
    }


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Keeps the examples' line breaks; help text is wrapped as usual."""


def add_examples(sub: argparse._SubParsersAction) -> None:
    """Give every registered command its examples and the formatter that keeps them."""
    table = examples()
    heading = tr("examples:")
    for name, parser in sub.choices.items():
        parser.formatter_class = HelpFormatter
        lines = table.get(name)
        if not lines or parser.epilog:  # a module that wrote its own examples keeps them
            continue
        width = max(len(cmd) for cmd, _ in lines)
        body = "\n".join(f"  {cmd.ljust(width)}   # {what}" for cmd, what in lines)
        parser.epilog = f"{heading}\n{body}"


def nearest_command(word: str, commands: tuple[str, ...]) -> str | None:
    near = difflib.get_close_matches(word, commands, n=1, cutoff=0.6)
    return near[0] if near else None


def nearest_name(name: str, names: list[str]) -> str | None:
    """The file name closest to a mistyped ``name`` (stduy.annot → study.annot), if any."""
    near = difflib.get_close_matches(name, sorted(names), n=1, cutoff=0.75)
    return near[0] if near else None


def unknown_command(word: str, commands: tuple[str, ...]) -> str:
    """What to say when ``word`` is neither a command nor a project file."""
    near = nearest_command(word, commands)
    first = tr("annotator: unknown command {word!r}").format(word=word)
    if near:
        first += tr("; did you mean {command!r}?").format(command=near)
    return "\n".join((
        first,
        textwrap.fill(tr("commands: {commands}").format(commands=", ".join(commands)),
                      width=79, subsequent_indent="  ", break_on_hyphens=False),
        tr("`annotator COMMAND --help` explains a command and shows examples."),
        tr("`annotator PROJECT.annot` opens the window; `annotator init NEW.annot` creates one."),
    ))


def launcher_parser(commands: tuple[str, ...]) -> argparse.ArgumentParser:
    """``annotator [--create] [PROJECT]``: the window's arguments; its help lists the commands."""
    listing = textwrap.fill(", ".join(commands), width=76, initial_indent="  ",
                            subsequent_indent="  ", break_on_hyphens=False)
    lines = [
        ("annotator study.annot", tr("open a project")),
        ("annotator --create new.annot", tr("a new project, opened in the window")),
        ("annotator init new.annot --codebook regional-innovation",
         tr("a new project from the command line")),
    ]
    width = max(len(cmd) for cmd, _ in lines)
    epilog = "\n".join((
        tr("commands (`annotator COMMAND --help` explains one):"), listing, "",
        tr("examples:"), *(f"  {cmd.ljust(width)}   # {what}" for cmd, what in lines),
    ))
    parser = argparse.ArgumentParser(
        prog="annotator", formatter_class=HelpFormatter, epilog=epilog,
        usage="annotator [--create] [PROJECT]\n       annotator COMMAND ...",
        description=tr("Open the coding desk on a project file, or run a command."))
    parser.add_argument("project", nargs="?", type=Path,
                        help=tr("project file to open (the window asks before creating a "
                                "missing one)"))
    parser.add_argument("--create", action="store_true",
                        help=tr("create the project file if it does not exist, without asking"))
    return parser


def parse_launcher_args(argv: list[str], commands: tuple[str, ...]) -> argparse.Namespace:
    parser = launcher_parser(commands)
    args = parser.parse_args(argv)
    if args.create and args.project is None:
        parser.error(tr("--create needs the PROJECT file to create"))
    return args
