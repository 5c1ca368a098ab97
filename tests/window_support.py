"""The main window on a project, for the window tests: settings in a test folder, shown,
exposed and with the project open."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings


def open_window(qtbot, tmp_path: Path, project_path: Path, *, coder: str | None = None,  # noqa: ANN001
                size: tuple[int, int] | None = None, ini: str = "settings.ini") -> MainWindow:
    settings = Settings(QSettings(str(tmp_path / ini), QSettings.Format.IniFormat))
    if coder is not None:
        settings.coder = coder
    win = MainWindow(settings)
    qtbot.addWidget(win)
    if size is not None:
        win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_project(project_path)
    return win
