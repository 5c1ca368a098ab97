"""The one home of the file choosers: each kind of file opens where the last one of its kind
was chosen, also after a restart, and a name typed without a suffix gets one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog

from annotator.ui.file_dialogs import FileDialogs
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings


def _window(qtbot, ini: Path) -> MainWindow:  # noqa: ANN001
    win = MainWindow(Settings(QSettings(str(ini), QSettings.Format.IniFormat)))
    qtbot.addWidget(win)
    return win


def test_a_chooser_opens_in_the_folder_its_kind_was_last_chosen_in(
    qtbot, tmp_path: Path, monkeypatch  # noqa: ANN001
) -> None:
    codebooks, charts = tmp_path / "codebooks", tmp_path / "charts"
    codebooks.mkdir()
    charts.mkdir()
    asked: list[str] = []

    def open_file(_parent, _title, start, _filters):  # noqa: ANN001, ANN202
        asked.append(start)
        return str(codebooks / "policy.yaml"), ""

    def save_file(_parent, _title, start, _filters, options=None):  # noqa: ANN001, ANN202
        asked.append(start)
        return str(charts / "bars"), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(open_file))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_file))
    ini = tmp_path / "settings.ini"
    win = _window(qtbot, ini)
    assert FileDialogs.open_codebook(win) == codebooks / "policy.yaml"
    assert FileDialogs.save_chart(win, "chart.png") == charts / "bars.png"  # suffix added
    assert asked == ["", "chart.png"]  # nothing remembered yet

    again = _window(qtbot, ini)  # a restart: a new window on the same settings
    FileDialogs.open_codebook(again)
    FileDialogs.save_chart(again, str(tmp_path / "elsewhere" / "chart.png"))
    assert asked[2:] == [str(codebooks), str(charts / "chart.png")]
    # Another kind keeps its own folder: projects were never chosen.
    FileDialogs.open_project(again)
    assert asked[-1] == ""


def test_without_a_window_nothing_is_remembered(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_a, **_k: (str(tmp_path / "copy"), "")))
    assert FileDialogs.save_copy(None, "x.annot") == tmp_path / "copy.annot"
