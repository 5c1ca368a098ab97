"""Exchange with other QDA tools from the File menu: REFI-QDA projects in and out, codebooks
as .qdc and Excel, passages as CSV; bad files leave the open project as it was
(pytest-qt, offscreen)."""

from __future__ import annotations

import csv
import zipfile
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QApplication
from window_support import open_window

from annotator.exchange import export_qdpx
from annotator.project import Project
from annotator.ui.actions import ActionId
from annotator.ui.exchange import ExchangeTools
from annotator.ui.file_dialogs import FileDialogs
from annotator.ui.i18n import install_translators
from annotator.ui.main_window import MainWindow
from annotator.ui.messages import Messages

TEXTS = {
    "区域合作意见": "区域科技创新合作的若干意见\n"
    "三地建立联席会议制度，常态化推进“信息互通、监管互认”。\n"
    "推广科技创新券通用通兑，𠮷𠮷两字在外。\n",
    "人才政策": "关于加强人才引进的通知\n设立人才专项资金，完善住房保障。\n",
    "数字经济": "数字经济发展规划\n建设数据交易平台，推动数据要素流通。\n",
}
MISSING_SOURCE_QDE = (
    '<Project xmlns="urn:QDA-XML:project:1.0" name="访谈" origin="QualCoder 3.5"><Sources>'
    '<TextSource guid="22222222-2222-3333-4444-555555555555" name="访谈1" '
    'plainTextPath="internal://访谈1.txt"/></Sources></Project>'
)


def counts(path: Path) -> tuple[int, int, int]:
    with Project.open(path) as project:
        s = project.stats()
    return s.documents, s.codes, s.passages


@pytest.fixture
def study(tmp_path: Path) -> Path:
    """Three articles with attributes, a two-level code tree, passages of two coders."""
    path = tmp_path / "study.annot"
    with Project.create(path, coder="甲") as project:
        docs = {title: project.add_document(title, text, attributes={"地区": "京津冀"})
                for title, text in TEXTS.items()}
        parent = project.add_code("区域协同创新")
        mechanism = project.add_code("机制协同", parent_id=parent.id, colour="#8FD3A8")
        resources = project.add_code("资源协同", parent_id=parent.id, colour="#9CC3F0")
        talent = project.add_code("人才")

        def code(title: str, code_id: int, words: str, memo: str = "") -> None:
            start = TEXTS[title].index(words)
            project.apply_code(docs[title].id, code_id, start, start + len(words), memo=memo)

        code("区域合作意见", mechanism.id, "联席会议制度", memo="制度化")
        code("区域合作意见", resources.id, "𠮷𠮷两字")
        code("人才政策", talent.id, "人才专项资金")
        project.set_coder("乙")
        code("区域合作意见", resources.id, "科技创新券")
        code("数字经济", resources.id, "数据交易平台")
    return path


@pytest.fixture
def window(qtbot, tmp_path: Path, study: Path) -> MainWindow:
    win = open_window(qtbot, tmp_path, study, coder="甲")
    Messages.last_error = ""
    return win


def tools(win: MainWindow) -> ExchangeTools:
    return win.qda_exchange  # type: ignore[attr-defined]


def trigger(win: MainWindow, action_id: ActionId) -> None:
    action = tools(win).actions[action_id]
    assert action.isEnabled()
    action.trigger()


def choose_import(monkeypatch, source: Path, target: Path) -> list[str]:
    """Answer the two file choosers of the import; returns the suggested target names."""
    suggested: list[str] = []
    monkeypatch.setattr(FileDialogs, "open_refi_project", staticmethod(lambda _p: source))

    def save(_parent, proposal: str) -> Path:
        suggested.append(proposal)
        return target

    monkeypatch.setattr(FileDialogs, "save_new_project", staticmethod(save))
    return suggested


def shown(win: MainWindow) -> tuple[Path, int, int]:
    """What the window shows: the project file, documents listed, codes in the status."""
    project = win.hub.require()
    return project.path, win.documents.model.rowCount(), project.stats().codes


# -- the menu ------------------------------------------------------------------------------


