"""Term suggestion: terms that recur in the project's documents but that segmentation splits.

Fixtures: articles of five real S&T statutes (tests/data/terms/README.md).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from annotator.chinese.segment import Segmenter
from annotator.project import Project
from annotator.words.term_discovery import (
    Cancelled,
    discover_terms,
    suggest_terms,
    term_edges,
)
from annotator.words.terms import add_terms, project_segmenter, project_terms, remove_terms

DATA = Path(__file__).parent / "data" / "terms"
TEXTS = {p.stem: p.read_text("utf-8") for p in sorted(DATA.glob("*.txt"))}
SPLIT = ["科技伦理", "原始创新"]
_PUNCTUATION = re.compile(r"[，。、；：？！“”‘’（）《》〔〕【】\s,.;:()]")


@pytest.fixture
def statutes(project: Project) -> Project:
    for name, text in TEXTS.items():
        project.add_document(name, text)
    # Starter terms both: switched off, the project's segmenter splits them again.
    remove_terms(project, SPLIT)
    return project


def occurrences(term: str) -> tuple[int, int]:
    return (sum(t.count(term) for t in TEXTS.values()),
            sum(term in t for t in TEXTS.values()))


def test_a_recurring_split_term_is_proposed_best_first(statutes: Project) -> None:
    assert project_segmenter(statutes).words("科技伦理") == ["科技", "伦理"]
    found = suggest_terms(statutes, top=20)
    terms = [c.term for c in found]
    assert terms[0] == "科技伦理"
    assert "原始创新" in terms  # 7 times in 2 documents, cut 原始 / 创新
    best = found[0]
    assert (best.count, best.documents) == occurrences("科技伦理") == (35, 5)
    assert best.split == ("科技", "伦理")
    scores = [c.score for c in found]
    assert scores == sorted(scores, reverse=True)


def test_phrases_numbers_and_known_terms_are_not_proposed(statutes: Project) -> None:
    found = suggest_terms(statutes, top=50)
    terms = {c.term for c in found}
    known = project_terms(statutes)
    edges = term_edges().characters
    # Each of these recurs in the fixtures, so leaving them out is the filter's doing.
    for junk in ("科研诚信和科技伦理", "人民政府应当", "第一条", "第二条"):
        assert occurrences(junk)[0] >= 3, junk
        assert junk not in terms, junk
    for c in found:
        assert not _PUNCTUATION.search(c.term), c.term  # never across punctuation
        assert c.term[0] not in edges and c.term[-1] not in edges, c.term
        assert c.term not in known, c.term
        assert sum(ch.isdigit() or ch in "一二三四五六七八九十" for ch in c.term) * 2 <= len(c.term)
        assert len(project_segmenter(statutes).words(c.term)) >= 2, c.term
        assert c.count >= 3 and (c.count, c.documents) == occurrences(c.term), c.term


def test_an_accepted_term_is_kept_whole_and_no_longer_proposed(statutes: Project) -> None:
    assert add_terms(statutes, ["科技伦理"]) == ["科技伦理"]  # the starter term is back on
    assert project_segmenter(statutes).words("加强科技伦理管理") == ["加强", "科技伦理", "管理"]
    assert "科技伦理" not in {c.term for c in suggest_terms(statutes, top=50)}


def test_discovery_reports_progress_and_can_be_cancelled() -> None:
    texts = list(TEXTS.values())
    seen: list[tuple[int, int]] = []
    discover_terms(texts, segmenter=Segmenter(()), progress=lambda d, t: seen.append((d, t)))
    assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1] > 0
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    with pytest.raises(Cancelled):
        discover_terms(texts, segmenter=Segmenter(()), cancelled=lambda: True)


def test_no_documents_or_too_little_text_gives_no_suggestions(project: Project) -> None:
    assert suggest_terms(project) == []
    project.add_document("短", "科技伦理。")
    assert suggest_terms(project) == []
    assert discover_terms([], segmenter=Segmenter(())) == []
    assert discover_terms(["", "abc 123"], segmenter=Segmenter(())) == []


# -- the review list in Words → Word lists ---------------------------------------------------
@pytest.fixture
def window(qtbot, tmp_path: Path):
    import sys

    sys.path.insert(0, str(Path(__file__).parent))
    from window_support import open_window

    path = tmp_path / "statutes.annot"
    with Project.create(path, coder="甲") as project:
        for name, text in TEXTS.items():
            project.add_document(name, text)
        remove_terms(project, SPLIT)
    return open_window(qtbot, tmp_path, path)


def test_the_review_list_finds_in_a_worker_and_accepting_adds_terms(
    window, qtbot, qtmodeltester
) -> None:
    from PySide6.QtCore import QItemSelectionModel

    project = window.hub.require()
    dialog = window.chinese_tools.word_lists()
    page = dialog.suggestions
    dialog.tabs.setCurrentWidget(page)
    steps: list[tuple[int, int]] = []
    page.finder.progressed.connect(lambda done, total: steps.append((done, total)))
    with qtbot.waitSignal(page.finder.finished, timeout=60_000):
        page.find_button.click()
        assert not page.find_button.isEnabled() and page.stop_button.isEnabled()
    assert steps and steps[-1][0] == steps[-1][1]  # progress reached its end
    assert page.find_button.isEnabled() and not page.progress.isVisible()
    model = page.model
    qtmodeltester.check(model)
    listed = [model.term(r) for r in range(model.rowCount())]
    assert listed[0] == "科技伦理" and "原始创新" in listed
    assert model.index(0, 1).data() == 35 and model.index(0, 3).data() == "科技 / 伦理"

    assert sorted(dialog.off_model.stringList()) == sorted(SPLIT)
    selection = page.view.selectionModel()
    for term in ("科技伦理", "原始创新"):
        selection.select(model.index(listed.index(term), 0),
                         QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)
    page.accept_button.click()
    assert "原始创新" in project_terms(project) and "科技伦理" in project_terms(project)
    assert project_segmenter(project).words("科技伦理管理") == ["科技伦理", "管理"]
    remaining = [model.term(r) for r in range(model.rowCount())]
    assert "科技伦理" not in remaining and "原始创新" not in remaining
    assert len(remaining) == len(listed) - 2
    assert dialog.off_model.stringList() == []  # the terms tab: starter terms on again

    window.undo_action.trigger()  # one undo step for the accepted terms
    assert "原始创新" not in project_terms(project) and "科技伦理" not in project_terms(project)
    assert [model.term(r) for r in range(model.rowCount())] == listed


def test_stopping_a_search_reports_nothing(window, qtbot, monkeypatch) -> None:
    import threading

    from annotator.ui.words import term_suggestions

    released = threading.Event()
    found = discover_terms(list(TEXTS.values()), segmenter=Segmenter(()))

    def slow(texts, *, progress, cancelled, **_kwargs):  # noqa: ANN001, ANN202
        progress(0, 1)
        released.wait(30)  # until the test has pressed Stop
        if cancelled():
            raise Cancelled
        return found

    monkeypatch.setattr(term_suggestions, "discover_terms", slow)
    page = window.chinese_tools.word_lists().suggestions
    with qtbot.waitSignal(page.finder.progressed, timeout=30_000):
        page.find_button.click()
    page.stop_button.click()
    released.set()
    page.finder.wait(30)
    with qtbot.assertNotEmitted(page.finder.finished, wait=100):
        pass
    assert page.model.rowCount() == 0 and page.find_button.isEnabled()
    # Not stopped, the same run lists what it found.
    released.clear()
    with qtbot.waitSignal(page.finder.progressed, timeout=30_000):
        page.find_button.click()
    with qtbot.waitSignal(page.finder.finished, timeout=30_000):
        released.set()
    known = project_terms(window.hub.require())  # what is a term already is not listed
    assert page.model.rows() == [c for c in found if c.term not in known] != []
