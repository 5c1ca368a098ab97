"""The window follows what changed: a coding updates the rows it touched, asks a bounded
number of SQL statements whatever the project's size, and shows without re-reading lists."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import Engine, event
from window_support import open_window

from annotator.project import Project
from annotator.search import CodingSpan, code_spans
from annotator.ui.codebook.model import OWN_COUNT_ROLE, TOTAL_COUNT_ROLE
from annotator.ui.main_window import MainWindow
from tests.conftest import ARTICLE


def build(path: Path, documents: int, passages_each: int) -> Path:
    """A project of ``documents`` policy articles, each coded ``passages_each`` times."""
    with Project.create(path, coder="甲") as project:
        parent = project.add_code("区域协同创新")
        leaf = project.add_code("机制协同", parent_id=parent.id, colour="#8FD3A8")
        project.add_code("资源协同", parent_id=parent.id, colour="#9CC3F0")
        docs = [project.add_document(f"第{i}号意见", f"第{i}号文件\n{ARTICLE}")
                for i in range(1, documents + 1)]
        spans = [CodingSpan(d.id, k * 3, k * 3 + 2) for d in docs for k in range(passages_each)]
        code_spans(project, leaf.id, spans)
    return path


@contextmanager
def counting() -> Iterator[list[str]]:
    """The SQL statements any project engine sends from the GUI thread inside the block
    (not the derived-data worker's, which may run meanwhile)."""
    seen: list[str] = []

    def note(_conn, _cursor, statement, _params, _context, _many) -> None:  # noqa: ANN001
        if threading.current_thread() is threading.main_thread():
            seen.append(statement)

    event.listen(Engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(Engine, "before_cursor_execute", note)


def leaf_id(win: MainWindow, path: str = "区域协同创新/机制协同") -> int:
    info = win.hub.require().find_code(path)
    assert info is not None
    return info.id


def code_once(win: MainWindow, start: int, code: int) -> list[str]:
    """Select [start, start+4) in the article, code it as the codebook click does, let the
    window repaint; the statements that took."""
    win.article.select_span(start, start + 4)
    QApplication.processEvents()
    with counting() as seen:
        assert win.apply_code_to_selection(code)
        QApplication.processEvents()
    return seen


def test_coding_asks_the_same_few_statements_in_a_small_and_a_larger_project(
    qtbot, tmp_path: Path
) -> None:
    small = build(tmp_path / "small.annot", 3, 2)
    large = build(tmp_path / "large.annot", 30, 12)
    counts = []
    for path in (small, large):
        win = open_window(qtbot, tmp_path, path, ini=f"{path.stem}.ini")
        assert win.article.snaps_to_words()  # snapping is part of what a coding costs
        code_once(win, 40, leaf_id(win))  # the first coding loads the coder and the terms
        seen = code_once(win, 50, leaf_id(win))
        counts.append(len(seen))
        assert not any("GROUP BY" in s.upper() for s in seen), seen  # nothing re-counted
        win.close()
    assert counts[0] == counts[1], counts
    assert counts[0] <= 8, counts


def test_a_coding_changes_one_document_row_and_the_code_with_its_ancestors(
    qtbot, tmp_path: Path
) -> None:
    win = open_window(qtbot, tmp_path, build(tmp_path / "p.annot", 5, 2))
    docs, codes = win.documents.model, win.codebook.model()
    doc = win.article.document_id()
    leaf = leaf_id(win)
    parent = codes.info(leaf).parent_id
    before = docs.document_at(docs.row_of(doc)).passage_count
    doc_rows: list[tuple[int, int, int]] = []
    code_rows: list[int] = []
    docs.dataChanged.connect(lambda tl, br, *_: doc_rows.append((tl.row(), br.row(), tl.column())))
    codes.dataChanged.connect(lambda tl, br, *_: code_rows.append(codes.code_id(tl)))
    with qtbot.assertNotEmitted(docs.modelReset), qtbot.assertNotEmitted(codes.modelReset):
        code_once(win, 60, leaf)
    row = docs.row_of(doc)
    assert doc_rows == [(row, row, 2)]  # one cell: that document's count
    assert docs.document_at(row).passage_count == before + 1
    assert sorted(code_rows) == sorted([leaf, parent])  # the code and its ancestor only
    fresh = {c.id: c.passage_count for c in win.hub.require().codes()}
    assert codes.index_for(leaf).data(OWN_COUNT_ROLE) == fresh[leaf]
    assert codes.index_for(parent).data(TOTAL_COUNT_ROLE) == sum(fresh.values())
    assert f"{docs.total_passages()} passages" in win.status_label.text()

    with qtbot.assertNotEmitted(docs.modelReset):
        win.hub.undo_stack.undo()
    assert docs.document_at(row).passage_count == before
    assert codes.index_for(leaf).data(OWN_COUNT_ROLE) == fresh[leaf] - 1


def test_the_article_shows_a_coding_without_reading_its_passages_again(
    qtbot, tmp_path: Path
) -> None:
    win = open_window(qtbot, tmp_path, build(tmp_path / "p.annot", 2, 1))
    project = win.hub.require()
    reads: list[dict] = []
    original = project.passages
    project.passages = lambda **kw: reads.append(kw) or original(**kw)  # type: ignore[method-assign]
    initiators: list[object] = []
    win.hub.changed.connect(lambda _changes, initiator: initiators.append(initiator))
    try:
        code_once(win, 30, leaf_id(win))
        win.hub.undo_stack.undo()
    finally:
        project.passages = original  # type: ignore[method-assign]
    assert reads == []
    assert initiators == [win.article, None]  # the coding came from the article; undo not
    layer = win.article.layer()
    assert all(p.start != 30 for p in layer.passages)  # the undone coding has gone


def test_importing_a_codebook_is_one_undoable_step(qtbot, tmp_path: Path, monkeypatch) -> None:
    from annotator.ui.file_dialogs import FileDialogs

    win = open_window(qtbot, tmp_path, build(tmp_path / "p.annot", 1, 1))
    project = win.hub.require()
    before = [(c.id, c.path, c.keywords) for c in project.codes()]
    source = tmp_path / "book.yaml"
    source.write_text(
        "name: 补充编码\n"
        "codes:\n"
        "  - name: 区域协同创新\n"
        "    keywords: [联席会议]\n"
        "    children:\n"
        "      - name: 人才协同\n"
        "  - name: 政策工具\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(FileDialogs, "open_codebook", staticmethod(lambda _parent: source))
    win.import_codebook()
    after = {c.path: c for c in project.codes()}
    assert ("区域协同创新", "人才协同") in after and ("政策工具",) in after
    assert "联席会议" in after[("区域协同创新",)].keywords
    assert win.hub.undo_stack.canUndo()
    assert len(win.codebook.model().tree) == len(after)

    win.hub.undo_stack.undo()
    assert [(c.id, c.path, c.keywords) for c in project.codes()] == before
    assert len(win.codebook.model().tree) == len(before)
    win.hub.undo_stack.redo()
    assert {c.path: c.id for c in project.codes()} == {p: c.id for p, c in after.items()}


def test_deleting_a_document_says_it_clears_undo_and_removes_one_row(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    win = open_window(qtbot, tmp_path, build(tmp_path / "p.annot", 3, 1))
    asked: list[str] = []

    def answer(_parent, _title, text, *args):  # noqa: ANN001, ANN002
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))
    docs = win.documents.model
    gone = win.documents.current_document_id()
    removed: list[int] = []
    docs.rowsRemoved.connect(lambda _parent, first, last: removed.append(last - first + 1))
    with qtbot.assertNotEmitted(docs.modelReset):
        win.documents.delete_document()
    assert "cannot be undone" in asked[0] and "undo history" in asked[0]
    assert removed == [1] and docs.rowCount() == 2 and docs.row_of(gone) is None
    assert win.documents.current_document_id() not in (None, gone)
    assert not win.hub.undo_stack.canUndo()
    assert "2 documents" in win.status_label.text()


def test_the_document_list_sorts_by_count_and_keeps_that_order_while_coding(
    qtbot, tmp_path: Path
) -> None:
    win = open_window(qtbot, tmp_path, build(tmp_path / "p.annot", 4, 1))
    pane = win.documents
    first = pane.current_document_id()
    pane.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # most passages first
    code_once(win, 40, leaf_id(win))  # the shown document now has the most

    def shown_order() -> list[int]:
        return [pane.proxy.index(r, 2).data() for r in range(pane.proxy.rowCount())]

    assert shown_order() == [2, 1, 1, 1]
    assert pane.proxy.index(0, 1).data(Qt.ItemDataRole.UserRole + 1) == first
    assert pane.current_document_id() == first  # the selection followed its row
    pane.view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    numbers = [pane.proxy.index(r, 0).data() for r in range(pane.proxy.rowCount())]
    assert numbers == sorted(numbers)
