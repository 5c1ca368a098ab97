"""``annotator`` and ``python -m annotator``: a command, or the desktop window."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from annotator.cli import COMMANDS, run

    if argv and (argv[0] in COMMANDS or argv[0] in ("-h", "--help", "--version")):
        return run(argv)
    from annotator.ui.launch import launch

    return launch(argv)


if __name__ == "__main__":
    sys.exit(main())
