"""Code → Suggest from my coding in the window (pytest-qt, offscreen): learning in a worker,
the quality table, proposals to review with their origin and confidence, next units to code."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from test_suggest import DATA, HELD_OUT, THEMES, TRAIN, articles
from window_support import open_window

from annotator.autocoding import list_proposals
from annotator.project import Project
from annotator.ui.actions import ActionId
from annotator.ui.autocoding.proposals_model import CONFIDENCE, ORIGIN
from annotator.ui.autocoding.suggest_dialog import SuggestDialog
from annotator.ui.autocoding.suggest_models import CODE, F1, PRECISION, PROPOSED, REASON
from annotator.ui.main_window import MainWindow

RUN_TIMEOUT_MS = 120_000  # learning takes a few seconds; the machine may be busy


@pytest.fixture(scope="module")
def statutes(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four statutes coded by chapter theme, two not coded (as in test_suggest)."""
    path = tmp_path_factory.mktemp("ui-suggest") / "statutes.annot"
    with Project.create(path, coder="甲") as p:
        codes = {name: p.add_code(name).id for name in THEMES.values()}
        p.add_code("附则条款", keywords=["施行", "解释"])  # never coded by hand
        for name in TRAIN + HELD_OUT:
            title, body = (DATA / f"{name}.txt").read_text(encoding="utf-8").split("\n", 1)
            doc = p.add_document(title, body)
            if name in TRAIN:
                for theme, a, b in articles(p.document_text(doc.id)):
                    p.apply_code(doc.id, codes[theme], a, b)
    return path


@pytest.fixture
def window(qtbot, tmp_path: Path, statutes: Path) -> MainWindow:
    target = tmp_path / statutes.name
    target.write_bytes(statutes.read_bytes())
    return open_window(qtbot, tmp_path, target)


def run(qtbot, dialog: SuggestDialog) -> object:  # noqa: ANN001
    with qtbot.waitSignal(dialog.runFinished, timeout=RUN_TIMEOUT_MS) as blocker:
        assert dialog.run()
        # While it learns the dialog says so and cannot start a second run.
        assert dialog.busy.isVisibleTo(dialog) and not dialog.run_button.isEnabled()
        assert not dialog.run()
    assert not dialog.busy.isVisibleTo(dialog) and dialog.run_button.isEnabled()
    if blocker.args[0] is not None:  # the bar counted the codes as they were learned
        codes = len(blocker.args[0].codes)
        assert dialog.busy.maximum() == codes and dialog.busy.value() == codes
    return blocker.args[0]


def quality_rows(dialog: SuggestDialog) -> dict[str, list[str]]:
    model = dialog.quality_model
    return {model.index(r, CODE).data(): [model.index(r, c).data()
                                         for c in range(model.columnCount())]
            for r in range(model.rowCount())}


def test_the_code_menu_offers_suggestions_beside_auto_coding(window: MainWindow) -> None:
    menus = {a.text(): a.menu() for a in window.menuBar().actions() if a.menu() is not None}
    texts = [a.text() for a in menus["&Code"].actions()]
    at = texts.index("Su&ggest from my coding…")
    assert texts[at - 1] == "A&uto-code by keywords…" and texts[at + 1] == "&Review proposals…"
    action = window.chinese_tools.actions[ActionId.CODE_SUGGEST]
    assert action.isEnabled()
    action.trigger()
    dialog = window.chinese_tools.suggest_dialog
    assert dialog is not None and dialog.isVisible()


def test_learns_shows_quality_and_adds_proposals_to_review(
    qtbot, window: MainWindow, qtmodeltester
) -> None:
    dialog = window.chinese_tools.suggest_from_coding()
    passages_before = len(window.hub.require().passages())
    with qtbot.waitSignal(window.hub.proposalsChanged, timeout=RUN_TIMEOUT_MS):
        report = run(qtbot, dialog)
    assert report is not None and report.proposed > 0
    rows = quality_rows(dialog)
    assert set(rows) == {"总则", "法律责任", "附则", "附则条款"}
    assert float(rows["法律责任"][PRECISION]) >= 0.8 and float(rows["法律责任"][F1]) > 0.5
    assert int(rows["法律责任"][PROPOSED]) >= 10
    assert "needs 10 coded paragraphs" in rows["附则条款"][REASON]
    assert rows["附则条款"][PRECISION] == ""  # no model, no figures
    assert f"{report.proposed} proposals added to the review queue" in dialog.status.text()
    qtmodeltester.check(dialog.quality_model)
    qtmodeltester.check(dialog.next_model)
    assert len(window.hub.require().passages()) == passages_before  # proposed, not coded

    dialog.review_button.click()
    review = window.chinese_tools.proposals_dialog
    assert review is not None and review.isVisible()
    model = review.model
    assert model.rowCount() == report.proposed
    assert {model.index(r, ORIGIN).data() for r in range(model.rowCount())} == {"learned"}
    shown = [float(model.index(r, CONFIDENCE).data()) for r in range(model.rowCount())]
    assert shown == sorted(shown, reverse=True) and shown[-1] >= 0.7  # surest first

    # Accepting through the dialog makes a passage marked as learned; undo takes it back.
    top = model.proposal(0)
    review.view.selectionModel().select(
        model.index(0, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    assert review.accept_selected() == 1
    [made] = [p for p in window.hub.require().passages(document_id=top.document_id)
              if (p.start, p.end, p.code_id) == (top.start, top.end, top.code_id)]
    assert made.origin == "suggested"
    assert model.rowCount() == report.proposed - 1
    window.undo_action.trigger()
    assert len(window.hub.require().passages()) == passages_before
    assert model.rowCount() == report.proposed


def test_next_units_to_code_open_in_the_article(qtbot, window: MainWindow) -> None:
    dialog = window.chinese_tools.suggest_from_coding()
    dialog.next_count.setValue(8)
    report = run(qtbot, dialog)
    assert report is not None and dialog.next_model.rowCount() == 8
    coded_docs = {p.document_id for p in window.hub.require().passages()}
    units = [dialog.next_model.unit(r) for r in range(8)]
    assert all(u.document_id not in coded_docs for u in units)
    last = units[-1]
    dialog.next_view.doubleClicked.emit(dialog.next_model.index(7, 0))
    assert window.article.document_id() == last.document_id


def test_a_dry_project_says_what_is_needed_and_proposes_nothing(
    qtbot, tmp_path: Path
) -> None:
    path = tmp_path / "dry.annot"
    with Project.create(path) as p:
        p.add_code("总则")
        text = (DATA / "laodong-fa.txt").read_text(encoding="utf-8")
        doc = p.add_document("劳动法", text)
        p.apply_code(doc.id, p.find_code("总则").id, 10, 40)
    window = open_window(qtbot, tmp_path, path)
    dialog = window.chinese_tools.suggest_from_coding()
    with qtbot.assertNotEmitted(window.hub.proposalsChanged):
        assert run(qtbot, dialog) is None
    assert "at least 2 documents" in dialog.status.text()
    assert dialog.quality_model.rowCount() == 0
    assert not list_proposals(window.hub.require())


def test_closing_waits_for_the_worker(qtbot, window: MainWindow) -> None:
    dialog = window.chinese_tools.suggest_from_coding()
    with qtbot.waitSignal(dialog.runFinished, timeout=RUN_TIMEOUT_MS):
        assert dialog.run()
        job = dialog.job
        dialog.close()
        assert job is not None and job.isFinished()  # closed only after the job ended
    assert dialog.job is None
