"""Team work in the window: the current coder, whose passages show, blind copies and merging
a coder's copy back (pytest-qt, offscreen)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor
from window_support import open_window

from annotator.merge import ConflictKind, MergeReport
from annotator.project import Project
from annotator.ui.actions import ActionId
from annotator.ui.analysis.branch_combo import BranchListModel
from annotator.ui.analysis.filters_panel import ValueListModel
from annotator.ui.file_dialogs import FileDialogs
from annotator.ui.main_window import MainWindow
from annotator.ui.offsets import OffsetMap
from annotator.ui.settings import Settings
from annotator.ui.team.coder_bar import CoderNameDialog
from annotator.ui.team.coders import CODER_ID_ROLE, CoderListModel
from annotator.ui.team.merge_dialog import MergeConflictModel, MergeDialog

TEXT = (
    "区域科技创新合作的若干意见\n"
    "一、建立跨区域协同机制\n"
    "三地建立联席会议制度，常态化推进“信息互通、监管互认”。\n"
    "二、推动资源共享\n"
    "推广科技创新券通用通兑。\n"
)


@pytest.fixture
def study(tmp_path: Path) -> Path:
    """One article; 甲 coded 联席会议制度, 乙 coded 科技创新券 (no overlap)."""
    path = tmp_path / "study.annot"
    with Project.create(path, coder="甲") as project:
        doc = project.add_document("区域合作意见", TEXT, attributes={"地区": "京津冀"})
        text = project.document_text(doc.id)
        parent = project.add_code("区域协同创新")
        mechanism = project.add_code("机制协同", parent_id=parent.id, colour="#8FD3A8")
        resources = project.add_code("资源协同", parent_id=parent.id, colour="#9CC3F0")
        start = text.index("联席会议制度")
        project.apply_code(doc.id, mechanism.id, start, start + 6)
        project.set_coder("乙")
        start = text.index("科技创新券")
        project.apply_code(doc.id, resources.id, start, start + 5)
    return path


@pytest.fixture
def window(qtbot, tmp_path: Path, study: Path) -> MainWindow:
    return open_window(qtbot, tmp_path, study, coder="甲")


def tools(win: MainWindow):
    return win.team_tools  # type: ignore[attr-defined]


def select(win: MainWindow, start: int, end: int) -> None:
    editor = win.article.editor()
    offsets = OffsetMap(editor.toPlainText())
    cursor = editor.textCursor()
    cursor.setPosition(offsets.to_utf16(start))
    cursor.setPosition(offsets.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def choose_in_combo(win: MainWindow, text: str) -> None:
    """Pick an entry of the coder combo as a user does (index change + activated)."""
    combo = tools(win).coder_box.combo
    row = combo.findText(text)
    assert row >= 0, [combo.itemText(i) for i in range(combo.count())]
    combo.setCurrentIndex(row)
    combo.activated.emit(row)


def highlighted_spans(win: MainWindow) -> set[tuple[int, int]]:
    """Code-point spans of the article's highlights (its extra selections)."""
    editor = win.article.editor()
    offsets = OffsetMap(editor.toPlainText())
    return {
        offsets.span_to_code_points(s.cursor.selectionStart(), s.cursor.selectionEnd())
        for s in editor.extraSelections()
    }


