"""Where the search results go in the window: under the article, beside the passages, never
beside the article (a side dock once left the article a 250-pixel strip at 1600 pixels)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from annotator.project import Project
from annotator.ui.actions import ActionId
from annotator.ui.main_window import MainWindow
from annotator.ui.search.search_model import CONTEXT, UNIT
from annotator.ui.settings import Settings

WIDTH, HEIGHT = 1600, 1000
PARAGRAPH = "各地推广科技创新券通用通兑，企业可以在长三角范围内使用创新券购买科技服务。\n"


@pytest.fixture
def study(tmp_path: Path) -> Path:
    path = tmp_path / "study.annot"
    with Project.create(path, coder="甲") as project:
        project.add_document("区域创新券“通用通兑”的实践", PARAGRAPH * 20)
        project.add_document("科技成果转化", "推动科技成果转化。\n" * 30)
    return path


def open_window(qtbot, tmp_path: Path, study: Path) -> MainWindow:
    win = MainWindow(Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)))
    qtbot.addWidget(win)
    win.resize(WIDTH, HEIGHT)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_project(study)
    return win


def search(win: MainWindow, query: str) -> None:
    panel = win.chinese_tools.search_panel
    win.chinese_tools.actions[ActionId.SEARCH].trigger()
    panel.query.setText(query)
    panel.run_search()


def bottom_height(win: MainWindow) -> int:
    return win.main_splitter.sizes()[1]


def test_search_results_leave_the_article_its_reading_width(qtbot, tmp_path, study) -> None:
    win = open_window(qtbot, tmp_path, study)
    assert win.article.document_id() is not None  # an article is on screen
    search(win, "创新券")
    panel = win.chinese_tools.search_panel
    assert panel.model.rowCount() == 40  # twice per paragraph: in 科技创新券 and in 创新券
    assert (win.width(), win.height()) == (WIDTH, HEIGHT)
    article = win.article.editor().viewport()
    assert article.width() >= 0.45 * WIDTH
    assert article.height() >= 0.45 * HEIGHT
    view = panel.view
    assert view.isVisible()
    header = view.horizontalHeader()
    assert header.sectionSize(0) >= 200 and header.sectionSize(UNIT) >= 60  # document, unit
    assert header.sectionSize(CONTEXT) >= 0.5 * WIDTH  # the words around, not a sliver
    assert view.rowAt(view.viewport().height() - 1) >= 5  # six or more hits in sight
    assert view.model().index(0, UNIT).data() == "1-0-1"


def test_the_search_is_a_tab_beside_the_passages(qtbot, tmp_path, study) -> None:
    win = open_window(qtbot, tmp_path, study)
    tabs = win.chinese_tools.bottom_tabs
    assert not tabs.tabBar().isVisible() and win.passages.isVisible()  # as before: no tabs
    search(win, "创新券")
    assert tabs.tabBar().isVisible() and tabs.currentWidget() is win.chinese_tools.search_panel
    assert not win.passages.isVisible()
    tabs.tabCloseRequested.emit(tabs.currentIndex())
    assert not tabs.tabBar().isVisible() and win.passages.isVisible()


def test_the_pane_height_the_user_chose_is_kept(qtbot, tmp_path, study) -> None:
    win = open_window(qtbot, tmp_path, study)
    total = sum(win.main_splitter.sizes())
    search(win, "创新券")
    comfortable = bottom_height(win)
    win.main_splitter.setSizes([total - 600, 600])  # the user drags the results taller
    search(win, "创新券")
    assert bottom_height(win) == 600
    win.close()

    again = open_window(qtbot, tmp_path, study)
    assert bottom_height(again) == 600  # remembered with the window
    again.main_splitter.setSizes([total - 100, 100])  # dragged low, then asked for again
    search(again, "创新券")
    assert bottom_height(again) == comfortable