def test_file_menu_offers_each_exchange_once_next_to_the_yaml_codebook(
    window: MainWindow,
) -> None:
    texts = [a.text() for a in window.file_menu.actions() if not a.isSeparator()]
    for action in tools(window).actions.values():
        assert texts.count(action.text()) == 1
    assert texts.count("Import code&book (YAML)…") == 1
    assert texts.count("Export codebook (YAML)…") == 1
    assert texts.index("Export codebook (YAML)…") + 1 == texts.index(
        "Import codebook from .qdc or Excel…")
    window.hub.close()
    enabled = {k for k, a in tools(window).actions.items() if a.isEnabled()}
    assert enabled == {ActionId.IMPORT_QDA_PROJECT}  # a new project needs none open


# -- whole projects --------------------------------------------------------------------------


def test_exported_qdpx_imports_into_a_new_project_shown_in_the_window(
    window: MainWindow, study: Path, tmp_path: Path, monkeypatch
) -> None:
    (tmp_path / "out").mkdir()
    qdpx = tmp_path / "out" / "study.qdpx"
    monkeypatch.setattr(FileDialogs, "save_qdpx", staticmethod(lambda _p, _s: qdpx))
    trigger(window, ActionId.EXPORT_QDA_PROJECT)
    assert not Messages.last_error
    with zipfile.ZipFile(qdpx) as zf:
        assert "project.qde" in zf.namelist()
    assert "3 documents, 4 codes, 5 passages" in window.statusBar().currentMessage()

    target = tmp_path / "out" / "imported.annot"
    suggested = choose_import(monkeypatch, qdpx, target)
    trigger(window, ActionId.IMPORT_QDA_PROJECT)

    assert suggested == [str(tmp_path / "out" / "study.annot")]  # same folder, same stem
    assert not Messages.last_error
    assert shown(window) == (target, 3, 4)
    assert window.windowTitle().startswith("imported.annot")
    assert "3 documents · 4 codes · 5 passages" in window.status_label.text()
    assert counts(target) == counts(study)
    model = window.documents.model
    listed = {(model.index(r, 1).data(), model.index(r, 2).data(), model.index(r, 3).data())
              for r in range(model.rowCount())}
    assert listed == {("区域合作意见", 3, "地区: 京津冀"), ("人才政策", 1, "地区: 京津冀"),
                      ("数字经济", 1, "地区: 京津冀")}
    dialog = tools(window).report_dialog
    assert dialog is not None and dialog.isVisible()
    assert "imported.annot" in dialog.summary.text() and "study.qdpx" in dialog.summary.text()
    assert "5 passages (1 with memos)" in dialog.summary.text()
    assert not dialog.details.isVisible()  # a clean round trip has nothing to warn about