def covered(spans: set[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans)


# -- the current coder -----------------------------------------------------------------------


def test_the_coder_combo_lists_the_coders_and_the_current_one(window: MainWindow) -> None:
    combo = tools(window).coder_box.combo
    names = [combo.itemText(i) for i in range(combo.count())]
    assert names[:2] == ["甲", "乙"]
    assert names[-1] == "New coder…"
    assert combo.currentText() == "甲"


def test_choosing_a_coder_gives_new_passages_that_coder(window: MainWindow) -> None:
    project = window.hub.require()
    code = project.find_code("区域协同创新/机制协同")
    choose_in_combo(window, "乙")
    assert project.coder.name == "乙"
    assert window.settings.coder == "乙"  # remembered for the next session
    assert "乙" in window.status_label.text()

    start = TEXT.index("信息互通")
    select(window, start, start + 4)
    assert window.apply_code_to_selection(code.id)
    newest = max(project.passages(), key=lambda p: p.id)
    assert (newest.text, newest.coder_name) == ("信息互通", "乙")
    # The bottom pane's coder column shows it.
    pane = window.passages
    pane.by_document.setChecked(True)
    pane.refresh()
    rows = {(pane.model.index(r, 2).data(), pane.model.index(r, 3).data())
            for r in range(pane.model.rowCount())}
    assert ("信息互通", "乙") in rows


def test_new_coder_from_the_combo(window: MainWindow, monkeypatch) -> None:
    asked = []
    monkeypatch.setattr(CoderNameDialog, "ask",
                        classmethod(lambda cls, *a, **k: asked.append(a) or " 丙 "))
    choose_in_combo(window, "New coder…")
    assert asked
    project = window.hub.require()
    assert project.coder.name == "丙"
    assert window.settings.coder == "丙"
    combo = tools(window).coder_box.combo
    assert combo.currentText() == "丙"
    assert "丙" in [c.name for c in project.coders()]

    start = TEXT.index("监管互认")
    select(window, start, start + 4)
    assert window.apply_code_to_selection(project.find_code("区域协同创新/资源协同").id)
    assert max(project.passages(), key=lambda p: p.id).coder_name == "丙"


def test_new_coder_cancelled_keeps_the_current_coder(window: MainWindow, monkeypatch) -> None:
    monkeypatch.setattr(CoderNameDialog, "ask", classmethod(lambda cls, *a, **k: None))
    choose_in_combo(window, "New coder…")
    assert window.hub.require().coder.name == "甲"
    assert tools(window).coder_box.combo.currentText() == "甲"


def test_new_coder_from_the_team_menu(window: MainWindow, monkeypatch) -> None:
    monkeypatch.setattr(CoderNameDialog, "ask", classmethod(lambda cls, *a, **k: "丁"))
    tools(window).actions[ActionId.NEW_CODER].trigger()
    assert window.hub.require().coder.name == "丁"
    assert tools(window).coder_box.combo.currentText() == "丁"


def test_preferences_coder_shows_in_the_combo(window: MainWindow) -> None:
    window.hub.set_coder("乙")
    assert tools(window).coder_box.combo.currentText() == "乙"


# -- whose passages show -------------------------------------------------------------------


def test_hiding_a_coder_removes_their_highlights(window: MainWindow, qtbot) -> None:
    project = window.hub.require()
    yi = next(c.id for c in project.coders() if c.name == "乙")
    jia = next(c.id for c in project.coders() if c.name == "甲")
    theirs = (TEXT.index("科技创新券"), TEXT.index("科技创新券") + 5)
    mine = (TEXT.index("联席会议制度"), TEXT.index("联席会议制度") + 6)
    assert covered(highlighted_spans(window), *theirs)
    assert covered(highlighted_spans(window), *mine)

    menu = tools(window).show_menu
    menu.rebuild()
    entry = menu.coder_action(yi)
    assert entry is not None and entry.isChecked()
    assert entry.text() == "乙 (1 passage)"  # one, not "1 passages"
    entry.setChecked(False)  # the user unticks 乙
    assert not covered(highlighted_spans(window), *theirs)
    assert covered(highlighted_spans(window), *mine)
    assert {p.coder_id for p in window.article.layer().passages} == {jia}
    every = len(project.coders())
    assert f"{every - 1} of {every}" in tools(window).show_button.text()

    # Clicking where 乙's passage was shows no popup for it any more.
    assert window.article.layer().passages_at(theirs[0]) == []

    menu.rebuild()
    next(a for a in menu.actions() if a.text() == "All coders").trigger()
    assert covered(highlighted_spans(window), *theirs)
    assert tools(window).visibility.visible() is None


def test_only_the_current_coder(window: MainWindow) -> None:
    menu = tools(window).show_menu
    menu.rebuild()
    next(a for a in menu.actions() if a.text() == "Only the current coder").trigger()
    assert {p.coder_name for p in window.article.layer().passages} == {"甲"}
    # Switching coder shows the new coder's passages too (they are about to code).
    choose_in_combo(window, "乙")
    assert {p.coder_name for p in window.article.layer().passages} == {"甲", "乙"}


def test_opening_another_project_shows_every_coder(window: MainWindow, study: Path) -> None:
    tools(window).visibility.only_current()
    window.open_project(study)
    assert tools(window).visibility.visible() is None
    assert {p.coder_name for p in window.article.layer().passages} == {"甲", "乙"}


# -- blind copy and merge ------------------------------------------------------------------


def make_copy_through_menu(window: MainWindow, monkeypatch, target: Path) -> None:
    monkeypatch.setattr(CoderNameDialog, "ask", classmethod(lambda cls, *a, **k: "丙"))
    monkeypatch.setattr(FileDialogs, "save_copy", staticmethod(lambda parent, suggested: target))
    tools(window).actions[ActionId.BLIND_COPY].trigger()


def test_blind_copy_from_the_menu(window: MainWindow, monkeypatch, tmp_path: Path) -> None:
    target = tmp_path / "copy-丙.annot"
    make_copy_through_menu(window, monkeypatch, target)
    with Project.open(target) as copy:
        assert copy.passages() == []  # blind: nothing of 甲's or 乙's work
        assert [c.path_text for c in copy.codes()] == [
            c.path_text for c in window.hub.require().codes()]
        assert [d.title for d in copy.documents()] == ["区域合作意见"]


def test_merge_through_the_menu(window: MainWindow, monkeypatch, tmp_path: Path,
                                qtbot) -> None:
    target = tmp_path / "copy-丙.annot"
    make_copy_through_menu(window, monkeypatch, target)
    with Project.open(target, coder="丙") as copy:  # the second coder at work
        doc = copy.documents()[0]
        code = copy.find_code("区域协同创新/资源协同")
        start = TEXT.index("推广科技创新券")
        copy.apply_code(doc.id, code.id, start, start + 7)
        start = TEXT.index("联席会议")
        copy.apply_code(doc.id, code.id, start, start + 4)

    pane = window.passages
    pane.by_document.setChecked(True)
    pane.refresh()
    before = pane.model.rowCount()
    # Something on the undo stack that the merge must clear.
    start = TEXT.index("信息互通")
    select(window, start, start + 4)
    window.apply_code_to_selection(window.hub.require().find_code("区域协同创新/机制协同").id)
    assert window.hub.undo_stack.count() == 1

    previews: list[MergeReport] = []

    def confirm(cls, preview, parent=None):
        previews.append(preview)
        return True

    monkeypatch.setattr(FileDialogs, "open_copy", staticmethod(lambda parent: target))
    monkeypatch.setattr(MergeDialog, "ask", classmethod(confirm))
    tools(window).actions[ActionId.MERGE_COPY].trigger()

    assert len(previews) == 1 and previews[0].dry_run
    assert previews[0].passages_added == 2
    project = window.hub.require()
    assert sorted((p.coder_name, p.text) for p in project.passages() if p.coder_name == "丙") \
        == [("丙", "推广科技创新券"), ("丙", "联席会议")]
    # The pane refreshed by itself from the hub's notification.
    assert pane.model.rowCount() == before + 1 + 2
    assert "丙" in {pane.model.index(r, 3).data() for r in range(pane.model.rowCount())}
    # Merge is not undoable: the stack is empty.
    assert window.hub.undo_stack.count() == 0
    assert not window.undo_action.isEnabled()
    # The new coder is offered in the combo, the highlights include the copy's passages.
    combo = tools(window).coder_box.combo
    assert "丙" in [combo.itemText(i) for i in range(combo.count())]
    qtbot.waitUntil(lambda: "丙" in {p.coder_name for p in window.article.layer().passages})
    # The result is shown.
    shown = [d for d in window.findChildren(MergeDialog) if d.isVisible()]
    assert shown and "Merged" in shown[-1].summary.text()

    # Merging the same copy again changes nothing and asks nothing.
    tools(window).actions[ActionId.MERGE_COPY].trigger()
    assert len(previews) == 1
    assert len(project.passages()) == len(set(p.id for p in project.passages()))
    assert sum(p.coder_name == "丙" for p in project.passages()) == 2


def test_merge_cancelled_changes_nothing(window: MainWindow, monkeypatch,
                                         tmp_path: Path) -> None:
    target = tmp_path / "copy-丙.annot"
    make_copy_through_menu(window, monkeypatch, target)
    with Project.open(target, coder="丙") as copy:
        doc = copy.documents()[0]
        copy.apply_code(doc.id, copy.find_code("区域协同创新").id, 0, 4)
    count = len(window.hub.require().passages())
    monkeypatch.setattr(FileDialogs, "open_copy", staticmethod(lambda parent: target))
    monkeypatch.setattr(MergeDialog, "ask", classmethod(lambda cls, preview, parent=None: False))
    tools(window).actions[ActionId.MERGE_COPY].trigger()
    assert len(window.hub.require().passages()) == count


def test_merge_dialog_says_it_cannot_be_undone_and_lists_conflicts(qtbot) -> None:
    report = MergeReport(source="copy.annot", dry_run=True, passages_added=3, codes_added=1)
    report.conflict(ConflictKind.MEMO, "passage 3", "both memos kept")
    dialog = MergeDialog(report, confirm=True)
    qtbot.addWidget(dialog)
    assert "cannot be undone" in dialog.warning.text()
    assert "3 passage(s)" in dialog.summary.text()
    model = dialog.conflicts.model()
    assert model.rowCount() == 1
    assert model.index(0, 0).data() == "Different memos"
    assert model.index(0, 2).data() == "both memos kept"


def test_merge_dialog_counts_conflicts_not_listed_again(qtbot) -> None:
    report = MergeReport(source="copy.annot", dry_run=True, conflicts_unchanged=2)
    dialog = MergeDialog(report, confirm=True)
    qtbot.addWidget(dialog)
    assert "No conflicts." in dialog.summary.text()
    assert "Not listed again: 2 earlier conflict(s)" in dialog.summary.text()


def test_team_actions_follow_the_project(window: MainWindow) -> None:
    actions = tools(window).actions
    assert all(a.isEnabled() for a in actions.values())
    window.hub.close()
    assert not any(a.isEnabled() for a in actions.values())
    assert not tools(window).coder_box.combo.isEnabled()


def test_team_and_analysis_menus_are_in_the_menu_bar(window: MainWindow) -> None:
    titles = [a.text() for a in window.menuBar().actions()]
    assert "&Team" in titles and "&Analysis" in titles
    assert titles.index("&Analysis") < titles.index("&Help")


# -- models ----------------------------------------------------------------------------------


def test_coder_models_pass_the_model_tester(window: MainWindow, qtmodeltester) -> None:
    coders = window.hub.require().coders()
    combo_model = CoderListModel(new_row=True)
    combo_model.set_coders(coders)
    qtmodeltester.check(combo_model)
    assert combo_model.rowCount() == len(coders) + 1
    assert combo_model.index(len(coders), 0).data(CODER_ID_ROLE) is None

    checkable = CoderListModel(checkable=True)
    checkable.set_coders(coders, {coders[0].id: 4}, checked=[coders[0].id])
    qtmodeltester.check(checkable)
    assert checkable.index(0, 0).data() == "甲 (4 passages)"
    assert checkable.checked_ids() == [coders[0].id]
    assert checkable.setData(checkable.index(1, 0), Qt.CheckState.Checked.value,
                             Qt.ItemDataRole.CheckStateRole)
    assert checkable.checked_ids() == [c.id for c in coders[:2]]


def test_other_list_models_pass_the_model_tester(window: MainWindow, qtmodeltester) -> None:
    report = MergeReport()
    report.conflict(ConflictKind.CODE_NAME, 'code "A"', "kept ours")
    qtmodeltester.check(MergeConflictModel(report.conflicts))

    branches = BranchListModel()
    branches.set_codes(window.hub.require().codes())
    qtmodeltester.check(branches)
    assert [branches.index(r, 0).data() for r in range(branches.rowCount())] == ["区域协同创新"]

    values = ValueListModel()
    values.set_values([("京津冀", 2), ("长三角", 1)])
    qtmodeltester.check(values)
    values.setData(values.index(1, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert values.checked_values() == ["京津冀"]


def test_team_tools_speak_chinese_and_switch_back(qtbot, tmp_path: Path, study: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from annotator.ui.i18n import install_translators

    app = QApplication.instance()
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    try:
        install_translators(app, "zh_CN")
        win = MainWindow(settings)
        qtbot.addWidget(win)
        win.open_project(study)
        team = tools(win)
        assert team.team_menu.title() == "团队(&T)"
        assert team.analysis_menu.title() == "分析(&A)"
        assert team.coder_box.label.text() == "编码员："
        assert team.show_button.text() == "显示全部编码员"
        tables = team.show_tables()
        assert tables.tabs.tabText(1) == "编码 × 文档"
        install_translators(app, "en")
        app.processEvents()
        assert team.team_menu.title() == "&Team"
        assert team.coder_box.label.text() == "Coder:"
        assert tables.tabs.tabText(1) == "Code × document"
        assert tables.xy.counts.text() == "Counts"
    finally:
        install_translators(app, "en")
