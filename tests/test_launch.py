"""The window's start: a missing project is asked about, never made silently; an unexpected
error is logged, shown with the log's path, and the window carries on with the work kept."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer

from annotator.logs import close_logging, install_excepthook, setup_logging
from annotator.project import Project
from annotator.ui.error_report import ErrorReporter
from annotator.ui.launch import LaunchQuestions, open_from_command_line
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    win = MainWindow(settings)
    qtbot.addWidget(win)
    return win


class Asked(list):
    """The paths the start asked about, and the answer it gets."""

    answer = False


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> Asked:
    seen = Asked()

    def create_missing(parent, path: Path) -> bool:  # noqa: ANN001
        seen.append(path)
        return seen.answer

    monkeypatch.setattr(LaunchQuestions, "create_missing", staticmethod(create_missing))
    return seen


def test_a_mistyped_project_name_is_asked_about_and_not_made(window, asked, tmp_path) -> None:
    typo = tmp_path / "stduy.annot"
    assert open_from_command_line(window, typo) is False
    assert asked == [typo]
    assert not typo.exists() and window.hub.project is None


def test_yes_creates_the_project(window, asked, tmp_path) -> None:
    asked.answer = True
    new = tmp_path / "new.annot"
    assert open_from_command_line(window, new) is True
    assert new.exists() and window.hub.project.path == new


def test_create_flag_and_existing_files_ask_nothing(window, asked, tmp_path) -> None:
    new = tmp_path / "new.annot"
    assert open_from_command_line(window, new, create=True) is True
    Project.create(tmp_path / "old.annot").close()
    assert open_from_command_line(window, tmp_path / "old.annot") is True
    assert asked == [] and window.hub.project.path == tmp_path / "old.annot"


@pytest.fixture
def hooked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, window):
    """The window's exception hook, with the log in tmp_path and the box recorded."""
    monkeypatch.setenv("ANNOTATOR_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    setup_logging()
    reporter = ErrorReporter()
    reporter.window = window
    shown: list[tuple[str, str, str]] = []
    monkeypatch.setattr(reporter, "show_box", lambda *box: shown.append(box))
    install_excepthook(reporter.report)
    yield shown, tmp_path / "logs" / "annotator.log"
    close_logging()


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_logged_shown_and_the_work_kept(
    qtbot, window, hooked, tmp_path: Path
) -> None:
    shown, log = hooked
    project = window.hub.open(tmp_path / "study.annot", create=True)
    doc = project.add_document("示例", "三地建立联席会议制度。", source_name="a.txt")
    code = project.add_code("机制协同")

    def action_that_fails_after_coding() -> None:
        project.apply_code(doc.id, code.id, 4, 8)
        raise ZeroDivisionError("division by zero in a slot")

    QTimer.singleShot(0, action_that_fails_after_coding)
    qtbot.waitUntil(lambda: bool(shown))
    title, message, details = shown[0]
    assert "ZeroDivisionError: division by zero in a slot" in message
    assert str(log) in message
    assert "action_that_fails_after_coding" in details  # the traceback, for a bug report
    assert "division by zero in a slot" in log.read_text(encoding="utf-8")
    # The window carries on: the coding made before the error is in the file, and the
    # next action works.
    with Project.open(project.path) as again:
        assert [p.text for p in again.passages()] == ["联席会议"]
    project.apply_code(doc.id, code.id, 0, 2)
    assert window.hub.project is project and len(project.passages()) == 2


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_worker_thread_reaches_the_dialog(qtbot, hooked) -> None:
    shown, log = hooked

    def worker() -> None:
        raise ValueError("bad batch in the derived-data worker")

    thread = threading.Thread(target=worker, name="derived-worker")
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(shown))
    assert "ValueError: bad batch" in shown[0][1]
    text = log.read_text(encoding="utf-8")
    assert "in thread derived-worker" in text and "bad batch" in text


@pytest.mark.qt_no_exception_capture
def test_a_window_that_cannot_be_built_says_so_and_ends(
    qtbot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from PySide6.QtWidgets import QApplication

    from annotator.ui import main_window, settings
    from annotator.ui.launch import launch

    app = QApplication.instance()
    monkeypatch.setattr(app, "setOrganizationName", lambda name: None)
    monkeypatch.setattr(app, "setApplicationName", lambda name: None)
    monkeypatch.setenv("ANNOTATOR_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    ini = str(tmp_path / "settings.ini")
    monkeypatch.setattr(settings, "Settings",
                        lambda: Settings(QSettings(ini, QSettings.Format.IniFormat)))

    def broken(*args: object) -> None:
        raise OSError("the font cache is unreadable")

    monkeypatch.setattr(main_window, "MainWindow", broken)
    boxes: list[tuple] = []
    monkeypatch.setattr(ErrorReporter, "show_box",
                        lambda self, *box, modal=False: boxes.append((*box, modal)))
    try:
        assert launch([]) == 1
    finally:
        close_logging()
    ((title, message, details, modal),) = boxes
    assert title == "annotator could not start" and modal
    assert "OSError: the font cache is unreadable" in message
    assert str(tmp_path / "logs" / "annotator.log") in message
    assert "the window could not be built" in (tmp_path / "logs" / "annotator.log").read_text(
        encoding="utf-8")
