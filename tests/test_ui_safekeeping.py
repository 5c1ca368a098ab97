"""The window keeps the work safe and says so: a daily backup taken after opening, the
"saved" indicator, restoring a backup from the File menu, and a warning for synced folders."""

from __future__ import annotations

from pathlib import Path

from annotator import Project
from annotator.db.backups import backup_folder, list_backups
from tests.window_support import open_window

TEXT = (
    "第三条 科技成果转化活动应当有利于加快实施创新驱动发展战略，促进科技与经济的结合，"
    "有利于提高经济效益、社会效益和保护环境、合理利用资源。\n"
)


def _project(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "转化法.annot"
    with Project.create(path) as p:
        doc = p.add_document("促进科技成果转化法", TEXT)
        p.apply_code(doc.id, p.add_code("创新驱动").id, 17, 23)
    return path


def _open_with_backup(qtbot, tmp_path: Path, path: Path):  # noqa: ANN001, ANN202
    """The window on ``path`` once its daily backup (started after first paint) is written."""
    from PySide6.QtCore import QSettings

    from annotator.ui.main_window import MainWindow
    from annotator.ui.settings import Settings

    win = MainWindow(Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    with qtbot.waitSignal(win.safekeeping.backupTaken, timeout=20000) as taken:
        assert win.open_project(path)
    return win, taken.args[0]


def test_opening_takes_todays_backup_and_restoring_puts_it_back(qtbot, tmp_path: Path) -> None:
    path = _project(tmp_path / "课题")
    win, backup = _open_with_backup(qtbot, tmp_path, path)
    assert backup is not None and backup.parent == backup_folder(path)

    project = win.hub.require()
    doc = project.documents()[0]
    code = project.codes()[0]
    win.hub.run(lambda p: p.apply_code(doc.id, code.id, 40, 46))
    assert len(win.hub.require().passages()) == 2

    safety = win.safekeeping.restore(backup)
    assert safety is not None and safety.exists()
    assert len(win.hub.require().passages()) == 1  # the window shows the restored project
    assert win.documents.model.total_passages() == 1
    assert {b.path for b in list_backups(path)} == {backup, safety}


def test_saved_indicator_follows_each_action(qtbot, tmp_path: Path) -> None:
    win = open_window(qtbot, tmp_path, _project(tmp_path / "p"))
    keeper = win.safekeeping
    assert keeper.saved_label.isVisible() and keeper.saved_label.text()
    keeper._saved_at = None  # as if nothing had been written this session
    keeper._show_saved()
    assert keeper.saved_label.text() == ""
    project = win.hub.require()
    doc, code = project.documents()[0], project.codes()[0]
    win.hub.run(lambda p: p.apply_code(doc.id, code.id, 30, 36))
    assert keeper._saved_at is not None
    assert keeper._saved_at.strftime("%H:%M:%S") in keeper.saved_label.text()


def test_project_in_a_cloud_synced_folder_is_flagged(qtbot, tmp_path: Path) -> None:
    win = open_window(qtbot, tmp_path, _project(tmp_path / "OneDrive" / "课题"))
    warning = win.safekeeping.place_label
    assert "OneDrive" in warning.text()
    assert warning.toolTip()

    local = open_window(qtbot, tmp_path, _project(tmp_path / "local"), ini="other.ini")
    assert local.safekeeping.place_label.text() == ""