def test_import_report_lists_missing_sources_under_their_heading(
    window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    qde = tmp_path / "访谈.qde"
    qde.write_text(MISSING_SOURCE_QDE, encoding="utf-8")
    choose_import(monkeypatch, qde, tmp_path / "访谈.annot")
    trigger(window, ActionId.IMPORT_QDA_PROJECT)
    assert window.hub.require().path == tmp_path / "访谈.annot"
    dialog = tools(window).report_dialog
    assert dialog is not None
    assert "QualCoder 3.5" in dialog.summary.text()
    assert dialog.heading.text().startswith("1 warning(s)")
    details = dialog.details.toPlainText()
    assert details.startswith("Source texts not found (those documents are missing) (1)")
    assert "访谈1" in details


@pytest.mark.parametrize("content, problem", [
    (b"not a zip at all", "not a .qdpx file"),
    ({"sources/a.txt": "正文"}, "no project.qde"),
    ({"../../evil.txt": "x", "project.qde": "<Project/>"}, "refused"),
    ({"project.qde": "<Project><Broken"}, "not well-formed XML"),
])
def test_a_bad_qdpx_is_named_and_leaves_the_open_project_as_it_was(
    window: MainWindow, study: Path, tmp_path: Path, monkeypatch,
    content: bytes | dict[str, str], problem: str,
) -> None:
    bad = tmp_path / "坏文件.qdpx"
    if isinstance(content, bytes):
        bad.write_bytes(content)
    else:
        with zipfile.ZipFile(bad, "w") as zf:
            for name, text in content.items():
                zf.writestr(name, text)
    before = shown(window)
    document = window.documents.current_document_id()
    target = tmp_path / "new.annot"
    choose_import(monkeypatch, bad, target)
    trigger(window, ActionId.IMPORT_QDA_PROJECT)
    assert "坏文件.qdpx" in Messages.last_error and problem in Messages.last_error
    assert shown(window) == before == (study, 3, 4)
    assert window.documents.current_document_id() == document
    assert not target.exists()
    assert tools(window).report_dialog is None


def test_import_never_replaces_an_existing_file(
    window: MainWindow, study: Path, tmp_path: Path, monkeypatch
) -> None:
    qde = tmp_path / "访谈.qde"
    qde.write_text(MISSING_SOURCE_QDE, encoding="utf-8")
    choose_import(monkeypatch, qde, study)  # the open project itself
    trigger(window, ActionId.IMPORT_QDA_PROJECT)
    assert "already exists" in Messages.last_error and str(study) in Messages.last_error
    assert shown(window) == (study, 3, 4)
    assert counts(study) == (3, 4, 5)


def test_suggested_project_name_skips_files_that_exist(
    window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    qde = tmp_path / "study.qde"  # study.annot is the open project
    qde.write_text(MISSING_SOURCE_QDE, encoding="utf-8")
    suggested = choose_import(monkeypatch, qde, tmp_path / "x.annot")
    trigger(window, ActionId.IMPORT_QDA_PROJECT)
    assert suggested == [str(tmp_path / "study-2.annot")]


# -- passages and codebooks ------------------------------------------------------------------


def test_passages_export_as_csv(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "片段.csv"
    monkeypatch.setattr(FileDialogs, "save_csv", staticmethod(lambda _p, _s: target))
    trigger(window, ActionId.EXPORT_CSV)
    with target.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) == 1 + 5
    assert "𠮷𠮷两字" in {cell for row in rows for cell in row}
    assert window.statusBar().currentMessage().startswith("5 passages written to")


def test_an_export_that_cannot_be_written_names_the_file(
    window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    target = tmp_path / "no-such-folder" / "study.qdpx"
    monkeypatch.setattr(FileDialogs, "save_qdpx", staticmethod(lambda _p, _s: target))
    trigger(window, ActionId.EXPORT_QDA_PROJECT)
    assert "study.qdpx" in Messages.last_error
    assert not target.exists()


@pytest.mark.parametrize("suffix", [".qdc", ".xlsx"])
def test_codebook_goes_out_and_comes_back_in_through_the_menu(
    window: MainWindow, tmp_path: Path, monkeypatch, suffix: str
) -> None:
    target = tmp_path / f"编码表{suffix}"
    monkeypatch.setattr(FileDialogs, "save_exchange_codebook", staticmethod(lambda _p, _s: target))
    trigger(window, ActionId.EXPORT_QDA_CODEBOOK)
    assert window.statusBar().currentMessage().startswith("4 codes written to")

    other = tmp_path / "other.annot"
    Project.create(other, coder="丙").close()
    assert window.open_project(other)
    assert window.codebook.model().rowCount() == 0
    monkeypatch.setattr(FileDialogs, "open_exchange_codebook", staticmethod(lambda _p: target))
    trigger(window, ActionId.IMPORT_QDA_CODEBOOK)
    assert not Messages.last_error
    paths = {c.path_text for c in window.hub.require().codes()}
    assert paths == {"区域协同创新", "区域协同创新 / 机制协同", "区域协同创新 / 资源协同", "人才"}
    assert window.codebook.model().rowCount() == 2  # the two top-level codes, shown
    assert window.statusBar().currentMessage() == "4 codes added, 0 updated"
    if suffix == ".xlsx":
        sheet = openpyxl.load_workbook(target).worksheets[0]
        assert "机制协同" in {c.value for row in sheet.iter_rows() for c in row}


def test_a_broken_codebook_is_named_and_changes_no_code(
    window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    bad = tmp_path / "坏编码表.xlsx"
    bad.write_bytes(b"PK not really a workbook")
    monkeypatch.setattr(FileDialogs, "open_exchange_codebook", staticmethod(lambda _p: bad))
    before = [c.path_text for c in window.hub.require().codes()]
    trigger(window, ActionId.IMPORT_QDA_CODEBOOK)
    assert "坏编码表.xlsx" in Messages.last_error
    assert [c.path_text for c in window.hub.require().codes()] == before


def test_codebook_warnings_are_shown(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    # A whole project chosen as a codebook: its codes come in, with a warning saying so.
    qdpx = tmp_path / "whole.qdpx"
    with Project.create(tmp_path / "source.annot", coder="丙") as other:
        other.add_code("新编码")
        export_qdpx(other, qdpx)
    monkeypatch.setattr(FileDialogs, "open_exchange_codebook", staticmethod(lambda _p: qdpx))
    trigger(window, ActionId.IMPORT_QDA_CODEBOOK)
    assert window.hub.require().find_code("新编码") is not None
    dialog = tools(window).report_dialog
    assert dialog is not None and "whole project" in dialog.details.toPlainText()


def test_menu_entries_follow_the_language(window: MainWindow) -> None:
    app = QApplication.instance()
    action = tools(window).actions[ActionId.IMPORT_QDA_PROJECT]
    try:
        assert install_translators(app, "zh_CN") == "zh_CN"
        app.processEvents()
        assert action.text() == "从其他 QDA 软件导入(&T)…"
    finally:
        install_translators(app, "en")
        app.processEvents()
    assert action.text() == "Import from another QDA &tool…"


def _coarse_parent_and_twin_names(window: MainWindow) -> None:
    """A parent code with a passage of its own, and 人才 at two places in the tree: the two
    things QualCoder is known to import differently."""
    project = window.hub.require()
    parent = project.find_code("区域协同创新")
    doc = next(d for d in project.documents() if d.title == "人才政策")
    project.apply_code(doc.id, parent.id, 0, 4)
    project.add_code("人才", parent_id=parent.id)


def test_qdpx_export_shows_what_qualcoder_is_known_to_change(
    window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    _coarse_parent_and_twin_names(window)
    target = tmp_path / "study.qdpx"
    monkeypatch.setattr(FileDialogs, "save_qdpx", staticmethod(lambda _p, _s: target))
    trigger(window, ActionId.EXPORT_QDA_PROJECT)
    assert not Messages.last_error and target.is_file()
    dialog = tools(window).report_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.windowTitle() == "Export report"
    assert "study.qdpx" in dialog.summary.text() and "6 passages" in dialog.summary.text()
    assert dialog.heading.text().startswith("2 warnings: what another tool")
    details = dialog.details.toPlainText()
    assert details.startswith("What the receiving tool is known to change")
    assert "Code “区域协同创新” has sub-codes and 1 passage of its own" in details
    assert "The code name “人才” is used by 2 codes" in details


def test_qdpx_export_report_in_chinese(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    _coarse_parent_and_twin_names(window)
    target = tmp_path / "study.qdpx"
    monkeypatch.setattr(FileDialogs, "save_qdpx", staticmethod(lambda _p, _s: target))
    app = QApplication.instance()
    try:
        assert install_translators(app, "zh_CN") == "zh_CN"
        app.processEvents()  # the window retranslates (and re-reads the project) first
        trigger(window, ActionId.EXPORT_QDA_PROJECT)
        dialog = tools(window).report_dialog
        assert dialog is not None and dialog.windowTitle() == "导出报告"
        details = dialog.details.toPlainText()
        assert "编码“区域协同创新”有下级编码，自身也有 1 个片段" in details
        assert "编码名“人才”被编码树中不同位置的 2 个编码使用" in details
        text = dialog.summary.text() + dialog.heading.text() + details
        assert "QualCoder" in text and "code" not in text.lower().replace("qualcoder", "")
    finally:
        install_translators(app, "en")
        app.processEvents()


def test_a_clean_qdpx_export_opens_no_dialog(window: MainWindow, tmp_path: Path,
                                             monkeypatch) -> None:
    target = tmp_path / "study.qdpx"
    monkeypatch.setattr(FileDialogs, "save_qdpx", staticmethod(lambda _p, _s: target))
    trigger(window, ActionId.EXPORT_QDA_PROJECT)
    assert target.is_file() and tools(window).report_dialog is None
