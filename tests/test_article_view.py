"""The article view: highlights at the right UTF-16 positions, selection in code points,
coding through the context menu and undo, the passage popup, overlaps, drag payload."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QTextCursor, QTextFormat
from PySide6.QtWidgets import QMenu, QPlainTextEdit

from annotator.db import passages as passage_repo
from annotator.project import Project
from annotator.records import DocumentInfo, PassageInfo
from annotator.ui.article.fonts import PREFERRED_FAMILIES
from annotator.ui.article.highlighter import fill_colour, line_colour
from annotator.ui.article.layer import Layer
from annotator.ui.article.view import ArticleView
from annotator.ui.commands import UpdateCode
from annotator.ui.hub import ProjectHub
from annotator.ui.offsets import OffsetMap
from annotator.ui.recent_codes import SPAN_MIME, RecentCodes, decode_span

SCREENSHOT = Path("/tmp/article_view.png")


@dataclass
class Codes:
    mechanism: int  # 机制 (parent)
    meeting: int  # 机制 / 联席会议
    supervision: int  # 监管
    sharing: int  # 共享


@pytest.fixture
def codes(project: Project) -> Codes:
    m = project.add_code("机制", colour="#9CC3F0").id
    meeting = project.add_code("联席会议", parent_id=m, colour="#F2C94C").id
    sup = project.add_code("监管", colour="#F4A6A6").id
    sh = project.add_code("共享", colour="#8FD3A8").id
    return Codes(m, meeting, sup, sh)


@pytest.fixture
def hub(qapp, project: Project) -> ProjectHub:
    hub = ProjectHub()
    hub.project = project  # the fixture owns (and closes) the project
    return hub


@pytest.fixture
def recent(qapp) -> RecentCodes:
    return RecentCodes()


@pytest.fixture
def view(qtbot, hub: ProjectHub, recent: RecentCodes) -> ArticleView:
    widget = ArticleView(hub, recent)
    qtbot.addWidget(widget)
    widget.resize(820, 620)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def text_of(project: Project, doc: DocumentInfo) -> str:
    return project.document_text(doc.id)


def code_span(project: Project, doc: DocumentInfo, code_id: int, phrase: str) -> PassageInfo:
    text = text_of(project, doc)
    start = text.index(phrase)
    return project.apply_code(doc.id, code_id, start, start + len(phrase))


def fills(view: ArticleView) -> dict[tuple[int, int], QColor]:
    """The view's extra selections as {(UTF-16 start, end): background colour}."""
    return {
        (sel.cursor.selectionStart(), sel.cursor.selectionEnd()): sel.format.background().color()
        for sel in view.editor().extraSelections()
        if not sel.format.hasProperty(QTextFormat.Property.OutlinePen)
    }


