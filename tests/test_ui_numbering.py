"""The window on a real statute: the margin numbers articles and their 款/项, a number
selects its unit, and the document's numbering is chosen from the documents list (undoable)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QMenu

from annotator.project import Project
from tests.window_support import open_window

REAL = Path(__file__).parent / "data" / "real"


@pytest.fixture
def window(qtbot, tmp_path: Path):
    path = tmp_path / "statute.annot"
    text = (REAL / "statute_major_decisions.txt").read_text(encoding="utf-8")
    with Project.create(path) as project:
        project.add_document("重大行政决策程序暂行条例", text)
    win = open_window(qtbot, tmp_path, path, size=(1200, 2400))
    return win


def test_margin_numbers_articles_and_their_paragraphs(window, qtbot) -> None:
    shown = window.article.unit_numbers_shown()
    assert shown[:5] == ["1-0-1", "1-0-2", "1-0-3", "1-1-0", "1-1-1"]
    # 第三条: its number on its first line, then its items and further 款 on theirs
    at = shown.index("1-1-3")
    assert shown[at + 1:at + 8] == ["1-1-3-1-1", "1-1-3-1-2", "1-1-3-1-3", "1-1-3-1-4",
                                    "1-1-3-1-5", "1-1-3-2", "1-1-3-3"]
    assert shown[at + 8] == "1-1-4"
    # clicking a 款's number selects that 款 alone
    margin = window.article.margin()
    text = window.hub.require().document_text(window.article.document_id())
    unit = next(u for u in margin.units if u.number == "1-1-3-2")
    with qtbot.waitSignal(margin.unitClicked):
        margin.unitClicked.emit(unit)
    start, end = window.article.selected_span()
    assert text[start:end].startswith("法律、行政法规对本条第一款规定事项")
    assert "决策机关可以根据" not in text[start:end]
    # the article's own units are whole articles: coding the unit codes every 款 and 项
    article = next(u for u in window.article.units() if u.number == "1-1-3")
    end = "经同级党委同意后向社会公布，并根据实际情况调整。"
    assert text[article.start:article.end].endswith(end)


def test_numbering_chosen_from_the_documents_list_and_undone(window, qtbot) -> None:
    pane = window.documents
    menu = QMenu()
    sub = pane.add_numbering_menu(menu)
    actions = {a.data(): a for a in sub.actions()}
    assert actions["auto"].isChecked()
    assert pane.numbering_labels()["statute"] in actions["auto"].text()  # what was detected
    with qtbot.waitSignal(window.hub.documentsChanged):
        actions["paragraphs"].trigger()
    assert window.article.units()[3].number == "1-0-4"
    assert all(n.startswith("1-0-") for n in window.article.unit_numbers_shown())
    window.hub.undo_stack.undo()
    assert window.article.units()[3].number == "1-1-0"
    assert window.hub.require().document(window.article.document_id()).numbering == "auto"
