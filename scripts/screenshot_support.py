"""Shared setup of the screenshot scripts: the application in the language asked for on the
command line (zh_CN by default), a main window on settings in a temporary folder, and saving
a widget's picture as docs/screenshots/<name>-<language>.png."""
# ruff: noqa: E402 - Qt must see QT_QPA_PLATFORM before it loads
from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from annotator.ui.i18n import install_translators
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"


@dataclass
class Shots:
    app: QApplication
    window: MainWindow
    language: str
    folder: Path  # temporary, for the project shown

    def save(self, widget: QWidget, name: str) -> None:
        for _ in range(5):  # let layouts and repaints settle before grabbing
            self.app.processEvents()
        path = OUT / f"{name}-{self.language}.png"
        widget.grab().save(str(path))
        print(path)


@contextmanager
def main_window(width: int, height: int) -> Iterator[Shots]:
    language = sys.argv[1] if len(sys.argv) > 1 else "zh_CN"
    app = QApplication.instance() or QApplication(sys.argv[:1])
    install_translators(app, language)
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        window = MainWindow(settings)
        window.resize(width, height)
        window.show()
        yield Shots(app, window, language, Path(tmp))
        window.close()