def qt_text(view: ArticleView, start: int, end: int) -> str:
    """The editor's text between two UTF-16 positions."""
    cursor = QTextCursor(view.editor().document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor.selectedText()


def point_of(view: ArticleView, text: str, offset: int) -> QPoint:
    """A viewport point inside the character at code-point ``offset``."""
    editor = view.editor()
    cursor = QTextCursor(editor.document())
    cursor.setPosition(OffsetMap(text).to_utf16(offset))
    rect = editor.cursorRect(cursor)
    return QPoint(rect.x() + 4, rect.center().y())


def select_utf16(view: ArticleView, start: int, end: int) -> None:
    cursor = QTextCursor(view.editor().document())
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    view.editor().setTextCursor(cursor)


def find_action(menu: QMenu, code_id: int):
    for action in menu.actions():
        if action.menu() is not None:
            found = find_action(action.menu(), code_id)
            if found is not None:
                return found
        elif action.data() == code_id:
            return action
    return None


def submenu(menu: QMenu, title: str) -> QMenu:
    return next(a.menu() for a in menu.actions() if a.menu() is not None and a.text() == title)


# -- reading --------------------------------------------------------------------------------
def test_reading_setup(view: ArticleView, project: Project, article: DocumentInfo) -> None:
    view.show_document(article.id)
    editor = view.editor()
    assert isinstance(editor, QPlainTextEdit)
    assert editor.isReadOnly()
    flags = editor.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByMouse
    assert flags & Qt.TextInteractionFlag.TextSelectableByKeyboard
    assert editor.toPlainText() == text_of(project, article)
    assert editor.font().families()[0] in PREFERRED_FAMILIES
    assert 13 <= editor.font().pointSizeF() <= 15
    assert view.document_id() == article.id
    view.show_document(None)
    assert view.document_id() is None and editor.toPlainText() == ""


def test_passages_highlighted_at_utf16_positions(
    view: ArticleView, project: Project, article: DocumentInfo, codes: Codes
) -> None:
    text = text_of(project, article)
    meeting = code_span(project, article, codes.meeting, "联席会议制度")
    after = code_span(project, article, codes.supervision, "，常态化推进")  # right after
    astral = code_span(project, article, codes.sharing, "兑，𠮷𠮷两")
    colours = {c.id: c.colour for c in project.codes()}
    view.show_document(article.id)

    offsets = OffsetMap(text)
    shown = fills(view)
    for passage in (meeting, after, astral):
        utf16 = offsets.span_to_utf16(passage.start, passage.end)
        assert shown[utf16] == fill_colour(colours[passage.code_id])
        assert qt_text(view, *utf16) == passage.text
    # The astral passage is two UTF-16 units longer than in code points.
    start, end = offsets.span_to_utf16(astral.start, astral.end)
    assert end - start == (astral.end - astral.start) + 2
    # A passage after the astral characters lands on the right text too.
    tail = code_span(project, article, codes.meeting, "两字在外")
    view.refresh()
    start, end = offsets.span_to_utf16(tail.start, tail.end)
    assert qt_text(view, start, end) == "两字在外"
    assert (start, end) in fills(view)


def test_selected_span_is_in_code_points(
    view: ArticleView, project: Project, article: DocumentInfo
) -> None:
    text = text_of(project, article)
    view.show_document(article.id)
    assert view.selected_span() is None
    offsets = OffsetMap(text)
    start = text.index("两字在外")  # after 𠮷𠮷: UTF-16 is two ahead
    with_signal = []
    view.selectionChanged.connect(lambda: with_signal.append(1))
    select_utf16(view, offsets.to_utf16(start), offsets.to_utf16(start + 4))
    assert with_signal
    span = view.selected_span()
    assert span == (start, start + 4)
    assert text[span[0] : span[1]] == "两字在外"


def test_half_an_astral_character_widens(
    view: ArticleView, project: Project, article: DocumentInfo
) -> None:
    text = text_of(project, article)
    view.show_document(article.id)
    first = text.index("𠮷")
    u = OffsetMap(text).to_utf16(first)
    select_utf16(view, u - 1, u + 1)  # "兑" and the first half of 𠮷
    span = view.selected_span()
    assert span is not None
    assert text[span[0] : span[1]] == "，𠮷"
    select_utf16(view, u + 1, u + 3)  # second half of the first 𠮷 and the first of the next
    span = view.selected_span()
    assert text[span[0] : span[1]] == "𠮷𠮷"


def test_select_span_and_reveal(view: ArticleView, project: Project, codes: Codes) -> None:
    paragraph = "推动区域协同创新，建立联席会议制度。"
    text = "\n".join([paragraph] * 300) + "\n末段：𠮷两字在外。"
    doc = project.add_document("长文", text)
    text = project.document_text(doc.id)
    view.show_document(doc.id)
    start = text.index("两字")
    view.select_span(start, start + 2)
    assert view.selected_span() == (start, start + 2)
    assert view.editor().textCursor().selectedText() == "两字"
    view.select_span(0, 2)
    assert view.editor().firstVisibleBlock().blockNumber() == 0
    view.reveal(start, start + 2)  # from the passages pane: scrolled to and selected
    assert view.selected_span() == (start, start + 2)
    first, last = view.editor().visible_range()
    assert first <= OffsetMap(text).to_utf16(start) < last


# -- coding ---------------------------------------------------------------------------------
def test_context_menu_codes_selection_and_undo(
    view: ArticleView, project: Project, article: DocumentInfo, codes: Codes,
    hub: ProjectHub, recent: RecentCodes, qtbot,
) -> None:
    text = text_of(project, article)
    view.show_document(article.id)
    recent.touch(codes.supervision)

    menu = view.build_context_menu()  # nothing selected: coding disabled
    assert not find_action(menu, codes.supervision).isEnabled()
    assert not submenu(menu, "All codes").isEnabled()

    start = text.index("𠮷𠮷两字")
    view.select_span(start, start + 4)
    menu = view.build_context_menu()
    recent_action = find_action(menu, codes.supervision)
    assert recent_action.isEnabled() and recent_action.text() == "监管"
    tree = submenu(menu, "All codes")
    assert find_action(tree, codes.meeting) is not None  # nested under 机制
    assert find_action(submenu(tree, "机制"), codes.mechanism) is not None  # parent itself

    find_action(tree, codes.meeting).trigger()
    stored = project.passages(document_id=article.id)
    assert [(p.code_id, p.start, p.end, p.text) for p in stored] == [
        (codes.meeting, start, start + 4, "𠮷𠮷两字")
    ]
    assert recent.ids()[0] == codes.meeting
    utf16 = OffsetMap(text).span_to_utf16(start, start + 4)
    qtbot.waitUntil(lambda: utf16 in fills(view))
    assert fills(view)[utf16] == fill_colour("#F2C94C")

    hub.undo_stack.undo()
    assert project.passages(document_id=article.id) == []
    qtbot.waitUntil(lambda: fills(view) == {})
    hub.undo_stack.redo()
    qtbot.waitUntil(lambda: utf16 in fills(view))


def test_context_menu_removes_passage_under_pointer(
    view: ArticleView, project: Project, article: DocumentInfo, codes: Codes, qtbot
) -> None:
    text = text_of(project, article)
    passage = code_span(project, article, codes.supervision, "信息互通")
    view.show_document(article.id)
    menu = view.build_context_menu(point_of(view, text, passage.start + 1))
    remove = submenu(menu, "Remove code")
    assert remove.isEnabled()
    (action,) = remove.actions()
    assert action.data() == passage.id and "监管" in action.text() and "甲" in action.text()
    action.trigger()
    assert project.passages(document_id=article.id) == []
    qtbot.waitUntil(lambda: fills(view) == {})
    # Elsewhere there is nothing to remove.
    menu = view.build_context_menu(point_of(view, text, text.index("来源")))
    assert not submenu(menu, "Remove code").isEnabled()


def test_refresh_keeps_scroll_and_selection(
    view: ArticleView, project: Project, codes: Codes, hub: ProjectHub, qtbot
) -> None:
    long_text = "\n".join(f"第{i}段：推动区域协同创新，建立联席会议制度。" * 3 for i in range(300))
    doc = project.add_document("长文", long_text)
    view.show_document(doc.id)
    bar = view.editor().verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    anchor = view.editor().firstVisibleBlock().position() + 3
    view.select_span(anchor, anchor + 5)
    first_visible = view.editor().firstVisibleBlock().blockNumber()
    offset = view.editor().contentOffset().y()
    calls = []
    original = project.passages
    project.passages = lambda **kw: calls.append(kw) or original(**kw)  # type: ignore[method-assign]
    try:
        hub.notify_passages(frozenset({doc.id + 1000}))  # another document: ignored
        qtbot.wait(10)
        assert calls == []
        project.apply_code(doc.id, codes.sharing, 10, 20)
        hub.notify_passages(frozenset({doc.id}))
        assert len(calls) == 1  # at once: a coding shows immediately
        for _ in range(5):  # a bulk macro: the rest of the turn folds into one refresh
            hub.notify_passages(frozenset({doc.id}))
        assert len(calls) == 1
        qtbot.waitUntil(lambda: len(calls) == 2)
        qtbot.wait(10)
        assert len(calls) == 2
    finally:
        project.passages = original  # type: ignore[method-assign]
    # (The scroll bar counts estimated lines, so compare what is on screen instead.)
    assert view.editor().firstVisibleBlock().blockNumber() == first_visible
    assert view.editor().contentOffset().y() == offset
    assert view.selected_span() == (anchor, anchor + 5)
    view.show_document(doc.id)  # chosen again in the list: the place is kept
    assert view.editor().firstVisibleBlock().blockNumber() == first_visible


def test_only_visible_blocks_get_selections(
    view: ArticleView, project: Project, codes: Codes, qtbot
) -> None:
    paragraph = "推动区域协同创新，建立联席会议制度。"
    doc = project.add_document("长文", "\n".join([paragraph] * 400))
    text = project.document_text(doc.id)
    with project.session_scope() as s:  # one transaction for 400 passages
        for k in range(400):
            start = k * (len(paragraph) + 1)
            passage_repo.apply_code(
                s, document_id=doc.id, code_id=codes.sharing if k % 2 else codes.supervision,
                coder_id=project.coder.id, start=start, end=start + 4,
            )
    view.show_document(doc.id)
    assert 0 < len(fills(view)) < 100  # not all 400
    view.editor().moveCursor(QTextCursor.MoveOperation.End)
    view.editor().ensureCursorVisible()
    last = len(text) - len(paragraph)
    qtbot.waitUntil(lambda: (last, last + 4) in fills(view))


def test_codebook_change_recolours(
    view: ArticleView, project: Project, article: DocumentInfo, codes: Codes,
    hub: ProjectHub, qtbot,
) -> None:
    passage = code_span(project, article, codes.supervision, "监管互认")
    view.show_document(article.id)
    utf16 = OffsetMap(text_of(project, article)).span_to_utf16(passage.start, passage.end)
    hub.undo_stack.push(UpdateCode(hub, codes.supervision, colour="#C00000"))
    qtbot.waitUntil(lambda: fills(view).get(utf16) == fill_colour("#C00000"))
    # A dark colour is lightened behind black text.
    assert fill_colour("#C00000").lightnessF() > QColor("#C00000").lightnessF()


def test_visible_coders_filter(
    view: ArticleView, project: Project, article: DocumentInfo, codes: Codes
) -> None:
    mine = code_span(project, article, codes.supervision, "信息互通")
    other = project.set_coder("乙")
    theirs = code_span(project, article, codes.sharing, "监管互认")
    view.show_document(article.id)
    assert {p.id for p in view.layer().passages} == {mine.id, theirs.id}
    view.set_visible_coders({other.id})
    assert [p.id for p in view.layer().passages] == [theirs.id]
    assert len(fills(view)) == 1
    view.set_visible_coders(None)
    assert len(fills(view)) == 2


# -- overlaps -------------------------------------------------------------------------------
def test_overlapping_passages_both_visible(
    view: ArticleView, project: Project, article: DocumentInfo, codes: Codes
) -> None:
    text = text_of(project, article)
    outer = code_span(project, article, codes.mechanism, "三地建立联席会议制度，常态化推进")
    inner = code_span(project, article, codes.meeting, "联席会议制度")
    view.show_document(article.id)
    offsets = OffsetMap(text)
    o_start, o_end = offsets.span_to_utf16(outer.start, outer.end)
    i_start, i_end = offsets.span_to_utf16(inner.start, inner.end)
    shown = fills(view)
    # The outer code fills its text on both sides, the inner code fills the overlap...
    assert shown[(o_start, i_start)] == fill_colour("#9CC3F0")
    assert shown[(i_start, i_end)] == fill_colour("#F2C94C")
    assert shown[(i_end, o_end)] == fill_colour("#9CC3F0")
    # ...and the outer code still shows across the overlap as a bar in its colour.
    assert view.editor().overlaps() == [(i_start, i_end, (line_colour("#9CC3F0"),))]
    # The popup and the margin list both; innermost first.
    assert [p.id for p in view.layer().passages_at(inner.start)] == [inner.id, outer.id]
    stripes = view._margin._stripes()  # noqa: SLF001 - the margin paints these
    assert {p.id for _rect, p in stripes} == {outer.id, inner.id}
    assert len({rect.x() for rect, _p in stripes}) == 2  # side by side, not on top


def test_layer_segments_innermost_first() -> None:
    def make(pid: int, code: int, start: int, end: int) -> PassageInfo:
        return PassageInfo(pid, "", 1, code, 1, "甲", start, end, "", "", None)  # type: ignore[arg-type]

    layer = Layer([make(1, 10, 0, 10), make(2, 20, 3, 6), make(3, 30, 5, 12)])
    segments = [(s.start, s.end, [p.id for p in s.passages]) for s in layer.segments(0, 20)]
    assert segments == [
        (0, 3, [1]), (3, 5, [2, 1]), (5, 6, [2, 3, 1]), (6, 10, [3, 1]), (10, 12, [3]),
    ]
    clipped = [(s.start, s.end, [p.id for p in s.passages]) for s in layer.segments(4, 8)]
    assert clipped == [(4, 5, [2, 1]), (5, 6, [2, 3, 1]), (6, 8, [3, 1])]
    assert layer.passages_at(12) == [] and [x.id for x in layer.passages_at(0)] == [1]


# -- popup ----------------------------------------------------------------------------------
def test_click_opens_popup_and_remove_deletes(
    view: ArticleView, project: Project, article: DocumentInfo, codes: Codes,
    hub: ProjectHub, qtbot,
) -> None:
    text = text_of(project, article)
    outer = code_span(project, article, codes.mechanism, "三地建立联席会议制度")
    inner = code_span(project, article, codes.meeting, "联席会议")
    view.show_document(article.id)
    with qtbot.waitSignal(view.passagesClicked) as clicked:
        qtbot.mouseClick(
            view.editor().viewport(), Qt.MouseButton.LeftButton,
            pos=point_of(view, text, inner.start + 1),
        )
    assert clicked.args == [[inner.id, outer.id]]
    popup = view.popup()
    assert popup.isVisible()
    assert popup.passage_ids() == [inner.id, outer.id]
    row = popup.row(inner.id)
    assert row.code_label.text() == "机制 / 联席会议"
    assert "甲" in row.meta_label.text()

    qtbot.mouseClick(row.remove_button, Qt.MouseButton.LeftButton)
    assert [p.id for p in project.passages(document_id=article.id)] == [outer.id]
    assert popup.passage_ids() == [outer.id]
    popup.remove(outer.id)
    assert project.passages(document_id=article.id) == []
    assert not popup.isVisible()
    qtbot.waitUntil(lambda: fills(view) == {})
    hub.undo_stack.undo()
    assert [p.id for p in project.passages(document_id=article.id)] == [outer.id]


def test_click_on_plain_text_opens_nothing(
    view: ArticleView, project: Project, article: DocumentInfo, codes: Codes, qtbot
) -> None:
    text = text_of(project, article)
    code_span(project, article, codes.meeting, "联席会议")
    view.show_document(article.id)
    with qtbot.assertNotEmitted(view.passagesClicked):
        qtbot.mouseClick(
            view.editor().viewport(), Qt.MouseButton.LeftButton,
            pos=point_of(view, text, text.index("来源") + 1),
        )
    assert not view.popup().isVisible()


def test_popup_saves_memo(
    view: ArticleView, project: Project, article: DocumentInfo, codes: Codes,
    hub: ProjectHub, qtbot,
) -> None:
    passage = code_span(project, article, codes.sharing, "推广科技创新券")
    view.show_document(article.id)
    popup = view.popup()
    popup.show_passages([passage.id])
    row = popup.row(passage.id)
    assert not row.save_button.isEnabled()
    popup.memo_edit(passage.id).setPlainText("  创新券跨区域使用  ")
    assert row.save_button.isEnabled()
    qtbot.mouseClick(row.save_button, Qt.MouseButton.LeftButton)
    assert project.passage(passage.id).memo == "创新券跨区域使用"
    assert popup.memo_edit(passage.id).toPlainText() == "创新券跨区域使用"
    assert not row.save_button.isEnabled()
    hub.undo_stack.undo()
    assert project.passage(passage.id).memo == ""
    assert popup.memo_edit(passage.id).toPlainText() == ""


# -- drag -----------------------------------------------------------------------------------
def test_dragging_the_selection_carries_the_span(
    view: ArticleView, project: Project, article: DocumentInfo, qtbot, monkeypatch
) -> None:
    text = text_of(project, article)
    view.show_document(article.id)
    start = text.index("𠮷两字")
    view.select_span(start, start + 3)
    mime = view.span_mime_data()
    assert decode_span(mime.data(SPAN_MIME).data()) == (article.id, start, start + 3)
    assert mime.text() == "𠮷两字"

    dragged = []
    monkeypatch.setattr(view, "_exec_drag", lambda drag: dragged.append(drag.mimeData()))
    viewport = view.editor().viewport()
    press = point_of(view, text, start + 1)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=press)
    assert view.selected_span() == (start, start + 3)  # pressing inside keeps the selection
    qtbot.mouseMove(viewport, press + QPoint(40, 30))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=press + QPoint(40, 30))
    assert len(dragged) == 1
    assert decode_span(dragged[0].data(SPAN_MIME).data()) == (article.id, start, start + 3)


