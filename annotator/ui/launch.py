"""Start the desktop window: ``annotator [PROJECT]`` or ``python -m annotator [PROJECT]``."""

from __future__ import annotations

import argparse
import gc
import sys
from pathlib import Path


def launch(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="annotator", description="Open the coding desk.")
    parser.add_argument("project", nargs="?", type=Path,
                        help="project file to open (created if it does not exist)")
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    from annotator.ui.i18n import install_translators
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import APPLICATION, ORGANISATION, Settings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    settings = Settings()
    install_translators(app, settings.language)
    window = MainWindow(settings)
    if args.project is not None:
        window.open_project(args.project, create=not args.project.exists())
    elif settings.last_project and Path(settings.last_project).exists():
        window.open_project(settings.last_project)
    window.show()
    # Everything loaded so far lives as long as the app: keep the collector from walking it,
    # so a full collection never lands in the middle of a coding action (~75 ms otherwise).
    gc.freeze()
    return app.exec()


def main() -> int:
    """The gui-script entry point (no console window on Windows)."""
    return launch(sys.argv[1:])
