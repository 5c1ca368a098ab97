"""The Chinese text tools in the window: unit numbers, coding a whole unit, snapping, search."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QMenu
from window_support import open_window

from annotator.db.models import Tombstone
from annotator.project import Project
from annotator.ui.actions import ActionId
from annotator.ui.codebook.code_chooser import CodeChooser
from annotator.ui.main_window import MainWindow
from annotator.ui.offsets import OffsetMap
from annotator.ui.search.search_model import CONTEXT_PARTS_ROLE, UNIT

# Shaped like the seed articles saved from the web: title and byline, full-width indentation,
# sections "一、", a number alone on its line with the sub-title on the next.
SEED = (
    "地方科技体制改革的实践与展望\n"
    "来源：示例日报  作者：示例\n"
    "\u3000\u3000党的十八大以来，各地围绕科技体制改革开展了大量探索。\n"
    "\n"
    "  一、 新时代地方科技体制改革成效显著\n"
    "  1\n"
    "  从政策引领到立法保障\n"
    "\u3000\u3000近年来，多地出台科技创新条例，把改革经验上升为法规。\n"
    "\u3000\u3000多地成立科技创新委员会，推广科技创新券通用通兑。\n"
    "  二、 地方科技体制改革面临的挑战\n"
    "\u3000\u3000一是协同不足；二是评价偏重数量。\n"
)
# Counted by hand: document 1; section 0 before the first heading; the lone "1" opens
# sub-section 1-1-1 and takes the next line as its title.
SEED_UNITS = [
    ("1-0-1", "地方科技体制改革的实践与展望"),
    ("1-0-2", "来源：示例日报  作者：示例"),
    ("1-0-3", "党的十八大以来，各地围绕科技体制改革开展了大量探索。"),
    ("1-1-0", "一、 新时代地方科技体制改革成效显著"),
    ("1-1-1-0", "1\n  从政策引领到立法保障"),
    ("1-1-1-1", "近年来，多地出台科技创新条例，把改革经验上升为法规。"),
    ("1-1-1-2", "多地成立科技创新委员会，推广科技创新券通用通兑。"),
    ("1-2-0", "二、 地方科技体制改革面临的挑战"),
    ("1-2-1", "一是协同不足；二是评价偏重数量。"),
]
# 创新 occurs five times: as a whole word (counted by hand from the segmentation) in 科技|创新,
# 创新|驱动 and 鼓励|创新, and inside the words 创新券 and 科技创新券.
SEARCH_A = "推动科技创新。坚持创新驱动。\n创新券通用通兑，鼓励创新。"
SEARCH_B = "推广科技创新券通用通兑。"



def tombstones(project: Project) -> set[tuple[str, str]]:
    """What the project keeps as deleted here (for merges)."""
    with project.session_scope() as s:
        return {(k, g) for k, g in s.execute(sa.select(Tombstone.kind, Tombstone.guid))}

def make_window(qtbot, tmp_path: Path, project_path: Path, ini: str = "settings.ini"
                ) -> MainWindow:
    return open_window(qtbot, tmp_path, project_path, size=(1300, 900), ini=ini)


@pytest.fixture
def seed_project(tmp_path: Path) -> Path:
    path = tmp_path / "seed.annot"
    with Project.create(path, coder="甲") as project:
        project.add_document("地方科技体制改革", SEED)
        parent = project.add_code("区域协同创新")
        project.add_code("机制协同", parent_id=parent.id, colour="#8FD3A8")
        project.add_code("资源协同", parent_id=parent.id, colour="#9CC3F0")
    return path


@pytest.fixture
def window(qtbot, tmp_path: Path, seed_project: Path) -> MainWindow:
    return make_window(qtbot, tmp_path, seed_project)


def code_id(win: MainWindow, path: str) -> int:
    info = win.hub.require().find_code(path)
    assert info is not None
    return info.id


def stored(win: MainWindow) -> list[str]:
    return sorted(p.text for p in win.hub.require().passages())


def select(win: MainWindow, start: int, end: int) -> None:
    editor = win.article.editor()
    offsets = OffsetMap(editor.toPlainText())
    cursor = editor.textCursor()
    cursor.setPosition(offsets.to_utf16(start))
    cursor.setPosition(offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def put_cursor(win: MainWindow, offset: int) -> None:
    select(win, offset, offset)


def point_of(win: MainWindow, offset: int) -> QPoint:
    editor = win.article.editor()
    cursor = QTextCursor(editor.document())
    cursor.setPosition(OffsetMap(editor.toPlainText()).to_utf16(offset))
    return editor.cursorRect(cursor).center()


def find_menu(menu: QMenu, title_start: str) -> QMenu:
    for action in menu.actions():
        sub = action.menu()
        if sub is not None and action.text().startswith(title_start):
            return sub
    raise AssertionError(f"no submenu {title_start!r}")


def find_code_action(menu: QMenu, code: int):
    for action in menu.actions():
        if action.data() == code:
            return action
        if action.menu() is not None:
            found = find_code_action(action.menu(), code)
            if found is not None:
                return found
    return None


# -- unit numbers ----------------------------------------------------------------------------
def test_margin_numbers_every_unit_of_a_seed_shaped_text(window: MainWindow) -> None:
    text = window.hub.require().document_text(window.article.document_id())
    units = window.article.units()
    assert [(u.number, text[u.start:u.end]) for u in units] == SEED_UNITS
    # All of this short text is visible, so every number is painted, in order.
    assert window.article.unit_numbers_shown() == [n for n, _ in SEED_UNITS]
    margin = window.article.margin()
    assert margin.number_width > 0
    # The number column really has ink where the first unit's line is.
    image = margin.grab().toImage()
    base = QColor(image.pixel(1, 1))
    top = int(window.article.editor().line_top(0))
    inked = [
        (x, y) for x in range(margin.number_width) for y in range(max(top, 0), top + 20)
        if QColor(image.pixel(x, y)) != base
    ]
    assert inked


def test_clicking_a_unit_number_selects_the_unit(window: MainWindow) -> None:
    unit = window.article.units()[5]
    window.article.margin().unitClicked.emit(unit)
    assert window.article.selected_span() == (unit.start, unit.end)


# -- code whole unit -------------------------------------------------------------------------
def test_code_whole_unit_from_the_menu_action_and_undo(window: MainWindow, monkeypatch) -> None:
    text = window.hub.require().document_text(window.article.document_id())
    mechanism = code_id(window, "区域协同创新/机制协同")
    asked = []

    def choose(_parent, codes, current, prompt):
        asked.append(prompt)
        return mechanism

    monkeypatch.setattr(CodeChooser, "ask", staticmethod(choose))
    put_cursor(window, text.index("上升为法规"))  # in the middle of unit 1-1-1-1
    before = window.hub.undo_stack.count()
    window.chinese_tools.actions[ActionId.CODE_UNIT].trigger()
    assert "1-1-1-1" in asked[0]
    assert stored(window) == ["近年来，多地出台科技创新条例，把改革经验上升为法规。"]
    assert window.hub.undo_stack.count() == before + 1
    window.undo_action.trigger()
    assert stored(window) == []
    assert tombstones(window.hub.require()) == set()
    window.redo_action.trigger()
    assert stored(window) == ["近年来，多地出台科技创新条例，把改革经验上升为法规。"]


def test_code_whole_unit_from_the_right_click_menu(window: MainWindow) -> None:
    text = window.hub.require().document_text(window.article.document_id())
    resources = code_id(window, "区域协同创新/资源协同")
    # Right-click on the indentation before the paragraph: still that paragraph's unit.
    menu = window.article.build_context_menu(point_of(window, text.index("多地成立") - 1))
    unit_menu = find_menu(menu, "Code whole unit 1-1-1-2")
    find_code_action(unit_menu, resources).trigger()
    assert stored(window) == ["多地成立科技创新委员会，推广科技创新券通用通兑。"]
    window.undo_action.trigger()
    assert stored(window) == []


def test_code_unit_without_a_cursor_in_text_does_nothing(window: MainWindow,
                                                         monkeypatch) -> None:
    window.article.show_document(None)
    monkeypatch.setattr(CodeChooser, "ask", staticmethod(lambda *_a: pytest.fail("asked")))
    assert window.chinese_tools.code_unit_at_cursor() is False


# -- snapping --------------------------------------------------------------------------------
def test_snapping_widens_the_coded_span_and_can_be_switched_off(
    window: MainWindow, qtbot, tmp_path: Path, seed_project: Path
) -> None:
    text = window.hub.require().document_text(window.article.document_id())
    resources = code_id(window, "区域协同创新/资源协同")
    start = text.index("科技创新券")
    assert window.chinese_tools.actions[ActionId.SNAP_TO_WORDS].isChecked()  # on by default
    select(window, start, start + 4)  # 科技创新 — the word 科技创新券 cut in half
    window.apply_code_to_selection(resources)
    assert stored(window) == ["科技创新券"]
    # The user's selection on screen was not moved.
    cursor = window.article.editor().textCursor()
    assert cursor.selectionEnd() - cursor.selectionStart() == 4

    window.chinese_tools.actions[ActionId.SNAP_TO_WORDS].trigger()  # off
    select(window, start, start + 4)
    window.apply_code_to_selection(resources)
    assert stored(window) == ["科技创新", "科技创新券"]
    window.close()
    # Remembered in the settings.
    again = make_window(qtbot, tmp_path, seed_project)
    assert not again.chinese_tools.actions[ActionId.SNAP_TO_WORDS].isChecked()
    assert not again.article.snaps_to_words()


def test_snapping_leaves_whole_words_alone(window: MainWindow) -> None:
    text = window.hub.require().document_text(window.article.document_id())
    start = text.index("多地出台")
    select(window, start, start + 4)
    assert window.article.selected_span() == (start, start + 4)
    select(window, start + 1, start + 3)  # 地出: cuts 多地 and 出台
    assert window.article.selected_span() == (start, start + 4)


# -- search ----------------------------------------------------------------------------------
@pytest.fixture
def search_window(qtbot, tmp_path: Path) -> MainWindow:
    path = tmp_path / "search.annot"
    with Project.create(path, coder="甲") as project:
        project.add_document("甲文", SEARCH_A)
        project.add_document("乙文", SEARCH_B)
        project.add_code("创新驱动", colour="#F2C94C")
    return make_window(qtbot, tmp_path, path)


def run(win: MainWindow, query: str, mode: str = "phrase", whole_words: bool = False):
    panel = win.chinese_tools.search_panel
    win.chinese_tools.actions[ActionId.SEARCH].trigger()
    panel.query.setText(query)
    panel.mode.setCurrentIndex(panel.mode.findData(mode))
    panel.whole_words.setChecked(whole_words)
    return panel.run_search()


def test_search_modes_list_results_with_units_and_context(search_window: MainWindow) -> None:
    panel = search_window.chinese_tools.search_panel
    result = run(search_window, "创新", whole_words=True)
    assert panel.isVisible()
    assert (result.total, result.document_count) == (3, 1)
    model = panel.model
    assert model.rowCount() == 3
    assert [model.index(r, UNIT).data() for r in range(3)] == ["1-0-1", "1-0-1", "1-0-2"]
    assert model.index(0, 2).data(CONTEXT_PARTS_ROLE) == (
        "推动科技", "创新", "。坚持创新驱动。 ⏎ 创新券通用通兑，鼓励创新。")
    assert run(search_window, "创新券", whole_words=True).total == 1  # not in 科技创新券
    assert run(search_window, "创新[券驱]", mode="regex").total == 3
    assert run(search_window, "(", mode="regex") is None  # a broken pattern is reported
    assert panel.model.rowCount() == 0 and panel.status.text()


def test_search_finds_every_occurrence_by_default(search_window: MainWindow) -> None:
    panel = search_window.chinese_tools.search_panel
    result = run(search_window, "创新")
    assert (result.total, result.document_count) == (5, 2)  # also in 创新券, 科技创新券
    contexts = [panel.model.index(r, 2).data(CONTEXT_PARTS_ROLE) for r in range(5)]
    assert [c[1] for c in contexts] == ["创新"] * 5
    assert contexts[2][2].startswith("券通用通兑")  # inside 创新券
    assert run(search_window, "创新券").total == 2
    # The whole-words box is for text search; a regular expression has its own rules.
    panel.mode.setCurrentIndex(panel.mode.findData("regex"))
    assert not panel.whole_words.isEnabled()
    panel.mode.setCurrentIndex(panel.mode.findData("phrase"))
    assert panel.whole_words.isEnabled()


def test_simplified_queries_find_traditional_text(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "hk.annot"
    with Project.create(path, coder="甲") as project:
        project.add_document("香港", "InnoHK督導委員會甄選出28間研發實驗室。")
        project.add_document("内地", "发挥实验室作用。")
    win = make_window(qtbot, tmp_path, path)
    result = run(win, "实验室")
    assert result.total == 2
    panel = win.chinese_tools.search_panel
    assert [panel.model.index(r, 2).data(CONTEXT_PARTS_ROLE)[1] for r in range(2)] == [
        "實驗室", "实验室"]
    assert run(win, "實驗室", whole_words=True).total == 2


def test_double_click_on_a_result_jumps_to_it(search_window: MainWindow) -> None:
    run(search_window, "创新", whole_words=True)
    panel = search_window.chinese_tools.search_panel
    hit = panel.model.hit(2)
    panel.view.doubleClicked.emit(panel.model.index(2, 2))
    assert search_window.article.document_id() == hit.document_id
    assert search_window.article.selected_span() == (hit.start, hit.end)


def test_code_all_results_is_one_undo_step(search_window: MainWindow) -> None:
    project = search_window.hub.require()
    panel = search_window.chinese_tools.search_panel
    run(search_window, "创新", whole_words=True)
    code = project.find_code("创新驱动").id
    panel.set_code(code)
    stack = search_window.hub.undo_stack
    before = stack.count()
    assert panel.code_results("match") == 3
    passages = project.passages()
    assert [p.text for p in passages] == ["创新"] * 3
    assert stack.count() == before + 1
    ids = sorted(p.id for p in passages)
    search_window.undo_action.trigger()
    assert project.passages() == []
    search_window.redo_action.trigger()
    assert sorted(p.id for p in project.passages()) == ids  # the same passages come back
    search_window.undo_action.trigger()
    assert project.passages() == []
    # Undone codings never left this file: nothing is kept to block a later merge.
    assert tombstones(project) == set()


def test_code_all_results_codes_every_match_found_not_only_those_listed(
    search_window: MainWindow, monkeypatch
) -> None:
    from annotator.ui.search import search_panel

    monkeypatch.setattr(search_panel, "DISPLAY_LIMIT", 2)
    project = search_window.hub.require()
    panel = search_window.chinese_tools.search_panel
    result = run(search_window, "创新")
    assert panel.model.rowCount() == 2 and result.total == 5
    assert "coding takes all" in panel.status.text()
    panel.set_code(project.find_code("创新驱动").id)
    stack = search_window.hub.undo_stack
    before = stack.count()
    assert panel.code_results("match") == 5
    coded = {(p.document_id, p.start, p.end) for p in project.passages()}
    assert coded == {(h.document_id, h.start, h.end) for h in result.all_hits()}
    assert {p.text for p in project.passages()} == {"创新"}
    assert stack.count() == before + 1
    search_window.undo_action.trigger()
    assert project.passages() == []


def test_code_results_sentences_and_paragraphs(search_window: MainWindow) -> None:
    project = search_window.hub.require()
    panel = search_window.chinese_tools.search_panel
    run(search_window, "创新", whole_words=True)
    panel.set_code(project.find_code("创新驱动").id)
    assert panel.code_results("sentence") == 3
    assert sorted(p.text for p in project.passages()) == [
        "创新券通用通兑，鼓励创新。", "坚持创新驱动。", "推动科技创新。"]
    search_window.undo_action.trigger()
    assert panel.code_results("paragraph") == 2  # two hits share the first paragraph
    assert sorted(p.text for p in project.passages()) == [
        "创新券通用通兑，鼓励创新。", "推动科技创新。坚持创新驱动。"]
    search_window.undo_action.trigger()
    assert project.passages() == []


def test_search_models_pass_the_model_tester(search_window: MainWindow, qtmodeltester) -> None:
    run(search_window, "创新")
    qtmodeltester.check(search_window.chinese_tools.search_panel.model)


# -- menus and loading -----------------------------------------------------------------------
def test_tools_are_reachable_from_the_menu_bar(window: MainWindow) -> None:
    menus = {a.text(): a.menu() for a in window.menuBar().actions() if a.menu() is not None}
    assert [a.text() for a in menus["&Words"].actions()] == [
        "&Search…", "Word &frequencies and keywords…", "Word &lists (terms, stopwords)…"]
    code_menu = [a.text() for a in menus["&Code"].actions()]
    for text in ("Code whole &unit…", "A&uto-code by keywords…", "&Review proposals…"):
        assert text in code_menu
    tools = window.chinese_tools
    assert tools.actions[ActionId.SNAP_TO_WORDS] in menus["&Edit"].actions()
    assert tools.actions[ActionId.CODE_UNIT].shortcut().toString() == "Ctrl+U"
    assert tools.actions[ActionId.SEARCH].shortcut().toString() == "Ctrl+Shift+F"


def test_jieba_is_warmed_up_for_the_project_terms(
    qtbot, tmp_path: Path, seed_project: Path, monkeypatch
) -> None:
    from annotator.ui.commands import UpdateCode
    from annotator.ui.words import tools as tools_module
    from annotator.words.terms import project_terms

    calls: list[frozenset[str]] = []
    monkeypatch.setattr(tools_module, "warm_up_in_background",
                        lambda terms: calls.append(frozenset(terms)))
    win = make_window(qtbot, tmp_path, seed_project)
    project = win.hub.require()
    assert calls == []  # not before the project is on screen: it would delay the first paint
    qtbot.waitUntil(lambda: bool(calls))
    assert calls[-1] == project_terms(project)
    n = len(calls)
    win.hub.undo_stack.push(
        UpdateCode(win.hub, code_id(win, "区域协同创新/机制协同"), keywords=["科技副总"]))
    assert len(calls) == n + 1 and "科技副总" in calls[-1]  # keywords are terms


def test_warm_up_runs_in_a_worker_thread(monkeypatch) -> None:
    import threading

    from PySide6.QtCore import QThreadPool

    from annotator.ui.words import warmup

    threads: list[int] = []
    monkeypatch.setattr(warmup, "warm_up", lambda terms: threads.append(threading.get_ident()))
    warmup.warm_up_in_background({"科技副总"})
    assert QThreadPool.globalInstance().waitForDone(10_000)
    assert threads and threads[0] != threading.get_ident()


def test_the_tools_follow_the_language(window: MainWindow) -> None:
    from PySide6.QtWidgets import QApplication

    from annotator.ui.i18n import install_translators

    app = QApplication.instance()
    tools = window.chinese_tools
    try:
        install_translators(app, "zh_CN")
        app.processEvents()
        assert tools.words_menu.title() == "词语(&W)"
        assert tools.actions[ActionId.SNAP_TO_WORDS].text() == "选区对齐到完整词语(&W)"
        assert tools.search_panel.code_buttons["match"].text() == "编码全部结果"
    finally:
        install_translators(app, "en")
        app.processEvents()
    assert tools.words_menu.title() == "&Words"
    assert tools.search_panel.code_buttons["match"].text() == "Code all results"
