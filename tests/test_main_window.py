"""The coding desk as a researcher uses it, headless (pytest-qt, offscreen)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor

from annotator.project import Project
from annotator.ui.file_dialogs import FileDialogs
from annotator.ui.main_window import MainWindow
from annotator.ui.offsets import OffsetMap
from annotator.ui.settings import Settings

TEXT = (
    "区域科技创新合作的若干意见\n"
    "一、建立跨区域协同机制\n"
    "三地建立联席会议制度，𠮷常态化推进“信息互通、监管互认”。\n"
    "二、推动资源共享\n"
    "推广科技创新券通用通兑。\n"
)


@pytest.fixture
def study(tmp_path: Path) -> Path:
    path = tmp_path / "study.annot"
    with Project.create(path, coder="甲") as project:
        project.add_document("区域合作意见", TEXT, attributes={"地区": "京津冀"})
        parent = project.add_code("区域协同创新")
        project.add_code("机制协同", parent_id=parent.id, shortcut="1", colour="#8FD3A8")
        project.add_code("资源协同", parent_id=parent.id, colour="#9CC3F0")
    return path


@pytest.fixture
def window(qtbot, tmp_path: Path, study: Path) -> MainWindow:
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_project(study)
    return win


def select(win: MainWindow, start: int, end: int) -> None:
    """Select code points [start, end) with a real text cursor in the article widget."""
    editor = win.article.editor()
    offsets = OffsetMap(editor.toPlainText())
    cursor = editor.textCursor()
    cursor.setPosition(offsets.to_utf16(start))
    cursor.setPosition(offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def code_id(win: MainWindow, path: str) -> int:
    info = win.hub.require().find_code(path)
    assert info is not None
    return info.id


def passages(win: MainWindow) -> list[tuple[str, str]]:
    project = win.hub.require()
    codes = {c.id: c.name for c in project.codes()}
    return [(codes[p.code_id], p.text) for p in project.passages()]


def test_opening_shows_first_document(window: MainWindow) -> None:
    assert window.article.document_id() is not None
    assert window.article.editor().toPlainText() == TEXT.rstrip("\n")
    assert "study.annot" in window.windowTitle()


def test_code_by_shortcut_undo_redo(window: MainWindow, qtbot) -> None:
    start = TEXT.index("𠮷常态化")
    select(window, start, start + 4)
    window.article.editor().setFocus()
    qtbot.keyClick(window.article.editor(), Qt.Key.Key_1)
    assert passages(window) == [("机制协同", "𠮷常态化")]
    # the passage shows in the bottom pane for the code
    window.codebook.select_code(code_id(window, "区域协同创新/机制协同"))
    assert window.passages.model.rowCount() == 1
    window.undo_action.trigger()
    assert passages(window) == []
    window.redo_action.trigger()
    assert passages(window) == [("机制协同", "𠮷常态化")]
    qtbot.keyClick(window.article.editor(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert passages(window) == []
    qtbot.keyClick(window.article.editor(), Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert passages(window) == [("机制协同", "𠮷常态化")]


def test_code_by_click_on_code(window: MainWindow) -> None:
    start = TEXT.index("科技创新券")
    select(window, start, start + 5)
    window.codebook.codeClicked.emit(code_id(window, "区域协同创新/资源协同"))
    assert passages(window) == [("资源协同", "科技创新券")]
    # highlighted at once: an extra selection now covers the span
    offsets = OffsetMap(TEXT)
    spans = {(s.cursor.selectionStart(), s.cursor.selectionEnd())
             for s in window.article.editor().extraSelections()}
    assert offsets.span_to_utf16(start, start + 5) in spans
    assert window.recent.ids()[0] == code_id(window, "区域协同创新/资源协同")


def test_click_without_selection_codes_nothing(window: MainWindow) -> None:
    window.article.editor().moveCursor(QTextCursor.MoveOperation.Start)
    window.codebook.codeClicked.emit(code_id(window, "区域协同创新/资源协同"))
    assert passages(window) == []


def test_double_click_in_bottom_pane_jumps(window: MainWindow) -> None:
    project = window.hub.require()
    doc = project.documents()[0]
    start = TEXT.index("通用通兑")
    project.apply_code(doc.id, code_id(window, "区域协同创新/资源协同"), start, start + 4)
    window.hub.notify_passages(None)
    window.codebook.select_code(code_id(window, "区域协同创新/资源协同"))
    assert window.passages.model.rowCount() == 1
    index = window.passages.model.index(0, 2)
    window.passages.view.doubleClicked.emit(index)
    assert window.article.selected_span() == (start, start + 4)


def test_new_code_from_selection(window: MainWindow) -> None:
    start = TEXT.index("联席会议制度")
    select(window, start, start + 6)
    window.actions_[__import__("annotator.ui.actions", fromlist=["ActionId"]).ActionId
                    .CODE_FROM_SELECTION].trigger()
    assert ("联席会议制度", "联席会议制度") in passages(window)
    window.undo_action.trigger()  # one step undoes code and coding
    assert window.hub.require().find_code("联席会议制度") is None
    assert passages(window) == []


def test_export_from_menu(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    start = TEXT.index("联席会议")
    select(window, start, start + 4)
    window.apply_code_to_selection(code_id(window, "区域协同创新/机制协同"))
    target = tmp_path / "out" / "coded.xlsx"
    target.parent.mkdir()
    monkeypatch.setattr(FileDialogs, "export_excel", staticmethod(lambda *_a: target))
    from annotator.ui.actions import ActionId

    window.actions_[ActionId.EXPORT_EXCEL].trigger()
    rows = list(openpyxl.load_workbook(target)["编码片段"].iter_rows(values_only=True))
    assert len(rows) == 2 and any("联席会议" in str(cell) for cell in rows[1])
    assert [p.name for p in target.parent.iterdir()] == ["coded.xlsx"]  # no temp file left


def test_import_from_menu_reports_failures(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    good = tmp_path / "good.txt"
    good.write_text("新型研发机构建设情况\n一、基本情况\n共建研究院十二家。\n", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    shown = []
    from annotator.ui import transfer
    from annotator.ui.actions import ActionId

    monkeypatch.setattr(FileDialogs, "import_files", staticmethod(lambda *_a: [good, bad]))
    monkeypatch.setattr(transfer.ImportReportDialog, "show_report",
                        classmethod(lambda cls, report, parent=None: shown.append(report)))
    window.actions_[ActionId.IMPORT_FILES].trigger()
    assert len(window.hub.require().documents()) == 2
    assert window.documents.model.rowCount() == 2
    (report,) = shown
    (failed,) = [o for o in report.outcomes if o.status == "failed"]
    assert failed.reason == "empty file" and failed.path.endswith("bad.txt")


def test_splitters_and_recent_projects_are_remembered(qtbot, tmp_path: Path, study: Path) -> None:
    ini = str(tmp_path / "settings.ini")
    settings = Settings(QSettings(ini, QSettings.Format.IniFormat))
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    win.open_project(study)
    win.top_splitter.setSizes([111, 700, 300])
    sizes = win.top_splitter.sizes()
    win.close()
    again = MainWindow(Settings(QSettings(ini, QSettings.Format.IniFormat)))
    qtbot.addWidget(again)
    again.show()
    # The article takes what is left of the (platform-dependent) window width.
    restored = again.top_splitter.sizes()
    assert (restored[0], restored[2]) == (sizes[0], sizes[2])
    assert again.settings.recent_projects[0] == str(study.resolve())


def test_models_pass_the_model_tester(window: MainWindow, qtmodeltester) -> None:
    project = window.hub.require()
    doc = project.documents()[0]
    project.apply_code(doc.id, code_id(window, "区域协同创新/机制协同"), 0, 4)
    window.hub.notify_passages(None)
    window.codebook.select_code(code_id(window, "区域协同创新/机制协同"))
    qtmodeltester.check(window.documents.model)
    qtmodeltester.check(window.passages.model)


def test_edit_attributes_is_undoable(window: MainWindow, monkeypatch) -> None:
    from annotator.ui.documents.attributes_dialog import AttributesDialog

    doc = window.hub.require().documents()[0]
    monkeypatch.setattr(
        AttributesDialog, "ask",
        classmethod(lambda cls, info, parent=None: ("新标题", {"文号": "京科发〔2023〕5号"})),
    )
    window.documents.edit_attributes()
    info = window.hub.require().document(doc.id)
    assert (info.title, info.attributes) == ("新标题", {"文号": "京科发〔2023〕5号"})
    assert window.documents.model.document_at(0).title == "新标题"
    window.undo_action.trigger()
    info = window.hub.require().document(doc.id)
    assert (info.title, info.attributes) == ("区域合作意见", {"地区": "京津冀"})


def test_dropping_files_on_the_window_imports_them(window: MainWindow, tmp_path: Path) -> None:
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    article = tmp_path / "dropped.txt"
    article.write_text("科技金融改革观察\n一、知识产权质押融资扩面。\n", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(article))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert "科技金融改革观察" in [d.title for d in window.hub.require().documents()]


def test_a_project_from_a_newer_annotator_is_refused(window: MainWindow, tmp_path: Path) -> None:
    import sqlite3

    from annotator.ui.messages import Messages

    newer = tmp_path / "newer.annot"
    Project.create(newer).close()
    con = sqlite3.connect(newer)
    con.execute("UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    con.commit()
    con.close()
    assert not window.open_project(newer)
    assert "newer" in Messages.last_error
    assert window.hub.require().path.name == "study.annot"  # the open project stays open
