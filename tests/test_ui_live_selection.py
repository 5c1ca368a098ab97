"""A click on a code codes only a live selection: text selected in the article since the last
coding and the last change of document, and still selected. Otherwise the click only chooses
the code (the user may mean to rename or delete it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from window_support import open_window

from annotator.project import Project
from annotator.ui.main_window import MainWindow
from annotator.ui.offsets import OffsetMap
from annotator.ui.recent_codes import SPAN_MIME, encode_span

# From the State Council's 2016 opinions on regional innovation (public policy text).
TEXT = (
    "关于加强区域科技创新合作的意见\n"
    "一、建立跨区域协同机制\n"
    "三地建立联席会议制度，常态化推进信息互通、监管互认。\n"
    "二、推动资源共享\n"
    "推广科技创新券通用通兑，促进大型科研仪器开放共享。\n"
)
SECOND = "京津冀协同发展规划纲要\n推动交通一体化，建设轨道上的京津冀。\n"


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    path = tmp_path / "study.annot"
    with Project.create(path, coder="甲") as project:
        project.add_document("区域合作意见", TEXT)
        project.add_document("规划纲要", SECOND)
        parent = project.add_code("区域协同创新")
        project.add_code("机制协同", parent_id=parent.id, shortcut="1")
        project.add_code("资源协同", parent_id=parent.id)
    return open_window(qtbot, tmp_path, path)


def code(win: MainWindow, path: str) -> int:
    info = win.hub.require().find_code(path)
    assert info is not None
    return info.id


def coded(win: MainWindow) -> list[tuple[str, str]]:
    project = win.hub.require()
    names = {c.id: c.name for c in project.codes()}
    return sorted((names[p.code_id], p.text) for p in project.passages())


def drag_select(win: MainWindow, phrase: str) -> None:
    """Select ``phrase`` with the mouse: press at its first character, release past its last."""
    editor = win.article.editor()
    start = editor.toPlainText().index(phrase)
    offsets = OffsetMap(editor.toPlainText())

    def point(pos: int) -> QPoint:
        cursor = QTextCursor(editor.document())
        cursor.setPosition(offsets.to_utf16(pos))
        return editor.cursorRect(cursor).center()

    viewport = editor.viewport()
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     point(start))
    QTest.mouseMove(viewport, point(start + len(phrase)))
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       point(start + len(phrase)))
    assert editor.textCursor().selectedText() == phrase


def click_elsewhere(win: MainWindow, qtbot) -> None:
    editor = win.article.editor()
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(editor.viewport().width() - 5, 5))


def click_code(win: MainWindow, qtbot, code_id: int) -> None:
    """A real mouse click on the code's row in the codebook tree."""
    tree = win.codebook.tree()
    source = win.codebook.model().index_for(code_id)
    index = tree.model().mapFromSource(source)
    tree.scrollTo(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton,
                     pos=tree.visualRect(index).center())


def test_a_fresh_selection_is_coded_by_a_click(window: MainWindow, qtbot) -> None:
    drag_select(window, "联席会议制度")
    click_code(window, qtbot, code(window, "区域协同创新/机制协同"))
    assert coded(window) == [("机制协同", "联席会议制度")]


def test_a_click_after_the_selection_was_coded_only_chooses_the_code(
    window: MainWindow, qtbot
) -> None:
    drag_select(window, "联席会议制度")
    click_code(window, qtbot, code(window, "区域协同创新/机制协同"))
    resources = code(window, "区域协同创新/资源协同")
    click_code(window, qtbot, resources)  # meant to choose it (to delete it, say)
    assert coded(window) == [("机制协同", "联席会议制度")]
    assert window.codebook.current_code_id() == resources
    assert window.article.editor().textCursor().selectedText() == "联席会议制度"  # still shown
    assert "Not coded" in window.statusBar().currentMessage()
    # The code's key does not code it again either; a new selection is coded.
    window.article.editor().setFocus()
    qtbot.keyClick(window.article.editor(), Qt.Key.Key_1)
    assert coded(window) == [("机制协同", "联席会议制度")]
    drag_select(window, "科技创新券")
    click_code(window, qtbot, resources)
    assert coded(window) == [("机制协同", "联席会议制度"), ("资源协同", "科技创新券")]


def test_selecting_the_same_words_again_makes_them_live(window: MainWindow, qtbot) -> None:
    drag_select(window, "监管互认")
    click_code(window, qtbot, code(window, "区域协同创新/机制协同"))
    click_elsewhere(window, qtbot)  # pressing inside the selection would drag it
    drag_select(window, "监管互认")
    click_code(window, qtbot, code(window, "区域协同创新/资源协同"))
    assert coded(window) == [("机制协同", "监管互认"), ("资源协同", "监管互认")]


def test_a_click_after_the_article_lost_the_selection_codes_nothing(
    window: MainWindow, qtbot
) -> None:
    drag_select(window, "信息互通")
    click_elsewhere(window, qtbot)  # a click in the article clears the selection
    assert not window.article.editor().textCursor().hasSelection()
    click_code(window, qtbot, code(window, "区域协同创新/机制协同"))
    assert coded(window) == []


def test_a_selection_from_a_jump_or_another_document_is_not_live(
    window: MainWindow, qtbot
) -> None:
    project = window.hub.require()
    first, second = project.documents()
    start = TEXT.index("通用通兑")
    project.apply_code(first.id, code(window, "区域协同创新/资源协同"), start, start + 4)
    window.hub.notify_passages(None)
    window.jump_to(first.id, start, start + 4)  # as a double-click in the passages pane does
    assert window.article.editor().textCursor().selectedText() == "通用通兑"
    click_code(window, qtbot, code(window, "区域协同创新/机制协同"))
    assert coded(window) == [("资源协同", "通用通兑")]
    drag_select(window, "联席会议")
    window.documents.select_document(second.id)
    window.documents.select_document(first.id)
    click_code(window, qtbot, code(window, "区域协同创新/机制协同"))
    assert coded(window) == [("资源协同", "通用通兑")]


def test_drag_and_the_recent_codes_menu_still_code(window: MainWindow, qtbot) -> None:
    doc = window.article.document_id()
    start = TEXT.index("联席会议")
    mime = QMimeData()
    mime.setData(SPAN_MIME, encode_span(doc, start, start + 4))
    model = window.codebook.model()
    target = model.index_for(code(window, "区域协同创新/机制协同"))
    assert model.dropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, target)
    assert coded(window) == [("机制协同", "联席会议")]
    # Right-click → a recent code codes the selection (explicitly chosen for it).
    drag_select(window, "开放共享")
    menu = window.article.build_context_menu()
    (recent,) = [a for a in menu.actions() if a.text() == "区域协同创新 / 机制协同"]
    recent.trigger()
    assert coded(window) == [("机制协同", "开放共享"), ("机制协同", "联席会议")]
