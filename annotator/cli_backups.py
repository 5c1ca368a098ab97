"""`annotator backups`: list, take and restore the rolling backups beside a project."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from annotator.cli_i18n import counted, tr
from annotator.db.backups import backup_folder, list_backups, restore_backup, take_backup
from annotator.db.schema import check_project_file
from annotator.errors import ProjectError

COMMANDS = ("backups",)

def _epilog() -> str:
    return "\n".join([
        tr("examples:"),
        "  annotator backups 课题.annot                  " + tr("list the backups, newest first"),
        "  annotator backups 课题.annot --take           " + tr("take one now"),
        "  annotator backups 课题.annot --restore 课题-2026-11-20_093000.annot",
    ]) + "\n"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "backups",
        help=tr("list, take or restore the daily backups kept beside a project"),
        description=tr("The window takes one backup a day into NAME-backups/ beside the "
                       "project and keeps the last 7 days. Restoring first backs up the "
                       "current state."),
        epilog=_epilog(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    p.add_argument("project", type=Path)
    group = p.add_mutually_exclusive_group()
    group.add_argument("--take", action="store_true", help=tr("take a backup now"))
    group.add_argument("--restore", metavar="BACKUP",
                       help=tr("put this backup (a name from the list, or a path) in the "
                               "project's place; close the project in the window first"))
    p.set_defaults(handler=cmd_backups)


def cmd_backups(args: argparse.Namespace, out: TextIO) -> int:
    project: Path = args.project
    check_project_file(project)
    if args.take:
        print(tr("backup written: {path}").format(path=take_backup(project)), file=out)
        return 0
    if args.restore:
        backup = _find(project, args.restore)
        safety = restore_backup(project, backup)
        print(tr("restored {project} from {backup}; the state before is kept as {safety}")
              .format(project=project, backup=backup.name, safety=safety), file=out)
        return 0
    backups = list_backups(project, with_counts=True)
    if not backups:
        print(tr("no backups yet in {folder}").format(folder=backup_folder(project)), file=out)
        return 0
    print(counted(tr("{n} backup(s) in {folder}:"), n=len(backups),
                  folder=backup_folder(project)), file=out)
    for b in backups:
        counts = (tr("unreadable") if b.documents is None or b.passages is None
                  else tr("documents: {documents}, passages: {passages}").format(
                      documents=b.documents, passages=b.passages))
        print(f"  {b.path.name}  {b.taken:%Y-%m-%d %H:%M}  {counts}  "
              f"{b.size / 1_048_576:.1f} MB", file=out)
    return 0


def _find(project: Path, name: str) -> Path:
    candidate = Path(name)
    if candidate.is_file():
        return candidate
    in_folder = backup_folder(project) / name
    if in_folder.is_file():
        return in_folder
    raise ProjectError(tr("{name}: no such backup of {project} (see `annotator backups "
                          "{project}`)").format(name=name, project=project))
