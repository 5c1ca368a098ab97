"""The window on a read-only project, on a project open in another window, and on a project a
command changes meanwhile."""

from __future__ import annotations

from pathlib import Path

import pytest
from window_support import open_window

import annotator.project as project_module
from annotator.errors import ProjectStorageError, ReadOnlyProjectError
from annotator.project import Project
from annotator.ui.actions import ActionId
from annotator.ui.main_window import MainWindow
from annotator.ui.messages import Messages
from annotator.ui.storage_notice import storage_aware_hook

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = (ROOT / "samples" / "02-changsanjiao-kechuang-gongtongti.txt").read_text("utf-8")


@pytest.fixture
def study(tmp_path: Path) -> Path:
    path = tmp_path / "study.annot"
    with Project.create(path, coder="甲") as project:
        doc = project.add_document("长三角科创共同体", ARTICLE)
        code = project.add_code("区域协同", shortcut="1")
        project.apply_code(doc.id, code.id, 0, 8)
    return path


def select(win: MainWindow, start: int, end: int) -> None:
    editor = win.article.editor()
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, cursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def test_a_read_only_project_can_be_browsed_not_coded(qtbot, tmp_path: Path, study: Path,
                                                      monkeypatch) -> None:
    monkeypatch.setattr(project_module, "read_only_reason", lambda _p: "the disk is read-only")
    win = open_window(qtbot, tmp_path, study)
    assert "read-only" in win.windowTitle()
    assert win.status_label.text().startswith("Read-only (the disk is read-only)")
    assert win.article.document_id() is not None  # the article shows
    assert win.documents.model.rowCount() == 1
    assert not win.actions_[ActionId.ADD_CODE].isEnabled()
    assert not win.actions_[ActionId.IMPORT_FILES].isEnabled()
    assert win.actions_[ActionId.EXPORT_EXCEL].isEnabled()
    select(win, 10, 20)
    code = win.hub.require().codes()[0].id
    assert win.apply_code_to_selection(code) is False
    assert "read-only" in win.statusBar().currentMessage()
    assert len(win.hub.require().passages()) == 1


def test_a_second_window_on_the_same_project_is_read_only(qtbot, tmp_path: Path,
                                                          study: Path) -> None:
    first = open_window(qtbot, tmp_path, study, ini="one.ini")
    second = open_window(qtbot, tmp_path, study, ini="two.ini")
    assert first.hub.require().read_only is None
    assert "read-only" not in first.windowTitle()
    assert "read-only" in second.windowTitle()
    assert "another annotator window" in second.status_label.text()
    first.hub.close()  # the first window lets go: the project opened again is writable
    assert second.open_project(study)
    assert second.hub.require().read_only is None


def test_the_window_shows_what_a_command_changed(qtbot, tmp_path: Path, study: Path) -> None:
    win = open_window(qtbot, tmp_path, study)
    assert win.outside_changes.look() is False
    with Project.open(study) as command:
        command.add_document("另一篇", ARTICLE[:400] + "（另一篇）")
    assert win.outside_changes.look() is True
    assert win.documents.model.rowCount() == 2
    assert "changed outside this window" in win.statusBar().currentMessage()
    assert win.outside_changes.look() is False


def test_a_refused_step_is_told_plainly(qtbot, tmp_path: Path, study: Path) -> None:
    win = open_window(qtbot, tmp_path, study)
    passed_on: list[BaseException] = []
    hook = storage_aware_hook(lambda _k, exc, _tb: passed_on.append(exc), lambda: win)
    refused = ReadOnlyProjectError(study, "the disk is read-only")
    hook(ReadOnlyProjectError, refused, None)
    assert str(study) in Messages.last_error and "read-only" in Messages.last_error
    full = ProjectStorageError(study, "disk-full")
    hook(ProjectStorageError, full, None)
    assert Messages.last_error.startswith(str(study)) and "disk is full" in Messages.last_error
    other = ValueError("a bug")
    hook(ValueError, other, None)
    assert passed_on == [other]  # everything else goes to the unexpected-error box


def test_coding_on_a_full_disk_is_told_and_not_left_on_the_undo_stack(
        qtbot, tmp_path: Path, study: Path) -> None:
    from test_faults_storage import limit_pages

    win = open_window(qtbot, tmp_path, study)
    project = win.hub.require()
    doc, code = project.documents()[0].id, project.codes()[0].id
    limit_pages(project._engine, 0)
    with pytest.raises(ProjectStorageError):  # fill the "disk" to its last page
        for start in range(10, 2000):
            project.apply_code(doc, code, start, start + 30, memo="满" * 40)
    count, depth = len(project.passages()), win.hub.undo_stack.count()
    select(win, 0, 60)
    assert win.apply_code_to_selection(code) is False
    assert str(study) in Messages.last_error and "disk is full" in Messages.last_error
    assert win.hub.undo_stack.count() == depth
    assert len(project.passages()) == count
