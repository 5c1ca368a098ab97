"""Auto-coding review, word lists and word frequencies in the window (pytest-qt, offscreen)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QSettings

from annotator.analysis.keywords import keywords
from annotator.analysis.wordfreq import word_frequencies
from annotator.autocoding import list_proposals
from annotator.project import Project
from annotator.ui.autocoding.autocode_dialog import AutocodeDialog, AutocodeOptions
from annotator.ui.autocoding.proposals_dialog import ProposalsDialog
from annotator.ui.autocoding.proposals_model import ORIGIN
from annotator.ui.file_dialogs import FileDialogs
from annotator.ui.main_window import MainWindow
from annotator.ui.settings import Settings
from annotator.ui.words.wordfreq_dialog import CODE, DOCUMENT
from annotator.words.stopwords import project_stopwords
from annotator.words.terms import list_terms, project_segmenter, switched_off_terms

TEXT = (
    "关于区域合作的意见\n"
    "三地建立联席会议制度。推广创新券通用通兑。\n"
    "各地推进通用通兑。聘请科技副总参与企业创新。\n"
)
OTHER = "企业创新能力不断提升，企业研发投入持续增长。\n"


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:
    path = tmp_path / "study.annot"
    with Project.create(path, coder="甲") as project:
        project.add_document("区域合作意见", TEXT)
        project.add_document("企业创新", OTHER)
        parent = project.add_code("区域协同创新")
        project.add_code("机制协同", parent_id=parent.id, keywords=["联席会议制度"])
        project.add_code("资源协同", parent_id=parent.id, keywords=["通用通兑"])
    settings = Settings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    win = MainWindow(settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    assert win.open_project(path)
    return win


def code_id(win: MainWindow, path: str) -> int:
    info = win.hub.require().find_code(path)
    assert info is not None
    return info.id


def select_rows(dialog: ProposalsDialog, rows: list[int]) -> None:
    selection = dialog.view.selectionModel()
    selection.clearSelection()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in rows:
        selection.select(dialog.model.index(row, 0), flags)


def row_of(dialog: ProposalsDialog, text: str) -> int:
    return next(r for r, p in enumerate(dialog.model.proposals()) if p.text == text)


def pending(win: MainWindow) -> list[str]:
    return sorted(p.text for p in list_proposals(win.hub.require()))


def coded(win: MainWindow) -> list[tuple[str, str]]:
    return sorted((p.text, p.origin) for p in win.hub.require().passages())


# -- auto-coding -----------------------------------------------------------------------------
def run_autocode(win: MainWindow, monkeypatch, options: AutocodeOptions) -> ProposalsDialog:
    monkeypatch.setattr(AutocodeDialog, "ask", classmethod(lambda cls, *_a: options))
    assert win.chinese_tools.run_autocode() is not None
    dialog = win.chinese_tools.proposals_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_autocode_review_accept_reject_and_undo(window: MainWindow, monkeypatch) -> None:
    dialog = run_autocode(window, monkeypatch, AutocodeOptions("sentence", None))
    expected = ["三地建立联席会议制度。", "各地推进通用通兑。", "推广创新券通用通兑。"]
    assert pending(window) == expected
    assert sorted(p.text for p in dialog.model.proposals()) == expected
    # Machine-made, and nothing stored as a passage before review.
    assert {dialog.model.index(r, ORIGIN).data() for r in range(3)} == {"keyword"}
    assert coded(window) == []

    select_rows(dialog, [row_of(dialog, "三地建立联席会议制度。")])
    assert dialog.accept_selected() == 1
    assert coded(window) == [("三地建立联席会议制度。", "auto")]
    assert dialog.model.rowCount() == 2  # refreshed from the notification
    select_rows(dialog, [row_of(dialog, "各地推进通用通兑。")])
    dialog.reject_selected()
    assert pending(window) == ["推广创新券通用通兑。"]
    rejected = list_proposals(window.hub.require(), status="rejected")
    assert [p.text for p in rejected] == ["各地推进通用通兑。"]

    window.undo_action.trigger()  # the rejection
    assert pending(window) == ["各地推进通用通兑。", "推广创新券通用通兑。"]
    window.undo_action.trigger()  # the acceptance
    assert coded(window) == []
    assert pending(window) == expected
    assert dialog.model.rowCount() == 3
    window.redo_action.trigger()
    assert coded(window) == [("三地建立联席会议制度。", "auto")]
    assert pending(window) == ["各地推进通用通兑。", "推广创新券通用通兑。"]


def test_accept_all_for_a_code_is_one_undo_step(window: MainWindow, monkeypatch) -> None:
    resources = code_id(window, "区域协同创新/资源协同")
    dialog = run_autocode(window, monkeypatch, AutocodeOptions("paragraph", resources))
    # Only that code ran, and the review shows it.
    assert dialog.code_filter.code_id() == resources
    assert pending(window) == ["三地建立联席会议制度。推广创新券通用通兑。",
                               "各地推进通用通兑。聘请科技副总参与企业创新。"]
    stack = window.hub.undo_stack
    before = stack.count()
    assert dialog.accept_all_for_code() == 2
    assert coded(window) == [("三地建立联席会议制度。推广创新券通用通兑。", "auto"),
                             ("各地推进通用通兑。聘请科技副总参与企业创新。", "auto")]
    assert dialog.model.rowCount() == 0 and stack.count() == before + 1
    window.undo_action.trigger()
    assert coded(window) == []
    assert len(pending(window)) == 2 and dialog.model.rowCount() == 2


def test_proposals_model_passes_the_model_tester(window: MainWindow, monkeypatch,
                                                 qtmodeltester) -> None:
    dialog = run_autocode(window, monkeypatch, AutocodeOptions("sentence", None))
    qtmodeltester.check(dialog.model)


# -- word lists ------------------------------------------------------------------------------
def test_term_list_edit_changes_segmentation_and_snapping(window: MainWindow) -> None:
    project = window.hub.require()
    sentence = "聘请科技副总参与企业创新。"
    assert project_segmenter(project).words(sentence)[:3] == ["聘请", "科技", "副总"]
    dialog = window.chinese_tools.word_lists()
    dialog.term_edit.setText("科技副总、产业教授")
    dialog.add_term_button.click()
    assert list_terms(project) == ["科技副总", "产业教授"]
    assert dialog.own_model.stringList() == ["科技副总", "产业教授"]
    assert project_segmenter(project).words(sentence)[:2] == ["聘请", "科技副总"]
    dialog.try_edit.setText(sentence)
    assert dialog.try_result.text().startswith("聘请 | 科技副总 | 参与")
    # Snapping now keeps the new term whole.
    text = project.document_text(window.article.document_id())
    start = text.index("科技副总")
    window.article.select_span(start, start + 2)
    assert window.article.selected_span() == (start, start + 4)

    window.undo_action.trigger()
    assert list_terms(project) == []
    assert dialog.own_model.stringList() == []
    assert project_segmenter(project).words(sentence)[:3] == ["聘请", "科技", "副总"]


def test_terms_import_and_removal(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    project = window.hub.require()
    source = tmp_path / "terms.txt"
    source.write_text("# 我的术语\n科技副总\n揭榜挂帅 3 nz\n", encoding="utf-8")
    monkeypatch.setattr(FileDialogs, "open_terms", staticmethod(lambda _p: source))
    dialog = window.chinese_tools.word_lists()
    dialog.import_button.click()
    assert "科技副总" in list_terms(project)
    own = dialog.own_model.stringList()
    dialog.own_view.selectionModel().select(
        dialog.own_model.index(own.index("科技副总")),
        QItemSelectionModel.SelectionFlag.Select)
    dialog.remove_term_button.click()
    assert "科技副总" not in list_terms(project)
    # A shipped term is switched off by name, and back on from its list.
    dialog.term_edit.setText("揭榜挂帅")
    dialog.remove_typed_term_button.click()
    assert switched_off_terms(project) == ["揭榜挂帅"]
    assert "揭榜挂帅" not in project_segmenter(project).terms
    assert dialog.off_model.stringList() == ["揭榜挂帅"]
    dialog.off_view.selectionModel().select(
        dialog.off_model.index(0), QItemSelectionModel.SelectionFlag.Select)
    dialog.switch_on_button.click()
    assert switched_off_terms(project) == []
    assert "揭榜挂帅" in project_segmenter(project).terms


def test_stopword_edits_are_undoable(window: MainWindow) -> None:
    project = window.hub.require()
    dialog = window.chinese_tools.word_lists()
    dialog.tabs.setCurrentIndex(1)
    assert "企业" not in project_stopwords(project)
    dialog.stop_edit.setText("企业")
    dialog.add_stop_button.click()
    assert "企业" in project_stopwords(project)
    assert dialog.added_model.stringList() == ["企业"]
    window.undo_action.trigger()
    assert "企业" not in project_stopwords(project)
    assert dialog.added_model.stringList() == []


# -- word frequencies ------------------------------------------------------------------------
def table_rows(dialog) -> list[tuple[str, str, int]]:
    return [(r.word, r.pos, r.count) for r in dialog.model.rows()]


def test_word_frequency_dialog_matches_the_core(window: MainWindow, tmp_path: Path,
                                                monkeypatch) -> None:
    project = window.hub.require()
    dialog = window.chinese_tools.word_frequencies()  # a small corpus is counted at once
    corpus = word_frequencies(project)
    assert table_rows(dialog) == [(r.word, r.pos, r.count) for r in corpus]
    assert dialog.proxy.index(0, 1).data() == corpus[0].word
    # 企业 three times (twice in the second document), counted independently of the core.
    assert ("企业", 3) in [(r.word, r.count) for r in dialog.model.rows()]

    second = next(d for d in project.documents() if d.title == "企业创新")
    dialog.set_scope(DOCUMENT, second.id)
    dialog.count()
    assert table_rows(dialog) == [(r.word, r.pos, r.count)
                                  for r in word_frequencies(project, document_id=second.id)]
    assert dialog.keywords_model.keywords() == keywords(project, document_id=second.id)

    resources = code_id(window, "区域协同创新/资源协同")
    doc = project.documents()[0]
    text = project.document_text(doc.id)
    start = text.index("各地推进通用通兑")
    project.apply_code(doc.id, resources, start, start + len("各地推进通用通兑。"))
    dialog.set_scope(CODE, resources)
    dialog.method.setCurrentIndex(dialog.method.findData("textrank"))
    dialog.count()
    assert table_rows(dialog) == [(r.word, r.pos, r.count)
                                  for r in word_frequencies(project, code_id=resources)]
    assert [w for w, _ in dialog.keywords_model.keywords()] == [
        w for w, _ in keywords(project, code_id=resources, method="textrank")]

    # The chart is the core's PNG, shown and saved.
    assert dialog.chart_path is not None and dialog.chart_path.read_bytes()[:4] == b"\x89PNG"
    assert not dialog.chart.original().isNull()
    target = tmp_path / "chart.png"
    monkeypatch.setattr(FileDialogs, "save_chart", staticmethod(lambda *_a: target))
    assert dialog.save_chart() == target
    assert target.read_bytes()[:4] == b"\x89PNG"


def test_word_frequency_models_pass_the_model_tester(window: MainWindow,
                                                     qtmodeltester) -> None:
    dialog = window.chinese_tools.word_frequencies()
    qtmodeltester.check(dialog.model)
    dialog.set_scope(DOCUMENT, window.hub.require().documents()[1].id)
    dialog.count()
    qtmodeltester.check(dialog.keywords_model)
