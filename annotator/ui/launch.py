"""Start the desktop window: ``annotator [PROJECT]`` or ``python -m annotator [PROJECT]``."""

from __future__ import annotations

import gc
import sys
import traceback
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from annotator.ui.main_window import MainWindow


def launch(argv: list[str]) -> int:
    from annotator.cli import COMMANDS
    from annotator.cli_help import parse_launcher_args
    from annotator.cli_i18n import argparse_in_language
    from annotator.logs import install_excepthook, log, log_path, setup_logging

    with argparse_in_language():
        args = parse_launcher_args(argv, COMMANDS)
    setup_logging()
    log.info("window start: %s", " ".join(argv))

    from PySide6.QtWidgets import QApplication

    from annotator.ui.error_report import ErrorReporter
    from annotator.ui.i18n import install_translators
    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import APPLICATION, ORGANISATION, Settings
    from annotator.ui.storage_notice import install_storage_hook

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    settings = Settings()
    install_translators(app, settings.language)
    reporter = ErrorReporter(app)
    install_excepthook(reporter.report)
    try:
        window = MainWindow(settings)
    except Exception as exc:  # noqa: BLE001 - no window to carry on in: log, say, end
        text = traceback.format_exc()
        log.error("the window could not be built\n%s", text.rstrip())
        reporter.report_startup_failure(exc, text, log_path())
        return 1
    # A full disk or a read-only project refusing a step: a plain message naming the file.
    install_storage_hook(lambda: window)
    reporter.window = window
    if args.project is not None:
        open_from_command_line(window, args.project, create=args.create)
    elif settings.last_project and Path(settings.last_project).exists():
        window.open_project(settings.last_project)
    window.show()
    # Everything loaded so far lives as long as the app: keep the collector from walking it,
    # so a full collection never lands in the middle of a coding action (~75 ms otherwise).
    gc.freeze()
    return app.exec()


class LaunchQuestions:
    """The questions the start asks; tests monkeypatch :meth:`create_missing`."""

    @staticmethod
    def create_missing(parent: QWidget, path: Path) -> bool:
        from PySide6.QtCore import QCoreApplication
        from PySide6.QtWidgets import QMessageBox

        def tr(text: str) -> str:
            return QCoreApplication.translate("LaunchQuestions", text)

        answer = QMessageBox.question(
            parent, tr("Create a new project?"),
            tr("There is no project file %1.\n\nCreate a new, empty project there?")
            .replace("%1", str(path)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes


def open_from_command_line(window: MainWindow, path: Path, *, create: bool = False) -> bool:
    """Open ``path``; a missing file is created only with ``create`` or when the user says so
    (a mistyped name must not leave a new project behind)."""
    if path.exists():
        return window.open_project(path)
    if not create and not LaunchQuestions.create_missing(window, path):
        return False
    return window.open_project(path, create=True)


def main() -> int:
    """The gui-script entry point (no console window on Windows)."""
    return launch(sys.argv[1:])
