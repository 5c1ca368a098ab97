"""The Analysis menu: the agreement dialog and the tables dialog show what the core computes,
and what a researcher would compute by hand (pytest-qt, offscreen)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from window_support import open_window

from annotator.analysis.agreement import agreement, disagreements
from annotator.analysis.agreement_measures import Reason
from annotator.analysis.cooccurrence import cooccurrence
from annotator.analysis.crosstab import xy_table
from annotator.analysis.filters import Filters
from annotator.analysis.tables import code_by_attribute, code_by_document
from annotator.chinese.units import document_units
from annotator.project import Project
from annotator.ui.actions import ActionId
from annotator.ui.analysis.agreement_models import (
    COLUMN_KEYS,
    FIGURE_ROLE,
    AgreementTableModel,
    DisagreementModel,
)
from annotator.ui.analysis.table_models import (
    VALUE_ROLE,
    CodeTableModel,
    CooccurrenceModel,
    XYTableModel,
)
from annotator.ui.file_dialogs import FileDialogs
from annotator.ui.main_window import MainWindow

TEXT1 = (
    "关于推进科技创新的意见\n一、总体要求\n（一）加强人才培养，设立专项资金。\n"
    "（二）建立跨区域协同机制。\n二、重点任务\n（三）推广创新券，促进资源共享。\n"
    "（四）完善税收优惠政策。\n"
)
TEXT2 = (
    "关于深化改革的通知\n一、主要措施\n（一）设立引导基金，支持人才引进。\n"
    "（二）优化营商环境，推动要素流动。\n"
)

# (coder, document index, code path, phrase); see the unit each phrase falls in.
CODINGS = [
    ("甲", 0, "工具/供给型", "加强人才培养"),  # 1-1-1
    ("甲", 0, "领域/要素", "设立专项资金"),  # 1-1-1
    ("甲", 0, "工具/环境型", "建立跨区域"),  # 1-1-2
    ("甲", 0, "领域/协同", "协同机制"),  # 1-1-2
    ("甲", 0, "工具/供给型", "推广创新券"),  # 1-2-3
    ("甲", 0, "领域/要素", "资源共享"),  # 1-2-3
    ("甲", 0, "工具/环境型", "税收优惠"),  # 1-2-4
    ("甲", 1, "工具/供给型", "设立引导基金"),  # 2-1-1
    ("甲", 1, "领域/要素", "人才引进"),  # 2-1-1
    ("甲", 1, "工具/环境型", "优化营商环境"),  # 2-1-2
    ("甲", 1, "领域/要素", "要素流动"),  # 2-1-2
    ("乙", 0, "工具/供给型", "加强人才培养"),  # 1-1-1
    ("乙", 0, "领域/协同", "协同机制"),  # 1-1-2
    ("乙", 0, "工具/供给型", "推广创新券"),  # 1-2-3
    ("乙", 0, "领域/要素", "资源共享"),  # 1-2-3
    ("乙", 0, "工具/环境型", "税收优惠"),  # 1-2-4
    ("乙", 0, "工具/供给型", "完善"),  # 1-2-4
    ("乙", 1, "工具/供给型", "设立引导基金"),  # 2-1-1
    ("乙", 1, "工具/环境型", "优化营商环境"),  # 2-1-2
    ("乙", 1, "领域/要素", "要素流动"),  # 2-1-2
]


@pytest.fixture
def study(tmp_path: Path) -> Path:
    path = tmp_path / "analysis.annot"
    with Project.create(path, coder="甲") as project:
        docs = [project.add_document("推进意见", TEXT1, attributes={"地区": "京津冀"}),
                project.add_document("改革通知", TEXT2, attributes={"地区": "长三角"})]
        ids = {}
        for path_text in ("工具", "工具/供给型", "工具/环境型", "领域", "领域/协同", "领域/要素"):
            parent, _, name = path_text.rpartition("/")
            ids[path_text] = project.add_code(name, parent_id=ids.get(parent)).id
        for coder, doc, code, phrase in CODINGS:
            project.set_coder(coder)
            text = project.document_text(docs[doc].id)
            start = text.index(phrase)
            project.apply_code(docs[doc].id, ids[code], start, start + len(phrase))
    return path


@pytest.fixture
def window(qtbot, tmp_path: Path, study: Path) -> MainWindow:
    return open_window(qtbot, tmp_path, study, coder="甲")


def code(win: MainWindow, path: str) -> int:
    info = win.hub.require().find_code(path)
    assert info is not None
    return info.id


def unit_span(win: MainWindow, doc_index: int, number: str) -> tuple[int, int, int]:
    """(document id, start, end) of a numbered paragraph, from the unit functions."""
    project = win.hub.require()
    doc = project.documents()[doc_index]
    units = document_units(doc.number, project.document_text(doc.id), "paragraph")
    unit = next(u for u in units if u.number == number)
    return doc.id, unit.start, unit.end


def agreement_dialog(win: MainWindow):
    win.team_tools.actions[ActionId.AGREEMENT].trigger()  # type: ignore[attr-defined]
    dialog = win.team_tools.agreement_dialog  # type: ignore[attr-defined]
    dialog.compute()
    return dialog


def tables_dialog(win: MainWindow):
    win.team_tools.actions[ActionId.TABLES].trigger()  # type: ignore[attr-defined]
    return win.team_tools.tables_dialog  # type: ignore[attr-defined]


def row_of(model: AgreementTableModel, code_id: int | None) -> int:
    return next(r for r in range(model.rowCount()) if model.row_at(r).code_id == code_id)


def cell(model: AgreementTableModel, row: int, key: str) -> str:
    return model.index(row, COLUMN_KEYS.index(key)).data()


# -- agreement ---------------------------------------------------------------------------------


def test_agreement_dialog_shows_hand_computed_figures(window: MainWindow) -> None:
    dialog = agreement_dialog(window)
    assert dialog.chosen_coders() == ["甲", "乙"]
    model = dialog.table_model
    # 11 paragraphs (7 + 4). 供给型: 甲 in 1-1-1, 1-2-3, 2-1-1; 乙 also in 1-2-4.
    supply = row_of(model, code(window, "工具/供给型"))
    assert cell(model, supply, "units") == "11"
    assert cell(model, supply, "mnn") == "3 / 3 / 4"
    assert cell(model, supply, "holsti") == f"{6 / 7:.3f}"  # 2M/(N1+N2)
    assert cell(model, supply, "composite") == f"{2 * (6 / 7) / (1 + 6 / 7):.3f}"
    assert cell(model, supply, "percent") == f"{10 / 11 * 100:.1f}%"
    po, pe = 10 / 11, (3 * 4 + 8 * 7) / 121
    assert cell(model, supply, "kappa") == f"{(po - pe) / (1 - pe):.3f}"
    # 协同: both in 1-1-2 only.
    together = row_of(model, code(window, "领域/协同"))
    assert cell(model, together, "holsti") == "1.000"
    assert cell(model, together, "kappa") == "1.000"
    # A parent nobody applied itself: undefined, and the tooltip says why.
    parent = row_of(model, code(window, "工具"))
    index = model.index(parent, COLUMN_KEYS.index("kappa"))
    assert index.data() == "n/a"
    assert "No coder applied this code" in index.data(Qt.ItemDataRole.ToolTipRole)
    assert index.data(FIGURE_ROLE).reason == Reason.NOT_APPLIED
    # The overall row comes first.
    assert model.row_at(0).code_id is None
    assert cell(model, 0, "code").startswith("Overall")


def test_agreement_dialog_figures_equal_the_core_report(window: MainWindow) -> None:
    dialog = agreement_dialog(window)
    project = window.hub.require()
    for unit in ("paragraph", "sentence"):
        dialog.set_unit(unit)
        dialog.compute()
        report = agreement(project, coders=["甲", "乙"], unit_kind=unit)
        model = dialog.table_model
        rows = [report.overall, *report.rows]
        assert model.rowCount() == len(rows)
        for r, expected in enumerate(rows):
            assert model.row_at(r).code_id == expected.code_id
            for key, figure in expected.figures().items():
                shown = model.index(r, COLUMN_KEYS.index(key))
                assert shown.data(FIGURE_ROLE) == figure
                percent = key in ("percent", "char_percent")
                text = figure.text(3, percent=percent) if figure.defined else "n/a"
                assert shown.data() == text
            assert cell(model, r, "units") == str(expected.units)
            assert cell(model, r, "characters") == str(expected.characters)
        found = disagreements(project, coders=["甲", "乙"], unit_kind=unit)
        assert [dialog.disagreement_at(i) for i in range(len(found))] == found
        assert dialog.disagreement_model.rowCount() == len(found)


def test_agreement_dialog_on_one_branch(window: MainWindow) -> None:
    dialog = agreement_dialog(window)
    dialog.set_branch(code(window, "领域"))
    dialog.compute()
    shown = {dialog.table_model.row_at(r).code_id for r in range(dialog.table_model.rowCount())}
    assert shown == {None, code(window, "领域"), code(window, "领域/协同"),
                     code(window, "领域/要素")}
    report = agreement(window.hub.require(), coders=["甲", "乙"], codes=code(window, "领域"))
    assert dialog.table_model.figure(0, "alpha") == report.overall.alpha


def test_agreement_dialog_with_one_coder_says_why(window: MainWindow) -> None:
    dialog = agreement_dialog(window)
    dialog.set_coders(["甲"])
    dialog.compute()
    assert dialog.report is None
    assert dialog.table_model.rowCount() == 0
    assert "at least two coders" in dialog.summary.text()


def test_disagreements_list_and_double_click_opens_the_unit(window: MainWindow) -> None:
    dialog = agreement_dialog(window)
    model = dialog.disagreement_model
    rows = [(model.index(r, 1).data(), model.index(r, 2).data(), model.index(r, 3).data(),
             model.index(r, 4).data()) for r in range(model.rowCount())]
    assert rows == [
        ("1-1-1", "领域 / 要素", "甲", "乙"),
        ("1-1-2", "工具 / 环境型", "甲", "乙"),
        ("1-2-4", "工具 / 供给型", "乙", "甲"),
        ("2-1-1", "领域 / 要素", "甲", "乙"),
    ]
    # The article shows the first document; the last disagreement is in the second.
    assert window.article.document_id() == window.hub.require().documents()[0].id
    view = dialog.disagreements
    index = model.index(3, 1)
    view.scrollTo(index)
    point = view.visualRect(index).center()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    doc_id, start, end = unit_span(window, 1, "2-1-1")
    assert window.article.document_id() == doc_id
    assert window.article.selected_span() == (start, end)
    assert window.documents.current_document_id() == doc_id
    selected = window.article.editor().textCursor().selectedText()
    assert selected == "（一）设立引导基金，支持人才引进。"


def test_agreement_follows_new_coding(window: MainWindow, qtbot) -> None:
    dialog = agreement_dialog(window)
    before = dialog.disagreement_model.rowCount()
    project = window.hub.require()
    window.hub.set_coder("乙")
    doc_id, start, end = unit_span(window, 0, "1-1-2")
    window.article.show_document(doc_id)
    window.article.select_span(start, start + 4)
    window.apply_code_to_selection(code(window, "工具/环境型"))  # 乙 now agrees on 1-1-2
    qtbot.waitUntil(lambda: dialog.disagreement_model.rowCount() == before - 1)
    assert len(disagreements(project, coders=["甲", "乙"])) == before - 1


# -- tables ------------------------------------------------------------------------------------


def xy_cells(model: XYTableModel) -> dict[tuple[str, str], str]:
    rows = [model.headerData(r, Qt.Orientation.Vertical).strip()
            for r in range(model.rowCount())]
    columns = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return {(rows[r], columns[c]): model.index(r, c).data()
            for r in range(model.rowCount()) for c in range(model.columnCount())}


def test_xy_table_shows_counts_shares_and_unit_numbers(window: MainWindow) -> None:
    dialog = tables_dialog(window)
    page = dialog.xy
    page.set_branches([code(window, "工具")], [code(window, "领域")])
    dialog.show_page(page)
    # Counted by hand from CODINGS: units carrying both an X and a Y code, either coder.
    cells = xy_cells(page.model)
    assert cells[("供给型", "要素")] == "3"  # 1-1-1, 1-2-3, 2-1-1
    assert cells[("供给型", "协同")] == "0"
    assert cells[("环境型", "协同")] == "1"  # 1-1-2
    assert cells[("环境型", "要素")] == "1"  # 2-1-2
    assert cells[("工具", "要素")] == "4"
    assert cells[("Total", "Total")] == "5"
    assert cells[("供给型", "Total")] == "3" and cells[("Total", "要素")] == "4"

    page.set_mode(page.UNITS)
    cells = xy_cells(page.model)
    assert cells[("供给型", "要素")] == "1-1-1, 1-2-3, 2-1-1"
    assert cells[("环境型", "协同")] == "1-1-2"
    assert cells[("供给型", "协同")] == ""

    page.set_mode(page.SHARES, "row")
    assert xy_cells(page.model)[("环境型", "要素")] == "50.0%"
    page.set_mode(page.SHARES, "total")
    assert xy_cells(page.model)[("供给型", "要素")] == "60.0%"


def test_xy_table_equals_the_core_under_filters(window: MainWindow) -> None:
    dialog = tables_dialog(window)
    page = dialog.xy
    x, y = code(window, "工具"), code(window, "领域")
    page.set_branches([x], [y])
    page.set_levels("all", "all")
    project = window.hub.require()
    yi = next(c.id for c in project.coders() if c.name == "乙")
    cases = [
        (lambda: None, Filters()),
        (lambda: dialog.filters.set_coders([yi]), Filters(coder_ids=frozenset({yi}))),
        (lambda: (dialog.filters.set_coders([c.id for c in project.coders()]),
                  dialog.filters.set_documents("地区", ["长三角"])),
         Filters(attributes={"地区": frozenset({"长三角"})})),
    ]
    for choose, filters in cases:
        choose()
        dialog.refresh()
        table = xy_table(project, [x], [y], filters=filters)
        model = page.model
        assert model.rowCount() == len(table.rows) + 1
        for r, row in enumerate(table.rows):
            for c, col in enumerate(table.columns):
                assert model.index(r, c).data(VALUE_ROLE) == table.count(row.id, col.id)
        page.set_mode(page.UNITS)
        for r, row in enumerate(table.rows):
            for c, col in enumerate(table.columns):
                assert model.index(r, c).data(VALUE_ROLE) == table.units(row.id, col.id)
        page.set_mode(page.COUNTS)
    # 乙 alone: (供给型, 要素) only in 1-2-3 — checked against the hand count too.
    dialog.filters.set_documents(None)
    dialog.filters.set_coders([yi])
    dialog.refresh()
    page.set_levels("all", "top")
    assert xy_cells(page.model)[("供给型", "要素")] == "1"
    assert xy_cells(page.model)[("环境型", "协同")] == "0"


def test_xy_chart_is_shown_and_saved(
    window: MainWindow, monkeypatch, tmp_path: Path, qtbot
) -> None:
    dialog = tables_dialog(window)
    page = dialog.xy
    page.set_branches([code(window, "工具")], [code(window, "领域")])
    dialog.show_page(page)
    # The table is there at once; the chart is drawn beside it, off the GUI thread.
    assert xy_cells(page.model)[("供给型", "要素")] != ""
    qtbot.waitUntil(lambda: not page.chart.drawing)
    assert page.chart.figure is not None
    assert not page.chart.picture.original().isNull()
    targets = {"png": tmp_path / "热图.png", "svg": tmp_path / "热图.svg"}
    monkeypatch.setattr(FileDialogs, "save_chart",
                        staticmethod(lambda parent, suggested, fmt: targets[fmt]))
    page.chart.save_png.click()
    page.chart.save_svg.click()
    assert targets["png"].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    svg = targets["svg"].read_text(encoding="utf-8")
    assert "供给型" in svg and "要素" in svg  # labels kept as text


def test_code_tables_equal_the_core(window: MainWindow, qtbot) -> None:
    dialog = tables_dialog(window)
    project = window.hub.require()
    dialog.show_page(dialog.by_document)
    table = code_by_document(project)
    model = dialog.by_document.model
    for r, c in enumerate(table.codes):
        for k, column in enumerate(table.columns):
            assert model.index(r, k).data(VALUE_ROLE) == table.count(c.id, column.key)
    # 工具 rolls up its sub-codes: 4 passages of 甲 and 4 of 乙 in document 1.
    tools_row = [c.id for c in table.codes].index(code(window, "工具"))
    assert model.index(tools_row, 0).data() == "8"
    qtbot.waitUntil(lambda: not dialog.by_document.chart.drawing)
    assert dialog.by_document.chart.figure is not None

    dialog.show_page(dialog.by_attribute)
    page = dialog.by_attribute
    page.set_attribute("地区")
    table = code_by_attribute(project, "地区")
    model = page.model
    assert [model.headerData(k, Qt.Orientation.Horizontal)
            for k in range(len(table.columns))] == ["京津冀", "长三角"]
    for r, c in enumerate(table.codes):
        for k, column in enumerate(table.columns):
            assert model.index(r, k).data(VALUE_ROLE) == table.count(c.id, column.key)
    page.shares.setChecked(True)
    r = [c.id for c in table.codes].index(code(window, "工具/供给型"))
    assert model.index(r, 1).data() == f"{table.share(table.codes[r].id, '长三角') * 100:.1f}%"


def test_cooccurrence_equals_the_core(window: MainWindow) -> None:
    dialog = tables_dialog(window)
    dialog.show_page(dialog.cooccurrence)
    table = cooccurrence(window.hub.require())
    model = dialog.cooccurrence.model
    assert [[model.index(r, c).data(VALUE_ROLE) for c in range(model.columnCount())]
            for r in range(model.rowCount())] == table.matrix()


def test_tables_follow_new_coding(window: MainWindow, qtbot) -> None:
    dialog = tables_dialog(window)
    page = dialog.xy
    page.set_branches([code(window, "工具")], [code(window, "领域")])
    dialog.show_page(page)
    assert xy_cells(page.model)[("供给型", "协同")] == "0"
    doc_id, start, end = unit_span(window, 0, "1-1-2")
    window.article.select_span(start, start + 4)
    window.apply_code_to_selection(code(window, "工具/供给型"))
    qtbot.waitUntil(lambda: xy_cells(page.model)[("供给型", "协同")] == "1")


# -- models ------------------------------------------------------------------------------------


def test_analysis_models_pass_the_model_tester(window: MainWindow, qtmodeltester) -> None:
    project = window.hub.require()
    agreement_model = AgreementTableModel()
    agreement_model.set_report(agreement(project, coders=["甲", "乙"]))
    qtmodeltester.check(agreement_model)
    disagreement_model = DisagreementModel()
    disagreement_model.set_disagreements(disagreements(project, coders=["甲", "乙"]))
    qtmodeltester.check(disagreement_model)

    xy = XYTableModel()
    xy.set_table(xy_table(project, [code(window, "工具")], [code(window, "领域")]))
    for mode in ("counts", "shares", "units"):
        xy.set_mode(mode)  # type: ignore[arg-type]
        qtmodeltester.check(xy)
    xy.set_table(None)
    qtmodeltester.check(xy)

    by_document = CodeTableModel()
    by_document.set_table(code_by_document(project))
    qtmodeltester.check(by_document)
    by_document.set_shares(True)
    qtmodeltester.check(by_document)
    matrix = CooccurrenceModel()
    matrix.set_table(cooccurrence(project))
    qtmodeltester.check(matrix)
