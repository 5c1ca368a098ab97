"""The codebook pane: its tree model, drag and drop, dialogs (monkeypatched) and undo."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QMimeData, QModelIndex, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit

from annotator.db.models import Tombstone
from annotator.project import Project
from annotator.records import DocumentInfo
from annotator.ui.codebook import dialogs
from annotator.ui.codebook.dialogs import CodeDraft, CodeEditorDialog
from annotator.ui.codebook.editor_dialog import parse_keywords
from annotator.ui.codebook.model import (
    CODE_ID_ROLE,
    CODE_MIME,
    COLOUR_ROLE,
    COUNT_COLUMN,
    SHORTCUT_COLUMN,
    CodebookModel,
)
from annotator.ui.codebook.pane import CodebookPane
from annotator.ui.hub import ProjectHub
from annotator.ui.recent_codes import SPAN_MIME, encode_span


@dataclass
class Book:
    """Ids of a small two-level codebook: 机制 (协同, 监管) and 资源 (共享)."""

    mechanism: int
    cooperation: int
    supervision: int
    resources: int
    sharing: int


@pytest.fixture
def book(project: Project) -> Book:
    m = project.add_code("机制", colour="#F2C94C", definition="制度安排", shortcut="1").id
    c = project.add_code(
        "协同", parent_id=m, colour="#9CC3F0", definition="跨区域协同",
        keywords=["联席会议", "互认"],
    ).id
    s = project.add_code("监管", parent_id=m, colour="#F4A6A6", shortcut="2").id
    r = project.add_code("资源", colour="#8FD3A8").id
    sh = project.add_code("共享", parent_id=r, colour="#C7A8E8", keywords=["通用通兑"]).id
    return Book(m, c, s, r, sh)


@pytest.fixture
def hub(qapp, project: Project) -> ProjectHub:
    hub = ProjectHub()
    hub.project = project  # the fixture owns (and closes) the project
    hub.projectChanged.emit()
    return hub


@pytest.fixture
def pane(qtbot, hub: ProjectHub, book: Book) -> CodebookPane:
    hub.codebookChanged.emit()
    widget = CodebookPane(hub)
    qtbot.addWidget(widget)
    widget.resize(360, 520)
    return widget


@pytest.fixture
def notices(monkeypatch) -> list[str]:
    seen: list[str] = []
    fake = classmethod(lambda cls, parent, title, text: seen.append(text))
    monkeypatch.setattr(dialogs.Notice, "ask", fake)
    return seen


def code_mime(code_id: int) -> QMimeData:
    data = QMimeData()
    data.setData(CODE_MIME, str(code_id).encode())
    return data


def span_mime(document_id: int, start: int, end: int) -> QMimeData:
    data = QMimeData()
    data.setData(SPAN_MIME, encode_span(document_id, start, end))
    return data


def code_passages(project: Project, code_id: int) -> list[tuple[int, int]]:
    return sorted((p.start, p.end) for p in project.passages(code_id=code_id))


def test_model_passes_modeltester(qtmodeltester, hub: ProjectHub, book: Book) -> None:
    model = CodebookModel(hub)
    assert model.rowCount() == 2
    assert model.rowCount(model.index_for(book.mechanism)) == 2
    qtmodeltester.check(model, force_py=True)
    qtmodeltester.check(model)


def test_tree_shows_names_counts_and_shortcuts(
    pane: CodebookPane, project: Project, book: Book, article: DocumentInfo
) -> None:
    project.apply_code(article.id, book.mechanism, 0, 4)
    project.apply_code(article.id, book.cooperation, 5, 9)
    project.apply_code(article.id, book.cooperation, 10, 12)
    pane.hub.notify_passages(frozenset({article.id}))
    model = pane.model()
    top = model.index_for(book.mechanism)
    assert top.data() == "机制"
    assert model.index_for(book.mechanism, COUNT_COLUMN).data() == "3"  # own 1 + sub-code 2
    assert "1" in model.index_for(book.mechanism, COUNT_COLUMN).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index_for(book.cooperation, COUNT_COLUMN).data() == "2"
    assert model.index_for(book.mechanism, SHORTCUT_COLUMN).data() == "[1]"
    assert not top.data(Qt.ItemDataRole.DecorationRole).isNull()
    names = [model.index(r, 0, top).data() for r in range(model.rowCount(top))]
    assert names == ["协同", "监管"]


def test_add_code_through_dialog(
    pane: CodebookPane, project: Project, book: Book, monkeypatch
) -> None:
    asked = []

    def fake_ask(cls, parent, draft, taken, title):  # noqa: ANN001, ANN202
        asked.append(taken)
        return CodeDraft("数据要素", "#123456", "数据流通", ("数据", "要素"), "d")

    monkeypatch.setattr(CodeEditorDialog, "ask", classmethod(fake_ask))
    new_id = pane.add_code(parent_id=book.resources)
    assert new_id is not None
    info = project.code(new_id)
    assert (info.parent_id, info.name, info.colour) == (book.resources, "数据要素", "#123456")
    assert (info.definition, info.keywords, info.shortcut) == ("数据流通", ("数据", "要素"), "d")
    assert set(asked[0]) == {"1", "2"}  # other codes' shortcuts are offered as taken
    assert pane.current_code_id() == new_id
    # With a name no dialog is shown; undo removes the code again.
    direct = pane.add_code(name="直接")
    assert project.find_code("直接") is not None and len(asked) == 1
    pane.hub.undo_stack.undo()
    assert project.find_code("直接") is None and direct not in pane.model().tree
    assert tombstone_kinds(project) == []  # an undone addition never left this file


def tombstone_kinds(project: Project) -> list[str]:
    """The kinds of what the project remembers as deleted here (for merges)."""
    with project.session_scope() as s:
        return list(s.scalars(sa.select(Tombstone.kind)))


def test_add_code_cancelled(pane: CodebookPane, project: Project, monkeypatch) -> None:
    monkeypatch.setattr(CodeEditorDialog, "ask", classmethod(lambda *a: None))
    before = len(project.codes())
    assert pane.add_code() is None
    assert len(project.codes()) == before and pane.hub.undo_stack.count() == 0


def test_edit_and_recolour_push_only_changes(
    pane: CodebookPane, project: Project, book: Book, monkeypatch
) -> None:
    def edit(cls, parent, draft, taken, title):  # noqa: ANN001, ANN202
        assert "2" in taken and "1" not in taken  # its own shortcut is free for itself
        return CodeDraft(draft.name, draft.colour, "新的定义", ("制度",), None)

    monkeypatch.setattr(CodeEditorDialog, "ask", classmethod(edit))
    pane.edit_code(book.mechanism)
    info = project.code(book.mechanism)
    assert (info.definition, info.keywords, info.shortcut) == ("新的定义", ("制度",), None)
    assert pane.hub.undo_stack.command(0).text() == "Edit code"
    monkeypatch.setattr(dialogs.ColourChooser, "ask", classmethod(lambda cls, p, c: "#00aa00"))
    pane.recolour_code(book.mechanism)
    assert project.code(book.mechanism).colour == "#00AA00"
    assert pane.model().index_for(book.mechanism).data(COLOUR_ROLE) == "#00AA00"
    pane.hub.undo_stack.undo()
    pane.hub.undo_stack.undo()
    info = project.code(book.mechanism)
    assert (info.colour, info.definition, info.shortcut) == ("#F2C94C", "制度安排", "1")


def test_rename_through_model_and_undo(pane: CodebookPane, project: Project, book: Book) -> None:
    model = pane.model()
    assert model.setData(model.index_for(book.sharing), "  资源 共享 ")
    assert project.code(book.sharing).name == "资源 共享"
    assert model.index_for(book.sharing).data() == "资源 共享"
    pane.hub.undo_stack.undo()
    assert project.code(book.sharing).name == "共享"
    assert model.index_for(book.sharing).data() == "共享"


def test_rename_conflict_is_reported_not_pushed(
    pane: CodebookPane, project: Project, book: Book, notices: list[str]
) -> None:
    model = pane.model()
    assert not model.setData(model.index_for(book.supervision), "协同")
    assert project.code(book.supervision).name == "监管"
    assert pane.hub.undo_stack.count() == 0
    assert len(notices) == 1 and "already exists" in notices[0]


def test_move_by_drop_onto_code_and_undo(pane: CodebookPane, project: Project, book: Book) -> None:
    model = pane.model()
    target, data = model.index_for(book.resources), code_mime(book.supervision)
    assert model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0, target)
    assert model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, target)
    assert project.code(book.supervision).parent_id == book.resources
    assert model.index_for(book.supervision).parent().data(CODE_ID_ROLE) == book.resources
    pane.hub.undo_stack.undo()
    info = project.code(book.supervision)
    assert (info.parent_id, info.position) == (book.mechanism, 1)


def test_drop_between_rows_places_code(pane: CodebookPane, project: Project, book: Book) -> None:
    model = pane.model()
    # Between 机制 and 资源 at the top level: the sub-code becomes the second top-level code.
    move = Qt.DropAction.MoveAction
    assert model.dropMimeData(code_mime(book.sharing), move, 1, 0, QModelIndex())
    top = [c.name for c in project.codes() if c.parent_id is None]
    assert top == ["机制", "共享", "资源"]
    # Moving 协同 below 监管 within the same parent (row 2 = after the last child).
    parent = model.index_for(book.mechanism)
    assert model.dropMimeData(code_mime(book.cooperation), Qt.DropAction.MoveAction, 2, 0, parent)
    assert [c.name for c in project.codes() if c.parent_id == book.mechanism] == ["监管", "协同"]


def test_drop_into_own_subtree_is_refused(pane: CodebookPane, project: Project, book: Book) -> None:
    model = pane.model()
    for target in (book.mechanism, book.cooperation):
        index = model.index_for(target)
        data = code_mime(book.mechanism)
        assert not model.canDropMimeData(data, Qt.DropAction.MoveAction, -1, 0, index)
        assert not model.dropMimeData(data, Qt.DropAction.MoveAction, -1, 0, index)
    assert project.code(book.mechanism).parent_id is None
    assert pane.hub.undo_stack.count() == 0


def test_span_drop_codes_the_passage(
    qtbot, pane: CodebookPane, project: Project, book: Book, article: DocumentInfo
) -> None:
    model = pane.model()
    index = model.index_for(book.cooperation)
    data = span_mime(article.id, 5, 9)
    assert model.canDropMimeData(data, Qt.DropAction.CopyAction, -1, 0, index)
    assert not model.canDropMimeData(data, Qt.DropAction.CopyAction, 0, 0, index)  # between rows
    with qtbot.waitSignal(pane.codeApplied) as applied:
        assert model.dropMimeData(data, Qt.DropAction.CopyAction, -1, 0, index)
    assert applied.args == [book.cooperation]
    assert code_passages(project, book.cooperation) == [(5, 9)]
    assert model.index_for(book.mechanism, COUNT_COLUMN).data() == "1"
    pane.hub.undo_stack.undo()
    assert code_passages(project, book.cooperation) == []


def test_merge_with_chooser_and_undo(
    pane: CodebookPane, project: Project, book: Book, article: DocumentInfo, monkeypatch
) -> None:
    project.apply_code(article.id, book.mechanism, 0, 4)
    project.apply_code(article.id, book.cooperation, 5, 9)
    pane.hub.notify_passages(None)
    offered = []

    def choose(cls, parent, source, count, candidates):  # noqa: ANN001, ANN202
        offered.append(({c.id for c in candidates}, count))
        return book.sharing

    monkeypatch.setattr(dialogs.MergeTargetDialog, "ask", classmethod(choose))
    pane.merge_code(book.mechanism)
    assert offered == [({book.resources, book.sharing}, 2)]  # never its own subtree
    assert project.find_code("机制") is None
    assert code_passages(project, book.sharing) == [(0, 4)]
    assert project.code(book.cooperation).parent_id == book.sharing
    pane.hub.undo_stack.undo()
    assert code_passages(project, book.mechanism) == [(0, 4)]
    assert code_passages(project, book.sharing) == []
    assert project.code(book.cooperation).parent_id == book.mechanism


def test_delete_confirms_with_passage_count_and_undo(
    pane: CodebookPane, project: Project, book: Book, article: DocumentInfo, monkeypatch
) -> None:
    project.apply_code(article.id, book.mechanism, 0, 4)
    project.apply_code(article.id, book.supervision, 5, 9)
    project.apply_code(article.id, book.supervision, 10, 14)
    asked = []

    def confirm(cls, parent, code, count, subcodes):  # noqa: ANN001, ANN202
        asked.append((code.id, count, subcodes))
        return True

    monkeypatch.setattr(dialogs.DeleteConfirmation, "ask", classmethod(confirm))
    pane.select_code(book.supervision)
    pane.delete_code(book.mechanism)
    assert asked == [(book.mechanism, 3, 2)]
    assert project.find_code("机制") is None and project.find_code("机制/监管") is None
    assert project.stats().passages == 0
    assert sorted(tombstone_kinds(project)) == ["code"] * 3 + ["passage"] * 3  # kept for merges
    assert pane.current_code_id() is None  # the current code went with its parent
    pane.hub.undo_stack.undo()
    assert project.code(book.supervision).parent_id == book.mechanism
    assert code_passages(project, book.supervision) == [(5, 9), (10, 14)]
    assert project.stats().passages == 3


def test_delete_refused_keeps_everything(
    pane: CodebookPane, project: Project, book: Book, monkeypatch
) -> None:
    asked = []
    monkeypatch.setattr(
        dialogs.DeleteConfirmation, "ask", classmethod(lambda cls, *a: asked.append(a) or False)
    )
    pane.delete_code(book.sharing)
    assert asked and asked[0][2:] == (0, 0)  # no passages, no sub-codes: a simple question
    assert project.code(book.sharing).name == "共享"
    assert pane.hub.undo_stack.count() == 0


def visible_names(pane: CodebookPane) -> list[str]:
    proxy, out = pane.tree().model(), []

    def walk(parent: QModelIndex) -> None:
        for row in range(proxy.rowCount(parent)):
            index = proxy.index(row, 0, parent)
            out.append(index.data())
            walk(index)

    walk(QModelIndex())
    return out


def test_filter_keeps_ancestors_of_matches(pane: CodebookPane, book: Book) -> None:
    pane.filter_edit().setText("互认")  # a keyword of 协同
    assert visible_names(pane) == ["机制", "协同"]
    pane.filter_edit().setText("资源")  # a category: its sub-codes come along
    assert visible_names(pane) == ["资源", "共享"]
    pane.filter_edit().clear()
    assert visible_names(pane) == ["机制", "协同", "监管", "资源", "共享"]


def test_details_show_definition_and_keywords(qtbot, pane: CodebookPane, book: Book) -> None:
    with qtbot.waitSignal(pane.currentCodeChanged) as changed:
        pane.select_code(book.cooperation)
    assert changed.args == [book.cooperation]
    text = pane.details_text()
    assert "机制 / 协同" in text and "跨区域协同" in text and "联席会议、互认" in text
    pane.select_code(book.mechanism)
    assert "制度安排" in pane.details_text() and "1" in pane.details_text()


def test_expansion_and_current_survive_resets(pane: CodebookPane, book: Book) -> None:
    tree, model = pane.tree(), pane.model()

    def expanded(code_id: int) -> bool:
        return tree.isExpanded(tree.model().mapFromSource(model.index_for(code_id)))

    assert expanded(book.mechanism) and expanded(book.resources)  # open by default
    tree.collapse(tree.model().mapFromSource(model.index_for(book.resources)))
    pane.select_code(book.supervision)
    assert model.setData(model.index_for(book.sharing), "共享机制")  # rename
    pane.add_code(parent_id=book.mechanism, name="新增")  # a real reset
    assert not expanded(book.resources) and expanded(book.mechanism)
    pane.select_code(book.supervision)
    pane.hub.undo_stack.undo()
    assert pane.current_code_id() == book.supervision
    assert tree.currentIndex().data(CODE_ID_ROLE) == book.supervision
    assert not expanded(book.resources)


def test_click_emits_code_clicked(qtbot, pane: CodebookPane, book: Book) -> None:
    pane.show()
    qtbot.waitExposed(pane)
    tree = pane.tree()
    rect = tree.visualRect(tree.model().mapFromSource(pane.model().index_for(book.supervision)))
    with qtbot.waitSignal(pane.codeClicked) as clicked:
        qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert clicked.args == [book.supervision]


def test_editor_rejects_taken_shortcut(qtbot) -> None:
    dialog = CodeEditorDialog(CodeDraft("新", "#F2C94C"), {"1": "机制"}, "New code")
    qtbot.addWidget(dialog)
    dialog.shortcut_edit.setText("1")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "机制" in dialog.error_label.text()
    dialog.shortcut_edit.setText("a")
    dialog.keywords_edit.setText("协同，互认、 联席会议; 协同")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.draft() == CodeDraft("新", "#F2C94C", "", ("协同", "互认", "联席会议"), "a")


def test_parse_keywords() -> None:
    assert parse_keywords("a, b，c、d;e；f ,, a") == ("a", "b", "c", "d", "e", "f")


def test_render_screenshot(qtbot, pane: CodebookPane, project: Project, book: Book,
                           article: DocumentInfo) -> None:
    project.apply_code(article.id, book.cooperation, 5, 9)
    project.apply_code(article.id, book.sharing, 10, 14)
    extra = project.add_code("推动科技创新券通用通兑", parent_id=book.sharing, colour="#A8DADC")
    pane.hub.notify_codebook(passages=True)
    pane.select_code(book.cooperation)
    pane.show()
    qtbot.waitExposed(pane)
    assert extra.id in pane.model().tree
    assert pane.grab().save("/tmp/codebook_pane.png")


def test_span_dropped_on_the_view_is_coded(
    qtbot, pane: CodebookPane, project: Project, book: Book, article: DocumentInfo
) -> None:
    """Through the real view and proxy: external drops must not be refused as InternalMove
    would."""
    pane.show()
    qtbot.waitExposed(pane)
    tree = pane.tree()
    rect = tree.visualRect(tree.model().mapFromSource(pane.model().index_for(book.sharing)))
    pos, data = rect.center(), span_mime(article.id, 0, 4)
    copy, left = Qt.DropAction.CopyAction, Qt.MouseButton.LeftButton
    none = Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(tree.viewport(), QDragEnterEvent(pos, copy, data, left, none))
    move = QDragMoveEvent(pos, copy, data, left, none)
    QApplication.sendEvent(tree.viewport(), move)
    assert move.isAccepted()
    with qtbot.waitSignal(pane.codeApplied):
        QApplication.sendEvent(tree.viewport(), QDropEvent(QPointF(pos), copy, data, left, none))
    assert code_passages(project, book.sharing) == [(0, 4)]


def test_inline_rename_and_view_move(
    qtbot, pane: CodebookPane, project: Project, book: Book
) -> None:
    pane.show()
    qtbot.waitExposed(pane)
    tree, model = pane.tree(), pane.model()
    pane.select_code(book.supervision)
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_F2)
    editor = tree.viewport().findChild(QLineEdit)
    assert editor is not None and editor.text() == "监管"
    editor.setText("监督")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits through a queued call
    qtbot.waitUntil(lambda: project.code(book.supervision).name == "监督")
    assert model.index_for(book.supervision).data() == "监督"
    # Drop the code on 资源 through the view and its proxy: it becomes a sub-code.
    target = tree.visualRect(tree.model().mapFromSource(model.index_for(book.resources)))
    pos, data = target.center(), code_mime(book.supervision)
    move, left = Qt.DropAction.MoveAction, Qt.MouseButton.LeftButton
    none = Qt.KeyboardModifier.NoModifier
    QApplication.sendEvent(tree.viewport(), QDragEnterEvent(pos, move, data, left, none))
    QApplication.sendEvent(tree.viewport(), QDragMoveEvent(pos, move, data, left, none))
    QApplication.sendEvent(tree.viewport(), QDropEvent(QPointF(pos), move, data, left, none))
    assert project.code(book.supervision).parent_id == book.resources
    assert pane.current_code_id() == book.supervision
