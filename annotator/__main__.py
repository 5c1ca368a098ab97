"""``annotator`` and ``python -m annotator``: a command, or the desktop window.

``annotator COMMAND …`` runs a command; ``annotator [PROJECT]`` (and the launcher's options,
``--create``) opens the window. A first word that is neither a command nor an existing file
and does not look like a project path (``infoo``, ``exprot a.annot x.xlsx``) is a mistyped
command: it gets the command list and the nearest command, and no file is made.
"""

from __future__ import annotations

import sys
from pathlib import Path

PROJECT_SUFFIX = ".annot"
CLI_OPTIONS = ("-h", "--help", "--version")


def looks_like_command(argv: list[str]) -> bool:
    """True when ``argv`` is meant for the command line rather than the window."""
    from annotator.cli import COMMANDS

    if not argv:
        return False
    first = argv[0]
    if first in COMMANDS or first in CLI_OPTIONS:
        return True
    if first.startswith("-"):
        return False  # the launcher's own options (--create …)
    path = Path(first)
    if path.exists():
        return False
    # The launcher takes one project; a bare word (no suffix, no folder) names no project.
    positional = [a for a in argv if not a.startswith("-")]
    bare = not path.suffix and not any(sep in first for sep in ("/", "\\"))
    return bare or (len(positional) > 1 and path.suffix.lower() != PROJECT_SUFFIX)


def _cli_error_shown(summary: str, _text: str, log: Path | None) -> None:
    from annotator.cli_i18n import tr

    where = tr(" (the traceback is in {log})").format(log=log) if log else ""
    print(tr("annotator: unexpected error: {error}{where}").format(error=summary, where=where),
          file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    """The process entry (``argv`` None: read ``sys.argv`` and install the exception hook),
    or a call from code with its own arguments (the hook is left as it is)."""
    entry = argv is None
    argv = sys.argv[1:] if argv is None else argv
    if looks_like_command(argv):
        from annotator.cli import run
        from annotator.logs import install_excepthook, setup_logging

        setup_logging()
        if entry:
            install_excepthook(_cli_error_shown)
        return run(argv)
    from annotator.ui.launch import launch

    return launch(argv)


if __name__ == "__main__":
    sys.exit(main())
