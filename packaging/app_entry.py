"""Entry script of the self-contained app (packaging/annotator.spec builds two programs from it).

``annotator`` (console) takes every command of the command line and opens the window;
``annotator-desk`` (no console on Windows, the program inside Annotator.app) opens the window.
Both run ``annotator.__main__.main``, exactly as the pip-installed scripts do.

``ANNOTATOR_SMOKE_EXPORT=out.xlsx`` makes the window, once its event loop runs, export the open
project to that workbook, save a picture of itself beside it and quit (0 when both were
written): scripts/smoke_app.py checks a built app with it, headless, without touching a mouse.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path


def _smoke(out: Path) -> None:
    """Schedule the check before the window starts: it runs on the first turn of the loop."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])

    def check() -> None:
        # Any failure must end the run: the window's error dialog would wait for a click.
        try:
            from annotator.cli import run
            from annotator.ui.main_window import MainWindow

            windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)]
            project = windows[0].hub.project if windows else None
            code = 1
            if project is not None:
                code = run(["export", str(project.path), str(out)])
                windows[0].grab().save(str(out.with_suffix(".png")))
            print(f"smoke: window={bool(windows)} project={project is not None} export={code}",
                  flush=True)
            app.exit(0 if code == 0 and out.exists() else 1)
        except BaseException:  # noqa: BLE001 - reported, then the run ends with 1
            import traceback

            traceback.print_exc()
            app.exit(1)

    QTimer.singleShot(0, check)


def main() -> int:
    smoke = os.environ.get("ANNOTATOR_SMOKE_EXPORT")
    if smoke:
        _smoke(Path(smoke).resolve())
    from annotator.__main__ import main as annotator_main

    return annotator_main()


if __name__ == "__main__":
    sys.exit(main())
