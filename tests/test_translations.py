"""Simplified Chinese and English: every string translated, and switching takes effect."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from annotator.ui.i18n import install_translators
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def test_every_ui_string_has_a_chinese_translation() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "update_translations.py"), "--check"],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_switching_language_retranslates_the_window(qtbot, tmp_path: Path) -> None:
    app = QApplication.instance()
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    try:
        assert install_translators(app, "zh_CN") == "zh_CN"
        win = MainWindow(settings)
        qtbot.addWidget(win)
        assert win.file_menu.title() == "文件(&F)"
        assert win.codebook.filter_edit().placeholderText().startswith("筛选编码")
        install_translators(app, "en")
        app.processEvents()
        assert win.file_menu.title() == "&File"
        assert win.codebook.filter_edit().placeholderText().startswith("Filter codes")
    finally:
        install_translators(app, "en")