def test_press_outside_selection_selects_normally(
    view: ArticleView, project: Project, article: DocumentInfo, qtbot, monkeypatch
) -> None:
    text = text_of(project, article)
    view.show_document(article.id)
    dragged = []
    monkeypatch.setattr(view, "_exec_drag", lambda drag: dragged.append(drag))
    start = text.index("三地")
    viewport = view.editor().viewport()
    a, b = point_of(view, text, start), point_of(view, text, start + 6)
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=a - QPoint(3, 0))
    qtbot.mouseMove(viewport, b - QPoint(3, 0))
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=b - QPoint(3, 0))
    assert dragged == []
    span = view.selected_span()
    assert span is not None and text[span[0] : span[1]] == "三地建立联席"


# -- screenshot -----------------------------------------------------------------------------
def test_screenshot_of_a_coded_article(
    view: ArticleView, project: Project, article: DocumentInfo, codes: Codes, qtbot
) -> None:
    whole_clause = "三地建立联席会议制度，常态化推进“信息互通、监管互认”"
    code_span(project, article, codes.mechanism, whole_clause)
    code_span(project, article, codes.meeting, "联席会议制度")
    code_span(project, article, codes.supervision, "常态化推进“信息互通、监管互认")
    code_span(project, article, codes.sharing, "推广科技创新券通用通兑，𠮷𠮷")
    code_span(project, article, codes.supervision, "𠮷两字")
    code_span(project, article, codes.mechanism, "建立跨区域协同机制")
    view.resize(760, 400)
    view.show_document(article.id)
    qtbot.wait(20)
    image = view.grab().toImage()
    assert image.save(str(SCREENSHOT))
    # Highlight colours reached the pixels.
    found = {image.pixelColor(x, y).name() for x in range(0, image.width(), 3)
             for y in range(0, image.height(), 3)}
    assert fill_colour("#F2C94C").name() in found and fill_colour("#9CC3F0").name() in found
